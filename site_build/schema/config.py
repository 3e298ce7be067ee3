"""The few ``mkdocs.yml`` settings the core reads; MkDocs validates the rest."""

from __future__ import annotations

from site_build.schema.fields import Bool, Lang, Text
from site_build.schema.records import Document, Record

__all__ = ["CONFIG"]

_LANGUAGE = Lang(
    "The site's language and the default `lang` of pages: `nb` or `nn`.",
    wrong="{value!r} is not supported; use 'nb' or 'nn'{hint}",
    norway="{value!r} is not supported; use 'nb' or 'nn' ('no' is ambiguous; write 'nb' for "
           "bokmål or 'nn' for nynorsk)",
    default="nb",
)

CONFIG = Document(
    title="Site settings the core reads (mkdocs.yml)",
    root=Record(
        "Site settings for the host; the core reads these keys, MkDocs the rest.",
        fields={
            "docs_dir": Text("The folder with the pages.", default="content"),
            "site_dir": Text("The folder the site is published to.", default="site"),
            "use_directory_urls": Bool("Pages at `x/` rather than `x.html`.", default=True),
            "site_url": Text("The site's public address (`https://…/`). Needed when there are "
                             "news items: feeds link with absolute URLs."),
            "theme": Record(
                "The theme's settings.",
                fields={"language": _LANGUAGE},
                open=True,
                wrong=None,
                partial=True,
            ),
        },
        open=True,
        partial=True,
    ),
    key="config",
    wrong="expected key: value settings",
)
