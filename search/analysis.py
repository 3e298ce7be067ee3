"""Norwegian text analysis for search: the one place where words become index terms.

A word's terms, for bokmål (``nb``) and nynorsk (``nn``) alike:

- its lemma (simplemma), folded (:func:`fold`): *arbeidsgiverne* → ``arbeidsgiver``;
- the -ing noun of a verb (*tilrettelegge* → ``tilrettelegging``), so verb and noun meet;
- the canonical term of its class (:mod:`search.term_classes`): a bokmål/nynorsk pair
  (*teneste* → ``tjeneste``), a synonym group, a glossary abbreviation;
- at index time only, the parts of a compound (*arbeidsgiveransvar* → ``arbeidsgiver``,
  ``ansvar``), and the compound with its parts' canonical terms (*sjukefråværsoppfølging* →
  ``sykefravarsoppfolging``, as its bokmål twin);
- stopwords (``search/data/stopwords.txt``) have none: ``word_terms`` returns ``()``.

A phrase of a class (*individuell plan*, *supported employment*) adds the class's term where it
stands in a text, and a query phrase becomes one :class:`QueryWord` of that term.
Index and query terms meet by construction: the query side of a word is the union of its index
sides in both languages, plus what the reader may have meant (æ/ø/å typed as a/o, also in
short words: *sma* is *små*, lemma *liten*). A query compound also carries its parts
(:attr:`QueryWord.parts`), for texts that have the parts but not the compound.

An :class:`Analyzer` pickles (without its per-word caches); see :meth:`Analyzer.snapshot`.
"""

from __future__ import annotations

import pickle
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from search import analysis_data as ad
from search import norwegian as no
from search.analysis_data import DATA_DIR, edits, key
from search.norwegian import FOLD_CHARS, FOLD_DIGRAPHS, fold
from search.query_word import QueryWord, WordInfo
from search.term_classes import TermClasses, expansions
from site_build.model import TermGroup, Vocabularies

__all__ = ["DATA_DIR", "FOLD_CHARS", "FOLD_DIGRAPHS", "Analyzer", "QueryWord", "edits", "fold"]

_WORD = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)
MIN_FUZZY = 5  # letters; shorter words have too many neighbours one edit away
MIN_PREFIX = 2
CACHE = 500_000  # words per cache; a 10 000-page corpus has ~200 000 distinct words
_SNAPSHOT = 1  # format of Analyzer.snapshot


