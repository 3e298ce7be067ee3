"""News items: the categories vocabulary, and which loaded pages a build publishes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from site_build.diagnostics import Collector, Diagnostic
from site_build.io.discovery import link_problem
from site_build.io.yaml12 import read_yaml_file
from site_build.model import Page, Vocabularies
from site_build.schema.fields import INVALID
from site_build.schema.news import CATEGORIES, CATEGORIES_FILE
from site_build.schema.records import check_document

__all__ = ["is_draft", "with_categories"]


def with_categories(loaded: tuple[Vocabularies, list[Diagnostic]], docs: Path, data_dir: str,
                    root: Path) -> tuple[Vocabularies, list[Diagnostic]]:
    """The vocabularies with the news categories of ``docs/<data_dir>/categories.yml`` added.

    The file is optional (a site without news needs none); without it every ``category:`` is
    unknown.
    """
    vocab, out = loaded
    file = docs / data_dir / f"{CATEGORIES_FILE}.yml"
    if not file.exists() and not file.is_symlink():
        return vocab, out
    collector = Collector(file.relative_to(root).as_posix(), into=out)
    read = None if link_problem(file, root.resolve()) else \
        read_yaml_file(file, collector, "vocabulary")
    entries = check_document(CATEGORIES, read.data if read else None, collector, {})
    return replace(vocab, categories=() if entries is INVALID else tuple(entries)), out


def is_draft(page: Page) -> bool:
    """True for a news item with ``status: draft`` (shown in the preview, never published)."""
    return page.front.status == "draft"
