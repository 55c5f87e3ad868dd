"""The Presidio side of the comparison; runs in the venv that has presidio-analyzer.

presidio-analyzer pins preshed<3.0.14, which would downgrade the project's spaCy stack,
so it lives in a separate venv (.venv-bench, see benchmarks/README.md) and benchmarks.run
starts this module there as a subprocess on the same input file.

Set-up, as fair to Presidio as we can make it:
- the NLP engine is a SpacyNlpEngine holding ``spacy.blank("nb")`` (tokenizer only; no
  model is downloaded or loaded);
- each of somevakt's recognizers (as configured by ``Analyzer()``) is registered as one
  Presidio ``EntityRecognizer`` whose ``analyze()`` calls it, so both sides run the same
  Norwegian detectors; the recognizers of one text share one ``TextContext`` (its folded
  form is computed once, as in somevakt);
- Presidio's own pipeline does the rest: NLP artefacts, context enhancement, score
  filtering and de-duplication.

Writes a JSON object: seconds and cpu_seconds (analysis of all texts, after one warm-up
text), n, and per
text the list of [type, start, end].
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any


def build_engine() -> Any:
    import spacy
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
    from presidio_analyzer import RecognizerResult as PresidioResult
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from somevakt.analysis import types as sv_types
    from somevakt.analysis.engine import Analyzer
    from somevakt.analysis.language import detect_language
    from somevakt.analysis.recognizers import TextContext

    all_types = sorted(
        v for k, v in vars(sv_types).items() if k.isupper() and isinstance(v, str)
    )

    class BlankNorwegianNlpEngine(SpacyNlpEngine):  # type: ignore[misc]
        """spaCy's blank Norwegian pipeline: tokens only, nothing to download."""

        def __init__(self) -> None:
            super().__init__(models=[{"lang_code": "nb", "model_name": "blank:nb"}])

        def load(self) -> None:
            self.nlp = {"nb": spacy.blank("nb")}

    shared: dict[str, Any] = {"text": None, "ctx": None}

    def context_for(text: str) -> Any:
        if shared["text"] is not text:
            shared["text"] = text
            shared["ctx"] = TextContext(text=text, lang=detect_language(text))
        return shared["ctx"]

    class SomevaktRecognizer(EntityRecognizer):  # type: ignore[misc]
        """One somevakt recognizer as a Presidio recognizer."""

        def __init__(self, inner: Any) -> None:
            self.inner = inner
            super().__init__(
                supported_entities=all_types,
                name=f"somevakt_{inner.name}",
                supported_language="nb",
            )

        def load(self) -> None:
            pass

        def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[Any]:
            return [
                PresidioResult(f.type, f.start, f.end, f.score)
                for f in self.inner.find(context_for(text))
            ]

    registry = RecognizerRegistry(supported_languages=["nb"])
    for rec in Analyzer().recognizers:
        registry.add_recognizer(SomevaktRecognizer(rec))
    nlp_engine = BlankNorwegianNlpEngine()
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["nb"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    args = ap.parse_args(argv)

    import logging

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    import presidio_analyzer

    t0 = time.perf_counter()
    engine = build_engine()
    load_s = time.perf_counter() - t0
    with open(args.input, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    engine.analyze(text="Varm opp 03045551244", language="nb")
    t0 = time.perf_counter()
    c0 = time.process_time()
    results = []
    for text in texts:
        found = engine.analyze(text=text, language="nb")
        results.append([[r.entity_type, r.start, r.end] for r in found])
    seconds = time.perf_counter() - t0
    cpu_seconds = time.process_time() - c0
    out = {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "load_seconds": load_s,
        "n": len(texts),
        "presidio_version": getattr(presidio_analyzer, "__version__", "?"),
        "recognizers": [r.name for r in engine.registry.recognizers],
        "results": results,
    }
    with open(args.output, "w", encoding="utf-8") as fh:
        json.dump(out, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
