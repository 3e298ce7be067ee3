"""Loading: read every file of the project once into the model, collecting every problem."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from markdown_it import MarkdownIt

from site_build.config import read_config
from site_build.courses import COURSES_DIR, load_courses
from site_build.diagnostics import Diagnostic
from site_build.document import parse_body
from site_build.generated import generated_anchors, generated_headings
from site_build.markdown import create_markdown
from site_build.model import FrontMatter, Heading, Page, Site, SiteConfig, Vocabularies
from site_build.parallel import parallel_map
from site_build.schema import validate_front_matter
from site_build.slug import slugify
from site_build.urls import url_for
from site_build.vocab import DATA_DIR, load_vocabularies
from site_build.yamlio import YamlProblem, fast_load, load_yaml

__all__ = ["LoadCache", "Loaded", "engine_for", "load_site", "sources_heading"]

T = TypeVar("T")


@dataclass(frozen=True)
class Loaded:
    """The site model and every diagnostic found while loading it."""

    site: Site
    diagnostics: tuple[Diagnostic, ...]


@dataclass
class LoadCache:
    """Pages kept between loads (the live preview), keyed by file and its size and mtime.

    Everything is dropped when the config or a vocabulary changes, since a page's validation
    and HTML depend on them.
    """

    context: object = None
    entries: dict[str, tuple[tuple[int, int], Page | None, list[Diagnostic]]] = field(
        default_factory=dict)
    # Vocabularies and courses, with the size and mtime of the files they were read from.
    data: dict[str, tuple[object, Any]] = field(default_factory=dict)

    def reuse(self, name: str, files: list[Path], read: Callable[[], T]) -> T:
        """``read()``, unless ``files`` are unchanged since the last call for ``name``."""
        stamp = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else
                      (str(f), -1, -1) for f in files)
        cached = self.data.get(name)
        if cached is not None and cached[0] == stamp:
            return cast(T, cached[1])
        value = read()
        self.data[name] = (stamp, value)
        return value


def sources_heading(lang: str) -> str:
    """The title of the generated sources section in a page's language."""
    return "Kjelder" if lang == "nn" else "Kilder"


def engine_for(vocab: Vocabularies) -> MarkdownIt:
    """The Markdown engine, with the glossary's abbreviations."""
    return create_markdown({t.term: t.expansion for t in vocab.glossary if t.abbr})


