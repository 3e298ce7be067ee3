"""List fields: text items, words from a fixed set, ids from a vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from site_build.diagnostics import did_you_mean
from site_build.schema.fields import INVALID, At, Field, quoted, type_name

__all__ = ["ChoiceList", "Ids", "TextList"]


@dataclass(frozen=True)
class TextList(Field):
    """A list of non-blank text items; the model gets a tuple."""

    text: str = "expected a list, got text; put each item on its own line starting with '- '"
    wrong: str = "expected a list of text items, got {got}"
    doc_type: ClassVar[str] = "list of text"

    def check(self, value: Any, at: At, key: str) -> Any:
        if isinstance(value, str):
            at.error(key, self.text)
            return INVALID
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            at.error(key, self.wrong.format(got=type_name(value)))
            return INVALID
        return tuple(value)

    def _json(self) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string", "minLength": 1}}


@dataclass(frozen=True)
class ChoiceList(Field):
    """A list of words from a fixed set."""

    choices: tuple[str, ...] = ()

    def check(self, value: Any, at: At, key: str) -> Any:
        if not isinstance(value, list) or any(v not in self.choices for v in value):
            at.error(key, f"expected a list of {', '.join(self.choices)}")
            return INVALID
        return tuple(value)

    def type_doc(self) -> str:
        return f"list of {quoted(self.choices)}"

    def _json(self) -> dict[str, Any]:
        return {"type": "array", "items": {"enum": list(self.choices)}, "uniqueItems": True}


@dataclass(frozen=True)
class Ids(Field):
    """A list of ids from a vocabulary (``audiences``, ``topics``, ``sources``).

    ``item_wrong`` None: an item that is not text is reported on the list, as ``wrong``.
    """

    vocabulary: str = ""
    noun: str = ""
    min_items: int = 0
    text: str = "expected a list, got text; write `{key}: [{value}]`"
    wrong: str = "expected a list of {noun} ids, got {got}"
    item_wrong: str | None = "expected a {noun} id, got {got}"
    too_few: str = "must name at least one id"

    def check(self, value: Any, at: At, key: str) -> Any:
        if isinstance(value, str) or not isinstance(value, list):
            message = self.text if isinstance(value, str) else self.wrong
            at.error(key, message.format(key=key, value=value, noun=self.noun, got=type_name(value)))
            return INVALID
        known = at.known[self.vocabulary]
        if self.item_wrong is None and not all(isinstance(item, str) for item in value):
            at.error(key, self.wrong.format(noun=self.noun, got=type_name(value)))
            return INVALID
        ok = True
        for i, item in enumerate(value):
            if not isinstance(item, str):
                at.error_item(key, value, i, str(self.item_wrong).format(noun=self.noun,
                                                                          got=type_name(item)))
                ok = False
            elif item not in known:
                at.error_item(key, value, i, f"'{item}' is not a known {self.noun}"
                              + did_you_mean(item, known))
                ok = False
        if ok and len(value) < self.min_items:
            at.error(key, self.too_few)
            return INVALID
        return tuple(value) if ok else INVALID

    def type_doc(self) -> str:
        return f"list of ids from `content/_data/{self.vocabulary}.yml`"

    def _json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1},
                               "uniqueItems": True}
        if self.min_items:
            out["minItems"] = self.min_items
        return out
