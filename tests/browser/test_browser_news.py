"""The news section in Chromium: one look with the portal, and axe-clean templates.

A reader goes from the front page to a news item and back: header, fonts, colours, language
and the theme's colour scheme (also under a dark preference) stay the portal's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page
from sitecheck import SiteServer, Template, open_template
from test_browser_axe import _report, run_axe

pytestmark = pytest.mark.browser

NEWS_TEMPLATES = (
    Template("news-item", "/aktuelt/2026-11-16-strategiplanen/"),
    Template("news-item-nn", "/aktuelt/2026-11-20-horingsinnspel-aap-2016/"),
    Template("news-list", "/aktuelt/"),
    Template("news-category", "/aktuelt/kategori/horingssvar/"),
    Template("news-tag", "/aktuelt/emne/samarbeid/"),
    Template("news-year", "/aktuelt/arkiv/2026/"),
    Template("news-archive", "/aktuelt/arkiv/"),
    Template("news-categories", "/aktuelt/kategori/"),
)

LOOK = """() => {
    const css = (el, p) => el ? getComputedStyle(el).getPropertyValue(p) : null;
    const header = document.querySelector("header.md-header");
    const topic = header.querySelector('[data-md-component="header-topic"]');
    const clone = header.cloneNode(true);
    clone.querySelector('[data-md-component="header-topic"]').textContent = "";
    // Set by the theme's script as the page's own title scrolls (page state, not look).
    clone.querySelectorAll(".md-header__title--active").forEach(
        (el) => el.classList.remove("md-header__title--active"));
    clone.querySelectorAll(".md-header--shadow").forEach(
        (el) => el.classList.remove("md-header--shadow"));
    clone.querySelectorAll("[href],[src]").forEach((el) => {
        for (const a of ["href", "src"]) if (el.hasAttribute(a)) el.setAttribute(a,
            new URL(el.getAttribute(a), location.href).href);
    });
    return {
        header: clone.outerHTML.replace(/\\s+/g, " "),
        search: !!header.querySelector("[data-bb-search]"),
        bodyFont: css(document.body, "font-family"),
        headingFont: css(document.querySelector("article h1"), "font-family"),
        bodyColor: css(document.body, "color"),
        background: css(document.body, "background-color"),
        headerBackground: css(header, "background-color"),
        scheme: document.body.getAttribute("data-md-color-scheme"),
        nav: document.querySelectorAll(".md-nav--primary .md-nav__link").length > 0,
        footer: !!document.querySelector("footer.md-footer"),
        styles: [...document.styleSheets].map((s) => s.href && new URL(s.href).pathname),
        lang: document.documentElement.lang,
        topic: topic.textContent.trim(),
    };
}"""


def _look(page: Page) -> dict[str, Any]:
    look: dict[str, Any] = page.evaluate(LOOK)
    return look


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_front_page_to_news_item_and_back_is_one_site(
        new_page: Callable[..., Page], site_server: SiteServer, scheme: str) -> None:
    page = new_page()
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    open_template(page, site_server, Template("front", "/"))
    front = _look(page)
    link = page.locator(".bb-latest-news a").first
    assert link.count() == 1, "the front page lists the latest news"
    link.click()
    page.wait_for_load_state("load")
    assert "/aktuelt/" in page.url
    item = _look(page)
    page.go_back()
    page.wait_for_load_state("load")
    again = _look(page)
    same = ("header", "search", "bodyFont", "headingFont", "bodyColor", "background",
            "headerBackground", "scheme", "nav", "footer", "styles")
    for key in same:
        assert front[key] == item[key] == again[key], key
    assert front["lang"] == again["lang"] == "nb"
    assert item["lang"] in ("nb", "nn") and item["topic"] and item["topic"] != front["topic"]


def test_nynorsk_item_has_its_language(new_page: Callable[..., Page],
                                       site_server: SiteServer) -> None:
    page = new_page()
    open_template(page, site_server, NEWS_TEMPLATES[1])
    assert _look(page)["lang"] == "nn"


@pytest.mark.parametrize("news", NEWS_TEMPLATES, ids=[t.name for t in NEWS_TEMPLATES])
def test_news_template_has_no_axe_violations(
        new_page: Callable[..., Page], site_server: SiteServer, news: Template) -> None:
    page = new_page()
    open_template(page, site_server, news)
    _report(news, run_axe(page))
