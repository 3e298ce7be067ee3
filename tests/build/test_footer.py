"""On a real build, every page's footer (previous/next) follows the sidebar's reading order."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from site_build.content.load import load_site
from site_build.model import Page
from site_build.site.nav import build_navigation
from tests.conftest import REPO


def footer_link(html: str, direction: str) -> str | None:
    """The href of Material's footer link in ``direction`` (``prev`` or ``next``), if any."""
    found = re.search(r'<a href="([^"]*)" class="[^"]*\bmd-footer__link--' + direction + r'\b',
                      html)
    return found.group(1) if found else None


def site_path(page: Page, href: str | None) -> str | None:
    """A footer href of ``page`` as a URL relative to the site root ("" for the front page)."""
    if href is None:
        return None
    joined = posixpath.normpath(posixpath.join(page.url or ".", href))
    return "" if joined == "." else joined.rstrip("/") + "/"


def test_footer_follows_the_sidebar_order(real_site: Path) -> None:
    site = load_site(REPO, jobs=1).site
    nav = build_navigation(site.pages)
    # News items are the news host's, listed by date, and not in the sidebar's reading order.
    assert len(nav.reading_order) == len([p for p in site.pages if p.front.type != "news"]) > 10
    wrong = []
    for page in nav.reading_order:
        html = (real_site / page.url / "index.html").read_text(encoding="utf-8")
        before, after = nav.previous_page(page.src_path), nav.next_page(page.src_path)
        got = (site_path(page, footer_link(html, "prev")), site_path(page, footer_link(html, "next")))
        want = (before.url if before else None, after.url if after else None)
        if got != want:
            wrong.append(f"{page.src_path}: footer {got}, sidebar {want}")
    assert not wrong, "\n".join(wrong)
    assert nav.reading_order[0].src_path == "index.md"
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert footer_link(home, "prev") is None and footer_link(home, "next") is not None
