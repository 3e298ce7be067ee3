"""Cross-page rules over a loaded site: links and anchors, course references, review dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from site_build.checks.courses import check_courses
from site_build.checks.external import ExternalLink, external_links
from site_build.checks.links import check_links
from site_build.checks.news import check_news
from site_build.checks.reviews import check_reviews
from site_build.diagnostics import Diagnostic
from site_build.model import Page, Site

__all__ = ["ExternalLink", "external_links", "run_checks"]


def run_checks(site: Site, today: dt.date | None = None,
               pages: Collection[Page] | None = None) -> list[Diagnostic]:
    """Run every cross-page rule over a loaded site.

    Args:
        site: The loaded site.
        today: The date review deadlines are compared with (default: today).
        pages: Check only these pages' links (the live preview, when nothing that other pages
            link to has changed); default all.

    Returns:
        Every problem found; overdue reviews are notices, not errors.
    """
    return [*check_links(site, site.pages if pages is None else pages),
            *check_courses(site),
            *check_reviews(site, today or dt.date.today()),
            *check_news(site)]
