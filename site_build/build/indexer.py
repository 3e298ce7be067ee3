"""Search indexers: what the pipeline needs of a search (``search/``), found by name.

The core knows nothing of search: an indexer registers itself in the ``brobygger.indexers``
entry points, and the pipeline calls it at two points of a build. ``prepare`` runs after the
checks and before any host builds (it may return the site with ``related`` pages filled in,
which the renderer lists on each page); ``write`` runs after the hosts, into the same staging
folder, before the one atomic publish.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol

from site_build.diagnostics.errors import HostError
from site_build.model import Site

__all__ = ["INDEXERS_GROUP", "Indexer", "find_indexers"]

INDEXERS_GROUP = "brobygger.indexers"


class Indexer(Protocol):
    """What the pipeline needs of a search indexer."""

    name: str

    def prepare(self, root: Path, site: Site, jobs: int | None = None) -> Site:
        """Analyse the loaded site (in worker processes); return it with what the pages show
        of the search (``related``) filled in."""
        ...

    def write(self, root: Path, site: Site, staging: Path) -> list[str]:
        """Write what readers' browsers fetch into ``staging`` (the site being built) and the
        local index outside it; return notes for the build log."""
        ...


def find_indexers() -> list[Indexer]:
    """Every indexer registered in the ``brobygger.indexers`` entry points (by name).

    Raises:
        HostError: An indexer is registered but cannot be loaded.
    """
    found = sorted(entry_points(group=INDEXERS_GROUP), key=lambda ep: ep.name)
    indexers: list[Indexer] = []
    for ep in found:
        try:
            indexers.append(ep.load()())
        except Exception as exc:  # an installed indexer that cannot start is a host failure
            raise HostError(f"the search indexer '{ep.name}' could not start: "
                            f"{type(exc).__name__}: {exc}") from exc
    return indexers
