"""Bounds on the YAML the project reads, checked before either loader builds any data.

Content comes from contributors, so a YAML file may be hostile: an alias bomb expands to
billions of nodes, deep nesting exhausts Python's stack, an explicit tag asks a loader (MkDocs'
is PyYAML's unsafe one) to import and call code, a merge key or a list used as a key builds
data no schema expects. ``check_limits`` walks libyaml's event stream once, iteratively, and
turns each of these into a ``YamlProblem`` with its line, so both loaders (``yaml12``) see
only YAML that is plain data of a bounded size, and agree on what they reject.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml

__all__ = ["MAX_ALIAS_NODES", "MAX_CHARS", "MAX_DEPTH", "MAX_NUMBER_DIGITS", "RESOLVERS",
           "YamlProblem", "check_limits"]

MAX_CHARS = 1_000_000  # the largest YAML file of the portal is ~25 kB
MAX_DEPTH = 32  # mkdocs.yml nests ~5 deep
MAX_ALIAS_NODES = 10_000  # nodes that aliases may add, in total, once expanded
MAX_NUMBER_DIGITS = 4_000  # Python refuses to read integers of more than 4 300 digits


@dataclass(frozen=True)
class YamlProblem(Exception):
    """Malformed YAML, with the 1-based line (relative to the parsed text) and a message."""

    line: int
    message: str


# The YAML 1.2 core schema's implicit types, as ruamel.yaml resolves them (the diagnostic
# path); the fast path (``yaml12``) installs the same, and tests/test_properties.py holds them
# to it.
RESOLVERS: tuple[tuple[str, str, str], ...] = (
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
_NOT_TEXT = re.compile("|".join(f"(?:{pattern})" for _, pattern, _ in RESOLVERS))
_INT = re.compile(RESOLVERS[3][1])
_TIMESTAMP = re.compile(RESOLVERS[4][1])
_STAMP_PARTS = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.\d*)?"
    r"(?:[ \t]*(Z|([-+])(\d{1,2})(?::(\d{2}))?))?)?$")


def _bad_timestamp(value: str) -> str | None:
    """Why a timestamp-shaped scalar is no real date or time, or None if it is one."""
    parts = _STAMP_PARTS.match(value)
    if parts is None:
        return None
    y, mo, d, h, mi, s, _, _, tz_h, tz_m = parts.groups()
    try:
        dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
        if tz_h is not None:
            dt.timezone(dt.timedelta(hours=int(tz_h), minutes=int(tz_m or 0)))
    except (ValueError, OverflowError) as exc:
        return f"'{value}' is not a date on the calendar ({exc}); write YYYY-MM-DD"
    return None


def _scalar_problem(event: yaml.ScalarEvent, is_key: bool) -> str | None:
    value = event.value
    if not (event.tag is None and event.implicit[0]):
        return None  # quoted: text
    if is_key and value == "<<":
        return "merge keys ('<<') are not supported; write the keys out"
    if is_key and _NOT_TEXT.match(value):
        return f"the key {value!r} must be text; write it in quotes ('{value}')"
    if len(value) > MAX_NUMBER_DIGITS and _INT.match(value):
        return (f"a number of {len(value)} digits is too long to read; quote it if it is text, "
                f"or keep it under {MAX_NUMBER_DIGITS} digits")
    if _TIMESTAMP.match(value):
        return _bad_timestamp(value)
    return None


@dataclass(slots=True)
class _Open:
    """A collection being walked: how many children and nodes (aliases expanded) it has."""

    mapping: bool
    anchor: str | None
    children: int = 0
    nodes: int = 1


class _Walk:
    """The state of one walk over the events: open collections, anchors, alias nodes."""

    def __init__(self) -> None:
        self.open: list[_Open] = []
        self.sizes: dict[str, int] = {}
        self.aliased = 0

    def is_key(self) -> bool:
        return bool(self.open) and self.open[-1].mapping and self.open[-1].children % 2 == 0

    def add(self, nodes: int) -> None:
        if self.open:
            self.open[-1].children += 1
            self.open[-1].nodes += nodes

    def event(self, event: yaml.Event) -> str | None:
        """Take one event; return why the YAML is refused, if it is."""
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag = tag.replace("tag:yaml.org,2002:", "!!", 1)
            return (f"the tag '{tag}' is not allowed; YAML here is plain data: remove the tag "
                    "(quote the value if it is text)")
        if isinstance(event, yaml.CollectionStartEvent):
            if self.is_key():
                return "a list or mapping cannot be a key; keys are text"
            if len(self.open) >= MAX_DEPTH:
                return f"nested more than {MAX_DEPTH} levels deep"
            self.open.append(_Open(isinstance(event, yaml.MappingStartEvent), event.anchor))
        elif isinstance(event, yaml.CollectionEndEvent):
            done = self.open.pop()
            if done.anchor is not None:
                self.sizes[done.anchor] = done.nodes
            self.add(done.nodes)
        elif isinstance(event, yaml.ScalarEvent):
            problem = _scalar_problem(event, self.is_key())
            if problem is not None:
                return problem
            if event.anchor is not None:
                self.sizes[event.anchor] = 1
            self.add(1)
        elif isinstance(event, yaml.AliasEvent):
            return self.alias(event)
        return None

    def alias(self, event: yaml.AliasEvent) -> str | None:
        nodes = self.sizes.get(event.anchor or "", 1)
        if nodes > 1 and self.is_key():
            return "a list or mapping cannot be a key; keys are text"
        self.aliased += nodes
        if self.aliased > MAX_ALIAS_NODES:
            return (f"aliases ('*{event.anchor}') expand to more than {MAX_ALIAS_NODES} values; "
                    "write the values out instead of repeating them with aliases")
        self.add(nodes)
        return None


def check_limits(text: str) -> None:
    """Refuse YAML that is too large, too deep, expands too far or is more than plain data.

    libyaml's parse decides what is well-formed, for both loaders.

    Raises:
        YamlProblem: The first limit the text breaks, with its line.
    """
    if len(text) > MAX_CHARS:
        raise YamlProblem(1, f"the file is {len(text)} characters; YAML files may have at most "
                             f"{MAX_CHARS}")
    walk = _Walk()
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            problem = walk.event(event)
            if problem is not None:
                mark = event.start_mark
                raise YamlProblem(mark.line + 1 if mark else 1, problem)
    except yaml.MarkedYAMLError as exc:
        # libyaml decides what is well-formed for both loaders, so they cannot disagree (and
        # ruamel never sees nesting that libyaml stops at, which would exhaust Python's stack).
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(mark.line + 1 if mark else 1,
                          f"malformed YAML: {exc.problem or exc.context}") from exc
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise YamlProblem(line, f"the character U+{exc.character:04X} is not allowed in YAML; "
                                "remove it") from exc
    except UnicodeEncodeError as exc:  # a lone surrogate: no UTF-8 file decodes to one
        line = text.count("\n", 0, exc.start) + 1
        raise YamlProblem(line, "the text is not valid Unicode") from exc
