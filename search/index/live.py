"""Searching an opened generation: BM25F over title, heading and text, scored here.

Whoosh's matcher tree costs ~100 ms per query at 1 000 pages in pure Python, so the posting
lists are read and scored here, a word at a time. Words found in fewer than
:data:`COMMON_SECTIONS` sections are scored everywhere; commoner words only reorder the best
:data:`POOL` sections the rarer words found, looked up in their plain arrays
(:mod:`search.index.common`). A query of common words only takes its candidates from each
term's top sections, then scores them exactly.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from search.index import common
from search.index.postings import blocks_holding, length_bytes, read_all
from search.index.schema import ANY_AUDIENCE, BM25_B, BM25_K1, BOOSTS
from site_build.model import Vocabularies

Word = Sequence[Sequence[str]]  # a query word: ALL of its groups, ANY term of each group
COMMON_SECTIONS = 3000  # a word in more sections than this only reorders what rarer words found
POOL = 400  # sections a common word reorders
MAX_CACHED = 100_000  # document frequencies kept per process
COORD_BASE = 0.5  # a section matching k of n query words keeps 0.5 + 0.5 k/n of its score


class LiveIndex:
    """An opened generation of the index, with one searcher kept open (warm searches).

    Attributes:
        path: The generation folder.
        vocab: The vocabularies its terms were analysed with.
    """

    def __init__(self, path: Path, index: Any, vocab: Vocabularies) -> None:
        self.path, self.vocab = path, vocab
        self._index = index
        self._searcher = index.searcher()
        self._reader = reader = self._searcher.reader()
        self._leaves = list(reader.leaf_readers())
        self._count = max(1, reader.doc_count())
        self._formats = {name: index.schema[name].format for name in index.schema.names()}
        self._deleted = {base + d for leaf, base in self._leaves for d in leaf.deleted_docs_set}
        self._common = {base: common.read(path, leaf.segment().segment_id())
                        for leaf, base in self._leaves}
        self._lengths: dict[str, dict[int, bytes]] = {}
        # The generation never changes: document frequencies are looked up once per process
        # (whoosh hashes the term and searches every segment's table on each lookup).
        self._dfs: dict[tuple[str, str], int] = {}
        self._filters: dict[tuple[str | None, str | None], set[int] | None] = {}
        self._norms: dict[str, list[float]] = {}
        for name in BOOSTS:
            self._lengths[name] = {base: length_bytes(leaf, name).ljust(leaf.doc_count_all(),
                                                                        b"\0")
                                   for leaf, base in self._leaves}
            average = max(1.0, reader.field_length(name) / self._count)
            self._norms[name] = [BM25_K1 * (1 - BM25_B + BM25_B * byte_to_length(b) / average)
                                 for b in range(256)]

    def close(self) -> None:
        """Release the searcher's files."""
        self._searcher.close()
        self._index.close()

    def has_term(self, term: str) -> bool:
        """Whether any page has ``term`` in its title, headings or text."""
        return any(self._df(name, term) for name in BOOSTS)

    def _df(self, name: str, term: str) -> int:
        """How many sections have ``term`` in field ``name`` (cached)."""
        key = (name, term)
        found = self._dfs.get(key)
        if found is None:
            if len(self._dfs) > MAX_CACHED:
                self._dfs.clear()
            found = self._dfs[key] = self._reader.doc_frequency(name, term)
        return found

    def prefixed(self, prefix: str, most: int = 32) -> list[str]:
        """Up to ``most`` text terms starting with ``prefix``, the commonest first."""
        found: dict[str, int] = {}
        for term in itertools.islice(self._reader.expand_prefix("t_text", prefix), 2000):
            word = term.decode("utf-8") if isinstance(term, bytes) else term
            found[word] = self._df("t_text", word)
        return sorted(found, key=lambda t: (-found[t], t))[:most]

    def near(self, term: str, edits: int = 1) -> list[str]:
        """Text terms up to ``edits`` edits from ``term`` (same first two letters), commonest
        first."""
        found: dict[str, int] = {}
        for word in self._reader.terms_within("t_text", term, edits, prefix=2):
            found[word] = self._df("t_text", word)
        return sorted(found, key=lambda t: (-found[t], t))[:8]

    def search(self, words: Sequence[Word], *, limit: int, audience: str | None,
               lang: str | None) -> list[tuple[float, dict[str, Any]]]:
        """Sections matching any of ``words`` (see :data:`Word`), best first.

        A section that matches more of the words gets a coordination bonus: it keeps
        ``COORD_BASE + (1 - COORD_BASE) * matched / words`` of its score.

        Returns:
            ``(score, stored fields)`` of the best ``limit`` sections.
        """
        df = [self._word_df(word) for word in words]
        scores: list[dict[int, float]] = [{} for _ in words]
        commons = [k for k in range(len(words)) if df[k] > COMMON_SECTIONS]
        for k in range(len(words)):
            if k not in commons:
                scores[k] = self._score(words[k], None)
        if commons:
            found = _totals(scores)
            if not found:  # common words only: candidates from their terms' top sections
                found = _totals([self._score(words[k], None, tops=True) for k in commons])
            pool = self._split(sorted(heapq.nlargest(POOL, found, key=found.__getitem__)))
            for k in commons:
                scores[k] = self._score(words[k], pool)
        total = _totals(scores)
        docs: Iterable[int] = total.keys() - self._deleted
        allowed = self._allowed(audience, lang)
        if allowed is not None:
            docs = allowed.intersection(docs)
        # The coordination factor is at least COORD_BASE, so the best sections by final score
        # are among the best few hundred by raw score.
        best_raw = heapq.nlargest(max(200, limit * 4), docs, key=total.__getitem__)
        n = max(1, len(words))
        final = [(total[d] * (COORD_BASE + (1 - COORD_BASE) *
                              sum(d in s for s in scores) / n), -d) for d in best_raw]
        return [(score, dict(self._searcher.stored_fields(-neg)))
                for score, neg in heapq.nlargest(limit, final)]

    def _word_df(self, word: Word) -> int:
        """How many sections may match ``word`` (text postings; an upper estimate)."""
        return min((sum(self._df("t_text", t) for t in group) for group in word), default=0)

    def _split(self, pool: list[int]) -> dict[int, list[int]]:
        """``pool`` (sorted, global numbers) as each segment's own numbers, by segment base."""
        return {base: [d - base for d in pool if base <= d < base + leaf.doc_count_all()]
                for leaf, base in self._leaves}

    def _score(self, word: Word, pool: dict[int, list[int]] | None,
               tops: bool = False) -> dict[int, float]:
        """Section -> the word's score: in every section, or in ``pool`` (:meth:`_split`)
        only; with ``tops``, a common term counts only in its top sections."""
        found: dict[int, float] | None = None
        for group in word:
            got: dict[int, float] = {}
            for name in BOOSTS:
                for term in group:
                    self._add_term(name, term, got, pool, tops)
            found = got if found is None else \
                {d: s + got[d] for d, s in found.items() if d in got}
        return found or {}

    def _add_term(self, name: str, term: str, into: dict[int, float],
                  pool: dict[int, list[int]] | None, tops: bool) -> None:
        """Add one term's BM25 score in one field to ``into``."""
        df = self._df(name, term)
        if not df:
            return
        factor = math.log(1 + (self._count - df + 0.5) / (df + 0.5)) * (BM25_K1 + 1)
        norms, boost = self._norms[name], BOOSTS[name]
        for leaf, base in self._leaves:
            entry = self._common[base].get(name, {}).get(term)
            if entry is not None:
                wanted = entry.top if tops else None if pool is None else pool[base]
                pairs: Iterable[tuple[int, float]] = (
                    ((i, f * boost) for i, f in zip(entry.ids, entry.freqs, strict=True))
                    if wanted is None else
                    ((i, f * boost) for i, f in common.lookup(entry, wanted)))
            else:
                try:
                    m = leaf._terms.matcher(name, term.encode("utf-8"), self._formats[name])
                except (KeyError, TermNotFound):
                    continue
                wanted = None if pool is None else pool[base]
                if wanted is not None and not wanted:
                    continue
                pairs = read_all(m) if wanted is None else blocks_holding(m, wanted)
            lengths = self._lengths[name][base]
            for i, w in pairs:
                doc = i + base
                into[doc] = into.get(doc, 0.0) + factor * w / (w + norms[lengths[i]])

    def _allowed(self, audience: str | None, lang: str | None) -> set[int] | None:
        """The sections for ``audience`` (and everyone) in ``lang`` (cached); ``None``: all."""
        key = (audience, lang)
        if key not in self._filters:
            self._filters[key] = self._filter(audience, lang)
        return self._filters[key]

    def _filter(self, audience: str | None, lang: str | None) -> set[int] | None:
        allowed: set[int] | None = None
        for name, values in (("audience", (audience, ANY_AUDIENCE)), ("lang", (lang,))):
            if values[0] is None:
                continue
            docs: set[int] = set()
            for leaf, base in self._leaves:
                for value in values:
                    try:
                        m = leaf._terms.matcher(name, str(value).encode("utf-8"),
                                                self._formats[name])
                    except (KeyError, TermNotFound):
                        continue
                    docs.update(base + i for i, _ in read_all(m))
            allowed = docs if allowed is None else allowed & docs
        return allowed


def _totals(scores: Sequence[dict[int, float]]) -> dict[int, float]:
    total: dict[int, float] = {}
    for part in scores:
        for doc, score in part.items():
            total[doc] = total.get(doc, 0.0) + score
    return total
