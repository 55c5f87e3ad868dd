"""Triage: put a comment in one of the rubric's ten categories (docs/triage-rubric).

Three sources of evidence, combined by the rubric's precedence:

1. the analysis findings: any sensitive finding (identity number, health, child welfare,
   NAV, criminal matter, special category tied to a person) makes the comment
   ``sensitive``;
2. hard rule signals (triage_signals): a slur after undoing filter tricks ("i d i o t",
   "1d10t") or an explicit threat makes it ``discrimination``;
3. the trained linear model (triage_model) over character and word n-grams plus the soft
   rule signals, which proposes the most probable category.

Every category proposed by any source is a candidate; the one highest in the precedence
list wins. Without a trained model (no artefact), soft rule signals stand in for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from somevakt.analysis.normalize import Folded, fold
from somevakt.analysis.triage_model import (
    DEFAULT_MODEL_DIR,
    LinearTriageModel,
    ScoredBatch,
    side_features,
)
from somevakt.analysis.triage_signals import Signal, find_signals_many
from somevakt.analysis.types import IDENTIFIER_TYPES, TOPIC_TYPES, Analysis

CATEGORIES = (
    "sensitive",
    "discrimination",
    "rumor",
    "individual_case",
    "political",
    "budget_org",
    "factual_error",
    "question",
    "feedback",
    "other",
)
# Categories whose action removes the comment (delete / hide_and_escalate).
REMOVAL_CATEGORIES = frozenset({"sensitive", "discrimination", "rumor"})
# The model alone may remove a comment only above this probability; otherwise a finding
# (for sensitive) or a rule signal (discrimination, rumor) must back it. The trained
# artefact stores its own value (chosen by cross-validation, meta "removal_min").
UNSUPPORTED_REMOVAL_MIN = 0.75
# A removal category that a rule signal or finding backs is proposed when the model gives
# it at least this probability, even if another category scores higher (precedence then
# decides). The artefact stores its own value (meta "supported_min"); 1.0 turns it off.
SUPPORTED_REMOVAL_MIN = 1.0

_WORD_RE = re.compile(r"\w+", re.UNICODE)
# Texts the model scores at once: bounded memory, most of numpy's per-call cost shared.
_MODEL_BATCH = 256
# Soft signals too weak to propose a category without the model.
_WEAK_SIGNALS = frozenset({"hostile_phrase", "slur_soft"})
_evidence_start = attrgetter("start")  # (a sort key: without a lambda's Python call each)


@dataclass(slots=True)
class Evidence:
    """What decided (or supported) a category; start/end index the original text."""

    kind: str  # "finding" | "signal" | "model"
    start: int
    end: int
    text: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        # Field order, as dataclasses.asdict gave it (without its deep copies).
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "note": self.note,
        }


@dataclass(slots=True)
class Classification:
    category: str
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "confidence": round(self.confidence, 3),
            "evidence": [e.to_dict() for e in self.evidence],
            "scores": {k: round(v, 3) for k, v in self.scores.items()},
        }


class TriageClassifier:
    """Loads the model once; ``classify`` is cheap and thread-safe (its only mutable state is
    the model's bounded per-word caches and lookup tables built on first use, whose entries
    never change once written). ``classify_many`` gives the same results for a batch."""

    def __init__(
        self,
        precedence: Sequence[str] = CATEGORIES,
        model_path: Path | None = None,
        *,
        model: LinearTriageModel | None = None,
        removal_min: float | None = None,
        supported_min: float | None = None,
    ) -> None:
        order = tuple(precedence)
        if sorted(order) != sorted(CATEGORIES):
            missing = sorted(set(CATEGORIES) - set(order))
            unknown = sorted(set(order) - set(CATEGORIES))
            raise ValueError(
                "precedence must list each of the ten categories once"
                + (f"; missing {missing}" if missing else "")
                + (f"; unknown {unknown}" if unknown else "")
            )
        self.precedence = order
        self._rank = {c: i for i, c in enumerate(order)}
        directory = model_path if model_path is not None else DEFAULT_MODEL_DIR
        self.model: LinearTriageModel | None = model
        if self.model is not None:
            pass
        elif (directory / "vocab.json").is_file():
            self.model = LinearTriageModel.load(directory)
        elif model_path is not None:
            raise FileNotFoundError(f"no triage model in {model_path} (vocab.json missing)")
        stored = self.model.meta.get("removal_min") if self.model is not None else None
        self.removal_min = float(
            removal_min
            if removal_min is not None
            else stored
            if isinstance(stored, (int, float))
            else UNSUPPORTED_REMOVAL_MIN
        )
        stored = self.model.meta.get("supported_min") if self.model is not None else None
        self.supported_min = float(
            supported_min
            if supported_min is not None
            else stored
            if isinstance(stored, (int, float))
            else SUPPORTED_REMOVAL_MIN
        )

    def classify(
        self,
        text: str,
        analysis: Analysis,
        context: str | None = None,
        *,
        folded: Folded | None = None,
    ) -> Classification:
        """``folded``: ``fold(text)`` if the caller already has it (the analysis folds too)."""
        return self.classify_many([text], [analysis], [context], [folded])[0]

    def classify_many(
        self,
        texts: Sequence[str],
        analyses: Sequence[Analysis],
        contexts: Sequence[str | None] | None = None,
        folded: Sequence[Folded | None] | None = None,
    ) -> list[Classification]:
        """``classify`` of each text, with the same results; the model scores the texts in
        batches (numpy's cost per call, not the arithmetic, dominates one short text).

        Every text is worked out on its own, repeats included: a cache keyed on the whole
        text would make the benchmark's corpus, whose templates repeat, look cheaper than
        real comments (benchmarks/README.md)."""
        n = len(texts)
        ctxs = contexts if contexts is not None else [None] * n
        folds = [
            f if f is not None else fold(t)
            for t, f in zip(texts, folded if folded is not None else [None] * n, strict=True)
        ]
        signals = find_signals_many(texts, folds)
        model = self.model
        if model is None:
            return [self._classify_by_rules(a, s) for a, s in zip(analyses, signals, strict=True)]
        out: list[Classification] = []
        for lo in range(0, n, _MODEL_BATCH):
            batch = range(lo, min(n, lo + _MODEL_BATCH))
            sides = [side_features(texts[i], signals[i], ctxs[i], folds[i].text) for i in batch]
            scored = model.score_folded_many([folds[i].text for i in batch], sides)
            by_model: list[tuple[int, int]] = []  # (text, row) whose winner the model proposed
            for row, i in enumerate(batch):
                result, proposed = self._classify_scored(analyses[i], signals[i], scored.probs[row])
                out.append(result)
                if proposed:
                    by_model.append((i, row))
            self._add_proposal_evidence(by_model, texts, folds, signals, scored, out)
        return out

    def _classify_scored(
        self, analysis: Analysis, signals: list[Signal], probs: list[float]
    ) -> tuple[Classification, bool]:
        """The decision for a text the model scored (``probs``: one probability per class of
        the model, in its order), and whether the model proposed the winner (its evidence,
        the model's words, is then still to be added: ``_add_proposal_evidence``, for a
        batch at once)."""
        assert self.model is not None
        classes = self.model.classes
        candidates = _rule_candidates(analysis, signals)
        scores = dict(zip(classes, probs, strict=False))  # (the model gives every class one)
        # The first most probable class: what max() over ``scores`` gives, without calling
        # a key function per class.
        best = classes[probs.index(max(probs))]
        if (
            best in REMOVAL_CATEGORIES
            and best not in candidates
            and scores[best] < self.removal_min
            and not _supported(best, analysis, signals)
        ):
            # A removal the model alone proposes, with no finding or rule behind it:
            # lawful speech stays up unless the model is very sure.
            best = max((c for c in scores if c not in REMOVAL_CATEGORIES), key=scores.__getitem__)
        # What the model proposes beyond the rule candidates.
        by_model = [] if best in candidates else [best]
        for c in ("discrimination", "rumor"):
            if (
                scores[c] >= self.supported_min
                and c != best
                and c not in candidates
                and _supported(c, analysis, signals)
            ):
                # A rule signal backs it and the model does not rule it out.
                by_model.append(c)
        result = self._decide(candidates, scores, by_model)
        return result, result.category in by_model

    def _add_proposal_evidence(
        self,
        by_model: list[tuple[int, int]],
        texts: Sequence[str],
        folds: Sequence[Folded],
        signals: Sequence[list[Signal]],
        scored: ScoredBatch,
        out: list[Classification],
    ) -> None:
        """Why the model proposed the category of each (text, row) of ``by_model``: its top
        words, then the soft signals for it. Only the winner's evidence is output: the
        model's words (the costly part of the decision) are looked up for it alone, for the
        whole batch at once."""
        assert self.model is not None
        classes = self.model.classes
        tops = scored.top_words_many([(row, classes.index(out[i].category)) for i, row in by_model])
        for (i, _), top in zip(by_model, tops, strict=True):
            result = out[i]
            category = result.category
            ev = self._model_evidence(texts[i], folds[i], top, category)
            ev += [_signal_evidence(s) for s in signals[i] if s.category == category and not s.hard]
            result.evidence = ev

    def _classify_by_rules(self, analysis: Analysis, signals: list[Signal]) -> Classification:
        """Without a trained model: soft rule signals stand in for it."""
        candidates = _rule_candidates(analysis, signals)
        scores = {c: 0.0 for c in CATEGORIES}
        for s in signals:
            if s.name in _WEAK_SIGNALS:
                continue
            if not s.hard and s.category not in candidates:
                candidates[s.category] = (0.6, [])
            if not s.hard and s.category in candidates:
                conf, ev = candidates[s.category]
                candidates[s.category] = (conf, [*ev, _signal_evidence(s)])
        for c, (conf, _) in candidates.items():
            scores[c] = conf
        if not candidates:
            candidates["other"] = (0.5, [])
            scores["other"] = 0.5
        return self._decide(candidates, scores)

    def _decide(
        self,
        candidates: dict[str, tuple[float, list[Evidence]]],
        scores: dict[str, float],
        proposals: Sequence[str] = (),
    ) -> Classification:
        """The candidate highest in the precedence list wins: one of the rule ``candidates``
        (with its confidence and evidence), or one of the categories the model proposes
        beyond them (``proposals``: its score is its confidence; its evidence, the model's
        words, is added later). A rule candidate's confidence raises its score."""
        for c, (conf, _) in candidates.items():
            scores[c] = max(scores.get(c, 0.0), conf)
        named = [*candidates, *proposals]
        # (One candidate, as most texts have, needs no ranking: min() with a key function
        # costs more than all the rest of the choice.)
        category = named[0] if len(named) == 1 else min(named, key=self._rank.__getitem__)
        confidence, evidence = (
            candidates[category] if category in candidates else (scores[category], [])
        )
        return Classification(category, min(1.0, float(confidence)), evidence, scores)

    def _model_evidence(
        self, text: str, folded: Folded, top: list[tuple[float, str]], category: str
    ) -> list[Evidence]:
        """The (at most 3) words that pushed the model most towards ``category``, as spans.

        ``top``: the words with the largest positive contributions to ``category`` as
        (weight, word), largest first, ties by the word: never by the order of a set or a
        cache, which must not decide the output.
        """
        out: list[Evidence] = []
        # Folding that kept every character in place (most texts) maps no span.
        in_place = folded.offsets is None
        for weight, word in top:
            if len(out) == 3:
                break
            m = _word_pattern(word).search(folded.text)
            if m is None:
                continue
            s, e = m.span() if in_place else folded.span(*m.span())
            out.append(
                Evidence("model", s, e, text[s:e], f"model weight {weight:.2f} for {category}")
            )
        out.sort(key=_evidence_start)
        return out


def _rule_candidates(
    analysis: Analysis, signals: list[Signal]
) -> dict[str, tuple[float, list[Evidence]]]:
    """Categories the findings and the hard rule signals decide on their own."""
    candidates: dict[str, tuple[float, list[Evidence]]] = {}
    sensitive = analysis.sensitive_findings
    if sensitive:
        ev = [
            Evidence("finding", f.start, f.end, f.text, f"{f.type} (sensitive finding)")
            for f in sensitive
        ]
        candidates["sensitive"] = (max(f.score for f in sensitive), ev)
    for s in signals:
        if s.hard:
            conf, ev = candidates.get(s.category, (0.0, []))
            candidates[s.category] = (max(conf, 0.95), [*ev, _signal_evidence(s)])
    return candidates


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    """A model word (digits mapped to "0") as a whole word of the folded text: the matches
    of ``(?<!\\w)word(?!\\w)``.

    The check that no word character comes before is a lookbehind *after* the word (over
    the character before it and the word's own characters, which "." matches: a word holds
    no newline), so the pattern begins with the word's literal characters and the regex
    engine searches for them directly instead of trying the lookbehind at every position.
    """
    body = re.escape(word).replace("0", r"\d")
    return re.compile(body + rf"(?<!\w.{{{len(word)}}})(?!\w)")


def _supported(category: str, analysis: Analysis, signals: list[Signal]) -> bool:
    """Whether a finding or a rule signal backs a removal category the model proposes."""
    if category == "sensitive":
        return any(f.type in TOPIC_TYPES or f.type in IDENTIFIER_TYPES for f in analysis.findings)
    return any(s.category == category for s in signals)


def _signal_evidence(s: Signal) -> Evidence:
    return Evidence("signal", s.start, s.end, s.text, s.note)
