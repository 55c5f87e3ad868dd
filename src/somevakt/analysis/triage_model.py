"""The trained part of triage: a featurizer and a linear model stored as plain data.

Features (all on the folded text, digits mapped to "0"):
- word unigrams and the character n-grams (2-5) inside each word (" word " padded), so
  "broyting", "brøyting" and "broeyting" share most of their features and typos cost little;
- word bigrams and symbols (all but "." and ",");
- the rule signals of triage_signals (one binary feature each) and a few shape features
  (length, question mark, first word), appended unweighted.

The text features are grouped into *units*: each distinct word (its "w:" feature and its
"c:" n-grams, counted within the word), bigram and symbol of a text. A unit u has a fixed
idf-weighted vector phi(u) and, in a text, the weight tf(u) = 1 + log(its count there). The
text vector is

    x = sum_u tf(u) phi(u) / sqrt(sum_u tf(u)^2 ||phi(u)||^2)

(the L2 norm as if no two units shared a feature; words do share n-grams). Unlike a TF-IDF
vector normalised as a whole, this makes a text's logits a sum of per-unit parts:

    logits = sum_u tf(u) s(u) / norm + side weights + intercept,  s(u) = coef . phi(u)

so s(u) and ||phi(u)||^2 are worked out once per word and cached, and scoring is a dictionary
lookup per word plus a fixed number of numpy calls per batch (numpy's cost per call, not the
arithmetic, dominates a short comment). The classifier is a multinomial logistic regression,
trained on exactly these vectors by scripts/train_triage.py (``text_vector``). The artefact
is ``vocab.json`` (feature strings, in column order, plus metadata) and ``weights.npz`` (idf,
coefficients, intercepts as float32): no pickle, so it loads under any numpy version and any
or no scikit-learn.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path

import numpy as np

from somevakt.analysis.normalize import fold
from somevakt.analysis.triage_signals import Signal

DEFAULT_MODEL_DIR = Path(__file__).parent / "models" / "triage"
FORMAT_VERSION = 2

_DIGIT_RE = re.compile(r"\d")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
# The symbols that are features: all but "." and ",".
_FEATURE_SYMBOL_RE = re.compile(r"[^\w\s.,]")
# The scorer's tokens (_tokens) are found in UTF-8 bytes where they can: ASCII characters
# are classified by these tables, built from the regexes above so that both agree on each.
_ASCII_WORD_BYTES = bytes(c for c in range(128) if _WORD_RE.fullmatch(chr(c)))
_WORD_BYTES_ELSE_SPACE = bytes(c if c in _ASCII_WORD_BYTES else ord(" ") for c in range(256))
_ASCII_NON_SYMBOL_BYTES = bytes(c for c in range(128) if not _FEATURE_SYMBOL_RE.fullmatch(chr(c)))
_ONLY_FEATURE_SYMBOLS_RE = re.compile(r"[^\w\s.,]*")
_CHAR_N = (2, 3, 4, 5)
# Tokens in the scorer's cache (_WordParts), each with at most one row of 11 floats (10
# classes and the squared norm): about 3 MB of rows when full.
_WORD_CACHE_SIZE = 1 << 15
# What ``_WordParts.lookup`` gives a token without a code: no code comes near it.
_NO_CODE = -(1 << 62)


def text_features(units: Counter[str]) -> Counter[str]:
    """Raw counts of the text features of a text's units (``text_units``): what their
    document frequencies are counted over (``build_vocab``)."""
    feats: Counter[str] = Counter()
    for unit, n in units.items():
        feats[unit] += n
        if unit.startswith("w:"):
            for gram in _cached_char_ngrams(unit[2:]):
                feats[gram] += n
    return feats


def _char_ngrams(word: str) -> tuple[str, ...]:
    """The "c:" features of one word, in order."""
    p = " " + word + " "
    m = len(p)
    return tuple("c:" + p[i : i + n] for n in _CHAR_N if n <= m for i in range(m - n + 1))


# Training builds the strings of every word many times (vocabulary, a text vector per fold);
# run time caches each word's parts instead (_WordParts).
_cached_char_ngrams = lru_cache(maxsize=1 << 14)(_char_ngrams)


def _tokens(folded: str) -> list[str]:
    """The scorer's tokens of a folded text: its words (``_WORD_RE``), then its feature
    symbols (``_FEATURE_SYMBOL_RE``), each in text order.

    The regexes step through the text a character at a time in Python's regex engine; the
    fast path lets byte operations in C do it: in the UTF-8 bytes, the ASCII words are what
    is left after turning every other byte into a space, and the symbols what is left after
    deleting ASCII words, spaces, "." and ",". That holds when every non-ASCII character is a
    feature symbol (emoji, dashes), which is checked on the few characters left in the
    symbols; other texts take the regexes."""
    utf8 = folded.encode("utf-8", "surrogatepass")  # (a lone surrogate is a symbol too)
    symbols = utf8.translate(None, _ASCII_NON_SYMBOL_BYTES).decode("utf-8", "surrogatepass")
    if not (symbols.isascii() or _ONLY_FEATURE_SYMBOLS_RE.fullmatch(symbols)):
        return _WORD_RE.findall(folded) + _FEATURE_SYMBOL_RE.findall(folded)
    tokens = utf8.translate(_WORD_BYTES_ELSE_SPACE).decode("ascii").split()
    tokens += symbols
    return tokens


def text_units(text: str, folded: str | None = None) -> Counter[str]:
    """The units of one text with their counts, in order of first occurrence: "w:" + each
    word (digits mapped to "0"), then "b:" + each bigram, then "y:" + each symbol
    (``folded``: fold(text).text, if known). A unit's features are ``unit_features``."""
    ft = _DIGIT_RE.sub("0", folded if folded is not None else fold(text).text)
    words = _WORD_RE.findall(ft)
    units = ["w:" + w for w in words]
    units += ["b:" + a + " " + b for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)]
    units += ["y:" + y for y in _FEATURE_SYMBOL_RE.findall(ft)]
    return Counter(units)


