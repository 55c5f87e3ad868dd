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
"spør Venstres ..."), single letters ("plan B"), lower-case words at the edge of a name in
capitalised text, and a drug or a diagnosis from the health lexicon ("Ritalin", "Metformin")
unless a strong cue or a title comes before it ("hilsen ...", "doktor ...").
@mentions belong to the person-reference recognizer and are skipped here.

Speed: the model (trained with spaCy, run with numpy by ``somevakt.analysis.name_model``, so
spaCy is never imported here) is loaded only when a text could contain a name (a
capitalised word that is not a common word at the start of a sentence, a gazetteer name or,
in text written all in lower case, an unknown word). ``find_many`` runs the model over many
texts in one batch. Texts are first judged from their words as strings and what each word
is by itself (``_scan``, ``_Lexicon.kinds``, cached per distinct word): a text the model
does not see and where no rule has a word to start from gets no findings without further
work. The rules are linear in the length of the text, also on hostile input (one
comment of thousands of names): what is already covered is looked up per word (``_Covered``),
and the words of a span are found by bisection (``_WordIndex``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, pairwise, starmap
from operator import add
from pathlib import Path

from somevakt.analysis.name_model.model import NameModel
from somevakt.analysis.normalize import fold_word
from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.health import FILES as HEALTH_FILES
from somevakt.analysis.recognizers.lexicon import load_lexicon
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
        # Kinship words, often capitalised as a form of address ("hun vet Bestefar fikk
        # ..."): a person reference, which the person-reference recognizer reports.
        "bestefar",
        "bestemor",
        "besteforeldre",
        "farfar",
        "farmor",
        "morfar",
        "mormor",
        "oldefar",
        "oldemor",
        "pappa",
        "mamma",
        "svigerfar",
        "svigermor",
    )
)

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Between two words: end punctuation, a line break or an emoji starts a new sentence.
_SENTENCE_BREAK = re.compile("[.!?:;\n…\u2190-\u2bff\U0001f000-\U0001faff]")
# Inflection endings (folded) stripped to find the common word a form comes from.
_SUFFIXES = ("ene", "ane", "ens", "ets", "inga", "ingen", "en", "et", "er", "ar", "a", "e")
_LONGEST_SUFFIX = max(map(len, _SUFFIXES))
_ACRONYM = re.compile(r"[A-ZÆØÅ]{2,5}(?:-|$)")
# Patronymic surnames, also in the genitive: "Bertelsen", "Karlssons".
_PATRONYMIC = re.compile(r"[A-ZÆØÅ][a-zæøåäöüéè]{2,}s?s(?:en|on)s?$")
# Folded endings of nouns and places that look like patronymics ("Haukåsen", "Nobelprisen").
_NOUN_ENDINGS = ("asen", "fossen", "prisen", "plassen")
# Splits a text into what lies before the first word, the word, what lies between it and the
# next word, and so on (the words are _WORD's matches).
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")

