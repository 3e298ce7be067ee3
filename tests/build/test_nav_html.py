"""The navigation written in Python (plugins/nav_html.py) is Material's, page for page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from plugins import nav_html
from site_build.build.pipeline import build_project

REPO = Path(__file__).resolve().parents[2]
_SIDEBAR = re.compile(r'data-md-type="navigation"[^>]*>(.*?)<div class="md-sidebar md-sidebar--'
                      r'secondary"', re.S)


def _portal(tmp: Path) -> Path:
    root = tmp / "portal"
    for name in ("content", "courses", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _navs(out: Path) -> dict[str, str]:
    """Every built page's primary navigation, whitespace folded."""
    navs = {}
    for file in sorted(out.rglob("*.html")):
        found = _SIDEBAR.search(file.read_text(encoding="utf-8"))
        if found:
            text = re.sub(r"\s+", " ", found.group(1))
            navs[file.relative_to(out).as_posix()] = re.sub(r"\s*(<|>)\s*", r"\1", text)
    return navs


def test_every_page_has_materials_navigation(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = _portal(tmp_path)
    build_project(root, tmp_path / "ours", indexers=[])
    monkeypatch.setattr(nav_html.NavRenderer, "supported", staticmethod(lambda *a: False))
    build_project(root, tmp_path / "material", indexers=[])
    ours, material = _navs(tmp_path / "ours"), _navs(tmp_path / "material")
    assert len(ours) > 70 and ours.keys() == material.keys()
    differ = [page for page in ours if ours[page] != material[page]]
    assert not differ, f"{len(differ)} pages differ, e.g. {differ[0]}:\n{ours[differ[0]]}\n" \
                       f"---\n{material[differ[0]]}"
    # The navigation is there at all (a page's own link is marked, sections nest).
    assert 'md-nav__link--active' in ours["kurs/arbeid-og-psykisk-helse/index.html"]
