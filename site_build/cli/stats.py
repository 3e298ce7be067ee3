"""Content statistics: pages and words per section and language, citations per source, and
readability per page (LIX and words per sentence)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from site_build.model import Page, Site

__all__ = ["ContentStats", "Readability", "content_stats", "format_stats", "readability",
           "word_count"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_URL = re.compile(r"(?:https?://|mailto:)\S+|\b[\w.-]+\.(?:no|com|org|net|se|dk)\b(?:/\S*)?")
# A sentence ends at . ! ? followed by a capital, a digit, a quote or the end of a line, or at a
# colon that ends a line; "f.eks. noe" and "§ 4-6 i loven" do not end one. Every non-empty line
# (a paragraph, list item, table cell or heading) ends a sentence.
_SENTENCE_END = re.compile(r"[.!?]+[»\")]*(?=\s+[«\"(]?[A-ZÆØÅ0-9])|[.!?:]+[»\")]*\s*$", re.MULTILINE)


def word_count(text: str) -> int:
    """Words in plain text (runs of letters, hyphenated compounds counted once)."""
    return len(_WORD.findall(text))


def _section(page: Page) -> str:
    return page.src_path.split("/", 1)[0] if "/" in page.src_path else "(rot)"


@dataclass(frozen=True)
class Readability:
    """How easy a text is to read.

    Attributes:
        words: Words in the text.
        sentences: Sentences in the text (at least one per non-empty line).
        lix: Läsbarhetsindex: words per sentence plus the percentage of words longer than six
            letters. Under 40 is easy, 40–50 is medium (ordinary non-fiction), over 50 is hard.
    """

    words: int
    sentences: int
    lix: float

    @property
    def words_per_sentence(self) -> float:
        """Average sentence length in words."""
        return self.words / self.sentences if self.sentences else 0.0


def readability(text: str) -> Readability:
    """LIX and sentence length of plain text (code and URLs should be removed first)."""
    words = sentences = long_words = 0
    for line in text.splitlines():
        found = _WORD.findall(line)
        if not found:
            continue
        words += len(found)
        long_words += sum(1 for w in found if len(w.replace("-", "")) > 6)
        ends = len(_SENTENCE_END.findall(line.rstrip()))
        sentences += ends if _SENTENCE_END.search(line.rstrip()) else ends + 1
    if not words:
        return Readability(0, 0, 0.0)
    return Readability(words, sentences, words / sentences + 100 * long_words / words)


def page_readability(page: Page) -> Readability:
    """The readability of a page's body text, URLs left out.

    Headings, paragraphs, list items and table cells count. Code blocks count as text too; only
    the editor's guide has them, as short lines.
    """
    return readability(_URL.sub(" ", page.text))


@dataclass(frozen=True)
class ContentStats:
    """Counts over a loaded site."""

    pages: Counter[tuple[str, str]] = field(default_factory=Counter)  # (section, lang)
    words: Counter[tuple[str, str]] = field(default_factory=Counter)
    citations: Counter[str] = field(default_factory=Counter)  # source id -> pages citing it
    readability: dict[str, Readability] = field(default_factory=dict)  # page path -> measures

    def share(self, lang: str) -> float:
        """The share of all words written in ``lang``."""
        total = sum(self.words.values())
        return sum(v for (_, lg), v in self.words.items() if lg == lang) / total if total else 0.0


def content_stats(site: Site) -> ContentStats:
    """Count pages and words (title, description and body text) and citations."""
    stats = ContentStats()
    for page in site.pages:
        key = (_section(page), page.front.lang)
        stats.pages[key] += 1
        stats.words[key] += word_count(" ".join((page.front.title, page.front.description,
                                                 page.text)))
        stats.citations.update(page.front.sources)
        stats.readability[page.path] = page_readability(page)
    for source in site.vocab.sources:
        stats.citations.setdefault(source.id, 0)
    return stats


def format_stats(stats: ContentStats) -> str:
    """A plain-text report with one table per measure."""
    lines = ["section                 lang  pages   words"]
    for (section, lang), pages in sorted(stats.pages.items()):
        lines.append(f"{section:<24}{lang:<6}{pages:>5}{stats.words[(section, lang)]:>8}")
    for lang in ("nb", "nn"):
        pages = sum(v for (_, lg), v in stats.pages.items() if lg == lang)
        words = sum(v for (_, lg), v in stats.words.items() if lg == lang)
        lines.append(f"{'total':<24}{lang:<6}{pages:>5}{words:>8}  ({stats.share(lang):.1%} of words)")
    lines += ["", "source                            pages citing it"]
    lines += [f"{sid:<34}{n:>5}" for sid, n in sorted(stats.citations.items(), key=lambda x: (-x[1], x[0]))]
    return "\n".join([*lines, "", *format_readability(stats)])


def format_readability(stats: ContentStats) -> list[str]:
    """One line per page with its LIX and words per sentence, hardest first, then averages."""
    lines = [f"{'page':<64}{'words':>7}{'w/sent':>8}{'LIX':>6}"]
    ranked = sorted(stats.readability.items(), key=lambda x: (-x[1].lix, x[0]))
    for path, r in ranked:
        lines.append(f"{path:<64}{r.words:>7}{r.words_per_sentence:>8.1f}{r.lix:>6.1f}")
    measured = [r for r in stats.readability.values() if r.words]
    if measured:
        lix = sum(r.lix for r in measured) / len(measured)
        wps = sum(r.words_per_sentence for r in measured) / len(measured)
        lines.append(f"{'average of ' + str(len(measured)) + ' pages':<64}{'':>7}{wps:>8.1f}{lix:>6.1f}")
    return lines
