"""Where the news section lives, its items in date order, and its feeds' addresses."""

from __future__ import annotations

import datetime as dt

from site_build.model import Page, Site

__all__ = ["FEED_ALL", "NEWS_DIR", "category_feed", "feed_url", "lang_feed", "news_items"]

# The folder under the docs (and the sub-path of the published site) of the news section.
NEWS_DIR = "aktuelt"
# The feeds, relative to the news section.
FEED_ALL = "feeds/atom.xml"


def category_feed(category: str) -> str:
    """The feed of one category, relative to the news section."""
    return f"feeds/kategori/{category}.xml"


def lang_feed(lang: str) -> str:
    """The feed of the items in one language, relative to the news section."""
    return f"feeds/{lang}.xml"


def feed_url(site_url: str, path: str = FEED_ALL) -> str:
    """The absolute address of a feed (``path`` relative to the news section)."""
    return f"{site_url.rstrip('/')}/{NEWS_DIR}/{path}"


def news_items(site: Site) -> list[Page]:
    """Every news item of the site, newest first (then by title)."""
    items = [p for p in site.pages if p.front.type == "news" and p.front.date is not None]
    items.sort(key=lambda p: p.front.title)
    items.sort(key=lambda p: p.front.date or dt.date.min, reverse=True)
    return items
