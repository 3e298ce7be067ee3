"""Fixtures for the search tests: the REAL site and a local index of it, built once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.analysis import Analyzer
from site_build.content.load import load_site
from site_build.content.vocab import load_vocabularies
from site_build.model import Site

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    """The analysis with the project's own vocabularies (glossary, search terms)."""
    vocab, problems = load_vocabularies(REPO / "content", REPO)
    assert problems == []
    return Analyzer.from_vocab(vocab)


@pytest.fixture(scope="session")
def real_site() -> Site:
    """The project's own content (``content/``), loaded the way the build loads it."""
    return load_site(REPO, jobs=1).site


@pytest.fixture(scope="session")
def real_index(real_site: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A local whoosh index of the real content, in a temporary folder.

    Built through the public pipeline (records, analysis, index) so the suite measures what
    ``brobygger index`` produces, not a test double.
    """
    from search.index import build_index
    from search.records import analyse, records_for

    analyzer = Analyzer.from_vocab(real_site.vocab)
    analysed = analyse(records_for(real_site), analyzer, jobs=1)
    index_dir = tmp_path_factory.mktemp("relevance") / "index"
    build_index(analysed, index_dir, vocab=real_site.vocab, jobs=1)
    return index_dir


# The relevance tables are worth reading even when the suite passes, but printing them from a
# test hides them behind pytest's capture: the tests attach them as a user property and they
# are shown once at the end of the run (also for tests run in xdist workers).
_TABLES: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Collect the relevance tables that tests attached to their reports."""
    if report.when == "call":
        _TABLES.extend(str(v) for k, v in report.user_properties if k == "relevance")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the collected relevance tables after the run."""
    if _TABLES:
        terminalreporter.section("search relevance")
        for table in _TABLES:
            terminalreporter.write_line(table)
