"""The one Markdown engine: a markdown-it-py instance in the portal's dialect.

CommonMark + tables, strikethrough, footnotes, definition lists, task lists, heading
attributes (``{#id .class}``), admonitions as Material's CSS expects them, pygments
highlighting, ``<abbr>`` for glossary abbreviations, site values (``{{ kontakt }}``) and
self-checks (``??? quiz``).
The rules are plugins, one per module in :mod:`site_build.markdown.rules`; this module only
puts them together.
"""

from __future__ import annotations

from collections.abc import Mapping

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from site_build.markdown.rules import (
    abbreviations_plugin,
    admonitions_plugin,
    heading_attrs_plugin,
    highlight_plugin,
    link_slots_plugin,
    quiz_plugin,
    raw_html_plugin,
    site_values_plugin,
)
from site_build.markdown.rules.link_slots import LINK_SLOT, link_slot

__all__ = ["LINK_SLOT", "create_markdown", "link_slot"]


def create_markdown(abbreviations: Mapping[str, str] | None = None) -> MarkdownIt:
    """Build the portal's Markdown engine.

    Args:
        abbreviations: Abbreviation → expansion, wrapped in ``<abbr>`` in page text.

    Returns:
        A configured ``MarkdownIt``; parse with an ``env`` holding ``lang`` (``nb``/``nn``).
    """
    # Order matters: our admonition renderers replace admon's, and the abbreviation rule
    # must run after footnotes and task lists have rewritten the inline tokens.
    return (
        MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
        .enable(["table", "strikethrough"])
        .use(raw_html_plugin)
        .use(admon_plugin)
        .use(attrs_plugin)
        .use(deflist_plugin)
        .use(tasklists_plugin, label=True)
        .use(footnote_plugin)
        .use(admonitions_plugin)
        .use(heading_attrs_plugin)
        .use(quiz_plugin)
        .use(site_values_plugin)
        .use(abbreviations_plugin, abbreviations=abbreviations)
        .use(highlight_plugin)
        .use(link_slots_plugin)
    )
