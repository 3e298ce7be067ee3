"""What the printable track pages share: the track, its lesson pages, and lesson HTML copied in.

A lesson's HTML is written for the lesson's own URL. Copied into another page (the handout,
the facilitator view) its links are resolved again for the new URL, links to lessons that are
on the new page become in-page anchors, and every id gets the lesson's prefix so several
lessons never share an id.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from html import escape
from urllib.parse import unquote

from site_build.generate.course_data import track_index
from site_build.markdown.engine import LINK_SLOT
from site_build.markdown.rules.site_values import SITE_VALUE_SLOT
from site_build.model import Course, Page, Site, is_external
from site_build.site.links import Resolved, resolve_link

__all__ = ["TrackLesson", "copy_html", "lesson_prefix", "track_lessons", "track_of"]

_ID_ATTRS = re.compile(r'(\s(?:id|for|aria-labelledby|aria-describedby|aria-controls)=")([^"]*)"')
_HASH_HREF = re.compile(r'(\shref="#)([^"]*)"')


@dataclass(frozen=True)
class TrackLesson:
    """A lesson of a track: its number (1-based), its title in the track and its page."""

    number: int
    title: str
    page: Page


def track_of(page: Page, site: Site) -> Course | None:
    """The track a generated course page belongs to (``track:`` in its front matter)."""
    return track_index(site).by_id.get(page.front.track or "")


def track_lessons(course: Course, site: Site) -> list[TrackLesson]:
    """The track's lessons in order (lessons whose page did not load are left out)."""
    found = []
    for number, lesson in enumerate(course.lessons, 1):
        page = site.page(lesson.page)
        if page is not None:
            found.append(TrackLesson(number, lesson.title or page.front.title, page))
    return found


def lesson_prefix(number: int) -> str:
    """The id of lesson ``number``'s section on a page that holds several lessons."""
    return f"leksjon-{number}"


def _prefixed(html: str, prefix: str) -> str:
    """Every id (and every reference to one) in ``html`` with ``prefix-`` in front."""
    def ids(m: re.Match[str]) -> str:
        return f'{m.group(1)}{" ".join(f"{prefix}-{v}" for v in m.group(2).split())}"'

    def href(m: re.Match[str]) -> str:
        return f'{m.group(1)}{prefix}-{m.group(2)}"' if m.group(2) else m.group(0)

    return _HASH_HREF.sub(href, _ID_ATTRS.sub(ids, html))


def _href(target: str, lesson: Page, host: Page, site: Site, on_page: Mapping[str, str]) -> str:
    """Where a link written in ``lesson`` goes from ``host``."""
    if is_external(target):
        return target
    path, _, anchor = target.partition("#")
    path = unquote(path.split("?", 1)[0])
    dest = (posixpath.normpath(posixpath.join(posixpath.dirname(lesson.src_path), path))
            if path else lesson.src_path)
    if dest in on_page:
        return f"#{on_page[dest]}-{unquote(anchor)}" if anchor else f"#{on_page[dest]}"
    if not path:  # an anchor of the lesson itself, which is not on this page
        target = f"{posixpath.basename(lesson.src_path)}#{anchor}"
    result = resolve_link(site, replace(lesson, url=host.url), target)
    return result.href if isinstance(result, Resolved) else target


def _site_value(match: re.Match[str], site: Site) -> str:
    config = site.config
    if match.group(1) == "kontakt":
        return escape(config.contact.email if config.contact else "")
    return escape(config.owner.name if config.owner else config.site_name)


def copy_html(html: str, lesson: Page, host: Page, site: Site, *, prefix: str,
              on_page: Mapping[str, str]) -> str:
    """``html`` of ``lesson`` (its body or notes, with link slots) made fit for ``host``.

    Args:
        html: Load-time HTML of ``lesson`` (``body_html`` or ``facilitator_html``).
        lesson: The page it was written in (its links resolve from there).
        host: The page it is copied into.
        site: The loaded site.
        prefix: Put in front of every id of the copy.
        on_page: Lessons on ``host`` (docs-relative path → their prefix): links to them
            become in-page anchors.

    Returns:
        The HTML with every link resolved for ``host``'s URL.
    """
    html = _prefixed(html, prefix)
    html = LINK_SLOT.sub(lambda m: escape(_href(lesson.links[int(m.group(1))].target, lesson,
                                                host, site, on_page)), html)
    return SITE_VALUE_SLOT.sub(lambda m: _site_value(m, site), html) if "\ue002" in html else html
