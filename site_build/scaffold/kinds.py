"""The kinds of file ``brobygger new`` writes, and what each needs, read from the one schema."""

from __future__ import annotations

from dataclasses import dataclass

from site_build.schema.frontmatter import ALWAYS, REQUIRED_BY_TYPE

__all__ = ["ASKED", "DERIVED", "KINDS", "Kind", "required_keys", "unprovided_keys"]


@dataclass(frozen=True)
class Kind:
    """A kind of file an editor can start.

    Attributes:
        name: The command's word for it (``article``).
        page_type: Its ``type:`` in the front matter.
        folder: Where under the docs folder it must be: ``aktuelt`` (news), ``kurs/*`` (a
            course folder), or ``""`` (anywhere but the news folder).
    """

    name: str
    page_type: str
    folder: str = ""


KINDS: dict[str, Kind] = {
    "page": Kind("page", "page"),
    "lesson": Kind("lesson", "lesson", "kurs/*"),
    "case": Kind("case", "case"),
    "guidance": Kind("guidance", "guidance"),
    "checklist": Kind("checklist", "checklist"),
    "article": Kind("article", "news", "aktuelt"),
}

# Front matter keys the editor is asked for (or gives as options).
ASKED: frozenset[str] = frozenset({"title", "description", "audience", "topics", "sources",
                                   "duration", "objectives", "author", "category", "tags",
                                   "lang"})
# Keys the command works out itself: the kind, today's date, the next place in the folder.
DERIVED: frozenset[str] = frozenset({"type", "date", "reviewed", "review_by", "order",
                                     "status"})


def required_keys(kind: Kind) -> tuple[str, ...]:
    """The keys the schema requires of a file of this kind, in the schema's order."""
    return (*ALWAYS, *REQUIRED_BY_TYPE.get(kind.page_type, ()))


def unprovided_keys(kind: Kind) -> tuple[str, ...]:
    """Required keys ``new`` has no way to fill in (a schema change it has not followed)."""
    return tuple(k for k in required_keys(kind) if k not in ASKED | DERIVED)
