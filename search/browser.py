"""The browser's search index: the local index's analysed terms, sharded for a static site.

What ``assets/javascripts/bb-search.js`` fetches from ``search/`` (every file is a script that
hands its data to ``window.__bbSearch(name, data)``, so the search also works from ``file://``,
where browsers refuse ``fetch``):

- ``manifest.js``: the format, record count, the fold table, and the first key of every shard;
- ``l/<n>.js``: the lexicon, sorted keys (folded surface forms, their inflections, the pair and
  synonym words, every term, and a word as typed where its own spelling analyses differently)
  each with its query analysis from :meth:`Analyzer.query` (:mod:`search.browser_lexicon`), so
  the script has no analysis of its own beyond folding, tokenising and splitting a compound
  the site does not have into words the lexicon has;
- ``p/<n>.js``: postings, sorted by term: ``[df, gap, weight, gap, weight, ...]`` where the
  weight is the record's BM25 term-frequency part (title and section boosted) times 40, and the
  script multiplies it by the term's idf;
- ``r/<n>.js``: records by id range (page url, title, audience, language, section anchor,
  heading, and the section's text, up to SNIPPET_SOURCE characters, for the snippet);
- ``a/<audience>.js``: which records are for an audience, a base64 bitset (only fetched to filter).
"""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from search.analysis import Analyzer
from search.browser_lexicon import Entry, lexicon
from search.browser_postings import K1, WEIGHT_SCALE, shards
from search.browser_postings import postings as make_postings
from search.norwegian import FOLD_CHARS, FOLD_DIGRAPHS
from search.records import AnalysedRecord

__all__ = ["FORMAT", "SNIPPET_SOURCE", "write_browser_index"]

FORMAT = 2
LEXICON_SHARD = 12_000  # target characters per lexicon shard (a first query reads one a word)
RECORDS_SHARD = 24  # records per record shard (a first query reads one per hit shown)
SNIPPET_SOURCE = 500  # characters of a section's text kept, to cut its snippet around a match
_KINDS = ("l", "p", "r", "a")


def write_browser_index(analysed: Sequence[AnalysedRecord], analyzer: Analyzer, out: Path,
                        audiences: Mapping[str, str] | None = None) -> list[str]:
    """Write the browser's search index for ``analysed`` into ``out`` (replacing it).

    Args:
        analysed: Every record of the site with its terms, in site order (the record ids).
        analyzer: The analysis that made the terms; it also gives the query side's lexicon.
        out: The folder the site serves as ``search/``; an index written there before is
            replaced, other files are left alone.
        audiences: Audience id to label, in the order the filter offers them (default: the
            ids found in the records, sorted, labelled by id).

    Returns:
        Notes for the build log.
    """
    postings = make_postings(analysed)
    lex = lexicon(analysed, analyzer, frozenset(postings))
    _clear(out)
    post_keys = _write_shards(out, "p", shards(postings))
    lex_keys = _write_shards(out, "l", _lexicon_shards(lex))
    rec_count = _write_records(out, analysed)
    labels = _audiences(analysed, audiences)
    _write_audiences(out, analysed, labels)
    manifest = {
        "format": FORMAT, "records": len(analysed), "recordsShard": RECORDS_SHARD,
        "k1": K1, "scale": WEIGHT_SCALE, "fold": _fold_table(),
        "postings": post_keys, "lexicon": lex_keys,
        "audiences": [[k, v] for k, v in labels.items()],
        "phrases": _phrases(analyzer, frozenset(postings)),
        "starts": _page_starts(analysed),
    }
    _write_script(out / "manifest.js", "manifest", manifest)
    return [f"browser search: {len(analysed)} sections, {len(postings)} terms, "
            f"{len(lex)} lexicon keys, {len(post_keys)}+{len(lex_keys)}+{rec_count} shards"]


def _clear(out: Path) -> None:
    """Remove a previous index of ours from ``out`` (and nothing else that may live there)."""
    for kind in _KINDS:
        shutil.rmtree(out / kind, ignore_errors=True)
    (out / "manifest.js").unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


def _lexicon_shards(lex: Mapping[str, Entry]) -> list[dict[str, Entry]]:
    """Sorted keys in shards of about LEXICON_SHARD characters."""
    shards: list[dict[str, Entry]] = [{}]
    size = 0
    for key in sorted(lex):
        entry = lex[key]
        cost = len(key) + len(json.dumps(entry, ensure_ascii=False)) + 4
        if size and size + cost > LEXICON_SHARD:
            shards.append({})
            size = 0
        shards[-1][key] = entry
        size += cost
    return shards


