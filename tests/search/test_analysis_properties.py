"""Properties of the analysis for any input: no exception, clean terms, index and query meet."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from search.analysis import Analyzer, fold

ANALYZER = Analyzer(abbreviations={"IP": "individuell plan", "NAV": "Arbeids- og velferdsforvaltningen"})
NORWEGIAN = st.text(alphabet="abcdefghijklmnoprstuvyæøåAEIOÆØÅ-' ", min_size=1, max_size=30)
WORDS = st.sampled_from(["arbeidsgiveren", "tenesta", "sykefraværsoppfølging", "IP", "oppfolging",
                         "tilrettelegge", "NAV-kontoret", "sjukmelding", "ansatte", "Ærlig"])
TEXT = st.one_of(st.text(max_size=200), NORWEGIAN, WORDS)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["nb", "nn"]))
def test_any_text_gives_clean_terms(text: str, lang: str) -> None:
    for term in ANALYZER.index_terms(text, lang):
        assert term and fold(term) == term and not re.search(r"\s", term)
    for word in ANALYZER.query(text):
        assert word.terms
        assert all(fold(t) == t and not re.search(r"\s", t) for t in word.terms)


@settings(max_examples=300, deadline=None)
@given(st.one_of(NORWEGIAN, WORDS, st.text(min_size=1, max_size=20)), st.sampled_from(["nb", "nn"]))
def test_index_and_query_terms_of_a_word_meet(text: str, lang: str) -> None:
    for _, _, word in ANALYZER.tokenize(text):
        index = set(ANALYZER.word_terms(word, lang))
        query = set(ANALYZER.word_terms(word, None))
        if ANALYZER.is_stopword(word):
            assert index == query == set()
        else:
            assert index & query, word


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_analysis_is_deterministic(text: str) -> None:
    fresh = Analyzer(abbreviations={"IP": "individuell plan",
                                    "NAV": "Arbeids- og velferdsforvaltningen"})
    assert fresh.index_terms(text, "nb") == ANALYZER.index_terms(text, "nb")
    assert fresh.query(text) == ANALYZER.query(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=50))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
