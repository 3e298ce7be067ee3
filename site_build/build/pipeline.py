"""The build pipeline: load, check, build with the host into staging, publish."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from site_build.build.host import Host, build_order, find_host, find_hosts
from site_build.build.publish import publish, staging_dir
from site_build.checks import ExternalLink, external_links, run_checks
from site_build.content.courses import COURSES_DIR
from site_build.content.load import load_site
from site_build.diagnostics import Diagnostic, has_errors
from site_build.diagnostics.errors import BrobyggerError, ContentError, HostError
from site_build.model import Site

__all__ = ["BuildReport", "CheckReport", "build_project", "check_project", "serve_project"]


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
    links = tuple(external_links(loaded.site)) if external else ()
    return CheckReport(loaded.site, tuple(sorted(set(diagnostics))), links)


def build_project(root: Path, out: Path | None = None, *, strict: bool = True,
                  hosts: Sequence[Host] | None = None, jobs: int | None = None) -> BuildReport:
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

    Raises:
        ContentError: The content or configuration has errors (or warnings, in strict mode).
        HostError: A host failed.
        PublishError: The swap failed.
    """
    root = root.resolve()
    ordered = build_order(list(hosts)) if hosts is not None else find_hosts()
    report = check_project(root, hosts=ordered, jobs=jobs)
    if report.failed(strict):
        raise ContentError(report.diagnostics)
    out = (out or root / report.site.config.site_dir).resolve()
    staging = staging_dir(out)
    try:
        for host in ordered:
            _build_with(host, root, report.site, staging, strict)
        publish(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return BuildReport(report, out, len(report.site.pages))


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


def serve_project(root: Path, address: str = "127.0.0.1", port: int = 8000,
                  host: Host | None = None) -> None:
    """Serve a live preview that rebuilds on changes in content, courses and the config.

    Only the host that builds the root serves (default: the ``mkdocs`` entry point).
    """
    root = root.resolve()
    report = check_project(root)
    if report.failed(strict=False):
        raise ContentError(report.diagnostics)
    (host or find_host()).serve(root, address, port, [root / COURSES_DIR])
