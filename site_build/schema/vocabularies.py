"""Vocabularies in ``content/_data/``: audiences, topics, sources (the bibliography), glossary,
search terms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from site_build.io.yaml12 import item_line
from site_build.model import GlossaryTerm, Source, TermGroup, VocabEntry
from site_build.schema.fields import INVALID, At, Bool, Choice, Int, Lang, Text
from site_build.schema.lists import Ids, TextList
from site_build.schema.records import Document, List, Record, Rule

__all__ = ["OPTIONAL", "VOCABULARIES", "entry_list"]

_MISSING = "missing or empty '{key}'"
_ENTRIES = "expected a list of entries ('- id: …')"


def entry_list(title: str, what: str, *, used_in: str = "pages use to name this {what}",
               about: str = "A sentence about who or what this is.") -> Document:
    """A vocabulary of ``- id, label, description`` entries (audiences, topics, categories).

    Args:
        title: The document's title (with its file).
        what: One entry, as a noun (``audience``).
        used_in: Who uses the id, completing "The id …" (``{what}`` is filled in).
        about: What an entry's description says.
    """
    entry = Record(
        f"One {what}.",
        fields={
            "id": Text(f"The id {used_in.format(what=what)}: lower case, words joined by `-`.",
                       wrong=_MISSING),
            "label": Text("The name readers see.", wrong=_MISSING),
            "description": Text(about, blank=True),
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

_KINDS = {"pair": "pair", "synonyms": "synonym"}


@dataclass(frozen=True)
class _Words(TextList):
    """Two or more words or phrases, none twice."""

    def check(self, value: Any, at: At, key: str) -> Any:
        words = super().check(value, at, key)
        if words is INVALID:
            return INVALID
        if len(words) < 2:
            at.error(key, "a group needs at least two words" if words else "the group is empty")
            return INVALID
        seen: dict[str, int] = {}
        for i, word in enumerate(words):
            norm = _norm(word)
            if norm in seen:
                at.error_item(key, value, i, f"'{word}' is already in this group")
                return INVALID
            seen[norm] = i
        return words

    def _json(self) -> dict[str, Any]:
        return {**super()._json(), "minItems": 2}


def _norm(word: str) -> str:
    return " ".join(word.lower().split())


def _one_kind(values: dict[str, Any], at: At) -> None:
    given = [k for k in _KINDS if k in values]
    raw = at.data.keys()
    if not any(k in raw for k in _KINDS) and not {str(k) for k in raw} - _KINDS.keys():
        at.error_here("expected 'pair' or 'synonyms'")
    if len(given) > 1:
        at.error(given[1], "a group is either 'pair' or 'synonyms', not both")


def _make_group(values: dict[str, Any], line: int) -> TermGroup:
    kind = next(k for k in _KINDS if k in values)
    return TermGroup(tuple(values[kind]), "pair" if kind == "pair" else "synonym")


_GROUP = Record(
    "One group of words a search treats as one.",
    fields={
        "pair": _Words("The same word in bokmål and nynorsk (and their variant spellings), "
                       "base forms: `[sykmelding, sjukmelding]`."),
        "synonyms": _Words("Words, phrases or abbreviations that mean the same: "
                           "`[IPS, supported employment]`. Abbreviations and phrases are "
                           "found by each other."),
    },
    rules=(Rule("Each group has exactly one of `pair` and `synonyms`.", _one_kind,
                {"oneOf": [{"required": ["pair"]}, {"required": ["synonyms"]}]}),),
    missing=None,
    wrong="expected a group ('- pair: [...]' or '- synonyms: [...]')",
    make=_make_group,
)


@dataclass(frozen=True)
class _Groups(List):
    """The groups; a word may be in one pair and one synonym group, not in two of a kind."""

    def check_items(self, value: list[Any], at: At) -> Any:
        groups = super().check_items(value, at)
        seen: dict[tuple[str, str], int] = {}
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            item_at = At(at.out, item, f"{at.key}[{i}]", item_line(value, i, at.line), at.known)
            for kind in _KINDS:
                words = item.get(kind)
                for j, word in enumerate(words if isinstance(words, list) else ()):
                    if not isinstance(word, str):
                        continue
                    line = item_line(words, j, item_at.line_of(kind))
                    first = seen.setdefault((kind, _norm(word)), line)
                    if first != line:
                        item_at.error_item(kind, words, j, f"'{word}' is already in a {kind} group "
                                           f"on line {first}")
        return groups


# Vocabularies a project may leave out (a missing file is no problem).
OPTIONAL = frozenset({"search_terms"})

# In load order: the glossary names sources, so the bibliography comes before it.
VOCABULARIES: dict[str, Document] = {
    "audiences": entry_list("Audiences (content/_data/audiences.yml)", "audience"),
    "topics": entry_list("Topics (content/_data/topics.yml)", "topic"),
    "sources": Document("Sources (content/_data/sources.yml)",
                        List("The bibliography.", item=_SOURCE, unique="id"),
                        key="vocabulary", wrong=_ENTRIES),
    "glossary": Document("Glossary (content/_data/glossary.yml)",
                         List("The glossary.", item=_TERM, unique="term"),
                         key="vocabulary", wrong=_ENTRIES),
    "search_terms": Document("Search terms (content/_data/search_terms.yml)",
                             _Groups("Bokmål/nynorsk pairs and synonyms for search, besides the "
                                     "built-in pairs and the glossary's abbreviations.",
                                     item=_GROUP),
                             key="vocabulary",
                             wrong="expected a list of groups ('- pair: [...]' or "
                                   "'- synonyms: [...]')"),
}
