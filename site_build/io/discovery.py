"""Finding a project's files: pages, assets, and the YAML files of a folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["DocsFiles", "discover_docs", "yaml_files"]


@dataclass(frozen=True)
class DocsFiles:
    """The docs folder's pages (``(file, docs-relative path)``) and other files (assets)."""

    pages: tuple[tuple[Path, str], ...]
    assets: frozenset[str]


def discover_docs(docs: Path, data_dir: str) -> DocsFiles:
    """Every page and asset under ``docs``, sorted; hidden files and ``data_dir`` left out."""
    pages: list[tuple[Path, str]] = []
    assets: set[str] = set()
    for file in sorted(docs.rglob("*")) if docs.is_dir() else []:
        src = file.relative_to(docs).as_posix()
        if not file.is_file() or src.startswith(data_dir + "/") or \
                any(part.startswith(".") for part in src.split("/")):
            continue
        if file.suffix == ".md":
            pages.append((file, src))
        else:
            assets.add(src)
    return DocsFiles(tuple(pages), frozenset(assets))


def yaml_files(folder: Path) -> list[Path]:
    """The ``*.yml`` files directly in ``folder``, sorted (none if it does not exist)."""
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []
