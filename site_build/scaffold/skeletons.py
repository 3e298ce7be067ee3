"""The body a new file starts with, per kind and written form: headings an editor fills in.

Modelled on the portal's own pages: a lesson ends with a *Sjekk deg selv* self-check, a
case has *Situasjonen*, *Spørsmål til drøfting* and *Passer til*. The *Kilder* section is not
here: it is generated from ``sources`` in the front matter.
"""

from __future__ import annotations

__all__ = ["skeleton"]

_PAGE = {
    "nb": """\
Skriv en kort innledning: hva siden handler om, og hvem den er for. Det viktigste kommer først.

## Første hovedpunkt

Skriv teksten her. Bruk korte avsnitt og vanlige ord. Under en `##`-overskrift kan du dele
opp med `###`.

## Andre hovedpunkt

- Et punkt i en liste
- Et punkt til

!!! info "Om kildene"
    Skriv hvilke kilder siden bygger på, og hvor gamle de er. Listen over kilder lages av
    feltet `sources` øverst i filen.
""",
    "nn": """\
Skriv ei kort innleiing: kva sida handlar om, og kven ho er for. Det viktigaste kjem først.

## Første hovudpunkt

Skriv teksten her. Bruk korte avsnitt og vanlege ord. Under ei `##`-overskrift kan du dele
opp med `###`.

## Andre hovudpunkt

- Eit punkt i ei liste
- Eit punkt til

!!! info "Om kjeldene"
    Skriv kva kjelder sida byggjer på, og kor gamle dei er. Lista over kjelder blir laga av
    feltet `sources` øvst i fila.
""",
}

_LESSON = {
    "nb": """\
Skriv et par setninger om hva leksjonen handler om, og hvorfor det betyr noe for deltakeren.

## Første tema

Forklar ett tema om gangen. Et eksempel fra arbeidslivet gjør det lettere å huske.

## Andre tema

Skriv teksten her.

!!! refleksjon "Refleksjonsoppgave"
    Skriv en oppgave deltakeren kan tenke over alene eller drøfte med andre.

!!! kursleder "Til kurslederen"
    Råd til den som leder kurset. Deltakerne ser ikke denne boksen.

## Sjekk deg selv

??? quiz
    1. Første spørsmål (ett riktig svar)?
       - (x) Det riktige svaret > Hvorfor dette er riktig.
       - ( ) Et galt svar > Hvorfor dette ikke stemmer.
    2. Andre spørsmål (flere riktige svar)?
       - [x] Et riktig svar > Hvorfor dette er riktig.
       - [x] Enda et riktig svar > Hvorfor dette også er riktig.
       - [ ] Et galt svar > Hvorfor dette ikke stemmer.
""",
    "nn": """\
Skriv eit par setningar om kva leksjonen handlar om, og kvifor det betyr noko for deltakaren.

## Første tema

Forklar eitt tema om gongen. Eit døme frå arbeidslivet gjer det lettare å hugse.

## Andre tema

Skriv teksten her.

!!! refleksjon "Refleksjonsoppgåve"
    Skriv ei oppgåve deltakaren kan tenkje over åleine eller drøfte med andre.

!!! kursleder "Til kursleiaren"
    Råd til den som leier kurset. Deltakarane ser ikkje denne boksen.

## Sjekk deg sjølv

??? quiz
    1. Første spørsmål (eitt rett svar)?
       - (x) Det rette svaret > Kvifor dette er rett.
       - ( ) Eit gale svar > Kvifor dette ikkje stemmer.
    2. Andre spørsmål (fleire rette svar)?
       - [x] Eit rett svar > Kvifor dette er rett.
       - [x] Enda eit rett svar > Kvifor dette òg er rett.
       - [ ] Eit gale svar > Kvifor dette ikkje stemmer.
""",
}

_CASE = {
    "nb": """\
!!! note "Om caset"
    Personen og detaljene er oppdiktet. Skriv hva caset bygger på.

## Situasjonen

Fortell hva som skjer, hvem som er med, og hva de står overfor. Skriv konkret og kort.

## Spørsmål til drøfting

1. Hva gikk bra, og hvorfor?
2. Hva kunne vært gjort annerledes?
3. Hvem burde ha snakket sammen, og når?

## Passer til

- Nevn modulene eller veiledningene caset passer til, som lenker.
""",
    "nn": """\
!!! note "Om caset"
    Personen og detaljane er dikta opp. Skriv kva caset byggjer på.

## Situasjonen

Fortel kva som skjer, kven som er med, og kva dei står overfor. Skriv konkret og kort.

## Spørsmål til drøfting

1. Kva gjekk bra, og kvifor?
2. Kva kunne vore gjort annleis?
3. Kven burde ha snakka saman, og når?

## Passar til

- Nemn modulane eller rettleiingane caset passar til, som lenkjer.
""",
}

_ARTICLE = {
    "nb": """\
Skriv ingressen her: ett eller to avsnitt som sier det viktigste først.

## Mellomtittel

Skriv resten av saken. Lenk til sidene i portalen som saken handler om.

!!! info "Om kilden"
    Skriv hva saken bygger på, og hvor gammelt det er.
""",
    "nn": """\
Skriv ingressen her: eitt eller to avsnitt som seier det viktigaste først.

## Mellomtittel

Skriv resten av saka. Lenk til sidene i portalen som saka handlar om.

!!! info "Om kjelda"
    Skriv kva saka byggjer på, og kor gammalt det er.
""",
}

_GUIDANCE = {
    "nb": """\
Skriv en kort innledning: hva veiledningen hjelper leseren med, og når den gjelder.

## Når gjelder dette?

Beskriv situasjonen, og hvem som har ansvaret.

## Slik gjør du det

1. Første steg.
2. Andre steg.
3. Tredje steg.

## Fallgruver

- En vanlig feil, og hvordan du unngår den.

!!! info "Om kildene"
    Skriv hvilke kilder veiledningen bygger på, og hvor gamle de er.
""",
    "nn": """\
Skriv ei kort innleiing: kva rettleiinga hjelper lesaren med, og når ho gjeld.

## Når gjeld dette?

Beskriv situasjonen, og kven som har ansvaret.

## Slik gjer du det

1. Første steg.
2. Andre steg.
3. Tredje steg.

## Fallgruver

- Ein vanleg feil, og korleis du unngår han.

!!! info "Om kjeldene"
    Skriv kva kjelder rettleiinga byggjer på, og kor gamle dei er.
""",
}

_CHECKLIST = {
    "nb": """\
Skriv hva listen skal brukes til, og når. Listen kan skrives ut.

## Før

- [ ] Første punkt
- [ ] Andre punkt

## Underveis

- [ ] Første punkt

## Etterpå

- [ ] Første punkt
""",
    "nn": """\
Skriv kva lista skal brukast til, og når. Lista kan skrivast ut.

## Før

- [ ] Første punkt
- [ ] Andre punkt

## Undervegs

- [ ] Første punkt

## Etterpå

- [ ] Første punkt
""",
}

_BODIES: dict[str, dict[str, str]] = {"page": _PAGE, "lesson": _LESSON, "case": _CASE,
                                      "guidance": _GUIDANCE, "checklist": _CHECKLIST,
                                      "article": _ARTICLE}


def skeleton(kind: str, lang: str) -> str:
    """The body a new file of ``kind`` starts with, in bokmål or (``nn``) nynorsk."""
    return _BODIES[kind]["nn" if lang == "nn" else "nb"]
