"""Related pages: at most five, never the page itself, stable, and audience-aware."""

from __future__ import annotations

import random

from search.records import AnalysedRecord, Record
from search.related import MAX_RELATED, related_pages


def _rec(page: str, words: str, audience: tuple[str, ...] = ("nav",),
         topics: tuple[str, ...] = (), title: str = "") -> AnalysedRecord:
    title = title or page
    record = Record(page, page[:-3] + "/", "", title, title, words, "", audience, topics, "nb",
                    "page")
    return AnalysedRecord(record, tuple(title.split()), tuple(title.split()),
                          tuple(words.split()))


def _corpus() -> list[AnalysedRecord]:
    recs = [
        _rec("ips.md", "ips jobbspesialist arbeid oppfølging arbeidsgiver plassering"),
        _rec("ips-fidelity.md", "ips jobbspesialist troskap skala plassering"),
        _rec("ips-nav.md", "ips nav jobbspesialist samarbeid plassering"),
        _rec("sykefravaer.md", "sykefravær dialogmøte oppfølging arbeidsgiver plan"),
        _rec("dialog.md", "dialogmøte sykefravær nav lege arbeidsgiver"),
        _rec("ips-redaktor.md", "ips jobbspesialist plassering skrive side", ("redaktor",)),
        _rec("ips-helse.md", "ips jobbspesialist plassering behandling", ("helse",)),
        _rec("glossar.md", "ordliste begrep forklaring", ()),
    ]
    filler = [f"fyll{i}" for i in range(40)]
    rng = random.Random(4)
    recs += [_rec(f"side{i}.md", " ".join(rng.sample(filler, 8)), ("nav",)) for i in range(30)]
    return recs


def test_at_most_five_never_itself_and_on_topic() -> None:
    related = related_pages(_corpus())
    for page, others in related.items():
        assert page not in others and len(others) <= MAX_RELATED
        assert len(set(others)) == len(others)
    assert set(related["ips.md"][:2]) == {"ips-nav.md", "ips-fidelity.md"}
    assert "dialog.md" in related["sykefravaer.md"]


def test_the_same_from_build_to_build_whatever_the_order() -> None:
    recs = _corpus()
    first = related_pages(recs)
    shuffled = recs[:]
    random.Random(1).shuffle(shuffled)
    assert related_pages(shuffled) == first
    assert related_pages(recs) == first


def test_editors_pages_and_readers_pages_are_never_related() -> None:
    related = related_pages(_corpus())
    assert "ips-redaktor.md" not in related["ips.md"]
    assert all(p == "ips-redaktor.md" or "ips-redaktor.md" not in others
               for p, others in related.items())
    assert not related["ips-redaktor.md"]  # no other editors' page shares its words


def test_pages_for_another_audience_rank_below_shared_audiences() -> None:
    related = related_pages(_corpus())["ips.md"]
    assert "ips-helse.md" in related
    shared = [p for p in related if p != "ips-helse.md"]
    assert related.index("ips-helse.md") == len(shared)


def test_unrelated_wording_gives_no_related_pages() -> None:
    assert related_pages(_corpus())["glossar.md"] == ()
