"""``brobygger new``: each kind writes a file ``brobygger check`` accepts, and nothing else."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from site_build.cli import main
from site_build.io.frontmatter import split_front_matter
from site_build.io.yaml12 import fast_load
from site_build.scaffold.kinds import KINDS, required_keys, unprovided_keys
from site_build.scaffold.yaml_out import scalar
from tests.news.conftest import make_news_site

COURSE = "grunnkurs"
LESSON = """---
title: "1. Innledning"
description: Den første leksjonen.
type: lesson
order: 1
duration: 15
objectives: [Kjenne planen]
audience: [arbeidsgiver]
topics: [arbeid]
sources: [strategiplan-2007]
{lang}---

Tekst.
"""
INDEX = "---\ntitle: Grunnkurs\ndescription: Kurset.\naudience: [nav]\ntopics: [arbeid]\n" \
        "sources: []\n{lang}---\n\nTekst.\n"
COMMON = ["--title", "Ny fil: en test", "--description", "En kort beskrivelse.",
          "--audience", "nav", "--topic", "arbeid", "--source", "strategiplan-2007"]
OPTIONS = {
    "page": ("content/ip/ny-side.md", []),
    "case": ("content/ip/case-1.md", []),
    "guidance": ("content/ip/veiledning.md", []),
    "checklist": ("content/ip/sjekkliste.md", []),
    "lesson": (f"content/kurs/{COURSE}/02-neste.md", ["--objective", "Etter denne leksjonen kan "
                                                      "du noe nytt, og mer."]),
    "article": ("content/aktuelt/2026-01-20-nytt.md", ["--category", "nytt", "--tag", "kurs"]),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The news fixture site (categories, news folder, site_url) with two course folders."""
    root = make_news_site(tmp_path / "project")
    for course, lang in ((COURSE, ""), ("kurs-nn", "lang: nn\n")):
        folder = root / "content" / "kurs" / course
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(INDEX.format(lang=lang), encoding="utf-8")
        (folder / "01-innledning.md").write_text(LESSON.format(lang=lang), encoding="utf-8")
    return root


def new(project: Path, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["new", *args, "--project", str(project)], input=input)


def check(project: Path) -> Result:
    return CliRunner().invoke(main, ["check", "--project", str(project)])


def front(path: Path) -> dict[str, object]:
    split = split_front_matter(path.read_text(encoding="utf-8"))
    assert split is not None
    data = fast_load(split[0])
    assert isinstance(data, dict)
    return data


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_writes_a_file_that_passes_check(project: Path, kind: str) -> None:
    path, extra = OPTIONS[kind]
    result = new(project, kind, path, *COMMON, *extra, "--no-input")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {path}\n"
    fm = front(project / path)
    assert set(required_keys(KINDS[kind])) <= set(fm)
    assert fm.get("type", "page") == KINDS[kind].page_type
    assert fm["title"] == "Ny fil: en test"
    if "reviewed" in fm:  # guidance and checklists: checked today, due again in a year
        assert (fm["reviewed"], fm["review_by"]) == (dt.date.today(),
                                                     dt.date.today() + dt.timedelta(days=365))
    checked = check(project)
    assert checked.exit_code == 0, checked.stderr


def test_each_kind_has_its_own_skeleton(project: Path) -> None:
    for kind, (path, extra) in OPTIONS.items():
        assert new(project, kind, path, *COMMON, *extra, "--no-input").exit_code == 0
    text = {k: (project / p).read_text(encoding="utf-8") for k, (p, _) in OPTIONS.items()}
    assert "## Sjekk deg selv" in text["lesson"] and "??? quiz" in text["lesson"]
    assert "## Spørsmål til drøfting" in text["case"] and "## Situasjonen" in text["case"]
    assert "status: draft" in text["article"] and "ingressen" in text["article"]
    assert "- [ ] " in text["checklist"] and "## Slik gjør du det" in text["guidance"]
    assert "\n# " not in "".join(text.values())  # the title is the only H1


def test_a_lesson_follows_its_folder_in_place_and_written_form(project: Path) -> None:
    result = new(project, "lesson", "02-videre.md", "--course", "kurs-nn", *COMMON,
                 "--objective", "Kunne meir.", "--no-input")
    assert result.exit_code == 0, result.output
    written = project / "content/kurs/kurs-nn/02-videre.md"
    fm = front(written)
    assert (fm["lang"], fm["order"], fm["duration"]) == ("nn", 2, 20)
    assert "## Sjekk deg sjølv" in written.read_text(encoding="utf-8")
    assert "next: add '- page: kurs/kurs-nn/02-videre.md'" in result.stderr


