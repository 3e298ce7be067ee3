"""The glossary page (``generated: glossary``): terms as headed lists in Norwegian order."""

from __future__ import annotations

from html import escape

from site_build.model import FrontMatter, Heading, Page, Site, Vocabularies
from site_build.site.slug import slugify

__all__ = ["Glossary"]


def _letter(term: str) -> str:
    first = term[:1].upper()
    return first if first.isalpha() else "#"


def _sort_key(text: str) -> tuple[int, ...]:
    # Norwegian order: æ, ø, å after z.
    order = {"æ": 1000, "ø": 1001, "å": 1002}
    return tuple(order.get(ch, ord(ch)) for ch in text.lower())


class Glossary:
    """Every glossary term, grouped under a heading per initial letter."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """One heading per initial letter."""
        letters = sorted({_letter(t.term) for t in vocab.glossary}, key=_sort_key)
        return tuple(Heading(2, letter, f"bokstav-{slugify(letter)}", line) for letter in letters)

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """One anchor per term."""
        return frozenset(f"term-{slugify(t.term)}" for t in vocab.glossary)

    def html(self, page: Page, site: Site) -> str:
        """The glossary as headed definition lists, in Norwegian alphabetical order."""
        parts: list[str] = []
        current = ""
        for term in sorted(site.vocab.glossary, key=lambda t: _sort_key(t.term)):
            letter = _letter(term.term)
            if letter != current:
                if current:
                    parts.append("</dl>")
                parts.append(f'<h2 id="bokstav-{slugify(letter)}">{escape(letter)}</h2>')
                parts.append('<dl class="bb-glossary">')
                current = letter
            lang = f' lang="{escape(term.lang)}"' if term.lang != page.front.lang else ""
            name = escape(term.term)
            shown = f"<abbr title=\"{escape(term.expansion)}\">{name}</abbr>" if term.abbr \
                else name
            expansion = f" ({escape(term.expansion)})" if term.expansion else ""
            parts.append(f'<dt id="term-{slugify(term.term)}">{shown}{expansion}</dt>')
            parts.append(f"<dd{lang}>{escape(term.definition)}</dd>")
        if current:
            parts.append("</dl>")
        return "\n".join(parts) + "\n"
