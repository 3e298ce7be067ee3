"""Keyboard only: a skip link first, a visible focus on every stop, focus never dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page
from sitecheck import Template

pytestmark = pytest.mark.browser

MAX_TAB_STOPS = 1500
"""Safety net: a page with more tab stops than this is reported as such."""

_DESCRIBE_FOCUS = """
() => {
  const el = document.activeElement;
  const prev = window.__kbPrev || null;
  if (!el || el === document.body || el === document.documentElement) {
    return {body: true, prev: prev ? window.__kbDescribe(prev) : null,
            after: prev ? window.__kbTabbablesAfter(prev) : []};
  }
  window.__kbPrev = el;
  if (!window.__kbFirst) { window.__kbFirst = el; }
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
  const lengths = (cs.boxShadow.match(/-?[\\d.]+px/g) || []).map(parseFloat);
  const shadow = cs.boxShadow !== "none" && lengths.some((v) => v !== 0);
  return {body: false, wrapped: el === window.__kbFirst && window.__kbCount > 0,
          visible: outline || shadow, count: (window.__kbCount = (window.__kbCount || 0) + 1),
          what: window.__kbDescribe(el), outline: cs.outlineStyle + " " + cs.outlineWidth,
          shadow: cs.boxShadow};
}
"""

_HELPERS = """
() => {
  window.__kbDescribe = (el) => {
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className
      ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    const href = el.getAttribute("href") ? ` href="${el.getAttribute("href")}"` : "";
    const text = (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}${href}> ${JSON.stringify(text)}`;
  };
  window.__kbTabbablesAfter = (prev) => {
    const sel = "a[href], area[href], button, input, select, textarea, summary, iframe, " +
                "[tabindex], [contenteditable=''], [contenteditable='true']";
    return [...document.querySelectorAll(sel)].filter((el) =>
      (prev.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) &&
      !prev.contains(el) && el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]") &&
      el.checkVisibility({checkVisibilityCSS: true, visibilityProperty: true}) &&
      el.getClientRects().length > 0
    ).slice(0, 5).map(window.__kbDescribe);
  };
}
"""


def _tab(page: Page) -> dict[str, Any]:
    page.keyboard.press("Tab")
    state: dict[str, Any] = page.evaluate(_DESCRIBE_FOCUS)
    return state


def test_first_tab_reaches_a_working_skip_link(open_page: Callable[..., Page], template: Template) -> None:
    page = open_page(template)
    page.evaluate(_HELPERS)
    first = _tab(page)
    assert not first["body"], f"{template.path}: the first Tab focuses nothing"
    skip = page.evaluate(
        """() => {
          const el = document.activeElement;
          const href = el.getAttribute("href") || "";
          if (el.tagName !== "A" || !href.startsWith("#") || href.length < 2) return {href};
          const target = document.getElementById(decodeURIComponent(href.slice(1)));
          const main = document.querySelector("main, [role=main]");
          return {href, target: !!target, inMain: !!(target && main && main.contains(target))};
        }"""
    )
    assert skip.get("target"), (
        f"{template.path}: the first Tab reaches {first['what']}, not a skip link to an id "
        f"on the page (href {skip['href']!r})"
    )
    assert skip["inMain"], f"{template.path}: the skip link's target {skip['href']} is not in <main>"
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    moved = page.evaluate(
        """(href) => {
          const target = document.getElementById(decodeURIComponent(href.slice(1)));
          const el = document.activeElement;
          const rect = target.getBoundingClientRect();
          return {hash: decodeURIComponent(location.hash), focusOnTarget: target.contains(el),
                  top: rect.top, height: innerHeight, scrollY: scrollY};
        }""",
        skip["href"],
    )
    assert moved["hash"] == skip["href"], f"{template.path}: activating the skip link did nothing"
    if not moved["focusOnTarget"]:
        # Not focusable itself: the next Tab must then continue from the target, in <main>.
        page.keyboard.press("Tab")
        after = page.evaluate(
            """(href) => {
              const target = document.getElementById(decodeURIComponent(href.slice(1)));
              const el = document.activeElement;
              return !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
                || target.contains(el);
            }""",
            skip["href"],
        )
        assert after, (
            f"{template.path}: after the skip link, focus neither sits on {skip['href']} nor "
            "continues from it with the next Tab"
        )
    assert -5 <= moved["top"] < moved["height"], (
        f"{template.path}: the skip link's target is not scrolled into view (top {moved['top']})"
    )


def test_tab_through_the_page_with_visible_focus(open_page: Callable[..., Page], template: Template) -> None:
    page = open_page(template)
    page.evaluate(_HELPERS)
    invisible: list[str] = []
    stops = 0
    for _ in range(MAX_TAB_STOPS):
        state = _tab(page)
        if state["body"]:
            assert not state["after"], (
                f"{template.path}: focus fell back to <body> after {state['prev']} while "
                f"tabbable elements follow it: {state['after']}"
            )
            break
        if state["wrapped"]:
            break
        stops += 1
        if not state["visible"]:
            invisible.append(f"{state['what']} (outline {state['outline']}, box-shadow {state['shadow']})")
    else:
        pytest.fail(f"{template.path}: more than {MAX_TAB_STOPS} tab stops")
    print(f"keyboard: {template.path}: {stops} tab stops, {len(invisible)} without visible focus")
    assert stops > 0, f"{template.path}: no tab stops at all"
    assert not invisible, (
        f"{template.path}: {len(invisible)} of {stops} tab stops show no focus:\n" + "\n".join(invisible)
    )
