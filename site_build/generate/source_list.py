"""The source list (``generated: sources``): every source with the pages that cite it."""

from __future__ import annotations

from html import escape

from site_build.i18n import SOURCE_GROUPS, text
from site_build.model import FrontMatter, Heading, Page, Site, Source, Vocabularies
from site_build.site.slug import slugify
from site_build.site.urls import relative_url

__all__ = ["SOURCES_PAGE", "SourceList", "source_anchor", "source_label"]

SOURCES_PAGE = "kilder.md"


def source_anchor(source_id: str) -> str:
    """The anchor of a source on the sources page."""
    return f"kilde-{source_id}"


def source_label(source: Source) -> str:
    """``Author/issuer (year). Title.`` as HTML."""
    who = source.author or source.issuer
    tail = f" {escape(source.issuer)}." if source.author and source.issuer else ""
    return f"{escape(who)} ({escape(str(source.year))}). <cite>{escape(source.title)}</cite>.{tail}"


class SourceList:
    """The bibliography in groups (seed documents, other sources), each with its citing pages."""

    def headings(self, front: FrontMatter, vocab: Vocabularies, line: int) -> tuple[Heading, ...]:
        """One heading per group that has sources; the id is the bokmål title's slug."""
        return tuple(Heading(2, nn if front.lang == "nn" else nb, slugify(nb), line)
                     for kind, nb, nn in SOURCE_GROUPS
                     if any(s.kind == kind for s in vocab.sources))

    def anchors(self, front: FrontMatter, vocab: Vocabularies) -> frozenset[str]:
        """One anchor per source."""
        return frozenset(source_anchor(s.id) for s in vocab.sources)

    def html(self, page: Page, site: Site) -> str:
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
            parts.append(f'<h2 id="{slugify(nb)}">{escape(nn if nynorsk else nb)}</h2>\n'
                         '<ul class="bb-sources">')
            parts += [self._item(page, source, citing.get(source.id, [])) for source in group]
            parts.append("</ul>")
        return "\n".join(parts) + "\n"

    @staticmethod
    def _item(page: Page, source: Source, citing: list[Page]) -> str:
        pages = sorted(citing, key=lambda p: p.front.title)
        cited = ", ".join(f'<a href="{escape(relative_url(page.url, p.url))}">{escape(p.front.title)}</a>'
                          for p in pages)
        lang = page.front.lang
        count = f"{len(pages)} {text('page' if len(pages) == 1 else 'pages', lang)}"
        uses = f"<br>{text('used_on', lang)} {count}: {cited}" if pages \
            else f"<br>{text('not_cited', lang)}"
        return f'<li id="{escape(source_anchor(source.id))}">{source_label(source)}{uses}</li>'
