"""Rendering: a loaded page's tokens to HTML and a toc tree, links rewritten."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from site_build.generated import glossary_html, sources_html, sources_section
from site_build.links import Resolved, resolve_link
from site_build.load import engine_for, sources_heading
from site_build.model import Heading, Page, Site

__all__ = ["RenderedPage", "Renderer", "TocItem"]


@dataclass(frozen=True)
class TocItem:
    """A heading in the nested table of contents."""

    level: int
    id: str
    title: str
    children: list[TocItem] = field(default_factory=list)


@dataclass(frozen=True)
class RenderedPage:
    """A page's HTML (its H1 included) and its nested toc (H1 at the root)."""

    html: str
    toc: tuple[TocItem, ...]


def _toc(headings: Sequence[Heading]) -> tuple[TocItem, ...]:
    roots: list[TocItem] = []
    stack: list[TocItem] = []
    for h in headings:
        item = TocItem(h.level, h.id, h.text)
        while stack and stack[-1].level >= h.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    return tuple(roots)


def _drop_facilitator_notes(tokens: Sequence[Token]) -> list[Token]:
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


def _link_open(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict,
               env: EnvType) -> str:
    tok = tokens[idx]
    href = str(tok.attrGet("href") or "")
    result = resolve_link(env["site"], env["page"], href)
    if isinstance(result, Resolved):
        tok.attrSet("href", result.href)
        if result.external:
            tok.attrSet("rel", "noopener")
    return str(self.renderToken(tokens, idx, options, env))


def _image(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict,
           env: EnvType) -> str:
    tok = tokens[idx]
    result = resolve_link(env["site"], env["page"], str(tok.attrGet("src") or ""))
    if isinstance(result, Resolved):
        tok.attrSet("src", result.href)
    tok.attrSet("loading", "lazy")
    return str(self.image(tokens, idx, options, env))


class Renderer:
    """Renders the pages of one loaded site with one engine."""

    def __init__(self, site: Site, md: MarkdownIt | None = None) -> None:
        self.site = site
        self.md = md or engine_for(site.vocab)
        self.md.add_render_rule("link_open", _link_open)
        self.md.add_render_rule("image", _image)

    def render(self, page: Page) -> RenderedPage:
        """Render one page: H1 from its title, body, generated parts, *Kilder*."""
        tokens = list(page.tokens)
        if page.front.type == "lesson":
            tokens = _drop_facilitator_notes(tokens)
        env: dict[str, Any] = {"site": self.site, "page": page, "lang": page.front.lang}
        h1 = page.headings[0]
        parts = [f'<h1 id="{h1.id}">{escape(page.front.title)}</h1>\n',
                 self.md.renderer.render(tokens, self.md.options, env)]
        if page.front.generated == "glossary":
            parts.append(glossary_html(page, self.site.vocab))
        elif page.front.generated == "sources":
            parts.append(sources_html(page, self.site))
        if page.front.sources:
            title = sources_heading(page.front.lang)
            heading = next(h for h in reversed(page.headings) if h.text == title)
            parts.append(sources_section(page, self.site, heading))
        return RenderedPage("".join(parts), _toc(page.headings))
