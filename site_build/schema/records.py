"""Records and lists of records: the kit's one unknown-key check and one required-key check."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from site_build.diagnostics import Collector, did_you_mean
from site_build.io.yaml12 import item_line
from site_build.schema.fields import INVALID, At, Field, type_name

__all__ = ["Document", "List", "Record", "Rule", "check_document"]

Values = dict[str, Any]


@dataclass(frozen=True)
class Rule:
    """A rule between keys of one record.

    Attributes:
        doc: The rule in words, for the content documentation.
        check: Reports through ``At`` when the (valid) values break the rule.
        json: The rule as a JSON Schema fragment (``if``/``then``), where JSON Schema can say it.
    """

    doc: str
    check: Callable[[Values, At], None]
    json: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Record(Field):
    """A mapping with known keys.

    Attributes:
        fields: The keys and their fields, in documentation order.
        required: Keys every record needs.
        required_by: ``(key, {value: keys})``: keys needed when ``key`` has that value.
        missing: Wording for a missing key (``{key}``, ``{why}``); None: report it as the
            field's own problem with no value.
        missing_here: Report a missing key on the record itself, not on the key.
        rules: Rules between keys, checked on the valid values.
        open: Allow keys that are not in ``fields`` (``mkdocs.yml`` has many more).
        wrong: Wording when the value is not a mapping; None: treat it as an empty one.
        partial: Make the record from the valid values even when some have problems.
        make: Builds the model object from the valid values and the record's line.
    """

    fields: Mapping[str, Field] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    required_by: tuple[str, Mapping[str, tuple[str, ...]]] | None = None
    missing: str | None = "missing required key '{key}'{why}"
    missing_here: bool = False
    rules: tuple[Rule, ...] = ()
    open: bool = False
    wrong: str | None = "expected key: value pairs, got {got}"
    partial: bool = False
    make: Callable[[Values, int], Any] | None = None
    doc_type: ClassVar[str] = "mapping"

    def check(self, value: Any, at: At, key: str) -> Any:
        return self.check_at(value, At(at.out, value, at.name(key), at.line_of(key), at.known))

    def check_at(self, value: Any, at: At) -> Any:
        """Check a value located by ``at``; return the model object (or values) or INVALID."""
        if not isinstance(value, dict):
            if self.wrong is None:
                return self._made({}, at.line)
            at.error_here(self.wrong.format(got=type_name(value)))
            return INVALID
        before = len(at.out.items)
        values: Values = {}
        for raw_key, item in value.items():
            key = str(raw_key)
            spec = self.fields.get(key)
            if spec is None:
                if not self.open:
                    at.error(key, f"unknown key '{key}'" + did_you_mean(key, self.fields))
                continue
            checked = spec.check(item, at, key)
            if checked is not INVALID:
                values[key] = checked
        self._check_required(value, values, at)
        for rule in self.rules:
            rule.check(values, at)
        if len(at.out.items) > before and not self.partial:
            return INVALID
        return self._made(values, at.line)

    def _made(self, values: Values, line: int) -> Any:
        return values if self.make is None else self.make(values, line)

    def required_when(self, key: str) -> tuple[str, ...]:
        """The conditions (``type: lesson``) under which ``required_by`` asks for ``key``."""
        if self.required_by is None:
            return ()
        on, table = self.required_by
        return tuple(f"{on}: {value}" for value, keys in table.items() if key in keys)

    def needed(self, values: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
        """``(key, why)`` for every key these values need."""
        keys = tuple((k, "") for k in self.required)
        if self.required_by is not None:
            on, table = self.required_by
            chosen = values.get(on) or self.fields[on].default
            keys += tuple((k, f" (required for {on}: {chosen})") for k in table.get(chosen, ()))
        return keys

    def _check_required(self, data: Mapping[Any, Any], values: Values, at: At) -> None:
        for key, why in self.needed(values):
            if key in data:
                continue
            if self.missing is None:
                self.fields[key].check(None, at, key)
            elif self.missing_here:
                at.error_here(self.missing.format(key=key, why=why))
            else:
                at.error(key, self.missing.format(key=key, why=why))

    def _json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "properties": {k: f.json_schema() for k, f in self.fields.items()},
        }
        if self.required:
            out["required"] = list(self.required)
        if not self.open:
            out["additionalProperties"] = False
        conditions = [rule.json for rule in self.rules if rule.json is not None]
        if self.required_by is not None:
            on, table = self.required_by
            conditions = [{"if": {"properties": {on: {"const": value}}, "required": [on]},
                           "then": {"required": list(keys)}} for value, keys in table.items()
                          ] + conditions
        if conditions:
            out["allOf"] = conditions
        return out


@dataclass(frozen=True)
class List(Field):
    """A list of records; ``unique`` names the key no two of them may share."""

    item: Record = field(default_factory=lambda: Record(""))
    min_items: int = 0
    wrong: str = "expected a list"
    unique: str | None = None
    doc_type: ClassVar[str] = "list"

    def check(self, value: Any, at: At, key: str) -> Any:
        if not isinstance(value, list) or len(value) < self.min_items:
            at.error(key, self.wrong)
            return INVALID
        return self.check_items(value, At(at.out, at.data, at.name(key), at.line_of(key), at.known))

    def check_items(self, value: list[Any], at: At) -> Any:
        """Check every item of a list located by ``at``; return the items without problems."""
        seen: dict[str, int] = {}
        result: list[Any] = []
        for i, item in enumerate(value):
            item_at = At(at.out, item, f"{at.key}[{i}]", item_line(value, i, at.line), at.known)
            checked = self.item.check_at(item, item_at)
            if checked is INVALID:
                continue
            if self.unique is not None:
                name = str(item[self.unique])
                if name in seen:
                    item_at.error(self.unique, f"'{name}' is already defined on line {seen[name]}")
                    continue
                seen[name] = item_at.line
            result.append(checked)
        return tuple(result)

    def _json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        return out


@dataclass(frozen=True)
class Document:
    """What one file holds: its root field, and the key and wording for a file-level problem."""

    title: str
    root: Record | List
    key: str
    wrong: str
    line: int = 1


def check_document(doc: Document, data: Any, out: Collector,
                   known: Mapping[str, Collection[str]]) -> Any:
    """Check a whole parsed file; return what its root field made, or INVALID.

    Args:
        doc: The file's schema.
        data: The parsed YAML (ruamel data for lines; plain data gives every line as ``doc.line``).
        out: Where problems go (its offset turns YAML lines into file lines).
        known: The ids of each vocabulary, for ``Ids`` fields.
    """
    at = At(out, data, "", doc.line, known)
    if isinstance(doc.root, List):
        if data is None:
            return ()
        if isinstance(data, list):
            return doc.root.check_items(data, at)
    elif isinstance(data, dict):
        return doc.root.check_at(data, at)
    out.error(doc.line, doc.key, doc.wrong.format(got=type_name(data)))
    return INVALID
