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

from tests.conftest import page


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
         "content/feil.md: file: the file is empty"),
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
         "mkdocs.yml:14: config: Config value 'plugins': Plugin 'brobygger/content' "
         "option 'fargen': Unrecognised configuration name: fargen"),
]


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
    assert all(d["line"] >= 0 and d["key"] and d["message"] for d in doc["diagnostics"])