def test_asks_for_what_no_option_gives(project: Path) -> None:
    answers = "\n".join(["Tittel", "x" * 161, "Om kurset.", "arbeidsgivr", "arbeidsgiver",
                         "arbeid, individuell-plan", "strategiplan-2007", "", "Lære noe.", "", ""])
    result = new(project, "lesson", "03-tredje.md", input=f"{COURSE}\n{answers}")
    assert result.exit_code == 0, result.output
    assert "161 characters; keep it to 160" in result.stderr  # asked again: too long
    assert "did you mean 'arbeidsgiver'?" in result.stderr  # asked again after a typo
    fm = front(project / f"content/kurs/{COURSE}/03-tredje.md")
    assert fm["audience"] == ["arbeidsgiver"] and fm["topics"] == ["arbeid", "individuell-plan"]
    assert (fm["duration"], fm["objectives"], fm["order"]) == (20, ["Lære noe."], 2)
    assert check(project).exit_code == 0


def test_an_article_gets_todays_date_in_its_name_and_front_matter(project: Path) -> None:
    result = new(project, "article", "kurs-for-ledere", *COMMON, "--category", "nytt",
                 "--no-input")
    today = dt.date.today()
    path = f"content/aktuelt/{today.isoformat()}-kurs-for-ledere.md"
    assert result.stdout == f"wrote {path}\n", result.output
    fm = front(project / path)
    assert (fm["date"], fm["author"], fm["status"]) == (today, "Redaksjonen", "draft")


def test_never_overwrites(project: Path) -> None:
    before = snapshot(project)
    result = new(project, "page", "content/ip/koordinator.md", *COMMON, "--no-input")
    assert result.exit_code == 1
    assert "content/ip/koordinator.md:1: new: already exists" in result.stderr
    assert "nothing was written" in result.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize(("kind", "path", "why"), [
    ("page", "../utenfor.md", "new files go in the docs folder 'content/'"),
    ("page", "mkdocs.md", "new files go in the docs folder 'content/'"),
    ("page", "/tmp/brobygger-new-test.md", "is outside the project"),
    ("page", "content/_data/x.md", "starting with '.' or '_' are not published"),
    ("page", "content/ip/notat.txt", "a page ends in '.md'"),
    ("page", "content/ip/Ny Side.md", "e.g. 'ny-side.md'"),
    ("case", "content/aktuelt/case.md", "holds news articles only"),
    ("article", "content/ip/nytt.md", "news articles go directly in 'content/aktuelt/'"),
    ("lesson", "content/ip/leksjon.md", "lessons go in a course folder"),
    ("lesson", "content/kurs/grunkurs/01-x.md", "did you mean 'grunnkurs'?"),
    ("lesson", f"content/kurs/{COURSE}/index.md", "index.md opens its folder"),
])
def test_refuses_places_outside_its_folder(project: Path, kind: str, path: str, why: str) -> None:
    before = snapshot(project)
    result = new(project, kind, path, *COMMON, "--objective", "x", "--category", "nytt",
                 "--no-input")
    assert result.exit_code == 1
    assert why in result.stderr
    assert snapshot(project) == before


def test_refuses_unknown_ids_given_as_options(project: Path) -> None:
    before = snapshot(project)
    result = new(project, "case", "content/ip/case-2.md", "--title", "T", "--description", "D.",
                 "--audience", "navv", "--topic", "arbeid", "--source", "strategiplan-2007",
                 "--no-input")
    assert result.exit_code == 1
    assert "audience[0]: 'navv' is not a known audience; did you mean 'nav'?" in result.stderr
    assert snapshot(project) == before


def test_no_input_names_the_options_it_needs(project: Path) -> None:
    result = new(project, "case", "content/ip/case-3.md", "--title", "T", "--no-input")
    assert result.exit_code == 2
    assert "give --description, --audience, --topic, --source" in result.stderr


def test_every_required_key_of_every_kind_can_be_filled_in() -> None:
    # A key the schema starts to require must get an answer or a derived value in `new`.
    assert {kind: unprovided_keys(k) for kind, k in KINDS.items()} == dict.fromkeys(KINDS, ())


@given(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=80))
def test_any_title_reads_back_unchanged(title: str) -> None:
    assert fast_load(f"title: {scalar(title)}\n") == {"title": title}
