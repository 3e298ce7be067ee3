"""Classes of words a search treats as one: bokmål/nynorsk pairs, synonyms, abbreviations.

Every class has one canonical term (the abbreviation, else the first word given, else the
first phrase's words joined by ``_``); a word of the class is indexed and queried with it too.
Classes that share a word are merged (union-find, the oldest canonical term wins), so a pair
and a synonym group of the same word become one class. Phrases (more than one word) are
matched on the words' keys and stand for the canonical term.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Phrase", "TermClasses"]

_WORD = re.compile(r"\w+(?:[-']\w+)*")

Keys = Callable[[str], frozenset[str]]
"""The keys a word matches (folded lemmas in both languages), without classes applied."""


@dataclass(frozen=True)
class Phrase:
    """A phrase of a class: per word, the keys that word matches; and the class's term."""

    words: tuple[frozenset[str], ...]
    term: str


class TermClasses:
    """Word classes built from groups of words; lookups by folded key."""

    def __init__(self, fold: Callable[[str], str], keys: Keys) -> None:
        """Empty classes; ``fold`` makes a word's key, ``keys`` the keys a text word matches."""
        self._fold, self._keys = fold, keys
        self._parent: dict[str, str] = {}
        self._age: dict[str, int] = {}
        self._phrases: list[tuple[tuple[frozenset[str], ...], str]] = []
        self._words: list[tuple[str, str]] = []
        self.protected: set[str] = set()
        self.canon: dict[str, str] = {}
        self.members: dict[str, frozenset[str]] = {}
        self.phrases: dict[str, tuple[Phrase, ...]] = {}
        self.words: frozenset[str] = frozenset()

    def add(self, words: Sequence[str], *, protect: bool = False) -> None:
        """Add a group of words or phrases (the first single word is its canonical term)."""
        raw = [w.strip().lower() for w in words if len(_WORD.findall(w)) == 1]
        single = [(w, k) for w in raw if (k := self._fold(w))]
        multi = [_WORD.findall(w) for w in words if len(_WORD.findall(w)) > 1]
        if not single and not multi:
            return
        root = single[0][1] if single else "_".join(self._fold(t) for t in multi[0])
        self._node(root)
        for word, key in single:
            self._union(root, self._node(key))
            self._words.append((word, key))
            if protect:
                self.protected.add(key)
        for tokens in multi:
            self._phrases.append((tuple(self._keys(t.lower()) for t in tokens), root))

    def finish(self) -> TermClasses:
        """Resolve every key to its canonical term; call once after the last ``add``.

        A word's lemmas (*ansatte* given, *ansatt* its lemma) join its class unless they have
        a class of their own. ``words`` are then the single words given (lower case), which
        compound splitting takes as base forms (*meistring*, *tilsett*).
        """
        for word, primary in self._words:
            for key in sorted(self._keys(word)):
                if key not in self._parent:
                    self._parent[key] = primary
                    self._age[key] = len(self._age)
        self.canon = {k: self._find(k) for k in self._parent}
        self.words = frozenset(word for word, _ in self._words if word.isalpha())
        members: dict[str, set[str]] = {}
        for key, term in self.canon.items():
            members.setdefault(term, set()).add(key)
        self.members = {t: frozenset(m) for t, m in members.items()}
        index: dict[str, list[Phrase]] = {}
        for words, root in self._phrases:
            phrase = Phrase(words, self._find(root))
            for key in sorted(words[0]):
                index.setdefault(key, []).append(phrase)
        # Longest phrase first, so "individuell plan" wins over a shorter phrase it begins.
        self.phrases = {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in index.items()}
        return self

    def match(self, keys: Sequence[frozenset[str]], start: int) -> Phrase | None:
        """The longest phrase whose words match ``keys`` from ``start`` on, if any."""
        for first in sorted(keys[start]):
            for phrase in self.phrases.get(first, ()):
                end = start + len(phrase.words)
                if end <= len(keys) and all(keys[start + i] & want
                                            for i, want in enumerate(phrase.words)):
                    return phrase
        return None

    def _node(self, key: str) -> str:
        if key not in self._parent:
            self._parent[key] = key
            self._age[key] = len(self._age)
        return key

    def _find(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            old, young = (ra, rb) if self._age[ra] <= self._age[rb] else (rb, ra)
            self._parent[young] = old


def expansions(text: str) -> Iterable[str]:
    """The phrases of a glossary expansion: ``"A B (C D)"`` gives ``A B`` and ``C D``."""
    for part in re.split(r"[()]", text):
        if part.strip():
            yield part.strip()


def pair_lines(lines: Iterable[str]) -> list[tuple[str, str]]:
    """``(nb, nn)`` from tab-separated lines, comments (``#``) and blank lines skipped."""
    pairs = []
    for line in lines:
        if line.strip() and not line.startswith("#"):
            nb, _, nn = line.rstrip("\n").partition("\t")
            pairs.append((nb.strip(), nn.strip()))
    return pairs

