"""Links and images: internal targets written as slots, external links marked ``noopener``.

An internal link's target is only known once every page is known, so a link or image whose
token carries ``meta["link_index"]`` (set by the page parse) is rendered with a slot, a
placeholder of private-use characters around that index, filled in later (see
``site_build.render.page``). External links get ``rel="noopener"``; images ``loading="lazy"``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from site_build.model import is_external

__all__ = ["LINK_SLOT", "link_slot", "link_slots_plugin"]

LINK_SLOT = re.compile("\ue000(\\d+)\ue001")


def link_slot(index: int) -> str:
    """The placeholder written for link number ``index`` of a page.

    Args:
        index: The link's position in the page's list of links.

    Returns:
        The slot; ``LINK_SLOT`` finds it again.
    """
    return f"\ue000{index}\ue001"


def link_slots_plugin(md: MarkdownIt) -> None:
    """Render internal link and image targets as slots, external links ``noopener``.

    Args:
        md: The engine to extend.
    """
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("image", _render_image)


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
