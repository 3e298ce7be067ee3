"""JSON Schema files for editors, generated from the schema definitions."""

from __future__ import annotations

import json
from typing import Any

from site_build.schema.course import COURSE
from site_build.schema.frontmatter import FRONT_MATTER
from site_build.schema.news import CATEGORIES, CATEGORIES_FILE
from site_build.schema.records import Document
from site_build.schema.vocabularies import VOCABULARIES

__all__ = ["SCHEMA_DIR", "SCHEMA_FILES", "json_schema", "schema_files", "vscode_settings"]

SCHEMA_DIR = "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Schema file name → (document, the files it describes, as globs from the project root).
SCHEMA_FILES: dict[str, tuple[Document, tuple[str, ...]]] = {
    "course.schema.json": (COURSE, ("courses/*.yml",)),
    **{f"{name}.schema.json": (doc, (f"content/_data/{name}.yml",))
       for name, doc in {**VOCABULARIES, CATEGORIES_FILE: CATEGORIES}.items()},
    # Editors do not apply YAML schemas to Markdown front matter; this one is for tools.
    "front-matter.schema.json": (FRONT_MATTER, ()),
}


def json_schema(doc: Document) -> dict[str, Any]:
    """The JSON Schema of one file kind."""
    return {"$schema": DRAFT, "title": doc.title, **doc.root.json_schema()}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def schema_files() -> dict[str, str]:
    """Every JSON Schema file's text, by path relative to the project root."""
    return {f"{SCHEMA_DIR}/{name}": _dump(json_schema(doc)) for name, (doc, _) in SCHEMA_FILES.items()}


def vscode_settings() -> str:
    """``.vscode/settings.json``: the Red Hat YAML extension applies each schema to its files."""
    mapping = {f"./{SCHEMA_DIR}/{name}": list(globs)
               for name, (_, globs) in SCHEMA_FILES.items() if globs}
    return _dump({"yaml.schemas": mapping})
