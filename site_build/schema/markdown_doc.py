"""``docs/CONTENT_SCHEMA.md``: the editors' summary, its tables generated from the definitions."""

from __future__ import annotations

import re
from pathlib import Path

from site_build.schema.config import CONFIG
from site_build.schema.course import COURSE
from site_build.schema.fields import Field
from site_build.schema.frontmatter import FRONT_MATTER
from site_build.schema.news import CATEGORIES
from site_build.schema.records import Document, List, Record
from site_build.schema.vocabularies import VOCABULARIES

__all__ = ["DOC_FILE", "content_schema_doc"]

DOC_FILE = "docs/CONTENT_SCHEMA.md"
TEMPLATE = Path(__file__).with_name("content_schema.in.md")

_DOCUMENTS: dict[str, Document] = {"front-matter": FRONT_MATTER, **VOCABULARIES, "course": COURSE,
                                   "config": CONFIG, "categories": CATEGORIES}


def _required(record: Record, key: str, spec: Field) -> str:
    if key in record.required:
        return "always"
    if conditions := record.required_when(key):
        return "for " + ", ".join(f"`{c}`" for c in conditions)
    shown = spec.default_doc()
    return "no" if shown is None else f"no (default `{shown}`)"


def _table(record: Record, title: str = "") -> list[str]:
    lines = [title, ""] if title else []
    lines += ["| key | type | required | notes |", "|---|---|---|---|"]
    nested: list[str] = []
    for key, spec in record.fields.items():
        lines.append(f"| `{key}` | {spec.type_doc()} | {_required(record, key, spec)} | "
                     f"{spec.description} |")
        inner = spec.item if isinstance(spec, List) else spec
        if isinstance(inner, Record) and inner.fields:
            nested += ["", *_table(inner, f"Each item of `{key}`:" if inner is not spec
                                   else f"Keys of `{key}`:")]
    if record.rules:
        lines += ["", *(f"- {rule.doc}" for rule in record.rules)]
    return lines + nested


def _section(doc: Document) -> str:
    root = doc.root.item if isinstance(doc.root, List) else doc.root
    lines = _table(root)
    if isinstance(doc.root, List) and doc.root.unique:
        lines += ["", f"No two entries may have the same `{doc.root.unique}`."]
    return "\n".join(lines)


def content_schema_doc() -> str:
    """The text of ``docs/CONTENT_SCHEMA.md``."""
    template = TEMPLATE.read_text(encoding="utf-8")
    return re.sub(r"\{\{([a-z_-]+)\}\}", lambda m: _section(_DOCUMENTS[m.group(1)]), template)
