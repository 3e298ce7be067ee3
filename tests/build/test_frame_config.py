"""The owner and the editorial contact in mkdocs.yml, and the site values pages show from it.

Through the CLI, as an editor meets them: a missing or broken contact is a diagnostic with the
line of mkdocs.yml; an unknown ``{{ name }}`` in a page is one with the page's line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from site_build.markdown.document import parse_body
from site_build.markdown.engine import create_markdown
from site_build.markdown.htmlpolicy import check_html
from site_build.model import Contact, Owner, SiteConfig
from site_build.render.frame import site_value_html
from tests.conftest import page

FIXTURE_EXTRA = ("extra: {owner: {name: Testeier}, contact: {email: redaksjonen@test.example.no}}"
                 "\n")


def _with_extra(site_dir: Path, extra: str) -> None:
    config = site_dir / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert FIXTURE_EXTRA in text
    config.write_text(text.replace(FIXTURE_EXTRA, extra), encoding="utf-8")


@pytest.mark.parametrize(("extra", "expected"), [
    ("", "mkdocs.yml:1: extra.contact: missing: the footer and the about pages show the "
         "editorial contact address; add it under 'extra:' as 'contact: {email: "),
    ("extra:\n  owner: {name: Testeier}\n", "mkdocs.yml:11: extra.contact: missing: "),
    ("extra:\n  contact: {email: redaksjonen}\n", "mkdocs.yml:12: extra.contact.email: "
     "'redaksjonen' is not an email address (write it as name@domain.no)"),
    ("extra:\n  contact:\n    email: https://example.no/kontakt\n",
     "mkdocs.yml:13: extra.contact.email: 'https://example.no/kontakt' is not an email address"),
    ("extra:\n  contact: {email: a b@example.no}\n", "mkdocs.yml:12: extra.contact.email: "),
    ("extra:\n  contact: {epost: r@example.no}\n",
     "mkdocs.yml:12: extra.contact.epost: unknown key 'epost'"),
    ("extra:\n  contact: {email: r@example.no}\n  owner: {name: X, url: 'javascript:alert(1)'}\n",
     "mkdocs.yml:13: extra.owner.url: 'javascript:alert(1)' is not a web address"),
])
def test_a_missing_or_broken_contact_stops_the_check(
        site_dir: Path, cli: Callable[..., Result], extra: str, expected: str) -> None:
    _with_extra(site_dir, extra)
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 1, result.stdout
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_the_fixture_contact_passes(site_dir: Path, cli: Callable[..., Result]) -> None:
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 0, result.stderr


def test_an_unknown_site_value_is_reported_with_its_line(
        site_dir: Path, cli: Callable[..., Result]) -> None:
    (site_dir / "content" / "ip" / "feil.md").write_text(
        page(body="Skriv til oss.\nAdressen er {{ kontakten }}."), encoding="utf-8")
    result = cli("check", "--project", str(site_dir))
    assert result.exit_code == 1
    assert ("content/ip/feil.md:10: value: unknown site value '{{ kontakten }}'; known: "
            "{{ kontakt }}, {{ eier }}; did you mean 'kontakt'?") in result.stderr


def _body(text: str) -> str:
    return parse_body(create_markdown(), text, 1, "nb").html


CONFIG = SiteConfig(root=".", site_name="Portalen", owner=Owner("Eier & co", "https://eier.no/"),
                    contact=Contact("red@eier.no"))


def test_site_values_are_filled_in_and_escaped() -> None:
    assert site_value_html("kontakt", False, CONFIG) == \
        '<a href="mailto:red@eier.no">red@eier.no</a>'
    assert site_value_html("eier", False, CONFIG) == '<a href="https://eier.no/">Eier &amp; co</a>'
    assert site_value_html("eier", True, CONFIG) == "Eier &amp; co"
    assert site_value_html("eier", False, SiteConfig(root=".", site_name="<P>")) == "&lt;P&gt;"


def test_site_values_are_not_read_in_code_and_not_linked_inside_links() -> None:
    html = _body("`{{ kontakt }}` og [skriv til {{ kontakt }}](mailto:x@y.no) og {{kontakt}}")
    assert "<code>{{ kontakt }}</code>" in html
    assert "skriv til \ue002kontakt:text\ue003</a>" in html
    assert html.rstrip().endswith("og \ue002kontakt\ue003</p>")


def test_hostile_site_values_pass_the_html_policy_as_text() -> None:
    hostile = SiteConfig(root=".", owner=Owner('<img src=x onerror="alert(1)">', "https://x.no/"),
                         contact=Contact("a@b.no"))
    for name in ("eier", "kontakt"):
        for text_only in (False, True):
            html = site_value_html(name, text_only, hostile)
            assert check_html(html) == [] and "<img" not in html
