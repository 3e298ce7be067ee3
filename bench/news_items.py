"""News items for a benchmark corpus: one page in twenty is a dated article in ``aktuelt/``.

The portal publishes news beside its pages, so the benchmark builds them too: with Brobygger
the news host (pelican) renders them, with the anchor (plain mkdocs-material) they are
ordinary pages.
"""

from __future__ import annotations

import datetime as dt

from bench.plan import rng_for
from bench.text import Vocab, description, q, sentence
from bench.words import BANKS

NEWS_SHARE = 20  # one page in this many is a news item
CATEGORIES = ("fra-arkivet", "horingssvar", "rapporter", "portalen")
TAGS = ("samarbeid", "ips", "sykefravaer", "ungdom", "kurs", "veiledning", "forskning")
FIRST_DAY = dt.date(2020, 1, 1)

INDEX = """\
---
title: Aktuelt
description: Nyheter, uttalelser og rapporter.
type: page
audience: [{audience}]
topics: [{topic}]
sources: [{source}]
---

Nyheter med den nyeste først.
"""


def news_count(n_pages: int) -> int:
    """How many of ``n_pages`` are news items (the section's index page included)."""
    return n_pages // NEWS_SHARE


def render_index(vocab: Vocab) -> str:
    """The news section's own page (``aktuelt/index.md``)."""
    return INDEX.format(audience=vocab.audiences[0], topic=vocab.topics[0],
                        source=vocab.sources[0])


def render_item(index: int, seed: int, vocab: Vocab) -> tuple[str, str]:
    """One news item: its path under ``content/`` and its text.

    Args:
        index: The item's number (dates grow with it, one a day).
        seed: The corpus seed.
        vocab: Vocabulary ids to draw audience, topics and sources from.
    """
    rng = rng_for(seed, "news", index)
    lang = "nn" if rng.random() < 0.3 else "nb"
    bank = BANKS[lang]
    day = FIRST_DAY + dt.timedelta(days=index)
    title = sentence(rng, bank).replace("*", "").rstrip(".")[:70]
    front = [
        "---", f"title: {q(title)}", f"description: {q(description(rng, bank))}",
        "type: news", f"date: {day.isoformat()}", "author: Redaksjonen",
        f"category: {rng.choice(CATEGORIES)}",
        f"tags: [{', '.join(sorted(rng.sample(TAGS, rng.randint(1, 3))))}]",
        f"audience: [{rng.choice(vocab.audiences)}]",
        f"topics: [{rng.choice(vocab.topics)}]", f"sources: [{rng.choice(vocab.sources)}]",
        f"lang: {lang}", "---", "",
    ]
    body: list[str] = []
    for section in range(rng.randint(1, 3)):
        if section:
            body += [f"## {sentence(rng, bank).replace('*', '').rstrip('.')[:50]}", ""]
        body += [" ".join(sentence(rng, bank) for _ in range(rng.randint(3, 6))), ""]
    return f"aktuelt/{day.isoformat()}-sak-{index}.md", "\n".join(front + body)
