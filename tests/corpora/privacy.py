"""Reads tests/corpora/privacy.txt: URL-loading constructs, refused or allowed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["BODY_LINE", "CORPUS", "Entry", "read_corpus"]

CORPUS = Path(__file__).with_name("privacy.txt")
BODY_LINE = 9
"""The file line a body starts on in ``tests.conftest.page``."""


@dataclass(frozen=True)
class Entry:
    """One corpus entry: its name, whether the policy must refuse it, and the page body."""

    name: str
    refused: bool
    body: str

    @property
    def lines(self) -> range:
        """The file lines the body covers in a page written with ``tests.conftest.page``."""
        return range(BODY_LINE, BODY_LINE + self.body.count("\n") + 1)


def read_corpus(path: Path = CORPUS) -> list[Entry]:
    """Every entry of the corpus, in order."""
    entries: list[Entry] = []
    head: str | None = None
    body: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), "=== end"]:
        if line.startswith("=== "):
            if head is not None:
                verdict, _, name = head.partition(": ")
                entries.append(Entry(name, verdict == "refused", "\n".join(body).strip("\n")))
            head, body = line[4:], []
        elif head is not None:
            body.append(line)
    return entries
