"""Postings of the browser search index: BM25 weights per term and record, compact.

Each term's postings are ``[df, gap, weight, gap, weight, ...]`` over record ids. The weight
is BM25's term-frequency part summed over the fields as ``search/index.py`` scores them (title,
section heading and text, each with its own boost and length norm), times WEIGHT_SCALE; the
script multiplies it by the term's idf from ``df``. A term's heaviest MAX_POSTINGS are kept.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Sequence
from itertools import compress, count, islice
from operator import sub

from search.records import AnalysedRecord

__all__ = ["K1", "MAX_POSTINGS", "WEIGHT_SCALE", "postings", "shards"]

K1 = 1.2
B = 0.75
BOOSTS = {"title": 3.0, "section": 2.0}  # as search.index.BOOSTS (text: 1)
WEIGHT_SCALE = 40
MAX_POSTINGS = 3000  # per term, the heaviest; a longer list says little (low idf) and costs bytes
POSTINGS_SHARD = 40_000  # target characters per postings shard


def postings(analysed: Sequence[AnalysedRecord]) -> dict[str, list[int]]:
    """Term to ``[df, gap, weight, ...]`` over record ids (the record's index in ``analysed``).

    Field lengths are in characters: the same ratio as in terms, without unpacking twice.
    The inner loop runs in C (``map`` over bound methods): it is most of the browser index's
    build time.
    """
    avg = {f: _mean(len(getattr(a.record, f)) for a in analysed)
           for f in ("title", "section", "text")}
    post: defaultdict[str, list[int]] = defaultdict(list)
    scale = WEIGHT_SCALE * (K1 + 1)
    consume = deque[None](maxlen=0).extend
    extend = list.extend
    page, title_part = None, {}
    for rid, rec in enumerate(analysed):
        title, section, text = rec.terms()
        r = rec.record
        k = K1 * (1 - B + B * len(r.text) / avg["text"])
        counts = Counter(text)
        # few distinct frequencies per record: one weight (and tuple) each, not one per term
        pairs = {c: (rid, int(scale * c / (c + k) + 0.5)) for c in set(counts.values())}
        consume(map(extend, map(post.__getitem__, counts), map(pairs.__getitem__, counts.values())))
        if r.page != page:  # the title's part is the same for every section of a page
            page, title_part = r.page, _field_part(title, len(r.title), avg["title"], "title")
        extra = dict(title_part)
        for t, x in _field_part(section, len(r.section), avg["section"], "section").items():
            extra[t] = extra.get(t, 0.0) + x
        for t, x in extra.items():
            p = post[t]
            if t in counts:
                p[-1] += int(scale * x + 0.5)
            else:
                p += (rid, int(scale * x + 0.5))
    return {t: _encode(p) for t, p in post.items()}


def _field_part(terms: Sequence[str], length: int, avg: float, name: str) -> dict[str, float]:
    """BM25's term-frequency part of a boosted field (before scaling), per term."""
    k = K1 * (1 - B + B * length / avg)
    out = {}
    for t, c in Counter(terms).items():
        w = c * BOOSTS[name]
        out[t] = w / (w + k)
    return out


def _mean(values: Iterable[int]) -> float:
    items = list(values)
    return (sum(items) / len(items) or 1.0) if items else 1.0


def _encode(p: list[int]) -> list[int]:
    """``[rid, weight, ...]`` as ``[df, gap, weight, ...]``, the heaviest MAX_POSTINGS kept."""
    df = len(p) // 2
    rids, weights = p[0::2], p[1::2]
    if df > MAX_POSTINGS:  # no sort: weights are small integers, so find the cut by counting
        keep = _heaviest(weights)
        rids = list(compress(rids, keep))
        weights = list(compress(weights, keep))
    out = [0] * (2 * len(rids) + 1)
    out[0] = df
    out[1::2] = map(sub, rids, [0, *rids])  # gaps (map: C speed on long lists)
    out[2::2] = weights
    return out


def _heaviest(weights: list[int]) -> list[bool]:
    """Which of ``weights`` are the MAX_POSTINGS heaviest (ties: the earliest records)."""
    counts = Counter(weights)
    above = 0
    for cut in sorted(counts, reverse=True):
        if above + counts[cut] >= MAX_POSTINGS:
            break
        above += counts[cut]
    room = MAX_POSTINGS - above
    keep = list(map(cut.__lt__, weights))
    for i in islice(compress(count(), map(cut.__eq__, weights)), room):
        keep[i] = True
    return keep


def shards(post: dict[str, list[int]]) -> list[dict[str, list[int]]]:
    shards: list[dict[str, list[int]]] = [{}]
    size = 0
    for term in sorted(post):
        cost = len(term) + 4 * len(post[term])
        if size and size + cost > POSTINGS_SHARD:
            shards.append({})
            size = 0
        shards[-1][term] = post[term]
        size += cost
    return shards


