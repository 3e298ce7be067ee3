"""The shape of a benchmark corpus: folders, pages, headings, links and course tracks.

Planning happens before any text is written so that every link can point at a page and a heading
that exist. Everything is drawn from ``random.Random`` instances seeded with strings derived from
the corpus seed, so the same seed always gives the same plan.
"""

from __future__ import annotations

import posixpath
import random
from dataclasses import dataclass, field

from bench.slugs import file_slug, slugify
from bench.words import BANKS, Bank

PAGE_TYPES = ("page", "guidance", "module", "lesson", "checklist", "case")
TYPE_WEIGHTS = (30, 20, 15, 15, 10, 10)
NN_SHARE = 0.12


@dataclass
class Heading:
    """One ``##`` or ``###`` heading of a planned page."""

    level: int
    text: str
    anchor: str
    explicit_id: bool = False


@dataclass
class PagePlan:
    """One page to generate; ``path`` is posix and relative to ``content/``."""

    path: str
    title: str
    lang: str
    type: str
    section: int
    is_index: bool
    headings: list[Heading] = field(default_factory=list)
    children: list[int] = field(default_factory=list)


@dataclass
class TrackPlan:
    """One course track (``courses/<id>.yml``)."""

    id: str
    title: str
    lessons: list[int]
    prerequisites: list[str]


@dataclass
class CorpusPlan:
    """The whole planned corpus."""

    pages: list[PagePlan]
    tracks: list[TrackPlan]
    sections: list[list[int]]


def rng_for(seed: int, *parts: object) -> random.Random:
    """Return a ``random.Random`` seeded from the corpus seed and a label.

    Args:
        seed: The corpus seed.
        *parts: Labels that make the stream independent of others (e.g. a page index).

    Returns:
        A deterministic random generator.
    """
    return random.Random(":".join([str(seed), *map(str, parts)]))


def compound(rng: random.Random, bank: Bank) -> str:
    """Draw a Norwegian compound noun such as ``oppfølgingsplan``."""
    return rng.choice(bank.prefixes) + rng.choice(bank.heads)


def make_title(rng: random.Random, bank: Bank) -> str:
    """Draw a page title from the bank's title patterns."""
    n = compound(rng, bank)
    adj = rng.choice(bank.adjectives)
    text = rng.choice(bank.title_patterns).format(
        n=n, N=n.capitalize(), a=adj, A=adj.capitalize(), who=rng.choice(bank.who)
    )
    return text[0].upper() + text[1:]


def make_headings(rng: random.Random, bank: Bank) -> list[Heading]:
    """Draw 3–7 ``##`` headings with 0–3 ``###`` each, all with distinct anchors."""
    headings: list[Heading] = []
    seen: set[str] = set()

    def draw(level: int) -> None:
        for _ in range(20):
            pattern = rng.choice(bank.heading_patterns)
            n = compound(rng, bank) if rng.random() < 0.7 else rng.choice(bank.objects)
            adj = rng.choice(bank.adjectives)
            text = pattern.format(n=n, a=adj, A=adj.capitalize())
            if pattern.split()[0] in {"Hva", "Når", "Hvem", "Hvordan", "Kva", "Kven", "Korleis"}:
                text += "?"
            explicit = rng.random() < 0.04
            anchor = file_slug(text, 24) if explicit else slugify(text)
            if anchor and anchor not in seen and slugify(text) not in seen:
                seen.update({anchor, slugify(text)})
                headings.append(Heading(level, text, anchor, explicit))
                return

    for _ in range(rng.randint(3, 7)):
        draw(2)
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            draw(3)
    return headings


def _section_sizes(rng: random.Random, budget: int, count: int) -> list[int]:
    weights = [rng.uniform(20, 50) for _ in range(count)]
    total = sum(weights)
    sizes = [max(1, int(w * budget / total)) for w in weights]
    i = 0
    while sum(sizes) < budget:
        sizes[i % count] += 1
        i += 1
    while sum(sizes) > budget:
        j = max(range(count), key=lambda k: sizes[k])
        sizes[j] -= 1
    return sizes


def _group(rng: random.Random, items: list[int], low: int, high: int) -> list[list[int]]:
    groups: list[list[int]] = []
    i = 0
    while i < len(items):
        size = rng.randint(low, high)
        groups.append(items[i : i + size])
        i += size
    return groups


def _unique_name(base: str, taken: set[str]) -> str:
    name, k = base, 2
    while name in taken:
        name, k = f"{base}-{k}", k + 1
    taken.add(name)
    return name


