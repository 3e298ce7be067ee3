"""Render ``bench/results.json`` as the Markdown report ``bench/RESULTS.md``."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

TIME_RATIO = 0.8
MEMORY_LIMIT = 10**9  # 1 GB
MEMORY_SIZE = 10000
EDIT_LIMIT = 1.0
EDIT_SIZE = 1000
NOTES = Path(__file__).with_name("notes.md")

METHOD = """\
## How it was measured

- **Corpus**: `bench/corpus.py`, seeded and deterministic; generated afresh before each size
  is measured, as a full project (the repository's `mkdocs.yml`, `overrides/` and
  `content/_data/` copied at run time, nested sections of about 20–50 pages, ~12 % nynorsk,
  course tracks in `courses/`). Both tools build the same files in the same run.
- **Brobygger**: `brobygger build --project <corpus> --out <dir>`; the output folder and any
  `.brobygger/` cache are deleted before every run, so each build is a full, cold build.
- **Anchor**: plain mkdocs-material with Python-Markdown (`bench/anchor.py`:
  `mkdocs build -f mkdocs-anchor.yml`, theme language `nb`, `navigation.prune`, admonition,
  tables, footnotes, def_list, attr_list, toc, pymdownx details/tasklist/highlight/superfences,
  Material's built-in search plugin, no Brobygger plugins); output folder deleted before
  every run. Brobygger and anchor runs alternate.
- **Time**: wall-clock seconds of the child process, median of the runs.
- **Peak memory**: the larger of (a) the kernel's `ru_maxrss` for the process tree, from GNU
  `time -v` (the peak RSS of the largest single process), and (b) the peak of the summed PSS
  of the whole live process tree, sampled every 0.2 s from `/proc`. MB = 10^6 bytes and the
  1 GB limit is 10^9 bytes.
- **One-page edit**: `brobygger serve --project <corpus> --port <free port>`; once it serves
  the page, a unique marker line is appended to one page (the original text plus a new
  marker each time) and `http://127.0.0.1:PORT/<page>/` is polled every 20 ms until the
  marker appears; time from the write to the first response containing it; median of the
  edits; the page is restored and the server stopped afterwards.
"""


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in runs))


def _mb(value: float) -> str:
    return f"{value / 1e6:,.0f} MB"


def _pages(size: int | str) -> str:
    return f"{int(size):,}".replace(",", " ")


def _row(pages: str, step: str, runs: str, rec: list[dict[str, Any]], base: list[dict[str, Any]]) -> str:
    t, c, m = (_median(rec, k) for k in ("seconds", "cpu_seconds", "peak_rss"))
    bt, bc, bm = (_median(base, k) for k in ("seconds", "cpu_seconds", "peak_rss"))
    return (
        f"| {pages} | {step} | {runs} | {t:.2f} | {t / bt:.2f}× | {c:.2f} | {c / bc:.2f}× "
        f"| {_mb(m)} | {m / bm:.2f}× |"
    )


def _summary_rows(size: str, e: dict[str, Any]) -> list[str]:
    p, runs = _pages(size), str(len(e["brobygger"]))
    rows = [
        _row(p, "brobygger build", runs, e["brobygger"], e["anchor"]),
        _row(p, "anchor: mkdocs-material build", runs, e["anchor"], e["anchor"]),
    ]
    for name, results in e["search"].items():
        if not results:
            rows.append(f"| {p} | {name} | – | not yet built | – | – | – | – | – |")
        else:
            rows.append(_row(p, name, str(len(results)), results, e["anchor"]))
    if e.get("edit"):
        edit = e["edit"]["seconds"]
        rows.append(
            f"| {p} | one-page edit under serve | {len(edit)} edits "
            f"| {statistics.median(edit):.2f} | – | – | – | – | – |"
        )
    return rows


def _busy(e: dict[str, Any]) -> str:
    """Flag a size whose runs met a loaded machine (load average above 3 on 2 cores)."""
    load = max(r.get("load1", 0.0) for r in [*e["brobygger"], *e["anchor"]])
    return f" (unreliable: load average up to {load:.1f} during the runs)" if load > 3 else ""


def _target_rows(sizes: dict[str, Any]) -> list[str]:
    rows = []
    for size, e in sorted(sizes.items(), key=lambda kv: int(kv[0])):
        bb_t, an_t = _median(e["brobygger"], "seconds"), _median(e["anchor"], "seconds")
        limit = TIME_RATIO * an_t
        gap = bb_t - limit
        need = f"; must get {gap / bb_t:.0%} faster" if gap > 0 else ""
        rows.append(
            f"| Full build ≤ 0.8× anchor at {_pages(size)} pages | {bb_t:.2f} s = "
            f"{bb_t / an_t:.2f}× anchor ({an_t:.2f} s) | {gap:+.2f} s vs {limit:.2f} s{need} "
            f"| {'yes' if gap <= 0 else 'no'}{_busy(e)} |"
        )
    if str(MEMORY_SIZE) in sizes:
        peak = _median(sizes[str(MEMORY_SIZE)]["brobygger"], "peak_rss")
        rows.append(
            f"| Peak memory ≤ 1 GB at {_pages(MEMORY_SIZE)} pages | {_mb(peak)} "
            f"| {(peak - MEMORY_LIMIT) / 1e6:+,.0f} MB "
            f"| {'yes' if peak <= MEMORY_LIMIT else 'no'} |"
        )
    else:
        rows.append(f"| Peak memory ≤ 1 GB at {_pages(MEMORY_SIZE)} pages | not measured | – | – |")
    edit = (sizes.get(str(EDIT_SIZE)) or {}).get("edit")
    if edit:
        med = statistics.median(edit["seconds"])
        rows.append(
            f"| One-page edit ≤ 1 s at {_pages(EDIT_SIZE)} pages | {med:.2f} s "
            f"| {med - EDIT_LIMIT:+.2f} s | {'yes' if med <= EDIT_LIMIT else 'no'} |"
        )
    else:
        rows.append(f"| One-page edit ≤ 1 s at {_pages(EDIT_SIZE)} pages | not measured | – | – |")
    return rows


def _raw(size: str, e: dict[str, Any]) -> list[str]:
    c = e["corpus"]
    out = [
        f"### {_pages(size)} pages",
        "",
        f"Measured {e['date']}, {e['runs']} run(s), seed {e['seed']}. Corpus: {c['pages']} pages, "
        f"{c['tracks']} course tracks, {c['markdown_bytes'] / 1e6:.1f} MB of Markdown, "
        f"{c['words']:,} words.".replace(",", " "),
        "",
        "| Run | Tool | Wall (s) | CPU (s) | Peak (MB) | ru_maxrss (MB) | tree PSS (MB) | Load before |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for tool in ("brobygger", "anchor"):
        for i, r in enumerate(e[tool]):
            out.append(
                f"| {i + 1} | {tool} | {r['seconds']:.2f} | {r['cpu_seconds']:.2f} "
                f"| {r['peak_rss'] / 1e6:.0f} | {r['maxrss_single'] / 1e6:.0f} "
                f"| {r['tree_pss'] / 1e6:.0f} | {r.get('load1', float('nan')):.1f} |"
            )
    if e.get("edit"):
        edit = e["edit"]
        times = ", ".join(f"{s:.2f}" for s in edit["seconds"])
        out += [
            "",
            f"One-page edit of `{edit['page']}`: {times} s (server first served the "
            f"page {edit['startup']:.1f} s after start).",
        ]
    return [*out, ""]


def write_report(store: dict[str, Any], path: Path) -> None:
    """Write the Markdown report for all sizes in the store.

    Args:
        store: The contents of ``bench/results.json``.
        path: Where to write (``bench/RESULTS.md``).
    """
    sizes: dict[str, Any] = store["sizes"]
    order = sorted(sizes, key=int)
    m, v = store["machine"], store["versions"]
    lines = [
        "# Benchmark results (issue 4)",
        "",
        "Generated by `make bench` (`python -m bench.run`); raw figures in `bench/results.json`.",
        "",
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory']} memory, Linux {m['kernel']}. "
        f"Latest run: {max(sizes[s]['date'] for s in order)}.",
        "",
        "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".",
        "",
        "## Targets",
        "",
        "| Target | Measured (median) | Gap | Met |",
        "|---|---|---|---|",
        *_target_rows(sizes),
        "",
        "## Medians",
        "",
        "| Pages | Step | Runs | Time (s) | Time vs anchor | CPU (s) | CPU vs anchor "
        "| Peak memory | Memory vs anchor |",
        "|---|---|---|---|---|---|---|---|---|",
        *(row for s in order for row in _summary_rows(s, sizes[s])),
        "",
        METHOD,
    ]
    if NOTES.exists():
        lines += [NOTES.read_text(encoding="utf-8").rstrip(), ""]
    lines += ["## Raw runs", ""]
    for s in order:
        lines += _raw(s, sizes[s])
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
