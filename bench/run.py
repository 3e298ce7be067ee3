"""Run the issue-4 benchmarks and write ``bench/RESULTS.md``.

For each corpus size, on the same freshly generated corpus and in the same run: ``brobygger
build`` and the anchor's ``mkdocs build`` alternate ``--runs`` times (median reported); the
search index builds are timed when the CLI has a command for them; at 1 000 pages the one-page
edit under ``brobygger serve`` is timed. Raw figures accumulate in ``bench/results.json`` (one
entry per size, replaced when that size is measured again) so that sizes measured in separate
invocations (e.g. ``--sizes 10000 --runs 1``) land in the same report.

Usage: ``make bench`` or ``.venv/bin/python -m bench.run --sizes 1000,5000 --runs 3``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.corpus import CORPUS_ROOT, DEFAULT_SEED, REPO, generate
from bench.measure import measure
from bench.report import write_report
from bench.serve_edit import free_port, measure_edits

BIN = Path(sys.executable).parent
OUT_ROOT = REPO / "bench" / "out"
STORE = REPO / "bench" / "results.json"
RESULTS = REPO / "bench" / "RESULTS.md"
EDIT_SIZE = 1000
ENV = {"NO_MKDOCS_2_WARNING": "1"}


def cli_commands() -> set[str]:
    """List the sub-commands ``brobygger --help`` offers (empty if the CLI is missing).

    Returns:
        The command names.
    """
    exe = BIN / "brobygger"
    if not exe.exists():
        return set()
    proc = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=False)
    commands, in_list = set(), False
    for line in proc.stdout.splitlines():
        if line.strip() == "Commands:":
            in_list = True
        elif in_list and line.startswith("  ") and line.strip():
            commands.add(line.split()[0])
    return commands


def search_commands(project: Path, out: Path) -> dict[str, list[str] | None]:
    """The commands that build the search indexes on their own, if the CLI has them.

    The contract has none yet (``brobygger build`` may build them as part of the site); the
    names below are the ones the architecture's CLI (``check | build | serve | search | new``)
    would grow. Rows whose command is ``None`` are reported as "not yet built".

    Args:
        project: The corpus project directory.
        out: Where the site was built.

    Returns:
        ``{"local search index": cmd | None, "browser search index": cmd | None}``.
    """
    have = cli_commands()
    exe = str(BIN / "brobygger")
    local = [exe, "index", "--project", str(project)] if "index" in have else None
    browser = [exe, "pagefind", "--project", str(project), "--out", str(out)]
    return {
        "local search index": local,
        "browser search index": browser if "pagefind" in have else None,
    }


def _fresh(*paths: Path) -> None:
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def _measure(name: str, cmd: list[str], project: Path, log: Path) -> dict[str, Any]:
    load = os.getloadavg()[0]
    m = measure(cmd, project, log, ENV)
    if m.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{name} failed (exit {m.returncode}); end of {log}:\n{tail}")
    print(f"  {name}: {m.seconds:.2f} s, peak {m.peak_rss / 1e6:.0f} MB (load {load:.1f})", flush=True)
    return {**asdict(m), "load1": load}


def bench_size(size: int, runs: int, edits: int, seed: int, serve: bool) -> dict[str, Any]:
    """Generate the corpus of one size and measure everything on it.

    Args:
        size: Number of pages.
        runs: Runs per measurement (median reported).
        edits: Edits to time under ``brobygger serve`` (only at 1 000 pages).
        seed: Corpus seed.
        serve: Whether to time the one-page edit.

    Returns:
        The raw results for this size.
    """
    project = CORPUS_ROOT / str(size)
    info = generate(project, size, seed)
    print(f"{size} pages: corpus {info.markdown_bytes / 1e6:.1f} MB in {project}", flush=True)
    out = OUT_ROOT / str(size)
    logs = out / "logs"
    bb_out, anchor_out = out / "brobygger", out / "anchor"
    entry: dict[str, Any] = {
        "size": size,
        "runs": runs,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "corpus": {k: v for k, v in asdict(info).items() if k != "project"},
        "seed": seed,
        "brobygger": [],
        "anchor": [],
        "search": {},
        "edit": None,
    }
    build = [str(BIN / "brobygger"), "build", "--project", str(project), "--out", str(bb_out)]
    anchor = [str(BIN / "mkdocs"), "build", "-f", "mkdocs-anchor.yml", "-d", str(anchor_out)]
    for run in range(runs):
        # Cold builds: no output folder and no cache from an earlier run.
        _fresh(bb_out, anchor_out, project / ".brobygger", project / "site")
        log = logs / f"brobygger-{run}.log"
        entry["brobygger"].append(_measure("brobygger build", build, project, log))
        log = logs / f"anchor-{run}.log"
        entry["anchor"].append(_measure("anchor mkdocs build", anchor, project, log))
    for name, cmd in search_commands(project, bb_out).items():
        if cmd is None:
            print(f"  {name}: not yet built", flush=True)
            entry["search"][name] = None
            continue
        results = []
        for run in range(runs):
            log = logs / f"{name.replace(' ', '-')}-{run}.log"
            results.append(_measure(name, cmd, project, log))
        entry["search"][name] = results
    if serve and size == EDIT_SIZE and "serve" in cli_commands():
        entry["edit"] = _bench_edit(project, logs, edits)
    return entry


def _bench_edit(project: Path, logs: Path, edits: int) -> dict[str, Any]:
    pages = sorted(
        p.relative_to(project / "content").as_posix()
        for p in (project / "content").rglob("*.md")
        if p.name != "index.md"
    )
    page = pages[len(pages) // 2]
    port = free_port()
    cmd = [str(BIN / "brobygger"), "serve", "--project", str(project), "--port", str(port)]
    os.environ.update(ENV)
    result = measure_edits(cmd, port, project / "content", page, logs / "serve.log", edits)
    print(f"  one-page edit: median {result.median:.2f} s over {edits} edits", flush=True)
    return {"page": result.page, "startup": result.startup_seconds, "seconds": result.edit_seconds}


def versions() -> dict[str, str]:
    """Versions of Python, the host packages and this repository's commit.

    Returns:
        Name → version.
    """
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": sys.version.split()[0]}
    for dist in (
        "brobygger",
        "mkdocs",
        "mkdocs-material",
        "markdown-it-py",
        "mdit-py-plugins",
        "Markdown",
        "pymdown-extensions",
        "whoosh-reloaded",
    ):
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:
            found[dist] = "not installed"
    head = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "site_build", "plugins", "search"],
        capture_output=True,
        text=True,
        check=False,
    )
    suffix = " with uncommitted core changes" if dirty.stdout.strip() else ""
    found["commit"] = (head.stdout.strip() or "unknown") + suffix
    return found


def machine() -> dict[str, str]:
    """Cores, memory, CPU model and kernel of this machine.

    Returns:
        Name → description.
    """
    info = {"cores": str(os.cpu_count()), "kernel": os.uname().release}
    meminfo = Path("/proc/meminfo").read_text()
    kb = int(meminfo.split("MemTotal:")[1].split()[0])
    info["memory"] = f"{kb / 2**20:.1f} GiB"
    cpuinfo = Path("/proc/cpuinfo").read_text()
    models = [ln.split(":", 1)[1].strip() for ln in cpuinfo.splitlines() if "model name" in ln]
    info["cpu"] = models[0] if models else "unknown"
    return info


def main(argv: list[str] | None = None) -> int:
    """Command line entry point.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit status.
    """
    parser = argparse.ArgumentParser(description="Brobygger benchmarks (issue 4)")
    parser.add_argument("--sizes", default="1000,5000,10000", help="comma-separated page counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--edits", type=int, default=5, help="edits timed under serve")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--no-serve", action="store_true", help="skip the one-page edit")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results.json")
    args = parser.parse_args(argv)
    if not (BIN / "brobygger").exists() or "build" not in cli_commands():
        raise SystemExit("brobygger build is not available yet")
    store: dict[str, Any] = {"sizes": {}}
    if STORE.exists() and not args.fresh:
        store = json.loads(STORE.read_text(encoding="utf-8"))
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        store["sizes"][str(size)] = bench_size(size, args.runs, args.edits, args.seed, not args.no_serve)
        store["machine"], store["versions"] = machine(), versions()
        STORE.write_text(json.dumps(store, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        write_report(store, RESULTS)
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
