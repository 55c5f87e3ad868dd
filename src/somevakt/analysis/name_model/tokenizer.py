"""spaCy's rule-based tokenizer (``spacy/tokenizer.pyx``, v3.8) in pure Python.

The person-name model sees the tokens spaCy's tokenizer made, so the runtime must reproduce
them exactly: same texts, same character offsets, same whitespace tokens and the same NORM
(the network embeds it). ``rules_from_spacy`` reads everything the tokenizer needs from a
loaded ``Language`` into a JSON-serialisable dict (the same things ``Tokenizer.to_bytes``
writes, plus the lexeme NORM exceptions); ``Tokenizer`` runs spaCy's algorithm on it:

1. split the text on whitespace: a single space after a token is that token's trailing
   whitespace, any other run of whitespace is a chunk of its own;
2. per chunk: a special case, or prefixes and suffixes peeled off in a loop (stopping at a
   special case or ``token_match``), then the rest as a special case, a ``token_match`` /
   ``url_match`` or split on infixes;
3. a final pass re-joins token sequences that spell a special case containing an affix
   (spaCy's ``PhraseMatcher`` over ``_tokenize_affixes(case, False)``), e.g. ``kl`` ``.``.

A chunk of ASCII digits that is no special case skips step 2 when the rules' affix patterns
can take no digit (read off the patterns once): it is then one token, whatever step 2 tried.
The suffix pattern is searched with only its alternatives that can end on the chunk's last
character (``suffix_search.py``): the same matches, without trying all of them everywhere.
Step 3 runs only on texts where it can change a token: where a chunk's own tokens spell a
special case (known per cached chunk), or, with rules that have a special case holding
whitespace, on every text.

``tokenize`` gives Token objects; ``tokenized`` gives the same tokens as the network reads
them (``Tokenized``): each token's (text, norm) pair, shared with the chunk cache, and the
character offsets only when asked for, so that a text of cached chunks costs no Python code
per chunk or token.

This module never imports spaCy: ``rules_from_spacy`` is handed a loaded pipeline.
"""

from __future__ import annotations

import functools
import json
import re
import re._constants as sre  # the stdlib's regex parser, to read what a pattern can consume
import re._parser as sre_parse
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import accumulate, chain, repeat
from operator import add, attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, cast

from somevakt.analysis.name_model.suffix_search import suffix_searcher

FORMAT = "somevakt.name_model.tokenizer"
FORMAT_VERSION = 1

# spaCy's default ``max_cache_size``; like spaCy, chunks stop being cached when it is full.
MAX_CACHE_SIZE = 10_000

# The regex-backed callables of spaCy's tokenizer, with the method of ``re.Pattern`` each is.
_PATTERN_FIELDS = {
    "prefix_search": "search",
    "suffix_search": "search",
    "infix_finditer": "finditer",
    "token_match": "match",
    "url_match": "match",
}

# Runs of whitespace and of non-whitespace. ``\s`` in a str pattern and ``str.isspace`` (what
# spaCy tests) both use Py_UNICODE_ISSPACE, so the runs are exactly spaCy's.
_RUNS = re.compile(r"\S+|\s+")


class Token(NamedTuple):
    """One token as spaCy makes it."""

    text: str
    start: int  # character offset in the text
    end: int
    norm: str  # spaCy's ``token.norm_``
    space_after: bool  # spaCy's ``token.whitespace_ == " "``


# A token inside a chunk, before it gets its offset: (text, norm). It is also what the
# network reads of a token (``Tokenized.pieces``).
_Piece = tuple[str, str]

_new_tuple = tuple.__new__


class _Entry(NamedTuple):
    """A chunk's tokens, as cached per distinct chunk."""

    pieces: tuple[_Piece, ...]  # (text, norm) per token, shared by every text with the chunk
    starts: tuple[int, ...]  # where each token starts in the chunk
    rejoins: bool  # whether the final matcher pass can change the chunk's tokens by itself


