"""``brobygger index`` and ``brobygger search``: clear messages and exit codes, no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

REPO = Path(__file__).resolve().parents[2]



@pytest.fixture(autouse=True)
def _no_index_yet(site_dir: Path) -> None:
    """The fixture site's copy starts without a local index (a build in place leaves one)."""
    shutil.rmtree(site_dir / ".brobygger", ignore_errors=True)

def test_search_before_index_says_what_to_run(site_dir: Path,
                                               cli: Callable[..., Result]) -> None:
    result = cli("search", "--project", str(site_dir), "koordinator")
    assert result.exit_code == 2
    assert "brobygger index" in result.stderr and "Traceback" not in result.output


def test_index_then_search(site_dir: Path, cli: Callable[..., Result]) -> None:
    first = cli("index", "--project", str(site_dir), "--jobs", "1")
    assert first.exit_code == 0, first.stderr
    assert "written anew" in first.output
    again = cli("index", "--project", str(site_dir), "--jobs", "1")
    assert "0 re-indexed" in again.output
    found = cli("search", "--project", str(site_dir), "koordinator")
    assert found.exit_code == 0, found.stderr
    assert "ip/koordinator/" in found.output and "[" in found.output
    assert "<mark>" not in found.output
    data = json.loads(cli("search", "--project", str(site_dir), "--json", "koordinator").output)
    assert data and {"page", "url", "anchor", "title", "section", "snippet", "score"} <= set(
        data[0])
    assert "<mark>" in " ".join(h["snippet"] for h in data)
    limited = json.loads(cli("search", "--project", str(site_dir), "--json", "--limit", "1",
                             "koordinator").output)
    assert len(limited) == 1


@pytest.mark.parametrize("query", ['"', "*", "a" * 10_000, "\x00", ""])
def test_bad_queries_exit_2_with_a_message(site_dir: Path, cli: Callable[..., Result],
                                           query: str) -> None:
    assert cli("index", "--project", str(site_dir), "--jobs", "1").exit_code == 0
    result = cli("search", "--project", str(site_dir), query)
    assert result.exit_code in (1, 2) and "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("error: cannot search:")


def test_nothing_found_exits_1(site_dir: Path, cli: Callable[..., Result]) -> None:
    assert cli("index", "--project", str(site_dir), "--jobs", "1").exit_code == 0
    result = cli("search", "--project", str(site_dir), "qwxzvprk")
    assert result.exit_code == 1 and "no pages found" in result.stderr


def test_a_missing_project_is_explained(tmp_path: Path, cli: Callable[..., Result]) -> None:
    result = cli("index", "--project", str(tmp_path / "nowhere"))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert result.stderr.startswith("error:")


def test_the_real_content_through_the_installed_command(tmp_path: Path) -> None:
    project = tmp_path / "portal"
    project.mkdir()
    for name in ("content", "courses", "overrides"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    exe = Path(sys.executable).parent / "brobygger"
    indexed = subprocess.run([str(exe), "index", "--project", str(project)],
                             capture_output=True, text=True, check=False)
    assert indexed.returncode == 0, indexed.stderr
    found = subprocess.run([str(exe), "search", "--project", str(project), "--json",
                            "teieplikt"], capture_output=True, text=True, check=False)
    assert found.returncode == 0, found.stderr
    pages = [h["page"] for h in json.loads(found.stdout)]
    assert "moduler/lov-samtykke-taushetsplikt.md" in pages[:3]
    bad = subprocess.run([str(exe), "search", "--project", str(project), '"AND OR'],
                         capture_output=True, text=True, check=False)
    assert "Traceback" not in bad.stderr and bad.returncode in (0, 1, 2)
