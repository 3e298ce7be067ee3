"""The site's navigation: sections by folder, their order, and the reading order.

Every decision about the site's structure is the core's, so a host only maps this model onto
its own objects. Within a folder the index page comes first, then pages and sub-folders by
``order`` (unordered ones last), then by title, case-insensitively. A sub-folder sorts by its
index page's ``order`` and title and is named after that title (or after the folder, if it has
no index page). The reading order, which previous/next follow, is the tree read depth first.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from site_build.model import Page

__all__ = ["NavItem", "NavSection", "Navigation", "build_navigation", "folder_title"]

INDEX = "index.md"
# An unordered page sorts after every ordered one (and the host always has done so).
_UNORDERED = 10**6


@dataclass(frozen=True)
class NavSection:
    """A folder of pages: its title, its index page (if any) and its children in order."""

    folder: str
    title: str
    index: Page | None
    children: tuple[NavItem, ...]


NavItem = Page | NavSection


@dataclass(frozen=True)
class Navigation:
    """The navigation tree and the flat reading order with each page's neighbours."""

    items: tuple[NavItem, ...]
    reading_order: tuple[Page, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reading_order", tuple(_flatten(self.items)))

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {p.src_path: i for i, p in enumerate(self.reading_order)}

    def previous_page(self, src_path: str) -> Page | None:
        """The page before ``src_path`` in the reading order, if any."""
        i = self._positions.get(src_path)
        return self.reading_order[i - 1] if i else None

    def next_page(self, src_path: str) -> Page | None:
        """The page after ``src_path`` in the reading order, if any."""
        i = self._positions.get(src_path)
        order = self.reading_order
        return order[i + 1] if i is not None and i + 1 < len(order) else None

    @cached_property
    def sections(self) -> dict[str, NavSection]:
        """Every section by its docs-relative folder (``"ip"``, ``"ip/plan"``)."""
        return _sections(self.items)


def folder_title(folder: str) -> str:
    """A section's title when its folder has no index page: ``ung-ufør`` → ``Ung ufør``.

    The same rule MkDocs uses for folder names, so a folder's name reads the same everywhere.
    """
    title = posixpath.basename(folder).replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def build_navigation(pages: Iterable[Page]) -> Navigation:
    """The navigation of a site's pages (docs-relative ``src_path`` decides the folders).

    News items are not in it: the news section lists them by date (the news host).
    """
    return Navigation(_items("", [p for p in pages if p.front.type != "news"]))


def _items(folder: str, pages: list[Page]) -> tuple[NavItem, ...]:
    """The ordered items of one folder, given every page at or below it."""
    here: list[Page] = []
    below: dict[str, list[Page]] = {}
    prefix = f"{folder}/" if folder else ""
    for page in pages:
        rest = page.src_path.removeprefix(prefix)
        if "/" in rest:
            below.setdefault(prefix + rest.split("/", 1)[0], []).append(page)
        else:
            here.append(page)
    items: list[NavItem] = [*here]
    for sub, sub_pages in below.items():
        children = _items(sub, sub_pages)
        index = next((c for c in children if isinstance(c, Page) and _is_index(c)), None)
        title = index.front.title if index is not None else folder_title(sub)
        items.append(NavSection(sub, title, index, children))
    return tuple(sorted(items, key=_sort_key))


def _is_index(page: Page) -> bool:
    return posixpath.basename(page.src_path) == INDEX


def _sort_key(item: NavItem) -> tuple[int, int, str, int, str]:
    # The last two fields break ties as MkDocs lists files: pages before folders, then by name.
    if isinstance(item, NavSection):
        order = _order(item.index)
        return (1, order, item.title.lower(), 1, posixpath.basename(item.folder))
    first = 0 if _is_index(item) else 1
    return (first, _order(item), item.front.title.lower(), 0, posixpath.basename(item.src_path))


def _order(page: Page | None) -> int:
    order = page.front.order if page is not None else None
    return _UNORDERED if order is None else order


def _flatten(items: Iterable[NavItem]) -> Iterable[Page]:
    for item in items:
        if isinstance(item, NavSection):
            yield from _flatten(item.children)
        else:
            yield item


def _sections(items: Iterable[NavItem]) -> dict[str, NavSection]:
    found: dict[str, NavSection] = {}
    for item in items:
        if isinstance(item, NavSection):
            found[item.folder] = item
            found.update(_sections(item.children))
    return found
