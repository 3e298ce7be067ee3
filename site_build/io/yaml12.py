"""YAML 1.2 loading with line numbers (ruamel.yaml): ``no`` stays a string."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from site_build.diagnostics import Collector

__all__ = ["YamlDoc", "YamlProblem", "item_line", "key_line", "load_yaml", "plain", "read_yaml_file"]


@dataclass(frozen=True)
class YamlProblem(Exception):
    """Malformed YAML, with the 1-based line (relative to the parsed text) and a message."""

    line: int
    message: str


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML document; ``data`` keeps ruamel's line information."""

    data: Any




def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.version = (1, 2)
    y.allow_duplicate_keys = False
    return y


def load_yaml(text: str) -> YamlDoc:
    """Parse YAML 1.2 text.

    Raises:
        YamlProblem: The text is not valid YAML (duplicate keys included).
    """
    try:
        data = _yaml().load(io.StringIO(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "invalid YAML"
        return_msg = f"malformed YAML: {problem}"
        raise YamlProblem(line, return_msg) from exc
    except YAMLError as exc:
        raise YamlProblem(1, f"malformed YAML: {exc}") from exc
    return YamlDoc(data)


def read_yaml_file(file: Path, out: Collector, key: str,
                   missing: str = "file is missing") -> YamlDoc | None:
    """Read and parse a YAML file, or report under ``key`` why it cannot be read.

    Returns:
        The document, or None when the file is missing, not UTF-8 or not valid YAML (each
        reported to ``out`` with its line where there is one).
    """
    try:
        return load_yaml(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        out.error(0, key, missing)
    except UnicodeDecodeError:
        out.error(0, key, "the file is not UTF-8")
    except YamlProblem as exc:
        out.error(exc.line, key, exc.message)
    return None


def key_line(mapping: Any, key: str, default: int = 0) -> int:
    """1-based line (relative to the YAML text) where ``key`` of ``mapping`` starts."""
    if isinstance(mapping, CommentedMap):
        try:
            return int(mapping.lc.key(key)[0]) + 1
        except (KeyError, TypeError):
            pass
    return default


def item_line(seq: Any, index: int, default: int = 0) -> int:
    """1-based line (relative to the YAML text) of item ``index`` in a sequence."""
    if isinstance(seq, CommentedSeq):
        try:
            return int(seq.lc.item(index)[0]) + 1
        except (KeyError, TypeError, IndexError):
            pass
    return default


def plain(value: Any) -> Any:
    """Strip ruamel's comment-carrying types down to dict, list and scalars."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


# The fast path: libyaml (PyYAML's C loader) with the YAML 1.2 core schema, so `no`, `yes`,
# `on` and `off` stay strings and `017` is seventeen. It carries no line numbers: loaders use
# it first and re-read with ruamel (``load_yaml``) only when there is a problem to locate.
class _Yaml12Loader(yaml.CSafeLoader):
    """libyaml with YAML 1.2 core-schema scalars and duplicate keys as errors."""


_Yaml12Loader.yaml_implicit_resolvers = {}
# Mirrors ruamel.yaml's YAML 1.2 resolvers (the diagnostic path), so both read alike;
# tests/test_properties.py holds them to it.
_RESOLVERS: tuple[tuple[str, str, str], ...] = (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
     r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    ("tag:yaml.org,2002:int",
     r"^(?=[-+]?[0-9])(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$",
     "-+0123456789"),
    ("tag:yaml.org,2002:timestamp",
     r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}"
     r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
     r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$", "0123456789"),
)
for _tag, _pattern, _first in _RESOLVERS:
    _Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
_Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^$"), [""])


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    value = str(loader.construct_scalar(node)).replace("_", "")
    sign = -1 if value.startswith("-") else 1
    digits = value.lstrip("+-")
    bases = {"0b": 2, "0o": 8, "0x": 16}
    if digits[:2] in bases:
        return sign * int(digits[2:], bases[digits[:2]])
    return sign * int(digits, 10)  # YAML 1.2: a leading zero is not octal


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}",
                                                    key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def fast_load(text: str) -> Any:
    """Parse YAML 1.2 quickly, without line numbers.

    Raises:
        YamlProblem: The text is not valid YAML (re-read it with ``load_yaml`` to locate it).
    """
    try:
        return yaml.load(text, Loader=_Yaml12Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YamlProblem(mark.line + 1 if mark else 1, f"malformed YAML: {exc}") from exc
