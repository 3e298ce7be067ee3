"""Markdown for one planned page: front matter per the schema and a Norwegian-like body."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import random
import textwrap
from dataclasses import dataclass

from bench.plan import CorpusPlan, PagePlan, compound, rng_for
from bench.words import ADMONITION_TYPES, BANKS, EXTERNAL_LINKS, Bank

REVIEWED_TYPES = ("module", "guidance", "checklist")
TEACHING_TYPES = ("module", "lesson")


@dataclass(frozen=True)
class Vocab:
    """Ids from ``content/_data``: audiences, topics and sources."""

    audiences: tuple[str, ...]
    topics: tuple[str, ...]
    sources: tuple[str, ...]


def q(text: str) -> str:
    """Quote a string as a YAML (JSON-compatible) double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def sentence(rng: random.Random, bank: Bank) -> str:
    """Draw one sentence."""
    obj = rng.choice(bank.objects)
    style = rng.random()
    if style < 0.06:
        obj = f"**{obj}**"
    elif style < 0.09:
        obj = f"*{obj}*"
    parts = [rng.choice(bank.subjects), rng.choice(bank.verbs), obj]
    if rng.random() < 0.7:
        parts.append(rng.choice(bank.adverbials))
    if rng.random() < 0.3:
        article = "et" if bank is BANKS["nb"] else "eit"
        parts.insert(2, f"{article} {compound(rng, bank)}")
        parts.insert(3, "og")
    text = " ".join(parts)
    if rng.random() < 0.35:
        return f"{rng.choice(bank.openers)} {text}."
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, bank: Bank, low: int = 2, high: int = 4) -> str:
    """Draw a paragraph of ``low``–``high`` sentences, wrapped at 100 columns as editors do."""
    text = " ".join(sentence(rng, bank) for _ in range(rng.randint(low, high)))
    return textwrap.fill(text, 100, break_long_words=False, break_on_hyphens=False)


def description(rng: random.Random, bank: Bank) -> str:
    """Draw a description of at most 160 characters, cut at a word boundary."""
    text = sentence(rng, bank).replace("*", "")
    while len(text) > 160:
        text = text[:159].rsplit(" ", 1)[0].rstrip(",.") + "."
    for _ in range(2):
        more = f"{text} {sentence(rng, bank).replace('*', '')}"
        if len(more) <= 160:
            text = more
    return text


def _date(rng: random.Random, start: dt.date, span_days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(span_days))


def front_matter(rng: random.Random, page: PagePlan, vocab: Vocab) -> list[str]:
    """Write the front matter lines (without the ``---`` fences)."""
    bank = BANKS[page.lang]
    lines = [f"title: {q(page.title)}", f"description: {q(description(rng, bank))}"]
    if page.type != "page" or rng.random() < 0.5:
        lines.append(f"type: {page.type}")
    lines.append(f"audience: [{', '.join(rng.sample(vocab.audiences, rng.randint(1, 3)))}]")
    lines.append(f"topics: [{', '.join(rng.sample(vocab.topics, rng.randint(1, 3)))}]")
    n_sources = rng.randint(0 if page.type == "page" else 1, 3)
    lines.append(f"sources: [{', '.join(rng.sample(vocab.sources, n_sources))}]")
    if page.lang == "nn":
        lines.append("lang: nn")
    elif rng.random() < 0.1:
        lines.append("lang: nb")
    if page.type in REVIEWED_TYPES:
        reviewed = _date(rng, dt.date(2025, 1, 1), 600)
        lines.append(f"reviewed: {reviewed.isoformat()}")
        lines.append(
            f"review_by: {(reviewed + dt.timedelta(days=rng.choice((365, 730)))).isoformat()}"
        )
    if page.type in TEACHING_TYPES:
        lines.append(f"duration: {rng.choice((10, 15, 20, 30, 45, 60, 90))}")
        lines.append("objectives:")
        for _ in range(rng.randint(2, 4)):
            obj = rng.choice(bank.objective_patterns).format(o=rng.choice(bank.objects))
            lines.append(f"  - {q(obj[0].upper() + obj[1:])}")
    if rng.random() < 0.2:
        lines.append(f"order: {rng.randint(1, 20)}")
    if rng.random() < 0.03:
        lines.append("hide: [toc]")
    return lines


def _link_target(plan: CorpusPlan, src: PagePlan, rng: random.Random) -> tuple[str, str]:
    """Pick another page (mostly in the same section) and maybe one of its anchors."""
    if src.section >= 0 and rng.random() < 0.6:
        pool = plan.sections[src.section]
        target = plan.pages[rng.choice(pool)]
    else:
        target = rng.choice(plan.pages)
    href = posixpath.relpath(target.path, posixpath.dirname(src.path) or ".")
    text = target.title
    if target.headings and rng.random() < 0.45:
        heading = rng.choice(target.headings)
        href += "#" + heading.anchor
        text = heading.text.rstrip("?")
    return text, href


