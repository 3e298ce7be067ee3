"""The analysis's data files and small helpers: stopwords, compound rules, seed pairs, keys.

Loaded once per process (module-level caches, so an :class:`search.analysis.Analyzer` holds
no cache of its own and pickles small). See ``search/data/README.md`` for sources and licences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from pathlib import Path

from search import norwegian as no
from search.norwegian import fold
from search.term_classes import pair_lines

__all__ = ["DATA_DIR", "compound_rules", "edits", "forms", "forms_by_key", "key", "lang_code", "relink",
           "seed_pairs", "stopwords"]

DATA_DIR = Path(__file__).with_name("data")
JOINERS = re.compile(r"[-'\s]")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def lang_code(lang: str) -> str:
    """``lang`` when it is one of the analysis's languages, else bokmål."""
    return lang if lang in no.LANGS else no.LANGS[0]


def key(text: str) -> str:
    """A term from a lemma or word: folded, without spaces, hyphens or apostrophes.

    A word that folds to nothing (combining marks only) is spelt by its code points.
    """
    joined = JOINERS.sub("", text)
    return fold(joined) or "".join(f"u{ord(c):04x}" for c in joined)


def relink(lemma: str, pieces: list[str], canonical: Callable[[str], str]) -> str:
    """The compound spelt with each part's canonical term, linking letters kept."""
    out, rest = [], lemma
    for piece in pieces:
        at = rest.find(piece)
        if at < 0:
            return lemma
        out += [rest[:at], canonical(piece)]
        rest = rest[at + len(piece):]
    return "".join(out) + rest


def edits(folded: str) -> set[str]:
    """Every folded word one edit from ``folded`` (insert, delete, substitute, swap two
    neighbours), over the folded alphabet ``a``-``z``: what a fuzzy word may have meant.

    For a lexicon of folded surface forms: ``edits(word.key) & lexicon`` are the corrections,
    whose terms are then those of :meth:`search.analysis.Analyzer.word_terms` (``lang=None``).
    """
    splits = [(folded[:i], folded[i:]) for i in range(len(folded) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(folded)
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stop list, as written and folded."""
    words = _lines(DATA_DIR / "stopwords.txt")
    return frozenset(words) | frozenset(fold(w) for w in words)


@lru_cache(maxsize=1)
def compound_rules() -> tuple[frozenset[str], frozenset[str]]:
    """Words never a compound's first part, and base forms never split."""
    rows = [line.split(None, 1) for line in _lines(DATA_DIR / "compounds.txt")]
    heads = frozenset(w.strip() for kind, w in rows if kind == "head")
    keep = frozenset(w.strip() for kind, w in rows if kind == "keep")
    return heads, keep


@lru_cache(maxsize=1)
def seed_pairs() -> tuple[tuple[str, str], ...]:
    """The built-in bokmål/nynorsk pairs."""
    text = (DATA_DIR / "pairs_nb_nn.tsv").read_text(encoding="utf-8")
    return tuple(pair_lines(text.splitlines()))


def _lines(path: Path) -> list[str]:
    return [s for line in path.read_text(encoding="utf-8").splitlines()
            if (s := line.strip()) and not s.startswith("#")]


@lru_cache(maxsize=2)
def forms_by_key(lang: str) -> dict[str, list[str]]:
    """Folded lemma → the dictionary's forms of it (lower case), built once per language."""
    table: dict[str, list[str]] = {}
    for form, lemma in no.dictionary(lang).items():
        table.setdefault(key(lemma), []).append(form.lower())
    return table


def forms(term: str, members: Collection[str], word_terms: Callable[[str, None], Sequence[str]],
          lang: str | None) -> tuple[str, ...]:
    """Dictionary forms whose query terms (``word_terms(form, None)``) include ``term``.

    Looked for among the forms of ``term``, of its class's ``members`` and of the verb whose
    -ing noun it is; in ``lang``'s dictionary, or both (``None``).
    """
    keys = set(members) | {term}
    if term.endswith("ing"):
        keys |= {term[:-3] + "e", term[:-3] + "a"}
    found: set[str] = set()
    for code in (lang_code(lang),) if lang else no.LANGS:
        table = forms_by_key(code)
        for k in keys:
            found.update(form for form in table.get(k, ()) if term in word_terms(form, None))
    return tuple(sorted(found))
