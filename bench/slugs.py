"""Heading anchors and file names for the benchmark corpus.

Anchors come from the core's one slug function (``site_build.site.slug.slugify``) when it exists, so
generated links target exactly what the build produces; until then a fallback that follows the
rule in docs/CONTENT_SCHEMA.md is used (lower case, spaces to ``-``, punctuation removed,
æ/ø/å kept).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_PUNCT = re.compile(r"[^\w\s-]", re.UNICODE)
_SPACES = re.compile(r"[-\s]+", re.UNICODE)
_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e"})


def fallback_slugify(text: str) -> str:
    """Slug a heading per the schema: lower case, punctuation removed, spaces to ``-``.

    Args:
        text: The heading text.

    Returns:
        The anchor id, with æ, ø and å kept.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _PUNCT.sub("", text).strip().lower()
    return _SPACES.sub("-", text)


def _load_core() -> Callable[[str], str] | None:
    try:
        from site_build.site.slug import slugify  # type: ignore[import-not-found,unused-ignore]
    except Exception:
        return None
    try:
        if not isinstance(slugify("Når trengs en plan?"), str):
            return None
    except Exception:
        return None
    return slugify  # type: ignore[no-any-return,unused-ignore]


_CORE = _load_core()


def slugify(text: str) -> str:
    """Slug a heading with the core's function if it exists, else with the fallback.

    Args:
        text: The heading text.

    Returns:
        The anchor id the build gives the heading.
    """
    if _CORE is not None:
        return _CORE(text)
    return fallback_slugify(text)


def uses_core_slugify() -> bool:
    """Tell whether anchors come from ``site_build.site.slug.slugify``.

    Returns:
        True when the core's slug function was importable.
    """
    return _CORE is not None


def file_slug(text: str, limit: int = 48) -> str:
    """Make an ASCII file or folder name from a title (æ→ae, ø→o, å→a).

    Args:
        text: The title.
        limit: Maximum length; cut at a ``-`` boundary.

    Returns:
        A lower-case name of ``[a-z0-9-]`` characters.
    """
    ascii_text = fallback_slugify(text.lower().translate(_TRANSLIT))
    ascii_text = re.sub(r"[^a-z0-9-]", "", ascii_text).strip("-")
    if len(ascii_text) > limit:
        ascii_text = ascii_text[:limit].rsplit("-", 1)[0]
    return ascii_text or "side"
