"""What the page frame around a page shows, decided by the core and handed to the host.

Hubs (the front page, the entry pages, every folder's ``index.md``) list their pages and get no
previous/next footer; other pages link their neighbours only within their own folder, so the
footer never leads out of a course, a module series or a guide into another section. The front
page is "Forside" in the sidebar (its title is the site's name, shown above the sidebar
already). Pages with review dates show them to the reader, and say so when review is overdue.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Collection
from html import escape

from site_build.i18n import long_date
from site_build.model import Lang, Page, Site, SiteConfig
from site_build.site.nav import Navigation

__all__ = ["FOOTER_PAGES", "FRONT_PAGE", "footer_links", "frame_text", "is_hub", "nav_label",
           "neighbours", "review_html", "site_value_html"]

FRONT_PAGE = "index.md"
FOOTER_PAGES = ("om.md", "tilgjengelighet.md", "kilder.md", "redaktor/index.md")
"""The pages every page's footer links to, when the site has them: the about page, the
accessibility statement (a legal duty for a Norwegian public service), the sources and the
editors' guide."""

# The frame's strings (bokmål, nynorsk).
_TEXTS: dict[str, tuple[str, str]] = {
    "front_page": ("Forside", "Framside"),
    "reviewed": ("Sist faglig vurdert", "Sist fagleg vurdert"),
    "review_by": ("Neste revisjon", "Neste revisjon"),
    "review_dates": ("Faglig vurdering", "Fagleg vurdering"),
    "overdue_title": ("Siden skulle vært gjennomgått", "Sida skulle vore gjennomgått"),
    "overdue": ("Denne siden skulle vært gjennomgått {date}. Den er ikke kontrollert mot "
                "kildene siden da, så noe kan være utdatert.",
                "Denne sida skulle vore gjennomgått {date}. Ho er ikkje kontrollert mot "
                "kjeldene sidan då, så noko kan vere utdatert."),
}


def frame_text(key: str, lang: str) -> str:
    """The frame's string ``key`` in ``lang`` (``nn`` for nynorsk, anything else bokmål)."""
    nb, nn = _TEXTS[key]
    return nn if lang == "nn" else nb


def is_hub(page: Page) -> bool:
    """True for a page that lists other pages: the front page and every folder's index."""
    return posixpath.basename(page.src_path) == FRONT_PAGE


def neighbours(page: Page, nav: Navigation,
               lessons: Collection[str] = frozenset()) -> tuple[Page | None, Page | None]:
    """The previous and next page the footer links to: none on hubs, on pages at the top
    level (about, sources, glossary stand alone) and on ``lessons`` (pages of a course track:
    their track navigation links previous/next within the track), else the reading order's
    neighbours when they are in the same folder and are not hubs themselves."""
    folder = posixpath.dirname(page.src_path)
    if is_hub(page) or not folder or page.src_path in lessons:
        return None, None

    def same_series(other: Page | None) -> Page | None:
        ok = other is not None and not is_hub(other) and posixpath.dirname(other.src_path) == folder
        return other if ok else None

    return (same_series(nav.previous_page(page.src_path)),
            same_series(nav.next_page(page.src_path)))


def footer_links(site: Site) -> tuple[tuple[str, str], ...]:
    """``(title, URL from the site root)`` of each of ``FOOTER_PAGES`` the site has."""
    found = (site.page(src) for src in FOOTER_PAGES)
    return tuple((p.front.title, p.url) for p in found if p is not None)


def nav_label(page: Page, site_lang: Lang) -> str | None:
    """The page's name in the sidebar when it differs from its title (the front page's)."""
    return frame_text("front_page", site_lang) if page.src_path == FRONT_PAGE else None


def _time(date: dt.date) -> str:
    return f'<time datetime="{date.isoformat()}">{escape(long_date(date))}</time>'


def review_html(page: Page, today: dt.date) -> str:
    """The review dates under the page's H1, and a notice when ``review_by`` has passed.

    Nothing for a page without dates. The notice uses the warning admonition's look, so it
    reads as one to every reader (the editors' terminal gets its own notice from the checks).
    """
    front, lang = page.front, page.front.lang
    parts = [f"{escape(frame_text(key, lang))}: {_time(date)}"
             for key, date in (("reviewed", front.reviewed), ("review_by", front.review_by))
             if date is not None]
    if not parts:
        return ""
    label = escape(frame_text("review_dates", lang))
    html = (f'<p class="bb-review" role="note" aria-label="{label}">'
            + '<span class="bb-review__sep" aria-hidden="true"> · </span>'.join(
                f'<span class="bb-review__date">{p}</span>' for p in parts) + "</p>\n")
    if front.review_by is not None and front.review_by < today:
        message = escape(frame_text("overdue", lang)).replace("{date}", _time(front.review_by))
        html += (f'<div class="admonition warning bb-review--overdue" role="note">\n'
                 f'<p class="admonition-title">{escape(frame_text("overdue_title", lang))}</p>\n'
                 f"<p>{message}</p>\n</div>\n")
    return html


def site_value_html(name: str, text_only: bool, config: SiteConfig) -> str:
    """The HTML of site value ``name`` (``{{ kontakt }}``, ``{{ eier }}``), escaped.

    ``text_only`` inside a link's text. The address and web address were checked by the config
    schema (an email address, an http(s) or site path), and every part is escaped here.
    """
    if name == "kontakt":
        email = config.contact.email if config.contact else ""
        shown = escape(email)
        return shown if text_only or not email else f'<a href="mailto:{shown}">{shown}</a>'
    owner = config.owner
    shown = escape(owner.name if owner else config.site_name)
    if text_only or owner is None or not owner.url:
        return shown
    return f'<a href="{escape(owner.url)}">{shown}</a>'
