"""The navigation model: sections by folder, their order, and previous/next, without a host."""

from __future__ import annotations

from site_build.model import FrontMatter, Page, pack_html
from site_build.site.nav import NavSection, build_navigation, folder_title
from site_build.site.urls import url_for


def page(src_path: str, title: str, order: int | None = None) -> Page:
    front = FrontMatter(title=title, description="Test.", order=order)
    return Page(src_path=src_path, path=f"content/{src_path}", url=url_for(src_path), front=front,
                packed_body=pack_html(""), body_line=1)


def paths(pages: tuple[Page, ...]) -> list[str]:
    return [p.src_path for p in pages]


def test_index_first_then_order_then_title_case_insensitively() -> None:
    nav = build_navigation([page("b.md", "beta"), page("a.md", "Alfa", order=2),
                            page("c.md", "Gamma"), page("index.md", "Forside", order=9),
                            page("d.md", "Delta", order=1)])
    assert paths(nav.reading_order) == ["index.md", "d.md", "a.md", "b.md", "c.md"]


def test_a_folder_is_a_section_named_and_ordered_by_its_index_page() -> None:
    nav = build_navigation([page("index.md", "Forside"), page("om.md", "Om oss"),
                            page("ip/plan.md", "Planen"), page("ip/index.md", "Individuell plan",
                                                               order=1)])
    _, section, _ = nav.items
    assert isinstance(section, NavSection)
    assert (section.folder, section.title) == ("ip", "Individuell plan")
    assert section.index is not None and section.index.src_path == "ip/index.md"
    assert paths(nav.reading_order) == ["index.md", "ip/index.md", "ip/plan.md", "om.md"]
    assert nav.sections["ip"] is section


def test_a_folder_without_index_is_named_after_the_folder_and_sorts_by_that_name() -> None:
    nav = build_navigation([page("ung-ufør/a.md", "A"), page("b.md", "Tilbake"),
                            page("a.md", "Alfa")])
    assert folder_title("ung-ufør") == "Ung ufør" and folder_title("IPS_Norge") == "IPS Norge"
    assert nav.sections["ung-ufør"].title == "Ung ufør"
    assert paths(nav.reading_order) == ["a.md", "b.md", "ung-ufør/a.md"]


def test_ties_keep_pages_before_folders_then_names() -> None:
    nav = build_navigation([page("z/index.md", "Samme"), page("y.md", "samme"),
                            page("x.md", "Samme")])
    assert paths(nav.reading_order) == ["x.md", "y.md", "z/index.md"]


def test_nested_sections_are_read_depth_first() -> None:
    nav = build_navigation([page("a/b/index.md", "B", order=1), page("a/b/c.md", "C"),
                            page("a/index.md", "A"), page("a/z.md", "Z", order=2),
                            page("index.md", "Forside")])
    assert paths(nav.reading_order) == ["index.md", "a/index.md", "a/b/index.md", "a/b/c.md",
                                        "a/z.md"]
    assert nav.sections["a/b"].title == "B"


def test_previous_and_next_follow_the_reading_order() -> None:
    nav = build_navigation([page("index.md", "Forside"), page("ip/index.md", "IP"),
                            page("ip/plan.md", "Plan"), page("om.md", "Om")])
    assert nav.previous_page("index.md") is None
    assert nav.next_page("index.md") == nav.reading_order[1]
    before, after = nav.previous_page("ip/plan.md"), nav.next_page("ip/plan.md")
    assert before is not None and before.src_path == "ip/index.md"
    assert after is not None and after.src_path == "om.md"
    assert nav.next_page("om.md") is None
    assert nav.next_page("finnes-ikke.md") is None and nav.previous_page("finnes-ikke.md") is None


def test_empty_site_has_an_empty_navigation() -> None:
    nav = build_navigation([])
    assert nav.items == () and nav.reading_order == () and nav.sections == {}
