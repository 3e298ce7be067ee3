"""Site values in page text: ``{{ kontakt }}`` and ``{{ eier }}`` show what ``mkdocs.yml`` says.

An about page that names the editorial address must not copy it: when the address changes in
``mkdocs.yml`` (``extra.contact``), every page shows the new one. The rule writes a slot, a
placeholder of private-use characters around the value's name, that the renderer fills from
the site's configuration (``site_build.render.page``), as it fills links. Only text is read
(not code, not raw HTML); an unknown name is a problem with its line. Inside a link's text a
value is written as plain text, so a link never holds a second one.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from site_build.diagnostics import did_you_mean

__all__ = ["SITE_VALUES", "SITE_VALUE_SLOT", "site_value_slot", "site_values_plugin"]

SITE_VALUES: dict[str, str] = {
    "kontakt": "the editorial email address (extra.contact.email), as a mailto link",
    "eier": "the owner's name (extra.owner.name), linked to extra.owner.url if set",
}
"""The names an editor may write between ``{{`` and ``}}``, with what each shows."""

SITE_VALUE_SLOT = re.compile("\ue002([a-z]+)(:text)?\ue003")
_WRITTEN = re.compile(r"\{\{\s*([^{}\s]*)\s*\}\}")


def site_value_slot(name: str, text_only: bool = False) -> str:
    """The placeholder for site value ``name`` (``text_only``: no link around it)."""
    return f"\ue002{name}{':text' if text_only else ''}\ue003"


def site_values_plugin(md: MarkdownIt) -> None:
    """Write a slot for each ``{{ name }}`` in text; report unknown names.

    Args:
        md: The engine to extend.
    """
    md.core.ruler.push("brobygger_site_values", _site_values_rule)


def _site_values_rule(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children or "{{" not in block.content:
            continue
        line = block.map[0] if block.map else 0
        in_link = 0
        children: list[Token] = []
        for child in block.children:
            in_link += (child.type == "link_open") - (child.type == "link_close")
            line += child.type in ("softbreak", "hardbreak")
            if child.type != "text" or "{{" not in child.content:
                children.append(child)
                continue
            children.extend(_split(child.content, line, bool(in_link), state.env))
        block.children = children


def _split(content: str, line: int, in_link: bool, env: MutableMapping[str, Any]) -> list[Token]:
    out: list[Token] = []
    pos = 0
    for match in _WRITTEN.finditer(content):
        name = match.group(1)
        if name not in SITE_VALUES:
            known = ", ".join("{{ " + n + " }}" for n in SITE_VALUES)
            env.setdefault("problems", []).append(
                (line, "value", f"unknown site value '{match.group(0)}'; known: {known}"
                 + did_you_mean(name, SITE_VALUES)))
            continue
        if match.start() > pos:
            out.append(_token("text", content[pos : match.start()]))
        slot = _token("html_inline", site_value_slot(name, in_link))
        slot.meta["site_value"] = name
        out.append(slot)
        pos = match.end()
    if pos < len(content):
        out.append(_token("text", content[pos:]))
    return out


def _token(kind: str, content: str) -> Token:
    tok = Token(kind, "", 0)
    tok.content = content
    return tok
