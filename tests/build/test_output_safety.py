"""Where a build may write: never over the sources, only over folders it made, never half.

Each case goes through the real CLI with the whole project (sources and ``site/``) hashed
before and after. Read-only folders are made with ``chattr +i`` (the tests run as root, which
ignores file modes); a rename that fails midway is simulated in-process.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import Result

from site_build.build import publish as publish_module
from site_build.build.output import MARKER
from tests.test_bad_inputs import tree_digest

Cli = Callable[..., Result]


@pytest.fixture
def built(site_dir: Path, cli: Cli) -> Path:
    assert cli("build", "--project", str(site_dir)).exit_code == 0
    assert (site_dir / "site" / MARKER).is_file()
    return site_dir


def _with_overrides(project: Path) -> None:
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text('{% extends "base.html" %}\n')
    cfg = project / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("  name: material\n",
                                           "  name: material\n  custom_dir: overrides\n"))


@pytest.mark.parametrize(("out", "reason"), [
    ("content", "is the source folder 'content'"),
    (".", "is the project folder"),
    ("..", "contains the project folder"),
    ("content/sub", "lies in the source folder 'content'"),
    ("content/ip", "lies in the source folder 'content'"),
    ("courses", "is the source folder 'courses'"),
    ("overrides", "is the source folder 'overrides'"),
    (".git", "is the source folder '.git'"),
    (".git/site", "lies in the source folder '.git'"),
])
def test_output_over_the_sources_is_refused_before_anything_is_written(
        built: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, out: str, reason: str) -> None:
    _with_overrides(built)
    (built / ".git").mkdir()
    (built / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    monkeypatch.chdir(built)
    before = tree_digest(built.parent)
    result = cli("build", "--project", ".", "--out", out)
    assert result.exit_code == 1
    assert f"error: the output folder '{out}' (--out) {reason}" in result.stderr
    assert "nothing was written" in result.stderr
    assert tree_digest(built.parent) == before
    assert not list(built.parent.rglob(".site-*"))


def test_site_dir_in_the_sources_is_a_config_error_with_its_line(built: Path, cli: Cli) -> None:
    cfg = built / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("docs_dir: content\n",
                                           "docs_dir: content\nsite_dir: content\n"))
    before = tree_digest(built)
    for command in ("check", "build"):
        result = cli(command, "--project", str(built))
        assert result.exit_code == 1
        assert ("mkdocs.yml:3: site_dir: the output folder is the source folder 'content'"
                in result.stderr)
    assert tree_digest(built) == before


def test_an_existing_folder_the_build_did_not_make_is_not_replaced(
        built: Path, cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "rapporter"
    other.mkdir()
    (other / "viktig.txt").write_text("ikke slett meg")
    before = tree_digest(tmp_path)
    result = cli("build", "--project", str(built), "--out", str(other))
    assert result.exit_code == 1
    assert "a Brobygger build did not make (it has no .brobygger-site file)" in result.stderr
    assert tree_digest(tmp_path) == before


def test_an_unmarked_site_dir_is_refused_with_its_option(built: Path, cli: Cli) -> None:
    (built / "site" / MARKER).unlink()
    before = tree_digest(built)
    result = cli("build", "--project", str(built))
    assert result.exit_code == 1
    assert "mkdocs.yml:1: site_dir: the output folder is a folder that a Brobygger build did " \
           "not make" in result.stderr
    assert tree_digest(built) == before


def test_an_empty_existing_folder_is_used(built: Path, cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "tom"
    empty.mkdir()
    assert cli("build", "--project", str(built), "--out", str(empty)).exit_code == 0
    assert (empty / "index.html").is_file()


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_stale_staging_of_a_dead_build_is_removed_and_a_live_ones_kept(
        built: Path, cli: Cli) -> None:
    dead = built / f".site-staging-site-{_dead_pid()}"
    dead.mkdir()
    (dead / MARKER).write_text("x")
    (dead / "halv.html").write_text("halv")
    live = built / ".site-staging-site-1"  # pid 1 lives as long as the machine
    live.mkdir()
    (live / MARKER).write_text("x")
    foreign = built / f".site-staging-site-{_dead_pid()}-ikke"
    foreign.mkdir()
    unmarked = built / f".site-staging-site-{_dead_pid()}"
    unmarked.mkdir()
    (unmarked / "noe.txt").write_text("ikke vårt")
    result = cli("build", "--project", str(built))
    assert result.exit_code == 0
    assert f"note: removed {dead.name}, left by an interrupted build" in result.stderr
    assert not dead.exists()
    assert live.is_dir() and foreign.is_dir() and (unmarked / "noe.txt").is_file()


def test_a_site_moved_aside_by_a_killed_publish_is_put_back(built: Path, cli: Cli) -> None:
    site = built / "site"
    before = tree_digest(site)
    aside = built / f".site-old-site-{_dead_pid()}"
    site.rename(aside)
    (built / "content" / "brutt.md").write_text("ingen front matter")
    result = cli("build", "--project", str(built))
    assert result.exit_code == 1
    assert not aside.exists()
    assert tree_digest(site) == before


@contextmanager
def _immutable(path: Path) -> Iterator[None]:
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not available")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("this filesystem does not support chattr +i")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_read_only_parent_leaves_the_old_site(built: Path, cli: Cli) -> None:
    before = tree_digest(built)
    with _immutable(built):
        result = cli("build", "--project", str(built))
    assert result.exit_code == 1
    assert "cannot make the staging folder" in result.stderr
    assert "the previous site is untouched" in result.stderr
    assert tree_digest(built) == before


def test_read_only_site_folder_leaves_the_old_site(built: Path, cli: Cli) -> None:
    before = tree_digest(built)
    with _immutable(built / "site"):
        result = cli("build", "--project", str(built))
    assert result.exit_code == 1
    assert "could not publish" in result.stderr
    assert "the previous site is untouched" in result.stderr
    assert tree_digest(built) == before
    assert not list(built.glob(".site-*"))


def test_old_copy_that_cannot_be_removed_leaves_the_new_site_and_says_so(
        built: Path, cli: Cli) -> None:
    page = built / "content" / "ny.md"
    page.write_text((built / "content" / "index.md").read_text().replace(
        "title:", "order: 99\ntitle: Ny side\nx_title:", 1).replace("x_title:", "#", 1),
        encoding="utf-8")
    stuck = built / "site" / "404.html"
    with _immutable(stuck):
        result = cli("build", "--project", str(built))
        left = list(built.glob(".site-staging-*"))
        # The swap moved the stuck file into the old copy; free it there.
        subprocess.run(["chattr", "-i", str(left[0] / "404.html")], check=True)
    assert result.exit_code == 0, result.stderr
    assert "note: the new site is published; could not remove" in result.stderr
    assert (built / "site" / "ny" / "index.html").is_file()
    assert len(left) == 1 and (left[0] / "404.html").is_file()
    again = cli("build", "--project", str(built))
    assert again.exit_code == 0, again.stderr
    assert not list(built.glob(".site-staging-*"))


def test_a_failed_second_rename_puts_the_old_site_back(
        built: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without renameat2 (not Linux), publishing is two renames; the second one fails here."""
    before = tree_digest(built)
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self.name.startswith(".site-staging-"):
            raise OSError(28, "No space left on device")
        return real_rename(self, target)

    monkeypatch.setattr(publish_module, "_exchange", lambda a, b: False)
    monkeypatch.setattr(Path, "rename", rename)
    result = cli("build", "--project", str(built))
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert "the previous site is untouched" in result.stderr
    monkeypatch.undo()
    assert tree_digest(built) == before
    assert not list(built.glob(".site-*"))
