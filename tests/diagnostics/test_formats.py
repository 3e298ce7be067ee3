"""``check --format github|gitlab``: annotations a pull request shows, a Code Quality report."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from site_build.cli import main
from site_build.diagnostics import Diagnostic
from site_build.diagnostics.formats import format_github, format_gitlab

_COMMAND = re.compile(r"::(error|warning|notice) file=([^,:]*),line=(\d+),title=([^,:]*)::(.*)")


def _unescape(text: str) -> str:
    """What GitHub's runner does to a workflow command's values."""
    for code, ch in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def _parse_github(line: str) -> tuple[str, str, int, str, str]:
    match = _COMMAND.fullmatch(line)
    assert match, line
    sev, path, number, title, message = match.groups()
    return sev, _unescape(path), int(number), _unescape(title), _unescape(message)


def test_github_annotation_names_file_line_and_key() -> None:
    d = Diagnostic("content/a.md", 7, "audience[0]", "'navv' is not a known audience")
    assert format_github([d]) == ("::error file=content/a.md,line=7,title=audience[0]::"
                                  "'navv' is not a known audience")


def test_github_escapes_what_would_end_a_property_or_the_line() -> None:
    d = Diagnostic("content/a,b:c.md", 2, "k:e,y", "50% done\r\nnext: line", "warning")
    line = format_github([d])
    assert "\n" not in line and "\r" not in line
    assert line == ("::warning file=content/a%2Cb%3Ac.md,line=2,title=k%3Ae%2Cy::"
                    "50%25 done%0D%0Anext: line")


def test_github_uses_each_severity_and_sorts_by_file_and_line() -> None:
    found = [Diagnostic("b.md", 1, "k", "m", "notice"), Diagnostic("a.md", 9, "k", "m", "warning"),
             Diagnostic("a.md", 2, "k", "m")]
    assert [_parse_github(line)[:3] for line in format_github(found).split("\n")] == [
        ("error", "a.md", 2), ("warning", "a.md", 9), ("notice", "b.md", 1)]


text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)


@given(path=text, key=text, message=text,
       severity=st.sampled_from(["error", "warning", "notice"]), line=st.integers(1, 10**6))
def test_any_text_round_trips_through_a_workflow_command(path: str, key: str, message: str,
                                                         severity: str, line: int) -> None:
    d = Diagnostic(path, line, key, message, severity)  # type: ignore[arg-type]
    out = format_github([d])
    # The runner reads its output line by line at LF (CRLF); nothing else ends a command.
    assert "\r" not in out and "\n" not in out
    assert _parse_github(out) == (severity, path, line, key, message)


def test_gitlab_report_has_code_quality_fields() -> None:
    found = [Diagnostic("content/a.md", 3, "title", "missing", "error"),
             Diagnostic("content/a.md", 9, "review_by", "overdue", "notice"),
             Diagnostic("courses/x.yml", 1, "lessons", "empty", "warning")]
    report = json.loads(format_gitlab(found))
    assert [(i["location"]["path"], i["location"]["lines"]["begin"], i["severity"],
             i["check_name"]) for i in report] == [
        ("content/a.md", 3, "major", "title"), ("content/a.md", 9, "info", "review_by"),
        ("courses/x.yml", 1, "minor", "lessons")]
    assert report[0]["description"] == "title: missing"
    assert all(re.fullmatch(r"[0-9a-f]{64}", i["fingerprint"]) for i in report)


def test_gitlab_fingerprints_are_stable_unique_and_survive_moved_lines() -> None:
    one = Diagnostic("content/a.md", 3, "link", "broken")
    twin = Diagnostic("content/a.md", 8, "link", "broken")
    first = [i["fingerprint"] for i in json.loads(format_gitlab([one, twin]))]
    again = [i["fingerprint"] for i in json.loads(format_gitlab([twin, one]))]
    moved = Diagnostic("content/a.md", 5, "link", "broken")
    assert first == again and len(set(first)) == 2
    assert json.loads(format_gitlab([moved]))[0]["fingerprint"] == first[0]


@given(messages=st.lists(text, max_size=5), path=text)
def test_any_message_gives_valid_json_that_round_trips(messages: list[str], path: str) -> None:
    found = [Diagnostic(path, i + 1, "key", m) for i, m in enumerate(messages)]
    report = json.loads(format_gitlab(found))
    assert [i["description"] for i in report] == [f"key: {m}" for m in messages]
    assert len({i["fingerprint"] for i in report}) == len(found)


def _check(project: Path, fmt: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--project", str(project), "--format", fmt])
    return result.exit_code, result.stdout


def test_check_writes_annotations_and_keeps_its_exit_code(site_dir: Path) -> None:
    assert _check(site_dir, "github") == (0, "")
    assert _check(site_dir, "gitlab") == (0, "[]\n")
    course = site_dir / "courses" / "grunnkurs.yml"
    course.write_text(course.read_text().replace("[arbeidsgiver]", "[arbeidsgivr]"))
    code, out = _check(site_dir, "github")
    assert code == 1
    assert _parse_github(out.strip()) == ("error", "courses/grunnkurs.yml", 3, "audience[0]",
                                          "'arbeidsgivr' is not a known audience; "
                                          "did you mean 'arbeidsgiver'?")
    code, out = _check(site_dir, "gitlab")
    assert code == 1
    [issue] = json.loads(out)
    assert issue["location"] == {"path": "courses/grunnkurs.yml", "lines": {"begin": 3}}
