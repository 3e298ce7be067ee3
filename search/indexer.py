"""The search indexer the build runs (``brobygger.indexers`` entry point ``search``).

``prepare`` does all of the search work before MkDocs builds the pages: it splits the pages
into records, analyses them once in forked workers, computes the related pages (which the
hosts render), writes the local index (forked workers, one segment each) and the browser
index into a folder of its own, then lets go of the analysed records. ``write`` only moves the
browser index into the staging folder.

Nothing of the search is held or forked while MkDocs builds: at 10 000 pages the build without
search already peaks near the 1 GB budget, and a writer running beside MkDocs would count its
copy-on-write pages on top (it measured 1.4 GB). Under ``brobygger serve`` (``jobs=1``, beside
the server's threads) nothing is forked at all.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
import time
from pathlib import Path

from search.analysis import Analyzer
from search.browser import write_browser_index
from search.index import IndexReport, build_index, default_index_dir
from search.records import analyse, records_for
from search.related import related_pages
from site_build.model import Site

__all__ = ["SearchIndexer"]


class SearchIndexer:
    """Records, analysis, related pages, the local index and the browser index."""

    name = "search"

    def __init__(self) -> None:
        self._browser: Path | None = None
        self._notes: list[str] = []

    def prepare(self, root: Path, site: Site, jobs: int | None = None) -> Site:
        """Analyse every page, compute related pages, write the local and browser indexes."""
        self._discard()
        start = time.perf_counter()
        analyzer = Analyzer.from_vocab(site.vocab)
        analysed = analyse(records_for(site), analyzer, jobs)
        related = related_pages(analysed, jobs)
        notes = [f"search: {len(analysed)} sections analysed, related pages in "
                 f"{time.perf_counter() - start:.1f} s"]
        index_dir = default_index_dir(root)
        try:
            report = build_index(analysed, index_dir, vocab=site.vocab, jobs=jobs,
                                 analyzer=analyzer.snapshot())
        except Exception as exc:  # a build note, never a failed build
            notes.append(f"search: the local index was not updated: {type(exc).__name__}: {exc}")
        else:
            notes.append(_index_note(index_dir, report))
        start = time.perf_counter()
        index_dir.parent.mkdir(parents=True, exist_ok=True)
        self._browser = Path(tempfile.mkdtemp(prefix="browser-", dir=index_dir.parent))
        labels = {entry.id: entry.label for entry in site.vocab.audiences}
        notes += write_browser_index(analysed, analyzer, self._browser, labels)
        notes.append(f"search: browser index in {time.perf_counter() - start:.1f} s")
        self._notes = notes
        return dataclasses.replace(site, related=related)

    def write(self, root: Path, site: Site, staging: Path) -> list[str]:
        """Move the browser index written by :meth:`prepare` into ``staging/search``."""
        if self._browser is None:
            return ["search: no browser index (the search was not prepared)"]
        out = staging / "search"
        out.mkdir(parents=True, exist_ok=True)
        for item in self._browser.iterdir():
            target = out / item.name
            if target.is_dir():
                shutil.rmtree(target)
            shutil.move(str(item), str(target))
        notes, self._notes = self._notes, []
        self._discard()
        return notes

    def _discard(self) -> None:
        if self._browser is not None:
            shutil.rmtree(self._browser, ignore_errors=True)
            self._browser = None


def _index_note(index_dir: Path, report: IndexReport) -> str:
    return (f"search: local index {index_dir}: {report.pages} pages, {report.reindexed} "
            f"re-indexed, {report.removed} removed in {report.seconds:.1f} s")