class _Chunks(NamedTuple):
    """A text split into chunks (step 1), each with its tokens from the cache (step 2)."""

    entries: list[_Entry]
    positions: list[int]  # where each chunk starts in the text
    spaced: list[bool]  # whether the chunk's last token has a space after it
    rejoins: bool  # whether the final matcher pass (step 3) may change the tokens

    def tokens(self) -> list[Token]:
        """The tokens of steps 1 and 2, with offsets and trailing space."""
        tokens: list[Token] = []
        append = tokens.append
        for entry, pos, spaced in zip(self.entries, self.positions, self.spaced, strict=True):
            last = len(entry.pieces) - 1
            pieces = zip(entry.pieces, entry.starts, strict=True)
            for k, ((orth, norm), start) in enumerate(pieces):
                begin = pos + start
                # tuple.__new__ skips NamedTuple's slower Python-level __new__.
                append(
                    _new_tuple(Token, (orth, begin, begin + len(orth), norm, spaced and k == last))
                )
        return tokens


class Tokenized:
    """A text's tokens as the person-name network reads them: ``pieces[i]`` is token i's
    (text, norm), and ``span`` gives the characters of a run of tokens.

    Made by ``Tokenizer.tokenized``: the same tokens as ``tokenize`` without a Token object
    per token (most texts get their pieces straight from the chunk cache); the offsets are
    worked out only when asked for (for the few tokens in an entity).
    """

    __slots__ = ("_chunks", "_starts", "pieces")

    def __init__(self, pieces: list[_Piece], starts: list[int] | None, chunks: _Chunks | None):
        self.pieces = pieces
        self._starts = starts
        self._chunks = chunks

    @classmethod
    def of_chunks(cls, chunks: _Chunks) -> Tokenized:
        """The tokens of chunks that the final matcher pass leaves as they are."""
        pieces = list(chain.from_iterable(map(_pieces_of, chunks.entries)))
        return cls(pieces, None, chunks)

    @classmethod
    def of_tokens(cls, tokens: Sequence[Token]) -> Tokenized:
        """Tokens as the final matcher pass made them."""
        return cls([(t.text, t.norm) for t in tokens], [t.start for t in tokens], None)

    def __len__(self) -> int:
        return len(self.pieces)

    def span(self, first: int, end: int) -> tuple[int, int]:
        """The character offsets (start, end) of tokens ``first`` to ``end - 1``."""
        starts = self._token_starts()
        return starts[first], starts[end - 1] + len(self.pieces[end - 1][0])

    def _token_starts(self) -> list[int]:
        if self._starts is None:
            assert self._chunks is not None  # one of the two is always given
            entries, positions = self._chunks.entries, self._chunks.positions
            self._starts = [
                pos + start
                for entry, pos in zip(entries, positions, strict=True)
                for start in entry.starts
            ]
        return self._starts


_pieces_of = attrgetter("pieces")
_rejoins_of = attrgetter("rejoins")


def rules_from_spacy(nlp: Any) -> dict[str, Any]:
    """Everything ``Tokenizer`` needs from a loaded spaCy pipeline, as a JSON-serialisable dict.

    Raises ``ValueError`` for what the port does not cover: a tokenizer other than spaCy's
    rule-based one, affix callables that are not methods of a compiled regex (or carry flags
    spaCy's own serialisation would lose), special-case attributes other than ORTH and NORM,
    and a NORM getter other than spaCy's lookup tables over ``str.lower``.
    """
    tokenizer = nlp.tokenizer
    if type(tokenizer).__module__ != "spacy.tokenizer" or type(tokenizer).__name__ != "Tokenizer":
        raise ValueError(f"unsupported tokenizer {type(tokenizer)!r}")
    rules: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "lang": nlp.lang,
        # Informational: the spaCy that made the rules (already imported by the caller).
        "spacy_version": getattr(sys.modules.get("spacy"), "__version__", None),
    }
    for field, method in _PATTERN_FIELDS.items():
        rules[field] = _pattern_of(getattr(tokenizer, field), field, method)
    rules["faster_heuristics"] = bool(tokenizer.faster_heuristics)
    rules["special_cases"] = {
        key: [_special_token(nlp, key, attrs) for attrs in substrings]
        for key, substrings in sorted(tokenizer.rules.items())
    }
    rules["norm_exceptions"] = _norm_tables(nlp)
    return rules


