"""The live preview's error banner: every problem of the last rebuild, shown on every page.

Only ``brobygger serve`` shows it (the host's dev server adds it to the pages it sends); a
build with errors publishes nothing, so no published page ever carries it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from site_build.diagnostics import Diagnostic

__all__ = ["BANNER_ID", "preview_banner"]

BANNER_ID = "bb-preview-errors"
"""The banner's heading: a target for links and for moving focus to the errors."""

# The banner's text, (bokmål, nynorsk). The problems themselves are the core's English
# diagnostics, exactly as the terminal prints them, so an editor can search for either.
_TEXTS: dict[str, tuple[str, str]] = {
    "errors": ("Feil i innholdet", "Feil i innhaldet"),
    "kept": ("Forhåndsvisningen viser sidene slik de var før feilen. Rett feilene og lagre "
             "filen, så lastes siden inn på nytt av seg selv.",
             "Førehandsvisinga viser sidene slik dei var før feilen. Rett feilane og lagre "
             "fila, så blir sida lasta inn på nytt av seg sjølv."),
    "list": ("Problemene, med fil og linje", "Problema, med fil og linje"),
}


def _text(key: str, lang: str) -> str:
    nb, nn = _TEXTS[key]
    return nn if lang == "nn" else nb


def preview_banner(problems: Sequence[Diagnostic | str], lang: str) -> str:
    """The banner listing ``problems``, in the page's language; ``""`` when there are none.

    A role="alert" region whose heading can take focus (``#bb-preview-errors``) and whose
    list is keyboard-focusable, so a long list scrolls without a mouse. Every problem is
    escaped: a message may quote a front-matter value, which is untrusted.

    Args:
        problems: The diagnostics of the failed rebuild (its warnings too, as the terminal
            shows them), or a host's message (a ``str``) when it failed for a reason that is
            about no file.
        lang: The page's language (``nn``: nynorsk; anything else: bokmål).
    """
    if not problems:
        return ""
    title = _text("errors", lang)
    items = "".join(f'<li><code lang="en">{escape(str(p), quote=True)}</code></li>' for p in problems)
    page_lang = "nn" if lang == "nn" else "nb"
    return (
        f'<section class="bb-preview-errors" role="alert" lang="{page_lang}" '
        f'aria-labelledby="{BANNER_ID}">'
        f'<h2 class="bb-preview-errors__title" id="{BANNER_ID}" tabindex="-1">'
        f"{title} ({len(problems)})</h2>"
        f'<p>{_text("kept", lang)}</p>'
        f'<ul class="bb-preview-errors__list" tabindex="0" '
        f'aria-label="{_text("list", lang)}">{items}</ul>'
        "</section>"
    )
