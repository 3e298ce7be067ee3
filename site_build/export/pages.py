"""Built pages made fit for a package: every URL relative and inside it, or leaving on a click.

A page of the package keeps the site's look (its stylesheets, fonts and scripts come along).
Links to pages in the package name their ``index.html`` (an LMS need not serve a folder's
index); links to the portal's other pages go to the public site (``site_url``) in a new
window, or lose their ``href`` when there is none. Nothing is fetched from another host: the
feed link and the site search (its index is not in the package) are left out, and the
portal-wide navigation is hidden, since every link in it leaves the package.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from site_build.model import is_external

__all__ = ["PACKAGE_STYLE", "Rewrite", "rewrite_page"]

_TAG = re.compile(r"<(a|link|script|img|source|iframe)\b[^>]*>", re.IGNORECASE)
_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)"')
_DROPPED = re.compile(
    r'<link\b[^>]*\brel="alternate"[^>]*>\n?'
    r'|<script\b[^>]*\bsrc="[^"]*bb-search\.js"[^>]*></script>\n?', re.IGNORECASE)

PACKAGE_STYLE = """<style id="bb-scorm-page">
/* In a SCORM package: the portal's search and navigation would leave the package. */
.md-search, label[for="__search"], label[for="__drawer"], .md-sidebar--primary,
.md-tabs { display: none !important; }
</style>
"""


@dataclass
class Rewrite:
    """What a rewrite needs and finds.

    Attributes:
        built: The built site's folder.
        pages: Package pages (``…/index.html``, relative to the root).
        site_url: The public site (``https://…/``), or "".
        files: Other files of the built site the pages use (filled in as they are found).
    """

    built: Path
    pages: frozenset[str]
    site_url: str = ""
    files: set[str] = field(default_factory=set)


def _target(base: str, url: str) -> tuple[str, str]:
    """``url`` from the page in folder ``base`` as (path from the root, ``#…`` or ``""``)."""
    path, hash_, anchor = url.partition("#")
    path = unquote(path.split("?", 1)[0])
    joined = posixpath.normpath(posixpath.join(base, path)) if path else ""
    if joined in (".", ""):
        joined = ""
    if path.endswith("/") or path in (".", "..") or (path and not posixpath.splitext(joined)[1]):
        joined = posixpath.join(joined, "index.html") if joined else "index.html"
    return joined, hash_ + anchor


def _new_url(tag: str, url: str, base: str, rw: Rewrite) -> str | None:
    """The URL in the package (None: drop the attribute)."""
    if not url or url.startswith("#") or is_external(url):
        return url
    path, anchor = _target(base, url)
    if path.startswith("../"):
        return None
    if path in rw.pages:
        return posixpath.relpath(path, base or ".") + anchor
    if (rw.built / path).is_file() and not path.endswith(".html"):
        rw.files.add(path)
        return url
    if tag == "a" and rw.site_url:
        page = path.removesuffix("index.html")
        return rw.site_url.rstrip("/") + "/" + page + anchor
    return None


def _rewrite_tag(match: re.Match[str], base: str, rw: Rewrite) -> str:
    tag = match.group(1).lower()
    text = match.group(0)
    leaves = False

    def attr(m: re.Match[str]) -> str:
        nonlocal leaves
        new = _new_url(tag, m.group(2), base, rw)
        if new is None:
            return ""
        leaves = leaves or (tag == "a" and is_external(new) and not is_external(m.group(2)))
        return f'{m.group(1)}{new}"'

    text = _URL_ATTR.sub(attr, text)
    if leaves and "target=" not in text:
        text = text[:-1] + ' target="_blank" rel="noopener">'
    return text


def rewrite_page(html: str, path: str, rw: Rewrite) -> str:
    """A built page (at ``path`` from the root) with its URLs fit for the package.

    Args:
        html: The built page.
        path: Where it is in the package (``kurs/x/01-y/index.html``).
        rw: The package's pages and files; ``rw.files`` gains the files the page uses.

    Returns:
        The page with every URL inside the package or leaving only on a click.
    """
    base = posixpath.dirname(path)
    html = _DROPPED.sub("", html)
    html = _TAG.sub(lambda m: _rewrite_tag(m, base, rw), html)
    return html.replace("</head>", PACKAGE_STYLE + "</head>", 1)
