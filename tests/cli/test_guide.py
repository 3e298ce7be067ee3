"""The editor's guide: its field tables come from the one schema, and it covers every file kind."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_build.scaffold.guide import DOCUMENTS, GUIDE_DIR, refresh, section
from site_build.schema.records import List
from tests.conftest import REPO

GUIDE = REPO / GUIDE_DIR
PAGES = sorted(GUIDE.glob("*.md"))
START = "<!-- generert fra skjemaet: {} -->"
END = "<!-- slutt på generert del -->"


def guide_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_generated_parts_are_current(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert refresh(text) == text, (f"{page.relative_to(REPO)} is stale: run "
                                   "'python -m site_build.scaffold'")


def test_every_schema_document_has_its_table_in_the_guide() -> None:
    text = guide_text()
    shown = {section(name) for name in DOCUMENTS if START.format(name) in text}
    missing = [name for name in DOCUMENTS if section(name) not in shown]
    assert not missing, f"no generated table in {GUIDE_DIR} for: {missing}"


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_each_table_lists_every_key_of_its_document(name: str) -> None:
    doc = DOCUMENTS[name]
    record = doc.root.item if isinstance(doc.root, List) else doc.root
    table = section(name)
    for key in record.fields:
        assert f"| `{key}` |" in table
    assert len(record.rules) == table.count("\n- ")


def test_refresh_rewrites_a_stale_part_and_leaves_the_rest() -> None:
    text = f"Før.\n\n{START.format('glossary')}\ngammelt\n{END}\n\nEtter.\n"
    new = refresh(text)
    assert new.startswith("Før.\n\n") and new.endswith(f"{END}\n\nEtter.\n")
    assert "gammelt" not in new and "| `abbr` |" in new
    assert refresh(new) == new


def test_the_command_rewrites_stale_pages(tmp_path: Path) -> None:
    shutil.copytree(GUIDE, tmp_path / GUIDE_DIR)
    page = tmp_path / GUIDE_DIR / "kurs.md"
    page.write_text(page.read_text(encoding="utf-8").replace("| `summary` |", "| `sammendrag` |"),
                    encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "site_build.scaffold", str(tmp_path)],
                         capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert out == f"wrote {GUIDE_DIR}/kurs.md\n"
    assert page.read_text(encoding="utf-8") == (GUIDE / "kurs.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("needle", [
    # every kind of file an editor touches
    "brobygger new page", "brobygger new lesson", "brobygger new article",
    "brobygger new guidance", "brobygger new checklist", "brobygger new case",
    "courses/", "## Sjekk deg selv", "??? quiz", "- [ ] ",
    "glossary.yml", "sources.yml", "audiences.yml", "topics.yml", "categories.yml",
    "search_terms.yml", "content/aktuelt/", "status: draft",
    # the path from a change to a published page
    "git switch -c", "brobygger serve", "brobygger check", "id: brobygger-check",
    "--format github", "--format gitlab", ".github/workflows/portal.yml", ".gitlab-ci.yml",
    "scripts/publish/build-pages", "site_url",
])
def test_the_guide_shows_each_file_kind_and_step(needle: str) -> None:
    assert needle in guide_text()
