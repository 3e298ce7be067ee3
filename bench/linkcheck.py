"""An independent check of a generated corpus: every internal link targets a page and anchor.

It reads the written Markdown (not the plan), so it catches mistakes in rendering as well as in
planning. Headings are ``##``–``######`` lines outside fenced code; an explicit ``{#id}`` wins,
otherwise the anchor is the slug of the heading text.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from bench.slugs import slugify

_LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")
_HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$")
_ATTR_ID = re.compile(r"\s*\{#([^}\s]+)\}$")


def _body(text: str) -> list[str]:
    lines = text.split("\n")
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
        return lines[end + 1 :]
    return lines


def scan_page(text: str) -> tuple[set[str], list[str]]:
    """Collect the anchors and link targets of one page.

    Args:
        text: The page's Markdown, with front matter.

    Returns:
        The heading anchors and the raw link targets (outside fenced code).
    """
    anchors: set[str] = set()
    links: list[str] = []
    fenced = False
    for line in _body(text):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        match = _HEADING.match(line)
        if match:
            heading = match.group(2)
            attr = _ATTR_ID.search(heading)
            anchors.add(attr.group(1) if attr else slugify(heading))
        links.extend(_LINK.findall(line))
    return anchors, links


def check_links(content: Path) -> tuple[int, list[str]]:
    """Check every internal link of the Markdown pages under ``content``.

    Args:
        content: The corpus's ``content/`` directory.

    Returns:
        The number of internal links checked and a list of problems (empty when all resolve).
    """
    pages: dict[str, tuple[set[str], list[str]]] = {}
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(content).as_posix()
        pages[rel] = scan_page(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    checked = 0
    for rel, (own_anchors, links) in pages.items():
        for link in links:
            if re.match(r"^[a-z]+:", link):
                continue
            checked += 1
            target, _, anchor = link.partition("#")
            if target:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
                if resolved not in pages:
                    problems.append(f"{rel}: no page {link}")
                    continue
                anchors = pages[resolved][0]
            else:
                anchors = own_anchors
            if anchor and anchor not in anchors:
                problems.append(f"{rel}: no anchor {link}")
    return checked, problems
