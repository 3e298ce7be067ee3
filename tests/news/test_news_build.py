"""The news section built by pelican inside `brobygger build`: pages, lists, drafts, links."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from plugins.mkdocs_host import MkDocsHost
from plugins.news import NewsHost
from site_build.build.pipeline import build_project
from site_build.content.load import load_site
from site_build.render.page import Renderer
from site_build.site.news import news_items

ARTICLES = ["2026-02-03-horingssvar", "2026-01-10-ny-veileder", "2025-12-01-velkommen"]


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_item_is_at_the_cores_url(news_built: Path, tmp_path: Path) -> None:
    project = news_built.parent / "project"
    site = load_site(project, jobs=1).site
    urls = [p.url for p in news_items(site)]
    assert urls == [f"aktuelt/{slug}/" for slug in ARTICLES]
    for url in urls:
        assert (news_built / url / "index.html").is_file()


def test_item_body_is_the_cores_html(news_built: Path) -> None:
    project = news_built.parent / "project"
    site = load_site(project, jobs=1).site
    page = site.by_src["aktuelt/2026-01-10-ny-veileder.md"]
    body = Renderer(site).render(page).html.split("\n", 1)[1]
    html = read(news_built, "aktuelt/2026-01-10-ny-veileder/index.html")
    assert body in html  # the one engine, links filled by the core's renderer
    assert 'href="../../ip/#steg-for-steg"' in html
    assert 'href="../2026-02-03-horingssvar/"' in html


def test_lists_archives_categories_tags(news_built: Path) -> None:
    index = read(news_built, "aktuelt/index.html")
    titles = re.findall(r'class="bb-news-list__title"><a href="\./([^"]+)"', index)
    assert titles == [f"{slug}/" for slug in ARTICLES]  # newest first
    assert "Nyheter og høringssvar, nyeste først." in index  # aktuelt/index.md opens the list
    category = read(news_built, "aktuelt/kategori/nytt/index.html")
    assert "2026-01-10-ny-veileder" in category and "2026-02-03-horingssvar" not in category
    horing = read(news_built, "aktuelt/kategori/horing/index.html")
    assert "Høringssvar &lt;og&gt; uttalelser" in horing  # labels are escaped
    assert "2025-12-01-velkommen" in read(news_built, "aktuelt/arkiv/2025/index.html")
    assert "2026-01-10-ny-veileder" not in read(news_built, "aktuelt/arkiv/2025/index.html")
    assert "2026-01-10-ny-veileder" in read(news_built, "aktuelt/emne/veileder/index.html")
    for listing in ("kategori", "emne", "arkiv"):
        assert (news_built / "aktuelt" / listing / "index.html").is_file()


def test_text_fields_are_escaped(news_built: Path) -> None:
    html = read(news_built, "aktuelt/2026-01-10-ny-veileder/index.html")
    assert "<Les den>" not in html and "&lt;Les den&gt;" in html
    assert "individuell plan &amp; koordinator" in html


def test_drafts_are_never_published(news_built: Path) -> None:
    assert not (news_built / "aktuelt" / "2099-01-01-utkast").exists()
    for file in news_built.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".xml", ".json"):
            assert "Hemmelig utkasttekst" not in file.read_text(encoding="utf-8", errors="replace")


def test_one_look_and_language(news_built: Path) -> None:
    portal = read(news_built, "ip/index.html")
    article = read(news_built, "aktuelt/2026-02-03-horingssvar/index.html")
    assert '<html lang="nn"' in article  # the item's own language
    header = re.compile(r'<header class="md-header.*?</header>', re.S)
    topic = re.compile(r'(data-md-component="header-topic">\s*<span class="md-ellipsis">).*?</span>',
                       re.S)

    def same(html: str) -> str:  # the header but for the page's title, URLs to the root
        found = header.findall(html)[0]
        return re.sub(r'(href|src)="(\.\./)*', "", topic.sub(r"\1</span>", found))

    assert same(portal) == same(article)
    for css in re.findall(r'<link rel="stylesheet" href="\.\./([^"]+)"', portal):
        assert f'href="../../{css}"' in article
    assert '"base": "../.."' in article


def test_front_page_and_mentions(news_built: Path) -> None:
    home = read(news_built, "index.html")
    latest = re.search(r'<ul class="bb-latest-news">(.*?)</ul>', home, re.S)
    assert latest is not None
    assert re.findall(r'href="aktuelt/([^"]+)/"', latest.group(1)) == ARTICLES
    guidance = read(news_built, "ip/index.html")  # type: guidance, linked from two items
    mentions = re.search(r'<div class="bb-news-mentions".*?</div>', guidance, re.S)
    assert mentions is not None
    assert "2026-01-10-ny-veileder" in mentions.group(0)
    assert "2026-02-03-horingssvar" in mentions.group(0)


def test_feed_advertised_on_every_page(news_built: Path) -> None:
    # Relative: Material's script fetches sitemap.xml beside each alternate link, and no page
    # may make a request to another host.
    link = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="Testportal" '
                      r'href="([^"]+)">')
    pages = [p for p in news_built.rglob("*.html") if p.name == "index.html"
             and "search" not in p.parts]
    assert len(pages) > 10
    for page in pages:
        found = link.search(page.read_text(encoding="utf-8"))
        assert found is not None, page
        folder = page.parent.relative_to(news_built).as_posix()
        assert posixpath.normpath(posixpath.join(folder, found.group(1))) == \
            "aktuelt/feeds/atom.xml", page


def test_pagination(news_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_project(news_dir, out, hosts=[MkDocsHost(), NewsHost(per_page=2)], jobs=1, indexers=[])
    first, second = read(out, "aktuelt/index.html"), read(out, "aktuelt/side/2/index.html")
    assert "2026-02-03-horingssvar" in first and "2025-12-01-velkommen" not in first
    assert 'href="./side/2/"' in first
    assert "2025-12-01-velkommen" in second and 'href="../.././" rel="prev"' in second
    assert not (out / "aktuelt" / "side" / "3").exists()


def test_a_site_without_news_gets_no_news_folder(site_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_project(site_dir, out, jobs=1, indexers=[])
    assert not (out / "aktuelt").exists()
    assert "application/atom+xml" not in read(out, "index.html")
