"""The core's one exception tree; the CLI and the plugins translate it at the edges."""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from site_build.diagnostics import Diagnostic

__all__ = ["BrobyggerError", "ContentError", "HostError", "PublishError", "save_traceback"]


class BrobyggerError(Exception):
    """Base of every error the core raises on purpose."""


class ContentError(BrobyggerError):
    """The content or configuration has errors; carries every diagnostic found in one run."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        count = sum(1 for d in self.diagnostics if d.severity == "error")
        super().__init__(f"{count} error(s) in content or configuration")


class HostError(BrobyggerError):
    """The site host (MkDocs) failed or could not be found."""


class PublishError(BrobyggerError):
    """The built site could not be swapped into place; the previous site is untouched."""


def save_traceback(exc: BaseException) -> Path:
    """Write ``exc``'s traceback to a new temporary file, for a bug report; return its path.

    Editors never see a raw traceback: the CLI and the preview print one line naming this file.
    """
    fd, name = tempfile.mkstemp(prefix="brobygger-traceback-", suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write("".join(traceback.format_exception(exc)))
    return Path(name)
