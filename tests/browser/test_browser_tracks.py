"""The tracks in Chromium (issue 9, items 2 and 3): the catalogue's audience filter by keyboard
with and without JavaScript, a module shared by three tracks showing the track the reader came
from (and every track to a reader from elsewhere), and axe on the catalogue, a track page and a
lesson."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from sitecheck import SiteServer
from test_browser_axe import run_axe

pytestmark = pytest.mark.browser

CATALOGUE = "/kurs/"
SHARED = "/kurs/kriser-og-stress/03-krise/"
LEIARAR = "/kurs/kriser-og-stress-leiarar/"
ITEMS = ".bb-catalogue__item"


def _open(new_page: Callable[..., Page], server: SiteServer, path: str, **context: Any) -> Page:
    page = new_page(**context)
    page.goto(server.url(path))
    return page


def _filter_by_keyboard(page: Page, presses: int) -> None:
    """Tab to the checked radio ("Alle") and move with the arrow key, as a keyboard user does."""
    page.locator("#bb-cat-f0").focus()
    for _ in range(presses):
        page.keyboard.press("ArrowRight")


def _visible_tracks(page: Page) -> list[str]:
    return [item.get_attribute("data-track") or "" for item in page.locator(ITEMS).all()
            if item.is_visible()]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_catalogue_filters_by_audience_by_keyboard(
        new_page: Callable[..., Page], site_server: SiteServer, javascript: bool) -> None:
    page = _open(new_page, site_server, CATALOGUE, java_script_enabled=javascript)
    total = page.locator(ITEMS).count()
    assert total >= 7 and len(_visible_tracks(page)) == total
    labels = page.locator(".bb-catalogue__filter label").all_inner_texts()
    _filter_by_keyboard(page, labels.index("NAV-ansatte"))
    expect(page.locator("input[value=nav]")).to_be_checked()
    shown = _visible_tracks(page)
    assert "nav-arbeid-og-psykisk-helse" in shown and "unge-utanfor-arbeid-og-skule" in shown
    assert "arbeid-og-psykisk-helse" not in shown and len(shown) < total
    if javascript:
        expect(page.locator(".bb-catalogue__count")).to_have_text(f"Viser {len(shown)} av {total} kurs")
    _filter_by_keyboard(page, 0)  # focus lands on "Alle"; Space selects it again
    page.keyboard.press("Space")
    assert len(_visible_tracks(page)) == total


def _visible_blocks(page: Page) -> list[str]:
    return [nav.get_attribute("data-track") or "" for nav in page.locator("nav.bb-track").all()
            if nav.is_visible()]


def test_a_shared_lesson_shows_the_track_the_reader_came_from(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page, site_server, LEIARAR)
    page.locator(".bb-course__outline a", has_text="Krise på arbeidsplassen").click()
    page.wait_for_url(f"**{SHARED}")
    assert _visible_blocks(page) == ["kriser-og-stress-leiarar"]
    expect(page.locator(".bb-track-all")).to_be_hidden()
    expect(page.locator(".bb-track-where:visible")).to_have_text(
        "Leksjon 3 av 5 – Kriser og stress – for leiarar")
    # Next within the track: 04-leiaren is in two tracks; the reader stays in theirs.
    page.locator('nav.bb-track[data-track="kriser-og-stress-leiarar"] a[rel=next]').click()
    page.wait_for_url("**/04-leiaren/")
    assert _visible_blocks(page) == ["kriser-og-stress-leiarar"]
    # From 01-stress (in all three tracks) the referrer alone cannot tell: the click can.
    page.goto(site_server.url("/kurs/kriser-og-stress-tilsette/"))
    page.locator(".bb-course__outline a").first.click()
    page.locator('nav.bb-track[data-track="kriser-og-stress-tilsette"] a[rel=next]').click()
    page.locator('nav.bb-track[data-track="kriser-og-stress-tilsette"] a[rel=next]').click()
    page.wait_for_url(f"**{SHARED}")
    assert _visible_blocks(page) == ["kriser-og-stress-tilsette"]


def test_a_reader_from_elsewhere_sees_every_track_and_nothing_is_stored_unasked(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page, site_server, SHARED)
    assert len(_visible_blocks(page)) == 3
    expect(page.locator(".bb-track-all")).to_be_visible()
    assert page.evaluate("sessionStorage.length + localStorage.length") == 0
    nojs = _open(new_page, site_server, SHARED, java_script_enabled=False)
    assert len(_visible_blocks(nojs)) == 3
    expect(nojs.locator("text=Leksjon 2 av 5")).to_have_count(2)  # the head and the block


@pytest.mark.parametrize("path", [CATALOGUE, LEIARAR, SHARED,
                                  "/kurs/arbeid-og-psykisk-helse/03-samtalen/"])
def test_no_axe_violations(new_page: Callable[..., Page], site_server: SiteServer,
                           path: str) -> None:
    page = _open(new_page, site_server, path)
    violations = run_axe(page)
    assert not violations, [(v["id"], v["help"], [n["target"] for n in v["nodes"]])
                            for v in violations]
