"""Search records: each page split at its section headings, from the core's one parse.

A record is one section of one page (what a hit lands on). The analysed terms of every record
are made once per build, in forked workers, and kept packed (one zlib-compressed string per
record): at 10 000 pages the terms as tuples of strings would cost some hundred megabytes of
the build's memory budget, packed they cost a fifth of that.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from site_build.content.workers import parallel_map
from site_build.model import Site

if TYPE_CHECKING:
    from search.analysis import Analyzer

__all__ = ["AnalysedRecord", "Record", "analyse", "heading_words", "records_for"]

# A track's certificate, facilitator view and handout gather its lessons: a reader searching
# wants the lesson itself, and these would only repeat it (or hold nothing to find).
UNSEARCHED = frozenset({"certificate", "facilitator", "handout"})
TERM_SEP = "\x1f"  # between terms (a term may in principle hold a space)
FIELD_SEP = "\x1e"  # between the title, section and text terms


@dataclass(frozen=True)
class Record:
    """One section of one page: what a search hit is and where it lands.

    Attributes:
        page: The page's docs-relative path (``moduler/ips.md``), its identity.
        url: The page's URL relative to the site root (``moduler/ips/``).
        anchor: The section heading's id, ``""`` for the text before the first heading.
        title: The page title.
        section: The section heading (the page title for the text before the first heading).
        text: The section's plain text.
        description: The page's description (front matter).
        audience: Audience ids of the page.
        topics: Topic ids of the page.
        lang: ``nb`` or ``nn``.
        type: The page type (``module``, ``lesson``, ``guidance``, ``news`` ...).
        tracks: Ids of the course tracks that have the page as a lesson.
    """

    page: str
    url: str
    anchor: str
    title: str
    section: str
    text: str
    description: str
    audience: tuple[str, ...]
    topics: tuple[str, ...]
    lang: str
    type: str
    tracks: tuple[str, ...] = ()


class AnalysedRecord:
    """A record with its analysed terms (``Analyzer.index_terms``), made once per build.

    The terms are stored packed; ``title_terms``, ``section_terms`` and ``text_terms``
    unpack them on each access (use :meth:`terms` to get all three at once).
    """

    __slots__ = ("packed", "record")

    def __init__(self, record: Record, title_terms: Sequence[str] = (),
                 section_terms: Sequence[str] = (), text_terms: Sequence[str] = ()) -> None:
        self.record = record
        self.packed = pack_terms(title_terms, section_terms, text_terms)

    @classmethod
    def from_packed(cls, record: Record, packed: bytes) -> AnalysedRecord:
        """A record with terms already packed by :func:`pack_terms` (no re-encoding)."""
        made = cls.__new__(cls)
        made.record, made.packed = record, packed
        return made

    def terms(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The title, section and text terms, unpacked once."""
        parts = zlib.decompress(self.packed).decode("utf-8").split(FIELD_SEP)
        title, section, text = (tuple(p.split(TERM_SEP)) if p else () for p in parts)
        return title, section, text

    @property
    def title_terms(self) -> tuple[str, ...]:
        """Terms of the page title."""
        return self.terms()[0]

    @property
    def section_terms(self) -> tuple[str, ...]:
        """Terms of the section heading."""
        return self.terms()[1]

    @property
    def text_terms(self) -> tuple[str, ...]:
        """Terms of the section text (the first section: description and text)."""
        return self.terms()[2]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AnalysedRecord):
            return NotImplemented
        return (self.record, self.packed) == (other.record, other.packed)

    def __hash__(self) -> int:
        return hash((self.record, self.packed))

    def __repr__(self) -> str:
        return f"AnalysedRecord({self.record.page}#{self.record.anchor})"

    def __getstate__(self) -> tuple[Record, bytes]:
        return self.record, self.packed

    def __setstate__(self, state: tuple[Record, bytes]) -> None:
        self.record, self.packed = state


def pack_terms(title: Sequence[str], section: Sequence[str], text: Sequence[str]) -> bytes:
    """The three term lists as one compressed string (see :class:`AnalysedRecord`)."""
    joined = FIELD_SEP.join(TERM_SEP.join(t) for t in (title, section, text))
    return zlib.compress(joined.encode("utf-8"), 1)


def records_for(site: Site) -> list[Record]:
    """Every section of every page of ``site``, pages in site order.

    Args:
        site: The loaded site.

    Returns:
        One record per entry of each page's ``sections``, after a record for the top of the
        page (anchor ``""``, carrying the description) when the body starts with a heading.
    """
    tracks: dict[str, list[str]] = {}
    for course in site.courses:
        for lesson in course.lessons:
            ids = tracks.setdefault(lesson.page, [])
            if course.id not in ids:
                ids.append(course.id)
    out: list[Record] = []
    for page in site.pages:
        front = page.front
        if front.generated in UNSEARCHED:
            continue
        parts = [(s.anchor, s.heading, s.text) for s in page.sections]
        if not parts or parts[0][0]:
            # The top of the page (title and description) is a hit of its own, even when the
            # body starts with a heading.
            parts.insert(0, ("", front.title, ""))
        for anchor, heading, text in parts:
            out.append(Record(page.src_path, page.url, anchor, front.title, heading, text,
                              front.description, front.audience, front.topics, front.lang,
                              front.type, tuple(tracks.get(page.src_path, ()))))
    return out


def analyse(records: Sequence[Record], analyzer: Analyzer,
            jobs: int | None = None) -> list[AnalysedRecord]:
    """Analyse every record in forked workers; results in input order.

    Only the packed terms travel back from the workers (the records themselves are
    inherited by the fork), so the main process holds one small string per record.

    Args:
        records: From :func:`records_for`.
        analyzer: The project's analyzer.
        jobs: Worker processes (``None``: one per core; 1: none).
    """
    def one(i: int) -> bytes:
        return analyse_one(records[i], analyzer)

    packed = parallel_map(one, range(len(records)), jobs)
    return [AnalysedRecord.from_packed(r, p) for r, p in zip(records, packed, strict=True)]


def analyse_one(record: Record, analyzer: Analyzer) -> bytes:
    """The packed terms of one record (the first section also carries the description)."""
    lang = record.lang
    title = analyzer.index_terms(record.title, lang)
    section = title if record.section == record.title else analyzer.index_terms(
        record.section, lang)
    text = record.text
    if not record.anchor and record.description:
        text = f"{record.description}\n{text}"
    return pack_terms(title, section, analyzer.index_terms(text, lang))


def heading_words(records: Sequence[Record], analyzer: Analyzer) -> set[str]:
    """The words of the titles, headings and descriptions, as written and folded.

    What readers search for is mostly there: saved with the analyzer
    (``Analyzer.snapshot``), a search of these words starts without loading a dictionary.
    """
    from search.norwegian import fold

    seen: set[str] = set()
    for record in records:
        for text in (record.section, record.description if not record.anchor else ""):
            if text:
                seen.update(w.lower() for _, _, w in analyzer.tokenize(text))
    return seen | {fold(w) for w in seen}
