"""Code highlighting with pygments, in the ``div.highlight > pre > code`` shape Material styles.

Fences and indented code blocks both go through pygments; a fence's first info word names the
language, and an unknown or missing one is plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

__all__ = ["highlight_plugin"]


def highlight_plugin(md: MarkdownIt, cssclass: str = "highlight") -> None:
    """Render fences and code blocks with pygments.

    Args:
        md: The engine to extend.
        cssclass: Class of the wrapping ``div``.
    """
    formatter = HtmlFormatter(cssclass=cssclass, wrapcode=True)

    def render_code(
        self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        tok = tokens[idx]
        info = tok.info.strip()
        return str(highlight(tok.content, _lexer(info.split(maxsplit=1)[0] if info else ""),
                             formatter))

    md.add_render_rule("fence", render_code)
    md.add_render_rule("code_block", render_code)


def _lexer(lang: str) -> Lexer:
    try:
        return get_lexer_by_name(lang or "text")
    except ClassNotFound:
        return get_lexer_by_name("text")
