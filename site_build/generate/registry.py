"""Which generators a page has: the one its ``generated:`` asks for, then those of every page.

Loading and rendering go through these functions only, so a new generator (course pages,
certificates, feeds) is one module and one entry here.
"""

from __future__ import annotations

from collections.abc import Mapping

from site_build.generate.base import Generator
from site_build.generate.catalogue import Catalogue
from site_build.generate.certificate import Certificate
from site_build.generate.facilitator import Facilitator
from site_build.generate.glossary import Glossary
from site_build.generate.handout import Handout
from site_build.generate.kilder import Kilder
from site_build.generate.news import LatestNews, NewsMentions
from site_build.generate.source_list import SourceList
from site_build.generate.track_page import TrackPage
from site_build.model import FrontMatter, Heading, Page, Site, Vocabularies

__all__ = ["EVERY_PAGE", "GENERATED", "generated_anchors", "generated_headings",
           "generated_html", "generators_for"]

# Keyed by the front matter's `generated:` value (the schema lists the same values).
GENERATED: Mapping[str, Generator] = {"glossary": Glossary(), "sources": SourceList(),
                                      "latest-news": LatestNews(),
                                      "catalogue": Catalogue(), "track": TrackPage(),
                                      "certificate": Certificate(),
                                      "facilitator": Facilitator(),
                                      "handout": Handout()}
# Parts any page may end with; each adds nothing where it does not apply.
EVERY_PAGE: tuple[Generator, ...] = (NewsMentions(), Kilder())


def generators_for(front: FrontMatter) -> tuple[Generator, ...]:
    """A page's generators in the order their parts follow its body."""
    own = GENERATED.get(front.generated) if front.generated else None
    return (own, *EVERY_PAGE) if own is not None else EVERY_PAGE


def generated_headings(front: FrontMatter, vocab: Vocabularies, line: int) -> list[Heading]:
    """The headings the page's generated parts add (they join its toc and anchors)."""
    return [h for g in generators_for(front) for h in g.headings(front, vocab, line)]


def generated_anchors(front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
    """Anchors of the page's generated entries that are not headings."""
    return frozenset().union(*(g.anchors(front, vocab) for g in generators_for(front)))


def generated_html(page: Page, site: Site) -> str:
    """The HTML of the page's generated parts, in order."""
    return "".join(g.html(page, site) for g in generators_for(page.front))
