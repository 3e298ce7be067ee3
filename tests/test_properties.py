"""Property tests for the front matter and course manifest parsers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from site_build.content.courses import load_courses
from site_build.content.load import load_site
from site_build.io.yaml12 import YamlProblem, fast_load, load_yaml, plain
from site_build.model import Source, VocabEntry, Vocabularies
from site_build.schema.frontmatter import FIELDS, validate_front_matter

VOCAB = Vocabularies(
    audiences=(VocabEntry("nav", "NAV"), VocabEntry("helse", "Helse")),
    topics=(VocabEntry("arbeid", "Arbeid"),),
    sources=(Source("kilde", "seed", "Kilde", 2007, issuer="Utgiver"),),
)

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
                    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)))
values = st.one_of(scalars, st.lists(scalars, max_size=3))
keys = st.one_of(st.sampled_from(sorted(FIELDS)), st.text(min_size=1, max_size=12))


def dump(data: dict[str, Any]) -> str:
    import io

    out = io.StringIO()
    YAML().dump(data, out)
    return out.getvalue()


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, values, max_size=8))
def test_front_matter_validation_never_crashes_and_always_locates(data: dict[str, Any]) -> None:
    text = dump(data)
    try:
        parsed = load_yaml(text).data
    except YamlProblem as exc:
        assert exc.line >= 1
        return
    front, problems = validate_front_matter(parsed, "content/x.md", 1, VOCAB, "nb")
    assert (front is None) == bool(problems)
    for p in problems:
        assert p.path == "content/x.md" and p.line >= 1 and p.key and p.message
        assert 1 <= p.line <= text.count("\n") + 2


@given(
    # Control and line-separator characters are YAML line breaks, not title text.
    title=st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
                  max_size=30).filter(lambda s: s.strip() == s and s.strip() != ""),
    audience=st.lists(st.sampled_from(["nav", "helse"]), min_size=1, max_size=2, unique=True),
    lang=st.sampled_from(["nb", "nn"]),
    duration=st.integers(1, 600),
)
def test_valid_front_matter_round_trips(title: str, audience: list[str], lang: str,
                                        duration: int) -> None:
    data = {"title": title, "description": "Kort.", "type": "lesson", "audience": audience,
            "topics": ["arbeid"], "sources": ["kilde"], "lang": lang, "duration": duration,
            "objectives": ["Lære"]}
    parsed = load_yaml(dump(data)).data
    front, problems = validate_front_matter(parsed, "x.md", 1, VOCAB, "nb")
    assert not problems and front is not None
    assert (front.title, front.audience, front.lang, front.duration) == (
        title, tuple(audience), lang, duration)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(manifest=st.dictionaries(
    st.sampled_from(["title", "summary", "audience", "lessons", "lang", "certificate", "extra"]),
    st.one_of(values, st.lists(st.dictionaries(st.sampled_from(["page", "title", "x"]),
                                               scalars, max_size=2), max_size=3)),
    max_size=7))
def test_course_manifests_never_crash_and_errors_are_located(
        tmp_path_factory: Any, manifest: dict[str, Any]) -> None:
    root = Path(tmp_path_factory.mktemp("c"))
    (root / "courses").mkdir()
    (root / "courses" / "k.yml").write_text(dump(manifest), encoding="utf-8")
    courses, problems = load_courses(root, VOCAB)
    assert len(courses) + (1 if problems else 0) == 1
    assert all(p.path == "courses/k.yml" and p.key and p.message for p in problems)


def test_fixture_site_loads_without_problems() -> None:
    loaded = load_site(Path(__file__).parent / "fixtures" / "site")
    assert not loaded.diagnostics
    assert len(loaded.site.pages) == 5 and len(loaded.site.courses) == 1


def same(value: Any) -> Any:
    """Comparable form: NaN equals NaN, and ruamel's float subclass equals float."""
    if isinstance(value, dict):
        return {k: same(v) for k, v in value.items()}
    if isinstance(value, list):
        return [same(v) for v in value]
    if isinstance(value, float):
        return ("float", repr(float(value)))
    return value


TRICKY = ["no", "No", "NO", "yes", "on", "off", "y", "n", "true", "False", "~", "null", "",
          "017", "0o17", "0x1F", "1_000", "+12", "-3", "1.5", ".5", "1e3", ".inf", "-.Inf",
          ".nan", "2026-01-02", "2026-1-2", "12:30", "0b101", "-0b1", "-017", "08", "0_7",
          "1__0", "_", "0x", "1.", ".5e+3", "1e3", "2026-01-02 10:11:12", "-0x1F", "nb", "nn",
          "tittel med: kolon?"]
plain_scalar = st.one_of(st.sampled_from(TRICKY),
                         st.from_regex(r"[A-Za-zÆØÅæøå0-9][A-Za-zÆØÅæøå0-9 .,-]{0,15}",
                                       fullmatch=True))


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,10}", fullmatch=True),
                       st.one_of(plain_scalar, st.lists(plain_scalar, max_size=3)),
                       max_size=6))
def test_fast_loader_agrees_with_ruamel_on_unquoted_scalars(data: dict[str, Any]) -> None:
    lines = []
    for key, value in data.items():
        if isinstance(value, list):
            lines.append(f"{key}:" + "".join(f"\n  - {v}" for v in value) if value else f"{key}: []")
        else:
            lines.append(f"{key}: {value}")
    text = "\n".join(lines) + "\n"
    try:
        slow = plain(load_yaml(text).data)
    except YamlProblem:
        slow = YamlProblem
    try:
        fast = fast_load(text)
    except YamlProblem:
        fast = YamlProblem
    assert same(fast) == same(slow), text


@given(st.dictionaries(keys, values, max_size=8))
def test_fast_loader_agrees_with_ruamel_on_dumped_front_matter(data: dict[str, Any]) -> None:
    text = dump(data)
    try:
        slow = plain(load_yaml(text).data)
    except YamlProblem:
        return
    assert same(fast_load(text)) == same(slow), text
