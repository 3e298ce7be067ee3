"""Text fields reach every page as text: no markup in a title, heading or vocabulary entry is HTML.

The fixture site gets a page whose title, description and headings, and glossary and source
entries, hold markup, quotes and ampersands. The built pages are parsed as a browser parses them
(html5lib) and must hold no element or attribute from those fields, and show each field exactly
as written: in ``<title>``, ``<meta>``, the header, the navigation, the table of contents, the
footer, the H1, the glossary, the sources and the search index. The browser test with the whole
XSS corpus is ``tests/browser/test_browser_xss.py``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest

from tests.conftest import FIXTURE_SITE, build_site
from tests.privacy import search_data

TITLE = "Farlig <bb-x bb-a=\"1\"> & \"sitat\" 'apos' </title><bb-y>"
DESCRIPTION = "Beskrivelse \"><bb-x bb-a=1> & </meta>"
HEADING = "Overskrift &lt;bb-x bb-a=1&gt; &amp;amp; `<bb-y bb-a=1>`"
HEADING_SHOWN = "Overskrift <bb-x bb-a=1> &amp; <bb-y bb-a=1>"
TERM, DEFINITION = "Ord <bb-x bb-a=1> \"q\"", "<bb-y bb-a=\"1\"> & definisjon"
ABBR, EXPANSION = "BBX", "\"><bb-x bb-a=1> & utvidelse"
SOURCE = {"id": "bb-kilde", "kind": "outside", "author": "<bb-x bb-a=1> Forfatter",
          "title": "\"><bb-y bb-a=1> Tittel", "issuer": "</cite><bb-x> Utgiver", "year": 2020}


def _yaml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with the page and entries above, built in strict mode."""
    project = tmp_path_factory.mktemp("escaping") / "project"
    shutil.copytree(FIXTURE_SITE, project)
    config = project / "mkdocs.yml"
    # The portal's footer with previous/next links shows neighbouring titles too.
    config.write_text(config.read_text(encoding="utf-8").replace(
        "- navigation.indexes", "- navigation.indexes\n    - navigation.footer"), encoding="utf-8")
    content = project / "content"
    (content / "ip" / "farlig.md").write_text(
        f"---\ntitle: {_yaml(TITLE)}\ndescription: {_yaml(DESCRIPTION)}\naudience: [nav]\n"
        f"topics: [arbeid]\nsources: [bb-kilde]\norder: 3\n---\n\n{ABBR} står her.\n\n"
        f"## {HEADING}\n\nTekst.\n", encoding="utf-8")
    data = content / "_data"
    with (data / "glossary.yml").open("a", encoding="utf-8") as glossary:
        glossary.write(f"- term: {_yaml(TERM)}\n  definition: {_yaml(DEFINITION)}\n"
                       f"- term: {ABBR}\n  abbr: true\n  expansion: {_yaml(EXPANSION)}\n"
                       f"  definition: Forkortelse.\n")
    with (data / "sources.yml").open("a", encoding="utf-8") as sources:
        sources.write("- " + "\n  ".join(f"{k}: {_yaml(v)}" for k, v in SOURCE.items()) + "\n")
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
    root = _parse(built / "ip" / "koordinator" / "index.html")
    shown = " ".join(TITLE.split())
    assert shown in [_text(a) for a in _with_class(root, "a", "md-nav__link")]
    labels = [a.get("aria-label") or "" for a in _with_class(root, "a", "md-footer__link")]
    assert any(label.endswith(": " + TITLE) for label in labels), labels


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
