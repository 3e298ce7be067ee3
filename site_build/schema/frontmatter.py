"""Front matter: the keys a page may have, their types, and the rules between them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any, cast

from site_build.diagnostics import Collector, Diagnostic
from site_build.model import FrontMatter, Vocabularies
from site_build.model import Lang as LangCode
from site_build.schema.fields import INVALID, At, Choice, Date, Int, Lang, Text
from site_build.schema.lists import ChoiceList, Ids, TextList
from site_build.schema.news import NEWS_FIELDS, news_rules_future_date, news_rules_only_news
from site_build.schema.records import Document, Record, Rule, check_document

__all__ = ["FIELDS", "FRONT_MATTER", "PAGE_TYPES", "REQUIRED_BY_TYPE", "validate_front_matter"]

PAGE_TYPES: tuple[str, ...] = ("page", "module", "lesson", "guidance", "checklist", "case", "news")
MAX_DESCRIPTION = 160
# Generated parts of course pages that belong to one track (`track:` names it).
TRACK_PARTS: tuple[str, ...] = ("track", "certificate", "facilitator", "handout")
GENERATED_PARTS: tuple[str, ...] = ("glossary", "sources", "latest-news", "catalogue",
                                    *TRACK_PARTS)

# Keys every page needs, and those a page type adds.
ALWAYS: tuple[str, ...] = ("title", "description", "audience", "topics", "sources")
REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "module": ("reviewed", "review_by", "duration", "objectives"),
    "guidance": ("reviewed", "review_by"),
    "checklist": ("reviewed", "review_by"),
    "lesson": ("duration", "objectives"),
    "news": ("date", "author", "category"),
}


def _track_parts(values: dict[str, Any], at: At) -> None:
    generated, track = values.get("generated"), values.get("track")
    if generated in TRACK_PARTS and not track:
        at.error("track", f"missing: `generated: {generated}` needs the track it is for "
                 "(`track: <id of courses/<id>.yml>`)")
    elif track and generated not in TRACK_PARTS:
        at.error("track", f"is only for `generated:` {', '.join(TRACK_PARTS)}")


def _review_after(values: dict[str, Any], at: At) -> None:
    reviewed, review_by = values.get("reviewed"), values.get("review_by")
    if isinstance(reviewed, dt.date) and isinstance(review_by, dt.date) and review_by <= reviewed:
        at.error("review_by", f"{review_by} is not after reviewed ({reviewed})")


def _sources_named(values: dict[str, Any], at: At) -> None:
    page_type = values.get("type") or "page"
    if page_type != "page" and values.get("sources") == ():
        at.error("sources", f"a page of type {page_type} must name at least one source")


FIELDS: dict[str, Any] = {
    "title": Text("The page's title. The H1 is generated from it: do not write a `# ` heading "
                  "in the body."),
    "description": Text("One or two sentences for search results, link previews and "
                        "`<meta name=\"description\">`.", max_length=MAX_DESCRIPTION),
    "type": Choice("What kind of page this is; it decides which other keys are required.",
                   choices=PAGE_TYPES, default="page"),
    "audience": Ids("Who the page is written for.", vocabulary="audiences", noun="audience",
                    min_items=1),
    "topics": Ids("What the page is about.", vocabulary="topics", noun="topic", min_items=1),
    "sources": Ids("The sources the page builds on; a *Kilder* section is generated at the end "
                   "of the page. May be `[]` only for `type: page`.", vocabulary="sources",
                   noun="source"),
    "lang": Lang("The page's language: `nb` (bokmål) or `nn` (nynorsk); default from "
                      "`mkdocs.yml`. `no` is rejected."),
    "reviewed": Date("When the page was last checked against its sources."),
    "review_by": Date("When the page is due for review; after `reviewed`. Overdue pages are "
                      "reported as notices."),
    "duration": Int("Estimated time in whole minutes.", minimum=1, maximum=600,
                    out_of_range="{value} minutes is out of range; use {min} to {max}"),
    "objectives": TextList("Learning objectives (\"Etter denne leksjonen kan du …\")."),
    "date": Date("Publication date of a news item."),
    "order": Int("Position among its siblings in the navigation (lower first; then title)."),
    "hide": ChoiceList("Parts of the theme to hide on this page.",
                       choices=("navigation", "toc", "footer")),
    "generated": Choice("Append a generated part to the page: the glossary, the source list "
                        "(with citing pages), the latest news items, the course catalogue, or "
                        "(with `track`) a track's outline, certificate, facilitator view or "
                        "handout.",
                        choices=GENERATED_PARTS),
    "track": Text("The course track (the id of `courses/<id>.yml`) whose outline, "
                  "certificate, facilitator view or handout the page generates."),
    **NEWS_FIELDS,
}

FRONT_MATTER = Document(
    title="Front matter of a page (content/**/*.md)",
    root=Record(
        "Front matter of a page: the YAML between the `---` lines at its top.",
        fields=FIELDS,
        required=ALWAYS,
        required_by=("type", REQUIRED_BY_TYPE),
        rules=(
            Rule("`review_by` must be after `reviewed`.", _review_after),
            Rule("`generated: track|certificate|facilitator|handout` needs `track`, and "
                 "`track` is only for those.", _track_parts),
            Rule("A page of any type but `page` must name at least one source.", _sources_named,
                 {"if": {"properties": {"type": {"not": {"const": "page"}}}, "required": ["type"]},
                  "then": {"properties": {"sources": {"minItems": 1}}}}),
            Rule("`author`, `category`, `tags` and `status` are for `type: news` only.",
                 news_rules_only_news),
            Rule("A news item dated in the future needs `status: draft`.",
                 news_rules_future_date),
        ),
    ),
    key="front matter",
    wrong="expected key: value pairs, got {got}",
    line=0,
)

_known_for: tuple[Vocabularies, Mapping[str, Collection[str]]] | None = None


def _known(vocab: Vocabularies) -> Mapping[str, Collection[str]]:
    """The vocabularies' ids as sets, computed once per vocabulary (pages share one)."""
    global _known_for
    if _known_for is None or _known_for[0] is not vocab:
        _known_for = (vocab, {
            "audiences": {a.id for a in vocab.audiences},
            "topics": {t.id for t in vocab.topics},
            "sources": {s.id for s in vocab.sources},
            "categories": {c.id for c in vocab.categories},
        })
    return _known_for[1]


def validate_front_matter(
    data: Any, path: str, offset: int, vocab: Vocabularies, default_lang: LangCode
) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Validate parsed front matter against the schema.

    Args:
        data: The parsed YAML (a ruamel mapping gives line numbers; plain data gives every
            problem the line ``offset``).
        path: The file's project-relative path, for diagnostics.
        offset: Added to YAML-relative line numbers to make file line numbers.
        vocab: The controlled vocabularies.
        default_lang: The site's language, used when the page sets none.

    Returns:
        The front matter (None if any error was found) and every diagnostic.
    """
    out = Collector(path, offset)
    values = check_document(FRONT_MATTER, data, out, _known(vocab))
    if values is INVALID:
        return None, out.items
    values.setdefault("lang", default_lang)
    values.setdefault("type", "page")
    return FrontMatter(**cast(dict[str, Any], values)), []
