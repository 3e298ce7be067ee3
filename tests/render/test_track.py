"""The lesson navigation per track, the track page and the catalogue, on a site built in memory:
a module shared by three tracks, per-track titles, nynorsk, hostile titles."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

from site_build.generate.catalogue import Catalogue
from site_build.generate.course_data import minutes_text
from site_build.generate.track_page import TrackPage
from site_build.model import (
    Course,
    FrontMatter,
    Heading,
    Lesson,
    Page,
    Site,
    SiteConfig,
    VocabEntry,
    Vocabularies,
    pack_html,
)
from site_build.render.frame import neighbours
from site_build.render.page import Renderer
from site_build.render.track import lesson_pages, track_end_html, track_top_html
from site_build.site.nav import build_navigation

EVIL = '<img src=x onerror="alert(1)"> & </script>'


def _page(src: str, title: str, duration: int | None = None, lang: str = "nb",
          generated: str | None = None, track: str | None = None) -> Page:
    url = src.removesuffix("index.md").removesuffix(".md")
    url = url if url.endswith("/") or not url else url + "/"
    front = FrontMatter(title=title, description="d", lang=lang,  # type: ignore[arg-type]
                        duration=duration, objectives=("Mål én", "Mål to") if duration else (),
                        generated=generated, track=track)
    return Page(src, f"content/{src}", url, front, pack_html("<p>Tekst.</p>\n"), 1)


def _course(cid: str, lessons: list[tuple[str, str]], lang: str = "nb",
            audience: tuple[str, ...] = ("leder",), pre: tuple[str, ...] = ()) -> Course:
    return Course(id=cid, path=f"courses/{cid}.yml", title=f"Kurs {cid}", summary="S.",
                  audience=audience, lessons=tuple(Lesson(p, t, 1) for p, t in lessons),
                  lang=lang, objectives=("Kunne noe.",), prerequisites=pre)  # type: ignore[arg-type]


def _site() -> Site:
    pages = [_page(f"kurs/a/{i:02}.md", f"{i}. Leksjon {i}", 30 + i) for i in range(1, 8)]
    pages += [_page("moduler/felles.md", "Felles modul", 45, lang="nn"),
              _page("moduler/b.md", "Modul B", 20),
              _page("kurs/a/index.md", "Kurs A", generated="track", track="a"),
              _page("kurs/a/kursbevis.md", "Kursbevis", generated="certificate", track="a"),
              _page("kurs/index.md", "Kurs", generated="catalogue"),
              _page("kurs/x/index.md", EVIL, generated="track", track="x")]
    courses = (
        _course("a", [(f"kurs/a/{i:02}.md", "") for i in range(1, 8)]),
        _course("x", [("moduler/b.md", EVIL), ("moduler/felles.md", "Felles i X")],
                audience=("nav",), pre=("a",)),
        _course("y", [("moduler/felles.md", "")], lang="nn", audience=("helse",)),
        _course("z", [("moduler/b.md", ""), ("moduler/felles.md", "")], audience=("nav", "helse")),
    )
    vocab = Vocabularies(audiences=(VocabEntry("leder", "Leder"), VocabEntry("nav", "NAV-ansatte"),
                                    VocabEntry("helse", "Helsepersonell")))
    return Site(SiteConfig(root="/nonexistent"), vocab, tuple(pages), courses)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and no script left open."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def _data(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="bb-course-data">(.*?)</script>', html)
    assert found is not None
    assert "<" not in found.group(1) and ">" not in found.group(1) and "&" not in found.group(1)
    value: dict[str, object] = json.loads(found.group(1))
    return value


def test_a_lesson_says_where_it_is_its_time_objectives_and_neighbours_in_its_track() -> None:
    site = _site()
    page = site.page("kurs/a/03.md")
    assert page is not None
    top, end = track_top_html(page, site), track_end_html(page, site)
    assert "Leksjon 3 av 7" in top and "Tid: 33 min" in top and "<li>Mål én</li>" in top
    assert "bb-track-all" not in top  # in one track only
    assert end.count('<nav class="bb-track" data-track="a"') == 1
    assert 'href="../02/" rel="prev"' in end and 'href="../04/" rel="next"' in end
    assert re.search(r'<a href="./" aria-current="page">3\. Leksjon 3</a>', end)
    assert end.count("<li data-url=") == 7 and 'href="../"' in end  # outline and track page
    data = _data(top)
    assert data["page"] == "kurs/a/03/"
    tracks = data["tracks"]
    assert isinstance(tracks, list) and [t["id"] for t in tracks] == ["a"]
    assert tracks[0]["url"] == "kurs/a/" and tracks[0]["certificate"] == "kurs/a/kursbevis/"
    assert [les["minutes"] for les in tracks[0]["lessons"]] == [31, 32, 33, 34, 35, 36, 37]


def test_the_first_and_last_lesson_link_only_inward() -> None:
    site = _site()
    first, last = site.page("kurs/a/01.md"), site.page("kurs/a/07.md")
    assert first is not None and last is not None
    assert 'rel="prev"' not in track_end_html(first, site)
    assert 'rel="next"' not in track_end_html(last, site)
    assert 'rel="prev"' in track_end_html(last, site)


def test_a_shared_module_has_one_block_per_track_with_per_track_titles_and_languages() -> None:
    site = _site()
    page = site.page("moduler/felles.md")
    assert page is not None
    top, end = track_top_html(page, site), track_end_html(page, site)
    assert [a["data-track"] for t, a in _tags(end) if t == "nav"] == ["x", "y", "z"]
    assert "Denne sida er med i kursa:" in top  # the page's language: nynorsk
    assert "Leksjon 2 av 2" in top and "Leksjon 1 av 1" in top
    assert 'aria-current="page" lang="nb">Felles i X</a>' in end  # the per-track title
    # The per-track title of the bokmål track is marked as bokmål on the nynorsk page.
    assert '<span class="bb-track__title" lang="nb">' in end
    assert 'lang="nb">Kurs x</a>' in end and "Kurs y</a>" in end
    assert "&lt;img" in end and "<img" not in end + top  # titles escaped everywhere
    assert [t["id"] for t in _data(top)["tracks"]] == ["x", "y", "z"]  # type: ignore[index]


def test_pages_outside_tracks_get_nothing_and_lessons_lose_the_site_footer() -> None:
    site = _site()
    other = site.page("kurs/a/index.md")
    assert other is not None
    assert track_top_html(other, site) == track_end_html(other, site) == ""
    assert lesson_pages(site) == {f"kurs/a/{i:02}.md" for i in range(1, 8)} | {
        "moduler/felles.md", "moduler/b.md"}
    nav = build_navigation(site.pages)
    lesson = site.page("kurs/a/03.md")
    assert lesson is not None
    assert neighbours(lesson, nav) != (None, None)  # the folder's footer, as before
    assert neighbours(lesson, nav, lesson_pages(site)) == (None, None)


def test_the_renderer_puts_the_head_before_and_the_blocks_after_the_body() -> None:
    site = _site()
    page = site.page("kurs/a/03.md")
    assert page is not None
    page = replace(page, headings=(Heading(1, page.front.title, "h", 1),))
    html = Renderer(site).render(page).html
    assert html.index("bb-lesson-head") < html.index("<p>Tekst.</p>") < html.index("bb-lesson-tracks")


def test_the_track_page_has_outline_total_time_facts_links_and_progress() -> None:
    site = _site()
    page = site.page("kurs/a/index.md")
    assert page is not None
    html = TrackPage().html(page, site)
    assert "<dt>Tid</dt><dd>3 t 58 min, 7 leksjoner</dd>" in html
    assert "<dt>For</dt><dd>Leder</dd>" in html and "Ingen forkunnskaper" in html
    assert html.count("<li data-url=") == 7 and "(31 min)" in html
    assert '<a href="kursbevis/">Kursbevis</a>' in html
    assert "kursleder" not in html.lower().replace("kursbevis", "")  # no such pages: no links
    assert '<div class="bb-progress" data-track="a" hidden></div>' in html
    assert "<li>Kunne noe.</li>" in html
    assert [t["id"] for t in _data(html)["tracks"]] == ["a"]  # type: ignore[index]
    x = site.page("kurs/x/index.md")
    assert x is not None
    x_html = TrackPage().html(x, site)
    assert '<dt>Ta først</dt><dd><a href="../a/">Kurs a</a></dd>' in x_html
    assert "&lt;img" in x_html and "<img" not in x_html


def test_the_catalogue_lists_every_track_with_an_accessible_filter() -> None:
    site = _site()
    page = site.page("kurs/index.md")
    assert page is not None
    html = Catalogue().html(page, site)
    items = [a for t, a in _tags(html) if t == "li" and "bb-catalogue__item" in (a["class"] or "")]
    assert [a["data-track"] for a in items] == ["a", "x", "y", "z"]
    assert items[3]["class"] == "bb-catalogue__item bb-cat-a2 bb-cat-a3"
    radios = [a for t, a in _tags(html) if t == "input"]
    assert [r["value"] for r in radios] == ["", "leder", "nav", "helse"]
    assert all(f'<label for="{r["id"]}">' in html for r in radios)
    assert "<legend>Vis kurs for</legend>" in html and 'aria-live="polite"' in html
    assert html.count('class="bb-progress"') == 4
    assert len(_data(html)["tracks"]) == 4  # type: ignore[arg-type]


def test_times_read_as_hours_and_minutes() -> None:
    assert [minutes_text(m, "nb") for m in (0, 45, 60, 150, 285)] == [
        "0 min", "45 min", "1 t", "2 t 30 min", "4 t 45 min"]
