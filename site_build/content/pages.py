"""Loading one page: front matter validated, body parsed and rendered once."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from site_build.diagnostics import Collector, Diagnostic
from site_build.generate.registry import generated_anchors, generated_headings
from site_build.io.frontmatter import split_front_matter
from site_build.io.yaml12 import YamlProblem, fast_load, load_yaml
from site_build.markdown.document import ALT_TEXT, parse_body
from site_build.markdown.engine import create_markdown
from site_build.model import (
    FrontMatter,
    Heading,
    Page,
    Section,
    SiteConfig,
    Vocabularies,
    pack_html,
)
from site_build.schema.frontmatter import validate_front_matter
from site_build.site.slug import slugify
from site_build.site.urls import url_for

__all__ = ["PageLoader", "engine_for"]

# C0 and C1 controls except tab, newline and carriage return, and the Unicode line and
# paragraph separators: invisible in an editor, they end lines in JavaScript and in some
# readers' tools, and NUL truncates text in others.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def _report_controls(text: str, out: Collector) -> bool:
    """Report each line with a control character (the first on it); True if any."""
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        match = _CONTROL.search(line)
        if match is not None:
            found = True
            out.error(number, "encoding", f"control character U+{ord(match[0]):04X} at column "
                      f"{match.start() + 1}; it is invisible in most editors: delete it")
    return found


def engine_for(vocab: Vocabularies) -> MarkdownIt:
    """The Markdown engine, with the glossary's abbreviations."""
    return create_markdown({t.term: t.expansion for t in vocab.glossary if t.abbr})


class PageLoader:
    """Loads pages of one site; ``load_reporting`` is what worker processes call."""

    def __init__(self, config: SiteConfig, vocab: Vocabularies, root: Path) -> None:
        self.config, self.vocab, self.root = config, vocab, root
        self.md = engine_for(vocab)

    def load_reporting(self, source: tuple[Path, str]) -> tuple[Page | None, list[Diagnostic]]:
        """Load one page; return it with the problems found in it (for worker processes)."""
        file, src_path = source
        out = Collector(file.relative_to(self.root).as_posix())
        return self.load(file, src_path, out), out.items

    def load(self, file: Path, src_path: str, out: Collector) -> Page | None:
        """Load the page in ``file``; its problems go to ``out`` (None if it cannot be used)."""
        rel = out.path
        raw = file.read_bytes()
        try:
            text = raw.decode("utf-8").replace("\r\n", "\n").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            out.error(line, "encoding", f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} "
                      f"at position {exc.start}); save it as UTF-8")
            return None
        if _CONTROL.search(text) and _report_controls(text, out):
            return None
        if not text.strip():
            out.error(0, "file", "the file is empty; it needs front matter and a body")
            return None
        split = split_front_matter(text)
        if split is None:
            out.error(1, "front matter", "the page must start with front matter between "
                      "'---' lines (title, description, audience, topics, sources)")
            return None
        yaml_text, body_line, _ = split
        front, readable = self._front_matter(out, yaml_text)
        if not readable:
            return None
        lang = front.lang if front else self.config.language
        body_text = "\n".join(text.split("\n")[body_line - 1 :])
        parsed = parse_body(self.md, body_text, body_line, lang,
                            learner_view=front is not None and front.type == "lesson")
        for line, key, message in parsed.problems:
            out.add(line, key, message, "warning" if message == ALT_TEXT else "error")
        if front is None:
            return None
        title_line = next((i + 2 for i, line in enumerate(yaml_text.split("\n"))
                           if line.startswith("title:")), 1)
        headings = [Heading(1, front.title, slugify(front.title), title_line)]
        headings += [h for h in parsed.headings if h.level > 1]
        headings += generated_headings(front, self.vocab, body_line)
        self._check_headings(out, headings)
        return Page(
            src_path=src_path, path=rel, url=url_for(src_path, self.config.use_directory_urls),
            front=front, packed_body=pack_html(parsed.html), facilitator_html=parsed.facilitator_html,
            body_line=body_line, headings=tuple(headings),
            links=tuple(parsed.links),
            sections=tuple(Section(a, h or front.title, lvl, t)
                           for a, h, lvl, t in parsed.sections),
            extra_anchors=generated_anchors(front, self.vocab))

    def _front_matter(self, out: Collector, yaml_text: str) -> tuple[FrontMatter | None, bool]:
        """The front matter (None if invalid) and whether it was readable YAML at all.

        Fast libyaml path; on any problem, re-read with ruamel to say on which line.
        """
        try:
            data = fast_load(yaml_text)
        except YamlProblem:
            data = None
        else:
            front, problems = validate_front_matter(data, out.path, 1, self.vocab,
                                                    self.config.language)
            if not problems:
                return front, True
        try:
            located = load_yaml(yaml_text).data
        except YamlProblem as exc:
            out.error(exc.line + 1, "front matter", exc.message)
            return None, False
        front, problems = validate_front_matter(located, out.path, 1, self.vocab,
                                                self.config.language)
        out.items.extend(problems)
        return front, True

    def _check_headings(self, out: Collector, headings: list[Heading]) -> None:
        seen: dict[str, Heading] = {}
        previous = 1
        for h in headings:
            if h.id in seen:
                first = seen[h.id]
                what = "generated sources section" if first.line == h.line else f"line {first.line}"
                out.error(h.line, "heading", f"'{h.text}' makes the anchor '#{h.id}', which "
                          f"the heading '{first.text}' on {what} already uses; reword one or give "
                          "it its own id with {#other-id}")
            else:
                seen[h.id] = h
            if h.level > previous + 1:
                out.warning(h.line, "heading", f"heading level jumps from {previous} to "
                            f"{h.level}; screen reader users navigate by levels")
            previous = h.level
