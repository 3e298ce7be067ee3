"""Norwegian word banks for the benchmark corpus (bokmål and nynorsk).

The vocabulary is about work and mental health: employers, NAV, follow-up, adjustment at work,
individual plans, IPS. Sentences are assembled from slots (subject, verb phrase, object,
adverbial) and compound nouns from prefixes and heads, so the text has the long compounds and
the æ/ø/å that Norwegian search and slugging must handle.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bank:
    """One language's word lists.

    Attributes:
        subjects: Noun phrases that can start a sentence.
        verbs: Finite verb phrases taking an object.
        objects: Object noun phrases.
        adverbials: Trailing adverbials (time, place, manner).
        openers: Sentence openers followed by a subordinate clause.
        prefixes: First parts of compound nouns.
        heads: Last parts of compound nouns.
        adjectives: Adjectives for headings and titles.
        heading_patterns: Heading templates with ``{n}`` (compound noun) and ``{a}``.
        title_patterns: Page title templates with ``{n}``, ``{a}`` and ``{who}``.
        who: Audience phrases for titles.
        objective_patterns: Learning objective templates with ``{o}`` (object phrase).
    """

    subjects: tuple[str, ...]
    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    adverbials: tuple[str, ...]
    openers: tuple[str, ...]
    prefixes: tuple[str, ...]
    heads: tuple[str, ...]
    adjectives: tuple[str, ...]
    heading_patterns: tuple[str, ...]
    title_patterns: tuple[str, ...]
    who: tuple[str, ...]
    objective_patterns: tuple[str, ...]


# fmt: off
NB = Bank(
    subjects=(
        "arbeidsgiveren", "lederen", "den ansatte", "veilederen i NAV", "fastlegen",
        "koordinatoren", "kollegaene", "brukeren", "tillitsvalgte", "verneombudet",
        "bedriftshelsetjenesten", "jobbspesialisten", "behandleren på DPS", "pårørende",
        "saksbehandleren", "HMS-rådgiveren", "personalavdelingen", "teamet rundt brukeren",
        "den sykmeldte", "kommunen", "psykologen", "arbeidstakeren",
    ),
    verbs=(
        "bør avklare", "kan tilby", "følger opp", "legger til rette for", "drøfter",
        "kartlegger", "vurderer", "dokumenterer", "tar ansvar for", "planlegger",
        "avtaler", "prioriterer", "gjennomgår", "styrker", "beskriver", "tar opp",
        "får hjelp med", "må kjenne til", "skal involveres i", "sørger for",
    ),
    objects=(
        "behovet for tilrettelegging", "en individuell plan", "arbeidsoppgavene",
        "gradert sykmelding", "oppfølgingsplanen", "en trygg samtale", "dialogmøtet",
        "arbeidstiden", "målene for arbeidsrettet oppfølging", "taushetsplikten",
        "samtykket fra brukeren", "arbeidsavklaringspenger", "tiltakene i NAV",
        "det psykososiale arbeidsmiljøet", "mestringen i hverdagen", "jobbsøket",
        "overgangen tilbake til arbeid", "rollefordelingen", "tidlig innsats",
        "støtten fra kollegaer", "ansvarsgruppen", "forventningene på begge sider",
        "søvn og belastning", "åpenhet om psykisk helse", "lønnstilskuddet",
    ),
    adverbials=(
        "i samarbeid med den ansatte", "så tidlig som mulig", "på arbeidsplassen",
        "etter avtale", "innen fire uker", "med samtykke fra brukeren", "hver måned",
        "før dialogmøtet", "uten unødig opphold", "i tett dialog med NAV", "på en god måte",
        "gjennom hele forløpet", "når sykefraværet øker", "i det daglige", "ved behov",
        "sammen med fastlegen", "på tvers av tjenestene", "over tid",
    ),
    openers=(
        "Det er viktig at", "Erfaring viser at", "Mange opplever at", "Forskning tyder på at",
        "Det hjelper når", "Husk at", "I praksis betyr det at", "Ofte er det slik at",
        "Det er lurt at", "Strategiplanen peker på at",
    ),
    prefixes=(
        "arbeids", "helse", "oppfølgings", "tilretteleggings", "jobb", "samarbeids",
        "sykefraværs", "mestrings", "lønns", "tiltaks", "bruker", "leder", "kompetanse",
        "behandlings", "avklarings", "kartleggings", "nærværs", "inkluderings", "dialog",
        "rehabiliterings", "veilednings", "støtte", "nettverks", "trygghets",
    ),
    heads=(
        "plan", "møte", "tilbud", "samtale", "miljø", "tjeneste", "ansvar", "rutine",
        "avtale", "evne", "behov", "tiltak", "team", "verktøy", "forløp", "område",
        "gruppe", "strategi", "kultur", "stilling", "ordning", "praksis", "ferdighet",
        "fravær", "støtte", "spørsmål",
    ),
    adjectives=(
        "god", "tidlig", "trygg", "tett", "felles", "tydelig", "praktisk", "gradert",
        "individuell", "forebyggende", "helhetlig", "varig", "åpen", "fleksibel",
    ),
    heading_patterns=(
        "Hva er {n}", "Slik bruker du {n}", "Når trengs {n}", "Hvem har ansvar for {n}",
        "{A} {n}", "Råd om {n}", "Eksempler på {n}", "Vanlige spørsmål om {n}",
        "Dette sier forskningen om {n}", "Sjekk {n}", "Tips til {n} i hverdagen",
        "Hvordan følge opp {n}", "Før du starter med {n}", "Mer om {n}",
    ),
    title_patterns=(
        "{A} {n} for {who}", "Slik lykkes dere med {n}", "{N} i praksis",
        "Veileder om {n}", "Sjekkliste for {n}", "Når {who} trenger {n}", "{N} og psykisk helse",
        "Fra sykmelding til {n}", "Hva {who} bør vite om {n}", "{A} {n} på arbeidsplassen",
    ),
    who=(
        "arbeidsgivere", "ledere", "ansatte", "NAV-veiledere", "fastleger", "tillitsvalgte",
        "verneombud", "jobbspesialister", "pårørende", "brukere", "kolleger",
    ),
    objective_patterns=(
        "forklare {o}", "beskrive {o}", "ta initiativ til {o}", "gi råd om {o}",
        "følge opp {o}", "vurdere {o}", "planlegge {o} sammen med den ansatte",
    ),
)

NN = Bank(
    subjects=(
        "arbeidsgivaren", "leiaren", "den tilsette", "rettleiaren i NAV", "fastlegen",
        "koordinatoren", "kollegaane", "brukaren", "tillitsvalde", "verneombodet",
        "bedriftshelsetenesta", "jobbspesialisten", "behandlaren på DPS", "pårørande",
        "sakshandsamaren", "HMS-rådgivaren", "den sjukmelde", "kommunen", "arbeidstakaren",
    ),
    verbs=(
        "bør avklare", "kan tilby", "følgjer opp", "legg til rette for", "drøftar",
        "kartlegg", "vurderer", "dokumenterer", "tek ansvar for", "planlegg", "avtalar",
        "prioriterer", "går gjennom", "styrkjer", "skildrar", "tek opp", "får hjelp med",
        "må kjenne til", "syter for",
    ),
    objects=(
        "behovet for tilrettelegging", "ein individuell plan", "arbeidsoppgåvene",
        "gradert sjukmelding", "oppfølgingsplanen", "ein trygg samtale", "dialogmøtet",
        "arbeidstida", "måla for arbeidsretta oppfølging", "teieplikta",
        "samtykket frå brukaren", "arbeidsavklaringspengar", "tiltaka i NAV",
        "det psykososiale arbeidsmiljøet", "meistringa i kvardagen", "jobbsøket",
        "overgangen tilbake til arbeid", "rollefordelinga", "tidleg innsats",
        "støtta frå kollegaer", "ansvarsgruppa", "forventningane på begge sider",
    ),
    adverbials=(
        "i samarbeid med den tilsette", "så tidleg som mogleg", "på arbeidsplassen",
        "etter avtale", "innan fire veker", "med samtykke frå brukaren", "kvar månad",
        "før dialogmøtet", "utan unødig opphald", "i tett dialog med NAV", "på ein god måte",
        "gjennom heile forløpet", "når sjukefråværet aukar", "i det daglege", "ved behov",
        "saman med fastlegen", "på tvers av tenestene", "over tid",
    ),
    openers=(
        "Det er viktig at", "Erfaring viser at", "Mange opplever at", "Forsking tyder på at",
        "Det hjelper når", "Hugs at", "I praksis tyder det at", "Ofte er det slik at",
        "Det er lurt at", "Strategiplanen peikar på at",
    ),
    prefixes=(
        "arbeids", "helse", "oppfølgings", "tilretteleggings", "jobb", "samarbeids",
        "sjukefråværs", "meistrings", "løns", "tiltaks", "brukar", "leiar", "kompetanse",
        "behandlings", "avklarings", "kartleggings", "nærværs", "inkluderings", "dialog",
        "rettleiings", "støtte", "nettverks", "tryggleiks",
    ),
    heads=(
        "plan", "møte", "tilbod", "samtale", "miljø", "teneste", "ansvar", "rutine",
        "avtale", "evne", "behov", "tiltak", "team", "verktøy", "forløp", "område",
        "gruppe", "strategi", "kultur", "stilling", "ordning", "praksis", "dugleik",
        "fråvær", "støtte", "spørsmål",
    ),
    adjectives=(
        "god", "tidleg", "trygg", "tett", "felles", "tydeleg", "praktisk", "gradert",
        "individuell", "førebyggjande", "heilskapleg", "varig", "open", "fleksibel",
    ),
    heading_patterns=(
        "Kva er {n}", "Slik bruker du {n}", "Når trengst {n}", "Kven har ansvar for {n}",
        "{A} {n}", "Råd om {n}", "Døme på {n}", "Vanlege spørsmål om {n}",
        "Dette seier forskinga om {n}", "Sjekk {n}", "Tips til {n} i kvardagen",
        "Korleis følgje opp {n}", "Før du startar med {n}", "Meir om {n}",
    ),
    title_patterns=(
        "{A} {n} for {who}", "Slik lukkast de med {n}", "{N} i praksis",
        "Rettleiar om {n}", "Sjekkliste for {n}", "Når {who} treng {n}", "{N} og psykisk helse",
        "Frå sjukmelding til {n}", "Kva {who} bør vite om {n}",
    ),
    who=(
        "arbeidsgivarar", "leiarar", "tilsette", "NAV-rettleiarar", "fastlegar",
        "tillitsvalde", "verneombod", "jobbspesialistar", "pårørande", "brukarar",
    ),
    objective_patterns=(
        "forklare {o}", "skildre {o}", "ta initiativ til {o}", "gi råd om {o}",
        "følgje opp {o}", "vurdere {o}",
    ),
)

# fmt: on

EXTERNAL_LINKS = (
    "https://www.nav.no/arbeidsgiver/oppfolging",
    "https://www.helsedirektoratet.no/tema/arbeid-og-helse",
    "https://lovdata.no/dokument/NL/lov/2005-06-17-62",
    "https://www.arbeidstilsynet.no/tema/psykososialt-arbeidsmiljo/",
    "https://www.ipsnorge.no/",
)

ADMONITION_TYPES = ("note", "info", "tip", "warning", "example", "question", "abstract")

BANKS = {"nb": NB, "nn": NN}
