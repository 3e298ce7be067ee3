"""On the real portal, every page's previous/next footer is the core's: none on hubs, and only
within the page's own folder (a course's lessons never lead into another course)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from site_build.content.load import load_site
from site_build.model import Page
from site_build.render.frame import is_hub, neighbours
from site_build.render.track import lesson_pages
from site_build.site.nav import build_navigation
from tests.conftest import REPO


def footer_link(html: str, direction: str) -> str | None:
    """The href of the footer link in ``direction`` (``prev`` or ``next``), if any."""
    found = re.search(r'<a href="([^"]*)" class="[^"]*\bmd-footer__link--' + direction + r'\b',
                      html)
    return found.group(1) if found else None


def site_path(page: Page, href: str | None) -> str | None:
    """A footer href of ``page`` as a URL relative to the site root ("" for the front page)."""
    if href is None:
        return None
    joined = posixpath.normpath(posixpath.join(page.url or ".", href))
    return "" if joined == "." else joined.rstrip("/") + "/"


def test_the_footer_follows_the_core_and_stays_in_its_folder(real_site: Path) -> None:
    site = load_site(REPO, jobs=1).site
    nav = build_navigation(site.pages)
    lessons = lesson_pages(site)  # the track navigation replaces the footer on lessons
    wrong = []
    linked = 0
    for page in nav.reading_order:
        html = (real_site / page.url / "index.html").read_text(encoding="utf-8")
        got = (site_path(page, footer_link(html, "prev")), site_path(page, footer_link(html, "next")))
        want = tuple(p.url if p else None for p in neighbours(page, nav, lessons))
        if got != want:
            wrong.append(f"{page.src_path}: footer {got}, core {want}")
        folder = posixpath.dirname(page.url.rstrip("/"))
        for url in filter(None, got):
            linked += 1
            if posixpath.dirname(url.rstrip("/")) != folder:
                wrong.append(f"{page.src_path}: footer leads out of its folder to {url}")
    assert not wrong, "\n".join(wrong)
    assert linked > 20  # the series (lessons, modules, guides, cases) still link their pages
    for hub in ("", "arbeidsgiver/", "fagfolk/", "kurs/", "kurs/arbeid-og-psykisk-helse/"):
        html = (real_site / hub / "index.html").read_text(encoding="utf-8")
        assert footer_link(html, "prev") is None and footer_link(html, "next") is None, hub
    assert all(is_hub(p) for p in site.pages if p.url in ("", "arbeidsgiver/", "fagfolk/"))


def test_news_is_listed_newest_first_wherever_it_is_listed(real_site: Path) -> None:
    lists = [real_site / "index.html", *sorted((real_site / "aktuelt").rglob("index.html"))]
    checked = 0
    for file in lists:
        dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)"', file.read_text(encoding="utf-8"))
        if len(dates) > 1 and "/20" not in file.as_posix().removeprefix(real_site.as_posix()):
            checked += 1
            assert dates == sorted(dates, reverse=True), file.relative_to(real_site)
    assert checked >= 3  # the front page, the news list, the archive
