"""``brobygger search`` and ``brobygger index`` (entry points in ``brobygger.commands``).

Both translate every failure into one line and an exit code: 0 found / indexed, 1 nothing
found, 2 a query that cannot be searched or a missing index, 3 the project cannot be read.
"""

from __future__ import annotations

import html
import json
import re
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import NoReturn

import click

from search.analysis import Analyzer
from search.index import IndexNotFound, build_index, default_index_dir
from search.query import Hit, QueryError, search
from search.records import analyse, heading_words, records_for
from site_build.content.load import load_site
from site_build.diagnostics.errors import BrobyggerError

__all__ = ["index_command", "search_command"]

_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)

_project = click.option(
    "--project", "project", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="The project folder (with mkdocs.yml).")


@click.command("search")
@click.argument("query")
@_project
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True,
              help="At most this many hits.")
@click.option("--audience", default=None, help="Only pages for this audience (an id).")
@click.option("--lang", type=click.Choice(["nb", "nn"]), default=None,
              help="Only pages in this language.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
def search_command(query: str, project: Path, limit: int, audience: str | None,
                   lang: str | None, as_json: bool) -> None:
    """Search the project's local index (made by `brobygger build` or `brobygger index`)."""
    index_dir = default_index_dir(project)
    try:
        hits = search(index_dir, query, limit=limit, audience=audience, lang=lang)
    except QueryError as exc:
        _fail(f"cannot search: {exc}", 2)
    except IndexNotFound as exc:
        _fail(f"{exc}; run `brobygger index --project {project}` (or `brobygger build`) "
              "first", 2)
    if as_json:
        click.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=1))
    elif not hits:
        click.echo("no pages found", err=True)
    else:
        style = sys.stdout.isatty()
        for number, hit in enumerate(hits, 1):
            click.echo(_format(number, hit, style))
    sys.exit(0 if hits else 1)


def _format(number: int, hit: Hit, style: bool) -> str:
    """One hit for a terminal: title, section, URL with anchor, snippet with marked words."""
    url = f"{hit.url}#{hit.anchor}" if hit.anchor else hit.url
    title = click.style(hit.title, bold=True) if style else hit.title
    lines = [f"{number}. {title}"]
    if hit.section != hit.title:
        lines.append(f"   § {hit.section}")
    lines.append(f"   {url or './'}")
    if hit.snippet:
        lines.append(f"   {terminal_snippet(hit.snippet, style)}")
    return "\n".join(lines)


def terminal_snippet(snippet: str, style: bool) -> str:
    """A hit's HTML snippet as plain text: matches bold (``style``) or in [brackets]."""
    def mark(match: re.Match[str]) -> str:
        word = match.group(1)
        return click.style(word, bold=True) if style else f"[{word}]"

    return html.unescape(_MARK.sub(mark, snippet))


@click.command("index")
@_project
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Worker processes (default: one per core, or BROBYGGER_JOBS).")
def index_command(project: Path, jobs: int | None) -> None:
    """Build or update the local search index alone (only changed pages are re-indexed)."""
    start = time.perf_counter()
    if not (project / "mkdocs.yml").is_file():
        _fail(f"{project} is not a Brobygger project (no mkdocs.yml)", 3)
    try:
        loaded = load_site(project, jobs)
        site = loaded.site
        errors = [d for d in loaded.diagnostics if d.severity == "error"]
        if errors and not site.pages:
            _fail(f"cannot read the project: {errors[0]}", 3)
        analyzer = Analyzer.from_vocab(site.vocab)
        records = records_for(site)
        analysed = analyse(records, analyzer, jobs)
        report = build_index(analysed, default_index_dir(project), vocab=site.vocab, jobs=jobs,
                             analyzer=analyzer.snapshot(heading_words(records, analyzer)))
    except BrobyggerError as exc:
        _fail(f"cannot read the project: {exc}", 3)
    except OSError as exc:
        _fail(f"cannot write the index: {exc}", 3)
    if errors:
        click.echo(f"note: {len(errors)} errors in the content (pages that failed to load are not "
                   "indexed); run `brobygger check`", err=True)
    how = "written anew" if report.full else "updated"
    click.echo(f"index {how}: {report.pages} pages, {report.reindexed} re-indexed, "
               f"{report.removed} removed in {time.perf_counter() - start:.2f} s "
               f"(index {report.seconds:.2f} s) → {default_index_dir(project)}")


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)
