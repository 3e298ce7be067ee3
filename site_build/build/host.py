"""The site host: what the pipeline needs of MkDocs (or whatever replaces it), found by name."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol

from site_build.diagnostics import Diagnostic
from site_build.diagnostics.errors import HostError
from site_build.model import Site

__all__ = ["Host", "find_host"]


class Host(Protocol):
    """What the pipeline needs of a site host (MkDocs today)."""

    name: str

    def validate(self, root: Path) -> list[Diagnostic]:
        """Validate the host's configuration."""

    def build(self, root: Path, site: Site, out: Path, strict: bool = True) -> None:
        """Build the loaded site into ``out``."""

    def serve(self, root: Path, address: str, port: int, watch: list[Path]) -> None:
        """Serve with reload until interrupted."""


def find_host(name: str = "mkdocs") -> Host:
    """Find the host registered under ``name`` in the ``brobygger.hosts`` entry points.

    Raises:
        HostError: No such host is installed.
    """
    for ep in entry_points(group="brobygger.hosts"):
        if ep.name == name:
            host: Host = ep.load()()
            return host
    raise HostError(f"no site host named '{name}' is installed (pip install -e .)")
