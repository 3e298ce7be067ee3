"""Finds absolute URLs in a built site that a browser would fetch from another host."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["JS_ALLOWED", "Finding", "scan_site"]

_ABSOLUTE = re.compile(r"^\s*(?:https?:|ftp:|//)", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.I)
_JS_URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9${][^\s"'`)<>\\]*""")
_BANNER = re.compile(r"/\*[!*][\s\S]*?\*/")  # licence banners: /*! … */ and /** … */
_FETCHING_RELS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                  "modulepreload", "manifest", "apple-touch-icon", "mask-icon", "prerender"}
_SRC_ATTRS = {"src", "poster", "data", "background", "formaction", "action"}

# URLs in the theme's JavaScript that are never fetched on this site, each with the reason.
# A URL not listed here fails the scan, so a theme upgrade that adds a fetch is noticed.
JS_ALLOWED: tuple[tuple[str, str, str], ...] = (
    ("", "http://www.w3.org/", "XML namespace names, not fetched"),
    ("bundle.", "https://unpkg.com/mermaid@", "only for mermaid diagrams; the core emits none "
     "and the test asserts no page has class=\"mermaid\""),
    ("bundle.", "https://api.github.com/", "only with repo_url, which mkdocs.yml must not set"),
    ("bundle.", "https://${e}/api/v4/", "GitLab facts, only with repo_url"),
    ("bundle.", "https://unpkg.com/resize-observer-polyfill", "only where ResizeObserver is "
     "missing (browsers before 2020); a known residual"),
    ("search.", "https://bit.ly/", "text of an error message"),
    ("lunr/", "http", "licence headers and comments in lunr and its language packs"),
)


@dataclass(frozen=True)
class Finding:
    """An absolute URL that would be fetched."""

    file: str
    url: str
    why: str

    def __str__(self) -> str:
        return f"{self.file}: {self.url} ({self.why})"


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.in_style = tag == "style"
        for name in _SRC_ATTRS & a.keys():
            self.urls.append((a[name], f"<{tag} {name}>"))
        for part in a.get("srcset", "").split(","):
            if part.strip():
                self.urls.append((part.split()[0], f"<{tag} srcset>"))
        rels = set(a.get("rel", "").lower().split())
        if tag == "link" and rels & _FETCHING_RELS:
            self.urls.append((a.get("href", ""), f"<link rel={a.get('rel')}>"))
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.urls.append((a.get("content", "").partition("url=")[2], "<meta refresh>"))
        for m in _CSS_URL.finditer(a.get("style", "")):
            self.urls.append((m.group(1) or m.group(2), "style attribute"))

    def handle_data(self, data: str) -> None:
        if self.in_style:
            for m in _CSS_URL.finditer(data):
                self.urls.append((m.group(1) or m.group(2), "<style>"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False


def _js_allowed(rel: str, url: str) -> bool:
    return any((part in rel and url.startswith(prefix)) or (prefix.startswith("http") and
               url.startswith(prefix) and not part)
               for part, prefix, _ in JS_ALLOWED)


_SEARCH_DATA = re.compile(r'__bbSearch\("[\w/.-]+",(.*)\);\n', re.S)


def search_data(text: str) -> object | None:
    """The data of a browser search index shard: one ``__bbSearch(name, JSON)`` call and
    nothing else (else ``None``)."""
    match = _SEARCH_DATA.fullmatch(text)
    if match is None:
        return None
    try:
        data: object = json.loads(match.group(1))
    except ValueError:
        return None
    return data


def _is_search_data(rel: str, text: str) -> bool:
    """A shard of the browser search index, whose strings are page text (which may mention
    addresses) that the search script shows with ``textContent``. Only a file that parses as
    exactly one JSON hand-over is exempt from the scan."""
    return rel.startswith("search/") and search_data(text) is not None


def scan_site(root: Path) -> tuple[list[Finding], int]:
    """Scan every HTML, CSS and JS file; return the findings and the number of files read."""
    findings: list[Finding] = []
    files = 0
    for f in sorted(root.rglob("*")):
        if f.suffix not in (".html", ".css", ".js") or not f.is_file():
            continue
        files += 1
        rel = f.relative_to(root).as_posix()
        text = f.read_text(encoding="utf-8", errors="replace")
        if f.suffix == ".html":
            parser = _Html()
            parser.feed(text)
            findings += [Finding(rel, u, why) for u, why in parser.urls if _ABSOLUTE.match(u)]
        elif _is_search_data(rel, text):
            continue  # text shown with textContent, never a URL the browser loads
        elif f.suffix == ".css":
            for m in _CSS_URL.finditer(text):
                url = m.group(1) or m.group(2)
                if _ABSOLUTE.match(url):
                    findings.append(Finding(rel, url, "CSS url()/@import"))
        else:
            for m in _JS_URL.finditer(_BANNER.sub("", text)):
                url = m.group(0)
                if url.startswith("//") and not re.match(r"//[\w.-]+\.[a-z]{2,}/", url):
                    continue  # a comment or regex, not a protocol-relative URL
                if not _js_allowed(rel, url):
                    findings.append(Finding(rel, url, "absolute URL in JavaScript"))
    return findings, files
