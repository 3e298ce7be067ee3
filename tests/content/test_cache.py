"""The live preview's load cache: reuse what did not change, never anything stale."""

from __future__ import annotations

import os
from pathlib import Path

from site_build.checks import run_checks
from site_build.content.load import LoadCache, load_site
from tests.conftest import page


def bump(path: Path) -> None:
    """Make a file look edited even within the filesystem's timestamp resolution."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_only_edited_pages_are_read_again(site_dir: Path) -> None:
    cache = LoadCache()
    first = load_site(site_dir, 1, cache).site
    target = site_dir / "content" / "ip" / "index.md"
    target.write_text(target.read_text(encoding="utf-8").replace("Planen er", "Planen blir"),
                      encoding="utf-8")
    bump(target)
    second = load_site(site_dir, 1, cache).site
    changed = [p.src_path for p in second.pages if first.by_src[p.src_path] is not p]
    assert changed == ["ip/index.md"]
    assert "Planen blir" in second.by_src["ip/index.md"].body_html


def test_vocabulary_edit_reloads_every_page(site_dir: Path) -> None:
    cache = LoadCache()
    first = load_site(site_dir, 1, cache).site
    glossary = site_dir / "content" / "_data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "expansion: individuell plan", "expansion: en individuell plan"), encoding="utf-8")
    bump(glossary)
    second = load_site(site_dir, 1, cache).site
    assert all(first.by_src[p.src_path] is not p for p in second.pages)
    assert 'title="en individuell plan"' in second.by_src["index.md"].body_html


def test_removed_and_added_pages_are_seen(site_dir: Path) -> None:
    cache = LoadCache()
    load_site(site_dir, 1, cache)
    (site_dir / "content" / "ordliste.md").unlink()
    (site_dir / "content" / "ny.md").write_text(page("Ny side"), encoding="utf-8")
    site = load_site(site_dir, 1, cache).site
    assert "ordliste.md" not in site.by_src and "ny.md" in site.by_src
    assert set(cache.entries) == {p.src_path for p in site.pages}


def test_checking_some_pages_checks_only_their_links(site_dir: Path) -> None:
    (site_dir / "content" / "brutt.md").write_text(page("Brutt", "[x](borte.md)"),
                                                  encoding="utf-8")
    site = load_site(site_dir, 1).site
    assert any(d.path == "content/brutt.md" for d in run_checks(site))
    assert not run_checks(site, pages=[site.by_src["index.md"]])