def unit_features(unit: str, vocab: dict[str, int]) -> Counter[int]:
    """The known feature columns of a unit with their counts in it: a word's "w:" feature
    and its "c:" n-grams; a bigram or a symbol is its one feature."""
    feats = [unit, *_cached_char_ngrams(unit[2:])] if unit.startswith("w:") else [unit]
    return Counter(j for j in map(vocab.get, feats) if j is not None)


def text_vector(units: Counter[str], vocab: dict[str, int], idf: np.ndarray) -> dict[int, float]:
    """The text part of a text's model input, column -> value (the module docstring's x).

    Training builds its matrix with this; ``LinearTriageModel.score_folded_many`` computes
    the same logits from per-unit parts (the tests compare the two)."""
    x: dict[int, float] = {}
    sum_sq = 0.0
    for unit, n in units.items():
        tf = 1.0 + math.log(n)
        phi = {j: c * float(idf[j]) for j, c in unit_features(unit, vocab).items()}
        sum_sq += tf * tf * sum(v * v for v in phi.values())
        for j, v in phi.items():
            x[j] = x.get(j, 0.0) + tf * v
    if sum_sq == 0.0:
        return {}
    norm = math.sqrt(sum_sq)
    return {j: v / norm for j, v in x.items()}


def side_features(
    text: str, signals: Iterable[Signal], context: str | None, folded: str | None = None
) -> set[str]:
    """Binary features appended after normalisation: rule signals and text shape."""
    n = len(text)
    feats = {"len:short" if n < 40 else "len:medium" if n < 140 else "len:long"}
    for s in signals:  # (a loop: most texts have no signal or one, a comprehension costs more)
        feats.add("s:" + s.name)
    stripped = text.strip()
    if "?" in stripped:
        feats.add("shape:has_question")
        if "?" in stripped[-4:]:  # (the text ends with a question, maybe then an emoji)
            feats.add("shape:ends_question")
    if not any(map(str.isalpha, stripped)):
        feats.add("shape:no_letters")
    if stripped.startswith("@"):
        feats.add("shape:starts_mention")
    ft = folded if folded is not None else fold(text).text
    first = _WORD_RE.search(ft, 0, 40)  # (in ft[:40], without copying it)
    if first:
        feats.add("first:" + first.group())
    if context:
        # Only what the comment says against the post counts, not that there is a post:
        # "ctx:present" taught the model that any comment under a post is a factual error.
        feats.update("ctx:" + k for k in context_mismatches(text, context, ft))
    return feats


