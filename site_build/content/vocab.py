"""Controlled vocabularies in ``content/_data/``: audiences, topics, sources, glossary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from site_build.diagnostics import Diagnostic, did_you_mean
from site_build.io.yaml12 import YamlProblem, item_line, key_line, load_yaml
from site_build.model import GlossaryTerm, Source, VocabEntry, Vocabularies

__all__ = ["DATA_DIR", "load_vocabularies"]

DATA_DIR = "_data"
T = TypeVar("T")

_ENTRY_KEYS = {"id", "label", "description"}
_SOURCE_KEYS = {"id", "kind", "title", "year", "author", "issuer", "note"}
_GLOSSARY_KEYS = {"term", "definition", "expansion", "abbr", "lang", "sources"}


class _Reader:
    def __init__(self, rel: str, out: list[Diagnostic]) -> None:
        self.rel, self.out = rel, out

    def err(self, line: int, key: str, message: str) -> None:
        self.out.append(Diagnostic(self.rel, line, key, message))

    def items(self, path: Path) -> list[tuple[int, dict[str, Any], int]]:
        """``(index, mapping, line)`` for each item of the list in the file."""
        try:
            data = load_yaml(path.read_text(encoding="utf-8")).data
        except FileNotFoundError:
            self.err(0, "vocabulary", "file is missing")
            return []
        except UnicodeDecodeError:
            self.err(0, "vocabulary", "the file is not UTF-8")
            return []
        except YamlProblem as exc:
            self.err(exc.line, "vocabulary", exc.message)
            return []
        if data is None:
            return []
        if not isinstance(data, list):
            self.err(1, "vocabulary", "expected a list of entries ('- id: …')")
            return []
        result = []
        for i, item in enumerate(data):
            line = item_line(data, i, 1)
            if not isinstance(item, dict):
                self.err(line, f"[{i}]", "expected an entry with keys")
            else:
                result.append((i, item, line))
        return result

    def build(self, path: Path, known: set[str], required: tuple[str, ...], ident: str,
              make: Callable[[dict[str, Any], int, int], T | None]) -> list[T]:
        seen: dict[str, int] = {}
        built: list[T] = []
        for i, item, line in self.items(path):
            bad = False
            for key in item:
                if key not in known:
                    self.err(key_line(item, key, line), f"[{i}].{key}",
                             f"unknown key '{key}'" + did_you_mean(str(key), known))
                    bad = True
            for key in required:
                if not isinstance(item.get(key), (str, int)) or item.get(key) in ("", None):
                    self.err(line, f"[{i}].{key}", f"missing or empty '{key}'")
                    bad = True
            if bad:
                continue
            name = str(item[ident])
            if name in seen:
                self.err(line, f"[{i}].{ident}", f"'{name}' is already defined on line {seen[name]}")
                continue
            seen[name] = line
            entry = make(item, i, line)
            if entry is not None:
                built.append(entry)
        return built


def load_vocabularies(docs: Path, root: Path) -> tuple[Vocabularies, list[Diagnostic]]:
    """Load every vocabulary in ``docs/_data``.

    Returns:
        The vocabularies and every problem found in them.
    """
    out: list[Diagnostic] = []
    data = docs / DATA_DIR

    def reader(name: str) -> _Reader:
        return _Reader((data / name).relative_to(root).as_posix(), out)

    def entry(item: dict[str, Any], i: int, line: int) -> VocabEntry:
        return VocabEntry(str(item["id"]), str(item["label"]), str(item.get("description", "")))

    audiences = reader("audiences.yml").build(
        data / "audiences.yml", _ENTRY_KEYS, ("id", "label"), "id", entry)
    topics = reader("topics.yml").build(data / "topics.yml", _ENTRY_KEYS, ("id", "label"), "id", entry)
    src_reader = reader("sources.yml")

    def source(item: dict[str, Any], i: int, line: int) -> Source | None:
        kind = item.get("kind")
        if kind not in ("seed", "outside"):
            src_reader.err(key_line(item, "kind", line), f"[{i}].kind",
                           f"{kind!r} is not 'seed' or 'outside'")
            return None
        if not isinstance(item.get("year"), int):
            src_reader.err(key_line(item, "year", line), f"[{i}].year", "expected a year (number)")
            return None
        if kind == "outside" and not item.get("author"):
            src_reader.err(line, f"[{i}].author", "an outside source needs an author")
            return None
        return Source(str(item["id"]), kind, str(item["title"]), int(item["year"]),
                      str(item.get("author", "")), str(item.get("issuer", "")),
                      str(item.get("note", "")))

    sources = src_reader.build(data / "sources.yml", _SOURCE_KEYS, ("id", "title", "year"), "id",
                               source)
    source_ids = {s.id for s in sources}
    glo_reader = reader("glossary.yml")

    def term(item: dict[str, Any], i: int, line: int) -> GlossaryTerm | None:
        refs = item.get("sources", [])
        if not isinstance(refs, list):
            glo_reader.err(line, f"[{i}].sources", "expected a list of source ids")
            return None
        for ref in refs:
            if ref not in source_ids:
                glo_reader.err(key_line(item, "sources", line), f"[{i}].sources",
                               f"'{ref}' is not a known source" + did_you_mean(str(ref), source_ids))
                return None
        lang = item.get("lang", "nb")
        if lang not in ("nb", "nn"):
            glo_reader.err(key_line(item, "lang", line), f"[{i}].lang", "use 'nb' or 'nn'")
            return None
        if item.get("abbr") and not item.get("expansion"):
            glo_reader.err(line, f"[{i}].expansion", "an abbreviation needs its expansion")
            return None
        return GlossaryTerm(str(item["term"]), str(item["definition"]),
                            str(item.get("expansion", "")), bool(item.get("abbr", False)),
                            lang, tuple(str(r) for r in refs))

    glossary = glo_reader.build(data / "glossary.yml", _GLOSSARY_KEYS, ("term", "definition"),
                                "term", term)
    vocab = Vocabularies(tuple(audiences), tuple(topics), tuple(sources), tuple(glossary))
    return vocab, out
