"""Bad input: each case gets a diagnostic with file and line, exit code 1, and an untouched site/.

Every case breaks a copy of the fixture site after a good build, runs ``brobygger build`` and
``brobygger check`` through the CLI, and compares the published site byte for byte.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import FIXTURE_SITE, page


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    content: bytes
    expected: str  # "path:line: key: message" prefix, or a fragment of it

    def write(self, root: Path) -> None:
        target = root / self.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.content)


def fm(extra: str, body: str = "Tekst.") -> bytes:
    """A page whose front matter has ``extra`` lines appended (from line 7 on)."""
    return (f"---\ntitle: Side\ndescription: Test.\naudience: [nav]\ntopics: [arbeid]\n"
            f"sources: []\n{extra}---\n\n{body}\n").encode()


CASES = [
    Case("malformed YAML", "content/feil.md",
         b"---\ntitle: Side\ndescription: [uavsluttet\naudience: [nav]\n---\n\nTekst.\n",
         "content/feil.md:4: front matter: malformed YAML"),
    Case("unknown key", "content/feil.md", fm("audiance: [nav]\n"),
         "content/feil.md:7: audiance: unknown key 'audiance'"),
    Case("misspelt audience", "content/feil.md",
         fm("").replace(b"audience: [nav]", b"audience: [nav, arbeidsgivere]"),
         "content/feil.md:4: audience[1]: 'arbeidsgivere' is not a known audience; "
         "did you mean 'arbeidsgiver'?"),
    Case("string where a list is expected", "content/feil.md",
         fm("").replace(b"topics: [arbeid]", b"topics: arbeid"),
         "content/feil.md:5: topics: expected a list, got text"),
    Case("lang: no unquoted", "content/feil.md", fm("lang: no\n"),
         "content/feil.md:7: lang: 'no' is not a language code here; write 'nb' for bokmål "
         "or 'nn' for nynorsk"),
    Case("missing title", "content/feil.md", fm("").replace(b"title: Side\n", b""),
         "content/feil.md:1: title: missing required key 'title'"),
    Case("not UTF-8", "content/feil.md",
         page("Side", "Linje to.\nBlå").encode("utf-8").replace("Blå".encode(), "Blå".encode("latin-1")),
         "content/feil.md:10: encoding: the file is not UTF-8"),
    Case("empty file", "content/feil.md", b"",
         "content/feil.md:1: file: the file is empty"),
    Case("link to a missing page", "content/feil.md", fm("", "Se [her](ip/finnes-ikke.md)."),
         "content/feil.md:9: link: 'ip/finnes-ikke.md' points to a page that does not exist"),
    Case("link to a missing anchor", "content/feil.md",
         fm("", "Se [her](ip/koordinator.md#finnes-ikke)."),
         "content/feil.md:9: link: no heading with the anchor '#finnes-ikke' on "
         "'ip/koordinator.md'"),
    Case("two headings make one anchor", "content/feil.md",
         fm("", "## Plan\n\nTekst.\n\n## Plan!\n"),
         "content/feil.md:13: heading: 'Plan!' makes the anchor '#plan'"),
    Case("script tag", "content/feil.md", fm("", "Tekst.\n\n<script>alert(1)</script>"),
         "content/feil.md:11: html: <script> is not allowed in content"),
    Case("onclick attribute", "content/feil.md",
         fm("", '<p>Hei</p>\n\n<a href="#" onclick="x()">klikk</a>'),
         "content/feil.md:11: html: event handler attribute 'onclick=' is not allowed"),
    Case("javascript: link", "content/feil.md", fm("", "Se [her](javascript:alert(1))."),
         "content/feil.md:9: html: 'javascript:' link is not allowed"),
    Case("javascript: href in raw HTML", "content/feil.md",
         fm("", '<a href="javascript:alert(1)">her</a>'),
         "content/feil.md:9: html: 'javascript:' URL in href= is not allowed"),
    Case("unknown plugin option in mkdocs.yml", "mkdocs.yml",
         (Path(__file__).parent / "fixtures/site/mkdocs.yml").read_bytes().replace(
             b"  - brobygger/content\n", b"  - brobygger/content:\n      fargen: gul\n"),
         "mkdocs.yml:14: plugins: Config value 'plugins': Plugin 'brobygger/content' "
         "option 'fargen': Unrecognised configuration name: fargen"),
]


MKDOCS_YML = (Path(__file__).parent / "fixtures/site/mkdocs.yml").read_bytes()  # 13 lines
# "Billion laughs": nine aliases of nine aliases of ..., 9**9 values once expanded.
BOMB = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
    b"%c: &%c [%s]\n" % (98 + i, 98 + i, b", ".join([b"*%c" % (97 + i)] * 9)) for i in range(8))

# YAML that crashed, hung or was silently accepted (issue 8); each is a diagnostic with its line.
YAML_CASES = [
    Case("impossible date", "content/feil.md", fm("reviewed: 2024-13-45\n"),
         "content/feil.md:7: front matter: '2024-13-45' is not a date on the calendar"),
    Case("5 000-digit number", "content/feil.md", fm("order: " + "9" * 5000 + "\n"),
         "content/feil.md:7: front matter: a number of 5000 digits is too long to read"),
    Case("nesting 10 000 deep", "content/feil.md", fm("order: " + "[" * 10000 + "]" * 10000 + "\n"),
         "content/feil.md:7: front matter: malformed YAML: exceeded maximum nesting depth"),
    Case("nesting 40 deep", "content/feil.md", fm("order: " + "[" * 40 + "]" * 40 + "\n"),
         "content/feil.md:7: front matter: nested more than 32 levels deep"),
    Case("list as a key", "content/feil.md", fm("? [a, b]\n: 1\n"),
         "content/feil.md:7: front matter: a list or mapping cannot be a key"),
    Case("mapping as a key", "content/feil.md", fm("{a: 1}: 1\n"),
         "content/feil.md:7: front matter: a list or mapping cannot be a key"),
    Case("alias bomb in front matter", "content/feil.md", fm(BOMB.decode()),
         "content/feil.md:11: front matter: aliases ('*d') expand to more than 10000 values"),
    Case("python tag", "content/feil.md", fm("order: !!python/object/apply:os.system [ls]\n"),
         "content/feil.md:7: front matter: the tag '!!python/object/apply:os.system' is not "
         "allowed"),
    Case("custom tag", "content/feil.md", fm("title2: !custom 3\n"),
         "content/feil.md:7: front matter: the tag '!custom' is not allowed"),
    Case("harmless-looking tag", "content/feil.md", fm("order: !!int 3\n"),
         "content/feil.md:7: front matter: the tag '!!int' is not allowed"),
    Case("merge key", "content/feil.md", fm("base: &b {order: 1}\n<<: *b\n"),
         "content/feil.md:8: front matter: merge keys ('<<') are not supported"),
    Case("number and boolean keys", "content/feil.md", fm("1: a\ntrue: b\n"),
         "content/feil.md:7: front matter: the key '1' must be text"),
    Case("NUL in front matter", "content/feil.md", fm("order: 1\x00\n"),
         "content/feil.md:7: "),
    Case("NUL in a vocabulary", "content/_data/glossary.yml", b"[]\n# \x00\n",
         "content/_data/glossary.yml:2: vocabulary: the character U+0000 is not allowed in YAML"),
    Case("date with time and zone", "content/feil.md",
         fm("reviewed: 2024-01-01T10:00:00+02:00\n"),
         "content/feil.md:7: reviewed: expected a date (YYYY-MM-DD), got a date and time"),
    Case(".inf as a number", "content/feil.md", fm("order: .inf\n"),
         "content/feil.md:7: order: expected a whole number, got a number"),
    Case("alias bomb in a vocabulary", "content/_data/glossary.yml", BOMB,
         "content/_data/glossary.yml:5: vocabulary: aliases ('*d') expand to more than 10000"),
    Case("invalid UTF-8 in a vocabulary", "content/_data/glossary.yml", b"- term: bl\xe5\n",
         "content/_data/glossary.yml:1: vocabulary: the file is not UTF-8 (byte 0xe5)"),
    Case("two documents in a vocabulary", "content/_data/glossary.yml", b"[]\n---\n[]\n",
         "content/_data/glossary.yml:2: vocabulary: malformed YAML: but found another document"),
    Case("impossible date in a course", "courses/grunnkurs.yml", b"title: 2024-02-30\n",
         "courses/grunnkurs.yml:1: course: '2024-02-30' is not a date on the calendar"),
    Case("deep nesting in a course", "courses/grunnkurs.yml", b"title: " + b"[" * 5000,
         "courses/grunnkurs.yml:1: course: malformed YAML: exceeded maximum nesting depth"),
    Case("list as a key in a course", "courses/grunnkurs.yml", b"title: x\n? [a]\n: 1\n",
         "courses/grunnkurs.yml:2: course: a list or mapping cannot be a key"),
    Case("unknown prerequisite", "courses/grunnkurs.yml",
         (FIXTURE_SITE / "courses/grunnkurs.yml").read_bytes() + b"prerequisites:\n  - finnes\n",
         "courses/grunnkurs.yml:11: prerequisites[0]: 'finnes' is not a course track"),
    Case("alias bomb in mkdocs.yml", "mkdocs.yml", MKDOCS_YML + b"extra_bomb:\n" + b"".join(
        b"  " + line + b"\n" for line in BOMB.splitlines()),
         "mkdocs.yml:19: config: aliases ('*d') expand to more than 10000 values"),
    Case("impossible date in mkdocs.yml", "mkdocs.yml", MKDOCS_YML + b"copyright: 2024-13-45\n",
         "mkdocs.yml:14: config: '2024-13-45' is not a date on the calendar"),
    Case("deep nesting in mkdocs.yml", "mkdocs.yml", MKDOCS_YML + b"extra: " + b"[" * 10000,
         "mkdocs.yml:14: config: malformed YAML: exceeded maximum nesting depth"),
    Case("!ENV in mkdocs.yml", "mkdocs.yml", MKDOCS_YML + b"site_author: !ENV HOME\n",
         "mkdocs.yml:14: config: the tag '!ENV' is not allowed"),
    Case("INHERIT in mkdocs.yml", "mkdocs.yml", MKDOCS_YML + b"INHERIT: ../other.yml\n",
         "mkdocs.yml:14: INHERIT: is not supported"),
    Case("wrong type in mkdocs.yml", "mkdocs.yml", MKDOCS_YML + b"site_url: [1]\n",
         "mkdocs.yml:14: site_url: Config value 'site_url': Expected a string"),
    Case("required setting missing from mkdocs.yml", "mkdocs.yml",
         MKDOCS_YML.replace(b"site_name:", b"site_nam:"),
         "mkdocs.yml:1: site_name: Config value 'site_name': Required configuration not provided"),
]
CASES += YAML_CASES


def tree_digest(root: Path) -> str:
    """One hash over every file name and byte under root."""
    h = hashlib.sha256()
    for f in sorted(root.rglob("*")):
        if f.is_file():
            h.update(f.relative_to(root).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_and_site_untouched(
        case: Case, site_dir: Path, cli: Callable[..., Result]) -> None:
    assert cli("build", "--project", str(site_dir)).exit_code == 0
    before = tree_digest(site_dir / "site")
    case.write(site_dir)

    built = cli("build", "--project", str(site_dir))
    checked = cli("check", "--project", str(site_dir))

    assert built.exit_code == 1
    assert checked.exit_code == 1
    assert case.expected in built.stderr, built.stderr
    assert case.expected in checked.stderr, checked.stderr
    assert "the previous site is untouched" in built.stderr
    assert tree_digest(site_dir / "site") == before
    assert not list(site_dir.glob(".site-staging-*"))


def test_all_errors_are_reported_at_once(site_dir: Path, cli: Callable[..., Result]) -> None:
    for i, case in enumerate(c for c in CASES if c.file.startswith("content/")):
        Case(case.name, f"content/feil{i}.md", case.content, "").write(site_dir)
    result = cli("check", "--project", str(site_dir), "--format", "json")
    assert result.exit_code == 1
    import json

    doc = json.loads(result.stdout)
    files = {d["path"] for d in doc["diagnostics"] if d["severity"] == "error"}
    assert len(files) == len([c for c in CASES if c.file.startswith("content/")])
    assert all(d["line"] >= 1 and d["key"] and d["message"] for d in doc["diagnostics"])


def test_code_in_mkdocs_yml_never_runs(site_dir: Path, cli: Callable[..., Result],
                                       tmp_path: Path) -> None:
    """MkDocs reads mkdocs.yml with PyYAML's unsafe loader: the core must refuse it first."""
    marker = tmp_path / "ran"
    (site_dir / "mkdocs.yml").write_bytes(
        MKDOCS_YML + f'extra:\n  x: !!python/object/apply:os.system ["touch {marker}"]\n'.encode())
    for command in ("check", "build"):
        result = cli(command, "--project", str(site_dir))
        assert result.exit_code == 1
        assert "mkdocs.yml:15: config: the tag '!!python/object/apply:os.system'" in result.stderr
    assert not marker.exists()


def test_prerequisite_cycles_are_named(site_dir: Path, cli: Callable[..., Result]) -> None:
    course = (site_dir / "courses/grunnkurs.yml").read_bytes()
    (site_dir / "courses/grunnkurs.yml").write_bytes(course + b"prerequisites: [b]\n")
    (site_dir / "courses/b.yml").write_bytes(course + b"prerequisites:\n  - c\n")
    (site_dir / "courses/c.yml").write_bytes(course + b"prerequisites:\n  - grunnkurs\n")
    (site_dir / "courses/solo.yml").write_bytes(course + b"prerequisites: [grunnkurs, solo]\n")
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 1
    loop = "(b → c → grunnkurs → b); tracks cannot require each other in a loop"
    assert f"courses/b.yml:11: prerequisites[0]: 'c' leads back to this track {loop}" in result.stderr
    assert "courses/c.yml:11: prerequisites[0]: 'grunnkurs' leads back" in result.stderr
    assert "courses/grunnkurs.yml:10: prerequisites[0]: 'b' leads back" in result.stderr
    assert "courses/solo.yml:10: prerequisites[1]: a track cannot require itself" in result.stderr
    assert "solo.yml:10: prerequisites[0]: 'grunnkurs' leads back" not in result.stderr


def test_overdue_review_is_on_its_line(site_dir: Path, cli: Callable[..., Result]) -> None:
    Case("", "content/gammel.md", fm("reviewed: 2020-01-01\nreview_by: 2021-01-01\n"),
         "").write(site_dir)
    result = cli("check", "--project", str(site_dir))
    assert "content/gammel.md:8: notice: review_by: review was due 2021-01-01" in result.stderr


def test_a_bug_is_one_line_and_exit_2(site_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected exception (a bug) is one line naming the saved traceback, never a traceback."""
    from click.testing import CliRunner

    from site_build.build import pipeline
    from site_build.cli import main

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("planted bug")

    monkeypatch.setattr(pipeline, "check_project", broken)
    result = CliRunner().invoke(main, ["check", "--project", str(site_dir)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    line = result.stderr.strip()
    assert "\n" not in line and "KeyError: 'planted bug'" in line and "This is a bug" in line
    saved = Path(line.rsplit("the traceback is in ", 1)[1])
    assert "raise KeyError" in saved.read_text(encoding="utf-8")
    saved.unlink()