def _pattern_of(func: Any, field: str, method: str) -> str | None:
    if func is None:
        return None
    pattern = getattr(func, "__self__", None)
    if not isinstance(pattern, re.Pattern) or getattr(func, "__name__", None) != method:
        raise ValueError(f"{field} is not re.Pattern.{method}: {func!r}")
    if not isinstance(pattern.pattern, str) or pattern.flags & ~re.UNICODE:
        raise ValueError(f"{field}: only str patterns without flags are supported")
    return pattern.pattern


def _special_token(nlp: Any, key: str, attrs: Mapping[Any, Any]) -> dict[str, str]:
    # After loading, spaCy keeps the attributes as symbol ids (ORTH=65, NORM=67).
    token: dict[str, str] = {}
    for attr, value in attrs.items():
        name = (nlp.vocab.strings[attr] if isinstance(attr, int) else str(attr)).upper()
        if name not in ("ORTH", "NORM"):
            raise ValueError(f"special case {key!r}: unsupported attribute {name}")
        token[name] = nlp.vocab.strings[value] if isinstance(value, int) else str(value)
    if "ORTH" not in token:
        raise ValueError(f"special case {key!r}: a token without ORTH")
    return token


def _norm_tables(nlp: Any) -> list[dict[str, str]]:
    """The lookup tables of the lexeme NORM getter, in the order spaCy consults them.

    spaCy builds it as ``util.add_lookups(lower, BASE_NORMS)`` (nested once more when the
    vocab has a ``lexeme_norm`` table): a ``functools.partial`` of ``_get_attr_unless_lookup``.
    """
    getters = nlp.vocab.lex_attr_getters
    names = [attr for attr in getters if nlp.vocab.strings[attr] == "NORM"]
    if len(names) != 1:
        raise ValueError("no NORM getter in the vocab")
    func: Any = getters[names[0]]
    tables: list[dict[str, str]] = []
    while (
        isinstance(func, functools.partial)
        and getattr(func.func, "__name__", None) == "_get_attr_unless_lookup"
    ):
        default, lookups = func.args
        for table in lookups:
            # spaCy's lookups ``Table`` (a dict subclass) keys by hash: not portable.
            if type(table) is not dict or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in table.items()
            ):
                raise ValueError("unsupported NORM lookup table")
            tables.append(dict(table))
        func = default
    if getattr(func, "__module__", None) != "spacy.lang.lex_attrs" or func.__name__ != "lower":
        raise ValueError(f"unsupported NORM getter {func!r}")
    return tables


