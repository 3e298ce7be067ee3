"""The portal's own markdown-it rules, one plugin per module (``name_plugin(md, **options)``).

Each keeps its settings in a closure, never in ``md.options``, so engines don't share state.
"""

from __future__ import annotations

from site_build.markdown.rules.abbreviations import abbreviations_plugin
from site_build.markdown.rules.admonitions import admonitions_plugin
from site_build.markdown.rules.heading_attrs import heading_attrs_plugin
from site_build.markdown.rules.highlight import highlight_plugin
from site_build.markdown.rules.link_slots import link_slots_plugin
from site_build.markdown.rules.quiz import quiz_plugin
from site_build.markdown.rules.raw_html import raw_html_plugin
from site_build.markdown.rules.site_values import site_values_plugin

__all__ = [
    "abbreviations_plugin",
    "admonitions_plugin",
    "heading_attrs_plugin",
    "highlight_plugin",
    "link_slots_plugin",
    "quiz_plugin",
    "raw_html_plugin",
    "site_values_plugin",
]
