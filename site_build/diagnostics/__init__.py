"""Diagnostics: one problem, with the file, line and key it is about."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

__all__ = ["Collector", "Diagnostic", "Severity", "did_you_mean", "format_json", "format_text",
           "has_errors"]

Severity = Literal["error", "warning", "notice"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in the project.

    Attributes:
        path: Path relative to the project root, with forward slashes.
        line: 1-based line number; 1 when the problem is about the whole file (a line below
            1 is made 1, so every diagnostic reads ``path:line: key: message``).
        key: The front matter key, config key or rule the problem is about.
        message: What is wrong, and how to fix it where that is known.
        severity: ``error`` fails check and build; ``warning`` fails a strict build;
            ``notice`` is reported only.
    """

    path: str
    line: int
    key: str
    message: str
    severity: Severity = "error"

    def __post_init__(self) -> None:
        if self.line < 1:
            object.__setattr__(self, "line", 1)

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}: {prefix}{self.key}: {self.message}"


class Collector:
    """The one way to gather diagnostics: every problem of a run, for one file at a time.

    Args:
        path: The file the problems are about, relative to the project root.
        offset: Added to every line given, for text that starts inside a file (front matter
            lines are counted from the first YAML line).
        into: The list to append to (a run's shared list); a new one if not given.
    """

    def __init__(self, path: str, offset: int = 0, into: list[Diagnostic] | None = None) -> None:
        self.path, self.offset = path, offset
        self.items: list[Diagnostic] = [] if into is None else into

    def error(self, line: int, key: str, message: str) -> None:
        """Record an error (``line`` 0 or 1: about the whole file)."""
        self.add(line, key, message, "error")

    def warning(self, line: int, key: str, message: str) -> None:
        """Record a warning: it fails strict builds only."""
        self.add(line, key, message, "warning")

    def add(self, line: int, key: str, message: str, severity: Severity = "error") -> None:
        """Record a problem of any severity."""
        at = line + self.offset if line else self.offset
        self.items.append(Diagnostic(self.path, at, key, message, severity))


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """Return a ``; did you mean 'x'?`` suffix for the closest choice, or an empty string."""
    close = difflib.get_close_matches(value, sorted(set(choices)), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def has_errors(diagnostics: Iterable[Diagnostic], strict: bool = False) -> bool:
    """True if any diagnostic fails the run (warnings count in strict mode)."""
    failing = {"error", "warning"} if strict else {"error"}
    return any(d.severity in failing for d in diagnostics)


def format_text(diagnostics: Sequence[Diagnostic]) -> str:
    """One diagnostic a line, sorted by file and line, then a count."""
    lines = [str(d) for d in sorted(diagnostics)]
    errors = sum(1 for d in diagnostics if d.severity == "error")
    warnings = sum(1 for d in diagnostics if d.severity == "warning")
    lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


def format_json(diagnostics: Sequence[Diagnostic], **extra: object) -> str:
    """The diagnostics as a JSON document ``{"diagnostics": [...], **extra}``."""
    doc: dict[str, object] = {"diagnostics": [asdict(d) for d in sorted(diagnostics)]}
    doc.update(extra)
    return json.dumps(doc, ensure_ascii=False, indent=2)
