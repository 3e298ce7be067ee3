"""Front matter written as editors write it by hand: plain where that is safe, quoted otherwise.

Every value is written so that the core's YAML 1.2 loader reads back exactly what was given
(``tests/cli/test_new.py`` holds it to that with hypothesis).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence

from site_build.io.yaml12 import fast_load
from site_build.io.yaml_limits import YamlProblem

__all__ = ["dump_front_matter", "scalar"]

_PLAIN = re.compile(r"[^\W_][\w .,()/«»–'’!?+-]*", re.UNICODE)
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def _reads_back(text: str, value: object) -> bool:
    try:
        return bool(fast_load(f"k: {text}\n") == {"k": value})
    except YamlProblem:
        return False


def scalar(value: str | int | bool | dt.date) -> str:
    """One value as YAML: plain text when it reads back unchanged, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | dt.date):
        return str(value) if not isinstance(value, dt.datetime) else value.date().isoformat()
    if _PLAIN.fullmatch(value) and not value.endswith(" ") and _reads_back(value, value):
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    # JSON leaves line and paragraph separators and other invisible characters as they are;
    # inside YAML quotes some of them would fold the line, so each is written as an escape.
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in quoted)


def _escape(ch: str) -> str:
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"


def _list(key: str, items: Sequence[str]) -> list[str]:
    if not items:
        return [f"{key}: []"]
    if all(_ID.fullmatch(i) and _reads_back(i, i) for i in items):
        return [f"{key}: [{', '.join(items)}]"]
    return [f"{key}:", *(f"  - {scalar(i)}" for i in items)]


def dump_front_matter(values: Mapping[str, object]) -> str:
    """The front matter block, ``---`` lines included, keys in the order given."""
    lines = ["---"]
    for key, value in values.items():
        if isinstance(value, list | tuple):
            lines += _list(key, [str(v) for v in value])
        elif isinstance(value, str | int | bool | dt.date):
            lines.append(f"{key}: {scalar(value)}")
        else:
            raise TypeError(f"cannot write {key}: {type(value).__name__}")
    return "\n".join([*lines, "---", ""])
