"""The core's one exception tree; the CLI and the plugins translate it at the edges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from site_build.diagnostics import Diagnostic

__all__ = ["BrobyggerError", "ContentError", "HostError", "PublishError"]


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
