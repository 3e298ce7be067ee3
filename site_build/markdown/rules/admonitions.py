"""Admonitions in the shape Material's CSS expects, with Norwegian default titles.

``!!! note "Tittel"`` becomes ``div.admonition.note`` + ``p.admonition-title``; ``??? tip``
and ``???+ tip`` become ``details``/``summary`` (closed, open). An untitled admonition gets the
default title of its type in the page's language (``env["lang"]``, ``nb`` or ``nn``). An
unknown type is a problem in ``env["problems"]``: ``(line in the body, "admonition", message)``.
Our own types borrow the look of one of Material's: ``refleksjon`` a ``question``,
``kursleder`` an ``abstract``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.admon import admon_plugin

from site_build.i18n import ADMONITION_TITLES

__all__ = ["LOOKS", "admonitions_plugin"]

LOOKS: Mapping[str, str] = {"refleksjon": "question", "kursleder": "abstract"}


def admonitions_plugin(
    md: MarkdownIt,
    titles: Mapping[str, tuple[str, str]] = ADMONITION_TITLES,
    looks: Mapping[str, str] = LOOKS,
) -> None:
    """Render admonitions as Material expects, with default titles and known types.

    Builds on ``mdit_py_plugins.admon`` (applied here unless the engine already has it).

    Args:
        md: The engine to extend.
        titles: Known type → (bokmål, nynorsk) default title.
        looks: Our type → the Material type whose look it borrows.
    """
    if "admonition" not in md.block.ruler.get_all_rules():
        md.use(admon_plugin)

    def default_titles(state: StateCore) -> None:
        nynorsk = state.env.get("lang") == "nn"
        tokens = state.tokens
        for i, tok in enumerate(tokens):
            if tok.type != "admonition_open":
                continue
            kind = str(tok.meta.get("tag", "note"))
            if kind not in titles:
                state.env.setdefault("problems", []).append(
                    ((tok.map or [0])[0], "admonition", f"unknown admonition type '{kind}'"))
            titled = '"' in tok.info
            if not titled and i + 2 < len(tokens) and tokens[i + 2].type == "inline":
                default = titles.get(kind, (kind.title(), kind.title()))
                tokens[i + 2].content = default[1 if nynorsk else 0]

    def render_open(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        tok = tokens[idx]
        kind = str(tok.meta.get("tag", "note"))
        look = looks.get(kind, kind)
        # An unknown type is already an error; escaped all the same, it is the editor's text.
        classes = html.escape(f"{look} {kind}" if look != kind else kind)
        if tok.markup.startswith("?"):
            opened = " open" if tok.markup.endswith("+") else ""
            tok.meta["closing"] = "</details>\n"
            return f'<details class="{classes}"{opened}>\n'
        tok.meta["closing"] = "</div>\n"
        return f'<div class="admonition {classes}">\n'

    md.core.ruler.after("block", "brobygger_admonition_titles", default_titles)
    md.add_render_rule("admonition_open", render_open)
    md.add_render_rule("admonition_close", _render_close)
    md.add_render_rule("admonition_title_open", _render_title_open)
    md.add_render_rule("admonition_title_close", _render_title_close)


def _render_close(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # The closing tag was chosen when the matching open token was rendered.
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


def _render_title_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "<summary>" if tokens[idx].markup.startswith("?") else '<p class="admonition-title">'


def _render_title_close(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    for j in range(idx - 1, -1, -1):
        if tokens[j].type == "admonition_title_open":
            return "</summary>\n" if tokens[j].markup.startswith("?") else "</p>\n"
    return "</p>\n"
