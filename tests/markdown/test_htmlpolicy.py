"""The HTML policy: every class of violation is a problem with its line; allowed HTML is kept.

Each case is a page body parsed by ``parse_body`` (the one parse), so raw HTML blocks, inline
HTML, ``{...}`` attributes, admonition titles, heading attributes and Markdown images all go
through the policy as they do in a build. nh3 (tests/markdown/oracle.py) is the independent
oracle: what the policy accepts, Ammonia with the same allowlist leaves unchanged.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from site_build.content.load import load_site
from site_build.markdown import allowlist
from site_build.markdown.document import parse_body
from site_build.markdown.engine import create_markdown
from site_build.markdown.htmlpolicy import check_html, external_source
from site_build.render.page import Renderer
from tests.conftest import FIXTURE_SITE, REPO
from tests.markdown.oracle import nh3_clean, removed, shape

ENGINE = create_markdown({"NAV": "Arbeids- og velferdsforvaltningen"})

# (id, body, line in the body, key, part of the message)
REFUSED = [
    ("script block", "Tekst.\n\n<script>alert(1)</script>", 3, "html", "<script> is not allowed"),
    ("script inline", "Tekst <script>alert(1)</script>.", 1, "html", "<script> is not"),
    ("script upper case", "<SCRIPT SRC=//e.example/x.js></SCRIPT>", 1, "html", "<script>"),
    ("script split by a tag", "a <scr<script>ipt>alert(1)</script>", 1, "html", "<script>"),
    ("iframe srcdoc", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', 1,
     "html", "<iframe> is not allowed"),
    ("object data", '<object data="https://e.example/x.swf"></object>', 1, "html", "<object>"),
    ("embed", '<embed src="x.swf">', 1, "html", "<embed>"),
    ("base", '<base href="https://e.example/">', 1, "html", "<base>"),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://e.example">', 1,
     "html", "<meta>"),
    ("link stylesheet", '<link rel="stylesheet" href="https://e.example/x.css">', 1, "html",
     "<link>"),
    ("style import", "<style>@import url(https://e.example/x.css);</style>", 1, "html",
     "<style>"),
    ("svg onload", "<svg onload=alert(1)>", 1, "html", "<svg>"),
    ("math href", '<math href="javascript:alert(1)">x</math>', 1, "html", "<math>"),
    ("form", '<form action="https://e.example"><button>x</button></form>', 1, "html", "<form>"),
    ("input autofocus", "<input autofocus onfocus=alert(1)>", 1, "html", "<input>"),
    ("textarea", "<textarea><img src=x onerror=alert(1)></textarea>", 1, "html", "<textarea>"),
    ("noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', 1, "html",
     "<noscript>"),
    ("template", "<template><img src=x onerror=alert(1)></template>", 1, "html", "<template>"),
    ("title", "<title><img src=x onerror=alert(1)></title>", 1, "html", "<title>"),
    ("xmp", "<xmp><img src=x onerror=alert(1)></xmp>", 1, "html", "<xmp>"),
    ("plaintext", "<plaintext>", 1, "html", "<plaintext>"),
    ("frameset", "<frameset onload=alert(1)>", 1, "html", "<frameset>"),
    ("h1", "<h1>To titler</h1>", 1, "html", "<h1>"),
    ("event handler", '<img src="x.png" alt="x" onerror="alert(1)">', 1, "html",
     "event handler attribute 'onerror=' is not allowed"),
    ("event handler upper case", '<b ONCLICK="alert(1)">x</b>', 1, "html", "'onclick='"),
    ("slash instead of a space", "<div>\n<img/onerror=alert(1) src=x>\n</div>", 2, "html",
     "'onerror='"),
    ("ontoggle", "<details open ontoggle=alert(1)>", 1, "html", "'ontoggle='"),
    ("style attribute", '<p style="background:url(https://e.example/p.gif)">x</p>', 1, "html",
     "attribute 'style=' is not allowed on <p>"),
    ("srcdoc attribute", '<div srcdoc="x">', 1, "html", "'srcdoc='"),
    ("ping", '<a href="https://nav.no" ping="https://e.example/log">x</a>', 1, "html", "'ping='"),
    ("target", '<a href="https://nav.no" target="_blank">x</a>', 1, "html", "'target='"),
    ("background", '<table background="https://e.example/p.gif">', 1, "html", "'background='"),
    ("data attribute", '<span data-md-component="source">x</span>', 1, "html", "'data-md-"),
    ("multi-line tag, line of its start", "Tekst.\n\n<div\n  class=x\n  onclick=y>", 3, "html",
     "'onclick='"),
    ("javascript href", '<a href="javascript:alert(1)">x</a>', 1, "html",
     "'javascript:' URL in href= is not allowed"),
    ("javascript mixed case", '<a href="JaVaScRiPt:alert(1)">x</a>', 1, "html", "'javascript:'"),
    ("javascript tab entity", '<a href="jav&#x09;ascript:alert(1)">x</a>', 1, "html",
     "'javascript:'"),
    ("javascript decimal entities", '<a href="&#106;&#97;vascript:alert(1)">x</a>', 1, "html",
     "'javascript:'"),
    ("javascript colon entity", '<a href="javascript&colon;alert(1)">x</a>', 1, "html",
     "'javascript:'"),
    ("javascript newline", '<a href="java\nscript:alert(1)">x</a>', 1, "html", "'javascript:'"),
    ("javascript leading control", '<a href="&#1; javascript:alert(1)">x</a>', 1, "html",
     "'javascript:'"),
    ("vbscript", '<a href="vbscript:msgbox(1)">x</a>', 1, "html", "'vbscript:'"),
    ("data href", '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', 1,
     "html", "'data:'"),
    ("cite javascript", '<q cite="javascript:alert(1)">x</q>', 1, "html", "'javascript:'"),
    ("img https", '<img src="https://e.example/p.gif" alt="">', 1, "html",
     "put the file under content/"),
    ("img protocol-relative", '<img src="//e.example/p.gif" alt="">', 1, "html", "content/"),
    ("img backslashes", '<img src="\\\\e.example\\p.gif" alt="">', 1, "html", "content/"),
    ("img slash backslash", '<img src="/\\e.example/p.gif" alt="">', 1, "html", "content/"),
    ("img https backslashes", '<img src="https:\\\\e.example/p.gif" alt="">', 1, "html",
     "content/"),
    ("img entity scheme", '<img src="&#104;ttps://e.example/p.gif" alt="">', 1, "html",
     "content/"),
    ("img tab in scheme", '<img src="ht&#9;tps://e.example/p.gif" alt="">', 1, "html",
     "content/"),
    ("img leading space", '<img src="  https://e.example/p.gif" alt="">', 1, "html",
     "content/"),
    ("img data", '<img src="data:image/svg+xml,&lt;svg/&gt;" alt="">', 1, "html", "content/"),
    ("img root path", '<img src="/bilde.png" alt="">', 1, "html", "content/"),
    ("img srcset", '<img src="a.png" srcset="a.png 1x, https://e.example/b.png 2x" alt="">', 1,
     "html", "srcset="),
    ("picture source srcset", '<picture><source srcset="//e.example/b.webp"></picture>', 1,
     "html", "<source srcset="),
    ("video poster", '<video poster="https://e.example/p.jpg"></video>', 1, "html", "poster="),
    ("audio src", '<audio src="https://e.example/a.mp3"></audio>', 1, "html", "<audio src="),
    ("track src", '<video><track src="https://e.example/t.vtt"></video>', 1, "html",
     "<track src="),
    ("comment abrupt close", "<!--> <img src=x onerror=alert(1)> -->", 1, "html",
     "a comment the browser ends elsewhere"),
    ("comment abrupt close dash", "<!---> <b>x</b> -->", 1, "html", "comment"),
    ("comment bang close", "<!-- x --!> <img src=x onerror=alert(1)> -->", 1, "html",
     "comment"),
    ("comment with double dash", "<!-- a -- b -->", 1, "html", "comment"),
    ("comment never closed", "<div>\n<!-- resten av siden\n", 2, "html", "ends inside"),
    ("processing instruction", "a <?x > <img src=x onerror=alert(1)> ?> b", 1, "html",
     "reads as a comment"),
    ("cdata", "<![CDATA[ <img src=x onerror=alert(1)> ]]>", 1, "html", "reads as a comment"),
    ("bogus end tag", "<div>\n</ x <img src=x onerror=alert(1)>\n</div>", 2, "html",
     "reads as a comment"),
    ("attribute never closed", '<div>\n<p title="x\n\nTekst.', 2, "html", "ends inside"),
    ("duplicate attribute", '<a href="#" href="javascript:alert(1)">x</a>', 1, "html",
     "written twice"),
    ("doctype", "<!DOCTYPE html>", 1, "html", "<!DOCTYPE>"),
    ("class mermaid", '<pre class="mermaid"><code>graph TD</code></pre>', 1, "html",
     "class 'mermaid'"),
    ("theme id", '<div id="__config">{}</div>', 1, "html", "id '__config'"),
    ("rel prefetch", '<a href="x.md" rel="prefetch">x</a>', 1, "html", "rel 'prefetch'"),
    ("markdown image https", "Se ![kart](https://e.example/kart.png).", 1, "image",
     "put the file under content/"),
    ("markdown image protocol-relative", "![kart](//e.example/kart.png)", 1, "image",
     "content/"),
    ("markdown image data", "![kart](data:image/png;base64,iVBORw0KGgo=)", 1, "image",
     "content/"),
    ("markdown image src attribute", '![kart](kart.png){src="https://e.example/k.png"}', 1,
     "image", "content/"),
    ("markdown image srcset attribute", '![kart](kart.png){srcset="https://e.example/k.png"}',
     1, "html", "srcset="),
    ("attrs event handler", 'Se [her](https://nav.no){onclick="alert(1)"}.', 1, "html",
     "'onclick='"),
    ("attrs on code", '`kode`{onmouseover="alert(1)"}', 1, "html", "'onmouseover='"),
    ("attrs style", "[her](https://nav.no){style=\"background:url(//e.example/p)\"}", 1, "html",
     "'style='"),
    ("attrs javascript href", '[her](x.md){href="javascript:alert(1)"}', 1, "html",
     "'javascript:'"),
    ("attrs target", "[her](https://nav.no){target=_blank}", 1, "html", "'target='"),
    ("attrs theme class", "[her](https://nav.no){.mermaid}", 1, "html", "class 'mermaid'"),
    ("markdown javascript link", "Se [her](javascript:alert(1)).", 1, "html",
     "'javascript:' link is not allowed"),
    ("markdown data link", "Se [her](data:text/html;base64,PHNjcmlwdD4=).", 1, "html",
     "'data:' link"),
    ("markdown vbscript autolink", "<vbscript:msgbox(1)>", 1, "html", "'vbscript:' link"),
    ("heading theme id", "## Tittel {#__config}", 1, "html", "id '__config'"),
    ("admonition title", '!!! note "<img src=x onerror=alert(1)>"\n    Tekst.', 1, "html",
     "'onerror='"),
    ("footnote", "Tekst[^1].\n\n[^1]: <img src=https://e.example/p.gif>", 3, "html",
     "content/"),
    ("line after a multi-line inline tag", "a <b\ntitle=x>b</b>\nc <script>", 3, "html",
     "<script>"),
]

ALLOWED = [
    ("kbd", "Trykk <kbd>Ctrl</kbd> + <kbd>S</kbd>."),
    ("grid cards", '<div class="grid cards bb-entries">\n\n- a\n\n</div>'),
    ("details", "<details><summary>Mer</summary>\n\nTekst.\n\n</details>"),
    ("abbr", '<abbr title="individuell plan">IP</abbr>'),
    ("links to other sites", '<a href="https://nav.no" rel="noopener">NAV</a> '
     '<a href="mailto:post@nav.no">e-post</a> <a href="tel:+4755553333">ring</a>'),
    ("relative links", '<a href="../ip/plan.md#steg">plan</a> <a href="#kilder">kilder</a> '
     '<a href="?a=1&b=2">spørring</a>'),
    ("image in the site", '<img src="bilder/kart.png" srcset="bilder/kart.png 1x, '
     'bilder/kart@2x.png 2x" alt="Kart" width="300" loading="lazy">'),
    ("video in the site", '<video controls poster="film/plakat.jpg"><source src="film/a.mp4" '
     'type="video/mp4"><track src="film/a.vtt" kind="captions" srclang="nb" label="Norsk">'
     "</video>"),
    ("comment", "<!-- en merknad til redaktøren -->\n\nTekst."),
    ("text that looks like markup", "<p>1 < 2 &amp; 3 > 2, &copy 2024</p>"),
    ("table", '<table><caption>T</caption><tr><th scope="col" colspan="2">a</th></tr>'
     "<tr><td>1</td><td>2</td></tr></table>"),
    ("aria", '<span role="note" aria-label="Merk">!</span>'),
    ("markdown", "[NAV](https://nav.no) og ![Kart](kart.png){.bred #kart}\n\n## Del {#del}"),
    ("task list", "- [x] ferdig\n- [ ] igjen"),
]


def _parse(body: str) -> list[tuple[int, str, str]]:
    return parse_body(ENGINE, body, 1, "nb").problems


@pytest.mark.parametrize(("body", "line", "key", "part"),
                         [pytest.param(*case[1:], id=case[0]) for case in REFUSED])
def test_violation_is_a_problem_with_its_line(body: str, line: int, key: str, part: str) -> None:
    problems = _parse(body)
    assert any(p[:2] == (line, key) and part in p[2] for p in problems), problems


@pytest.mark.parametrize("body", [pytest.param(c[1], id=c[0]) for c in ALLOWED])
def test_allowed_html_passes_and_is_kept(body: str) -> None:
    parsed = parse_body(ENGINE, body, 1, "nb")
    assert parsed.problems == []
    assert shape(nh3_clean(parsed.html, core=True)) == shape(parsed.html)


def test_an_unquoted_value_is_read_as_the_browser_reads_it() -> None:
    # The browser sees one attribute, src="x/onerror=alert(1)": a relative URL, no handler
    # (refused all the same, as the '=' in an unquoted value makes it ambiguous to a reader).
    problems = check_html("<img src=x/onerror=alert(1) alt=''>")
    assert problems and not any("onerror" in message for _, message in problems)


def test_refused_html_is_reported_never_removed() -> None:
    body = '<p title="t" onclick="alert(1)">x</p>'
    parsed = parse_body(ENGINE, body, 1, "nb")
    assert parsed.problems and parsed.html.strip() == body


def test_loaded_urls_must_stay_in_the_site() -> None:
    for url in ["https://e.example/x", "//e.example/x", "\\\\e.example", "/x.png", " data:x",
                "HTTPS://e", "ht\ttps://e", "\x01https://e"]:
        assert external_source(url), url
    for url in ["x.png", "../bilder/x.png", "bilde:1.png/../x.png"[7:], "a%3Ab.png"]:
        assert not external_source(url), url


def test_allowlist_refuses_every_element_that_changes_tokenizing() -> None:
    raw_text = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                "noscript", "plaintext", "template", "svg", "math"}
    assert not raw_text & allowlist.ELEMENTS
    assert not allowlist.CORE_ELEMENTS & allowlist.ELEMENTS


COURSE_DATA = re.compile(r'<script type="application/json" id="bb-course-data">(.*?)</script>',
                         re.S)


@pytest.mark.parametrize("root", [REPO, FIXTURE_SITE], ids=["portal", "fixture"])
def test_every_page_passes_the_policy_and_the_nh3_oracle(root: object) -> None:
    loaded = load_site(root, 1)  # type: ignore[arg-type]
    assert not [d for d in loaded.diagnostics if d.key in ("html", "image")]
    renderer = Renderer(loaded.site)
    pages = list(loaded.site.pages)
    assert pages
    for page in pages:
        html = renderer.render(page).html
        # The one script element the core writes: the tracks' data as JSON (not run by a
        # browser; <, > and & escaped, so it cannot close the element or open another).
        data = COURSE_DATA.search(html)
        if data:
            assert not set("<>&") & set(data.group(1)), page.path
            html = html.replace(data.group(0), "")
        assert "<script" not in html, page.path
        assert shape(nh3_clean(html, core=True)) == shape(html), page.path


# Random tag soup: names and values from the policy, from attacks and from noise.
_TAGS = st.sampled_from([*sorted(allowlist.ELEMENTS), "script", "svg", "iframe", "style",
                          "textarea", "form", "img", "a", "Img"])
_NAMES = st.sampled_from(["href", "src", "srcset", "poster", "cite", "class", "id", "title",
                          "onerror", "style", "rel", "alt", "aria-x", "data-x", "xlink:href",
                          "ping", "HREF"]) | st.from_regex(r"[a-z][a-z:-]{0,6}", fullmatch=True)
_VALUES = st.sampled_from([
    "x.png", "https://nav.no", "javascript:alert(1)", "jav&#x09;ascript:x", "//e.example/x",
    "\\\\e", "mailto:a@b.no", "data:x", "a.png 1x, b.png 2x", "noopener", "__config",
    "mermaid", "#top", "&#104;ttps://e", "?a=1&b=2", "", "\"", "'", "<", ">",
]) | st.text(alphabet="ab:/\\&#;<>\"'= -\t\n", max_size=12)


@st.composite
def _soup(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            attrs = "".join(f' {draw(_NAMES)}="{draw(_VALUES)}"'
                            for _ in range(draw(st.integers(0, 3))))
            parts.append(f"<{draw(_TAGS)}{attrs}>")
        elif kind == 1:
            parts.append(f"</{draw(_TAGS)}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(["<!-- c -->", "<!-->", "<!--", "-->", "--!>",
                                               "<?x>", "<![CDATA[", "]]>", "</ x>", "&amp;"])))
        else:
            parts.append(draw(st.text(alphabet="ab <>&/=\"'!-\n", max_size=8)))
    return "".join(parts)


@settings(max_examples=400, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_soup())
@example('<img src="x.png" alt="">')
@example('<a href="https://nav.no" title="&quot;">x</a>')
@example("</a></a></a><table><a>")
def test_soup_never_raises_and_nh3_keeps_what_the_policy_accepts(fragment: str) -> None:
    if not check_html(fragment):
        assert removed(fragment) == [], fragment


@settings(max_examples=200, derandomize=True)
@given(st.text(max_size=200))
def test_any_text_through_the_parse_never_raises(body: str) -> None:
    for line, key, message in parse_body(ENGINE, body, 1, "nb").problems:
        assert line >= 1 and key and message
