"""What the news templates call: the frame's parts for a page, tocs and footers in Material's
markup, Norwegian strings and dates. Every text field is escaped here or by Jinja's autoescape.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from typing import Any

from markupsafe import Markup

from plugins.news.frame import Frame, PageParts
from site_build.i18n import long_date, text
from site_build.model import Page, Site
from site_build.render.page import TocItem
from site_build.site.news import NEWS_DIR, category_feed, news_items

__all__ = ["Theme"]

_PREV = '<path d="M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z"/>'
_NEXT = '<path d="M4 11v2h12l-5.5 5.5 1.42 1.42L19.84 12l-7.92-7.92L10.5 5.5 16 11z"/>'


def _toc_items(items: list[TocItem]) -> str:
    out = []
    for item in items:
        children = (f'<nav class="md-nav" aria-label="{escape(item.title)}">'
                    f'<ul class="md-nav__list">{_toc_items(item.children)}</ul></nav>'
                    if item.children else "")
        out.append(f'<li class="md-nav__item"><a href="#{escape(item.id)}" class="md-nav__link">'
                   f'<span class="md-ellipsis">{escape(item.title)}</span></a>{children}</li>')
    return "".join(out)


class Theme:
    """Helpers the templates reach as ``bb``."""

    def __init__(self, frame: Frame, site: Site) -> None:
        self.frame, self.site_url = frame, site.config.site_url
        self.default_lang = site.config.language
        self.order = news_items(site)
        self.position = {p.src_path: i for i, p in enumerate(self.order)}

    # The anchor of the list under the news section's own text on its first page.
    list_anchor = "nyheter"

    def category_feed_path(self, category: str) -> str:
        """A category's feed, relative to the news section."""
        return category_feed(category)

    def feed_link(self, siteurl: str, category: str, name: str) -> str:
        """A ``<link rel="alternate">`` for a category's feed ("" without ``site_url``).

        Relative, as on every page (see ``plugins.mkdocs_plugin._feed_link``).
        """
        if not self.site_url:
            return ""
        href = self.up(siteurl) + category_feed(category)
        return (f'<link rel="alternate" type="application/atom+xml" '
                f'title="{escape(name)}" href="{escape(href)}">')

    def up(self, siteurl: str) -> str:
        """The prefix from a page to the news section (``""``, ``"../"``, …)."""
        return "" if siteurl in ("", ".") else siteurl.rstrip("/") + "/"

    def canonical(self, output_file: str) -> str:
        """A page's absolute address ("" without ``site_url``)."""
        if not self.site_url:
            return ""
        path = output_file.removesuffix("index.html")
        return f"{self.site_url.rstrip('/')}/{NEWS_DIR}/{path}"

    def open(self, siteurl: str, parts: PageParts) -> Markup:
        """The frame up to the article's content."""
        return self.frame.render_open(self.up(siteurl), parts)

    def close(self, siteurl: str, parts: PageParts) -> Markup:
        """The frame after the article's content."""
        return self.frame.render_close(self.up(siteurl), parts)

    def parts(self, **values: Any) -> PageParts:
        """A page's parts for the frame (toc and footer as built by ``toc``/``footer``)."""
        values.setdefault("lang", self.default_lang)
        return PageParts(**values)

    def toc(self, items: list[TocItem], lang: str) -> str:
        """The table of contents in the markup of Material's ``toc.html``."""
        found = re.search(r'aria-label="([^"]*)"', self.frame.original.get("toc", ""))
        label = found[1] if found else "Innholdsliste"  # the theme's own (escaped) label
        listing = (f'<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>'
                   f"{_toc_items(items)}</ul>" if items else "")
        return (f'<nav class="md-nav md-nav--secondary" aria-label="{label}">'
                f'<label class="md-nav__title"><span class="md-nav__icon md-icon"></span>'
                f"{label}</label>{listing}</nav>")

    def footer(self, lang: str, newer: tuple[str, str] | None,
               older: tuple[str, str] | None) -> str:
        """Newer/older links in the markup of Material's footer (``(href, title)`` each)."""
        links = []
        for link, key, side, path in ((newer, "newer", "prev", _PREV),
                                      (older, "older", "next", _NEXT)):
            if link is None:
                continue
            href, title = escape(link[0]), escape(link[1])
            word = escape(text(key, lang))
            icon = (f'<div class="md-footer__button md-icon"><svg xmlns="http://www.w3.org/2000/'
                    f'svg" viewBox="0 0 24 24">{path}</svg></div>')
            body = (f'<div class="md-footer__title"><span class="md-footer__direction">{word}'
                    f' </span><div class="md-ellipsis">{title}</div></div>')
            inner = icon + body if side == "prev" else body + icon
            links.append(f'<a href="{href}" class="md-footer__link md-footer__link--{side}">'
                         f"{inner}</a>")
        if not links:
            return ""
        return (f'<nav class="md-footer__inner md-grid" aria-label="Footer">{"".join(links)}'
                "</nav>")

    def neighbours(self, page: Page) -> tuple[Page | None, Page | None]:
        """The next newer and next older item (in the news list's order)."""
        i = self.position.get(page.src_path)
        if i is None:
            return None, None
        newer = self.order[i - 1] if i > 0 else None
        older = self.order[i + 1] if i + 1 < len(self.order) else None
        return newer, older

    def link(self, siteurl: str, page: Page | None) -> tuple[str, str] | None:
        """``(href, title)`` of an item from a page at ``siteurl`` (None for no item)."""
        if page is None:
            return None
        return (f"{self.up(siteurl)}{page.url.removeprefix(NEWS_DIR + '/')}", page.front.title)

    def page_numbers(self, current: int, last: int) -> list[int | None]:
        """The page numbers a pager shows: first, last and two either side of the current
        one; ``None`` for a gap. (All of them would make the pages grow with their number.)"""
        shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
        out: list[int | None] = []
        for number in shown:
            if out and number - (out[-1] or 0) > 1:
                out.append(None)
            out.append(number)
        return out

    def text(self, key: str, lang: str | None = None) -> str:
        """A Norwegian string of the core (``site_build.i18n``)."""
        return text(key, lang or self.default_lang)

    def date(self, value: dt.date | dt.datetime) -> str:
        """``16. november 2026``."""
        return long_date(value.date() if isinstance(value, dt.datetime) else value)

    def iso(self, value: dt.date | dt.datetime) -> str:
        """``2026-11-16``."""
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
