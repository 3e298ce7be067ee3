"""Data-driven fixtures for the Markdown dialect (title / input / expected)."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_build.markdown.document import parse_body
from site_build.markdown.engine import create_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"
ABBREVIATIONS = {"NAV": "Arbeids- og velferdsforvaltningen", "IP": "individuell plan"}


def read_fixtures(path: Path) -> list[tuple[str, str, str]]:
    """Parse a fixture file: blocks of title, '.', input, '.', expected, '.'."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[tuple[str, str, str]] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i + 1] == "." and lines[i].strip():
            title = lines[i]
            j = i + 2
            k = lines.index(".", j)
            m = lines.index(".", k + 1)
            cases.append((title, "\n".join(lines[j:k]) + "\n", "\n".join(lines[k + 1 : m]) + "\n"))
            i = m + 1
        else:
            i += 1
    return cases


CASES = [c for f in sorted(FIXTURES.glob("*.txt")) for c in read_fixtures(f)]


def test_fixtures_were_found() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize(("title", "source", "expected"), CASES, ids=[c[0] for c in CASES])
def test_dialect(title: str, source: str, expected: str) -> None:
    md = create_markdown(ABBREVIATIONS)
    lang = "nn" if "(nn)" in title else "nb"
    assert parse_body(md, source, 1, lang).html == expected
