"""`brobygger serve` shows every problem of a failed rebuild on every page it sends (the news
section's and the 404 page too), keeps the pages reachable, and drops the banner once a
rebuild passes; a build never carries it."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from html import unescape
from pathlib import Path

import pytest

from tests.build.test_serve import fetch, start_serve, wait_for
from tests.news.conftest import make_news_site

BANNER = 'class="bb-preview-errors"'


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(html: str) -> list[str]:
    return [unescape(m) for m in re.findall(r'<li><code lang="en">(.*?)</code></li>', html)]


def _wait_gone(url: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            html = fetch(url)
        except OSError:  # the server holds requests while it rebuilds
            continue
        if BANNER not in html:
            return html
        time.sleep(0.2)
    raise AssertionError(f"the banner never went from {url}")


def _not_found(url: str) -> str:
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(url, timeout=5)
    assert caught.value.code == 404
    return str(caught.value.read().decode("utf-8"))


def test_every_kind_of_content_error_shows_on_every_page_until_fixed(tmp_path: Path) -> None:
    project = make_news_site(tmp_path / "project")
    proc, port = start_serve(project)
    origin = f"http://127.0.0.1:{port}"
    page, news = origin + "/ip/", origin + "/aktuelt/2026-01-10-ny-veileder/"
    try:
        wait_for(page, "Planen er for den som trenger det")
        assert BANNER not in fetch(page) and BANNER not in fetch(news)
        originals = {p: p.read_text(encoding="utf-8") for p in [
            project / "content" / "_data" / "topics.yml",
            project / "content" / "ip" / "index.md",
            project / "courses" / "grunnkurs.yml",
            project / "content" / "ip" / "koordinator.md"]}
        data, front, course, linking = originals
        data.write_text(originals[data] + "- {id: uten-slutt\n", encoding="utf-8")
        _edit(front, "title: Individuell plan", "title: [Individuell plan")
        _edit(course, "certificate: true", "certificate: true\nsertifikat: ja")

        # The page whose front matter broke is still there (its last good version).
        shown = wait_for(page, "courses/grunnkurs.yml:")
        assert "Planen er for den som trenger det" in shown
        problems = _problems(shown)
        for prefix in ["content/_data/topics.yml:4: vocabulary: malformed YAML",
                       "content/ip/index.md:3: front matter: malformed YAML",
                       "courses/grunnkurs.yml:6: sertifikat:"]:
            assert any(p.startswith(prefix) for p in problems), (prefix, problems)
        # The same list on a news item (pelican's page) and on the 404 page.
        assert _problems(fetch(news)) == problems
        assert _problems(_not_found(origin + "/finnes-ikke/")) == problems

        # A vocabulary that does not load hides pages from the link check: with it mended,
        # the next rebuild's banner has the broken link instead.
        data.write_text(originals[data], encoding="utf-8")
        linking.write_text(originals[linking] + "\nSe [borte](borte.md).\n", encoding="utf-8")
        problems = _problems(wait_for(page, "borte.md"))
        assert sorted(p.split(":", 1)[0] for p in problems) == [
            "content/ip/index.md", "content/ip/koordinator.md", "courses/grunnkurs.yml"]
        assert "content/ip/koordinator.md:25: link: 'borte.md' points to a page that does " \
               "not exist; did you mean 'ip/koordinator.md'?" in problems

        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        assert "Planen er for den som trenger det" in _wait_gone(page)
        assert BANNER not in fetch(news)
        assert BANNER not in _not_found(origin + "/finnes-ikke/")

        # A configuration MkDocs refuses shows as `brobygger check` reports it.
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: maybe\n",
                          encoding="utf-8")
        problems = _problems(wait_for(page, BANNER))
        assert len(problems) == 1
        assert re.fullmatch(r"mkdocs\.yml:\d+: use_directory_urls: Config value "
                            r"'use_directory_urls': Expected type: .*", problems[0]), problems
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=20)
    # The terminal still lists them.
    assert "courses/grunnkurs.yml:6: sertifikat:" in output


def test_serve_starts_on_broken_content_and_shows_what_loaded(site_dir: Path) -> None:
    front = site_dir / "content" / "ip" / "index.md"
    _edit(front, "title: Individuell plan", "title: [Individuell plan")
    proc, port = start_serve(site_dir)
    origin = f"http://127.0.0.1:{port}"
    try:
        # The pages that loaded are built, with the banner; the broken one is a 404 with it.
        shown = wait_for(origin + "/ip/koordinator/", BANNER)
        assert _problems(shown) == [
            "content/ip/index.md:3: front matter: malformed YAML: did not find expected ',' "
            "or ']'"]
        assert _problems(_not_found(origin + "/ip/")) == _problems(shown)
        _edit(front, "title: [Individuell plan", "title: Individuell plan")
        assert "Planen er for den som trenger det" in wait_for(origin + "/ip/", "Planen er")
        assert BANNER not in _wait_gone(origin + "/ip/koordinator/")
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=20)
    assert "content/ip/index.md:3: front matter: malformed YAML" in output


def test_serve_refuses_a_broken_configuration(site_dir: Path) -> None:
    config = site_dir / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: maybe\n",
                      encoding="utf-8")
    proc, _ = start_serve(site_dir)
    output, _ = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert re.search(r"^mkdocs\.yml:\d+: use_directory_urls: ", output, re.MULTILINE), output
