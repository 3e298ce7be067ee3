"""Search indexers: found by entry point, run around the hosts, inside the one publish."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from plugins.mkdocs_host import MkDocsHost
from site_build.build import indexer as indexer_module
from site_build.build.pipeline import build_project
from site_build.diagnostics.errors import HostError
from site_build.model import Site
from tests.test_bad_inputs import tree_digest


class FakeIndexer:
    """Relates the coordinator page to the IP hub and writes one file into the site."""

    name = "fake"

    def __init__(self, fail_in: str = "") -> None:
        self.fail_in = fail_in
        self.saw_staging: Path | None = None

    def prepare(self, root: Path, site: Site, jobs: int | None = None) -> Site:
        if self.fail_in == "prepare":
            raise ValueError("no terms")
        return dataclasses.replace(site, related={"ip/koordinator.md": ("ip/index.md",
                                                                        "ip/koordinator.md")})

    def write(self, root: Path, site: Site, staging: Path) -> list[str]:
        self.saw_staging = staging
        (staging / "search").mkdir()
        (staging / "search" / "manifest.json").write_text("{}", encoding="utf-8")
        if self.fail_in == "write":
            raise RuntimeError("disk on fire")
        return ["indexed 5 pages"]


def test_related_pages_reach_the_built_page_and_the_index_is_published(
        site_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    fake = FakeIndexer()
    report = build_project(site_dir, out, hosts=[MkDocsHost()], jobs=1, indexers=[fake])
    assert fake.saw_staging is not None and fake.saw_staging.name.startswith(".site-staging-")
    assert (out / "search" / "manifest.json").is_file()
    assert "indexed 5 pages" in report.notes
    html = (out / "ip" / "koordinator" / "index.html").read_text(encoding="utf-8")
    aside = html[html.index('<div class="bb-related"'):]
    aside = aside[:aside.index("</div>")]
    assert 'href="../"' in aside  # the IP hub, relative to the coordinator page
    assert aside.count("<li>") == 1  # a page is never related to itself
    assert "Relaterte sider" in aside
    other = (out / "ip" / "index.html").read_text(encoding="utf-8")
    assert "bb-related" not in other


@pytest.mark.parametrize("step", ["prepare", "write"])
def test_a_failing_indexer_publishes_nothing(site_dir: Path, tmp_path: Path, step: str) -> None:
    out = tmp_path / "site"
    build_project(site_dir, out, hosts=[MkDocsHost()], jobs=1, indexers=[])
    before = tree_digest(out)
    with pytest.raises(HostError, match="search indexer 'fake' failed"):
        build_project(site_dir, out, hosts=[MkDocsHost()], jobs=1,
                      indexers=[FakeIndexer(fail_in=step)])
    assert tree_digest(out) == before
    assert not list(tmp_path.glob(".site-*"))


def test_an_indexer_that_cannot_load_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        name = "broken"

        def load(self) -> object:
            raise ImportError("No module named 'whoosh'")

    monkeypatch.setattr(indexer_module, "entry_points", lambda group: [Broken()])
    with pytest.raises(HostError, match=r"search indexer .broken. could not start.*whoosh"):
        indexer_module.find_indexers()


def test_related_pages_computed_during_the_build_fill_the_mark() -> None:
    from site_build.render.page import RELATED_MARK, fill_related

    body = f"<p>{RELATED_MARK}</p>{RELATED_MARK}<footer>"
    assert fill_related(body, "<aside>") == f"<p>{RELATED_MARK}</p><aside><footer>"
    assert fill_related("<p>ingen</p>", "<aside>") == "<p>ingen</p>"
