"""``brobygger new KIND PATH``: asks for what it cannot guess; the work is in ``scaffold``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from site_build.diagnostics import did_you_mean, format_text
from site_build.diagnostics.errors import ContentError
from site_build.model import VocabEntry
from site_build.scaffold.kinds import KINDS, Kind, required_keys
from site_build.scaffold.new import Answers, Project, open_project, write_new
from site_build.scaffold.place import Target, course_folders, needs_course, place
from site_build.schema.frontmatter import MAX_DESCRIPTION

__all__ = ["new_command"]


def _ids_prompt(label: str, entries: Sequence[VocabEntry], *, empty_ok: bool) -> tuple[str, ...]:
    """Show a vocabulary and ask for ids, comma-separated, until every id is known."""
    known = [e.id for e in entries]
    click.echo(f"{label}:", err=True)
    for entry in entries:
        click.echo(f"  {entry.id:<24} {entry.label}", err=True)

    def parse(text: str) -> tuple[str, ...]:
        ids = tuple(i.strip() for i in text.split(",") if i.strip())
        for i in ids:
            if i not in known:
                raise click.BadParameter(f"'{i}' is not one of them" + did_you_mean(i, known))
        if not ids and not empty_ok:
            raise click.BadParameter("give at least one")
        return ids

    result: tuple[str, ...] = click.prompt(f"{label} (ids, comma-separated)",
                                           default="" if empty_ok else None,
                                           value_proc=parse, err=True)
    return result


def _short(text: str) -> str:
    if len(text) > MAX_DESCRIPTION:
        raise click.BadParameter(f"{len(text)} characters; keep it to {MAX_DESCRIPTION}")
    return text


def _text_list_prompt(label: str) -> tuple[str, ...]:
    items: list[str] = []
    while True:
        item = click.prompt(f"{label} {len(items) + 1} (empty: done)", default="",
                            show_default=False, err=True).strip()
        if not item and items:
            return tuple(items)
        if item:
            items.append(item)


def _askers(project: Project, kind: Kind) -> dict[str, tuple[object, Callable[[], object]]]:
    """For each answer: its default without a terminal (None: it must be given), and the prompt."""
    vocab = project.vocab
    no_sources = kind.page_type == "page"
    return {
        "title": (None, lambda: click.prompt("Title", err=True)),
        "description": (None, lambda: click.prompt(
            f"Description (one sentence, at most {MAX_DESCRIPTION} characters)", err=True,
            value_proc=_short)),
        "audience": (None, lambda: _ids_prompt("Audience", vocab.audiences, empty_ok=False)),
        "topics": (None, lambda: _ids_prompt("Topics", vocab.topics, empty_ok=False)),
        "sources": ((), lambda: _ids_prompt("Sources", [VocabEntry(s.id, f"{s.title} ({s.year})")
                                                        for s in vocab.sources],
                                            empty_ok=True)) if no_sources else
                   (None, lambda: _ids_prompt("Sources", [VocabEntry(s.id, f"{s.title} "
                                                                     f"({s.year})")
                                                          for s in vocab.sources],
                                              empty_ok=False)),
        "duration": (20, lambda: click.prompt("Duration in minutes", type=click.IntRange(1, 600),
                                              default=20, err=True)),
        "objectives": (None, lambda: _text_list_prompt("Learning objective")),
        "author": ("Redaksjonen", lambda: click.prompt("Author", default="Redaksjonen",
                                                       err=True)),
        "category": (None, lambda: _ids_prompt("Category", vocab.categories,
                                               empty_ok=False)[0]),
    }


_OPTION = {"topics": "--topic", "sources": "--source", "objectives": "--objective"}


def _ask(project: Project, kind: Kind, given: dict[str, object], no_input: bool) -> Answers:
    """Fill in every answer the schema requires of this kind that no option gave."""
    needed = set(required_keys(kind))
    values = {k: v for k, v in given.items() if v not in (None, ())}
    missing = []
    for key, (default, ask) in _askers(project, kind).items():
        if key not in needed or key in values:
            continue
        if not no_input:
            values[key] = ask()
        elif default is not None:
            values[key] = default
        else:
            missing.append(_OPTION.get(key, f"--{key}"))
    if missing:
        raise click.UsageError(f"--no-input: give {', '.join(missing)}")
    return Answers(**values)  # type: ignore[arg-type]


def _hints(project: Project, target: Target) -> list[str]:
    """What to do next, where the file alone is not enough."""
    if target.course:
        folder = f"kurs/{target.course}/"
        tracks = sorted(p.relative_to(project.root).as_posix()
                        for p in (project.root / "courses").glob("*.yml")
                        if folder in p.read_text(encoding="utf-8", errors="replace"))
        where = ", ".join(tracks) if tracks else "a track in courses/"
        return [f"add '- page: {target.src}' to the lessons of {where}"]
    if target.src.startswith("aktuelt/"):
        return ["the article is a draft (status: draft): the preview shows it, the site does "
                "not; delete that line to publish it"]
    return []


@click.command("new")
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.argument("path")
@click.option("--project", "project_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=True, help="The project folder (with mkdocs.yml).")
@click.option("--title")
@click.option("--description")
@click.option("--audience", multiple=True, help="An audience id (repeat for more).")
@click.option("--topic", "topics", multiple=True, help="A topic id (repeat for more).")
@click.option("--source", "sources", multiple=True, help="A source id (repeat for more).")
@click.option("--lang", type=click.Choice(["nb", "nn"]),
              help="Default: the form the folder's pages use, else the site's.")
@click.option("--course", help="A lesson's course folder, for a PATH without folders.")
@click.option("--duration", type=click.IntRange(1, 600), help="A lesson's minutes.")
@click.option("--objective", "objectives", multiple=True, help="A learning objective (repeat).")
@click.option("--author", help="An article's author.")
@click.option("--category", help="An article's category id.")
@click.option("--tag", "tags", multiple=True, help="An article's tag (repeat for more).")
@click.option("--no-input", is_flag=True,
              help="Never ask: take defaults where the schema allows one, else fail.")
def new_command(kind: str, path: str, project_dir: Path, course: str | None, no_input: bool,
                **given: object) -> None:
    """Start a new page, lesson, case, guidance page, checklist or news article; never over a file.

    PATH is relative to the project (content/arbeidsgiver/ny-side.md); a lesson or an article
    may be given as a bare file name. What no option gives is asked for.
    """
    chosen = KINDS[kind]
    try:
        project = open_project(project_dir)
        if course is None and needs_course(chosen, path):
            if no_input:
                raise click.UsageError("--no-input: give --course, or PATH in its course folder")
            course = click.prompt("Course folder", err=True,
                                  type=click.Choice(course_folders(project.docs)))
        target = place(project.root, project.config.docs_dir, chosen, path, course)
        answers = _ask(project, chosen, {**given, "lang": given.get("lang") or ""}, no_input)
        write_new(project, chosen, target, answers)
    except ContentError as exc:
        click.echo(format_text(list(exc.diagnostics)), err=True)
        click.echo("nothing was written", err=True)
        sys.exit(1)
    except click.Abort:
        click.echo("\nnothing was written: every answer is needed (or give them as options, "
                   "see 'brobygger new --help')", err=True)
        sys.exit(1)
    click.echo(f"wrote {target.rel}")
    for hint in _hints(project, target):
        click.echo(f"next: {hint}", err=True)
