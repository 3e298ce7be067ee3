"""The facilitator view of a track (``generated: facilitator``): one printable page.

For running the course in a workplace: the agenda with times (:mod:`.agenda`), every
``kursleder`` note of the track's lessons (hidden from learners' pages, kept on
``Page.facilitator_html`` at load time), the discussion questions (``refleksjon`` boxes) and
the cases the lessons link to, with each case's own questions for discussion.
"""

from __future__ import annotations

import posixpath
import re
from html import escape

from site_build.generate.agenda import agenda, clock
from site_build.generate.track_pages import (
    TrackLesson,
    copy_html,
    lesson_prefix,
    track_lessons,
    track_of,
)
from site_build.model import FrontMatter, Heading, Page, Site, Vocabularies
from site_build.site.slug import slugify
from site_build.site.urls import relative_url

__all__ = ["Facilitator", "elements", "section_after"]

_TEXTS: dict[str, tuple[str, str]] = {
    "agenda": ("Agenda", "Agenda"),
    "notes": ("Notater til kurslederen", "Notat til kursleiaren"),
    "discussion": ("Spørsmål til drøfting", "Spørsmål til drøfting"),
    "cases": ("Caser", "Case"),
    "time": ("Tid", "Tid"),
    "content": ("Innhold", "Innhald"),
    "minutes": ("Minutter", "Minutt"),
    "lesson": ("Leksjon", "Leksjon"),
    "break": ("Pause", "Pause"),
    "lunch": ("Lunsj", "Lunsj"),
    "estimated": ("anslått", "anslått"),
    "no_notes": ("Leksjonene har ingen notater til kurslederen.",
                 "Leksjonane har ingen notat til kursleiaren."),
    "no_questions": ("Leksjonene har ingen refleksjonsoppgaver.",
                     "Leksjonane har ingen refleksjonsoppgåver."),
    "no_cases": ("Leksjonene lenker ikke til noen caser.",
                 "Leksjonane lenkjer ikkje til nokon case."),
    "used_in": ("Brukt i", "Brukt i"),
    "choice": ("Dagen starter 09.00. Etter 90 minutter kommer en pause på 15 minutter, og den "
               "første pausen etter 11.30 er en lunsj på 30 minutter. Tilpass tidene til "
               "gruppen.",
               "Dagen startar 09.00. Etter 90 minutt kjem ei pause på 15 minutt, og den "
               "første pausa etter 11.30 er ein lunsj på 30 minutt. Tilpass tidene til "
               "gruppa."),
}
_PARTS = ("agenda", "notes", "discussion", "cases")
_CASE_QUESTIONS = slugify("Spørsmål til drøfting")  # the cases' own section


def _t(key: str, lang: str) -> str:
    nb, nn = _TEXTS[key]
    return nn if lang == "nn" else nb


def elements(html: str, css_class: str) -> list[str]:
    """Every ``<div>`` or ``<details>`` with ``css_class`` in ``html``, nested content included."""
    found = []
    for m in re.finditer(rf'<(div|details) class="[^"]*\b{re.escape(css_class)}\b[^"]*"', html):
        tag = m.group(1)
        depth, pos = 0, m.start()
        for t in re.finditer(rf"<(/?){tag}\b[^>]*>", html[m.start():]):
            depth += -1 if t.group(1) else 1
            if depth == 0:
                pos = m.start() + t.end()
                break
        if pos > m.start():
            found.append(html[m.start():pos])
    return found


def section_after(html: str, anchor: str) -> str:
    """The ``<h2>`` with id ``anchor`` and what follows it up to the next ``<h2>`` ("" if none)."""
    start = html.find(f'<h2 id="{anchor}"')
    if start < 0:
        return ""
    end = html.find("<h2", start + 3)
    return html[start:end if end >= 0 else len(html)]


def _in_lang(html: str, source: Page, page: Page) -> str:
    """``html`` from ``source`` marked with its language where it differs from ``page``'s."""
    if not html or source.front.lang == page.front.lang:
        return html
    return f'<div lang="{escape(source.front.lang)}">\n{html}</div>\n'


