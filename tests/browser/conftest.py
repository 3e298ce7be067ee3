"""Fixtures for the site checks: build the real site once, serve it, drive Debian's Chromium.

The site is built ONCE per test run, also under ``pytest -n 2``: the first xdist worker to take
the lock builds it (``brobygger build --project <repo root> --out <tmp>``), the others wait and
reuse it. Each worker serves the built directory on ``127.0.0.1`` (a free port, a
``http.server`` thread) and launches its own headless Chromium through Playwright.

Set ``BROBYGGER_BROWSER_SITE=/path/to/built/site`` to run the checks against a site that is
already built (handy while working on the checks themselves); ``make test`` never sets it.

Every test module here marks its tests ``@pytest.mark.browser`` (``pytestmark``).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

if str(Path(__file__).resolve().parent) not in sys.path:  # also under --import-mode=importlib
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitecheck import (
    BUILD_TIMEOUT_S,
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    PAGE_TEMPLATES,
    REPO_ROOT,
    SiteServer,
    Template,
    open_template,
    serve_folder,
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize every test that takes a ``template`` argument over :data:`PAGE_TEMPLATES`."""
    if "template" in metafunc.fixturenames:
        metafunc.parametrize("template", PAGE_TEMPLATES, ids=[t.name for t in PAGE_TEMPLATES])


# --------------------------------------------------------------------------- the built site


def _shared_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder shared by all xdist workers of this run (the controller's basetemp)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _brobygger() -> str:
    exe = Path(sys.executable).parent / "brobygger"
    if exe.exists():
        return str(exe)
    found = shutil.which("brobygger")
    if found is None:
        pytest.fail("the brobygger command is not installed (make install the project first)")
    return found


def _build(out: Path) -> str | None:
    """Build the real site into ``out``; return None on success, else the build's output."""
    cmd = [_brobygger(), "build", "--project", str(REPO_ROOT), "--out", str(out)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        return f"{' '.join(cmd)} took more than {BUILD_TIMEOUT_S} s"
    if proc.returncode != 0:
        return f"{' '.join(cmd)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    if not (out / "index.html").is_file():
        return f"{' '.join(cmd)} succeeded but wrote no {out / 'index.html'}"
    return None


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per run and shared by all workers.

    Returns:
        The folder holding the built site (``index.html``, ``404.html``, ...).
    """
    prebuilt = os.environ.get("BROBYGGER_BROWSER_SITE")
    if prebuilt:
        site = Path(prebuilt).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"BROBYGGER_BROWSER_SITE={prebuilt} holds no index.html")
        return site
    shared = _shared_dir(tmp_path_factory)
    site = shared / "site"
    failed = shared / "site-build-failed.txt"
    with (shared / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (site / "index.html").is_file() and not failed.exists():
                error = _build(site)
                if error is not None:
                    failed.write_text(error, encoding="utf-8")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    if failed.exists():
        pytest.fail("building the site failed:\n" + failed.read_text(encoding="utf-8"))
    return site


# --------------------------------------------------------------------------- serving it


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    """Serve the built site on 127.0.0.1 at a free port for the whole session."""
    with serve_folder(built_site, site_404=True) as server:
        yield server


# --------------------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    """Playwright's driver, started once per worker."""
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    """Debian's headless Chromium, launched once per worker."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-system-deps")
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS)
    )
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Factory for fresh pages, each in its own browser context (no shared storage).

    Call it as ``new_page()`` or ``new_page(viewport={"width": 320, "height": 256})``; keyword
    arguments go to ``Browser.new_context``. Contexts are closed after the test.
    """
    contexts = []

    def make(**context_args: Any) -> Page:
        context_args.setdefault("viewport", DESKTOP)
        context = browser.new_context(**context_args)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        with contextlib.suppress(Exception):
            context.close()


@pytest.fixture
def open_page(new_page: Callable[..., Page], site_server: SiteServer) -> Callable[..., Page]:
    """Factory: ``open_page(template, **context_args)`` opens a template in a fresh page."""

    def opener(template: Template, **context_args: Any) -> Page:
        page = new_page(**context_args)
        open_template(page, site_server, template)
        return page

    return opener
