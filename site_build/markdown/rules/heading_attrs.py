"""Heading attributes: ``## Title {#id .class}`` sets the heading's id and classes.

An id set this way is marked ``meta["explicit_id"]`` on the ``heading_open`` token, so the
page parse can tell a chosen id from a slug.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

__all__ = ["heading_attrs_plugin"]

_HEADING_ATTRS = re.compile(r"\s*\{((?:\s*[#.][\w\-æøåÆØÅ]+)+)\s*\}\s*$")


def heading_attrs_plugin(md: MarkdownIt) -> None:
    """Apply a trailing ``{#id .class}`` on a heading line to the heading.

    Args:
        md: The engine to extend.
    """
    # Before "inline": the braces are cut from the text before it is parsed.
    md.core.ruler.after("block", "brobygger_heading_attrs", _heading_attrs)


def _heading_attrs(state: StateCore) -> None:
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
