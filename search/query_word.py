"""What the analysis gives for a query word (:class:`QueryWord`) and caches per word."""

from __future__ import annotations

from dataclasses import dataclass

from search.analysis_data import JOINERS
from search.norwegian import fold

__all__ = ["QueryWord", "WordInfo"]


@dataclass(frozen=True)
class QueryWord:
    """One word (or phrase) of a query: the terms any of which it matches.

    A document matches a query when it matches every QueryWord (AND); a QueryWord matches when
    the document has any of ``terms`` (OR), or, with ``parts`` or the flags, as described
    below. Use them in this order, each only when the ones before find nothing in the index:
    ``terms`` (and ``prefix``), then ``parts``, then ``fuzzy``.

    Attributes:
        word: As typed (a phrase: its words joined by one space).
        terms: Index terms that match it exactly (lemmas, pairs, synonyms, folded). Never empty.
        prefix: The reader may still be typing it (the query's last word, not followed by a
            space or punctuation, at least two letters): also match index terms that start
            with ``key``.
        fuzzy: It may be a typo: a word of five or more letters, letters only, whose surface
            form (as typed, or with æ/ø/å restored) no dictionary and no class knows, even if
            a lemma can be guessed for it (*spesialisthelsetjensten*). Correct it over the
            folded SURFACE forms of the corpus (``edits(key) & lexicon``, see
            :func:`search.analysis_data.edits`) and take the corrected words' ``word_terms``;
            also match index terms one edit from ``terms``. Rank below exact matches.
        parts: For a compound (split by the indexing rules, a little more readily), its parts'
            term sets, each with its pair/class term (*stressmestring*: ``{stress}``,
            ``{mestring}``; a part's terms include *meistring*'s). When no term of ``terms``
            is in the index, the word matches a section that has ALL parts (any term of
            each). ``()`` for a word that is no compound.
    """

    word: str
    terms: frozenset[str]
    prefix: bool = False
    fuzzy: bool = False
    parts: tuple[frozenset[str], ...] = ()

    @property
    def key(self) -> str:
        """The word as typed, folded, hyphens and spaces removed: what prefix/fuzzy compare."""
        return fold(JOINERS.sub("", self.word))


@dataclass(frozen=True)
class WordInfo:
    """A word as analysed once: its terms and the keys phrases match it by."""

    terms: tuple[str, ...]
    keys: frozenset[str]
    stop: bool
    fuzzy: bool = False
    parts: tuple[frozenset[str], ...] = ()
