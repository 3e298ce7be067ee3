"""MkDocs content plugin: hands Material the core's HTML, toc, metadata and page order.

A thin adapter: loading, checking and rendering are the core's. MkDocs' own Markdown gets an
empty body, so Python-Markdown does no work and MkDocs' link validation has nothing to see.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import get_toc

from plugins.frames import put_frame
from plugins.nav_html import install as install_nav
from plugins.preview import ContentProblems, PreviewErrors, keep_serving
from site_build.build.host import Host, find_hosts
from site_build.build.indexer import Indexer, find_indexers
from site_build.checks import run_checks
from site_build.content.load import LoadCache, load_site
from site_build.diagnostics import has_errors
from site_build.diagnostics.errors import BrobyggerError
from site_build.model import Page, Site
from site_build.render.frame import footer_links, is_hub, nav_label, neighbours
from site_build.render.page import Renderer, TocItem
from site_build.render.track import lesson_pages
from site_build.site.nav import Navigation as CoreNavigation
from site_build.site.nav import NavItem, NavSection, build_navigation
from site_build.site.news import FEED_ALL, NEWS_DIR, news_items
from site_build.site.shape import site_shape
from site_build.site.urls import relative_url

log = logging.getLogger("mkdocs.plugins.brobygger")


class ContentConfig(base.Config):
    """The plugin takes no options; MkDocs reports any it is given as unrecognised."""


def html_text(text: str) -> Markup:
    """Plain text as the HTML MkDocs and Material expect in titles, toc names and meta.

    Material prints these unescaped (MkDocs' Jinja has autoescape off) in element text and
    attributes alike, so each is escaped here, quotes included. Returned as ``Markup`` so the
    templates' ``| e`` leaves it as it is instead of escaping it twice.
    """
    return text if isinstance(text, Markup) else Markup(escape(text, quote=True))


def _toc_tokens(items: tuple[TocItem, ...] | list[TocItem]) -> list[dict[str, Any]]:
    return [{"level": i.level, "id": escape(i.id), "name": html_text(i.title),
             "children": _toc_tokens(i.children)} for i in items]


class BrobyggerContentPlugin(BasePlugin[ContentConfig]):
    """Renders every page with the Brobygger core."""

    def __init__(self) -> None:
        super().__init__()
        # Set by the core's build pipeline, which has already loaded and checked the site.
        self.preloaded: Site | None = None
        # The live preview keeps this instance across rebuilds (MkDocs does so for plugins
        # with on_startup) and with it the loaded pages, so an edit reloads one file.
        self.cache: LoadCache | None = None
        self.shape: object = None
        self.rebuild_all = True
        # The preview's previous output while a full rebuild runs (see on_pre_build).
        self.last_good: Path | None = None
        self.site: Site | None = None
        self.renderer: Renderer | None = None
        # Search indexers, run by the plugin only when it loaded the site itself (the preview,
        # plain ``mkdocs build``); in ``brobygger build`` the pipeline runs them.
        self.indexers: list[Indexer] = []
        # Hosts that build a sub-path (news: ``aktuelt/``): MkDocs leaves their folder to them
        # and renders only its index page, as their frame (``plugins.frames``).
        self.sub_hosts: list[Host] = [h for h in find_hosts() if h.subpath]
        self.feed_link = ""
        # Under serve: the problems of the last rebuild, shown on every page until one passes.
        self.preview = PreviewErrors()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under ``serve``, keep loaded pages and compiled templates between rebuilds."""
        if command == "serve":
            self.cache = LoadCache()
            self.templates = _CompiledTemplates()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the site with the core, unless the pipeline already did."""
        site = self.preloaded
        if site is None:
            root = Path(config.config_file_path).parent
            # No worker processes under serve: forking beside its server threads is unsafe.
            # The preview shows drafts (marked); a build never publishes them.
            loaded = load_site(root, jobs=1 if self.cache else None, cache=self.cache,
                               drafts=self.cache is not None)
            shape = site_shape(loaded.site)
            diagnostics = [*loaded.diagnostics,
                           *run_checks(loaded.site, pages=self._changed_pages(loaded.site, shape))]
            # A preview's first build has no last good build to keep: it builds what loaded,
            # and the banner lists the rest (plugins.preview).
            first_preview = self.cache is not None and self.site is None
            if has_errors(diagnostics) and not first_preview:
                raise ContentProblems(diagnostics)
            self.preview.problems = tuple(diagnostics) if has_errors(diagnostics) else ()
            for d in diagnostics:
                if d.severity != "notice":
                    log.log(logging.ERROR if d.severity == "error" else logging.WARNING, str(d))
            site = loaded.site
            self.indexers = find_indexers()
            for indexer in self.indexers:
                site = indexer.prepare(root, site, 1 if self.cache else None)
        shape = site_shape(site)
        self.rebuild_all, self.shape = shape != self.shape, shape
        if self.preview.problems:
            self.shape = None  # built with errors: the next rebuild checks and renders all
        self.site = site
        self.renderer = Renderer(site)
        # The news feed's path, advertised on every page (when there is news and a site_url).
        self.feed_link = (f"{NEWS_DIR}/{FEED_ALL}" if site.config.site_url and news_items(site)
                          else "")
        return config

    def _changed_pages(self, site: Site, shape: object) -> list[Page] | None:
        """In the preview, pages to re-check: only edited ones while the shape is unchanged.

        A successful build's pages had no broken links; with the same shape (pages, anchors)
        an unedited page's links still resolve. ``None`` means check every page.
        """
        if self.cache is None or self.site is None or shape != self.shape:
            return None
        before = self.site.by_src
        return [p for p in site.pages if before.get(p.src_path) is not p]

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """In the preview, keep compiled templates between rebuilds (MkDocs makes a new theme
        environment each time, and recompiling was a third of an edit's rebuild)."""
        if self.cache is not None:
            env.bytecode_cache = self.templates
        install_nav(env, config.theme.get("features") or [], config)
        # The footer's links (partials/footer.html), from the site root; the 404 page too.
        assert self.site is not None
        env.globals["bb_footer_links"] = [(html_text(title), url)
                                          for title, url in footer_links(self.site)]
        return env

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """In the preview, rebuild every page only when what other pages show has changed.

        The preview builds "dirty" (only pages whose source is newer than their output). When
        the site's shape changes (pages, titles, anchors, order, vocabularies, courses), the
        links and navigation of other pages change too, so the output is cleared to rebuild all.
        """
        if self.cache is not None and self.rebuild_all:
            # Set the last good build aside rather than delete it: a rebuild that fails after
            # this point puts it back (on_serve), so the preview never shows half a site.
            site_dir = Path(config.site_dir)
            self.last_good = site_dir.with_name(site_dir.name + ".last-good")
            shutil.rmtree(self.last_good, ignore_errors=True)
            if site_dir.exists():
                site_dir.rename(self.last_good)
            site_dir.mkdir(parents=True, exist_ok=True)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Write the search index and the sub-paths' hosts' folders (when the plugin loaded the
        site: the preview, plain ``mkdocs build``); the rebuild is then complete, and the build
        set aside in ``on_pre_build`` is not needed."""
        if self.preloaded is None and self.site is not None:
            self._build_sub_hosts(config)
        if self.indexers and self.site is not None:
            site_dir = Path(config.site_dir)
            # The index is written whole each time; the preview builds into its own folder.
            shutil.rmtree(site_dir / "search", ignore_errors=True)
            root = Path(config.config_file_path).parent
            for indexer in self.indexers:
                for note in indexer.write(root, self.site, site_dir):
                    log.info(note)
        if self.last_good is not None:
            shutil.rmtree(self.last_good, ignore_errors=True)
            self.last_good = None

    def _build_sub_hosts(self, config: MkDocsConfig) -> None:
        """Build each sub-path host into its folder afresh (in ``brobygger build`` the
        pipeline does, into the staging folder)."""
        assert self.site is not None
        root = Path(config.config_file_path).parent
        for host in self.sub_hosts:
            target = Path(config.site_dir) / host.subpath
            shutil.rmtree(target, ignore_errors=True)
            try:
                host.build(root, self.site, target, strict=False)
            except BrobyggerError as exc:
                raise PluginError(f"{host.name}: {exc}") from exc

    def _restore_last_good(self, site_dir: Path) -> None:
        """Put the build set aside in ``on_pre_build`` back in place of a half-done one."""
        if self.last_good is not None and self.last_good.exists():
            shutil.rmtree(site_dir, ignore_errors=True)
            self.last_good.rename(site_dir)
        self.last_good = None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Publish only what the core accepted from the docs folder: its pages and assets.

        MkDocs copies every file under ``docs_dir``, following symlinks; the core decides what
        is published (known types, no symlinks out of the project), MkDocs only maps it.
        """
        assert self.site is not None
        accepted = {p.src_path for p in self.site.pages} | self.site.assets
        for file in list(files):
            if file.src_dir == config.docs_dir and (file.src_uri not in accepted
                                                    or self._sub_host_file(file.src_uri)):
                files.remove(file)
        return files

    def _sub_host_file(self, src_uri: str) -> bool:
        """True for a file in a sub-path host's folder, but for its index page (the frame)."""
        return any(src_uri.startswith(host.subpath + "/") and src_uri != host.subpath + "/index.md"
                   for host in self.sub_hosts)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Keep serving the last good build while a rebuild fails, for any reason, with the
        failure's problems in a banner on every page (``plugins.preview``)."""
        site_dir = Path(config.site_dir)
        return keep_serving(server, Path(config.config_file_path).parent, self.preview,
                            lambda: self._restore_last_good(site_dir))

    def _core_page(self, page: MkPage) -> Page:
        assert self.site is not None
        core = self.site.page(page.file.src_uri)
        if core is None:
            raise PluginError(f"{page.file.src_uri}: not loaded by the Brobygger core")
        return core

    @event_priority(100)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Put MkDocs' navigation in the core's order, with its section titles and prev/next.

        MkDocs links previous and next pages before this event, in its own order; they are set
        again here from the core's ``neighbours``: none on hubs, and only within a folder.
        """
        assert self.site is not None
        core = build_navigation(self.site.pages)
        ranks = {_core_key(item): i for item, i in _ranked(core.items)}
        _arrange(nav.items, core, ranks, 0)
        by_src = {page.file.src_uri: page for page in nav.pages}
        ordered = [by_src.pop(p.src_path) for p in core.reading_order if p.src_path in by_src]
        nav.pages = [*ordered, *(p for p in nav.pages if p.file.src_uri in by_src)]
        mk_pages = {page.file.src_uri: page for page in nav.pages}
        lessons = lesson_pages(self.site)  # their track navigation replaces the footer's
        for page in nav.pages:
            found = self.site.page(page.file.src_uri)
            before, after = (neighbours(found, core, lessons) if found is not None
                             else (None, None))
            page.previous_page = mk_pages.get(before.src_path) if before is not None else None
            page.next_page = mk_pages.get(after.src_path) if after is not None else None
        return nav

    def on_page_read_source(self, page: MkPage, config: MkDocsConfig) -> str:
        """Nothing for MkDocs to read: the core has loaded and parsed every page (MkDocs would
        read each file again and parse its front matter with PyYAML, unbounded)."""
        return ""

    def on_page_markdown(self, markdown: str, page: MkPage, config: MkDocsConfig,
                         files: Files) -> str:
        """Give MkDocs the core's metadata and an empty body."""
        core = self._core_page(page)
        front = core.front
        page.meta = {"title": html_text(front.title), "description": html_text(front.description),
                     "hide": list(front.hide), "lang": front.lang, "hub": is_hub(core),
                     "type": front.type}  # bb-progress.js: checklists become tickable
        assert self.site is not None
        label = nav_label(core, self.site.config.language)
        if label is not None:
            page.meta["nav_title"] = html_text(label)
        return ""

    def on_page_content(self, html: str, page: MkPage, config: MkDocsConfig,
                        files: Files) -> str:
        """Return the core's HTML and set the nested toc from its headings."""
        assert self.renderer is not None
        rendered = self.renderer.render(self._core_page(page))
        page.toc = get_toc(_toc_tokens(rendered.toc))  # type: ignore[arg-type]
        return rendered.html

    def on_post_page(self, output: str, page: MkPage, config: MkDocsConfig) -> str:
        """Set ``<html lang>`` from the page's front matter (Material uses the site's), and
        advertise the news feed. A sub-path host's index page becomes its frame, unwritten."""
        # Rendered: MkDocs would keep every page's HTML to the end of the build (~100 MB at
        # 10 000 pages) though nothing reads it again.
        page.content = None
        lang = page.meta.get("lang")
        site_lang = config.theme.get("language", "nb")
        if lang and lang != site_lang:
            output = output.replace(f'<html lang="{site_lang}"', f'<html lang="{lang}"', 1)
        if self.feed_link:
            href = relative_url(self._core_page(page).url, self.feed_link)
            output = output.replace("</head>", _feed_link(href, config.site_name) + "</head>", 1)
        for host in self.sub_hosts:
            if page.file.src_uri == host.subpath + "/index.md":
                put_frame(Path(config.site_dir) / host.subpath, output)
                return ""  # MkDocs writes no page for an empty output
        return output




def _feed_link(href: str, site_name: str) -> str:
    """``<link rel="alternate">`` to the news feed.

    The address is relative: Material's script fetches ``sitemap.xml`` beside every
    ``link[rel=alternate]`` (for language versions), so an absolute one would make each page
    request the public host. The feed itself has absolute URLs.
    """
    return (f'<link rel="alternate" type="application/atom+xml" title="{html_text(site_name)}" '
            f'href="{escape(href)}">\n')


class _CompiledTemplates(BytecodeCache):
    """Jinja bytecode kept in memory; Jinja keys it by template and source checksum."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def _core_key(item: NavItem) -> str:
    return item.folder + "/" if isinstance(item, NavSection) else item.src_path


def _ranked(items: tuple[NavItem, ...]) -> Iterator[tuple[NavItem, int]]:
    """Every item of the core's tree with its position among its siblings."""
    for i, item in enumerate(items):
        yield item, i
        if isinstance(item, NavSection):
            yield from _ranked(item.children)


def _mk_key(item: Any, depth: int) -> str | None:
    """The core's key of a MkDocs nav item: a page's path, or a section's folder + ``/``."""
    if isinstance(item, MkPage):
        return item.file.src_uri
    if isinstance(item, Section):
        first = next(iter(_mk_pages(item.children)), None)
        if first is not None:
            return "/".join(first.file.src_uri.split("/")[: depth + 1]) + "/"
    return None


def _mk_pages(items: list[Any]) -> Iterator[MkPage]:
    for item in items:
        if isinstance(item, MkPage):
            yield item
        elif isinstance(item, Section):
            yield from _mk_pages(item.children)


def _arrange(items: list[Any], core: CoreNavigation, ranks: dict[str, int], depth: int) -> None:
    """Sort MkDocs' items as the core does; anything the core does not know goes last."""
    keys = {id(item): _mk_key(item, depth) for item in items}
    items.sort(key=lambda item: (0, ranks[k]) if (k := keys[id(item)]) in ranks else (1, 0))
    for item in items:
        if isinstance(item, Section):
            key = keys[id(item)]
            section = core.sections.get(key[:-1]) if key else None
            # A section the core does not know keeps MkDocs' title (from its folder's name).
            item.title = html_text(section.title if section is not None else item.title or "")
            _arrange(item.children, core, ranks, depth + 1)
