"""The field kit: one unknown-key check, one language check, lines from ruamel data."""

from __future__ import annotations

from typing import Any

import pytest

from site_build.diagnostics import Collector
from site_build.io.yaml12 import load_yaml
from site_build.schema.config import CONFIG
from site_build.schema.course import COURSE
from site_build.schema.fields import INVALID, Lang, Text
from site_build.schema.frontmatter import FRONT_MATTER
from site_build.schema.records import Document, List, Record, check_document
from site_build.schema.vocabularies import VOCABULARIES

KNOWN = {"audiences": {"nav"}, "topics": {"arbeid"}, "sources": {"kilde"}}


def check(doc: Document, text: str, offset: int = 0) -> tuple[Any, list[str]]:
    out = Collector("f.yml", offset)
    made = check_document(doc, load_yaml(text).data, out, KNOWN)
    return made, [f"{d.line}: {d.key}: {d.message}" for d in out.items]


def test_unknown_keys_are_reported_the_same_way_everywhere() -> None:
    assert check(FRONT_MATTER, "title: T\ntitel: T\n", 1)[1][0] == \
        "3: titel: unknown key 'titel'; did you mean 'title'?"
    assert check(COURSE, "titel: T\n")[1][0] == "1: titel: unknown key 'titel'; did you mean 'title'?"
    assert check(VOCABULARIES["topics"], "- id: a\n  label: A\n  lable: B\n")[1] == \
        ["3: [0].lable: unknown key 'lable'; did you mean 'label'?"]
    lessons = "title: T\nsummary: S\naudience: [nav]\nlessons:\n  - page: a.md\n    titel: X\n"
    assert check(COURSE, lessons)[1] == \
        ["6: lessons[0].titel: unknown key 'titel'; did you mean 'title'?"]


def test_open_records_allow_other_keys() -> None:
    made, problems = check(CONFIG, "site_name: X\ntheme:\n  name: material\n  language: nn\n")
    assert problems == [] and made["theme"] == {"language": "nn"}


@pytest.mark.parametrize("value", ["no", "nob", "false"])
def test_the_norway_problem_is_explained(value: str) -> None:
    problems = check(FRONT_MATTER, f"lang: {value}\n", 1)[1]
    assert "2: lang: 'no' is not a language code here; write 'nb' for bokmål or 'nn' for " \
        "nynorsk" in problems


def test_every_language_field_is_the_one_lang_check() -> None:
    fields = [FRONT_MATTER.root.fields["lang"], COURSE.root.fields["lang"],
              VOCABULARIES["glossary"].root.item.fields["lang"],
              CONFIG.root.fields["theme"].fields["language"]]  # type: ignore[union-attr,attr-defined]
    assert all(type(f) is Lang for f in fields)


def test_list_items_report_their_own_lines() -> None:
    problems = check(FRONT_MATTER, "audience:\n  - nav\n  - navv\n", 1)[1]
    assert "4: audience[1]: 'navv' is not a known audience; did you mean 'nav'?" in problems


def test_duplicate_ids_name_the_first_line() -> None:
    made, problems = check(VOCABULARIES["topics"], "- {id: a, label: A}\n- {id: a, label: B}\n")
    assert problems == ["2: [1].id: 'a' is already defined on line 1"]
    assert len(made) == 1


def test_a_record_with_a_problem_makes_nothing() -> None:
    record = Record("r", fields={"a": Text("a")}, required=("a",))
    doc = Document("t", record, key="r", wrong="expected a mapping")
    assert check(doc, "a: ''\n")[0] is INVALID
    assert check(doc, "a: x\n") == ({"a": "x"}, [])
    assert check(doc, "- x\n")[1] == ["1: r: expected a mapping"]


def test_a_list_keeps_the_items_without_problems() -> None:
    doc = Document("t", List("l", item=Record("r", fields={"a": Text("a")})), key="l", wrong="w")
    made, problems = check(doc, "- a: x\n- b: y\n")
    assert made == ({"a": "x"},) and problems == ["2: [1].b: unknown key 'b'"]
