"""Atom feeds (RFC 4287): parsed with feedparser, no bozo, absolute ids and links."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = {
    "feeds/atom.xml": ["2026-02-03-horingssvar", "2026-01-10-ny-veileder",
                       "2025-12-01-velkommen"],
    "feeds/kategori/nytt.xml": ["2026-01-10-ny-veileder", "2025-12-01-velkommen"],
    "feeds/kategori/horing.xml": ["2026-02-03-horingssvar"],
    "feeds/nb.xml": ["2026-01-10-ny-veileder", "2025-12-01-velkommen"],
    "feeds/nn.xml": ["2026-02-03-horingssvar"],
}
BASE = "https://test.example.no/aktuelt/"


@pytest.mark.parametrize("path", FEEDS)
def test_feed_is_valid_atom(news_built: Path, path: str) -> None:
    raw = (news_built / "aktuelt" / path).read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parsed.feed
    assert feed.id == BASE + path and feed.updated_parsed is not None
    assert any(link.rel == "self" and link.href == BASE + path for link in feed.links)
    assert [e.link for e in parsed.entries] == [f"{BASE}{slug}/" for slug in FEEDS[path]]
    for entry in parsed.entries:
        assert entry.id.startswith("https://") and entry.id == entry.link
        assert entry.updated_parsed is not None and entry.published_parsed is not None
        assert entry.author and entry.title and entry.summary
    # RFC 4287 §4.1.1: a feed has exactly one id, title and updated; every entry its own.
    root = ET.fromstring(raw)
    for name in ("id", "title", "updated"):
        assert len(root.findall(ATOM + name)) == 1
    for entry in root.findall(ATOM + "entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(ATOM + name)) == 1
        assert entry.find(ATOM + "author/" + ATOM + "name") is not None


def test_feed_text_is_escaped_plain_text(news_built: Path) -> None:
    parsed = feedparser.parse((news_built / "aktuelt/feeds/atom.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.link.endswith("2026-01-10-ny-veileder/"))
    assert entry.title == "Ny veileder om individuell plan & koordinator"
    assert "&lt;Les den&gt;" in entry.summary  # plain text in an html summary: escaped
    raw = (news_built / "aktuelt/feeds/atom.xml").read_text(encoding="utf-8")
    assert "<Les den>" not in raw and "Hemmelig" not in raw


def test_languages_have_their_own_feed_language(news_built: Path) -> None:
    nn = ET.fromstring((news_built / "aktuelt/feeds/nn.xml").read_bytes())
    assert nn.get("{http://www.w3.org/XML/1998/namespace}lang") == "nn"
