"""Site hosts: what the pipeline needs of MkDocs (or whatever replaces it), found by name.

Each host builds into its own ``subpath`` of one staging folder (MkDocs the root, a news host
``aktuelt/``), and the pipeline publishes that folder with one atomic swap.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol

from site_build.diagnostics import Diagnostic
from site_build.diagnostics.errors import HostError
from site_build.model import Site

__all__ = ["HOSTS_GROUP", "Host", "find_host", "find_hosts"]

HOSTS_GROUP = "brobygger.hosts"


class Host(Protocol):
    """What the pipeline needs of a site host (MkDocs today)."""

    name: str
    # The folder of the published site this host builds, relative to its root ("" for the root).
    subpath: str

    def validate(self, root: Path) -> list[Diagnostic]:
        """Validate the host's configuration."""
        ...

    def build(self, root: Path, site: Site, out: Path, strict: bool = True) -> None:
        """Build the loaded site into ``out`` (the staging folder joined with ``subpath``)."""
        ...

    def serve(self, root: Path, address: str, port: int, watch: list[Path]) -> None:
        """Serve with reload until interrupted."""
        ...


def find_host(name: str = "mkdocs") -> Host:
    """Find the host registered under ``name`` in the ``brobygger.hosts`` entry points.

    Raises:
        HostError: No such host is installed.
    """
    for ep in entry_points(group=HOSTS_GROUP):
        if ep.name == name:
            host: Host = ep.load()()
            return host
    raise HostError(f"no site host named '{name}' is installed (pip install -e .)")


def find_hosts() -> list[Host]:
    """Every host registered in the ``brobygger.hosts`` entry points, in build order.

    Raises:
        HostError: No host is installed.
    """
    hosts: list[Host] = [ep.load()() for ep in entry_points(group=HOSTS_GROUP)]
    if not hosts:
        raise HostError("no site host is installed (pip install -e .)")
    return build_order(hosts)


def build_order(hosts: list[Host]) -> list[Host]:
    """Hosts in the order they build: the one building the root first, sub-paths after.

    A host that builds the root may clear its output folder, so it must come before the
    others; one folder built by two hosts would be a silent overwrite.

    Raises:
        HostError: Two hosts build the same sub-path, or a sub-path leaves the site.
    """
    seen: dict[str, str] = {}
    for host in hosts:
        path = Path(host.subpath)
        if path.is_absolute() or ".." in path.parts:
            raise HostError(f"host '{host.name}': sub-path '{host.subpath}' must stay inside "
                            "the site")
        key = path.as_posix()
        if key in seen:
            raise HostError(f"hosts '{seen[key]}' and '{host.name}' both build "
                            f"'{host.subpath or '/'}'")
        seen[key] = host.name
    return sorted(hosts, key=lambda h: (len(Path(h.subpath).parts), Path(h.subpath).as_posix()))
