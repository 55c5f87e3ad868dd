"""Adversarial input: long texts of digits, spaces, dots and repeated words.

``python -m benchmarks.adversarial SHAPE --sizes 1,2,4`` builds one text of each size (in
millions of characters; all shapes are ASCII apart from a few letters, so about as many
MB) and runs it through the Analyzer in-process, timing each recognizer and the engine's own
work (language detection, overlap resolution, linking) separately. It prints one JSON line
per step as it goes, so that the parent (benchmarks.run), which enforces a time limit, can
tell which recognizer was still running when a text hung.

The CLI refuses texts over 100,000 characters (somevakt.jsonl.MAX_TEXT_CHARS); these texts
go straight to the Analyzer to show how each regular expression scales.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from typing import Any

MILLION = 1_000_000


def _repeat(unit: str, n: int) -> str:
    """``unit`` repeated to about ``n`` characters. Units of words are not cut inside a
    word: a cut-off last word ("komm") is an unknown word, which in lower-case text sends the
    whole text through the name model at some sizes and not at others, and the fit of time
    against size would measure that switch instead of growth."""
    text = (unit * (n // len(unit) + 1))[:n]
    if " " in unit and not text.endswith(" "):
        text = text[: text.rfind(" ") + 1]
    return text


def _random(alphabet: str, seed: int) -> Callable[[int], str]:
    def make(n: int) -> str:
        rng = random.Random(seed)
        return "".join(rng.choices(alphabet, k=n))

    return make


def _fnr_shaped(n: int) -> str:
    # 6 digits, separator, 5 digits, over and over: the identity-number shape, bad checksums
    rng = random.Random(7)
    parts: list[str] = []
    size = 0
    while size < n:
        p = f"{rng.randint(0, 999999):06d}{rng.choice(' .-')}{rng.randint(0, 99999):05d} "
        parts.append(p)
        size += len(p)
    return "".join(parts)[:n]


SHAPES: dict[str, Callable[[int], str]] = {
    # one unbroken run of digits
    "digits": lambda n: _repeat("0123456789", n),
    # random digits, spaces and dots
    "digits_spaces_dots": _random("0123456789 .", 1),
    # dotted account shape, unbroken: 1234.56.78903.1234.56...
    "dotted_groups": lambda n: _repeat("1234.56.78903.", n),
    # fødselsnummer shape with failing checksums, separated by space/dot/dash
    "fnr_shaped": _fnr_shaped,
    # digits separated by single spaces: phone-number parsers love these
    "spaced_digits": lambda n: _repeat("9 1 2 3 4 5 6 7 ", n),
    # +47 prefixes and groups
    "phone_shaped": lambda n: _repeat("+47 912 34 567 ", n),
    # a valid fødselsnummer again and again: as many findings as possible
    "valid_fnr_repeated": lambda n: _repeat("03045551244 ", n),
    # e-mail-ish without an end: a.a.a.a... and @@@
    "email_like": lambda n: _repeat("a.b-c_d.", n // 2) + _repeat("x@", n - n // 2),
    # one word repeated
    "repeated_word": lambda n: _repeat("kommunen ", n),
    # a health word tied to a person, over and over (lexicons, linking)
    "repeated_phrase": lambda n: _repeat("sønnen min har diabetes og går på NAV. ", n),
    # names, over and over (the name model and its rules)
    "repeated_names": lambda n: _repeat("Kari Nordmann og @ola.hansen ", n),
    # one enormous word, no spaces
    "long_word": lambda n: _repeat("a", n),
}


# The default run: digits, spaces and dots, the number shapes, repeated words and names.
DEFAULT_SHAPES = [
    "digits", "digits_spaces_dots", "fnr_shaped", "phone_shaped", "valid_fnr_repeated",
    "repeated_word", "repeated_phrase", "repeated_names",
]


class _Timed:
    """Wraps a recognizer; records the time of each call and reports before it starts."""

    def __init__(self, inner: Any, emit: Callable[[dict[str, Any]], None]) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", type(inner).__name__)
        self.emit = emit
        self.seconds = 0.0
        self.error: str | None = None
        self.found = 0

    def find(self, ctx: Any) -> list[Any]:
        self.emit({"event": "start", "recognizer": self.name})
        t0 = time.perf_counter()
        try:
            found = list(self.inner.find(ctx))
        except Exception as exc:  # a recognizer failing on huge text is a finding too
            self.error = f"{type(exc).__name__}: {str(exc)[:120]}"
            found = []
        self.seconds += time.perf_counter() - t0
        self.found = len(found)
        return found


def _patch_engine(emit: Callable[[dict[str, Any]], None]) -> dict[str, float]:
    """Time the engine's own steps (whatever of them exist) by wrapping them in place."""
    from somevakt.analysis import engine

    spent: dict[str, float] = {}
    for name in ("detect_language", "resolve_overlaps", "link_sensitive"):
        inner = getattr(engine, name, None)
        if inner is None:
            continue

        def timed(*a: Any, _inner: Any = inner, _name: str = name, **k: Any) -> Any:
            emit({"event": "start", "recognizer": f"engine.{_name}"})
            t0 = time.perf_counter()
            try:
                return _inner(*a, **k)
            finally:
                spent[_name] = spent.get(_name, 0.0) + time.perf_counter() - t0

        setattr(engine, name, timed)
        spent[name] = 0.0
    return spent


def run_shape(shape: str, sizes: list[float], budget: float) -> None:
    """Run the sizes in order; skip the rest once the time spent passes ``budget``."""
    from somevakt.analysis.engine import Analyzer

    def emit(obj: dict[str, Any]) -> None:
        print(json.dumps(obj), flush=True)

    analyzer = Analyzer()
    base = list(analyzer.recognizers)
    analyzer.analyze("Varm opp: 03045551244, Kari Nordmann sa at sønnen min har diabetes.")
    spent = _patch_engine(emit)
    used = 0.0
    for mb in sizes:
        if used > budget:
            emit({"event": "skipped", "shape": shape, "mb": mb, "after_s": used})
            continue
        text = SHAPES[shape](int(mb * MILLION))

        def emit_here(o: dict[str, Any], mb: float = mb) -> None:
            emit({**o, "shape": shape, "mb": mb})

        timed = [_Timed(r, emit_here) for r in base]
        analyzer.recognizers = list(timed)
        for k in spent:
            spent[k] = 0.0
        emit({"event": "size", "shape": shape, "mb": mb})
        t0 = time.perf_counter()
        error = None
        n_findings = 0
        try:
            n_findings = len(analyzer.analyze(text).findings)
        except Exception as exc:
            error = f"{type(exc).__name__}: {str(exc)[:120]}"
        total = time.perf_counter() - t0
        used += total
        recognizer_s = sum(t.seconds for t in timed)
        emit(
            {
                "event": "done",
                "shape": shape,
                "mb": mb,
                "chars": len(text),
                "seconds": total,
                "engine_seconds": max(0.0, total - recognizer_s),
                "engine_steps": dict(spent),
                "findings": n_findings,
                "error": error,
                "recognizers": {
                    t.name: {"seconds": t.seconds, "found": t.found, "error": t.error}
                    for t in timed
                },
            }
        )
    analyzer.recognizers = base


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("shape", choices=sorted(SHAPES))
    ap.add_argument("--sizes", default="1,2,4", help="millions of characters, comma-separated")
    ap.add_argument("--budget", type=float, default=1e9,
                    help="seconds; the sizes after this much time are skipped")
    args = ap.parse_args(argv)
    run_shape(args.shape, [float(s) for s in args.sizes.split(",")], args.budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())
