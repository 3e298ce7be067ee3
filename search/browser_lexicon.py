"""The browser search's lexicon: every folded word a reader may type, with its query analysis.

The script in the browser cannot lemmatise, split compounds or look up pairs, so the build does
it for every word the reader is likely to type: each word of the site, every inflected form of
the site's lemmas (from simplemma's nb and nn dictionaries), and the words of the pair,
synonym and abbreviation data, each through :meth:`Analyzer.query` (the same analysis as a
query typed to ``brobygger search``). Keys are folded (:func:`fold`), so *oppfolging* and
*oppfølging* are one key, analysed as the folded spelling is; a word whose own spelling
analyses differently (*være* and *vare*, *aap* and *ap*) is also a key as typed, in lower case.

An entry (what the script reads) is ``1`` (the key is its only term), ``0`` (a stopword whose
only term is the key), a list of terms, or an object: ``t`` terms, ``s`` stopword, ``f`` the
query word is fuzzy (a possible typo), ``p`` the term lists of a compound's parts, ``k`` the
keys the analysis's phrases match the word by (beyond the key itself).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

from search.analysis import Analyzer, fold
from search.records import AnalysedRecord

__all__ = ["Entry", "lexicon"]

Entry = int | list[str] | dict[str, object]
_LANGS = ("nb", "nn")
_WORD = re.compile(r"\w+(?:[-']\w+)*")
_DIGRAPHS = str.maketrans({"å": "aa", "æ": "ae", "ø": "oe"})


def lexicon(analysed: Sequence[AnalysedRecord], analyzer: Analyzer,
            terms: frozenset[str]) -> dict[str, Entry]:
    """Folded (or lower-case typed) key to its entry (see the module's docstring).

    Args:
        analysed: The site's records.
        analyzer: The analysis the records' terms came from.
        terms: The terms that have postings (others are useless to the browser).

    Returns:
        Every term as its own key (``1``, unless a word folds to it), plus every surface form
        and inflection of the site's words and every word of the analysis's word classes.
    """
    entry = _Entries(analyzer, terms)
    own = _words(analysed, analyzer)
    words = own | _inflections(own, terms)
    typed = {_digraphs(w) for w in own}  # the site's words typed with aa, ae, oe
    out: dict[str, Entry] = {}
    site: dict[str, set[str]] = {}  # folded key -> the terms of the site's words with it
    for key in {fold(w) for w in words}:
        found = entry(key)
        if found is not None:
            out[key] = found
            if key in words:
                site.setdefault(key, set()).update(_terms(key, found))
    for word in sorted(words | typed):
        key = fold(word)
        if word != key and word not in out:
            found = entry(word)
            if found is not None and word in words:
                site.setdefault(key, set()).update(_terms(word, found))
            if found != out.get(key):
                out[word] = found if found is not None else []
    _fill(out, site)
    for t in terms - out.keys():
        found = entry(t)
        out[t] = found if found is not None else 1
    return out


def _terms(key: str, entry: Entry) -> list[str]:
    """The terms an entry means (``key``: the key it is stored under)."""
    if isinstance(entry, int):
        return [key] if entry else []
    if isinstance(entry, list):
        return entry
    found = entry.get("t", [])
    return [str(t) for t in found] if isinstance(found, list) else []


def _fill(out: dict[str, Entry], site: dict[str, set[str]]) -> None:
    """A spelling whose analysis finds nothing in the index means what the site's words
    spelt like it (folded) mean: *arbeidsmiljoet* is *arbeidsmiljøet*, which no dictionary
    has, so the analysis cannot unfold it."""
    for key, hits in site.items():
        if hits and key not in out:
            out[key] = sorted(hits)
    for word, found in out.items():
        if _terms(word, found) or found == 0 or (isinstance(found, dict) and found.get("s")):
            continue
        more = site.get(fold(word))
        if more:
            out[word] = {**found, "t": sorted(more)} if isinstance(found, dict) else sorted(more)


def _digraphs(word: str) -> str:
    """``word`` as typed on a keyboard without æ, ø and å: *gaa* for *gå*."""
    return word.translate(_DIGRAPHS)


class _Entries:
    """One word's entry from :meth:`Analyzer.query` (None: nothing the browser could use)."""

    def __init__(self, analyzer: Analyzer, terms: frozenset[str]) -> None:
        self.analyzer = analyzer
        self.terms = terms
        phrases: dict[str, Sequence[Any]] = getattr(analyzer.classes, "phrases", {})
        self.phrase_keys = frozenset(k for group in phrases.values() for p in group
                                     for w in p.words for k in w)
        self.info = getattr(analyzer, "_query_info", None)

    def __call__(self, word: str) -> Entry | None:
        query = self.analyzer.query(word + " ")
        if len(query) != 1 or query[0].word != word:
            return None
        q, key = query[0], fold(word)
        hits = sorted(self.terms.intersection(q.terms))
        if self.analyzer.is_stopword(word):
            return 0 if set(hits) <= {key} else {"s": 1, "t": hits}
        extra: dict[str, object] = {}
        if q.fuzzy:
            extra["f"] = 1
        parts = [sorted(self.terms.intersection(p)) for p in getattr(q, "parts", ())]
        if parts and all(parts):
            extra["p"] = parts
        keys = self._phrase_keys(word) - {key}
        if keys:
            extra["k"] = sorted(keys)
        if extra:
            return {"t": hits, **extra}
        if not hits:
            return None
        return 1 if hits == [key] else hits

    def _phrase_keys(self, word: str) -> frozenset[str]:
        if not self.phrase_keys or self.info is None:
            return frozenset()
        keys: frozenset[str] = self.info(word.lower()).keys
        return keys & self.phrase_keys


def _words(analysed: Sequence[AnalysedRecord], analyzer: Analyzer) -> set[str]:
    """Lower-cased surface words of the site and of the analysis's own data."""
    chunks: set[str] = set()
    for a in analysed:  # split() is fast; the word pattern then runs on distinct chunks only
        r = a.record
        chunks.update(r.text.lower().split())
        chunks.update(r.section.lower().split())
        chunks.update(r.title.lower().split())
    chunks.update(w.lower() for text in _data_texts(analyzer) for w in text.split())
    return set(_WORD.findall(" ".join(chunks)))


def _data_texts(analyzer: Analyzer) -> Iterable[str]:
    """The pair, synonym and abbreviation words the analysis knows."""
    groups: Sequence[Any] = getattr(analyzer, "groups", ())
    for group in groups:
        yield from group.words
    abbreviations: dict[str, str] = getattr(analyzer, "abbreviations", {})
    for abbr, expansion in abbreviations.items():
        yield abbr
        yield expansion
    members: dict[str, frozenset[str]] = getattr(getattr(analyzer, "classes", None),
                                                 "members", {})
    for keys in members.values():
        yield from keys


def _inflections(words: set[str], terms: frozenset[str]) -> set[str]:
    """The dictionary forms (nb and nn) of the lemmas of ``words`` that are indexed terms.

    Only lemmas of the site's own words are looked for, so this is one pass over each
    dictionary's raw entries, not an analysis of all of them.
    """
    found: set[str] = set()
    for lang in _LANGS:
        table = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        raw: dict[bytes, bytes] = getattr(table, "_dict", None) or {
            k.encode(): v.encode() for k, v in table.items()}
        wanted = set()
        for word in words:
            lemma = raw.get(word.encode())
            if lemma is not None and fold(lemma.decode()) in terms:
                wanted.add(lemma)
        found.update(form.decode().lower() for form, lemma in raw.items() if lemma in wanted)
    return found
