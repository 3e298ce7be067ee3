"""A lesson's place in its tracks: where it stands, its time and objectives, previous/next
within each track and the track's outline.

A page may be a lesson of several tracks (a module shared by course B's variants, or by the NAV
and health tracks). Every track's block is in the HTML, so the page reads the same without
JavaScript and is published once, cached once, with no query string; ``bb-track.js`` then shows
only the block of the track the reader came from, and a reader from search or a link outside
the tracks sees every track that uses the page.

Above the body: one "Leksjon 3 av 7 i kurset …" line per track, the time and the lesson's
objectives. After the body: one ``<nav class="bb-track" data-track="ID">`` per track with its
position, previous/next *within the track*, the outline (the current lesson marked
``aria-current="page"``) and a link to the track page. The site-wide footer is off on lessons
(``render.frame.neighbours``), so nothing sends a reader into another course.
"""

from __future__ import annotations

from html import escape

from site_build.generate.course_data import (
    course_data_html,
    lesson_minutes,
    lesson_title,
    minutes_text,
    track_index,
    track_url,
)
from site_build.i18n import text
from site_build.model import Course, Lesson, Page, Site
from site_build.site.urls import relative_url

__all__ = ["lesson_pages", "track_end_html", "track_top_html"]


def lesson_pages(site: Site) -> frozenset[str]:
    """Every page (docs-relative path) that is a lesson of some track."""
    return frozenset(track_index(site).of_page)


def _lang_attr(lang: str, page: Page) -> str:
    return f' lang="{escape(lang)}"' if lang != page.front.lang else ""


def _title_lang(site: Site, course: Course, lesson: Lesson) -> str:
    target = site.page(lesson.page)
    return course.lang if lesson.title or target is None else target.front.lang


def _position(course: Course, page: Page) -> int:
    return next(i for i, les in enumerate(course.lessons) if les.page == page.src_path)


def _n_of(index: int, course: Course, lang: str) -> str:
    return (text("lesson_n_of", lang).replace("{n}", str(index + 1))
            .replace("{total}", str(len(course.lessons))))


def _course_link(site: Site, page: Page, course: Course) -> str:
    href = escape(relative_url(page.url, track_url(site, course)))
    return f'<a href="{href}"{_lang_attr(course.lang, page)}>{escape(course.title)}</a>'


def track_top_html(page: Page, site: Site) -> str:
    """Above a lesson's body: its place in each track, its time and objectives ("" elsewhere)."""
    courses = track_index(site).of_page.get(page.src_path, ())
    if not courses:
        return ""
    lang = page.front.lang
    parts = [course_data_html(site, page, courses), '<div class="bb-lesson-head">\n']
    if len(courses) > 1:
        links = ", ".join(_course_link(site, page, c) for c in courses)
        parts.append(f'<p class="bb-track-all">{escape(text("in_tracks", lang))} {links}</p>\n')
    for course in courses:
        where = escape(_n_of(_position(course, page), course, lang))
        parts.append(f'<p class="bb-track-where" data-track="{escape(course.id)}">'
                     f'<strong>{where}</strong> – {_course_link(site, page, course)}</p>\n')
    if page.front.duration:
        parts.append(f'<p class="bb-lesson-time">{escape(text("track_time", lang))}: '
                     f'{escape(minutes_text(page.front.duration, lang))}</p>\n')
    if page.front.objectives:
        items = "".join(f"<li>{escape(o)}</li>" for o in page.front.objectives)
        parts.append(f'<div class="bb-lesson-goals"><p class="bb-lesson-goals__title">'
                     f'<strong>{escape(text("lesson_objectives", lang))}</strong></p>'
                     f"<ul>{items}</ul></div>\n")
    parts.append("</div>\n")
    return "".join(parts)


def _pager_link(site: Site, page: Page, course: Course, index: int, rel: str) -> str:
    if not 0 <= index < len(course.lessons):
        return ""
    lesson = course.lessons[index]
    target = site.page(lesson.page)
    if target is None:
        return ""
    label = escape(text("previous_lesson" if rel == "prev" else "next_lesson", page.front.lang))
    title_lang = _lang_attr(_title_lang(site, course, lesson), page)
    return (f'<li class="bb-track__{rel}"><a href="{escape(relative_url(page.url, target.url))}" '
            f'rel="{rel}"><span class="bb-track__dir">{label}</span> '
            f'<span class="bb-track__title"{title_lang}>{escape(lesson_title(site, lesson))}'
            f"</span></a></li>")


def _outline(site: Site, page: Page, course: Course) -> str:
    items = []
    for lesson in course.lessons:
        target = site.page(lesson.page)
        if target is None:
            continue
        title = escape(lesson_title(site, lesson))
        title_lang = _lang_attr(_title_lang(site, course, lesson), page)
        minutes = lesson_minutes(site, lesson)
        time = (f' <span class="bb-track__min">({escape(minutes_text(minutes, page.front.lang))})'
                "</span>" if minutes else "")
        current = ' aria-current="page"' if target is page else ""
        items.append(f'<li data-url="{escape(target.url)}"><a href="'
                     f'{escape(relative_url(page.url, target.url))}"{current}{title_lang}>'
                     f"{title}</a>{time}</li>")
    return f'<ol class="bb-track__outline">{"".join(items)}</ol>'


def _block(site: Site, page: Page, course: Course) -> str:
    lang = page.front.lang
    index = _position(course, page)
    label = escape(text("track_label", lang).replace("{title}", course.title))
    pager = (_pager_link(site, page, course, index - 1, "prev")
             + _pager_link(site, page, course, index + 1, "next"))
    track_href = escape(relative_url(page.url, track_url(site, course)))
    return (f'<nav class="bb-track" data-track="{escape(course.id)}" aria-label="{label}">\n'
            f'<p class="bb-track__head"><a class="bb-track__course" href="{track_href}"'
            f'{_lang_attr(course.lang, page)}>{escape(course.title)}</a> '
            f'<span class="bb-track__n">{escape(_n_of(index, course, lang))}</span></p>\n'
            + (f'<ul class="bb-track__pager">{pager}</ul>\n' if pager else "")
            + f'<details class="bb-track__toc" open><summary>{escape(text("track_outline", lang))}'
            f"</summary>\n{_outline(site, page, course)}\n</details>\n"
            f'<p class="bb-track__about"><a href="{track_href}">'
            f'{escape(text("to_track_page", lang))}</a></p>\n</nav>\n')


def track_end_html(page: Page, site: Site) -> str:
    """After a lesson's body: one navigation block per track that has the page ("" elsewhere)."""
    courses = track_index(site).of_page.get(page.src_path, ())
    if not courses:
        return ""
    return ('<div class="bb-lesson-tracks">\n'
            + "".join(_block(site, page, c) for c in courses) + "</div>\n")
