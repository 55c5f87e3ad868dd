"""Person-name detection measured on NorNE-format files (``somevakt eval names``).

A NorNE ``.bio.tsv`` file has one token per line (token TAB IOB2 tag) and a blank line between
sentences. Each sentence is detokenised into plain text (no space before closing punctuation)
and passed through the same PERSON detection the analyzer uses (``PersonNameRecognizer``: the
model and the social-media rules). Findings are mapped back to tokens by character offsets and
compared with the gold PER spans:

* entity level: a predicted name counts only if its token span equals a gold PER span exactly;
* token level: tokens inside predicted names against tokens inside gold PER spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.types import PERSON

Sentence = tuple[list[str], list[str]]  # tokens, IOB2 tags

_NO_SPACE_BEFORE = frozenset(",.:;!?)]}»%”’")
_NO_SPACE_AFTER = frozenset("([{«“")


def read_bio(path: Path) -> Iterator[Sentence]:
    """Sentences of a NorNE-format file: token TAB IOB2 tag, blank line between sentences."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            if "\t" in line:  # token TAB tag (extra columns: the tag is the last one)
                cols = line.split("\t")
                word, tag = cols[0], cols[-1] if len(cols) > 1 else "O"
            else:  # tolerate "token tag" separated by spaces
                parts = line.rsplit(None, 1)
                word, tag = (parts[0], parts[1]) if len(parts) == 2 else (parts[0], "O")
            if word == "-DOCSTART-":  # CoNLL document marker, not a token
                continue
            words.append(word)
            tags.append(tag.strip() or "O")
    if words:
        yield words, tags


def iob_spans(tags: Sequence[str], label: str | None = None) -> list[tuple[int, int, str]]:
    """Token spans [start, end) with their labels; an I- without a B- opens a span."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    current = ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        # IOBES / BILOU: a single or begin tag opens a span, the others continue it.
        kind = {"S": "B", "U": "B", "E": "I", "L": "I"}.get(kind, kind)
        if start is not None and not (kind == "I" and lab == current):
            spans.append((start, i, current))
            start = None
        if kind == "B" or (kind == "I" and start is None):
            start, current = i, lab
    if label is not None:
        spans = [s for s in spans if s[2] == label]
    return spans


def detokenise(words: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Plain text for a token list, and each token's [start, end) character offsets."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for i, w in enumerate(words):
        if i > 0 and not (w[:1] in _NO_SPACE_BEFORE or words[i - 1][-1:] in _NO_SPACE_AFTER):
            parts.append(" ")
            pos += 1
        parts.append(w)
        offsets.append((pos, pos + len(w)))
        pos += len(w)
    return "".join(parts), offsets


def char_span_to_tokens(
    offsets: Sequence[tuple[int, int]], start: int, end: int
) -> tuple[tuple[int, int] | None, set[int]]:
    """The exact token span a character span covers (None if it cuts a token) and the
    indexes of every token it overlaps."""
    overlapped = {i for i, (s, e) in enumerate(offsets) if s < end and start < e}
    if not overlapped:
        return None, overlapped
    lo, hi = min(overlapped), max(overlapped)
    exact = offsets[lo][0] == start and offsets[hi][1] == end
    return ((lo, hi + 1) if exact else None), overlapped


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class NameScores:
    source: str
    sentences: int = 0
    entity: Counts = field(default_factory=Counts)
    token: Counts = field(default_factory=Counts)

    def add(self, other: NameScores) -> None:
        self.sentences += other.sentences
        self.entity.add(other.entity)
        self.token.add(other.token)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "sentences": self.sentences,
            "entity": self.entity.to_dict(),
            "token": self.token.to_dict(),
        }


def score_sentence(
    words: Sequence[str], tags: Sequence[str], predicted: Iterable[tuple[int, int]]
) -> tuple[Counts, Counts]:
    """Entity- and token-level counts for one sentence, given predicted character spans."""
    _, offsets = detokenise(words)
    gold = {(s, e) for s, e, _ in iob_spans(tags, "PER")}
    gold_tokens = {i for s, e in gold for i in range(s, e)}
    pred: set[tuple[int, int]] = set()
    pred_cut = 0
    pred_tokens: set[int] = set()
    for start, end in predicted:
        exact, overlapped = char_span_to_tokens(offsets, start, end)
        pred_tokens |= overlapped
        if exact is None:
            pred_cut += 1
        else:
            pred.add(exact)
    ent = Counts(tp=len(pred & gold), fp=len(pred - gold) + pred_cut, fn=len(gold - pred))
    tok = Counts(
        tp=len(pred_tokens & gold_tokens),
        fp=len(pred_tokens - gold_tokens),
        fn=len(gold_tokens - pred_tokens),
    )
    return ent, tok


def evaluate_file(path: Path, recognizer: Any | None = None, batch_size: int = 512) -> NameScores:
    """Score PERSON detection on one NorNE-format file."""
    if recognizer is None:
        from somevakt.analysis.recognizers.person_name import PersonNameRecognizer

        recognizer = PersonNameRecognizer()
    scores = NameScores(source=str(path))
    batch: list[Sentence] = []

    def flush() -> None:
        ctxs = [TextContext(text=detokenise(w)[0]) for w, _ in batch]
        if hasattr(recognizer, "find_many"):
            results = recognizer.find_many(ctxs)
        else:
            results = [recognizer.find(c) for c in ctxs]
        for (words, tags), findings in zip(batch, results, strict=True):
            spans = [(f.start, f.end) for f in findings if f.type == PERSON]
            ent, tok = score_sentence(words, tags, spans)
            scores.entity.add(ent)
            scores.token.add(tok)
            scores.sentences += 1
        batch.clear()

    for sentence in read_bio(path):
        batch.append(sentence)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return scores


def evaluate_files(paths: Sequence[Path], recognizer: Any | None = None) -> list[NameScores]:
    """Scores per file, followed by the total when there is more than one file."""
    if recognizer is None:
        from somevakt.analysis.recognizers.person_name import PersonNameRecognizer

        recognizer = PersonNameRecognizer()
    results = [evaluate_file(p, recognizer) for p in paths]
    if len(results) > 1:
        total = NameScores(source="total")
        for r in results:
            total.add(r)
        results.append(total)
    return results