# What a word is by itself, from its letters and the word lists (``_Lexicon.kind``): bits
# of an int, cached per distinct word, so that most texts are judged by a few integer tests
# per word (``_could_be_name``, ``_rules_may_find``) before any _Word is made.
_CAPITALISED = 1 << 0  # the first letter is upper case
_FIRST_NAME = 1 << 1  # in the first-name gazetteer
_COMMON = 1 << 2  # a common word
_LOOKS_COMMON = 1 << 3  # capitalised and ``looks_common`` (only asked of capitalised words)
_BLOCKED = 1 << 4  # never a person (_NOT_A_PERSON)
_ACRONYM_SHAPE = 1 << 5  # "NAV", "KRF-"
_STRONG_CUE = 1 << 6  # in _STRONG_CUES
_CUE_BEFORE_NAME = 1 << 7  # a strong cue, title or reporting verb: a name may follow
_NAME_TOKEN = 1 << 8  # a known surname or single name
_PATRONYMIC_SHAPE = 1 << 9  # "Bertelsen", "Karlssons"
_KIND_CACHE_SIZE = 1 << 16  # distinct words whose kind is kept (then the cache starts over)


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    text: str
    folded: str
    initial: bool  # first word of the text or of a sentence
    mention: bool  # part of an @mention or #hashtag
    kind: int  # what the word is by itself (_CAPITALISED, _FIRST_NAME, ...)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    first_names: frozenset[str]  # folded
    common: frozenset[str]  # folded lower-case words
    name_tokens: frozenset[str]  # folded surnames and single names
    longest_common: int  # length of the longest common word
    # Documented cache: word (as written) -> kind, see ``kinds``.
    _kinds: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def kinds(self, words: list[str]) -> list[int]:
        """The kind of each word (bits ``_CAPITALISED``, ``_FIRST_NAME``, ...)."""
        # One lookup per word, not a test then a read: another thread may clear the cache.
        cached = map(self._kinds.get, words)
        return [self._new_kind(w) if k is None else k for w, k in zip(words, cached, strict=True)]

    def _new_kind(self, word: str) -> int:
        if len(self._kinds) >= _KIND_CACHE_SIZE:
            self._kinds.clear()  # bounded: a stream of new words must not grow it forever
        kind = self._kinds[word] = self.kind(word)
        return kind

    def kind(self, word: str) -> int:
        """What ``word`` (a word as _WORD finds it) is by itself, uncached."""
        folded = _fold(word)
        capitalised = word[0].isupper()
        flags = (
            (capitalised, _CAPITALISED),
            (folded in self.first_names, _FIRST_NAME),
            (folded in self.common, _COMMON),
            (capitalised and self.looks_common(folded), _LOOKS_COMMON),
            (folded in _NOT_A_PERSON, _BLOCKED),
            (_ACRONYM.match(word) is not None, _ACRONYM_SHAPE),
            (folded in _STRONG_CUES, _STRONG_CUE),
            (folded in _STRONG_CUES or folded in _TITLES or folded in _SAYS, _CUE_BEFORE_NAME),
            (folded in self.name_tokens, _NAME_TOKEN),
            (_PATRONYMIC.match(word) is not None, _PATRONYMIC_SHAPE),
        )
        return sum(bit for present, bit in flags if present)

    def looks_common(self, folded: str) -> bool:
        """A common word, an inflected form of one ("ryktet", "brøytinga") or, for long
        words, a compound of two ("fødselsnummeret", "regnbogeflagg")."""
        common = self.common
        if folded in common:
            return True
        if folded.endswith(("sen", "son", "sson")):
            # Patronymic surnames: "Hansen" is not an inflected "hans"; "Sluttprisen" is.
            return self.definite_noun(folded)
        for suffix in _SUFFIXES:
            stem = folded[: -len(suffix)]
            if (
                folded.endswith(suffix)
                and len(stem) >= 3
                and (stem in common or stem + "e" in common)
            ):
                return True
        if len(folded) >= 11:
            # Only splits whose head (perhaps with a linking "s") and tail (perhaps with an
            # ending) are no longer than the longest common word can match: a very long word
            # costs no more than a short one.
            n, longest = len(folded), self.longest_common
            for i in range(max(4, n - longest - _LONGEST_SUFFIX), min(n - 3, longest + 2)):
                head, tail = folded[:i], folded[i:]
                if (head in common or (head[-1] == "s" and head[:-1] in common)) and (
                    tail in common
                    or any(tail.endswith(x) and tail[: -len(x)] in common for x in _SUFFIXES)
                ):
                    return True
        return False

    def definite_noun(self, folded: str) -> bool:
        """A (folded) word shaped like a patronymic that is a noun's definite form
        ("Prisen", "Undersøkelsen") or a place ("-åsen", "-fossen")."""
        if folded in self.name_tokens or folded in self.first_names:
            return False
        base = folded[:-1] if folded.endswith(("sens", "sons")) else folded
        if base in self.common or base.endswith(_NOUN_ENDINGS):
            return True
        # "Prisen" (pris), "Referansen" (referanse)
        return base.endswith("en") and (
            self.looks_common(base[:-2]) or self.looks_common(base[:-1])
        )


