"""The tracks on the built portal: lesson positions, previous/next within a track on a module
shared by three tracks, no site footer on lessons, total time on track pages, the catalogue and
the course data every course page embeds."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from site_build.content.load import load_site
from tests.conftest import REPO

SHARED = "kurs/kriser-og-stress/03-krise/index.html"


def _html(site: Path, url: str) -> str:
    return (site / url).read_text(encoding="utf-8")


def _data(html: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="bb-course-data">(.*?)</script>', html)
    assert found is not None
    value: dict[str, Any] = json.loads(found.group(1))
    return value


def _block(html: str, track: str) -> str:
    found = re.search(rf'<nav class="bb-track" data-track="{track}".*?</nav>', html, re.S)
    assert found is not None, track
    return found.group(0)


def test_a_lesson_says_lesson_3_of_7_and_has_no_site_footer(real_site: Path) -> None:
    html = _html(real_site, "kurs/arbeid-og-psykisk-helse/03-samtalen/index.html")
    assert "<strong>Leksjon 3 av 7</strong>" in html and "Tid: 45 min" in html
    assert "Mål for leksjonen" in html
    assert "md-footer__link--prev" not in html and "md-footer__link--next" not in html
    block = _block(html, "arbeid-og-psykisk-helse")
    assert 'href="../02-tegn/" rel="prev"' in block and 'href="../04-tilrettelegging/" rel="next"' in block
    last = _html(real_site, "kurs/arbeid-og-psykisk-helse/07-hjelp/index.html")
    assert 'rel="next"' not in _block(last, "arbeid-og-psykisk-helse")  # not into the guide


def test_a_module_in_three_tracks_links_within_each(real_site: Path) -> None:
    html = _html(real_site, SHARED)
    hms, leiarar = _block(html, "kriser-og-stress-hms"), _block(html, "kriser-og-stress-leiarar")
    tilsette = _block(html, "kriser-og-stress-tilsette")
    assert "Leksjon 2 av 5" in hms and "Leksjon 3 av 5" in leiarar and "Leksjon 3 av 4" in tilsette
    assert 'href="../01-stress/" rel="prev"' in hms and 'href="../04-leiaren/" rel="next"' in hms
    assert 'href="../02-mestring/" rel="prev"' in leiarar
    assert 'href="../05-kollegastotte/" rel="next"' in tilsette
    assert "Denne sida er med i kursa:" in html
    data = _data(html)
    assert data["page"] == "kurs/kriser-og-stress/03-krise/"
    assert {t["id"] for t in data["tracks"]} == {
        "kriser-og-stress-hms", "kriser-og-stress-leiarar", "kriser-og-stress-tilsette"}
    by_id = {t["id"]: t for t in data["tracks"]}
    assert [les["url"].split("/")[-2] for les in by_id["kriser-og-stress-tilsette"]["lessons"]] == [
        "01-stress", "02-mestring", "03-krise", "05-kollegastotte"]


def test_every_track_has_a_track_page_with_its_total_time(real_site: Path) -> None:
    site = load_site(REPO, jobs=1).site
    assert len(site.courses) >= 7
    for course in site.courses:
        page = next((p for p in site.pages
                     if p.front.generated == "track" and p.front.track == course.id), None)
        assert page is not None, course.id
        assert page.front.lang == course.lang, course.id
        html = _html(real_site, page.url + "index.html")
        minutes = sum((site.by_src[les.page].front.duration or 0) for les in course.lessons)
        hours, rest = divmod(minutes, 60)
        shown = f"{hours} t {rest} min" if rest else f"{hours} t"
        assert f"<dt>Tid</dt><dd>{shown}, {len(course.lessons)} leksjon" in html, course.id
        assert f'<div class="bb-progress" data-track="{course.id}" hidden></div>' in html
        assert [t["id"] for t in _data(html)["tracks"]] == [course.id]
    html = _html(real_site, "kurs/arbeid-og-psykisk-helse/index.html")
    assert "<dt>Tid</dt><dd>4 t 45 min, 7 leksjoner</dd>" in html
    assert "Hvem kurset er for" in html  # course A's own text is kept


def test_the_nav_and_health_tracks_share_modules_and_both_have_the_individual_plan(
        real_site: Path) -> None:
    site = load_site(REPO, jobs=1).site
    by_id = {c.id: c for c in site.courses}
    for track in ("nav-arbeid-og-psykisk-helse", "helse-arbeid-og-psykisk-helse"):
        assert "moduler/individuell-plan-og-koordinator.md" in {
            les.page for les in by_id[track].lessons}
    variants = [by_id[f"kriser-og-stress-{v}"] for v in ("leiarar", "tilsette", "hms")]
    assert len({tuple(les.page for les in v.lessons) for v in variants}) == 3
    assert len({v.objectives for v in variants}) == 3
    html = _html(real_site, "moduler/individuell-plan-og-koordinator/index.html")
    assert html.count('<nav class="bb-track"') == 3


def test_the_catalogue_lists_every_track_with_a_filter(real_site: Path) -> None:
    site = load_site(REPO, jobs=1).site
    html = _html(real_site, "kurs/index.html")
    listed = re.findall(r'<li class="bb-catalogue__item[^"]*" data-track="([^"]+)"', html)
    assert listed == [c.id for c in site.courses]
    assert "<legend>Vis kurs for</legend>" in html
    assert len(_data(html)["tracks"]) == len(site.courses)
    assert html.count('class="bb-progress"') == len(site.courses)
