"""The portal's page shell, as MkDocs rendered the news section's index page, with slots.

The frame is cut once into literal parts and slots (title, language, description, canonical
address, skip link target, header topic, table of contents, article, footer links); each
relative URL in it (written for ``aktuelt/``) becomes a slot too, so a page at any depth under
the news section gets the portal's header, navigation, footer, styles and scripts unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from site_build.diagnostics.errors import HostError

__all__ = ["Frame", "PageParts"]

# Each slot: the text it replaces (group "slot"), in the order they appear in Material's page.
_SLOTS: tuple[tuple[str, str], ...] = (
    ("lang", r'<html lang="(?P<slot>[^"]*)"'),
    ("description", r'<meta name="description" content="(?P<slot>[^"]*)">'),
    ("canonical", r'(?P<slot><link rel="canonical" href="[^"]*">)'
                  r'|(?P<none>)(?=\s*<link rel="(?:prev|next|icon)")'),
    ("prevnext", r'(?P<slot>(?:\s*<link rel="(?:prev|next)" href="[^"]*">)+)'
                 r'|(?P<none>)(?=\s*<link rel="icon")'),
    ("title", r"<title>(?P<slot>.*?)</title>"),
    ("head", r"(?P<slot>)</head>"),
    ("skip", r'<a href="#(?P<slot>[^"]*)" class="md-skip">'),
    ("topic", r'data-md-component="header-topic">\s*<span class="md-ellipsis">(?P<slot>.*?)</span>'),
    ("toc", r'(?P<slot><nav class="md-nav md-nav--secondary".*?</nav>)'),
    ("article", r'<article class="md-content__inner md-typeset"[^>]*>(?P<slot>.*?)</article>'),
    ("footer", r'(?P<slot><nav class="md-footer__inner md-grid".*?</nav>)'
               r'|(?P<none>)(?=\s*<div class="md-footer-meta)'),
)
# A relative URL in an attribute, or in Material's scripts' base (``"base": ".."``).
_RELATIVE = re.compile(r'(?:\b(?:href|src)="|"(?:base|search)": "|new URL\(")'
                       r'(?P<url>(?![a-z][a-z0-9+.-]*:|//|/|#)[^"]*)"')


@dataclass
class PageParts:
    """What one news page puts into the frame; text fields are plain text (escaped here)."""

    title: str
    lang: str
    description: str
    anchor: str
    canonical: str = ""
    toc: str = ""  # HTML (made by the host from escaped text)
    footer: str = ""  # HTML
    head: str = ""  # HTML
    keep_article: bool = False  # the news list's first page keeps the index page's text
    toc_keep: bool = False  # ... and its toc and footer links


@dataclass
class Frame:
    """The frame: literal parts, URL slots (``("url", value)``) and named slots, in order."""

    parts: list[tuple[str, str]] = field(default_factory=list)
    site_name: str = ""
    original: dict[str, str] = field(default_factory=dict)
    _by_depth: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def parse(cls, html: str, site_name: str) -> Frame:
        """Cut the frame MkDocs rendered into parts.

        Raises:
            HostError: The page lacks a part Material always writes (the theme changed).
        """
        frame = cls(site_name=site_name)
        pos = 0
        for name, pattern in _SLOTS:
            match = re.compile(pattern, re.S).search(html, pos)
            if match is None:
                raise HostError(f"news: the portal page used as the news frame has no '{name}' "
                                "part; has the theme changed?")
            start, end = (match.span("slot") if match.group("slot") is not None
                          else (match.start(), match.start()))
            frame._literal(html[pos:start])
            frame.parts.append(("slot", name))
            frame.original[name] = html[start:end]
            pos = end
        frame._literal(html[pos:])
        return frame

    def _literal(self, text: str) -> None:
        pos = 0
        for match in _RELATIVE.finditer(text):
            self.parts.append(("text", text[pos:match.start("url")]))
            self.parts.append(("url", match.group("url")))
            pos = match.end("url")
        self.parts.append(("text", text[pos:]))

    def render_open(self, up: str, page: PageParts) -> Markup:
        """Everything before the article's content, for a page ``up`` (``"../"``…) below the
        news section."""
        return Markup(self._render(up, page, until="article"))

    def render_close(self, up: str, page: PageParts) -> Markup:
        """Everything after the article's content."""
        return Markup(self._render(up, page, after="article"))

    def _render(self, up: str, page: PageParts, until: str = "", after: str = "") -> str:
        out: list[str] = [_prefix_urls(self._kept()[1], up)] if after and page.keep_article else []
        started = not after
        for kind, value in self._compiled(up):
            if kind == "slot" and value == after:
                started = True
                continue
            if not started:
                continue
            if kind == "slot" and value == until:
                if page.keep_article:
                    out.append(_prefix_urls(self._kept()[0], up))
                break
            out.append(value if kind == "text" else self._slot(value, up, page))
        return "".join(out)

    def _compiled(self, up: str) -> list[tuple[str, str]]:
        """The parts for pages ``up`` below the section: URLs prefixed, text runs joined.

        Computed once per depth, so a page costs a join of a dozen strings.
        """
        cached = self._by_depth.get(up)
        if cached is None:
            cached = []
            for kind, value in self.parts:
                text = value if kind == "text" else up + value if kind == "url" else None
                if text is None:
                    cached.append(("slot", value))
                elif cached and cached[-1][0] == "text":
                    cached[-1] = ("text", cached[-1][1] + text)
                else:
                    cached.append(("text", text))
            self._by_depth[up] = cached
        return cached

    def _kept(self) -> tuple[str, str]:
        """The index page's own article, split before its related pages (the list goes
        between)."""
        article = self.original["article"]
        cut = article.find('<aside class="bb-related"')
        return (article, "") if cut < 0 else (article[:cut], article[cut:])

    def _slot(self, name: str, up: str, page: PageParts) -> str:
        if name == "lang":
            return escape(page.lang)
        if name == "description":
            return escape(page.description)
        if name == "canonical":
            return (f'<link rel="canonical" href="{escape(page.canonical)}">'
                    if page.canonical else "")
        if name == "title":
            return escape(f"{page.title} – {self.site_name}")
        if name == "skip":
            return escape(page.anchor)
        if name == "topic":
            return escape(page.title)
        if name == "toc":
            return _prefix_urls(self.original["toc"], up) if page.toc_keep else page.toc
        if name == "footer":
            return _prefix_urls(self.original["footer"], up) if page.toc_keep else page.footer
        if name == "head":
            return page.head
        return ""


def _prefix_urls(html: str, up: str) -> str:
    return _RELATIVE.sub(lambda m: m.group(0)[: m.start("url") - m.start()] + up
                         + m.group("url") + '"', html)
