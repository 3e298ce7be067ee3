"""Normalised views of built pages, for golden comparisons that ignore theme noise."""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["normalise_page"]


class _Toc(HTMLParser):
    """Collects the entries of Material's sidebar table of contents."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.in_toc = False
        self.entries: list[str] = []
        self.href = ""
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "ul" and a.get("data-md-component") == "toc" and not self.entries:
            self.in_toc, self.depth = True, 0
        if self.in_toc:
            if tag == "ul":
                self.depth += 1
            if tag == "a":
                self.href, self.text = a.get("href") or "", []

    def handle_endtag(self, tag: str) -> None:
        if not self.in_toc:
            return
        if tag == "a" and self.href:
            self.entries.append(f"{'  ' * (self.depth - 1)}{' '.join(''.join(self.text).split())} "
                                f"-> {self.href}")
            self.href = ""
        if tag == "ul":
            self.depth -= 1
            if self.depth == 0:
                self.in_toc = False

    def handle_data(self, data: str) -> None:
        if self.in_toc and self.href:
            self.text.append(data)


def normalise_page(html: str) -> str:
    """``<html lang>``, ``<title>``, the sidebar toc and the article, whitespace folded."""
    lang = re.search(r'<html lang="([^"]+)"', html)
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    article = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    toc = _Toc()
    toc.feed(html)
    body = article.group(1) if article else ""
    body = re.sub(r">\s+<", ">\n<", body.strip())
    return "\n".join([
        f"lang: {lang.group(1) if lang else '?'}",
        f"title: {title.group(1).strip() if title else '?'}",
        "toc:", *toc.entries,
        "article:", body, "",
    ])
