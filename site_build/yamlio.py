"""YAML 1.2 loading with line numbers (ruamel.yaml): ``no`` stays a string."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

__all__ = ["YamlDoc", "YamlProblem", "item_line", "key_line", "load_yaml", "plain"]


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
