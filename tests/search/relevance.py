"""The relevance suite's queries and metrics, shared by the local and the browser test.

A query's answer is a ranked list of hits, each reduced to ``(page, anchor)``: ``page`` the
docs-relative source path (``moduler/ips.md``), ``anchor`` the section's id (``""`` for the text
before the first heading). An expected ``page`` matches a hit on any section of it; an expected
``page#anchor`` matches only that section.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).with_name("queries.yml")
KINDS = ("misspelling", "no-aeoeaa", "nynorsk", "inflected", "abbreviation", "compound",
         "question", "synonym", "plain")
WHO = ("employer", "health", "nav", "editor")
MRR_AT = 5
RECALL_AT = 10


@dataclass(frozen=True)
class Query:
    """One entry of ``queries.yml``."""

    query: str
    expect: tuple[str, ...]
    who: str
    kind: str
    note: str = ""


@dataclass(frozen=True)
class Outcome:
    """Where the first right hit of a query ranked (``None``: not in the hits)."""

    query: Query
    rank: int | None
    got: tuple[str, ...]

    @property
    def reciprocal(self) -> float:
        """1/rank if the first right hit is within ``MRR_AT``, else 0."""
        return 1.0 / self.rank if self.rank is not None and self.rank <= MRR_AT else 0.0

    @property
    def found(self) -> bool:
        """A right hit within ``RECALL_AT``."""
        return self.rank is not None and self.rank <= RECALL_AT


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The queries of the suite, in file order."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(q["query"]), tuple(q["expect"]), q["who"], q["kind"], q.get("note", ""))
            for q in raw]


def matches(expected: str, page: str, anchor: str) -> bool:
    """Whether a hit on ``page#anchor`` satisfies one ``expect`` entry."""
    want_page, sep, want_anchor = expected.partition("#")
    return want_page == page and (not sep or want_anchor == anchor)


def first_right(query: Query, hits: Sequence[tuple[str, str]]) -> int | None:
    """1-based rank of the first hit that any expected entry matches."""
    for rank, (page, anchor) in enumerate(hits, start=1):
        if any(matches(e, page, anchor) for e in query.expect):
            return rank
    return None


def evaluate(queries: Iterable[Query],
             run: Callable[[str], Sequence[tuple[str, str]]]) -> list[Outcome]:
    """Run every query through ``run`` (query -> ranked ``(page, anchor)`` hits)."""
    outcomes = []
    for q in queries:
        hits = list(run(q.query))[:RECALL_AT]
        got = tuple(f"{p}#{a}" if a else p for p, a in hits)
        outcomes.append(Outcome(q, first_right(q, hits), got))
    return outcomes


@dataclass(frozen=True)
class Scores:
    """MRR@5 and recall@10 over a group of outcomes."""

    n: int
    mrr: float
    recall: float


def scores(outcomes: Sequence[Outcome]) -> Scores:
    """The scores of ``outcomes`` (zeros for an empty group)."""
    if not outcomes:
        return Scores(0, 0.0, 0.0)
    n = len(outcomes)
    return Scores(n, sum(o.reciprocal for o in outcomes) / n, sum(o.found for o in outcomes) / n)


def table(outcomes: Sequence[Outcome], title: str) -> str:
    """A plain-text report: overall, per kind and per reader, then every imperfect query."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[f"kind {o.query.kind}"].append(o)
        groups[f"who  {o.query.who}"].append(o)
    lines = [title, f"{'group':<20} {'n':>4} {'MRR@5':>7} {'R@10':>7}"]
    for name, group in [("all", list(outcomes)), *sorted(groups.items())]:
        s = scores(group)
        lines.append(f"{name:<20} {s.n:>4} {s.mrr:>7.3f} {s.recall:>7.3f}")
    lines.append("queries not answered first:")
    lines.extend(describe(o) for o in outcomes if o.rank != 1)
    return "\n".join(lines)


def describe(o: Outcome) -> str:
    """One line for a query whose right answer was not first."""
    where = f"rank {o.rank}" if o.rank else "MISSING"
    top = ", ".join(o.got[:3]) or "no hits"
    return f"  [{o.query.kind}] {o.query.query!r}: {where}; top: {top}"


def failures(outcomes: Sequence[Outcome]) -> list[str]:
    """Lines for the queries that score nothing (no right hit in the top ``MRR_AT``)."""
    return [describe(o) for o in outcomes if o.reciprocal == 0.0]


# Justified in test_relevance.py's docstring; the browser test may pass its own MRR floor.
MIN_MRR = 0.85
MIN_RECALL = 0.95
MIN_KIND_RECALL = 0.75


def check_thresholds(outcomes: Sequence[Outcome], min_mrr: float = MIN_MRR,
                     min_recall: float = MIN_RECALL,
                     min_kind_recall: float = MIN_KIND_RECALL) -> list[str]:
    """What falls below the thresholds, with the queries that scored nothing; empty if fine."""
    overall = scores(outcomes)
    problems = []
    if overall.mrr < min_mrr:
        problems.append(f"MRR@{MRR_AT} {overall.mrr:.3f} < {min_mrr}")
    if overall.recall < min_recall:
        problems.append(f"recall@{RECALL_AT} {overall.recall:.3f} < {min_recall}")
    for kind in KINDS:
        group = [o for o in outcomes if o.query.kind == kind]
        s = scores(group)
        if group and s.recall < min_kind_recall:
            problems.append(f"recall@{RECALL_AT} of kind {kind} {s.recall:.3f} < {min_kind_recall}")
    if problems:
        problems.append(f"queries with no right hit in the top {MRR_AT}:")
        problems.extend(failures(outcomes))
    return problems
