"""Progress in the reader's browser (bb-progress.js): lessons done, notes, checklists,
export/import/reset and the certificate, in Chromium.

Every test starts with empty storage (a fresh browser context). Storage must stay empty until
the reader acts.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page
from sitecheck import SiteServer
from test_browser_axe import run_axe

pytestmark = pytest.mark.browser

KEY = "bb-progress-v1"
TRACK = "arbeid-og-psykisk-helse"
TRACK_TITLE = "Arbeid og psykisk helse på arbeidsplassen"
FIRST = f"/kurs/{TRACK}/01-hvorfor/"
CERTIFICATE = f"/kurs/{TRACK}/kursbevis/"
CHECKLIST = "/individuell-plan/sjekkliste/"
REFLECTION = "/moduler/ips/"
STATUS = "div.bb-sr-only[role=status]"


def _open(page: Page, server: SiteServer, path: str, *, scripts: bool = True) -> Page:
    response = page.goto(server.url(path), wait_until="load")
    assert response is not None and response.status == 200, path
    if scripts:  # let the scripts' first pass finish (no frames come without JavaScript)
        page.evaluate("() => new Promise((r) => requestAnimationFrame(() => "
                      "requestAnimationFrame(r)))")
    return page


def _stored(page: Page) -> dict[str, Any] | None:
    raw = page.evaluate(f"() => localStorage.getItem({KEY!r})")
    return json.loads(raw) if raw else None


def _said(page: Page, pattern: str) -> str:
    """Wait until the status region says something matching ``pattern``; return it."""
    page.wait_for_function("([s, p]) => new RegExp(p).test(document.querySelector(s).textContent)",
                           arg=[STATUS, pattern])
    return page.inner_text(STATUS)


def _lessons(page: Page) -> list[str]:
    """The track's lesson URLs, from the course data a lesson page embeds."""
    urls: list[str] = page.evaluate(
        """(id) => JSON.parse(document.getElementById("bb-course-data").textContent)
              .tracks.find((t) => t.id === id).lessons.map((l) => l.url)""", TRACK)
    return urls


