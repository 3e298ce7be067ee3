"""News items: where they may live, what their feeds need from ``mkdocs.yml``, and the links
of drafts.

The links between news items and portal pages are checked like every page's, both ways
(``checks.links``): news items are pages of the one site. Drafts a build leaves out have their
links checked here, against the site with the drafts added, so an editor learns of a broken
link before publishing; a published page that links to a draft still fails.
"""

from __future__ import annotations

from dataclasses import replace

from site_build.checks.links import check_links
from site_build.content.config import CONFIG_FILE
from site_build.content.news import left_out_drafts
from site_build.diagnostics import Diagnostic
from site_build.model import Site
from site_build.site.news import NEWS_DIR

__all__ = ["check_draft_links", "check_news"]


def check_news(site: Site) -> list[Diagnostic]:
    """News items only in ``aktuelt/``, only news items there, a ``site_url`` for feeds, and
    the links of drafts left out of the site."""
    out: list[Diagnostic] = check_draft_links(site)
    prefix = NEWS_DIR + "/"
    for page in site.pages:
        inside = page.src_path.startswith(prefix)
        if page.front.type == "news" and not inside:
            out.append(Diagnostic(page.path, 1, "type", f"news items belong in "
                                  f"'{site.config.docs_dir}/{NEWS_DIR}/'; move the file there "
                                  "or choose another type"))
        elif inside and page.front.type != "news" and page.src_path != prefix + "index.md":
            out.append(Diagnostic(page.path, 1, "type", f"every page in "
                                  f"'{site.config.docs_dir}/{NEWS_DIR}/' but index.md is a news "
                                  "item: set 'type: news' or move the page"))
    has_news = any(p.front.type == "news" for p in site.pages)
    if has_news and site.page(prefix + "index.md") is None and prefix + "index.md" not in \
            site.failed:
        first = next(p for p in site.pages if p.front.type == "news")
        out.append(Diagnostic(first.path, 1, "type", f"news items need "
                              f"'{site.config.docs_dir}/{NEWS_DIR}/index.md': it opens the news "
                              "list (title, description and text above the items)"))
    if has_news and not site.config.site_url:
        out.append(Diagnostic(CONFIG_FILE, 1, "site_url", "is needed when there are news items: "
                              "their Atom feeds link with absolute URLs; add the public address, "
                              "e.g. 'site_url: https://portal.example.no/'"))
    elif has_news and not site.config.site_url.startswith(("https://", "http://")):
        out.append(Diagnostic(CONFIG_FILE, 1, "site_url", f"'{site.config.site_url}' is not an "
                              "absolute http(s) address; feeds need one"))
    return out


def check_draft_links(site: Site) -> list[Diagnostic]:
    """The link diagnostics of the drafts a build leaves out of ``site``.

    A draft may link to another draft (neither is published); only the drafts' own links are
    checked against that wider site, so a published page linking to a draft stays an error.
    """
    drafts = left_out_drafts(site)
    if not drafts:
        return []
    return check_links(replace(site, pages=site.pages + drafts), drafts)
