"""One parse of a page body: tokens, headings, links, problems (dangerous HTML too) and text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from site_build.markdown.htmlpolicy import scan_html
from site_build.model import Heading, Link
from site_build.site.slug import slugify

__all__ = ["ParsedBody", "parse_body"]

_REFUSED_JS_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript):|<javascript:", re.IGNORECASE)


@dataclass
class ParsedBody:
    """What one parse of a body yields; ``problems`` are ``(line, key, message)``."""

    tokens: list[Token]
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    text: str = ""
    html: str = ""


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


def _walk_inline(inline: Token, first_line: int, body: ParsedBody) -> None:
    line = first_line
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "link_open":
            child.meta["link_index"] = len(body.links)
            body.links.append(Link(str(child.attrGet("href") or ""), line))
        elif child.type == "image":
            child.meta["link_index"] = len(body.links)
            body.links.append(Link(str(child.attrGet("src") or ""), line, image=True))
            if not child.children or not _inline_text(child):
                body.problems.append((line, "image", "an image needs alt text: ![what it shows](…)"))
        elif child.type == "html_inline":
            for offset, message in scan_html(child.content):
                body.problems.append((line + offset - 1, "html", message))
        elif child.type == "text" and _REFUSED_JS_LINK.search(child.content):
            # markdown-it refuses javascript: links and leaves them as text; still an error,
            # since the editor meant a link.
            body.problems.append((line, "html", "'javascript:' link is not allowed"))


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
        The tokens (heading ids set), what was found in them (lines in file numbering), and
        the body's HTML with each internal link as a slot (``markdown.link_slot``).
    """
    env: dict[str, object] = {"lang": lang}
    tokens = md.parse(text, env)
    body = ParsedBody(tokens)
    for line, key, message in env.get("problems", []):  # type: ignore[attr-defined]
        body.problems.append((first_line + int(line), str(key), str(message)))
    words: list[str] = []
    for i, tok in enumerate(tokens):
        line = first_line + (tok.map[0] if tok.map else 0)
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            inline = tokens[i + 1]
            title = _inline_text(inline)
            explicit = bool(tok.meta.get("explicit_id"))
            anchor = str(tok.attrGet("id")) if explicit else slugify(title)
            tok.attrSet("id", anchor)
            body.headings.append(Heading(level, title, anchor, line, explicit))
            if level == 1:
                body.problems.append((line, "heading", "do not write a '# ' heading; the page "
                                      "title is the H1, so start at '## '"))
        elif tok.type == "inline":
            _walk_inline(tok, line, body)
            words.append(_inline_text(tok))
        elif tok.type == "html_block":
            for offset, message in scan_html(tok.content):
                body.problems.append((line + offset - 1, "html", message))
        elif tok.type in ("fence", "code_block"):
            words.append(tok.content)
    body.text = "\n".join(w for w in words if w)
    shown = _drop_facilitator_notes(tokens) if learner_view else tokens
    body.html = md.renderer.render(shown, md.options, env)
    return body
