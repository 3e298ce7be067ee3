"""Where a page with a built URL is written."""

from __future__ import annotations

from site_build.site.urls import output_file


def test_output_file_of_directory_and_file_urls() -> None:
    assert output_file("") == "index.html"
    assert output_file("ip/koordinator/") == "ip/koordinator/index.html"
    assert output_file("ip/koordinator.html") == "ip/koordinator.html"
