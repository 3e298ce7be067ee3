"""Generations of the index: building one atomically, finding and opening the live one."""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
import pickle
import re
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from search.index.live import LiveIndex
from search.index.schema import IndexNotFound, IndexReport
from search.index.writer import write_changes, write_full
from search.records import AnalysedRecord
from site_build.model import Vocabularies

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
VOCAB = "vocab.pickle"
ANALYZER = "analyzer.snapshot"  # ``Analyzer.snapshot``: a cold search skips building it
FORMAT = 3  # bump when the schema or the record hashing changes: forces a full rebuild
FULL_REBUILD_SHARE = 0.3  # above this share of changed pages, writing anew beats updating
MAX_SEGMENTS = 24  # each update adds a small segment; past this many, write anew
_SEGMENT = re.compile(r"MAIN_(\w+)\.")


def default_index_dir(root: Path) -> Path:
    """The project's local index folder: ``<root>/.brobygger/index`` (outside ``site/``)."""
    return root / ".brobygger" / "index"


def open_index(index_dir: Path) -> LiveIndex:
    """Open the live generation of the index in ``index_dir``.

    Raises:
        IndexNotFound: There is no index there (or it cannot be read).
    """
    gen = _live(index_dir)
    if gen is None:
        raise IndexNotFound(f"no search index in {index_dir}")
    try:
        vocab = pickle.loads((gen / VOCAB).read_bytes())
        return LiveIndex(gen, FileStorage(str(gen)).open_index(), vocab)
    except Exception as exc:  # whoosh raises many kinds for a damaged folder
        raise IndexNotFound(f"the search index in {index_dir} cannot be read: {exc}") from exc


def live_generation(index_dir: Path) -> Path | None:
    """The folder of the live generation, or ``None`` when there is no index."""
    return _live(index_dir)


def _live(index_dir: Path) -> Path | None:
    try:
        name = (index_dir / CURRENT).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    gen = index_dir / name
    return gen if name.startswith("g-") and (gen / MANIFEST).is_file() else None


def build_index(analysed: Sequence[AnalysedRecord], index_dir: Path, *,
                vocab: Vocabularies, jobs: int | None = None,
                analyzer: bytes | None = None) -> IndexReport:
    """Bring the index in ``index_dir`` up to date with ``analysed``; only changed pages are
    re-indexed, and the switch to the new state is one atomic rename.

    Args:
        analysed: Every record of the site (``search.records.analyse``), pages in order.
        index_dir: The index folder (created if missing).
        vocab: The vocabularies the terms were analysed with (``site.vocab``); searches
            analyse queries with the same ones, so synonyms and pairs work both ways.
        jobs: Worker processes for a full build (``None``: one per core).
        analyzer: ``Analyzer.snapshot()`` of the analyzer made from ``vocab``, saved with the
            index so that a search starts without building one (see ``search.query``).
    """
    start = time.perf_counter()
    index_dir.mkdir(parents=True, exist_ok=True)
    pages = _group(analysed)
    hashes = {page: _page_hash(recs) for page, recs in pages.items()}
    vocab = dataclasses.replace(vocab)  # a fresh copy: no cached lookups in the pickle
    vocab_blob = pickle.dumps(vocab)
    fingerprint = f"{FORMAT}:{hashlib.blake2b(repr(vocab).encode(), digest_size=16).hexdigest()}"
    with _locked(index_dir):
        _clean(index_dir)
        old = _live(index_dir)
        old_hashes = _read_manifest(old, fingerprint) if old else None
        changed = [p for p, h in hashes.items() if old_hashes is None or old_hashes.get(p) != h]
        removed = sorted(set(old_hashes or {}) - set(hashes))
        if old_hashes is not None and not changed and not removed:
            return IndexReport(len(pages), 0, 0, False, time.perf_counter() - start)
        full = old is None or old_hashes is None or _segments(old) >= MAX_SEGMENTS or \
            len(changed) + len(removed) > FULL_REBUILD_SHARE * max(1, len(hashes))
        tmp = index_dir / f"tmp-{os.getpid()}-{time.monotonic_ns()}"
        try:
            if full:
                write_full(tmp, pages, jobs)
            else:
                assert old is not None
                write_changes(old, tmp, [pages[p] for p in changed], [*changed, *removed])
            _write_new(tmp / VOCAB, vocab_blob)
            if analyzer is not None:
                _write_new(tmp / ANALYZER, analyzer)
            _write_manifest(tmp, hashes, fingerprint)
            _publish(index_dir, tmp, old)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return IndexReport(len(pages), len(changed), len(removed), full,
                       time.perf_counter() - start)


def _segments(gen: Path) -> int:
    """How many segments a generation has (each update adds one)."""
    return len({m.group(1) for f in gen.iterdir() if (m := _SEGMENT.match(f.name))})


def _group(analysed: Sequence[AnalysedRecord]) -> dict[str, list[AnalysedRecord]]:
    pages: dict[str, list[AnalysedRecord]] = {}
    for rec in analysed:
        pages.setdefault(rec.record.page, []).append(rec)
    return pages


def _page_hash(recs: Sequence[AnalysedRecord]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for rec in recs:
        r = rec.record
        shown = (r.url, r.anchor, r.title, r.section, r.text, r.description, r.lang, r.type,
                 " ".join(r.audience), " ".join(r.topics), " ".join(r.tracks))
        digest.update("\x1f".join(shown).encode("utf-8"))
        digest.update(rec.packed)
    return digest.hexdigest()


def _read_manifest(gen: Path, fingerprint: str) -> dict[str, str] | None:
    """The page hashes of a generation; ``None`` if it was made another way (rebuild)."""
    try:
        data = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
        FileStorage(str(gen)).open_index().reader().close()  # opens every segment
    except Exception:  # any damage means: write anew
        return None
    if data.get("fingerprint") != fingerprint:
        return None
    return dict(data["pages"])


def _write_manifest(gen: Path, hashes: dict[str, str], fingerprint: str) -> None:
    data = {"fingerprint": fingerprint, "pages": hashes}
    _write_new(gen / MANIFEST, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _write_new(path: Path, data: bytes) -> None:
    """Write ``path`` as a new file: an update's files are hard links to the live
    generation's, and writing through the link would change the live index."""
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def _publish(index_dir: Path, tmp: Path, old: Path | None) -> None:
    number = int(old.name[2:]) + 1 if old else 1
    gen = index_dir / f"g-{number:06d}"
    if gen.exists():
        shutil.rmtree(gen)
    _fsync_tree(tmp)
    os.rename(tmp, gen)
    pointer = index_dir / f".{CURRENT}.{os.getpid()}"
    with open(pointer, "w", encoding="utf-8") as fh:
        fh.write(gen.name)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(pointer, index_dir / CURRENT)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _fsync_tree(folder: Path) -> None:
    for file in folder.iterdir():
        fd = os.open(file, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _clean(index_dir: Path) -> None:
    """Remove what killed writers left: temporary folders and generations not live."""
    live = _live(index_dir)
    for entry in index_dir.iterdir():
        stale_gen = entry.name.startswith("g-") and (live is None or entry != live)
        if entry.is_dir() and (entry.name.startswith("tmp-") or stale_gen):
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(f".{CURRENT}."):
            entry.unlink(missing_ok=True)


@contextmanager
def _locked(index_dir: Path) -> Iterator[None]:
    with open(index_dir / ".lock", "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
