"""axe-core in Chromium on every page template: no WCAG 2.1 A/AA violations."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page
from sitecheck import NODE_MODULES, Template

pytestmark = pytest.mark.browser

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
"""The rule sets axe runs: WCAG 2.0 and 2.1, levels A and AA."""


@functools.cache
def _axe_source() -> str:
    path = NODE_MODULES / "axe-core" / "axe.min.js"
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `npm ci` in tests/browser (make test does)")
    source: str = path.read_text(encoding="utf-8")
    return source


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Inject axe-core into ``page`` and return its violations for :data:`AXE_TAGS`.

    Args:
        page: A loaded page.

    Returns:
        axe's ``violations`` list (each with ``id``, ``help``, ``impact`` and ``nodes``).
    """
    page.evaluate(_axe_source())
    result: dict[str, Any] = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        list(AXE_TAGS),
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


ZOOMED = {"width": 320, "height": 256}
"""400 % zoom of a 1280 × 1024 window: the mobile layout, where tables scroll sideways."""


def _report(template: Template, violations: list[dict[str, Any]], where: str = "") -> None:
    lines = [
        f"{template.path}{where}: {v['id']} ({v['impact']}): {v['help']} -> {node['target']}"
        for v in violations
        for node in v["nodes"]
    ]
    if lines:
        pytest.fail(f"{len(lines)} axe violation(s):\n" + "\n".join(lines), pytrace=False)


def test_axe_finds_no_violations(open_page: Callable[..., Page], template: Template) -> None:
    _report(template, run_axe(open_page(template)))


def test_axe_finds_no_violations_at_400_percent_zoom(
    open_page: Callable[..., Page], template: Template
) -> None:
    _report(template, run_axe(open_page(template, viewport=ZOOMED)), " at 320 px")
