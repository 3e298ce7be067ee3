"""Review dates: guidance past its ``review_by`` date is reported (a notice, not an error)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from site_build.diagnostics import Diagnostic
from site_build.model import Page, Site

__all__ = ["check_reviews"]

_REVIEW_BY = re.compile(r"^review_by\s*:", re.MULTILINE)


def check_reviews(site: Site, today: dt.date) -> list[Diagnostic]:
    """A notice for each page whose review is overdue on ``today``, on its ``review_by`` line."""
    out = []
    for page in site.pages:
        due = page.front.review_by
        if due is not None and due < today:
            out.append(Diagnostic(page.path, _review_by_line(site, page), "review_by",
                                  f"review was due {due}; check the page against its sources",
                                  "notice"))
    return out


def _review_by_line(site: Site, page: Page) -> int:
    """The line of ``review_by:`` in the page's front matter (read again: overdue pages only)."""
    try:
        text = (Path(site.config.root) / page.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    found = _REVIEW_BY.search(text, 0, text.find("\n---", 3) + 1 or len(text))
    return text.count("\n", 0, found.start()) + 1 if found else 1
