"""The content model: frozen, typed objects built once per run."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

__all__ = [
    "Contact",
    "Course",
    "FrontMatter",
    "GlossaryTerm",
    "Heading",
    "Lesson",
    "Link",
    "Owner",
    "Page",
    "PageType",
    "Section",
    "Site",
    "SiteConfig",
    "Source",
    "TermGroup",
    "VocabEntry",
    "Vocabularies",
    "is_external",
    "pack_html",
]

PageType = Literal["page", "module", "lesson", "guidance", "checklist", "case", "news"]
Lang = Literal["nb", "nn"]


@dataclass(frozen=True)
class Owner:
    """Who publishes the site (``extra.owner`` in ``mkdocs.yml``); ``url`` may be ``""``."""

    name: str
    url: str = ""


@dataclass(frozen=True)
class Contact:
    """The editorial contact (``extra.contact``): an email address, a phone number if any."""

    email: str
    phone: str = ""


@dataclass(frozen=True)
class SiteConfig:
    """The few host settings the core needs, read from ``mkdocs.yml``."""

    root: str
    docs_dir: str = "content"
    site_dir: str = "site"
    language: Lang = "nb"
    use_directory_urls: bool = True
    # The public address (``https://…/``); feeds need absolute URLs. "" when not set.
    site_url: str = ""
    site_name: str = ""
    # The footer, the about pages and ``{{ kontakt }}`` in a page show these; a build without
    # a contact fails (``content.config``), so None only in a config that was not read.
    owner: Owner | None = None
    contact: Contact | None = None


@dataclass(frozen=True)
class VocabEntry:
    """An entry of a controlled vocabulary (audiences, topics)."""

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Source:
    """A bibliography entry."""

    id: str
    kind: Literal["seed", "outside"]
    title: str
    year: int
    author: str = ""
    issuer: str = ""
    note: str = ""


@dataclass(frozen=True)
class GlossaryTerm:
    """A glossary entry; ``abbr`` terms are marked up with ``<abbr>`` in page text."""

    term: str
    definition: str
    expansion: str = ""
    abbr: bool = False
    lang: Lang = "nb"
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class TermGroup:
    """Words a search treats as one (``content/_data/search_terms.yml``).

    Attributes:
        words: The words or phrases, e.g. a bokmål/nynorsk pair or synonyms.
        kind: ``pair`` (the same word in bokmål and nynorsk) or ``synonym``.
    """

    words: tuple[str, ...]
    kind: Literal["pair", "synonym"] = "synonym"


@dataclass(frozen=True)
class Vocabularies:
    """The controlled vocabularies in ``content/_data/``."""

    audiences: tuple[VocabEntry, ...] = ()
    topics: tuple[VocabEntry, ...] = ()
    sources: tuple[Source, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    search_terms: tuple[TermGroup, ...] = ()
    # News categories (``content/_data/categories.yml``).
    categories: tuple[VocabEntry, ...] = ()

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if any."""
        return self.sources_by_id.get(source_id)

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        """Sources keyed by id."""
        return {s.id: s for s in self.sources}


@dataclass(frozen=True)
class FrontMatter:
    """A page's validated front matter."""

    title: str
    description: str
    type: PageType = "page"
    audience: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    lang: Lang = "nb"
    reviewed: dt.date | None = None
    review_by: dt.date | None = None
    duration: int | None = None
    objectives: tuple[str, ...] = ()
    date: dt.date | None = None
    order: int | None = None
    hide: tuple[str, ...] = ()
    generated: str | None = None
    # The course track (``courses/<id>.yml``) a generated course page belongs to.
    track: str | None = None
    # News items (``type: news``): who wrote it, its category id, free tags, draft or published.
    author: str = ""
    category: str | None = None
    tags: tuple[str, ...] = ()
    status: Literal["draft", "published"] = "published"


@dataclass(frozen=True)
class Heading:
    """A heading with its anchor id; ``line`` is 1-based in the source file."""

    level: int
    text: str
    id: str
    line: int
    explicit_id: bool = False


@dataclass(frozen=True)
class Link:
    """A link or image reference in a page body."""

    target: str
    line: int
    image: bool = False


