"""Generate deterministic Norwegian benchmark corpora as complete Brobygger project directories.

A corpus directory holds ``mkdocs.yml`` (the repository's, copied verbatim at generation time),
``content/`` with ``_data/`` (the repository's vocabularies, copied) and the generated pages,
``courses/*.yml`` track manifests, and the anchor's ``mkdocs-anchor.yml``.

Usage: ``python -m bench.corpus --pages 1000 --out bench/corpus/1000``.
"""

from __future__ import annotations

import argparse
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from bench.anchor import write_anchor_config
from bench.news_items import news_count, render_index, render_item
from bench.plan import CorpusPlan, plan_corpus, rng_for
from bench.text import Vocab, description, q, render_page
from bench.words import BANKS

REPO = Path(__file__).resolve().parent.parent
CORPUS_ROOT = REPO / "bench" / "corpus"
DEFAULT_SEED = 20071
VOCAB_FILES = ("audiences.yml", "topics.yml", "sources.yml", "glossary.yml", "categories.yml",
               "search_terms.yml")

FALLBACK_MKDOCS = """\
# The repository had no mkdocs.yml when this corpus was generated; minimal stand-in.
site_name: Brobygger
docs_dir: content
theme:
  name: material
  language: nb
  features:
    - navigation.prune
"""


@dataclass(frozen=True)
class CorpusInfo:
    """What was generated."""

    project: Path
    pages: int
    tracks: int
    markdown_bytes: int
    words: int
    mkdocs_from_repo: bool


def load_vocab(data_dir: Path) -> Vocab:
    """Read the ids of audiences, topics and sources from a ``content/_data`` directory.

    Args:
        data_dir: The vocabulary directory.

    Returns:
        The ids, in file order.
    """
    yaml = YAML(typ="safe")

    def ids(name: str) -> tuple[str, ...]:
        entries = yaml.load((data_dir / name).read_text(encoding="utf-8")) or []
        return tuple(str(e["id"]) for e in entries)

    return Vocab(ids("audiences.yml"), ids("topics.yml"), ids("sources.yml"))


def _custom_dir(mkdocs_text: str) -> str | None:
    """The theme's ``custom_dir`` of a MkDocs config (relative paths travel with the config)."""
    match = re.search(r"^\s+custom_dir:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(#.*)?$", mkdocs_text, re.M)
    if not match or Path(match.group(1)).is_absolute():
        return None
    return match.group(1)


def render_track(plan: CorpusPlan, index: int, seed: int, vocab: Vocab) -> str:
    """Render one course track manifest (``courses/<id>.yml``).

    Args:
        plan: The corpus plan.
        index: Index of the track in ``plan.tracks``.
        seed: The corpus seed.
        vocab: Vocabulary ids (the audience is drawn from them).

    Returns:
        The YAML text.
    """
    track = plan.tracks[index]
    rng = rng_for(seed, "track", index)
    bank = BANKS["nb"]
    lines = [
        f"title: {q(track.title)}",
        f"summary: {q(description(rng, bank))}",
        f"audience: [{', '.join(rng.sample(vocab.audiences, rng.randint(1, 2)))}]",
        "lang: nb",
        "objectives:",
    ]
    for _ in range(rng.randint(2, 4)):
        obj = rng.choice(bank.objective_patterns).format(o=rng.choice(bank.objects))
        lines.append(f"  - {q(obj[0].upper() + obj[1:])}")
    lines.append(f"prerequisites: [{', '.join(track.prerequisites)}]")
    lines.append(f"certificate: {'true' if rng.random() < 0.6 else 'false'}")
    lines.append("lessons:")
    for page_index in track.lessons:
        lines.append(f"  - page: {plan.pages[page_index].path}")
        if rng.random() < 0.2:
            lines.append(f"    title: {q(plan.pages[page_index].title + ' (kort)')}")
    return "\n".join(lines) + "\n"


def generate(
    project: Path, n_pages: int, seed: int = DEFAULT_SEED, repo: Path = REPO
) -> CorpusInfo:
    """Generate a corpus project directory, replacing any earlier one at that path.

    Args:
        project: Where to write the project (``mkdocs.yml``, ``content/``, ``courses/``).
        n_pages: Number of Markdown pages to write under ``content/``.
        seed: The seed; the same seed and repository inputs give byte-identical files.
        repo: The repository whose ``mkdocs.yml`` and ``content/_data`` are copied.

    Returns:
        A summary of the generated corpus.
    """
    for sub in ("content", "courses"):
        shutil.rmtree(project / sub, ignore_errors=True)
    data_dir = project / "content" / "_data"
    data_dir.mkdir(parents=True)
    (project / "courses").mkdir()
    for name in VOCAB_FILES:
        if (repo / "content" / "_data" / name).is_file():
            shutil.copyfile(repo / "content" / "_data" / name, data_dir / name)
    repo_mkdocs = repo / "mkdocs.yml"
    mkdocs_text = (
        repo_mkdocs.read_text(encoding="utf-8") if repo_mkdocs.is_file() else FALLBACK_MKDOCS
    )
    (project / "mkdocs.yml").write_text(mkdocs_text, encoding="utf-8")
    custom_dir = _custom_dir(mkdocs_text)
    if custom_dir and (repo / custom_dir).is_dir():
        shutil.rmtree(project / custom_dir, ignore_errors=True)
        shutil.copytree(repo / custom_dir, project / custom_dir)
    write_anchor_config(project)

    vocab = load_vocab(data_dir)
    n_news = news_count(n_pages)
    plan = plan_corpus(n_pages - n_news, seed)
    total_bytes = total_words = 0
    made_dirs: set[Path] = set()
    for index, page in enumerate(plan.pages):
        path = project / "content" / page.path
        if path.parent not in made_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(path.parent)
        text = render_page(plan, index, seed, vocab)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total_bytes += len(data)
        total_words += len(text.split())
    news = [("aktuelt/index.md", render_index(vocab))] if n_news else []
    news += [render_item(i, seed, vocab) for i in range(n_news - 1)]
    if news:
        (project / "content" / "aktuelt").mkdir(exist_ok=True)
    for rel, text in news:
        (project / "content" / rel).write_text(text, encoding="utf-8")
        total_bytes += len(text.encode("utf-8"))
        total_words += len(text.split())
    for index, track in enumerate(plan.tracks):
        (project / "courses" / f"{track.id}.yml").write_text(
            render_track(plan, index, seed, vocab), encoding="utf-8"
        )
    return CorpusInfo(
        project,
        len(plan.pages) + len(news),
        len(plan.tracks),
        total_bytes,
        total_words,
        repo_mkdocs.is_file(),
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: generate one corpus.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    info = generate(args.out or CORPUS_ROOT / str(args.pages), args.pages, args.seed)
    print(
        f"{info.pages} pages, {info.tracks} tracks, {info.markdown_bytes / 1e6:.1f} MB, "
        f"{info.words} words -> {info.project}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
