"""Searching: any string gives hits or a clear QueryError; snippets are safe HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.analysis import Analyzer
from search.index import IndexNotFound, build_index
from search.query import QueryError, search, snippet
from search.records import analyse, records_for
from site_build.content.load import load_site
from tests.conftest import FIXTURE_SITE, page

PAGES = {
    "arbeid/ips.md": ("Individuell jobbstøtte", ["arbeidsgiver"],
                      "Innledning om jobb.\n\n## Oppfølging på arbeidsplassen\n\n"
                      "Jobbspesialisten gir oppfølging til arbeidsgiveren og den ansatte.\n\n"
                      "## Kilder\n\nFlere kilder om <script>alert(1)</script> og ting.\n"),
    "arbeid/sykefravaer.md": ("Sykefravær og tilrettelegging", ["arbeidsgiver", "nav"],
                              "Tilrettelegging hjelper den sykmeldte tilbake.\n\n"
                              "## Oppfølging\n\nOppfølging skjer i dialogmøter.\n"),
    "redaksjon/skrive.md": ("Slik skriver du en side", ["redaktor"],
                            "Oppfølging av sidene er redaktørens ansvar.\n"),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the fixture site plus three pages written for these tests."""
    import shutil

    project = tmp_path_factory.mktemp("q") / "project"
    shutil.copytree(FIXTURE_SITE, project)
    with open(project / "content" / "_data" / "audiences.yml", "a", encoding="utf-8") as fh:
        fh.write("- {id: redaktor, label: Redaktør}\n")
    for path, (title, audience, body) in PAGES.items():
        file = project / "content" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        text = page(title, body).replace("audience: [nav]", f"audience: [{', '.join(audience)}]")
        file.write_text(text, encoding="utf-8")
    site = load_site(project, jobs=1).site
    assert len(site.pages) >= 8
    ix = project / ".brobygger" / "index"
    analysed = analyse(records_for(site), Analyzer.from_vocab(site.vocab), jobs=1)
    build_index(analysed, ix, vocab=site.vocab, jobs=1)
    return ix


def test_inflected_and_unaccented_forms_find_the_section(index: Path) -> None:
    for query in ("oppfølging", "oppfolging", "Oppfølgingen"):
        hits = search(index, query)
        assert hits, query
        assert {"arbeid/ips.md", "arbeid/sykefravaer.md"} <= {h.page for h in hits}


def test_hits_carry_url_anchor_and_a_marked_snippet(index: Path) -> None:
    hit = next(h for h in search(index, "jobbspesialisten") if h.page == "arbeid/ips.md")
    assert (hit.url, hit.anchor) == ("arbeid/ips/", "oppfølging-på-arbeidsplassen")
    assert hit.section == "Oppfølging på arbeidsplassen" and hit.title == "Individuell jobbstøtte"
    assert "<mark>Jobbspesialisten</mark>" in hit.snippet


def test_distinct_pages_come_before_a_second_section_of_one_page(index: Path) -> None:
    pages = [h.page for h in search(index, "oppfølging", limit=10)]
    distinct = list(dict.fromkeys(pages))
    assert pages[:len(distinct)] == distinct


def test_audience_and_language_filters(index: Path) -> None:
    editors = {h.page for h in search(index, "oppfølging", audience="redaktor")}
    assert "redaksjon/skrive.md" in editors and "arbeid/ips.md" not in editors
    employers = {h.page for h in search(index, "oppfølging", audience="arbeidsgiver")}
    assert "arbeid/ips.md" in employers and "redaksjon/skrive.md" not in employers
    assert all(h.lang == "nn" for h in search(index, "oppfølging", lang="nn"))


def test_snippets_escape_the_text_and_mark_only_matches() -> None:
    text = "Før <script>alert('x')</script> kommer oppfølging & mer oppfølging."
    analyzer = Analyzer()
    terms = frozenset(analyzer.word_terms("oppfølging", None))
    html = snippet(text, analyzer, "nb", terms)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert re.sub(r"</?mark>", "", html).count("<") == 0
    assert html.count("<mark>oppfølging</mark>") == 2


def test_a_long_text_gets_a_window_around_the_matches() -> None:
    text = ("fyll " * 200) + "her er kvernkall midt i " + ("fyll " * 200)
    html = snippet(text, Analyzer(), "nb", frozenset(Analyzer().word_terms("kvernkall", None)))
    assert "<mark>kvernkall</mark>" in html and len(html) < 300
    assert html.startswith("…") and html.endswith("…")


@pytest.mark.parametrize("query", ['"', '"arbeid', "AND", "OR NOT", "*", "?", "-", "- -",
                                   "(((", "og og og", "\x00", "arbeid\x00giver", "\x1b[31m",
                                   "a" * 10_000, "ord " * 3000, "", "   ", "\u202e", "🙂"])
def test_any_query_gives_hits_or_a_clear_error(index: Path, query: str) -> None:
    try:
        hits = search(index, query)
    except QueryError as exc:
        assert str(exc) and "Traceback" not in str(exc)
    else:
        assert isinstance(hits, list)


def test_too_long_and_empty_queries_are_explained(index: Path) -> None:
    with pytest.raises(QueryError, match="too long"):
        search(index, "a" * 10_000)
    with pytest.raises(QueryError, match="empty"):
        search(index, " \x00 ")
    with pytest.raises(QueryError, match="nothing to search for"):
        search(index, "* ? -")


def test_a_missing_index_is_its_own_error(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFound):
        search(tmp_path / "nowhere", "arbeid")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_hypothesis_queries_never_crash(index: Path, query: str) -> None:
    try:
        hits = search(index, query, limit=5)
    except QueryError:
        return
    assert len(hits) <= 5
    for hit in hits:
        assert re.sub(r"</?mark>", "", hit.snippet).count("<") == 0
