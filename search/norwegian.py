"""Norwegian words for search: folding, lemmas, the verb/noun derivation and compound splitting.

Word level only and independent of any project data (pairs, synonyms and stopwords are applied
by :mod:`search.analysis`). Every function takes a lower-cased word and is deterministic.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

import simplemma
from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

__all__ = ["FOLD_CHARS", "FOLD_DIGRAPHS", "LANGS", "Split", "derived", "dictionary", "fold",
           "is_known", "is_lemma", "lemma", "split_compound", "unfoldings"]

LANGS = ("nb", "nn")

# One canonical fold that makes every common keyboard substitute meet: å, aa and a; æ, ae and
# a; ø, oe and o. æ→a (not e) because readers without æ type "ae" or "a", and "ae" must fold
# to the same as "a". Accents are dropped (é→e). The digraphs are folded after the letters,
# repeatedly, so fold is idempotent: fold(fold(x)) == fold(x).
FOLD_CHARS: Mapping[str, str] = {"æ": "a", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ð": "d",
                                 "þ": "th", "ß": "ss", "œ": "o"}
FOLD_DIGRAPHS: tuple[tuple[str, str], ...] = (("aa", "a"), ("ae", "a"), ("oe", "o"))
_FOLD_TABLE = str.maketrans(dict(FOLD_CHARS))
_DIGRAPH = re.compile("|".join(d for d, _ in FOLD_DIGRAPHS))
_DIGRAPH_TO = dict(FOLD_DIGRAPHS)

MIN_HEAD = 4  # a compound's first part, linking letter included ("syke" in sykefravær)
MIN_STEM = 3  # ... and without it ("syk")
MIN_TAIL = 4  # a compound's last part ("plan", "lov" is too short to trust)
MIN_COMPOUND = 9  # "handling", "konflikt" and "beskrive" are 8 letters and no compounds
# A query word is split more readily (*planmøte*, *kriseplanmal*): its parts must then all be
# in one section, so a false split costs little, while a missed one finds nothing.
MIN_QUERY_COMPOUND = 7
MIN_QUERY_TAIL = 3
LINKS = ("s", "e")
# A cut inside a derivational suffix is a false split (rekrutt|ring, forsk|ning): the last part
# must be longer than the word's suffix.
_SUFFIXES = ("ering", "ning", "ing", "else", "heit", "het", "skap", "sjon", "ende", "ande",
             "lig", "leg", "isk")


@lru_cache(maxsize=65_536)
def fold(word: str) -> str:
    """Lower case, æ/ø/å and accents folded, and aa/ae/oe folded, as a reader without them types.

    The browser does the same with ``FOLD_CHARS`` (after lower-casing and removing combining
    accents) and then replaces ``FOLD_DIGRAPHS`` until none is left.
    """
    text = word.lower().translate(_FOLD_TABLE)
    if not text.isascii():
        # NFKD can make upper case and ø-like letters again ("𝑨" → "A"): fold those too.
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c)).lower().translate(_FOLD_TABLE)
    while True:
        folded = _DIGRAPH.sub(lambda m: _DIGRAPH_TO[m.group()], text)
        if folded == text:
            return text
        text = folded


# simplemma's own factory: its lemmatizer and our lookups share one copy of each dictionary.
_FACTORY = DEFAULT_DICTIONARY_FACTORY


def dictionary(lang: str) -> Mapping[str, str]:
    """simplemma's ``lang`` dictionary: form → lemma."""
    return _FACTORY.get_dictionary(lang)


@lru_cache(maxsize=262_144)
def is_known(word: str, lang: str | None = None) -> bool:
    """Whether ``word`` is a form in the ``lang`` dictionary (``None``: either)."""
    return any(word in dictionary(code) for code in ((lang,) if lang else LANGS))


@lru_cache(maxsize=262_144)
def is_lemma(word: str) -> bool:
    """Whether ``word`` is a base form (its own lemma) in the nb or nn dictionary."""
    return any(dictionary(code).get(word) == word for code in LANGS)


@lru_cache(maxsize=262_144)
def lemma(word: str, lang: str) -> str:
    """The lemma of ``word`` in a ``lang`` text, lower case.

    The word's own language decides when it knows the word, else the other one; an unknown word
    gets bokmål's guess (its dictionary is four times nynorsk's, so its suffix rules guess
    better), so *jobbspesialistene* becomes *jobbspesialist* in a nynorsk text too.
    """
    other = LANGS[1] if lang == LANGS[0] else LANGS[0]
    for code in (lang, other):
        if is_known(word, code):
            return simplemma.lemmatize(word, lang=code).lower()
    return simplemma.lemmatize(word, lang=LANGS[0]).lower()


@lru_cache(maxsize=262_144)
def derived(base: str) -> str:
    """The -ing noun of a verb lemma, when the dictionary has it (*tilrettelegge* →
    *tilrettelegging*, *vurdere* → *vurdering*), else ``base``.

    So the verb and the action noun meet; nynorsk verbs in -a (*tilrettelegga*) too.
    """
    if len(base) >= 5 and base[-1] in "ea":
        noun = base[:-1] + "ing"
        if is_lemma(noun):
            return noun
    return base


