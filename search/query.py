"""Searching the local index: any string in, ranked hits or a clear :class:`QueryError` out.

User text never reaches a query parser: the analyzer turns it into words and terms
(``Analyzer.query``), and the index is asked for exactly those terms. So quotes, operators
(``AND``, ``*``, ``-``), control characters and very long strings are only text; what cannot
be searched (nothing left to search for, an absurd length) is a :class:`QueryError` with a
message for a human.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from search.analysis import Analyzer, QueryWord, fold
from search.analysis_data import edits
from search.index import ANALYZER, ANY_AUDIENCE, IndexNotFound, LiveIndex, Word, live_generation, open_index
from search.norwegian import is_known

__all__ = ["MAX_QUERY_CHARS", "Hit", "IndexNotFound", "QueryError", "search", "snippet"]

MAX_QUERY_CHARS = 500
MAX_WORDS = 32  # longer questions are searched by their first words
MIN_PREFIX = 3  # a shorter prefix would match half the vocabulary
MAX_FUZZY_WORDS = 4  # typo lookups scan part of the vocabulary: a few per query
MIN_FUZZY_LETTERS = 5  # shorter words have too many neighbours one edit away
SNIPPET_CHARS = 200
HEADING_BONUS = 0.5  # see _by_heading
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


class QueryError(ValueError):
    """A query that cannot be searched; the message says why, for a human."""


@dataclass(frozen=True)
class Hit:
    """One search result: a section of a page.

    Attributes:
        page: The page's docs-relative path.
        url: The page's URL relative to the site root.
        anchor: The section's anchor (``""``: the top of the page).
        title: The page title.
        section: The section heading.
        snippet: HTML: the best passage, ``<mark>`` around matches, everything else escaped.
        score: Relevance (higher is better; only comparable within one search).
        audience: The page's audience ids (empty: everyone).
        lang: ``nb`` or ``nn``.
        type: The page type.
    """

    page: str
    url: str
    anchor: str
    title: str
    section: str
    snippet: str
    score: float
    audience: tuple[str, ...]
    lang: str
    type: str


_OPEN: dict[Path, tuple[str, LiveIndex, Analyzer]] = {}


def _opened(index_dir: Path) -> tuple[LiveIndex, Analyzer]:
    """The live index and its analyzer, opened once per process (reopened after a write)."""
    key = index_dir.resolve()
    gen = live_generation(key)
    if gen is None:
        raise IndexNotFound(f"no search index in {index_dir}")
    cached = _OPEN.get(key)
    if cached and cached[0] == gen.name:
        return cached[1], cached[2]
    if cached:
        cached[1].close()
    live = open_index(key)
    analyzer = _analyzer(gen, live)
    _OPEN[key] = (gen.name, live, analyzer)
    return live, analyzer


def _analyzer(gen: Path, live: LiveIndex) -> Analyzer:
    """The analyzer saved with the index (loads in a fraction of the time it takes to build
    one), or one built from the index's vocabularies when there is none or it is stale."""
    try:
        return Analyzer.from_snapshot((gen / ANALYZER).read_bytes())
    except (OSError, ValueError):
        return Analyzer.from_vocab(live.vocab)


def search(index_dir: Path, query: str, *, limit: int = 10, audience: str | None = None,
           lang: str | None = None) -> list[Hit]:
    """Search the local index in ``index_dir``.

    Args:
        index_dir: The index folder (``search.index.default_index_dir(root)``).
        query: What the reader typed, as typed.
        limit: At most this many hits; distinct pages come first, then further sections.
        audience: Only pages for this audience (and pages for everyone).
        lang: Only pages in this language (``nb`` or ``nn``).

    Raises:
        QueryError: Nothing in ``query`` can be searched for, or it is absurdly long.
        IndexNotFound: There is no index in ``index_dir``.
    """
    if limit < 1:
        raise QueryError("the number of hits must be at least 1")
    text = " ".join(_CONTROL.sub(" ", query).split())
    if not text:
        raise QueryError("the search is empty: type one or more words")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the search is too long ({len(text)} characters; at most "
                         f"{MAX_QUERY_CHARS}): use a few words")
    live, analyzer = _opened(index_dir)
    words = analyzer.query(text)[:MAX_WORDS]
    term_sets, prefixes = _expand(live, analyzer, words)
    if not term_sets:
        raise QueryError(f"nothing to search for in «{text[:80]}»: use words (not only "
                         "signs or the most common words)")
    raw = live.search(term_sets, limit=limit * 4 + 30, audience=audience, lang=lang)
    raw = _by_heading(raw, analyzer, text)
    marked = frozenset(t for word in term_sets for group in word for t in group)
    return [_hit(score, fields, analyzer, marked, prefixes)
            for score, fields in _distinct_first(raw, limit)]


def _expand(live: LiveIndex, analyzer: Analyzer,
            words: Sequence[QueryWord]) -> tuple[list[Word], list[str]]:
    """Each word as the index is asked for it, with its prefixes, parts and corrections.

    A word the index knows is taken as typed: its prefixes and neighbours would only add
    common words (and time) to a search that already has its answer. Otherwise, in this
    order: the terms starting with it (the reader is typing), its compound parts (all of
    them), the words one edit away (a typo).
    """
    out: list[Word] = []
    prefixes: list[str] = []
    fuzzy_left = MAX_FUZZY_WORDS
    for word in words:
        terms = set(word.terms)
        known = any(live.has_term(t) for t in terms)
        start = word.key
        if word.prefix and len(start) >= MIN_PREFIX and not known:
            prefixes.append(start)
            terms.update(live.prefixed(start))
        parts = [p for p in getattr(word, "parts", ()) if p]
        if len(parts) > 1 and all(any(live.has_term(t) for t in p) for p in parts):
            # Each group holds the compound's own terms too: a section matches with the
            # compound, or with all of its parts (*sykmeldingsperioden* is in one section;
            # the pages about the sick-leave period say *periode* and *sykmelding*).
            own = {t for t in terms if live.has_term(t)}
            out.append([sorted(set(p) | own) for p in parts])
            continue
        if not known and fuzzy_left and (word.fuzzy or _unknown(live, word, terms)):
            fuzzy_left -= 1
            terms.update(_corrections(live, analyzer, word))
        if terms:
            out.append([sorted(terms)])
    return out, prefixes


