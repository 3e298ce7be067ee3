"""Atom feeds (RFC 4287) of the news section: all items, per category, per language.

Written from the core's model, with absolute URLs from ``site_url``. Each entry carries the
item's description as its summary (plain text escaped as HTML, then XML-escaped) and links to
the item's page; no HTML from the body goes into a feed, so no relative link can end up there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed

from site_build.i18n import text
from site_build.model import Page, Site
from site_build.site.news import FEED_ALL, NEWS_DIR, category_feed, feed_url, lang_feed, news_items

__all__ = ["FeedSpec", "feeds_of", "write_feeds"]

OSLO = ZoneInfo("Europe/Oslo")
FeedSpec = tuple[str, str, list[Page]]  # path under the news section, title, items
# What XML 1.0 cannot hold. A front matter value may (a YAML escape such as "\0"); the feed
# shows U+FFFD for it, as an HTML parser does, instead of failing to serialise.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def feeds_of(site: Site, site_name: str) -> list[FeedSpec]:
    """The feeds the site has: all items; each category's; each language's if there are two."""
    items = news_items(site)
    if not items:
        return []
    feeds: list[FeedSpec] = [(FEED_ALL, site_name, items)]
    for category in site.vocab.categories:
        mine = [p for p in items if p.front.category == category.id]
        if mine:
            feeds.append((category_feed(category.id), f"{site_name} - {category.label}", mine))
    langs = sorted({p.front.lang for p in items})
    if len(langs) > 1:
        names = {"nb": "bokmål", "nn": "nynorsk"}
        feeds += [(lang_feed(lang), f"{site_name} ({names.get(lang, lang)})",
                   [p for p in items if p.front.lang == lang]) for lang in langs]
    return feeds


def _when(date: dt.date | None) -> dt.datetime:
    return dt.datetime.combine(date or dt.date.min, dt.time(12, 0), OSLO)


def _feed(site: Site, path: str, title: str, items: Sequence[Page]) -> Atom1Feed:
    base = site.config.site_url.rstrip("/") + "/"
    langs = {p.front.lang for p in items}
    feed = Atom1Feed(title=_xml(title), link=base + NEWS_DIR + "/",
                     description=text("all_news", site.config.language),
                     language=langs.pop() if len(langs) == 1 else site.config.language,
                     feed_url=feed_url(site.config.site_url, path),
                     feed_guid=feed_url(site.config.site_url, path))
    labels = {c.id: c.label for c in site.vocab.categories}
    for page in items:
        link = base + page.url
        front = page.front
        # The summary is typed html by the writer: the plain text is escaped as HTML first.
        feed.add_item(title=_xml(front.title), link=link,
                      description=escape(_xml(front.description)), unique_id=link,
                      author_name=_xml(front.author or title),
                      pubdate=_when(front.date), updateddate=_when(front.date),
                      categories=[_xml(c) for c in (labels.get(front.category or "",
                                                               front.category or ""),
                                                    *front.tags)])
    return feed


def write_feeds(site: Site, site_name: str, out: Path) -> list[str]:
    """Write every feed under ``out`` (the news section's folder).

    Returns:
        The feeds' paths relative to ``out``.
    """
    written = []
    for path, title, items in feeds_of(site, site_name):
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as handle:
            _feed(site, path, title, items).write(handle, "utf-8")
        written.append(path)
    return written
