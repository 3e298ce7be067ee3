"""Writing segments of the index straight through whoosh's codec, in forked workers."""

from __future__ import annotations

import gc
import multiprocessing
import os
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from whoosh.codec import default_codec
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, FileIndex, clean_files
from whoosh.system import pack_uint

from search.index import common
from search.index.schema import Terms, documents, schema
from search.records import AnalysedRecord

MIN_SEGMENT_PAGES = 200  # below this a second worker costs more than it saves
MAX_SEGMENT_PAGES = 2500  # bounds a writer's postings in memory (~25 MB)

_CHUNKS: list[list[AnalysedRecord]] = []
_CHUNK_DIR: list[str] = []


def _write_segment(chunk: int) -> Any:
    """In a forked worker: write one whoosh segment of its share of the pages."""
    return _fast_segment(FileStorage(_CHUNK_DIR[0]), schema(), documents(_CHUNKS[chunk]))


def _fast_segment(storage: Any, fields: Any, docs: Iterable[dict[str, Any]]) -> Any:
    """Write a whoosh segment straight through the codec.

    Whoosh's own writer spends ~9 s per 1 000 pages here: it pickles every posting to a
    sort file, looks up each posting's field length again and checks it one by one. Here
    the postings are gathered in compact arrays per term and handed to the codec a block at
    a time, already sorted.
    """
    codec = default_codec()
    segment = codec.new_segment(storage, "MAIN")
    perdoc = codec.per_document_writer(storage, segment)
    postings: dict[str, dict[bytes, tuple[array[int], array[int]]]] = {}
    lengths: dict[str, array[int]] = {}
    count = 0
    for doc in docs:
        perdoc.start_doc(count)
        for name in sorted(doc):
            length = _gather(postings.setdefault(name, {}), fields[name], doc[name], count)
            if fields[name].scorable:
                lengths.setdefault(name, array("I")).append(length)
            perdoc.add_field(name, fields[name], doc[name] if fields[name].stored else None,
                             length)
        perdoc.finish_doc()
        count += 1
    perdoc.close()
    writer = codec.field_writer(storage, segment)
    for name in sorted(postings):
        if postings[name]:
            _write_field(writer, name, fields[name], postings[name], lengths.get(name))
    writer.close()
    segment.set_doc_count(count)
    common.write(Path(storage.folder), segment.segment_id(), common.gather(postings, lengths))
    if segment.should_assemble():
        segment.create_compound_file(storage)
        segment.compound = True
    return segment


def _gather(terms: dict[bytes, tuple[array[int], array[int]]], field: Any, value: Any,
            docnum: int) -> int:
    """Add one field of one document to the postings; return the field's length."""
    if not field.indexed:
        return 0
    if isinstance(field, Terms):
        counts = Counter(value).items()
        pairs: Iterable[tuple[bytes, int]] = ((t.encode("utf-8"), n) for t, n in counts)
    else:
        pairs = ((btext, freq) for btext, freq, _, _ in field.index(value))
    length = 0
    for btext, freq in pairs:
        entry = terms.get(btext)
        if entry is None:
            entry = terms[btext] = (array("I"), array("I"))
        entry[0].append(docnum)
        entry[1].append(freq)
        length += freq
    return length


def _write_field(writer: Any, name: str, field: Any,
                 terms: dict[bytes, tuple[array[int], array[int]]],
                 lengths: array[int] | None) -> None:
    """The postings of one field, a block of the codec at a time (what ``add_posting`` would
    buffer, without its per-posting checks)."""
    fmt = field.format
    boost = getattr(fmt, "field_boost", 1.0)
    values = fmt.fixed_value_size() != 0
    packed = [pack_uint(n) for n in range(64)]
    writer.start_field(name, field)
    post = writer._postwriter
    limit = post._blocklimit
    for btext in sorted(terms):
        ids, freqs = terms[btext]
        writer.start_term(btext)
        for start in range(0, len(ids), limit):
            if start:
                post._write_block()
            block = freqs[start:start + limit]
            post._ids = ids[start:start + limit]
            post._weights = array("f", [n * boost for n in block])
            post._maxweight = max(post._weights)
            if values:
                post._values = [packed[n] if n < 64 else pack_uint(n) for n in block]
            if lengths is not None:
                lens = [lengths[d] for d in post._ids]
                post._minlength = min(lens) or None
                post._maxlength = max(lens)
        writer.finish_term()
    writer.finish_field()


def write_full(tmp: Path, pages: dict[str, list[AnalysedRecord]], jobs: int | None) -> None:
    tmp.mkdir()
    storage = FileStorage(str(tmp))
    fields = schema()
    storage.create_index(fields)
    groups = list(pages.values())
    workers = max(1, min(jobs or os.cpu_count() or 1, 8))
    # Enough segments for every worker, and none so big that its postings crowd memory.
    count = max(1, min(-(-len(groups) // MIN_SEGMENT_PAGES), workers)) if workers > 1 else 1
    count = max(count, -(-len(groups) // MAX_SEGMENT_PAGES))
    share = -(-len(groups) // count) if groups else 1
    _CHUNKS[:] = [[r for g in groups[i:i + share] for r in g]
                  for i in range(0, len(groups), share)] or [[]]
    _CHUNK_DIR[:] = [str(tmp)]
    try:
        segments = _fork_map(_write_segment, len(_CHUNKS), workers)
    finally:
        _CHUNKS.clear()
        _CHUNK_DIR.clear()
    TOC(fields, [s for s in segments if s.doc_count_all()], 1).write(storage, "MAIN")
    clean_files(storage, "MAIN", 1, segments)


def _fork_map(func: Callable[[int], Any], n: int, workers: int) -> list[Any]:
    """``[func(i) for i in range(n)]`` in forked processes (``parallel_map`` keeps small
    jobs in-process; a handful of segments is exactly the case that must spread)."""
    if workers <= 1 or n <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [func(i) for i in range(n)]
    gc.freeze()  # the workers' collector then leaves the inherited heap alone (no copies)
    try:
        with multiprocessing.get_context("fork").Pool(min(workers, n)) as pool:
            return pool.map(func, range(n), chunksize=1)
    finally:
        gc.unfreeze()


def write_changes(old: Path, tmp: Path, changed: list[list[AnalysedRecord]],
                   stale: list[str]) -> None:
    tmp.mkdir()
    for file in old.iterdir():
        if file.is_file() and not file.name.startswith("."):
            os.link(file, tmp / file.name)
    index = FileIndex(FileStorage(str(tmp)))
    writer = index.writer()
    for page in stale:
        writer.delete_by_term("page", page)
    for recs in changed:
        for doc in documents(recs):
            writer.add_document(**doc)
    # Not merged: the new pages make a small segment of their own, and the segments kept
    # keep their common-term files (a full rebuild follows after MAX_SEGMENTS updates).
    writer.commit(merge=False)
    index.close()
