"""Link resolution: the one function that both the checks and the renderer use."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote

from site_build.diagnostics import did_you_mean
from site_build.model import Page, Site, is_external
from site_build.site.urls import relative_url

__all__ = ["Resolved", "Unresolved", "resolve_link"]


@dataclass(frozen=True)
class Resolved:
    """Where a link goes in the built site (``href`` is relative to the linking page)."""

    href: str
    external: bool = False


@dataclass(frozen=True)
class Unresolved:
    """Why a link cannot be resolved."""

    message: str
    silent: bool = False  # the target exists but failed to load; already reported


def resolve_link(site: Site, page: Page, target: str) -> Resolved | Unresolved:
    """Resolve a link written in ``page`` to its built URL.

    Args:
        site: The loaded site.
        page: The page the link is written in.
        target: The link as written (``../ip/plan.md#steg-2``, ``#kilder``, ``https://…``).

    Returns:
        ``Resolved`` with the rewritten href, or ``Unresolved`` with a message for the editor.
    """
    if is_external(target):
        return Resolved(target, external=True)
    path, _, anchor = target.partition("#")
    path = unquote(path.split("?", 1)[0])
    anchor = unquote(anchor)
    if not path:
        return _anchor(page, anchor, "") if anchor else Resolved("#")
    if path.startswith("/"):
        return Unresolved(f"'{target}' starts with '/'; link with a relative path to the .md file")
    src = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_path), path))
    if src.startswith("../") or src == "..":
        return Unresolved(f"'{target}' points outside the content folder")
    if path.endswith("/") or posixpath.splitext(src)[1] == "":
        index = posixpath.join(src, "index.md")
        hint = f"; link to '{posixpath.relpath(index, posixpath.dirname(page.src_path))}'" \
            if site.page(index) else ""
        return Unresolved(f"'{target}' is not a file; link to the .md page{hint}")
    if src.endswith(".md"):
        dest = site.page(src)
        if dest is None:
            if src in site.failed:
                return Unresolved("", silent=True)
            return Unresolved(f"'{target}' points to a page that does not exist"
                              + did_you_mean(src, site.by_src))
        href = relative_url(page.url, dest.url)
        if anchor:
            return _anchor(dest, anchor, href)
        return Resolved(href)
    if src in site.assets:
        return Resolved(relative_url(page.url, src) + (f"#{anchor}" if anchor else ""))
    return Unresolved(f"'{target}' points to a file that does not exist")


def _anchor(dest: Page, anchor: str, href: str) -> Resolved | Unresolved:
    if anchor in dest.anchors:
        return Resolved(f"{href}#{anchor}")
    where = "this page" if not href else f"'{dest.src_path}'"
    return Unresolved(f"no heading with the anchor '#{anchor}' on {where}"
                      + did_you_mean(anchor, dest.anchors))
