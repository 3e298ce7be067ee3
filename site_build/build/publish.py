"""Publishing: swap a finished staging folder into ``site/`` so readers never see half a site."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

from site_build.diagnostics.errors import PublishError

__all__ = ["publish", "staging_dir"]

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_dir(out: Path) -> Path:
    """A fresh staging folder beside ``out`` (same filesystem, so renames are atomic)."""
    path = out.parent / f".site-staging-{out.name}-{os.getpid()}"
    if path.exists():
        shutil.rmtree(path)
    return path


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


def publish(staging: Path, out: Path) -> None:
    """Make ``staging`` the new ``out``; the old site is removed only after the swap.

    Raises:
        PublishError: The swap failed; ``out`` is as it was.
    """
    try:
        if not out.exists():
            staging.rename(out)
            return
        if _exchange(staging, out):
            shutil.rmtree(staging)  # now holds the previous site
            return
        old = out.parent / f".site-old-{out.name}-{os.getpid()}"
        out.rename(old)
        try:
            staging.rename(out)
        except OSError:
            old.rename(out)
            raise
        shutil.rmtree(old)
    except OSError as exc:
        raise PublishError(f"could not publish {staging} to {out}: {exc}") from exc
