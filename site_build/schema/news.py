"""News items (``type: news``): their front matter keys, rules and the categories vocabulary.

The keys join the one front matter schema (``schema.frontmatter``); the categories are a
vocabulary like audiences and topics, in ``content/_data/categories.yml``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from site_build.diagnostics import did_you_mean
from site_build.schema.fields import INVALID, At, Choice, Field, Text, type_name
from site_build.schema.lists import TextList
from site_build.schema.vocabularies import entry_list

__all__ = ["CATEGORIES", "CATEGORIES_FILE", "NEWS_FIELDS", "NEWS_ONLY",
           "news_rules_future_date", "news_rules_only_news"]

CATEGORIES_FILE = "categories"


@dataclass(frozen=True)
class Category(Field):
    """One id from the categories vocabulary (``content/_data/categories.yml``)."""

    doc_type: ClassVar[str] = "id from `content/_data/categories.yml`"

    def check(self, value: Any, at: At, key: str) -> Any:
        if not isinstance(value, str) or not value.strip():
            at.error(key, f"expected a category id, got {type_name(value)}")
            return INVALID
        known = at.known.get("categories", ())
        if value not in known:
            at.error(key, f"'{value}' is not a known category" + did_you_mean(value, known))
            return INVALID
        return value

    def _json(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1}


NEWS_FIELDS: dict[str, Field] = {
    "author": Text("Who wrote a news item (a person or \"Redaksjonen\")."),
    "category": Category("The news item's category: an id from "
                         "`content/_data/categories.yml`."),
    "tags": TextList("Free keywords of a news item; each gets its own list of items."),
    "status": Choice("`draft`: shown (marked) in the preview, never published; "
                     "`published` (default).", choices=("draft", "published"),
                     default="published"),
}
# The keys only a news item may have.
NEWS_ONLY: tuple[str, ...] = tuple(NEWS_FIELDS)


def news_rules_only_news(values: dict[str, Any], at: At) -> None:
    """``author``, ``category``, ``tags`` and ``status`` belong to news items only."""
    if (values.get("type") or "page") == "news":
        return
    for key in NEWS_ONLY:
        if key in values:
            at.error(key, "is only for news items (type: news)")


def news_rules_future_date(values: dict[str, Any], at: At) -> None:
    """A news item dated in the future must be a draft (it would appear as published)."""
    date = values.get("date")
    if (values.get("type") == "news" and isinstance(date, dt.date)
            and date > dt.date.today() and values.get("status") != "draft"):
        at.error("date", f"{date} is in the future; set 'status: draft' until it is published")


CATEGORIES = entry_list("News categories (content/_data/categories.yml)", "news category",
                        used_in="news items use in `category:`",
                        about="A sentence about what goes in this category.")
