"""The field kit: typed fields that check one YAML value, report problems, and describe themselves.

In the manner of MkDocs' ``config_options``: each field knows its type, its wording for problems,
its JSON Schema and its line in the content documentation. A field's ``check`` returns the value
(converted where the model wants a tuple) or ``INVALID`` after reporting why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final

from site_build.diagnostics import Collector, did_you_mean
from site_build.i18n import LANGS
from site_build.io.yaml12 import item_line, key_line

__all__ = ["INVALID", "At", "Bool", "Choice", "Date", "Field", "Int", "Lang", "Text", "quoted",
           "type_name"]


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()


def type_name(value: Any) -> str:
    """How a problem message names the type of a YAML value ("text", "a list", …)."""
    # isinstance, not type(): ruamel's located data has subclasses (ScalarFloat, CommentedMap).
    for kind, name in _TYPE_NAMES:
        if isinstance(value, kind):
            return name
    return type(value).__name__


_TYPE_NAMES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "true/false"), (dt.datetime, "a date and time"), (dt.date, "a date"), (str, "text"),
    ((int, float), "a number"), (list, "a list"), (dict, "a mapping"), (type(None), "nothing"))


class At:
    """A mapping being checked: where its keys are reported (key prefix, line, collector).

    Lines are relative to the parsed YAML; ``line`` is the mapping's own line, used for keys
    that have no line of their own (a missing key, or data read without line numbers).
    """

    __slots__ = ("data", "key", "known", "line", "out")

    def __init__(self, out: Collector, data: Any, key: str, line: int,
                 known: Mapping[str, Collection[str]]) -> None:
        self.out, self.data, self.key, self.line, self.known = out, data, key, line, known

    def name(self, key: str) -> str:
        """The diagnostic key of ``key`` in this mapping (``lessons[0].title``)."""
        return f"{self.key}.{key}" if self.key else key

    def line_of(self, key: str) -> int:
        """The line of ``key``, or the mapping's own line."""
        return key_line(self.data, key, self.line)

    def error(self, key: str, message: str) -> None:
        """Report a problem with the value of ``key``."""
        self.out.error(self.line_of(key), self.name(key), message)

    def error_here(self, message: str) -> None:
        """Report a problem with the mapping itself."""
        self.out.error(self.line, self.key, message)

    def error_item(self, key: str, seq: Any, index: int, message: str) -> None:
        """Report a problem with item ``index`` of the list under ``key``."""
        self.out.error(item_line(seq, index, self.line_of(key)), f"{self.name(key)}[{index}]", message)


