"""High-precision rule signals for triage: lexicons and precompiled patterns.

Every pattern runs on the *folded* text (see normalize.py: lower case, æ/ae -> a,
ø/oe -> o, å/aa -> a), so lexicon entries below are written folded too ("hor" matches
"hør", "hoer" and "hor"). Each hit becomes a :class:`Signal` with a span in the
original text.

Two strengths:
- ``hard``: decides the category on its own (a slur after de-obfuscation, an explicit
  threat). Kept narrow on purpose: lawful criticism must never be removed.
- ``soft``: a hint; the trained model sees it as a feature and weighs it.

The big patterns run only where they can begin a match (see ``PatternGate``): the same
matches, from a fraction of the scanning. For a batch (``find_signals_many``), numpy tells
at once which texts may hold what the de-obfuscation looks for (``token_hints_many``), so
that its regexes skip the many texts that hold none of it.
"""

from __future__ import annotations

import re

# CPython's own regex parser (private modules, present since 3.11, which pyproject.toml
# requires): PatternGate reads each pattern's parse tree. tests/test_triage_speed_paths.py
# checks the gate against a full scan for every gated pattern, so a change in these
# internals shows up there, not as silently missed signals.
import re._constants as sre
import re._parser as sre_parse
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from string import ascii_lowercase
from typing import Any, NamedTuple

import numpy as np

from somevakt.analysis.normalize import Folded, fold
from somevakt.analysis.recognizers.anchored import matches_at


class Signal(NamedTuple):
    """One rule hit. Immutable like a frozen dataclass, and several times cheaper to create
    (there is about one per comment)."""

    category: str
    name: str  # feature name, e.g. "rumor_marker"
    hard: bool
    start: int  # span in the original text
    end: int
    text: str
    note: str


def _alt(words: str) -> str:
    return "|".join(w.strip() for w in words.split(",") if w.strip())