_DATE_RE = re.compile(
    r"\b(\d{1,2})\.\s?(?:(\d{1,2})\.|(jan\w*|feb\w*|mars|april|mai|juni|juli|aug\w*|sep\w*|okt\w*|nov\w*|des\w*))"
)
_WEEKDAY_RE = re.compile(
    r"\b(mandag|tirsdag|tysdag|onsdag|torsdag|fredag|lordag|laurdag|sondag|sundag)(?:er|ar|ane|ene)?\b"
)
_CLOCK_RE = re.compile(r"\b(?:kl\.?|klokka|klokken)\s?(\d{1,2})(?:[.:](\d{2}))?")
_STATUS_RE = re.compile(
    r"\b(lagt ned|nedlagt|stengt|stenga|avlyst|apen|apent|open|ope|flytta|flyttet|fjerna|fjernet|vedtatt|vedteke)\b"
)


def context_mismatches(text: str, context: str, folded: str | None = None) -> set[str]:
    """Cheap comparisons between a comment and the post it answers.

    A comment that states a date, weekday, time or status different from the post is a
    candidate factual error ("julegateåpninga er 12. desember" under a post saying 28.
    november). ``folded``: fold(text).text, if known.
    """
    t = folded if folded is not None else fold(text).text
    out: set[str] = set()
    for (name, rx), cv in zip(_CONTEXT_PATTERNS, _context_values(context), strict=True):
        tv = {m.group(0) for m in rx.finditer(t)}
        if tv and cv and not (tv & cv):
            out.add(name + "_differs")
        elif tv and cv:
            out.add(name + "_agrees")
    return out


_CONTEXT_PATTERNS = (
    ("date", _DATE_RE),
    ("weekday", _WEEKDAY_RE),
    ("clock", _CLOCK_RE),
    ("status", _STATUS_RE),
)


@lru_cache(maxsize=256)
def _context_values(context: str) -> tuple[frozenset[str], ...]:
    """What each pattern finds in a post (many comments answer the same post: cached)."""
    c = fold(context).text
    return tuple(frozenset(m.group(0) for m in rx.finditer(c)) for _, rx in _CONTEXT_PATTERNS)


