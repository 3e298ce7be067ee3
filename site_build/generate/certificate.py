"""The certificate page (``generated: certificate`` with ``track: <id>``).

The core writes both states of the page: the lessons that remain (all of them, as far as the
server knows) and the certificate itself, hidden. Progress lives only in the reader's browser,
so ``bb-progress.js`` decides which to show: the certificate once every lesson is done, else
the lessons still to do. Without JavaScript the reader sees the lessons and why no
certificate appears; a certificate is never shown for a track that is not complete.
"""

from __future__ import annotations

from html import escape

from site_build.generate.course_data import track_minutes
from site_build.generate.track_pages import track_lessons, track_of
from site_build.i18n import duration_text, text
from site_build.model import Course, FrontMatter, Heading, Page, Site, Vocabularies
from site_build.site.urls import relative_url

__all__ = ["Certificate"]


def _lessons(course: Course, site: Site) -> list[tuple[Page, str]]:
    """The track's lesson pages with their titles in the track (missing pages left out)."""
    return [(lesson.page, lesson.title) for lesson in track_lessons(course, site)]


def _remaining(page: Page, lessons: list[tuple[Page, str]], lang: str) -> str:
    items = "".join(
        f'<li data-url="{escape(lesson.url, quote=True)}">'
        f'<a href="{escape(relative_url(page.url, lesson.url), quote=True)}">'
        f"{escape(title)}</a></li>"
        for lesson, title in lessons)
    return (f'<p class="bb-cert-remaining">{escape(text("cert_remaining", lang))}</p>\n'
            f'<ol class="bb-cert-lessons">{items}</ol>\n')


def _certificate(course: Course, site: Site, lang: str) -> str:
    lessons = _lessons(course, site)
    scope = (f"{escape(duration_text(track_minutes(site, course), lang))} "
             f"({len(lessons)} {escape(text('cert_lessons', lang))})")
    goals = "".join(f"<li>{escape(goal)}</li>" for goal in course.objectives)
    objectives = (f'<p class="bb-cert-label">{escape(text("cert_objectives", lang))}</p>\n'
                  f"<ul>{goals}</ul>\n") if goals else ""
    track_lang = f' lang="{escape(course.lang)}"' if course.lang != lang else ""
    return (
        '<section class="bb-cert" hidden aria-labelledby="bb-cert-kind">\n'
        f'<p class="bb-cert-kind" id="bb-cert-kind">{escape(text("cert_kind", lang))}</p>\n'
        '<p class="bb-cert-name"><label for="bb-cert-name-input">'
        f'{escape(text("cert_name", lang))}</label>\n'
        '<input type="text" id="bb-cert-name-input" autocomplete="name" maxlength="120">\n'
        '<span class="bb-cert-name-print" aria-hidden="true"></span></p>\n'
        f'<p class="bb-cert-completed">{escape(text("cert_completed", lang))}</p>\n'
        f'<p class="bb-cert-track"{track_lang}>{escape(course.title)}</p>\n'
        f'<dl class="bb-cert-facts"><dt>{escape(text("cert_scope", lang))}</dt><dd>{scope}</dd>\n'
        f'<dt>{escape(text("cert_date", lang))}</dt><dd><span class="bb-cert-date"></span></dd>'
        "</dl>\n"
        f"{objectives}"
        f'<p class="bb-cert-receipt">{escape(text("cert_receipt", lang))}</p>\n'
        '<p class="bb-cert-actions"><button type="button" class="md-button bb-cert-print">'
        f'{escape(text("cert_print", lang))}</button></p>\n'
        "</section>\n")


class Certificate:
    """A track's completion receipt, shown by the reader's own browser once every lesson is
    done; until then (and without JavaScript) the lessons that remain."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """None: the page's own title heads it, and only one of its two states is shown."""
        return ()

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """None beyond the page's own."""
        return frozenset()

    def html(self, page: Page, site: Site) -> str:
        """The lessons that remain (shown) and the certificate (hidden until all are done)."""
        course = track_of(page, site)
        if course is None:  # an unknown track is the course checks' diagnostic
            return ""
        lang = page.front.lang
        title = escape(course.title)
        pending = escape(text("cert_pending", lang)).replace("{track}", title)
        return (
            f'<div class="bb-certificate" data-track="{escape(course.id, quote=True)}">\n'
            '<div class="bb-cert-pending">\n'
            f'<p class="bb-cert-why">{pending}</p>\n'
            f'<p class="bb-cert-nojs">{escape(text("cert_nojs", lang))}</p>\n'
            f"{_remaining(page, _lessons(course, site), lang)}"
            "</div>\n"
            f"{_certificate(course, site, lang)}"
            "</div>\n")
