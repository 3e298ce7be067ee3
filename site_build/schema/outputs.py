"""The files generated from the schema: JSON Schemas, editor settings, the content doc."""

from __future__ import annotations

from pathlib import Path

from site_build.schema.jsonschema import schema_files, vscode_settings
from site_build.schema.markdown_doc import DOC_FILE, content_schema_doc

__all__ = ["generated_files", "write_generated"]


def generated_files() -> dict[str, str]:
    """Every generated file's text, by path relative to the project root."""
    return {**schema_files(), ".vscode/settings.json": vscode_settings(),
            DOC_FILE: content_schema_doc()}


def write_generated(root: Path) -> list[str]:
    """Write every generated file under ``root``.

    Returns:
        The project-relative paths whose text changed.
    """
    changed = []
    for rel, text in generated_files().items():
        path = root / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(rel)
    return changed
