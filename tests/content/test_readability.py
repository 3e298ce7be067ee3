"""Readability held by a test, so klarspråk does not erode (issue 13).

Every page's body text must stay at or below LIX 50 (ordinary non-fiction; the audited pages
averaged 37) and at or below 18 words per sentence on average (they averaged 11). A page may
only go over with a reviewed reason in ``EXCEPTIONS``. ``brobygger stats`` prints both measures
for every page.
"""

from __future__ import annotations

import pytest

from site_build.cli.stats import content_stats, format_stats, readability
from site_build.content.load import load_site
from tests.conftest import REPO

MAX_LIX = 50.0
MAX_WORDS_PER_SENTENCE = 18.0

# page path -> why it may be harder to read; keep it empty unless a page truly needs it.
EXCEPTIONS: dict[str, str] = {}


def test_lix_counts_words_per_sentence_and_long_words() -> None:
    r = readability("Dette er en kort setning. Arbeidsgiveren følger opp sykmeldte.")
    assert (r.words, r.sentences) == (9, 2)
    # 9/2 words per sentence + 100 * 3 long words (setning, Arbeidsgiveren, sykmeldte) / 9
    assert r.lix == pytest.approx(4.5 + 300 / 9)


def test_abbreviations_and_lines_do_not_miscount_sentences() -> None:
    text = "Se f.eks. § 4-6 i loven.\nOverskrift uten punktum\nHvem: lederen og BHT."
    assert readability(text).sentences == 3


@pytest.fixture(scope="module")
def stats():  # type: ignore[no-untyped-def]
    return content_stats(load_site(REPO).site)


def test_every_page_is_easy_enough_to_read(stats) -> None:  # type: ignore[no-untyped-def]
    too_hard = [
        f"{path}: LIX {r.lix:.1f} (max {MAX_LIX:.0f}), {r.words_per_sentence:.1f} words per "
        f"sentence (max {MAX_WORDS_PER_SENTENCE:.0f}); shorten sentences and long words"
        for path, r in sorted(stats.readability.items())
        if path not in EXCEPTIONS
        and (r.lix > MAX_LIX or r.words_per_sentence > MAX_WORDS_PER_SENTENCE)]
    assert not too_hard, "\n".join(too_hard)


def test_exceptions_are_real_pages_with_reasons(stats) -> None:  # type: ignore[no-untyped-def]
    for path, reason in EXCEPTIONS.items():
        assert path in stats.readability, f"{path} is not a page"
        assert len(reason.split()) >= 5, f"{path}: give a real reason"


def test_stats_report_readability_per_page(stats) -> None:  # type: ignore[no-untyped-def]
    report = format_stats(stats)
    assert "LIX" in report and "w/sent" in report
    assert "content/kurs/arbeid-og-psykisk-helse/05-sykefravaer.md" in report
