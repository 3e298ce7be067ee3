"""The generator protocol: a part of a page the core writes rather than an author.

A generator takes part twice. At load time it names the headings and anchors it adds, so they
join the page's toc and links to them can be checked; at render time it writes its HTML, which
follows the page's own body. Generators are registered in ``site_build.generate.registry``.
"""

from __future__ import annotations

from typing import Protocol

from site_build.model import FrontMatter, Heading, Page, Site, Vocabularies

__all__ = ["Generator"]


class Generator(Protocol):
    """A generated part of a page (glossary, source list, *Kilder*, …)."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """The headings the part adds to a page, in order, all reported at ``line``."""
        ...

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """Anchors of generated entries that are not headings (terms, sources)."""
        ...

    def html(self, page: Page, site: Site) -> str:
        """The part's HTML, headings included, for a page of a fully loaded site."""
        ...
