"""The HTML policy as data: what raw HTML in content may contain.

Shared by the checker (:mod:`site_build.markdown.htmlpolicy`) and the tests' independent
oracle (``nh3.clean`` with the same lists). Only what editors need for prose and tables is
allowed. Everything that runs script, changes how the markup after it is tokenized (raw-text
elements, foreign content), submits or fetches is left out, so refused by omission.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "ATTRIBUTE_REASONS",
    "CORE_ATTRIBUTES",
    "CORE_ELEMENTS",
    "ELEMENTS",
    "ELEMENT_ATTRIBUTES",
    "GLOBAL_ATTRIBUTES",
    "GLOBAL_PREFIXES",
    "LINK_SCHEMES",
    "LOADING_ATTRIBUTES",
    "REASONS",
    "REFERENCE_ATTRIBUTES",
    "REFUSED_CLASSES",
    "REFUSED_ID_PREFIX",
    "REL_VALUES",
]

ELEMENTS: frozenset[str] = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr", "audio", "video", "source",
    "track", "picture",
})
"""Elements an editor may write."""

GLOBAL_ATTRIBUTES: frozenset[str] = frozenset({"id", "class", "title", "lang", "dir", "role"})
GLOBAL_PREFIXES: tuple[str, ...] = ("aria-",)

ELEMENT_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "a": frozenset({"href", "rel", "hreflang"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
    "img": frozenset({"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "audio": frozenset({"src", "controls", "loop", "muted", "preload"}),
    "video": frozenset({"src", "poster", "controls", "loop", "muted", "preload", "width",
                        "height", "playsinline"}),
    "source": frozenset({"src", "srcset", "sizes", "type", "media", "width", "height"}),
    "track": frozenset({"src", "kind", "srclang", "label", "default"}),
}
"""Attributes allowed per element, besides the global ones."""

LOADING_ATTRIBUTES: frozenset[str] = frozenset({"src", "srcset", "poster"})
"""Attributes whose URL the browser fetches by itself: they must point inside the site."""

REFERENCE_ATTRIBUTES: frozenset[str] = frozenset({"href", "cite"})
"""Attributes holding a URL that is only followed by the reader: other sites are fine."""

LINK_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
"""Schemes allowed in ``href`` and ``cite``; a relative URL has none."""

REL_VALUES: frozenset[str] = frozenset({
    "noopener", "noreferrer", "nofollow", "external", "license", "author", "help", "tag",
    "next", "prev", "bookmark"})
"""``rel`` keywords on ``<a>``; none of them makes the browser fetch anything."""

REFUSED_CLASSES: Mapping[str, str] = {
    "mermaid": "the theme then loads its diagram library from another host",
}
"""Class names that switch on a fetch in the theme's JavaScript."""

REFUSED_ID_PREFIX = "__"
"""Material's own element ids (``__config`` holds its settings): content may not claim one."""

CORE_ELEMENTS: frozenset[str] = frozenset({"input", "label", "section", "h1", "nav", "fieldset",
                                          "legend", "button"})
"""Elements only the core writes (task-list boxes, footnotes, a lesson's track navigation, the
catalogue's audience filter, the certificate's name field); never accepted from content."""

_TRACK = frozenset({"data-track"})
CORE_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "input": frozenset({"type", "checked", "disabled", "id", "name", "value", "autocomplete",
                        "maxlength"}),
    "label": frozenset({"for"}),
    "button": frozenset({"type"}),
    "th": frozenset({"style"}),
    "td": frozenset({"style"}),
    "nav": frozenset({"aria-label"}) | _TRACK,
    "section": frozenset({"aria-labelledby", "hidden"}),
    "p": frozenset({"role", "aria-live", "data-template"}) | _TRACK,
    "div": frozenset({"hidden"}) | _TRACK,
    "li": frozenset({"data-url", "data-audience"}) | _TRACK,
}
"""Attributes only the core writes: the task-list box, table alignment (``text-align``), and
the course parts' hooks for their scripts (``data-track``, ``data-url``, ``data-audience``)."""

_RUNS = "it can run script"
_FETCHES = "it loads from another host"
_TOKENIZES = "it changes how the browser reads the rest of the page"
_FORM = "forms send what readers type to another place"
REASONS: Mapping[str, str] = {
    "script": _RUNS, "iframe": _RUNS + " and " + _FETCHES, "frame": _RUNS, "frameset": _RUNS,
    "object": _RUNS + " and " + _FETCHES, "embed": _RUNS + " and " + _FETCHES,
    "applet": _RUNS, "svg": _RUNS + " and " + _FETCHES, "math": _RUNS + " and " + _TOKENIZES,
    "base": "it redirects every link and image of the page",
    "meta": "it can redirect the reader", "link": _FETCHES,
    "style": "CSS can load from other hosts; use a class",
    "form": _FORM, "input": _FORM, "button": _FORM, "select": _FORM, "textarea": _TOKENIZES,
    "option": _FORM, "noscript": _TOKENIZES, "template": _TOKENIZES, "title": _TOKENIZES,
    "xmp": _TOKENIZES, "plaintext": _TOKENIZES, "noembed": _TOKENIZES,
    "noframes": _TOKENIZES, "portal": _FETCHES, "h1": "the page title is the only H1",
}
"""Why an element is refused, where one reason stands out."""

ATTRIBUTE_REASONS: Mapping[str, str] = {
    "style": "CSS can load from other hosts; use a class",
    "srcdoc": "it holds a whole page that can run script",
    "ping": "it reports clicks to another address",
    "target": "links open in the same tab",
    "background": _FETCHES, "formaction": _FORM, "action": _FORM,
    "data": _FETCHES, "xlink:href": _FETCHES,
}
"""Why an attribute is refused, where one reason stands out."""
