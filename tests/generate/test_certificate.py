"""The certificate page's HTML: both states, hours from the lessons, every text field escaped."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from site_build.generate.certificate import Certificate
from site_build.generate.course_data import track_minutes
from site_build.i18n import duration_text
from site_build.model import Course, FrontMatter, Lesson, Page, Site, SiteConfig, Vocabularies

EVIL = '<script>alert("x")</script> & "«»'


def _page(src: str, title: str, *, duration: int | None = None, lang: str = "nb",
          track: str | None = None) -> Page:
    front = FrontMatter(title=title, description="d", duration=duration, lang=lang,  # type: ignore[arg-type]
                        generated="certificate" if track else None, track=track)
    return Page(src_path=src, path=f"content/{src}", url=src.removesuffix(".md") + "/",
                front=front, packed_body=b"", body_line=1)


def _site(title: str = "Kurset", lang: str = "nb", objectives: tuple[str, ...] = ("Mål",),
          lesson_title: str = "") -> tuple[Site, Page]:
    lessons = [_page("kurs/k/01.md", "Én", duration=30), _page("kurs/k/02.md", "To", duration=45),
               _page("kurs/k/03.md", "Tre")]
    cert = _page("kurs/k/kursbevis.md", "Kursbevis", lang=lang, track="k")
    course = Course(id="k", path="courses/k.yml", title=title, summary="s", audience=("leder",),
                    lessons=(Lesson("kurs/k/01.md", lesson_title), Lesson("kurs/k/02.md"),
                             Lesson("kurs/k/03.md"), Lesson("kurs/k/borte.md")),
                    objectives=objectives, certificate=True)
    site = Site(config=SiteConfig(root="."), vocab=Vocabularies(), pages=(*lessons, cert),
                courses=(course,))
    return site, cert


def test_both_states_hours_and_lessons() -> None:
    site, cert = _site()
    out = Certificate().html(cert, site)
    assert track_minutes(site, site.courses[0]) == 75
    assert "1 time og 15 minutter (3 leksjoner)" in out
    assert re.findall(r'<li data-url="([^"]+)"><a href="([^"]+)"', out) == [
        ("kurs/k/01/", "../01/"), ("kurs/k/02/", "../02/"), ("kurs/k/03/", "../03/")]
    assert '<section class="bb-cert" hidden' in out  # never shown before the browser says so
    assert "ikke et autentisert kompetansebevis" in out
    assert 'for="bb-cert-name-input">Navn (skrives bare på denne maskinen)' in out


def test_nynorsk_and_an_unknown_track() -> None:
    site, cert = _site(lang="nn")
    out = Certificate().html(cert, site)
    assert "Leksjonar som står att" in out and "ikkje eit autentisert" in out
    assert Certificate().html(_page("x.md", "X", track="ukjent"), site) == ""
    assert Certificate().headings(cert.front, site.vocab, 1) == ()


def test_every_text_field_is_escaped() -> None:
    site, cert = _site(title=EVIL, objectives=(EVIL,), lesson_title=EVIL)
    out = Certificate().html(cert, site)
    assert "<script>" not in out
    assert out.count(html.escape(EVIL, quote=True)) >= 3


@given(st.integers(0, 10_000))
def test_duration_text(minutes: int) -> None:
    said = duration_text(minutes, "nb")
    numbers = [int(n) for n in re.findall(r"\d+", said)]
    hours, rest = divmod(minutes, 60)
    assert numbers == ([hours] if hours else []) + ([rest] if rest else []) or minutes == 0
    assert duration_text(60, "nn") == "1 time" and duration_text(61, "nn") == "1 time og 1 minutt"