@lru_cache(maxsize=1)
def _lexicon(model_dir: Path = MODEL_DIR) -> _Lexicon:
    names = {fold_word(w) for w in _EXTRA_FIRST_NAMES}
    names.update(fold_word(w) for w in _read_list(model_dir / "first_names.txt"))
    common = _read_list(model_dir / "common_words.txt")  # stored folded
    tokens = {fold_word(w) for w in _read_list(model_dir / "name_tokens.txt")}
    return _Lexicon(
        frozenset(names),
        frozenset(common),
        frozenset(tokens - _NOT_A_PERSON),
        max(map(len, common), default=0),
    )


def _read_list(path: Path) -> list[str]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


_models: dict[Path, NameModel] = {}


def load_model(model_dir: Path = MODEL_DIR) -> NameModel:
    """The name model (tokenizer + network, numpy only), loaded once per process."""
    model = _models.get(model_dir)
    if model is None:
        model = _models[model_dir] = NameModel.load(model_dir)
    return model


def model_available(model_dir: Path = MODEL_DIR) -> bool:
    return NameModel.available(model_dir)


# Words repeat a lot across comments: fold each distinct word once.
_fold = lru_cache(maxsize=1 << 16)(fold_word)


@dataclass(slots=True)
class _Scan:
    """The words of a text as strings (``_scan``): enough to judge most texts, which then
    never need their _Words (``located``). Not changed once made; not frozen, as one is made
    per text and a frozen dataclass takes three times as long to make."""

    text: str
    parts: list[str]  # the text split around its words: gap, word, gap, ..., word, gap
    words: list[str]
    initial: list[bool]  # first word of the text or of a sentence
    mention: list[bool]  # part of an @mention or #hashtag

    def located(self, kinds: list[int]) -> list[_Word]:
        """The words with their offsets, folded forms and kinds (``_Lexicon.kinds``)."""
        words = self.words
        starts = list(accumulate(map(len, self.parts)))[0:-1:2]  # where each gap ends
        ends = map(add, starts, map(len, words))
        fields = zip(
            starts, ends, words, map(_fold, words), self.initial, self.mention, kinds, strict=True
        )
        return list(starmap(_Word, fields))


def _scan(text: str) -> _Scan:
    parts = _WORD_SPLIT.split(text)
    words = parts[1::2]
    gaps = parts[0:-1:2]  # the text before each word, since the word before
    # A single space, the usual gap, holds neither a sentence break nor an "@" or "#".
    initial = [g != " " and _SENTENCE_BREAK.search(g) is not None for g in gaps]
    if initial:
        initial[0] = True
    if "@" in text or "#" in text:
        mention = [g != " " and g.endswith(("@", "#")) for g in gaps]
    else:
        mention = [False] * len(words)
    return _Scan(text, parts, words, initial, mention)


