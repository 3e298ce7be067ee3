"""Front matter: the YAML block between ``---`` lines at the top of a page."""

from __future__ import annotations

__all__ = ["split_front_matter"]


def split_front_matter(text: str) -> tuple[str, int, int] | None:
    """Split a page's text at its front matter.

    Returns:
        ``(yaml, first body line, closing line)``, lines 1-based, or None if the text does not
        start with a ``---`` line followed by a closing ``---`` or ``...`` line.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), i + 2, i + 1
    return None
