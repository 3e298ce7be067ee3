"""The site's shape: what other pages show of each page, for the preview's rebuild decision."""

from __future__ import annotations

from site_build.model import Site

__all__ = ["site_shape"]


def site_shape(site: Site) -> object:
    """What other pages show of each page: if this is unchanged, an edit touches one page.

    Covers pages, URLs, titles, order (hence navigation and previous/next), language, sources,
    hidden parts and anchors, and the vocabularies, courses and assets every page may use.
    Compare two shapes with ``==``.
    """
    pages = tuple((p.src_path, p.url, p.front.title, p.front.order, p.front.lang,
                   p.front.sources, p.front.hide, p.anchors) for p in site.pages)
    return (site.config, site.vocab, site.courses, site.assets, site.failed, pages)
