"""Finding a project's files: pages, assets, and the YAML files of a folder.

Only files of known types are published: pages (``*.md``) and assets whose extension is in
``ASSET_TYPES``. Anything else under the docs folder is a diagnostic, never a silent copy. A
symlink whose target lies outside the project (or in a hidden part of it, such as ``.git`` or
``.env``) is an error and is never read, so no file outside the project can be published.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from site_build.diagnostics import Diagnostic

__all__ = ["ASSET_TYPES", "DocsFiles", "discover_docs", "link_problem",
           "svg_problem", "yaml_files", "yaml_link_problems"]


# Images, documents, and audio/video with their captions. Each is shown by the browser as
# data, not run; SVG can carry script when opened directly, so each one is checked first.
ASSET_TYPES = frozenset({
    "png", "jpg", "jpeg", "gif", "webp", "avif", "svg",
    "pdf", "csv", "txt",
    "mp3", "m4a", "ogg", "mp4", "webm", "vtt",
})

# What may make an SVG opened on its own run script, load from another host or expand without
# bound: script and foreign content, event handlers, links and references that leave the
# file, CSS imports and URLs, and DTD entities.
_SVG_DANGER = re.compile(
    rb"<\s*(?:[\w-]+:)?(?:script|foreignobject|iframe|embed|object|handler|listener)\b"
    rb"|\bon[a-z]+\s*=|attributename\s*=\s*[\"']?\s*(?:[\w-]+:)?(?:href|on)"
    rb"|\bhref\s*=\s*[\"']?\s*(?!#)"
    rb"|@import|url\s*\(\s*[\"']?\s*(?!#)"
    rb"|<!(?:doctype|entity)"
    rb"|&#|javascript:|data:|\x00",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DocsFiles:
    """The docs folder's pages (``(file, docs-relative path)``), assets, and file problems."""

    pages: tuple[tuple[Path, str], ...]
    assets: frozenset[str]
    problems: tuple[Diagnostic, ...] = ()


def link_problem(path: Path, root: Path) -> str | None:
    """Why the symlink ``path`` may not be followed, or None if it may (or is no symlink).

    Args:
        path: A path in the project (not resolved).
        root: The project folder, resolved.
    """
    if not path.is_symlink():
        return None
    target = path.resolve()
    if not target.is_relative_to(root):
        return (f"is a symlink to '{target}', outside the project; files outside the project "
                "are never published: copy the file into the project instead")
    if any(part.startswith(".") for part in target.relative_to(root).parts):
        return (f"is a symlink to '{target.relative_to(root).as_posix()}', a hidden file or "
                "folder of the project, which is never published")
    return None


def svg_problem(data: bytes) -> str | None:
    """Why an SVG file may not be published (it could run script or load from elsewhere)."""
    found = _SVG_DANGER.search(data)
    if found is None:
        return None
    what = found[0].decode("utf-8", "replace").strip()
    return (f"contains '{what}'; an SVG opened on its own may run script or load from another "
            "host, so it may hold no script, event handlers, entities, data: or links that leave "
            "the file: export it as plain shapes, or use PNG")


def _file_problem(file: Path, src: str) -> str | None:
    """Why a file of the docs folder is not published, or None if it is a page or asset."""
    suffix = file.suffix[1:]
    if suffix == "md":
        return None
    if suffix.lower() in ASSET_TYPES | {"md"} and suffix != suffix.lower():
        return (f"the extension '.{suffix}' must be lower case; rename it to "
                f"'{file.stem}.{suffix.lower()}'")
    if suffix.lower() == "markdown":
        return f"pages must end in '.md'; rename it to '{file.stem}.md'"
    if not suffix:
        return "files without an extension are not published; a page ends in '.md'"
    if suffix not in ASSET_TYPES:
        kinds = ", ".join(sorted(ASSET_TYPES))
        return (f"'.{suffix}' files are not published; a page ends "
                f"in '.md', an asset in one of: {kinds}")
    if suffix == "svg":
        return svg_problem(file.read_bytes())
    return None


def discover_docs(docs: Path, data_dir: str, root: Path | None = None) -> DocsFiles:
    """Every page and asset under ``docs``, sorted; hidden files and ``data_dir`` left out.

    Args:
        docs: The docs folder.
        data_dir: Its folder of vocabularies (docs-relative), not published.
        root: The project folder, for the paths in diagnostics and the symlink check
            (default: the parent of ``docs``).

    Returns:
        The pages and assets to publish, and a diagnostic for every other file.
    """
    root = (root or docs.parent).resolve()
    pages: list[tuple[Path, str]] = []
    assets: set[str] = set()
    problems: list[Diagnostic] = []
    reason = link_problem(docs, root)
    if reason is not None:
        return DocsFiles((), frozenset(), (Diagnostic(_rel(docs, root), 1, "symlink", reason),))
    for file, src in _walk(docs, root, problems):
        if src.startswith(data_dir + "/"):
            continue
        reason = _file_problem(file, src)
        if reason is not None:
            problems.append(Diagnostic(_rel(file, root), 1, "file", reason))
        elif file.suffix == ".md":
            pages.append((file, src))
        else:
            assets.add(src)
    return DocsFiles(tuple(pages), frozenset(assets), tuple(problems))


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _walk(folder: Path, root: Path, problems: list[Diagnostic]) -> list[tuple[Path, str]]:
    """Files under ``folder`` (sorted, docs-relative), following only safe symlinks.

    A symlinked folder is followed unless it leads back into a folder above it (a loop).
    """
    out: list[tuple[Path, str]] = []
    if not folder.is_dir():
        return out
    stack: list[tuple[Path, str, frozenset[Path]]] = [(folder, "", frozenset({folder.resolve()}))]
    while stack:
        current, prefix, above = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Diagnostic(_rel(current, root), 1, "file", f"cannot be read: {exc}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path, src = Path(entry.path), prefix + entry.name
            reason = link_problem(path, root)
            if reason is not None:
                problems.append(Diagnostic(_rel(path, root), 1, "symlink", reason))
            elif entry.is_dir():
                real = path.resolve()
                if real in above:
                    problems.append(Diagnostic(_rel(path, root), 1, "symlink", "is a symlink to "
                                               "a folder that contains it (a loop)"))
                else:
                    stack.append((path, src + "/", above | {real}))
            elif entry.is_file():
                out.append((path, src))
    return sorted(out, key=lambda item: item[1].split("/"))


def yaml_files(folder: Path, root: Path) -> list[Path]:
    """The ``*.yml`` files directly in ``folder`` of the project ``root``, sorted.

    A symlink that leaves the project (see ``link_problem``) is left out, never read; the
    loader reports it.
    """
    if not folder.is_dir():
        return []
    root = root.resolve()
    return sorted(f for f in folder.glob("*.yml") if link_problem(f, root) is None)


def yaml_link_problems(folder: Path, root: Path) -> list[Diagnostic]:
    """A diagnostic for each ``*.yml`` symlink in ``folder`` that ``yaml_files`` leaves out."""
    root = root.resolve()
    found = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    return [Diagnostic(_rel(f, root), 1, "symlink", reason)
            for f in found if (reason := link_problem(f, root)) is not None]
