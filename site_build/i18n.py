"""Every bokmål and nynorsk string the core puts into pages, and the language codes."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from site_build.model import Lang

__all__ = ["ADMONITION_TITLES", "LANGS", "SOURCE_GROUPS", "long_date", "text"]

LANGS: tuple[Lang, ...] = ("nb", "nn")

# Default titles of untitled admonitions, by type: (bokmål, nynorsk).
ADMONITION_TITLES: dict[str, tuple[str, str]] = {
    "note": ("Merk", "Merk"),
    "info": ("Info", "Info"),
    "tip": ("Tips", "Tips"),
    "warning": ("Advarsel", "Åtvaring"),
    "danger": ("Fare", "Fare"),
    "example": ("Eksempel", "Døme"),
    "quote": ("Sitat", "Sitat"),
    "question": ("Spørsmål", "Spørsmål"),
    "abstract": ("Sammendrag", "Samandrag"),
    "success": ("Svar", "Svar"),
    "failure": ("Feil", "Feil"),
    "bug": ("Feil", "Feil"),
    "refleksjon": ("Refleksjonsoppgave", "Refleksjonsoppgåve"),
    "kursleder": ("Til kurslederen", "Til kursleiaren"),
}

# The groups of the source list: (source kind, bokmål heading, nynorsk heading).
SOURCE_GROUPS: tuple[tuple[Literal["seed", "outside"], str, str], ...] = (
    ("seed", "Kildedokumentene", "Kjeldedokumenta"),
    ("outside", "Andre kilder", "Andre kjelder"),
)

_TEXTS: dict[str, tuple[str, str]] = {
    "sources": ("Kilder", "Kjelder"),
    "related": ("Relaterte sider", "Relaterte sider"),
    "about_source": ("Om kilden", "Om kjelda"),
    "not_cited": ("Ikke sitert ennå.", "Ikkje sitert enno."),
    "used_on": ("Brukt på", "Brukt på"),
    "page": ("side", "side"),
    "pages": ("sider", "sider"),
    # News (the front page's latest items, the news host's pages and feeds).
    "latest_news": ("Siste nytt", "Siste nytt"),
    "all_news": ("Alle nyheter", "Alle nyheiter"),
    "news_feed": ("Abonner på nyhetene (Atom)", "Abonner på nyheitene (Atom)"),
    "news_linking": ("Omtalt i Aktuelt", "Omtalt i Aktuelt"),
    "draft": ("Utkast: ikke publisert", "Utkast: ikkje publisert"),
    "by": ("Av", "Av"),
    "category": ("Kategori", "Kategori"),
    "categories": ("Kategorier", "Kategoriar"),
    "tags": ("Emneord", "Emneord"),
    "archive": ("Arkiv", "Arkiv"),
    "newer": ("Nyere", "Nyare"),
    "older": ("Eldre", "Eldre"),
    "news_pages": ("Sider i nyhetslisten", "Sider i nyheitslista"),
    "page_n": ("Side", "Side"),
    "feed": ("Nyhetsstrøm", "Nyheitsstraum"),
}

_MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember")


def text(key: str, lang: str) -> str:
    """The string ``key`` in ``lang`` (``nn`` for nynorsk, anything else bokmål)."""
    nb, nn = _TEXTS[key]
    return nn if lang == "nn" else nb


def long_date(date: dt.date) -> str:
    """A date as readers write it (``16. november 2026``; the same in bokmål and nynorsk)."""
    return f"{date.day}. {_MONTHS[date.month - 1]} {date.year}"