def _write_shards(out: Path, kind: str, shards: Sequence[Mapping[str, object]]) -> list[str]:
    """Write ``<kind>/<n>.js`` for each shard; return each shard's first key."""
    (out / kind).mkdir()
    firsts = []
    for n, shard in enumerate(shards):
        _write_script(out / kind / f"{n}.js", f"{kind}/{n}", shard)
        firsts.append(next(iter(shard), ""))
    return firsts


def _write_records(out: Path, analysed: Sequence[AnalysedRecord]) -> int:
    (out / "r").mkdir()
    count = 0
    for start in range(0, len(analysed), RECORDS_SHARD):
        pages: dict[str, int] = {}
        page_rows: list[list[object]] = []
        rows: list[list[object]] = []
        for a in analysed[start:start + RECORDS_SHARD]:
            r = a.record
            if r.page not in pages:
                pages[r.page] = len(page_rows)
                page_rows.append([r.url, r.title, r.lang])
            rows.append([pages[r.page], r.anchor, r.section, _snippet_source(r.text)])
        _write_script(out / "r" / f"{count}.js", f"r/{count}", {"pages": page_rows, "rows": rows})
        count += 1
    return count


def _snippet_source(text: str) -> str:
    text = " ".join(text[:2 * SNIPPET_SOURCE].split())
    if len(text) <= SNIPPET_SOURCE:
        return text
    cut = text.rfind(" ", 0, SNIPPET_SOURCE)
    return text[:cut if cut > SNIPPET_SOURCE // 2 else SNIPPET_SOURCE] + " …"


def _audiences(analysed: Sequence[AnalysedRecord],
               labels: Mapping[str, str] | None) -> dict[str, str]:
    if labels is not None:
        return dict(labels)
    found = sorted({a for rec in analysed for a in rec.record.audience})
    return {a: a for a in found}


def _write_audiences(out: Path, analysed: Sequence[AnalysedRecord],
                     labels: Mapping[str, str]) -> None:
    """``a/<n>.js``: the records for audience n (and the pages for everyone), as a bitset."""
    (out / "a").mkdir()
    size = len(analysed)
    bits = {aud: bytearray((size + 7) // 8) for aud in labels}
    everyone = bytearray((size + 7) // 8)
    for rid, a in enumerate(analysed):
        auds = a.record.audience
        for aud in auds if auds else ():
            if aud in bits:
                bits[aud][rid >> 3] |= 1 << (rid & 7)
        if not auds:
            everyone[rid >> 3] |= 1 << (rid & 7)
    for n, aud in enumerate(labels):
        mine = bytes(x | y for x, y in zip(bits[aud], everyone, strict=True))
        _write_script(out / "a" / f"{n}.js", f"a/{n}", base64.b64encode(mine).decode("ascii"))


def _page_starts(analysed: Sequence[AnalysedRecord]) -> str:
    """Which records start a page (a bitset), so the script can show distinct pages first."""
    pages = [a.record.page for a in analysed]
    return _bitset([rid for rid, page in enumerate(pages) if not rid or pages[rid - 1] != page],
                   len(pages))


def _bitset(rids: Sequence[int], size: int) -> str:
    bits = bytearray((size + 7) // 8)
    for rid in rids:
        bits[rid >> 3] |= 1 << (rid & 7)
    return base64.b64encode(bytes(bits)).decode("ascii")


def _phrases(analyzer: Analyzer, terms: frozenset[str]) -> list[list[object]]:
    """The analysis's phrases (*supported employment* stands for IPS), longest first:
    ``[[keys of word 1, keys of word 2, ...], term]``, for the script to match as Python does."""
    table: Mapping[str, Sequence[Any]] = getattr(getattr(analyzer, "classes", None),
                                                  "phrases", {})
    found = {(tuple(tuple(sorted(w)) for w in p.words), p.term)
             for group in table.values() for p in group if p.term in terms}
    return [[[list(w) for w in words], term]
            for words, term in sorted(found, key=lambda p: (-len(p[0]), p))]


def _fold_table() -> dict[str, object]:
    """How :func:`fold` folds, for the script to do the same (see ``search.norwegian.fold``)."""
    return {"chars": dict(FOLD_CHARS), "digraphs": [list(d) for d in FOLD_DIGRAPHS]}


def _write_script(path: Path, name: str, data: object) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    path.write_text(f'__bbSearch("{name}",{text});\n', encoding="utf-8")
