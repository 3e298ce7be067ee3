"""Text fields reach every page as text: no markup in a title, heading or vocabulary entry is HTML.

The fixture site gets a page whose title, description and headings, and glossary and source
entries, hold markup, quotes and ampersands. The built pages are parsed as a browser parses them
(html5lib) and must hold no element or attribute from those fields, and show each field exactly
as written: in ``<title>``, ``<meta>``, the header, the navigation, the table of contents, the
footer, the H1, the glossary, the sources and the search index. A news item (title,
description, author, tags) and a news category (label, description) do the same on pelican's
pages (the item, the news list, the tag, category and yearly archive pages), on the front page's
latest news, in the "Omtalt i Aktuelt" box of the page the item links to, and in the Atom feeds.
The browser test with the whole XSS corpus is ``tests/browser/test_browser_xss.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

import feedparser
import html5lib
import pytest

from tests.conftest import build_site
from tests.news.conftest import make_news_site
from tests.privacy import search_data

TITLE = "Farlig <bb-x bb-a=\"1\"> & \"sitat\" 'apos' </title><bb-y>"
DESCRIPTION = "Beskrivelse \"><bb-x bb-a=1> & </meta>"
HEADING = "Overskrift &lt;bb-x bb-a=1&gt; &amp;amp; `<bb-y bb-a=1>`"
HEADING_SHOWN = "Overskrift <bb-x bb-a=1> &amp; <bb-y bb-a=1>"
TERM, DEFINITION = "Ord <bb-x bb-a=1> \"q\"", "<bb-y bb-a=\"1\"> & definisjon"
ABBR, EXPANSION = "BBX", "\"><bb-x bb-a=1> & utvidelse"
SOURCE = {"id": "bb-kilde", "kind": "outside", "author": "<bb-x bb-a=1> Forfatter",
          "title": "\"><bb-y bb-a=1> Tittel", "issuer": "</cite><bb-x> Utgiver", "year": 2020}
NEWS = "aktuelt/2026-03-01-farlig"  # the newest item: first in every list it is in
NEWS_TITLE = "Nyhet <bb-x bb-a=\"1\"> & \"sitat\" 'apos' AT&amp;T </title><bb-y>"
NEWS_DESCRIPTION = "Ingress \"><bb-x bb-a=1> & </meta> &lt;b&gt; ]]> <!--"
NEWS_AUTHOR = "<bb-y bb-a=\"1\"> Forfatter & \"Co\" </name>"
NEWS_TAG = "<bb-x bb-a=1> emne & \"q\""
MARKUP_TAG = "<bb-y bb-a=1>"  # nothing but markup: pelican's own slug for it is empty
CATEGORY = {"id": "farlig", "label": "<bb-x bb-a=1> Kategori & \"q\" </title>",
            "description": "\"><bb-y bb-a=1> om & kategorien"}


def _yaml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with news, and the page, item and entries above, built in strict mode."""
    project = make_news_site(tmp_path_factory.mktemp("escaping") / "project")
    config = project / "mkdocs.yml"
    # The portal's footer with previous/next links shows neighbouring titles too.
    config.write_text(config.read_text(encoding="utf-8").replace(
        "- navigation.indexes", "- navigation.indexes\n    - navigation.footer"), encoding="utf-8")
    content = project / "content"
    (content / "ip" / "farlig.md").write_text(
        f"---\ntitle: {_yaml(TITLE)}\ndescription: {_yaml(DESCRIPTION)}\naudience: [nav]\n"
        f"topics: [arbeid]\nsources: [bb-kilde]\norder: 3\n---\n\n{ABBR} står her.\n\n"
        f"## {HEADING}\n\nTekst.\n", encoding="utf-8")
    # Lessons have the track's navigation instead of the footer: the page is the track's third
    # lesson (its title in the outline and the pager), and a page after it has the footer.
    with (project / "courses" / "grunnkurs.yml").open("a", encoding="utf-8") as course:
        course.write("  - page: ip/farlig.md\n")
    (content / "ip" / "etter.md").write_text(
        "---\ntitle: Etter\ndescription: Siden etter.\naudience: [nav]\ntopics: [arbeid]\n"
        "sources: [bb-kilde]\norder: 4\n---\n\nTekst.\n", encoding="utf-8")
    data = content / "_data"
    with (data / "glossary.yml").open("a", encoding="utf-8") as glossary:
        glossary.write(f"- term: {_yaml(TERM)}\n  definition: {_yaml(DEFINITION)}\n"
                       f"- term: {ABBR}\n  abbr: true\n  expansion: {_yaml(EXPANSION)}\n"
                       f"  definition: Forkortelse.\n")
    with (data / "sources.yml").open("a", encoding="utf-8") as sources:
        sources.write("- " + "\n  ".join(f"{k}: {_yaml(v)}" for k, v in SOURCE.items()) + "\n")
    with (data / "categories.yml").open("a", encoding="utf-8") as categories:
        categories.write("- " + "\n  ".join(f"{k}: {_yaml(v)}" for k, v in CATEGORY.items())
                         + "\n")
    (content / f"{NEWS}.md").write_text(
        f"---\ntitle: {_yaml(NEWS_TITLE)}\ndescription: {_yaml(NEWS_DESCRIPTION)}\ntype: news\n"
        f"date: 2026-03-01\nauthor: {_yaml(NEWS_AUTHOR)}\ncategory: farlig\n"
        f"tags: [{_yaml(NEWS_TAG)}, {_yaml(MARKUP_TAG)}, veileder]\naudience: [nav]\n"
        "topics: [arbeid]\n"
        "sources: [bb-kilde]\n"
        "---\n\nOm [individuell plan](../ip/index.md).\n", encoding="utf-8")
    # A control character a YAML escape lets through: XML 1.0 cannot hold it.
    (content / "aktuelt" / "2026-02-20-kontroll.md").write_text(
        '---\ntitle: "Kontroll\\a tegn"\ndescription: "Ett\\0 tegn."\ntype: news\n'
        "date: 2026-02-20\nauthor: Redaksjonen\ncategory: nytt\naudience: [nav]\n"
        "topics: [arbeid]\nsources: [bb-kilde]\n---\n\nTekst.\n", encoding="utf-8")
    return build_site(project, project / "site")


