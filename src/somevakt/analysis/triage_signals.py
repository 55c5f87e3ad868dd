"""High-precision rule signals for triage: lexicons and precompiled patterns.

Every pattern runs on the *folded* text (see normalize.py: lower case, æ/ae -> a,
ø/oe -> o, å/aa -> a), so lexicon entries below are written folded too ("hor" matches
"hør", "hoer" and "hor"). Each hit becomes a :class:`Signal` with a span in the
original text.

Two strengths:
- ``hard``: decides the category on its own (a slur after de-obfuscation, an explicit
  threat). Kept narrow on purpose: lawful criticism must never be removed.
- ``soft``: a hint; the trained model sees it as a feature and weighs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from somevakt.analysis.normalize import Folded, fold


@dataclass(frozen=True, slots=True)
class Signal:
    category: str
    name: str  # feature name, e.g. "rumor_marker"
    hard: bool
    start: int  # span in the original text
    end: int
    text: str
    note: str


def _alt(words: str) -> str:
    return "|".join(w.strip() for w in words.split(",") if w.strip())


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


def _weak_hostility_about_group(sent: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """(group word, weak predicate) when the predicate is said of the group, not of staff.

    The predicate counts when the group word is at least as close to it as any staff word.
    """
    groups = list(_GROUP_RE.finditer(sent))
    if not groups:
        return None
    staff = list(_STAFF_RE.finditer(sent))
    for h in _HOSTILE_WEAK_RE.finditer(sent):
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
_LEET = str.maketrans(
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
# Runs of single characters split by spaces or punctuation: "i d i o t", "i.d.i.o.t".
_SPACED_RE = re.compile(r"(?<![^\s])(?:[^\s][\s.\-_*,/]{1,2}){2,}[^\s](?![^\s])")
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
# A whole whitespace-delimited token, tried only where a token starts (the lookbehind),
# which is what "[^\s]*(?:...)[^\s]*" finds, without retrying from every character.
_TRICKY_TOKEN_RE = re.compile(r"(?<!\S)(?=\S*?(?:[0-9@$|€!]|(\w)\1\1))\S+")


def deobfuscated_tokens(folded: str) -> list[_Token]:
    """Candidate slur tokens of the folded text with filter tricks undone.

    Plain words are matched in one pass over the text; only spaced-out letter runs
    ("i d i o t", "i.d.i.o.t") and tokens mixing letters with digits or symbols or
    repeating letters ("1d10t", "h0re", "idiooot") get per-token work.
    """
    out = [_Token(m.group(), m.start(), m.end()) for m in _SLUR_IN_TEXT_RE.finditer(folded)]
    for m in _SPACED_RE.finditer(folded):
        chars = [c for c in m.group() if not c.isspace() and c not in ".-_*,/"]
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
                out.append(_Token(word, m.start(), m.end()))
                # Spelt-out compounds ("f i t t e k j e r r i n g") start with the slur.
                pre = _SPACED_PREFIX_RE.match(word)
                if pre is not None and pre.end() < len(word):
                    out.append(_Token(pre.group(), m.start(), m.end()))
    for m in _TRICKY_TOKEN_RE.finditer(folded):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip(_STRIP))
        core = raw.strip(_STRIP)
        if not core or not any(map(str.isalpha, core)):
            continue
        start = m.start() + lead
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


def _span(f: Folded, text: str, start: int, end: int) -> tuple[int, int, str]:
    s, e = f.span(start, end)
    return s, e, text[s:e]


def _sentence_bounds(folded: str) -> list[tuple[int, int]]:
    bounds = []
    pos = 0
    for m in re.finditer(r"[.!?\n]+(?:\s|$)", folded):
        bounds.append((pos, m.end()))
        pos = m.end()
    if pos < len(folded):
        bounds.append((pos, len(folded)))
    return bounds or [(0, len(folded))]


def find_signals(text: str, folded: Folded | None = None) -> list[Signal]:
    """All rule signals in a text, each with a span in the original text."""
    f = folded if folded is not None else fold(text)
    ft = f.text
    signals: list[Signal] = []

    def add(category: str, name: str, hard: bool, start: int, end: int, note: str) -> None:
        s, e, t = _span(f, text, start, end)
        signals.append(Signal(category, name, hard, s, e, t, note))

    slur_spans: set[tuple[int, int]] = set()
    for tok in deobfuscated_tokens(ft):
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
    for m in _THREAT_RE.finditer(ft):
        add("discrimination", "threat", True, m.start(), m.end(), "threat of violence")
    for s0, s1 in _sentence_bounds(ft) if _HOSTILE_RE.search(ft) else ():
        sent = ft[s0:s1]
        g = _GROUP_RE.search(sent)
        h = _HOSTILE_STRONG_RE.search(sent)
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
    for m in _ATTACK_RE.finditer(ft):
        add(
            "discrimination",
            "personal_attack",
            False,
            m.start(),
            m.end(),
            "insult aimed at a person",
        )
    for m in _RUMOR_RE.finditer(ft):
        add("rumor", "rumor_marker", False, m.start(), m.end(), "hearsay or speculation marker")
    for m in _OWN_CASE_RE.finditer(ft):
        add("individual_case", "own_case", False, m.start(), m.end(), "the writer's own matter")
    for m in _POLITICAL_RE.finditer(ft):
        add(
            "political",
            "political_stance",
            False,
            m.start(),
            m.end(),
            "asks for a stance on a political matter",
        )
    for m in _BUDGET_RE.finditer(ft):
        add(
            "budget_org",
            "budget_term",
            False,
            m.start(),
            m.end(),
            "organisation, budget or economy",
        )
    for m in _QUESTION_RE.finditer(ft.strip()):
        off = len(ft) - len(ft.lstrip())
        add("question", "question_form", False, m.start() + off, m.end() + off, "question form")
        break
    for m in _FEEDBACK_RE.finditer(ft):
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
