"""Privacy: pages talk only to the site's own server and leave nothing in the browser.

Material 9.8 writes browser storage only for features this site must not turn on (or must
turn on with a fix in overrides/): ``__palette`` (localStorage, a palette toggle in
``theme.palette``), ``__tabs`` (``content.tabs.link``), ``__announce`` (``announce.dismiss``),
``__consent`` (``extra.consent``), ``__source`` (sessionStorage, set by ``repo_url``, which
also fetches the repository's facts from its host) and ``__outdated`` (versioning). Google
Fonts are fetched unless ``theme.font: false``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, Request
from sitecheck import SiteServer, Template

pytestmark = pytest.mark.browser

_LOCAL_SCHEMES = ("data:", "blob:", "about:")


def _storage(page: Page) -> dict[str, Any]:
    stored: dict[str, Any] = page.evaluate(
        """async () => ({
          cookie: document.cookie,
          local: Object.keys(localStorage),
          session: Object.keys(sessionStorage),
          idb: (await indexedDB.databases()).map((db) => db.name),
        })"""
    )
    stored["cookies"] = page.context.cookies()
    return stored


def _assert_nothing_stored(where: str, stored: dict[str, Any]) -> None:
    assert stored["cookie"] == "" and not stored["cookies"], f"{where}: {stored['cookies']}"
    assert not stored["local"], f"{where}: localStorage keys {stored['local']}"
    assert not stored["session"], f"{where}: sessionStorage keys {stored['session']}"
    assert not stored["idb"], f"{where}: IndexedDB databases {stored['idb']}"


def _foreign(requests: list[str], server: SiteServer) -> list[str]:
    return [
        url
        for url in requests
        if not url.startswith(server.origin + "/") and not url.startswith(_LOCAL_SCHEMES)
    ]


def test_no_third_party_requests_and_no_storage(
    new_page: Callable[..., Page], site_server: SiteServer, template: Template
) -> None:
    page = new_page()
    requests: list[str] = []

    def log(request: Request) -> None:
        requests.append(request.url)

    page.on("request", log)
    source = template.file_in(site_server.root)
    if not source.is_file():
        pytest.fail(f"template {template.name!r}: {template.path} is missing from the build")
    response = page.goto(site_server.url(template.path), wait_until="networkidle")
    assert response is not None and response.status == 200, f"GET {template.path} failed"
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -2000)
    for _ in range(6):
        page.keyboard.press("Tab")
    page.wait_for_load_state("networkidle")

    assert requests, "no requests logged at all"
    foreign = _foreign(requests, site_server)
    print(f"privacy: {template.path}: {len(requests)} requests, {len(foreign)} to other hosts")
    assert not foreign, f"{template.path}: requests to other hosts:\n" + "\n".join(foreign)
    _assert_nothing_stored(template.path, _storage(page))


def test_search_leaves_nothing_behind(new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_server.url("/"), wait_until="networkidle")
    page.click("#bb-search-input")
    page.keyboard.type("arbeidsgiver")
    page.wait_for_selector(".bb-search__results a", timeout=10_000)
    page.click(".bb-search__results a")
    page.wait_for_load_state("networkidle")
    foreign = _foreign(requests, site_server)
    assert not foreign, "search: requests to other hosts:\n" + "\n".join(foreign)
    _assert_nothing_stored(f"search, then {page.url}", _storage(page))
