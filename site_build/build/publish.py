"""Publishing: swap a finished staging folder into ``site/`` so readers never see half a site.

A publish ends with either the old site or the new one complete at ``out``, never a mixture;
its messages say which.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

from site_build.build.output import write_marker
from site_build.diagnostics.errors import PublishError

__all__ = ["publish", "remove_staging", "staging_dir"]

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_dir(out: Path) -> Path:
    """A fresh, marked staging folder beside ``out`` (same filesystem, so renames are atomic).

    Raises:
        PublishError: The folder cannot be made (nothing has been written to ``out``).
    """
    path = out.parent / f".site-staging-{out.name}-{os.getpid()}"
    try:
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        write_marker(path)
    except OSError as exc:
        raise PublishError(f"cannot make the staging folder {path}: {exc}; nothing was "
                           "built and the previous site is untouched") from exc
    return path


def remove_staging(staging: Path) -> str | None:
    """Remove a staging folder; a message if that failed (the next build retries)."""
    if not staging.exists():
        return None
    try:
        shutil.rmtree(staging)
    except OSError as exc:
        return (f"could not remove {staging} ({exc}); the next build removes it")
    return None


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux renameat2(RENAME_EXCHANGE), if available."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def publish(staging: Path, out: Path) -> list[str]:
    """Make ``staging`` the new ``out``; the old site is removed only after the swap.

    Returns:
        Warnings: the new site is published, but the old copy could not be removed.

    Raises:
        PublishError: The swap failed; the message says where the complete old site is.
    """
    try:
        if not out.exists():
            staging.rename(out)
            return []
        if _exchange(staging, out):
            problem = remove_staging(staging)  # now holds the previous site
            return [f"the new site is published; {problem}"] if problem else []
        old = out.parent / f".site-old-{out.name}-{os.getpid()}"
        out.rename(old)
    except OSError as exc:
        raise PublishError(f"could not publish {staging} to {out}: {exc}; the previous "
                           "site is untouched") from exc
    try:
        staging.rename(out)
    except OSError as exc:
        try:
            old.rename(out)
        except OSError as again:
            raise PublishError(
                f"could not publish {staging} to {out}: {exc}; nor put the previous site back "
                f"({again}): the previous site is complete in {old}, and the next build puts it "
                "back") from exc
        raise PublishError(f"could not publish {staging} to {out}: {exc}; the previous site "
                           "is untouched") from exc
    problem = remove_staging(old)
    return [f"the new site is published; {problem}"] if problem else []

