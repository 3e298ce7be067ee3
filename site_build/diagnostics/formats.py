"""Diagnostics for the hosts editors publish from: GitHub workflow commands, GitLab Code Quality.

Both say the same as ``path:line: key: message``; only the envelope differs, so a pull or merge
request shows each problem on its line of the changed file.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence

from site_build.diagnostics import Diagnostic, Severity

__all__ = ["FORMATS", "GITLAB_SEVERITY", "format_github", "format_gitlab", "github_escape_data",
           "github_escape_property"]

# The formats ``brobygger check --format`` knows besides text and json.
FORMATS: tuple[str, ...] = ("github", "gitlab")

# Code Quality severities (blocker, critical, major, minor, info): an error fails the check, so
# it is major; a warning fails only strict runs; a notice fails nothing.
GITLAB_SEVERITY: dict[Severity, str] = {"error": "major", "warning": "minor", "notice": "info"}


def github_escape_data(text: str) -> str:
    """Escape a workflow command's message as GitHub's toolkit does (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_escape_property(text: str) -> str:
    """Escape a workflow command's property value: the message's escapes plus ``:`` and ``,``."""
    return github_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic]) -> str:
    """One ``::error``/``::warning``/``::notice`` workflow command per diagnostic, sorted.

    GitHub turns each into an annotation on ``file`` at ``line``; ``title`` is the key.
    """
    lines = []
    for d in sorted(diagnostics):
        props = ",".join(f"{name}={github_escape_property(value)}"
                         for name, value in (("file", d.path), ("line", str(d.line)),
                                             ("title", d.key)))
        lines.append(f"::{d.severity} {props}::{github_escape_data(d.message)}")
    return "\n".join(lines)


def _fingerprint(d: Diagnostic, occurrence: int) -> str:
    # The line is left out, so a problem keeps its fingerprint when lines above it move and a
    # merge request does not show it as fixed and new at once; the occurrence keeps two equal
    # problems in one file apart.
    key = "\0".join((d.path, d.key, d.message, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def format_gitlab(diagnostics: Sequence[Diagnostic]) -> str:
    """The diagnostics as a GitLab Code Quality report (a JSON array), sorted.

    Each entry has ``description``, ``check_name`` (the key), a ``fingerprint`` that stays the
    same from run to run, ``severity`` and ``location`` (``path``, ``lines.begin``).
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in sorted(diagnostics):
        seen[(d.path, d.key, d.message)] += 1
        issues.append({
            "type": "issue",
            "description": f"{d.key}: {d.message}",
            "check_name": d.key,
            "fingerprint": _fingerprint(d, seen[(d.path, d.key, d.message)]),
            "severity": GITLAB_SEVERITY[d.severity],
            "location": {"path": d.path, "lines": {"begin": d.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2)
