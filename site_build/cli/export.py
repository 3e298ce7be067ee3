"""``brobygger export scorm TRACK``: a track as a SCORM 1.2 package for an employer's LMS.

The package is made from a built site: by default the project is built (checked first, as
``brobygger build`` does) into a temporary folder that is removed afterwards, so ``site/`` is
never touched; ``--site`` takes a folder built before from the same project instead.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from site_build.build import pipeline
from site_build.content.courses import COURSES_DIR
from site_build.content.load import load_site
from site_build.diagnostics import Diagnostic, format_text
from site_build.diagnostics.errors import BrobyggerError, ContentError
from site_build.export.scorm import find_track, unknown_track, write_package
from site_build.model import Site

__all__ = ["export_group"]


def _fail(diagnostics: list[Diagnostic], what: str) -> None:
    click.echo(format_text(diagnostics), err=True)
    click.echo(f"{what}; nothing was written", err=True)
    sys.exit(1)


def _known_tracks(project: Path) -> list[str]:
    return sorted(p.stem for p in (project / COURSES_DIR).glob("*.yml"))


def _package(site: Site, built: Path, track: str, out: Path) -> None:
    course = find_track(site, track)
    if isinstance(course, Diagnostic):
        _fail([course], "export failed")
        return
    package = write_package(site, built, course, out)
    click.echo(f"wrote {package.path} ({package.files} files, {package.size // 1024} KB): "
               f"SCORM 1.2, {len(course.lessons)} lessons of '{course.id}'", err=True)


@click.group("export")
def export_group() -> None:
    """Export a course track for other systems."""


@export_group.command("scorm")
@click.argument("track")
@click.option("--project", "project", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=True, help="The project folder (with mkdocs.yml).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The ZIP to write (default: TRACK-scorm.zip here).")
@click.option("--site", "site_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="Package this built site (from the same project) instead of "
              "building into a temporary folder.")
def scorm_cmd(track: str, project: Path, out: Path | None, site_dir: Path | None) -> None:
    """Write TRACK (the id of courses/TRACK.yml) as a SCORM 1.2 ZIP an LMS imports."""
    out = out or Path(f"{track}-scorm.zip")
    if site_dir is not None:
        loaded = load_site(project)
        errors = [d for d in loaded.diagnostics if d.severity == "error"]
        if errors:
            _fail(errors, "the project has errors")
        _package(loaded.site, site_dir, track, out)
        return
    known = _known_tracks(project)
    if track not in known:  # say it before a build, not after
        _fail([unknown_track(track, known)], "export failed")
    with tempfile.TemporaryDirectory(prefix="brobygger-scorm-") as tmp:
        try:
            report = pipeline.build_project(project, Path(tmp) / "site")
        except ContentError as exc:
            _fail(list(exc.diagnostics), "the build failed")
            return
        except BrobyggerError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        _package(report.check.site, report.out, track, out)

