"""Golden, normalised HTML of the news section of the news fixture (``make golden`` or
``BROBYGGER_UPDATE_GOLDEN=1`` rewrites it; review the diff of ``tests/golden/news/``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.normalise import normalise_page

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "news"
PAGES = ["index.html", "aktuelt/index.html", "aktuelt/2026-01-10-ny-veileder/index.html",
         "aktuelt/2026-02-03-horingssvar/index.html", "aktuelt/kategori/horing/index.html",
         "aktuelt/emne/veileder/index.html", "aktuelt/arkiv/index.html",
         "aktuelt/arkiv/2025/index.html", "aktuelt/kategori/index.html", "ip/index.html"]
FEEDS = ["aktuelt/feeds/atom.xml", "aktuelt/feeds/kategori/horing.xml"]


def _check(actual: str, golden: Path) -> None:
    if os.environ.get("BROBYGGER_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden {golden.name}; run `make golden`"
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", PAGES)
def test_news_page_matches_golden(news_built: Path, name: str) -> None:
    actual = normalise_page((news_built / name).read_text(encoding="utf-8"))
    _check(actual, GOLDEN / (name.replace("/", "__").removesuffix(".html") + ".txt"))


@pytest.mark.parametrize("name", FEEDS)
def test_feed_matches_golden(news_built: Path, name: str) -> None:
    actual = (news_built / name).read_text(encoding="utf-8")
    _check(actual.replace("><", ">\n<"), GOLDEN / name.replace("/", "__"))
