"""``content/_data/search_terms.yml``: optional, checked like every vocabulary, and used."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from search.analysis import Analyzer
from site_build.content.vocab import load_vocabularies

FILE = "content/_data/search_terms.yml"


def write(root: Path, text: str) -> None:
    (root / FILE).write_text(text, encoding="utf-8")


def test_a_project_without_the_file_checks_clean(site_dir: Path,
                                                 cli: Callable[..., Result]) -> None:
    (site_dir / FILE).unlink(missing_ok=True)
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(("text", "expected"), [
    ("- pair: [a, b]\n- synonym: [x, y]\n",
     f"{FILE}:2: [1].synonym: unknown key 'synonym'; did you mean 'synonyms'?"),
    ("- pair: [tjeneste]\n", f"{FILE}:1: [0].pair: a group needs at least two words"),
    ("- synonyms: []\n", f"{FILE}:1: [0].synonyms: the group is empty"),
    ("- pair: [a, b]\n  synonyms: [c, d]\n",
     f"{FILE}:2: [0].synonyms: a group is either 'pair' or 'synonyms', not both"),
    ("- {}\n", f"{FILE}:1: [0]: expected 'pair' or 'synonyms'"),
    ("- pair: tjeneste\n", f"{FILE}:1: [0].pair: expected a list, got text"),
    ("- pair: [tjeneste, teneste]\n- pair: [tenester, teneste]\n",
     f"{FILE}:2: [1].pair[1]: 'teneste' is already in a pair group on line 1"),
    ("- synonyms: [IPS, jobbstøtte]\n- synonyms:\n    - IA\n    - ips\n",
     f"{FILE}:4: [1].synonyms[1]: 'ips' is already in a synonyms group on line 1"),
    ("- pair: [teneste, Teneste]\n", f"{FILE}:1: [0].pair[1]: 'Teneste' is already in this group"),
    ("pair: [a, b]\n", f"{FILE}:1: vocabulary: expected a list of groups"),
])
def test_problems_are_reported_on_their_line(site_dir: Path, cli: Callable[..., Result],
                                             text: str, expected: str) -> None:
    write(site_dir, text)
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 1
    assert expected in result.stderr, result.stderr


def test_a_word_may_be_in_one_pair_and_one_synonym_group(site_dir: Path,
                                                        cli: Callable[..., Result]) -> None:
    write(site_dir, "- pair: [taushetsplikt, teieplikt]\n"
                    "- synonyms: [taushetsplikt, konfidensialitet]\n")
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 0, result.stderr


def test_the_groups_reach_the_analysis(site_dir: Path) -> None:
    write(site_dir, "- pair: [taushetsplikt, teieplikt]\n"
                    "- synonyms: [IPS, supported employment]\n")
    vocab, problems = load_vocabularies(site_dir / "content", site_dir)
    assert problems == []
    analyzer = Analyzer.from_vocab(vocab)
    assert "taushetsplikt" in analyzer.word_terms("teieplikta", "nn")
    assert [w.terms for w in analyzer.query("supported employment")] == [{"ips"}]
