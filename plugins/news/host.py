"""The news host: pelican builds ``aktuelt/`` (items, lists, archives) in the portal's frame.

Registered as the ``news`` entry point in ``brobygger.hosts``. It builds after the MkDocs host
(which renders the frame, see ``plugins.frames``) into the ``aktuelt/`` sub-path of the one
staging folder. Pelican is driven in code: settings built here, no ``pelicanconf.py``, a
reader that takes the core's pages (``plugins.news.reader``), templates that put pelican's
lists into the portal's own page (``plugins.news.theme``), and Atom feeds from the core's model.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.settings import read_settings
from pelican.writers import Writer

from plugins.frames import frame_for
from plugins.news.feeds import write_feeds
from plugins.news.frame import Frame
from plugins.news.reader import SITE_KEY, CoreReader
from plugins.news.theme import Theme
from site_build.content.config import CONFIG_FILE
from site_build.diagnostics import Diagnostic
from site_build.diagnostics.errors import HostError
from site_build.io.yaml12 import YamlProblem, load_yaml
from site_build.model import Site
from site_build.render.page import Renderer
from site_build.site.news import NEWS_DIR, news_items

__all__ = ["NewsHost"]

# Pelican's theme folder: ``templates/`` in this package (no static files).
THEME = Path(__file__).parent
PER_PAGE = 10


class _Collect(logging.Handler):
    """Pelican logs a failed item and goes on; the build must fail instead."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Pelican(Pelican):  # type: ignore[misc]
    """Pelican without its process-wide side effects (``sys.path``, plugin discovery)."""

    def init_path(self) -> None:
        """Leave ``sys.path`` alone (pelican would add the working directory)."""

    def init_plugins(self) -> None:
        """No plugins: everything the news section needs is in this adapter."""
        self.plugins: list[Any] = []

    def build(self) -> None:
        """``Pelican.run`` without deleting the output, signals for plugins or console output."""
        context = self.settings.copy()
        context.update(generated_content={}, static_links=set(), static_content={},
                       localsiteurl=self.settings["SITEURL"])
        generators = [cls(context=context, settings=self.settings, path=self.path,
                          theme=self.theme, output_path=self.output_path)
                      for cls in (ArticlesGenerator, PagesGenerator)]
        for generator in generators:
            generator.generate_context()
        for generator in generators:
            generator.refresh_metadata_intersite_links()
        writer = Writer(self.output_path, settings=self.settings)
        for generator in generators:
            generator.generate_output(writer)


def _site_name(root: Path) -> str:
    try:
        data = load_yaml((root / CONFIG_FILE).read_text(encoding="utf-8")).data
    except (OSError, UnicodeDecodeError, YamlProblem):
        return ""
    name = data.get("site_name") if isinstance(data, dict) else None
    return name if isinstance(name, str) else ""


