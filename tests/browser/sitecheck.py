"""Shared pieces of the site checks: the page templates, the served site, Chromium's flags.

Imported by ``conftest.py`` and the test modules of this folder (which is on ``sys.path``).
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Response

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The project the site is built from (``brobygger build --project``)."""

BROWSER_DIR = Path(__file__).resolve().parent
"""This folder: ``package.json`` with axe-core and vnu-jar, installed by ``npm ci``."""

NODE_MODULES = BROWSER_DIR / "node_modules"

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium (scripts/install-system-deps); Playwright never downloads a browser."""

CHROMIUM_ARGS = (
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""Flags beyond Playwright's own ``headless=True`` and ``chromium_sandbox=False`` (which give
``--headless`` and ``--no-sandbox``): no GPU, and no background traffic that this machine's
closed network would refuse."""

BUILD_TIMEOUT_S = 600


@dataclass(frozen=True)
class Template:
    """One kind of page the site is made of, checked through one real page.

    Attributes:
        name: Short id used in test ids and reports.
        path: URL path of the page on the served site (``use_directory_urls`` is on).
    """

    name: str
    path: str

    def file_in(self, site: Path) -> Path:
        """Return the built file that serves :attr:`path` in the site folder ``site``."""
        rel = self.path.lstrip("/")
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        return site / rel


PAGE_TEMPLATES: tuple[Template, ...] = (
    Template("front", "/"),
    Template("module", "/moduler/ips/"),
    Template("guidance", "/individuell-plan/koordinator/"),
    Template("checklist", "/individuell-plan/sjekkliste/"),
    Template("glossary", "/ordliste/"),
    Template("sources", "/kilder/"),
    Template("404", "/404.html"),
    Template("lesson", "/kurs/arbeid-og-psykisk-helse/01-hvorfor/"),
    Template("catalogue", "/kurs/"),
    Template("news", "/aktuelt/"),
)
"""THE list of page templates the browser checks (axe, keyboard, zoom, privacy) run on.

One real page stands for each kind of page the site has: the front page, a module, a guidance
page, a checklist, the glossary, the sources page, the 404 page, a course lesson, the course
catalogue and the news index. A template whose page is missing from the build FAILS its checks
(it is never skipped): add the page, or change this list on purpose. The certificate page joins
when courses offer certificates.
"""


@dataclass(frozen=True)
class SiteServer:
    """The built site served over HTTP on the loopback interface.

    Attributes:
        root: The built site folder being served.
        origin: ``http://127.0.0.1:PORT`` with no trailing slash.
    """

    root: Path
    origin: str

    def url(self, path: str) -> str:
        """Return the absolute URL of the site path ``path`` (which starts with ``/``)."""
        return self.origin + path


DESKTOP = {"width": 1280, "height": 800}
"""The viewport of a desktop reader, used unless a test says otherwise."""


def open_template(page: Page, server: SiteServer, template: Template) -> Response:
    """Load ``template`` in ``page`` and fail the test if its page is not in the build.

    Args:
        page: A fresh Playwright page.
        server: The served site.
        template: The template to open.

    Returns:
        The main document's response (status 200).
    """
    source = template.file_in(server.root)
    if not source.is_file():
        pytest.fail(
            f"template {template.name!r}: {template.path} is missing from the build "
            f"(no {source.relative_to(server.root)}); the PAGE_TEMPLATES list expects it"
        )
    response = page.goto(server.url(template.path), wait_until="load")
    if response is None or response.status != 200:
        status = response.status if response else "no response"
        pytest.fail(f"template {template.name!r}: GET {template.path} gave {status}")
    # Let the theme's scripts finish their first pass (they run on the next animation frames).
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return response


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, quietly; with ``site_404``, the site's own 404.html for missing paths."""

    site_404 = False

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if not self.site_404 or code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _SiteHandler(_Handler):
    site_404 = True


class _QuietServer(http.server.ThreadingHTTPServer):
    """Ignores a browser that hangs up mid-response (a closed page); reports anything else."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve_folder(folder: Path, *, site_404: bool = False) -> Iterator[SiteServer]:
    """Serve ``folder`` on 127.0.0.1 at a free port while the block runs.

    Args:
        folder: What to serve.
        site_404: Answer a missing path with the folder's own ``404.html`` (as a host would).
    """
    handler = functools.partial(_SiteHandler if site_404 else _Handler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield SiteServer(root=folder, origin=f"http://{host!s}:{port}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
