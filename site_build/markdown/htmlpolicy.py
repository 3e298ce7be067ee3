"""The HTML policy: raw HTML in content is checked against one allowlist, as a browser reads it.

Each raw fragment (an HTML block, inline HTML) is tokenized by html5lib's tokenizer, which
follows the WHATWG tokenizer the browser uses: entities in attribute values are decoded, names
lower-cased, and comments end where the browser ends them (``<!-->``, ``--!>``), so a fragment
cannot look harmless here and act otherwise in Chromium. It yields each tag and attribute with
its position, so every violation becomes a diagnostic with its file line. nh3 (Ammonia on
html5ever) could not do that: it only returns cleaned HTML, not what it removed or where; the
tests use it instead as an independent oracle over the same allowlist
(:mod:`site_build.markdown.allowlist`). Nothing is ever removed from a page: what the policy
refuses is an error, never a silent change.

Each fragment must also end where it began, in plain text: a fragment that ends inside a tag,
a comment or a doctype, or holds markup the browser reads differently than written (a parse
error of the tokenizer that changes what follows), is refused. So the page, fragment after
fragment, reads the same in the browser as here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# html5lib ships no type stubs.
from html5lib._tokenizer import HTMLTokenizer  # type: ignore[import-untyped]
from html5lib.constants import tokenTypes  # type: ignore[import-untyped]

from site_build.markdown.allowlist import (
    ATTRIBUTE_REASONS,
    ELEMENT_ATTRIBUTES,
    ELEMENTS,
    GLOBAL_ATTRIBUTES,
    GLOBAL_PREFIXES,
    LINK_SCHEMES,
    LOADING_ATTRIBUTES,
    REASONS,
    REFERENCE_ATTRIBUTES,
    REFUSED_CLASSES,
    REFUSED_ID_PREFIX,
    REL_VALUES,
)

__all__ = ["check_attribute", "check_html", "external_source", "link_scheme_problem"]

_START, _EMPTY, _DOCTYPE, _ERROR = (tokenTypes[k] for k in
                                     ("StartTag", "EmptyTag", "Doctype", "ParseError"))
# Parse errors that change nothing after them: a lone '<' or '&' is text to the browser too.
_HARMLESS = frozenset({
    "expected-tag-name", "expected-tag-name-but-got-right-bracket", "expected-named-entity",
    "named-entity-without-semicolon", "numeric-entity-without-semicolon",
    "expected-numeric-entity", "illegal-codepoint-for-numeric-entity"})
_BOGUS_COMMENTS = ("expected-dashes-or-doctype", "question-mark",
                   "expected-closing-tag-but-got-char")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_PUT_UNDER_CONTENT = "put the file under content/ and give its relative path"


class _Tokenizer(HTMLTokenizer):  # type: ignore[misc]
    """html5lib's tokenizer, remembering the line each tag starts on."""

    def __init__(self, fragment: str) -> None:
        super().__init__(fragment)
        self.tag_line = 1

    def tagOpenState(self) -> bool:
        self.tag_line = self.stream.position()[0]
        return bool(super().tagOpenState())


def check_html(fragment: str) -> list[tuple[int, str]]:
    """Check one raw HTML fragment against the policy, as the browser would tokenize it.

    Args:
        fragment: Raw HTML as written in a Markdown page (an HTML block or inline HTML).

    Returns:
        ``(line within the fragment, message)`` for each violation, 1-based; empty if allowed.
    """
    if "<" not in fragment and "&" not in fragment:
        return []
    tokenizer = _Tokenizer(fragment)
    found: list[tuple[int, str]] = []
    for token in tokenizer:
        kind = token["type"]
        if kind in (_START, _EMPTY):
            found += [(tokenizer.tag_line, m) for m in _check_tag(token["name"], token["data"])]
        elif kind == _DOCTYPE:
            found.append((tokenizer.tag_line, "<!DOCTYPE> is not allowed in content"))
        elif kind == _ERROR and token["data"] not in _HARMLESS:
            code = str(token["data"])
            # An unclosed tag or comment is reported where it opens, not at the end.
            line = tokenizer.tag_line if "eof" in code else tokenizer.stream.position()[0]
            found.append((line, _malformed(code)))
    return found


def _malformed(code: str) -> str:
    if "eof" in code:
        return (f"the HTML ends inside a tag or comment ({code}); close it, or the browser "
                "reads the rest of the page as part of it")
    if "comment" in code:
        return (f"a comment the browser ends elsewhere than written ({code}); write comments "
                "as <!-- text --> with no '--' inside")
    if any(part in code for part in _BOGUS_COMMENTS):
        return (f"markup the browser reads as a comment up to the next '>' ({code}); write "
                "comments as <!-- text -->")
    if code == "duplicate-attribute":
        return "an attribute written twice; the browser keeps only the first"
    if code == "invalid-codepoint":
        return "a control character is not allowed in HTML"
    return f"malformed HTML ({code}); the browser would read it differently than written"


