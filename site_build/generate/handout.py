"""The handout of a track (``generated: handout``): every lesson on one printable page.

For a meeting room without screens: the track's objectives and time, then each lesson's
learner text in order under its title. The lessons' headings move one level down, their ids
get the lesson's prefix, and links between the track's lessons become links within the page.
``kursleder`` notes are left out, also of pages that are not lessons elsewhere (modules).
"""

from __future__ import annotations

import re
from html import escape

from site_build.generate.course_data import track_minutes
from site_build.generate.facilitator import elements
from site_build.generate.track_pages import copy_html, lesson_prefix, track_lessons, track_of
from site_build.model import FrontMatter, Heading, Page, Site, Vocabularies

__all__ = ["Handout"]

_TEXTS: dict[str, tuple[str, str]] = {
    "lesson": ("Leksjon", "Leksjon"),
    "objectives": ("Etter kurset kan du", "Etter kurset kan du"),
    "minutes": ("minutter", "minutt"),
    "time": ("Tid", "Tid"),
    "contents": ("Leksjoner", "Leksjonar"),
}
_HEADING = re.compile(r"<(/?)h([2-5])\b")


def _t(key: str, lang: str) -> str:
    nb, nn = _TEXTS[key]
    return nn if lang == "nn" else nb


def _learner_html(html: str) -> str:
    """``html`` without its ``kursleder`` notes, headings one level down."""
    for note in elements(html, "kursleder"):
        html = html.replace(note, "", 1)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


class Handout:
    """The whole track as one page."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """None known at load time (the lessons' titles are known only when all pages are)."""
        return ()

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """None."""
        return frozenset()

    def html(self, page: Page, site: Site) -> str:
        """The track's objectives and contents, then every lesson ("" for an unknown track)."""
        course = track_of(page, site)
        if course is None:
            return ""
        lang = page.front.lang
        lessons = track_lessons(course, site)
        on_page = {tl.page.src_path: lesson_prefix(tl.number) for tl in lessons}
        minutes = track_minutes(site, course)
        goals = "".join(f"<li>{escape(o)}</li>" for o in course.objectives)
        out = [f'<div class="bb-handout" lang="{escape(course.lang)}">']
        if goals:
            out.append(f'<p><strong>{escape(_t("objectives", lang))}:</strong></p>'
                       f"<ul>{goals}</ul>")
        toc = "".join(f'<li><a href="#{lesson_prefix(tl.number)}">{escape(tl.title)}</a></li>'
                      for tl in lessons)
        out.append(f'<p>{escape(_t("time", lang))}: {minutes} {escape(_t("minutes", lang))}</p>'
                   f'<nav aria-label="{escape(_t("contents", lang))}"><ol>{toc}</ol></nav>')
        for tl in lessons:
            prefix = lesson_prefix(tl.number)
            body = copy_html(_learner_html(tl.page.body_html), tl.page, page, site,
                             prefix=prefix, on_page=on_page)
            title = f'{_t("lesson", lang)} {tl.number}: {tl.title}'
            out.append(f'<section class="bb-handout__lesson" aria-labelledby="{prefix}"'
                       f' lang="{escape(tl.page.front.lang)}">\n'
                       f'<h2 id="{prefix}">{escape(title)}</h2>\n{body}</section>')
        out.append("</div>\n")
        return "\n".join(out)
