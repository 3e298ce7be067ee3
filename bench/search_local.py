"""Measure the local search index on generated corpora (issue 10).

For each size: ``brobygger index`` from scratch (wall time and peak memory of the command, and
the part spent writing the index), then in one process: load + analyse, a full
``build_index``, the re-index of one changed page, related pages; warm ``search`` p50/p95 over
the relevance suite's queries (``tests/search/queries.yml``) in a fresh process that only
opens the index (best of 3 runs per query; wall and CPU time); finally the cold start of
``brobygger search`` (a fresh process, median of 3; wall and CPU time).

Usage: ``.venv/bin/python -m bench.search_local --sizes 1000,10000``. Prints a Markdown table
and writes ``bench/search_local.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from bench.corpus import CORPUS_ROOT, REPO, generate
from bench.measure import measure
from search.analysis import Analyzer
from search.index import build_index
from search.query import QueryError, search
from search.records import analyse, heading_words, records_for
from search.related import related_pages
from site_build.content.load import load_site

BIN = Path(sys.executable).parent
QUERIES = REPO / "tests" / "search" / "queries.yml"
FALLBACK = ["oppfolging", "taushetsplikt", "sjukmelding", "arbeidsgiveransvar", "individuel plan",
            "hvordan kan leder tilrettelegge for en ansatt med angst", "NAV", "IPS", "teneste",
            "tilrettelegge"]
OUT = REPO / "bench" / "search_local.json"


def queries() -> list[str]:
    """The relevance suite's queries, or a fixed list while it does not exist."""
    if QUERIES.is_file():
        data = yaml.safe_load(QUERIES.read_text(encoding="utf-8")) or []
        found = [str(q["query"]) for q in data if isinstance(q, dict) and "query" in q]
        if found:
            return found
    return FALLBACK


def corpus(size: int) -> Path:
    """A generated project of ``size`` pages (reused when it is already there)."""
    project = CORPUS_ROOT / f"search-{size}"
    pages = project / "content"
    if not pages.is_dir() or sum(1 for _ in pages.rglob("*.md")) < size:
        generate(project, size)
    return project


def command_index(project: Path, logs: Path) -> dict[str, Any]:
    """``brobygger index`` from scratch: wall, peak memory, and the index-writing part."""
    shutil.rmtree(project / ".brobygger", ignore_errors=True)
    log = logs / f"index-{project.name}.log"
    m = measure([str(BIN / "brobygger"), "index", "--project", str(project)], project, log)
    text = log.read_text(encoding="utf-8", errors="replace")
    part = re.search(r"\(index ([\d.]+) s\)", text)
    return {"seconds": round(m.seconds, 2), "peak_mb": round(m.peak_rss / 1e6),
            "index_seconds": float(part.group(1)) if part else None, "ok": m.returncode == 0}


def in_process(project: Path, qs: list[str]) -> dict[str, Any]:
    """Load, analyse, full build, one-page re-index, related pages, warm searches."""
    out: dict[str, Any] = {}
    start = time.perf_counter()
    site = load_site(project).site
    out["load_s"] = round(time.perf_counter() - start, 2)
    analyzer = Analyzer.from_vocab(site.vocab)
    start = time.perf_counter()
    analysed = analyse(records_for(site), analyzer, None)
    out["analyse_s"] = round(time.perf_counter() - start, 2)
    out["sections"] = len(analysed)
    start, cpu = time.perf_counter(), time.process_time()
    related_pages(analysed, None)
    out["related_s"] = round(time.perf_counter() - start, 2)
    out["related_main_cpu_s"] = round(time.process_time() - cpu, 2)
    ix = project / ".brobygger" / "bench-index"
    shutil.rmtree(ix, ignore_errors=True)
    start = time.perf_counter()
    snapshot = analyzer.snapshot(heading_words(records_for(site), analyzer))
    out["snapshot_s"] = round(time.perf_counter() - start, 2)
    out["full_index_s"] = round(build_index(analysed, ix, vocab=site.vocab,
                                            analyzer=snapshot).seconds, 2)
    first = analysed[len(analysed) // 2]
    terms = first.terms()
    changed = dataclasses.replace(first.record, text=first.record.text + " endret")
    analysed[len(analysed) // 2] = type(first)(changed, terms[0], terms[1], terms[2] + ("endret",))
    report = build_index(analysed, ix, vocab=site.vocab)
    out["one_page_reindex_s"] = round(report.seconds, 3)
    out["one_page_reindexed"] = report.reindexed
    # Searches are timed in a fresh process: this one holds the whole site, and its garbage
    # collector's pauses would be charged to the searches.
    proc = subprocess.run([sys.executable, "-m", "bench.search_local", "--warm", str(ix)],
                          capture_output=True, text=True, check=True, cwd=REPO)
    out.update(json.loads(proc.stdout))
    return out


def _warm(ix: Path, qs: list[str]) -> dict[str, Any]:
    """Per query the best of 3 runs (the machine is shared), after one run of every query."""
    for q in qs:  # opens the index and fills the analyzer's caches once
        _timed(ix, q)
    runs = [min(_timed(ix, q) for _ in range(3)) for q in qs]
    times, cpu = sorted(r[0] for r in runs), sorted(r[1] for r in runs)
    p95 = int(len(times) * 0.95) - 1
    # CPU time too: on a shared machine the wall time of a search is mostly waiting.
    return {"queries": len(qs), "search_p50_ms": round(statistics.median(times) * 1000, 1),
            "search_p95_ms": round(times[p95] * 1000, 1),
            "search_max_ms": round(times[-1] * 1000, 1),
            "search_p95_cpu_ms": round(cpu[p95] * 1000, 1)}


def _timed(ix: Path, q: str) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    with contextlib.suppress(QueryError):
        search(ix, q, limit=10)
    return time.perf_counter() - start, time.process_time() - cpu


def cold_start(project: Path) -> dict[str, float]:
    """Median wall and CPU time of ``brobygger search`` in a fresh process."""
    times, cpu = [], []
    for _ in range(3):
        start, used = time.perf_counter(), _children_cpu()
        subprocess.run([str(BIN / "brobygger"), "search", "--project", str(project), "--json",
                        "oppfolging av sykmeldte"], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - used)
    return {"cold_start_s": round(statistics.median(times), 2),
            "cold_start_cpu_s": round(statistics.median(cpu), 2)}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Run the measurements for each size and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--warm", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.warm:
        print(json.dumps(_warm(args.warm, queries())))
        return 0
    results: dict[str, Any] = json.loads(OUT.read_text()) if OUT.is_file() else {}
    logs = REPO / "bench" / "out" / "search-logs"
    logs.mkdir(parents=True, exist_ok=True)
    qs = queries()
    for size in (int(s) for s in args.sizes.split(",")):
        project = corpus(size)
        row = {"command": command_index(project, logs), **in_process(project, qs),
               **cold_start(project)}
        results[str(size)] = row
        print(json.dumps({size: row}, indent=1), flush=True)
    OUT.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
