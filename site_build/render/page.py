"""Rendering: a loaded page to HTML (links filled in, generated parts added) and a toc tree."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from site_build.generate.registry import generated_html
from site_build.i18n import text
from site_build.markdown.engine import LINK_SLOT
from site_build.markdown.rules.site_values import SITE_VALUE_SLOT
from site_build.model import Heading, Page, Site
from site_build.render.frame import review_html, site_value_html
from site_build.render.track import track_end_html, track_top_html
from site_build.site.links import Resolved, resolve_link
from site_build.site.urls import relative_url

__all__ = ["RELATED_MARK", "RenderedPage", "Renderer", "TocItem", "fill_related"]

RELATED_MARK = "<!--brobygger:related-->"
"""Where a page's related pages go when they are computed while the hosts build."""


def fill_related(html: str, aside: str) -> str:
    """A built page with its related-pages mark replaced by ``aside``.

    Only the last mark is the renderer's: it follows the body, and nothing an editor writes
    comes after it unescaped, while a body may contain the same comment.
    """
    before, mark, after = html.rpartition(RELATED_MARK)
    return f"{before}{aside}{after}" if mark else html


@dataclass(frozen=True)
class TocItem:
    """A heading in the nested table of contents."""

    level: int
    id: str
    title: str
    children: list[TocItem] = field(default_factory=list)


@dataclass(frozen=True)
class RenderedPage:
    """A page's HTML (its H1 included) and its nested toc (H1 at the root)."""

    html: str
    toc: tuple[TocItem, ...]


def _toc(headings: Sequence[Heading]) -> tuple[TocItem, ...]:
    roots: list[TocItem] = []
    stack: list[TocItem] = []
    for h in headings:
        item = TocItem(h.level, h.id, h.text)
        while stack and stack[-1].level >= h.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    return tuple(roots)


class Renderer:
    """Renders the pages of one loaded site with one engine."""

    def __init__(self, site: Site, today: dt.date | None = None) -> None:
        self.site = site
        # Review notices compare with this date (the checks' notices use the same default).
        self.today = today or dt.date.today()

    def _fill_links(self, page: Page) -> str:
        """Put each link's resolved href into the slot the load-time rendering left for it."""

        def href(match: re.Match[str]) -> str:
            target = page.links[int(match.group(1))].target
            result = resolve_link(self.site, page, target)
            return escape(result.href if isinstance(result, Resolved) else target)

        html = LINK_SLOT.sub(href, page.body_html)
        if "\ue002" not in html:
            return html
        return SITE_VALUE_SLOT.sub(
            lambda m: site_value_html(m.group(1), bool(m.group(2)), self.site.config), html)

    def render(self, page: Page) -> RenderedPage:
        """Render one page: H1 from its title, review dates, body, generated parts, *Kilder*."""
        h1 = page.headings[0]
        html = (f'<h1 id="{escape(h1.id)}">{escape(page.front.title)}</h1>\n'
                + review_html(page, self.today) + track_top_html(page, self.site)
                + self._fill_links(page) + track_end_html(page, self.site)
                + generated_html(page, self.site)
                + (RELATED_MARK if self.site.related_pending else self.related_html(page)))
        return RenderedPage(html, _toc(page.headings))

    def related_html(self, page: Page) -> str:
        """The related pages an indexer found, as a list after the body (none: nothing).

        The heading has no id, so it adds no anchor and nothing to the toc.
        """
        if page.src_path.rsplit("/", 1)[-1] == "index.md":  # hubs already list their pages
            return ""
        # The front page and generated lists (sources, glossary) are no one's related topic.
        pages = [p for p in map(self.site.page, self.site.related.get(page.src_path, ()))
                 if p is not None and p is not page and p.url and p.front.generated is None]
        if not pages:
            return ""
        items = "".join(
            f'<li><a href="{escape(relative_url(page.url, p.url))}">{escape(p.front.title)}</a>'
            f'<span class="bb-related__desc"> – {escape(p.front.description)}</span></li>'
            for p in pages)
        title = escape(text("related", page.front.lang))
        return (f'\n<div class="bb-related" role="complementary" aria-label="{title}">\n'
                f'<h2 class="bb-related__title">{title}</h2>\n<ul>{items}</ul>\n</div>\n')

