"""Norwegian analysis: what a reader notices is that these words find each other."""

from __future__ import annotations

import pytest

from search.analysis import Analyzer, fold


def meets(a: Analyzer, query: str, text: str, lang: str = "nb") -> bool:
    """Whether every word of ``query`` matches an index term of ``text`` exactly."""
    indexed = set(a.index_terms(text, lang))
    return all(w.terms & indexed for w in a.query(query))


@pytest.mark.parametrize(("query", "text", "lang"), [
    # inflections
    ("arbeidsgiver", "Arbeidsgiveren har ansvar.", "nb"),
    ("arbeidsgiverne", "En arbeidsgiver har ansvar.", "nb"),
    ("arbeidsgiveren", "Arbeidsgiverne møtes.", "nb"),
    ("teneste", "Tenesta er gratis.", "nn"),
    ("tenesta", "Ei teneste for alle.", "nn"),
    ("koordinatorer", "Koordinatoren følger opp.", "nb"),
    # bokmål/nynorsk pairs, both ways
    ("tjeneste", "Tenesta er gratis.", "nn"),
    ("teneste", "Tjenesten er gratis.", "nb"),
    ("sykmelding", "Ho fekk sjukmelding.", "nn"),
    ("sjukmelding", "Sykmeldingen varer.", "nb"),
    ("taushetsplikt", "Teieplikta gjeld alle.", "nn"),
    ("fravær", "Fråvær frå arbeid.", "nn"),
    ("arbeidsgivar", "Arbeidsgiveren ringte.", "nb"),
    ("sykdom", "Sjukdommen går over.", "nn"),
    # compounds
    ("ansvar", "Arbeidsgiveransvaret er tydelig.", "nb"),
    ("oppfølging", "God sykefraværsoppfølging lønner seg.", "nb"),
    ("plikt", "Taushetsplikten gjelder.", "nb"),
    ("sykefraværsoppfølging", "God sykefraværsoppfølging lønner seg.", "nb"),
    ("sykefraværsoppfølging", "God sjukefråværsoppfølging løner seg.", "nn"),
    ("helsetjeneste", "Spesialisthelsetenesta hjelper.", "nn"),
    # folding
    ("oppfolging", "Oppfølging av ansatte.", "nb"),
    ("oppfoelging", "Oppfølging av ansatte.", "nb"),
    ("sykefravaer", "Sykefraværet går ned.", "nb"),
    ("sykefravar", "Sykefraværet går ned.", "nb"),
    ("paaroerende", "Pårørende er viktige.", "nb"),
    ("oppfolgingen", "Oppfølgingen var god.", "nb"),
    # derivation: verb and action noun
    ("tilrettelegge", "Tilrettelegging på arbeidsplassen.", "nb"),
    ("tilrettelegging", "Arbeidsgiveren skal tilrettelegge.", "nb"),
    ("vurdering", "Vi vurderer saken.", "nb"),
    # abbreviations and synonyms
    ("IP", "Alle har rett til en individuell plan.", "nb"),
    ("individuell plan", "Hun fikk IP i fjor.", "nb"),
    ("supported employment", "IPS virker.", "nb"),
    ("IPS", "Metoden heiter individuell jobbstøtte.", "nn"),
    ("AAP", "Han får arbeidsavklaringspenger.", "nb"),
    ("arbeidsavklaringspenger", "Han får AAP.", "nb"),
    ("HMS", "Arbeid med helse, miljø og sikkerhet.", "nb"),
    ("NAV-kontoret", "Ring NAV-kontoret.", "nb"),
    ("navkontor", "Ring NAV-kontoret.", "nb"),
])
def test_query_finds_text(analyzer: Analyzer, query: str, text: str, lang: str) -> None:
    assert meets(analyzer, query, text, lang)


@pytest.mark.parametrize(("query", "text"), [
    ("ansvar", "Arbeid gir mening."),
    ("arbeidsgiveransvar", "Ansvar er viktig."),  # the compound does not expand to its parts
    ("sykmelding", "Melding om møte."),
    ("IP", "Planen er individuell og ny."),  # the phrase needs its words together
])
def test_query_does_not_find_unrelated_text(analyzer: Analyzer, query: str, text: str) -> None:
    assert not meets(analyzer, query, text)


@pytest.mark.parametrize("word", ["arbeid", "samarbeid", "menneske", "mennesker", "handling",
                                  "oppfølging", "tilrettelegging", "behandling", "konflikt",
                                  "kontoret", "rapportene", "prosjektene", "telefonen",
                                  "sykmelding", "rekruttering", "virksomhet", "undervisning",
                                  "arbeidsgiver", "beskrive", "budsjett"])
