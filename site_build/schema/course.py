"""Course tracks: ``courses/<id>.yml``, an ordered list of lessons that point at pages."""

from __future__ import annotations

from typing import Any

from site_build.model import Lesson
from site_build.schema.fields import Bool, Lang, Text
from site_build.schema.lists import Ids, TextList
from site_build.schema.records import Document, List, Record

__all__ = ["COURSE", "MAX_SUMMARY"]

MAX_SUMMARY = 300
_MISSING = "missing or empty '{key}'"
_TEXT_ITEMS = "expected a list of text items"
_AUDIENCE_IDS = "expected a list of audience ids"


def _make_lesson(values: dict[str, Any], line: int) -> Lesson:
    return Lesson(values["page"], values.get("title", ""), line)


_LESSON = Record(
    "One lesson: a page, and optionally a title for it in this track.",
    fields={
        "page": Text("The page, relative to `content/` (`kurs/x/01-intro.md`).",
                     wrong="expected 'page: path/to/page.md'"),
        "title": Text("The lesson's title in this track (default: the page's title).", blank=True),
    },
    required=("page",),
    missing="expected 'page: path/to/page.md'",
    missing_here=True,
    wrong="expected 'page: path/to/page.md'",
    make=_make_lesson,
)

COURSE = Document(
    title="Course track (courses/*.yml)",
    root=Record(
        "A course track: pages composed into an ordered course for one audience.",
        fields={
            "title": Text("The course's title.", wrong=_MISSING),
            "summary": Text("What the course is about, in a few sentences.", wrong=_MISSING,
                            max_length=MAX_SUMMARY, too_long="keep it to {max} characters"),
            "audience": Ids("Who the course is for.", vocabulary="audiences", noun="audience",
                            min_items=1, text=_AUDIENCE_IDS, wrong=_AUDIENCE_IDS,
                            item_wrong=None, too_few=_AUDIENCE_IDS),
            "lang": Lang("The course's language.", wrong="{value!r} is not 'nb' or 'nn'",
                         norway=None, default="nb"),
            "objectives": TextList("Learning objectives of the whole course.", text=_TEXT_ITEMS,
                                   wrong=_TEXT_ITEMS),
            "prerequisites": TextList("Ids of tracks to take first (their file names without "
                                      "`.yml`).", text=_TEXT_ITEMS, wrong=_TEXT_ITEMS),
            "certificate": Bool("Offer a printable completion receipt.", default=False),
            "lessons": List("The lessons, in order. Every `page` must exist under `content/`.",
                            item=_LESSON, min_items=1,
                            wrong="expected a list of at least one lesson "
                                  "('- page: path/to/page.md'): a track cannot be empty"),
        },
        required=("title", "summary", "audience", "lessons"),
        missing=None,
    ),
    key="course",
    wrong="expected key: value settings (title, summary, audience, lessons)",
)