@dataclass
class LinearTriageModel:
    """Multinomial logistic regression over vocabulary-indexed features (see the module
    docstring for the text vector it scores)."""

    classes: list[str]
    text_vocab: dict[str, int]
    side_vocab: dict[str, int]
    idf: np.ndarray  # (n_text,)
    coef: np.ndarray  # (n_classes, n_text + n_side)
    intercept: np.ndarray  # (n_classes,)
    meta: dict[str, object] = field(default_factory=dict)
    # Built on first use from the fields above (rebuilt if ``coef`` is replaced).
    _tables: _Tables | None = field(default=None, init=False, repr=False, compare=False)
    # The bounded cache of word parts; replaced, never cleared, when full (see _WordParts).
    _word_parts: _WordParts | None = field(default=None, init=False, repr=False, compare=False)
    _lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    @property
    def n_text(self) -> int:
        return len(self.text_vocab)

    # -- persistence -------------------------------------------------------------------
    def save(self, directory: Path, meta: dict[str, object] | None = None) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        text_terms = [""] * len(self.text_vocab)
        for term, i in self.text_vocab.items():
            text_terms[i] = term
        side_terms = [""] * len(self.side_vocab)
        for term, i in self.side_vocab.items():
            side_terms[i] = term
        vocab = {
            "format_version": FORMAT_VERSION,
            "classes": self.classes,
            "text_features": text_terms,
            "side_features": side_terms,
            "meta": meta if meta is not None else self.meta,
        }
        (directory / "vocab.json").write_text(
            json.dumps(vocab, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        np.savez_compressed(
            directory / "weights.npz",
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
        )

    @classmethod
    def load(cls, directory: Path) -> LinearTriageModel:
        vocab = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        if vocab.get("format_version") != FORMAT_VERSION:
            # Version 1 artefacts normalised the text vector as a whole: their weights mean
            # something else under this model's per-unit norm.
            raise ValueError(
                f"{directory}/vocab.json: format_version {vocab.get('format_version')!r}, "
                f"expected {FORMAT_VERSION}; retrain with scripts/train_triage.py"
            )
        with np.load(directory / "weights.npz", allow_pickle=False) as w:
            idf, coef, intercept = w["idf"], w["coef"], w["intercept"]
        text_vocab = {t: i for i, t in enumerate(vocab["text_features"])}
        side_vocab = {t: i for i, t in enumerate(vocab["side_features"])}
        if coef.shape != (len(vocab["classes"]), len(text_vocab) + len(side_vocab)):
            raise ValueError(
                f"{directory}/weights.npz: coefficient shape {coef.shape} does not match vocab.json"
            )
        return cls(
            vocab["classes"],
            text_vocab,
            side_vocab,
            idf.astype(np.float64),
            coef.astype(np.float64),
            intercept.astype(np.float64),
            dict(vocab.get("meta") or {}),
        )

    # -- inference ---------------------------------------------------------------------
    def score_folded_many(self, folded: Sequence[str], sides: Sequence[set[str]]) -> ScoredBatch:
        """Score texts (each ``fold(text).text``, with its side features) in a fixed number
        of numpy calls per batch. One text is a batch of one: a text's floats depend on its
        own units only (summed in an order fixed by the text: ``_text_units``), not on its
        batch or on what the word cache holds."""
        tables = self._current_tables()
        n_texts = len(folded)
        tokens = [*map(_tokens, folded)]
        parts, codes = self._token_codes(tables, [*chain.from_iterable(tokens)])
        units, owners = _text_units(tables, codes, [*map(len, tokens)])
        rows, counts, owner = _first_occurrences(units, owners, len(parts.rows))
        tf = counts.astype(np.float64)
        np.log(tf, out=tf)
        tf += 1.0
        # Per unit: tf * s(u) per class, and tf^2 * ||phi(u)||^2 for the norm. (In one
        # multiplication by an array of the same shape: numpy would loop once per unit to
        # broadcast tf along a row.)
        unit_parts = np.take(parts.rows, rows, axis=0)
        scale = np.repeat(tf[:, None], unit_parts.shape[1], axis=1)
        scale[:, -1] *= tf
        unit_parts *= scale
        sums = _segment_sums(unit_parts, owner, n_texts)
        norms = np.sqrt(sums[:, -1])
        norms[norms == 0.0] = 1.0  # a text without known units: its sums are 0 too
        logits = sums[:, :-1] / norms[:, None]

        side_rows, side_owner = _side_rows(tables, sides)
        logits += _segment_sums(np.take(tables.side_parts, side_rows, axis=0), side_owner, n_texts)
        logits += self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        probs = e / e.sum(axis=1, keepdims=True)

        bounds = [0, *np.cumsum(np.bincount(owner, minlength=n_texts)).tolist()]
        # Each text's words come first among its units (_text_units' order).
        n_words = np.bincount(owner[rows >= tables.n_rows], minlength=n_texts).tolist()
        return ScoredBatch(
            probs.tolist(),
            rows,
            unit_parts[:, :-1],
            norms,
            bounds,
            n_words,
            parts.words,
            tables.n_rows,
        )

    def _current_tables(self) -> _Tables:
        tables = self._tables
        if tables is None or tables.coef is not self.coef:
            with self._lock:
                tables = self._tables = _Tables(self)
                self._word_parts = None
        return tables

    def _token_codes(self, tables: _Tables, tokens: list[str]) -> tuple[_WordParts, np.ndarray]:
        """The code of each token (word or symbol) in the returned parts
        (``_WordParts.codes``): a plain lookup each, and ``_cache_tokens`` for those it
        misses."""
        parts = self._word_parts or self._cache_tokens(tables, [])
        codes = parts.lookup(tokens)
        missing = np.flatnonzero(codes == _NO_CODE).tolist()
        if missing:
            before = parts
            unknown = [tokens[i] for i in missing]
            parts = self._cache_tokens(tables, unknown)
            if parts is before:
                codes[missing] = parts.lookup(unknown)
            else:
                # A new cache: the batch's tokens that the old one held are not in it yet.
                parts = self._cache_tokens(tables, tokens)
                codes = parts.lookup(tokens)
        return parts, codes

    def _cache_tokens(self, tables: _Tables, tokens: list[str]) -> _WordParts:
        """Word parts holding codes for all of ``tokens``, adding those missing.

        Under the lock: rows are written before the words using them are published in
        ``codes``, so a reader never sees a row before it is written. A full cache is
        replaced by a new one (a batch in flight keeps the one it started with)."""
        with self._lock:
            parts = self._word_parts
            new = [*dict.fromkeys(t for t in tokens if parts is None or t not in parts.codes)]
            # (A word with a digit may add its mapped form too: room for two entries each.)
            if parts is None or len(parts.codes) + 2 * len(new) > parts.capacity:
                capacity = max(_WORD_CACHE_SIZE, 2 * len(new))
                parts = self._word_parts = _WordParts(tables, capacity)
                new = [*dict.fromkeys(tokens)]
            parts.add(tables, new)
            return parts


class _Tables:
    """What scoring needs from a model, derived once.

    ``unit_rows`` row j is the part of a unit made of text feature j alone, once:
    (coef[:, j] * idf[j] per class, idf[j]^2). Bigram and symbol units are one such row; a
    word's parts are a sum of them weighted by the counts of its features."""

    def __init__(self, model: LinearTriageModel) -> None:
        n_text = model.n_text
        self.coef = model.coef
        self.vocab = model.text_vocab
        idf = model.idf
        self.unit_rows = np.empty((n_text, len(model.classes) + 1), dtype=np.float64)
        self.unit_rows[:, :-1] = model.coef[:, :n_text].T * idf[:, None]
        self.unit_rows[:, -1] = idf * idf
        self.n_rows = n_text
        self.side_parts = np.ascontiguousarray(model.coef[:, n_text:].T)
        self.side_rows = dict(model.side_vocab)
        self.symbols = {t[2:]: j for t, j in model.text_vocab.items() if t.startswith("y:")}
        self.bigrams = _BigramTable(model.text_vocab)


class _WordParts:
    """A bounded cache of word units' parts: row ``n_rows + i`` of ``rows`` is word
    ``words[i]``'s (s(w) per class, ||phi(w)||^2); rows below are ``_Tables.unit_rows``, so
    one gather serves words, bigrams and symbols. Rows are written once and never change:
    when full, the model starts a new instance instead of clearing this one.

    ``codes`` maps a word as it appears in folded text to one int >= 0, (row + 1) *
    id_space + its id in the bigram table (row -1: a word without known features), so that
    a batch's words are one lookup each and their rows and bigram ids one ``divmod`` in
    numpy. A word with digits has the code of its form with digits mapped to "0" (its
    unit), whose row ``words`` holds. A symbol's code is -(its row + 2) (row -1: not a
    feature). At most ``capacity`` tokens have codes."""

    def __init__(self, tables: _Tables, capacity: int) -> None:
        self.capacity = capacity
        self.rows = np.empty((tables.n_rows + capacity, tables.unit_rows.shape[1]))
        self.rows[: tables.n_rows] = tables.unit_rows
        self.words: list[str] = []
        self.codes: dict[str, int] = {}

    def lookup(self, tokens: list[str]) -> np.ndarray:
        """The code of each token, ``_NO_CODE`` for those not cached (a sentinel int keeps
        the lookups in one C loop, where ``None`` would need a Python list to find them)."""
        return np.fromiter(map(self.codes.get, tokens, repeat(_NO_CODE)), np.int64, len(tokens))

    def add(self, tables: _Tables, tokens: list[str]) -> None:
        """Cache tokens not cached yet (as many codes as there is room for, and the mapped
        forms of words)."""
        words = []
        for t in tokens:
            if _WORD_RE.match(t):
                words.append(t)
            else:
                self.codes[t] = -(tables.symbols.get(t, -1) + 2)
        mapped = [_DIGIT_RE.sub("0", w) for w in words]
        units = [*dict.fromkeys(u for u in mapped if u not in self.codes)]
        features = [unit_features("w:" + u, tables.vocab) for u in units]
        bigram_id = tables.bigrams.ids.get
        space = tables.bigrams.id_space
        known = [(u, f) for u, f in zip(units, features, strict=True) if f]
        if known:
            cols = np.fromiter(chain.from_iterable(f for _, f in known), np.int64)
            counts = np.fromiter(
                chain.from_iterable(f.values() for _, f in known), np.float64, len(cols)
            )
            # phi(w) = sum of count * (its feature's row): s scales by the count, the
            # squared norm by its square.
            feature_parts = np.take(tables.unit_rows, cols, axis=0)
            feature_parts[:, :-1] *= counts[:, None]
            feature_parts[:, -1] *= counts * counts
            starts = np.cumsum([0, *(len(f) for _, f in known[:-1])])
            first = tables.n_rows + len(self.words)
            self.rows[first : first + len(known)] = np.add.reduceat(feature_parts, starts, axis=0)
            self.words += [u for u, _ in known]
            for i, (u, _) in enumerate(known):
                self.codes[u] = (first + i + 1) * space + bigram_id(u, 0)
        for u, f in zip(units, features, strict=True):
            if not f:
                self.codes[u] = bigram_id(u, 0)  # row -1
        for w, u in zip(words, mapped, strict=True):
            self.codes[w] = self.codes[u]


def _text_units(
    tables: _Tables, codes: np.ndarray, n_tokens: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """The rows of all texts' known units (per text: its words, its symbols, its bigrams,
    each in text order, repeats included; texts one after another) and the text of each.

    ``codes``: the token codes of all texts (``_WordParts.codes``), ``n_tokens`` of each,
    its words before its symbols (``_tokens``)."""
    n_texts = len(n_tokens)
    bigrams = tables.bigrams
    texts = np.arange(n_texts)
    is_word = codes >= 0
    row_plus_one, word_ids = np.divmod(codes[is_word], bigrams.id_space)
    token_rows = -codes - 2  # a symbol's row
    token_rows[is_word] = row_plus_one - 1
    per_text = np.bincount(np.repeat(texts, n_tokens)[is_word], minlength=n_texts)
    # Each text's word ids between "<s>" and "</s>": its bigrams are the neighbours.
    ends = np.cumsum(per_text + 2)
    marked = np.empty(int(ends[-1]) if n_texts else 0, dtype=np.int64)
    inner = np.ones(len(marked), dtype=bool)
    inner[ends - per_text - 2] = inner[ends - 1] = False
    marked[ends - per_text - 2] = bigrams.start
    marked[ends - 1] = bigrams.end
    marked[inner] = word_ids
    # Text by text, its tokens (already words, then symbols) and then its bigrams (one
    # more than its words): a mask of where the tokens go, instead of sorting by kind.
    n_units = np.asarray(n_tokens, dtype=np.int64) + per_text + 1
    unit_ends = np.cumsum(n_units)
    token_ends = np.repeat(unit_ends - per_text - 1, n_units)
    is_token = np.arange(int(unit_ends[-1]) if n_texts else 0) < token_ends
    units = np.empty(len(is_token), dtype=np.int64)
    units[is_token] = token_rows
    units[~is_token] = bigrams.columns(marked)
    known = units >= 0
    return units[known], np.repeat(texts, n_units)[known]


def _side_rows(tables: _Tables, sides: Sequence[set[str]]) -> tuple[np.ndarray, np.ndarray]:
    """The rows of all texts' known side features, each text's in row order (a set's order
    differs between processes, and the order decides the float sums), and the text of each."""
    n_side = len(tables.side_parts)
    rows = np.fromiter(
        map(tables.side_rows.get, chain.from_iterable(sides), repeat(-1)),
        np.int64,
        sum(map(len, sides)),
    )
    owner = np.repeat(np.arange(len(sides)), [*map(len, sides)])
    keys = owner * n_side + rows
    keys = np.sort(keys[rows >= 0])
    return keys % n_side, keys // n_side


def _segment_sums(values: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
    """(n, width): the sum of the rows of ``values`` that each of n texts owns (``owner``
    ascending), added in order, 0 for a text without rows."""
    out = np.zeros((n, values.shape[1]), dtype=np.float64)
    if len(owner):
        new = np.empty(len(owner), dtype=bool)
        new[0] = True
        np.not_equal(owner[1:], owner[:-1], out=new[1:])
        starts = np.flatnonzero(new)
        out[owner[starts]] = np.add.reduceat(values, starts, axis=0)
    return out


class _BigramTable:
    """The "b:" features as pairs of word ids, to look a batch's bigrams up in numpy at
    once instead of building "b:a b" strings one at a time.

    Words in some bigram feature get ids from 1 (and "<s>", "</s>" their own); any other
    word is 0, which no pair in the table has. Words have no space, so each feature
    splits at its one space into the pair it stands for."""

    def __init__(self, text_vocab: dict[str, int]) -> None:
        pairs = [
            (t[2:].partition(" ")[::2], col) for t, col in text_vocab.items() if t.startswith("b:")
        ]
        self.ids: dict[str, int] = {}
        for (first, second), _ in pairs:
            self.ids.setdefault(first, len(self.ids) + 1)
            self.ids.setdefault(second, len(self.ids) + 1)
        self.start = self.ids.setdefault("<s>", len(self.ids) + 1)
        self.end = self.ids.setdefault("</s>", len(self.ids) + 1)
        self.id_space = len(self.ids) + 1  # ids are below it
        keys = np.array(
            [self.ids[a] * self.id_space + self.ids[b] for (a, b), _ in pairs], dtype=np.int64
        )
        order = np.argsort(keys)
        self._keys = keys[order]
        self._cols = np.array([col for _, col in pairs], dtype=np.int64)[order]

    def columns(self, word_ids: np.ndarray) -> np.ndarray:
        """The bigram column (or -1) of each pair of neighbours in ``word_ids``, which holds
        each text's words between "<s>" and "</s>" (no pair across texts)."""
        first, second = word_ids[:-1], word_ids[1:]
        keys = (first * self.id_space + second)[first != self.end]
        if len(self._keys) == 0:
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        return np.where(self._keys[at] == keys, self._cols[at], -1)


def _first_occurrences(
    cols: np.ndarray, rec: np.ndarray, n_cols: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per text, its distinct columns in order of first occurrence, with their counts (what
    ``Counter`` gives one text at a time): (columns, counts, text of each).

    One sort of (text, column, position) keys packed in an int64 finds each pair's first
    position and count; marking the first positions keeps the original order."""
    n = len(cols)
    if n == 0:
        return cols, cols, rec
    pos_bits = max(1, (n - 1).bit_length())
    key_bits = (int(rec[-1]) * n_cols + n_cols).bit_length()
    if key_bits + pos_bits > 62:
        raise ValueError("batch too large to pack its sort keys; score it in parts")
    # (In place where numpy allows: each temporary array of a batch costs about as much as
    # the arithmetic.)
    packed = rec * n_cols
    packed += cols
    packed <<= pos_bits
    packed |= np.arange(n, dtype=np.int64)
    packed.sort()
    keys = packed >> pos_bits
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(keys[1:], keys[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    first = packed[starts]
    first &= (1 << pos_bits) - 1
    sizes = np.empty_like(starts)  # of each (text, column) group
    np.subtract(starts[1:], starts[:-1], out=sizes[:-1])
    sizes[-1] = n - starts[-1]
    is_first = np.zeros(n, dtype=bool)
    is_first[first] = True
    counts = np.zeros(n, dtype=np.int64)
    counts[first] = sizes
    keep = np.flatnonzero(is_first)
    return cols[keep], counts[keep], rec[keep]


@dataclass(slots=True)
class ScoredBatch:
    """What ``score_folded_many`` gives: per text, the class probabilities and, for
    evidence, each of its units' share of each class's logit.

    Text i owns units ``rows[bounds[i]:bounds[i + 1]]`` (distinct, in order of first
    occurrence), its ``n_words[i]`` words first; unit j's share of class k's logit is
    ``parts[j, k] / norms[i]`` (tf(u) * s(u)[k] / norm), divided only for the words evidence
    asks for. A word's row is ``first_word_row`` + its index in ``words`` (the word, digits
    mapped to "0"); the other units are bigrams and symbols.
    """

    probs: list[list[float]]
    rows: np.ndarray
    parts: np.ndarray
    norms: np.ndarray
    bounds: list[int]
    n_words: list[int]
    words: list[str]
    first_word_row: int

    def top_words(self, i: int, k: int, n: int = 3) -> list[tuple[float, str]]:
        """(contribution, word) of the (at most ``n``) words of text i that push it most
        towards class k (positive contribution), largest first, ties by the word (never by
        cache or set order)."""
        return self.top_words_many([(i, k)], n)[0]

    def top_words_many(
        self, wanted: Sequence[tuple[int, int]], n: int = 3
    ) -> list[list[tuple[float, str]]]:
        """``top_words(i, k, n)`` for each (i, k) of ``wanted``.

        The contributions of all their words are gathered and ranked in a fixed number of
        numpy calls; only each text's top ``n`` by contribution, and the words tied with the
        n-th, reach Python, and only requests with a tie there are sorted again (by the
        word)."""
        if not wanted or n < 1:
            return [[] for _ in wanted]
        texts = np.array([i for i, _ in wanted], dtype=np.int64)
        sizes = np.array(self.n_words, dtype=np.int64)[texts]
        # Each wanted text's word units (the first of its units), request by request.
        request = np.repeat(np.arange(len(wanted)), sizes)
        offset = np.arange(len(request)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        units = np.array(self.bounds, dtype=np.int64)[texts][request] + offset
        classes = np.array([k for _, k in wanted], dtype=np.int64)
        values = self.parts[units, classes[request]]
        values /= self.norms[texts][request]
        positive = values > 0
        units, request, values = units[positive], request[positive], values[positive]
        order = np.lexsort((-values, request))  # by request, largest contribution first
        units, request, values = units[order], request[order], values[order]
        # Per request, its top n are the contributions down to its n-th largest, plus the
        # words tied with the n-th (which the word decides between).
        counts = np.bincount(request, minlength=len(wanted))
        nth = (np.cumsum(counts) - counts + np.minimum(counts, n) - 1)[request]
        kept = values >= values[nth]
        units, request, values = units[kept], request[kept], values[kept]
        word_index = (self.rows[units] - self.first_word_row).tolist()
        pairs = [*zip(values.tolist(), map(self.words.__getitem__, word_index), strict=True)]
        # The order is final but where a request's kept words tie: there the word decides.
        same_request = request[1:] == request[:-1]
        tied = set(request[1:][same_request & (values[1:] == values[:-1])].tolist())
        out: list[list[tuple[float, str]]] = []
        lo = 0
        for i, count in enumerate(np.bincount(request, minlength=len(wanted)).tolist()):
            top = pairs[lo : lo + count]
            if i in tied:
                top = sorted(top, key=lambda pair: (-pair[0], pair[1]))[:n]
            out.append(top)
            lo += count
        return out


def build_vocab(docs: Sequence[Counter[str]], min_df: int = 2) -> tuple[dict[str, int], np.ndarray]:
    """Vocabulary (features in at least ``min_df`` documents) and smoothed idf."""
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    terms = sorted(t for t, n in df.items() if n >= min_df)
    vocab = {t: i for i, t in enumerate(terms)}
    n = len(docs)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms], dtype=np.float64)
    return vocab, idf
