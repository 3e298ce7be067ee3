"""Where a new file may go: inside the docs folder, its kind's folder, never over a file."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from site_build.diagnostics import Diagnostic, did_you_mean
from site_build.diagnostics.errors import ContentError
from site_build.scaffold.kinds import Kind
from site_build.site.news import NEWS_DIR

__all__ = ["COURSES_DIR", "Target", "course_folders", "needs_course", "place", "safe_name"]

COURSES_DIR = "kurs"
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_DATED = re.compile(r"\d{4}-\d{2}-\d{2}-")
_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "_": "-", " ": "-"})


@dataclass(frozen=True)
class Target:
    """The file to write.

    Attributes:
        file: Its path on disk.
        rel: Its path relative to the project, for messages.
        src: Its path relative to the docs folder (``kurs/x/03-y.md``), as pages name it.
        course: The course folder of a lesson (``x``), else ``""``.
        date: A news article's date, from its name.
    """

    file: Path
    rel: str
    src: str
    course: str = ""
    date: dt.date | None = None


def safe_name(stem: str) -> str:
    """A file name stem of lower-case letters, digits and ``-`` made from ``stem``."""
    folded = re.sub(r"[^a-z0-9-]+", "", stem.lower().translate(_ASCII))
    return re.sub(r"-{2,}", "-", folded).strip("-") or "ny-side"


def _name_date(stem: str) -> dt.date | None:
    """The date a news article's name starts with (``2026-11-29-…``), if it is one."""
    if not _DATED.match(stem):
        return None
    try:
        return dt.date.fromisoformat(stem[:10])
    except ValueError:
        return None


def course_folders(docs: Path) -> list[str]:
    """The course folders (``content/kurs/<course>/``) that exist, sorted."""
    folder = docs / COURSES_DIR
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.is_dir() and not p.name.startswith((".", "_")))


def needs_course(kind: Kind, raw: str) -> bool:
    """Whether a lesson was given as a bare file name, so its course folder must be asked for."""
    return kind.name == "lesson" and "/" not in raw.replace(os.sep, "/")


def _refuse(rel: str, message: str) -> ContentError:
    return ContentError([Diagnostic(rel, 1, "new", message)])


def _relative(root: Path, docs_dir: str, kind: Kind, raw: str, course: str | None) -> str:
    """The project-relative path the editor means, with ``.md`` and a bare name placed."""
    raw = raw.replace(os.sep, "/")
    if "/" not in raw and kind.name == "lesson" and course:
        raw = f"{docs_dir}/{COURSES_DIR}/{course}/{raw}"
    elif "/" not in raw and kind.name == "article":
        raw = f"{docs_dir}/{NEWS_DIR}/{raw}"
    path = Path(raw)
    if path.is_absolute():
        try:
            raw = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            raise _refuse(raw, f"is outside the project; new files go in '{docs_dir}/'") from None
    rel = os.path.normpath(raw).replace(os.sep, "/")
    return rel if PurePosixPath(rel).suffix else rel + ".md"


def _check_folder(kind: Kind, src: PurePosixPath, rel: str, docs: Path) -> str:
    """The lesson's course, after refusing a file outside its kind's folder."""
    top = src.parts[0] if len(src.parts) > 1 else ""
    if kind.folder == NEWS_DIR and (top != NEWS_DIR or len(src.parts) != 2):
        raise _refuse(rel, f"news articles go directly in '{docs.name}/{NEWS_DIR}/'")
    if kind.folder != NEWS_DIR and top == NEWS_DIR:
        raise _refuse(rel, f"'{docs.name}/{NEWS_DIR}/' holds news articles only; "
                           f"use 'brobygger new article' or another folder")
    if kind.name != "lesson":
        return ""
    if top != COURSES_DIR or len(src.parts) != 3:
        raise _refuse(rel, f"lessons go in a course folder, '{docs.name}/{COURSES_DIR}/<course>/'")
    known = course_folders(docs)
    if src.parts[1] not in known:
        raise _refuse(rel, f"'{src.parts[1]}' is not a course folder in '{docs.name}/"
                           f"{COURSES_DIR}/'" + did_you_mean(src.parts[1], known))
    return src.parts[1]


def place(root: Path, docs_dir: str, kind: Kind, raw: str, course: str | None = None,
          today: dt.date | None = None) -> Target:
    """Where a new file of ``kind`` named ``raw`` goes, or a ``ContentError`` saying why not.

    Args:
        root: The project folder.
        docs_dir: The docs folder, relative to ``root`` (``content``).
        kind: The kind of file.
        raw: The path the editor gave, relative to the project (``content/x/y.md``); a bare
            name is placed in the course folder (lessons) or the news folder (articles).
        course: The course folder of a lesson given as a bare name.
        today: An article's date, put in front of its name (``2026-11-29-…``) if missing.
    """
    rel = _relative(root, docs_dir, kind, raw, course)
    pure = PurePosixPath(rel)
    if rel.startswith("../") or rel == ".." or pure.parts[:1] != (docs_dir,) or len(pure.parts) < 2:
        raise _refuse(rel, f"new files go in the docs folder '{docs_dir}/'")
    src = PurePosixPath(*pure.parts[1:])
    if any(p.startswith((".", "_")) for p in src.parts):
        raise _refuse(rel, "folders and files starting with '.' or '_' are not published")
    if src.suffix != ".md":
        raise _refuse(rel, f"a page ends in '.md', not '{src.suffix}'")
    docs = root / docs_dir
    found_course = _check_folder(kind, src, rel, docs)
    if src.name == "index.md" and kind.name in ("lesson", "article"):
        raise _refuse(rel, "index.md opens its folder; choose another name")
    stem, date = src.stem, None
    if kind.name == "article":
        date = _name_date(stem)
        if date is None:
            date = today or dt.date.today()
            stem = f"{date.isoformat()}-{stem}"
    if not _NAME.fullmatch(stem):
        raise _refuse(rel, f"use lower-case letters, digits and '-' in file names, "
                           f"e.g. '{safe_name(stem)}.md'")
    src = src.with_name(stem + ".md")
    rel = f"{docs_dir}/{src.as_posix()}"
    file = root / rel
    parent = file.parent
    while not parent.exists() and parent != root:
        parent = parent.parent
    if not parent.resolve().is_relative_to(docs.resolve()):
        raise _refuse(rel, f"leads outside '{docs_dir}/' through a symlink")
    if file.exists() or file.is_symlink():
        raise _refuse(rel, "already exists; 'brobygger new' never overwrites: edit the file, "
                           "or choose another name")
    return Target(file, rel, src.as_posix(), found_course, date)