def is_external(target: str) -> bool:
    """True for a URL that leaves the site: one with a scheme (``https:``, ``mailto:``) or ``//``.

    The one definition: links, images, the Markdown engine and the HTML policy all use it.
    """
    scheme = target.split(":", 1)[0] if ":" in target else ""
    return (bool(scheme) and "/" not in scheme and "#" not in scheme) or target.startswith("//")


@dataclass(frozen=True)
class Section:
    """A part of a page's text between two headings (what a search hit lands on).

    Attributes:
        anchor: The heading's id; ``""`` for the text before the first heading.
        heading: The heading's text; the page title for the text before the first heading.
        level: The heading's level (1 for the text before the first heading).
        text: The section's plain text, as a reader sees it (no facilitator notes on lessons).
    """

    anchor: str
    heading: str
    level: int
    text: str


def pack_html(html: str) -> bytes:
    """``html`` compressed for :attr:`Page.packed_body` (fast zlib: a page packs in ~0.1 ms)."""
    return zlib.compress(html.encode("utf-8"), 1)


@dataclass(frozen=True)
class Page:
    """One authored page, loaded and parsed once.

    Attributes:
        src_path: Path relative to the docs dir, forward slashes (``ip/koordinator.md``).
        path: Path relative to the project root, for diagnostics (``content/ip/koordinator.md``).
        url: The built URL relative to the site root (``ip/koordinator/``).
        body_line: 1-based line in the file where the body (after front matter) starts.
        packed_body: The body rendered once at load time, internal links as slots that the
            renderer fills in when every page is known, compressed (:func:`pack_html`; read
            it as ``body_html``): a site's HTML is the largest part of its model (160 MB at
            10 000 pages, a fifth of that packed), and every build process holds it.
    """

    src_path: str
    path: str
    url: str
    front: FrontMatter
    packed_body: bytes
    body_line: int
    headings: tuple[Heading, ...] = ()
    links: tuple[Link, ...] = ()
    sections: tuple[Section, ...] = ()
    extra_anchors: frozenset[str] = frozenset()
    # The page's ``kursleder`` notes alone, rendered like ``body_html`` (link slots and all):
    # hidden from learners, shown in a track's facilitator view. "" if it has none.
    facilitator_html: str = ""

    @property
    def body_html(self) -> str:
        """The body's HTML as rendered at load time (see ``packed_body``)."""
        return zlib.decompress(self.packed_body).decode("utf-8")

    @property
    def text(self) -> str:
        """The page's plain text, every section in order."""
        return "\n".join(s.text for s in self.sections if s.text)

    @property
    def anchors(self) -> frozenset[str]:
        """Every anchor id a link may point at on this page."""
        return frozenset(h.id for h in self.headings) | self.extra_anchors


@dataclass(frozen=True)
class Lesson:
    """A lesson in a course track: a page reference and an optional per-track title."""

    page: str
    title: str = ""
    line: int = 0


@dataclass(frozen=True)
class Course:
    """A course track from ``courses/<id>.yml``."""

    id: str
    path: str
    title: str
    summary: str
    audience: tuple[str, ...]
    lessons: tuple[Lesson, ...]
    lang: Lang = "nb"
    objectives: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    certificate: bool = False


@dataclass(frozen=True)
class Site:
    """Everything the build knows about the project, loaded once."""

    config: SiteConfig
    vocab: Vocabularies
    pages: tuple[Page, ...] = ()
    courses: tuple[Course, ...] = ()
    assets: frozenset[str] = field(default_factory=frozenset)
    # Pages that exist but failed to load; links to them are not reported a second time.
    failed: frozenset[str] = field(default_factory=frozenset)
    # Up to five related pages per page (docs-relative paths), filled in by a search indexer
    # before the hosts build (see ``build.indexer``); the renderer lists them on each page.
    related: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Set by an indexer that computes related pages while the hosts build: the renderer then
    # leaves ``render.page.RELATED_MARK`` in each page for the indexer to fill afterwards.
    related_pending: bool = False

    def page(self, src_path: str) -> Page | None:
        """The page at this docs-relative path, if any."""
        return self.by_src.get(src_path)

    @cached_property
    def by_src(self) -> dict[str, Page]:
        """Pages keyed by docs-relative path."""
        return {p.src_path: p for p in self.pages}
