"""Review dates: guidance past its ``review_by`` date is reported (a notice, not an error)."""

from __future__ import annotations

import datetime as dt

from site_build.diagnostics import Diagnostic
from site_build.model import Site

__all__ = ["check_reviews"]


def check_reviews(site: Site, today: dt.date) -> list[Diagnostic]:
    """A notice for each page whose review is overdue on ``today``."""
    out = []
    for page in site.pages:
        due = page.front.review_by
        if due is not None and due < today:
            out.append(Diagnostic(page.path, 0, "review_by",
                                  f"review was due {due}; check the page against its sources",
                                  "notice"))
    return out


