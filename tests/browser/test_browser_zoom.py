"""400 % zoom (WCAG 1.4.10 Reflow): at 320 CSS px wide nothing scrolls sideways."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page
from sitecheck import Template

pytestmark = pytest.mark.browser

ZOOMED = {"width": 320, "height": 256}
"""A 1280 × 1024 window at 400 % zoom: 320 × 256 CSS pixels."""


def test_no_horizontal_scrolling_at_400_percent(open_page: Callable[..., Page], template: Template) -> None:
    page = open_page(template, viewport=ZOOMED)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    sizes = page.evaluate(
        """() => {
          const root = document.scrollingElement;
          const width = root.clientWidth;
          const wide = [...document.body.querySelectorAll("*")].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== "fixed";
          }).filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right
                           <= width + 1).slice(0, 8).map((el) =>
            `<${el.tagName.toLowerCase()} class="${el.className}"> right=${
              Math.round(el.getBoundingClientRect().right)}`);
          return {scrollWidth: root.scrollWidth, clientWidth: width, wide};
        }"""
    )
    assert sizes["scrollWidth"] <= sizes["clientWidth"] + 1, (
        f"{template.path}: at 320 px the page is {sizes['scrollWidth']} px wide "
        f"(viewport {sizes['clientWidth']} px); sticking out: {sizes['wide']}"
    )
