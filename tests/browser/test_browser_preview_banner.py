"""The preview's error banner in Chromium: break a page under ``brobygger serve``, see the
problem on the page (announced, escaped, reachable by keyboard, axe-clean in light and dark),
fix it, see the banner go, all through MkDocs' live reload."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_browser_axe import run_axe

from tests.build.test_serve import start_serve, wait_for
from tests.conftest import FIXTURE_SITE

pytestmark = pytest.mark.browser

BANNER = ".bb-preview-errors"
RELOAD_MS = 120_000
"""How long a rebuild may take on a busy machine (the dev server holds requests meanwhile)."""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """``brobygger serve`` on a fresh copy of the fixture site: the project and its URL."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE_SITE, project)
    proc, port = start_serve(project)
    origin = f"http://127.0.0.1:{port}"
    try:
        wait_for(origin + "/ip/", "Planen er for den som trenger det")
        yield project, origin
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _violations(page: Page) -> set[str]:
    return {f"{v['id']}: {v['help']} -> {node['target']}"
            for v in run_axe(page) for node in v["nodes"]}


def test_banner_appears_on_a_broken_page_and_goes_when_it_is_fixed(
        served: tuple[Path, str], new_page: Callable[..., Page]) -> None:
    project, origin = served
    page = new_page()
    page.set_default_navigation_timeout(RELOAD_MS)
    page.goto(origin + "/ip/")
    expect(page.locator(BANNER)).to_have_count(0)
    target = project / "content" / "ip" / "index.md"
    _edit(target, "audience: [nav, helse]", "audience: [nav, <b>helse</b>]")

    # Live reload brings the banner to the page the editor is looking at; the page itself
    # stays reachable (the last good version), not a 404.
    banner = page.locator(BANNER)
    expect(banner).to_be_visible(timeout=RELOAD_MS)
    expect(page.locator("article h1")).to_have_text("Individuell plan")
    assert banner.get_attribute("role") == "alert"
    heading = page.get_by_role("heading", name="Feil i innholdet (1)")
    expect(heading).to_be_visible()
    item = banner.locator("li")
    expect(item).to_have_count(1)
    # Shown as text, never as markup.
    expect(item).to_have_text(
        "content/ip/index.md:5: audience[1]: '<b>helse</b>' is not a known audience")
    expect(banner.locator("b")).to_have_count(0)

    # The first Tab reaches the problems; the heading is a target for moving focus.
    page.keyboard.press("Tab")
    assert page.evaluate(f"!!document.activeElement.closest('{BANNER}')")
    heading.focus()
    expect(heading).to_be_focused()

    _edit(target, "audience: [nav, <b>helse</b>]", "audience: [nav, helse]")
    expect(banner).to_have_count(0, timeout=RELOAD_MS)
    expect(page.locator("article h1")).to_have_text("Individuell plan")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_with_the_banner_passes_axe(served: tuple[Path, str],
                                         new_page: Callable[..., Page], scheme: str) -> None:
    """WCAG 2.1 A/AA: the banner adds no violation (the fixture site's own look is not
    this test's subject, so the page without the banner is the baseline)."""
    project, origin = served
    page = new_page(color_scheme=scheme)
    page.set_default_navigation_timeout(RELOAD_MS)

    def load() -> None:
        page.goto(origin + "/ip/")
        if scheme == "dark":  # what Material sets when the palette follows a dark system
            page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")

    load()
    baseline = _violations(page)
    # This page's live reload would race the next goto ("interrupted by another navigation");
    # the page with the banner is opened fresh once the rebuild has it.
    page.close()
    page = new_page(color_scheme=scheme)
    page.set_default_navigation_timeout(RELOAD_MS)
    _edit(project / "content" / "ip" / "koordinator.md", "title: Koordinatoren",
          "title: [Koordinatoren")
    (project / "content" / "lenke.md").write_text(
        "---\ntitle: Lenke\ndescription: En lenke.\naudience: [nav]\ntopics: [arbeid]\n"
        "sources: []\n---\n\nSe [borte](borte.md).\n", encoding="utf-8")
    # The rebuild that sees the new page has seen the earlier edit too.
    wait_for(origin + "/ip/", "content/lenke.md:", RELOAD_MS / 1000)
    load()
    expect(page.locator(f"{BANNER} li")).to_have_count(2, timeout=RELOAD_MS)
    assert _violations(page) - baseline == set()
