"""The ``brobygger`` command: a thin layer over the pipeline; errors are translated here."""

from __future__ import annotations

import json
import resource
import sys
import time
from dataclasses import asdict
from importlib.metadata import entry_points
from pathlib import Path

import click

from site_build.build import pipeline
from site_build.build.host import find_hosts
from site_build.cli.export import export_group
from site_build.cli.new import new_command
from site_build.cli.stats import content_stats, format_stats
from site_build.content.load import load_site
from site_build.diagnostics import format_json, format_text
from site_build.diagnostics.errors import BrobyggerError, ContentError, PublishError, save_traceback
from site_build.diagnostics.formats import FORMATS, format_github, format_gitlab

_project = click.option(
    "--project", "project", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="The project folder (with mkdocs.yml).")


class _LastResort(click.Group):
    """Turns an unexpected exception (a bug) into one line and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # the last resort: anything the layers below did not expect
            try:
                where = f"the traceback is in {save_traceback(exc)}"
            except OSError:
                where = "the traceback could not be saved"
            what = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
            click.echo(f"error: brobygger {ctx.invoked_subcommand or ''} failed unexpectedly "
                       f"({what}). This is a bug in Brobygger, please report it; {where}",
                       err=True)
            ctx.exit(2)


@click.group(cls=_LastResort)
@click.version_option(package_name="brobygger")
def main() -> None:
    """Brobygger: Markdown in git to a searchable knowledge portal and course platform."""


COMMANDS_GROUP = "brobygger.commands"
"""Entry points that add commands to ``brobygger`` (``search``, ``index`` from ``search/``)."""


def _add_registered_commands() -> None:
    """Commands other packages register; the core imports none of them by name."""
    for ep in entry_points(group=COMMANDS_GROUP):
        try:
            command = ep.load()
        except ImportError as exc:  # a broken optional part must not take the others down
            click.echo(f"note: the '{ep.name}' command is unavailable ({exc})", err=True)
            continue
        if isinstance(command, click.Command) and ep.name not in main.commands:
            main.add_command(command, ep.name)


@main.command("check")
@_project
@click.option("--format", "fmt", type=click.Choice(["text", "json", *FORMATS]), default="text",
              show_default=True,
              help="github: workflow annotations; gitlab: a Code Quality report (JSON).")
@click.option("--external", is_flag=True, help="List external links (never fetched).")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Warnings fail the check too.")
def check_cmd(project: Path, fmt: str, external: bool, strict: bool) -> None:
    """Check every page, vocabulary, course and the config; write nothing."""
    try:
        report = pipeline.check_project(project, hosts=find_hosts(), external=external)
    except BrobyggerError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(format_json(list(report.diagnostics),
                               external_links=[asdict(e) for e in report.external],
                               pages=len(report.site.pages)))
    elif fmt in FORMATS:
        out = format_github if fmt == "github" else format_gitlab
        text = out(list(report.diagnostics))
        if text or fmt == "gitlab":
            click.echo(text)
        for link in report.external:
            click.echo(f"{link.file}:{link.line}: {link.url}", err=True)
        click.echo(format_text(list(report.diagnostics)).rsplit("\n", 1)[-1], err=True)
    else:
        if report.diagnostics:
            click.echo(format_text(list(report.diagnostics)), err=True)
        for link in report.external:
            click.echo(f"{link.file}:{link.line}: {link.url}")
        if not report.failed(strict):
            click.echo(f"ok: {len(report.site.pages)} pages, {len(report.site.courses)} courses",
                       err=True)
    sys.exit(1 if report.failed(strict) else 0)


@main.command("build")
@_project
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: site_dir from mkdocs.yml, 'site').")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Warnings fail the build.")
@click.option("--stats", is_flag=True, help="Print time and peak memory as JSON.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Worker processes (default: one per core, or BROBYGGER_JOBS).")
def build_cmd(project: Path, out: Path | None, strict: bool, stats: bool, jobs: int | None) -> None:
    """Check, build into a staging folder, and swap it into place."""
    started = time.perf_counter()
    try:
        report = pipeline.build_project(project, out, strict=strict, jobs=jobs)
    except ContentError as exc:
        click.echo(format_text(list(exc.diagnostics)), err=True)
        click.echo("build failed; the previous site is untouched", err=True)
        sys.exit(1)
    except BrobyggerError as exc:
        click.echo(f"error: {exc}", err=True)
        # A publish error says itself where the complete site is.
        click.echo("build failed" if isinstance(exc, PublishError)
                   else "build failed; the previous site is untouched", err=True)
        sys.exit(1)
    seconds = time.perf_counter() - started
    warnings = [d for d in report.check.diagnostics if d.severity != "error"]
    for d in warnings:
        click.echo(str(d), err=True)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"built {report.pages} pages into {report.out} in {seconds:.2f} s", err=True)
    if stats:
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        click.echo(json.dumps({"pages": report.pages, "seconds": round(seconds, 3),
                               "peak_rss_mb": round(peak_mb, 1)}))


@main.command("stats")
@_project
def stats_cmd(project: Path) -> None:
    """Pages and words per section and language, and how many pages cite each source."""
    loaded = load_site(project)
    click.echo(format_stats(content_stats(loaded.site)))


@main.command("serve")
@_project
@click.option("--address", "--host", "address", default="127.0.0.1", show_default=True,
              help="The address to serve on (--host is the older name).")
@click.option("--port", default=8000, show_default=True, type=int)
def serve_cmd(project: Path, address: str, port: int) -> None:
    """Build and serve a preview that rebuilds when content, courses or mkdocs.yml change."""
    try:
        pipeline.serve_project(project, address, port)
    except ContentError as exc:
        click.echo(format_text(list(exc.diagnostics)), err=True)
        sys.exit(1)
    except BrobyggerError as exc:
        raise click.ClickException(str(exc)) from exc


main.add_command(new_command)
main.add_command(export_group)
_add_registered_commands()
