"""Link crawler over the built site: every internal href/src and #fragment resolves."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.browser

ORIGIN = "http://site.invalid"
"""A stand-in origin: pages are placed under it to resolve relative URLs like a browser."""

_URL_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "input": ("src",),
}
_SKIPPED_SCHEMES = ("mailto", "tel", "data", "javascript", "about", "blob")


@dataclass
class ParsedPage:
    """What the crawler needs of one HTML file.

    Attributes:
        anchors: Every ``id`` and ``name`` value in the file (targets of ``#fragments``).
        refs: ``(line, tag, attribute, URL)`` for every URL-valued attribute.
        base: The ``<base href>``, if the page has one.
        canonical: The ``<link rel="canonical">`` URL, if any.
    """

    anchors: set[str] = field(default_factory=set)
    refs: list[tuple[int, str, str, str]] = field(default_factory=list)
    base: str | None = None
    canonical: str | None = None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        for key in ("id", "name"):
            if key in values and (key == "id" or tag in ("a", "map", "iframe")):
                self.page.anchors.add(values[key])
        if tag == "base" and "href" in values:
            self.page.base = values["href"]
        if tag == "link" and "canonical" in values.get("rel", "").split():
            self.page.canonical = values.get("href")
        line = self.getpos()[0]
        for attr in _URL_ATTRS.get(tag, ()):
            value = values.get(attr)
            if value is None:
                continue
            if attr == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.page.refs.append((line, tag, attr, url))
            elif value.strip() or attr != "action":
                self.page.refs.append((line, tag, attr, value.strip()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


@functools.cache
def parse(path: Path) -> ParsedPage:
    """Parse one HTML file (cached by path).

    Args:
        path: An HTML file of the built site.

    Returns:
        Its anchors and URL references.
    """
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def page_url(site: Path, file: Path) -> str:
    """The URL a browser shows for ``file``: ``…/index.html`` is served as its folder."""
    rel = file.relative_to(site).as_posix()
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel.removesuffix("index.html")
    return f"{ORIGIN}/{rel}"


def target_file(site: Path, url_path: str) -> Path | None:
    """The file that serves ``url_path`` (already percent-decoded), or None if none does."""
    candidate = site / url_path.lstrip("/")
    if url_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


@dataclass
class CrawlReport:
    """The crawler's findings.

    Attributes:
        pages: HTML files crawled.
        refs: URL references seen in them.
        internal: References into the site (checked).
        external: References to other hosts (not checked here; see scripts/check-external-links).
        broken: One line per broken internal reference.
    """

    pages: int = 0
    refs: int = 0
    internal: int = 0
    external: int = 0
    broken: list[str] = field(default_factory=list)


def crawl(site: Path) -> CrawlReport:
    """Check every internal URL and fragment in every HTML file of the built ``site``.

    Absolute URLs under the site's own address (the front page's canonical URL, i.e.
    ``site_url``) count as internal.

    Args:
        site: The built site folder.

    Returns:
        A :class:`CrawlReport`.
    """
    report = CrawlReport()
    front = site / "index.html"
    site_url = parse(front).canonical if front.is_file() else None
    for file in sorted(site.rglob("*.html")):
        report.pages += 1
        page = parse(file)
        base = urljoin(page_url(site, file), page.base) if page.base else page_url(site, file)
        rel = file.relative_to(site).as_posix()
        for line, tag, attr, raw in page.refs:
            report.refs += 1
            url = urljoin(base, raw)
            if site_url and url.startswith(site_url):
                url = ORIGIN + "/" + url[len(site_url) :].lstrip("/")
            parts = urlsplit(url)
            if parts.scheme in _SKIPPED_SCHEMES:
                continue
            if f"{parts.scheme}://{parts.netloc}" != ORIGIN:
                report.external += 1
                continue
            report.internal += 1
            where = f"{rel}:{line}: <{tag} {attr}={raw!r}>"
            target = target_file(site, unquote(parts.path))
            if target is None:
                report.broken.append(f"{where}: no file for {unquote(parts.path)}")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target).anchors:
                shown = target.relative_to(site).as_posix()
                report.broken.append(f"{where}: no id or name {fragment!r} in {shown}")
    return report


def test_no_broken_internal_links(built_site: Path) -> None:
    report = crawl(built_site)
    print(
        f"link crawler: {report.pages} pages, {report.refs} references, "
        f"{report.internal} internal checked, {report.external} external not fetched, "
        f"{len(report.broken)} broken"
    )
    assert report.pages > 0
    assert not report.broken, f"{len(report.broken)} broken internal link(s):\n" + "\n".join(report.broken)
