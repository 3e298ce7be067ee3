"""Course tracks against the site: lessons that exist, once each; prerequisites that exist."""

from __future__ import annotations

from site_build.diagnostics import Diagnostic, did_you_mean
from site_build.model import Site

__all__ = ["check_courses"]


def check_courses(site: Site) -> list[Diagnostic]:
    """Every problem of the tracks' references to pages and to other tracks."""
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