def plan_corpus(n_pages: int, seed: int) -> CorpusPlan:
    """Plan a corpus of exactly ``n_pages`` Markdown pages.

    Layout: ``index.md`` at the root, areas, sub-areas and sections (each folder with an
    ``index.md``); sections hold about 20–50 pages. Some sections sit directly in an area, so
    depths vary from two to three folders.

    Args:
        n_pages: Number of ``.md`` files to plan (at least 5).
        seed: The corpus seed.

    Returns:
        The corpus plan.
    """
    if n_pages < 5:
        raise ValueError("a corpus needs at least 5 pages")
    rng = rng_for(seed, "tree")
    n_sections = max(1, round((n_pages - 1) / 37))
    subareas = _group(rng, list(range(n_sections)), 2, 6)
    areas = _group(rng, list(range(len(subareas))), 2, 5)
    # A sub-area of one section is flattened: the section hangs directly off the area.
    folders = 1 + len(areas) + sum(1 for s in subareas if len(s) > 1)
    sizes = _section_sizes(rng, n_pages - folders, n_sections)

    pages: list[PagePlan] = []
    sections: list[list[int]] = []
    nb = BANKS["nb"]

    def add_index(folder: str, title: str, section: int) -> int:
        path = posixpath.join(folder, "index.md") if folder else "index.md"
        pages.append(PagePlan(path, title, "nb", "page", section, True))
        return len(pages) - 1

    root = add_index("", "Arbeid og psykisk helse", -1)
    area_names: set[str] = set()
    for area in areas:
        title = make_title(rng, nb)
        area_dir = _unique_name(file_slug(title, 36), area_names)
        area_idx = add_index(area_dir, title, -1)
        pages[root].children.append(area_idx)
        sub_names: set[str] = set()
        for sub in (subareas[i] for i in area):
            parent_dir, parent_idx = area_dir, area_idx
            if len(sub) > 1:
                sub_title = make_title(rng, nb)
                parent_dir = posixpath.join(
                    area_dir, _unique_name(file_slug(sub_title, 36), sub_names)
                )
                parent_idx = add_index(parent_dir, sub_title, -1)
                pages[area_idx].children.append(parent_idx)
            for sec in sub:
                sec_title = make_title(rng, nb)
                sec_dir = posixpath.join(
                    parent_dir, _unique_name(file_slug(sec_title, 36), sub_names)
                )
                members = [add_index(sec_dir, sec_title, sec)]
                pages[parent_idx].children.append(members[0])
                names: set[str] = {"index"}
                for _ in range(sizes[sec] - 1):
                    prng = rng_for(seed, "page", len(pages))
                    lang = "nn" if prng.random() < NN_SHARE else "nb"
                    bank = BANKS[lang]
                    ptitle = make_title(prng, bank)
                    name = _unique_name(file_slug(ptitle), names)
                    ptype = prng.choices(PAGE_TYPES, TYPE_WEIGHTS)[0]
                    pages.append(PagePlan(f"{sec_dir}/{name}.md", ptitle, lang, ptype, sec, False))
                    pages[-1].headings = make_headings(prng, bank)
                    pages[members[0]].children.append(len(pages) - 1)
                    members.append(len(pages) - 1)
                sections.append(members)
    for page in pages:
        if page.is_index:
            page.headings = [Heading(2, "Innhold i denne delen", slugify("Innhold i denne delen"))]
    assert len(pages) == n_pages, (len(pages), n_pages)
    return CorpusPlan(pages, _plan_tracks(pages, sections, seed), sections)


def _plan_tracks(pages: list[PagePlan], sections: list[list[int]], seed: int) -> list[TrackPlan]:
    rng = rng_for(seed, "tracks")
    teachable = [
        [i for i in sec if pages[i].type in ("lesson", "module") and pages[i].lang == "nb"]
        for sec in sections
    ]
    candidates = [t for t in teachable if len(t) >= 3]
    tracks: list[TrackPlan] = []
    taken: set[str] = set()
    all_modules = [i for t in teachable for i in t if pages[i].type == "module"]
    for _ in range(max(1, len(pages) // 120)):
        if not candidates:
            break
        pool = rng.choice(candidates)
        start = rng.randrange(len(pool))
        lessons = (pool[start:] + pool[:start])[: rng.randint(3, 10)]
        extra = rng.sample(all_modules, min(len(all_modules), rng.randint(0, 2)))
        lessons += [i for i in extra if i not in lessons]
        title = make_title(rng, BANKS["nb"])
        prereq = [rng.choice(tracks).id] if tracks and rng.random() < 0.3 else []
        tracks.append(TrackPlan(_unique_name(file_slug(title, 40), taken), title, lessons, prereq))
    return tracks
