"""Raw HTML in content is allowed for trusted editors, but never scripts or event handlers."""

from __future__ import annotations

from html.parser import HTMLParser

from site_build.model import is_external

__all__ = ["scan_html"]

_FORBIDDEN_TAGS = {"script", "object", "embed", "base", "meta"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data"}


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in _FORBIDDEN_TAGS:
            self.found.append((line, f"<{tag}> is not allowed in content"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, f"event handler attribute '{name}=' is not allowed"))
            elif name in _URL_ATTRS and value and _is_javascript(value):
                self.found.append((line, f"'javascript:' URL in {name}= is not allowed"))
            elif name == "style" and value and "url(" in value.replace(" ", "").lower():
                self.found.append((line, "url() in a style attribute is not allowed"))
        if tag == "iframe":
            src = dict(attrs).get("src") or ""
            if is_external(src):
                self.found.append((line, f"an iframe from another host ({src}) is not allowed"))

    handle_startendtag = handle_starttag


def _is_javascript(url: str) -> bool:
    cleaned = "".join(ch for ch in url if not ch.isspace() and ord(ch) > 31).lower()
    return cleaned.startswith(("javascript:", "vbscript:", "data:text/html"))


def scan_html(fragment: str) -> list[tuple[int, str]]:
    """Find forbidden HTML in a raw fragment.

    Args:
        fragment: Raw HTML as written in a Markdown page.

    Returns:
        ``(line within the fragment, message)`` for each problem, 1-based.
    """
    scanner = _Scanner()
    scanner.feed(fragment)
    scanner.close()
    return scanner.found