def _settings(site: Site, out: Path, theme_dir: Path, theme: Theme, site_name: str,
              per_page: int) -> dict[str, Any]:
    none = {ext: None for ext in ("markdown", "mkd", "mdown", "html", "htm", "rst")}
    site_url = site.config.site_url.rstrip("/")
    override = {
        "PATH": str(Path(site.config.root) / site.config.docs_dir),
        "ARTICLE_PATHS": [NEWS_DIR], "PAGE_PATHS": [], "STATIC_PATHS": [],
        "ARTICLE_EXCLUDES": [], "IGNORE_FILES": [".*"],
        "OUTPUT_PATH": str(out), "THEME": str(theme_dir), "THEME_STATIC_PATHS": [],
        "SITENAME": site_name, "SITEURL": f"{site_url}/{NEWS_DIR}" if site_url else "",
        "RELATIVE_URLS": True, "DEFAULT_LANG": site.config.language, "TIMEZONE": "Europe/Oslo",
        "READERS": {"md": CoreReader, **none}, SITE_KEY: (site, Renderer(site)),
        "PLUGINS": [], "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
        "WITH_FUTURE_DATES": True, "SLUGIFY_SOURCE": "basename", "TYPOGRIFY": False,
        "ARTICLE_URL": "{slug}/", "ARTICLE_SAVE_AS": "{slug}/index.html",
        "DRAFT_SAVE_AS": "", "DRAFT_URL": "", "PAGE_SAVE_AS": "", "DRAFT_PAGE_SAVE_AS": "",
        "ARTICLE_LANG_SAVE_AS": "", "PAGE_LANG_SAVE_AS": "",
        "INDEX_SAVE_AS": "index.html", "INDEX_URL": "./", "DEFAULT_PAGINATION": per_page,
        "PAGINATED_TEMPLATES": {"index": None, "category": None, "tag": None},
        "PAGINATION_PATTERNS": [(1, "{url}", "{save_as}"),
                                (2, "{base_name}/side/{number}/",
                                 "{base_name}/side/{number}/index.html")],
        "CATEGORY_URL": "kategori/{slug}/", "CATEGORY_SAVE_AS": "kategori/{slug}/index.html",
        "TAG_URL": "emne/{slug}/", "TAG_SAVE_AS": "emne/{slug}/index.html",
        "AUTHOR_SAVE_AS": "", "AUTHORS_SAVE_AS": "",
        "CATEGORIES_SAVE_AS": "kategori/index.html", "TAGS_SAVE_AS": "emne/index.html",
        "ARCHIVES_SAVE_AS": "arkiv/index.html",
        "YEAR_ARCHIVE_URL": "arkiv/{date:%Y}/", "YEAR_ARCHIVE_SAVE_AS": "arkiv/{date:%Y}/index.html",
        "MONTH_ARCHIVE_SAVE_AS": "", "DAY_ARCHIVE_SAVE_AS": "",
        "FEED_ALL_ATOM": None, "FEED_ATOM": None, "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None, "AUTHOR_FEED_ATOM": None, "AUTHOR_FEED_RSS": None,
        "DIRECT_TEMPLATES": ["index", "categories", "tags", "archives"],
        "JINJA_ENVIRONMENT": {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True},
        "JINJA_GLOBALS": {"bb": theme, "bb_categories": {c.id: c for c in site.vocab.categories},
                          "bb_index": site.page(f"{NEWS_DIR}/index.md")},
    }
    return dict(read_settings(path=None, override=override))


class NewsHost:
    """Builds the news section with pelican, in the portal's look."""

    name = "news"
    subpath = NEWS_DIR

    def __init__(self, per_page: int = PER_PAGE) -> None:
        self.per_page = per_page

    def validate(self, root: Path) -> list[Diagnostic]:
        """Nothing beyond the core's checks (``site_url`` with news items is one of them)."""
        return []

    def build(self, root: Path, site: Site, out: Path, strict: bool = True) -> None:
        """Build the news items of ``site`` into ``out``; nothing if it has none.

        Raises:
            HostError: There is no frame from the root host, or pelican reported an error.
        """
        if not news_items(site):
            return
        html = frame_for(out)
        if html is None:
            raise HostError(f"news: no page frame for '{NEWS_DIR}/'; the MkDocs host must build "
                            f"first and render '{NEWS_DIR}/index.md'")
        frame = Frame.parse(html, _site_name(root))
        theme = Theme(frame, site)
        out.mkdir(parents=True, exist_ok=True)
        collect = _Collect()
        logger = logging.getLogger("pelican")
        logger.addHandler(collect)
        try:
            settings = _settings(site, out, THEME, theme, frame.site_name, self.per_page)
            _Pelican(settings).build()
        finally:
            logger.removeHandler(collect)
        if collect.messages:
            raise HostError("pelican: " + "; ".join(collect.messages))
        if site.config.site_url:
            write_feeds(site, frame.site_name, out)

    def serve(self, root: Path, address: str, port: int, watch: list[Path]) -> None:
        """The news section is served by the root host's preview, which rebuilds it."""
        raise HostError("news: 'brobygger serve' serves the news section through the MkDocs "
                        "host's preview")
