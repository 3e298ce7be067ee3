"""Glossary abbreviations: whole words in page text wrapped in ``<abbr title="…">``.

Only text is marked up (not code, not raw HTML); a match is a whole word, so ``NAV`` is marked
in "NAV og IP" but not in "NAV-kontor" or "NAVN". The ``html_inline`` token written for a
match keeps the word in ``meta["abbr"]`` so search text can read it back.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

__all__ = ["abbreviations_plugin"]


def abbreviations_plugin(md: MarkdownIt, abbreviations: Mapping[str, str] | None = None) -> None:
    """Wrap the given abbreviations in ``<abbr>`` wherever they occur as words in text.

    Args:
        md: The engine to extend.
        abbreviations: Abbreviation → expansion; none or empty adds no rule.
    """
    if not abbreviations:
        return
    titles = {word: html.escape(title) for word, title in abbreviations.items()}
    words = sorted(titles, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")

    def abbreviations_rule(state: StateCore) -> None:
        for block in state.tokens:
            if block.type != "inline" or not block.children:
                continue
            children: list[Token] = []
            for child in block.children:
                if child.type != "text" or not pattern.search(child.content):
                    children.append(child)
                    continue
                pos = 0
                for m in pattern.finditer(child.content):
                    if m.start() > pos:
                        children.append(_text(child.content[pos : m.start()]))
                    tok = Token("html_inline", "", 0)
                    tok.content = f'<abbr title="{titles[m.group(0)]}">{html.escape(m.group(0))}</abbr>'
                    tok.meta["abbr"] = m.group(0)
                    children.append(tok)
                    pos = m.end()
                if pos < len(child.content):
                    children.append(_text(child.content[pos:]))
            block.children = children

    # Last, after footnotes and task lists have moved and rewritten inline tokens.
    md.core.ruler.push("brobygger_abbr", abbreviations_rule)


def _text(content: str) -> Token:
    tok = Token("text", "", 0)
    tok.content = content
    return tok
