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

Everything is matched on the folded text (lower case, æ/ø/å folded). Single words are dict
lookups over a per-text word index shared by all recognizers (built once per text); multi-
word entries and closed compounds are a few precompiled regular expressions whose every
repetition is bounded, so matching stays linear in the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from somevakt.analysis.normalize import _DIGRAPH, _SINGLE, _ZERO_WIDTH, fold_word
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
_FUZZY_MIN = 5  # shortest entry matched with a typo
_FUZZY_ANY_EDIT = 8  # from this length on, a dropped or added letter counts as one typo too
_FUZZY_CACHE_MAX = 1 << 17
_MAX_COMPOUND = 40  # longest stretch a hyphenated compound is extended over

_DIR = "somevakt.analysis.lexicons"
_ZW_RE = re.compile("[" + "".join(sorted(_ZERO_WIDTH)) + "]")


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
    """Word tokens of a folded text and every candidate base form they may stand for."""

    # candidate form -> list of (folded start, folded end, is_inflected)
    forms: dict[str, list[tuple[int, int, bool]]]


@lru_cache(maxsize=1 << 16)
def base_forms(word: str) -> tuple[str, ...]:
    """The stems a folded word may be an inflected form of ("insulinen" -> "insulin").

    Cached: comments share most of their words, so this runs once per distinct word.
    """
    n = len(word)
    if n > _MAX_COMPOUND:  # no word is this long; do not strip endings off noise
        return ()
    return tuple(
        word[: n - len(suf)]
        for suf, min_stem in _SUFFIX_MIN_STEM
        if n - len(suf) >= min_stem and word.endswith(suf)
    )


def word_index(ctx: TextContext) -> WordIndex:
    """The word index of a text, built once and shared through ``ctx.cache``."""
    idx = ctx.cache.get("word_index")
    if idx is None:
        forms: dict[str, list[tuple[int, int, bool]]] = {}
        for m in _WORD.finditer(ctx.folded.text):
            w = m.group()
            s, e = m.span()
            forms.setdefault(w, []).append((s, e, False))
            for stem in base_forms(w):
                forms.setdefault(stem, []).append((s, e, True))
        idx = WordIndex(forms)
        ctx.cache["word_index"] = idx
    return idx


def _fold_no_offsets(text: str) -> str:
    lowered = unicodedata.normalize("NFKC", text).lower()
    lowered = (
        "".join(ch for ch in lowered if ch not in _ZERO_WIDTH)
        if _ZW_RE.search(lowered)
        else lowered
    )
    return _DIGRAPH.sub(lambda m: m.group()[0], lowered).translate(_SINGLE)


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


