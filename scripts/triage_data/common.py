"""Slot fillers and surface transforms shared by the training and held-out generators.

Fillers are generic (places in Birkenes, made-up residents, services); the phrasings that
carry the category live in train_pool.py and heldout_pool.py and never overlap.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from stdnum.no import fodselsnummer, kontonr

PLACES = [
    "Birkeland",
    "Herefoss",
    "Vegusdal",
    "Engesland",
    "Mollestad",
    "Oggevatn",
    "Svaland",
    "Flakk",
    "Senum",
    "Rugsland",
    "Hovlandsdal",
    "Tveide",
    "Ås",
    "Skarpengland",
    "Birkeland sentrum",
    "Nordåsen",
    "Bøylestad",
    "Lauvåsen",
]
FIRST = [
    "Kari",
    "Ola",
    "Per",
    "Anne",
    "Tor",
    "Silje",
    "Jonas",
    "Ingrid",
    "Lars",
    "Marit",
    "Emma",
    "Nora",
    "Henrik",
    "Sigrid",
    "Knut",
    "Randi",
    "Tone",
    "Geir",
    "Hilde",
    "Odd",
    "Åse",
    "Bjørn",
    "Synnøve",
    "Eirik",
    "Mona",
    "Terje",
    "Liv",
    "Sondre",
    "Trine",
    "Arne",
]
LAST = [
    "Hansen",
    "Olsen",
    "Larsen",
    "Nilsen",
    "Berg",
    "Haugland",
    "Try",
    "Bjorvatn",
    "Fidje",
    "Vegusdal",
    "Øvland",
    "Homme",
    "Kjetså",
    "Lunden",
    "Salvesen",
    "Gundersen",
    "Stølen",
    "Aasen",
    "Ravnevand",
    "Kristiansen",
]
SERVICES = [
    "biblioteket",
    "legekontoret",
    "helsestasjonen",
    "svømmehallen",
    "gjenvinningsstasjonen",
    "SFO",
    "servicetorget",
    "kulturskolen",
    "ungdomsklubben",
    "frivilligsentralen",
    "idrettshallen",
    "kinoen",
    "tannklinikken",
    "bassenget",
    "fritidsklubben",
    "omsorgssenteret",
]
SCHOOLS = [
    "Birkeland skole",
    "Engesland skole",
    "Herefoss skole",
    "Vegusdal skole",
    "Birkenes ungdomsskole",
    "Søre Birkenes barnehage",
    "Birkeland barnehage",
    "Herefoss barnehage",
]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MONTHS = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]
NEUTRAL_EMOJI = ["😂", "🙄", "😡", "👍", "🤔", "😢", "😅", "🙈", "😊", "😤", "🤷", "❄️", "☀️", "😬"]


def name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def fake_fnr(rng: random.Random, kind: str = "f") -> str:
    """A checksum-valid, made-up fødselsnummer (kind "f") or D-nummer (kind "d").

    The individual number is drawn at random, so the result belongs to no one we know of;
    it only has to pass the same checksum a real one does.
    """
    while True:
        day = rng.randint(1, 28)
        month = rng.randint(1, 12)
        year = rng.randint(40, 99)
        indiv = rng.randint(0, 499)
        d = day + 40 if kind == "d" else day
        base = f"{d:02d}{month:02d}{year:02d}{indiv:03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if k1 == "10" or len(k1) != 1:
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if len(k2) != 1:
            continue
        number = base + k1 + k2
        if fodselsnummer.is_valid(number):
            return number


def fake_account(rng: random.Random) -> str:
    """A checksum-valid (MOD11) made-up Norwegian account number, as 1234.56.78903."""
    while True:
        digits = f"{rng.randint(1000, 9999)}{rng.randint(10, 99)}{rng.randint(10000, 99999)}"
        if kontonr.is_valid(digits) and not fodselsnummer.is_valid(digits):
            return f"{digits[:4]}.{digits[4:6]}.{digits[6:]}"


def fake_nonid_number(rng: random.Random) -> str:
    """Eleven digits that fail the fødselsnummer checksum (invoice, KID, coupon numbers)."""
    while True:
        n = "".join(str(rng.randint(0, 9)) for _ in range(11))
        if not fodselsnummer.is_valid(n) and n[0] != "0":
            return n


def phone(rng: random.Random) -> str:
    return f"{rng.choice(['9', '4'])}{rng.randint(1000000, 9999999)}"


# --- surface transforms ---------------------------------------------------------------------
def no_special_letters(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        table = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
    else:
        table = {"æ": "a", "ø": "o", "å": "a", "Æ": "A", "Ø": "O", "Å": "A"}
    return "".join(table.get(c, c) for c in text)


_DIALECT = [
    (r"\bjeg\b", ["æ", "eg", "e"]),
    (r"\bJeg\b", ["Æ", "Eg"]),
    (r"\bikke\b", ["ikkje", "ittj", "itte"]),
    (r"\bhva\b", ["ka", "kva"]),
    (r"\bHva\b", ["Ka", "Kva"]),
    (r"\bhvem\b", ["kem", "kven"]),
    (r"\bHvem\b", ["Kem", "Kven"]),
    (r"\bhvor\b", ["kor"]),
    (r"\bHvor\b", ["Kor"]),
    (r"\bdere\b", ["dokker", "dokke"]),
    (r"\bDere\b", ["Dokker"]),
    (r"\bhvorfor\b", ["koffor", "kvifor"]),
    (r"\bHvorfor\b", ["Koffor", "Kvifor"]),
    (r"\bmeg\b", ["mæ", "meg"]),
    (r"\bnoe\b", ["någe", "noko"]),
    (r"\bnår\b", ["når", "kor tid"]),
    (r"\bveldig\b", ["kjempe", "møje"]),
    (r"\bmye\b", ["mye", "møje", "mykje"]),
]


def dialect(text: str, rng: random.Random) -> str:
    for pattern, choices in _DIALECT:
        if rng.random() < 0.8:
            text = re.sub(pattern, lambda _m, c=choices: rng.choice(c), text)
    return text


def typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if not idx:
        return text
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    op = rng.random()
    if op < 0.4:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif op < 0.7:
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


def casual(text: str, rng: random.Random) -> str:
    text = text.rstrip(".")
    return text.lower() if rng.random() < 0.5 else text


def emoji(text: str, rng: random.Random) -> str:
    e = rng.choice(NEUTRAL_EMOJI)
    return f"{text} {e}" if rng.random() < 0.85 else f"{e} {text}"


def mention(text: str, rng: random.Random) -> str:
    return f"@{name(rng)} {text[0].lower() + text[1:]}" if text else text


TRANSFORMS = [
    (no_special_letters, 0.18),
    (dialect, 0.18),
    (typo, 0.2),
    (casual, 0.25),
    (emoji, 0.2),
    (mention, 0.05),
]


def vary(text: str, rng: random.Random) -> str:
    for fn, p in TRANSFORMS:
        if rng.random() < p:
            text = fn(text, rng)
    return text


def build_split(
    items: dict[str, list[tuple[str, str | None]]], seed: int, prefix: str
) -> list[dict[str, str]]:
    """A hand-written held-out split: each (text, context) of each category once, with the
    {fnr}/{dnr}/{konto} slots filled with fake checksum-valid numbers, in a seeded order."""
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    for cat, pairs in items.items():
        for i, (text, context) in enumerate(pairs):
            t = (
                text.replace("{fnr}", fake_fnr(rng, "f"))
                .replace("{dnr}", fake_fnr(rng, "d"))
                .replace("{konto}", fake_account(rng))
            )
            rec = {"id": f"{prefix}-{cat}-{i:02d}", "text": t, "category": cat}
            if context:
                rec["context"] = context
            out.append(rec)
    random.Random(seed).shuffle(out)
    return out


def write_split(name: str, recs: list[dict[str, str]]) -> None:
    """Write records to data/triage/<name> as JSON Lines."""
    path = Path(__file__).resolve().parents[2] / "data" / "triage" / name
    with path.open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} comments to {path}")
