"""The postings of each segment's common terms as plain arrays, highest impact first.

A term in more than :data:`SEGMENT_COMMON` sections of a segment has, beside whoosh's posting
list, an entry in ``common-<segment>.pickle``: its section numbers and frequencies (sorted
arrays: a section is looked up by bisection, no block decoded) and the :data:`TOP` sections
where it weighs most by BM25 (term frequency against section length). A query of common
words only takes its candidates from these tops (the usual "top-k per term" pruning); a common
word beside rarer ones is scored on the sections they found, by lookups.
"""

from __future__ import annotations

import heapq
import pickle
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from search.index.schema import BM25_B, BM25_K1, BOOSTS

SEGMENT_COMMON = 400  # sections of one segment; rarer terms are read from whoosh
TOP = 64  # a common term's best sections per segment and field


class Common(NamedTuple):
    """One common term in one field of one segment.

    Attributes:
        ids: Section numbers (in the segment), ascending.
        freqs: The term's frequency in each of them.
        top: The :data:`TOP` sections where it weighs most, ascending.
    """

    ids: array[int]
    freqs: array[int]
    top: array[int]


Table = dict[str, dict[str, Common]]  # field -> term -> postings


PREFIX = "common-"


def file_name(segment_id: str) -> str:
    """The file of a segment's common terms."""
    return f"{PREFIX}{segment_id}.pickle"


def gather(postings: Mapping[str, Mapping[bytes, tuple[array[int], array[int]]]],
           lengths: Mapping[str, array[int]]) -> Table:
    """The common terms of a segment being written (its postings and field lengths)."""
    table: Table = {}
    for name in BOOSTS:
        lens = lengths.get(name)
        if not lens:
            continue
        avg = max(1.0, sum(lens) / len(lens))
        norm = [BM25_K1 * (1 - BM25_B + BM25_B * n / avg) for n in range(max(lens) + 1)]
        found: dict[str, Common] = {}
        for btext, (ids, freqs) in postings.get(name, {}).items():
            if len(ids) < SEGMENT_COMMON:
                continue
            best = heapq.nlargest(TOP, range(len(ids)),
                                  key=lambda i: freqs[i] / (freqs[i] + norm[lens[ids[i]]]))
            found[btext.decode("utf-8")] = Common(ids, array("I", freqs),
                                                  array("I", sorted(ids[i] for i in best)))
        table[name] = found
    return table


def write(folder: Path, segment_id: str, table: Table) -> None:
    """Save a segment's common terms beside it."""
    (folder / file_name(segment_id)).write_bytes(pickle.dumps(table, protocol=5))


def read(folder: Path, segment_id: str) -> Table:
    """A segment's common terms (none if the segment has no file: a small one)."""
    try:
        data = (folder / file_name(segment_id)).read_bytes()
    except FileNotFoundError:
        return {}
    table: Table = pickle.loads(data)
    return table


def lookup(entry: Common, wanted: Sequence[int]) -> Iterator[tuple[int, int]]:
    """``(section, frequency)`` for the sections of ``wanted`` (ascending) that have the term."""
    ids, lo = entry.ids, 0
    end = len(ids)
    for doc in wanted:
        lo = bisect_left(ids, doc, lo, end)
        if lo == end:
            return
        if ids[lo] == doc:
            yield doc, entry.freqs[lo]
