"""Turn one input record into one output record: the shared step of analyze and its workers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from somevakt.analysis.classify import TriageClassifier
from somevakt.analysis.engine import Analyzer
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

    def process(self, rec: InputRecord) -> dict[str, Any]:
        analysis = self.analyzer.analyze(rec.text, rec.lang)
        out: dict[str, Any] = {"id": rec.id}
        out.update(analysis.to_dict())
        result = self.classifier.classify(rec.text, analysis, rec.context)
        rule = self.policy.categories[result.category]  # type: ignore[index]
        out["category"] = result.category
        out["action"] = rule.action
        out["clause"] = self.policy.clause_ref(rule.clause)
        out["confidence"] = round(result.confidence, 3)
        out["evidence"] = [e.to_dict() for e in result.evidence]
        # The policy's immediate protective action: sensitive data comes down before review.
        out["hide_now"] = (
            result.category == "sensitive" and self.policy.settings.hide_sensitive_immediately
        )
        out["reply"] = self.drafter.draft(rule.action, rec.text, analysis.lang)
        return out


def process_or_error(processor: CommentProcessor, item: InputRecord | InputError) -> dict[str, Any]:
    if isinstance(item, InputError):
        return item.to_dict()
    try:
        return processor.process(item)
    except Exception as exc:  # one failing comment must not stop the batch
        # The message names the exception type only: it must not echo comment text.
        return {"id": item.id, "line": item.line, "error": f"analysis failed: {type(exc).__name__}"}


# Per-process state for --workers N.
_worker_processor: CommentProcessor | None = None


def _init_worker(policy_path: str | None = None) -> None:
    global _worker_processor
    _worker_processor = CommentProcessor(policy_path=policy_path)


def _work(item: InputRecord | InputError) -> dict[str, Any]:
    assert _worker_processor is not None
    return process_or_error(_worker_processor, item)