def test_words_that_are_no_compounds_are_not_split(analyzer: Analyzer, word: str) -> None:
    lemma_terms = set(analyzer.word_terms(word, None))
    assert set(analyzer.word_terms(word, "nb")) <= lemma_terms | {"tilrettelegging"}


@pytest.mark.parametrize(("word", "parts"), [
    ("arbeidsgiveransvar", {"arbeidsgiver", "ansvar"}),
    ("sykefraværsoppfølging", {"sykefravar", "oppfolging"}),
    ("taushetsplikt", {"taushet", "plikt"}),
    ("helsetjeneste", {"helse", "tjeneste"}),
    ("handlingsplan", {"handling", "plan"}),
    ("jobbspesialisten", {"jobb", "spesialist"}),
    ("sjukefråværet", {"fravar"}),
])
def test_compounds_are_found_by_their_parts(analyzer: Analyzer, word: str,
                                            parts: set[str]) -> None:
    assert parts <= set(analyzer.word_terms(word, "nb"))


def test_fold_makes_keyboard_substitutes_meet() -> None:
    for plain, typed in [("oppfølging", "oppfolging"), ("oppfølging", "oppfoelging"),
                         ("fravær", "fravaer"), ("fravær", "fravar"), ("på", "paa"),
                         ("på", "pa"), ("Ærlig", "aerlig"), ("kafé", "kafe")]:
        assert fold(plain) == fold(typed)
    assert fold(fold("Aaae oeø")) == fold("Aaae oeø")


def test_full_sentence_question_keeps_its_content_words(analyzer: Analyzer) -> None:
    words = [w.word for w in analyzer.query("Hva gjør jeg når en ansatt blir sykmeldt?")]
    assert words == ["ansatt", "sykmeldt"]
    nynorsk = [w.word for w in analyzer.query("Kva gjer eg når ein tilsett blir sjukmeld?")]
    assert nynorsk == ["tilsett", "sjukmeld"]


def test_a_query_of_stopwords_only_keeps_them(analyzer: Analyzer) -> None:
    words = analyzer.query("hva er det")
    assert [w.word for w in words] == ["hva", "er", "det"]
    assert all(w.terms for w in words)


def test_prefix_is_the_last_word_being_typed(analyzer: Analyzer) -> None:
    words = analyzer.query("sykmelding oppføl")
    assert [(w.prefix, w.key) for w in words] == [(False, "sykmelding"), (True, "oppfol")]
    assert not analyzer.query("sykmelding oppfølging ")[-1].prefix
    assert not analyzer.query("hva er oppfølging?")[-1].prefix
    assert not analyzer.query("individuell plan")[-1].prefix  # a phrase is complete


def test_fuzzy_marks_longer_unknown_words_only(analyzer: Analyzer) -> None:
    individuel, plan = analyzer.query("individuel plan")
    assert individuel.fuzzy and not plan.fuzzy
    assert not analyzer.query("oppfolging")[0].fuzzy  # known once æøå are restored
    assert not analyzer.query("IPS")[0].fuzzy


def test_phrase_query_is_one_word_of_the_class_term(analyzer: Analyzer) -> None:
    (word,) = analyzer.query("Supported Employment")
    assert word.word == "Supported Employment"
    assert word.terms == {"ips"}


def test_forms_enumerate_inflections_and_the_other_written_form(analyzer: Analyzer) -> None:
    forms = set(analyzer.forms("tjeneste"))
    assert {"tjenesten", "tjenestene", "teneste", "tenesta", "tenestene"} <= forms
    assert "tenestene" in analyzer.forms("tjeneste", "nn")
    assert "tjenesten" not in analyzer.forms("tjeneste", "nn")
    assert "tilrettelegger" in analyzer.forms("tilrettelegging")


def test_project_without_search_terms_still_analyses() -> None:
    plain = Analyzer()
    assert "tjeneste" in plain.word_terms("tenesta", "nn")  # the built-in pairs
    assert "taushetsplikt" not in plain.word_terms("teieplikt", "nn")  # a project term


def test_stopwords_have_no_terms_but_class_words_are_never_stopwords() -> None:
    a = Analyzer(abbreviations={"HO": "helse og omsorg"})
    assert a.word_terms("og", "nb") == ()
    assert a.word_terms("ho", "nn") == ("ho",)
