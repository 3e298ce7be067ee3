"""One parse of a page body: tokens, headings, links, problems (the HTML policy too) and text.

Every piece of HTML the editor controls is checked here against the one HTML policy
(:mod:`site_build.markdown.htmlpolicy`): HTML blocks, inline HTML (also in admonition titles
and footnotes), attributes set with ``{...}`` on links, images and code, and heading
attributes. A Markdown image must be a file of the site; a link may go to another site, but
not to a ``javascript:``, ``vbscript:``, ``data:`` or ``file:`` URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from site_build.markdown.htmlpolicy import check_attribute, check_html, external_source
from site_build.markdown.rules.raw_html import marks_raw_html
from site_build.model import Heading, Link, is_external
from site_build.site.slug import slugify

__all__ = ["ALT_TEXT", "ParsedBody", "parse_body"]

ALT_TEXT = "an image needs alt text: ![what it shows](…)"
"""The one problem of a body that is a warning, not an error."""

# markdown-it refuses these links and leaves them as text; still an error, since the editor
# meant a link.
_REFUSED_LINK = re.compile(
    r"\]\(\s*<?\s*(javascript|vbscript|data|file):|<(javascript|vbscript|data|file):",
    re.IGNORECASE)
_ATTR_TAGS = {"link_open": "a", "image": "img", "code_inline": "code", "span_open": "span"}
_IMAGE_OUTSIDE = ("'{}' is an image from outside the site; a page may only show files of the "
                  "site: put the file under content/ and give its relative path")


@dataclass
class ParsedBody:
    """What one parse of a body yields; ``problems`` are ``(line, key, message)``."""

    tokens: list[Token]
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    # (anchor, heading, level, text) per section; the first is the text before any heading.
    sections: list[tuple[str, str, int, str]] = field(default_factory=list)
    html: str = ""
    # The ``kursleder`` notes alone (every page type), for a track's facilitator view.
    facilitator_html: str = ""

    @property
    def text(self) -> str:
        """The body's plain text, every section in order."""
        return "\n".join(s[3] for s in self.sections if s[3])


SECTION_LEVELS = (2, 3)
"""Headings that start a new search section (so a hit lands on the nearest anchor)."""


class _Sections:
    """Collects a body's text section by section as the tokens go by."""

    def __init__(self) -> None:
        self._done: list[tuple[str, str, int, str]] = []
        self._head: tuple[str, str, int] = ("", "", 1)
        self._words: list[str] = []

    def add(self, text: str) -> None:
        if text:
            self._words.append(text)

    def start(self, anchor: str, heading: str, level: int) -> None:
        self._flush()
        self._head = (anchor, heading, level)

    def _flush(self) -> None:
        if self._words or self._head[0]:
            self._done.append((*self._head, "\n".join(self._words)))
        self._words = []

    def done(self) -> list[tuple[str, str, int, str]]:
        self._flush()
        return self._done


def _drop_facilitator_notes(tokens: list[Token]) -> list[Token]:
    """Lessons are read by learners: ``kursleder`` notes are left out of them."""
    kept: list[Token] = []
    depth = 0
    for tok in tokens:
        if depth:
            depth += (tok.type == "admonition_open") - (tok.type == "admonition_close")
            continue
        if tok.type == "admonition_open" and tok.meta.get("tag") == "kursleder":
            depth = 1
            continue
        kept.append(tok)
    return kept


def _facilitator_notes(tokens: list[Token]) -> list[Token]:
    """The tokens of every top-level ``kursleder`` note, nested content included."""
    notes: list[Token] = []
    depth = 0
    for tok in tokens:
        if depth:
            depth += (tok.type == "admonition_open") - (tok.type == "admonition_close")
            notes.append(tok)
        elif tok.type == "admonition_open" and tok.meta.get("tag") == "kursleder":
            depth = 1
            notes.append(tok)
    return notes


def _inline_text(inline: Token) -> str:
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline" and "abbr" in child.meta:
            parts.append(str(child.meta["abbr"]))
        elif child.type == "image":
            parts.append(_inline_text(child))
    return "".join(parts).strip()


def _check_attrs(tok: Token, tag: str, line: int, body: ParsedBody,
                 skip: tuple[str, ...] = ()) -> None:
    """Attributes on a token (from ``{...}`` or the Markdown itself) under the HTML policy.

    The attrs plugin drops event handlers and refused URLs itself (into
    ``meta["insecure_attrs"]``); those are errors too, never a silent change of the page.
    """
    for name, value in tok.attrs.items():
        if name not in skip:
            problem = check_attribute(tag, name, str(value))
            if problem:
                body.problems.append((line, "html", problem))
    for name, value in (tok.meta.get("insecure_attrs") or {}).items():
        problem = check_attribute(tag, name, str(value)) or f"attribute '{name}=' is not allowed"
        body.problems.append((line, "html", problem))


