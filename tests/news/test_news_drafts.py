"""Drafts through the CLI: their links are checked like every page's, yet never published."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.test_bad_inputs import tree_digest

DRAFT = "content/aktuelt/2099-01-01-utkast.md"
SECOND = "content/aktuelt/2099-02-01-neste-utkast.md"


def draft(body: str, title: str = "Et utkast som ikke er klart") -> str:
    """A draft news item; the body starts at line 14."""
    return (f"---\ntitle: {title}\ndescription: Ikke publisert ennå.\ntype: news\n"
            "status: draft\ndate: 2099-01-01\nauthor: Redaksjonen\ncategory: nytt\n"
            "audience: [nav]\ntopics: [individuell-plan]\nsources: [strategiplan-2007]\n"
            f"---\n\n{body}\n")


BROKEN = [
    ("missing portal page", "Hemmelig.\n\nSe [her](../ip/borte.md).",
     f"{DRAFT}:16: link: '../ip/borte.md' points to a page that does not exist"),
    ("missing anchor on a portal page", "Se [stegene](../ip/index.md#steg-for-stegg).",
     f"{DRAFT}:14: link: no heading with the anchor '#steg-for-stegg' on 'ip/index.md'"),
    ("missing anchor on the draft itself", "## Bakgrunn\n\nSe [over](#bakgrun).",
     f"{DRAFT}:16: link: no heading with the anchor '#bakgrun' on this page"),
    ("missing news item", "Se [saken](2026-01-11-finnes-ikke.md).",
     f"{DRAFT}:14: link: '2026-01-11-finnes-ikke.md' points to a page that does not exist"),
    ("missing image", "![Et bilde](borte.png)",
     f"{DRAFT}:14: image: 'borte.png' points to a file that does not exist"),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in BROKEN],
                         ids=[c[0] for c in BROKEN])
def test_a_broken_link_in_a_draft_fails_check_and_build(
        body: str, expected: str, news_dir: Path, cli: Callable[..., Result]) -> None:
    assert cli("build", "--project", str(news_dir)).exit_code == 0
    before = tree_digest(news_dir / "site")
    (news_dir / DRAFT).write_text(draft(body), encoding="utf-8")

    checked = cli("check", "--project", str(news_dir))
    built = cli("build", "--project", str(news_dir))

    for result in (checked, built):
        assert result.exit_code == 1
        assert expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr + result.stdout
    assert tree_digest(news_dir / "site") == before


def test_every_broken_link_of_every_draft_is_reported_at_once(
        news_dir: Path, cli: Callable[..., Result]) -> None:
    (news_dir / DRAFT).write_text(draft("Se [her](../ip/borte.md)."), encoding="utf-8")
    (news_dir / SECOND).write_text(draft("Tekst.\n\nSe [der](../ip/vekk.md).", "Neste utkast"),
                                   encoding="utf-8")

    checked = cli("check", "--project", str(news_dir))

    assert checked.exit_code == 1
    assert f"{DRAFT}:14: link: '../ip/borte.md' points to a page" in checked.stderr
    assert f"{SECOND}:16: link: '../ip/vekk.md' points to a page" in checked.stderr


def test_a_draft_with_good_links_passes_and_is_not_published(
        news_dir: Path, cli: Callable[..., Result]) -> None:
    body = ("## Bakgrunn\n\nHemmelig utkasttekst om [stegene](../ip/index.md#steg-for-steg), "
            "[veilederen](2026-01-10-ny-veileder.md#hva-er-nytt), [over](#bakgrunn), "
            "[neste utkast](2099-02-01-neste-utkast.md) og [nyhetene](index.md).")
    (news_dir / DRAFT).write_text(draft(body), encoding="utf-8")
    (news_dir / SECOND).write_text(draft("Enda et hemmelig utkast.", "Neste utkast"),
                                   encoding="utf-8")

    checked = cli("check", "--project", str(news_dir))
    built = cli("build", "--project", str(news_dir))

    assert checked.exit_code == 0, checked.stderr
    assert built.exit_code == 0, built.stderr
    site = news_dir / "site"
    assert (site / "aktuelt" / "2026-01-10-ny-veileder" / "index.html").is_file()
    assert not (site / "aktuelt" / "2099-01-01-utkast").exists()
    assert not (site / "aktuelt" / "2099-02-01-neste-utkast").exists()
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".xml", ".json", ".txt", ".js"}:
            text = file.read_text(encoding="utf-8", errors="replace")
            assert "Hemmelig" not in text and "hemmelig" not in text, file


def test_a_published_item_linking_to_a_draft_still_fails(
        news_dir: Path, cli: Callable[..., Result]) -> None:
    (news_dir / DRAFT).write_text(draft("Se [veilederen](2026-01-10-ny-veileder.md)."),
                                  encoding="utf-8")
    item = news_dir / "content/aktuelt/2026-01-10-ny-veileder.md"
    item.write_text(item.read_text(encoding="utf-8") + "\nSnart: [utkastet](2099-01-01-utkast.md).\n",
                    encoding="utf-8")

    checked = cli("check", "--project", str(news_dir))

    assert checked.exit_code == 1
    assert ("2026-01-10-ny-veileder.md:20: link: '2099-01-01-utkast.md' points to a page that "
            "does not exist") in checked.stderr
    assert DRAFT not in checked.stderr
