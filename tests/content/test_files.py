"""Which files are published: pages and listed asset types only, no symlink out of the project.

Each case goes through the real CLI, with the project's files and ``site/`` hashed before and
after a failed build.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import page
from tests.test_bad_inputs import tree_digest

Cli = Callable[..., Result]


def _fails_untouched(project: Path, cli: Cli, *expected: str) -> str:
    """Build once, break nothing more, and assert the next build fails leaving all as it was."""
    before = tree_digest(project)
    result = cli("build", "--project", str(project))
    assert result.exit_code == 1, result.stderr
    for text in expected:
        assert text in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project) == before
    assert not list(project.glob(".site-*"))
    return result.stderr


@pytest.fixture
def built(site_dir: Path, cli: Cli) -> Path:
    assert cli("build", "--project", str(site_dir)).exit_code == 0
    return site_dir


def test_symlink_to_a_file_outside_the_project_is_an_error(built: Path, cli: Cli) -> None:
    (built / "content" / "passord.txt").symlink_to("/etc/passwd")
    stderr = _fails_untouched(built, cli, "content/passord.txt:1: symlink: is a symlink to "
                              "'/etc/passwd', outside the project")
    assert "root:" not in stderr


def test_symlink_to_a_folder_outside_the_project_is_an_error(built: Path, cli: Cli,
                                                             tmp_path: Path) -> None:
    outside = tmp_path / "utenfor"
    outside.mkdir()
    (outside / "hemmelig.txt").write_text("hemmelig")
    (built / "content" / "delt").symlink_to(outside, target_is_directory=True)
    _fails_untouched(built, cli, "content/delt:1: symlink: is a symlink to")


def test_course_symlink_outside_the_project_is_an_error_and_not_read(built: Path,
                                                                     cli: Cli) -> None:
    (built / "courses" / "lekk.yml").symlink_to("/etc/passwd")
    stderr = _fails_untouched(built, cli, "courses/lekk.yml:1: symlink:")
    assert "root" not in stderr.replace(str(built), "")


def test_vocabulary_symlink_outside_the_project_is_an_error_and_not_read(
        built: Path, cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "hemmelig.yml"
    secret.write_text("- id: a\n  label: b\n  hemmelig-verdi: ikke\n", encoding="utf-8")
    topics = built / "content" / "_data" / "topics.yml"
    topics.unlink()
    topics.symlink_to(secret)
    stderr = _fails_untouched(built, cli, "content/_data/topics.yml:1: symlink:")
    assert "hemmelig-verdi" not in stderr and "ikke" not in stderr


def test_symlink_to_a_hidden_file_of_the_project_is_an_error(built: Path, cli: Cli) -> None:
    (built / ".env").write_text("PASSORD=x")
    (built / "content" / "miljo.txt").symlink_to(built / ".env")
    _fails_untouched(built, cli, "content/miljo.txt:1: symlink: is a symlink to '.env', a "
                     "hidden file")


def test_symlink_loop_is_an_error_not_a_hang(built: Path, cli: Cli) -> None:
    (built / "content" / "ip" / "sloyfe").symlink_to("..", target_is_directory=True)
    _fails_untouched(built, cli, "content/ip/sloyfe:1: symlink: is a symlink to a folder that "
                     "contains it (a loop)")


def test_symlinks_inside_the_project_are_published(built: Path, cli: Cli) -> None:
    (built / "content" / "bilder").mkdir()
    (built / "content" / "bilder" / "bro.svg").symlink_to(built / "content" / "bro.svg")
    (built / "content" / "speil").symlink_to(built / "content" / "bilder",
                                             target_is_directory=True)
    assert cli("build", "--project", str(built)).exit_code == 0
    site = built / "site"
    assert (site / "bilder" / "bro.svg").read_bytes() == (built / "content/bro.svg").read_bytes()
    assert (site / "speil" / "bro.svg").is_file()
    assert not (site / "speil").is_symlink()


@pytest.mark.parametrize(("name", "reason"), [
    ("gammel.markdown", "pages must end in '.md'; rename it to 'gammel.md'"),
    ("STOR.MD", "the extension '.MD' must be lower case; rename it to 'STOR.md'"),
    ("BILDE.PNG", "the extension '.PNG' must be lower case; rename it to 'BILDE.png'"),
    ("side.html", "'.html' files are not published"),
    ("skript.js", "'.js' files are not published"),
    ("Makefile", "files without an extension are not published"),
    ("ip/data.json", "'.json' files are not published"),
])
def test_unknown_file_types_are_reported_not_copied(built: Path, cli: Cli, name: str,
                                                    reason: str) -> None:
    (built / "content" / name).write_text("<script>alert(1)</script>")
    _fails_untouched(built, cli, f"content/{name}:1: file: {reason}")


def test_every_unknown_file_is_reported_in_one_run(built: Path, cli: Cli) -> None:
    for name in ("a.html", "b.js", "c.markdown"):
        (built / "content" / name).write_text("x")
    stderr = _fails_untouched(built, cli)
    assert all(f"content/{n}:1: file:" in stderr for n in ("a.html", "b.js", "c.markdown"))


def test_hidden_files_and_data_are_skipped_and_only_accepted_files_published(
        built: Path, cli: Cli) -> None:
    (built / "content" / ".utkast.js").write_text("alert(1)")
    (built / "content" / "liste.csv").write_text("a,b\n")
    assert cli("build", "--project", str(built)).exit_code == 0
    site = built / "site"
    assert (site / "liste.csv").is_file()
    assert not (site / ".utkast.js").exists()
    assert not (site / "_data").exists()
    assert not list(site.rglob("*.md"))


@pytest.mark.parametrize("svg", [
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://sporing.example/p.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "//sporing.example/a.css";</style>'
    "</svg>",
    '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(//x.example/f)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe/></foreignObject></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><a xlink:href="javascript:alert(1)">x</a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" to="alert(1)"/>'
    "</svg>",
    '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
])
def test_svg_that_could_run_script_or_load_elsewhere_is_an_error(built: Path, cli: Cli,
                                                                 svg: str) -> None:
    (built / "content" / "farlig.svg").write_text(svg)
    _fails_untouched(built, cli, "content/farlig.svg:1: file: contains")


@pytest.mark.parametrize(("char", "code"), [
    ("\x00", "U+0000"), ("\x1b", "U+001B"), ("\x7f", "U+007F"), ("\x85", "U+0085"),
    ("\u2028", "U+2028"),
])
def test_control_characters_in_a_page_are_errors_with_their_line(
        built: Path, cli: Cli, char: str, code: str) -> None:
    (built / "content" / "styr.md").write_text(page("Styr", f"Linje.\n\nTo{char}tegn."),
                                                encoding="utf-8")
    _fails_untouched(built, cli, f"content/styr.md:11: encoding: control character {code} at "
                     "column 3")


def test_tab_and_crlf_are_not_control_errors(built: Path, cli: Cli) -> None:
    text = page("Tab", "Et\ttegn.").replace("\n", "\r\n")
    (built / "content" / "tab.md").write_bytes(text.encode())
    assert cli("build", "--project", str(built)).exit_code == 0


def test_unreadable_links_do_not_stop_other_problems(built: Path, cli: Cli) -> None:
    (built / "content" / "a.txt").symlink_to("/etc/hostname")
    (built / "content" / "b.js").write_text("x")
    (built / "content" / "c.md").write_text(page("C", "x\x00"), encoding="utf-8")
    stderr = _fails_untouched(built, cli)
    for where in ("content/a.txt:1: symlink:", "content/b.js:1: file:", "content/c.md:9: encoding:"):
        assert where in stderr
    assert os.path.islink(built / "content" / "a.txt")