def _agenda_html(lessons: list[TrackLesson], page: Page) -> str:
    lang = page.front.lang
    rows = []
    for slot in agenda([tl.page.front.duration for tl in lessons]):
        when = f"{clock(slot.start)}–{clock(slot.end)}"
        if slot.lesson is None:
            what = escape(_t("lunch" if slot.lunch else "break", lang))
        else:
            tl = lessons[slot.lesson]
            href = escape(relative_url(page.url, tl.page.url))
            what = (f'{escape(_t("lesson", lang))} {tl.number}: '
                    f'<a href="{href}">{escape(tl.title)}</a>')
        minutes = f"{slot.minutes} ({escape(_t('estimated', lang))})" if slot.estimated \
            else str(slot.minutes)
        rows.append(f"<tr><td>{when}</td><td>{what}</td><td>{minutes}</td></tr>")
    head = "".join(f'<th scope="col">{escape(_t(k, lang))}</th>'
                   for k in ("time", "content", "minutes"))
    return (f'<p>{escape(_t("choice", lang))}</p>\n<table class="bb-agenda">\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table>\n")


def _per_lesson(lessons: list[TrackLesson], page: Page, site: Site, what: str) -> str:
    """Each lesson's notes (``what`` = notes) or reflection boxes, under the lesson's title."""
    parts = []
    for tl in lessons:
        source = tl.page.facilitator_html if what == "notes" else \
            "\n".join(elements(tl.page.body_html, "refleksjon"))
        if not source:
            continue
        prefix = f"{what}-{lesson_prefix(tl.number)}"
        copied = copy_html(source, tl.page, page, site, prefix=prefix, on_page={})
        title = f'{_t("lesson", page.front.lang)} {tl.number}: {tl.title}'
        parts.append(f'<h3 id="{prefix}">{escape(title)}</h3>\n'
                     + _in_lang(copied, tl.page, page))
    empty = "no_notes" if what == "notes" else "no_questions"
    return "\n".join(parts) or f"<p>{escape(_t(empty, page.front.lang))}</p>\n"


def _cases(lessons: list[TrackLesson], site: Site) -> dict[str, list[TrackLesson]]:
    """The case pages the lessons are or link to, each with the lessons that use it."""
    cases: dict[str, list[TrackLesson]] = {}
    for tl in lessons:
        if tl.page.front.type == "case":
            cases.setdefault(tl.page.src_path, []).append(tl)
        for link in tl.page.links:
            path = link.target.partition("#")[0]
            if not path or link.image or ":" in path:
                continue
            src = posixpath.normpath(posixpath.join(posixpath.dirname(tl.page.src_path), path))
            dest = site.page(src)
            if dest is not None and dest.front.type == "case":
                users = cases.setdefault(src, [])
                if tl not in users:
                    users.append(tl)
    return cases


def _cases_html(lessons: list[TrackLesson], page: Page, site: Site) -> str:
    lang = page.front.lang
    parts = []
    for number, (src, users) in enumerate(_cases(lessons, site).items(), 1):
        case = site.by_src[src]
        prefix = f"case-{number}"
        href = escape(relative_url(page.url, case.url))
        used = ", ".join(f"{_t('lesson', lang).lower()} {tl.number}" for tl in users)
        questions = section_after(case.body_html, _CASE_QUESTIONS)
        questions = re.sub(r"<(/?)h2", r"<\1h4", questions)
        block = (f'<h3 id="{prefix}"><a href="{href}">{escape(case.front.title)}</a></h3>\n'
                 f"<p>{escape(case.front.description)}</p>\n"
                 + copy_html(questions, case, page, site, prefix=prefix, on_page={}))
        parts.append(_in_lang(block, case, page)
                     + f"<p><em>{escape(_t('used_in', lang))} {escape(used)}.</em></p>\n")
    return "\n".join(parts) or f"<p>{escape(_t('no_cases', lang))}</p>\n"


class Facilitator:
    """Agenda, facilitator notes, discussion questions and cases of the page's track."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """The four parts' headings (each lesson's title under them is known only later)."""
        return tuple(Heading(2, _t(k, front.lang), slugify(_t(k, front.lang)), line)
                     for k in _PARTS)

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """None beyond the headings."""
        return frozenset()

    def html(self, page: Page, site: Site) -> str:
        """The four parts in order ("" if the track is unknown: the checks report it)."""
        course = track_of(page, site)
        if course is None:
            return ""
        lessons = track_lessons(course, site)
        bodies = {"agenda": _agenda_html(lessons, page),
                  "notes": _per_lesson(lessons, page, site, "notes"),
                  "discussion": _per_lesson(lessons, page, site, "discussion"),
                  "cases": _cases_html(lessons, page, site)}
        out = ['<div class="bb-facilitator">']
        for key in _PARTS:
            title = _t(key, page.front.lang)
            out.append(f'<section class="bb-facilitator__{key}">\n'
                       f'<h2 id="{escape(slugify(title))}">{escape(title)}</h2>\n'
                       f"{bodies[key]}</section>")
        out.append("</div>\n")
        return "\n".join(out)
