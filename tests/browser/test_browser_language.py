"""Language: every page's <html lang> is its front matter's ``lang``; nb/nn word report."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitecheck import REPO_ROOT

pytestmark = pytest.mark.browser

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang=\"([^\"]*)\"", re.IGNORECASE)


def built_file(site: Path, url: str) -> Path:
    """The file of the built page at ``url`` (``moduler/ips/`` or ``""`` for the front page)."""
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


def test_html_lang_matches_front_matter_on_every_page(built_site: Path) -> None:
    from site_build.content.load import load_site

    pages = list(load_site(REPO_ROOT).site.pages)
    assert pages, "load_site found no pages"
    wrong = []
    for page in pages:
        file = built_file(built_site, page.url)
        if not file.is_file():
            wrong.append(f"{page.src_path}: not built (no {file.relative_to(built_site)})")
            continue
        head = file.read_text(encoding="utf-8")[:2000]
        match = _HTML_LANG.search(head)
        found = match.group(1) if match else None
        if found != page.front.lang:
            wrong.append(f"{page.src_path}: front matter lang {page.front.lang}, <html lang={found}>")
    print(f"language: {len(pages)} pages checked, {len(wrong)} wrong")
    assert not wrong, "\n".join(wrong)


def test_language_report_counts_bokmal_and_nynorsk(built_site: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "language-report"), "--site", str(built_site)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    print(proc.stdout)
    shares = dict(re.findall(r"^\s*(nb|nn):\s+\d+ pages .*?(\d+) words", proc.stdout, re.M))
    assert set(shares) == {"nb", "nn"}, proc.stdout
    assert int(shares["nb"]) > 0, proc.stdout
