"""The index's whoosh schema, its constants and the documents written for records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import fields, formats
from whoosh.analysis import RegexTokenizer
from whoosh.system import pack_uint

from search.records import AnalysedRecord

BOOSTS = {"t_title": 3.0, "t_section": 2.0, "t_text": 1.0}
BM25_K1, BM25_B = 1.2, 0.75
ANY_AUDIENCE = "_any"  # the audience term of a page written for everyone


class IndexNotFound(LookupError):
    """There is no local index in the folder (``brobygger index`` makes one)."""


@dataclass(frozen=True)
class IndexReport:
    """What one ``build_index`` did.

    Attributes:
        pages: Pages in the index now.
        reindexed: Pages (re-)written, new or changed.
        removed: Pages taken out.
        full: The index was written anew (no usable previous one, or most pages changed).
        seconds: Wall time.
    """

    pages: int
    reindexed: int
    removed: int
    full: bool
    seconds: float


class Terms(fields.FieldType):  # type: ignore[misc]
    """A field of terms analysed before whoosh sees them: indexed as given, counted once."""

    def __init__(self, boost: float) -> None:
        super().__init__(formats.Frequency(field_boost=boost),
                         RegexTokenizer(r"[^\x1f]+"), scorable=True)

    def index(self, value: Sequence[str], **kwargs: Any) -> list[tuple[bytes, int, float, bytes]]:
        boost = self.format.field_boost
        return [(term.encode("utf-8"), n, n * boost, pack_uint(n))
                for term, n in Counter(value).items()]


def schema() -> fields.Schema:
    """The schema of every segment: stored fields for hits, analysed term fields to score."""
    stored = fields.STORED()
    return fields.Schema(
        page=fields.ID(stored=True), url=stored, anchor=stored, title=stored, section=stored,
        text=stored, audience=fields.KEYWORD(stored=True), lang=fields.ID(stored=True),
        type=fields.ID(stored=True), topics=fields.KEYWORD(stored=True),
        **{name: Terms(boost) for name, boost in BOOSTS.items()})


def documents(recs: Iterable[AnalysedRecord]) -> Iterator[dict[str, Any]]:
    """The whoosh documents of ``recs``, one per section."""
    for rec in recs:
        r = rec.record
        title, section, text = rec.terms()
        yield {"page": r.page, "url": r.url, "anchor": r.anchor, "title": r.title,
               "section": r.section, "text": r.text or (r.description if not r.anchor else ""),
               "audience": " ".join(r.audience) or ANY_AUDIENCE, "lang": r.lang,
               "type": r.type, "topics": " ".join(r.topics),
               # The title is indexed once, on the top of the page: repeated on every section
               # it would multiply the postings of common title words by the sections.
               "t_title": title, "t_section": section, "t_text": text}
