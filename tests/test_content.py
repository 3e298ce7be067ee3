"""The portal's own content passes every check, in strict mode, with nothing left to warn about."""

from __future__ import annotations

import json
from collections.abc import Callable

from click.testing import Result

from tests.conftest import REPO


def test_portal_content_passes_check(cli: Callable[..., Result]) -> None:
    result = cli("check", "--project", str(REPO), "--format", "json")
    doc = json.loads(result.stdout)
    failing = [d for d in doc["diagnostics"] if d["severity"] in ("error", "warning")]
    assert not failing, "\n".join(f"{d['path']}:{d['line']}: {d['key']}: {d['message']}"
                                  for d in failing)
    assert result.exit_code == 0


def test_external_links_are_listed_not_fetched(cli: Callable[..., Result]) -> None:
    result = cli("check", "--project", str(REPO), "--external", "--format", "json")
    links = json.loads(result.stdout)["external_links"]
    assert all(set(link) == {"url", "file", "line"} for link in links)
    assert all(link["url"].startswith(("http://", "https://", "mailto:")) for link in links)