class Tokenizer:
    """spaCy's tokenizer over rules from ``rules_from_spacy``; ``tokenize`` is the entry point."""

    def __init__(self, rules: Mapping[str, Any], *, max_cache_size: int = MAX_CACHE_SIZE) -> None:
        if rules.get("format") != FORMAT or rules.get("version") != FORMAT_VERSION:
            raise ValueError(
                f"not {FORMAT} version {FORMAT_VERSION}: "
                f"{rules.get('format')!r} {rules.get('version')!r}"
            )
        self._prefix_search: Callable[[str], re.Match[str] | None] | None = None
        self._suffix_search: Callable[[str], re.Match[str] | None] | None = None
        self._infix_finditer: Callable[[str], Iterator[re.Match[str]]] | None = None
        self._token_match: Callable[[str], re.Match[str] | None] | None = None
        self._url_match: Callable[[str], re.Match[str] | None] | None = None
        for field, method in _PATTERN_FIELDS.items():
            pattern = rules[field]
            if pattern is not None:
                setattr(self, "_" + field, getattr(re.compile(pattern), method))
        if rules["suffix_search"] is not None:
            # The same search, with only the alternatives that can end on the last character.
            self._suffix_search = suffix_searcher(rules["suffix_search"])
        self._norm_tables: tuple[dict[str, str], ...] = tuple(rules["norm_exceptions"])
        self._pinned: dict[str, tuple[_Piece, ...]] = {}

        cases = {key: [dict(sub) for sub in subs] for key, subs in rules["special_cases"].items()}
        self._special_cases = MappingProxyType(cases)
        self._specials: dict[str, tuple[_Piece, ...]] = {}
        for key, substrings in cases.items():
            if not substrings or "".join(sub["ORTH"] for sub in substrings) != key:
                raise ValueError(f"special case {key!r}: ORTHs do not spell it")
            # An empty NORM is string id 0 in spaCy, which falls back to the lexeme's NORM.
            self._specials[key] = tuple(
                (sub["ORTH"], sub.get("NORM") or self._lex_norm(sub["ORTH"])) for sub in substrings
            )

        # The special-case matcher: spaCy adds, in sorted order, the cases that contain an
        # affix or a space (all of them without ``faster_heuristics``), each as the tokens it
        # gets without special cases. Indexed by first token, as most texts have none of them.
        faster = bool(rules["faster_heuristics"])
        self._patterns: dict[str, list[list[str]]] = {}
        for key in sorted(self._specials):
            if not faster or self._has_affix(key):
                words = [piece[0] for piece in self._plain_pieces(key)]
                if words:
                    self._patterns.setdefault(words[0], []).append(words)
        # The matcher changes tokens only where a match spells a special case (see
        # ``_apply_special_cases``): inside one chunk, which the chunk's cache entry knows
        # (``_rejoins_inside``), or over several chunks, when the match's text holds
        # whitespace (between the chunks, or a whitespace token) and is longer than one
        # character. spaCy's rules have no special case like that, so most texts skip it.
        self._rejoins_across_chunks = any(
            len(key) > 1 and any(char.isspace() for char in key) for key in self._specials
        )

        # spaCy quirk: adding that last case tokenizes it without special cases and leaves
        # its chunks in the cache, where they stay (nothing flushes it after loading). Its
        # chunks are consulted right after the special cases, before any fresh tokenization.
        # Only observable when the last case (in sorted order) holds whitespace.
        if self._specials:
            last = max(self._specials)
            if not faster or self._has_affix(last):
                for _, chunk, _ in _chunks(last):
                    if chunk and chunk not in self._specials and chunk not in self._pinned:
                        self._pinned[chunk] = self._tokenize_chunk(chunk, with_specials=False)

        # A chunk of ASCII digits ("4945", "150386") that is not a special case is one token
        # when no affix pattern can take a digit, as with spaCy's rules (they split at
        # punctuation, symbols and units): numbers, many of the distinct chunks of comments,
        # then skip the affix searches (see ``_new_entry``).
        self._digits_stay_whole = all(
            rules[field] is None
            or _takes_no_ascii_digit(rules[field], nonempty=field == "infix_finditer")
            for field in ("prefix_search", "suffix_search", "infix_finditer")
        )

        # The tokens of a chunk, from the special cases, the pinned chunks, then a bounded
        # cache (like spaCy's, it stops growing when full).
        self._chunk_cache: dict[str, _Entry] = {}
        for fixed in (self._specials, self._pinned):
            for chunk, pieces in fixed.items():
                self._chunk_cache[chunk] = self._entry(pieces)
        self._cache_limit = len(self._chunk_cache) + max_cache_size

    @classmethod
    def load(cls, path: Path, **kwargs: Any) -> Tokenizer:
        """A tokenizer from a JSON file holding the dict of ``rules_from_spacy``."""
        return cls(json.loads(Path(path).read_text(encoding="utf-8")), **kwargs)

    @property
    def special_cases(self) -> Mapping[str, list[dict[str, str]]]:
        """The special cases: string -> its tokens' ``{"ORTH": ..., "NORM": ...}`` (read-only)."""
        return self._special_cases

    def tokenize(self, text: str) -> list[Token]:
        """The tokens of ``nlp.make_doc(text)``, with offsets, NORM and trailing space."""
        chunks = self._chunked(text)
        tokens = chunks.tokens()
        if chunks.rejoins:
            tokens = self._apply_special_cases(text, tokens)
        return tokens

    def tokenized(self, text: str) -> Tokenized:
        """The tokens of ``tokenize`` as the network reads them (see ``Tokenized``)."""
        chunks = self._chunked(text)
        if chunks.rejoins:
            return Tokenized.of_tokens(self._apply_special_cases(text, chunks.tokens()))
        return Tokenized.of_chunks(chunks)

    def _chunked(self, text: str) -> _Chunks:
        """Steps 1 and 2: the text's chunks, each with its tokens (from the cache)."""
        if text.isprintable() and "  " not in text and text[:1] != " ":
            # No whitespace but single spaces (all whitespace is in Unicode categories Cc or
            # Z*, which ``isprintable`` rejects except the ASCII space), so the chunks are
            # ``split(" ")`` and every one but the last has a space after.
            parts = text.split(" ")
            space_at_end = not parts[-1]
            if space_at_end:
                parts.pop()
            # A chunk starts after the one before and its space.
            positions = list(accumulate(map(add, map(len, parts), repeat(1)), initial=0))
            positions.pop()  # where a chunk after the last would start
            spaced = [True] * len(parts)
            if parts and not space_at_end:
                spaced[-1] = False
            entries = self._entries(parts)
        else:
            entries, positions, spaced = [], [], []
            for pos, chunk, space_before in _chunks(text):
                if space_before:
                    spaced[-1] = True
                if chunk:
                    entries.append(self._chunk_cache.get(chunk) or self._new_entry(chunk))
                    positions.append(pos)
                    spaced.append(False)
        rejoins = self._rejoins_across_chunks or any(map(_rejoins_of, entries))
        return _Chunks(entries, positions, spaced, rejoins)

    def _entries(self, chunks: list[str]) -> list[_Entry]:
        """The cache entries of chunks; only C code runs per chunk when all are cached."""
        found = list(map(self._chunk_cache.get, chunks))
        if None not in found:
            return cast(list[_Entry], found)
        return [entry or self._new_entry(chunk) for chunk, entry in zip(chunks, found, strict=True)]

    def _new_entry(self, chunk: str) -> _Entry:
        if self._digits_stay_whole and chunk.isdigit() and chunk.isascii():
            # What ``_tokenize_chunk`` gives (special cases and pinned chunks are in the
            # cache, so never asked here): no prefix or suffix (an affix match can take no
            # digit, so it is empty), and no infix split (an infix match is never empty).
            # Whether or not ``token_match`` / ``url_match`` match, the chunk is one token.
            pieces: tuple[_Piece, ...] = ((chunk, self._lex_norm(chunk)),)
        else:
            pieces = self._tokenize_chunk(chunk, with_specials=True)
        entry = self._entry(pieces)
        if len(self._chunk_cache) < self._cache_limit:
            self._chunk_cache[chunk] = entry
        return entry

    def _entry(self, pieces: tuple[_Piece, ...]) -> _Entry:
        orths = [orth for orth, _ in pieces]
        starts = tuple(accumulate(map(len, orths[:-1]), initial=0))
        return _new_tuple(_Entry, (pieces, starts, self._rejoins_inside(orths)))

    def _rejoins_inside(self, orths: list[str]) -> bool:
        """Whether the final matcher pass changes a chunk with these tokens by itself: a
        pattern matches a run of them whose text (the run's texts joined: a chunk has no
        whitespace between its tokens) is a special case. See ``_apply_special_cases``."""
        for i, orth in enumerate(orths):
            for words in self._patterns.get(orth, ()):
                if orths[i : i + len(words)] == words and "".join(words) in self._specials:
                    return True
        return False

    def _lex_norm(self, text: str) -> str:
        # spaCy's lexeme NORM: the first lookup table that has the string, else lower case.
        for table in self._norm_tables:
            norm = table.get(text)
            if norm is not None:
                return norm
        return text.lower()

    def _find_prefix(self, string: str) -> int:
        if self._prefix_search is None:
            return 0
        match = self._prefix_search(string)
        return match.end() - match.start() if match is not None else 0

    def _find_suffix(self, string: str) -> int:
        if self._suffix_search is None:
            return 0
        match = self._suffix_search(string)
        return match.end() - match.start() if match is not None else 0

    def _has_affix(self, key: str) -> bool:
        # spaCy's ``faster_heuristics`` test in ``add_special_case``; any infix match counts,
        # even an empty one.
        return bool(
            self._find_prefix(key)
            or (
                self._infix_finditer is not None
                and next(iter(self._infix_finditer(key)), None) is not None
            )
            or self._find_suffix(key)
            or " " in key
        )

    def _plain_pieces(self, text: str) -> list[_Piece]:
        """``_tokenize_affixes(text, False)``: all chunks, no special cases, no cache."""
        pieces: list[_Piece] = []
        for _, chunk, _ in _chunks(text):
            if chunk:
                pieces.extend(self._tokenize_chunk(chunk, with_specials=False))
        return pieces

    def _tokenize_chunk(self, string: str, *, with_specials: bool) -> tuple[_Piece, ...]:
        """spaCy's ``_split_affixes`` then ``_attach_tokens`` for one whitespace-free chunk."""
        specials: Mapping[str, tuple[_Piece, ...]] = self._specials if with_specials else {}
        token_match = self._token_match
        prefixes: list[str] = []
        suffixes: list[str] = []
        prefix = suffix = minus_pre = minus_suf = ""
        last_size = 0
        while string and len(string) != last_size:
            if token_match is not None and token_match(string):
                break
            if string in specials:
                break
            last_size = len(string)
            pre_len = self._find_prefix(string)
            if pre_len:
                prefix = string[:pre_len]
                minus_pre = string[pre_len:]
                if minus_pre and minus_pre in specials:
                    string = minus_pre
                    prefixes.append(prefix)
                    break
            suf_len = self._find_suffix(string[pre_len:])
            if suf_len:
                suffix = string[-suf_len:]
                minus_suf = string[:-suf_len]
                if minus_suf and minus_suf in specials:
                    string = minus_suf
                    suffixes.append(suffix)
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                string = string[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                string = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                string = minus_suf
                suffixes.append(suffix)

        lex_norm = self._lex_norm
        pieces = [(p, lex_norm(p)) for p in prefixes]
        if string:
            # spaCy looks in its specials, then its cache; only the pinned entries of the
            # cache can differ from tokenizing afresh (see ``__init__``).
            found = specials.get(string) or (self._pinned.get(string) if with_specials else None)
            if found:
                pieces.extend(found)
            elif (token_match is not None and token_match(string)) or (
                self._url_match is not None and self._url_match(string)
            ):
                pieces.append((string, lex_norm(string)))
            else:
                pieces.extend((word, lex_norm(word)) for word in self._split_infixes(string))
        pieces.extend((s, lex_norm(s)) for s in reversed(suffixes))
        return tuple(pieces)

    def _split_infixes(self, string: str) -> list[str]:
        matches = list(self._infix_finditer(string)) if self._infix_finditer is not None else []
        if not matches:
            return [string]
        words: list[str] = []
        start = 0
        for match in matches:
            infix_start, infix_end = match.span()
            # spaCy skips an infix at the very start of the string (it stays in the next word).
            if infix_start == 0:
                continue
            if infix_start != start:
                words.append(string[start:infix_start])
            # An empty infix splits without making a token.
            if infix_start != infix_end:
                words.append(string[infix_start:infix_end])
            start = infix_end
        if string[start:]:
            words.append(string[start:])
        return words

    def _apply_special_cases(self, text: str, tokens: list[Token]) -> list[Token]:
        """spaCy's ``_apply_special_cases``: re-join token runs that spell a special case."""
        orths = [token.text for token in tokens]
        n = len(orths)
        matches: list[tuple[int, int]] = []
        for i, orth in enumerate(orths):
            for words in self._patterns.get(orth, ()):
                end = i + len(words)
                if end <= n and orths[i:end] == words:
                    matches.append((i, end))
        if not matches:
            return tokens
        # ``_filter_special_spans``: longest first, then leftmost; a span is kept when its
        # first and last tokens are unseen, and marks its tokens seen even when dropped.
        matches.sort(key=lambda span: (span[0] - span[1], span[0]))
        seen: set[int] = set()
        kept: list[tuple[int, int]] = []
        for start, end in matches:
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        kept.sort()

        result: list[Token] = []
        i = 0
        for start, end in kept:
            result += tokens[i:start]
            i = start
            first, last = tokens[start], tokens[end - 1]
            # The span's text (with any whitespace inside) must itself be a special case.
            special = self._specials.get(text[first.start : last.end])
            if special is None:
                continue
            pos = first.start
            for orth, norm in special:
                result.append(Token(orth, pos, pos + len(orth), norm, False))
                pos += len(orth)
            result[-1] = result[-1]._replace(space_after=last.space_after)
            i = end
        result += tokens[i:]
        return result


# Categories of ``\s``, ``\D``, ``\W`` and line breaks: they hold no ASCII digit.
_NON_DIGIT_CATEGORIES = frozenset(
    {
        sre.CATEGORY_NOT_DIGIT,
        sre.CATEGORY_SPACE,
        sre.CATEGORY_NOT_WORD,
        sre.CATEGORY_LINEBREAK,
    }
)
_ASCII_DIGITS = range(ord("0"), ord("9") + 1)
_NOT_CONSUMING = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)  # lookarounds, anchors


