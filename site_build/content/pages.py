"""Loading one page: front matter validated, body parsed and rendered once."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from site_build.diagnostics import Diagnostic
from site_build.generate.registry import generated_anchors, generated_headings
from site_build.io.frontmatter import split_front_matter
from site_build.io.yaml12 import YamlProblem, fast_load, load_yaml
from site_build.markdown.document import parse_body
from site_build.markdown.engine import create_markdown
from site_build.model import FrontMatter, Heading, Page, SiteConfig, Vocabularies
from site_build.schema.frontmatter import validate_front_matter
from site_build.site.slug import slugify
from site_build.site.urls import url_for

__all__ = ["PageLoader", "engine_for"]


def engine_for(vocab: Vocabularies) -> MarkdownIt:
    """The Markdown engine, with the glossary's abbreviations."""
    return create_markdown({t.term: t.expansion for t in vocab.glossary if t.abbr})


class PageLoader:
    """Loads pages of one site; ``load_reporting`` is what worker processes call."""

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
        split = split_front_matter(text)
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
        if front is None:
            return None
        title_line = next((i + 2 for i, line in enumerate(yaml_text.split("\n"))
                           if line.startswith("title:")), 1)
        headings = [Heading(1, front.title, slugify(front.title), title_line)]
        headings += [h for h in parsed.headings if h.level > 1]
        headings += generated_headings(front, self.vocab, body_line)
        self._check_headings(rel, headings)
        return Page(
            src_path=src_path, path=rel, url=url_for(src_path, self.config.use_directory_urls),
            front=front, body_html=parsed.html, body_line=body_line, headings=tuple(headings),
            links=tuple(parsed.links),
            text=parsed.text,
            extra_anchors=generated_anchors(front, self.vocab))

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
