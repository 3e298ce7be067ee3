"""Content statistics: pages and words per section and language, and citations per source."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from site_build.model import Page, Site

__all__ = ["ContentStats", "content_stats", "format_stats", "word_count"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)


def word_count(text: str) -> int:
    """Words in plain text (runs of letters, hyphenated compounds counted once)."""
    return len(_WORD.findall(text))


def _section(page: Page) -> str:
    return page.src_path.split("/", 1)[0] if "/" in page.src_path else "(rot)"


@dataclass(frozen=True)
class ContentStats:
    """Counts over a loaded site."""

    pages: Counter[tuple[str, str]] = field(default_factory=Counter)  # (section, lang)
    words: Counter[tuple[str, str]] = field(default_factory=Counter)
    citations: Counter[str] = field(default_factory=Counter)  # source id -> pages citing it

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
    return "\n".join(lines)
