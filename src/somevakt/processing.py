"""Turn one input record into one output record: the shared step of analyze and its workers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from somevakt.analysis.classify import Classification, TriageClassifier
from somevakt.analysis.engine import Analyzer
from somevakt.analysis.types import Analysis
from somevakt.guideline import Policy, load_policy
from somevakt.jsonl import InputError, InputRecord
from somevakt.replies import ReplyDrafter


class CommentProcessor:
    """Analyses and triages comments by a policy (Birkenes by default).

    Built once per process; the policy, the models and the templates load in the constructor.
    """

    def __init__(self, policy: Policy | None = None, policy_path: str | Path | None = None) -> None:
        self.policy = policy if policy is not None else load_policy(policy_path)
        self.analyzer = Analyzer(exempt_accounts=self.policy.exempt_account_numbers)
        self.classifier = TriageClassifier(precedence=self.policy.precedence)
        self.drafter = ReplyDrafter(self.policy)
        # Per category, what its output record takes from the policy: (action, clause
        # reference, hide now); looked up once here rather than per record.
        self._rules: dict[str, tuple[str, dict[str, str] | None, bool]] = {
            category: (
                rule.action,
                self.policy.clause_ref(rule.clause),
                category == "sensitive" and self.policy.settings.hide_sensitive_immediately,
            )
            for category, rule in self.policy.categories.items()
        }

    def warm_up(self) -> None:
        """Load what loads on first use (the name model, caches): before forking workers,
        so that they share it instead of each loading their own."""
        texts = ["Hilsen Kari Nordmann", "Sønnen min har diabetes, ring 912 34 567."]
        self.process_many([InputRecord(i, None, t, None, None, {}) for i, t in enumerate(texts)])

    def process(self, rec: InputRecord) -> dict[str, Any]:
        return self._record(rec, self.analyzer.analyze(rec.text, rec.lang))

    def process_many(self, recs: Sequence[InputRecord]) -> list[dict[str, Any]]:
        """Like ``process`` on each, but the analysis sees the texts as one batch, which
        lets the person-name model run them through its network together (and the triage
        model score them together)."""
        analyses = self.analyzer.analyze_many([r.text for r in recs], [r.lang for r in recs])
        return self._records(recs, analyses)

    def _record(self, rec: InputRecord, analysis: Analysis) -> dict[str, Any]:
        return self._records([rec], [analysis])[0]

    def _records(
        self, recs: Sequence[InputRecord], analyses: Sequence[Analysis]
    ) -> list[dict[str, Any]]:
        """The output record of each input record and its analysis."""
        results = self.classifier.classify_many(
            [r.text for r in recs],
            analyses,
            [r.context for r in recs],
            [a.folded for a in analyses],
        )
        return [self._output(r, a, c) for r, a, c in zip(recs, analyses, results, strict=True)]

    def _output(
        self, rec: InputRecord, analysis: Analysis, result: Classification
    ) -> dict[str, Any]:
        action, clause, hide_now = self._rules[result.category]
        return {
            "id": rec.id,
            **analysis.to_dict(),
            "category": result.category,
            "action": action,
            "clause": dict(clause) if clause is not None else None,  # (a record's own copy)
            "confidence": round(result.confidence, 3),
            "evidence": [e.to_dict() for e in result.evidence],
            # The policy's immediate protective action: sensitive data comes down before
            # review.
            "hide_now": hide_now,
            "reply": self.drafter.draft(action, rec.text, analysis.lang, folded=analysis.folded),
        }


def process_or_error(processor: CommentProcessor, item: InputRecord | InputError) -> dict[str, Any]:
    if isinstance(item, InputError):
        return item.to_dict()
    try:
        return processor.process(item)
    except Exception as exc:  # one failing comment must not stop the batch
        # The message names the exception type only: it must not echo comment text.
        return {"id": item.id, "line": item.line, "error": f"analysis failed: {type(exc).__name__}"}


def process_batch(
    processor: CommentProcessor, items: Sequence[InputRecord | InputError]
) -> list[dict[str, Any]]:
    """Process a batch in input order; error records stay in their places."""
    records = [i for i in items if isinstance(i, InputRecord)]
    try:
        done = iter(processor.process_many(records))
    except Exception:
        # Something in the batch failed: redo it one by one so only that comment errs.
        return [process_or_error(processor, i) for i in items]
    return [i.to_dict() if isinstance(i, InputError) else next(done) for i in items]


def encode_batch(
    processor: CommentProcessor, items: Sequence[InputRecord | InputError]
) -> list[tuple[str, bool]]:
    """``process_batch`` with each record encoded as a JSON line: (line, is an error)."""
    dumps = json.dumps
    return [
        (dumps(rec, ensure_ascii=False) + "\n", "error" in rec)
        for rec in process_batch(processor, items)
    ]


# Per-process state for --workers N: set in the parent before the pool forks, so every
# worker starts with the models already loaded (and shares their memory).
_worker_processor: CommentProcessor | None = None


def set_worker_processor(processor: CommentProcessor) -> None:
    global _worker_processor
    _worker_processor = processor


def work_batch(items: Sequence[InputRecord | InputError]) -> list[dict[str, Any]]:
    assert _worker_processor is not None
    return process_batch(_worker_processor, items)


def work_batch_encoded(items: Sequence[InputRecord | InputError]) -> list[tuple[str, bool]]:
    assert _worker_processor is not None
    return encode_batch(_worker_processor, items)
