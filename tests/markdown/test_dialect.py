"""Data-driven fixtures for the Markdown dialect, one file per feature (title / input / expected).

The files are read by markdown-it-py's own fixture reader. Each case is parsed with
``parse_body`` on the core's engine and the glossary ``ABBREVIATIONS``; ``(nn)`` in a title
means a nynorsk page, ``(lesson)`` the learner's view of a lesson. Link slots are written
``{slot N}`` in the expected HTML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from site_build.markdown.document import parse_body
from site_build.markdown.engine import LINK_SLOT, create_markdown

FIXTURES = Path(__file__).parent.parent / "fixtures" / "markdown"
ABBREVIATIONS = {"NAV": "Arbeids- og velferdsforvaltningen", "IP": "individuell plan"}
FILES = sorted(FIXTURES.glob("*.txt"))
CASES = [
    pytest.param(line, title, source, expected, id=f"{path.stem}:{title}")
    for path in FILES
    for line, title, source, expected in read_fixture_file(path)
]
ENGINE = create_markdown(ABBREVIATIONS)


def test_every_fixture_file_has_cases() -> None:
    assert len(FILES) >= 10
    for path in FILES:
        assert read_fixture_file(path), f"{path.name} has no cases"


def test_fixture_titles_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("line", "title", "source", "expected"), CASES)
def test_dialect(line: int, title: str, source: str, expected: str) -> None:
    lang = "nn" if "(nn)" in title else "nb"
    parsed = parse_body(ENGINE, source, 1, lang, learner_view="(lesson)" in title)
    html = LINK_SLOT.sub(lambda m: f"{{slot {m.group(1)}}}", parsed.html)
    assert html == expected, f"fixture case at line {line + 1}"
