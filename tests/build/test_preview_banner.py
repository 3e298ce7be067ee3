"""The preview's error banner without a browser: its HTML (escaped, in the page's language)
and how the dev server's pages and 404 page get it, only while a rebuild has failed."""

from __future__ import annotations

from types import SimpleNamespace

import html5lib

from plugins.preview import PreviewErrors
from site_build.diagnostics import Diagnostic
from site_build.render.preview import preview_banner

HOSTILE = Diagnostic("content/a.md", 3, "title",
                     "'<script>alert(1)</script><b onmouseover=x>' is not text")
PAGE = (b'<!doctype html>\n<html lang="nn" class="no-js"><head><title>T</title></head>'
        b'<body dir="ltr" data-md-color-scheme="default"><main>Innhald</main></body></html>')


def test_banner_lists_every_problem_as_text_in_bokmal() -> None:
    problems = [HOSTILE, Diagnostic("content/b.md", 9, "link", "'x.md' is missing"),
                "news: pelican failed"]
    banner = preview_banner(problems, "nb")
    assert 'role="alert"' in banner
    assert 'lang="nb"' in banner
    assert "Feil i innholdet (3)" in banner
    # Untrusted text is escaped: no element or attribute of it survives.
    assert "<script" not in banner and "<b " not in banner
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b onmouseover=x&gt;" in banner
    tree = html5lib.parse(banner, namespaceHTMLElements=False)
    items = [li.find("code").text for li in tree.iter("li")]
    assert items == [
        "content/a.md:3: title: '<script>alert(1)</script><b onmouseover=x>' is not text",
        "content/b.md:9: link: 'x.md' is missing",
        "news: pelican failed",
    ]
    heading = next(tree.iter("h2"))
    assert heading.get("id") == "bb-preview-errors" and heading.get("tabindex") == "-1"
    assert next(tree.iter("ul")).get("tabindex") == "0"


def test_banner_is_nynorsk_on_a_nynorsk_page() -> None:
    banner = preview_banner([HOSTILE], "nn")
    assert 'lang="nn"' in banner
    assert "Feil i innhaldet (1)" in banner
    assert "Førehandsvisinga" in banner
    assert "Forhåndsvisningen" not in banner


def test_no_problems_no_banner() -> None:
    assert preview_banner([], "nb") == ""


def test_pages_get_the_banner_first_in_the_body_and_its_style_in_the_head() -> None:
    preview = PreviewErrors()
    assert preview.inject(PAGE) == PAGE
    preview.problems = (HOSTILE,)
    page = preview.inject(PAGE).decode("utf-8")
    assert page.index("<style") < page.index("</head>")
    body = page.index('data-md-color-scheme="default">') + len('data-md-color-scheme="default">')
    assert page[body:].startswith('<section class="bb-preview-errors"')
    assert "Feil i innhaldet (1)" in page  # the page's language, from <html lang>
    assert page.endswith("<main>Innhald</main></body></html>")
    preview.problems = ()
    assert preview.inject(PAGE) == PAGE


def test_dev_server_pages_and_404_page_get_the_banner_and_reload_script() -> None:
    def add_script(content: bytes, epoch: int) -> bytes:
        return content.replace(b"</body>", b"<script>livereload(%d)</script></body>" % epoch)

    server = SimpleNamespace(_inject_js_into_html=add_script, _visible_epoch=7,
                             error_handler=lambda code: PAGE if code == 404 else None)
    preview = PreviewErrors()
    preview.install(server)
    preview.problems = (HOSTILE,)
    page = server._inject_js_into_html(PAGE, 5)
    assert b"bb-preview-errors" in page and b"livereload(5)" in page
    missing = server.error_handler(404)
    assert b"bb-preview-errors" in missing and b"livereload(7)" in missing
    assert server.error_handler(500) is None
    preview.problems = ()
    assert b"bb-preview-errors" not in server._inject_js_into_html(PAGE, 6)
