"""Privacy: pages talk only to the site's own server and leave nothing in the browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, Request
from sitecheck import SiteServer, Template

pytestmark = pytest.mark.browser

_LOCAL_SCHEMES = ("data:", "blob:", "about:")


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

    foreign = [
        url
        for url in requests
        if not url.startswith(site_server.origin + "/") and not url.startswith(_LOCAL_SCHEMES)
    ]
    assert requests, "no requests logged at all"
    assert not foreign, f"{template.path}: requests to other hosts:\n" + "\n".join(foreign)

    stored: dict[str, Any] = page.evaluate(
        """async () => ({
          cookie: document.cookie,
          local: Object.keys(localStorage),
          session: Object.keys(sessionStorage),
          idb: (await indexedDB.databases()).map((db) => db.name),
        })"""
    )
    cookies = page.context.cookies()
    assert stored["cookie"] == "" and not cookies, f"{template.path}: cookies {cookies}"
    assert not stored["local"], f"{template.path}: localStorage keys {stored['local']}"
    assert not stored["session"], f"{template.path}: sessionStorage keys {stored['session']}"
    assert not stored["idb"], f"{template.path}: IndexedDB databases {stored['idb']}"
