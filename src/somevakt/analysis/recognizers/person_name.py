"""Person names: a small spaCy NER model trained on NorNE, plus rules for social media.

The model (``somevakt/analysis/models/person_ner``, made by ``scripts/train_person_ner.py``)
finds names as newspapers write them, and, thanks to its augmented training data, many that
are written in lower case or without æøå. Rules add what comments do to names:

* a first name after a cue word, also in lower case: "lille sofie", "til kari", "hilsen ola";
* a first name alone, from a first-name gazetteer derived from NorNE's train split plus common
  Norwegian first names ("kari har ikke fått svar"), and a known surname or single name;
* a capitalised word after a title, role or kinship word ("naboen Gunnhild"), after a
  reporting verb ("sier Tveit") or before an age ("Gulsum (28)");
* a common first name that is also a word, starting a sentence before a verb ("Per er ...");
* where the model saw a place, an organisation or a title (MISC) but context says person: the
  speaker of a quote (", seier Hugøy."), a name after a title ("representanten Vaksdal"), a
  patronymic surname ("Bertelsen") and a known first name with a surname ("Noreen Walsh");

and keep out what is not a person: the local place names, the municipality, weekdays,
months, greetings, role words, capitalised common words at the start of a sentence, nouns in
the definite form that look like surnames ("Sluttprisen"), long compounds of common words
("Europautvalet"), roles and genitives after a reporting verb ("sier KrF-leder ...",
"spør Venstres ..."), single letters ("plan B") and lower-case words at the edge of a name in
capitalised text.
@mentions belong to the person-reference recognizer and are skipped here.

Speed: spaCy is imported and the model loaded only when a text could contain a name (a
capitalised word that is not a common word at the start of a sentence, a gazetteer name or,
in text written all in lower case, an unknown word). ``find_many`` runs the model over many
texts in one batch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from somevakt.analysis.normalize import fold_word
from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.types import PERSON, Finding

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "person_ner"

MODEL_SCORE = 0.85
CUE_SCORE = 0.75
GAZETTEER_SCORE = 0.6

# Words (any case, folded) that precede a first name in comments.
_CUES = frozenset(
    fold_word(w)
    for w in (
        "lille",
        "vesle",
        "veslegutten",
        "kjære",
        "hei",
        "heisann",
        "hallo",
        "hilsen",
        "helsing",
        "mvh",
        "vh",
        "til",
        "fra",
        "frå",
        "med",
        "og",
        "takk",
        "tusen",
        "gratulerer",
        "grattis",
        "stakkars",
        "snille",
        "søte",
        "kjekke",
        "flinke",
        "gamle",
        "unge",
        "fru",
        "herr",
        "frk",
        "onkel",
        "tante",
        "bestemor",
        "bestefar",
        "farmor",
        "farfar",
        "mormor",
        "morfar",
        "venninna",
        "kompisen",
        "gutten",
        "jenta",
        "datteren",
        "sønnen",
        "dotter",
        "sonen",
        "heter",
        "heiter",
        "kalt",
        "kalla",
        "spør",
        "ring",
        "sa",
        "sier",
        "seier",
        "ved",
    )
)
# Cues strong enough that a capitalised unknown word after them is taken as a name.
_STRONG_CUES = frozenset(
    fold_word(w)
    for w in (
        "hei",
        "heisann",
        "hallo",
        "lille",
        "vesle",
        "kjære",
        "hilsen",
        "helsing",
        "mvh",
        "vh",
        "fru",
        "herr",
        "frk",
        "heter",
        "heiter",
        "stakkars",
    )
)

# Titles, roles and kinship words directly before a name ("ordfører Haugland", "naboen Kari").
_TITLES = frozenset(
    fold_word(w)
    for w in (
        "statsminister",
        "statsråd",
        "minister",
        "president",
        "presidenten",
        "ordfører",
        "ordføreren",
        "rådmann",
        "kommunedirektør",
        "professor",
        "dr",
        "doktor",
        "biskop",
        "prest",
        "presten",
        "sokneprest",
        "lege",
        "legen",
        "rektor",
        "rektoren",
        "lærer",
        "læreren",
        "direktør",
        "sjef",
        "leder",
        "leiar",
        "journalist",
        "advokat",
        "kollega",
        "kollegaen",
        "nabo",
        "naboen",
        "mor",
        "far",
        "mora",
        "faren",
        "moren",
        "bror",
        "broren",
        "søster",
        "søstera",
        "syster",
        "kona",
        "mannen",
        "sønnen",
        "sonen",
        "dattera",
        "datteren",
        "dotter",
        "onkel",
        "tante",
        "bestemor",
        "bestefar",
        "venn",
        "vennen",
        "venninne",
        "kompis",
        "kompisen",
        "fru",
        "herr",
        "frk",
        "kaptein",
        "kong",
        "dronning",
        "prins",
        "prinsesse",
        "ordførar",
        "ordføraren",
        "representant",
        "representanten",
        "stortingsrepresentant",
        "stortingsrepresentanten",
        "statssekretær",
        "utenriksminister",
        "utanriksminister",
        "finansminister",
        "forfatteren",
        "forfattaren",
        "kunstneren",
        "kunstnaren",
        "trener",
        "trenar",
        "treneren",
        "trenaren",
    )
)
# Words whose folded form is a title's: "får" (gets) folds to "far" (father).
_NOT_TITLES = frozenset(("får", "faar"))
# Reporting verbs followed by the speaker ("sier Tveit", "konkluderte Hansen").
_SAYS = frozenset(
    fold_word(w)
    for w in (
        "sier",
        "seier",
        "sa",
        "sei",
        "forteller",
        "fortel",
        "fortalte",
        "fortalde",
        "mener",
        "meiner",
        "mente",
        "meinte",
        "skriver",
        "skriv",
        "skrev",
        "skreiv",
        "spør",
        "spurte",
        "spurde",
        "svarer",
        "svarar",
        "svarte",
        "konkluderte",
        "understreker",
        "opplyser",
        "påpeker",
        "legger",
        "repliserte",
        "uttalte",
        "hevder",
        "hevdar",
        "forklarer",
        "forklarar",
        "avslutter",
        "avsluttar",
        "understrekar",
        "konkluderer",
        "konkluderar",
    )
)
# After a quote (", sier Hansen.") the speaker is a person even where the model saw a place or
# an organisation; not for "skriver" and "opplyser", whose subject is often a newspaper or an
# agency (", skriv Firda.", ", opplyser Tine.").
_QUOTE_SAYS = _SAYS - {fold_word(w) for w in ("skriver", "skriv", "skrev", "skreiv", "opplyser")}
_QUOTE_END = (",", "»", '"', "”", "“")
_AGE = re.compile(r"\s?\(\d{1,3}\)")

# Common Norwegian first names (public knowledge), in addition to the NorNE-derived list.
_EXTRA_FIRST_NAMES = (
    "Ada Adrian Agnes Aksel Alma Amalie Anders Andreas Anna Anne Ane Arne Aron Astrid Audun "
    "Aurora Bente Birgit Finn Bjørg Bjørn Bodil Brage Camilla Cecilie Dag Dagny Eirik Eivind Elias "
    "Elin Elise Ella Ellen Emil Emilie Emma Erik Erling Eva Even Frida Frode Geir Gunn Gunnar "
    "Gustav Hanna Hans Harald Hedda Hege Heidi Helene Helge Henrik Herman Hilde Ida Ine Inga "
    "Inger Ingrid Isak Jakob Jan Jens Johanne Johannes Jon Jonas Julie Kari Karin Karl Kasper "
    "Kjell Knut Kristian Kristin Kristoffer Lars Leah Leon Lene Linn Linnea Liv Lucas Magnus "
    "Maja Marie Marit Martin Mathias Mia Mona Morten Nils Nora Odd Ola Olav Ole Oliver Oskar "
    "Per Petter Philip Randi Ragnhild Rune Sander Sara Sigrid Silje Sindre Siri Sofie Sofia "
    "Solveig Stian Stine Svein Sverre Synnøve Søren Theo Thea Tobias Tone Tor Torbjørn Tore "
    "Torunn Trine Trond Tuva Turid Vilde Vilja William Kåre Øystein Åse Åsmund"
).split()
_COMMON_FIRST_NAMES = frozenset(fold_word(w) for w in _EXTRA_FIRST_NAMES)
# Finite verbs that follow a subject at the start of a sentence (folded).
_FINITE_VERBS = frozenset(
    fold_word(w)
    for w in (
        "er",
        "var",
        "har",
        "hadde",
        "skal",
        "vil",
        "kan",
        "må",
        "fikk",
        "fekk",
        "kom",
        "gikk",
        "gjekk",
        "ble",
        "blei",
        "vart",
        "blir",
        "vert",
        "bor",
        "jobber",
        "jobbar",
        "heter",
        "heiter",
        "sa",
        "sier",
        "seier",
    )
)

# Never a person here, whatever the model says (folded forms).
_NOT_A_PERSON = frozenset(
    fold_word(w)
    for w in (
        # The municipality and places around it.
        "birkenes",
        "birkeland",
        "engesland",
        "vegusdal",
        "herefoss",
        "lillesand",
        "kristiansand",
        "grimstad",
        "evje",
        "iveland",
        "froland",
        "arendal",
        "agder",
        "sørlandet",
        "tovdal",
        "norge",
        "noreg",
        "oslo",
        "bergen",
        "kommune",
        "kommunen",
        "kommunens",
        "birkenes kommune",
        "jan mayen",
        "karl johan",
        "karl johans gate",
        "nav",
        "politiet",
        # Weekdays and months, bokmål and nynorsk.
        "mandag",
        "måndag",
        "tirsdag",
        "tysdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lørdag",
        "laurdag",
        "søndag",
        "sundag",
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
        "jul",
        "påske",
        # Greetings and sign-offs.
        "hei",
        "heisann",
        "hallo",
        "hilsen",
        "helsing",
        "mvh",
        "takk",
        "tusen takk",
        "god",
        "gratulerer",
        # Role words.
        "ordfører",
        "ordføreren",
        "varaordfører",
        "rådmann",
        "rådmannen",
        "kommunedirektør",
        "kommunedirektøren",
        "lærer",
        "læreren",
        "rektor",
        "rektoren",
        "lege",
        "legen",
        "fastlege",
        "fastlegen",
        "sjef",
        "sjefen",
        "nabo",
        "naboen",
        "saksbehandler",
        "saksbehandleren",
        "helsesøster",
        "helsesykepleier",
        "barnevernet",
        "admin",
    )
)

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Between two words: end punctuation, a line break or an emoji starts a new sentence.
_SENTENCE_BREAK = re.compile("[.!?:;\n…\u2190-\u2bff\U0001f000-\U0001faff]")
# Inflection endings (folded) stripped to find the common word a form comes from.
_SUFFIXES = ("ene", "ane", "ens", "ets", "inga", "ingen", "en", "et", "er", "ar", "a", "e")
_ACRONYM = re.compile(r"[A-ZÆØÅ]{2,5}(?:-|$)")
# Patronymic surnames, also in the genitive: "Bertelsen", "Karlssons".
_PATRONYMIC = re.compile(r"[A-ZÆØÅ][a-zæøåäöüéè]{2,}s?s(?:en|on)s?$")
# Folded endings of nouns and places that look like patronymics ("Haukåsen", "Nobelprisen").
_NOUN_ENDINGS = ("asen", "fossen", "prisen", "plassen")


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    text: str
    folded: str
    initial: bool  # first word of the text or of a sentence
    mention: bool  # part of an @mention or #hashtag


@dataclass(frozen=True, slots=True)
class _Lexicon:
    first_names: frozenset[str]  # folded
    common: frozenset[str]  # folded lower-case words
    name_tokens: frozenset[str]  # folded surnames and single names


@lru_cache(maxsize=1)
def _lexicon(model_dir: Path = MODEL_DIR) -> _Lexicon:
    names = {fold_word(w) for w in _EXTRA_FIRST_NAMES}
    names.update(fold_word(w) for w in _read_list(model_dir / "first_names.txt"))
    common = _read_list(model_dir / "common_words.txt")  # stored folded
    tokens = {fold_word(w) for w in _read_list(model_dir / "name_tokens.txt")}
    return _Lexicon(frozenset(names), frozenset(common), frozenset(tokens - _NOT_A_PERSON))


def _read_list(path: Path) -> list[str]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


_models: dict[Path, Any] = {}


def load_model(model_dir: Path = MODEL_DIR) -> Any:
    """The spaCy pipeline (tokenizer + ner only), loaded once per process."""
    nlp = _models.get(model_dir)
    if nlp is None:
        import spacy  # slow import: only when a text could contain a name

        nlp = spacy.load(model_dir, exclude=["tagger", "parser", "lemmatizer", "senter"])
        _models[model_dir] = nlp
    return nlp


def model_available(model_dir: Path = MODEL_DIR) -> bool:
    return (model_dir / "config.cfg").is_file() and (model_dir / "ner").is_dir()


# Words repeat a lot across comments: fold each distinct word once.
_fold = lru_cache(maxsize=1 << 16)(fold_word)


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    prev_end = 0
    for m in _WORD.finditer(text):
        start = m.start()
        before = text[prev_end:start]
        initial = not out or bool(_SENTENCE_BREAK.search(before))
        mention = start > 0 and text[start - 1] in "@#"
        out.append(_Word(start, m.end(), m.group(), _fold(m.group()), initial, mention))
        prev_end = m.end()
    return out


class PersonNameRecognizer:
    name = "person_name"

    def __init__(
        self, model_dir: Path | None = None, use_model: bool = True, use_rules: bool = True
    ) -> None:
        self.model_dir = model_dir or MODEL_DIR
        self.use_model = use_model and model_available(self.model_dir)
        self.use_rules = use_rules

    @property
    def lexicon(self) -> _Lexicon:
        return _lexicon(self.model_dir)  # read on first use, then cached

    # -- public API -------------------------------------------------------------------------

    def find(self, ctx: TextContext) -> list[Finding]:
        return self.find_many([ctx])[0]

    def find_many(self, ctxs: Sequence[TextContext]) -> list[list[Finding]]:
        """Findings for many texts; the model runs over them in one batch."""
        words = [_words(c.text) for c in ctxs]
        need = [
            i
            for i, ws in enumerate(words)
            if self.use_model and ws and (self._could_be_name(ws) or not self.use_rules)
        ]
        ents: dict[int, list[tuple[int, int, str]]] = {}
        if need:
            nlp = load_model(self.model_dir)
            ner = nlp.get_pipe("ner")
            docs = [nlp.make_doc(ctxs[i].text) for i in need]
            docs = list(ner.pipe(docs, batch_size=256)) if len(docs) > 1 else [ner(docs[0])]
            for i, doc in zip(need, docs, strict=True):
                ents[i] = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        return [
            self._combine(c, ws, ents.get(i, []))
            for i, (c, ws) in enumerate(zip(ctxs, words, strict=True))
        ]

    # -- internals --------------------------------------------------------------------------

    def _is_common(self, w: _Word) -> bool:
        return w.folded in self.lexicon.common

    def _looks_common(self, folded: str) -> bool:
        """A common word, an inflected form of one ("ryktet", "brøytinga") or, for long
        words, a compound of two ("fødselsnummeret", "regnbogeflagg")."""
        common = self.lexicon.common
        if folded in common:
            return True
        if folded.endswith(("sen", "son", "sson")):
            # Patronymic surnames: "Hansen" is not an inflected "hans"; "Sluttprisen" is.
            return self._definite_noun(folded)
        for suffix in _SUFFIXES:
            stem = folded[: -len(suffix)]
            if (
                folded.endswith(suffix)
                and len(stem) >= 3
                and (stem in common or stem + "e" in common)
            ):
                return True
        if len(folded) >= 11:
            for i in range(4, len(folded) - 3):
                head, tail = folded[:i], folded[i:]
                if (head in common or (head[-1] == "s" and head[:-1] in common)) and (
                    tail in common
                    or any(tail.endswith(x) and tail[: -len(x)] in common for x in _SUFFIXES)
                ):
                    return True
        return False

    def _could_be_name(self, ws: list[_Word]) -> bool:
        """Whether the model needs to see the text at all (most comments name nobody)."""
        if not ws:
            return False
        names = self.lexicon.first_names
        all_lower = not any(w.text[0].isupper() for w in ws)
        prev: _Word | None = None
        for w in ws:
            p, prev = prev, w
            if w.mention or w.folded in _NOT_A_PERSON or _ACRONYM.match(w.text):
                continue
            if w.text[0].isupper():
                # A capitalised word inside a sentence, or one starting it that is a first
                # name or not a common word ("Hansen sa ..." but not "Brøytinga er ...").
                if not w.initial or w.folded in names or not self._looks_common(w.folded):
                    return True
            elif self._is_common(w):
                if w.folded in names and p is not None and p.folded in _STRONG_CUES:
                    return True  # "hilsen per"
            elif w.folded in names or all_lower:
                return True  # "til kari"; an unknown word in text written all in lower case
        return False

    def _blocked(self, text: str) -> bool:
        return fold_word(text) in _NOT_A_PERSON

    def _combine(
        self, ctx: TextContext, ws: list[_Word], ents: list[tuple[int, int, str]]
    ) -> list[Finding]:
        text = ctx.text
        if not self.use_rules:  # the model alone, as it is (for measuring)
            return [
                Finding(PERSON, s, e, text[s:e], MODEL_SCORE, detail="model")
                for s, e, label in ents
                if label == "PER"
            ]
        found: list[Finding] = []
        covered: list[tuple[int, int]] = []  # spans of any entity (PER or not)
        other: dict[tuple[int, int], str] = {}  # the model's places, organisations, misc
        for start, end, label in ents:
            covered.append((start, end))
            detail, score = "model", MODEL_SCORE
            if label != "PER":
                if label not in ("MISC", "LOC") or not self._first_and_last_name(ws, start, end):
                    other[(start, end)] = label
                    continue
                # "Noreen Walsh", "Signy Fardal" taken for a title or a place: capitalised
                # words after a known first name are nearly always a person (97% in NorNE).
                detail, score = "first name+model", CUE_SCORE
            span = self._clean_model_span(ws, start, end)
            if span is not None:
                s, e = span
                found.append(Finding(PERSON, s, e, text[s:e], score, detail=detail))
        names = self.lexicon.first_names
        all_lower = not any(w.text[0].isupper() for w in ws)
        for i, w in enumerate(ws):
            if w.mention or w.folded not in names or self._blocked(w.text):
                continue
            if any(s < w.end and w.start < e for s, e in covered):
                continue
            prev = ws[i - 1] if i > 0 and not w.initial else None
            cue = prev is not None and prev.folded in _CUES
            strong = prev is not None and prev.folded in _STRONG_CUES
            if w.text[0].isupper():
                ok = (
                    cue
                    or not (w.initial and self._is_common(w))
                    or self._name_follows(ws, i)
                    or self._subject_of_verb(ws, i)
                )
            elif self._is_common(w):  # "og hans", "med andre": a word, unless "hilsen per"
                ok = strong
            else:  # "til kari"; alone only in text written all in lower case
                ok = cue or all_lower
            if not ok:
                continue
            end = w.end
            nxt = ws[i + 1] if i + 1 < len(ws) else None
            if (
                nxt is not None
                and not nxt.initial
                and nxt.text[0].isupper()
                and not self._is_common(nxt)
                and not self._blocked(nxt.text)
                and text[w.end : nxt.start].strip() == ""
            ):
                end = nxt.end  # "hilsen kari Nordmann": take the surname too
            score = CUE_SCORE if cue else GAZETTEER_SCORE
            found.append(
                Finding(
                    PERSON,
                    w.start,
                    end,
                    text[w.start : end],
                    score,
                    detail="cue+first name" if cue else "first name",
                )
            )
            covered.append((w.start, end))
        # Capitalised words the model left that context marks as a name: after a strong cue,
        # a title, role or kinship word ("Hilsen Torbjørg", "naboen Gunnhild", "ordfører
        # Haugland"), after a reporting verb ("sier Tveit"), or before an age ("Gulsum (28)").
        # After a title or as the speaker of a quote (", seier Hugøy."), also a word the model
        # took for a place or an organisation.
        for i, w in enumerate(ws):
            if w.mention or not w.text[0].isupper() or _ACRONYM.match(w.text):
                continue
            if self._blocked(w.text):
                continue
            overlaps = [(s, e) for s, e in covered if s < w.end and w.start < e]
            if overlaps and not (
                all(sp in other and sp[0] >= w.start for sp in overlaps)
                and self._person_context(text, ws, i)
            ):
                continue
            prev = ws[i - 1] if i > 0 and not w.initial else None
            after_cue = (
                prev is not None
                and (prev.folded in _STRONG_CUES or self._is_title(prev) or prev.folded in _SAYS)
                and not self._role_or_genitive(text, ws, i)
            )
            age = _AGE.match(text, self._run_end(text, ws, i)) is not None and not (
                w.initial and self._looks_common(w.folded)  # "Kreftsyke Hannah Jones (13)"
            )
            if not (after_cue or age) or (self._common_not_name(w) and not age):
                continue
            end = self._run_end(text, ws, i)
            found.append(
                Finding(PERSON, w.start, end, text[w.start : end], CUE_SCORE, detail="cue")
            )
            covered.append((w.start, end))
        # A patronymic surname ("Bertelsen", "Karlsson") the model took for a place or a title
        # (MISC): a person, unless it is a noun's definite form ("Nobelprisen", "Haukåsen").
        # Not what it took for an organisation ("Jebsen", "Aleksandersen" as firms).
        for i, w in enumerate(ws):
            if w.mention or not _PATRONYMIC.match(w.text) or self._blocked(w.text):
                continue
            overlaps = [sp for sp in covered if sp[0] < w.end and w.start < sp[1]]
            if any(other.get(sp) not in ("MISC", "LOC") for sp in overlaps):
                continue
            if self._definite_noun(w.folded):
                continue
            start = w.start
            for sp in overlaps:  # "Tor Holger Bertelsen" as one span: keep the first names
                before = [x for x in ws if sp[0] <= x.start and x.end <= w.start]
                if before and all(
                    x.text[0].isupper() and not self._common_not_name(x) for x in before
                ):
                    start = before[0].start
            end = self._run_end(text, ws, i)
            found.append(
                Finding(PERSON, start, end, text[start:end], GAZETTEER_SCORE, detail="surname")
            )
            covered.append((start, end))
        # A known surname or single name the model left: "hos Epiktet", "Hansen kom".
        for i, w in enumerate(ws):
            if (
                w.mention
                or not w.text[0].isupper()
                or w.folded not in self.lexicon.name_tokens
                or (w.initial and self._looks_common(w.folded))
                or any(s < w.end and w.start < e for s, e in covered)
            ):
                continue
            end = self._run_end(text, ws, i)
            found.append(
                Finding(
                    PERSON, w.start, end, text[w.start : end], GAZETTEER_SCORE, detail="known name"
                )
            )
            covered.append((w.start, end))
        found.sort(key=lambda f: f.start)
        return found

    def _first_and_last_name(self, ws: list[_Word], start: int, end: int) -> bool:
        """The span is a known first name followed by one to three capitalised words."""
        inside = [w for w in ws if start <= w.start and w.end <= end]
        return (
            2 <= len(inside) <= 4
            and inside[0].folded in self.lexicon.first_names
            and all(w.text[0].isupper() and not w.mention for w in inside)
            and not self._blocked(" ".join(w.text for w in inside))
            and not any(self._blocked(w.text) for w in inside)
            and not ("-" in inside[-1].text and inside[-1].text.rsplit("-", 1)[1][:1].islower())
        )

    def _long_compound(self, w: _Word) -> bool:
        """A long capitalised compound of common words: in NorNE train, 5 of about 950 such
        words inside a sentence are (part of) a person's name."""
        return (
            len(w.text) >= 11
            and w.text[0].isupper()
            and w.folded not in self.lexicon.name_tokens
            and self._common_not_name(w)
        )

    def _definite_noun(self, folded: str) -> bool:
        """A (folded) word shaped like a patronymic that is a noun's definite form
        ("Prisen", "Undersøkelsen") or a place ("-åsen", "-fossen")."""
        lex = self.lexicon
        if folded in lex.name_tokens or folded in lex.first_names:
            return False
        base = folded[:-1] if folded.endswith(("sens", "sons")) else folded
        if base in lex.common or base.endswith(_NOUN_ENDINGS):
            return True
        # "Prisen" (pris), "Referansen" (referanse)
        return base.endswith("en") and (
            self._looks_common(base[:-2]) or self._looks_common(base[:-1])
        )

    @staticmethod
    def _is_title(w: _Word) -> bool:
        return w.folded in _TITLES and w.text.lower() not in _NOT_TITLES

    def _role_or_genitive(self, text: str, ws: list[_Word], i: int) -> bool:
        """Word i names a role ("KrF-leder", "Bellona-leiaren") or is a genitive before
        another word ("Venstres Trine Skei", "Arbeiderpartiets leder"), not a name."""
        w = ws[i]
        if "-" in w.text and w.text.rsplit("-", 1)[1][:1].islower():
            return True
        nxt = ws[i + 1] if i + 1 < len(ws) else None
        return (
            w.text.endswith("s")
            and w.folded not in self.lexicon.first_names
            and nxt is not None
            and not nxt.initial
            and text[w.end : nxt.start].strip() == ""
        )

    def _person_context(self, text: str, ws: list[_Word], i: int) -> bool:
        """Word i follows a title or role ("representanten Vaksdal") or is the speaker of a
        quote (", meiner Hersoug"): a person, whatever the model took it for."""
        if i == 0 or ws[i].initial or self._role_or_genitive(text, ws, i):
            return False
        prev = ws[i - 1]
        if text[prev.end : ws[i].start].strip():
            return False
        if self._is_title(prev):
            return True
        return prev.folded in _QUOTE_SAYS and text[: prev.start].rstrip().endswith(_QUOTE_END)

    @staticmethod
    def _subject_of_verb(ws: list[_Word], i: int) -> bool:
        """A common first name that is also a word, starting a sentence before a verb: "Per er
        naboen min", "Finn har fått sparken" (but not "Per time ...", "Andre er uenige")."""
        return (
            ws[i].initial
            and ws[i].folded in _COMMON_FIRST_NAMES
            and i + 1 < len(ws)
            and not ws[i + 1].initial
            and ws[i + 1].folded in _FINITE_VERBS
        )

    def _name_follows(self, ws: list[_Word], i: int) -> bool:
        """Word i is directly followed by a capitalised known name ("Hans Johan ...")."""
        if i + 1 >= len(ws):
            return False
        nxt = ws[i + 1]
        lex = self.lexicon
        return (
            not nxt.initial
            and nxt.start - ws[i].end == 1
            and nxt.text[0].isupper()
            and (nxt.folded in lex.first_names or nxt.folded in lex.name_tokens)
        )

    def _run_end(self, text: str, ws: list[_Word], i: int) -> int:
        """End of a name starting at word i: up to two more capitalised, uncommon words."""
        end = ws[i].end
        for w in ws[i + 1 : i + 3]:
            if (
                w.initial
                or not w.text[0].isupper()
                or self._common_not_name(w)
                or self._blocked(w.text)
                or w.start - end > 2
                or text[end : w.start].strip()
            ):
                break
            end = w.end
        return end

    def _common_not_name(self, w: _Word) -> bool:
        return w.folded not in self.lexicon.first_names and self._looks_common(w.folded)

    def _plain(self, w: _Word) -> bool:
        """A lower-case word that is not a first name."""
        return w.text.islower() and w.folded not in self.lexicon.first_names

    def _clean_model_span(self, ws: list[_Word], start: int, end: int) -> tuple[int, int] | None:
        """Trim greetings and role words off a model span; drop spans that are not a person."""
        inside = [w for w in ws if start <= w.start and w.end <= end]
        if not inside:
            return None
        if any(w.mention for w in inside) or any(
            w.start < start < w.end or w.start < end < w.end for w in ws
        ):
            return None  # an @mention, or a span that cuts a word
        trimmed = False
        # In capitalised text, a lower-case word at either end is not part of the name
        # ("matmor Berit Hårklau", "Michael Walchhofer journ.").
        cased = any(w.text[0].isupper() for w in ws)
        while inside and (self._blocked(inside[0].text) or (cased and self._plain(inside[0]))):
            inside.pop(0)
            trimmed = True
        # A title or role starting the sentence: "Diakon Eilev Erikstein", "Orgelbyggjar ...".
        # Short words stay: many first names are also words ("Finn", "Per", "Bjørn").
        if (
            len(inside) > 1
            and inside[0].initial
            and len(inside[0].text) >= 6
            and self._common_not_name(inside[0])
        ):
            inside.pop(0)
            trimmed = True
        while inside and (self._blocked(inside[-1].text) or (cased and self._plain(inside[-1]))):
            inside.pop()
            trimmed = True
        if not inside or all(len(w.text) < 2 for w in inside):
            return None  # nothing left, or "plan B"
        if any(self._long_compound(w) for w in inside):
            return None  # "Europautvalet", "Hortens Diskusjonsforening": not a person's name
        if len(inside) == 1:
            w = inside[0]
            if (w.initial or w.text.islower()) and self._common_not_name(w):
                return None  # "Skolen", "Brøytinga" at the start of a sentence, or a plain word
        return (inside[0].start, inside[-1].end) if trimmed else (start, end)