def _split_front_matter(text: str) -> tuple[str, int, int] | None:
    """``(yaml, first body line, closing line)`` if the text starts with front matter."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), i + 2, i + 1
    return None


class _PageLoader:
    def __init__(self, config: SiteConfig, vocab: Vocabularies, root: Path) -> None:
        self.config, self.vocab, self.root = config, vocab, root
        self.md = engine_for(vocab)
        self.out: list[Diagnostic] = []

    def err(self, path: str, line: int, key: str, message: str, warn: bool = False) -> None:
        self.out.append(Diagnostic(path, line, key, message, "warning" if warn else "error"))

    def load_reporting(self, source: tuple[Path, str]) -> tuple[Page | None, list[Diagnostic]]:
        """Load one page; return it with the problems found in it (for worker processes)."""
        start = len(self.out)
        page = self.load(*source)
        problems = self.out[start:]
        del self.out[start:]
        return page, problems

    def load(self, file: Path, src_path: str) -> Page | None:
        rel = file.relative_to(self.root).as_posix()
        raw = file.read_bytes()
        try:
            text = raw.decode("utf-8").replace("\r\n", "\n").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.err(rel, line, "encoding", f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} "
                     f"at position {exc.start}); save it as UTF-8")
            return None
        if not text.strip():
            self.err(rel, 0, "file", "the file is empty; it needs front matter and a body")
            return None
        split = _split_front_matter(text)
        if split is None:
            self.err(rel, 1, "front matter", "the page must start with front matter between "
                     "'---' lines (title, description, audience, topics, sources)")
            return None
        yaml_text, body_line, _ = split
        front, problems = self._front_matter(rel, yaml_text)
        if problems is None:
            return None
        self.out.extend(problems)
        lang = front.lang if front else self.config.language
        body_text = "\n".join(text.split("\n")[body_line - 1 :])
        parsed = parse_body(self.md, body_text, body_line, lang,
                            learner_view=front is not None and front.type == "lesson")
        for line, key, message in parsed.problems:
            self.err(rel, line, key, message, warn=key in ("image",))
        for finding in parsed.html_findings:
            self.err(rel, finding.line, "html", finding.what)
        if front is None:
            return None
        title_line = next((i + 2 for i, line in enumerate(yaml_text.split("\n"))
                           if line.startswith("title:")), 1)
        headings = [Heading(1, front.title, slugify(front.title), title_line)]
        headings += [h for h in parsed.headings if h.level > 1]
        headings += generated_headings(front.generated, self.vocab, front.lang == "nn", body_line)
        if front.sources:
            title = sources_heading(front.lang)
            headings.append(Heading(2, title, slugify(title), body_line))
        self._check_headings(rel, headings)
        return Page(
            src_path=src_path, path=rel, url=url_for(src_path, self.config.use_directory_urls),
            front=front, body_html=parsed.html, body_line=body_line, headings=tuple(headings),
            links=tuple(parsed.links), html_findings=tuple(parsed.html_findings),
            text=parsed.text,
            extra_anchors=generated_anchors(front.generated, self.vocab))

    def _front_matter(self, rel: str, yaml_text: str) -> tuple[FrontMatter | None,
                                                              list[Diagnostic] | None]:
        """Fast libyaml path; on any problem, re-read with ruamel to say on which line."""
        try:
            data = fast_load(yaml_text)
        except YamlProblem:
            data = None
        else:
            front, problems = validate_front_matter(data, rel, 1, self.vocab, self.config.language)
            if not problems:
                return front, []
        try:
            located = load_yaml(yaml_text).data
        except YamlProblem as exc:
            self.err(rel, exc.line + 1, "front matter", exc.message)
            return None, None
        return validate_front_matter(located, rel, 1, self.vocab, self.config.language)

    def _check_headings(self, rel: str, headings: list[Heading]) -> None:
        seen: dict[str, Heading] = {}
        previous = 1
        for h in headings:
            if h.id in seen:
                first = seen[h.id]
                what = "generated sources section" if first.line == h.line else f"line {first.line}"
                self.err(rel, h.line, "heading", f"'{h.text}' makes the anchor '#{h.id}', which "
                         f"the heading '{first.text}' on {what} already uses; reword one or give "
                         "it its own id with {#other-id}")
            else:
                seen[h.id] = h
            if h.level > previous + 1:
                self.err(rel, h.line, "heading", f"heading level jumps from {previous} to "
                         f"{h.level}; screen reader users navigate by levels", warn=True)
            previous = h.level


def load_site(root: Path, jobs: int | None = None, cache: LoadCache | None = None) -> Loaded:
    """Load the whole project: config, vocabularies, every page and every course.

    Args:
        root: The project folder (with ``mkdocs.yml``).
        jobs: Worker processes for the pages (``None``: one per core; 1: none).
        cache: Reuse pages whose file has not changed since the last load with this cache.

    Returns:
        The site model (with the pages that loaded) and every diagnostic, sorted.
    """
    root = root.resolve()
    config, out = read_config(root)
    docs = root / config.docs_dir
    data_files = sorted((docs / DATA_DIR).glob("*.yml"))
    vocab, vocab_problems = cache.reuse("vocab", data_files, lambda: load_vocabularies(docs, root)) \
        if cache else load_vocabularies(docs, root)
    out += vocab_problems
    loader = _PageLoader(config, vocab, root)
    sources: list[tuple[Path, str]] = []
    assets: set[str] = set()
    for file in sorted(docs.rglob("*")) if docs.is_dir() else []:
        src = file.relative_to(docs).as_posix()
        if not file.is_file() or src.startswith(DATA_DIR + "/") or \
                any(part.startswith(".") for part in src.split("/")):
            continue
        if file.suffix == ".md":
            sources.append((file, src))
        else:
            assets.add(src)
    results = _load_pages(loader, sources, jobs, cache)
    pages: list[Page] = []
    failed: set[str] = set()
    for (_, src), (page, problems) in zip(sources, results, strict=True):
        out += problems
        if page is not None:
            pages.append(page)
        else:
            failed.add(src)
    course_files = [*data_files, *sorted((root / COURSES_DIR).glob("*.yml"))]
    courses, course_problems = cache.reuse("courses", course_files,
                                           lambda: load_courses(root, vocab)) \
        if cache else load_courses(root, vocab)
    out += course_problems
    site = Site(config, vocab, tuple(pages), tuple(courses), frozenset(assets), frozenset(failed))
    return Loaded(site, tuple(sorted(out)))




def _load_pages(loader: _PageLoader, sources: list[tuple[Path, str]], jobs: int | None,
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
