"""Frames: the page shell the root host rendered for each sub-path, for the host building it.

The MkDocs host renders the index page of a folder another host builds (``aktuelt/index.md``
for the news host) with the portal's own templates: header with search, navigation, footer,
styles and scripts. It does not publish that page; it hands it here, and the sub-path's host
puts its own content into it, so a reader moving between the two sees one site. Hosts build in
one process, the root first, so a frame is in place before the host that needs it runs.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["frame_for", "put_frame"]

_FRAMES: dict[Path, str] = {}


def put_frame(folder: Path, html: str) -> None:
    """Keep ``html`` as the frame of the sub-path built into ``folder``."""
    _FRAMES[folder.resolve()] = html


def frame_for(folder: Path) -> str | None:
    """The frame the root host rendered for the sub-path built into ``folder``, if any."""
    return _FRAMES.get(folder.resolve())