def _takes_no_ascii_digit(pattern: str, *, nonempty: bool = False) -> bool:
    """Whether no match of ``pattern`` can consume an ASCII digit, so that in a string of
    digits every match is empty (and, with ``nonempty``, whether no match can be empty, so
    that there is none at all). Read off the parsed pattern; lookarounds consume nothing.
    Conservative: anything not understood counts as taking a digit."""
    parsed = sre_parse.parse(pattern)
    return not _may_consume_digit(parsed) and (not nonempty or parsed.getwidth()[0] > 0)


def _may_consume_digit(items: Any) -> bool:
    """Whether a parsed (sub)pattern, a sequence of (op, argument), may consume a digit."""
    for op, av in items:
        if op in _NOT_CONSUMING:
            continue
        if op is sre.LITERAL:
            found = av in _ASCII_DIGITS
        elif op is sre.IN:
            found = _set_may_hold_digit(av)
        elif op is sre.SUBPATTERN:
            found = _may_consume_digit(av[3])
        elif op is sre.BRANCH:
            found = any(_may_consume_digit(branch) for branch in av[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            found = _may_consume_digit(av[2])
        else:  # any character, a back reference, ...: may be a digit
            found = True
        if found:
            return True
    return False


def _set_may_hold_digit(items: list[tuple[Any, Any]]) -> bool:
    """Whether a character set (``[...]``, ``\\d``) may hold an ASCII digit."""
    negated = False
    listed: set[int] = set()  # the ASCII digits among the set's items
    for op, av in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            if av in _ASCII_DIGITS:
                listed.add(av)
        elif op is sre.RANGE:
            listed.update(d for d in _ASCII_DIGITS if av[0] <= d <= av[1])
        elif not (op is sre.CATEGORY and av in _NON_DIGIT_CATEGORIES):
            return True  # \d, \w, \S, ...: may hold one
    return len(listed) < len(_ASCII_DIGITS) if negated else bool(listed)


def _chunks(text: str) -> Iterator[tuple[int, str, bool]]:
    """spaCy's whitespace split: (offset, chunk, whether the previous token gets a space).

    A whitespace run after a token gives its first character to that token when it is a
    space; what is left (possibly nothing) is a chunk. A run at the start stays whole.
    """
    for match in _RUNS.finditer(text):
        pos = match.start()
        chunk = match.group()
        # Only whitespace runs can start with a space, and only at 0 is there no token before.
        if pos and chunk[0] == " ":
            yield pos + 1, chunk[1:], True
        else:
            yield pos, chunk, False
