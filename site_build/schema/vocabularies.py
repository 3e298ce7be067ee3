"""Vocabularies in ``content/_data/``: audiences, topics, sources (the bibliography), glossary."""

from __future__ import annotations

from typing import Any

from site_build.model import GlossaryTerm, Source, VocabEntry
from site_build.schema.fields import At, Bool, Choice, Int, Lang, Text
from site_build.schema.lists import Ids
from site_build.schema.records import Document, List, Record, Rule

__all__ = ["VOCABULARIES"]

_MISSING = "missing or empty '{key}'"
_ENTRIES = "expected a list of entries ('- id: …')"


def _entry_list(title: str, what: str) -> Document:
    entry = Record(
        f"One {what}.",
        fields={
            "id": Text(f"The id pages use to name this {what}: lower case, words joined by `-`.",
                       wrong=_MISSING),
            "label": Text("The name readers see.", wrong=_MISSING),
            "description": Text("A sentence about who or what this is.", blank=True),
        },
        required=("id", "label"),
        missing=_MISSING,
        wrong="expected an entry with keys",
        make=lambda values, line: VocabEntry(**values),
    )
    return Document(title, List(f"The {what} vocabulary.", item=entry, unique="id"),
                    key="vocabulary", wrong=_ENTRIES)


def _outside_has_author(values: dict[str, Any], at: At) -> None:
    if values.get("kind") == "outside" and not values.get("author"):
        at.error("author", "an outside source needs an author")


def _abbr_has_expansion(values: dict[str, Any], at: At) -> None:
    if values.get("abbr") and not values.get("expansion"):
        at.error("expansion", "an abbreviation needs its expansion")


def _make_source(values: dict[str, Any], line: int) -> Source:
    return Source(**values)


def _make_term(values: dict[str, Any], line: int) -> GlossaryTerm:
    return GlossaryTerm(**values)


_SOURCE = Record(
    "One source in the bibliography.",
    fields={
        "id": Text("The id pages use in `sources:`.", wrong=_MISSING),
        "kind": Choice("`seed`: one of the source documents the portal is written from; "
                       "`outside`: a well-established outside source.",
                       choices=("seed", "outside"), wrong="{value!r} is not 'seed' or 'outside'"),
        "title": Text("The source's title.", wrong=_MISSING),
        "year": Int("The year of publication.", wrong="expected a year (number)"),
        "author": Text("The author or authors; needed for `kind: outside`.", blank=True),
        "issuer": Text("The organisation that issued it.", blank=True),
        "note": Text("A note for readers about the source.", blank=True),
    },
    required=("id", "kind", "title", "year"),
    missing=_MISSING,
    rules=(Rule("`kind: outside` entries need `author`.", _outside_has_author,
                {"if": {"properties": {"kind": {"const": "outside"}}, "required": ["kind"]},
                 "then": {"required": ["author"], "properties": {"author": {"minLength": 1}}}}),),
    wrong="expected an entry with keys",
    make=_make_source,
)

_TERM = Record(
    "One glossary term.",
    fields={
        "term": Text("The term as it appears in text.", wrong=_MISSING),
        "definition": Text("The definition, in our own words.", wrong=_MISSING),
        "expansion": Text("What an abbreviation stands for; shown in `<abbr title>`.", blank=True),
        "abbr": Bool("Wrap the term in `<abbr title=\"expansion\">` where it appears in page text.",
                     default=False),
        "lang": Lang("The definition's language: `nb` or `nn`.", wrong="use 'nb' or 'nn'",
                     norway=None, default="nb"),
        "sources": Ids("The sources of the definition.", vocabulary="sources", noun="source",
                       text="expected a list of source ids", wrong="expected a list of source ids"),
    },
    required=("term", "definition"),
    missing=_MISSING,
    rules=(Rule("`abbr: true` terms need `expansion`.", _abbr_has_expansion,
                {"if": {"properties": {"abbr": {"const": True}}, "required": ["abbr"]},
                 "then": {"required": ["expansion"],
                          "properties": {"expansion": {"minLength": 1}}}}),),
    wrong="expected an entry with keys",
    make=_make_term,
)

# In load order: the glossary names sources, so the bibliography comes before it.
VOCABULARIES: dict[str, Document] = {
    "audiences": _entry_list("Audiences (content/_data/audiences.yml)", "audience"),
    "topics": _entry_list("Topics (content/_data/topics.yml)", "topic"),
    "sources": Document("Sources (content/_data/sources.yml)",
                        List("The bibliography.", item=_SOURCE, unique="id"),
                        key="vocabulary", wrong=_ENTRIES),
    "glossary": Document("Glossary (content/_data/glossary.yml)",
                         List("The glossary.", item=_TERM, unique="term"),
                         key="vocabulary", wrong=_ENTRIES),
}