def _all_matches(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(rx.finditer(text))`` for a pattern whose matches are never empty, by one search
    per match. Setting up ``finditer`` costs more than a search over a short text, and the
    passes over every comment this serves mostly find nothing or one match."""
    found: list[re.Match[str]] = []
    m = rx.search(text)
    while m is not None:
        found.append(m)
        m = rx.search(text, m.end())  # (as finditer: go on where the match ends)
    return found


# --- discrimination -----------------------------------------------------------------------
# Slurs and personal insults, matched on de-obfuscated tokens (see deobfuscate()). Harsh
# words about the municipality's work ("elendig", "udugelig", "skandale", "jævla dårlig")
# are criticism, not slurs, and are deliberately absent.
_SLUR_STEMS = _alt(
    "idiot(?:er|en|ene)?, svin(?:a|et|ene)?, hor(?:e|a|er|ene|eunge|eungen|eunger|ebukk), homo(?:er|en|ene)?, fitt(?:e|a|er), "
    "neger, negr(?:e|ene|er), pakkis(?:er|en|ene)?, svarting(?:er|en|ene)?, sandneger(?:e)?, "
    "homs(?:e|er|ene|a), soper(?:e|en|ne)?, mongo(?:er|loid|loide)?, retard(?:ert|erte|er)?, "
    "evneveik(?:e)?, andssvak(?:e)?, cp-unge(?:r)?, drittsekk(?:er|en)?, rasshol(?:er|et)?, "
    "kjerringjavel, jodesvin, muslimsvin, snylter(?:e|ne)?, parasitt(?:er|ene)?, "
    "untermensch(?:en)?, kakerlakk(?:er)?, rotter"
)
# "rotter" / "kakerlakker" / "parasitter" / "snyltere" only count said of people; the
# model handles them too, so they are soft unless a group word is near (see below).
_SOFT_SLURS = frozenset(
    {
        "rotter",
        "kakerlakk",
        "kakerlakker",
        "parasitt",
        "parasitter",
        "parasittene",
        "snylter",
        "snyltere",
        "snylterne",
    }
)
_SLUR_RE = re.compile(rf"^(?:{_SLUR_STEMS})$")

_THREAT_RE = re.compile(
    r"\b(?:"
    r"(?:med|ta med|tar med|henter) (?:hagla|geveret|riflen?|kniven|oksa|oksen|pistolen)"
    r"|hagla\b|gevaret|gevar(?:et)?\b"
    r"|(?:skal|kommer til a|ska|ska eg|skal jeg|vil) (?:drepe|skyte|banke|kverke|slakte|henge|knivstikke|sprenge|brenne ned|tenne pa|denge)"
    r"|vi vet hvor du bor|vi veit kor du bur|vet hvor du bor|veit kor du bur|vi vet hvor dere bor"
    r"|pass (?:deg|dere|dokker|dykk)\b|du skal fa svi|dere skal fa svi"
    r"|(?:sprenge|brenne ned|tenne pa) (?:radhuset|kommunehuset|kontoret)"
    r"|burde (?:skytes|henges|drepes|brennes)|skulle vart skutt|bor skytes|fortjener a do"
    r"|drep (?:dem|deg|han|ham|henne)|knuse trynet|(?<!som )(?<!som en )(?<!enn )(?<!enn en )juling|banke opp"
    r"|skyt (?:dem|deg|han|ham|henne|hele|heile|alle)\b|(?:vet|veit) (?:vi|jeg|eg) (?:hvor|kor) (?:du|dere|dokker|dykk) (?:bor|bur)"
    r"|(?:for|innen) non gjor no med deg|ga hjem pa egne bein|tenne pa huset"
    r"|feit(?:e|t)? (?:gris|svin|purke|ku|hval)|din (?:feite|jævla|javla) \w+"
    r"|heng(?:e|er)? (?:deg|han|ham|henne|dem|dei|opp (?:han|ham|henne|den|dem|deg))\b"
    r"|(?:skal|ska|vil|kommer til a) (?:fa|faa) (?:seg )?(?:en|ein|ei) (?:pa trynet|pa kjeften|smell|kilevink)"
    r"|(?:gi|gje) (?:han|ham|henne|deg|dem|dei) (?:en|ein|ei) (?:laerepenge|omgang|smell)"
    r"|knuse (?:deg|dere|han|ham|henne|bilen din|ruta di|huset ditt)\b|(?:brenner|brenn|brenne) (?:vi |me )?ned\b"
    r"|(?:vi|me) kommer etter (?:deg|dere|han|ham|henne)|(?:skal|ska) (?:fa|faa) se (?:hva|ka|kva) som skjer"
    r"|(?:skal|ska) (?:fa|faa) unngjelde|du er ikke trygg|du er ikkje trygg"
    r"|(?:laere|lare) (?:\w+ ){1,2}en lekse|gjore livet surt|knekke nesa|(?:vi|me) finner deg"
    r"|(?:bor|burde|skal) passe (?:seg|deg) (?:nar|for)|for non gjor no|sla ned (?:den|han|ham|henne|deg)"
    r")"
)

# Protected groups (folded). Used with a hostile predicate in the same sentence.
_GROUP_RE = re.compile(
    r"\b(?:muslim\w*|moslem\w*|innvandr(?:er|ar)\w*|utlending\w*|flyktning\w*|asylsok\w*|"
    r"polakk\w*|litau\w*|rumen\w*|sigoyn\w*|tater\w*|romfolk\w*|somali\w*|afrikan\w*|"
    r"arab\w*|jode\w*|joder\w*|svart\w*|homofil\w*|lesb\w*|transpers\w*|skeiv\w*|"
    r"utviklingshemm\w*|funksjonshemm\w*|handikap\w*|rullestolbruker\w*|autist\w*|"
    r"gamling\w*|pensjonist\w*|eldre|damer|kvinnfolk|kjerring\w*|kvinner|jenter|"
    r"utenlandsk\w*|ikke-etnisk\w*|samer|samene|kurder\w*|syrer\w*|pakistan\w*|"
    r"indere|thaier|thai-\w*|kristne|hinduer|buddhister|ateister|"
    r"afghan\w*|eritre\w*|irak\w*|iran\w*|tsjetsjen\w*|bosni\w*|albaner\w*|ukrain\w*|"
    r"tyrk\w*|russer\w*|negr\w*|homs\w*|transfolk|trans-?folk|mongo\w*|svarte|"
    r"kvinnfolk|asylmottak\w*|mottaket|filippin\w*|funkis\w*|samefolk\w*|fjellfinn\w*|sam(?:ane|ar)|"
    r"neger\w*|asiat\w*|kineser\w*|vietnames\w*|utviklingshemma|dovstum\w*|tigger\w*|"
    r"fremmedkultur\w*|framandkultur\w*|ikke-vestlig\w*|nordafrikan\w*|utlendingar|innvandrar\w*|"
    r"gamle folk|gamlinga\w*|homse\w*|lesbe\w*|moske\w*)\b"
)
# Hostile predicates. Strong ones dehumanise or expel on their own ("kakerlakker", "send
# dem ut"); weak ones ("late", "dumme", "bør sparkes", "stjeler") are everyday criticism
# when said of staff or the municipality ("late byråkrater") and only count with a
# protected-group word in the same sentence.
_HOSTILE_STRONG_RE = re.compile(
    r"\b(?:send (?:dem|dei|de) (?:hjem|heim|ut|tilbake)|hjem(?:at)? med (?:dem|dei)|"
    r"hor(?:er)? ikke hjemme|hoyrer ikkje heime|jag (?:dem|dei) ut|kast (?:dem|dei) ut|"
    r"ut med (?:dem|dei|alle)|parasitt\w*|snylt\w*|kakerlakk\w*|avskum|patak|"
    r"levd lenge nok|horer ikke til|ikke mennesker|ikkje menneske|"
    r"mindreverdig\w*|underlegn\w*|utrydd\w*|steriliser\w*|"
    r"en pest|ei pest|ein pest|apekatt\w*|lavere iq|dyr som|som dyr|"
    r"norge for nordmenn|burde aldri (?:vaert|vore|blitt) fodt|"
    r"ikke ekte mennesk\w*|ikkje ekte menneske\w*|undermennesk\w*|villdyr\w*|dyr i bur|i bur\b)"
)
_HOSTILE_WEAK_RE = re.compile(
    r"\b(?:sjuke? i (?:hodet|hovudet)|syke i hodet|ekle|ekkel|"
    r"skitne|dyr\b|pakk\w*\b|"
    r"stjeler alt|kriminelle alle|bare en kostnad|berre ein kostnad|"
    r"ikke no a gjore|ikkje noko a gjere|holdes unna|haldast unna|holdes borte|"
    r"burde ikke fa|skal ikke ha|fortjener ikke|ikke gi dem|ikkje gi dei|"
    r"ikke verdt|"
    r"voldelig\w*|kriminell\w*|tjuv\w*|tyv(?:er|ar|ene)?\b|stjeler|stel\b|late\b|dumme\b|"
    r"farlige\b|en plage|ein plage|kreft pa samfunnet|kreftsvulst\w*|terrorist\w*|"
    r"belastning|byrde|psykisk syke|er syke|er sjuke|unaturlig\w*|lukter|luktar|stinker|"
    r"voldta\w*|styrer alt|pervers\w*|primitiv\w*|fyllik\w*|fyllesjuk\w*|logner\w*|lyver|lyg\b|"
    r"dodvekt|forstyrr\w*|avler|formerer|verdilos\w*|drar ned|hater|ekle|ekkelt|"
    r"(?:ikke|ikkje|itte) (?:velkommen|velkomne|velkomen)|holde seg (?:unna|borte|hjemme|heime|nordpa)|"
    r"(?:egne|eigne|egen|eigen) (?:klasser|skole|skule|klassar)|(?:bo|bu) i telt|sperres inne|"
    r"(?:burde|bor|kan|skal) (?:bare )?(?:do|forsvinne|drukne)\b|forsvinn\b|samme pakk|"
    r"kjeltring\w*|lat\b|er late|(?:no|noko|bare|berre) dritt|bedre uten|betre utan|enveisbillett\w*|"
    r"jages ut|jagast ut|kast ut|kastes ut|koster bare|kostar berre|la (?:dem|dei) (?:do|ratne)|"
    r"galt med hodet|gale i hovudet|falske|uarlig\w*|uaerlig\w*|i blodet|ikke ekte|ikkje ekte|"
    r"ikke normale|ikkje normale|en trussel|ein trussel|en fare|ein fare|ugress|skadedyr|"
    r"burde (?:ikke|ikkje|itte) (?:fa|bo|jobbe|ga|vaere|undervise|adoptere)|"
    r"(?:burde|bor|skal|ma) (?:sendes|sendast|kastes|kastast|jages|jagast|sperres|sperrast|"
    r"lases|lasast|holdes|forbys|steriliseres|utvises|sparkes)|"
    r"ut av (?:landet|bygda|kommunen|norge)|"
    r"har (?:ingenting|ikke no|ikkje noko|itte no) (?:her|i \w+) a gjore)"
)
_HOSTILE_RE = re.compile(_HOSTILE_STRONG_RE.pattern + "|" + _HOSTILE_WEAK_RE.pattern)
# Staff, politicians and the municipality: a weak predicate said of them ("de late
# byråkratene", "dumme politikere") is harsh lawful criticism, even when a group word
# appears elsewhere in the sentence ("... som gir blaffen i de eldre").
_STAFF_RE = re.compile(
    r"\b(?:byrakrat\w*|ansatt\w*|tilsett\w*|politiker\w*|politikar\w*|saksbehandl\w*|"
    r"kommun\w*|radhus\w*|leder\w*|ledelse\w*|leiar\w*|sjef\w*|administrasjon\w*|teknisk|"
    r"ordfor\w*|radmann\w*|kommunedirektor\w*|rektor\w*|laerer\w*|larer\w*|kontor\w*|etat\w*)\b"
)


def _weak_hostility_about_group(sent: _Candidates) -> tuple[re.Match[str], re.Match[str]] | None:
    """(group word, weak predicate) when the predicate is said of the group, not of staff.

    The predicate counts when the group word is at least as close to it as any staff word.
    ``sent``: the sentence's scan by _sentence_gate().
    """
    groups = list(sent.finditer(_GROUP))
    if not groups:
        return None
    staff = list(sent.finditer(_STAFF))
    for h in sent.finditer(_WEAK):
        g = min(groups, key=lambda m: abs(m.start() - h.start()))
        dist = abs(g.start() - h.start())
        if staff and min(abs(m.start() - h.start()) for m in staff) < dist:
            continue
        return g, h
    return None


# A personal attack on the person addressed: "du er ei feit purke", "@Tor du er ein taper".
_ATTACK_RE = re.compile(
    r"\b(?:du|dokker|dere|dykk) er (?:en |ei |ein |et |eit |bare |berre |so |sa )?(?:\w+ ){0,3}"
    r"(?:taper\w*|gris|purke|svin|drittsekk|fitte|hore|kjerring|ape|kuk|pikk|avskum|"
    r"jalla\w*|rasshol\w*|dritt|heks|ku|feit|feite|ekkel|ekle)\b"
)

# --- rumor --------------------------------------------------------------------------------
_RUMOR_RE = re.compile(
    r"\b(?:"
    r"(?:jeg |eg |e |vi |æ )?(?:har |he )?(?:hort|hoyrt|hoyrde|horte|hort)(?: at| om| no| noko| nokon| fra| rykte\w*)"
    r"|(?:fikk|fekk) (?:hore|hoyre) at"
    r"|visstnok|visst nok|angivelig|tydeligvis skal|"
    r"folk (?:sier|seier|snakker|snakkar|prater|pratar|mener|meiner)|"
    r"non (?:sier|seier|sa|fortalte|fortalde)|nokon (?:seier|sa|fortalde)|"
    r"det (?:ryktes|snakkes|sies|vert sagt|blir sagt|gar rykter|gar eit rykte|gar et rykte)|"
    r"rykte(?:t|ne|r)? (?:gar|sier|seier|om)|ryktebors\w*|"
    r"(?:stemmer|stemme) det at|er det sant at|er det riktig at|er det rett at|"
    r"om det er sant|om det stemmer|non som vet om det|nokon som veit om|"
    r"skal visst|skal liksom ha|sies a ha|i folkemunne|har det seg slik at|"
    r"(?:er det|e det) (?:sant|riktig|rett)\b|stemmer det\s*\?|"
    r"skal ha (?:\w+ )?(?:fatt|blitt|vart|kjort|tatt|gitt|sagt|vaert|hatt|stjalet|stjale|drevet|brukt|lekket)|"
    r"etter det (?:jeg|eg|vi) (?:har )?(?:hort|hoyrt|skjonner)|ifolge (?:folk|non|en som|ei som|kilder)|"
    r"fra en som vet|en som jobber der sier|ryktebors\w*|det gar rykter|rykter om|"
    r"(?:sier|seier) folk|sies det|sies at|vert det sagt|(?:non|nokon|ei|en) (?:sa|sier|seier|fortalte|fortalde) (?:at|meg)|"
    r"har (?:jeg|eg|e|æ) (?:hort|hoyrt)|(?:fikk|fekk|har fatt|har fenge) (?:vite|hore|hoyre)|"
    r"(?:hva|ka|kva) er det (?:jeg|eg|e|æ|vi) (?:horer|hoyrer)|(?:no|noko|nokke) i det at|"
    r"non som (?:vet|veit) (?:hvorfor|no om|hva som)|nokon som veit (?:kvifor|noko om|kva som)|"
    r"er det non som sier|mange (?:mener|meiner|sier|seier) at|alle (?:vet|veit) (?:at|jo at)|"
    r"ryktet? (?:sier|seier)|snakkes det om|i det stille|under bordet|dysse\w* ned|dyssa ned|"
    r"hviskes|kviskrast|snakk(?:et)? i bygda|pa bygda|snakk(?:er|ar|a|et) om at|"
    r"(?:har )?skjont (?:at|det slik)|kan (?:dere|de|dokker|du) bekrefte (?:at|om)|"
    r"(?:har en |har ein )?mistanke om|mistenker at|"
    r"(?:jeg|eg|e|vi) (?:tror|trur|tipper|tippar) (?:nok )?(?:at )?(?:det var|det er|det var nokon|det var non)|"
    r"(?:fikk|fekk) med meg at|tydeligvis|(?:vet|veit) (?:ikke|ikkje|itte) om det (?:stemmer|er sant|e sant)|"
    r"rykte\w*|etter sigende|hevdes|(?:pastar|paster|hevder) at|holdt hemmelig|haldt hemmeleg|"
    r"i all hemmelighet|i all hemmelegheit|bak lukkede dorer|dekker over|dekke over|sto bak|stod bak|"
    r"(?:nabo\w*|venn\w*|venninn\w*|kompis\w*|kamerat\w*|svoger\w*|svigerinne\w*|kollega\w*|"
    r"bekjent\w*|kjenning\w*|(?:mannen|kona|dama|sonnen|dattera) til|ei dame|en kar|ein kar) "
    r"(?:\w+ ){0,6}(?:sa|sier|seier|fortalte|fortalde|mente|meinte|hevder|skreiv|skrev)\b|"
    r"(?:ifolge|i folge) (?:\w+ )?(?:svoger\w*|nabo\w*|venn\w*|kompis\w*|en bekjent|ein kjenning|kilder)|"
    r"(?:har )?(?:non|nokon) (?:andre )?(?:fatt med seg|hort|hoyrt)|skal (?:visst|visstnok|vistnok)|vistnok"
    r")"
)

# --- individual_case ----------------------------------------------------------------------
_OWN = r"(?:min|mi|mitt|mine|var|vart|vare|vores|vas|dokkers)"
_OWN_CASE_RE = re.compile(
    r"\b(?:"
    r"(?:soknad\w*|byggesoknad\w*|klage\w*|faktura\w*|regning\w*|purring\w*|vedtak\w*|"
    r"sak(?:a|en)?|eiendom\w*|tomt\w*|hus(?:et)?|hytt\w*|kjeller\w*|garasj\w*|postkass\w*|"
    r"avkjorsel\w*|innkjorsel\w*|gjerde\w*|bil(?:en)?|vannmaler\w*|maler(?:en)?|"
    r"barnehageplass\w*|sfo-plass\w*|plass(?:en)?|skyss\w*|eiendomsskatt\w*|takst\w*|"
    r"gebyr\w*|avgift\w*|brygg\w*|dispensasjon\w*|tilbakebetaling\w*) "
    + _OWN
    + r"|"
    + _OWN
    + r" (?:soknad|byggesoknad|klage|faktura|sak|eiendom|tomt|hus|hytte|"
    r"kjeller|garasje|postkasse|avkjorsel|barnehageplass|regning|vannmaler|gebyr)"
    r"|(?:jeg|eg|vi|e|æ) (?:har |he )?(?:sokte|soke|sokt|sendte inn|sendt inn|klaget|klaga|"
    r"klagd|fikk avslag|fekk avslag|har fatt avslag|betalte|betalt)"
    r"|(?:fikk|fekk|har fatt|har fenge) (?:ikke |ikkje |itte )?(?:avslag|svar|barnehageplass|"
    r"plass|purring|faktura|regning|vedtak)"
    r"|\bkid(?:-nr|nr|-nummer| nr| nummer)?\b|fakturanr\w*|faktura ?nr\w*|saksnr\w*|"
    r"saksnummer|kundenummer|gnr|bnr|gards- og bruksnummer|"
    r"hvordan klager (?:jeg|vi)|korleis klagar (?:eg|vi)|hvor sender (?:jeg|vi) klagen|"
    r"kor sender (?:eg|vi)|hvem sender (?:jeg|vi)|kan non (?:komme|se pa|sjekke)|"
    r"kan dere (?:sjekke|komme|se pa|sende ny|erstatte|rydde)|har ikke hort no|"
    r"ikkje hoyrt noko|hvem erstatter"
    r")"
)

# --- political ----------------------------------------------------------------------------
_POLITICAL_RE = re.compile(
    r"\b(?:"
    r"hva mener (?:kommunen|dere|ordforeren|radmannen|kommunedirektoren)|"
    r"kva meiner (?:kommunen|de|dykk|ordforaren)|ka mene (?:dokker|kommunen)|"
    r"hva synes (?:kommunen|dere)|kva synest (?:kommunen|de)|synes kommunen|"
    r"(?:er|e) (?:dere|de|dokker|kommunen) (?:for eller imot|enige|einige|imot|for a)|"
    r"for eller (?:imot|mot)|holdning til|haldning til|standpunkt|ta stilling|"
    r"kommer dere til a (?:legge ned|leggje ned|stenge|flytte|innfore|fjerne|kutte)|"
    r"(?:vil|skal) kommunen (?:ga inn for|legge ned|leggje ned|stenge|kutte|innfore)|"
    r"ga inn for|si rett ut|rettferdig|urettferdig|bor ikke kommunen|bor ikkje kommunen|"
    r"bor ikke (?:dere|de)|bor ikkje (?:de|dykk)|blir (?:det|den|skolen|skulen) (?:lagt ned|innfort|fjerna|fjernet)|"
    r"(?:legge|leggje|legges|leggjast) ned (?:\w+ )?(?:skole|skule|skolen|skulen|barnehage\w*|sykehjem\w*|sjukeheim\w*)|"
    r"skolestruktur\w*|skulestruktur\w*|eiendomsskatten? (?:fjerna|fjernet|okt|auka|senka|senket)"
    r")"
)

# --- budget_org ---------------------------------------------------------------------------
_BUDGET_RE = re.compile(
    r"\b(?:budsjett\w*|okonomi\w*|regnskap\w*|gjeld\w*|innsparing\w*|sparetiltak\w*|"
    r"kostnad\w*|kostet|koster|kostar|kosta|utgift\w*|driftsutgift\w*|lonn\w* til|"
    r"millioner|mill\b|kroner|konsulent\w*|organisering\w*|omorganiser\w*|organisasjon\w*|"
    r"organisert|organisasjonskart\w*|ansatte har|mange ansatte|arsverk\w*|stilling\w* i kommunen|"
    r"einingar|enheter|kommunalsjef\w*|ledergruppe\w*|penger|pengar|skattepenger\w*|"
    r"bevilg\w*|overskudd\w*|underskudd\w*|fond\w*|investering\w*|pengebruk\w*|sloser\w*|"
    r"sloseri\w*|lan(?:et|eopptak)|renter|inntekter|skatteinngang\w*)"
)

# --- question / feedback ------------------------------------------------------------------
_QUESTION_RE = re.compile(
    r"\?|^(?:hvor|hvordan|hvorfor|hva|hvem|hvilke|hvilken|nar|kor|korleis|kva|kven|kvifor|"
    r"ka|kem|koffor|kossen|er det|har dere|har de|kan man|kan eg|kan jeg|kan en|gjelder|"
    r"finnes|fins|stemmer)\b"
)
_FEEDBACK_RE = re.compile(
    r"\b(?:takk|takker|tusen takk|stor takk|hjertelig takk|flott\w*|supert|super|kjempe\w*|"
    r"stralende|bra jobba|bra jobbet|godt jobba|godt jobbet|imponer\w*|gull\b|fantastisk\w*|"
    r"forslag|foreslar|foreslar|tips til|hadde vart (?:fint|supert|bra|nyttig|greit|flott)|"
    r"kunne dere|kan dere vurdere|kunne de|burde dere kanskje|lurt a|vurder a|"
    r"sa bra|kjekt|kjekk|god service|rask respons|fornoyd|takknemlig|heia|glimrende)\b"
    r"|[\u2764\U0001F44F\U0001F64C\U0001F64F\U0001F4AA\U0001F970\U0001F60D\U0001F44D]"
)

# --- de-obfuscation against filter tricks -------------------------------------------------
_LEET: dict[int, str] = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "i",
        "€": "e",
        "8": "b",
    }
)
_TOKEN_RE = re.compile(r"[^\s]+")
# Runs of single characters split by spaces or punctuation: "i d i o t", "i.d.i.o.t"; a run
# starts a token. It runs on " " + text and consumes the whitespace before the run (group
# "run"): the regex engine then skips from one whitespace to the next, where a pattern
# beginning with a lookbehind is tried at every position. The lookahead (what a run's first
# two characters must be) turns down an ordinary word before the engine sets up the repeat.
_SPACED_RUN = r"(?=[^\s][\s.\-_*,/])(?P<run>(?:[^\s][\s.\-_*,/]{1,2}){2,}[^\s])(?![^\s])"
_SPACED_RE = re.compile(r"\s" + _SPACED_RUN)
_REPEAT_RE = re.compile(r"(.)\1{2,}")
_STRIP = ".,:;!?\"'()[]{}«»*_~#"


@dataclass(frozen=True, slots=True)
class _Token:
    word: str  # de-obfuscated form
    start: int  # folded offsets
    end: int


_SLUR_IN_TEXT_RE = re.compile(rf"(?<![\w-])(?:{_SLUR_STEMS})(?![\w-])")
_SPACED_PREFIX_RE = re.compile(
    r"(?:idiot|fitte|hore|neger|pakkis|svarting|homse|soper|mongo|retard|drittsekk|jodesvin)"
)
# Tokens that need per-token work: digits or symbols mixed with letters, or letter repeats.
# Their only use is the slur check, so only tokens that can pass it are found. A slur is made
# of a-z and "-" (tests/test_triage_classifier.py checks _SLUR_RE for that), and undoing
# _LEET and repeats only turns characters into letters or drops repeats: so the token's core
# (without _STRIP characters at either end) is made of a-z, "-" and _LEET's characters. That
# leaves out e-mail addresses, times, dates and amounts (most tokens with digits) before any
# per-token work. The token also holds a letter and either a _LEET character or the same
# letter or "_" three times in a row ("1d10t", "idiooot"; "___idiot", whose "_" is stripped).
# Each pattern runs on " " + text and consumes the whitespace before a whole token (group
# "token"): the regex engine skips from one whitespace to the next.
_LEET_CHARS = re.escape("".join(map(chr, _LEET)))
_SLUR_TOKEN = (
    rf"(?P<token>[{re.escape(_STRIP)}]*[a-z\-{_LEET_CHARS}]+[{re.escape(_STRIP)}]*)(?!\S)"
)
_HAS_LETTER = r"(?=[^\sa-z]*+[a-z])"
_LEET_TOKEN = rf"(?=[^\s{_LEET_CHARS}]*+[{_LEET_CHARS}]){_HAS_LETTER}{_SLUR_TOKEN}"
_LEET_TOKEN_RE = re.compile(r"\s" + _LEET_TOKEN)
_REPEAT_TOKEN_RE = re.compile(rf"\s{_HAS_LETTER}(?=\S*?([a-z_])\1\1){_SLUR_TOKEN}")
# What each token pattern needs somewhere in a text: one quick search spares its scan token
# by token in the many texts without it (the first one is a plain character scan). A token
# with three equal characters of another kind cannot be a slur, or has a _LEET character.
_LEET_CHAR_RE = re.compile(rf"[{_LEET_CHARS}]")
_TRIPLE_RE = re.compile(r"([a-z_])\1\1")
# Spaced runs and leet tokens both begin at a whitespace: one pass tries both there. Only
# lookaheads, so that it stops at every whitespace where either begins (group "run" or
# "token": that of the first alternative that matches).
_RUN_OR_LEET_TOKEN_RE = re.compile(rf"\s(?={_SPACED_RUN}|{_LEET_TOKEN})")


# What a text may hold for ``_tricky_tokens``, as bits (unset only where it certainly does
# not): a leet token (_LEET_TOKEN_RE), a spaced run (_SPACED_RE on " " + the text), three
# equal characters of [a-z_] in a row (_TRIPLE_RE).
MAY_LEET, MAY_RUN, MAY_REPEAT = 1, 2, 4


def _tricky_tokens(
    folded: str, padded: str, hints: int | None = None
) -> tuple[list[re.Match[str]], list[tuple[int, str]]]:
    """The spaced runs (the matches of ``_SPACED_RE.finditer(padded)``), and (start in
    ``folded``, token) of each whitespace-delimited token that the token patterns above
    find, in text order (a token both find, once).

    ``padded``: " " + ``folded``. In a text with a _LEET character and maybe a run, the
    runs and the leet tokens come from one pass of _RUN_OR_LEET_TOKEN_RE instead of one
    pass each. ``hints``: what the text may hold (MAY_* bits), if the caller knows
    (``token_hints_many``); else the text is searched for a _LEET character (which a leet
    token needs) and letter repeats here."""
    if hints is None:
        hints = MAY_RUN
        if _LEET_CHAR_RE.search(folded) is not None:
            hints |= MAY_LEET
        if _TRIPLE_RE.search(folded) is not None:
            hints |= MAY_REPEAT
    tokens: dict[int, str]  # start in ``folded``: token
    if not hints & MAY_LEET:
        runs, tokens = _all_matches(_SPACED_RE, padded) if hints & MAY_RUN else [], {}
    elif not hints & MAY_RUN:
        runs = []
        tokens = {m.start("token") - 1: m["token"] for m in _all_matches(_LEET_TOKEN_RE, padded)}
    else:
        runs, tokens = _runs_and_leet_tokens(padded)
    if not hints & MAY_REPEAT:
        return runs, list(tokens.items())
    tokens.update((m.start("token") - 1, m["token"]) for m in _REPEAT_TOKEN_RE.finditer(padded))
    return runs, sorted(tokens.items())


# Per character code, which of these it is; a code beyond the table is none of them, as its
# last entry says (no character of these kinds comes after U+3000: tests check that).
_SPACE, _SEPARATOR, _LEET_CHAR, _TOKEN_PART = 1, 2, 4, 8
_CHAR_KINDS = np.array(
    [
        (_SPACE if chr(c).isspace() else 0)  # (what \s matches)
        | (_SEPARATOR if chr(c).isspace() or chr(c) in ".-_*,/" else 0)  # (_SPACED_RUN's)
        | (_LEET_CHAR if c in _LEET else 0)
        # Any other character a leet token may hold (_SLUR_TOKEN: _STRIP, a-z and "-").
        | (_TOKEN_PART if c not in _LEET and chr(c) in _STRIP + ascii_lowercase + "-" else 0)
        for c in range(0x3002)
    ],
    dtype=np.uint8,
)
_CHAR_KINDS.flags.writeable = False  # (a constant, shared by all threads)


def token_hints_many(folded_texts: Sequence[str]) -> list[int]:
    """What each text may hold for ``_tricky_tokens`` (MAY_* bits), for a batch at once.

    Nearly no text holds a spaced run or letter repeats, yet their regexes must try each
    whitespace or letter: numpy looks at each character and its next few in all texts at
    once instead, in a fixed number of calls. The texts are joined as " " + text (the
    padding _SPACED_RE runs on), each followed by NUL, which is none of the characters
    looked for: what is found at a position belongs to the text there. (The
    check for a spaced run looks a few characters ahead, maybe into the next text: that
    can only set MAY_RUN where the regex then finds nothing.)"""
    if not folded_texts:
        return []
    # Text i is joined[starts[i]:starts[i + 1]]: " " + text + NUL; then room to look ahead.
    starts = np.cumsum([0, *(len(t) + 2 for t in folded_texts[:-1])])
    m = int(starts[-1]) + len(folded_texts[-1]) + 2
    joined = " " + "\0 ".join(folded_texts) + "\0" * 6
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    kind = np.take(_CHAR_KINDS, codes, mode="clip")  # ("clip": a code beyond, the last)
    space = (kind & _SPACE).astype(bool)
    word = ~space  # (what [^\s] matches)
    sep = (kind & _SEPARATOR).astype(bool)
    leet = (kind & _LEET_CHAR).astype(bool)
    part = (kind & _TOKEN_PART).astype(bool)
    # A leet token holds a _LEET character and a letter, and nothing else between them but
    # characters of _TOKEN_PART: so the _LEET character nearest the letter is next to one.
    next_to_part = (leet[:m] & part[1 : m + 1]) | (part[:m] & leet[1 : m + 1])
    found = next_to_part * np.uint8(MAY_LEET)
    # A spaced run: a space, a character and a separator, then either another character and
    # a separator, or a separator, a character and a separator: what its regex needs.
    can = np.flatnonzero(space[:m] & word[1 : m + 1] & sep[2 : m + 2])
    one_sep = word[can + 3] & sep[can + 4]
    two_seps = sep[can + 3] & word[can + 4] & sep[can + 5]
    found[can[one_sep | two_seps]] |= MAY_RUN
    # Three equal characters of [a-z_]: among the pairs of equal ones (few), a third.
    pairs = np.flatnonzero(codes[1 : m + 1] == codes[:m])
    first = codes[pairs]
    is_letter = ((first >= ord("a")) & (first <= ord("z"))) | (first == ord("_"))
    found[pairs[(codes[pairs + 2] == first) & is_letter]] |= MAY_REPEAT
    hints: list[int] = np.bitwise_or.reduceat(found, starts).tolist()
    return hints


def _runs_and_leet_tokens(padded: str) -> tuple[list[re.Match[str]], dict[int, str]]:
    """The matches of ``_SPACED_RE.finditer(padded)`` and {start in the unpadded text:
    token} of those of ``_LEET_TOKEN_RE.finditer(padded)``, from one pass."""
    runs: list[re.Match[str]] = []
    tokens: dict[int, str] = {}
    run_end = 0
    for m in _all_matches(_RUN_OR_LEET_TOKEN_RE, padded):
        pos = m.start()
        if m["run"] is None:
            tokens[pos] = m["token"]
            continue
        # A run begins here. _SPACED_RE.finditer goes on after a run, so one that begins
        # inside it is not its own; and the token alternative was not tried here.
        if pos >= run_end:
            run = _SPACED_RE.match(padded, pos)
            assert run is not None  # (the same pattern as the lookahead that matched)
            runs.append(run)
            run_end = run.end()
        token = _LEET_TOKEN_RE.match(padded, pos)
        if token is not None:
            tokens[pos] = token["token"]
    return runs, tokens


def deobfuscated_tokens(
    folded: str, *, plain: bool = True, hints: int | None = None
) -> list[_Token]:
    """Candidate slur tokens of the folded text with filter tricks undone.

    Plain words are matched in one pass over the text; only spaced-out letter runs
    ("i d i o t", "i.d.i.o.t") and tokens mixing letters with digits or symbols or
    repeating letters ("1d10t", "h0re", "idiooot") get per-token work, and of the latter
    only those that could spell a slur (``_tricky_tokens``). ``plain=False`` skips the
    plain words (for a caller that knows none can match). ``hints``: see
    ``_tricky_tokens``.
    """
    out = (
        [_Token(m.group(), m.start(), m.end()) for m in _SLUR_IN_TEXT_RE.finditer(folded)]
        if plain
        else []
    )
    padded = " " + folded  # (a match's offsets in it are one past those in ``folded``)
    runs, slur_shaped = _tricky_tokens(folded, padded, hints)
    for m in runs:
        run_start, run_end = m.start("run") - 1, m.end("run") - 1
        chars = [c for c in m["run"] if not c.isspace() and c not in ".-_*,/"]
        if len(chars) >= 3:
            # The run may swallow a one-letter word at either end ("en n e g e r i huset").
            for lo, hi in (
                (0, len(chars)),
                (1, len(chars)),
                (0, len(chars) - 1),
                (1, len(chars) - 1),
            ):
                if hi - lo < 3:
                    continue
                word = _REPEAT_RE.sub(r"\1", "".join(chars[lo:hi]).translate(_LEET))
                out.append(_Token(word, run_start, run_end))
                # Spelt-out compounds ("f i t t e k j e r r i n g") start with the slur.
                pre = _SPACED_PREFIX_RE.match(word)
                if pre is not None and pre.end() < len(word):
                    out.append(_Token(pre.group(), run_start, run_end))
    for token_start, raw in slur_shaped:
        lead = len(raw) - len(raw.lstrip(_STRIP))
        core = raw.strip(_STRIP)
        if not core or not any(map(str.isalpha, core)):
            continue
        start = token_start + lead
        core = _REPEAT_RE.sub(r"\1", core.translate(_LEET))
        out.append(_Token(core, start, start + len(raw.strip(_STRIP))))
    return out


# Folding makes "hører" "horer" and "røtter" "rotter": a slur only matches a word whose
# original had ø (or "oe") where the slur has it ("jødesvin", "rasshøl").
_O_SLASH_SLURS = ("jodesvin", "rasshol")
_O_SLASH_RE = re.compile(r"[øö]|oe")


def _folded_from_o_slash(word: str, text: str, f: Folded, tok: _Token) -> bool:
    if word.startswith(_O_SLASH_SLURS):
        return False
    s, e = f.span(tok.start, tok.end)
    return _O_SLASH_RE.search(text[s:e].lower()) is not None


# "horer" is also "hører" (hears) spelt without ø: a verb after a subject pronoun or before
# a complement ("jeg horer at", "horer du", "horer ikke") is not the slur.
_HEAR_BEFORE_RE = re.compile(
    r"(?:^|\W)(?:jeg|eg|e|ae|vi|me|du|dere|dokker|de|dei|han|hun|ho|man|som|ikke|ikkje|itte|"
    r"aldri|bare|berre|ofte|kva|ka|hva|det|da|na)\s+$"
)
_HEAR_AFTER_RE = re.compile(
    r"^\s*(?:at|om|du|dere|dokker|dykk|ikke|ikkje|itte|pa|etter|no|noko|nokke|fra|fraa|meg|deg|"
    r"hva|ka|kva|det|godt|darlig|rykter|ryktet|mye|lite|stemmen|musikk|radio|folk|alt)\b"
)


def _is_hearing_verb(folded: str, tok: _Token) -> bool:
    """Whether a plain "horer" token reads as the verb "hører" in its context."""
    if folded[tok.start : tok.end] != "horer":
        return False
    before = folded[max(0, tok.start - 12) : tok.start]
    after = folded[tok.end : tok.end + 12]
    return (
        _HEAR_BEFORE_RE.search(before) is not None
        or _HEAR_AFTER_RE.search(after) is not None
        or tok.start == 0
    )


_SENTENCE_END_RE = re.compile(r"[.!?\n]+(?:\s|$)")


def _sentence_bounds(folded: str) -> list[tuple[int, int]]:
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(folded)]
    if not ends or ends[-1] < len(folded):
        ends.append(len(folded))
    return list(pairwise([0, *ends]))


def _sentences_holding(folded: str, starts: list[int] | None) -> list[tuple[int, int]]:
    """The sentences of ``folded`` (``_sentence_bounds``) in which one of ``starts``
    (ascending) lies; all of them for None. Looked up start by start: a long text has many
    sentences, and few starts."""
    bounds = _sentence_bounds(folded)
    if starts is None:
        return bounds
    ends = [end for _, end in bounds]
    out: list[tuple[int, int]] = []
    for pos in starts:
        i = bisect_right(ends, pos)  # the first sentence ending after pos holds it
        if i < len(bounds) and (not out or out[-1] != bounds[i]):
            out.append(bounds[i])
    return out


# --- pre-check: which patterns can match at all ------------------------------------------
# The big alternations above cost more to scan over a whole text than anything else in
# triage, and most texts match none of them. Each pattern's possible match beginnings
# (its "necessary prefixes", up to _PREFIX_CHARS characters) are derived from the pattern
# itself, so they cannot drift from it; one scan of the text for all of them tells which
# patterns can match, and only those run (unchanged). A pattern without a usable prefix
# set simply always runs.
_PREFIX_CHARS = 10
_MAX_PREFIXES = 4000
_SMALL_CLASS = 40  # a [...] set of at most this many plain characters is spelt out
_WORD_CATEGORIES = frozenset({sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD})


class _Unbounded(Exception):
    """The pattern has too many prefixes to list."""


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters of a [...] set of literals and small ranges, else None."""
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE:
            lo, hi = av
            chars.extend(map(chr, range(lo, hi + 1)))
        else:
            return None  # a category (\w, \s ...) or a negation
    return chars if len(chars) <= _SMALL_CLASS else None


def _prefixes(
    nodes: list[tuple[Any, Any]], prefix: str, anchored: bool, out: set[tuple[str, bool]]
) -> None:
    """Add to ``out`` a (prefix, anchored) for each way a match of ``nodes`` can begin.

    Every match of ``nodes`` (preceded by ``prefix``) starts with one of the prefixes
    added: the walk spells out literals, small sets, alternatives and repeats, and stops
    (keeping what it has: still a necessary prefix) at anything else. Zero-width
    assertions only narrow matches, so they are skipped. ``anchored``: a word boundary
    (or "not after a word character") precedes the first character."""
    if len(out) > _MAX_PREFIXES:
        raise _Unbounded
    if len(prefix) >= _PREFIX_CHARS or not nodes:
        out.add((prefix[:_PREFIX_CHARS], anchored))
        return
    (op, av), rest = nodes[0], nodes[1:]
    if op is sre.LITERAL:
        _prefixes(rest, prefix + chr(av), anchored, out)
    elif op is sre.IN and (chars := _class_chars(av)) is not None:
        for ch in chars:
            _prefixes(rest, prefix + ch, anchored, out)
    elif op is sre.SUBPATTERN:
        _prefixes(list(av[3]) + rest, prefix, anchored, out)
    elif op is sre.BRANCH:
        for alt in av[1]:
            _prefixes(list(alt) + rest, prefix, anchored, out)
    elif op is sre.MAX_REPEAT or op is sre.MIN_REPEAT:
        lo, hi, item = av
        fewer = (
            [] if hi == 1 else [(op, (max(lo - 1, 0), hi if hi == sre.MAXREPEAT else hi - 1, item))]
        )
        if lo == 0:
            _prefixes(rest, prefix, anchored, out)  # no repetition
        if hi != 0:
            _prefixes(list(item) + fewer + rest, prefix, anchored, out)  # one, then the rest
    elif op is sre.AT or op is sre.ASSERT or op is sre.ASSERT_NOT:
        starts_word = prefix == "" and (
            (op is sre.AT and av is sre.AT_BOUNDARY)
            or (op is sre.ASSERT_NOT and _is_not_after_word(av))
        )
        _prefixes(rest, prefix, anchored or starts_word, out)
    else:
        out.add((prefix, anchored))


def _is_not_after_word(av: tuple[int, list[tuple[Any, Any]]]) -> bool:
    r"""Whether a negative assertion is a lookbehind for a set holding \w: "(?<![\w-])"."""
    direction, sub = av
    return (
        direction == -1
        and len(sub) == 1
        and sub[0][0] is sre.IN
        and any(op is sre.CATEGORY and a in _WORD_CATEGORIES for op, a in sub[0][1])
    )


def _necessary_prefixes(pattern: re.Pattern[str]) -> tuple[set[str], set[str]] | None:
    """(prefixes at a word start, prefixes anywhere) such that every match of ``pattern``
    begins with one of them; None if they cannot be listed (then it always runs)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII):
        return None
    pairs: set[tuple[str, bool]] = set()
    try:
        _prefixes(list(sre_parse.parse(pattern.pattern, pattern.flags)), "", False, pairs)
    except (_Unbounded, RecursionError):
        return None
    at_word: set[str] = set()
    anywhere: set[str] = set()
    for prefix, anchored in pairs:
        if not prefix:
            return None  # a match could begin with anything
        # After a word boundary, a word character can only be the first of a word.
        (at_word if anchored and _WORD_CHAR_RE.match(prefix) else anywhere).add(prefix)
    return at_word, anywhere


def _trie_pattern(strings: set[str]) -> str:
    """One alternation for ``strings`` as a trie, longer continuations tried first, so a
    match is the longest of the strings that the text continues with."""
    trie: dict[str, dict] = {}
    for text in strings:
        node = trie
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")  # the string may end here: tried last
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


class PatternGate:
    """Where in a text each of a set of patterns can begin a match, from one scan of it."""

    def __init__(self, patterns: dict[str, re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns.values())
        self._always = 0  # patterns to run over the whole text: bit i for self.patterns[i]
        self._anywhere: list[tuple[str, int]] = []  # (prefix not at a word start, bit)
        at_word: dict[str, int] = {}
        for i, rx in enumerate(self.patterns):
            found = _necessary_prefixes(rx)
            # Matching only at candidate starts mimics finditer for non-empty matches.
            if found is None or sre_parse.parse(rx.pattern, rx.flags).getwidth()[0] == 0:
                self._always |= 1 << i
                continue
            for prefix in found[0]:
                at_word[prefix] = at_word.get(prefix, 0) | 1 << i
            self._anywhere += [(prefix, 1 << i) for prefix in found[1]]
        # The scan finds, at each word start, the longest prefix the text continues with;
        # every shorter prefix found there is a prefix of it, so its bits include theirs.
        self._bits = {
            s: _or_all(at_word.get(s[:n], 0) for n in range(1, len(s) + 1)) for s in at_word
        }
        # A word start follows a non-word character (or the text's start: the scan runs
        # on the text after a space). Scanning for that character lets the regex engine skip
        # from one to the next; a pattern that begins with the zero-width "\b" is tried at
        # every position.
        self._scan_source = r"\W(?=(" + _trie_pattern(set(at_word)) + "))" if at_word else None
        # In a text without a word character beyond ASCII (nearly every folded text: the
        # others hold emoji, "«" or "–"), \W means the same under re.ASCII, whose test of a
        # character is cheaper than the Unicode one. Each is compiled on first use (tens of
        # ms for a big gate): a one-comment command on an ASCII text never needs the other.
        self._scans: dict[bool, re.Pattern[str]] = {}
        # Only these can occur in an ASCII text.
        self._ascii_anywhere = [(prefix, bit) for prefix, bit in self._anywhere if prefix.isascii()]

    def scan(self, text: str) -> _Candidates:
        starts: list[tuple[int, int]] = []
        some = self._always
        ascii_text = text.isascii()
        ascii_words = ascii_text or _NON_ASCII_WORD_CHAR_RE.search(text) is None
        scan = self._scans.get(ascii_words) or self._compiled_scan(ascii_words)
        if scan is not None:
            bits = self._bits
            # (m.start(): the position of the space or \W, which is the word's in ``text``)
            for m in _all_matches(scan, " " + text):
                bit = bits[m[1]]
                starts.append((m.start(), bit))
                some |= bit
        found_anywhere = False
        for prefix, bit in self._ascii_anywhere if ascii_text else self._anywhere:
            pos = text.find(prefix)
            while pos >= 0:
                starts.append((pos, bit))
                some |= bit
                found_anywhere = True
                pos = text.find(prefix, pos + 1)
        if found_anywhere:
            starts.sort()
        return _Candidates(self, text, starts, self._always, some)

    def _compiled_scan(self, ascii_words: bool) -> re.Pattern[str] | None:
        """The scan pattern for texts whose word characters are all ASCII (re.ASCII) or
        not, compiled once; None when no pattern has a prefix at a word start."""
        if self._scan_source is None:
            return None
        scan = re.compile(self._scan_source, re.ASCII if ascii_words else re.NOFLAG)
        self._scans[ascii_words] = scan
        return scan


@dataclass(slots=True)
class _Candidates:
    """One text's scan: where some pattern may begin a match (word starts, and where a
    prefix not bound to a word start occurs), with the bits of those patterns."""

    gate: PatternGate
    text: str
    starts: list[tuple[int, int]]
    whole: int  # bits of the patterns that run over the whole text
    some: int  # bits of the patterns that may match at all

    def finditer(self, bit: int) -> Iterable[re.Match[str]]:
        """``rx.finditer(text)`` of the pattern ``bit`` stands for, trying only its starts."""
        if not self.some & bit:
            return ()
        rx = self.gate.patterns[bit.bit_length() - 1]
        starts = self.starts_of(bit)
        return rx.finditer(self.text) if starts is None else matches_at(rx, self.text, starts)

    def first(self, bit: int) -> re.Match[str] | None:
        """``rx.search(text)`` of the pattern ``bit`` stands for."""
        return next(iter(self.finditer(bit)), None)

    def may_match(self, bit: int) -> bool:
        return bool(self.some & bit)

    def starts_of(self, bit: int) -> list[int] | None:
        """Where a match of the pattern ``bit`` stands for may begin, ascending; None when
        the pattern runs over the whole text (a match may begin anywhere)."""
        if self.whole & bit:
            return None
        return [p for p, bits in self.starts if bits & bit]


def _or_all(bits: Iterable[int]) -> int:
    out = 0
    for b in bits:
        out |= b
    return out


_WORD_CHAR_RE = re.compile(r"\w")
_NON_ASCII_WORD_CHAR_RE = re.compile(r"[^\x00-\x7f\W]")  # (the range first: quick for ASCII)
_GATE = PatternGate(
    {
        "slur": _SLUR_IN_TEXT_RE,
        "threat": _THREAT_RE,
        "hostile": _HOSTILE_RE,
        "attack": _ATTACK_RE,
        "rumor": _RUMOR_RE,
        "own_case": _OWN_CASE_RE,
        "political": _POLITICAL_RE,
        "budget": _BUDGET_RE,
        "feedback": _FEEDBACK_RE,
    }
)
_SLUR, _THREAT, _HOSTILE, _ATTACK, _RUMOR, _OWN_CASE, _POLITICAL, _BUDGET, _FEEDBACK = (
    1 << i for i in range(len(_GATE.patterns))
)
_GROUP, _STRONG, _WEAK, _STAFF = 1, 2, 4, 8  # (bits in _sentence_gate's order)


@lru_cache(maxsize=1)
def _sentence_gate() -> PatternGate:
    """The patterns find_signals tries on a sentence with a hostile phrase, for one scan of
    the sentence for all of them; built on first use (most runs never need it)."""
    return PatternGate(
        {
            "group": _GROUP_RE,
            "strong": _HOSTILE_STRONG_RE,
            "weak": _HOSTILE_WEAK_RE,
            "staff": _STAFF_RE,
        }
    )


def _first_question_form(text: str) -> tuple[int, int] | None:
    """The span of ``_QUESTION_RE.search(text)``, without scanning the text by regex: its
    "^" branch can only match at 0, so a match elsewhere is the first "?"."""
    m = _QUESTION_RE.match(text)
    if m is not None:
        return m.span()
    pos = text.find("?")
    return (pos, pos + 1) if pos >= 0 else None


# Soft signals found by one pattern each, in the order find_signals adds them after the
# hostility ones: (pattern bit, category, signal name, note).
_PLAIN_SIGNALS = (
    (_ATTACK, "discrimination", "personal_attack", "insult aimed at a person"),
    (_RUMOR, "rumor", "rumor_marker", "hearsay or speculation marker"),
    (_OWN_CASE, "individual_case", "own_case", "the writer's own matter"),
    (_POLITICAL, "political", "political_stance", "asks for a stance on a political matter"),
    (_BUDGET, "budget_org", "budget_term", "organisation, budget or economy"),
)
_PLAIN_BITS = _or_all(bit for bit, _, _, _ in _PLAIN_SIGNALS)


def find_signals_many(texts: Sequence[str], folded: Sequence[Folded]) -> list[list[Signal]]:
    """``find_signals`` of each text (``folded``: the ``fold`` of each), with the same
    results; what each text may hold for the de-obfuscation is checked for the whole
    batch at once (``token_hints_many``)."""
    hints = token_hints_many([f.text for f in folded])
    return [find_signals(t, f, hints=h) for t, f, h in zip(texts, folded, hints, strict=True)]


def find_signals(
    text: str, folded: Folded | None = None, *, hints: int | None = None
) -> list[Signal]:
    """All rule signals in a text, each with a span in the original text.

    ``hints``: see ``_tricky_tokens`` (``find_signals_many`` has them for a batch)."""
    f = folded if folded is not None else fold(text)
    ft = f.text
    signals: list[Signal] = []

    def add(category: str, name: str, hard: bool, start: int, end: int, note: str) -> None:
        s, e = f.span(start, end)
        signals.append(Signal(category, name, hard, s, e, text[s:e], note))

    can = _GATE.scan(ft)
    some = can.some  # (most texts: no pattern to run)
    slur_spans: set[tuple[int, int]] = set()
    for tok in deobfuscated_tokens(ft, plain=bool(some & _SLUR), hints=hints):
        w = tok.word.strip(_STRIP)
        if (tok.start, tok.end) in slur_spans:
            continue
        if (
            _SLUR_RE.match(w)
            and not _folded_from_o_slash(w, text, f, tok)
            and not _is_hearing_verb(ft, tok)
        ):
            hard = w not in _SOFT_SLURS
            slur_spans.add((tok.start, tok.end))
            add(
                "discrimination",
                "slur" if hard else "slur_soft",
                hard,
                tok.start,
                tok.end,
                f"slur or personal insult ({w})",
            )
    if some & _THREAT:
        for m in can.finditer(_THREAT):
            add("discrimination", "threat", True, m.start(), m.end(), "threat of violence")
    # A sentence adds a signal only if a strong or weak hostile phrase matches in it, and
    # such a match begins where _HOSTILE_RE can (a sentence starts after whitespace, so a
    # word start in it is one in the text): the sentences without such a start are skipped.
    hostile = bool(some & _HOSTILE) and can.first(_HOSTILE) is not None
    for s0, s1 in _sentences_holding(ft, can.starts_of(_HOSTILE)) if hostile else ():
        sent = _sentence_gate().scan(ft[s0:s1])
        g = sent.first(_GROUP)
        h = sent.first(_STRONG)
        if g and h is None:
            weak = _weak_hostility_about_group(sent)
            if weak is not None:
                g, h = weak
        if g and h:
            add(
                "discrimination",
                "group_hostility",
                False,
                s0 + g.start(),
                s0 + g.end(),
                f"group word with hostile statement ({h.group()})",
            )
        elif h:
            add(
                "discrimination",
                "hostile_phrase",
                False,
                s0 + h.start(),
                s0 + h.end(),
                "hostile phrase",
            )
    if some & _PLAIN_BITS:
        for bit, category, name, note in _PLAIN_SIGNALS:
            if some & bit:
                for m in can.finditer(bit):
                    add(category, name, False, m.start(), m.end(), note)
    question = _first_question_form(ft.strip())
    if question is not None:
        off = len(ft) - len(ft.lstrip())
        q0, q1 = question
        add("question", "question_form", False, q0 + off, q1 + off, "question form")
    if some & _FEEDBACK:
        for m in can.finditer(_FEEDBACK):
            add(
                "feedback",
                "praise_or_suggestion",
                False,
                m.start(),
                m.end(),
                "praise, thanks or suggestion",
            )
    return signals


SIGNAL_NAMES = (
    "slur",
    "slur_soft",
    "threat",
    "group_hostility",
    "hostile_phrase",
    "personal_attack",
    "rumor_marker",
    "own_case",
    "political_stance",
    "budget_term",
    "question_form",
    "praise_or_suggestion",
)
