"""Self-checks in Chromium (bb-quiz.js over the core's ``??? quiz`` markup).

Pass and fail a self-check by keyboard alone, the score in the live region, the ``bb:quiz``
event, the nynorsk strings, axe on a lesson with a self-check, and the answers readable in
``<details>`` with JavaScript off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page
from sitecheck import SiteServer
from test_browser_axe import run_axe

pytestmark = pytest.mark.browser

LESSON = "/kurs/arbeid-og-psykisk-helse/02-tegn/"  # (x) first; [x][x][x][ ]; (x) third
QUIZ_ID = "quiz-sjekk-deg-selv"
NYNORSK = "/kurs/kriser-og-stress/03-krise/"
STATUS = ".bb-quiz-status[role=status]"


def _open(page: Page, server: SiteServer, path: str) -> Page:
    response = page.goto(server.url(path), wait_until="load")
    assert response is not None and response.status == 200, path
    page.evaluate("() => { window.__quiz = []; document.addEventListener('bb:quiz', "
                  "(e) => window.__quiz.push(e.detail)); }")
    return page


def _tab_to_first_answer(page: Page) -> None:
    """Tab from the top of the page until the first answer of the self-check has focus."""
    first = f"{QUIZ_ID}-1-1"
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == first:
            return
    pytest.fail("Tab never reached the self-check's first answer")


def _answer_by_keyboard(page: Page, right: bool) -> None:
    _tab_to_first_answer(page)
    # 1: single choice, the first answer is right.
    page.keyboard.press("Space" if right else "ArrowDown")
    # 2: multiple choice, the first three are right, the fourth wrong.
    for box in range(4):
        page.keyboard.press("Tab")
        if (box < 3) == right or (not right and box == 0):
            page.keyboard.press("Space")
    # 3: single choice, the third answer is right.
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    if right:
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('bb-quiz-check')")
    page.keyboard.press("Enter")


def _events(page: Page) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = page.evaluate("() => window.__quiz")
    return events


def test_pass_a_self_check_by_keyboard(new_page: Callable[..., Page],
                                       site_server: SiteServer) -> None:
    page = _open(new_page(), site_server, LESSON)
    assert page.inner_text(STATUS) == ""  # the live region is there before anything happens
    _answer_by_keyboard(page, right=True)
    page.wait_for_function("(s) => document.querySelector(s).textContent !== ''", arg=STATUS)
    assert page.inner_text(STATUS) == "3 av 3 riktige. Alle svarene er riktige."
    assert _events(page) == [{"id": f"kurs/arbeid-og-psykisk-helse/02-tegn/#{QUIZ_ID}",
                              "score": 3, "max": 3, "passed": True}]
    # Each answer's feedback is shown and tied to its control for screen readers.
    first = page.locator(f"#{QUIZ_ID}-1-1")
    feedback = page.locator(f"#{QUIZ_ID}-1-1-feedback")
    assert feedback.is_visible() and first.get_attribute("aria-describedby") == feedback.get_attribute("id")
    assert "Riktig." in feedback.inner_text()
    assert page.locator("fieldset.bb-quiz-fieldset legend").count() == 3


def test_fail_a_self_check_by_keyboard(new_page: Callable[..., Page],
                                       site_server: SiteServer) -> None:
    page = _open(new_page(), site_server, LESSON)
    _answer_by_keyboard(page, right=False)
    page.wait_for_function("(s) => document.querySelector(s).textContent !== ''", arg=STATUS)
    assert page.inner_text(STATUS).startswith("0 av 3 riktige. Les tilbakemeldingene")
    event = _events(page)[-1]
    assert (event["score"], event["max"], event["passed"]) == (0, 3, False)
    assert page.locator(".bb-quiz-result-wrong").count() == 3
    # Changing an answer hides the old feedback until the reader checks again.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowUp")
    assert not page.locator(f"#{QUIZ_ID}-3-1-feedback").is_visible()


def test_an_unanswered_check_says_so(new_page: Callable[..., Page],
                                     site_server: SiteServer) -> None:
    page = _open(new_page(), site_server, LESSON)
    page.locator(".bb-quiz-check").focus()
    page.keyboard.press("Enter")
    assert page.inner_text(STATUS).startswith("0 av 3 riktige")
    assert "ikke svart" in page.locator(".bb-quiz-result").first.inner_text()


def test_nynorsk_page_speaks_nynorsk(new_page: Callable[..., Page],
                                     site_server: SiteServer) -> None:
    page = _open(new_page(), site_server, NYNORSK)
    assert page.inner_text(".bb-quiz-check") == "Sjekk svara"
    page.locator(".bb-quiz-check").click()
    assert page.inner_text(STATUS).startswith("0 av 3 rette")


def test_a_lesson_with_a_checked_self_check_has_no_axe_violations(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = _open(new_page(), site_server, LESSON)
    page.locator(f"#{QUIZ_ID}-1-2").check()
    page.locator(".bb-quiz-check").click()
    violations = run_axe(page)
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_without_javascript_the_answers_are_readable_in_details(
        new_page: Callable[..., Page], site_server: SiteServer) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_server.url(LESSON), wait_until="load")
    quiz = page.locator(f"#{QUIZ_ID}")
    assert quiz.locator("input, button").count() == 0  # no controls that do nothing
    assert quiz.locator(".bb-quiz-question").count() == 3
    details = quiz.locator("details.bb-quiz-feedback")
    assert details.count() == 10
    assert not details.first.locator("p.bb-quiz-verdict").is_visible()
    details.first.locator("summary").click()
    assert details.first.locator("p.bb-quiz-verdict").inner_text() == "Riktig."
    assert "lurt å ta en prat" in details.first.inner_text()