def _tab_to(page: Page, selector: str, limit: int = 600) -> None:
    """Press Tab until the focused element matches ``selector`` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)",
                         selector):
            return
    pytest.fail(f"{selector} never took the focus in {limit} Tab presses on {page.url}")


def _mark_done_by_keyboard(page: Page) -> None:
    button = f'nav.bb-track[data-track="{TRACK}"] button.bb-done'
    _tab_to(page, button)
    page.keyboard.press("Enter")
    page.wait_for_function("(s) => document.querySelector(s).getAttribute('aria-pressed') === 'true'",
                           arg=button)


def _complete_track(page: Page, server: SiteServer) -> list[str]:
    _open(page, server, FIRST)
    lessons = _lessons(page)
    for number, _ in enumerate(lessons, 1):
        _mark_done_by_keyboard(page)
        _said(page, "fullført")
        if number < len(lessons):
            _tab_to(page, f'nav.bb-track[data-track="{TRACK}"] a[rel="next"]')
            with page.expect_navigation():
                page.keyboard.press("Enter")
            page.wait_for_selector("button.bb-done")
    return lessons


def test_reading_never_writes(new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = new_page()
    for path in ("/kurs/", f"/kurs/{TRACK}/", FIRST, CERTIFICATE, CHECKLIST, REFLECTION):
        _open(page, site_server, path)
        assert page.evaluate("() => localStorage.length") == 0, f"{path} wrote to storage"
    assert page.locator(".refleksjon textarea").count() > 0


def test_complete_a_track_by_keyboard_and_print_the_certificate(
        new_page: Callable[..., Page], site_server: SiteServer, tmp_path: Path) -> None:
    page = new_page()
    lessons = _complete_track(page, site_server)
    assert _said(page, "alle leksjonene").endswith(f"«{TRACK_TITLE}».")
    page.reload()
    page.wait_for_selector("button.bb-done[aria-pressed=true]")
    assert page.locator(f'nav.bb-track[data-track="{TRACK}"] .bb-mark').count() == len(lessons)
    assert set((_stored(page) or {})["done"]) == set(lessons)

    _open(page, site_server, CERTIFICATE)
    assert page.locator(".bb-cert").is_visible()
    assert not page.locator(".bb-cert-pending").is_visible()
    page.fill("#bb-cert-name-input", "Kari Nordmann")
    page.reload()
    assert page.input_value("#bb-cert-name-input") == "Kari Nordmann"
    assert page.locator(".bb-cert-date").get_attribute("datetime")

    page.emulate_media(media="print")
    assert page.locator(".bb-cert-track").is_visible()
    assert not page.locator("article h1").is_visible()
    pdf = tmp_path / "kursbevis.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    assert TRACK_TITLE in flat and "Kari Nordmann" in flat and "ikke et autentisert" in flat
    assert "Leksjoner som gjenstår" not in flat
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), f"the certificate is not one sheet:\n{info}"


def test_certificate_is_explained_until_every_lesson_is_done(
        new_page: Callable[..., Page], site_server: SiteServer, tmp_path: Path) -> None:
    page = _open(new_page(), site_server, CERTIFICATE)
    assert not page.locator(".bb-cert").is_visible()
    assert page.locator(".bb-cert-lessons li:visible").count() == 7
    _open(page, site_server, FIRST)
    _mark_done_by_keyboard(page)
    _open(page, site_server, CERTIFICATE)
    assert not page.locator(".bb-cert").is_visible()
    assert page.locator(".bb-cert-lessons li:visible").count() == 6
    page.emulate_media(media="print")
    pdf = tmp_path / "ikke-ferdig.pdf"
    page.pdf(path=str(pdf))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Leksjoner som gjenstår" in text and "ikke et autentisert" not in text

    nojs = _open(new_page(java_script_enabled=False), site_server, CERTIFICATE, scripts=False)
    assert not nojs.locator(".bb-cert").is_visible()
    assert nojs.locator(".bb-cert-nojs").is_visible()
    assert nojs.locator(".bb-cert-lessons li").count() == 7


def test_a_passed_self_check_marks_the_lesson_done(new_page: Callable[..., Page],
                                                   site_server: SiteServer) -> None:
    page = _open(new_page(), site_server, FIRST)
    fire = """(passed) => document.dispatchEvent(new CustomEvent("bb:quiz",
                {detail: {id: "q", score: passed ? 3 : 1, max: 3, passed}}))"""
    page.evaluate(fire, False)
    assert _stored(page) is None
    page.evaluate(fire, True)
    page.wait_for_selector("button.bb-done[aria-pressed=true]")
    assert FIRST.strip("/") + "/" in (_stored(page) or {})["done"]


def test_export_reset_and_import(new_page: Callable[..., Page], site_server: SiteServer,
                                 tmp_path: Path) -> None:
    page = _open(new_page(), site_server, FIRST)
    _mark_done_by_keyboard(page)
    _open(page, site_server, REFLECTION)
    page.fill(".refleksjon textarea", "Mitt notat")
    _open(page, site_server, CERTIFICATE)
    before = _stored(page)

    with page.expect_download() as info:
        page.get_by_role("button", name="Last ned fremdriften som fil").click()
    exported = tmp_path / "fremdrift.json"
    info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["done"] == (before or {})["done"]
    assert "Mitt notat" in data["notes"].values()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Slett all fremdrift").click()
    assert (_stored(page) or {})["done"] == {}
    _said(page, "slettet")

    page.set_input_files("#bb-progress-file", files=[
        {"name": "feil.json", "mimeType": "application/json", "buffer": b'{"v": 99}'}])
    _said(page, "kunne ikke leses")
    assert (_stored(page) or {})["done"] == {}

    page.set_input_files("#bb-progress-file", str(exported))
    _said(page, "lagt til")
    after = _stored(page) or {}
    assert after["done"] == (before or {})["done"] and after["notes"] == (before or {})["notes"]


def test_reflection_note_is_kept_and_printed(new_page: Callable[..., Page],
                                             site_server: SiteServer) -> None:
    page = _open(new_page(), site_server, REFLECTION)
    area = page.locator(".refleksjon textarea").first
    assert area.evaluate("(a) => a.labels.length") == 1
    area.press_sequentially("Vi kan snakke med NAV.")
    page.reload()
    assert page.locator(".refleksjon textarea").first.input_value() == "Vi kan snakke med NAV."
    page.emulate_media(media="print")
    assert page.locator(".bb-note__print").first.inner_text() == "Vi kan snakke med NAV."
    nojs = _open(new_page(java_script_enabled=False), site_server, REFLECTION, scripts=False)
    assert nojs.locator(".refleksjon").count() > 0 and nojs.locator("textarea").count() == 0


def test_checklist_ticks_are_kept(new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page(), site_server, CHECKLIST)
    boxes = page.locator("input.task-list-item-checkbox")
    _tab_to(page, "input.task-list-item-checkbox")
    page.keyboard.press("Space")
    boxes.nth(2).check()
    page.reload()
    assert boxes.nth(0).is_checked() and boxes.nth(2).is_checked()
    assert not boxes.nth(1).is_checked()
    page.emulate_media(media="print")
    assert boxes.nth(0).is_visible() and boxes.nth(0).is_checked()
    other = _open(new_page(), site_server, "/redaktor/dialekt/")
    assert other.locator("input.task-list-item-checkbox:not([disabled])").count() == 0


@pytest.mark.parametrize("path", [CERTIFICATE, CHECKLIST])
def test_axe_on_progress_pages(new_page: Callable[..., Page], site_server: SiteServer,
                               path: str) -> None:
    page = _open(new_page(), site_server, path)
    if path == CHECKLIST:
        page.locator("input.task-list-item-checkbox").first.check()
    assert run_axe(page) == []
    if path == CERTIFICATE:
        _complete_track(page, site_server)
        _open(page, site_server, CERTIFICATE)
        assert page.locator(".bb-cert").is_visible()
        assert run_axe(page) == []


def test_progress_on_track_page_and_catalogue(new_page: Callable[..., Page],
                                              site_server: SiteServer) -> None:
    page = _open(new_page(), site_server, FIRST)
    _mark_done_by_keyboard(page)
    for path in (f"/kurs/{TRACK}/", "/kurs/"):
        _open(page, site_server, path)
        box = page.locator(f'.bb-progress[data-track="{TRACK}"]')
        assert box.is_visible(), path
        assert "1 av 7 leksjoner fullført" in box.inner_text()
        assert box.locator("progress").get_attribute("value") == "1"
        assert "Fortsett der du slapp" in box.inner_text()
    _open(page, site_server, f"/kurs/{TRACK}/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f'.bb-progress[data-track="{TRACK}"] .bb-progress__reset').click()
    assert "0 av 7" in page.locator(f'.bb-progress[data-track="{TRACK}"]').inner_text()
    assert (_stored(page) or {})["done"] == {}


def test_pdf_tools_exist() -> None:
    assert shutil.which("pdftotext") and shutil.which("pdfinfo")
