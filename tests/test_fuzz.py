"""Fuzzing: hostile front matter, Markdown and YAML never raise and never hang.

Hypothesis builds pages, vocabularies and courses from random bytes, YAML fragments (anchors,
aliases, tags, flow collections, deep nesting, merge keys), HTML fragments and long lines. Each
example goes through both YAML loaders, or through ``load_site`` + ``run_checks`` on a copy of
the fixture site, or (a few) through the CLI. Nothing may raise, the CLI may only exit 0 or 1,
and no file may take longer than ``HANG`` seconds: a hang detector, not a speed test. The
budget is fixed (``derandomize``) so CI runs the same examples every time.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_build.checks import run_checks
from site_build.cli import main
from site_build.content.load import load_site
from site_build.io.yaml12 import YamlProblem, fast_load, load_yaml, plain
from tests.conftest import FIXTURE_SITE

HANG = 2.0  # seconds for one file; a normal one takes milliseconds
FUZZ = settings(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

YAML_BITS = [
    "title: Side", "description: Test.", "audience: [nav]", "topics: [arbeid]", "sources: []",
    "type: guidance", "reviewed: 2024-13-45", "review_by: 2024-02-30", "order: " + "9" * 5000,
    "date: 2024-01-01T10:00:00+02:00", "order: .inf", "lang: no", "a: &x [1, 2, 3]", "b: *x",
    "c: &y [*x, *x, *x, *x, *x, *x, *x, *x]", "d: [*y, *y, *y, *y, *y, *y, *y, *y]", "e: *nope",
    "<<: *x", "<<: {a: 1}", "? [a, b]\n: 1", "? {a: 1}\n: 2", "1: a", "true: b", "null: c",
    "~: d", "f: !!python/object/apply:os.system [ls]", "g: !custom x", "h: !!str 3", "i: !ENV X",
    "j: ! x", "%YAML 1.2\n---", "---", "...", "k: {a: [b, {c: d}]}", "l: |\n  text\n  more",
    "m: >-\n  folded", "n: 'quoted ''x'''", 'o: "\\u0000\\x85"', "p: \t tab", "- list item",
    "q:\n  - r\n  - s: t", "u: [", "v: {", "w: ]", "'x': 1", '"y": 2', "z: 0x1F", "aa: 0o17",
    "bb: 1_000", "cc: -.5e+3", "dd: 2024-1-2 3:04:05", "ee: @reserved", "ff: `tick",
    "\ufeffgg: bom", "hh: \u2028sep", "ii: \x85nel", "title: !!binary aGVsbG8=",
]
HTML_BITS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-->", "<!--><script>",
    "<iframe srcdoc='<script>x</script>'>", "<svg><style><img src=x onerror=1>", "<a href=",
    "<details open ontoggle=x>", "<math><mi>x</mi></math>", "&#x6a;avascript:", "</div></div>",
    "<table><tr><td>x", "<div markdown>", "<p>" * 50, "<style>@import url(http://x)</style>",
]
MD_BITS = [
    "# Overskrift", "## Del {#del .klasse}", "## Del", "### Hopp", "[lenke](ip/index.md)",
    "[lenke](finnes.md#x)", "![](bilde.png)", "![alt](http://example.com/x.png)", "```\nkode\n```",
    "!!! note \"Tittel <b>\"\n    Tekst", "??? kursleder\n    Hemmelig", "> sitat\n> > dypt",
    "- a\n  - b\n    - c", "| a | b |\n|---|---|\n| 1 | 2 |", "Term\n: Definisjon", "[^1]\n\n[^1]: x",
    "*" * 5000, "[" * 3000, "> " * 2000 + "x", "- " * 2000 + "x", "`" * 1000, "x" * 20000,
    "{#id}", "<https://example.com>", "\x00", "\r\n", "\u202e", "\ud7ff",
]

fragments = st.lists(st.sampled_from(YAML_BITS), max_size=8).map("\n".join)
nested = st.builds(lambda n, open_, close: open_ * n + close * n,
                   st.integers(0, 3000), st.sampled_from(["[", "{a: ", "- "]),
                   st.sampled_from(["]", "}", ""]))
yaml_text = st.one_of(fragments, nested.map(lambda s: "k: " + s), st.text(max_size=200),
                      st.binary(max_size=200).map(lambda b: b.decode("utf-8", "replace")),
                      st.tuples(fragments, st.text(max_size=40)).map("\n".join))
body = st.lists(st.one_of(st.sampled_from(MD_BITS), st.sampled_from(HTML_BITS),
                          st.text(max_size=80)), max_size=8).map("\n\n".join)


@settings(FUZZ, max_examples=300)
@given(yaml_text)
def test_both_loaders_only_report_and_agree(text: str) -> None:
    """Either both loaders read the same data, or both report a YamlProblem; in bounded time."""
    results = []
    for load in (fast_load, lambda t: plain(load_yaml(t).data)):
        started = time.perf_counter()
        try:
            results.append(load(text))
        except YamlProblem as problem:
            assert problem.line >= 1 and problem.message and "\n" not in problem.message
            results.append(YamlProblem)
        assert time.perf_counter() - started < HANG, text[:200]
    assert (results[0] is YamlProblem) == (results[1] is YamlProblem), text[:200]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(FIXTURE_SITE, root)
    yield root
    shutil.rmtree(root)


def page_bytes(front: str, text: str, raw: bytes) -> bytes:
    return f"---\n{front}\n---\n\n{text}\n".encode("utf-8", "surrogatepass") + raw


@settings(FUZZ, max_examples=120)
@given(front=yaml_text, text=body, raw=st.binary(max_size=40), course=yaml_text)
def test_load_and_check_never_raise(project: Path, front: str, text: str, raw: bytes,
                                    course: str) -> None:
    (project / "content/fuzz.md").write_bytes(page_bytes(front, text, raw))
    (project / "courses/fuzz.yml").write_text(course, "utf-8", "surrogatepass")
    started = time.perf_counter()
    loaded = load_site(project, jobs=1)
    diagnostics = [*loaded.diagnostics, *run_checks(loaded.site)]
    assert time.perf_counter() - started < HANG * 2, (front[:200], text[:200])
    for d in diagnostics:
        assert d.line >= 1 and d.key and d.message, d
        assert str(d).startswith(f"{d.path}:{d.line}: "), d


@settings(FUZZ, max_examples=8)
@given(front=yaml_text, text=body, config=fragments)
def test_cli_check_exits_0_or_1(project: Path, front: str, text: str, config: str) -> None:
    """Through the CLI, mkdocs.yml included: exit 0 or 1 with diagnostics, never a bug (2)."""
    mkdocs_yml = (FIXTURE_SITE / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(mkdocs_yml + config + "\n", "utf-8", "surrogatepass")
    (project / "content/fuzz.md").write_bytes(page_bytes(front, text, b""))
    try:
        result = CliRunner().invoke(main, ["check", "--project", str(project)])
    finally:
        (project / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.stderr
