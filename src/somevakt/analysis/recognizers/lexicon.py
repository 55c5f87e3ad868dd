"""Lexicon matching shared by the topic recognizers (health, child welfare, NAV, ...).

A lexicon is a data file in ``somevakt/analysis/lexicons/``, one entry per line::

    # comment
    !heads syk sjuk diagnose        (compound heads for entries flagged ``prefix``)
    diabetes<TAB>prefix,tail
    MS<TAB>case

Flags:

- ``case``: only when written with this exact case ("MS", not the ship prefix "ms").
- ``exact``: no inflected forms ("rus" must not become "russ" or "ruse").
- ``prefix``: may start a closed compound whose head is one of the ``!heads``
  ("kreftsyk", "rusproblemer"). Hyphenated compounds ("ADHD-diagnosen") need no flag.
- ``tail``: may end a closed compound ("lungekreft", "barnediabetes").
- ``institution``: a service or an office ("helsestasjonen", "NAV-kontoret"), not a matter
  about a person; linking treats it more strictly.

A file with a ``!fuzzy`` line also matches its entries with one typo (a letter swapped,
doubled, dropped or replaced: "cøilaki", "sossialhjelp", "barnevenret"). Only entries of at
least five letters without the ``case`` or ``exact`` flag qualify, the typo may not touch
the first letter or change the ending, and entries under eight letters take only a swap or
a doubled letter. Words on ``!nofuzzy`` lines are real words one typo away from an entry
("avkastning", "voldsomt") and never match that way. A word's typo matches are computed
once per process (a symmetric delete-one index) and shared by all lexicons.

Everything is matched on the folded text (lower case, æ/ø/å folded). Single words are set
lookups in a per-text index of word forms shared by all recognizers (built once per text);
multi-word entries and closed compounds are a few precompiled regular expressions whose every
repetition is bounded, so matching stays linear in the length of the text. The regexes only
run when a word of the text can start a match (the multi-word one only at those words): which
words can (typos, compound prefixes and tails) is tested once per word form and process for
all lexicons (a number only by lexicons with a compound part made of digits). What a text's
words may start is worked out once per text for all lexicons together, against one index of
their entries, so a lexicon that nothing in a text can match, as for most texts, costs a
dictionary lookup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import chain

from somevakt.analysis.normalize import (
    _DIGRAPH,
    _ZERO_WIDTH,
    _ZERO_WIDTH_RE,
    fold_letters,
    fold_word,
)
from somevakt.analysis.recognizers.anchored import Anchored, first_words, matches_at, word_starts
from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.types import Finding

# Inflection endings (folded) and the shortest stem each may follow. Short stems only take
# the unambiguous noun endings, so "rus" never turns into "russ" and "sol" into "sole".
_SUFFIX_MIN_STEM: tuple[tuple[str, int], ...] = (
    ("ene", 4),
    ("ane", 4),
    ("ens", 4),
    ("ets", 4),
    ("ers", 4),
    ("rne", 4),
    ("en", 3),
    ("et", 3),
    ("er", 4),
    ("ar", 4),
    ("ne", 4),
    ("na", 4),
    ("a", 4),
    ("e", 4),
    ("i", 4),
    ("n", 5),
    ("r", 5),
    ("s", 5),
    ("t", 5),
)
_SUFFIX_RE = "(?:ene|ane|ens|ets|ers|rne|en|et|er|ar|ne|na|a|e|i|n|r|s|t)?"
_WORD = re.compile(r"[^\W_]+")
_WORD_AT = re.compile(r"(?<![^\W_])[^\W_]+")  # a whole word that starts where matched
_FUZZY_MIN = 5  # shortest entry matched with a typo
_FUZZY_ANY_EDIT = 8  # from this length on, a dropped or added letter counts as one typo too
_WORD_TESTS_MAX = 1 << 17  # word forms whose tests are cached (see _TESTED_WORDS)
_MAX_COMPOUND = 40  # longest stretch a hyphenated compound is extended over

_DIR = "somevakt.analysis.lexicons"


@dataclass(frozen=True, slots=True)
class Entry:
    term: str  # as written in the lexicon file
    key: str  # folded
    flags: frozenset[str]
    score: float

    @property
    def kind(self) -> str:
        return "institution" if "institution" in self.flags else "term"


@dataclass(frozen=True, slots=True)
class WordIndex:
    """The word forms of a folded text: each word and every base form it may stand for."""

    text: str  # the folded text
    forms: AbstractSet[str]

    def occurrences(self, form: str) -> list[tuple[int, int, bool]]:
        """(folded start, folded end, is_inflected) of each word that is ``form`` or an
        inflection of it, in text order.

        Only asked for the few forms that match an entry, so rather than every word's
        positions being stored for every text, the text is searched for the form here: a
        word can only be the form or inflect it where it starts with it (a base form is
        always a prefix of its word).
        """
        text = self.text
        found: list[tuple[int, int, bool]] = []
        start = text.find(form)
        while start >= 0:
            m = _WORD_AT.match(text, start)
            if m is None:  # inside a word
                start = text.find(form, start + 1)
                continue
            w = m.group()
            if w == form or form in base_forms(w):
                found.append((start, m.end(), w != form))
            start = text.find(form, m.end())
        return found


def base_forms(word: str) -> tuple[str, ...]:
    """The stems a folded word may be an inflected form of ("insulinen" -> "insulin")."""
    return _forms(word)[1:]


@lru_cache(maxsize=1 << 16)
def _forms(word: str) -> tuple[str, ...]:
    """A folded word and its base forms: what it adds to a text's word index.

    Cached: comments share most of their words, so this runs once per distinct word.
    """
    n = len(word)
    if n > _MAX_COMPOUND:  # no word is this long; do not strip endings off noise
        return (word,)
    if not word[-1].isalpha():  # every ending is letters: numbers ("150386") have none
        return (word,)
    return (
        word,
        *(
            word[: n - len(suf)]
            for suf, min_stem in _SUFFIX_MIN_STEM
            if n - len(suf) >= min_stem and word.endswith(suf)
        ),
    )


def word_index(ctx: TextContext) -> WordIndex:
    """The word index of a text, built once and shared through ``ctx.cache``."""
    idx = ctx.cache.get("word_index")
    if idx is None:
        # Only the set of forms, built without a Python loop per word: that is all most
        # texts need (positions are looked up for the few forms that match an entry).
        text = ctx.folded.text
        idx = WordIndex(text, set(chain.from_iterable(map(_forms, _WORD.findall(text)))))
        ctx.cache["word_index"] = idx
    return idx


def _fold_no_offsets(text: str) -> str:
    lowered = unicodedata.normalize("NFKC", text).lower()
    lowered = (
        "".join(ch for ch in lowered if ch not in _ZERO_WIDTH)
        if _ZERO_WIDTH_RE.search(lowered)
        else lowered
    )
    return fold_letters(_DIGRAPH.sub(lambda m: m.group()[0], lowered))


@dataclass(slots=True)
class _File:
    rows: list[tuple[str, str, frozenset[str]]]
    heads: list[str]
    fuzzy: bool
    nofuzzy: list[str]


def _read(name: str) -> _File:
    """Rows (term, folded key, flags), compound heads and typo settings of one lexicon file."""
    text = resources.files(_DIR).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    # Fold the whole file at once (folding never crosses a line) and without the offset map
    # that fold() builds: it keeps the cold start short. Same steps as normalize.fold.
    folded_lines = _fold_no_offsets(text).split("\n")
    if len(folded_lines) != len(lines):  # a character NFKC turned into a line break
        folded_lines = [fold_word(line) for line in lines]
    out = _File([], [], False, [])
    for raw, folded in zip(lines, folded_lines, strict=True):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!heads"):
            out.heads.extend(folded.split()[1:])
            continue
        if line.startswith("!nofuzzy"):
            out.nofuzzy.extend(folded.split()[1:])
            continue
        if line == "!fuzzy":
            out.fuzzy = True
            continue
        term, _, flags = raw.partition("\t")
        key = " ".join(folded.partition("\t")[0].split())
        out.rows.append((term.strip(), key, frozenset(f for f in flags.strip().split(",") if f)))
    return out


def alternation(words: list[str]) -> str:
    """One pattern for a set of words (a space stands for any whitespace), built as a trie:
    the regex engine then tries a letter once, not once per entry, and a longer entry is
    preferred over a shorter one that prefixes it (each ending is an optional tail)."""
    trie: dict[str, dict] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    alts = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(alts) > 1 or len(body) > 1 else f"{body}?"


class Lexicon:
    """A compiled set of lexicon files: dict lookups plus three bounded regexes."""

    def __init__(self, files: tuple[tuple[str, float], ...]) -> None:
        self.single: dict[str, Entry] = {}
        multi: dict[str, Entry] = {}
        heads: list[str] = []
        # Entries that may match with a typo, and their delete-one variants -> those entries
        # (gathered for all lexicons in _TYPO_VARIANTS).
        self._fuzzy: dict[str, list[str]] = {}
        self._nofuzzy: set[str] = set()
        # Earlier files win: the hand-written file is listed first and sets the flags.
        for name, score in files:
            lexfile = _read(name)
            heads.extend(lexfile.heads)
            self._nofuzzy.update(lexfile.nofuzzy)
            for term, key, flags in lexfile.rows:
                entry = Entry(term, key, flags, score)
                target = multi if " " in key else self.single
                target.setdefault(key, entry)
                if lexfile.fuzzy and _fuzzy_ok(key, flags):
                    for v in (key, *_deletes(key)):
                        self._fuzzy.setdefault(v, []).append(key)
        self.multi = multi
        self._multi_re = self._compile_multi(multi)
        # Every match of the multi-word regex starts at a whole word that is the first word
        # of an entry (each entry's first word is followed by a space or another character
        # that is no letter or digit), so it is tried only there; unless an entry starts
        # with such a character (none does), which leaves it to search the whole text.
        self._multi_anchored = (
            Anchored(self._multi_re, first_words(multi))
            if self._multi_re is not None and all(k[0].isalnum() for k in multi)
            else None
        )
        prefixes = [k for k, e in self.single.items() if "prefix" in e.flags]
        tails = [k for k, e in self.single.items() if "tail" in e.flags]
        # Cheap gates, checked on the text's distinct words, so that the regexes below only
        # run on the few texts that can match them.
        # A multi-word entry can only match when its longest word is in the text (the
        # longest is the rarest, e.g. "bekymring" in "meldt bekymring", not "to" in "to mødre").
        multi_gate = {max(reversed(k.split(" ")), key=len) for k in multi}
        self._prefix_re = (
            re.compile(
                rf"(?<![^\W_])(?P<t>{alternation(prefixes)})(?:s|e)?(?:{alternation(heads)})"
                r"[^\W\d_]{0,12}(?![^\W_])"
            )
            if prefixes and heads
            else None
        )
        self._tail_re = (
            re.compile(
                rf"(?<![^\W_])[^\W\d_]{{3,30}}?(?P<t>{alternation(tails)}){_SUFFIX_RE}(?![^\W_])"
            )
            if tails
            else None
        )
        # A compound regex can only match when a word starts with one of its ``prefix``
        # entries or ends with one of its ``tail`` entries (tested per word in _triggers).
        self._prefix_tuple = tuple(prefixes) if self._prefix_re is not None else ()
        # Then a match of the prefix regex starts at such a word, when the entries are made
        # of letters and digits (all shipped ones are): it is tried only at those words.
        self._prefix_anchored = all(p.isalnum() for p in self._prefix_tuple)
        self._tail_tuple = tuple(tails)
        # Whether a number ("4945", "17") can start or end a compound here: only with a
        # ``prefix`` or ``tail`` entry made of digits (none of the shipped lexicons has one).
        self.tests_numbers = any(
            not affix or affix.isnumeric() for affix in (*self._prefix_tuple, *self._tail_tuple)
        )
        _register_forms(self, multi_gate)
        if self._fuzzy or self._prefix_tuple or self._tail_tuple:
            _register_word_tests(self)

    @staticmethod
    def _compile_multi(multi: dict[str, Entry]) -> re.Pattern[str] | None:
        if not multi:
            return None
        return re.compile(rf"(?<![^\W_])(?:{alternation(list(multi))}){_SUFFIX_RE}(?![^\W_])")

    def find(self, ctx: TextContext, finding_type: str) -> list[Finding]:
        """All matches of this lexicon in ``ctx`` as findings of ``finding_type``."""
        triggers = _triggers(ctx).get(self)
        if triggers is None:
            return []  # most texts: no entry, typo, phrase or compound can match
        index = word_index(ctx)
        folded = ctx.folded
        ftext = folded.text
        hits: list[tuple[int, int, Entry]] = []
        exact: set[int] = set()  # starts of the words matched as written
        for key in triggers.keys:
            entry = self.single[key]
            for s, e, inflected in index.occurrences(key):
                if inflected and "exact" in entry.flags:
                    continue
                if "case" in entry.flags:
                    os_, oe = folded.span(s, e)
                    if not ctx.text[os_:oe].startswith(entry.term):
                        continue
                hits.append((*_extend_hyphens(ftext, s, e), entry))
                exact.add(s)
        self._find_fuzzy(index, triggers.typos, hits, exact)
        if triggers.multi:
            for m in self._multi_matches(ftext, index.forms):
                key = " ".join(m.group().split())
                multi_entry = self.multi.get(key) or self._multi_by_prefix(key)
                if multi_entry is not None:
                    hits.append((m.start(), m.end(), multi_entry))
        if triggers.compound_starts:
            self._add_compounds(self._prefix_matches(ftext, triggers.compound_starts), hits)
        if triggers.compound_end and self._tail_re is not None:
            self._add_compounds(self._tail_re.finditer(ftext), hits)
        return _to_findings(ctx, hits, finding_type)

    def _prefix_matches(self, ftext: str, starting: list[str]) -> Iterator[re.Match[str]]:
        """``self._prefix_re.finditer(ftext)``; ``starting`` holds every word of ``ftext``
        that starts with a ``prefix`` entry."""
        if self._prefix_re is None:
            return iter(())
        if self._prefix_anchored:
            return matches_at(self._prefix_re, ftext, word_starts(ftext, starting))
        return self._prefix_re.finditer(ftext)

    def _add_compounds(
        self, matches: Iterator[re.Match[str]], hits: list[tuple[int, int, Entry]]
    ) -> None:
        for m in matches:
            entry = self.single[m.group("t")]
            if "case" not in entry.flags:
                hits.append((m.start(), m.end(), entry))

    def _multi_matches(self, ftext: str, forms: AbstractSet[str]) -> Iterator[re.Match[str]]:
        """``self._multi_re.finditer(ftext)``; ``forms`` holds every word of ``ftext``."""
        if self._multi_anchored is not None:
            return self._multi_anchored.finditer(ftext, forms)
        return self._multi_re.finditer(ftext) if self._multi_re is not None else iter(())

    def _find_fuzzy(
        self,
        index: WordIndex,
        typos: list[tuple[str, str]],
        hits: list[tuple[int, int, Entry]],
        exact: set[int],
    ) -> None:
        """Words (or their stems) one typo away from an entry of this lexicon."""
        for w, key in typos:
            entry = self.single[key]
            for s, e, _ in index.occurrences(w):
                if s not in exact:  # the word (or its stem) matched as written
                    hits.append((*_extend_hyphens(index.text, s, e), entry))

    def _word_test(
        self, w: str, typo_candidates: AbstractSet[str] = frozenset()
    ) -> _WordTest | None:
        """What a word form may start in this lexicon besides a plain entry lookup;
        ``typo_candidates`` are the entries of this lexicon it may be a typo of
        (``_typo_candidates``)."""
        typo_of = self._typo_of(w, typo_candidates) if typo_candidates else ""
        starts = w.startswith(self._prefix_tuple)
        ends = w.endswith(self._tail_tuple)
        return _WordTest(self, typo_of, starts, ends) if typo_of or starts or ends else None

    def _typo_of(self, w: str, candidates: AbstractSet[str]) -> str:
        """The first (alphabetically) of the candidate entries that ``w`` is one typo of."""
        if w in self.single or w in self._nofuzzy:
            return ""
        for key in sorted(candidates):
            if _one_typo(w, key):
                return key
        return ""

    def _multi_by_prefix(self, matched: str) -> Entry | None:
        # The regex allows an inflection ending after the last word: strip it back off.
        for suf, _ in _SUFFIX_MIN_STEM:
            if matched.endswith(suf) and matched[: -len(suf)] in self.multi:
                return self.multi[matched[: -len(suf)]]
        return None


@dataclass(frozen=True, slots=True)
class _WordTest:
    """What one word form may start in one lexicon besides a plain entry lookup."""

    lexicon: Lexicon
    typo_of: str  # the entry the form is one typo away from, or ""
    compound_start: bool  # starts with a ``prefix`` entry: the prefix regex may match
    compound_end: bool  # ends with a ``tail`` entry: the tail regex may match


@dataclass(slots=True)
class _Triggers:
    """What a text's word forms may start in one lexicon: the single-word entries among
    them, their typo matches (word, entry key), and whether the multi-word and the compound
    regexes can match at all (for the prefix regex: the forms it may start at)."""

    keys: list[str] = field(default_factory=list)
    typos: list[tuple[str, str]] = field(default_factory=list)
    multi: bool = False
    compound_starts: list[str] = field(default_factory=list)  # forms that start with a prefix
    compound_end: bool = False


# Per folded form that is a single-word entry or a multi-word gate word (see
# ``Lexicon.__init__``) of any lexicon: those lexicons, and for each whether the form is an
# entry and whether it is a gate word. One index for all lexicons, so that a text's forms
# are intersected with the entries once, not once per lexicon (most texts match none).
_ENTRY_FORMS: dict[str, list[tuple[Lexicon, bool, bool]]] = {}
# The lexicons with typo matching or compound regexes, the folded word forms they have
# been tested on, and per form the results when there are any (for most forms there are
# none: keeping those out lets a text find its forms with results in one set operation).
# Those tests (typo candidates, startswith/endswith over dozens of entries) are slow in
# Python but depend on the word only, so they run once per distinct form and process for
# all lexicons; the cache grows with the vocabulary seen and is cleared when it gets large.
_TESTED_LEXICONS: list[Lexicon] = []
_TESTED_WORDS: set[str] = set()
_WORD_TESTS: dict[str, tuple[_WordTest, ...]] = {}
# Those of the lexicons that have anything to test on a number (``Lexicon.tests_numbers``).
_NUMBER_TESTED_LEXICONS: list[Lexicon] = []
# Per delete-one variant of an entry that may match with a typo (the entry itself included):
# the lexicons and entries it comes from. One index for all lexicons, so that a new word's
# variants are made and looked up once, not once per lexicon.
_TYPO_VARIANTS: dict[str, list[tuple[Lexicon, str]]] = {}


def _register_forms(lexicon: Lexicon, multi_gate: AbstractSet[str]) -> None:
    for form in lexicon.single.keys() | multi_gate:
        is_entry, is_gate = form in lexicon.single, form in multi_gate
        _ENTRY_FORMS.setdefault(form, []).append((lexicon, is_entry, is_gate))


def _register_word_tests(lexicon: Lexicon) -> None:
    _TESTED_LEXICONS.append(lexicon)
    if lexicon.tests_numbers:
        _NUMBER_TESTED_LEXICONS.append(lexicon)
    for variant, keys in lexicon._fuzzy.items():
        _TYPO_VARIANTS.setdefault(variant, []).extend((lexicon, key) for key in keys)
    _TESTED_WORDS.clear()
    _WORD_TESTS.clear()


def _typo_candidates(w: str) -> dict[Lexicon, set[str]]:
    """Per lexicon, the typo-matchable entries that share a delete-one variant with the word
    form ``w``: the only entries it can be one typo away from."""
    found: dict[Lexicon, set[str]] = {}
    # Only words of letters, and no longer than any entry (skip noise), can be typos.
    if _FUZZY_MIN <= len(w) <= _MAX_COMPOUND and w.isalpha():
        for variant in (w, *_deletes(w)):
            for lexicon, key in _TYPO_VARIANTS.get(variant, ()):
                found.setdefault(lexicon, set()).add(key)
    return found


def _test_word(w: str) -> tuple[_WordTest, ...]:
    """Run every lexicon's tests on a word form not in the cache yet, and cache them.

    Numbers are the exception: most distinct words of comments are numbers (phone numbers,
    ids, amounts, dates), each new to the cache. A number (a word without a letter: every
    character of a word is a letter or numeric) is never a typo, as those need letters, and
    starts or ends only compound entries made of digits. So only the lexicons that have such
    an entry test it, and numbers are not cached, leaving the cache to words.
    """
    if w.isnumeric():
        return tuple(
            t for lex in _NUMBER_TESTED_LEXICONS if (t := lex._word_test(w)) is not None
        )
    typo_candidates = _typo_candidates(w)
    tests = tuple(
        t
        for lex in _TESTED_LEXICONS
        if (t := lex._word_test(w, typo_candidates.get(lex, frozenset()))) is not None
    )
    if len(_TESTED_WORDS) >= _WORD_TESTS_MAX:
        _TESTED_WORDS.clear()
        _WORD_TESTS.clear()
    _TESTED_WORDS.add(w)
    if tests:
        _WORD_TESTS[w] = tests
    return tests


def _triggers(ctx: TextContext) -> dict[Lexicon, _Triggers]:
    """Per lexicon, what the text's word forms may start in it (lexicons that nothing can
    start in are left out); built once per text for all lexicons and shared through
    ``ctx.cache``."""
    found: dict[Lexicon, _Triggers] | None = ctx.cache.get("lexicon_triggers")
    if found is None:
        found = {}
        forms = word_index(ctx).forms
        for w in forms & _ENTRY_FORMS.keys():
            for lexicon, is_entry, is_gate in _ENTRY_FORMS[w]:
                trig = _triggers_of(found, lexicon)
                if is_entry:
                    trig.keys.append(w)
                trig.multi = trig.multi or is_gate
        # Both sets are taken before testing the untested forms, which adds to the cache.
        with_tests = forms & _WORD_TESTS.keys()
        untested = forms - _TESTED_WORDS
        for w in with_tests:
            _add_word_tests(found, w, _WORD_TESTS[w])
        for w in untested:
            _add_word_tests(found, w, _test_word(w))
        ctx.cache["lexicon_triggers"] = found
    return found


def _triggers_of(found: dict[Lexicon, _Triggers], lexicon: Lexicon) -> _Triggers:
    trig = found.get(lexicon)
    if trig is None:
        trig = found[lexicon] = _Triggers()
    return trig


def _add_word_tests(
    found: dict[Lexicon, _Triggers], w: str, tests: tuple[_WordTest, ...]
) -> None:
    for test in tests:
        trig = _triggers_of(found, test.lexicon)
        if test.typo_of:
            trig.typos.append((w, test.typo_of))
        if test.compound_start:
            trig.compound_starts.append(w)
        trig.compound_end = trig.compound_end or test.compound_end


def _fuzzy_ok(key: str, flags: frozenset[str]) -> bool:
    return len(key) >= _FUZZY_MIN and key.isalpha() and not flags & {"case", "exact"}


def _deletes(word: str) -> list[str]:
    # The first letter stays: typos there are rare and would match too much.
    return [word[:i] + word[i + 1 :] for i in range(1, len(word))]


def _one_typo(w: str, key: str) -> bool:
    """Whether ``w`` is ``key`` with one typo that keeps the first letter."""
    if w == key or w[0] != key[0]:
        return False
    n, m = len(w), len(key)
    if n == m:
        diff = [i for i in range(n) if w[i] != key[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:  # two neighbours swapped
            a, b = diff
            return w[a] == key[b] and w[b] == key[a]
        # One letter replaced, not the last: a different ending is another inflection
        # ("utviklingshemmede" is the plural, a group), not a typo.
        return len(diff) == 1 and diff[0] < m - 1 and m >= _FUZZY_ANY_EDIT
    if abs(n - m) != 1:
        return False
    longer, shorter = (w, key) if n > m else (key, w)
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    if longer[i + 1 :] != shorter[i:]:
        return False
    # A doubled letter ("sittter", "møødre") is always a typo; other drops and additions
    # only in long entries and not at the end (an ending, not a typo).
    doubled = (i > 0 and longer[i] == longer[i - 1]) or (
        i + 1 < len(longer) and longer[i] == longer[i + 1]
    )
    return doubled or (m >= _FUZZY_ANY_EDIT and i < len(shorter))


def _extend_hyphens(ftext: str, s: int, e: int) -> tuple[int, int]:
    """Widen a word to the hyphenated compound it is part of ("adhd" -> "adhd-diagnosen")."""
    lo = s
    while lo > 1 and s - lo < _MAX_COMPOUND and ftext[lo - 1] == "-" and ftext[lo - 2].isalpha():
        lo -= 2
        while lo > 0 and s - lo < _MAX_COMPOUND and ftext[lo - 1].isalpha():
            lo -= 1
    hi = e
    n = len(ftext)
    while hi + 1 < n and hi - e < _MAX_COMPOUND and ftext[hi] == "-" and ftext[hi + 1].isalpha():
        hi += 2
        while hi < n and hi - e < _MAX_COMPOUND and ftext[hi].isalpha():
            hi += 1
    return lo, hi


def _to_findings(
    ctx: TextContext, hits: list[tuple[int, int, Entry]], finding_type: str
) -> list[Finding]:
    # In text order, the longer of two matches at the same start first; a match that
    # overlaps the one kept before it is dropped (a sweep, so linear in the hit count).
    # Ties go to the longest, then alphabetically first, entry key: hits arrive in set
    # order, which differs between processes, and the output must not.
    hits.sort(key=lambda h: (h[0], -h[1], -len(h[2].key), h[2].key))
    out: list[Finding] = []
    last_end = -1
    for s, e, entry in hits:
        if s < last_end:
            continue
        last_end = e
        os_, oe = ctx.folded.span(s, e)
        out.append(
            Finding(
                finding_type,
                os_,
                oe,
                ctx.text[os_:oe],
                entry.score,
                sensitive=False,
                detail=f"{entry.kind}:{entry.key}",
            )
        )
    return out


@cache
def load_lexicon(*files: tuple[str, float]) -> Lexicon:
    """Compile lexicon files once per process; ``files`` are (name, score) pairs."""
    return Lexicon(files)
