"""`brobygger serve`: the news section is in the preview, rebuilt on an edit, drafts marked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.build.test_serve import fetch, free_port, wait_for


def test_serve_rebuilds_news_and_shows_drafts(news_dir: Path) -> None:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "site_build.cli", "serve", "--project", str(news_dir),
         "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}/aktuelt/"
        url = base + "2026-01-10-ny-veileder/"
        wait_for(url, "Den nye veilederen forklarer")
        target = news_dir / "content" / "aktuelt" / "2026-01-10-ny-veileder.md"
        target.write_text(target.read_text(encoding="utf-8").replace(
            "Den nye veilederen forklarer", "Endret under forhåndsvisning:"), encoding="utf-8")
        wait_for(url, "Endret under forhåndsvisning:")
        # The draft is in the preview, marked; a build never publishes it (test_news_build).
        draft = wait_for(base + "2099-01-01-utkast/", "Hemmelig utkasttekst")
        assert "Utkast: ikke publisert" in draft
        assert "Et utkast som ikke er klart" in fetch(base)
        # The portal's front page (built by MkDocs) lists the edited item too.
        assert "2026-01-10-ny-veileder" in fetch(f"http://127.0.0.1:{port}/")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
