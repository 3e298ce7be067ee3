"""What the course pages know about the tracks: which tracks a page is a lesson of, each
lesson's title and minutes, a track's pages (track page, certificate, facilitator view, handout)
and the course data every lesson, track and catalogue page embeds for the JavaScript.

Computed once per loaded site (the index is keyed by the ``Site`` object, like the news
mentions), so rendering 5 000 pages does not walk the tracks 5 000 times.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from site_build.i18n import text
from site_build.model import Course, Lesson, Page, Site
from site_build.site.urls import relative_url

__all__ = ["COMPANIONS", "TrackIndex", "audience_labels", "course_data_html", "lesson_count_text",
           "lesson_minutes", "lesson_title", "minutes_text", "prerequisite_links", "track_index",
           "track_minutes", "track_url"]

# The `generated:` values of the pages that belong to one track, besides the track page.
COMPANIONS = ("certificate", "facilitator", "handout")


@dataclass(frozen=True)
class TrackIndex:
    """The tracks of one site, looked up by id, by lesson page and by generated page.

    Attributes:
        by_id: Every track by id, in the order of ``site.courses``.
        of_page: For each lesson page (docs-relative path), the tracks it is a lesson of.
        parts: ``(generated value, track id)`` → the page that shows that part of the track.
    """

    by_id: dict[str, Course]
    of_page: dict[str, tuple[Course, ...]]
    parts: dict[tuple[str, str], Page]


_index_for: tuple[Site, TrackIndex] | None = None


def track_index(site: Site) -> TrackIndex:
    """The site's tracks, indexed once per loaded site."""
    global _index_for
    if _index_for is not None and _index_for[0] is site:
        return _index_for[1]
    of_page: dict[str, list[Course]] = {}
    for course in site.courses:
        for lesson in course.lessons:
            tracks = of_page.setdefault(lesson.page, [])
            if course not in tracks:
                tracks.append(course)
    parts: dict[tuple[str, str], Page] = {}
    for page in site.pages:
        if page.front.track and page.front.generated:
            parts.setdefault((page.front.generated, page.front.track), page)
    index = TrackIndex({c.id: c for c in site.courses},
                       {src: tuple(found) for src, found in of_page.items()}, parts)
    _index_for = (site, index)
    return index


def lesson_title(site: Site, lesson: Lesson) -> str:
    """The lesson's title in its track: the manifest's, else the page's."""
    page = site.page(lesson.page)
    return lesson.title or (page.front.title if page is not None else lesson.page)


def lesson_minutes(site: Site, lesson: Lesson) -> int:
    """The lesson page's ``duration`` (0 when it has none)."""
    page = site.page(lesson.page)
    return (page.front.duration or 0) if page is not None else 0


def track_minutes(site: Site, course: Course) -> int:
    """The track's time: the sum of its lessons' ``duration``."""
    return sum(lesson_minutes(site, lesson) for lesson in course.lessons)


def track_url(site: Site, course: Course) -> str:
    """The track's URL from the site root: its track page, else its first lesson."""
    page = track_index(site).parts.get(("track", course.id))
    if page is None:
        page = next((p for les in course.lessons if (p := site.page(les.page)) is not None), None)
    return page.url if page is not None else ""


def minutes_text(minutes: int, lang: str) -> str:
    """A track's or lesson's time, short: ``45 min``, ``2 t``, ``2 t 30 min``."""
    del lang  # the abbreviations are the same in bokmål and nynorsk
    hours, rest = divmod(max(minutes, 0), 60)
    if hours and rest:
        return f"{hours} t {rest} min"
    return f"{hours} t" if hours else f"{rest} min"


def lesson_count_text(count: int, lang: str) -> str:
    """``7 leksjoner`` (nn ``leksjonar``), ``1 leksjon``."""
    return text("lesson_count_1", lang) if count == 1 else (
        text("lesson_count", lang).replace("{n}", str(count)))


def _track_json(site: Site, course: Course) -> dict[str, object]:
    certificate = track_index(site).parts.get(("certificate", course.id))
    lessons = [{"url": page.url, "title": lesson_title(site, lesson),
                "minutes": lesson_minutes(site, lesson)}
               for lesson in course.lessons if (page := site.page(lesson.page)) is not None]
    return {"id": course.id, "title": course.title, "url": track_url(site, course),
            "certificate": certificate.url if certificate is not None else None,
            "lang": course.lang, "lessons": lessons}


def course_data_html(site: Site, page: Page, courses: tuple[Course, ...]) -> str:
    """``<script type="application/json" id="bb-course-data">`` with ``courses`` for ``page``.

    ``<``, ``>`` and ``&`` are written as ``\\u003c`` etc., so no title can end the script.
    """
    data = {"tracks": [_track_json(site, c) for c in courses], "page": page.url}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    safe = raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="bb-course-data">{safe}</script>\n'


def audience_labels(site: Site, course: Course) -> list[str]:
    """The labels of the track's audiences, in the manifest's order."""
    labels = {a.id: a.label for a in site.vocab.audiences}
    return [labels.get(a, a) for a in course.audience]


def prerequisite_links(site: Site, page: Page, course: Course) -> str:
    """The track's prerequisites as links (from ``page``), comma-separated, escaped."""
    index = track_index(site)
    links = []
    for pre in course.prerequisites:
        other = index.by_id.get(pre)
        if other is not None:
            href = escape(relative_url(page.url, track_url(site, other)))
            links.append(f'<a href="{href}">{escape(other.title)}</a>')
    return ", ".join(links)
