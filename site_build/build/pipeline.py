"""The build pipeline: load, check, build with the host into staging, publish."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from site_build.build.host import Host, build_order, find_host, find_hosts
from site_build.build.indexer import Indexer, find_indexers
from site_build.build.output import clean_stale, output_problem, write_marker
from site_build.build.publish import publish, remove_staging, staging_dir
from site_build.checks import ExternalLink, external_links, run_checks
from site_build.content.config import CONFIG_FILE
from site_build.content.courses import COURSES_DIR
from site_build.content.load import load_site
from site_build.diagnostics import Diagnostic, has_errors
from site_build.diagnostics.errors import BrobyggerError, ContentError, HostError, PublishError
from site_build.io.yaml12 import YamlProblem, key_line, load_yaml
from site_build.model import Site

__all__ = ["BuildReport", "CheckReport", "build_project", "check_project", "serve_project"]

T = TypeVar("T")


@dataclass(frozen=True)
class CheckReport:
    """The outcome of ``check``."""

    site: Site
    diagnostics: tuple[Diagnostic, ...]
    external: tuple[ExternalLink, ...] = field(default=())

    def failed(self, strict: bool) -> bool:
        """True if the diagnostics fail a run in this mode."""
        return has_errors(self.diagnostics, strict)


@dataclass(frozen=True)
class BuildReport:
    """The outcome of a successful ``build``."""

    check: CheckReport
    out: Path
    pages: int
    # What the build did beside publishing (stale staging folders removed, ...), for the log.
    notes: tuple[str, ...] = ()


def check_project(root: Path, *, hosts: Sequence[Host] = (), today: dt.date | None = None,
                  external: bool = False,
                  jobs: int | None = None) -> CheckReport:
    """Load and check the project; write nothing.

    Args:
        root: The project folder.
        hosts: Validate these hosts' configuration too.
        today: The date review deadlines are compared with.
        external: Also list external links.
        jobs: Worker processes (``None``: one per core).
    """
    loaded = load_site(root, jobs)
    diagnostics = [*loaded.diagnostics, *run_checks(loaded.site, today)]
    for host in hosts:
        diagnostics += host.validate(root.resolve())
    diagnostics += _site_dir_problems(root.resolve(), loaded.site, hosts)
    links = tuple(external_links(loaded.site)) if external else ()
    return CheckReport(loaded.site, tuple(sorted(set(diagnostics))), links)


def build_project(root: Path, out: Path | None = None, *, strict: bool = True,
                  hosts: Sequence[Host] | None = None, jobs: int | None = None,
                  indexers: Sequence[Indexer] | None = None) -> BuildReport:
    """Check, let each host build into its sub-path of one staging folder, then publish it.

    On any error nothing is published, the previous ``out`` is untouched and the staging
    folder is removed.

    Args:
        root: The project folder.
        out: The published site (default: ``site_dir`` of the project's configuration).
        strict: Warnings fail the build.
        hosts: The hosts to build with (default: every one in the ``brobygger.hosts`` entry
            points); the one building the root goes first.
        jobs: Worker processes for loading (``None``: one per core).
        indexers: The search indexers (default: every one in the ``brobygger.indexers``
            entry points).

    Raises:
        ContentError: The content or configuration has errors (or warnings, in strict mode).
        HostError: A host failed.
        PublishError: The swap failed.
    """
    root = root.resolve()
    ordered = build_order(list(hosts)) if hosts is not None else find_hosts()
    report = check_project(root, hosts=ordered, jobs=jobs)
    target = (out or root / report.site.config.site_dir).resolve()
    problem = output_problem(target, root, source_folders(root, report.site, ordered))
    # What a killed build left is cleared first, so a failing build still puts back a site
    # that an interrupted publish moved aside.
    notes = clean_stale(target) if problem is None else []
    if report.failed(strict):
        raise ContentError(report.diagnostics)
    if problem is not None:
        if out is None:
            raise ContentError([_site_dir_diagnostic(root, problem)])
        raise PublishError(f"the output folder '{out}' (--out) {problem}; nothing was written")
    staging = staging_dir(target)
    site = report.site
    try:
        searches = find_indexers() if indexers is None else list(indexers)
        for indexer in searches:
            site = _prepare_with(indexer, root, site, jobs)
        for host in ordered:
            _build_with(host, root, site, staging, strict)
        for indexer in searches:
            notes += _index_with(indexer, lambda i: i.write(root, site, staging))
        write_marker(staging)
        notes += publish(staging, target)
    except OSError as exc:
        raise PublishError(f"could not finish the staging folder {staging}: {exc}; the "
                           "previous site is untouched") from exc
    finally:
        problem = remove_staging(staging)
        if problem:
            notes.append(problem)
    return BuildReport(report, target, len(report.site.pages), tuple(notes))


def source_folders(root: Path, site: Site, hosts: Sequence[Host]) -> list[Path]:
    """The project's folders a build reads: docs, courses, and each host's own (if it says).

    A host may define ``sources(root) -> list[Path]`` (MkDocs: its theme's ``custom_dir``).
    """
    folders = [root / site.config.docs_dir, root / COURSES_DIR]
    for host in hosts:
        sources = getattr(host, "sources", None)
        if callable(sources):
            folders += sources(root)
    return [f.resolve() for f in folders]


def _site_dir_diagnostic(root: Path, problem: str) -> Diagnostic:
    """``problem`` with ``site_dir`` as a diagnostic on its ``mkdocs.yml`` line."""
    try:
        data = load_yaml((root / CONFIG_FILE).read_text(encoding="utf-8")).data
    except (OSError, UnicodeDecodeError, YamlProblem):
        data = None
    return Diagnostic(CONFIG_FILE, key_line(data, "site_dir", 1), "site_dir",
                      f"the output folder {problem}")


def _site_dir_problems(root: Path, site: Site, hosts: Sequence[Host]) -> list[Diagnostic]:
    """``site_dir`` in (or around) the project's sources; an unmarked folder is a build's
    concern, not the configuration's."""
    target = (root / site.config.site_dir).resolve()
    problem = output_problem(target, root, source_folders(root, site, hosts), replacing=False)
    if problem is None:
        return []
    return [_site_dir_diagnostic(root, problem)]


def _build_with(host: Host, root: Path, site: Site, staging: Path, strict: bool) -> None:
    """One host's build into its sub-path; any failure of it becomes a ``HostError``."""
    target = staging / host.subpath
    if host.subpath and target.exists():
        raise HostError(f"host '{host.name}' would build into '{host.subpath}', which another "
                        "host has already built")
    try:
        host.build(root, site, target, strict)
    except BrobyggerError:
        raise
    except Exception as exc:  # a host failure of any kind must not reach publishing
        raise HostError(f"{host.name} failed: {type(exc).__name__}: {exc}") from exc


def _index_with(indexer: Indexer, step: Callable[[Indexer], T]) -> T:
    """One step of an indexer; any failure of it becomes a ``HostError`` (nothing published)."""
    try:
        return step(indexer)
    except BrobyggerError:
        raise
    except Exception as exc:  # like a host's: a failed index must not reach publishing
        raise HostError(f"search indexer '{indexer.name}' failed: {type(exc).__name__}: "
                        f"{exc}") from exc


def _prepare_with(indexer: Indexer, root: Path, site: Site, jobs: int | None) -> Site:
    return _index_with(indexer, lambda i: i.prepare(root, site, jobs))


def serve_project(root: Path, address: str = "127.0.0.1", port: int = 8000,
                  host: Host | None = None) -> None:
    """Serve a live preview that rebuilds on changes in content, courses and the config.

    Only the host that builds the root serves (default: the ``mkdocs`` entry point). Content
    errors do not stop it: the host shows what could be built and lists the errors on every
    page until they are fixed.

    Raises:
        ContentError: The configuration has errors (there is nothing to preview with).
    """
    root = root.resolve()
    report = check_project(root)
    if has_errors(d for d in report.diagnostics if d.path == CONFIG_FILE):
        raise ContentError(report.diagnostics)
    (host or find_host()).serve(root, address, port, [root / COURSES_DIR])
