"""The privacy corpus through the real CLI: every URL-loading construct that content could use
to make a reader's browser ask another host is an error with its file and line.

Entries the policy allows (links to other sites, ``cite``) are built and loaded in Chromium by
tests/browser/test_browser_privacy_corpus.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.conftest import page
from tests.corpora.privacy import read_corpus

ENTRIES = read_corpus()
_DIAGNOSTIC = re.compile(r"^(content/personvern/p\d+\.md):(\d+): (\w[\w\[\]. -]*): (.+)$", re.M)


def test_corpus_is_large_and_has_both_kinds() -> None:
    refused = [e for e in ENTRIES if e.refused]
    assert len(refused) >= 60 and len(ENTRIES) > len(refused)
    assert len({e.name for e in ENTRIES}) == len(ENTRIES)


def test_every_refused_entry_is_an_error_with_file_and_line(
        site_dir: Path, cli: Callable[..., Result]) -> None:
    folder = site_dir / "content" / "personvern"
    folder.mkdir()
    for i, entry in enumerate(ENTRIES):
        (folder / f"p{i:02d}.md").write_text(page(f"Personvern {i}", entry.body), encoding="utf-8")

    result = cli("check", "--project", str(site_dir))

    assert result.exit_code == 1
    found: dict[str, list[tuple[int, str, str]]] = {}
    for path, line, key, message in _DIAGNOSTIC.findall(result.stderr):
        found.setdefault(path, []).append((int(line), key, message))
    for i, entry in enumerate(ENTRIES):
        mine = found.get(f"content/personvern/p{i:02d}.md", [])
        policy = [d for d in mine if d[1] in ("html", "image")]
        if not entry.refused:
            assert not policy, f"{entry.name}: {policy}"
            continue
        assert policy, f"{entry.name}: no html/image diagnostic in\n{result.stderr}"
        assert all(line in entry.lines for line, _, _ in policy), f"{entry.name}: {policy}"
