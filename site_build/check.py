"""Cross-page checks: links and anchors, course references, review dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from site_build.diagnostics import Diagnostic, did_you_mean
from site_build.links import Resolved, resolve_link
from site_build.model import Page, Site

__all__ = ["ExternalLink", "check_site", "external_links"]


@dataclass(frozen=True, order=True)
class ExternalLink:
    """A link to another host, listed by ``brobygger check --external``; never fetched."""

    url: str
    file: str
    line: int


def check_site(site: Site, today: dt.date | None = None,
               pages: Collection[Page] | None = None) -> list[Diagnostic]:
    """Run every cross-page rule over a loaded site.

    Args:
        site: The loaded site.
        today: The date review deadlines are compared with (default: today).
        pages: Check only these pages' links (the live preview, when nothing that other pages
            link to has changed); default all.

    Returns:
        Every problem found; overdue reviews are notices, not errors.
    """
    out: list[Diagnostic] = []
    for page in site.pages if pages is None else pages:
        for link in page.links:
            result = resolve_link(site, page, link.target)
            if not isinstance(result, Resolved) and not result.silent:
                key = "image" if link.image else "link"
                out.append(Diagnostic(page.path, link.line, key, result.message))
    out += _check_courses(site)
    out += _check_reviews(site, today or dt.date.today())
    return out


def _check_courses(site: Site) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    ids = {c.id for c in site.courses}
    for course in site.courses:
        seen: set[str] = set()
        for i, lesson in enumerate(course.lessons):
            if site.page(lesson.page) is None and lesson.page not in site.failed:
                out.append(Diagnostic(course.path, lesson.line, f"lessons[{i}].page",
                                      f"'{lesson.page}' is not a page in content/"
                                      + did_you_mean(lesson.page, site.by_src)))
            if lesson.page in seen:
                out.append(Diagnostic(course.path, lesson.line, f"lessons[{i}].page",
                                      f"'{lesson.page}' is already a lesson in this track"))
            seen.add(lesson.page)
        for pre in course.prerequisites:
            if pre == course.id:
                out.append(Diagnostic(course.path, 0, "prerequisites", "a track cannot require itself"))
            elif pre not in ids:
                out.append(Diagnostic(course.path, 0, "prerequisites",
                                      f"'{pre}' is not a course track" + did_you_mean(pre, ids)))
    return out


def _check_reviews(site: Site, today: dt.date) -> list[Diagnostic]:
    out = []
    for page in site.pages:
        due = page.front.review_by
        if due is not None and due < today:
            out.append(Diagnostic(page.path, 0, "review_by",
                                  f"review was due {due}; check the page against its sources",
                                  "notice"))
    return out


def external_links(site: Site) -> list[ExternalLink]:
    """Every link to another host, with the file and line it is written on."""
    return sorted(
        ExternalLink(link.target, page.path, link.line)
        for page in site.pages for link in page.links
        if isinstance(r := resolve_link(site, page, link.target), Resolved) and r.external)
