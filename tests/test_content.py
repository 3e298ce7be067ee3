"""The portal's own content passes every check, in strict mode, with nothing left to warn about."""

from __future__ import annotations

import json
from collections.abc import Callable

from click.testing import Result

from tests.conftest import REPO


def test_portal_content_passes_check(cli: Callable[..., Result]) -> None:
    result = cli("check", "--project", str(REPO), "--format", "json")
    doc = json.loads(result.stdout)
    failing = [d for d in doc["diagnostics"] if d["severity"] in ("error", "warning")]
    assert not failing, "\n".join(f"{d['path']}:{d['line']}: {d['key']}: {d['message']}"
                                  for d in failing)
    assert result.exit_code == 0


def test_external_links_are_listed_not_fetched(cli: Callable[..., Result]) -> None:
    result = cli("check", "--project", str(REPO), "--external", "--format", "json")
    links = json.loads(result.stdout)["external_links"]
    assert all(set(link) == {"url", "file", "line"} for link in links)
    assert all(link["url"].startswith(("http://", "https://", "mailto:")) for link in links)


def _site():  # type: ignore[no-untyped-def]
    from site_build.content.load import load_site

    return load_site(REPO).site


def test_content_meets_the_knowledge_base_minimums() -> None:
    site = _site()

    def pages(folder: str, page_type: str | None = None) -> list[str]:
        return [p.src_path for p in site.pages if p.src_path.startswith(folder + "/")
                and (page_type is None or p.front.type == page_type)]

    assert len(pages("moduler", "module")) >= 12
    assert len(pages("kurs/arbeid-og-psykisk-helse", "lesson")) >= 7
    assert site.page("kurs/arbeid-og-psykisk-helse/kursleder.md") is not None
    assert len(pages("kurs/kriser-og-stress", "lesson")) >= 6
    assert len(pages("individuell-plan")) >= 8
    assert any(p.front.type == "checklist" for p in site.pages if p.src_path.startswith("individuell-plan/"))
    assert len(pages("ips")) >= 5
    assert len(pages("caser", "case")) >= 10
    assert len(pages("aktuelt", "news")) >= 5
    assert len(site.vocab.glossary) >= 80
    for path in ("ordliste.md", "kilder.md", "om.md", "tilgjengelighet.md"):
        assert site.page(path) is not None, path
    abbreviations = {t.term for t in site.vocab.glossary if t.abbr}
    assert {"NAV", "IP", "IPS", "AAP", "DPS", "HMS", "IA"} <= abbreviations


def test_modules_and_lessons_have_what_learners_need() -> None:
    for page in _site().pages:
        if page.front.type in ("module", "lesson"):
            assert page.front.objectives and page.front.duration, page.path
        if page.front.type == "module":
            assert 'class="admonition question refleksjon"' in page.body_html, \
                f"{page.path} has no reflection exercise"
        if page.front.type in ("module", "guidance", "checklist"):
            assert page.front.reviewed and page.front.review_by, page.path


def test_at_least_a_quarter_of_the_words_are_nynorsk() -> None:
    from site_build.cli.stats import content_stats

    stats = content_stats(_site())
    assert stats.share("nn") >= 0.25, f"nynorsk share is {stats.share('nn'):.1%}"


def test_every_seed_document_is_cited_and_every_content_page_names_sources() -> None:
    site = _site()
    cited = {s for p in site.pages for s in p.front.sources}
    assert {s.id for s in site.vocab.sources if s.kind == "seed"} <= cited
    # A track's certificate, facilitator view and handout hold no text of their own: they
    # gather the lessons', which name their sources.
    unsourced = [p.path for p in site.pages if not p.front.sources
                 and p.front.generated not in ("certificate", "facilitator", "handout")
                 and not p.src_path.startswith("redaktor/")
                 and p.src_path not in ("om.md", "tilgjengelighet.md", "ordliste.md", "kilder.md")]
    assert not unsourced, unsourced
