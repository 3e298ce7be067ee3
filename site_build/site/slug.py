"""The one slug function: headings, anchors and links all go through it."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slugify"]

_DROP = re.compile(r"[^\w\s-]", re.UNICODE)
_DASHES = re.compile(r"[\s_-]+", re.UNICODE)


def slugify(text: str) -> str:
    """Turn heading text into an anchor id.

    Lower case, Unicode NFC (so ``å`` typed as ``a`` + ring matches ``å``), letters such as
    æ, ø and å kept, punctuation dropped, runs of spaces and dashes folded into one ``-``.

    Args:
        text: The heading's plain text.

    Returns:
        The slug; ``seksjon`` if nothing is left.
    """
    text = unicodedata.normalize("NFC", text).lower()
    text = _DROP.sub("", text)
    text = _DASHES.sub("-", text).strip("-")
    return text or "seksjon"

