"""Reading whoosh's posting lists and length columns directly (no matcher tree)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield


def read_all(m: Any) -> Iterator[tuple[int, float]]:
    """Every ``(doc, weight)`` of a matcher, a block of the codec at a time."""
    while m.is_active():
        if hasattr(m, "_read_ids"):  # a block of the codec at a time
            m._read_ids()
            m._read_weights()
            yield from zip(m._ids, m._weights, strict=True)
            m._next_block()
        else:  # a posting list short enough to live in the term info
            yield m.id(), m.weight()
            m.next()


def blocks_holding(m: Any, wanted: list[int]) -> Iterator[tuple[int, float]]:
    """``(doc, weight)`` of the postings of ``wanted`` (sorted) docs; a block of the codec
    that holds none of them is skipped by its header, never decoded."""
    if not hasattr(m, "_read_ids"):  # a posting list short enough to live in the term info
        found = set(wanted)
        while m.is_active():
            if m.id() in found:
                yield m.id(), m.weight()
            m.next()
        return
    j = 0
    while m.is_active() and j < len(wanted):
        if m._maxid < wanted[j]:
            m._next_block()
            continue
        m._read_ids()
        m._read_weights()
        block = dict(zip(m._ids, m._weights, strict=True))
        while j < len(wanted) and wanted[j] <= m._maxid:
            weight = block.get(wanted[j])
            if weight:
                yield wanted[j], weight
            j += 1
        m._next_block()


def length_bytes(leaf: Any, name: str) -> bytes:
    """The raw length column of one field of one segment (whoosh: ``<field>_length``)."""
    column = leaf._perdoc._cached_reader(_lenfield(name), LENGTHS_COLUMN)
    if column is None:
        return b""
    return bytes(column._dbfile.get(column._basepos, column._count))