def _check_image(child: Token, line: int, body: ParsedBody) -> None:
    src = str(child.attrGet("src") or "")
    child.meta["link_index"] = len(body.links)
    body.links.append(Link(src, line, image=True))
    if not child.children or not _inline_text(child):
        body.problems.append((line, "image", ALT_TEXT))
    # A leading '/' alone is the link check's to report ("starts with '/'").
    if is_external(src) or (external_source(src) and not src.startswith("/")):
        shown = src if len(src) <= 60 else src[:57] + "..."
        body.problems.append((line, "image", _IMAGE_OUTSIDE.format(shown)))
    _check_attrs(child, "img", line, body, skip=("src",))


def _walk_inline(inline: Token, first_line: int, body: ParsedBody) -> None:
    line = first_line
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "image":
            _check_image(child, line, body)
            continue
        elif child.type == "link_open":
            child.meta["link_index"] = len(body.links)
            body.links.append(Link(str(child.attrGet("href") or ""), line))
        elif child.type == "html_inline" and child.meta.get("raw_html"):
            _add_html_problems(child.content, line, body)
            line += child.content.count("\n")
        elif child.type == "text" and (refused := _REFUSED_LINK.search(child.content)):
            scheme = (refused.group(1) or refused.group(2)).lower()
            body.problems.append((line, "html", f"'{scheme}:' link is not allowed; links may "
                                  "use http, https, mailto, tel or a relative path"))
        if child.type in _ATTR_TAGS and (child.attrs or "insecure_attrs" in child.meta):
            _check_attrs(child, _ATTR_TAGS[child.type], line, body)


def _add_html_problems(fragment: str, line: int, body: ParsedBody) -> None:
    for offset, message in check_html(fragment):
        body.problems.append((line + offset - 1, "html", message))


def parse_body(md: MarkdownIt, text: str, first_line: int, lang: str,
               learner_view: bool = False) -> ParsedBody:
    """Parse a page body once and collect everything the checks and the renderer need.

    Args:
        md: The engine from :func:`site_build.markdown.engine.create_markdown`.
        text: The body, after front matter.
        first_line: The 1-based file line the body starts on.
        lang: ``nb`` or ``nn``.
        learner_view: Leave ``kursleder`` notes out of the HTML (lessons).

    Returns:
        The tokens (heading ids set), what was found in them (lines in file numbering), the
        body's HTML with each internal link as a slot (``markdown.link_slot``) and the
        ``kursleder`` notes' HTML alone (``facilitator_html``).
    """
    if not marks_raw_html(md):
        raise ValueError("the engine must use raw_html_plugin (see markdown.engine)")
    env: dict[str, object] = {"lang": lang}
    tokens = md.parse(text, env)
    body = ParsedBody(tokens)
    for line, key, message in env.get("problems", []):  # type: ignore[attr-defined]
        body.problems.append((first_line + int(line), str(key), str(message)))
    sections = _Sections()
    hidden = 0  # depth inside a facilitator note a learner does not see
    for i, tok in enumerate(tokens):
        line = first_line + (tok.map[0] if tok.map else 0)
        if (learner_view and tok.type in ("admonition_open", "admonition_close")
                and (hidden or tok.meta.get("tag") == "kursleder")):
            hidden += 1 if tok.type == "admonition_open" else -1
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            inline = tokens[i + 1]
            title = _inline_text(inline)
            explicit = bool(tok.meta.get("explicit_id"))
            anchor = str(tok.attrGet("id")) if explicit else slugify(title)
            _check_attrs(tok, tok.tag, line, body)
            tok.attrSet("id", anchor)
            body.headings.append(Heading(level, title, anchor, line, explicit))
            if level in SECTION_LEVELS and not hidden:
                sections.start(anchor, title, level)
            if level == 1:
                body.problems.append((line, "heading", "do not write a '# ' heading; the page "
                                      "title is the H1, so start at '## '"))
        elif tok.type == "inline":
            _walk_inline(tok, line, body)
            starts_section = (tokens[i - 1].type == "heading_open"
                              and int(tokens[i - 1].tag[1]) in SECTION_LEVELS)
            if not hidden and not starts_section:
                sections.add(_inline_text(tok))
        elif tok.type == "html_block":
            _add_html_problems(tok.content, line, body)
        elif tok.type in ("fence", "code_block") and not hidden:
            sections.add(tok.content)
    body.sections = sections.done()
    shown = _drop_facilitator_notes(tokens) if learner_view else tokens
    body.html = md.renderer.render(shown, md.options, env)
    notes = _facilitator_notes(tokens)
    if notes:
        body.facilitator_html = md.renderer.render(notes, md.options, env)
    return body
