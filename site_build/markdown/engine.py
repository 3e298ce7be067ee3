"""The one Markdown engine: a markdown-it-py instance in the portal's dialect.

CommonMark + tables, strikethrough, footnotes, definition lists, task lists, heading
attributes (``{#id .class}``), admonitions as Material's CSS expects them, pygments
highlighting, and ``<abbr>`` for glossary abbreviations.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from site_build.i18n import ADMONITION_TITLES
from site_build.model import is_external

__all__ = ["LINK_SLOT", "create_markdown", "link_slot"]

# Links are rendered as slots (private-use characters around the link's index in the page)
# and filled in once every page is known; see site_build.render.page.
LINK_SLOT = re.compile("\ue000(\\d+)\ue001")


def link_slot(index: int) -> str:
    """The placeholder written for link number ``index`` of a page."""
    return f"\ue000{index}\ue001"

# Our own admonition types borrow the look of one of Material's.
_LOOKS = {"refleksjon": "question", "kursleder": "abstract"}
_HEADING_ATTRS = re.compile(r"\s*\{((?:\s*[#.][\w\-æøåÆØÅ]+)+)\s*\}\s*$")
_FORMATTER = HtmlFormatter(cssclass="highlight", wrapcode=True)


def _admonition_titles(state: StateCore) -> None:
    """Give untitled admonitions a Norwegian title; check the type is known."""
    nynorsk = state.env.get("lang") == "nn"
    tokens = state.tokens
    for i, tok in enumerate(tokens):
        if tok.type != "admonition_open":
            continue
        kind = str(tok.meta.get("tag", "note"))
        titled = '"' in tok.info
        if kind not in ADMONITION_TITLES:
            state.env.setdefault("problems", []).append(
                ((tok.map or [0])[0], "admonition", f"unknown admonition type '{kind}'"))
        if not titled and i + 2 < len(tokens) and tokens[i + 2].type == "inline":
            default = ADMONITION_TITLES.get(kind, (kind.title(), kind.title()))
            tokens[i + 2].content = default[1 if nynorsk else 0]


def _heading_attrs(state: StateCore) -> None:
    """Apply a trailing ``{#id .class}`` on a heading line to the heading."""
    tokens = state.tokens
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open":
            continue
        inline = tokens[i + 1]
        match = _HEADING_ATTRS.search(inline.content)
        if not match:
            continue
        inline.content = inline.content[: match.start()]
        for part in match.group(1).split():
            if part.startswith("#"):
                tok.attrSet("id", part[1:])
                tok.meta["explicit_id"] = True
            else:
                classes = f"{tok.attrGet('class') or ''} {part[1:]}".strip()
                tok.attrSet("class", classes)


def _abbreviations(state: StateCore) -> None:
    """Wrap glossary abbreviations in page text in ``<abbr title="…">``."""
    pattern: re.Pattern[str] | None = state.md.options.get("abbr_pattern")
    titles: Mapping[str, str] = state.md.options.get("abbr_titles", {})
    if pattern is None:
        return
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for child in block.children:
            in_link += child.type == "link_open"
            in_link -= child.type == "link_close"
            if child.type != "text" or not pattern.search(child.content):
                children.append(child)
                continue
            pos = 0
            for m in pattern.finditer(child.content):
                if m.start() > pos:
                    children.append(_text(child.content[pos : m.start()]))
                tok = Token("html_inline", "", 0)
                word = html.escape(m.group(0))
                tok.content = f'<abbr title="{html.escape(titles[m.group(0)])}">{word}</abbr>'
                tok.meta["abbr"] = m.group(0)
                children.append(tok)
                pos = m.end()
            if pos < len(child.content):
                children.append(_text(child.content[pos:]))
        block.children = children


def _text(content: str) -> Token:
    tok = Token("text", "", 0)
    tok.content = content
    return tok


def _render_admonition_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    tok = tokens[idx]
    kind = str(tok.meta.get("tag", "note"))
    look = _LOOKS.get(kind, kind)
    classes = f"{look} {kind}" if look != kind else kind
    if tok.markup.startswith("?"):
        opened = " open" if tok.markup.endswith("+") else ""
        tok.meta["closing"] = "</details>\n"
        return f'<details class="{classes}"{opened}>\n'
    tok.meta["closing"] = "</div>\n"
    return f'<div class="admonition {classes}">\n'


def _render_admonition_close(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    depth = 0
    for j in range(idx - 1, -1, -1):
        t = tokens[j]
        if t.type == "admonition_close":
            depth += 1
        elif t.type == "admonition_open":
            if depth == 0:
                return str(t.meta.get("closing", "</div>\n"))
            depth -= 1
    return "</div>\n"


def _render_admonition_title_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "<summary>" if tokens[idx].markup.startswith("?") else '<p class="admonition-title">'


def _render_admonition_title_close(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    for j in range(idx - 1, -1, -1):
        if tokens[j].type == "admonition_title_open":
            return "</summary>\n" if tokens[j].markup.startswith("?") else "</p>\n"
    return "</p>\n"


def _render_fence(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    tok = tokens[idx]
    lang = tok.info.strip().split(maxsplit=1)[0] if tok.info.strip() else ""
    try:
        lexer = get_lexer_by_name(lang) if lang else get_lexer_by_name("text")
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    return str(highlight(tok.content, lexer, _FORMATTER))


def _render_link_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    tok = tokens[idx]
    href = str(tok.attrGet("href") or "")
    if is_external(href):
        tok.attrSet("rel", "noopener")
    elif "link_index" in tok.meta:
        tok.attrSet("href", link_slot(int(tok.meta["link_index"])))
    return str(self.renderToken(tokens, idx, options, env))


def _render_image(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    tok = tokens[idx]
    if "link_index" in tok.meta and not is_external(str(tok.attrGet("src") or "")):
        tok.attrSet("src", link_slot(int(tok.meta["link_index"])))
    tok.attrSet("loading", "lazy")
    return str(self.image(tokens, idx, options, env))


def create_markdown(abbreviations: Mapping[str, str] | None = None) -> MarkdownIt:
    """Build the portal's Markdown engine.

    Args:
        abbreviations: Abbreviation → expansion, wrapped in ``<abbr>`` in page text.

    Returns:
        A configured ``MarkdownIt``; parse with an ``env`` holding ``lang`` (``nb``/``nn``).
    """
    md = (
        MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
        .enable(["table", "strikethrough"])
        .use(admon_plugin)
        .use(attrs_plugin)
        .use(deflist_plugin)
        .use(tasklists_plugin, label=True)
        .use(footnote_plugin)
    )
    md.core.ruler.after("block", "brobygger_admonition_titles", _admonition_titles)
    md.core.ruler.after("block", "brobygger_heading_attrs", _heading_attrs)
    if abbreviations:
        words = sorted(abbreviations, key=len, reverse=True)
        md.options["abbr_pattern"] = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
        md.options["abbr_titles"] = dict(abbreviations)
        md.core.ruler.push("brobygger_abbr", _abbreviations)
    md.add_render_rule("admonition_open", _render_admonition_open)
    md.add_render_rule("admonition_close", _render_admonition_close)
    md.add_render_rule("admonition_title_open", _render_admonition_title_open)
    md.add_render_rule("admonition_title_close", _render_admonition_title_close)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("fence", _render_fence)
    md.add_render_rule("code_block", _render_fence)
    return md
