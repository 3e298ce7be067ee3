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
from site_build.io.yaml_limits import RESOLVERS, YamlProblem, check_limits

__all__ = ["YamlDoc", "YamlProblem", "fast_load", "item_line", "key_line", "load_yaml", "plain",
           "read_yaml_file"]

# What a loader may raise on data the limits let through (a bug in the limits, then): never a
# traceback, always a problem in the file.
_BUGS = (ValueError, TypeError, OverflowError, RecursionError, MemoryError)


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
    """Parse YAML 1.2 text, within the bounds of ``yaml_limits``.

    Raises:
        YamlProblem: The text is not valid YAML (duplicate keys included) or breaks a limit.
    """
    check_limits(text)
    try:
        data = _yaml().load(io.StringIO(text))
    except YAMLError as exc:
        # ruamel refuses a few things libyaml reads (a tab after ``key:``): libyaml decides, so
        # both loaders agree; such data has no lines (problems are reported on line 1).
        try:
            return YamlDoc(yaml.load(text, Loader=_Yaml12Loader))
        except (yaml.YAMLError, *_BUGS):
            raise _ruamel_problem(exc) from exc
    except _BUGS as exc:
        raise YamlProblem(1, f"unreadable YAML: {type(exc).__name__}: {exc}") from exc
    return YamlDoc(data)


def _ruamel_problem(exc: YAMLError) -> YamlProblem:
    """ruamel's error as a problem on its line."""
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        return YamlProblem(line, f"malformed YAML: {exc.problem or exc.context or 'invalid YAML'}")
    return YamlProblem(1, f"malformed YAML: {' '.join(str(exc).split())}")


def read_yaml_file(file: Path, out: Collector, key: str,
                   missing: str = "file is missing") -> YamlDoc | None:
    """Read and parse a YAML file, or report under ``key`` why it cannot be read.

    Returns:
        The document, or None when the file is missing, not UTF-8 or not valid YAML (each
        reported to ``out`` with its line where there is one).
    """
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        out.error(1, key, missing)
        return None
    except OSError as exc:
        out.error(1, key, f"the file cannot be read: {exc.strerror or exc}")
        return None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        out.error(raw[: exc.start].count(b"\n") + 1, key,
                  f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8")
        return None
    try:
        return load_yaml(text)
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
for _tag, _pattern, _first in RESOLVERS:  # as ruamel resolves them: both read alike
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
    """Parse YAML 1.2 quickly, without line numbers, within the bounds of ``yaml_limits``.

    Raises:
        YamlProblem: The text is not valid YAML or breaks a limit (re-read it with
            ``load_yaml`` to locate the problem).
    """
    check_limits(text)
    try:
        return yaml.load(text, Loader=_Yaml12Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(mark.line + 1 if mark else 1, f"malformed YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"malformed YAML: {' '.join(str(exc).split())}") from exc
    except _BUGS as exc:
        raise YamlProblem(1, f"unreadable YAML: {type(exc).__name__}: {exc}") from exc
