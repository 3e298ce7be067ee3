"""Material's primary navigation, rendered in Python instead of its Jinja macros.

Material renders the navigation of every page with the recursive macro in
``partials/nav-item.html``: about 40 % of the MkDocs build's CPU time, the same markup again and
again for the pages of a section. This module writes the same HTML (the templates stay the
specification: ``tests/build/test_nav_html.py`` renders every page of a site both ways and
compares them) for the features this portal uses. For anything it does not reproduce (tabs,
sections, expand, integrated toc, icons, subtitles, status, a repository link) it returns
``None`` and ``overrides/partials/nav.html`` falls back to Material's macros.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.utils import normalize_url

__all__ = ["NavRenderer", "install"]

# Features whose markup this module does not write (Material's macros then render the nav).
UNSUPPORTED_FEATURES = frozenset({"navigation.tabs", "navigation.sections", "navigation.expand",
                                  "toc.integrate"})
UNSUPPORTED_META = ("icon", "subtitle", "status")
_ICON = '<span class="md-nav__icon md-icon"></span>'


class NavRenderer:
    """The primary navigation of one page (one instance per page render)."""

    def __init__(self, page: Any, base_url: str, features: Iterable[str],
                 url: Callable[[str], str] | None = None) -> None:
        """Args:
            page: The MkDocs page being rendered.
            base_url: The template's ``base_url``.
            features: ``theme.features``.
            url: The ``url`` filter (default: MkDocs' ``normalize_url`` for ``page``).
        """
        self.page = page
        self.prune = "navigation.prune" in features
        self.indexes = "navigation.indexes" in features
        self._url = url or (lambda u: normalize_url(u, page=page, base=base_url))

    @staticmethod
    def supported(features: Iterable[str], config: Any, items: Iterable[Any]) -> bool:
        """Whether this module writes the same markup as Material for this site."""
        if UNSUPPORTED_FEATURES & set(features) or config.get("repo_url"):
            return False
        return all(_plain(item) for item in items)

    def nav(self, items: Iterable[Any], *, label: str, site_name: str, home: str,
            logo: str, toc_title: str) -> Markup:
        """``partials/nav.html``: the site title with the logo, then every top item."""
        self.toc_title = toc_title
        out = ['<nav class="md-nav md-nav--primary" aria-label="', label,
               '" data-md-level="0">\n<label class="md-nav__title" for="__drawer">\n<a href="',
               self._url(home), '" title="', str(escape(site_name)),
               '" class="md-nav__button md-logo" aria-label="', site_name,
               '" data-md-component="logo">\n', logo, '\n</a>\n', site_name,
               '\n</label>\n<ul class="md-nav__list" data-md-scrollfix>\n']
        for i, item in enumerate(items, 1):
            self._item(out, item, f"__nav_{i}", 1)
        out.append("</ul>\n</nav>\n")
        return Markup("".join(out))

    def _item(self, out: list[str], item: Any, path: str, level: int) -> None:
        """``render(nav_item, path, level, parent)`` of ``partials/nav-item.html``."""
        cls = "md-nav__item md-nav__item--active" if item.active else "md-nav__item"
        children = item.children
        if children:
            self._section(out, item, children, path, level, cls)
        elif item == self.page:
            self._current(out, item, cls)
        else:
            out += ['<li class="', cls, '">\n<a href="', self._url(item.url),
                    '" class="md-nav__link">\n', _content(item), '\n</a>\n</li>\n']

    def _section(self, out: list[str], item: Any, children: list[Any], path: str,
                 level: int, cls: str) -> None:
        index = next((c for c in children if c.is_index), None) if self.indexes else None
        pruned = self.prune and not item.active
        if pruned:
            cls += " md-nav__item--pruned"
        out += ['<li class="', cls, ' md-nav__item--nested">\n']
        if pruned:
            out += [self._pruned(item, item), "</li>\n"]
            return
        checked = "checked" if item.active else ""
        out += ['<input class="md-nav__toggle md-toggle " type="checkbox" id="', path, '" ',
                checked, '>\n']
        if index is None:
            out += ['<label class="md-nav__link" for="', path, '" id="', path,
                    '_label" tabindex="0">\n', _content(item), '\n', _ICON, '\n</label>\n']
        else:
            active = "md-nav__link--active" if index == self.page else ""
            out += ['<div class="md-nav__link md-nav__container">\n<a href="',
                    self._url(index.url), '" class="md-nav__link ', active, '">\n',
                    _content(index, item), '\n</a>\n']
            if len(children) > 1:
                out += ['<label class="md-nav__link ', active, '" for="', path, '" id="', path,
                        '_label" tabindex="0">\n', _ICON, '\n</label>\n']
            out.append("</div>\n")
        out += ['<nav class="md-nav" data-md-level="', str(level), '" aria-labelledby="', path,
                '_label" aria-expanded="', "true" if item.active else "false",
                '">\n<label class="md-nav__title" for="', path, '">\n', _ICON, '\n',
                _title(item), '\n</label>\n<ul class="md-nav__list" data-md-scrollfix>\n']
        for i, child in enumerate(children, 1):
            if index is None or child != index:
                self._item(out, child, f"{path}_{i}", level + 1)
        out.append("</ul>\n</nav>\n</li>\n")

    def _pruned(self, item: Any, ref: Any) -> str:
        """``render_pruned``: a collapsed section as a link to its first page."""
        first = item.children[0] if item.children else None
        if first is not None and first.children:
            return self._pruned(first, ref)
        icon = _ICON + "\n" if item.children else ""
        href = self._url(first.url) if first is not None else ""
        return f'<a href="{href}" class="md-nav__link">\n{_content(ref)}\n{icon}</a>\n'

    def _current(self, out: list[str], item: Any, cls: str) -> None:
        """The page being rendered: its link, and its table of contents for small screens."""
        toc = list(self.page.toc)
        if toc and toc[0].level == 1:
            toc = list(toc[0].children)
        out += ['<li class="', cls, '">\n<input class="md-nav__toggle md-toggle" '
                'type="checkbox" id="__toc">\n']
        if toc:
            out += ['<label class="md-nav__link md-nav__link--active" for="__toc">\n',
                    _content(item), '\n', _ICON, '\n</label>\n']
        out += ['<a href="', self._url(item.url), '" class="md-nav__link md-nav__link--active">\n',
                _content(item), '\n</a>\n']
        if toc:
            out += ['<nav class="md-nav md-nav--secondary" aria-label="',
                    str(escape(self.toc_title)), '">\n<label class="md-nav__title" for="__toc">\n',
                    _ICON, '\n', self.toc_title, '\n</label>\n<ul class="md-nav__list" '
                    'data-md-component="toc" data-md-scrollfix>\n']
            for entry in toc:
                _toc_item(out, entry)
            out.append("</ul>\n</nav>\n")
        out.append("</li>\n")


def _plain(item: Any) -> bool:
    """No markup this module leaves out (icons, subtitles, status, typeset titles, links)."""
    if hasattr(item, "typeset") or hasattr(item, "encrypted") or hasattr(item, "pages"):
        return False
    meta = getattr(item, "meta", None) or {}
    if any(meta.get(key) for key in UNSUPPORTED_META):
        return False
    if item.children:
        return all(_plain(child) for child in item.children)
    return bool(getattr(item, "is_page", False) or getattr(item, "is_section", False))


def _title(item: Any) -> str:
    """``render_title``: the core's sidebar name, else the title as given (Jinja's autoescape
    is off in MkDocs; the adapter escapes both)."""
    meta = getattr(item, "meta", None)
    if meta and meta.get("nav_title"):
        return str(meta["nav_title"])
    return str(item.title)


def _content(item: Any, ref: Any = None) -> str:
    """``render_content``: the title of ``ref`` (default: the item) in its ellipsis span."""
    return f'<span class="md-ellipsis">\n{_title(ref or item)}\n</span>'


def _toc_item(out: list[str], entry: Any) -> None:
    """``partials/toc-item.html``."""
    out += ['<li class="md-nav__item">\n<a href="', entry.url,
            '" class="md-nav__link">\n<span class="md-ellipsis">\n', entry.title,
            '\n</span>\n</a>\n']
    if entry.children:
        out += ['<nav class="md-nav" aria-label="', str(escape(Markup(entry.title).striptags())),
                '">\n<ul class="md-nav__list">\n']
        for child in entry.children:
            _toc_item(out, child)
        out.append("</ul>\n</nav>\n")
    out.append("</li>\n")


def install(env: Any, features: Iterable[str], config: Any) -> None:
    """Make ``bb_nav(logo, toc_title, label)`` available to ``overrides/partials/nav.html``.

    It returns the navigation of the page in the template's context, or ``None`` when this
    module does not write the site's markup (the template then uses Material's macros).
    """
    features = tuple(features)
    checked: dict[int, bool] = {}

    @pass_context
    def bb_nav(context: Any, logo: str, toc_title: str, label: str) -> Markup | None:
        nav = context["nav"]
        if id(nav) not in checked:
            checked.clear()
            checked[id(nav)] = NavRenderer.supported(features, config, nav.items)
        if not checked[id(nav)]:
            return None
        renderer = NavRenderer(context["page"], context["base_url"], features)
        home = (config.get("extra") or {}).get("homepage") or nav.homepage.url
        return renderer.nav(nav.items, label=label,
                            site_name=config["site_name"], home=home, logo=logo,
                            toc_title=toc_title)

    env.globals["bb_nav"] = bb_nav
