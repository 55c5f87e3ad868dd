"""somevakt vs Presidio on the benchmark corpus's distinct texts only.

The corpus repeats texts (templates): anything that does a repeated text's work once looks
better on it than on a stream of distinct comments. This runs both sides, each in a fresh
process (so every per-word cache starts cold, as in ``benchmarks.run``), on the distinct
texts in order of first appearance, and prints comments per CPU-second and the ratio.

    .venv/bin/python -m benchmarks.distinct_ratio [--comments 20000] [--presidio-python PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate

ROOT = Path(__file__).resolve().parents[1]
# As benchmarks.run: one BLAS thread, so CPU time is one core's (the children inherit it).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
_BATCH = 256  # the CLI's batch size, as benchmarks.run measures


def distinct_texts(n: int) -> list[str]:
    return list(dict.fromkeys(c.text for c in generate(n)))


def somevakt_rate(path: Path) -> float:
    """Comments per CPU-second of one cold pass, in a child process."""
    code = (
        "import json, sys, time\n"
        "from somevakt.processing import CommentProcessor\n"
        "p = CommentProcessor(); p.warm_up(); a = p.analyzer\n"
        f"texts = [json.loads(l)['text'] for l in open({str(path)!r}, encoding='utf-8')]\n"
        "t = time.process_time()\n"
        f"for i in range(0, len(texts), {_BATCH}):\n"
        f"    chunk = texts[i : i + {_BATCH}]\n"
        "    for an in a.analyze_many(chunk, [None] * len(chunk)):\n"
        "        an.to_dict()\n"
        "print(len(texts) / (time.process_time() - t))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(run.stdout.strip().splitlines()[-1])


def presidio_rate(python: Path, path: Path, out: Path) -> float:
    subprocess.run(
        [str(python), "-m", "benchmarks.presidio_side", "--input", str(path), "--output", str(out)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    data = json.loads(out.read_text())
    return float(data["n"] / data["cpu_seconds"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--comments", type=int, default=20_000)
    ap.add_argument("--presidio-python", type=Path, default=ROOT / ".venv-bench/bin/python")
    args = ap.parse_args(argv)
    texts = distinct_texts(args.comments)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "distinct.jsonl"
        path.write_text(
            "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts),
            encoding="utf-8",
        )
        t0 = time.strftime("%H:%M UTC", time.gmtime())
        ours = somevakt_rate(path)
        if not args.presidio_python.exists():
            print(f"{len(texts):,} distinct texts: somevakt {ours:,.0f} comments per CPU-second")
            print(f"({args.presidio_python} missing: see benchmarks/README.md for .venv-bench)")
            return 0
        theirs = presidio_rate(args.presidio_python, path, Path(tmp) / "presidio.json")
    print(
        f"{len(texts):,} distinct texts of {args.comments:,} ({t0}): somevakt {ours:,.0f}, "
        f"Presidio {theirs:,.0f} comments per CPU-second: {ours / theirs:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