def _parse(file: Path) -> Element:
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    return parser.parse(file.read_text(encoding="utf-8"))


def _text(el: Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _with_class(root: Element, tag: str, cls: str) -> Iterator[Element]:
    for el in root.iter(tag):
        if cls in (el.get("class") or "").split():
            yield el


def test_no_field_becomes_markup_on_any_page(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert len(pages) >= 6
    injected = [f"{page.relative_to(built)}: <{el.tag}> {sorted(el.attrib)}"
                for page in pages for el in _parse(page).iter()
                if isinstance(el.tag, str) and (el.tag.startswith("bb-") or "bb-a" in el.attrib)]
    assert not injected, "\n".join(injected)


def test_title_and_description_are_shown_as_written(built: Path) -> None:
    root = _parse(built / "ip" / "farlig" / "index.html")
    assert _text(next(root.iter("title"))) == f"{' '.join(TITLE.split())} - Testportal"
    metas = [m.get("content") for m in root.iter("meta") if m.get("name") == "description"]
    assert metas == [DESCRIPTION]
    assert _text(next(root.iter("h1"))) == " ".join(TITLE.split())
    topics = [_text(el) for el in _with_class(root, "div", "md-header__topic")]
    assert " ".join(TITLE.split()) in topics
    nav = [_text(a) for a in _with_class(root, "a", "md-nav__link")]
    assert " ".join(TITLE.split()) in nav


def test_navigation_and_footer_of_other_pages_show_the_title(built: Path) -> None:
    root = _parse(built / "ip" / "etter" / "index.html")
    shown = " ".join(TITLE.split())
    assert shown in [_text(a) for a in _with_class(root, "a", "md-nav__link")]
    labels = [a.get("aria-label") or "" for a in _with_class(root, "a", "md-footer__link")]
    assert any(label.endswith(": " + TITLE) for label in labels), labels


def test_the_track_navigation_of_other_lessons_shows_the_title(built: Path) -> None:
    html = (built / "ip" / "koordinator" / "index.html").read_text(encoding="utf-8")
    root = _parse(built / "ip" / "koordinator" / "index.html")
    assert TITLE in [_text(s) for s in _with_class(root, "span", "bb-track__title")]
    data = re.search(r'id="bb-course-data">(.*?)</script>', html, re.S)
    assert data is not None
    assert TITLE in [les["title"] for les in json.loads(data.group(1))["tracks"][0]["lessons"]]


def test_headings_in_the_toc_are_shown_as_written(built: Path) -> None:
    root = _parse(built / "ip" / "farlig" / "index.html")
    toc = [_text(a) for a in _with_class(root, "a", "md-nav__link")
           if (a.get("href") or "").startswith("#")]
    assert HEADING_SHOWN in toc, toc
    assert _text(next(root.iter("h2"))) == HEADING_SHOWN


def test_glossary_and_sources_are_shown_as_written(built: Path) -> None:
    glossary = _parse(built / "ordliste" / "index.html")
    assert TERM in [_text(dt) for dt in glossary.iter("dt")]
    assert DEFINITION in [_text(dd) for dd in glossary.iter("dd")]
    assert EXPANSION in [abbr.get("title") for abbr in glossary.iter("abbr")]
    page = _parse(built / "ip" / "farlig" / "index.html")
    assert EXPANSION in [abbr.get("title") for abbr in page.iter("abbr")]
    for root in (_parse(built / "kilder" / "index.html"), page):
        items = [_text(li) for li in root.iter("li")]
        label = f"{SOURCE['author']} (2020). {SOURCE['title']}. {SOURCE['issuer']}."
        assert any(item.startswith(label) for item in items), items


def _browser_index_strings(built: Path) -> set[str]:
    """Every string in the browser search index's record shards (``search/r/*.js``)."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for shard in (built / "search" / "r").glob("*.js"):
        data = search_data(shard.read_text(encoding="utf-8"))
        assert data is not None, f"{shard.name} is not a data script"
        walk(data)
    return found


def test_search_index_holds_fields_as_plain_text(built: Path) -> None:
    # The search script shows index fields with textContent: markup in a title must arrive
    # as the same characters the editor wrote, never as HTML for the browser to parse.
    strings = _browser_index_strings(built)
    assert TITLE in strings
    assert HEADING_SHOWN in strings
    assert NEWS_TITLE in strings


def _news_item(root: Element) -> Element:
    """The news item's entry in a list of items."""
    return next(li for li in _with_class(root, "li", "bb-news-list__item")
                if any((a.get("href") or "").endswith("2026-03-01-farlig/") for a in li.iter("a")))


def _tag_page(built: Path, tag: str = NEWS_TAG) -> str:
    """The page of a tag, found through the item's link to it (pelican's slug)."""
    root = _parse(built / NEWS / "index.html")
    tags = next(_with_class(root, "p", "bb-news-tags"))
    href = next(a.get("href") or "" for a in tags.iter("a") if _text(a) == tag)
    return f"aktuelt/{href.removeprefix('../')}index.html"


def test_news_item_page_shows_its_fields_as_written(built: Path) -> None:
    root = _parse(built / NEWS / "index.html")
    title = _text(next(root.iter("title")))  # "<title> – <site name>"
    assert title.startswith(NEWS_TITLE + " ") and title.endswith(" Testportal"), title
    metas = [m.get("content") for m in root.iter("meta") if m.get("name") == "description"]
    assert metas == [NEWS_DESCRIPTION]
    assert _text(next(root.iter("h1"))) == NEWS_TITLE
    topics = [_text(el) for el in _with_class(root, "div", "md-header__topic")]
    assert NEWS_TITLE in topics
    meta = _text(next(_with_class(root, "p", "bb-news-meta")))
    assert meta.endswith(f"· Av {NEWS_AUTHOR} · {CATEGORY['label']}"), meta
    tags = next(_with_class(root, "p", "bb-news-tags"))
    assert [_text(a) for a in tags.iter("a")] == [NEWS_TAG, MARKUP_TAG, "veileder"]


@pytest.mark.parametrize("listing", ["aktuelt/index.html", "aktuelt/arkiv/index.html",
                                     "aktuelt/arkiv/2026/index.html",
                                     "aktuelt/kategori/farlig/index.html", "tag"])
def test_news_lists_show_the_items_fields_as_written(built: Path, listing: str) -> None:
    item = _news_item(_parse(built / (_tag_page(built) if listing == "tag" else listing)))
    title = next(el for el in item if el.tag in ("h2", "h3"))
    assert _text(title) == NEWS_TITLE
    assert _text(next(_with_class(item, "p", "bb-news-list__description"))) == NEWS_DESCRIPTION
    meta = _text(next(_with_class(item, "p", "bb-news-meta")))
    assert meta.endswith(f"· Av {NEWS_AUTHOR} · {CATEGORY['label']}"), meta


def test_category_and_tag_pages_show_their_names_as_written(built: Path) -> None:
    category = _parse(built / "aktuelt" / "kategori" / "farlig" / "index.html")
    assert _text(next(category.iter("h1"))) == f"Kategori: {CATEGORY['label']}"
    title = _text(next(category.iter("title")))
    assert title.startswith(f"Kategori: {CATEGORY['label']} "), title
    metas = [m.get("content") for m in category.iter("meta") if m.get("name") == "description"]
    assert metas == [CATEGORY["description"]]
    feeds = [link.get("title") for link in category.iter("link")
             if link.get("rel") == "alternate"]
    assert CATEGORY["label"] in feeds, feeds
    for name in (NEWS_TAG, MARKUP_TAG):
        tag = _parse(built / _tag_page(built, name))
        assert _text(next(tag.iter("h1"))) == f"Emneord: {name}"
    names = {_text(a) for page in ("kategori", "emne")
             for a in _parse(built / "aktuelt" / page / "index.html").iter("a")}
    assert {CATEGORY["label"], NEWS_TAG, MARKUP_TAG} <= names


def test_portal_pages_show_the_news_title_as_written(built: Path) -> None:
    front = _parse(built / "index.html")
    latest = next(_with_class(front, "ul", "bb-latest-news"))
    assert _text(next(latest.iter("a"))) == NEWS_TITLE
    mentioned = _parse(built / "ip" / "index.html")
    box = next(_with_class(mentioned, "div", "bb-news-mentions"))
    assert NEWS_TITLE in [_text(a) for a in box.iter("a")]


@pytest.mark.parametrize("feed", ["atom.xml", "nb.xml", "kategori/farlig.xml"])
def test_feeds_hold_the_items_fields_as_text(built: Path, feed: str) -> None:
    raw = (built / "aktuelt" / "feeds" / feed).read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    entry = next(e for e in parsed.entries if e.link.endswith("/2026-03-01-farlig/"))
    assert entry.title == NEWS_TITLE and entry.title_detail.type == "text/plain"
    assert entry.author == NEWS_AUTHOR
    # The summary is HTML: a feed reader shows its text, and it holds no element.
    summary = html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(entry.summary)
    assert len(summary) == 0 and unescape(entry.summary) == NEWS_DESCRIPTION
    assert {CATEGORY["label"], NEWS_TAG, MARKUP_TAG} <= {tag.term for tag in entry.tags}
    if feed.startswith("kategori/"):
        assert parsed.feed.title == f"Testportal - {CATEGORY['label']}"
    elements = {el.tag for el in ElementTree.fromstring(raw).iter()}
    assert all(tag.startswith("{http://www.w3.org/2005/Atom}") for tag in elements), elements


def test_a_control_character_in_a_field_leaves_the_feeds_valid(built: Path) -> None:
    # XML 1.0 cannot hold U+0007 or U+0000: the feed shows U+FFFD, as an HTML parser does.
    parsed = feedparser.parse((built / "aktuelt" / "feeds" / "atom.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    entry = next(e for e in parsed.entries if e.link.endswith("/2026-02-20-kontroll/"))
    assert entry.title == "Kontroll\ufffd tegn" and entry.summary == "Ett\ufffd tegn."
