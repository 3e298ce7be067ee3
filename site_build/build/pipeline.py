"""The build pipeline: load, check, build with the host into staging, publish."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from site_build.build.host import Host, find_host
from site_build.build.publish import publish, staging_dir
from site_build.checks import ExternalLink, external_links, run_checks
from site_build.content.courses import COURSES_DIR
from site_build.content.load import load_site
from site_build.diagnostics import Diagnostic, has_errors
from site_build.diagnostics.errors import ContentError
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


def check_project(root: Path, *, host: Host | None = None, today: dt.date | None = None,
          external: bool = False, jobs: int | None = None) -> CheckReport:
    """Load and check the project; write nothing.

    Args:
        root: The project folder.
        host: Validates the host configuration too, if given.
        today: The date review deadlines are compared with.
        external: Also list external links.
        jobs: Worker processes (``None``: one per core).
    """
    loaded = load_site(root, jobs)
    diagnostics = [*loaded.diagnostics, *run_checks(loaded.site, today)]
    if host is not None:
        diagnostics += host.validate(root.resolve())
    links = tuple(external_links(loaded.site)) if external else ()
    return CheckReport(loaded.site, tuple(sorted(set(diagnostics))), links)


def build_project(root: Path, out: Path | None = None, *, strict: bool = True,
                  host: Host | None = None, jobs: int | None = None) -> BuildReport:
    """Check, build into a staging folder, then swap it into ``out``.

    On any error nothing is published and the previous ``out`` is untouched.

    Raises:
        ContentError: The content or configuration has errors (or warnings, in strict mode).
        HostError: The host failed.
        PublishError: The swap failed.
    """
    root = root.resolve()
    host = host or find_host()
    report = check_project(root, host=host, jobs=jobs)
    if report.failed(strict):
        raise ContentError(report.diagnostics)
    out = (out or root / report.site.config.site_dir).resolve()
    staging = staging_dir(out)
    try:
        host.build(root, report.site, staging, strict)
        publish(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return BuildReport(report, out, len(report.site.pages))


def serve_project(root: Path, address: str = "127.0.0.1", port: int = 8000,
                  host: Host | None = None) -> None:
    """Serve a live preview that rebuilds on changes in content, courses and the config."""
    root = root.resolve()
    report = check_project(root, host=None)
    if report.failed(strict=False):
        raise ContentError(report.diagnostics)
    (host or find_host()).serve(root, address, port, [root / COURSES_DIR])