def _check_tag(tag: str, attrs: dict[str, str]) -> Iterable[str]:
    if tag not in ELEMENTS:
        reason = REASONS.get(tag, "only the elements listed in docs/CONTENT_SCHEMA.md are")
        return [f"<{tag}> is not allowed in content: {reason}"]
    found = (check_attribute(tag, name, value) for name, value in attrs.items())
    return [message for message in found if message]


def check_attribute(tag: str, name: str, value: str) -> str | None:
    """Check one attribute of an allowed element, its value decoded as the browser would.

    Also used for attributes set with ``{...}`` in Markdown and by heading attributes.

    Args:
        tag: The element, lower case.
        name: The attribute's name (lower-cased here, as the browser does).
        value: The value, entities already decoded.

    Returns:
        The problem, or None if the attribute is allowed.
    """
    name = name.lower()
    if name.startswith("on"):
        return f"event handler attribute '{name}=' is not allowed"
    if not (name in GLOBAL_ATTRIBUTES or name.startswith(GLOBAL_PREFIXES)
            or name in ELEMENT_ATTRIBUTES.get(tag, ())):
        reason = ATTRIBUTE_REASONS.get(name) or ("data attributes are read by scripts"
                                                 if name.startswith("data-") else "")
        return f"attribute '{name}=' is not allowed on <{tag}>" + (f": {reason}" if reason else "")
    if name in REFERENCE_ATTRIBUTES:
        return link_scheme_problem(value, name)
    if name in LOADING_ATTRIBUTES:
        return _check_loaded(tag, name, value)
    return _check_value(name, value)


def _check_value(name: str, value: str) -> str | None:
    if name == "class":
        for cls in value.split():
            if cls in REFUSED_CLASSES:
                return f"class '{cls}' is not allowed: {REFUSED_CLASSES[cls]}"
    elif name == "id" and value.startswith(REFUSED_ID_PREFIX):
        return f"id '{value}' is not allowed: ids starting with '__' belong to the theme"
    elif name == "rel":
        for word in value.lower().split():
            if word not in REL_VALUES:
                return f"rel '{word}' is not allowed; use one of {', '.join(sorted(REL_VALUES))}"
    return None


def _normalise(url: str) -> str:
    """The URL as the browser's URL parser reads it: outer spaces and controls, tabs and
    newlines anywhere, are dropped."""
    return _TAB_NEWLINE.sub("", url.strip(_C0_AND_SPACE))


def link_scheme_problem(url: str, attribute: str = "href") -> str | None:
    """The problem with a link target, or None: only http, https, mailto, tel or relative.

    Args:
        url: The target, entities already decoded.
        attribute: The attribute it is in, for the message.

    Returns:
        The message, or None if the link is allowed.
    """
    match = _SCHEME.match(_normalise(url))
    if match and match.group(1).lower() not in LINK_SCHEMES:
        return (f"'{match.group(1).lower()}:' URL in {attribute}= is not allowed; links may "
                f"use {', '.join(sorted(LINK_SCHEMES))} or a relative path")
    return None


def external_source(url: str) -> bool:
    """True if a URL the browser fetches by itself would leave the site or is not relative.

    A scheme (``https:``, ``data:``), ``//host``, a backslash (which browsers read as ``/``)
    or a leading ``/`` all count, after the browser's own clean-up of the URL.

    Args:
        url: The URL, entities already decoded.
    """
    clean = _normalise(url)
    return bool(_SCHEME.match(clean)) or "\\" in clean or clean.startswith("/")


def _srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset``: each candidate's first word, trailing commas dropped."""
    urls = []
    for candidate in re.split(r",\s+|,(?=\S)", value.strip(_C0_AND_SPACE)):
        word = candidate.strip().split(maxsplit=1)
        if word:
            urls.append(word[0].rstrip(","))
    return urls


def _check_loaded(tag: str, name: str, value: str) -> str | None:
    urls = _srcset_urls(value) if name == "srcset" else [value]
    suspicious = name == "srcset" and (":" in value or "//" in value or "\\" in value)
    for url in urls:
        if suspicious or external_source(url):
            shown = value if name == "srcset" else url
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            return (f"<{tag} {name}=\"{shown}\"> loads a file from outside the site; every "
                    f"file a page loads must be in the site: {_PUT_UNDER_CONTENT}")
    return None
