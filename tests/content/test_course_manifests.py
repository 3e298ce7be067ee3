"""Track manifests: every error of issue 9 item 1 with its file and line, all in one run; and a
hypothesis test of the prerequisite-cycle check against a plain reachability oracle."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from hypothesis import given
from hypothesis import strategies as st

from site_build.checks.courses import check_courses
from site_build.model import Course, Lesson, Site, SiteConfig, Vocabularies

TRACK = """\
title: Kurs {name}
summary: Et kurs.
audience: [nav]
lessons:
  - page: ip/index.md
"""


def test_every_manifest_error_is_reported_with_its_line(
        site_dir: Path, cli: Callable[..., Result]) -> None:
    courses = site_dir / "courses"
    (courses / "grunnkurs.yml").write_text(
        "title: Grunnkurs\nsummary: Et kort kurs.\naudience: [nav]\ncertificate: true\n"
        "prerequisites:\n  - finnes-ikke\n  - a\n  - a\nlessons:\n"
        "  - page: ip/index.md\n  - page: ip/koordinatoren.md\n  - page: ip/index.md\n",
        encoding="utf-8")
    (courses / "tom.yml").write_text(
        "title: Tom\nsummary: Ingen leksjoner.\naudience: [nav]\nlessons: []\n", encoding="utf-8")
    (courses / "ukjent.yml").write_text(TRACK.format(name="u") + "varighet: 3\n", encoding="utf-8")
    (courses / "a.yml").write_text(TRACK.format(name="a") + "prerequisites: [b]\n",
                                   encoding="utf-8")
    (courses / "b.yml").write_text(TRACK.format(name="b") + "prerequisites: [a]\n",
                                   encoding="utf-8")
    page = site_dir / "content" / "spor.md"
    page.write_text("---\ntitle: Spor\ndescription: Et spor.\naudience: [nav]\n"
                    "topics: [arbeid]\nsources: []\ngenerated: track\ntrack: grunkurs\n---\n\nTekst.\n",
                    encoding="utf-8")
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 1
    err = result.stderr
    for expected in (
        "courses/ukjent.yml:6: varighet: unknown key",
        "courses/grunnkurs.yml:6: prerequisites[0]: 'finnes-ikke' is not a course track",
        "courses/grunnkurs.yml:8: prerequisites[2]: 'a' is already listed",
        "courses/grunnkurs.yml:11: lessons[1].page: 'ip/koordinatoren.md' is not a page in "
        "content/",
        "courses/grunnkurs.yml:12: lessons[2].page: 'ip/index.md' is already a lesson in this "
        "track",
        "courses/tom.yml:4: lessons: expected a list of at least one lesson",
        "courses/a.yml:6: prerequisites[0]: 'b' leads back to this track (a → b → a)",
        "courses/b.yml:6: prerequisites[0]: 'a' leads back to this track",
        "content/spor.md:8: track: 'grunkurs' is not a course track",
    ):
        assert expected in err, f"{expected!r} not in\n{err}"
    assert "Traceback" not in err


def test_two_pages_for_the_same_part_of_a_track(site_dir: Path, cli: Callable[..., Result]) -> None:
    for name in ("a", "b"):
        (site_dir / "content" / f"{name}.md").write_text(
            f"---\ntitle: Side {name}\ndescription: En side.\naudience: [nav]\n"
            "topics: [arbeid]\nsources: []\ngenerated: track\ntrack: grunnkurs\n---\n\nTekst.\n",
            encoding="utf-8")
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 1
    assert ("content/b.md:7: generated: the track of 'grunnkurs' is already content/a.md"
            in result.stderr)


def _has_cycle(needs: dict[str, list[str]], start: str) -> bool:
    """Can ``start`` reach itself? (breadth-first over at most every node)."""
    seen: set[str] = set()
    todo = list(needs[start])
    while todo:
        node = todo.pop()
        if node == start:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(needs[node])
    return False


NAMES = ["a", "b", "c", "d", "e", "f"]


@given(st.dictionaries(st.sampled_from(NAMES), st.lists(st.sampled_from(NAMES), max_size=4,
                                                          unique=True), min_size=1))
def test_a_track_is_reported_in_a_loop_exactly_when_it_can_reach_itself(
        graph: dict[str, list[str]]) -> None:
    needs = {k: [p for p in v if p in graph] for k, v in graph.items()}
    courses = tuple(Course(id=k, path=f"courses/{k}.yml", title=k, summary="s", audience=("nav",),
                           lessons=(Lesson("x.md", "", 1),), prerequisites=tuple(v))
                    for k, v in sorted(needs.items()))
    site = Site(SiteConfig(root="/nonexistent"), Vocabularies(), (), courses,
                failed=frozenset({"x.md"}))
    problems = check_courses(site)
    looped = {d.path.removeprefix("courses/").removesuffix(".yml")
              for d in problems if "leads back" in d.message or "require itself" in d.message}
    assert looped <= {k for k in needs if _has_cycle(needs, k)}
    # Every loop is found: each track on a cycle that closes through it is named at least once.
    in_loops = {k for k in needs if _has_cycle(needs, k)}
    assert bool(looped) == bool(in_loops)
    assert all(d.path.startswith("courses/") and d.key.startswith("prerequisites[")
               for d in problems)
