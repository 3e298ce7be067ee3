"""Built URLs of pages, and relative links between them."""

from __future__ import annotations

import posixpath

__all__ = ["output_file", "relative_url", "url_for"]


def url_for(src_path: str, use_directory_urls: bool = True) -> str:
    """The URL (relative to the site root) a page at ``src_path`` is built to.

    ``index.md`` → ``""``, ``ip/index.md`` → ``ip/``, ``ip/plan.md`` → ``ip/plan/``
    (or ``ip/plan.html`` without directory URLs).
    """
    stem, _ = posixpath.splitext(src_path)
    head, name = posixpath.split(stem)
    if name in ("index", "README"):
        return f"{head}/" if head else ""
    if not use_directory_urls:
        return f"{stem}.html"
    return f"{stem}/"


def output_file(url: str) -> str:
    """The file (relative to the site root) a page with this built URL is written to."""
    return url + "index.html" if not url or url.endswith("/") else url


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url``, both relative to the site root."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target_dir, target_file = (to_url, "") if to_url.endswith("/") or not to_url else \
        posixpath.split(to_url)
    rel = posixpath.relpath(target_dir or ".", base.rstrip("/") or ".")
    if target_file:
        return target_file if rel == "." else f"{rel}/{target_file}"
    return "./" if rel == "." else f"{rel}/"