def _alternation(words: list[str]) -> str:
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
        # Entries that may match with a typo, and their delete-one variants -> those entries.
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
        if self._fuzzy:
            _register_fuzzy(self)
        self.multi = multi
        self._multi_re = self._compile_multi(multi)
        prefixes = [k for k, e in self.single.items() if "prefix" in e.flags]
        tails = [k for k, e in self.single.items() if "tail" in e.flags]
        # Cheap gates, checked on the text's distinct words, so that the regexes below only
        # run on the few texts that can match them.
        # A multi-word entry can only match when its longest word is in the text (the
        # longest is the rarest, e.g. "bekymring" in "meldt bekymring", not "to" in "to mødre").
        self._multi_gate = frozenset(max(reversed(k.split(" ")), key=len) for k in multi)
        self._prefix_tuple = tuple(prefixes)
        self._tail_tuple = tuple(tails)
        self._prefix_re = (
            re.compile(
                rf"(?<![^\W_])(?P<t>{_alternation(prefixes)})(?:s|e)?(?:{_alternation(heads)})"
                r"[^\W\d_]{0,12}(?![^\W_])"
            )
            if prefixes and heads
            else None
        )
        self._tail_re = (
            re.compile(
                rf"(?<![^\W_])[^\W\d_]{{3,30}}?(?P<t>{_alternation(tails)}){_SUFFIX_RE}(?![^\W_])"
            )
            if tails
            else None
        )

    @staticmethod
    def _compile_multi(multi: dict[str, Entry]) -> re.Pattern[str] | None:
        if not multi:
            return None
        return re.compile(rf"(?<![^\W_])(?:{_alternation(list(multi))}){_SUFFIX_RE}(?![^\W_])")

    def find(self, ctx: TextContext, finding_type: str) -> list[Finding]:
        """All matches of this lexicon in ``ctx`` as findings of ``finding_type``."""
        folded = ctx.folded
        ftext = folded.text
        hits: list[tuple[int, int, Entry]] = []
        exact: set[int] = set()  # starts of the words matched as written
        forms = word_index(ctx).forms
        for key in forms.keys() & self.single.keys():
            entry = self.single[key]
            for s, e, inflected in forms[key]:
                if inflected and "exact" in entry.flags:
                    continue
                if "case" in entry.flags:
                    os_, oe = folded.span(s, e)
                    if not ctx.text[os_:oe].startswith(entry.term):
                        continue
                hits.append((*_extend_hyphens(ftext, s, e), entry))
                exact.add(s)
        if self._fuzzy:
            self._find_fuzzy(ctx, ftext, hits, exact)
        if self._multi_re is not None and not self._multi_gate.isdisjoint(forms.keys()):
            for m in self._multi_re.finditer(ftext):
                key = " ".join(m.group().split())
                multi = self.multi.get(key) or self._multi_by_prefix(key)
                if multi is not None:
                    hits.append((m.start(), m.end(), multi))
        prefix_gate = tail_gate = False
        for w in forms:
            prefix_gate = prefix_gate or w.startswith(self._prefix_tuple)
            tail_gate = tail_gate or w.endswith(self._tail_tuple)
        for rx, gate in ((self._prefix_re, prefix_gate), (self._tail_re, tail_gate)):
            if rx is None or not gate:
                continue
            for m in rx.finditer(ftext):
                entry = self.single[m.group("t")]
                if "case" not in entry.flags:
                    hits.append((m.start(), m.end(), entry))
        return _to_findings(ctx, hits, finding_type)

    def _find_fuzzy(
        self,
        ctx: TextContext,
        ftext: str,
        hits: list[tuple[int, int, Entry]],
        exact: set[int],
    ) -> None:
        """Words (or their stems) one typo away from an entry of this lexicon."""
        forms = word_index(ctx).forms
        for w, key in _typos(ctx).get(id(self), ()):
            entry = self.single[key]
            for s, e, _ in forms[w]:
                if s not in exact:  # the word (or its stem) matched as written
                    hits.append((*_extend_hyphens(ftext, s, e), entry))

    def _typo_of(self, w: str) -> str:
        if not _FUZZY_MIN <= len(w) <= _MAX_COMPOUND:  # no entry is that long: skip noise
            return ""
        if w in self.single or w in self._nofuzzy or not w.isalpha():
            return ""
        cands: set[str] = set()
        for v in (w, *_deletes(w)):
            cands.update(self._fuzzy.get(v, ()))
        for key in sorted(cands):
            if _one_typo(w, key):
                return key
        return ""

    def _multi_by_prefix(self, matched: str) -> Entry | None:
        # The regex allows an inflection ending after the last word: strip it back off.
        for suf, _ in _SUFFIX_MIN_STEM:
            if matched.endswith(suf) and matched[: -len(suf)] in self.multi:
                return self.multi[matched[: -len(suf)]]
        return None


# The lexicons that match typos, and per folded word what it is a typo of in each of them:
# ((id(lexicon), entry key), ...), mostly empty. Shared so that a text's words are looked
# up once for all lexicons; grows with the vocabulary seen, cleared when it gets large.
_FUZZY_LEXICONS: list[Lexicon] = []
_TYPO_CACHE: dict[str, tuple[tuple[int, str], ...]] = {}


def _register_fuzzy(lexicon: Lexicon) -> None:
    _FUZZY_LEXICONS.append(lexicon)
    _TYPO_CACHE.clear()


def _typos(ctx: TextContext) -> dict[int, list[tuple[str, str]]]:
    """Per fuzzy lexicon (by id), the (word, entry key) typo matches in a text; built once
    per text and shared through ``ctx.cache``."""
    found = ctx.cache.get("typos")
    if found is None:
        found = {}
        cache = _TYPO_CACHE
        for w in word_index(ctx).forms:
            matches = cache.get(w)
            if matches is None:
                matches = tuple(
                    (id(lex), key) for lex in _FUZZY_LEXICONS if (key := lex._typo_of(w))
                )
                if len(cache) >= _FUZZY_CACHE_MAX:
                    cache.clear()
                cache[w] = matches
            for lex_id, key in matches:
                found.setdefault(lex_id, []).append((w, key))
        ctx.cache["typos"] = found
    return found


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
