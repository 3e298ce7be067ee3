"""The portal's look in Chromium: both colour schemes, desktop and phone, no text overflow.

Five pages that stand for what a reader meets (front page, an entry page, a lesson, a guidance
page, a news article) are shown at 1280 and 390 px wide in the light and the dark scheme
(``color_scheme`` of the browser context, as the reader's system setting would give it). Each
view is saved as a screenshot under ``tests/browser/artifacts/screenshots/`` (gitignored; CI
keeps the folder as an artefact) and checked for text that sticks out of its box. axe-core's
WCAG 2.1 A/AA rules run on each page in both schemes. The scheme follows the system setting
with no toggle and leaves nothing in the browser's storage; the fonts come from the site.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page
from sitecheck import BROWSER_DIR, SiteServer, Template, open_template
from test_browser_axe import run_axe

pytestmark = pytest.mark.browser

SCREENSHOTS = BROWSER_DIR / "artifacts" / "screenshots"

LOOK_PAGES: tuple[Template, ...] = (
    Template("front", "/"),
    Template("entry", "/arbeidsgiver/"),
    Template("lesson", "/kurs/arbeid-og-psykisk-helse/01-hvorfor/"),
    Template("guidance", "/individuell-plan/koordinator/"),
    Template("article", "/aktuelt/2026-11-22-arbeid-og-helse-2016/"),
)
"""The pages whose look is recorded; a page missing from the build fails (never skipped)."""

SCHEMES = ("light", "dark")
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}

_OVERFLOW_JS = """() => {
  const scroller = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const insideScroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (scroller(p)) return true;
    return false;
  };
  const ownText = (el) => [...el.childNodes].some(
    (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  const spilled = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (style.display === "inline" || style.display === "contents") continue;
    if (style.visibility === "hidden" || el.clientWidth <= 1 || !ownText(el)) continue;
    if (el.scrollWidth <= el.clientWidth + 1 || scroller(el) || insideScroller(el)) continue;
    // Material cuts long names in the header and the sidebar with an ellipsis on purpose.
    if (style.textOverflow === "ellipsis") continue;
    spilled.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ` +
      `${el.scrollWidth}>${el.clientWidth}: ${el.textContent.trim().slice(0, 60)}`);
  }
  const root = document.scrollingElement;
  return {page: root.scrollWidth, viewport: root.clientWidth, spilled: spilled.slice(0, 10)};
}"""


def _open(
    new_page: Callable[..., Page], server: SiteServer, look: Template, scheme: str,
    width: str = "desktop",
) -> Page:
    page = new_page(viewport=WIDTHS[width], color_scheme=scheme)
    open_template(page, server, look)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return page


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("look", LOOK_PAGES, ids=[t.name for t in LOOK_PAGES])
def test_screenshot_has_no_text_overflow(
    new_page: Callable[..., Page], site_server: SiteServer, look: Template, scheme: str,
    width: str,
) -> None:
    page = _open(new_page, site_server, look, scheme, width)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{look.name}-{WIDTHS[width]['width']}-{scheme}.png"
    page.screenshot(path=str(shot), full_page=True)
    sizes: dict[str, Any] = page.evaluate(_OVERFLOW_JS)
    assert sizes["page"] <= sizes["viewport"] + 1, (
        f"{look.path} ({scheme}, {width}): the page is {sizes['page']} px wide in a "
        f"{sizes['viewport']} px viewport ({shot})")
    assert not sizes["spilled"], (
        f"{look.path} ({scheme}, {width}): text sticks out of its box ({shot}):\n"
        + "\n".join(sizes["spilled"]))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("look", LOOK_PAGES, ids=[t.name for t in LOOK_PAGES])
def test_axe_in_both_schemes(
    new_page: Callable[..., Page], site_server: SiteServer, look: Template, scheme: str
) -> None:
    page = _open(new_page, site_server, look, scheme)
    lines = [
        f"{v['id']}: {v['help']} -> {node['target']} {node.get('failureSummary', '')[:160]}"
        for v in run_axe(page)
        for node in v["nodes"]
    ]
    assert not lines, f"{look.path} ({scheme}): {len(lines)} axe violation(s):\n" + "\n".join(
        lines)


def _luminance(rgb: str) -> float:
    parts = [float(x) / 255 for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("look", LOOK_PAGES[:2], ids=[t.name for t in LOOK_PAGES[:2]])
def test_scheme_follows_the_system_setting_and_stores_nothing(
    new_page: Callable[..., Page], site_server: SiteServer, look: Template
) -> None:
    seen = {}
    for scheme in SCHEMES:
        page = _open(new_page, site_server, look, scheme)
        state: dict[str, Any] = page.evaluate(
            """() => ({
              bg: getComputedStyle(document.body).backgroundColor,
              fg: getComputedStyle(document.querySelector(".md-typeset")).color,
              toggles: document.querySelectorAll('[data-md-component="palette"], '
                + 'input[name="__palette"]').length,
              local: Object.keys(localStorage), session: Object.keys(sessionStorage),
            })"""
        )
        assert state["toggles"] == 0, f"{look.path}: a colour scheme toggle is on the page"
        assert not state["local"] and not state["session"], (
            f"{look.path} ({scheme}): storage written: {state['local']} {state['session']}")
        seen[scheme] = (_luminance(state["bg"]), _luminance(state["fg"]))
        page.emulate_media(media="print")
        printed = page.evaluate("() => getComputedStyle(document.querySelector('.md-typeset')).color")
        assert _luminance(printed) < 0.05, f"{look.path} ({scheme}) prints {printed} text on paper"
    assert seen["light"][0] > 0.8 > seen["light"][1], f"light scheme is not light: {seen}"
    assert seen["dark"][0] < 0.05 < seen["dark"][1], f"dark scheme is not dark: {seen}"


def test_fonts_come_from_the_site_and_cover_norwegian(
    new_page: Callable[..., Page], site_server: SiteServer
) -> None:
    page = new_page()
    fonts: list[str] = []
    page.on("request", lambda r: fonts.append(r.url) if r.resource_type == "font" else None)
    open_template(page, site_server, LOOK_PAGES[0])
    loaded: list[str] = page.evaluate(
        """async () => {
          await document.fonts.ready;
          return [...document.fonts].filter((f) => f.status === "loaded")
            .map((f) => `${f.family} ${f.unicodeRange}`);
        }"""
    )
    assert fonts, "no web font was loaded: the text falls back to the system font"
    assert all(url.startswith(site_server.origin + "/") for url in fonts), fonts
    assert page.evaluate("() => document.fonts.check('16px Inter', 'æøåÆØÅ')"), loaded
    assert any("Inter" in face for face in loaded), loaded


def _pages_with_tables(site: Path) -> list[str]:
    folders = (html.relative_to(site).parent.as_posix() for html in site.rglob("index.html")
               if "<table" in html.read_text(encoding="utf-8"))
    return sorted("/" if folder == "." else f"/{folder}/" for folder in folders)


def test_tables_fit_a_320_px_screen_or_scroll_by_keyboard(
    new_page: Callable[..., Page], site_server: SiteServer
) -> None:
    paths = _pages_with_tables(site_server.root)
    assert paths, "no built page has a table to check"
    page = new_page(viewport={"width": 320, "height": 640})
    too_wide, counts = [], {"fit": 0, "scroll": 0}
    for path in paths:
        page.goto(site_server.url(path), wait_until="load")
        page.evaluate("() => new Promise((r) => requestAnimationFrame(() => "
                      "requestAnimationFrame(r)))")
        tables: list[dict[str, Any]] = page.evaluate(
            """() => [...document.querySelectorAll(".md-typeset table")].map((t) => {
              const wrap = t.closest(".md-typeset__scrollwrap");
              return {cols: t.rows[0] ? t.rows[0].cells.length : 0,
                      code: !!t.querySelector("pre, img"),
                      scrolls: !!wrap && wrap.scrollWidth > wrap.clientWidth + 1,
                      tabindex: wrap ? wrap.getAttribute("tabindex") : null};
            })"""
        )
        for n, table in enumerate(tables, 1):
            counts["scroll" if table["scrolls"] else "fit"] += 1
            if table["scrolls"] and table["tabindex"] != "0":
                too_wide.append(f"{path} table {n}: scrolls but is not a Tab stop")
            elif table["scrolls"] and table["cols"] <= 3 and not table["code"]:
                too_wide.append(f"{path} table {n}: {table['cols']} columns of text scroll")
    print(f"tables at 320 px: {counts['fit']} fit, {counts['scroll']} scroll ({len(paths)} pages)")
    assert not too_wide, "\n".join(too_wide)
