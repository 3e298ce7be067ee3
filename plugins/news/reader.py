"""A pelican reader that parses nothing: it hands pelican the core's loaded, rendered page.

The core has already read the front matter (the one schema) and rendered the body (the one
Markdown engine and HTML policy); links are filled in by the core's renderer. So dialect,
anchors, slugs and diagnostics are the same as on every other page, and an item's URL is the
core's ``Page.url``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path
from typing import Any

from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import SafeDatetime

from site_build.model import Page, Site
from site_build.render.page import TocItem
from site_build.site.news import NEWS_DIR
from site_build.site.slug import slugify
from site_build.site.urls import output_file

__all__ = ["SITE_KEY", "CoreReader"]

# The settings key under which the host hands the reader the loaded site and its renderer.
SITE_KEY = "BROBYGGER_SITE"


class CoreReader(BaseReader):  # type: ignore[misc]
    """Reads ``aktuelt/*.md`` by looking the page up in the loaded site."""

    enabled = True
    file_extensions: tuple[str, ...] = ()  # registered for "md" by the READERS setting only

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """The page's HTML without its H1, and its metadata as pelican objects.

        A file the site does not hold as a news item (``index.md``, a draft left out of a
        build) is skipped.
        """
        site, renderer = self.settings[SITE_KEY]
        docs = Path(site.config.root) / site.config.docs_dir
        src = Path(source_path).resolve().relative_to(docs.resolve()).as_posix()
        page = site.page(src)
        if page is None or page.front.type != "news" or page.front.date is None:
            return "", {"status": "skip", "title": src}
        rendered = renderer.render(page)
        body = rendered.html.split("\n", 1)[1] if "\n" in rendered.html else ""
        return body, self._metadata(page, site, rendered.toc)

    def _tag(self, name: str) -> Tag:
        """Pelican's tag, with the core's slug where pelican's would be empty."""
        tag = Tag(name, self.settings)
        # Pelican's slug drops markup and what it cannot transliterate ('<b>', '+'): empty, the
        # tag's page would be written over the tag index and the build would fail.
        if not tag.slug:
            tag.slug = slugify(name)
        return tag

    def _metadata(self, page: Page, site: Site, toc: tuple[TocItem, ...]) -> dict[str, Any]:
        front = page.front
        assert front.date is not None and front.category is not None
        rel = page.url.removeprefix(NEWS_DIR + "/")
        labels = {c.id: c.label for c in site.vocab.categories}
        category = Category(labels.get(front.category, front.category), self.settings)
        category.slug = front.category
        date = SafeDatetime.combine(front.date, dt.time(12, 0))
        return {
            "title": front.title,
            "date": date,
            "author": Author(front.author, self.settings),
            "category": category,
            "tags": [self._tag(tag) for tag in front.tags],
            "slug": posixpath.splitext(page.src_path)[0],
            "url": rel,
            "save_as": output_file(rel),
            "status": "published",
            "bb_page": page,
            "bb_toc": toc[0].children if toc else [],
        }
