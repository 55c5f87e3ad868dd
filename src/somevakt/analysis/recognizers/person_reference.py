"""Phrases that point to one identifiable person (PERSONREFERANSE), not sensitive by themselves.

They matter because they make a health, welfare or crime word personal (see linking.py):

- kinship with a possessive, bokmål, nynorsk and dialect: "sønnen min", "dottera mi",
  "far min", "min mann", "kona mi", "ungene våre"; the ``kinship`` words in
  ``lexicons/person_reference.txt``;
- words that point to one person on their own: "naboen", "svigermor", "bestefar", "eksen"
  (``standalone``);
- a role tied to a place, a class or a person: "læreren til 6. klasse", "rektor på
  Birkeland skole", "læreren til datteren min", and unique roles ("rektor", "ordføreren");
- a child singled out: "lille Sofie", "vesle Ola", "Emma i 3b", "eleven i 7b";
- a person singled out by a description (``described``): "han som bor ...", "ho som jobbar
  ...", "hun nye i resepsjonen", "en i klassen til dattera mi";
- @mentions: "@Kari Nordmann", "@kari.nordmann" (names without "@" are the person-name
  recognizer's).

``detail`` says which kind matched (kinship, role, child, described, mention): linking treats
roles (public office holders) more strictly than private persons.

The patterns on the folded text are tried only at the words their matches can start with
(anchored.py), those on the original text only where a quick necessary part of them is
found: most comments then cost a few set and substring tests.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from somevakt.analysis.normalize import fold_word
from somevakt.analysis.recognizers.anchored import Anchored, first_words
from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.lexicon import alternation, word_index
from somevakt.analysis.types import PERSONREFERANSE, Finding

_POSSESSIVE = (
    "min mi mitt mine var vart vare din di ditt dine hans hennes hennar deres dykkar "
    "sin si sitt sine mines dines"
)
# Necessary parts of the two forms of the child pattern ("lille Sofie", "Emma i 3b"), on the
# original text. Each starts with a literal or a character class, which the regex engine
# scans for quickly; the child pattern, whose matches start with a lookbehind, is tried at
# every position, so it only runs when one of these is found. The class form keeps its
# capitalised word: " i 2023" and "på 3 dager" are common, a capitalised word before them
# is not.
_LITTLE_NAME = re.compile(r"le\s+[A-ZÆØÅ]")
_NAME_IN_CLASS = re.compile(r"[A-ZÆØÅ][a-zæøåé]{1,20}\s+(?:i|på)\s+\d")
# The close relatives of a name in the genitive ("Karis mann"), on the original text. The
# genitive pattern's tail ("s mann", starting with a literal) is its quick necessary part.
_RELATIVE = (
    r"(?:sønn|sønnen|son|sonen|datter|dotter|mann|kone|kona|mor|far|bror|søster|syster|"
    r"gutt|jente|samboer|sambuar|kjæreste|ektemann|ektefelle|sønner|døtre)(?![\w])"
)
_GENITIVE_TAIL = re.compile(r"s\s+" + _RELATIVE)
# First words of the described patterns other than the lexicon's "who" words.
_NEW_ONE = ("han", "hun", "ho", "hen")  # "hun nye"
_RANKED_ONE = ("den", "han", "hun", "ho")  # "den eldste"
_ONE_OF = ("en", "ein", "ei", "noen", "nokon")  # "en i klassen til ..."
# Folded "vår" is "var", which is also the past tense "was": checked on the original.
_WAS = "var"
# Written without "å", "vår" is "var": it is the possessive when a finite verb follows the
# phrase ("gutten var fikk epilepsi", "Var sonn er i barnevernet"), the verb "was" otherwise
# ("sønnen var syk"). Folded forms.
_FINITE_VERB = frozenset(
    "er e har ha hadde fikk fekk far fatt ble blei vart blir gar gikk gjekk sliter slit sleit "
    "trenger treng kan skal ma matte bor budde sitter sit ligger ligg mottar venter mangler "
    "manglar begynte byrja heter het jobber jobbar gjorde gjer".split()
)
# A pupil singled out by class starts with one of these words (the pattern's first word).
_PUPIL_WORDS = frozenset(["eleven", "gutten", "guten", "jenta", "jentungen", "ungen"])
_NEXT_WORD = re.compile(r"\W{0,3}?([^\W\d_]+)")
# Bare "far" (father) folds from "får" (gets) too: only the one written "far" counts.
_BARE_FAR = "far"


@cache
def _word_lists() -> dict[str, list[str]]:
    text = resources.files("somevakt.analysis.lexicons").joinpath("person_reference.txt")
    lists: dict[str, list[str]] = {}
    current = ""
    for raw in text.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        # Everything is matched folded except the capitalised not-a-name words.
        words = line.split() if current == "not_a_name" else [fold_word(w) for w in line.split()]
        lists.setdefault(current, []).extend(words)
    return lists


def _alt(words: list[str]) -> str:
    # Built as a trie: the regex engine then tries a letter once, not once per word, which
    # makes the patterns below several times faster. Of the words that match at a position
    # (each a prefix of the next) it tries the longest first, as a longest-first list does.
    return alternation(words)


class _Patterns(NamedTuple):
    kinship: Anchored
    role: Anchored
    described: Anchored
    pupil: Anchored
    child: re.Pattern[str]  # the patterns below run on the original text
    genitive: re.Pattern[str]
    mention: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    w = _word_lists()
    kin, poss = _alt(w["kinship"] + w["standalone"]), _alt(_POSSESSIVE.split())
    # Word boundaries are lookarounds on letters and digits: no backtracking into words.
    # Each word list is followed by whitespace or a word end, so a match of these patterns
    # starts at a whole word that is the first word of an entry (see ``Anchored``).
    kinship = re.compile(
        rf"(?<![^\W_])(?:(?P<kin>{kin})\s+(?P<poss>{poss})|(?P<poss2>{poss})\s+(?:{kin})"
        rf"|(?:{_alt(w['standalone'])}))(?![^\W_])"
    )
    role = re.compile(
        rf"(?<![^\W_])(?:{_alt(w['role'])})\s+(?:til|pa|i|ved|for|hos)\s+"
        rf"(?:(?:{kin})\s+(?:{poss})|\d{{1,2}}\s?\.?\s?(?:klasse|trinn|kl)\b|\d{{1,2}}\s?[a-z]"
        rf"|[^\W\d_]{{2,30}})(?![^\W_])"
        rf"|(?<![^\W_])(?:{_alt(w['unique_role'])})(?![^\W_])"
    )
    # On the original text: capitals carry the meaning ("lille Sofie", "Emma i 3b").
    child = re.compile(
        r"(?<![\w])(?:[Ll]ille|[Vv]esle|[Ll]isle)\s+[A-ZÆØÅ][a-zæøåé]{1,20}(?![\w])"
        r"|(?<![\w])(?!(?:" + _alt(w["not_a_name"]) + r")\b)[A-ZÆØÅ][a-zæøåé]{1,20}"
        r"\s+(?:i|på)\s+\d{1,2}\s?\.?\s?(?:[a-zA-Z](?![\w])|klasse|trinn)"
    )
    # A name in the genitive and a close relative: "Karis mann", "Olsens datter" (original
    # text: the capital marks the name).
    genitive = re.compile(
        r"(?<![\w])(?!(?:Hvis|Mens|Ellers|Tross|Alles|Dens|Dets)\b)[A-ZÆØÅ][a-zæøåé]{1,20}s\s+"
        + _RELATIVE
    )
    # The "@" first, its left bound checked after it (as in digit_run.py): the regex engine
    # then scans for the "@" instead of trying a lookbehind at every position.
    mention = re.compile(
        r"@(?<![\w.+\-@]@)[^\W\d_](?:[\w.\-]{0,38}[^\W_])?(?:[ \u00a0][A-ZÆØÅ][\w\-]{0,29}){0,2}"
    )
    who, group = _alt(w["described_who"]), _alt(w["described_group"])
    described = re.compile(
        rf"(?<![^\W_])(?:(?:{who})\s+som\s+(?:{_alt(w['described_verb'])})"
        rf"|(?:{'|'.join(_NEW_ONE)})\s+nye|(?:{'|'.join(_RANKED_ONE)})\s+(?:eldste|yngste|minste)"
        rf"|(?:{'|'.join(_ONE_OF)}|{who})\s+(?:i|pa)\s+(?:{group})\s+"
        rf"(?:til\s+(?:(?:{kin})\s+(?:{poss})|(?:{_alt(w['standalone'])}))|(?:{poss})))(?![^\W_])"
    )
    # A pupil singled out by class, in any case: "eleven i 7b", "Gutten i 5. klasse".
    pupil = re.compile(
        rf"(?<![^\W_])(?:{_alt(sorted(_PUPIL_WORDS))})\s+(?:i|pa)\s+\d{{1,2}}\s?\.?\s?"
        r"(?:klasse|trinn|[a-z])(?![^\W_])"
    )
    kin_words = w["kinship"] + w["standalone"]
    return _Patterns(
        kinship=Anchored(kinship, first_words(kin_words + _POSSESSIVE.split())),
        role=Anchored(role, first_words(w["role"] + w["unique_role"])),
        described=Anchored(
            described, first_words([*w["described_who"], *_NEW_ONE, *_RANKED_ONE, *_ONE_OF])
        ),
        pupil=Anchored(pupil, first_words(_PUPIL_WORDS)),
        child=child,
        genitive=genitive,
        mention=mention,
    )


class PersonReferenceRecognizer:
    name = "person_reference"

    def __init__(self) -> None:
        self._patterns = _patterns()
        lists = _word_lists()
        # "som" and "nye" are common: the described patterns also need one of the "who" words.
        self._who_words = frozenset(fold_word(w) for w in ("den", *lists["described_who"]))
        self._described_words = frozenset(["eldste", "yngste", "minste", *lists["described_group"]])
        # Most comments name no relative or role: a set test on their words skips the patterns.
        self._kin_words = frozenset(lists["kinship"] + lists["standalone"])
        self._role_words = frozenset(lists["role"] + lists["unique_role"])

    def find(self, ctx: TextContext) -> list[Finding]:
        folded = ctx.folded
        ftext, text = folded.text, ctx.text
        words = word_index(ctx).forms
        patterns = self._patterns
        found: list[Finding] = []
        kin = not self._kin_words.isdisjoint(words)
        for m in patterns.kinship.finditer(ftext, words) if kin else ():
            poss = m.group("poss") or m.group("poss2")
            s, e = folded.span(m.start(), m.end())
            if poss == _WAS:
                ps, pe = folded.span(*m.span("poss" if m.group("poss") else "poss2"))
                if text[ps:pe].lower() == "var" and not _verb_follows(ftext, m.end()):
                    continue  # the verb "was", not "vår"
            elif poss is None and m.group() == _BARE_FAR and text[s:e].lower() != _BARE_FAR:
                continue  # "får"
            found.append(Finding(PERSONREFERANSE, s, e, text[s:e], 0.8, detail="kinship"))
        genitive = kin and _GENITIVE_TAIL.search(text)
        for m in patterns.genitive.finditer(text) if genitive else ():
            found.append(
                Finding(PERSONREFERANSE, m.start(), m.end(), m.group(), 0.8, detail="kinship")
            )
        role = not self._role_words.isdisjoint(words)
        for m in patterns.role.finditer(ftext, words) if role else ():
            s, e = folded.span(m.start(), m.end())
            found.append(Finding(PERSONREFERANSE, s, e, text[s:e], 0.7, detail="role"))
        child = _LITTLE_NAME.search(text) or _NAME_IN_CLASS.search(text)
        for m in patterns.child.finditer(text) if child else ():
            found.append(
                Finding(PERSONREFERANSE, m.start(), m.end(), m.group(), 0.8, detail="child")
            )
        pupil = not _PUPIL_WORDS.isdisjoint(words)
        for m in patterns.pupil.finditer(ftext, words) if pupil else ():
            s, e = folded.span(m.start(), m.end())
            found.append(Finding(PERSONREFERANSE, s, e, text[s:e], 0.8, detail="child"))
        if not self._described_words.isdisjoint(words) or (
            ("som" in words or "nye" in words) and not self._who_words.isdisjoint(words)
        ):
            for m in patterns.described.finditer(ftext, words):
                s, e = folded.span(m.start(), m.end())
                found.append(Finding(PERSONREFERANSE, s, e, text[s:e], 0.7, detail="described"))
        if "@" in text:
            for m in patterns.mention.finditer(text):
                found.append(
                    Finding(PERSONREFERANSE, m.start(), m.end(), m.group(), 0.9, detail="mention")
                )
        return _drop_nested(found)


def _verb_follows(ftext: str, pos: int) -> bool:
    m = _NEXT_WORD.match(ftext, pos)
    return m is not None and m.group(1) in _FINITE_VERB


def _drop_nested(found: list[Finding]) -> list[Finding]:
    # "læreren til datteren min" (role) contains "datteren min" (kinship): keep the longer.
    if len(found) < 2:  # most texts: nothing to drop
        return found
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[Finding] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out
