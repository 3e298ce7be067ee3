"""scripts/publish/: what the CI files run, run here on a copy of the fixture site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPTS = REPO / "scripts" / "publish"


def run(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a script as CI does: in the project, with the installed ``brobygger`` on PATH."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run([str(SCRIPTS / script), *args], cwd=cwd, env=env, text=True,
                          capture_output=True, timeout=300, check=False)


def break_course(project: Path) -> None:
    course = project / "courses" / "grunnkurs.yml"
    course.write_text(course.read_text().replace("[arbeidsgiver]", "[arbeidsgivr]"))


def test_check_changes_annotates_for_github(site_dir: Path) -> None:
    clean = run("check-changes", "github", cwd=site_dir)
    assert (clean.returncode, clean.stdout) == (0, "")
    break_course(site_dir)
    broken = run("check-changes", "github", cwd=site_dir)
    assert broken.returncode == 1
    assert broken.stdout.startswith("::error file=courses/grunnkurs.yml,line=3,title=audience[0]::")


def test_check_changes_writes_a_code_quality_report_for_gitlab(site_dir: Path) -> None:
    report = site_dir / "gl-code-quality-report.json"
    assert run("check-changes", "gitlab", cwd=site_dir).returncode == 0
    assert json.loads(report.read_text()) == []
    break_course(site_dir)
    result = run("check-changes", "gitlab", str(report), cwd=site_dir)
    assert result.returncode == 1
    [issue] = json.loads(report.read_text())
    assert issue["location"] == {"path": "courses/grunnkurs.yml", "lines": {"begin": 3}}


def test_check_changes_leaves_a_readable_report_when_the_check_cannot_run(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = run("check-changes", "gitlab", str(report), cwd=tmp_path)  # no mkdocs.yml here
    assert result.returncode != 0
    assert isinstance(json.loads(report.read_text()), list)


def test_check_changes_refuses_an_unknown_format(site_dir: Path) -> None:
    result = run("check-changes", "sarif", cwd=site_dir)
    assert result.returncode == 2 and "usage" in result.stderr


def test_build_pages_builds_the_site_into_the_folder_pages_publishes(site_dir: Path) -> None:
    result = run("build-pages", "public", cwd=site_dir)
    assert result.returncode == 0, result.stderr
    assert (site_dir / "public" / "index.html").is_file()
    assert (site_dir / "public" / "ip" / "koordinator" / "index.html").is_file()


@pytest.mark.parametrize("args", [(), ("public",)])
def test_build_pages_publishes_nothing_from_a_broken_project(site_dir: Path,
                                                             args: tuple[str, ...]) -> None:
    break_course(site_dir)
    result = run("build-pages", *args, cwd=site_dir)
    assert result.returncode != 0
    assert not (site_dir / "public").exists()
