"""The page frame as a reader's browser exposes it: the footer is the page's one contentinfo
landmark with the owner, the contact and a labelled nav; the tab title; the front page at 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page
from sitecheck import SiteServer

pytestmark = pytest.mark.browser

SITE = "Arbeid og psykisk helse"
PAGES = {
    "/": SITE,
    "/arbeidsgiver/": f"For arbeidsgivere – {SITE}",
    "/individuell-plan/koordinator/": None,  # "<its title> – site"
    "/ips/prinsipp/": None,  # nynorsk
    "/aktuelt/": None,  # the news section's frame
    "/aktuelt/2026-11-16-strategiplanen/": None,  # a news item, two levels down
}


@pytest.mark.parametrize("path", sorted(PAGES))
def test_the_footer_is_the_one_contentinfo_landmark(
        path: str, new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = new_page()
    page.goto(site_server.url(path))
    footer = page.get_by_role("contentinfo")
    assert footer.count() == 1
    email = footer.get_by_role("link", name="redaksjonen@brobygger.example.no")
    assert email.get_attribute("href") == "mailto:redaksjonen@brobygger.example.no"
    about = footer.get_by_role("navigation", name="Om nettstedet")
    if about.count() == 0:
        about = footer.get_by_role("navigation", name="Om nettstaden")
    links = about.get_by_role("link")
    assert links.count() == 4
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href") or ""
        response = page.request.get(page.evaluate("h => new URL(h, location.href).href", href))
        assert response.status == 200, href
    assert "Made with" not in footer.inner_text()


@pytest.mark.parametrize("path", sorted(PAGES))
def test_the_tab_title_is_page_then_site(
        path: str, new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = new_page()
    page.goto(site_server.url(path))
    h1 = page.locator("article h1").first.inner_text().strip()
    expected = PAGES[path] or f"{h1} – {SITE}"
    assert page.title() == expected


def test_the_front_page_fits_a_320_px_screen(new_page: Callable[..., Page],
                                             site_server: SiteServer) -> None:
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(site_server.url("/"))
    overflow = page.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
        .map(e => e.tagName + '.' + e.className)""")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert overflow == [], overflow
