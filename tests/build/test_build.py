"""Building: staging and swap, determinism, strict mode, --project, per-page language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from site_build.build.publish import publish
from tests.conftest import page
from tests.test_bad_inputs import tree_digest


def test_two_builds_are_byte_identical(site_dir: Path, cli: Callable[..., Result],
                                       tmp_path: Path) -> None:
    assert cli("build", "--project", str(site_dir), "--out", str(tmp_path / "a")).exit_code == 0
    assert cli("build", "--project", str(site_dir), "--out", str(tmp_path / "b")).exit_code == 0
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


def test_project_option_works_from_another_directory(
        site_dir: Path, cli: Callable[..., Result], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert cli("check", "--project", str(site_dir)).exit_code == 0
    assert cli("build", "--project", str(site_dir)).exit_code == 0
    assert (site_dir / "site" / "index.html").is_file()
    assert not (elsewhere / "site").exists()


def test_rebuild_replaces_site_and_drops_removed_pages(site_dir: Path,
                                                       cli: Callable[..., Result]) -> None:
    (site_dir / "content" / "ekstra.md").write_text(page("Ekstra"), encoding="utf-8")
    assert cli("build", "--project", str(site_dir)).exit_code == 0
    assert (site_dir / "site" / "ekstra" / "index.html").is_file()
    (site_dir / "content" / "ekstra.md").unlink()
    assert cli("build", "--project", str(site_dir)).exit_code == 0
    assert not (site_dir / "site" / "ekstra").exists()
    assert not list(site_dir.glob(".site-*"))


def test_warnings_fail_strict_builds_only(site_dir: Path, cli: Callable[..., Result]) -> None:
    (site_dir / "content" / "bilde.md").write_text(
        page("Bilde", "![](bro.svg)"), encoding="utf-8")
    strict = cli("build", "--project", str(site_dir))
    assert strict.exit_code == 1
    assert "content/bilde.md:9: warning: image: an image needs alt text" in strict.stderr
    assert not (site_dir / "site").exists()
    relaxed = cli("build", "--project", str(site_dir), "--no-strict")
    assert relaxed.exit_code == 0
    assert (site_dir / "site" / "bilde" / "index.html").is_file()


def test_html_lang_follows_front_matter(site_dir: Path, cli: Callable[..., Result]) -> None:
    assert cli("build", "--project", str(site_dir)).exit_code == 0
    site = site_dir / "site"
    assert '<html lang="nb"' in (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nn"' in (site / "ip/koordinator/index.html").read_text(encoding="utf-8")


def test_theme_language_no_is_rejected(site_dir: Path, cli: Callable[..., Result]) -> None:
    cfg = site_dir / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("language: nb", "language: no"), encoding="utf-8")
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 1
    assert "mkdocs.yml:5: theme.language: 'no' is not supported; use 'nb' or 'nn'" in result.stderr


def test_publish_swaps_atomically_and_keeps_old_site_on_failure(tmp_path: Path) -> None:
    out, staging = tmp_path / "site", tmp_path / "staging"
    out.mkdir()
    (out / "gammel.html").write_text("gammel")
    staging.mkdir()
    (staging / "ny.html").write_text("ny")
    publish(staging, out)
    assert [p.name for p in out.iterdir()] == ["ny.html"]
    assert not staging.exists()
    missing = tmp_path / "finnes-ikke"
    with pytest.raises(Exception, match="could not publish"):
        publish(missing, out)
    assert [p.name for p in out.iterdir()] == ["ny.html"]


def test_failed_host_build_leaves_site_untouched(site_dir: Path, cli: Callable[..., Result],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("build", "--project", str(site_dir)).exit_code == 0
    before = tree_digest(site_dir / "site")

    def disk_full(*args: object, **kwargs: object) -> None:
        staging = Path(str(args[0]["site_dir"]))  # type: ignore[index]
        staging.mkdir(parents=True, exist_ok=True)  # the pipeline makes it first
        (staging / "index.html").write_text("halvferdig")
        raise OSError("disk full")

    monkeypatch.setattr("plugins.mkdocs_host.mkdocs_build", disk_full)
    result = cli("build", "--project", str(site_dir))
    assert result.exit_code == 1
    assert "disk full" in result.stderr
    assert "the previous site is untouched" in result.stderr
    assert tree_digest(site_dir / "site") == before
    assert not list(site_dir.glob(".site-staging-*"))


def test_overdue_review_is_reported_but_does_not_fail(site_dir: Path,
                                                      cli: Callable[..., Result]) -> None:
    guide = site_dir / "content" / "ip" / "index.md"
    guide.write_text(guide.read_text(encoding="utf-8")
                     .replace("reviewed: 2026-01-01", "reviewed: 2019-01-01")
                     .replace("review_by: 2099-01-01", "review_by: 2020-01-01"), encoding="utf-8")
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 0
    assert ("content/ip/index.md:9: notice: review_by: review was due 2020-01-01; check the page "
            "against its sources") in result.stderr
