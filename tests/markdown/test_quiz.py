"""Self-checks (``??? quiz``): each mistake a problem on its line, any quiz-like text safe.

The rendering is in ``tests/fixtures/markdown/quiz.txt``; the form in Chromium in
``tests/browser/test_browser_quiz.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from site_build.i18n import QUIZ_TEXTS
from site_build.markdown.document import parse_body
from site_build.markdown.engine import create_markdown
from tests.markdown.oracle import nh3_clean, shape

ENGINE = create_markdown()
SCRIPT = Path(__file__).parents[2] / "overrides" / "assets" / "javascripts" / "bb-quiz.js"

GOOD = """## Sjekk deg selv

??? quiz
    1. Hvem kaller inn?
       - (x) Arbeidsgiveren > Ja, innen sju uker.
       - ( ) Legen > Nei.
    2. Hva hører med?
       - [x] Mål > Ja.
       - [ ] Diagnose > Nei.
"""

# (name, body, line of the problem counted from 1, a part of the message)
BAD = [
    ("no right answer", "??? quiz\n    1. Q?\n       - ( ) a > x\n       - ( ) b > y\n", 2,
     "no answer is marked right"),
    ("question without answers", "??? quiz\n    1. Q?\n    2. R?\n       - (x) a > x\n"
     "       - ( ) b > y\n", 2, "without answers"),
    ("single choice with two right", "??? quiz\n    1. Q?\n       - (x) a > x\n"
     "       - (x) b > y\n", 2, "single-choice"),
    ("empty feedback", "??? quiz\n    1. Q?\n       - (x) a > x\n       - ( ) b >\n", 4,
     "empty feedback"),
    ("empty quoted feedback", "??? quiz\n    1. Q?\n       - (x) a > x\n       - ( ) b\n"
     "         >\n", 5, "empty feedback"),
    ("no feedback", "??? quiz\n    1. Q?\n       - (x) a > x\n       - ( ) b\n", 4,
     "without feedback"),
    ("unmarked answer", "??? quiz\n    1. Q?\n       - (x) a > x\n       - b > y\n", 4,
     "an answer is"),
    ("mixed kinds", "??? quiz\n    1. Q?\n       - (x) a > x\n       - [ ] b > y\n", 2,
     "mixes"),
    ("one answer only", "??? quiz\n    1. Q?\n       - (x) a > x\n", 2, "at least two"),
    ("empty quiz", "Tekst.\n\n??? quiz\n", 3, "numbered list of questions"),
    ("prose instead of questions", "??? quiz\n    Tekst\n", 2, "numbered list of questions"),
    ("answer without text", "??? quiz\n    1. Q?\n       - (x) > x\n       - ( ) b > y\n", 3,
     "without text"),
    ("text after the answers", "??? quiz\n    1. Q?\n       - (x) a > x\n       - ( ) b > y"
     "\n\n       Mer\n", 6, "next question"),
    ("two quizzes with one id", "## A\n\n??? quiz\n    1. Q?\n       - (x) a > x\n"
     "       - ( ) b > y\n\n??? quiz\n    1. Q?\n       - (x) a > x\n       - ( ) b > y\n",
     8, "two self-checks"),
    ("a second feedback", "??? quiz\n    1. Q?\n       - (x) a > x\n         > y\n"
     "       - ( ) b > y\n", 3, "one feedback"),
]


def test_a_good_quiz_has_no_problems_and_passes_the_oracle() -> None:
    parsed = parse_body(ENGINE, GOOD, 1, "nb")
    assert parsed.problems == []
    assert 'id="quiz-sjekk-deg-selv"' in parsed.html
    assert "<input" not in parsed.html  # no form controls that do nothing without JavaScript
    assert shape(nh3_clean(parsed.html)) == shape(parsed.html)


@pytest.mark.parametrize(("body", "line", "part"), [pytest.param(*c[1:], id=c[0]) for c in BAD])
def test_each_mistake_is_a_quiz_problem_on_its_line(body: str, line: int, part: str) -> None:
    problems = parse_body(ENGINE, body, 1, "nb").problems
    assert [p for p in problems if p[1] == "quiz"], problems
    assert any(p[0] == line and p[1] == "quiz" and part in p[2] for p in problems), problems


def test_lines_count_from_the_file() -> None:
    body = "??? quiz\n    1. Q?\n       - ( ) a > x\n       - ( ) b > y\n"
    assert parse_body(ENGINE, body, 10, "nb").problems[0][0] == 11


def test_questions_answers_and_feedback_are_in_the_section_text() -> None:
    sections = parse_body(ENGINE, GOOD, 1, "nb").sections
    anchor, heading, _, text = sections[-1]
    assert (anchor, heading) == ("sjekk-deg-selv", "Sjekk deg selv")
    for part in ("Hvem kaller inn?", "Arbeidsgiveren", "Ja, innen sju uker.", "Diagnose"):
        assert part in text
    assert "Er dette riktig?" not in text  # the core's own labels are not the page's text


def test_quiz_text_is_escaped_and_raw_html_in_it_meets_the_policy() -> None:
    body = ('??? quiz "Q&A"\n    1. Er 2 < 3 & "sant"?\n'
            "       - (x) Ja <script>alert(1)</script> > x\n       - ( ) b > y\n")
    parsed = parse_body(ENGINE, body, 1, "nb")
    assert "Er 2 &lt; 3 &amp; &quot;sant&quot;?" in parsed.html
    assert any(p[:2] == (3, "html") and "script" in p[2] for p in parsed.problems)
    assert '<div class="bb-quiz" id="quiz-qa">' in parsed.html
    assert '<p class="bb-quiz-title">Q&amp;A</p>' in parsed.html


def test_the_script_holds_every_string_in_both_languages() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    for key, (nb, nn) in QUIZ_TEXTS.items():
        if key in ("single", "multiple", "reveal"):
            continue  # written by the core into the page
        assert re.search(rf'{key}: \[\s*"{re.escape(nb)}",\s*"{re.escape(nn)}"\]', script), key


_LINE = st.sampled_from([
    "??? quiz", "!!! quiz \"T\"", "    1. Q?", "    2. R?", "       - (x) a > x",
    "       - ( ) b > y", "       - [x] c > z", "       - [ ] d", "       - ( ) e >",
    "         > quote", "         >", "       - (x)", "    Tekst", "## H", "", "    - x",
    "       - ( ) <b>x</b> > <i>y</i>", "      1. nested?", "  > q", "    ??? quiz",
]) | st.text(alphabet="-()[]xX> \n1.?aæ\\", max_size=20)


@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=14))
@example(["??? quiz", "    1. Q?", "       - (x) a > x", "       - ( ) b > y"])
@example(["??? quiz", "    ??? quiz", "        1. Q?"])
def test_any_quiz_like_text_never_raises_and_problems_have_lines(lines: list[str]) -> None:
    body = "\n".join(lines)
    parsed = parse_body(ENGINE, body, 1, "nb")
    for line, key, message in parsed.problems:
        assert 1 <= line <= body.count("\n") + 2 and key and message
