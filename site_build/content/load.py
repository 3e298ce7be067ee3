"""Loading: read every file of the project once into the model, collecting every problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_build.content.cache import LoadCache
from site_build.content.config import read_config
from site_build.content.courses import COURSES_DIR, load_courses
from site_build.content.news import is_draft, with_categories
from site_build.content.pages import PageLoader
from site_build.content.vocab import DATA_DIR, load_vocabularies
from site_build.content.workers import parallel_map
from site_build.diagnostics import Diagnostic
from site_build.io.discovery import discover_docs, yaml_files, yaml_link_problems
from site_build.model import Page, Site, Vocabularies

__all__ = ["LoadCache", "Loaded", "load_site"]


@dataclass(frozen=True)
class Loaded:
    """The site model and every diagnostic found while loading it."""

    site: Site
    diagnostics: tuple[Diagnostic, ...]


def load_site(root: Path, jobs: int | None = None, cache: LoadCache | None = None,
              drafts: bool = False) -> Loaded:
    """Load the whole project: config, vocabularies, every page and every course.

    Args:
        root: The project folder (with ``mkdocs.yml``).
        jobs: Worker processes for the pages (``None``: one per core; 1: none).
        cache: Reuse pages whose file has not changed since the last load with this cache.
        drafts: Keep news items with ``status: draft`` (the preview); a build leaves them out
            of the site, after reporting their problems like any page's.

    Returns:
        The site model (with the pages that loaded) and every diagnostic, sorted.
    """
    root = root.resolve()
    config, out = read_config(root)
    docs = root / config.docs_dir
    data_files = yaml_files(docs / DATA_DIR, root)
    def vocabularies() -> tuple[Vocabularies, list[Diagnostic]]:
        return with_categories(load_vocabularies(docs, root), docs, DATA_DIR, root)

    vocab, vocab_problems = cache.reuse("vocab", data_files, vocabularies) \
        if cache else vocabularies()
    out += vocab_problems
    loader = PageLoader(config, vocab, root)
    found = discover_docs(docs, DATA_DIR, root)
    out += found.problems
    for folder in (docs / DATA_DIR, root / COURSES_DIR):
        out += yaml_link_problems(folder, root)
    sources = list(found.pages)
    results = _load_pages(loader, sources, jobs, cache)
    pages: list[Page] = []
    failed: set[str] = set()
    for (_, src), (page, problems) in zip(sources, results, strict=True):
        out += problems
        if page is not None:
            if drafts or not is_draft(page):
                pages.append(page)
        else:
            failed.add(src)
    course_files = [*data_files, *yaml_files(root / COURSES_DIR, root)]
    courses, course_problems = cache.reuse("courses", course_files,
                                           lambda: load_courses(root, vocab)) \
        if cache else load_courses(root, vocab)
    out += course_problems
    site = Site(config, vocab, tuple(pages), tuple(courses), found.assets, frozenset(failed))
    return Loaded(site, tuple(sorted(out)))


def _load_pages(loader: PageLoader, sources: list[tuple[Path, str]], jobs: int | None,
                cache: LoadCache | None) -> list[tuple[Page | None, list[Diagnostic]]]:
    if cache is None:
        return parallel_map(loader.load_reporting, sources, jobs)
    context = (loader.config, loader.vocab)
    if cache.context != context:
        cache.context, cache.entries = context, {}
    keys = {}
    for file, src in sources:
        st = file.stat()
        keys[src] = (st.st_mtime_ns, st.st_size)
    missing = [s for s in sources if cache.entries.get(s[1], ((-1, -1),))[0] != keys[s[1]]]
    for (_, src), (page, problems) in zip(
            missing, parallel_map(loader.load_reporting, missing, jobs), strict=True):
        cache.entries[src] = (keys[src], page, problems)
    cache.entries = {src: cache.entries[src] for _, src in sources}
    return [(cache.entries[src][1], cache.entries[src][2]) for _, src in sources]
