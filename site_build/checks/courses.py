"""Course tracks against the site: lessons that exist, once each; prerequisites that exist, once
each, and do not lead back to the track; course pages (`track:`) that name a track, one page per
part of a track."""

from __future__ import annotations

import re
from pathlib import Path

from site_build.diagnostics import Diagnostic, did_you_mean
from site_build.io.yaml12 import YamlProblem, item_line, key_line, load_yaml
from site_build.model import Course, Page, Site

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
        for i, pre in enumerate(course.prerequisites):
            if pre == course.id:
                out.append(_on_prerequisite(site, course, i, "a track cannot require itself"))
            elif pre not in ids:
                out.append(_on_prerequisite(site, course, i, f"'{pre}' is not a course track"
                                            + did_you_mean(pre, ids)))
            elif pre in course.prerequisites[:i]:
                out.append(_on_prerequisite(site, course, i, f"'{pre}' is already listed"))
    return out + _cycles(site) + _track_pages(site, ids)


def _track_pages(site: Site, ids: set[str]) -> list[Diagnostic]:
    """Pages whose ``track:`` names no track, or a part of a track another page already shows."""
    out: list[Diagnostic] = []
    shown: dict[tuple[str, str], str] = {}
    for page in site.pages:
        track, part = page.front.track, page.front.generated
        if not track or not part:
            continue
        if track not in ids:
            out.append(Diagnostic(page.path, _front_line(site, page, "track"), "track",
                                  f"'{track}' is not a course track (courses/<id>.yml)"
                                  + did_you_mean(track, ids)))
        elif (part, track) in shown:
            out.append(Diagnostic(page.path, _front_line(site, page, "generated"), "generated",
                                  f"the {part} of '{track}' is already "
                                  f"{shown[(part, track)]}"))
        else:
            shown[(part, track)] = page.path
    return out


def _front_line(site: Site, page: Page, key: str) -> int:
    """The line of ``key:`` in the page's front matter (read again: pages with a problem only)."""
    try:
        text = (Path(site.config.root) / page.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    end = text.find("\n---", 3) + 1 or len(text)
    found = re.compile(rf"^{re.escape(key)}\s*:", re.MULTILINE).search(text, 0, end)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _on_prerequisite(site: Site, course: Course, index: int, message: str) -> Diagnostic:
    """A problem with ``prerequisites[index]``, on its line (the file is re-read: rare)."""
    line = 1
    try:
        data = load_yaml((Path(site.config.root) / course.path).read_text(encoding="utf-8")).data
        seq = data.get("prerequisites") if isinstance(data, dict) else None
        line = item_line(seq, index, key_line(data, "prerequisites", 1))
    except (OSError, UnicodeDecodeError, YamlProblem):
        pass  # the file changed since it was loaded: the whole file is at fault
    return Diagnostic(course.path, line, f"prerequisites[{index}]", message)


def _cycles(site: Site) -> list[Diagnostic]:
    """A problem on every prerequisite that closes a loop of tracks (``a`` → ``b`` → ``a``)."""
    by_id = {c.id: c for c in site.courses}
    needs = {c.id: [p for p in c.prerequisites if p in by_id and p != c.id]
             for c in site.courses}
    found: set[Diagnostic] = set()
    for cycle in _back_edge_cycles(needs):
        shown = " → ".join([*cycle, cycle[0]])
        for i, track in enumerate(cycle):
            course, required = by_id[track], cycle[(i + 1) % len(cycle)]
            found.add(_on_prerequisite(site, course, course.prerequisites.index(required),
                                       f"'{required}' leads back to this track ({shown}); "
                                       "tracks cannot require each other in a loop"))
    return sorted(found)


def _back_edge_cycles(needs: dict[str, list[str]]) -> list[list[str]]:
    """One cycle for each back edge of a depth-first walk (iterative: no recursion limit)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []
    for start in sorted(needs):
        if start in state:
            continue
        path, stack = [start], [iter(needs[start])]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):])
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(needs[nxt]))
    return cycles
