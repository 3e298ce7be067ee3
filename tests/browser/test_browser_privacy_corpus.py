"""The privacy corpus in Chromium: what the HTML policy lets through asks only 127.0.0.1.

Every entry of tests/corpora/privacy.txt that the policy allows is built (one page each, in a
copy of the fixture site) and loaded with a request log. As a control, the refused entries
are rendered WITHOUT the policy (the engine's HTML, as an unchecked build would write it) and
loaded too: Chromium must then ask the other host, or the corpus and the log prove nothing.
Requests to other hosts are aborted, never sent (this machine has no outside network anyway).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Page, Request, Route
from sitecheck import serve_folder

from site_build.cli import main
from site_build.markdown.document import parse_body
from site_build.markdown.engine import create_markdown
from tests.conftest import FIXTURE_SITE, page
from tests.corpora.privacy import read_corpus

pytestmark = pytest.mark.browser

ENTRIES = read_corpus()
ALLOWED = [e for e in ENTRIES if not e.refused]
REFUSED = [e for e in ENTRIES if e.refused]


def _host(index: int) -> str:
    """Each control page asks its own host, so the log tells which entry fetched."""
    return f"t{index:02d}.tracker.example"


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The allowed entries built into a copy of the fixture site, plus the unchecked control
    pages, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("privacy-corpus")
    project = root / "project"
    shutil.copytree(FIXTURE_SITE, project)
    for i, entry in enumerate(ALLOWED):
        (project / "content" / f"p{i:02d}.md").write_text(page(f"Personvern {i}", entry.body),
                                                           encoding="utf-8")
    out = root / "site"
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    md = create_markdown()
    for i, entry in enumerate(REFUSED):
        html = parse_body(md, entry.body, 1, "nb").html.replace("tracker.example", _host(i))
        (out / f"control-{i:02d}.html").write_text(
            f"<!doctype html><html lang=nb><title>k</title><body>{html}</body></html>",
            encoding="utf-8")
    frames = "".join(f'<iframe src="control-{i:02d}.html"></iframe>' for i in range(len(REFUSED)))
    (out / "control.html").write_text(f"<!doctype html><title>k</title>{frames}",
                                      encoding="utf-8")
    with serve_folder(out) as server:
        yield out, server.origin


def _requests(new_page: Callable[..., Page], url: str, origin: str) -> list[str]:
    """Every URL the browser asked for while loading ``url``; other hosts are aborted."""
    tab = new_page()
    seen: list[str] = []

    def log(request: Request) -> None:
        seen.append(request.url)

    def route(route: Route) -> None:
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            route.abort()

    tab.on("request", log)
    tab.route("**/*", route)
    tab.goto(url, wait_until="networkidle")
    tab.mouse.wheel(0, 4000)
    tab.wait_for_timeout(300)
    return seen


def _foreign(urls: list[str], origin: str) -> list[str]:
    return [u for u in urls if not u.startswith((origin + "/", "data:", "blob:", "about:"))]


@pytest.mark.parametrize("index", range(len(ALLOWED)), ids=[e.name for e in ALLOWED])
def test_allowed_entry_asks_only_127_0_0_1(
        index: int, new_page: Callable[..., Page], corpus_site: tuple[Path, str]) -> None:
    out, origin = corpus_site
    assert (out / f"p{index:02d}" / "index.html").is_file()
    seen = _requests(new_page, f"{origin}/p{index:02d}/", origin)
    assert seen, "no requests logged at all"
    assert not _foreign(seen, origin), _foreign(seen, origin)


def test_refused_entries_would_fetch_without_the_policy(
        new_page: Callable[..., Page], corpus_site: tuple[Path, str]) -> None:
    _, origin = corpus_site
    asked = " ".join(_foreign(_requests(new_page, f"{origin}/control.html", origin), origin))
    fetching = [entry.name for i, entry in enumerate(REFUSED) if f"//{_host(i)}" in asked]
    print(f"privacy corpus: {len(fetching)} of {len(REFUSED)} refused entries fetch from "
          "another host in Chromium when not checked")
    # Not all do on load: a ping needs a click, a form a submit, a theme class the theme.
    assert len(fetching) >= len(REFUSED) // 2, fetching
