"""Course tracks: ``courses/<id>.yml`` manifests that compose pages into ordered lessons."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from site_build.diagnostics import Diagnostic, did_you_mean
from site_build.io.discovery import yaml_files
from site_build.io.yaml12 import YamlProblem, item_line, key_line, load_yaml
from site_build.model import Course, Lang, Lesson, Vocabularies

__all__ = ["COURSES_DIR", "load_courses"]

COURSES_DIR = "courses"
_KEYS = {"title", "summary", "audience", "lang", "objectives", "prerequisites", "certificate",
         "lessons"}
_LESSON_KEYS = {"page", "title"}
MAX_SUMMARY = 300


def _strs(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v for v in value)


def _load_one(file: Path, root: Path, vocab: Vocabularies, out: list[Diagnostic]) -> Course | None:
    rel = file.relative_to(root).as_posix()

    def err(line: int, key: str, message: str) -> None:
        out.append(Diagnostic(rel, line, key, message))

    try:
        data = load_yaml(file.read_text(encoding="utf-8")).data
    except UnicodeDecodeError:
        err(0, "course", "the file is not UTF-8")
        return None
    except YamlProblem as exc:
        err(exc.line, "course", exc.message)
        return None
    if not isinstance(data, dict):
        err(1, "course", "expected key: value settings (title, summary, audience, lessons)")
        return None
    before = len(out)
    for key in data:
        if key not in _KEYS:
            err(key_line(data, key, 1), str(key), f"unknown key '{key}'" + did_you_mean(str(key), _KEYS))
    for key in ("title", "summary"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            err(key_line(data, key, 1), key, f"missing or empty '{key}'")
    if isinstance(data.get("summary"), str) and len(data["summary"]) > MAX_SUMMARY:
        err(key_line(data, "summary", 1), "summary", f"keep it to {MAX_SUMMARY} characters")
    audiences = {a.id for a in vocab.audiences}
    audience = data.get("audience")
    if not _strs(audience) or not audience:
        err(key_line(data, "audience", 1), "audience", "expected a list of audience ids")
    else:
        for i, a in enumerate(audience):
            if a not in audiences:
                err(item_line(audience, i, 1), f"audience[{i}]",
                    f"'{a}' is not a known audience" + did_you_mean(a, audiences))
    for key in ("objectives", "prerequisites"):
        if key in data and not (_strs(data[key]) or data[key] == []):
            err(key_line(data, key, 1), key, "expected a list of text items")
    lang = data.get("lang", "nb")
    if lang not in ("nb", "nn"):
        err(key_line(data, "lang", 1), "lang", f"{lang!r} is not 'nb' or 'nn'")
    if "certificate" in data and not isinstance(data["certificate"], bool):
        err(key_line(data, "certificate", 1), "certificate", "expected true or false")
    lessons = _lessons(data.get("lessons"), key_line(data, "lessons", 1), err)
    if len(out) > before:
        return None
    return Course(
        id=file.stem, path=rel, title=data["title"], summary=data["summary"],
        audience=tuple(cast(list[str], audience)), lessons=tuple(lessons), lang=cast(Lang, lang),
        objectives=tuple(data.get("objectives", [])),
        prerequisites=tuple(data.get("prerequisites", [])),
        certificate=bool(data.get("certificate", False)))


def _lessons(value: Any, line: int, err: Any) -> list[Lesson]:
    if not isinstance(value, list) or not value:
        err(line, "lessons", "expected a list of lessons ('- page: path/to/page.md')")
        return []
    lessons = []
    for i, item in enumerate(value):
        at = item_line(value, i, line)
        if not isinstance(item, dict) or not isinstance(item.get("page"), str):
            err(at, f"lessons[{i}]", "expected 'page: path/to/page.md'")
            continue
        for key in item:
            if key not in _LESSON_KEYS:
                err(at, f"lessons[{i}].{key}", f"unknown key '{key}'" + did_you_mean(str(key), _LESSON_KEYS))
        lessons.append(Lesson(item["page"], str(item.get("title", "")), at))
    return lessons


def load_courses(root: Path, vocab: Vocabularies) -> tuple[list[Course], list[Diagnostic]]:
    """Load every ``courses/*.yml`` track.

    Returns:
        The tracks that are valid on their own, and every problem found.
    """
    out: list[Diagnostic] = []
    folder = root / COURSES_DIR
    files = yaml_files(folder)
    courses = [c for f in files if (c := _load_one(f, root, vocab, out)) is not None]
    return courses, out
