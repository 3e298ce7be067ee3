"""Nothing leaves the reader's machine: no built file refers to another host to fetch from."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO
from tests.privacy import scan_site


def test_built_portal_fetches_nothing_from_other_hosts(real_site: Path) -> None:
    findings, files = scan_site(real_site)
    assert files > 50
    assert not findings, "\n".join(map(str, findings))


def test_conditions_behind_allowed_theme_urls_hold(real_site: Path) -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "repo_url" not in config
    assert "fonts.googleapis" not in config
    for html in real_site.rglob("*.html"):
        assert 'class="mermaid"' not in html.read_text(encoding="utf-8"), html


def test_scan_catches_what_it_must(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<img src="//cdn.example.org/x.png"><a href="https://nav.no">lenke</a>'
        '<div style="background:url(https://t.example/p.gif)"></div>')
    (tmp_path / "b.css").write_text('@import "https://cdn.example/x.css"; a{b:url(data:x)}')
    (tmp_path / "c.js").write_text('fetch("https://www.google-analytics.com/collect")')
    findings, _ = scan_site(tmp_path)
    urls = sorted(f.url for f in findings)
    assert urls == ["//cdn.example.org/x.png", "https://cdn.example/x.css",
                    "https://fonts.googleapis.com/css?family=Roboto",
                    "https://t.example/p.gif", "https://www.google-analytics.com/collect"]
