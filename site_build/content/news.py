"""News items: the categories vocabulary, which loaded pages a build publishes, and the drafts
a build leaves out (loaded again for the checks, never published)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from site_build.content.pages import PageLoader
from site_build.diagnostics import Collector, Diagnostic
from site_build.io.discovery import discover_docs, link_problem
from site_build.io.yaml12 import read_yaml_file
from site_build.model import Page, Site, Vocabularies
from site_build.schema.fields import INVALID
from site_build.schema.news import CATEGORIES, CATEGORIES_FILE
from site_build.schema.records import check_document
from site_build.site.news import NEWS_DIR

__all__ = ["is_draft", "left_out_drafts", "with_categories"]


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


def left_out_drafts(site: Site) -> tuple[Page, ...]:
    """The drafts a build loaded and left out of ``site``, loaded again (never published).

    Their links are checked like every page's, so a broken one is found before the item is
    published. A file of the news folder that loaded but is not in the site can only be such
    a draft (a page that failed to load is in ``site.failed``); under the preview, which keeps
    drafts, there are none. Problems of loading were reported by the first load.
    """
    root = Path(site.config.root).resolve()
    docs = root / site.config.docs_dir
    folder = docs / NEWS_DIR
    if link_problem(docs, root) or link_problem(folder, root):
        return ()  # reported by the load; nothing outside the project is read
    # A plain listing when it has no symlinks: the safe walk costs a tenth of a second at
    # 5 000 items. The data folder lives beside the news folder, never in it.
    plain = None if folder.is_symlink() else _plain_markdown(folder, NEWS_DIR + "/")
    found = [(folder / src.removeprefix(NEWS_DIR + "/"), src) for src in plain] \
        if plain is not None else \
        [(file, f"{NEWS_DIR}/{src}") for file, src in discover_docs(folder, "/", root).pages]
    known = site.by_src.keys() | site.failed
    missing = [(file, src) for file, src in found if src not in known]
    if not missing:
        return ()
    loader = PageLoader(site.config, site.vocab, root)
    loaded = (loader.load_reporting(source)[0] for source in missing)
    return tuple(page for page in loaded if page is not None and is_draft(page))


def _plain_markdown(folder: Path, prefix: str) -> list[str] | None:
    """Docs-relative paths of the visible ``.md`` files under ``folder``; None if there is a
    symlink (``discover_docs`` decides which of those may be followed)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    out: list[str] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            return None
        if entry.is_dir():
            below = _plain_markdown(Path(entry.path), f"{prefix}{entry.name}/")
            if below is None:
                return None
            out += below
        elif entry.name.endswith(".md"):
            out.append(prefix + entry.name)
    return out
