"""Where a build may write: never over the project's sources, only over folders it made.

Every published site holds a marker file, ``MARKER``. A build replaces an existing output
folder only if it is empty or holds the marker, and refuses an output that is the project,
contains it, or lies in (or equals) one of its source folders, before anything is written.
Staging folders left by a killed build are removed by the next one.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

__all__ = ["MARKER", "clean_stale", "output_problem", "write_marker"]

MARKER = ".brobygger-site"
MARKER_TEXT = ("This folder is a site built by Brobygger. A build replaces it as a whole, so "
               "do not keep anything else here.\n")
# Source folders every project has, besides the docs folder and whatever the hosts read.
ALWAYS_SOURCES = ("courses", ".git")


def output_problem(out: Path, root: Path, sources: list[Path], *,
                   replacing: bool = True) -> str | None:
    """Why the build may not publish to ``out``, or None if it may.

    Args:
        out: The output folder, resolved.
        root: The project folder, resolved.
        sources: Its source folders (docs, courses, theme overrides, ...), resolved.
        replacing: Also refuse an existing folder a build did not make (False: only the
            places, for checking the configuration).
    """
    if out == root:
        return "is the project folder; building there would replace its sources"
    if root.is_relative_to(out):
        return "contains the project folder; building there would replace its sources"
    for source in sorted({*sources, *(root / name for name in ALWAYS_SOURCES)}):
        if out.is_relative_to(source) or source.is_relative_to(out):
            where = "is" if out == source else "lies in" if out.is_relative_to(source) else "contains"
            return (f"{where} the source folder '{_shown(source, root)}'; building there would "
                    "replace the sources: choose a folder of its own, such as 'site'")
    if not replacing:
        return None
    if out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
        return (f"is a folder that a Brobygger build did not make (it has no {MARKER} file), "
                "and a build replaces its output as a whole: choose an empty or new folder, "
                "or remove this one first if nothing in it is needed")
    if out.exists() and not out.is_dir():
        return "is a file, not a folder"
    return None


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def write_marker(folder: Path) -> None:
    """Mark ``folder`` as a site this tool made (and may therefore replace)."""
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user
        return True
    return True


def clean_stale(out: Path) -> list[str]:
    """Remove what killed builds left beside ``out``; return what was done, for the log.

    A staging folder (``.site-staging-<name>-<pid>``) whose process is gone is removed. A
    previous site moved aside by an interrupted publish (``.site-old-<name>-<pid>``) is put
    back when ``out`` is missing, else removed. Only folders that hold the marker (or are
    empty) are touched, so nothing a build did not make is removed.
    """
    done: list[str] = []
    pattern = re.compile(rf"\.site-(staging|old)-{re.escape(out.name)}-(\d+)")
    if not out.parent.is_dir():
        return done
    for entry in sorted(out.parent.iterdir()):
        found = pattern.fullmatch(entry.name)
        if found is None or not entry.is_dir() or entry.is_symlink() or _alive(int(found[2])):
            continue
        if not (entry / MARKER).is_file() and any(entry.iterdir()):
            continue
        try:
            if found[1] == "old" and not out.exists():
                entry.rename(out)
                done.append(f"restored the previous site from {entry.name}")
            else:
                shutil.rmtree(entry)
                done.append(f"removed {entry.name}, left by an interrupted build")
        except OSError as exc:
            done.append(f"could not remove {entry.name}, left by an interrupted build: {exc}")
    return done
