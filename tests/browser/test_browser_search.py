"""The search in the header, as a reader uses it in Chromium (issue 10, item 6).

The built site's own index (``search/``, written by ``search/browser.py`` during the build)
and ``assets/javascripts/bb-search.js``: typing shows hits with title, section and snippet;
Norwegian spellings meet; the audience filter; keyboard only; the live region; axe; no
request to another host; index data is shown as text; it also works from ``file://``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page, Request, expect
from sitecheck import REPO_ROOT, SiteServer
from test_browser_axe import run_axe

from site_build.content.load import load_site

pytestmark = pytest.mark.browser

MODULE = "/moduler/ips/"
INPUT = "#bb-search-input"
HITS = ".bb-search__results li"


@pytest.fixture(scope="module")
def audiences() -> dict[str, tuple[str, ...]]:
    """Page URL (relative to the site root) to the page's audience ids."""
    return {p.url: p.front.audience for p in load_site(REPO_ROOT).site.pages}


def _open(new_page: Callable[..., Page], server: SiteServer, path: str = MODULE,
          **context: Any) -> Page:
    if not (server.root / "search" / "manifest.js").is_file():
        pytest.fail("the build wrote no search/manifest.js: the browser search index is missing")
    page = new_page(**context)
    page.goto(server.url(path), wait_until="load")
    return page


def _search(page: Page, query: str, **options: Any) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = page.evaluate(
        "([q, o]) => window.brobyggerSearch.search(q, o)", [query, options])
    return hits


def _type(page: Page, query: str) -> None:
    page.locator(INPUT).fill(query)
    expect(page.locator(".bb-search__status")).to_have_text(re.compile(r"treff"))


def test_typing_shows_hits_with_title_section_and_marked_snippet(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page, site_server)
    _type(page, "individuell plan")
    first = page.locator(HITS).first
    expect(first.locator(".bb-search__title")).not_to_be_empty()
    assert page.locator(f"{HITS} .bb-search__section").count() > 0, "no hit names its section"
    marked = page.locator(f"{HITS} .bb-search__snippet mark")
    assert marked.count() > 0, "no snippet marks the words searched for"
    # the phrase's words, or IP, the abbreviation the analysis makes of the phrase
    assert re.search(r"individuel|plan|^ip$", marked.first.inner_text(), re.I)


@pytest.fixture(scope="module")
def sections() -> dict[tuple[str, str], str]:
    """(page URL, anchor) to the page title, the section heading and the section's text."""
    return {(p.url, s.anchor): f"{p.front.title} {s.heading} {s.text}"
            for p in load_site(REPO_ROOT).site.pages for s in p.sections}


@pytest.mark.parametrize("typed", ["oppfolging", "oppfølging", "OPPFØLGING"])
def test_a_word_typed_without_oe_finds_the_sections_with_it(
        new_page: Callable[..., Page], site_server: SiteServer, typed: str,
        sections: dict[tuple[str, str], str]) -> None:
    hits = _search(_open(new_page, site_server), typed, limit=5)
    assert len(hits) == 5
    for hit in hits:
        text = sections[(hit["url"], hit["anchor"])].lower()
        assert "oppfølg" in text, f"{typed!r} found a section without oppfølging: {hit}"


