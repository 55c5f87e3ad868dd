"""A deterministic, labelled corpus of synthetic Norwegian comments for the benchmarks.

Every comment is built from a template whose slots are filled with synthetic values; each
slot that holds personal or sensitive data is recorded as a gold span (type, start, end), so
recall can be measured on known spans. Identity and account numbers are fake but
checksum-valid (python-stdnum); phone numbers are valid Norwegian numbers (phonenumbers).
Plain comments carry decoys (invoice numbers, KID, prices, dates, opening hours) that must
not be reported.

The mix: plain comments (bokmål, nynorsk, dialect, emoji), identity numbers, account
numbers, phones, e-mails, names, health / NAV / child welfare / criminal matters tied to a
person, and long comments made of several sentences.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
from stdnum.no import fodselsnummer as fnr
from stdnum.no import kontonr

# Gold types use somevakt's finding type ids (somevakt.analysis.types).
FNR, DNR, HNR = "FØDSELSNUMMER", "D-NUMMER", "H-NUMMER"
KONTO, TLF, EPOST, PERSON, PREF = "KONTONUMMER", "TELEFON", "E-POST", "PERSON", "PERSONREFERANSE"
HELSE, NAV, BV, STRAFF = "HELSE", "SOSIALTJENESTE", "BARNEVERN", "STRAFFESAK"

FIRST = """Kari Ola Ingrid Lars Sofie Emma Nora Jakob Filip Ida Sigrid Håkon Eirik Marit Astrid
Kristian Solveig Torbjørn Øystein Åse Liv Gunnar Bjørn Hanne Silje Magnus Tobias Leah Aksel
Vilde Thea Mathias Oskar Jonas Henrik Erlend Synnøve Ragnhild Tuva Ahmed Fatima Ali Mari
Tone Anne Per Knut Jon Trond Randi Berit Elin""".split()
LAST = """Nordmann Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen
Karlsen Johnsen Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl
Jørgensen Halvorsen Henriksen Lund Sørensen Moen Gundersen Iversen Strand Solberg Svendsen
Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie Amundsen Nguyen Rasmussen
Ali Ahmed Lunde Solheim Berge Moe Nygård Bakke Kristensen Fredriksen Holm Lien Andresen
Birkeland Tveit Skjævesland Reinertsen""".split()
KIN_NB = ["sønnen min", "datteren min", "mannen min", "kona mi", "faren min", "far min",
          "moren min", "mor min", "naboen", "naboen vår", "broren min", "søstera mi",
          "svigermor", "bestefar", "læreren til datteren min", "kollegaen min", "gutten vår"]
KIN_NN = ["son min", "dotter mi", "mannen min", "kona mi", "far min", "mor mi", "naboen",
          "bror min", "syster mi", "svigermor", "bestefar", "læraren til dotter mi"]
HEALTH = ["diabetes", "kreft", "epilepsi", "depresjon", "ADHD", "autisme", "KOLS", "astma",
          "demens", "MS", "angst", "brystkreft", "hjerteinfarkt", "slag", "Parkinson",
          "schizofreni", "bipolar lidelse", "spiseforstyrrelse", "revmatisme", "Alzheimer",
          "hjernesvulst", "lungebetennelse"]
MEDS = ["insulin", "cellegift", "dialyse", "Ritalin", "antidepressiva", "morfin", "Metformin",
        "blodfortynnende", "Paracet"]
NAVW = ["AAP", "sosialhjelp", "uføretrygd", "arbeidsavklaringspenger", "økonomisk sosialhjelp",
        "dagpenger", "uføretrygda"]
BVW = ["barnevernet", "fosterhjem", "beredskapshjem", "akuttplassert", "omsorgsovertakelse"]
CRIME = ["dømt for promillekjøring", "anmeldt for vold", "tiltalt for underslag", "siktet",
         "dømt", "sittet i fengsel"]
EMOJI = ["😡", "😞", "🙏", "❤️", "👍", "😂", "🤬", "😢", "🙄", "💪", "🎉", "☀️", "❄️", "🚗"]
PLACES = ["Birkeland", "Vegusdal", "Engesland", "Herefoss", "Lillesand", "Kristiansand",
          "Tveit", "Søre Herefoss", "Rislå", "Flakk"]
DOMAINS = ["gmail.com", "hotmail.com", "online.no", "outlook.com", "icloud.com", "live.no"]

# Plain comments: no personal data in them. {PLACE} and {DECOY} are filled with
# non-personal values; {DECOY} numbers fail every checksum that matters.
PLAIN_NB = [
    "Når kommer brøytebilen til {PLACE}? Veien har ikke vært brøytet siden i går.",
    "Takk for flott innsats på 17. mai! Dere er best {EMOJI}",
    "Hvorfor er det så dyrt å parkere ved rådhuset? Kr 45 i timen er for mye.",
    "Bra at biblioteket har utvidet åpningstidene til 20.00 på torsdager.",
    "Helsestasjonen har nye åpningstider fra 1. mars, se nettsiden.",
    "Fakturanummer {DECOY} er betalt, men jeg fikk purring likevel.",
    "KID {DECOY} ble avvist i nettbanken, hva gjør jeg nå?",
    "Det står at møtet er 12.03.2024 kl. 18.30, stemmer det?",
    "Kommunestyret burde skamme seg over dette budsjettet.",
    "Hvor kan jeg levere hageavfall i {PLACE}?",
    "Veldig fint med ny gang- og sykkelsti langs fylkesvei 402 {EMOJI}",
    "Hva koster det å leie gymsalen en lørdag? Vi er ca 30 stk.",
    "Søppeltømminga er forsinka igjen i hele {PLACE}, tredje uka på rad",
    "Rådmannen må svare på hvorfor skolen legges ned!!!",
    "Kan noen si meg når bassenget åpner igjen etter oppussingen?",
    "Ordrenummer {DECOY}, pakka kom aldri fram.",
    "Postnummer 4760, og vannet er brunt igjen",
    "Eiendomsskatten økte med 12,5 % i år, hvorfor?",
    "hvorfor svarer ingen på telefonen på servicetorget???",
    "Flott konsert i kulturhuset i går, takk til alle som stilte opp",
]
PLAIN_NN = [
    "Kva tid kjem brøytebilen til {PLACE}? Vegen er ikkje brøyta enno.",
    "Takk for ein fin dag på biblioteket i går {EMOJI}",
    "Kvifor er det ikkje lys langs skulevegen? Det er farleg for ungane.",
    "Eg lurer på kor eg kan levera hageavfall i {PLACE}.",
    "Kommunen må høyre på innbyggjarane sine, ikkje berre på konsulentane.",
    "Fakturanummer {DECOY} er betalt, men eg fekk purring likevel.",
    "Korleis søkjer ein om plass i barnehagen til hausten?",
    "Det er ikkje greitt at bussen ikkje går etter klokka 18 lenger.",
]
PLAIN_DIALECT = [
    "æ skjønne ikkje ka dokker drive me på kommunen",
    "kor tid kjem de å fikse hullene i vegen te {PLACE}? de e jo livsfarlig",
    "hvorfor e det ikkje brøyta ennå?? 😡",
    "hadde vaert fint om dere svarte paa meldinger ogsaa",
    "bra jobba med den nye lekeplassen, ungane digger den",
]
FNR_T = [
    "Hei! Fødselsnummeret mitt er {FNR}, kan dere sjekke søknaden om startlån?",
    "Personnummer: {FNR}. Har ikke fått svar på byggesaken på to måneder.",
    "Eg har sendt inn skjemaet med fødselsnummer {FNR} men høyrer ingenting.",
    "Sønnen min har fnr {FNR} og står fortsatt på venteliste til SFO",
    "d-nummeret mitt er {DNR}, får ikke logget inn med det",
    "Kan dere se på saken min? {FNR} {EMOJI}",
    "Mitt fødselsnr.: {FNR} – ring meg",
    "{FNR} er fødselsnummeret, søknaden gjelder barnehageplass.",
    "Hjelpenummer {HNR} fra sykehuset, skal jeg bruke det i skjemaet?",
]
KONTO_T = [
    "Refusjonen kan settes inn på kontonummer {KONTO}, takk.",
    "Kontonr {KONTO} – jeg venter fortsatt på tilbakebetalingen av eiendomsskatten.",
    "Send pengene til konto {KONTO} så fort som mulig",
    "Eg har kontonummer {KONTO}, kan de betale inn depositumet dit?",
    "Skal betale inn til {KONTO}? Fikk feil beløp på fakturaen.",
]
TLF_T = [
    "Ring meg på {TLF} så forklarer jeg det.",
    "Du kan nå meg på {TLF} etter kl 16",
    "Ring {TLF} om du vil ha hjelp med søknaden",
    "mobilen min e {TLF}, ring når dokker har tid",
    "Ta kontakt på {TLF} eller send e-post til {EPOST}",
]
EPOST_T = [
    "Send svaret til {EPOST}, takk.",
    "Har sendt klage fra {EPOST} men fått ingen kvittering",
    "Kan de sende skjemaet til {EPOST}?",
    "Kontakt meg på {EPOST} {EMOJI}",
]
NAME_T = [
    "{NAVN} på servicetorget var kjempehjelpsom i dag, takk!",
    "Har snakket med {NAVN} i byggesak, men fått motstridende svar.",
    "Hilsen {NAVN}, {PLACE}",
    "Takk til {FORNAVN} i hjemmetjenesten som alltid stiller opp {EMOJI}",
    "{NAVN} burde gå av som ordfører etter dette",
    "Eg snakka med {NAVN} i går, og ho sa at vegen skulle brøytast.",
    "spør {FORNAVN} på biblioteket, hun vet",
]
HEALTH_T = [
    "{REL} har {HELSE} og kommer seg ikke ut når veien ikke er brøytet.",
    "Jeg har {HELSE} og trenger hjelp til å fylle ut skjemaet.",
    "Eg har {HELSE} og kjem meg ikkje ut av huset før vegen er brøyta.",
    "{REL} fikk {HELSE} i fjor og har ikke fått plass på sykehjemmet ennå.",
    "Tusen takk til hjemmesykepleien som hjelper {REL} med {HELSE} hver dag {EMOJI}",
    "{NAVN} har {HELSE}, det vet alle i {PLACE}",
    "Stemmer det at {REL} er sykmeldt for {HELSE}?",
    "{REL} går på {MED}, kan han få TT-kort?",
    "Jeg får {MED} hver dag og har ikke råd til egenandelen.",
]
WELFARE_T = [
    "{REL} har gått på {NAV} i tre år og får ingen hjelp fra kommunen.",
    "Jeg mottar {NAV} og har ikke råd til SFO.",
    "Eg har {NAV} og får ikkje svar frå sakshandsamaren.",
    "{BV} tok ungene til {REL} uten grunn!",
    "{NAVN} har vært i kontakt med {BV} i årevis",
    "{REL} ble {STRAFF} i fjor, og nå jobber han i barnehagen?!",
    "Visste dere at {NAVN} er {STRAFF}?",
]

MIX: list[tuple[str, float]] = [
    ("plain_nb", 0.30),
    ("plain_nn", 0.08),
    ("plain_dialect", 0.05),
    ("fnr", 0.10),
    ("konto", 0.06),
    ("tlf", 0.08),
    ("epost", 0.06),
    ("name", 0.10),
    ("health", 0.10),
    ("welfare", 0.04),
    ("long", 0.03),
]


@dataclass
class Comment:
    id: str
    text: str
    lang: str  # nb | nn | dialect (what the generator meant; not passed to the analyzer)
    kind: str
    gold: list[tuple[str, int, int]] = field(default_factory=list)

    def to_input(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text}


def _fnr_digits(rng: random.Random, kind: str = FNR) -> str:
    while True:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99)
        if kind == DNR:
            day += 40
        if kind == HNR:
            month += 40
        # individual numbers 000-499 are for 1900-1999, which any two-digit year allows
        base = f"{day:02d}{month:02d}{year:02d}{rng.randint(0, 499):03d}"
        c1 = fnr.calc_check_digit1(base)
        if len(c1) != 1:
            continue
        c2 = fnr.calc_check_digit2(base + c1)
        if len(c2) != 1:
            continue
        number = base + c1 + c2
        if fnr.is_valid(number):
            return number


def _format_fnr(rng: random.Random, digits: str) -> str:
    sep = rng.choice(["", "", "", " ", ".", "-"])
    return digits[:6] + sep + digits[6:]


def _konto_digits(rng: random.Random) -> str:
    while True:
        base = f"{rng.randint(1000, 9999)}{rng.randint(10, 99)}{rng.randint(0, 9999):04d}"
        for check in "0123456789":
            number = base + check
            if kontonr.is_valid(number) and not fnr.is_valid(number):
                return number


def _format_konto(rng: random.Random, digits: str) -> str:
    style = rng.random()
    if style < 0.6:
        return f"{digits[:4]}.{digits[4:6]}.{digits[6:]}"
    if style < 0.8:
        return f"{digits[:4]} {digits[4:6]} {digits[6:]}"
    return digits


def _phone(rng: random.Random) -> str:
    while True:
        digits = rng.choice("49") + "".join(rng.choice("0123456789") for _ in range(7))
        if phonenumbers.is_valid_number(phonenumbers.parse(digits, "NO")):
            break
    style = rng.random()
    if style < 0.3:
        return digits
    if style < 0.6:
        return f"{digits[:3]} {digits[3:5]} {digits[5:]}"
    if style < 0.8:
        return f"+47 {digits[:3]} {digits[3:5]} {digits[5:]}"
    return f"+47{digits}"


_ASCII: dict[str, str | int | None] = {"ø": "o", "å": "a", "æ": "ae"}
_TO_ASCII = str.maketrans(_ASCII)


def _email(rng: random.Random) -> str:
    fn = rng.choice(FIRST).lower().translate(_TO_ASCII)
    ln = rng.choice(LAST).lower().translate(_TO_ASCII)
    sep = rng.choice([".", "", "_"])
    num = rng.choice(["", "", str(rng.randint(1, 99))])
    return f"{fn}{sep}{ln}{num}@{rng.choice(DOMAINS)}"


def _decoy(rng: random.Random) -> str:
    # An 11- or 13-digit number that is neither a valid fødselsnummer nor a valid account.
    while True:
        n = "".join(rng.choice("0123456789") for _ in range(rng.choice([9, 11, 13])))
        if not fnr.is_valid(n) and not kontonr.is_valid(n):
            return n


class _Builder:
    def __init__(self, rng: random.Random, nynorsk: bool) -> None:
        self.rng = rng
        self.nynorsk = nynorsk

    def fill(self, template: str) -> tuple[str, list[tuple[str, int, int]]]:
        out: list[str] = []
        gold: list[tuple[str, int, int]] = []
        pos = 0
        i = 0
        first_slot = True
        while i < len(template):
            j = template.find("{", i)
            if j < 0:
                out.append(template[i:])
                break
            out.append(template[i:j])
            pos += j - i
            k = template.index("}", j)
            slot = template[j + 1 : k]
            value, gtype = self._value(slot)
            if slot == "REL" and j == 0 and first_slot:
                value = value[0].upper() + value[1:]
            if slot == "BV" and j == 0:
                value = value[0].upper() + value[1:]
            if gtype is not None:
                gold.append((gtype, pos, pos + len(value)))
            out.append(value)
            pos += len(value)
            i = k + 1
            first_slot = False
        return "".join(out), gold

    def _value(self, slot: str) -> tuple[str, str | None]:
        rng = self.rng
        if slot == "FNR":
            return _format_fnr(rng, _fnr_digits(rng, FNR)), FNR
        if slot == "DNR":
            return _format_fnr(rng, _fnr_digits(rng, DNR)), DNR
        if slot == "HNR":
            return _format_fnr(rng, _fnr_digits(rng, HNR)), HNR
        if slot == "KONTO":
            return _format_konto(rng, _konto_digits(rng)), KONTO
        if slot == "TLF":
            return _phone(rng), TLF
        if slot == "EPOST":
            return _email(rng), EPOST
        if slot == "NAVN":
            return f"{rng.choice(FIRST)} {rng.choice(LAST)}", PERSON
        if slot == "FORNAVN":
            return rng.choice(FIRST), PERSON
        if slot == "REL":
            return rng.choice(KIN_NN if self.nynorsk else KIN_NB), PREF
        if slot == "HELSE":
            return rng.choice(HEALTH), HELSE
        if slot == "MED":
            return rng.choice(MEDS), HELSE
        if slot == "NAV":
            return rng.choice(NAVW), NAV
        if slot == "BV":
            return rng.choice(BVW), BV
        if slot == "STRAFF":
            return rng.choice(CRIME), STRAFF
        if slot == "EMOJI":
            return rng.choice(EMOJI), None
        if slot == "PLACE":
            return rng.choice(PLACES), None
        if slot == "DECOY":
            return _decoy(rng), None
        raise KeyError(slot)


_TEMPLATES = {
    "plain_nb": PLAIN_NB,
    "plain_nn": PLAIN_NN,
    "plain_dialect": PLAIN_DIALECT,
    "fnr": FNR_T,
    "konto": KONTO_T,
    "tlf": TLF_T,
    "epost": EPOST_T,
    "name": NAME_T,
    "health": HEALTH_T,
    "welfare": WELFARE_T,
}
_NYNORSK_HINTS = ("Eg ", "eg ", "ikkje", "Kva ", "Kvifor", "Korleis", "frå", " ho ", "de betale")


def _one(rng: random.Random, kind: str) -> tuple[str, list[tuple[str, int, int]], str]:
    template = rng.choice(_TEMPLATES[kind])
    nynorsk = kind == "plain_nn" or any(h in template for h in _NYNORSK_HINTS)
    text, gold = _Builder(rng, nynorsk).fill(template)
    if rng.random() < 0.12 and "{EMOJI}" not in template:
        text += " " + rng.choice(EMOJI)
    lang = "nn" if nynorsk else ("dialect" if kind == "plain_dialect" else "nb")
    return text, gold, lang


def _long(rng: random.Random) -> tuple[str, list[tuple[str, int, int]], str]:
    target = rng.randint(400, 2500)
    parts: list[str] = []
    gold: list[tuple[str, int, int]] = []
    pos = 0
    kinds = [k for k, _ in MIX if k != "long"]
    weights = [w for k, w in MIX if k != "long"]
    while pos < target:
        kind = rng.choices(kinds, weights)[0]
        text, g, _ = _one(rng, kind)
        if parts:
            parts.append(" ")
            pos += 1
        gold.extend((t, s + pos, e + pos) for t, s, e in g)
        parts.append(text)
        pos += len(text)
    return "".join(parts), gold, "nb"


def generate(n: int, seed: int = 20240517) -> Iterator[Comment]:
    """Yield n comments; the same n and seed give the same comments."""
    rng = random.Random(seed)
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    for i in range(n):
        kind = rng.choices(kinds, weights)[0]
        if kind == "long":
            text, gold, lang = _long(rng)
        else:
            text, gold, lang = _one(rng, kind)
        yield Comment(f"c{i:06d}", text, lang, kind, gold)


def write_jsonl(comments: list[Comment], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for c in comments:
            fh.write(json.dumps(c.to_input(), ensure_ascii=False) + "\n")
