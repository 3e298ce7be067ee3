"""The benchmark corpus generator: deterministic, the right size, links that resolve, valid."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import generate
from bench.linkcheck import check_links

REPO = Path(__file__).resolve().parents[1]

PAGES = 30


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("corpus")
    generate(project, PAGES, seed=7)
    return project


def test_same_seed_gives_identical_files(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    again = tmp_path_factory.mktemp("again")
    generate(again, PAGES, seed=7)
    assert _files(corpus) == _files(again)


def test_other_seed_gives_other_text(tmp_path_factory: pytest.TempPathFactory) -> None:
    a, b = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    generate(a, PAGES, seed=1)
    generate(b, PAGES, seed=2)
    assert _files(a) != _files(b)


def test_page_count(corpus: Path) -> None:
    pages = [p for p in (corpus / "content").rglob("*.md")]
    assert len(pages) == PAGES
    assert (corpus / "mkdocs.yml").is_file()
    assert (corpus / "mkdocs-anchor.yml").is_file()
    assert (corpus / "content" / "_data" / "audiences.yml").is_file()
    assert list((corpus / "courses").glob("*.yml"))


@pytest.mark.parametrize("pages", [5, 47, 400])
def test_page_count_other_sizes(tmp_path: Path, pages: int) -> None:
    generate(tmp_path, pages, seed=3)
    assert len(list((tmp_path / "content").rglob("*.md"))) == pages


def test_every_internal_link_resolves(corpus: Path) -> None:
    checked, problems = check_links(corpus / "content")
    assert checked > PAGES
    assert problems == []


def test_link_check_catches_a_broken_anchor(tmp_path: Path) -> None:
    generate(tmp_path, PAGES, seed=7)
    page = next(p for p in sorted((tmp_path / "content").rglob("*.md")) if p.name != "index.md")
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](index.md#finnes-ikke)\n")
    _, problems = check_links(tmp_path / "content")
    assert any("finnes-ikke" in p for p in problems)


def _cli() -> Path | None:
    exe = Path(sys.executable).parent / "brobygger"
    if not exe.exists():
        return None
    probe = subprocess.run([str(exe), "check", "--help"], capture_output=True, check=False)
    return exe if probe.returncode == 0 else None


def test_brobygger_check_accepts_the_corpus(corpus: Path) -> None:
    exe = _cli()
    if exe is None:
        pytest.skip("the brobygger CLI with 'check' is not installed yet")
    if not (REPO / "mkdocs.yml").is_file():
        pytest.skip("the repository has no mkdocs.yml yet for the corpus to copy")
    result = subprocess.run(
        [str(exe), "check", "--project", str(corpus)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
