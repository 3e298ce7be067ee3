"""News on portal pages: the latest items (``generated: latest-news``), and on course, module
and guidance pages the news items that link to them."""

from __future__ import annotations

import posixpath
from html import escape

from site_build.i18n import long_date, text
from site_build.model import FrontMatter, Heading, Page, Site, Vocabularies
from site_build.site.news import FEED_ALL, NEWS_DIR, news_items
from site_build.site.slug import slugify
from site_build.site.urls import relative_url

__all__ = ["LATEST", "LatestNews", "NewsMentions", "mentions"]

# How many items the front page lists.
LATEST = 5
# Page types that list the news items linking to them (plus every lesson of a course).
MENTIONED_TYPES = frozenset({"module", "guidance", "lesson", "checklist"})


def _item(page: Page, item: Page) -> str:
    date = item.front.date
    when = (f' <time datetime="{date.isoformat()}">{escape(long_date(date))}</time>'
            if date else "")
    return (f'<li><a href="{escape(relative_url(page.url, item.url))}" lang="{item.front.lang}">'
            f'{escape(item.front.title)}</a>{when}</li>')


class LatestNews:
    """The five latest news items, a link to all of them and to their feed."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """*Siste nytt*."""
        title = text("latest_news", front.lang)
        return (Heading(2, title, slugify(title), line),)

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """None beyond the heading."""
        return frozenset()

    def html(self, page: Page, site: Site) -> str:
        """The heading and the latest items (the heading alone if there are none)."""
        lang = page.front.lang
        title = text("latest_news", lang)
        items = "".join(_item(page, item) for item in news_items(site)[:LATEST])
        links = [f'<a href="{escape(relative_url(page.url, NEWS_DIR + "/"))}">'
                 f'{escape(text("all_news", lang))}</a>']
        if site.config.site_url:
            feed = relative_url(page.url, f"{NEWS_DIR}/{FEED_ALL}")
            links.append(f'<a href="{escape(feed)}">'
                         f'{escape(text("news_feed", lang))}</a>')
        return (f'<h2 id="{escape(slugify(title))}">{escape(title)}</h2>\n'
                + (f'<ul class="bb-latest-news">{items}</ul>\n' if items else "")
                + f'<p class="bb-latest-news__more">{" · ".join(links)}</p>\n')


_mentions_for: tuple[Site, dict[str, list[Page]]] | None = None


def mentions(site: Site) -> dict[str, list[Page]]:
    """For each page (by docs-relative path), the news items that link to it, newest first.

    Computed once per loaded site.
    """
    global _mentions_for
    if _mentions_for is not None and _mentions_for[0] is site:
        return _mentions_for[1]
    found: dict[str, list[Page]] = {}
    for item in news_items(site):
        folder = posixpath.dirname(item.src_path)
        targets = set()
        for link in item.links:
            path = link.target.split("#", 1)[0]
            if path and not link.image and "://" not in path and not path.startswith("mailto:"):
                targets.add(posixpath.normpath(posixpath.join(folder, path)))
        for target in sorted(targets):
            found.setdefault(target, []).append(item)
    _mentions_for = (site, found)
    return found


class NewsMentions:
    """On course, module and guidance pages: the news items that link to the page."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """None: which items link here is known only when every page is loaded."""
        return ()

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """None."""
        return frozenset()

    def html(self, page: Page, site: Site) -> str:
        """A list of the news items linking to the page ("" if none, or not such a page)."""
        lessons = {lesson.page for course in site.courses for lesson in course.lessons}
        if page.front.type not in MENTIONED_TYPES and page.src_path not in lessons:
            return ""
        items = mentions(site).get(page.src_path, [])
        if not items:
            return ""
        title = escape(text("news_linking", page.front.lang))
        return (f'<div class="bb-news-mentions" role="complementary" aria-label="{title}">\n'
                f'<h2 class="bb-news-mentions__title">{title}</h2>\n<ul>'
                + "".join(_item(page, item) for item in items) + "</ul>\n</div>\n")
