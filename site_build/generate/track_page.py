"""A track's page (``generated: track`` with ``track: <id>``): the lessons with their minutes,
the total time from the lessons' ``duration``, audience, prerequisites, objectives, the track's
certificate, facilitator view and handout when the site has them, and the progress placeholder
that ``bb-progress.js`` fills in (hidden without JavaScript)."""

from __future__ import annotations

from html import escape

from site_build.generate.course_data import (
    COMPANIONS,
    audience_labels,
    course_data_html,
    lesson_count_text,
    lesson_minutes,
    lesson_title,
    minutes_text,
    prerequisite_links,
    track_index,
    track_minutes,
)
from site_build.generate.track_pages import track_of
from site_build.i18n import text
from site_build.model import Course, FrontMatter, Heading, Page, Site, Vocabularies
from site_build.site.slug import slugify
from site_build.site.urls import relative_url

__all__ = ["TrackPage", "facts_html"]


def facts_html(site: Site, page: Page, course: Course) -> str:
    """Time, number of lessons, audience and prerequisites as a description list."""
    lang = page.front.lang
    pre = prerequisite_links(site, page, course) or escape(text("no_prerequisites", lang))
    rows = (("track_time", escape(minutes_text(track_minutes(site, course), lang))
             + ", " + escape(lesson_count_text(len(course.lessons), lang))),
            ("course_audience", escape(", ".join(audience_labels(site, course)))),
            ("prerequisites", pre))
    return ('<dl class="bb-course__facts">'
            + "".join(f"<div><dt>{escape(text(key, lang))}</dt><dd>{value}</dd></div>"
                      for key, value in rows) + "</dl>\n")


def _outline(site: Site, page: Page, course: Course) -> str:
    items = []
    for lesson in course.lessons:
        target = site.page(lesson.page)
        if target is None:
            continue
        minutes = lesson_minutes(site, lesson)
        time = (f' <span class="bb-course__min">({escape(minutes_text(minutes, page.front.lang))})'
                "</span>" if minutes else "")
        items.append(f'<li data-url="{escape(target.url)}"><a href="'
                     f'{escape(relative_url(page.url, target.url))}">'
                     f"{escape(lesson_title(site, lesson))}</a>{time}</li>")
    return f'<ol class="bb-course__outline">{"".join(items)}</ol>\n'


def _companions(site: Site, page: Page, course: Course) -> str:
    parts = track_index(site).parts
    links = [f'<li><a href="{escape(relative_url(page.url, found.url))}">'
             f"{escape(text(kind, page.front.lang))}</a></li>"
             for kind in COMPANIONS
             if (found := parts.get((kind, course.id))) is not None and found is not page]
    return f'<ul class="bb-course__links">{"".join(links)}</ul>\n' if links else ""


class TrackPage:
    """The generated part of a track page."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """*Leksjonene i kurset*."""
        title = text("track_outline", front.lang)
        return (Heading(2, title, slugify(title), line),)

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """None beyond the heading."""
        return frozenset()

    def html(self, page: Page, site: Site) -> str:
        """The heading, facts, progress placeholder, outline, links and objectives."""
        course = track_of(page, site)
        lang = page.front.lang
        title = text("track_outline", lang)
        head = f'<h2 id="{escape(slugify(title))}">{escape(title)}</h2>\n'
        if course is None:  # the checks report the unknown track; a preview still renders
            return head
        track = escape(course.id)
        objectives = "".join(f"<li>{escape(o)}</li>" for o in course.objectives)
        return (course_data_html(site, page, (course,)) + head
                + f'<div class="bb-course" data-track="{track}">\n'
                + facts_html(site, page, course)
                + f'<div class="bb-progress" data-track="{track}" hidden></div>\n'
                + _outline(site, page, course) + _companions(site, page, course)
                + (f'<p class="bb-course__goals-title"><strong>'
                   f'{escape(text("course_objectives", lang))}</strong></p>\n'
                   f'<ul class="bb-course__goals">{objectives}</ul>\n' if objectives else "")
                + "</div>\n")
