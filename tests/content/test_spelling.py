"""Spell check of every page in its own written form (bokmål or nynorsk), with hunspell.

Each page's reader-visible text (title, description and the body as the core's Markdown engine
parses it) is checked against Debian's ``hunspell-no`` dictionary for the page's ``lang``
(``nb_NO`` or ``nn_NO``) and the reviewed project word list ``content/_data/wordlist.txt``.
A word neither knows fails as ``path:line: spelling: 'word' …``.

Skipped, with reasons:
- code (inline and blocks) and raw HTML blocks: not prose, and the editor's guide quotes code;
- URLs, e-mail addresses and domain names (``nav.no``): not words;
- single letters (list labels, «A og B»): not words on their own;
- words in capitals (``NAV``, ``IPS``, ``NAVs``): abbreviations, defined in the glossary;
- the first part of an elided compound (``arbeids- og velferdsdirektoratet``): not a word alone.

The word list holds domain terms and names the dictionaries lack, each reviewed (see the
file's header). The list is kept honest by two more tests: an entry must be used on a page of
its language, and an entry hunspell already accepts is redundant.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from markdown_it.token import Token

from site_build.io.frontmatter import split_front_matter
from site_build.markdown.engine import create_markdown
from tests.conftest import REPO

CONTENT = REPO / "content"
WORDLIST = CONTENT / "_data" / "wordlist.txt"
DICTS = Path("/usr/share/hunspell")
LANGS = ("nb", "nn")

_NOT_WORDS = re.compile(
    r"(?:https?://|mailto:|www\.)\S+"  # URLs
    r"|\S+@\S+"  # e-mail addresses
    r"|\b[\w.-]+\.(?:no|com|org|net|se|dk|eu|int|io|md|yml|txt|py|html)\b",  # domains, files
    re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ABBREVIATION = re.compile(r"[A-ZÆØÅ]{2,}s?")

needs_hunspell = pytest.mark.skipif(
    shutil.which("hunspell") is None
    or not all((DICTS / f"{lang}_NO.dic").exists() for lang in LANGS),
    reason="hunspell and hunspell-no are needed: run 'make system-deps'")


def words_of(text: str) -> Iterator[str]:
    """The words of one line of reader-visible text that the spell check looks at."""
    text = _NOT_WORDS.sub(" ", text)
    for match in _WORD.finditer(text):
        word = match.group()
        rest = text[match.end():match.end() + 2]
        if len(word) < 2 or _ABBREVIATION.fullmatch(word):
            continue
        if rest[:1] == "-" and (len(rest) < 2 or rest[1].isspace() or rest[1] in ",)"):
            continue  # «arbeids- og …»: the elided first part of a compound
        yield word


def _inline_lines(tok: Token, line: int) -> Iterator[tuple[int, str]]:
    """(file line, text) for the reader-visible text runs of an inline token."""
    for child in tok.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "text":
            yield line, child.content
        elif child.type == "image":
            yield from _inline_lines(child, line)


def page_words(path: Path) -> tuple[str, list[tuple[int, str]]]:
    """A page's language and its words with their file lines."""
    source = path.read_text(encoding="utf-8")
    split = split_front_matter(source)
    assert split is not None, path
    front, body_line, _ = split
    lang = "nb"
    found: list[tuple[int, str]] = []
    for number, raw in enumerate(front.split("\n"), start=2):
        key, _, value = raw.partition(":")
        if key == "lang":
            lang = value.strip()
        elif key in ("title", "description"):
            found += [(number, w) for w in words_of(value)]
    body = "\n".join(source.split("\n")[body_line - 1:])
    for tok in create_markdown().parse(body, {}):
        if tok.type == "inline" and tok.map is not None:
            for line, text in _inline_lines(tok, body_line + tok.map[0]):
                found += [(line, w) for w in words_of(text)]
    return lang, found


@cache
def word_list() -> dict[str, frozenset[str]]:
    """The project word list by section: ``felles`` (both forms), ``nb`` and ``nn``."""
    sections: dict[str, set[str]] = defaultdict(set)
    section = ""
    for raw in WORDLIST.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            assert section in ("felles", *LANGS), f"{WORDLIST}: unknown section [{section}]"
            continue
        assert section, f"{WORDLIST}: '{line}' comes before the first [section]"
        assert " " not in line, f"{WORDLIST}: one word a line, not '{line}'"
        sections[section].add(line)
    return {name: frozenset(sections[name]) for name in ("felles", *LANGS)}


def allowed(word: str, lang: str) -> bool:
    """Whether the project word list accepts a word on a page in ``lang``."""
    listed = word_list()["felles"] | word_list()[lang]
    return word in listed or (word[:1].isupper() and word.lower() in listed)


def hunspell_unknown(words: set[str], lang: str) -> set[str]:
    """The words hunspell's dictionary for ``lang`` does not know."""
    result = subprocess.run(
        ["hunspell", "-i", "utf-8", "-d", str(DICTS / f"{lang}_NO"), "-l"],
        input="\n".join(sorted(words)), capture_output=True, text=True, check=True,
        env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    return set(result.stdout.split())


@cache
def all_pages() -> tuple[tuple[str, str, tuple[tuple[int, str], ...]], ...]:
    """(path relative to the project, lang, words with lines) for every page."""
    pages = []
    for path in sorted(CONTENT.rglob("*.md")):
        if any(part.startswith((".", "_")) for part in path.relative_to(CONTENT).parts):
            continue
        lang, found = page_words(path)
        pages.append((path.relative_to(REPO).as_posix(), lang, tuple(found)))
    return tuple(pages)


@cache
def unknown_by_lang() -> dict[str, set[str]]:
    """Every word of every page hunspell does not know, by language."""
    words: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for _, lang, found in all_pages():
        words[lang].update(w for _, w in found)
    return {lang: hunspell_unknown(words[lang], lang) for lang in LANGS}


def test_words_of_skips_what_is_not_prose() -> None:
    line = "Se nav.no og https://lovdata.no/x, NAVs IPS-team, arbeids- og velferdsetaten a) b"
    assert list(words_of(line)) == ["Se", "og", "team", "og", "velferdsetaten"]


@needs_hunspell
def test_every_page_is_spelt_right_in_its_own_written_form() -> None:
    unknown = unknown_by_lang()
    problems = [
        f"{path}:{line}: spelling: '{word}' is not in the {lang} dictionary or the project "
        f"word list ({WORDLIST.relative_to(REPO)})"
        for path, lang, found in all_pages() for line, word in found
        if word in unknown[lang] and not allowed(word, lang)]
    assert not problems, "\n".join(problems)


@needs_hunspell
def test_every_word_list_entry_is_needed() -> None:
    used: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for _, lang, found in all_pages():
        used[lang].update(w for _, w in found)
        used[lang].update(w.lower() for _, w in found)
    lists = word_list()
    problems = [f"[{lang}] '{w}' is not used on any {lang} page" for lang in LANGS
                for w in sorted(lists[lang] - used[lang])]
    problems += [f"[felles] '{w}' is not used on any page" for w in sorted(lists["felles"])
                 if w not in used["nb"] | used["nn"]]
    for lang in LANGS:
        entries = lists[lang]
        known = entries - hunspell_unknown(set(entries), lang)
        problems += [f"[{lang}] '{w}' is in the dictionary already" for w in sorted(known)]
    both = lists["felles"]
    in_both = both - hunspell_unknown(set(both), "nb") - hunspell_unknown(set(both), "nn")
    problems += [f"[felles] '{w}' is in both dictionaries already" for w in sorted(in_both)]
    assert not problems, "\n".join(problems)
