"""The facilitator view and the handout of every shipped track, and the notes they rely on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_build.content.load import load_site
from site_build.generate.facilitator import elements
from site_build.markdown.document import parse_body
from site_build.markdown.engine import create_markdown
from site_build.model import Site
from site_build.render.page import Renderer
from site_build.site.urls import relative_url

ROOT = Path(__file__).resolve().parents[2]
NOTE = """Tekst for alle.

!!! kursleder "Til kurslederen"
    Del gruppen i to. Se [leksjon 2](02-tegn.md).

    !!! tip "Inni"
        Nestet.

Mer tekst.
"""


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(ROOT).site


def test_notes_are_kept_for_the_facilitator_and_hidden_from_learners() -> None:
    md = create_markdown()
    lesson = parse_body(md, NOTE, 10, "nb", learner_view=True)
    assert "Del gruppen" not in lesson.html and "Tekst for alle" in lesson.html
    assert "Del gruppen" in lesson.facilitator_html and "Nestet" in lesson.facilitator_html
    assert "Tekst for alle" not in lesson.facilitator_html
    assert "\ue000" in lesson.facilitator_html  # the link is a slot, resolved at render time
    page = parse_body(md, NOTE, 10, "nb")
    assert page.facilitator_html == lesson.facilitator_html and "Del gruppen" in page.html
    assert parse_body(md, "Bare tekst.\n", 1, "nb").facilitator_html == ""


def test_elements_balance_nested_tags() -> None:
    html = ('<div class="admonition refleksjon"><div>a</div><p>b</p></div><div>c</div>'
            '<details class="kursleder"><details><summary>x</summary></details></details>')
    assert elements(html, "refleksjon") == [
        '<div class="admonition refleksjon"><div>a</div><p>b</p></div>']
    assert elements(html, "kursleder")[0].endswith("</details></details>")


def test_every_track_has_a_facilitator_view_and_a_handout(site: Site) -> None:
    for course in site.courses:
        kinds = {p.front.generated for p in site.pages if p.front.track == course.id}
        assert {"facilitator", "handout"} <= kinds, course.id


def _check_page(site: Site, src: str) -> str:
    page = site.page(src)
    assert page is not None
    html = Renderer(site).render(page).html
    ids = re.findall(r'\sid="([^"]*)"', html)
    assert len(ids) == len(set(ids)), f"{src}: an id twice"
    urls = {relative_url(page.url, p.url) for p in site.pages}
    for href in re.findall(r'\shref="([^"#:]+)(?:#[^"]*)?"', html):
        assert href in urls or (href.startswith("../") and "." in href.rsplit("/", 1)[-1]), \
            f"{src}: '{href}' goes nowhere"
    for anchor in re.findall(r'\shref="#([^"]+)"', html):
        assert anchor in ids, f"{src}: '#{anchor}' is not on the page"
    return html


def test_facilitator_views(site: Site) -> None:
    for page in (p for p in site.pages if p.front.generated == "facilitator"):
        html = _check_page(site, page.src_path)
        assert html.count('<table class="bb-agenda">') == 1
        course = next(c for c in site.courses if c.id == page.front.track)
        for lesson in course.lessons:
            lp = site.page(lesson.page)
            assert lp is not None
            for note in re.findall(r"<p>([^<]{20,})", lp.facilitator_html):
                assert note in html, f"{page.src_path}: a note of {lesson.page} is missing"
            for box in elements(lp.body_html, "refleksjon"):
                first = re.search(r"<p>([^<]{10,})", box)
                assert first is None or first.group(1) in html


def test_handouts(site: Site) -> None:
    for page in (p for p in site.pages if p.front.generated == "handout"):
        html = _check_page(site, page.src_path)
        course = next(c for c in site.courses if c.id == page.front.track)
        assert html.count('class="bb-handout__lesson"') == len(course.lessons)
        assert 'class="admonition kursleder' not in html
        assert "<h1" not in html.split("</h1>", 1)[1]
