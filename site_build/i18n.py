"""Every bokmål and nynorsk string the core puts into pages, and the language codes."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from site_build.model import Lang

__all__ = ["ADMONITION_TITLES", "LANGS", "QUIZ_TEXTS", "SOURCE_GROUPS", "duration_text",
           "long_date", "quiz_text", "text"]

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
    # Course tracks (TRACKS: lesson navigation, track pages, the catalogue).
    "lesson_n_of": ("Leksjon {n} av {total}", "Leksjon {n} av {total}"),
    "track_label": ("Kurset «{title}»", "Kurset «{title}»"),
    "track_time": ("Tid", "Tid"),
    "lesson_objectives": ("Mål for leksjonen", "Mål for leksjonen"),
    "previous_lesson": ("Forrige leksjon", "Førre leksjon"),
    "next_lesson": ("Neste leksjon", "Neste leksjon"),
    "track_outline": ("Leksjonene i kurset", "Leksjonane i kurset"),
    "to_track_page": ("Om kurset", "Om kurset"),
    "in_tracks": ("Denne siden er med i kursene:", "Denne sida er med i kursa:"),
    "course_audience": ("For", "For"),
    "course_objectives": ("Læringsmål", "Læringsmål"),
    "prerequisites": ("Ta først", "Ta først"),
    "no_prerequisites": ("Ingen forkunnskaper", "Ingen forkunnskapar"),
    "lesson_count": ("{n} leksjoner", "{n} leksjonar"),
    "lesson_count_1": ("1 leksjon", "1 leksjon"),
    "course_more": ("Mer om kurset", "Meir om kurset"),
    "certificate": ("Kursbevis", "Kursbevis"),
    "facilitator": ("Veiledning for kursledere", "Rettleiing for kursleiarar"),
    "handout": ("Hele kurset på én side (til utskrift)", "Heile kurset på éi side (til utskrift)"),
    "all_courses": ("Alle kurs", "Alle kurs"),
    "filter_audience": ("Vis kurs for", "Vis kurs for"),
    "all_audiences": ("Alle", "Alle"),
    "showing_courses": ("Viser {n} av {total} kurs", "Viser {n} av {total} kurs"),
}

# --- PROGRESS (issue 9): the certificate page (``generated: certificate``).
_CERTIFICATE_TEXTS: dict[str, tuple[str, str]] = {
    "cert_pending": ("Kursbeviset for «{track}» vises her når du har fullført alle leksjonene.",
                     "Kursbeviset for «{track}» blir vist her når du har fullført alle leksjonane."),
    "cert_nojs": ("Fremdriften din lagres bare i denne nettleseren. For å vise kursbeviset trenger "
                  "siden JavaScript.",
                  "Framdrifta di blir berre lagra i denne nettlesaren. For å vise kursbeviset "
                  "treng sida JavaScript."),
    "cert_remaining": ("Leksjoner som gjenstår:", "Leksjonar som står att:"),
    "cert_kind": ("Kursbevis", "Kursbevis"),
    "cert_name": ("Navn (skrives bare på denne maskinen)", "Namn (blir berre skrive på denne maskina)"),
    "cert_completed": ("har fullført kurset", "har fullført kurset"),
    "cert_scope": ("Omfang", "Omfang"),
    "cert_lessons": ("leksjoner", "leksjonar"),
    "cert_date": ("Fullført", "Fullført"),
    "cert_objectives": ("Mål for kurset", "Mål for kurset"),
    "cert_receipt": ("Dette er en kvittering for gjennomført kurs, ikke et autentisert "
                     "kompetansebevis. Fremdriften er registrert av deltakeren selv, i egen "
                     "nettleser, og er ikke kontrollert av noen.",
                     "Dette er ei kvittering for gjennomført kurs, ikkje eit autentisert "
                     "kompetansebevis. Framdrifta er registrert av deltakaren sjølv, i eigen "
                     "nettlesar, og er ikkje kontrollert av nokon."),
    "cert_print": ("Skriv ut kursbeviset", "Skriv ut kursbeviset"),
    "hour": ("time", "time"),
    "hours": ("timer", "timar"),
    "minute": ("minutt", "minutt"),
    "minutes": ("minutter", "minutt"),
    "and": ("og", "og"),
}
_TEXTS.update(_CERTIFICATE_TEXTS)


def duration_text(minutes: int, lang: str) -> str:
    """A length of time as readers write it: ``3 timer og 45 minutter``, ``1 time``, ``20 minutt``."""
    hours, rest = divmod(max(minutes, 0), 60)
    parts = [f"{n} {text(one if n == 1 else many, lang)}"
             for n, one, many in ((hours, "hour", "hours"), (rest, "minute", "minutes")) if n]
    return f" {text('and', lang)} ".join(parts) or f"0 {text('minutes', lang)}"
# --- end PROGRESS


_MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember")


def text(key: str, lang: str) -> str:
    """The string ``key`` in ``lang`` (``nn`` for nynorsk, anything else bokmål)."""
    nb, nn = _TEXTS[key]
    return nn if lang == "nn" else nb


def long_date(date: dt.date) -> str:
    """A date as readers write it (``16. november 2026``; the same in bokmål and nynorsk)."""
    return f"{date.day}. {_MONTHS[date.month - 1]} {date.year}"


# --- Self-checks (quiz; site_build/markdown/rules/quiz.py and bb-quiz.js) ---------------------
# Keys used by the core's markup, then those the script writes (tests hold bb-quiz.js to them).
QUIZ_TEXTS: dict[str, tuple[str, str]] = {
    "single": ("Ett svar er riktig.", "Eitt svar er rett."),
    "multiple": ("Ett eller flere svar er riktige.", "Eitt eller fleire svar er rette."),
    "reveal": ("Er dette riktig?", "Er dette rett?"),
    "right": ("Riktig.", "Rett."),
    "wrong": ("Ikke riktig.", "Ikkje rett."),
    "check": ("Sjekk svarene", "Sjekk svara"),
    "score": ("{score} av {max} riktige", "{score} av {max} rette"),
    "passed": ("Alle svarene er riktige.", "Alle svara er rette."),
    "failed": ("Les tilbakemeldingene, endre svarene og sjekk igjen.",
               "Les tilbakemeldingane, endre svara og sjekk igjen."),
    "chosen": ("Du valgte dette.", "Du valde dette."),
    "unanswered": ("Du har ikke svart på dette spørsmålet.",
                   "Du har ikkje svart på dette spørsmålet."),
    "question_right": ("Spørsmålet er riktig besvart.", "Spørsmålet er rett svart på."),
    "question_wrong": ("Spørsmålet er ikke riktig besvart.", "Spørsmålet er ikkje rett svart på."),
}


def quiz_text(key: str, lang: str) -> str:
    """The self-check string ``key`` in ``lang`` (``nn`` for nynorsk, anything else bokmål)."""
    nb, nn = QUIZ_TEXTS[key]
    return nn if lang == "nn" else nb
# --- end of self-checks -------------------------------------------------------------------------
