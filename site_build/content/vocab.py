"""Controlled vocabularies in ``content/_data/``: audiences, topics, sources, glossary, search
terms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_build.diagnostics import Collector, Diagnostic
from site_build.io.discovery import link_problem
from site_build.io.yaml12 import read_yaml_file
from site_build.model import Vocabularies
from site_build.schema.fields import INVALID
from site_build.schema.records import check_document
from site_build.schema.vocabularies import OPTIONAL, VOCABULARIES

__all__ = ["DATA_DIR", "load_vocabularies"]

DATA_DIR = "_data"


def load_vocabularies(docs: Path, root: Path) -> tuple[Vocabularies, list[Diagnostic]]:
    """Load every vocabulary in ``docs/_data``.

    Returns:
        The vocabularies (the entries without problems) and every problem found in them.
    """
    out: list[Diagnostic] = []
    loaded: dict[str, tuple[Any, ...]] = {}
    for name, doc in VOCABULARIES.items():
        file = docs / DATA_DIR / f"{name}.yml"
        if name in OPTIONAL and not file.exists() and not file.is_symlink():
            loaded[name] = ()
            continue
        collector = Collector(file.relative_to(root).as_posix(), into=out)
        known = {"sources": {s.id for s in loaded.get("sources", ())}}
        # A symlink out of the project is reported by discovery; its target is never read,
        # so not even a diagnostic can quote a file from outside.
        read = None if link_problem(file, root.resolve()) else \
            read_yaml_file(file, collector, "vocabulary")
        entries = check_document(doc, read.data if read else None, collector, known)
        loaded[name] = () if entries is INVALID else entries
    return Vocabularies(loaded["audiences"], loaded["topics"], loaded["sources"],
                        loaded["glossary"], loaded["search_terms"]), out
