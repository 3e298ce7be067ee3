"""Query words the text does not contain as typed: compounds by their parts, typos, short
words typed without æ/ø/å; and an analyzer that pickles and loads from a snapshot."""

from __future__ import annotations

import pickle

import pytest

from search.analysis import Analyzer, edits, fold


def parts_meet(a: Analyzer, query: str, text: str, lang: str = "nb") -> bool:
    """Whether the one query word's parts are all in ``text`` (and its terms are not)."""
    indexed = set(a.index_terms(text, lang))
    (word,) = a.query(query + " ")
    return not word.terms & indexed and bool(word.parts) and all(
        part & indexed for part in word.parts)


@pytest.mark.parametrize(("query", "text", "lang"), [
    ("arbeidsgiveransvar", "Ansvaret ligger hos arbeidsgiveren.", "nb"),
    ("arbeidsplassoppfølging", "Oppfølging på arbeidsplassen.", "nb"),
    ("lederstøtte", "Støtte til deg som er leder.", "nb"),  # not leder|s|tøtte
    ("kriseplanmal", "En mal for kriseplanen.", "nb"),  # a three-letter last part
    ("planmøte", "Møtet om planen.", "nb"),  # seven letters
    ("sykmeldingsperioden", "Perioden med sykmelding.", "nb"),
    ("arbeidsmiljøtiltak", "Tiltak for et godt arbeidsmiljø.", "nb"),
    ("stressmestring", "Meistring av stress.", "nn"),  # a part through its pair
    ("stressmeistring", "Mestring av stress.", "nb"),
    ("sykefravarsoppfolging", "Oppfølging av sykefravær.", "nb"),  # parts without æ/ø/å
    ("arbeidsmiljotiltak", "Tiltak for arbeidsmiljøet.", "nb"),
])
def test_a_compound_finds_a_text_with_its_parts(analyzer: Analyzer, query: str, text: str,
                                                lang: str) -> None:
    assert parts_meet(analyzer, query, text, lang)


@pytest.mark.parametrize("word", ["arbeid", "handling", "oppfølging", "konflikt", "tjeneste",
                                  "sykmelding", "kontoret", "beskrive", "individuel", "IPS",
                                  "møte", "rekruttering"])
def test_words_that_are_no_compounds_have_no_parts(analyzer: Analyzer, word: str) -> None:
    assert analyzer.query(word + " ")[0].parts == ()


def test_a_compound_in_one_written_form_is_indexed_with_the_other(analyzer: Analyzer) -> None:
    (word,) = analyzer.query("stressmestring ")
    assert word.terms <= set(analyzer.index_terms("Kurs i stressmeistring.", "nn"))
    assert {"stress", "mestring"} <= set(analyzer.word_terms("stressmeistring", "nn"))


@pytest.mark.parametrize("word", ["spesialisthelsetjensten", "individuel", "arbeidsgjiver",
                                  "sykmedlingen", "sykemlding", "tilretelegging"])
def test_fuzzy_marks_words_whose_surface_form_is_unknown(analyzer: Analyzer, word: str) -> None:
    assert analyzer.query(word + " ")[0].fuzzy


@pytest.mark.parametrize("word", ["spesialisthelsetjenesten", "oppfolging", "sykmeldingen",
                                  "arbeidsgiverne", "tenesta", "IPS", "plan", "NAV-kontoret",
                                  "individuell", "taushetsplikt", "stressmestring"])
def test_fuzzy_leaves_known_words_alone(analyzer: Analyzer, word: str) -> None:
    assert not analyzer.query(word + " ")[0].fuzzy


def test_a_typo_is_one_edit_from_the_surface_form_it_meant(analyzer: Analyzer) -> None:
    (word,) = analyzer.query("spesialisthelsetjensten ")
    meant = "spesialisthelsetjenesten"
    assert fold(meant) in edits(word.key)
    assert set(analyzer.word_terms(meant, None)) & set(
        analyzer.index_terms("Spesialisthelsetjenesten hjelper.", "nb"))
    assert word.key not in edits(word.key)
    assert {"ba", "abc", "a", "b", "bb"} <= edits("ab")


@pytest.mark.parametrize(("typed", "text"), [
    ("sma", "Tilbake i små steg."),  # små: lemma liten
    ("smaa", "Tilbake i små steg."),
    ("sta", "Du må stå på."),  # stå
    ("aar", "Det tar eitt år."),
])
def test_short_words_typed_without_aeoeaa_find_their_lemma(analyzer: Analyzer, typed: str,
                                                          text: str) -> None:
    indexed = set(analyzer.index_terms(text, "nb"))
    words = analyzer.query(typed + " ")
    assert words and all(w.terms & indexed for w in words)


def test_the_analyzer_pickles_and_loads_from_a_snapshot(analyzer: Analyzer) -> None:
    copy = pickle.loads(pickle.dumps(analyzer))
    queries = ["arbeidsgiveransvar", "oppfolging sma", "individuel plan", "stressmestring"]
    assert [copy.query(q) for q in queries] == [analyzer.query(q) for q in queries]
    snap = Analyzer.from_snapshot(analyzer.snapshot(["Oppfølging", "sma", "tenesta"]))
    assert snap.query("oppfølging sma tenesta") == analyzer.query("oppfølging sma tenesta")
    assert snap.index_terms("Tenesta er god.", "nn") == analyzer.index_terms("Tenesta er god.",
                                                                            "nn")
    with pytest.raises(ValueError, match="snapshot"):
        Analyzer.from_snapshot(b"not a snapshot")
