"""The course catalogue (``generated: catalogue``): every track with its audience, time,
lessons, prerequisites and a progress placeholder, filterable by audience without a reload.

The filter is a group of radio buttons; ``bb-courses.css`` hides the tracks of other audiences
with ``:has()`` (filter ``N`` shows the items with class ``bb-cat-aN``), so it works without
JavaScript and by keyboard (arrow keys move within the group). ``bb-track.js`` only adds the
live count for screen readers. The rules cover up to ``MAX_FILTERS`` audiences; a browser
without ``:has()`` shows every track.
"""

from __future__ import annotations

from html import escape

from site_build.generate.course_data import course_data_html, track_url
from site_build.generate.track_page import facts_html
from site_build.i18n import text
from site_build.model import Course, FrontMatter, Heading, Page, Site, Vocabularies
from site_build.site.slug import slugify
from site_build.site.urls import relative_url

__all__ = ["MAX_FILTERS", "Catalogue"]

MAX_FILTERS = 12
"""How many audience filters the stylesheet has rules for (the vocabulary has 9 audiences)."""


def _audiences(site: Site) -> list[tuple[str, str]]:
    """``(id, label)`` of every audience some track is for, in the vocabulary's order."""
    used = {a for c in site.courses for a in c.audience}
    found = [(a.id, a.label) for a in site.vocab.audiences if a.id in used]
    return found[:MAX_FILTERS]


def _filter(lang: str, audiences: list[tuple[str, str]]) -> str:
    options = [("", text("all_audiences", lang)), *audiences]
    radios = "".join(
        f'<span class="bb-catalogue__option"><input type="radio" name="bb-cat-filter" '
        f'id="bb-cat-f{i}" value="{escape(aid)}"{" checked" if i == 0 else ""}>'
        f'<label for="bb-cat-f{i}">{escape(label)}</label></span>'
        for i, (aid, label) in enumerate(options))
    return (f'<fieldset class="bb-catalogue__filter"><legend>'
            f'{escape(text("filter_audience", lang))}</legend>{radios}</fieldset>\n'
            f'<p class="bb-catalogue__count" role="status" aria-live="polite" '
            f'data-template="{escape(text("showing_courses", lang))}"></p>\n')


def _entry(site: Site, page: Page, course: Course, filters: dict[str, int]) -> str:
    classes = " ".join(f"bb-cat-a{filters[a]}" for a in course.audience if a in filters)
    lang = "" if course.lang == page.front.lang else f' lang="{escape(course.lang)}"'
    href = escape(relative_url(page.url, track_url(site, course)))
    track = escape(course.id)
    return (f'<li class="bb-catalogue__item {classes}" data-track="{track}" '
            f'data-audience="{escape(" ".join(course.audience))}">\n'
            f'<h3 class="bb-catalogue__title"><a href="{href}"{lang}>{escape(course.title)}</a>'
            f"</h3>\n<p{lang}>{escape(course.summary)}</p>\n"
            + facts_html(site, page, course)
            + f'<div class="bb-progress" data-track="{track}" hidden></div>\n</li>\n')


class Catalogue:
    """Every track of the site, with an audience filter."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """*Alle kurs*."""
        title = text("all_courses", front.lang)
        return (Heading(2, title, slugify(title), line),)

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """None beyond the heading."""
        return frozenset()

    def html(self, page: Page, site: Site) -> str:
        """The heading, the filter, the live count and one entry per track."""
        lang = page.front.lang
        title = text("all_courses", lang)
        audiences = _audiences(site)
        filters = {aid: i for i, (aid, _) in enumerate(audiences, start=1)}
        entries = "".join(_entry(site, page, c, filters) for c in site.courses)
        return (course_data_html(site, page, site.courses)
                + f'<h2 id="{escape(slugify(title))}">{escape(title)}</h2>\n'
                + '<div class="bb-catalogue">\n' + _filter(lang, audiences)
                + f'<ul class="bb-catalogue__list">\n{entries}</ul>\n</div>\n')
