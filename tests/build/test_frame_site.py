"""The page frame on a built site with the portal's theme: titles, footer, previous/next, review
dates, and the site values on the about pages, in bokmål and nynorsk."""

from __future__ import annotations

import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_SITE, REPO, build_site

SITE = "Testportal"


def _page(title: str, body: str, lang: str = "nb", kind: str = "page", extra: str = "") -> str:
    return (f"---\ntitle: {title}\ndescription: Side til test.\ntype: {kind}\nlang: {lang}\n"
            f"audience: [nav]\ntopics: [arbeid]\nsources: [strategiplan-2007]\n{extra}---\n\n{body}\n")


OVERDUE = "reviewed: 2020-01-02\nreview_by: 2021-03-04\n"
CURRENT = "reviewed: 2026-01-02\nreview_by: 2099-12-31\n"
PAGES = {
    "om.md": _page("Om portalen", "Eier: {{ eier }}. Skriv til {{ kontakt }}."),
    "tilgjengelighet.md": _page("Tilgjengelighet", "Skriv til [oss: {{ kontakt }}](om.md)."),
    "veiledning/index.md": _page("Veiledning", "Sidene i veiledningen."),
    "veiledning/gammel.md": _page("Gammel veiledning", "Tekst.", kind="guidance",
                                  extra=OVERDUE + "order: 1\n"),
    "veiledning/ny.md": _page("Ny veiledning", "Tekst.", kind="guidance",
                              extra=CURRENT + "order: 2\n"),
    "veiledning/gamal.md": _page("Gamal rettleiing", "Tekst.", lang="nn", kind="guidance",
                                 extra=OVERDUE + "order: 3\n"),
    "anna/index.md": _page("Anna", "Ein annan bolk.", lang="nn"),
    "anna/forste.md": _page("Første i anna", "Tekst.", extra="order: 1\n"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with the portal's theme (overrides/) and the pages above."""
    project = tmp_path_factory.mktemp("frame") / "project"
    shutil.copytree(FIXTURE_SITE, project)
    shutil.copytree(REPO / "overrides", project / "overrides")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n", 1).replace(
        "- navigation.indexes", "- navigation.indexes\n    - navigation.footer").replace(
        "{name: Testeier}", "{name: 'Testeier & <Co>', url: 'https://eier.example.no/?a=1&b=2'}"),
        encoding="utf-8")
    for path, text in PAGES.items():
        (project / "content" / path).parent.mkdir(exist_ok=True)
        (project / "content" / path).write_text(text, encoding="utf-8")
    return build_site(project, project.parent / "site")


def _html(built: Path, url: str) -> str:
    return (built / url / "index.html").read_text(encoding="utf-8")


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found is not None
    return found.group(1).strip()


def _prevnext(html: str) -> dict[str, str]:
    return {d: h for h, d in re.findall(
        r'<a href="([^"]*)" class="md-footer__link md-footer__link--(prev|next)"', html)}


def test_titles_name_the_page_then_the_site_and_the_front_page_only_the_site(built: Path) -> None:
    assert _title(_html(built, "")) == SITE
    assert _title(_html(built, "veiledning/ny")) == f"Ny veiledning – {SITE}"
    assert _title(_html(built, "anna")) == f"Anna – {SITE}"
    assert _title((built / "404.html").read_text(encoding="utf-8")) == f"Fant ikke siden – {SITE}"


def test_the_front_page_is_forside_in_the_sidebar_not_the_site_name_again(built: Path) -> None:
    nav = _html(built, "veiledning/ny")
    nav = nav[nav.index('md-nav--primary'):nav.index('md-sidebar--secondary')]
    links = [" ".join(re.sub(r"<[^>]+>", " ", m).split()) for m in
             re.findall(r'<a href="[^"]*" class="md-nav__link[^"]*">(.*?)</a>', nav, re.S)]
    assert "Forside" in links and SITE not in links


