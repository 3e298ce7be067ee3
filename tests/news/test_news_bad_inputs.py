"""Bad news items through the CLI: `path:line: key: message`, exit 1, `site/` untouched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.test_bad_inputs import Case, tree_digest

ITEM = "content/aktuelt/2026-01-10-ny-veileder.md"
FILL = b""  # content made from the fixture's own file (see _content)


def item(extra: str = "", date: str = "2026-01-10", category: str = "nytt",
         body: str = "Tekst.", type_: str = "news") -> bytes:
    """A news item; ``extra`` lines start at line 11."""
    return (f"---\ntitle: Sak\ndescription: Test.\ntype: {type_}\ndate: {date}\n"
            f"author: Redaksjonen\ncategory: {category}\naudience: [nav]\ntopics: [arbeid]\n"
            f"sources: [strategiplan-2007]\n{extra}---\n\n{body}\n").encode()


CASES = [
    Case("date that is not a date", ITEM, item(date="10. januar 2026"),
         f"{ITEM}:5: date: expected a date (YYYY-MM-DD), got text"),
    Case("impossible date", ITEM, item(date="2026-02-30"),
         f"{ITEM}:5: front matter: '2026-02-30' is not a date on the calendar"),
    Case("future date without draft", ITEM, item(date="2999-01-01"),
         f"{ITEM}:5: date: 2999-01-01 is in the future; set 'status: draft'"),
    Case("unknown category", ITEM, item(category="horingg"),
         f"{ITEM}:7: category: 'horingg' is not a known category; did you mean 'horing'?"),
    Case("unknown status", ITEM, item("status: utkast\n"),
         f"{ITEM}:11: status: 'utkast' is not one of draft, published"),
    Case("missing author", ITEM, item().replace(b"author: Redaksjonen\n", b""),
         f"{ITEM}:1: author: missing required key 'author' (required for type: news)"),
    Case("category on a page that is not news", "content/ip/side.md",
         item(type_="page"), "content/ip/side.md:7: category: is only for news items"),
    Case("news item outside aktuelt", "content/ip/sak.md", item(),
         "content/ip/sak.md:1: type: news items belong in 'content/aktuelt/'"),
    Case("a page in aktuelt that is not news", "content/aktuelt/side.md",
         item(type_="page").replace(b"category: nytt\n", b"").replace(b"author: Redaksjonen\n",
                                                                      b""),
         "content/aktuelt/side.md:1: type: every page in 'content/aktuelt/' but index.md"),
    Case("item links to a missing portal page", ITEM, item(body="Se [her](../ip/borte.md)."),
         f"{ITEM}:13: link: '../ip/borte.md' points to a page that does not exist"),
    Case("portal page links to a missing item", "content/ip/index.md",
         FILL, "content/ip/index.md:"),  # content filled in below
    Case("no site_url", "mkdocs.yml", FILL, "mkdocs.yml:1: site_url: is needed when there are "
         "news items"),
]


def _content(case: Case, project: Path) -> Case:
    if case.content != FILL:
        return case
    target = project / case.file
    text = target.read_text(encoding="utf-8")
    if case.file == "mkdocs.yml":
        return Case(case.name, case.file, text.replace("site_url: https://test.example.no/\n",
                                                       "").encode(), case.expected)
    broken = text + "\nSe [saken](../aktuelt/2026-01-11-finnes-ikke.md).\n"
    line = broken.count("\n") - 0
    return Case(case.name, case.file, broken.encode(),
                f"{case.file}:{line}: link: '../aktuelt/2026-01-11-finnes-ikke.md' points to a "
                "page that does not exist")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_news_input_is_reported_and_site_untouched(
        case: Case, news_dir: Path, cli: Callable[..., Result]) -> None:
    assert cli("build", "--project", str(news_dir)).exit_code == 0
    before = tree_digest(news_dir / "site")
    case = _content(case, news_dir)
    case.write(news_dir)

    built = cli("build", "--project", str(news_dir))
    checked = cli("check", "--project", str(news_dir))

    assert built.exit_code == 1 and checked.exit_code == 1
    assert case.expected in built.stderr, built.stderr
    assert case.expected in checked.stderr, checked.stderr
    assert "Traceback" not in built.stderr + built.stdout
    assert "the previous site is untouched" in built.stderr
    assert tree_digest(news_dir / "site") == before


def test_news_without_the_section_page(news_dir: Path, cli: Callable[..., Result]) -> None:
    (news_dir / "content" / "aktuelt" / "index.md").unlink()
    checked = cli("check", "--project", str(news_dir))
    assert checked.exit_code == 1
    assert "type: news items need 'content/aktuelt/index.md'" in checked.stderr


def test_a_link_to_a_draft_fails_the_build(news_dir: Path, cli: Callable[..., Result]) -> None:
    target = news_dir / ITEM
    target.write_text(target.read_text(encoding="utf-8")
                      + "\nSnart: [utkastet](2099-01-01-utkast.md).\n", encoding="utf-8")
    built = cli("build", "--project", str(news_dir))
    assert built.exit_code == 1
    assert "link: '2099-01-01-utkast.md' points to a page that does not exist" in built.stderr