Split = tuple[tuple[str, ...], str]
"""A compound's first parts (each a lemma, linking letters removed) and its last part."""


@lru_cache(maxsize=262_144)
def split_compound(word: str, stop: frozenset[str] = frozenset(),
                   lemmas: frozenset[str] = frozenset(), *, loose: bool = False) -> Split | None:
    """Split a compound lemma into base forms: *arbeidsgiveransvar* → ``(("arbeidsgiver",),
    "ansvar")``.

    Split the lemma, not the inflected word (*kontoret* is no kont|oret). Every part must be a
    base form in the dictionaries; a first part may be followed by a linking -s- or -e-, is
    never one of ``stop`` (function words, *sammen*, *gjennom*), and is split further when it
    is not a base form but a compound of two. Prefers a first part that is a base form as written,
    then the shortest last part, so the last part is the simple word a reader searches for.
    Words that are not letters only, or shorter than ``MIN_COMPOUND``, are never split. A
    linking letter that also begins a base form belongs to the last part (*leder|støtte*, not
    *leder|s|tøtte*).

    Args:
        word: A lemma, lower case.
        stop: Never a first part.
        lemmas: Words taken as base forms besides the dictionaries' (the project's pairs and
            synonyms: *meistring*).
        loose: A query word: split from ``MIN_QUERY_COMPOUND`` letters, last part from
            ``MIN_QUERY_TAIL``, parts typed without æ/ø/å (*sykefravarsoppfolging*).

    Returns:
        The parts, or None when the word is not a compound of known words.
    """
    if len(word) < (MIN_QUERY_COMPOUND if loose else MIN_COMPOUND) or not word.isalpha():
        return None
    suffix = next((len(s) for s in _SUFFIXES if word.endswith(s)), 0)
    last_cut = len(word) - max(MIN_QUERY_TAIL if loose else MIN_TAIL, suffix + 1)
    base = _base_test(lemmas, loose)
    for nested in (False, True):
        for cut in range(last_cut, MIN_HEAD - 1, -1):
            tail = word[cut:]
            if tail in stop or not base(tail):
                continue
            heads = _heads(word[:cut], stop, lemmas, nested, loose)
            if heads is None:
                continue
            linked = word[cut - 1:]  # leder|støtte, not leder|s|tøtte
            if linked[0] in LINKS and linked not in stop and base(linked):
                shorter = _heads(word[:cut - 1], stop, lemmas, nested, loose)
                if shorter is not None:
                    return shorter, linked
            return heads, tail
    return None


def _base_test(lemmas: frozenset[str], loose: bool = False) -> Callable[[str], bool]:
    """Whether a word is a base form; ``loose``: also when typed without æ/ø/å."""
    if loose:
        return lambda w: is_lemma(w) or w in lemmas or any(map(is_lemma, unfoldings(w)))
    return lambda w: is_lemma(w) or w in lemmas


def _heads(head: str, stop: frozenset[str], lemmas: frozenset[str], nested: bool,
           loose: bool = False) -> tuple[str, ...] | None:
    """The first part(s) for ``head``, or None when it is not a base form (+ linking letter)."""
    base = _base_test(lemmas, loose)
    stems = [head] + [head[:-1] for link in LINKS if head.endswith(link)]
    for stem in stems:
        if len(stem) < MIN_STEM or stem in stop:
            continue
        if not nested and base(stem):
            return (stem,)
        if nested and not base(stem):
            inner = split_compound(stem, stop, lemmas, loose=loose)
            if inner is not None and len(inner[0]) == 1:
                return inner[0] + (inner[1],)
    return None


_UNFOLD: Mapping[str, tuple[str, ...]] = {"aa": ("å",), "ae": ("æ",), "oe": ("ø",),
                                          "a": ("å", "æ"), "o": ("ø",)}
_UNFOLD_AT = re.compile("aa|ae|oe|a|o")
MAX_UNFOLDINGS = 256
MIN_UNFOLD = 2  # "sma" is "små" (lemma "liten"), "gar" is "går", "fa" is "få"


@lru_cache(maxsize=65_536)
def unfoldings(word: str) -> tuple[str, ...]:
    """Dictionary words that ``word`` could be when typed without æ/ø/å (*oppfolgingen* →
    *oppfølgingen*): only for an ASCII word the dictionaries do not know, at most
    ``MAX_UNFOLDINGS`` spellings tried.
    """
    if not word.isascii() or not word.isalpha() or len(word) < MIN_UNFOLD or is_known(word):
        return ()
    spots = [(m.start(), m.end(), (m.group(), *_UNFOLD[m.group()]))
             for m in _UNFOLD_AT.finditer(word)]
    found: list[str] = []
    choices = [options for _, _, options in spots]
    for n, combo in enumerate(itertools.product(*choices)):
        if n >= MAX_UNFOLDINGS:
            break
        pieces, last = [], 0
        for (start, end, _), choice in zip(spots, combo, strict=True):
            pieces += [word[last:start], choice]
            last = end
        candidate = "".join(pieces) + word[last:]
        if candidate != word and is_known(candidate):
            found.append(candidate)
    return tuple(found)
