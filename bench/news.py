"""What the news section adds to a build: pelican's part, and the whole build with and without.

Usage: ``python -m bench.news`` (the repository's content and 5 000 generated items) or
``python -m bench.news --items 500``. Each figure is the median of ``--runs`` runs, in seconds.

- ``news host``: ``NewsHost.build`` alone (pelican, templates, feeds) after the MkDocs host has
  built the frame, on an already loaded site;
- ``build, mkdocs only`` / ``build, both hosts``: ``build_project`` without search indexers,
  with the MkDocs host alone (news items are loaded and checked but not built) and with both.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from plugins.mkdocs_host import MkDocsHost
from plugins.news import NewsHost
from site_build.build.pipeline import build_project
from site_build.content.load import load_site

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "site"
OVERLAY = REPO / "tests" / "fixtures" / "news"

ITEM = """---
title: "Sak {i}: {topic} i {year}"
description: Kort om sak {i}, om {topic} for arbeidsgivere og NAV.
type: news
lang: {lang}
date: {date}
author: Redaksjonen
category: {category}
tags: [{tag}, tema-{tagn}]
audience: [nav]
topics: [individuell-plan]
sources: [strategiplan-2007]
---

Dette er sak nummer {i}. Den handler om {topic}, og om hvordan [planen](../ip/index.md) brukes.

## Bakgrunn

{para}

## Hva betyr det?

{para}
"""
TOPICS = ["individuell plan", "sykefravær", "tilrettelegging", "IPS", "samarbeid", "rekruttering"]


def generated_project(dest: Path, items: int, seed: int = 11) -> Path:
    """The fixture site with the news overlay and ``items`` generated news items."""
    shutil.copytree(FIXTURE, dest)
    shutil.copytree(OVERLAY, dest, dirs_exist_ok=True)
    rng = random.Random(seed)
    folder = dest / "content" / "aktuelt"
    words = ["arbeid", "helse", "plan", "oppfølging", "leder", "kollega", "samtale", "tiltak",
             "NAV", "mestring", "tid", "støtte", "ansvar"]
    slug = "{year}-{month:02d}-{day:02d}-sak-{i}.md"
    for i in range(items):
        day = 1 + i % 28
        year, month = 2019 + (i // 336) % 7, 1 + (i // 28) % 12  # never in the future
        para = " ".join(rng.choice(words) for _ in range(80)).capitalize() + "."
        topic = rng.choice(TOPICS)
        (folder / slug.format(year=year, month=month, day=day, i=i)).write_text(ITEM.format(
            i=i, topic=topic, year=year, lang=rng.choice(["nb", "nn"]),
            date=f"{year}-{month:02d}-{day:02d}", category=rng.choice(["nytt", "horing"]),
            tag=topic.replace(" ", "-").lower(), tagn=i % 40, para=para), encoding="utf-8")
    return dest


def _median(step: Callable[[], None], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 3)


def measure(project: Path, work: Path, runs: int) -> dict[str, float | int]:
    """The figures for one project (see the module's docstring)."""
    site = load_site(project).site
    frame_out = work / "frame"
    MkDocsHost().build(project, site, frame_out, strict=False)

    def news() -> None:
        shutil.rmtree(frame_out / "aktuelt", ignore_errors=True)
        NewsHost().build(project, site, frame_out / "aktuelt")

    def build(hosts: list[object]) -> Callable[[], None]:
        return lambda: build_project(project, work / "site", hosts=hosts,  # type: ignore[arg-type]
                                     indexers=[])

    items = sum(1 for p in site.pages if p.front.type == "news")
    return {"items": items, "pages": len(site.pages),
            "news host": _median(news, runs),
            "build, mkdocs only": _median(build([MkDocsHost()]), runs),
            "build, both hosts": _median(build([MkDocsHost(), NewsHost()]), runs)}


def main(argv: list[str] | None = None) -> int:
    """Measure the repository's content and a generated corpus; print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bb-bench-news-") as tmp:
        work = Path(tmp)
        results["repository"] = measure(REPO, work / "repo", args.runs)
        project = generated_project(work / "generated", args.items)
        results[f"generated {args.items}"] = measure(project, work / "gen", args.runs)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
