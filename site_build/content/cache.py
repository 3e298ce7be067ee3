"""What the live preview keeps between loads, so an edit re-reads one file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from site_build.diagnostics import Diagnostic
from site_build.model import Page

__all__ = ["LoadCache"]

T = TypeVar("T")


@dataclass
class LoadCache:
    """Pages kept between loads (the live preview), keyed by file and its size and mtime.

    Everything is dropped when the config or a vocabulary changes, since a page's validation
    and HTML depend on them.
    """

    context: object = None
    entries: dict[str, tuple[tuple[int, int], Page | None, list[Diagnostic]]] = field(
        default_factory=dict)
    # Vocabularies and courses, with the size and mtime of the files they were read from.
    data: dict[str, tuple[object, Any]] = field(default_factory=dict)

    def reuse(self, name: str, files: list[Path], read: Callable[[], T]) -> T:
        """``read()``, unless ``files`` are unchanged since the last call for ``name``."""
        stamp = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else
                      (str(f), -1, -1) for f in files)
        cached = self.data.get(name)
        if cached is not None and cached[0] == stamp:
            return cast(T, cached[1])
        value = read()
        self.data[name] = (stamp, value)
        return value
