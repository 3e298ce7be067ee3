"""axe-core on EVERY built page, in the light and the dark scheme: no WCAG 2.1 A/AA violation.

The per-template tests (``test_browser_axe.py``) also run at 400 % zoom; this one makes sure no
page's own content (a table, a code sample, an admonition, a generated list, a news page) and
no colour of either scheme fails, since the scheme follows the reader's system setting.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page
from sitecheck import SiteServer
from test_browser_axe import run_axe

pytestmark = pytest.mark.browser


def _pages(site: Path) -> list[str]:
    """Every HTML page a reader can open (not the search's data, not the feeds)."""
    return sorted("/" + f.relative_to(site).as_posix().removesuffix("index.html")
                  for f in site.rglob("*.html") if f.relative_to(site).parts[0] != "search")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(scheme: str, new_page: Callable[..., Page], built_site: Path,
                               site_server: SiteServer) -> None:
    pages = _pages(built_site)
    assert len(pages) > 80, pages
    page = new_page(color_scheme=scheme)
    problems = []
    for path in pages:
        response = page.goto(site_server.url(path))
        assert response is not None and response.ok, path
        problems += [f"{path}: {v['id']} ({v['impact']}): {v['help']} -> {node['target']}"
                     for v in run_axe(page) for node in v["nodes"]]
    assert not problems, f"{len(problems)} axe violation(s) in the {scheme} scheme:\n" + \
        "\n".join(problems)
