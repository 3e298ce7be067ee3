"""The few ``mkdocs.yml`` settings the core reads; MkDocs validates the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from site_build.schema.fields import INVALID, At, Bool, Lang, Text
from site_build.schema.records import Document, Record

__all__ = ["CONFIG", "CONTACT_MISSING", "Email"]

CONTACT_MISSING = ("missing: the footer and the about pages show the editorial contact address; "
                   "add it under 'extra:' as 'contact: {{email: redaksjonen@example.no}}'")


@dataclass(frozen=True)
class Email(Text):
    """An email address: one ``@``, a domain with a dot, no spaces or markup characters."""

    # Deliberately loose (RFC 5322 allows far more): catches typos and a URL or name given
    # instead of an address, which a reader's mail program could not use.
    pattern: str = r"[^@\s<>\"'(),;:\[\]]+@[^@\s<>\"'(),;:\[\]]+\.[A-Za-z]{2,}"

    def check(self, value: Any, at: At, key: str) -> Any:
        text = super().check(value, at, key)
        if text is INVALID:
            return INVALID
        if not re.fullmatch(self.pattern, text.strip()):
            at.error(key, f"{text!r} is not an email address (write it as name@domain.no)")
            return INVALID
        return text.strip()

    def type_doc(self) -> str:
        return "email address"

    def _json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{self.pattern}$"}


@dataclass(frozen=True)
class Address(Text):
    """A web address on another site: ``https://…`` or ``http://…``."""

    pattern: str = r"https?://[^\s<>\"'`]+"

    def check(self, value: Any, at: At, key: str) -> Any:
        text = super().check(value, at, key)
        if text is INVALID:
            return INVALID
        if not re.fullmatch(self.pattern, text.strip()):
            at.error(key, f"{text!r} is not a web address; write it as https://…")
            return INVALID
        return text.strip()

    def type_doc(self) -> str:
        return "web address (`https://…`)"

    def _json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{self.pattern}$"}


_OWNER = Record(
    "Who publishes the portal, shown in the footer of every page.",
    fields={
        "name": Text("The owner's name as readers should see it.", max_length=120),
        "url": Address("The owner's own web site (optional)."),
    },
    required=("name",),
)

_CONTACT = Record(
    "The editorial contact readers write to (required): the footer of every page and "
    "`{{ kontakt }}` in a page show it.",
    fields={
        "email": Email("The editorial email address (`redaksjonen@…`)."),
        "phone": Text("A phone number readers may call (optional).", max_length=40),
    },
    required=("email",),
)

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
            "site_name": Text("The site's name: the `<title>` of the front page, and after "
                              "every other page's title."),
            "extra": Record(
                "Theme extras. Needed for `contact` (a check error without it); the core reads "
                "the owner and the editorial contact, MkDocs and the theme the rest.",
                fields={"owner": _OWNER, "contact": _CONTACT},
                required=("contact",),
                missing=CONTACT_MISSING,
                open=True,
                partial=True,
            ),
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