def _unknown(live: LiveIndex, word: QueryWord, terms: set[str]) -> bool:
    """A long word of letters the index has no term of: worth correcting."""
    return len(word.key) >= MIN_FUZZY_LETTERS and word.key.isalpha() and \
        not any(live.has_term(t) for t in terms)


def _corrections(live: LiveIndex, analyzer: Analyzer, word: QueryWord) -> set[str]:
    """Index terms one edit from the word's terms, and the terms of the dictionary words one
    edit from it as typed (an inflected form's typo is two edits from its lemma)."""
    found: set[str] = set()
    for term in sorted(word.terms)[:3]:
        found.update(live.near(term))
    key = word.key
    if len(key) >= MIN_FUZZY_LETTERS and key.isalpha():
        for form in sorted(edits(key)):
            if is_known(form):
                found.update(t for t in analyzer.word_terms(form, None) if live.has_term(t))
    return found


def _by_heading(raw: list[tuple[float, dict[str, Any]]], analyzer: Analyzer,
                text: str) -> list[tuple[float, dict[str, Any]]]:
    """Raise the sections whose heading the query asks (stopwords count here: a question
    *hvem bør være med i ansvarsgruppen?* is answered by the section *Hvem bør være med?*).

    A heading of which at least two words and half the words are in the query keeps
    ``1 + HEADING_BONUS * share`` times its score.
    """
    asked = _forms(analyzer, text)
    out = []
    for score, fields in raw:
        heading = [w for _, _, w in analyzer.tokenize(fields.get("section", ""))]
        if fields.get("anchor") and heading:
            matched = sum(bool(_forms(analyzer, w) & asked) for w in heading)
            if matched >= 2 and 2 * matched >= len(heading):
                score *= 1 + HEADING_BONUS * matched / len(heading)
        out.append((score, fields))
    out.sort(key=lambda hit: -hit[0])
    return out


def _forms(analyzer: Analyzer, text: str) -> set[str]:
    """The folded words of ``text`` and their terms (stopwords kept)."""
    out: set[str] = set()
    for _, _, word in analyzer.tokenize(text):
        low = word.lower()
        out.add(fold(low))
        out.update(analyzer.word_terms(low, None))
    return out


def _distinct_first(raw: list[tuple[float, dict[str, Any]]],
                    limit: int) -> list[tuple[float, dict[str, Any]]]:
    seen: set[str] = set()
    first: list[tuple[float, dict[str, Any]]] = []
    more: list[tuple[float, dict[str, Any]]] = []
    for score, fields in raw:
        (more if fields["page"] in seen else first).append((score, fields))
        seen.add(fields["page"])
    return (first + more)[:limit]


def _hit(score: float, f: dict[str, Any], analyzer: Analyzer, marked: frozenset[str],
         prefixes: Sequence[str]) -> Hit:
    audience = tuple(a for a in str(f.get("audience", "")).split() if a != ANY_AUDIENCE)
    return Hit(page=f["page"], url=f["url"], anchor=f["anchor"], title=f["title"],
               section=f["section"], score=round(score, 4), audience=audience, lang=f["lang"],
               type=f["type"],
               snippet=snippet(f.get("text", ""), analyzer, f["lang"], marked, prefixes))


def snippet(text: str, analyzer: Analyzer, lang: str | None, terms: frozenset[str],
            prefixes: Sequence[str] = (), width: int = SNIPPET_CHARS) -> str:
    """The passage of ``text`` with the most matching words, as HTML.

    A word matches when one of its analysed terms is among ``terms`` or starts with one of
    ``prefixes``. Matches are wrapped in ``<mark>``; everything else is escaped.
    """
    spans = [(s, e) for s, e, word in analyzer.tokenize(text)
             if _matches(analyzer, word, lang, terms, prefixes)]
    start = _best_window(spans, width)
    if start:
        space = text.find(" ", start, start + 20)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", end - 20, end)
        end = space if space > start else end
    out = ["…" if start else ""]
    pos = start
    for s, e in spans:
        if s >= start and e <= end:
            out += [html.escape(text[pos:s]), "<mark>", html.escape(text[s:e]), "</mark>"]
            pos = e
    out += [html.escape(text[pos:end]), "…" if end < len(text) else ""]
    return " ".join("".join(out).split())


def _matches(analyzer: Analyzer, word: str, lang: str | None, terms: frozenset[str],
             prefixes: Sequence[str]) -> bool:
    forms = analyzer.word_terms(word, lang)
    if any(t in terms for t in forms):
        return True
    folded = fold(word)
    return any(folded.startswith(p) for p in prefixes)


def _best_window(spans: Sequence[tuple[int, int]], width: int) -> int:
    """Where a window of ``width`` characters covering the most spans starts (a bit before)."""
    best, best_count, j = 0, 0, 0
    for i, (s, _) in enumerate(spans):
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1][1] - s <= width:
            j += 1
        if j - i + 1 > best_count:
            best, best_count = s, j - i + 1
    return max(0, best - 40) if best_count else 0
