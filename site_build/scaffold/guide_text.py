"""The editor's guide's words for each key and rule of the one schema, in bokmål.

The schema describes its keys in English (for JSON Schema and ``docs/CONTENT_SCHEMA.md``); the
guide needs them in Norwegian. Every key and rule the schema has must be here: the guide's
generator stops with a ``KeyError`` on one that is not, so a new key cannot go undocumented.
"""

from __future__ import annotations

__all__ = ["FIELD_TEXT", "RULE_TEXT"]

_ENTRY = {
    "id": "Navnet sidene bruker for oppføringen: små bokstaver, ord med bindestrek mellom.",
    "label": "Navnet leserne ser.",
    "description": "En setning om hvem eller hva oppføringen gjelder.",
}

# (document, key) -> what the key is for. Documents as in ``guide.DOCUMENTS``.
FIELD_TEXT: dict[str, dict[str, str]] = {
    "front-matter": {
        "title": "Sidens tittel. Den blir overskriften øverst, så skriv ingen egen "
                 "`# `-overskrift.",
        "description": "Én setning til søkeresultater og lenker. Den står ikke på siden.",
        "type": "Hva slags side dette er. Typen avgjør hvilke andre felt som må være med.",
        "audience": "Hvem siden er skrevet for.",
        "topics": "Hva siden handler om.",
        "sources": "Kildene siden bygger på. Listen *Kilder* nederst lages av dette feltet. "
                   "Bare vanlige sider kan ha en tom liste.",
        "lang": "Målformen: `nb` for bokmål og `nn` for nynorsk. Standard er språket i "
                "`mkdocs.yml`.",
        "reviewed": "Da siden sist ble sjekket mot kildene.",
        "review_by": "Når siden skal sjekkes igjen. Leserne ser begge datoer.",
        "duration": "Omtrent hvor mange minutter siden tar å gå gjennom.",
        "objectives": "Hva deltakeren skal lære, ett mål per linje.",
        "date": "Publiseringsdato for en nyhet.",
        "order": "Plassen i menyen blant sidene i samme mappe. Lavest først.",
        "hide": "Deler av rammen som skal skjules på denne siden.",
        "generated": "Legger til ordlisten, kildelisten, de siste nyhetene eller kurskatalogen "
                     "etter teksten, eller for et kursspor oversikten, kursbeviset, "
                     "kurslederens opplegg eller utskriften.",
        "track": "Kurssporet (navnet på filen i `courses/`) som oversikten, kursbeviset, "
                 "kurslederens opplegg eller utskriften gjelder.",
        "author": "Hvem som skrev nyheten, for eksempel «Redaksjonen».",
        "category": "Kategorien til nyheten.",
        "tags": "Frie stikkord. Hvert stikkord får sin egen liste over nyheter.",
        "status": "`draft` er et utkast: Det vises i forhåndsvisningen, men ikke på nettstedet.",
    },
    "course": {
        "title": "Kursets navn.",
        "summary": "Hva kurset handler om, med noen få setninger.",
        "audience": "Hvem kurset er for.",
        "lang": "Kursets målform.",
        "objectives": "Hva deltakeren skal lære i hele kurset.",
        "prerequisites": "Kurs deltakeren bør ta først: filnavnet uten `.yml`.",
        "certificate": "Om deltakeren kan skrive ut et bevis når kurset er fullført.",
        "lessons": "Leksjonene i rekkefølge. Hver av dem peker på en side.",
        "lessons.page": "Siden, regnet fra `content/`, for eksempel "
                        "`kurs/mitt-kurs/01-innledning.md`.",
        "lessons.title": "Et eget navn på leksjonen i dette kurset. Standard er sidens tittel.",
    },
    "audiences": _ENTRY,
    "topics": _ENTRY,
    "categories": {**_ENTRY, "id": "Navnet nyhetene bruker i `category:`: små bokstaver, "
                                   "ord med bindestrek mellom.",
                   "description": "En setning om hva som hører hjemme i kategorien."},
    "sources": {
        "id": "Navnet sidene bruker i `sources:`.",
        "kind": "`seed` er et av dokumentene portalen bygger på. `outside` er en annen kjent "
                "kilde.",
        "title": "Kildens tittel.",
        "year": "Året kilden kom ut.",
        "author": "Hvem som skrev den. Må være med for `kind: outside`.",
        "issuer": "Hvem som ga den ut.",
        "note": "En merknad til leserne om kilden.",
    },
    "glossary": {
        "term": "Ordet slik det står i teksten.",
        "definition": "Forklaringen, med egne ord.",
        "expansion": "Hva forkortelsen står for.",
        "abbr": "Med `true` blir ordet merket som forkortelse overalt i teksten.",
        "lang": "Målformen forklaringen er skrevet på.",
        "sources": "Kildene forklaringen bygger på.",
    },
    "search_terms": {
        "pair": "Samme ord på bokmål og nynorsk, i grunnform.",
        "synonyms": "Ord, uttrykk eller forkortelser som betyr det samme.",
    },
}

# The schema's rule (its English text) -> the rule in the guide's words.
RULE_TEXT: dict[str, str] = {
    "`review_by` must be after `reviewed`.": "`review_by` må komme etter `reviewed`.",
    "`generated: track|certificate|facilitator|handout` needs `track`, and `track` is only "
    "for those.":
        "Oversikt, kursbevis, kurslederens opplegg og utskrift (`generated`) må ha `track`, og "
        "`track` brukes bare til dem.",
    "A page of any type but `page` must name at least one source.":
        "Alle sider som ikke er av typen `page`, må ha minst én kilde.",
    "`author`, `category`, `tags` and `status` are for `type: news` only.":
        "`author`, `category`, `tags` og `status` er bare for nyheter.",
    "A news item dated in the future needs `status: draft`.":
        "En nyhet med dato fram i tid må ha `status: draft`.",
    "`kind: outside` entries need `author`.": "Kilder med `kind: outside` må ha `author`.",
    "`abbr: true` terms need `expansion`.": "Ord med `abbr: true` må ha `expansion`.",
    "Each group has exactly one of `pair` and `synonyms`.":
        "Hver gruppe har enten `pair` eller `synonyms`, ikke begge.",
}
