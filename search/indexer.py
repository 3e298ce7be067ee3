"""The search indexer the build runs (``brobygger.indexers`` entry point ``search``).

In ``brobygger build`` the search work runs beside the hosts: MkDocs renders the pages on one
core, so ``prepare`` forks one background process that splits the pages into records,
analyses them, computes the related pages, writes the local index and the browser index (into
a folder of its own), and returns the site with ``related_pending`` set: the renderer leaves a
mark where each page's related pages go. ``write`` waits for the background process, fills
the marks in the built pages (forked workers) and moves the browser index into
``staging/search``. A failure of the background work fails the build (nothing is published).

Under ``brobygger serve`` (``jobs=1``, beside the server's threads) nothing is forked: the work
is done in ``prepare`` and the renderer lists the related pages itself.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable, Mapping
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from search.analysis import Analyzer
from search.browser import write_browser_index
from search.index import IndexReport, build_index, default_index_dir
from search.records import AnalysedRecord, Record, analyse, heading_words, records_for
from search.related import related_pages
from site_build.model import Page, Site, Vocabularies
from site_build.render.page import Renderer, fill_related
from site_build.site.urls import output_file

__all__ = ["SearchIndexer", "search_work"]

Related = Mapping[str, tuple[str, ...]]

# Up to this many pages the browser index and the local index are written side by side in
# forked processes (each copies part of the background's memory as it touches it: 480 MB at
# 1 000 pages, 1.1 GB at 5 000); above it every step runs in the background process itself,
# one after the other, which measured the lowest peak (630 MB at 5 000 pages, against 790 MB
# with each step in a forked process of its own).
SIDE_BY_SIDE_PAGES = 3000


def search_work(root: Path, site: Site, browser: Path, jobs: int | None, *,
                side_by_side: bool = False) -> tuple[Related, list[str]]:
    """All of the search for ``site``: related pages, the local index, the browser index.

    Args:
        root: The project folder.
        site: The loaded site.
        browser: The folder the browser index is written into.
        jobs: Worker processes for the analysis and the index (``None``: one per core; 1:
            none).
        side_by_side: Write the browser index and the local index in two forked processes
            while this one computes the related pages (faster on two cores, the three steps'
            memory at once); otherwise every step in this process, one after the other.

    Returns:
        The related pages and notes for the build log.
    """
    start = time.perf_counter()
    analyzer = Analyzer.from_vocab(site.vocab)
    records = records_for(site)
    analysed = analyse(records, analyzer, jobs)
    # The words of 10 000 pages fill the cache with some 200 000 entries the steps below do
    # not need (they analyse query words); freed here, their memory serves those steps.
    analyzer.forget_index_words()
    labels = {entry.id: entry.label for entry in site.vocab.audiences}
    index_dir = default_index_dir(root)
    if side_by_side:
        jobs_ = [_Forked(_browser_index, (records, analysed, analyzer, browser, labels),
                         "brobygger-search-browser"),
                 _Forked(_local_stage, (index_dir, records, analysed, analyzer, site.vocab),
                         "brobygger-search-local")]
        try:
            related: Related = related_pages(analysed, jobs)
            (browser_notes, _), local_note = (job.wait() for job in jobs_)
        finally:
            for job in jobs_:
                job.stop()
    else:
        related = related_pages(analysed, jobs)
        browser_notes, snapshot = _browser_index(records, analysed, analyzer, browser, labels)
        local_note = _local_index(index_dir, analysed, site.vocab, snapshot, jobs)
    return related, [f"search: {len(analysed)} sections analysed, related pages in "
                     f"{time.perf_counter() - start:.1f} s", *browser_notes, local_note]


def _browser_index(records: list[Record], analysed: list[AnalysedRecord], analyzer: Analyzer,
                   out: Path, labels: Mapping[str, str]) -> tuple[list[str], bytes]:
    """Write the browser index; its notes and the analyzer's snapshot for the local index
    (made after the browser index: its lexicon has analysed every word of the corpus as a
    query, so the snapshot's words come from the analyzer's cache)."""
    start = time.perf_counter()
    notes = write_browser_index(analysed, analyzer, out, labels)
    notes.append(f"search: browser index in {time.perf_counter() - start:.1f} s")
    return notes, analyzer.snapshot(heading_words(records, analyzer))


def _local_stage(index_dir: Path, records: list[Record], analysed: list[AnalysedRecord],
                 analyzer: Analyzer, vocab: Vocabularies) -> str:
    """The local index beside the browser index: with a snapshot of its own."""
    snapshot = analyzer.snapshot(heading_words(records, analyzer))
    return _local_index(index_dir, analysed, vocab, snapshot, 1)


def _local_index(index_dir: Path, analysed: list[AnalysedRecord], vocab: Vocabularies,
                 snapshot: bytes, jobs: int | None) -> str:
    """Write the local index; its outcome as a note (a failure never fails the build: the
    published site does not use it)."""
    try:
        report = build_index(analysed, index_dir, vocab=vocab, jobs=jobs,
                             analyzer=snapshot)
    except Exception as exc:
        return f"search: the local index was not updated: {type(exc).__name__}: {exc}"
    return _index_note(index_dir, report)


class _Forked:
    """``func(*args)`` in a forked process; :meth:`wait` gives its result."""

    def __init__(self, func: Callable[..., object], args: tuple[object, ...], name: str) -> None:
        ctx = multiprocessing.get_context("fork")
        self._recv, send = ctx.Pipe(duplex=False)
        # Frozen objects are skipped by the child's garbage collector, so it does not copy
        # the parent's heap page by page (copy-on-write) just by collecting.
        gc.freeze()
        try:
            self._proc = ctx.Process(target=_run, args=(send, func, args), name=name)
            self._proc.start()
        finally:
            gc.unfreeze()
        send.close()

    def stop(self) -> None:
        """End the work unfinished (the build failed before it was needed)."""
        self._proc.kill()
        self._proc.join()
        self._recv.close()

    def wait(self) -> Any:
        """The child's result.

        Raises:
            RuntimeError: The work failed (its one-line reason).
        """
        try:
            result = self._recv.recv()
        except EOFError:
            result = _Failure("the search process stopped without a word")
        self._proc.join()
        self._recv.close()
        if isinstance(result, _Failure):
            raise RuntimeError(result.reason)
        return result


@dataclasses.dataclass(frozen=True)
class _Failure:
    reason: str


def _run(send: Connection, func: Callable[..., object], args: tuple[object, ...]) -> None:
    try:
        result: object = func(*args)
    except Exception as exc:  # sent to the parent, which fails the build with it
        result = _Failure(f"{type(exc).__name__}: {exc} "
                          f"({traceback.format_exc(limit=-1).strip()})")
    send.send(result)
    send.close()


class SearchIndexer:
    """Records, analysis, related pages, the local index and the browser index."""

    name = "search"

    def __init__(self) -> None:
        self._browser: Path | None = None
        self._background: _Forked | None = None
        self._notes: list[str] = []

    def prepare(self, root: Path, site: Site, jobs: int | None = None) -> Site:
        """Start the search work (or, with ``jobs=1``, do it now); see the module."""
        self._discard()
        index_dir = default_index_dir(root)
        index_dir.parent.mkdir(parents=True, exist_ok=True)
        self._browser = Path(tempfile.mkdtemp(prefix="browser-", dir=index_dir.parent))
        if jobs == 1:
            related, self._notes = search_work(root, site, self._browser, 1)
            return dataclasses.replace(site, related=related)
        # No workers for the analysis: MkDocs renders on the other core. The writing of the
        # indexes is split by size (SIDE_BY_SIDE_PAGES).
        side_by_side = len(site.pages) <= SIDE_BY_SIDE_PAGES
        self._background = _Forked(partial(search_work, side_by_side=side_by_side),
                                   (root, site, self._browser, 1), "brobygger-search")
        return dataclasses.replace(site, related_pending=True)

    def write(self, root: Path, site: Site, staging: Path) -> list[str]:
        """Finish: related pages into the built pages, the browser index into ``search/``."""
        if self._browser is None:
            return ["search: no browser index (the search was not prepared)"]
        try:
            if self._background is not None:
                related, self._notes = self._background.wait()
                self._background = None
                start = time.perf_counter()
                _fill_pages(dataclasses.replace(site, related=related, related_pending=False),
                            staging)
                self._notes.append(f"search: related pages filled in "
                                   f"{time.perf_counter() - start:.1f} s")
            _move_into(self._browser, staging / "search")
            notes, self._notes = self._notes, []
            return notes
        finally:
            self._discard()

    def _discard(self) -> None:
        if self._background is not None:  # a build that failed before write: stop the work
            self._background.stop()
            self._background = None
        if self._browser is not None:
            shutil.rmtree(self._browser, ignore_errors=True)
            self._browser = None


def _fill_pages(site: Site, staging: Path) -> None:
    """Replace each built page's related-pages mark with its list."""
    renderer = Renderer(site)

    def fill(page: Page) -> None:
        file = staging / output_file(page.url)
        try:
            html = file.read_text(encoding="utf-8")
        except FileNotFoundError:  # a page no host publishes as itself (a frame)
            return
        filled = fill_related(html, renderer.related_html(page))
        if filled != html:
            file.write_text(filled, encoding="utf-8")

    # In this process: workers forked from it now (MkDocs' whole build still in memory) would
    # each copy part of it, and the build's memory peak was theirs.
    for page in site.pages:
        fill(page)


def _move_into(source: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        target = out / item.name
        if target.is_dir():
            shutil.rmtree(target)
        shutil.move(str(item), str(target))


def _index_note(index_dir: Path, report: IndexReport) -> str:
    return (f"search: local index {index_dir}: {report.pages} pages, {report.reindexed} "
            f"re-indexed, {report.removed} removed in {report.seconds:.1f} s")
