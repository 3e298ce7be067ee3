"""``brobygger new``: a new page, lesson, case or news article with valid front matter.

The front matter is built from the one schema's fields in the schema's order, then read back
and validated by the same code ``brobygger check`` runs, before a byte is written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_build.content.config import read_config
from site_build.content.news import with_categories
from site_build.content.vocab import DATA_DIR, load_vocabularies
from site_build.diagnostics import Diagnostic
from site_build.diagnostics.errors import ContentError
from site_build.io.frontmatter import split_front_matter
from site_build.io.yaml12 import fast_load
from site_build.io.yaml_limits import YamlProblem
from site_build.model import SiteConfig, Vocabularies
from site_build.scaffold.kinds import Kind, required_keys, unprovided_keys
from site_build.scaffold.place import Target
from site_build.scaffold.skeletons import skeleton
from site_build.scaffold.yaml_out import dump_front_matter
from site_build.schema.frontmatter import FIELDS, validate_front_matter

__all__ = ["Answers", "Project", "guess_lang", "new_text", "open_project", "write_new"]


@dataclass(frozen=True)
class Answers:
    """What the editor told ``new`` (asked, or given as options)."""

    title: str
    description: str
    audience: tuple[str, ...]
    topics: tuple[str, ...]
    sources: tuple[str, ...] = ()
    lang: str = ""
    duration: int | None = None
    objectives: tuple[str, ...] = ()
    author: str = ""
    category: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Project:
    """The settings and vocabularies a new file is checked against."""

    root: Path
    config: SiteConfig
    vocab: Vocabularies

    @property
    def docs(self) -> Path:
        """The docs folder."""
        return self.root / self.config.docs_dir


def open_project(root: Path) -> Project:
    """Read ``mkdocs.yml`` and the vocabularies; a broken ``mkdocs.yml`` is a ``ContentError``.

    Problems in the vocabularies are left to ``brobygger check``: their valid entries are used.
    """
    config, problems = read_config(root)
    if any(d.severity == "error" for d in problems):
        raise ContentError(problems)
    docs = root / config.docs_dir
    vocab, _ = with_categories(load_vocabularies(docs, root), docs, DATA_DIR, root)
    return Project(root, config, vocab)


def _front_of(file: Path) -> dict[str, Any]:
    try:
        split = split_front_matter(file.read_text(encoding="utf-8"))
        data = fast_load(split[0]) if split else None
    except (OSError, UnicodeDecodeError, YamlProblem):
        return {}
    return data if isinstance(data, dict) else {}


def _siblings(target: Target, index: bool = False) -> list[dict[str, Any]]:
    folder = target.file.parent
    if not folder.is_dir():
        return []
    return [_front_of(p) for p in sorted(folder.glob("*.md")) if index or p.name != "index.md"]


def guess_lang(project: Project, target: Target) -> str:
    """The written form most pages in the new file's folder use, else the site's language."""
    site = project.config.language
    langs = Counter(str(f.get("lang", site)) for f in _siblings(target, index=True))
    ranked = langs.most_common(2)
    if not ranked or ranked[0][0] not in ("nb", "nn") or \
            (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return site
    return ranked[0][0]


def _next_order(target: Target, page_type: str) -> int | None:
    """After the last sibling of the same type (a course's facilitator page may come last)."""
    siblings = _siblings(target)
    same = [f for f in siblings if f.get("type", "page") == page_type] or siblings
    orders = [f["order"] for f in same if isinstance(f.get("order"), int)]
    return max(orders) + 1 if orders else None


def _values(project: Project, kind: Kind, target: Target, answers: Answers,
            today: dt.date) -> dict[str, Any]:
    lang = answers.lang or guess_lang(project, target)
    given: dict[str, Any] = {
        "title": answers.title, "description": answers.description,
        "type": None if kind.page_type == "page" else kind.page_type,
        "audience": list(answers.audience), "topics": list(answers.topics),
        "sources": list(answers.sources),
        "lang": lang if lang != project.config.language else None,
        "reviewed": today, "review_by": today + dt.timedelta(days=365),
        "duration": answers.duration, "objectives": list(answers.objectives),
        "date": target.date or today,
        "order": _next_order(target, kind.page_type) if kind.name not in ("page", "article") else None,
        "author": answers.author, "category": answers.category or None,
        "tags": list(answers.tags) or None, "status": "draft",
    }
    wanted = set(required_keys(kind)) | {"type", "lang", "order"}
    if kind.page_type == "news":
        wanted |= {"tags", "status"}
    # The schema's order, so new files read like the documentation of their keys.
    return {k: given[k] for k in FIELDS if k in wanted and given.get(k) is not None}


def new_text(project: Project, kind: Kind, target: Target, answers: Answers,
             today: dt.date | None = None) -> str:
    """The new file's text, validated by the schema, or a ``ContentError`` with every problem."""
    missing = unprovided_keys(kind)
    if missing:
        raise ContentError([Diagnostic(target.rel, 1, "new", f"cannot fill in required "
                                       f"'{key}' yet; write it by hand") for key in missing])
    values = _values(project, kind, target, answers, today or dt.date.today())
    head = dump_front_matter(values)
    lang = values.get("lang", project.config.language)
    text = f"{head}\n{skeleton(kind.name, lang)}"
    split = split_front_matter(text)
    assert split is not None  # dump_front_matter writes both --- lines
    _, problems = validate_front_matter(fast_load(split[0]), target.rel, 1, project.vocab,
                                        project.config.language)
    if problems:
        raise ContentError(problems)
    return text


def write_new(project: Project, kind: Kind, target: Target, answers: Answers,
              today: dt.date | None = None) -> str:
    """Write the new file (never over an existing one) and return its text."""
    text = new_text(project, kind, target, answers, today)
    target.file.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.file.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise ContentError([Diagnostic(target.rel, 1, "new", "already exists; 'brobygger new' "
                                       "never overwrites")]) from None
    return text
