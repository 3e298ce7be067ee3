"""Hosts build into sub-paths of one staging folder, published together by one swap."""

from __future__ import annotations

from pathlib import Path

import pytest

from plugins.mkdocs_host import MkDocsHost
from site_build.build.host import Host, build_order, find_hosts
from site_build.build.pipeline import build_project
from site_build.diagnostics import Diagnostic
from site_build.diagnostics.errors import HostError
from site_build.model import Site
from tests.test_bad_inputs import tree_digest


class NewsHost:
    """A second host, as a news host would be: it writes one page per site page."""

    name = "news"
    subpath = "aktuelt"

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.built_into: Path | None = None

    def validate(self, root: Path) -> list[Diagnostic]:
        return []

    def build(self, root: Path, site: Site, out: Path, strict: bool = True) -> None:
        self.built_into = out
        out.mkdir(parents=True)
        (out / "index.html").write_text(f"<p>{len(site.pages)} sider</p>", encoding="utf-8")
        if self.fail:
            raise OSError("disk full")


def test_both_hosts_are_published_by_one_swap(site_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    news = NewsHost()
    report = build_project(site_dir, out, hosts=[news, MkDocsHost()], jobs=1)
    assert report.out == out.resolve()
    assert news.built_into is not None and news.built_into.name == "aktuelt"
    assert news.built_into.parent.name.startswith(".site-staging-")
    assert (out / "index.html").is_file() and (out / "ip" / "index.html").is_file()
    assert (out / "aktuelt" / "index.html").read_text(encoding="utf-8") == "<p>5 sider</p>"
    assert not list(tmp_path.glob(".site-*"))


def test_a_failing_second_host_leaves_site_untouched(site_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_project(site_dir, out, hosts=[MkDocsHost()], jobs=1)
    before = tree_digest(out)
    with pytest.raises(HostError, match="news failed: OSError: disk full"):
        build_project(site_dir, out, hosts=[MkDocsHost(), NewsHost(fail=True)], jobs=1)
    assert tree_digest(out) == before
    assert not (out / "aktuelt").exists()
    assert not list(tmp_path.glob(".site-*"))


def test_the_root_host_builds_first_and_sub_paths_are_not_shared() -> None:
    root, news = MkDocsHost(), NewsHost()
    assert build_order([news, root]) == [root, news]
    with pytest.raises(HostError, match="both build 'aktuelt'"):
        build_order([root, news, NewsHost()])
    escaping = NewsHost()
    escaping.subpath = "../utenfor"
    with pytest.raises(HostError, match="must stay inside the site"):
        build_order([root, escaping])


def test_default_hosts_come_from_entry_points() -> None:
    hosts: list[Host] = find_hosts()
    assert (hosts[0].name, hosts[0].subpath) == ("mkdocs", "")


def test_a_host_may_not_build_over_another_hosts_folder(site_dir: Path, tmp_path: Path) -> None:
    clash = NewsHost()
    clash.subpath = "ip"  # MkDocs builds the fixture site's ip/ section there
    with pytest.raises(HostError, match="'ip', which another host has already built"):
        build_project(site_dir, tmp_path / "site", hosts=[MkDocsHost(), clash], jobs=1)
    assert not (tmp_path / "site").exists()
    assert not list(tmp_path.glob(".site-*"))