def _block(rng: random.Random, page: PagePlan, bank: Bank) -> list[str]:
    kind = rng.random()
    if kind < 0.30:
        items = [sentence(rng, bank).rstrip(".") for _ in range(rng.randint(3, 6))]
        if page.type == "checklist":
            return [f"- [{rng.choice(' x')}] {it}" for it in items]
        numbered = rng.random() < 0.4
        return [f"{i + 1}. {it}" if numbered else f"- {it}" for i, it in enumerate(items)]
    if kind < 0.45:
        head = "| Hvem | Hva | Når |" if page.lang == "nb" else "| Kven | Kva | Når |"
        rows = [head, "|---|---|---|"]
        for _ in range(rng.randint(3, 6)):
            who = rng.choice(bank.subjects)
            rows.append(
                f"| {who[0].upper() + who[1:]} | {rng.choice(bank.objects)} "
                f"| {rng.choice(bank.adverbials)} |"
            )
        return rows
    if kind < 0.65:
        extra = ("refleksjon", "kursleder") if page.type in TEACHING_TYPES else ()
        kinds = ADMONITION_TYPES + extra
        adm = rng.choice(kinds)
        marker = "???" if rng.random() < 0.2 else "!!!"
        title = compound(rng, bank).capitalize()
        text = paragraph(rng, bank, 1, 3)
        return [f'{marker} {adm} "{title}"', *("    " + line for line in text.split("\n"))]
    if kind < 0.70:
        return [
            "```yaml",
            "# Eksempel på oppfølgingsplan",
            f"tiltak: {compound(rng, bank)}",
            f"ansvarlig: {rng.choice(bank.subjects)}",
            f"frist: {rng.randint(2, 12)} uker",
            "```",
        ]
    if kind < 0.75:
        term = compound(rng, bank).capitalize()
        return [term, f":   {sentence(rng, bank)}"]
    return [paragraph(rng, bank)]


def body(rng: random.Random, plan: CorpusPlan, page: PagePlan) -> list[str]:
    """Write the body: paragraphs with links, headings, lists, tables and admonitions."""
    bank = BANKS[page.lang]
    out: list[str] = []
    if page.is_index:
        out += [paragraph(rng, bank), "", f"## {page.headings[0].text}", ""]
        for child in page.children[:200]:
            target = plan.pages[child]
            href = posixpath.relpath(target.path, posixpath.dirname(page.path) or ".")
            out.append(f"- [{target.title}]({href})")
        return [*out, ""]
    links = [_link_target(plan, page, rng) for _ in range(rng.randint(3, 7))]
    if rng.random() < 0.3:
        h = rng.choice(page.headings)
        links.append((h.text.rstrip("?"), "#" + h.anchor))
    footnote = rng.random() < 0.1
    more = "Les mer om" if page.lang == "nb" else "Les meir om"
    out += [paragraph(rng, bank), ""]
    for i, heading in enumerate(page.headings):
        attr = f" {{#{heading.anchor}}}" if heading.explicit_id else ""
        out += [f"{'#' * heading.level} {heading.text}{attr}", ""]
        for _ in range(rng.randint(1, 2 if heading.level == 3 else 3)):
            text = paragraph(rng, bank)
            if links and rng.random() < 0.5:
                label, href = links.pop()
                text += f"\n{more} [{label}]({href})."
            if footnote and i == 0:
                text += "[^1]"
            out += [text, ""]
        if rng.random() < 0.6:
            out += [*_block(rng, page, bank), ""]
    if links:
        out += ["## Se også" if page.lang == "nb" else "## Sjå også", ""]
        out += [f"- [{label}]({href})" for label, href in links]
        out.append("")
    if rng.random() < 0.15:
        out += [
            f"Mer informasjon finnes hos [{rng.choice(('NAV', 'Helsedirektoratet'))}]"
            f"({rng.choice(EXTERNAL_LINKS)}).",
            "",
        ]
    if footnote:
        out += ["[^1]: " + sentence(rng, bank), ""]
    return out


def render_page(plan: CorpusPlan, index: int, seed: int, vocab: Vocab) -> str:
    """Render one planned page to Markdown with front matter.

    Args:
        plan: The corpus plan.
        index: Index of the page in ``plan.pages``.
        seed: The corpus seed.
        vocab: Vocabulary ids to draw audience, topics and sources from.

    Returns:
        The file's text.
    """
    page = plan.pages[index]
    rng = rng_for(seed, "text", index)
    lines = ["---", *front_matter(rng, page, vocab), "---", "", *body(rng, plan, page)]
    return "\n".join(lines)