@dataclass(frozen=True)
class Field:
    """One key's value: its check, its description (shown in editors) and its default."""

    description: str
    default: Any = field(default=None, kw_only=True)
    doc_type: ClassVar[str] = "value"

    def check(self, value: Any, at: At, key: str) -> Any:
        """Return the value as the model wants it, or report the problem and return INVALID."""
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        """This field as JSON Schema, with its description (and default, if any)."""
        out: dict[str, Any] = {"description": self.description, **self._json()}
        if self.default is not None:
            out["default"] = self.default
        return out

    def default_doc(self) -> str | None:
        """The default as YAML would write it (``true``, not ``True``); ``None``: none."""
        if self.default is None:
            return None
        return str(self.default).lower() if isinstance(self.default, bool) else str(self.default)

    def type_doc(self) -> str:
        """The type as the content documentation's table states it."""
        return self.doc_type

    def _json(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class Text(Field):
    """Non-blank text (``blank=True``: any text), at most ``max_length`` characters."""

    max_length: int | None = None
    blank: bool = False
    wrong: str = "expected text, got {got}"
    too_long: str = "is {length} characters; keep it to {max} or fewer"

    def check(self, value: Any, at: At, key: str) -> Any:
        if not isinstance(value, str) or not (self.blank or value.strip()):
            at.error(key, self.wrong.format(got=type_name(value), key=key))
            return INVALID
        if self.max_length is not None and len(value) > self.max_length:
            at.error(key, self.too_long.format(length=len(value), max=self.max_length))
            return INVALID
        return value

    def type_doc(self) -> str:
        return f"text, ≤ {self.max_length} characters" if self.max_length else "text"

    def _json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string"}
        if not self.blank:
            out["minLength"] = 1
        if self.max_length is not None:
            out["maxLength"] = self.max_length
        return out


def quoted(choices: Collection[str]) -> str:
    """The choices as a comma-separated list of code spans, for the documentation."""
    return ", ".join(f"`{c}`" for c in choices)


@dataclass(frozen=True)
class Choice(Field):
    """One of a fixed set of words."""

    choices: tuple[str, ...] = ()
    wrong: str = "{value!r} is not one of {choices}{hint}"

    def check(self, value: Any, at: At, key: str) -> Any:
        if value not in self.choices:
            at.error(key, self.wrong.format(value=value, choices=", ".join(self.choices),
                                            hint=did_you_mean(str(value), self.choices)))
            return INVALID
        return value

    def type_doc(self) -> str:
        return f"one of {quoted(self.choices)}"

    def _json(self) -> dict[str, Any]:
        return {"enum": list(self.choices)}


# YAML 1.1 tools and old habits write Norwegian as `no` (or unquoted, which YAML 1.1 reads as
# false): say why that is not accepted rather than only that it is not a code.
_NORWAY_WORDS: tuple[str, ...] = ("no", "nob")


@dataclass(frozen=True)
class Lang(Field):
    """A language code: ``nb`` (bokmål) or ``nn`` (nynorsk). The one language check."""

    wrong: str = "{value!r} is not a language code; use 'nb' (bokmål) or 'nn' (nynorsk){hint}"
    norway: str | None = ("'no' is not a language code here; write 'nb' for bokmål or 'nn' "
                          "for nynorsk")
    doc_type: ClassVar[str] = "`nb` or `nn`"

    def check(self, value: Any, at: At, key: str) -> Any:
        if value in LANGS:
            return value
        if self.norway is not None and (value is False or value in _NORWAY_WORDS):
            at.error(key, self.norway.format(value=value))
        else:
            at.error(key, self.wrong.format(value=value, hint=did_you_mean(str(value), LANGS)))
        return INVALID

    def _json(self) -> dict[str, Any]:
        return {"enum": list(LANGS)}


@dataclass(frozen=True)
class Date(Field):
    """A calendar date, written ``2026-11-22``."""

    doc_type: ClassVar[str] = "date"

    def check(self, value: Any, at: At, key: str) -> Any:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        at.error(key, f"expected a date (YYYY-MM-DD), got {type_name(value)}")
        return INVALID

    def _json(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


@dataclass(frozen=True)
class Int(Field):
    """A whole number, optionally within ``minimum``–``maximum``."""

    minimum: int | None = None
    maximum: int | None = None
    wrong: str = "expected a whole number, got {got}"
    out_of_range: str = "{value} is out of range; use {min} to {max}"

    def check(self, value: Any, at: At, key: str) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            at.error(key, self.wrong.format(got=type_name(value)))
            return INVALID
        low = self.minimum if self.minimum is not None else value
        high = self.maximum if self.maximum is not None else value
        if not low <= value <= high:
            at.error(key, self.out_of_range.format(value=value, min=self.minimum, max=self.maximum))
            return INVALID
        return value

    def type_doc(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f"whole number, {self.minimum}–{self.maximum}"
        return "whole number"

    def _json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out


@dataclass(frozen=True)
class Bool(Field):
    """``true`` or ``false``."""

    doc_type: ClassVar[str] = "`true` or `false`"

    def check(self, value: Any, at: At, key: str) -> Any:
        if isinstance(value, bool):
            return value
        at.error(key, "expected true or false")
        return INVALID

    def _json(self) -> dict[str, Any]:
        return {"type": "boolean"}
