"""The *Kilder* section that ends every page with ``sources`` in its front matter."""

from __future__ import annotations

from html import escape

from site_build.generate.source_list import SOURCES_PAGE, source_anchor, source_label
from site_build.i18n import text
from site_build.model import FrontMatter, Heading, Page, Site, Vocabularies
from site_build.site.slug import slugify
from site_build.site.urls import relative_url

__all__ = ["Kilder"]


def _heading(front: FrontMatter, line: int) -> Heading:
    title = text("sources", front.lang)
    return Heading(2, title, slugify(title), line)


class Kilder:
    """The page's own sources, each linked to its entry in the source list."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """*Kilder* (*Kjelder* in nynorsk), if the page has sources."""
        return (_heading(front, line),) if front.sources else ()

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """None beyond the heading."""
        return frozenset()

    def html(self, page: Page, site: Site) -> str:
        """The heading and a list of the page's sources ("" if it has none)."""
        if not page.front.sources:
            return ""
        items = []
        list_page = site.page(SOURCES_PAGE)
        for sid in page.front.sources:
            source = site.vocab.source(sid)
            if source is None:
                continue
            label = source_label(source)
            if list_page is not None and list_page is not page:
                href = escape(relative_url(page.url, list_page.url) + f"#{source_anchor(sid)}")
                about = escape(text("about_source", page.front.lang))
                label += f' <a href="{href}" class="bb-source-link">{about}</a>'
            items.append(f"<li>{label}</li>")
        heading = _heading(page.front, page.body_line)
        return (f'<h2 id="{escape(heading.id)}">{escape(heading.text)}</h2>\n'
                f'<ul class="bb-sources">\n' + "\n".join(items) + "\n</ul>\n")