class PersonNameRecognizer:
    name = "person_name"

    def __init__(
        self, model_dir: Path | None = None, use_model: bool = True, use_rules: bool = True
    ) -> None:
        self.model_dir = model_dir or MODEL_DIR
        self.use_model = use_model and model_available(self.model_dir)
        self.use_rules = use_rules

    @cached_property
    def lexicon(self) -> _Lexicon:
        return _lexicon(self.model_dir)  # read on first use, then shared per model_dir

    # -- public API -------------------------------------------------------------------------

    def find(self, ctx: TextContext) -> list[Finding]:
        return self.find_many([ctx])[0]

    def find_many(self, ctxs: Sequence[TextContext]) -> list[list[Finding]]:
        """Findings for many texts; the model runs over them in one batch."""
        scans = [_scan(c.text) for c in ctxs]
        kinds = [self.lexicon.kinds(s.words) for s in scans]
        need = [
            i
            for i, (s, k) in enumerate(zip(scans, kinds, strict=True))
            if self.use_model and s.words and (self._could_be_name(s, k) or not self.use_rules)
        ]
        ents: dict[int, list[tuple[int, int, str]]] = {}
        if need:
            found = load_model(self.model_dir).entities([ctxs[i].text for i in need])
            ents = dict(zip(need, found, strict=True))
        return [
            self._findings(c, s, k, ents.get(i, []))
            for i, (c, s, k) in enumerate(zip(ctxs, scans, kinds, strict=True))
        ]

    # -- internals --------------------------------------------------------------------------

    @staticmethod
    def _is_common(w: _Word) -> bool:
        return bool(w.kind & _COMMON)

    def _findings(
        self, ctx: TextContext, scan: _Scan, kinds: list[int], ents: list[tuple[int, int, str]]
    ) -> list[Finding]:
        """``_combine`` over the text's words, or nothing when neither the model nor a rule
        has anything to start from (most texts)."""
        if not ents and not (self.use_rules and self._rules_may_find(scan, kinds)):
            return []  # what _combine would return, without making the text's _Words
        return self._combine(ctx, scan.located(kinds), ents)

    @staticmethod
    def _could_be_name(scan: _Scan, kinds: list[int]) -> bool:
        """Whether the model needs to see the text at all (most comments name nobody)."""
        all_lower = not any(k & _CAPITALISED for k in kinds)
        prev = 0  # the kind of the word before
        for kind, initial, mention in zip(kinds, scan.initial, scan.mention, strict=True):
            p, prev = prev, kind
            if mention or kind & (_BLOCKED | _ACRONYM_SHAPE):
                continue
            if kind & _CAPITALISED:
                # A capitalised word inside a sentence, or one starting it that is a first
                # name or not a common word ("Hansen sa ..." but not "Brøytinga er ...").
                if not initial or kind & _FIRST_NAME or not kind & _LOOKS_COMMON:
                    return True
            elif kind & _COMMON:
                if kind & _FIRST_NAME and p & _STRONG_CUE:
                    return True  # "hilsen per"
            elif kind & _FIRST_NAME or all_lower:
                return True  # "til kari"; an unknown word in text written all in lower case
        return False

    @staticmethod
    def _rules_may_find(scan: _Scan, kinds: list[int]) -> bool:
        """Whether a rule of ``_combine`` could find a name without the model's entities:
        false only if no word meets what each rule needs of the word it starts from."""
        age_possible = "(" in scan.text  # "Gulsum (28)"
        prev = 0  # the kind of the word before, in the same sentence
        for kind, initial, mention in zip(kinds, scan.initial, scan.mention, strict=True):
            before, prev = (0 if initial else prev), kind
            if mention or kind & _BLOCKED:
                continue  # no rule starts from these
            capitalised = kind & _CAPITALISED
            if kind & _FIRST_NAME and (
                capitalised or not kind & _COMMON or before & _STRONG_CUE
            ):
                return True  # a first name; in lower case a common word only as "hilsen per"
            if capitalised and not kind & _ACRONYM_SHAPE and (
                age_possible or before & _CUE_BEFORE_NAME
            ):
                return True  # after a cue, a title or a reporting verb, or before an age
            if kind & _PATRONYMIC_SHAPE:
                return True  # a patronymic surname
            if capitalised and kind & _NAME_TOKEN and not (initial and kind & _LOOKS_COMMON):
                return True  # a known surname or single name
        return False

    @staticmethod
    def _blocked(w: _Word) -> bool:
        return bool(w.kind & _BLOCKED)

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
        words = _WordIndex(ws)
        # Spans of any entity (PER or not), then those the rules add.
        covered = _Covered(words, [(s, e) for s, e, _ in ents])
        other: dict[tuple[int, int], str] = {}  # the model's places, organisations, misc
        for start, end, label in ents:
            inside = words.inside(start, end)
            detail, score = "model", MODEL_SCORE
            if label != "PER":
                if label not in ("MISC", "LOC") or not self._first_and_last_name(inside):
                    other[(start, end)] = label
                    continue
                # "Noreen Walsh", "Signy Fardal" taken for a title or a place: capitalised
                # words after a known first name are nearly always a person (97% in NorNE).
                detail, score = "first name+model", CUE_SCORE
            span = self._clean_model_span(words, inside, start, end)
            if span is not None:
                s, e = span
                found.append(Finding(PERSON, s, e, text[s:e], score, detail=detail))
        all_lower = not words.cased
        for i, w in enumerate(ws):
            if w.mention or not w.kind & _FIRST_NAME or w.kind & _BLOCKED:
                continue
            if covered.over(i):
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
            last = i
            nxt = ws[i + 1] if i + 1 < len(ws) else None
            if (
                nxt is not None
                and not nxt.initial
                and nxt.text[0].isupper()
                and not self._is_common(nxt)
                and not self._blocked(nxt)
                and text[w.end : nxt.start].strip() == ""
            ):
                last = i + 1  # "hilsen kari Nordmann": take the surname too
            end = ws[last].end
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
            covered.add(i, i, last)
        # Capitalised words the model left that context marks as a name: after a strong cue,
        # a title, role or kinship word ("Hilsen Torbjørg", "naboen Gunnhild", "ordfører
        # Haugland"), after a reporting verb ("sier Tveit"), or before an age ("Gulsum (28)").
        # After a title or as the speaker of a quote (", seier Hugøy."), also a word the model
        # took for a place or an organisation.
        age_possible = "(" in text
        for i, w in enumerate(ws):
            if w.mention or not w.kind & _CAPITALISED or w.kind & (_ACRONYM_SHAPE | _BLOCKED):
                continue
            # Taken only after a cue, title or reporting verb, or before an age (both checked
            # in full below): without either, skip the costlier tests.
            cue_before = i > 0 and not w.initial and ws[i - 1].kind & _CUE_BEFORE_NAME
            if not (cue_before or age_possible):
                continue
            overlaps = covered.over(i)
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
            last = self._run_last(text, ws, i)
            age = _AGE.match(text, ws[last].end) is not None and not (
                w.initial and self.lexicon.looks_common(w.folded)  # "Kreftsyke Hannah Jones (13)"
            )
            if not (after_cue or age) or (self._common_not_name(w) and not age):
                continue
            end = ws[last].end
            found.append(
                Finding(PERSON, w.start, end, text[w.start : end], CUE_SCORE, detail="cue")
            )
            covered.add(i, i, last)
        # A patronymic surname ("Bertelsen", "Karlsson") the model took for a place or a title
        # (MISC): a person, unless it is a noun's definite form ("Nobelprisen", "Haukåsen").
        # Not what it took for an organisation ("Jebsen", "Aleksandersen" as firms).
        name_run = _NameRun(self, ws)
        for i, w in enumerate(ws):
            if w.mention or not w.kind & _PATRONYMIC_SHAPE or w.kind & _BLOCKED:
                continue
            overlaps = covered.over(i)
            if any(other.get(sp) not in ("MISC", "LOC") for sp in overlaps):
                continue
            if self.lexicon.definite_noun(w.folded):
                continue
            first = i
            for sp in overlaps:  # "Tor Holger Bertelsen" as one span: keep the first names
                lo = words.first_at(sp[0])  # the words from sp's start up to w
                if lo < i and name_run.all_names(lo, i):
                    first = lo
            last = self._run_last(text, ws, i)
            start, end = ws[first].start, ws[last].end
            found.append(
                Finding(PERSON, start, end, text[start:end], GAZETTEER_SCORE, detail="surname")
            )
            covered.add(first, i, last)
        # A known surname or single name the model left: "hos Epiktet", "Hansen kom".
        for i, w in enumerate(ws):
            if (
                w.mention
                or not w.kind & _CAPITALISED
                or not w.kind & _NAME_TOKEN
                or (w.initial and w.kind & _LOOKS_COMMON)
                or covered.any_over(i)
            ):
                continue
            last = self._run_last(text, ws, i)
            end = ws[last].end
            found.append(
                Finding(
                    PERSON, w.start, end, text[w.start : end], GAZETTEER_SCORE, detail="known name"
                )
            )
            covered.add(i, i, last)
        found = [f for f in found if not self._health_term(f, words)]
        found.sort(key=lambda f: f.start)
        return found

    def _health_term(self, f: Finding, words: _WordIndex) -> bool:
        """The span is a term of the health lexicon ("Ritalin", "Metformin"), not after a
        strong cue or a title ("hilsen ...", "doktor ..."): a drug or a diagnosis the model
        or a rule took for a name."""
        key = " ".join(_fold(f.text).split())
        lex = load_lexicon(*HEALTH_FILES)  # shared with the health recognizer
        entry = lex.single.get(key) or lex.multi.get(key)
        if entry is None or ("case" in entry.flags and not f.text.startswith(entry.term)):
            return False
        j = bisect_left(words.starts, f.start)
        if 0 < j < len(words.words) and not words.words[j].initial:
            prev = words.words[j - 1]
            if prev.folded in _STRONG_CUES or self._is_title(prev):
                return False
        return True

    def _first_and_last_name(self, inside: list[_Word]) -> bool:
        """The words of a span are a known first name followed by one to three capitalised
        words."""
        return (
            2 <= len(inside) <= 4
            and inside[0].folded in self.lexicon.first_names
            and all(w.text[0].isupper() and not w.mention for w in inside)
            and fold_word(" ".join(w.text for w in inside)) not in _NOT_A_PERSON
            and not any(self._blocked(w) for w in inside)
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
        if prev.folded not in _QUOTE_SAYS:
            return False
        # The last character before the verb that is not white space ends a quote. Walked
        # back from the verb, not by stripping the whole text before it, which repeated for
        # every word would be quadratic.
        k = prev.start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        return k >= 0 and text[k] in _QUOTE_END

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

    def _run_last(self, text: str, ws: list[_Word], i: int) -> int:
        """Index of the last word of a name starting at word i: up to two more capitalised,
        uncommon words."""
        last = i
        for j in range(i + 1, min(i + 3, len(ws))):
            w, end = ws[j], ws[last].end
            if (
                w.initial
                or not w.text[0].isupper()
                or self._common_not_name(w)
                or self._blocked(w)
                or w.start - end > 2
                or text[end : w.start].strip()
            ):
                break
            last = j
        return last

    def _common_not_name(self, w: _Word) -> bool:
        return w.folded not in self.lexicon.first_names and self.lexicon.looks_common(w.folded)

    def _plain(self, w: _Word) -> bool:
        """A lower-case word that is not a first name."""
        return w.text.islower() and w.folded not in self.lexicon.first_names

    def _clean_model_span(
        self, words: _WordIndex, inside: list[_Word], start: int, end: int
    ) -> tuple[int, int] | None:
        """Trim greetings and role words off a model span (`inside` are its words); drop
        spans that are not a person."""
        if not inside:
            return None
        if any(w.mention for w in inside) or words.cuts(start) or words.cuts(end):
            return None  # an @mention, or a span that cuts a word
        inside = list(inside)  # trimmed below
        trimmed = False
        # In capitalised text, a lower-case word at either end is not part of the name
        # ("matmor Berit Hårklau", "Michael Walchhofer journ.").
        cased = words.cased
        while inside and (self._blocked(inside[0]) or (cased and self._plain(inside[0]))):
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
        while inside and (self._blocked(inside[-1]) or (cased and self._plain(inside[-1]))):
            inside.pop()
            trimmed = True
        # An acronym after a name in ordinary case is not part of it ("Lars Aasen AAP har
        # ...", "Kari Olsen NAV"): kept, the span would overlap the service and lose to it.
        while len(inside) > 1 and _ACRONYM.match(inside[-1].text) and not inside[0].text.isupper():
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


class _WordIndex:
    """The words of a text (sorted, disjoint) with their starts and ends, to find the words
    of a span by bisection instead of a scan over the whole text."""

    __slots__ = ("cased", "ends", "starts", "words")

    def __init__(self, ws: list[_Word]) -> None:
        self.words = ws
        self.starts = [w.start for w in ws]
        self.ends = [w.end for w in ws]
        self.cased = any(w.kind & _CAPITALISED for w in ws)

    def inside(self, start: int, end: int) -> list[_Word]:
        """The words wholly inside [start, end)."""
        return self.words[bisect_left(self.starts, start) : bisect_right(self.ends, end)]

    def first_at(self, pos: int) -> int:
        """Index of the first word starting at or after pos."""
        return bisect_left(self.starts, pos)

    def cuts(self, pos: int) -> bool:
        """Whether pos falls strictly inside a word."""
        j = bisect_left(self.starts, pos) - 1  # the last word starting before pos
        return j >= 0 and self.ends[j] > pos


class _Covered:
    """The spans already taken in ``_combine``: the model's entities (any label), then the
    spans the rules add, in that order.

    Which spans overlap word i is answered without scanning them all. The entities never
    overlap one another, so those over a word are a slice found by bisection. A rule span runs
    over whole words, from the word its rule fired on (its anchor) to at most two words after
    it, and, for a patronymic surname, back over first names before the anchor. ``over``
    indexes the words from the anchor on; the rules ask about words in increasing order and
    only patronymic spans reach back, so no word before an anchor is asked about after its
    span is added. ``any_over`` sees every word of every span (a difference array, built when
    first asked).
    """

    def __init__(self, words: _WordIndex, ents: list[tuple[int, int]]) -> None:
        self.words = words
        self.ents = ents
        self.ent_starts = [s for s, _ in ents]
        self.ent_ends = [e for _, e in ents]
        # spaCy's entities never overlap; should a caller pass some that do, scan them.
        self.disjoint = all(a[1] <= b[0] for a, b in pairwise(ents))
        self.by_word: dict[int, list[tuple[int, int]]] = {}
        self.ranges: list[tuple[int, int]] = []  # word ranges of the rule spans
        self.taken: bytearray | None = None  # per word: under a rule span (after any_over)

    def _ents_over(self, i: int) -> list[tuple[int, int]]:
        w = self.words.words[i]
        if not self.disjoint:
            return [(s, e) for s, e in self.ents if s < w.end and w.start < e]
        lo = bisect_right(self.ent_ends, w.start)  # the first entity ending after w starts
        hi = bisect_left(self.ent_starts, w.end)  # the first entity starting at or after w ends
        return self.ents[lo:hi]

    def over(self, i: int) -> list[tuple[int, int]]:
        """The spans overlapping word i, in the order they were added."""
        spans = self._ents_over(i)
        rules = self.by_word.get(i)
        return spans + rules if rules else spans

    def any_over(self, i: int) -> bool:
        """Whether any span overlaps word i."""
        if self.taken is None:
            diff = [0] * (len(self.words.words) + 1)
            for first, last in self.ranges:
                diff[first] += 1
                diff[last + 1] -= 1
            taken = bytearray(len(diff) - 1)
            depth = 0
            for j in range(len(taken)):
                depth += diff[j]
                taken[j] = depth > 0
            self.taken = taken
        return bool(self.taken[i]) or bool(self._ents_over(i))

    def add(self, first: int, anchor: int, last: int) -> None:
        """Take the span from word `first` to word `last` (inclusive), anchored at word
        `anchor`."""
        ws = self.words.words
        span = (ws[first].start, ws[last].end)
        for j in range(anchor, last + 1):
            self.by_word.setdefault(j, []).append(span)
        self.ranges.append((first, last))
        if self.taken is not None:
            self.taken[first : last + 1] = b"\x01" * (last + 1 - first)


class _NameRun:
    """Whether words lo..hi-1 are all capitalised and not common words, remembered per lo:
    asked for a growing hi over the same words, each word is looked at once."""

    def __init__(self, rec: PersonNameRecognizer, ws: list[_Word]) -> None:
        self.rec = rec
        self.ws = ws
        self.seen: dict[int, tuple[int, int]] = {}  # lo -> (checked up to, first bad or -1)

    def all_names(self, lo: int, hi: int) -> bool:
        upto, bad = self.seen.get(lo, (lo, -1))
        if bad == -1:
            while upto < hi:
                x = self.ws[upto]
                if not (x.text[0].isupper() and not self.rec._common_not_name(x)):
                    bad = upto
                    break
                upto += 1
            self.seen[lo] = (upto, bad)
        return bad == -1 or bad >= hi