@pytest.mark.parametrize("url", ["", "ip", "veiledning", "anna", "om", "tilgjengelighet"])
def test_hubs_and_top_level_pages_have_no_previous_or_next(built: Path, url: str) -> None:
    html = _html(built, url)
    assert _prevnext(html) == {}
    assert '<link rel="prev"' not in html and '<link rel="next"' not in html


def test_previous_and_next_stay_within_the_folder(built: Path) -> None:
    assert _prevnext(_html(built, "veiledning/gammel")) == {"next": "../ny/"}
    assert _prevnext(_html(built, "veiledning/ny")) == {"prev": "../gammel/", "next": "../gamal/"}
    # The last page of one folder does not lead into the next folder.
    assert _prevnext(_html(built, "veiledning/gamal")) == {"prev": "../ny/"}
    assert _prevnext(_html(built, "anna/forste")) == {}


class _Footer(HTMLParser):
    """The page's <footer>: whether it is one, its labelled navs and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.footers = 0
        self.nav_labels: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "footer":
            self.footers += 1
            self.depth += 1
        elif self.depth and tag == "nav":
            self.nav_labels.append(a.get("aria-label") or "")
        elif self.depth and tag == "a":
            self.links.append(a.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "footer":
            self.depth -= 1


@pytest.mark.parametrize("url", ["", "veiledning/ny", "anna", "om"])
def test_the_footer_names_owner_and_contact_and_its_links_resolve(built: Path, url: str) -> None:
    html = _html(built, url)
    footer = _Footer()
    footer.feed(html)
    assert footer.footers == 1
    assert "Om nettstedet" in footer.nav_labels or "Om nettstaden" in footer.nav_labels
    assert "mailto:redaksjonen@test.example.no" in footer.links
    section = html[html.index("<footer"):html.index("</footer>")]
    assert '<a href="https://eier.example.no/?a=1&amp;b=2">Testeier &amp; &lt;Co&gt;</a>' in section
    assert "Made with" not in section
    pages = [h for h in footer.links if ":" not in h]
    targets = {posixpath.normpath(posixpath.join(url or ".", h)) for h in pages}
    assert {"om", "tilgjengelighet", "kilder"} <= targets
    for target in targets:
        assert (built / target / "index.html").is_file(), target


def test_review_dates_are_shown_in_norwegian_with_machine_dates(built: Path) -> None:
    nb = _html(built, "veiledning/ny")
    assert ('Sist faglig vurdert: <time datetime="2026-01-02">2. januar 2026</time>' in nb)
    assert 'Neste revisjon: <time datetime="2099-12-31">31. desember 2099</time>' in nb
    assert "skulle vært gjennomgått" not in nb
    nn = _html(built, "veiledning/gamal")
    assert 'Sist fagleg vurdert: <time datetime="2020-01-02">2. januar 2020</time>' in nn


def test_an_overdue_page_says_so_to_the_reader(built: Path) -> None:
    nb = _html(built, "veiledning/gammel")
    assert re.search(r'<div class="admonition warning bb-review--overdue" role="note">.*?'
                     r'Denne siden skulle vært gjennomgått <time datetime="2021-03-04">'
                     r"4\. mars 2021</time>", nb, re.S)
    nn = _html(built, "veiledning/gamal")
    assert 'Denne sida skulle vore gjennomgått <time datetime="2021-03-04">' in nn
    # Before the body: the reader sees it first.
    assert nb.index("bb-review--overdue") < nb.index("<p>Tekst.</p>")


def test_about_pages_show_the_configured_owner_and_contact(built: Path) -> None:
    about = _html(built, "om")
    assert ('Eier: <a href="https://eier.example.no/?a=1&amp;b=2">Testeier &amp; &lt;Co&gt;</a>. '
            'Skriv til <a href="mailto:redaksjonen@test.example.no">redaksjonen@test.example.no'
            "</a>.") in about
    # Inside a link's text the address is text, never a second link.
    access = _html(built, "tilgjengelighet")
    assert '<a href="../om/">oss: redaksjonen@test.example.no</a>' in access
    assert "\ue002" not in about + access
