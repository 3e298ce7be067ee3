"""Self-checks: a ``quiz`` block of numbered questions, each with marked answers and feedback.

The syntax is an admonition, so the indentation is the one editors already write for boxes::

    ??? quiz
        1. Hvorfor ...?
           - (x) Fordi ... > Hvorfor dette er riktig.
           - ( ) Fordi ... > Hvorfor dette ikke stemmer.
        2. Hvilke ...?
           - [x] Det ene > ...
           - [x] Det andre > ...
           - [ ] Det tredje > ...

``( )``/``(x)`` mark a single-choice question (exactly one right answer, radio buttons),
``[ ]``/``[x]`` a multiple-choice one (one or more right, checkboxes). The feedback follows
`` > `` on the answer's line, or stands as a quote (``> …``) on the lines under it. Every part is
Markdown, parsed by the one engine (links, emphasis, glossary abbreviations, the HTML policy).

The block becomes the engine's own markup, readable without JavaScript: the questions as a list,
the answers under each, each answer's verdict and feedback behind a ``<details>``
(``overrides/assets/javascripts/bb-quiz.js`` turns it into a form). Its id is ``quiz-`` + the
slug of its title, else of the heading above it. Mistakes are problems in ``env["problems"]``:
``(line in the body, "quiz", message)``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from site_build.i18n import quiz_text
from site_build.site.slug import slugify

__all__ = ["quiz_plugin"]

_MARK = re.compile(r"(\( ?\)|\([xX]\)|\[ ?\]|\[[xX]\])(?:[ \t]+|$)")
# The first '>' with white space on both sides (or ending the answer); '\>' is a plain '>'.
_FEEDBACK = re.compile(r"(?:^|\s)>(?:\s|$)")
_ANSWER_FORM = ("an answer is '- ( ) text > feedback' ('(x)' marks the right one), or "
                "'- [ ] …'/'- [x] …' when several may be right")


def quiz_plugin(md: MarkdownIt) -> None:
    """Turn ``quiz`` admonitions into self-checks (see the module's docstring).

    Args:
        md: The engine to extend; must already have ``mdit_py_plugins.admon``.
    """
    rules = md.core.ruler.get_all_rules()
    # After heading ids are known, before an unknown admonition type is reported, and
    # before "inline", so the answer marks and feedback are cut from the text first.
    if "brobygger_admonition_titles" in rules:
        md.core.ruler.before("brobygger_admonition_titles", "brobygger_quiz", _quiz_rule)
    else:
        md.core.ruler.before("inline", "brobygger_quiz", _quiz_rule)
    md.add_render_rule("quiz_note", _render_note)


def _render_note(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return html.escape(tokens[idx].content, quote=True)


def _problem(state: StateCore, tok: Token, message: str) -> None:
    state.env.setdefault("problems", []).append(((tok.map or [0])[0], "quiz", message))


def _tag(kind: str, tag: str, nesting: int, cls: str = "", **attrs: str) -> Token:
    # Tags around a line of text stay on its line; block tags end with a newline.
    inline = (kind.endswith("_open") and tag in ("p", "summary", "strong")) or tag == "strong"
    tok = Token(f"quiz_{kind}", tag, nesting, block=not inline)  # type: ignore[arg-type]
    if cls:
        tok.attrSet("class", cls)
    for name, value in attrs.items():
        tok.attrSet(name, value)
    return tok


def _note(text: str) -> Token:
    return Token("quiz_note", "", 0, content=text)


def _blocks(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """The top-level blocks of ``tokens[start:end]`` as ``(first, after last)``."""
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        j, depth = i, int(tokens[i].nesting)
        while depth > 0 and j + 1 < end:
            j += 1
            depth += tokens[j].nesting
        found.append((i, j + 1))
        i = j + 1
    return found


def _close_of(tokens: list[Token], start: int) -> int:
    depth = 0
    for j in range(start, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _quiz_rule(state: StateCore) -> None:
    tokens, out, seen = state.tokens, [], set[str]()
    if not any(t.type == "admonition_open" and t.meta.get("tag") == "quiz" for t in tokens):
        return
    anchor, i = "", 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open" and i + 1 < len(tokens):
            anchor = (str(tok.attrGet("id")) if tok.meta.get("explicit_id")
                      else slugify(tokens[i + 1].content))
        if tok.type == "admonition_open" and tok.meta.get("tag") == "quiz":
            end = _close_of(tokens, i)
            out += _quiz(state, tokens, i, end, anchor, seen)
            i = end + 1
            continue
        out.append(tok)
        i += 1
    state.tokens = out


def _quiz(state: StateCore, tokens: list[Token], start: int, end: int, anchor: str,
          seen: set[str]) -> list[Token]:
    opening = tokens[start]
    body = start + 1
    title = ""
    if body < end and tokens[body].type == "admonition_title_open":
        title = tokens[body + 1].content if '"' in opening.info else ""
        body += 3
    quiz_id = "quiz-" + (slugify(title) if title else anchor or "sjekk")
    if quiz_id in seen:
        _problem(state, opening, f"two self-checks with the id '{quiz_id}' on one page; give "
                 "one a title (??? quiz \"Title\") or put it under its own heading")
    seen.add(quiz_id)
    out = [_tag("open", "div", 1, "bb-quiz", id=quiz_id)]
    out[0].map = opening.map
    if title:
        out += [_tag("title_open", "p", 1, "bb-quiz-title"), tokens[start + 2],
                _tag("title_close", "p", -1)]
    blocks = _blocks(tokens, body, end)
    if len(blocks) != 1 or tokens[blocks[0][0]].type != "ordered_list_open":
        where = tokens[blocks[0][0]] if blocks else opening
        _problem(state, where, "a self-check holds one numbered list of questions "
                 "('1. Question?'), each with its answers as a list under it")
        return [*out, *tokens[body:end], _tag("close", "div", -1)]
    first, after = blocks[0]
    out.append(_tag("questions_open", "ol", 1, "bb-quiz-questions"))
    for q_start, q_end in _blocks(tokens, first + 1, after - 1):
        out += _question(state, tokens, q_start, q_end)
    return [*out, _tag("questions_close", "ol", -1), _tag("close", "div", -1)]


def _question(state: StateCore, tokens: list[Token], start: int, end: int) -> list[Token]:
    item = tokens[start]
    blocks = _blocks(tokens, start + 1, end - 1)
    if not blocks or tokens[blocks[0][0]].type != "paragraph_open":
        _problem(state, item, "a question starts with its text: '1. Question?'")
        return tokens[start:end]
    if len(blocks) < 2 or tokens[blocks[1][0]].type != "bullet_list_open":
        _problem(state, item, "a question without answers: list them under it, indented, as "
                 "'- ( ) answer > feedback'")
        return tokens[start:end]
    if len(blocks) > 2:
        _problem(state, tokens[blocks[2][0]], "after a question's answers comes the next "
                 "question; write more text into the question or the feedback")
    answers = [_answer(state, tokens, a, b)
               for a, b in _blocks(tokens, blocks[1][0] + 1, blocks[1][1] - 1)]
    kinds = {kind for kind, _, _ in answers if kind}
    right = sum(1 for kind, correct, _ in answers if kind and correct)
    single = kinds != {"["}
    if not all(kind for kind, _, _ in answers):
        pass  # each unmarked answer is reported already
    elif len(kinds) > 1:
        _problem(state, item, "a question mixes ( ) and [ ]: use ( )/(x) when one answer is "
                 "right, [ ]/[x] when several may be")
    elif len(answers) < 2:
        _problem(state, item, "a question needs at least two answers to choose from")
    elif right == 0:
        _problem(state, item, "no answer is marked right: mark it (x), or [x] if several are")
    elif single and right > 1:
        _problem(state, item, f"{right} answers marked (x) in a single-choice question; mark "
                 "one, or use [ ] and [x] if several are right")
    lang = str(state.env.get("lang", "nb"))
    kind = "single" if single else "multiple"
    prompt = tokens[blocks[0][0]:blocks[0][1]]
    prompt[0].hidden = prompt[-1].hidden = False
    prompt[0].attrSet("class", "bb-quiz-prompt")
    hint = [_tag("hint_open", "p", 1, "bb-quiz-hint"), _note(quiz_text(kind, lang)),
            _tag("hint_close", "p", -1)]
    opened = _tag("question_open", "li", 1, f"bb-quiz-question bb-quiz-{kind}")
    opened.map = item.map
    return [opened, *prompt, *hint, _tag("answers_open", "ul", 1, "bb-quiz-answers"),
            *(tok for _, _, toks in answers for tok in toks),
            _tag("answers_close", "ul", -1), _tag("question_close", "li", -1)]


def _answer(state: StateCore, tokens: list[Token], start: int,
            end: int) -> tuple[str, bool, list[Token]]:
    """One answer: its kind (``(`` or ``[``, empty if unmarked), whether right, its tokens."""
    item = tokens[start]
    blocks = _blocks(tokens, start + 1, end - 1)
    para = tokens[blocks[0][0]] if blocks else item
    mark = _MARK.match(tokens[blocks[0][0] + 1].content) if (
        blocks and para.type == "paragraph_open") else None
    if not mark:
        _problem(state, para, _ANSWER_FORM)
        return "", False, tokens[start:end]
    text = tokens[blocks[0][0] + 1]
    text.content = text.content[mark.end():]
    feedback = _split_feedback(state, text, tokens, blocks[1:])
    if not text.content.strip():
        _problem(state, text, "an answer without text: write it after the mark, '- ( ) answer'")
    correct = mark.group(1)[1] in "xX"
    lang = str(state.env.get("lang", "nb"))
    verdict = quiz_text("right" if correct else "wrong", lang)
    return mark.group(1)[0], correct, [
        _tag("answer_open", "li", 1, "bb-quiz-answer bb-quiz-" + ("right" if correct
                                                                  else "wrong")),
        _tag("text_open", "span", 1, "bb-quiz-text"), text, _tag("text_close", "span", -1),
        _tag("feedback_open", "details", 1, "bb-quiz-feedback"),
        _tag("reveal_open", "summary", 1), _note(quiz_text("reveal", lang)),
        _tag("reveal_close", "summary", -1),
        _tag("verdict_open", "p", 1, "bb-quiz-verdict"), _tag("strong_open", "strong", 1),
        _note(verdict), _tag("strong_close", "strong", -1), _tag("verdict_close", "p", -1),
        *feedback, _tag("feedback_close", "details", -1), _tag("answer_close", "li", -1)]


def _split_feedback(state: StateCore, text: Token, tokens: list[Token],
                    rest: list[tuple[int, int]]) -> list[Token]:
    """The feedback's tokens: after `` > `` in the answer's text, or a quote under it."""
    found = _FEEDBACK.search(text.content)
    quoted = [r for r in rest if tokens[r[0]].type == "blockquote_open"]
    if len(rest) > len(quoted) or len(quoted) > 1 or (found and quoted):
        _problem(state, text, "an answer holds its text and one feedback ('> …'), nothing "
                 "else; put a new answer on its own '- ' line")
    if quoted:
        inner = tokens[quoted[0][0] + 1:quoted[0][1] - 1]
        if not any(t.type == "inline" and t.content.strip() for t in inner):
            _problem(state, tokens[quoted[0][0]], "empty feedback: write why after '>'")
        return inner
    if not found:
        _problem(state, text, "an answer without feedback: end it with ' > why it is right "
                 "or wrong'")
        return []
    before, after = text.content[:found.start()], text.content[found.end():]
    line = (text.map or [0, 1])[0] + before.count("\n")
    text.content = before.rstrip()
    if not after.strip():
        _problem(state, text, "empty feedback: write why after '>'")
    feedback = Token("inline", "", 0, content=after.strip(), map=[line, line + 1], children=[])
    return [Token("paragraph_open", "p", 1, block=True, map=[line, line + 1]), feedback,
            Token("paragraph_close", "p", -1, block=True)]
