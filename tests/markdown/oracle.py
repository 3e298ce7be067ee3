"""The independent oracle for the HTML policy: nh3 (Ammonia on html5ever) with the same lists.

Whatever the policy accepts, Ammonia with the same allowlist must leave unchanged: the same
elements with the same attributes, both read by a spec-conformant tree builder.
"""

from __future__ import annotations

from collections import Counter

import html5lib
import nh3

from site_build.markdown import allowlist

__all__ = ["nh3_clean", "removed", "shape"]


def nh3_clean(html: str, core: bool = False) -> str:
    """Clean ``html`` with nh3 under the policy's lists (``core``: with the core's extras)."""
    tags = set(allowlist.ELEMENTS) | (set(allowlist.CORE_ELEMENTS) if core else set())
    attributes = {"*": set(allowlist.GLOBAL_ATTRIBUTES)}
    for tag, names in allowlist.ELEMENT_ATTRIBUTES.items():
        attributes[tag] = set(names)
    if core:
        for tag, names in allowlist.CORE_ATTRIBUTES.items():
            attributes[tag] = attributes.get(tag, set()) | set(names)
    return nh3.clean(
        html, tags=tags, attributes=attributes, clean_content_tags=set(), link_rel=None,
        generic_attribute_prefixes=set(allowlist.GLOBAL_PREFIXES), strip_comments=False,
        url_schemes=set(allowlist.LINK_SCHEMES),
        filter_style_properties={"text-align"} if core else None)


def shape(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every element of ``html`` (parsed as a fragment) with its attributes, in order."""
    fragment = html5lib.parseFragment(html, namespaceHTMLElements=False)
    return [(el.tag, sorted(el.attrib.items())) for el in fragment.iter()
            if isinstance(el.tag, str)]


def removed(html: str, core: bool = False) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """The elements (with their attributes) of ``html`` that nh3 under the policy drops.

    Counted, not ordered: for mis-nested markup (``<table><a>``) Ammonia's serialisation of
    the foster-parented tree re-parses to a different order, with nothing removed.
    """
    def count(text: str) -> Counter[tuple[str, tuple[tuple[str, str], ...]]]:
        return Counter((tag, tuple(attrs)) for tag, attrs in shape(text))
    return sorted((count(html) - count(nh3_clean(html, core))).elements())
