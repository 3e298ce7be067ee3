"""Generated page parts: the glossary, the source list with citing pages, and *Kilder*."""

from __future__ import annotations

from html import escape

from site_build.i18n import SOURCE_GROUPS, text
from site_build.model import Heading, Page, Site, Source, Vocabularies
from site_build.site.slug import slugify
from site_build.site.urls import relative_url

__all__ = [
    "SOURCES_PAGE",
    "generated_anchors",
    "generated_headings",
    "glossary_html",
    "source_anchor",
    "source_label",
    "sources_html",
    "sources_section",
]

SOURCES_PAGE = "kilder.md"


def source_anchor(source_id: str) -> str:
    """The anchor of a source on the sources page."""
    return f"kilde-{source_id}"


def source_label(source: Source) -> str:
    """``Author/issuer (year). Title.`` as HTML."""
    who = source.author or source.issuer
    tail = f" {escape(source.issuer)}." if source.author and source.issuer else ""
    return f"{escape(who)} ({source.year}). <cite>{escape(source.title)}</cite>.{tail}"


def _letter(term: str) -> str:
    first = term[:1].upper()
    return first if first.isalpha() else "#"


def generated_headings(page_generated: str | None, vocab: Vocabularies, nynorsk: bool,
                       line: int) -> list[Heading]:
    """The headings a generated part adds to a page (they join its toc and anchors)."""
    if page_generated == "glossary":
        letters = sorted({_letter(t.term) for t in vocab.glossary}, key=_sort_key)
        return [Heading(2, letter, f"bokstav-{slugify(letter)}", line) for letter in letters]
    if page_generated == "sources":
        return [Heading(2, nn if nynorsk else nb, slugify(nb), line)
                for kind, nb, nn in SOURCE_GROUPS if any(s.kind == kind for s in vocab.sources)]
    return []


def generated_anchors(page_generated: str | None, vocab: Vocabularies) -> frozenset[str]:
    """Anchors of generated entries that are not headings (terms, sources)."""
    if page_generated == "glossary":
        return frozenset(f"term-{slugify(t.term)}" for t in vocab.glossary)
    if page_generated == "sources":
        return frozenset(source_anchor(s.id) for s in vocab.sources)
    return frozenset()


def _sort_key(text: str) -> tuple[int, ...]:
    # Norwegian order: æ, ø, å after z.
    order = {"æ": 1000, "ø": 1001, "å": 1002}
    return tuple(order.get(ch, ord(ch)) for ch in text.lower())


def glossary_html(page: Page, vocab: Vocabularies) -> str:
    """The glossary as headed definition lists, in Norwegian alphabetical order."""
    parts: list[str] = []
    current = ""
    for term in sorted(vocab.glossary, key=lambda t: _sort_key(t.term)):
        letter = _letter(term.term)
        if letter != current:
            if current:
                parts.append("</dl>")
            parts.append(f'<h2 id="bokstav-{slugify(letter)}">{escape(letter)}</h2>')
            parts.append('<dl class="bb-glossary">')
            current = letter
        lang = f' lang="{term.lang}"' if term.lang != page.front.lang else ""
        name = escape(term.term)
        shown = f"<abbr title=\"{escape(term.expansion)}\">{name}</abbr>" if term.abbr else name
        expansion = f" ({escape(term.expansion)})" if term.expansion else ""
        parts.append(f'<dt id="term-{slugify(term.term)}">{shown}{expansion}</dt>')
        parts.append(f"<dd{lang}>{escape(term.definition)}</dd>")
    if current:
        parts.append("</dl>")
    return "\n".join(parts) + "\n"


def sources_html(page: Page, site: Site) -> str:
    """Every source with the pages that cite it."""
    citing: dict[str, list[Page]] = {}
    for other in site.pages:
        for sid in other.front.sources:
            citing.setdefault(sid, []).append(other)
    nynorsk = page.front.lang == "nn"
    parts: list[str] = []
    for kind, nb, nn in SOURCE_GROUPS:
        group = [s for s in site.vocab.sources if s.kind == kind]
        if not group:
            continue
        parts.append(f'<h2 id="{slugify(nb)}">{escape(nn if nynorsk else nb)}</h2>\n<ul class="bb-sources">')
        for source in group:
            pages = sorted(citing.get(source.id, []), key=lambda p: p.front.title)
            cited = ", ".join(f'<a href="{relative_url(page.url, p.url)}">{escape(p.front.title)}</a>'
                              for p in pages)
            lang = page.front.lang
            count = f"{len(pages)} {text('page' if len(pages) == 1 else 'pages', lang)}"
            uses = f"<br>{text('used_on', lang)} {count}: {cited}" if pages \
                else f"<br>{text('not_cited', lang)}"
            parts.append(f'<li id="{source_anchor(source.id)}">{source_label(source)}{uses}</li>')
        parts.append("</ul>")
    return "\n".join(parts) + "\n"


def sources_section(page: Page, site: Site, heading: Heading) -> str:
    """The *Kilder* section that ends every page with sources."""
    items = []
    list_page = site.page(SOURCES_PAGE)
    for sid in page.front.sources:
        source = site.vocab.source(sid)
        if source is None:
            continue
        label = source_label(source)
        if list_page is not None and list_page is not page:
            href = relative_url(page.url, list_page.url) + f"#{source_anchor(sid)}"
            about = text("about_source", page.front.lang)
            label += f' <a href="{href}" class="bb-source-link">{about}</a>'
        items.append(f"<li>{label}</li>")
    return (f'<h2 id="{heading.id}">{escape(heading.text)}</h2>\n'
            f'<ul class="bb-sources">\n' + "\n".join(items) + "\n</ul>\n")
