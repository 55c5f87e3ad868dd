"""The pre-publication check: an employee's draft for an official account, against the guideline.

Each finding has a kind (the rubric's outgoing table), a severity and a clause from the
policy, and a span in the draft. A draft is publishable when no finding blocks it.

- ``personal_data``: the Analyzer's sensitive findings (identity numbers, health tied to a
  person, ...), and a named resident next to health/welfare words or next to their own case.
- ``case_handling``: the draft deals with one resident's matter ("klagen din ... blir",
  "vi har sett på søknaden din", a property id given to "du").
- ``discrimination``: the triage rules' slurs, threats and hostility towards groups, and
  demeaning remarks about a group (several cues together, so "til dere pensjonister: kurs
  på biblioteket" stays clean).
- ``political_assessment``: an own view or prediction on a matter for political treatment
  ("vi tror kommunestyret går for nedleggelse"); reporting the chief executive's
  recommendation is not one.
- ``political_religious_statement``: religious claims or party-political statements made
  on the municipality's behalf.
- ``budget_without_link``: organisation, budget or economy without a link to the
  municipality's website.
- ``internal_information``: content meant for employees only.
- ``crisis_approval_required`` (only with ``crisis=True``): all of it, until the crisis
  leader approves.

Lexicons run on the folded text (lower case, æ/ae -> a, ø/oe -> o, å/aa -> a), so they are
written folded; spans are mapped back to the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from somevakt.analysis.engine import Analyzer
from somevakt.analysis.normalize import fold, fold_word
from somevakt.analysis.triage_signals import find_signals
from somevakt.analysis.types import PERSON, TOPIC_TYPES, Analysis
from somevakt.guideline.schema import Policy

SEVERITY_ORDER = {"block": 0, "warn": 1, "info": 2}


@dataclass(slots=True)
class DraftFinding:
    kind: str
    severity: str
    clause: dict[str, str] | None
    start: int
    end: int
    text: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "clause": self.clause,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "note": self.note,
        }


@dataclass(slots=True)
class DraftResult:
    lang: str
    findings: list[DraftFinding] = field(default_factory=list)

    @property
    def publishable(self) -> bool:
        return not any(f.severity == "block" for f in self.findings)

    @property
    def kinds(self) -> set[str]:
        return {f.kind for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "findings": [f.to_dict() for f in self.findings],
            "publishable": self.publishable,
        }


# --- sentences ---------------------------------------------------------------------------------

# Abbreviations that end with a full stop inside a sentence ("gnr. 12", "kl. 09", "f.eks.").
_ABBREV = frozenset(
    "gnr bnr kl nr ca jf tlf mill kr ref pkt evt inkl bl.a f.eks m.m osv dvs mv ifm iht adr".split()
)
_SENT_END = re.compile(r"[.!?]+(?=\s)|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the original text; "kl. 10", "gnr. 12" and "1. mars" end none."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if m.group().startswith("."):
            before = text[pos : m.start()].split()
            last = before[-1].lower() if before else ""
            rest = text[m.end() :].lstrip()
            starts_sentence = bool(rest) and (rest[0].isupper() or not rest[0].isalnum())
            short = last in _ABBREV or last.isdigit() or (len(last) == 1 and last.isalpha())
            if short and not starts_sentence:
                continue
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@dataclass(slots=True)
class _Sentence:
    start: int
    text: str  # original
    folded: str
    _fold: Any

    def span(self, fs: int, fe: int) -> tuple[int, int]:
        s, e = self._fold.span(fs, fe)
        return self.start + s, self.start + e


def _sentences(text: str) -> list[_Sentence]:
    out = []
    for s, e in sentences(text):
        f = fold(text[s:e])
        out.append(_Sentence(s, text[s:e], f.text, f))
    return out


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# --- personal data -------------------------------------------------------------------------

# Health, welfare, criminal and similar words that make a named resident's post personal data.
_PERSONAL_TOPIC_RE = _rx(
    r"\b(?:hjerneslag\w*|slaganfall\w*|hjerteinfarkt\w*|infarkt\w*|kreft\w*|svulst\w*|"
    r"cellegift\w*|demen\w*|alzheimer\w*|diabetes|insulin\w*|depresj\w*|angst\w*|psykisk\w*|"
    r"psykiatri\w*|psykose\w*|rusproblem\w*|rusavhengig\w*|rusmisbruk\w*|avrusning\w*|"
    r"sykmeld\w*|sjukmeld\w*|sykdom\w*|sjukdom\w*|diagnos\w*|innlagt\w*|sykehus\w*|"
    r"sjukehus\w*|operert\w*|operasjon\w*|hoftebrudd\w*|larhalsbrudd\w*|benbrudd\w*|"
    r"beinbrot\w*|ulykke\w*|skadd\w*|skadet|lam\b|lammet|rullestol\w*|adhd|autis\w*|"
    r"spesialundervisning\w*|barnevern\w*|fosterhjem\w*|fosterheim\w*|omsorgsovertak\w*|"
    r"nav\b|sosialhjelp\w*|sosialstonad\w*|uforetrygd\w*|uforetrygd\w*|arbeidsavklaring\w*|"
    r"aap\b|gjeldsradgiving\w*|siktet|tiltalt|domt|fengsel\w*|anmeldt\w*|politianmeld\w*|"
    r"gravid\w*|abort\w*|pa bena igjen|pa beina igjen|frisk igjen|gatt bort)"
)
# Fallback person names for when the Analyzer has no name recognizer: a greeting that
# addresses someone by first name, and capitalised first names from a short list followed
# by a capitalised surname or standing alone.
_GREETING_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?:Hei|Hallo|Heisann|Kjære|Kjaere|Takk|Gratulerer)(?: til)?,?\s+"
    r"([A-ZÆØÅ][a-zæøåéü]+(?:\s+[A-ZÆØÅ][a-zæøåéü]+)?)\s*[,!:]"
)
_FIRST_NAMES = frozenset(
    """ola kari per pal paal anne marianne emma nora sofie sara ingrid ida maja leah olivia
    ella jakob lucas emil noah oskar filip aksel william henrik isak kasper magnus jonas
    ole hans jan knut bjorn arne lars nils tor terje geir svein odd rune morten kjell
    trond egil harald leif eirik erik jon kristian anders thomas martin andreas tom stian
    espen jorgen jorun liv randi bjorg gunn inger berit solveig astrid marit hilde heidi
    tone silje camilla kristin linda hanne trine mona elin siri grete kirsten eva nina
    helene ingunn torill turid unni vigdis aud else ragnhild gudrun ase laila tove wenche
    karin mette lise kjersti synnove sigrid ragnar sigurd halvor torbjorn gunnar olav""".split()
)
_THIRD_PERSON_RE = re.compile(r"\b(?:han|hun|ho|hen|ham|henne|hans|hennes|hennar)\b")
_CAP_WORD_RE = re.compile(r"\b[A-ZÆØÅ][a-zæøåéü]+(?:\s+[A-ZÆØÅ][a-zæøåéü]+)?")
_PROPERTY_ID_RE = _rx(r"\bg(?:a|ards)?nr\.?\s*\d+\s*[,/]?\s*(?:og\s*)?b(?:ruks)?nr\.?\s*\d+")

# --- case handling -------------------------------------------------------------------------

_CASE_NOUN = (
    r"(?:byggesoknad|byggjesoknad|soknad|klage|klag|sak|faktura|regning|rekning|gebyr|"
    r"vedtak|avgift|eiendomsskatt|eigedomsskatt|takst|barnehageplass|sfo-plass|plass|tomt|"
    r"eiendom|eigedom|vannmaler|vassmalar|tilsagn|avslag|refusjon|time)"
)
_POSSESSIVE_2SG = r"(?:din|ditt|di|dine)"
_CASE_PHRASE = _CASE_NOUN + r"\w{0,4} " + _POSSESSIVE_2SG + r"\b"
_HANDLED_RE = _rx(
    r"\b(?:sett pa|mottatt|motteke|behandlet|behandla|vurdert|gatt gjennom|gatt igjennom|"
    r"registrert|godkjent|godkjend|avslatt|innvilget|innvilga|sjekket|sjekka|undersokt|"
    r"kontrollert|rettet|retta|kreditert|endret|endra|fulgt opp|folgt opp)\s+(?:\w+\s+){0,2}"
    + _CASE_PHRASE
)
_CASE_STATUS_RE = _rx(
    r"\b" + _CASE_PHRASE + r".{0,80}?\b(?:er|blir|vert|ble|vart|mangler|manglar|"
    r"har blitt|har vorte|vil bli|skal|kan ikke|kan ikkje|far|gar)\b"
)
_OWN_DECISION_RE = _rx(
    r"\b(?:du far|far du|du vil fa|vil du fa|du skal fa)\s+(?:\w+\s+)?(?:vedtak|refusjon|"
    r"tilbakebetal\w*|kreditnota|ny faktura|avslag|tilsagn|barnehageplass|plass)\b"
)
_WE_SEND_RE = _rx(
    r"\bvi sender (?:en |ein |ut )?(?:rorlegger|elektriker|snekker|mannskap|noen|nokon|"
    r"vaktmester|tekniker|folk)\b[^.!?]{0,40}\b(?:til deg|hjem til|heim til|pa \w+dag)"
)
# A generic reminder addressed to everyone, not one resident: "husk å sende søknaden din".
_GENERIC_CUE_RE = _rx(r"\b(?:husk|hugs|send|lever|sok|dersom|hvis|viss|om du|nar du|har du)\b")
# A proper referral mentions the case only to decline it.
_REFERRAL_RE = _rx(
    r"\b(?:kan|kan vi) (?:dessverre )?(?:ikke|ikkje) (?:behandle|kommentere|svare pa|ta opp|"
    r"gi svar)|formell henvend|send oss (?:en|ei) henvend|kontaktskjema|postmottak@"
)

# --- discrimination ------------------------------------------------------------------------

_GROUP_RE = _rx(
    r"\b(?:utlending\w*|innvandr\w*|flyktning\w*|asylsok\w*|muslim\w*|moslem\w*|jode\w*|"
    r"joder|polakk\w*|litau\w*|rumen\w*|sigoyn\w*|romfolk\w*|tater\w*|somali\w*|"
    r"afrikan\w*|arab\w*|homofil\w*|lesb\w*|transpers\w*|funksjonshemm\w*|"
    r"utviklingshemm\w*|handikap\w*|gamling\w*|pensjonist\w*|eldre|kvinnfolk|kjerring\w*|"
    r"damer|samer|samene|utenlandsk\w*|tilflytt\w*)"
)
_DEMEANING_STRONG_RE = _rx(
    r"\b(?:dumme?|late|primitive?|skitne?|ekle|udugelige|slike folk|sanne folk|sant folk|"
    r"sann folk|det folket|typisk (?:dem|dere|de|dei|dokker)|de fleste av dem|alle sammen er)\b"
)
_DEMEANING_WEAK_RE = _rx(
    r"\b(?:(?:ikke|ikkje|itte) (?:skjonner|skjonar|forstar|gidder|gidd|klarer a lare)|"
    r"skjonner ingenting|forstar ingenting)\b|[\U0001F644\U0001F612\U0001F926\U0001F92C]"
)
_YOU_GROUP_RE = _rx(r"\b(?:dere|de|dykk|dokker) " + _GROUP_RE.pattern[2:])
_TYPICAL_GROUP_RE = _rx(r"\b(?:typisk|typiske|sanne|slike) " + _GROUP_RE.pattern[2:])

# --- political assessment ------------------------------------------------------------------

_POLITICAL_MATTER_RE = _rx(
    r"\b(?:kommunestyre\w*|formannskap\w*|bystyre\w*|politiker\w*|politikar\w*|"
    r"politisk\w* (?:flertall|fleirtal|vedtak|behandling|sak)|nedlegg\w*|nedlegging\w*|"
    r"legges ned|leggjast ned|legge ned|leggje ned|skolestruktur\w*|skulestruktur\w*|"
    r"eiendomsskatt\w*|eigedomsskatt\w*|sammensla\w*|samanslaing\w*|bompeng\w*|"
    r"kommuneplan\w*|reguleringsplan\w*)"
)
_OWN_VIEW_RE = _rx(
    r"\b(?:vi|me|kommunen) (?:mener|meiner|tror|trur|synes|synest|anbefaler|tilrar|onsker|"
    r"haper|foretrekker|foretrekk|er (?:for|mot|imot|enige|einige|uenige|ueinige))\b|"
    r"\better (?:var|vart) (?:mening|syn|vurdering)"
)
_IMPERSONAL_VIEW_RE = _rx(
    r"\b(?:(?:kommer|kjem) (?:nok |trolig |truleg |sannsynligvis |garantert )?til a "
    r"(?:ga inn for|ga for|vedta|velge|velje|stemme|si ja|si nei|legge ned|leggje ned)|"
    r"(?:bor|ma|burde|matte) (?:\w+ )?(?:legges ned|leggjast ned|opp|okes|aukast|innfores|"
    r"vedtas|avvikles|stenges|kuttes)|det (?:beste|riktige|rette|klokeste|einaste|eneste) "
    r"(?:er|vil vaere|blir|vert) a|for (?:liten|lita|dyr|dyrt|darlig|darleg) til a|"
    r"si ja|si nei|ingen annen utvei|ingen anna utveg)"
)
# The chief executive's recommendation may always be reported: that is what the clause asks.
_ATTRIBUTED_RE = _rx(
    r"\b(?:kommunedirektor\w*|radmann\w*|innstilling\w*|forslag\w* (?:fra|til)|foreslar)"
)

# --- political or religious statement ------------------------------------------------------

_RELIGIOUS_RE = _rx(
    r"\b(?:jesus|kristus|frelse\w*|frelser\w*|gud|guds|herren|allah|profeten|bibelen sier|"
    r"koranen sier|eneste veien|eneste sanne|syndere?|omvend\w*|be til gud|pris (?:gud|herren)|"
    r"guds velsignelse|halleluja)\b"
)
_PARTY = (
    r"(?:arbeiderpartiet|ap|hoyre|fremskrittspartiet|frp|senterpartiet|sp|sv|"
    r"sosialistisk venstreparti|krf|kristelig folkeparti|venstre|mdg|miljopartiet|rodt|"
    r"pensjonistpartiet|regjeringen|regjeringa|stortinget|opposisjonen)"
)
_POLITICAL_STATEMENT_RE = _rx(
    r"\b(?:stem (?:pa |for )?" + _PARTY + r"|velg " + _PARTY + r"|stem (?:ja|nei)\b|"
    + _PARTY
    + r" (?:svikter|har sviktet|sviktar|tar feil|tek feil|har rett|er best|odelegger|"
    r"oydelegg\w*|lyver|juger|ma ga|bor ga|ma fjernes|er en katastrofe|er ein katastrofe)|"
    r"ned med " + _PARTY + r")\b"
)

# --- budget and organisation ---------------------------------------------------------------

_BUDGET_RE = _rx(
    r"\b(?:budsjett\w*|okonomiplan\w*|regnskap\w*|rekneskap\w*|underskudd\w*|overskudd\w*|"
    r"underskot\w*|overskot\w*|driftsresultat\w*|millioner kroner|million kroner|"
    r"millionar kroner|mill\. ?kr|mrd\. ?kr|milliard\w*|innsparing\w*|sparetiltak\w*|"
    r"nedskjaering\w*|kutt i|kuttes|kuttast|lanegjeld\w*|gjeldsgrad\w*|kommuneokonomi\w*|"
    r"okonomi\w*|skatteinngang\w*|frie inntekter|omorganiser\w*|organisasjonsendring\w*|"
    r"organisasjonskart\w*|nye? organisering\w*|organisering\w* av|arsverk\w*|"
    r"eiendomsskatt\w*|eigedomsskatt\w*)"
)
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)

# --- internal information ------------------------------------------------------------------

_INTERNAL_RE = _rx(
    r"\b(?:til (?:alle )?(?:ansatte|tilsette|medarbeidere|medarbeidarar|kolleger|kollegaer|"
    r"kollegaene)|(?:kun|bare|berre|berr) for (?:ansatte|tilsette|internt|interne)|"
    r"alle ansatte (?:ma|skal|bes|husk)|alle tilsette (?:ma|skal|vert bedne)|"
    r"interne?|internt|intranett\w*|personalmot\w*|ansattmot\w*|allmote for|timelist\w*|"
    r"lonnsslipp\w*|lonnskjoring\w*|lonnsoppgjor\w*|medarbeidersamtal\w*|vaktlist\w*|"
    r"turnusplan\w*|ikke for publisering|ikkje for publisering|ikke del|ikkje del)\b"
)


class DraftChecker:
    """Checks drafts by a policy. Built once; ``check`` is cheap and thread-safe."""

    def __init__(self, policy: Policy, analyzer: Analyzer | None = None) -> None:
        self.policy = policy
        self.analyzer = (
            analyzer
            if analyzer is not None
            else Analyzer(exempt_accounts=policy.exempt_account_numbers)
        )
        hosts = {
            _host(u)
            for u in (
                policy.municipality.website,
                policy.links.website,
                policy.links.budget,
                policy.links.organisation,
                policy.links.political_documents,
            )
        }
        self._website_hosts = frozenset(h for h in hosts if h)
        self._extra = {
            kind: [
                re.compile(r"(?<!\w)" + re.escape(fold_word(t)) + r"(?!\w)") for t in rule.extra_terms
            ]
            for kind, rule in policy.draft_check.items()
        }

    def check(self, text: str, lang: str | None = None, crisis: bool = False) -> DraftResult:
        analysis = self.analyzer.analyze(text, lang)
        sents = _sentences(text)
        found: list[tuple[str, int, int, str]] = []  # kind, start, end, note
        case = list(self._case_handling(sents))
        found += case
        found += self._personal_data(text, analysis, sents, bool(case))
        found += self._discrimination(text, sents)
        found += self._political_assessment(sents)
        found += self._lexical(sents, _RELIGIOUS_RE, "political_religious_statement", "religious statement")
        found += self._lexical(
            sents, _POLITICAL_STATEMENT_RE, "political_religious_statement", "party-political statement"
        )
        found += self._budget_without_link(text, sents)
        found += self._lexical(sents, _INTERNAL_RE, "internal_information", "meant for employees")
        for kind, patterns in self._extra.items():
            if kind == "budget_without_link" and self._links_to_website(text):
                continue
            for pattern in patterns:
                found += self._lexical(sents, pattern, kind, "policy term")
        if crisis:
            found.append(
                ("crisis_approval_required", 0, len(text), "crisis management is active")
            )
        return DraftResult(analysis.lang, self._resolve(text, found))

    # --- rules ------------------------------------------------------------------------------

    def _personal_data(
        self, text: str, analysis: Analysis, sents: list[_Sentence], has_case: bool
    ) -> Iterator[tuple[str, int, int, str]]:
        for f in analysis.sensitive_findings:
            yield ("personal_data", f.start, f.end, f"{f.type}: sensitive personal data")
        names = _names(text, analysis)
        topics = [(f.start, f.end) for f in analysis.findings if f.type in TOPIC_TYPES]
        for s in sents:
            for m in _PERSONAL_TOPIC_RE.finditer(s.folded):
                topics.append(s.span(m.start(), m.end()))
        for i, s in enumerate(sents):
            s_end = s.start + len(s.text)
            in_names = [n for n in names if s.start <= n[0] < s_end]
            if not in_names and i and _THIRD_PERSON_RE.search(s.folded):
                # "Gratulerer til Per Olsen! Han fikk demens ...": the pronoun carries the name.
                prev = sents[i - 1]
                in_names = [n for n in names if prev.start <= n[0] < s.start]
            in_topics = [t for t in topics if s.start <= t[0] < s_end]
            if in_names and in_topics:
                for t in in_topics:
                    yield ("personal_data", t[0], t[1], "health or welfare of a named person")
        if has_case:
            for n in names:
                yield ("personal_data", n[0], n[1], "names the resident whose case it is")
            for s in sents:
                for m in _PROPERTY_ID_RE.finditer(s.folded):
                    a, b = s.span(m.start(), m.end())
                    yield ("personal_data", a, b, "property of the resident whose case it is")

    def _case_handling(self, sents: list[_Sentence]) -> Iterator[tuple[str, int, int, str]]:
        for s in sents:
            if _REFERRAL_RE.search(s.folded):
                continue
            for pattern, note in (
                (_HANDLED_RE, "the municipality handles one resident's matter"),
                (_OWN_DECISION_RE, "tells one resident about their decision"),
                (_WE_SEND_RE, "arranges a visit for one resident"),
            ):
                for m in pattern.finditer(s.folded):
                    a, b = s.span(m.start(), m.end())
                    yield ("case_handling", a, b, note)
            for m in _CASE_STATUS_RE.finditer(s.folded):
                if _GENERIC_CUE_RE.search(s.folded, 0, m.start()):
                    continue
                a, b = s.span(m.start(), m.end())
                yield ("case_handling", a, b, "the status of one resident's matter")

    def _discrimination(
        self, text: str, sents: list[_Sentence]
    ) -> Iterator[tuple[str, int, int, str]]:
        for sig in find_signals(text):
            if sig.category == "discrimination" and (sig.hard or sig.name == "group_hostility"):
                yield ("discrimination", sig.start, sig.end, sig.note)
        for s in sents:
            g = _GROUP_RE.search(s.folded)
            if not g:
                continue
            score = 2 * len(_DEMEANING_STRONG_RE.findall(s.folded))
            score += len(_DEMEANING_WEAK_RE.findall(s.folded))
            score += 1 if _YOU_GROUP_RE.search(s.folded) else 0
            score += 2 if _TYPICAL_GROUP_RE.search(s.folded) else 0
            if score >= 2:
                a, b = s.span(g.start(), g.end())
                yield ("discrimination", a, b, "demeaning remark about a group")

    def _political_assessment(
        self, sents: list[_Sentence]
    ) -> Iterator[tuple[str, int, int, str]]:
        for s in sents:
            if not _POLITICAL_MATTER_RE.search(s.folded):
                continue
            own = _OWN_VIEW_RE.search(s.folded)
            impersonal = _IMPERSONAL_VIEW_RE.search(s.folded)
            if own is None and (impersonal is None or _ATTRIBUTED_RE.search(s.folded)):
                continue
            m = own if own is not None else impersonal
            assert m is not None
            a, b = s.span(m.start(), m.end())
            yield ("political_assessment", a, b, "own view on a matter for political treatment")

    def _budget_without_link(
        self, text: str, sents: list[_Sentence]
    ) -> list[tuple[str, int, int, str]]:
        if self._links_to_website(text):
            return []
        hits = self._lexical(sents, _BUDGET_RE, "budget_without_link", "no link to the website")
        return hits[:1]  # one finding says it; the span shows the first budget word

    def _links_to_website(self, text: str) -> bool:
        for m in _URL_RE.finditer(text):
            url = m.group().rstrip(".,;:!?")
            host = _host(url if "://" in url else "https://" + url)
            if host and any(host == h or host.endswith("." + h) for h in self._website_hosts):
                return True
        return False

    @staticmethod
    def _lexical(
        sents: list[_Sentence], pattern: re.Pattern[str], kind: str, note: str
    ) -> list[tuple[str, int, int, str]]:
        out = []
        for s in sents:
            for m in pattern.finditer(s.folded):
                a, b = s.span(m.start(), m.end())
                out.append((kind, a, b, note))
        return out

    def _resolve(self, text: str, found: list[tuple[str, int, int, str]]) -> list[DraftFinding]:
        """Policy severity and clause per kind; overlapping findings of one kind merge."""
        out: list[DraftFinding] = []
        for kind, start, end, note in sorted(found, key=lambda x: (x[1], -x[2])):
            rule = self.policy.draft_check.get(kind)  # type: ignore[call-overload]
            if rule is None or not rule.enabled:
                continue
            if any(f.kind == kind and start < f.end and f.start < end for f in out):
                continue
            out.append(
                DraftFinding(
                    kind,
                    rule.severity,
                    self.policy.clause_ref(rule.clause),
                    start,
                    end,
                    text[start:end],
                    note,
                )
            )
        out.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.start, f.kind))
        return out


def _host(url: str) -> str:
    host = (urlparse(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _names(text: str, analysis: Analysis) -> list[tuple[int, int]]:
    """Person names: the Analyzer's PERSON findings, else the greeting and first-name rules."""
    names = [(f.start, f.end) for f in analysis.findings if f.type == PERSON]
    for m in _GREETING_RE.finditer(text):
        names.append((m.start(1), m.end(1)))
    for m in _CAP_WORD_RE.finditer(text):
        first = fold_word(m.group().split()[0])
        if first in _FIRST_NAMES:
            names.append((m.start(), m.end()))
    return names
