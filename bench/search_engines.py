"""Compare three browser search engines for the portal, in Chromium, offline (issue 10, item 6).

- ``material``: Material's built-in search (lunr, ``search/search_index.json``), driven through
  Material's own search worker with Material's default query transform;
- ``pagefind``: Pagefind 1.5 over the built HTML (``python -m pagefind``, the article only);
- ``ours``: Brobygger's own index (``search/browser.py``) and ``bb-search.js``.

For each: relevance on ``tests/search/queries.yml`` over the real site (MRR@5, recall@10), and
for the real site and each corpus size the bytes fetched and the time to the first results for a
first query in a fresh browser (median over FIRST_QUERIES). Each project is built once with
Material's search plugin switched back on (``brobygger build``), so all three indexes describe
the same pages.

Usage: ``python -m bench.search_engines [--sizes 1000 10000] [--json bench/out/search_engines.json]``
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))
from sitecheck import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

ENGINES = ("material", "pagefind", "ours")
FIRST_QUERIES = ("oppfølging av sykmeldte", "arbeidsgiver tilrettelegging", "individuell plan")

TRANSFORM = r"""q => q.split(/"([^"]+)"/g).map((t, i) => i & 1
  ? t.replace(/^\b|^(?![^\x00-\x7F]|$)|\s+/g, " +") : t).join("")
  .replace(/"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)/g, "").trim()"""

RUN = {
    "material": """async ([q, worker]) => {
  if (!window.__mw) {
    const index = await (await fetch("search/search_index.json")).json();
    window.__mw = new Worker(worker);
    await new Promise(ok => { __mw.onmessage = e => e.data.type === 1 && ok();
      __mw.postMessage({type: 0, data: {...index, options: {suggest: false}}}); });
  }
  const res = await new Promise(ok => { __mw.onmessage = e => e.data.type === 3 && ok(e.data.data);
    __mw.postMessage({type: 2, data: (TRANSFORM)(q)}); });
  return res.items.flatMap(item => [...item].sort((a, b) => b.score - a.score).slice(0, 3)
    .map(d => d.location));
}""".replace("TRANSFORM", TRANSFORM),
    "pagefind": """async ([q]) => {
  if (!window.__pf) window.__pf = await import("./pagefind/pagefind.js");
  const found = await __pf.search(q);
  const pages = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return pages.flatMap(d => d.sub_results.length ? d.sub_results.slice(0, 3).map(s => s.url)
    : [d.url]);
}""",
    "ours": """async ([q]) => (await window.brobyggerSearch.search(q, {limit: 10}))
  .map(h => h.url + (h.anchor ? "#" + h.anchor : ""))""",
}


# ------------------------------------------------------------------------------ building


def variant_project(project: Path, tmp: Path) -> Path:
    """A copy of ``project`` with the repository's current mkdocs.yml and overrides
    and Material's search plugin switched back on."""
    out = tmp / "project"
    out.mkdir()
    for name in ("content", "courses"):
        if (project / name).exists():
            shutil.copytree(project / name, out / name)  # discovery skips symlinks
    shutil.copytree(REPO / "overrides", out / "overrides")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (out / "mkdocs.yml").write_text(config.replace("plugins:\n", "plugins:\n  - search\n", 1),
                                    encoding="utf-8")
    return out


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def build_all(project: Path, site: Path) -> dict[str, float]:
    """Build the site (with Material's index), then ours and Pagefind's; seconds of each."""
    bin_dir = Path(sys.executable).parent
    secs = {"site": timed([str(bin_dir / "brobygger"), "build", "--project", str(project),
                           "--out", str(site)])}
    secs["ours"] = write_ours(project, site)
    secs["pagefind"] = timed([sys.executable, "-m", "pagefind", "--site", str(site),
                              "--root-selector", "article", "--exclude-selectors",
                              ".headerlink, .bb-related"])
    return secs


def write_ours(project: Path, site: Path) -> float:
    """Write our index into ``site/search`` the way the build does; seconds of the write alone."""
    from search.analysis import Analyzer
    from search.browser import write_browser_index
    from search.records import analyse, records_for
    from site_build.content.load import load_site

    loaded = load_site(project).site
    analyzer = Analyzer.from_vocab(loaded.vocab)
    analysed = analyse(records_for(loaded), analyzer, None)
    labels = {a.id: a.label for a in loaded.vocab.audiences}
    start = time.perf_counter()
    write_browser_index(analysed, analyzer, site / "search", labels)
    return time.perf_counter() - start


# ------------------------------------------------------------------------------ the browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def worker_path(site: Path) -> str:
    found = sorted((site / "assets/javascripts/workers").glob("search.*.min.js"))
    return f"assets/javascripts/workers/{found[0].name}" if found else ""


def first_query(browser: Any, origin: str, site: Path, engine: str, query: str) -> dict[str, Any]:
    """Bytes and milliseconds of one first query in a fresh context (cold cache)."""
    context = browser.new_context()
    fetched: list[tuple[str, int]] = []
    try:
        page = context.new_page()
        page.goto(origin, wait_until="load")
        context.on("requestfinished", lambda r: fetched.append(
            (r.url, r.sizes()["responseBodySize"])))
        start = time.perf_counter()
        page.evaluate(RUN[engine], [query, worker_path(site)])
        ms = (time.perf_counter() - start) * 1000
        page.wait_for_timeout(50)
    finally:
        context.close()
    raw = sum(size for _, size in fetched)
    if engine == "ours":  # our script loads with the page; count it as the engine's code
        raw += (site / "assets/javascripts/bb-search.js").stat().st_size
        fetched.append((origin + "assets/javascripts/bb-search.js", 0))
    return {"ms": ms, "bytes": raw, "gzip": sum(_gzipped(site, url) for url, _ in fetched),
            "requests": len(fetched)}


def _gzipped(site: Path, url: str) -> int:
    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_file() and path.suffix in {".js", ".json", ".css", ".html"}:
        return len(gzip.compress(path.read_bytes(), 6))
    return path.stat().st_size if path.is_file() else 0


def costs(browser: Any, origin: str, site: Path) -> dict[str, dict[str, float]]:
    """Median first-query cost of each engine over FIRST_QUERIES."""
    out: dict[str, dict[str, float]] = {}
    for engine in ENGINES:
        runs = [first_query(browser, origin, site, engine, q) for q in FIRST_QUERIES]
        out[engine] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    return out


# ------------------------------------------------------------------------------ relevance


def hit_key(location: str, pages: dict[str, str]) -> tuple[str, str]:
    """``(src_path, anchor)`` of a hit's location (``moduler/ips/#kva-er-ips``)."""
    path, _, anchor = location.partition("#")
    path = unquote(urlsplit(path).path).lstrip("/").removesuffix("index.html")
    return pages.get(path, path), unquote(anchor)


def matches(hit: tuple[str, str], expected: str) -> bool:
    page, _, anchor = expected.partition("#")
    return hit[0] == page and (not anchor or hit[1] == anchor)


def relevance(hits: list[list[tuple[str, str]]], cases: list[dict[str, Any]]) -> dict[str, Any]:
    """MRR@5 and recall@10 over the suite, overall and per kind."""
    rr, rec, kinds = [], [], {}
    for found, case in zip(hits, cases, strict=True):
        ranks = [i for i, h in enumerate(found[:5]) if any(matches(h, e) for e in case["expect"])]
        rr.append(1 / (ranks[0] + 1) if ranks else 0.0)
        got = [e for e in case["expect"] if any(matches(h, e) for h in found[:10])]
        rec.append(len(got) / len(case["expect"]))
        kinds.setdefault(case.get("kind", "plain"), []).append(rr[-1])
    return {"mrr5": statistics.fmean(rr), "recall10": statistics.fmean(rec),
            "mrr5_by_kind": {k: round(statistics.fmean(v), 3) for k, v in sorted(kinds.items())},
            "failed": [c["query"] for c, r in zip(cases, rr, strict=True) if r == 0]}


def suite_scores(browser: Any, origin: str, site: Path, project: Path) -> dict[str, Any]:
    from site_build.content.load import load_site

    cases = YAML(typ="safe").load((REPO / "tests/search/queries.yml").read_text("utf-8"))
    pages = {p.url: p.src_path for p in load_site(project).site.pages}
    page = browser.new_page()
    page.goto(origin, wait_until="load")
    out = {}
    for engine in ENGINES:
        found = [[hit_key(loc, pages) for loc in page.evaluate(
            RUN[engine], [c["query"], worker_path(site)])] for c in cases]
        out[engine] = relevance(found, cases)
    page.close()
    return out


# ------------------------------------------------------------------------------ the run


def measure(project: Path, label: str, browser: Any, suite: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bb-engines-") as tmp:
        site = Path(tmp) / "site"
        secs = build_all(variant_project(project, Path(tmp)), site)
        result: dict[str, Any] = {"label": label, "build_s": secs,
                                  "index_bytes": _index_bytes(site)}
        with served(site) as origin:
            result["first_query"] = costs(browser, origin, site)
            if suite:
                result["relevance"] = suite_scores(browser, origin, site, project)
    return result


def _index_bytes(site: Path) -> dict[str, int]:
    def size(folder: Path, pattern: str = "**/*") -> int:
        return sum(f.stat().st_size for f in folder.glob(pattern) if f.is_file())
    return {"material": size(site / "search", "search_index.json"),
            "pagefind": size(site / "pagefind"),
            "ours": size(site / "search") - size(site / "search", "search_index.json")}


def table(results: list[dict[str, Any]]) -> str:
    rows = ["| Site | Engine | MRR@5 | recall@10 | first query: bytes (gzip) | requests | ms "
            "| index on disk | index written in |", "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        for e in ENGINES:
            rel = r.get("relevance", {}).get(e)
            fq = r["first_query"][e]
            took = r["build_s"].get(e)
            rows.append(
                f"| {r['label']} | {e} | {rel['mrr5']:.3f} | {rel['recall10']:.3f} | " if rel
                else f"| {r['label']} | {e} | – | – | ")
            rows[-1] += (f"{fq['bytes'] / 1e3:,.0f} KB ({fq['gzip'] / 1e3:,.0f} KB) | "
                         f"{fq['requests']:.0f} | {fq['ms']:,.0f} | "
                         f"{r['index_bytes'][e] / 1e6:,.1f} MB | "
                         + (f"{took:.1f} s |" if took is not None else "(in the build) |"))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Measure the real site (with the relevance suite) and each corpus size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--corpus-root", type=Path, default=REPO / "bench" / "corpus")
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "out" / "search_engines.json")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from bench.corpus import generate

    projects: list[tuple[Path, str, bool]] = [(REPO, "portal", True)]
    for n in args.sizes:
        corpus = args.corpus_root / str(n)
        if not (corpus / "content").is_dir():
            generate(corpus, n)
        projects.append((corpus, f"{n:,} pages", False))
    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=list(CHROMIUM_ARGS))
        for project, label, suite in projects:
            results.append(measure(project, label, browser, suite))
            print(f"measured {label}", file=sys.stderr)
        browser.close()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