def test_the_bokmaal_word_finds_the_nynorsk_module(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    hits = _search(_open(new_page, site_server), "taushetsplikt", limit=5)
    assert "moduler/lov-samtykke-taushetsplikt/" in [h["url"] for h in hits], hits


def test_the_audience_filter_keeps_hits_for_that_audience(
        new_page: Callable[..., Page], site_server: SiteServer,
        audiences: dict[str, tuple[str, ...]]) -> None:
    page = _open(new_page, site_server)
    everyone = _search(page, "arbeidsgiver", limit=30)
    health = _search(page, "arbeidsgiver", limit=30, audience="helse")
    assert health and {h["url"] for h in health} != {h["url"] for h in everyone}
    for hit in health:
        assert "helse" in audiences[hit["url"]] or not audiences[hit["url"]], hit

    page.locator(INPUT).click()
    labels = page.locator("#bb-search-audience option").all_inner_texts()
    assert "Helsepersonell" in labels and "Arbeidsgiver" in labels, labels
    _type(page, "arbeidsgiver")
    page.locator("#bb-search-audience").select_option("helse")
    expect(page.locator(HITS).first.locator("a")).to_have_attribute(
        "href", re.compile("|".join(re.escape(h["url"]) for h in health[:1])))


def test_keyboard_only_reaches_the_hit_and_lands_on_its_section(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page, site_server)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "bb-search-input":
            break
    else:
        pytest.fail("30 Tab presses never reached the search field")
    page.keyboard.type("teieplikt samtykke")
    expect(page.locator(HITS).first).to_be_visible()
    hrefs = [a.get_attribute("href") or "" for a in page.locator(f"{HITS} a").all()]
    target = next((i for i, h in enumerate(hrefs) if "#" in h), None)
    assert target is not None and target + 1 < len(hrefs), f"no hit lands on a section: {hrefs}"
    for _ in range(target + 2):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert first == hrefs[target], "arrow keys did not move through the hits"
    page.keyboard.press("Enter")
    anchor = unquote(first.split("#")[1])
    page.wait_for_url(lambda url: unquote(url).endswith("#" + anchor))
    assert page.locator(f"[id='{anchor}']").count() == 1, f"no element with id {anchor!r}"


def test_escape_closes_the_results_and_returns_to_the_field(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page, site_server)
    _type(page, "koordinator")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    expect(page.locator("#bb-search-panel")).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "bb-search-input"


def test_the_live_region_announces_the_number_of_hits(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page, site_server)
    status = page.locator(".bb-search__status[role=status]")
    assert status.get_attribute("aria-live") == "polite"
    _type(page, "individuell plan")
    count = page.locator(HITS).count()
    expect(status).to_have_text(f"{count} treff")
    _type(page, "qqqxyzzy")
    expect(status).to_have_text("Ingen treff")
    assert page.locator("form[role=search] input[type=search]").get_attribute("id") == \
        page.locator("label[for=bb-search-input]").get_attribute("for")


def test_axe_finds_no_violations_with_the_results_open(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page, site_server)
    _type(page, "arbeidsgiver")
    violations = run_axe(page)
    assert not violations, [(v["id"], v["help"], len(v["nodes"])) for v in violations]


def test_searching_requests_nothing_from_another_host(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page, site_server)
    requests: list[str] = []

    def log(request: Request) -> None:
        requests.append(request.url)

    page.context.on("request", log)
    for query in ("oppfølging", "nav veileder", "individuel plan", "supported employment"):
        _type(page, query)
    assert any("/search/" in url for url in requests), "the search fetched no index shards"
    foreign = [u for u in requests if not u.startswith(site_server.origin + "/")]
    assert not foreign, foreign


def test_index_data_with_markup_is_shown_as_text(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page, site_server)
    evil = "<img src=x onerror=window.__pwned=1>"

    def poison(route: Any) -> None:
        body = route.fetch().text().replace("Individuell", evil + "Individuell")
        route.fulfill(body=body, content_type="text/javascript")

    page.route(re.compile(r"/search/r/\d+\.js$"), poison)
    _type(page, "individuell plan")
    results = page.locator(".bb-search__results")
    expect(results).to_contain_text(evil)
    assert results.locator("img").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_the_search_works_from_file_urls(new_page: Callable[..., Page],
                                         site_server: SiteServer) -> None:
    page = new_page()
    page.goto((site_server.root / "index.html").as_uri(), wait_until="load")
    hits = _search(page, "individuell plan", limit=3)
    assert len(hits) == 3
    _type(page, "individuell plan")
    href = page.locator(f"{HITS} a").first.get_attribute("href") or ""
    assert href.startswith("file://") and "index.html" in href, href
    assert Path(href.removeprefix("file://").split("#")[0]).is_file()


def test_without_javascript_the_search_form_is_not_shown(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page, site_server, java_script_enabled=False)
    expect(page.locator("form[role=search]")).to_be_hidden()
