"""Links and images: every one must resolve to a page, an anchor or a file of the site."""

from __future__ import annotations

from collections.abc import Iterable

from site_build.diagnostics import Diagnostic
from site_build.model import Page, Site
from site_build.site.links import Resolved, resolve_link

__all__ = ["check_links"]


def check_links(site: Site, pages: Iterable[Page]) -> list[Diagnostic]:
    """A diagnostic for each link or image in ``pages`` that does not resolve."""
    out: list[Diagnostic] = []
    for page in pages:
        for link in page.links:
            result = resolve_link(site, page, link.target)
            if not isinstance(result, Resolved) and not result.silent:
                key = "image" if link.image else "link"
                out.append(Diagnostic(page.path, link.line, key, result.message))
    return out
