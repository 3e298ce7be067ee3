"""Related pages: up to five per page, from the same analysed terms as the search index.

Each page is a tf-idf vector over its terms (title terms weigh more than headings, headings
more than text), cut to its strongest terms; pages meet through an inverted index of those
terms whose lists are cut to their strongest pages, so the work grows with the pages, not
with their square. Shared topics and course tracks add a bonus. Audience: pages for disjoint
audiences rank below every page that shares one, and editors' pages (``redaktor``) are never
related to readers' pages or the other way round. Ties are broken by path, so the result is
the same from build to build.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from search.records import AnalysedRecord
from site_build.content.workers import parallel_map

__all__ = ["MAX_RELATED", "related_pages"]

MAX_RELATED = 5
TERMS_PER_PAGE = 16  # a page's strongest terms; the rest rarely decide what is related
PAGES_PER_TERM = 40  # a term's strongest pages; common terms would otherwise cost N^2
CANDIDATES = 40  # the pages sharing most wording; bonuses and audience rank among these
CHUNK = 50  # pages per work item for the workers
MIN_SCORE = 0.05  # below this cosine a page is not related, only similar in wording
TOPIC_BONUS = 0.08
TRACK_BONUS = 0.05
INTERNAL_AUDIENCES = frozenset({"redaktor"})  # editors' pages stay among themselves
TITLE_WEIGHT, HEADING_WEIGHT = 3, 2  # a text term counts 1


@dataclass(frozen=True)
class _Page:
    path: str
    audience: frozenset[str]
    topics: frozenset[str]
    tracks: frozenset[str]


def related_pages(analysed: Sequence[AnalysedRecord],
                  jobs: int | None = None) -> dict[str, tuple[str, ...]]:
    """Up to :data:`MAX_RELATED` related pages for every page of ``analysed``.

    Three passes over chunks of pages: the pages' term counts and, at the end, their
    candidates and ranking run in forked workers (which inherit what the passes before left
    in this process; only compact results travel back); the tf-idf vectors in between are
    cheap enough to stay here.

    Args:
        analysed: Every record of the site (``search.records.analyse``).
        jobs: Worker processes (``None``: one per core; 1: none).

    Returns:
        Docs-relative path → related paths, best first (never the page itself).
    """
    pages, spans = _pages(analysed)
    chunks = [range(i, min(i + CHUNK, len(pages))) for i in range(0, len(pages), CHUNK)]

    def count(chunk: range) -> list[dict[str, int]]:
        return [_page_counts(analysed, spans[i]) for i in chunk]

    counts = [c for part in parallel_map(count, chunks, jobs) for c in part]
    df: Counter[str] = Counter()
    for page_counts in counts:
        df.update(page_counts.keys())
    n = len(counts)
    idf = {t: math.log(1 + n / d) for t, d in df.items() if d > 1}
    del df

    # Cheap (a tenth of the counting): forking again would cost more than it saves.
    vectors = [_vector(page_counts, idf) for page_counts in counts]
    del counts, idf
    lists: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for term, weight in vec:
            lists[term].append((weight, i))
    postings = {term: sorted(plist, key=_strongest)[:PAGES_PER_TERM]
                for term, plist in lists.items() if len(plist) > 1}
    del lists

    def score(chunk: range) -> list[tuple[str, ...]]:
        return [_best(pages, i, _candidates(i, vectors[i], postings)) for i in chunk]

    found = [r for part in parallel_map(score, chunks, jobs) for r in part]
    return {page.path: rel for page, rel in zip(pages, found, strict=True)}


def _strongest(posting: tuple[float, int]) -> tuple[float, int]:
    return -posting[0], posting[1]


def _candidates(i: int, vec: list[tuple[str, float]],
                postings: Mapping[str, list[tuple[float, int]]]) -> list[tuple[int, float]]:
    """The pages sharing the most tf-idf weight with page ``i``, strongest first."""
    scores: dict[int, float] = {}
    get = scores.get
    for term, weight in vec:
        for other_weight, j in postings.get(term, ()):
            scores[j] = get(j, 0.0) + weight * other_weight
    scores.pop(i, None)
    # Ties at the cut are broken by path later (``_best``); this only bounds the work.
    return heapq.nlargest(CANDIDATES, scores.items(), key=itemgetter(1))


def _pages(analysed: Sequence[AnalysedRecord]) -> tuple[list[_Page], list[list[int]]]:
    """The pages in first-seen order, and the indices of each page's records."""
    pages: list[_Page] = []
    spans: list[list[int]] = []
    index: dict[str, int] = {}
    for k, rec in enumerate(analysed):
        r = rec.record
        if r.page not in index:
            index[r.page] = len(pages)
            pages.append(_Page(r.page, frozenset(r.audience), frozenset(r.topics),
                               frozenset(r.tracks)))
            spans.append([])
        spans[index[r.page]].append(k)
    return pages, spans


def _page_counts(analysed: Sequence[AnalysedRecord], span: list[int]) -> dict[str, int]:
    """A page's weighted term counts (title and headings weigh more than text)."""
    page_counts: Counter[str] = Counter()
    for k in span:
        rec = analysed[k]
        title, section, text = rec.terms()
        page_counts.update(text)
        # The title is repeated on every section of a page: count it once.
        anchored = bool(rec.record.anchor)
        for weight, terms in ((TITLE_WEIGHT, title if not anchored else ()),
                              (HEADING_WEIGHT, section if anchored else ())):
            for term in terms:
                page_counts[term] += weight
    return dict(page_counts)


_TF = {c: 1 + math.log(c) for c in range(1, 64)}


def _vector(page_counts: Mapping[str, int], idf: Mapping[str, float]) -> list[tuple[str, float]]:
    """A page's strongest terms by tf-idf, normalised to unit length, strongest first."""
    tf = _TF
    weighted = [((tf.get(c) or 1 + math.log(c)) * idf[t], t)
                for t, c in page_counts.items() if t in idf]
    # Highest weight first; among equal weights the term that sorts first (stable output).
    top = heapq.nsmallest(TERMS_PER_PAGE, ((-w, t) for w, t in weighted))
    norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
    return [(t, -w / norm) for w, t in top]


def _best(pages: list[_Page], i: int, candidates: list[tuple[int, float]]) -> tuple[str, ...]:
    page = pages[i]
    ranked = []
    for j, score in candidates:
        other = pages[j]
        if _internal(page) != _internal(other):
            continue
        score += TOPIC_BONUS * len(page.topics & other.topics)
        score += TRACK_BONUS * len(page.tracks & other.tracks)
        if score < MIN_SCORE:
            continue
        shares = not page.audience or not other.audience or bool(page.audience & other.audience)
        ranked.append((not shares, -round(score, 9), other.path))
    return tuple(path for _, _, path in heapq.nsmallest(MAX_RELATED, ranked))


def _internal(page: _Page) -> bool:
    return bool(page.audience) and page.audience <= INTERNAL_AUDIENCES