class Analyzer:
    """Turns text into index terms and queries into terms, the same way for both."""

    def __init__(self, groups: Sequence[TermGroup] = (),
                 abbreviations: Mapping[str, str] | None = None, *,
                 seed_pairs: bool = True) -> None:
        """An analyzer with the built-in data plus these groups and abbreviations.

        Args:
            groups: Pairs and synonym groups (``content/_data/search_terms.yml``).
            abbreviations: Abbreviation → expansion (the glossary's ``abbr: true`` terms).
            seed_pairs: Also use the built-in pairs (``search/data/pairs_nb_nn.tsv``).
        """
        self.groups = tuple(groups)
        self.abbreviations = dict(abbreviations or {})
        self.stopwords = ad.stopwords()
        heads, self._keep = ad.compound_rules()
        self._heads = heads | self.stopwords
        self._known: dict[str, WordInfo] = {}  # query words analysed by a snapshot
        self.__setstate__({})
        self.classes = self._classes(seed_pairs)
        self._lemmas = self.classes.words

    @classmethod
    def from_vocab(cls, vocab: Vocabularies) -> Analyzer:
        """An analyzer with the project's search terms and the glossary's abbreviations."""
        return cls(vocab.search_terms, {t.term: t.expansion for t in vocab.glossary if t.abbr})

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the per-word caches (they refill on use)."""
        return {k: v for k, v in self.__dict__.items() if not k.endswith("_info")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._index_info = lru_cache(maxsize=CACHE)(self._analyse_index)
        self._query_info = lru_cache(maxsize=CACHE)(self._known_or_analysed)

    def forget_index_words(self) -> None:
        """Empty the cache of analysed text words (after indexing; it refills on use)."""
        self._index_info.cache_clear()

    def snapshot(self, words: Iterable[str] = ()) -> bytes:
        """This analyzer, saved with the query side of ``words`` computed (for the index).

        Loading it (:meth:`from_snapshot`) skips building the word classes, and a query of
        ``words`` (the corpus's surface words, their folded keys) then needs no dictionary; any
        other word loads simplemma's dictionaries once (~1.5 s). Pickle: trusted files only.
        """
        infos = {low: self._query_info(low) for low in {w.lower() for w in words} if low}
        return zlib.compress(pickle.dumps((_SNAPSHOT, self, infos), pickle.HIGHEST_PROTOCOL), 1)

    @classmethod
    def from_snapshot(cls, data: bytes) -> Analyzer:
        """The analyzer saved by :meth:`snapshot`.

        Raises:
            ValueError: ``data`` is no snapshot of this version.
        """
        try:
            version, analyzer, infos = pickle.loads(zlib.decompress(data))
        except Exception as err:  # a damaged or foreign file: the caller rebuilds
            raise ValueError(f"not an analyzer snapshot: {err}") from err
        if version != _SNAPSHOT or not isinstance(analyzer, cls):
            raise ValueError("not an analyzer snapshot of this version")
        analyzer._known = infos
        return analyzer

    def tokenize(self, text: str) -> list[tuple[int, int, str]]:
        """Words with their ``(start, end)`` offsets in ``text`` (for highlighting)."""
        return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]

    def word_terms(self, word: str, lang: str | None) -> tuple[str, ...]:
        """The terms of one word: in a ``lang`` text (index), or typed in a query (``None``).

        The query side is complete: it is what the browser's table gives for ``fold(word)``.
        Both are ``()`` for a stopword.
        """
        low = word.lower()
        code = None if lang is None else ad.lang_code(lang)
        info = self._query_info(low) if code is None else self._index_info(low, code)
        return info.terms

    def index_terms(self, text: str, lang: str) -> list[str]:
        """Every term of ``text`` in order (repeats kept: term frequency matters)."""
        code = ad.lang_code(lang)
        infos = [self._index_info(w.lower(), code) for w in _WORD.findall(text)]
        terms: list[str] = []
        phrases = self.classes.phrases
        keys = [i.keys for i in infos] if phrases else []
        for n, info in enumerate(infos):
            terms.extend(info.terms)
            if phrases and not info.keys.isdisjoint(phrases):
                phrase = self.classes.match(keys, n)
                if phrase is not None:
                    terms.append(phrase.term)
        return terms

    def query(self, text: str) -> list[QueryWord]:
        """The words of a query, phrases of a class as one word, stopwords left out.

        A query of stopwords only keeps them (with their own terms), so no query is empty
        unless it has no word at all. See :class:`QueryWord` for the flags.
        """
        tokens = [w for _, _, w in self.tokenize(text)]
        infos = [self._query_info(w.lower()) for w in tokens]
        keys = [i.keys for i in infos]
        out: list[tuple[QueryWord, bool]] = []
        n = 0
        while n < len(tokens):
            phrase = self.classes.match(keys, n) if self.classes.phrases else None
            if phrase is not None:
                size = len(phrase.words)
                out.append((QueryWord(" ".join(tokens[n:n + size]), frozenset({phrase.term})),
                            False))
                n += size
                continue
            info = infos[n]
            terms = frozenset(info.terms or sorted(info.keys))
            out.append((QueryWord(tokens[n], terms, fuzzy=info.fuzzy, parts=info.parts),
                        info.stop))
            n += 1
        kept = [w for w, stop in out if not stop] or [w for w, _ in out]
        typing = bool(tokens) and _WORD.search(text[-1:] or " ") is not None
        if kept and typing and kept[-1] is out[-1][0] and " " not in kept[-1].word \
                and len(kept[-1].key) >= MIN_PREFIX:
            last = kept[-1]
            kept[-1] = QueryWord(last.word, last.terms, True, last.fuzzy, last.parts)
        return kept

    def is_stopword(self, word: str) -> bool:
        """Whether ``word`` is a stopword (a class's own word never is: *IA*, *ho*...)."""
        low = word.lower()
        return low in self.stopwords and fold(low) not in self.classes.protected

    def forms(self, term: str, lang: str | None = None) -> tuple[str, ...]:
        """Every dictionary form whose query terms include ``term``, lower case, sorted.

        ``term`` is an index term (folded); the forms are those of its lemmas, of the other
        words of its class, and of the verb whose -ing noun it is. For the browser's table of
        typed forms. ``lang``: forms of that language's dictionary only (``None``: both).
        """
        return ad.forms(term, self.classes.members.get(term, frozenset()), self.word_terms,
                        lang)

    # -- analysis of one word (cached) --------------------------------------------------

    def _known_or_analysed(self, low: str) -> WordInfo:
        return self._known.get(low) or self._analyse_query(low)

    def _base(self, low: str, lang: str) -> frozenset[str]:
        """The folded lemma and derived noun of a word in a ``lang`` text; no classes."""
        lemma = no.lemma(low, lang)
        keys = {key(lemma) or key(low), key(no.derived(lemma))}
        joined = key(low)
        if joined in self.classes.canon:
            keys.add(joined)
        keys.discard("")
        return frozenset(keys)

    def _with_classes(self, keys: frozenset[str]) -> set[str]:
        canon = self.classes.canon
        return set(keys) | {canon[k] for k in keys if k in canon}

    def _split(self, low: str, lang: str, loose: bool = False) -> tuple[str, list[str]] | None:
        """The lemma of a compound and its parts (base forms), or None."""
        lemma = no.lemma(low, lang)
        if lemma in self._keep:
            return None
        split = no.split_compound(lemma, self._heads, self._lemmas, loose=loose)
        return None if split is None else (lemma, [*split[0], split[1]])

    def _compound(self, low: str, lang: str, parts: bool) -> set[str]:
        """A compound's canonical spelling and, with ``parts``, its parts' terms."""
        split = self._split(low, lang)
        if split is None:
            return set()
        lemma, pieces = split
        out = {fold(ad.relink(lemma, pieces, self._canonical))}
        if parts:
            for piece in pieces:
                out |= self._with_classes(frozenset({fold(piece), fold(no.derived(piece))}))
        return out

    def _query_parts(self, words: Sequence[str]) -> tuple[frozenset[str], ...]:
        """The parts of the first of ``words`` that is a compound (nb, then nn), each with the
        query terms of that part as a word of its own. A word no dictionary knows is split
        more readily (*planmøte*; but *tjeneste* is no tjene|ste)."""
        for word in words:
            for code in no.LANGS:
                split = self._split(word, code, loose=not no.is_known(word))
                if split is not None:  # a part longer than the word (a guessed lemma): as is
                    return tuple(self._part_terms(p) if len(p) < len(word) else
                                 frozenset({key(p)}) for p in split[1])
        return ()

    def _part_terms(self, piece: str) -> frozenset[str]:
        info = self._query_info(piece)
        return frozenset(info.terms or info.keys)

    def _canonical(self, piece: str) -> str:
        k = fold(piece)
        return self.classes.canon.get(k, k)

    def _analyse_index(self, low: str, lang: str) -> WordInfo:
        if self.is_stopword(low):
            return WordInfo((), frozenset({key(low)}), True)
        keys = self._base(low, lang)
        terms = self._with_classes(keys) | self._compound(low, lang, parts=True)
        pieces = [p for p in re.split(r"[-']", low) if p]
        if len(pieces) > 1:
            for piece in pieces:
                terms.update(self._index_info(piece, lang).terms)
        return WordInfo(tuple(sorted(terms)), keys | {key(low)}, False)

    def _analyse_query(self, low: str) -> WordInfo:
        words = (low, *no.unfoldings(low))
        keys: set[str] = {key(low)}
        for word in words:
            for code in no.LANGS:
                keys |= self._base(word, code)
        frozen = frozenset(keys)
        if self.is_stopword(low):
            return WordInfo((), frozen, True)
        terms = self._with_classes(frozen)
        for word in words:
            for code in no.LANGS:
                terms |= self._compound(word, code, parts=False)
        fuzzy = (len(fold(low)) >= MIN_FUZZY and low.isalpha() and len(words) == 1
                 and not no.is_known(low) and fold(low) not in self.classes.canon
                 and not any(self._split(low, code) for code in no.LANGS))
        return WordInfo(tuple(sorted(terms)), frozen, False, fuzzy, self._query_parts(words))

    def _classes(self, seed: bool) -> TermClasses:
        classes = self.classes = TermClasses(key, self._phrase_keys)  # empty while it grows
        for abbr, expansion in self.abbreviations.items():
            classes.add([abbr, *expansions(expansion)], protect=True)
        for group in self.groups:
            classes.add(group.words, protect=True)
        if seed:
            for nb, nn in ad.seed_pairs():
                classes.add([nb, nn])
        return classes.finish()

    def _phrase_keys(self, low: str) -> frozenset[str]:
        keys = {key(low)}
        for code in no.LANGS:
            keys |= self._base(low, code)
        return frozenset(keys)

