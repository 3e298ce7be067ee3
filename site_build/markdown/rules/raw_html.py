"""Raw HTML written by the editor is marked, so the HTML policy can tell it from our own.

Plugins write ``html_inline`` tokens too (task-list boxes, glossary ``<abbr>``), and those
need elements content may not use (``<input>``, ``<label>``). This plugin wraps markdown-it's
inline HTML rule so that every token it makes carries ``meta["raw_html"]``; the page parse
checks exactly those (and every HTML block, which only the editor writes).
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

__all__ = ["marks_raw_html", "raw_html_plugin"]

_MARK = "raw_html"


def raw_html_plugin(md: MarkdownIt) -> None:
    """Mark every inline HTML token that comes from the text with ``meta["raw_html"]``.

    Args:
        md: The engine to extend.
    """
    original = next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == "html_inline")
    if getattr(original, _MARK, False):
        return

    def html_inline(state: StateInline, silent: bool) -> bool:
        before = len(state.tokens)
        if not original(state, silent):
            return False
        for tok in state.tokens[before:]:
            if tok.type == "html_inline":
                tok.meta[_MARK] = True
        return True

    setattr(html_inline, _MARK, True)
    md.inline.ruler.at("html_inline", html_inline)


def marks_raw_html(md: MarkdownIt) -> bool:
    """True if ``md`` marks raw inline HTML (has :func:`raw_html_plugin`).

    Args:
        md: An engine.
    """
    return any(rule.name == "html_inline" and getattr(rule.fn, _MARK, False)
               for rule in md.inline.ruler.__rules__)
