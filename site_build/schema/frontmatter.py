"""Front matter schema: the keys a page may have, their types, and the rules between them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from site_build.diagnostics import Diagnostic, did_you_mean
from site_build.io.yaml12 import item_line, key_line
from site_build.model import FrontMatter, Lang, PageType, Vocabularies

__all__ = ["FIELDS", "PAGE_TYPES", "REQUIRED_BY_TYPE", "validate_front_matter"]

PAGE_TYPES: tuple[str, ...] = ("page", "module", "lesson", "guidance", "checklist", "case", "news")
LANGS: tuple[str, ...] = ("nb", "nn")
HIDE: tuple[str, ...] = ("navigation", "toc", "footer")
GENERATED: tuple[str, ...] = ("glossary", "sources")
MAX_DESCRIPTION = 160

# Keys every page needs, and those a page type adds.
ALWAYS: tuple[str, ...] = ("title", "description", "audience", "topics", "sources")
REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "module": ("reviewed", "review_by", "duration", "objectives"),
    "guidance": ("reviewed", "review_by"),
    "checklist": ("reviewed", "review_by"),
    "lesson": ("duration", "objectives"),
    "news": ("date",),
}


@dataclass(frozen=True)
class Field:
    """One front matter key: its kind and, for lists of ids, the vocabulary."""

    kind: str
    vocab: str = ""
    choices: tuple[str, ...] = ()


FIELDS: dict[str, Field] = {
    "title": Field("str"),
    "description": Field("str"),
    "type": Field("choice", choices=PAGE_TYPES),
    "audience": Field("ids", vocab="audiences"),
    "topics": Field("ids", vocab="topics"),
    "sources": Field("ids", vocab="sources"),
    "lang": Field("lang"),
    "reviewed": Field("date"),
    "review_by": Field("date"),
    "duration": Field("int"),
    "objectives": Field("strs"),
    "date": Field("date"),
    "order": Field("int"),
    "hide": Field("choices", choices=HIDE),
    "generated": Field("choice", choices=GENERATED),
}

_VOCAB_NAMES = {"audiences": "audience", "topics": "topic", "sources": "source"}


class _Collector:
    def __init__(self, path: str, offset: int, data: Any) -> None:
        self.path, self.offset, self.data = path, offset, data
        self.out: list[Diagnostic] = []

    def line(self, key: str) -> int:
        return key_line(self.data, key, 0) + self.offset if key in self.data else self.offset

    def add(self, key: str, message: str, line: int | None = None) -> None:
        self.out.append(Diagnostic(self.path, self.line(key) if line is None else line, key, message))


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dt.date):
        return "a date"
    return {str: "text", int: "a number", float: "a number", list: "a list", dict: "a mapping",
            type(None): "nothing"}.get(type(value), type(value).__name__)


def _check_lang(c: _Collector, key: str, value: Any) -> Lang | None:
    if value in LANGS:
        return cast(Lang, value)
    if value is False or value == "no" or value == "nob":
        c.add(key, "'no' is not a language code here; write 'nb' for bokmål or 'nn' for nynorsk")
    else:
        c.add(key, f"{value!r} is not a language code; use 'nb' (bokmål) or 'nn' (nynorsk)"
              + did_you_mean(str(value), LANGS))
    return None


def _check_ids(c: _Collector, key: str, value: Any, known: Iterable[str], noun: str) -> tuple[str, ...]:
    if isinstance(value, str):
        c.add(key, f"expected a list, got text; write `{key}: [{value}]`")
        return ()
    if not isinstance(value, list):
        c.add(key, f"expected a list of {noun} ids, got {_type_name(value)}")
        return ()
    known = set(known)
    ids: list[str] = []
    for i, item in enumerate(value):
        line = item_line(value, i, 0) + c.offset if item_line(value, i, 0) else c.line(key)
        if not isinstance(item, str):
            c.add(f"{key}[{i}]", f"expected a {noun} id, got {_type_name(item)}", line)
        elif item not in known:
            c.add(f"{key}[{i}]", f"'{item}' is not a known {noun}" + did_you_mean(item, known), line)
        else:
            ids.append(item)
    return tuple(ids)


def _check_strs(c: _Collector, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        c.add(key, "expected a list, got text; put each item on its own line starting with '- '")
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        c.add(key, f"expected a list of text items, got {_type_name(value)}")
        return ()
    return tuple(str(v) for v in value)


def _check_scalar(c: _Collector, key: str, spec: Field, value: Any) -> Any:
    ok: dict[str, Callable[[Any], bool]] = {
        "str": lambda v: isinstance(v, str) and bool(v.strip()),
        "date": lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    }
    if spec.kind in ok:
        if not ok[spec.kind](value):
            want = {"str": "text", "date": "a date (YYYY-MM-DD)", "int": "a whole number"}[spec.kind]
            c.add(key, f"expected {want}, got {_type_name(value)}")
            return None
        return value
    if spec.kind == "choice":
        if value not in spec.choices:
            c.add(key, f"{value!r} is not one of {', '.join(spec.choices)}"
                  + did_you_mean(str(value), spec.choices))
            return None
        return value
    if spec.kind == "choices":
        items = value if isinstance(value, list) else None
        if items is None or any(v not in spec.choices for v in items):
            c.add(key, f"expected a list of {', '.join(spec.choices)}")
            return ()
        return tuple(items)
    raise AssertionError(spec.kind)


def validate_front_matter(
    data: Any, path: str, offset: int, vocab: Vocabularies, default_lang: Lang
) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Validate parsed front matter against the schema.

    Args:
        data: The parsed YAML (a ruamel mapping, for line numbers).
        path: The file's project-relative path, for diagnostics.
        offset: Added to YAML-relative line numbers to make file line numbers.
        vocab: The controlled vocabularies.
        default_lang: The site's language, used when the page sets none.

    Returns:
        The front matter (None if any error was found) and every diagnostic.
    """
    if not isinstance(data, dict):
        got = "nothing" if data is None else _type_name(data)
        return None, [Diagnostic(path, offset, "front matter", f"expected key: value pairs, got {got}")]
    c = _Collector(path, offset, data)
    values: dict[str, Any] = {}
    vocab_ids = {
        "audiences": [a.id for a in vocab.audiences],
        "topics": [t.id for t in vocab.topics],
        "sources": [s.id for s in vocab.sources],
    }
    for key, value in data.items():
        spec = FIELDS.get(str(key))
        if spec is None:
            c.add(str(key), f"unknown key '{key}'" + did_you_mean(str(key), FIELDS))
        elif spec.kind == "ids":
            values[key] = _check_ids(c, key, value, vocab_ids[spec.vocab], _VOCAB_NAMES[spec.vocab])
        elif spec.kind == "strs":
            values[key] = _check_strs(c, key, value)
        elif spec.kind == "lang":
            values[key] = _check_lang(c, key, value)
        else:
            values[key] = _check_scalar(c, key, spec, value)
    page_type = values.get("type") or "page"
    for key in ALWAYS + REQUIRED_BY_TYPE.get(page_type, ()):
        if key not in data:
            why = "" if key in ALWAYS else f" (required for type: {page_type})"
            c.add(key, f"missing required key '{key}'{why}", offset)
    _cross_rules(c, values, page_type)
    if c.out:
        return None, c.out
    values.setdefault("lang", default_lang)
    values["type"] = cast(PageType, page_type)
    return FrontMatter(**values), []


def _cross_rules(c: _Collector, values: dict[str, Any], page_type: str) -> None:
    desc = values.get("description")
    if isinstance(desc, str) and len(desc) > MAX_DESCRIPTION:
        c.add("description", f"is {len(desc)} characters; keep it to {MAX_DESCRIPTION} or fewer")
    for key in ("audience", "topics"):
        if key in c.data and c.data[key] == []:
            c.add(key, "must name at least one id")
    if page_type != "page" and "sources" in values and isinstance(c.data.get("sources"), list) \
            and not c.data["sources"]:
        c.add("sources", f"a page of type {page_type} must name at least one source")
    reviewed, review_by = values.get("reviewed"), values.get("review_by")
    if isinstance(reviewed, dt.date) and isinstance(review_by, dt.date) and review_by <= reviewed:
        c.add("review_by", f"{review_by} is not after reviewed ({reviewed})")
    duration = values.get("duration")
    if isinstance(duration, int) and not 1 <= duration <= 600:
        c.add("duration", f"{duration} minutes is out of range; use 1 to 600")
