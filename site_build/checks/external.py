"""External links: listed for the editor (``brobygger check --external``), never fetched."""

from __future__ import annotations

from dataclasses import dataclass

from site_build.model import Site
from site_build.site.links import Resolved, resolve_link

__all__ = ["ExternalLink", "external_links"]


@dataclass(frozen=True, order=True)
class ExternalLink:
    """A link to another host, listed by ``brobygger check --external``; never fetched."""

    url: str
    file: str
    line: int


def external_links(site: Site) -> list[ExternalLink]:
    """Every link to another host, with the file and line it is written on."""
    return sorted(
        ExternalLink(link.target, page.path, link.line)
        for page in site.pages for link in page.links
        if isinstance(r := resolve_link(site, page, link.target), Resolved) and r.external)
