"""`brobygger serve`: the news section is in the preview, rebuilt on an edit, drafts marked."""

from __future__ import annotations

from pathlib import Path

from tests.build.test_serve import fetch, start_serve, wait_for


def test_serve_rebuilds_news_and_shows_drafts(news_dir: Path) -> None:
    proc, port = start_serve(news_dir)
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
        proc.communicate(timeout=20)
