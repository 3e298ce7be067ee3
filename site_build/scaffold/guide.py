"""The editor's guide's field tables, generated from the one schema into its pages.

A guide page marks a generated part with two HTML comments (invisible to readers)::

    <!-- generert fra skjemaet: course -->
    …replaced on every run…
    <!-- slutt på generert del -->

``python -m site_build.scaffold`` rewrites every such part in ``content/redaktor/``;
``tests/cli/test_guide.py`` fails when one is stale or a schema document is in none.
"""

from __future__ import annotations

import re
from pathlib import Path

from site_build.scaffold.guide_text import FIELD_TEXT, RULE_TEXT
from site_build.schema.course import COURSE
from site_build.schema.fields import Bool, Choice, Date, Field, Int, Lang, Text, quoted
from site_build.schema.frontmatter import ALWAYS, FRONT_MATTER, PAGE_TYPES, REQUIRED_BY_TYPE
from site_build.schema.lists import ChoiceList, Ids, TextList
from site_build.schema.news import CATEGORIES, Category
from site_build.schema.records import Document, List, Record
from site_build.schema.vocabularies import VOCABULARIES

__all__ = ["DOCUMENTS", "GUIDE_DIR", "refresh", "refresh_guide", "section"]

GUIDE_DIR = "content/redaktor"
DOCUMENTS: dict[str, Document] = {"front-matter": FRONT_MATTER, "course": COURSE,
                                  **VOCABULARIES, "categories": CATEGORIES}
_REGION = re.compile(r"(<!-- generert fra skjemaet: ([a-z_-]+) -->\n)(.*?)"
                     r"(<!-- slutt på generert del -->)", re.DOTALL)


def _value(spec: Field) -> str:
    """What a key's value is, in the guide's words."""
    if isinstance(spec, Category):
        return "en id fra `content/_data/categories.yml`"
    if isinstance(spec, Ids):
        return f"liste med id fra `content/_data/{spec.vocabulary}.yml`"
    if isinstance(spec, ChoiceList):
        return f"liste med {quoted(spec.choices)}"
    if isinstance(spec, TextList):
        return "liste med tekst"
    if isinstance(spec, List):
        return "liste"
    if isinstance(spec, Choice):
        return f"én av {quoted(spec.choices)}"
    if isinstance(spec, Text):
        return f"tekst, høyst {spec.max_length} tegn" if spec.max_length else "tekst"
    if isinstance(spec, Lang):
        return "`nb` eller `nn`"
    if isinstance(spec, Date):
        return "dato: `2026-11-29`"
    if isinstance(spec, Bool):
        return "`true` eller `false`"
    if isinstance(spec, Int):
        if spec.minimum is not None and spec.maximum is not None:
            return f"heltall fra {spec.minimum} til {spec.maximum}"
        return "heltall"
    raise KeyError(f"the guide has no words for a {type(spec).__name__} field")


def _required(record: Record, key: str, spec: Field) -> str:
    if key in record.required:
        return "ja"
    if conditions := record.required_when(key):
        return "for " + ", ".join(f"`{c}`" for c in conditions)
    shown = spec.default_doc()
    return "nei" if shown is None else f"nei (ellers `{shown}`)"


def _table(name: str, record: Record, prefix: str = "") -> list[str]:
    lines = ["| Felt | Verdi | Påkrevd | Hva det er |", "|---|---|---|---|"]
    nested: list[str] = []
    for key, spec in record.fields.items():
        text = FIELD_TEXT[name][prefix + key]
        lines.append(f"| `{key}` | {_value(spec)} | {_required(record, key, spec)} | {text} |")
        if isinstance(spec, List) and spec.item.fields:
            nested += ["", f"Hver oppføring i `{key}` har disse feltene:", "",
                       *_table(name, spec.item, f"{key}.")]
    rules = [f"- {RULE_TEXT[rule.doc]}" for rule in record.rules]
    return lines + (["", *rules] if rules else []) + nested


def _types() -> list[str]:
    """Which keys each page type needs, straight from the schema."""
    lines = ["| Type | Felt som må være med |", "|---|---|"]
    for page_type in PAGE_TYPES:
        keys = (*ALWAYS, *REQUIRED_BY_TYPE.get(page_type, ()))
        lines.append(f"| `{page_type}` | {', '.join(f'`{k}`' for k in keys)} |")
    return lines


def section(name: str) -> str:
    """The generated text of one part: a table of the document's keys (and page types)."""
    doc = DOCUMENTS[name]
    root = doc.root.item if isinstance(doc.root, List) else doc.root
    lines = _table(name, root)
    if isinstance(doc.root, List) and doc.root.unique:
        lines += ["", f"To oppføringer kan ikke ha samme `{doc.root.unique}`."]
    if name == "front-matter":
        lines += ["", "Hver sidetype krever disse feltene:", "", *_types()]
    return "\n".join(lines) + "\n"


def refresh(text: str) -> str:
    """``text`` with every generated part rewritten from the schema."""
    return _REGION.sub(lambda m: f"{m.group(1)}\n{section(m.group(2))}\n{m.group(4)}", text)


def refresh_guide(root: Path) -> list[str]:
    """Rewrite the generated parts of every guide page under ``root``.

    Returns:
        The project-relative paths whose text changed.
    """
    changed = []
    for page in sorted((root / GUIDE_DIR).glob("*.md")):
        text = page.read_text(encoding="utf-8")
        new = refresh(text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed.append(page.relative_to(root).as_posix())
    return changed
