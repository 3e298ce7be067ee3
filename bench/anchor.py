"""The anchor: plain mkdocs-material (Python-Markdown) over the same corpus, none of our plugins.

It is what a team would get with an ordinary Material site: Norwegian theme language,
``navigation.prune`` (without it Material's page size grows with the square of the page count),
the usual Python-Markdown and pymdownx extensions, and Material's built-in search plugin (the
default when ``plugins`` is not set). Heading ids use Python-Markdown's ``slugify_unicode`` so that
æ/ø/å anchors exist as in our build.
"""

from __future__ import annotations

from pathlib import Path

ANCHOR_CONFIG_NAME = "mkdocs-anchor.yml"

ANCHOR_CONFIG = """\
# Benchmark anchor: plain mkdocs-material on the corpus, none of Brobygger's plugins.
site_name: Brobygger anchor
docs_dir: content
exclude_docs: |
  _data/
theme:
  name: material
  language: nb
  features:
    - navigation.prune
plugins:
  - search
markdown_extensions:
  - admonition
  - tables
  - footnotes
  - def_list
  - attr_list
  - toc:
      slugify: !!python/name:markdown.extensions.toc.slugify_unicode
  - pymdownx.details
  - pymdownx.tasklist
  - pymdownx.highlight
  - pymdownx.superfences
"""


def write_anchor_config(project: Path) -> Path:
    """Write the anchor's MkDocs config into a corpus project directory.

    Args:
        project: The corpus project directory (holding ``content/``).

    Returns:
        Path of the written config; build it with ``mkdocs build -f <path> -d <out>``.
    """
    path = project / ANCHOR_CONFIG_NAME
    path.write_text(ANCHOR_CONFIG, encoding="utf-8")
    return path
