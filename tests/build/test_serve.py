"""`brobygger serve`: a live preview that rebuilds on edits and survives a broken page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import page


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(url: str, needle: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} never appeared at {url}")


def start_serve(project: Path) -> tuple[subprocess.Popen[str], int]:
    """``brobygger serve`` on ``project`` in a child process (output in one pipe), and its port."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "site_build.cli", "serve", "--project", str(project),
         "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return proc, port


def test_serve_rebuilds_on_edit_and_keeps_last_good_preview(site_dir: Path) -> None:
    proc, port = start_serve(site_dir)
    try:
        url = f"http://127.0.0.1:{port}/ip/"
        wait_for(url, "Planen er for den som trenger det")
        target = site_dir / "content" / "ip" / "index.md"
        target.write_text(target.read_text(encoding="utf-8").replace(
            "Planen er for den som trenger det.", "Endret mens serveren kjørte."), encoding="utf-8")
        wait_for(url, "Endret mens serveren kjørte")
        # A new title changes what other pages show (navigation): they must be rebuilt too.
        lesson = site_dir / "content" / "ip" / "koordinator.md"
        lesson.write_text(lesson.read_text(encoding="utf-8").replace(
            "title: Koordinatoren", "title: Koordinator med nytt navn"), encoding="utf-8")
        wait_for(url, "Koordinator med nytt navn")  # the section page's navigation
        assert "Endret mens serveren kjørte" in fetch(url)
        (site_dir / "content" / "feil.md").write_text(page("Feil", "[borte](borte.md)"),
                                                       encoding="utf-8")
        time.sleep(3)
        assert "Endret mens serveren kjørte" in fetch(url)
        assert proc.poll() is None
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=20)
    assert "content/feil.md:9: link: 'borte.md' points to a page that does not exist" in output


def test_a_rebuild_that_fails_midway_puts_the_last_good_preview_back(site_dir: Path,
                                                                      tmp_path: Path) -> None:
    from types import SimpleNamespace

    from plugins.mkdocs_plugin import BrobyggerContentPlugin

    plugin = BrobyggerContentPlugin()
    plugin.on_startup(command="serve", dirty=True)
    out = tmp_path / "preview"
    out.mkdir()
    (out / "index.html").write_text("last good", encoding="utf-8")
    config = SimpleNamespace(site_dir=str(out), config_file_path=str(site_dir / "mkdocs.yml"))

    def rebuild_that_breaks_after_clearing() -> None:
        plugin.on_pre_build(config)  # type: ignore[arg-type]
        (out / "half.html").write_text("half", encoding="utf-8")
        raise RuntimeError("a rendering bug")

    server = SimpleNamespace(builder=rebuild_that_breaks_after_clearing)
    plugin.on_serve(server, config, None)  # type: ignore[arg-type]
    server.builder()  # reported, not raised
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "last good"
    assert not out.with_name("preview.last-good").exists()
