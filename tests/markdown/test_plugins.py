"""Each of our markdown-it plugins works on its own, and engines share no state."""

from __future__ import annotations

from markdown_it import MarkdownIt

from site_build.markdown.document import parse_body
from site_build.markdown.engine import create_markdown
from site_build.markdown.rules import (
    abbreviations_plugin,
    admonitions_plugin,
    heading_attrs_plugin,
    highlight_plugin,
    link_slots_plugin,
)
from site_build.markdown.rules.link_slots import LINK_SLOT, link_slot


def test_heading_attrs_alone() -> None:
    md = MarkdownIt("commonmark").use(heading_attrs_plugin)
    assert md.render("## Tittel {#kort .a .b}\n") == '<h2 id="kort" class="a b">Tittel</h2>\n'
    assert md.render("## Uten {ikke attributter}\n") == "<h2>Uten {ikke attributter}</h2>\n"


def test_admonitions_alone_bring_admon_and_default_titles() -> None:
    md = MarkdownIt("commonmark").use(admonitions_plugin)
    env: dict[str, object] = {"lang": "nn"}
    assert md.render("??? warning\n    Pass på.\n", env) == (
        '<details class="warning">\n<summary>Åtvaring</summary>\n<p>Pass på.</p>\n</details>\n')
    assert "problems" not in env


def test_admonitions_report_an_unknown_type() -> None:
    md = MarkdownIt("commonmark").use(admonitions_plugin)
    env: dict[str, object] = {}
    html = md.render("Tekst.\n\n!!! ukjent\n    Hva?\n", env)
    assert html.startswith('<p>Tekst.</p>\n<div class="admonition ukjent">\n')
    assert env["problems"] == [(2, "admonition", "unknown admonition type 'ukjent'")]


def test_admonitions_take_their_own_titles_and_looks() -> None:
    md = MarkdownIt("commonmark").use(
        admonitions_plugin, titles={"hint": ("Hint", "Vink")}, looks={"hint": "tip"})
    assert md.render("!!! hint\n    x\n") == (
        '<div class="admonition tip hint">\n<p class="admonition-title">Hint</p>\n'
        "<p>x</p>\n</div>\n")


def test_abbreviations_alone() -> None:
    md = MarkdownIt("commonmark").use(abbreviations_plugin, abbreviations={"IP": "individuell <plan>"})
    assert md.render("En IP, ikke `IP` eller IPS.\n") == (
        '<p>En <abbr title="individuell &lt;plan&gt;">IP</abbr>, ikke <code>IP</code> eller IPS.</p>\n')


def test_no_abbreviations_adds_no_rule() -> None:
    md = MarkdownIt("commonmark").use(abbreviations_plugin)
    assert "brobygger_abbr" not in md.core.ruler.get_all_rules()


def test_highlight_alone() -> None:
    md = MarkdownIt("commonmark").use(highlight_plugin)
    assert md.render("```python\nx\n```\n") == (
        '<div class="highlight"><pre><span></span><code><span class="n">x</span>\n</code></pre></div>\n')


def test_link_slots_alone() -> None:
    md = MarkdownIt("commonmark").use(link_slots_plugin)
    env: dict[str, object] = {}
    tokens = md.parse("[inn](a.md) [ut](https://example.no) ![Bilde](b.png)\n", env)
    inline = tokens[1].children or []
    inline[0].meta["link_index"] = 0
    inline[-1].meta["link_index"] = 7
    assert md.renderer.render(tokens, md.options, env) == (
        f'<p><a href="{link_slot(0)}">inn</a> <a href="https://example.no" rel="noopener">ut</a> '
        f'<img src="{link_slot(7)}" alt="Bilde" loading="lazy" /></p>\n')
    assert LINK_SLOT.findall(link_slot(12)) == ["12"]


def test_link_without_index_keeps_its_target() -> None:
    md = MarkdownIt("commonmark").use(link_slots_plugin)
    assert md.render("[inn](a.md)\n") == '<p><a href="a.md">inn</a></p>\n'


def test_engines_with_different_glossaries_do_not_share_state() -> None:
    nav = create_markdown({"NAV": "Arbeids- og velferdsforvaltningen"})
    ip = create_markdown({"IP": "individuell plan"})
    plain = create_markdown()
    text = "NAV og IP.\n"
    for _ in range(2):  # interleaved, both ways round
        assert parse_body(nav, text, 1, "nb").html == (
            '<p><abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr> og IP.</p>\n')
        assert parse_body(ip, text, 1, "nb").html == (
            '<p>NAV og <abbr title="individuell plan">IP</abbr>.</p>\n')
        assert parse_body(plain, text, 1, "nb").html == "<p>NAV og IP.</p>\n"
    for md in (nav, ip, plain):
        assert not [key for key in md.options if key.startswith("abbr")]


def test_problems_from_rules_get_file_lines() -> None:
    md = create_markdown()
    parsed = parse_body(md, "Tekst.\n\n!!! ukjent\n    Hva?\n", 10, "nb")
    assert (12, "admonition", "unknown admonition type 'ukjent'") in parsed.problems
