"""Time from saving a one-page edit to the served page showing it, under ``brobygger serve``."""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class EditResult:
    """Edit-to-visible seconds for each edit, and how long the server took to first serve."""

    page: str
    startup_seconds: float
    edit_seconds: list[float]

    @property
    def median(self) -> float:
        """Median edit-to-visible time in seconds."""
        return statistics.median(self.edit_seconds)


def free_port() -> int:
    """Ask the OS for a free TCP port on 127.0.0.1.

    Returns:
        A port number that was free a moment ago.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page_url(rel: str, directory_urls: bool = True) -> str:
    """URL path of a page under ``content/`` as MkDocs lays it out.

    Args:
        rel: Posix path relative to ``content/`` (``a/b.md``).
        directory_urls: MkDocs' ``use_directory_urls``.

    Returns:
        The path part of the URL, starting with ``/``.
    """
    stem = rel[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return "/" + stem[: -len("index")]
    return f"/{stem}/" if directory_urls else f"/{stem}.html"


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return str(resp.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


def _wait_for(url: str, needle: str | None, deadline: float, proc: subprocess.Popen[bytes]) -> bool:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        body = _fetch(url)
        if body is not None and (needle is None or needle in body):
            return True
        time.sleep(0.02)
    return False


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server we started: its own process group, by id."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def measure_edits(
    serve_cmd: Sequence[str],
    port: int,
    content: Path,
    page: str,
    log: Path,
    edits: int = 5,
    startup_timeout: float = 1200.0,
    edit_timeout: float = 120.0,
) -> EditResult:
    """Start the server, make ``edits`` edits to one page and time each until it is served.

    Each edit appends a unique marker paragraph to the page's original text; the page is polled
    every 20 ms until the marker appears. The original text is restored and the server stopped
    at the end, also on failure.

    Args:
        serve_cmd: The serve command, already including ``--port``.
        port: The port it listens on.
        content: The corpus's ``content/`` directory.
        page: The page to edit, relative to ``content/``.
        log: File that receives the server's output.
        edits: Number of edits to time.
        startup_timeout: Seconds to wait for the first successful response.
        edit_timeout: Seconds to wait for one edit to show.

    Returns:
        The timings.

    Raises:
        RuntimeError: If the server does not come up or an edit never shows.
    """
    url = f"http://127.0.0.1:{port}{page_url(page)}"
    path = content / page
    original = path.read_text(encoding="utf-8")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        start = time.monotonic()
        proc = subprocess.Popen(list(serve_cmd), stdout=out, stderr=out, start_new_session=True)
        try:
            if not _wait_for(url, None, start + startup_timeout, proc):
                raise RuntimeError(f"server did not serve {url} (see {log})")
            startup = time.monotonic() - start
            time.sleep(2.0)
            timings: list[float] = []
            for _ in range(edits):
                marker = f"benchmarker{uuid.uuid4().hex}"
                t0 = time.monotonic()
                path.write_text(f"{original}\n{marker}\n", encoding="utf-8")
                if not _wait_for(url, marker, t0 + edit_timeout, proc):
                    raise RuntimeError(f"edit never showed at {url} (see {log})")
                timings.append(time.monotonic() - t0)
                time.sleep(1.5)
        finally:
            path.write_text(original, encoding="utf-8")
            _stop(proc)
    return EditResult(page, startup, timings)
