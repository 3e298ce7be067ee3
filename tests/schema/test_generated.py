"""The generated files (JSON Schemas, editor settings, CONTENT_SCHEMA.md) are current and right."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from site_build.io.frontmatter import split_front_matter
from site_build.io.yaml12 import fast_load
from site_build.schema.jsonschema import SCHEMA_FILES
from site_build.schema.outputs import generated_files, write_generated

REPO = Path(__file__).resolve().parents[2]
GENERATED = generated_files()


@pytest.mark.parametrize("rel", sorted(GENERATED))
def test_generated_file_is_current(rel: str) -> None:
    on_disk = REPO / rel
    assert on_disk.is_file(), f"{rel} is missing; run `python -m site_build.schema`"
    assert on_disk.read_text(encoding="utf-8") == GENERATED[rel], \
        f"{rel} is stale; run `python -m site_build.schema`"


def test_no_stray_schema_files() -> None:
    written = {rel for rel in GENERATED if rel.startswith("schemas/")}
    assert {f"schemas/{p.name}" for p in (REPO / "schemas").iterdir()} == written


def test_main_writes_only_what_changed(tmp_path: Path) -> None:
    assert sorted(write_generated(tmp_path)) == sorted(GENERATED)
    assert write_generated(tmp_path) == []


def _as_editor_sees_it(value: Any) -> Any:
    """YAML dates are strings to an editor's JSON Schema check."""
    if isinstance(value, dict):
        return {k: _as_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees_it(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def errors(schema: dict[str, Any], value: Any) -> list[str]:
    """Every way ``value`` breaks ``schema`` by the ``jsonschema`` package, as ``path: reason``."""
    Draft202012Validator.check_schema(schema)
    found = Draft202012Validator(schema).iter_errors(_as_editor_sees_it(value))
    return sorted(f"{e.json_path}: {e.message}" for e in found)


def _schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(GENERATED[f"schemas/{name}"])
    return loaded


def _described_files() -> list[tuple[str, Path]]:
    return [(name, path) for name, (_, globs) in SCHEMA_FILES.items() for glob in globs
            for path in sorted(REPO.glob(glob))]


def test_every_vocabulary_and_course_has_a_schema() -> None:
    described = {path.relative_to(REPO).as_posix() for _, path in _described_files()}
    assert {f"content/_data/{n}.yml" for n in ("audiences", "topics", "sources", "glossary")} \
        <= described
    assert len([d for d in described if d.startswith("courses/")]) >= 1


@pytest.mark.parametrize(("name", "path"), _described_files(),
                         ids=lambda v: v.name if isinstance(v, Path) else v)
def test_schema_accepts_the_repos_own_files(name: str, path: Path) -> None:
    data = fast_load(path.read_text(encoding="utf-8"))
    assert errors(_schema(name), data) == []


def test_front_matter_schema_accepts_every_page() -> None:
    schema = _schema("front-matter.schema.json")
    for page in sorted((REPO / "content").rglob("*.md")):
        split = split_front_matter(page.read_text(encoding="utf-8"))
        assert split is not None
        assert errors(schema, fast_load(split[0])) == [], page


def _misspelt(data: Any) -> Any:
    """The data with one key misspelt (in the first entry of a list)."""
    target = data[0] if isinstance(data, list) else data
    key = next(iter(target))
    target[key + "x"] = target.pop(key)
    return data


@pytest.mark.parametrize(("name", "path"), _described_files(),
                         ids=lambda v: v.name if isinstance(v, Path) else v)
def test_schema_rejects_a_misspelt_key(name: str, path: Path) -> None:
    data = _misspelt(fast_load(path.read_text(encoding="utf-8")))
    assert any("not allowed" in e and "x' was unexpected" in e for e in errors(_schema(name), data))


def test_front_matter_schema_knows_required_keys_by_type() -> None:
    schema = _schema("front-matter.schema.json")
    lesson = {"title": "T", "description": "D", "type": "lesson", "audience": ["nav"],
              "topics": ["arbeid"], "sources": ["kilde"]}
    assert "$: 'duration' is a required property" in errors(schema, lesson)
    assert errors(schema, {**lesson, "duration": 5, "objectives": ["Lære"]}) == []
    assert errors(schema, {**lesson, "sources": [], "duration": 5, "objectives": ["x"]})
    assert errors(schema, {**lesson, "lang": "no", "duration": 5, "objectives": ["x"]})


def test_every_field_has_a_description() -> None:
    def walk(schema: Any, path: str) -> None:
        for key, sub in schema.get("properties", {}).items():
            assert sub.get("description"), f"{path}.{key}"
            walk(sub, f"{path}.{key}")
        if isinstance(schema.get("items"), dict) and "properties" in schema["items"]:
            walk(schema["items"], f"{path}[]")

    for name in SCHEMA_FILES:
        walk(_schema(name), name)
