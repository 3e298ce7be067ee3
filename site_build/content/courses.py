"""Course tracks: ``courses/<id>.yml`` manifests that compose pages into ordered lessons."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_build.diagnostics import Collector, Diagnostic
from site_build.io.discovery import yaml_files
from site_build.io.yaml12 import read_yaml_file
from site_build.model import Course, Vocabularies
from site_build.schema.course import COURSE, MAX_SUMMARY
from site_build.schema.fields import INVALID
from site_build.schema.records import check_document

__all__ = ["COURSES_DIR", "MAX_SUMMARY", "load_courses"]

COURSES_DIR = "courses"


def _load_one(file: Path, root: Path, vocab: Vocabularies, out: list[Diagnostic]) -> Course | None:
    rel = file.relative_to(root).as_posix()
    collector = Collector(rel, into=out)
    doc = read_yaml_file(file, collector, "course")
    if doc is None:
        return None
    values: Any = check_document(COURSE, doc.data, collector, {"audiences": {a.id for a in vocab.audiences}})
    if values is INVALID:
        return None
    return Course(id=file.stem, path=rel, **values)


def load_courses(root: Path, vocab: Vocabularies) -> tuple[list[Course], list[Diagnostic]]:
    """Load every ``courses/*.yml`` track.

    Returns:
        The tracks that are valid on their own, and every problem found.
    """
    out: list[Diagnostic] = []
    files = yaml_files(root / COURSES_DIR, root)
    courses = [c for f in files if (c := _load_one(f, root, vocab, out)) is not None]
    return courses, out
