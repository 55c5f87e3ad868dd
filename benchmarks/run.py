"""Run somevakt's benchmarks and print the figures (issue 2's "Measured, in a benchmark").

    .venv/bin/python -m benchmarks.run                 # the full run (a few minutes)
    .venv/bin/python -m benchmarks.run --comments 2000 --adversarial-sizes 0.1,0.2,0.4
    .venv/bin/python -m benchmarks.run --json          # one JSON document on stdout

Sections (each can be skipped, see --help):
  corpus       N synthetic, labelled Norwegian comments (benchmarks.corpus), fixed seed
  throughput   `somevakt analyze FILE --workers 1|2` as a subprocess, comments/s end to end
  in-process   Analyzer alone vs the whole CommentProcessor (analysis + triage) per comment
  cold start   `somevakt analyze --text ...`, median wall time; peak RSS of each child
  adversarial  1/2/4 million characters of digits, spaces, dots, repeated words
  presidio     presidio-analyzer (blank nb pipeline, somevakt's recognizers wrapped) on
               the same file, in .venv-bench; throughput and recall side by side
  eval names   `somevakt eval names` on NorNE dev (nob + nno), PER P/R/F1

Progress goes to stderr; the table (or --json) to stdout. No figure here is a test.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# As the somevakt command does (somevakt/cli.py), for the in-process figures and for the
# Presidio child, which inherits it: one BLAS thread per process.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from benchmarks.corpus import Comment, generate, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
NORNE_DEV = [
    Path("/work/shared/data/norne/nob/dev.bio.tsv"),
    Path("/work/shared/data/norne/nno/dev.bio.tsv"),
]
GNU_TIME = Path("/usr/bin/time")
COLD_TEXT = "Sønnen min har diabetes, fødselsnummeret hans er 03045551244. Ring 912 34 567."
# A text that needs the person-name model: it loads spaCy on first use, which costs the most.
COLD_TEXT_NAME = "Naboen min, Kari Nordmann, har diabetes."
GOALS = {
    "throughput": 1000.0,  # comments/s, 2 workers on a 2-core machine
    "cold_start_s": 1.0,
    "peak_rss_mb": 300.0,
    "triage_overhead": 0.30,
    "presidio_ratio": 3.0,
    "per_f1": 0.85,
}


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def somevakt_cmd() -> list[str]:
    script = Path(sys.executable).parent / "somevakt"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "somevakt.cli"]


# --------------------------------------------------------------------------- processes


@dataclass
class ChildRun:
    seconds: float
    returncode: int
    cpu_s: float  # user + system CPU of the child and the descendants it waited for
    max_rss_mb: float  # max RSS of the child or any descendant it waited for (wait4)
    tree_rss_mb: float  # sampled peak of the summed RSS of the child and its descendants
    stderr: str


def _proc_table() -> dict[int, tuple[int, int]]:
    """pid -> (ppid, rss in pages), read from /proc."""
    table: dict[int, tuple[int, int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().decode("ascii", "replace")
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        table[int(entry)] = (int(fields[1]), int(fields[21]))
    return table


def _tree_rss(root: int) -> int:
    table = _proc_table()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += table.get(pid, (0, 0))[1]
        stack.extend(children.get(pid, []))
    return total * os.sysconf("SC_PAGE_SIZE")


def run_child(cmd: list[str], stdout_path: Path | None = None, timeout: float = 600.0) -> ChildRun:
    """Run cmd; wall time, exit status and memory from wait4 and a /proc sampler.

    The peak RSS that wait4 reports for a child of this process is at least this process's
    own RSS when it forked (Linux carries the high-water mark of the forked copy across
    exec), which after the in-process section is the size of a loaded analyzer. So where
    GNU time exists the child is started by it, a small process, and its figure is used.
    """
    fd, rss_path = tempfile.mkstemp(prefix="bench-rss-")
    os.close(fd)
    if GNU_TIME.exists():
        cmd = [str(GNU_TIME), "-f", "%M", "-o", rss_path, *cmd]
    with (
        tempfile.TemporaryFile() as err,
        stdout_path.open("wb") if stdout_path else open(os.devnull, "wb") as out,
    ):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        peak = [0]
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.05):
                with contextlib.suppress(Exception):  # a process vanished mid-read
                    peak[0] = max(peak[0], _tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.perf_counter() - t0
        stop.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    max_rss_kb = float(usage.ru_maxrss)
    with contextlib.suppress(OSError, ValueError):
        lines = Path(rss_path).read_text().split()
        if GNU_TIME.exists() and lines:
            max_rss_kb = float(lines[-1])  # KB, of the command (GNU time's child)
    Path(rss_path).unlink(missing_ok=True)
    return ChildRun(
        seconds,
        proc.returncode,
        usage.ru_utime + usage.ru_stime,
        max_rss_kb / 1024,
        peak[0] / 2**20,
        stderr[-2000:],
    )


# --------------------------------------------------------------------------- recall


def score(comments: list[Comment], predicted: list[list[tuple[str, int, int]]]) -> dict[str, Any]:
    """Recall per gold type (a gold span counts as found when a prediction of the same type
    overlaps it), and precision over all predictions (against the labelled slots only)."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    tp_pred = n_pred = 0
    for c, preds in zip(comments, predicted, strict=True):
        for gtype, gs, ge in c.gold:
            total[gtype] += 1
            if any(p[0] == gtype and p[1] < ge and gs < p[2] for p in preds):
                found[gtype] += 1
        for ptype, ps, pe in preds:
            n_pred += 1
            if any(g[0] == ptype and ps < g[2] and g[1] < pe for g in c.gold):
                tp_pred += 1
    emitted = {p[0] for preds in predicted for p in preds}
    covered = [t for t in total if t in emitted]
    return {
        "recall": sum(found.values()) / max(1, sum(total.values())),
        "recall_emitted_types": sum(found[t] for t in covered)
        / max(1, sum(total[t] for t in covered)),
        "precision": tp_pred / max(1, n_pred),
        "per_type": {t: {"gold": total[t], "found": found[t]} for t in sorted(total)},
        "predictions": n_pred,
    }


def _findings_of(rec: dict[str, Any]) -> list[tuple[str, int, int]]:
    return [(f["type"], f["start"], f["end"]) for f in rec.get("findings", [])]


# --------------------------------------------------------------------------- sections


def bench_throughput(
    input_path: Path, n: int, workers: list[int], out_dir: Path
) -> tuple[dict[str, Any], list[dict[str, Any]] | None]:
    res: dict[str, Any] = {}
    records: list[dict[str, Any]] | None = None
    for w in workers:
        out = out_dir / f"out-w{w}.jsonl"
        log(f"throughput: somevakt analyze --workers {w} on {n} comments")
        run = run_child(
            [*somevakt_cmd(), "analyze", str(input_path), "--workers", str(w), "-o", str(out)],
            timeout=1800,
        )
        lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
        recs = [json.loads(line) for line in lines]
        errors = sum(1 for r in recs if "error" in r)
        res[f"workers_{w}"] = {
            "seconds": run.seconds,
            "comments_per_s": n / run.seconds,
            "cpu_s": run.cpu_s,
            "comments_per_cpu_s": n / run.cpu_s if run.cpu_s else None,
            "returncode": run.returncode,
            "records": len(recs),
            "errors": errors,
            "max_rss_mb": run.max_rss_mb,
            "tree_rss_mb": run.tree_rss_mb,
            "stderr": run.stderr[-300:] if run.returncode else "",
        }
        if w == 1 and len(recs) == n:
            records = recs
    return res, records


def _batch_size() -> int:
    try:
        from somevakt.commands import analyze as analyze_cmd

        return int(getattr(analyze_cmd, "BATCH_SIZE", 64))
    except Exception:
        return 64


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


_PASSES = 4  # best of this many alternating passes for the triage sample


def bench_inprocess(comments: list[Comment], triage_sample: int) -> dict[str, Any]:
    """CPU time per comment (time.process_time, so other load on the machine matters less).

    somevakt is measured the way `somevakt analyze` runs it: in batches of the CLI's batch
    size through ``Analyzer.analyze_many`` / ``CommentProcessor.process_many`` when they
    exist (the name model then sees a batch at once), else one comment at a time.
    1. the Analyzer alone over every comment (this is what is compared with Presidio);
    2. on the first ``triage_sample`` comments, the Analyzer alone vs the whole processor
       (analysis + triage + reply) vs triage alone on analyses made beforehand, alternating,
       best of ``_PASSES`` passes each;
    3. on the same sample, the Analyzer one comment at a time (what batching gains)."""
    from somevakt import processing
    from somevakt.jsonl import InputRecord

    t0 = time.perf_counter()
    processor = processing.CommentProcessor()
    load_s = time.perf_counter() - t0
    analyzer = getattr(processor, "analyzer", None)
    if analyzer is None:
        from somevakt.analysis.engine import Analyzer

        analyzer = Analyzer()
    recs = [InputRecord(i + 1, c.id, c.text, None, None, {}) for i, c in enumerate(comments)]
    sample = processor.process(recs[0])
    triage_wired = "category" in sample
    size = _batch_size()
    many = hasattr(analyzer, "analyze_many")
    pmany = hasattr(processor, "process_many")

    def analysis_only(items: list[Any], keep: list[Any] | None = None) -> float:
        t = time.process_time()
        if many:
            for chunk in _chunks(items, size):
                for an in analyzer.analyze_many([r.text for r in chunk], [r.lang for r in chunk]):
                    an.to_dict()
                    if keep is not None:
                        keep.append([(f.type, f.start, f.end) for f in an.findings])
        else:
            for r in items:
                an = analyzer.analyze(r.text, r.lang)
                an.to_dict()
                if keep is not None:
                    keep.append([(f.type, f.start, f.end) for f in an.findings])
        return time.process_time() - t

    def one_at_a_time(items: list[Any]) -> float:
        t = time.process_time()
        for r in items:
            analyzer.analyze(r.text, r.lang).to_dict()
        return time.process_time() - t

    def full(items: list[Any]) -> float:
        t = time.process_time()
        if pmany:
            for chunk in _chunks(items, size):
                processor.process_many(chunk)
        else:
            for r in items:
                processor.process(r)
        return time.process_time() - t

    warm = recs[:size]  # warm up every path
    analysis_only(warm)
    full(warm)
    one_at_a_time(warm)
    n = len(recs)
    predictions: list[Any] = []
    all_s = analysis_only(recs, predictions)
    part = recs[: max(1, triage_sample)]
    # Triage alone, on analyses made beforehand: the same work as full() minus
    # analysis_only(), measured directly rather than as a difference of two noisy totals.
    records = getattr(processor, "_records", None)
    ready = []
    if records is not None and many:
        for chunk in _chunks(part, size):
            ready.append(
                (chunk, analyzer.analyze_many([r.text for r in chunk], [r.lang for r in chunk]))
            )

    def triage_alone() -> float:
        t = time.process_time()
        for chunk, analyses in ready:
            records(chunk, analyses)
        return time.process_time() - t

    a_s, f_s, t_s = [], [], []
    # The harness's own data (the 20,000 predictions kept for scoring, the ready analyses)
    # would otherwise be traversed by every full garbage collection, and charged to whichever
    # pass allocates enough to trigger one: mostly the whole processor's, which builds a
    # record per comment. With the collector off, that pass cost 289 µs instead of 315–327
    # here; `somevakt analyze` holds one batch at a time. Frozen, those objects are skipped,
    # while each pass's own garbage is still collected as usual.
    gc.collect()
    gc.freeze()
    try:
        for _ in range(_PASSES):  # alternating, so drifting load hits every path alike
            a_s.append(analysis_only(part))
            f_s.append(full(part))
            if ready:
                t_s.append(triage_alone())
    finally:
        gc.unfreeze()
    single = one_at_a_time(part)
    a, f = min(a_s), min(f_s)
    m = len(part)
    out: dict[str, Any] = {
        "comments": n,
        "batched": many,
        "batch_size": size if many else 1,
        "processor_load_s": load_s,
        "analysis_us_per_comment": all_s / n * 1e6,
        "analysis_comments_per_cpu_s": n / all_s,
        "triage_sample": m,
        "sample_analysis_us_per_comment": a / m * 1e6,
        "sample_single_us_per_comment": single / m * 1e6,
        "triage_wired": triage_wired,
        "breakdown_us_per_comment": _breakdown(analyzer, processor, part[:2000]),
        "score": score(comments, predictions),
    }
    if triage_wired:
        out["full_us_per_comment"] = f / m * 1e6
        out["full_comments_per_cpu_s"] = m / f
        out["triage_overhead_difference"] = f / a - 1
        if t_s:
            out["triage_alone_us_per_comment"] = min(t_s) / m * 1e6
            out["triage_overhead_direct"] = min(t_s) / a
        # Judged on the larger of the two estimates.
        out["triage_overhead"] = max(f / a - 1, out.get("triage_overhead_direct", -1.0))
    else:
        out["note"] = "CommentProcessor output has no 'category': triage not wired yet"
    return out


def _breakdown(analyzer: Any, processor: Any, recs: list[Any]) -> dict[str, float]:
    """Microseconds per comment spent in each recognizer, the rest of the engine, and the
    triage classifier (when the processor has one), from one more pass, one comment at a
    time (so the name model is not batched here)."""
    from benchmarks.adversarial import _Timed

    base = list(analyzer.recognizers)
    timed = [_Timed(r, lambda _o: None) for r in base]
    analyzer.recognizers = timed
    total = 0.0
    analyses = []
    try:
        for r in recs:
            t = time.perf_counter()
            analyses.append(analyzer.analyze(r.text, r.lang))
            total += time.perf_counter() - t
            # (wall clock here, as the recognizer wrappers use it: a share, not a rate)
    finally:
        analyzer.recognizers = base
    n = len(recs)
    out = {f"recognizer {t.name}": t.seconds / n * 1e6 for t in timed}
    out["engine (language, overlaps, linking)"] = (total - sum(t.seconds for t in timed)) / n * 1e6
    classifier = getattr(processor, "classifier", None)
    if classifier is not None and hasattr(classifier, "classify"):
        t = time.perf_counter()
        for r, an in zip(recs, analyses, strict=True):
            classifier.classify(r.text, an, r.context)
        out["triage classifier.classify"] = (time.perf_counter() - t) / n * 1e6
    return out


def bench_cold_start(runs: int) -> dict[str, Any]:
    """Cold start on a text without a name candidate and on one that needs the name model;
    the top-level figures are those of the slower text (the one the goal is judged on)."""
    texts: dict[str, dict[str, Any]] = {}
    for label, text in (("no name", COLD_TEXT), ("with a name", COLD_TEXT_NAME)):
        cmd = [*somevakt_cmd(), "analyze", "--text", text]
        log(f"cold start ({label}): {runs} runs of somevakt analyze --text ...")
        results = [run_child(cmd, timeout=120) for _ in range(runs)]
        times = [r.seconds for r in results]
        texts[label] = {
            "median_s": statistics.median(times),
            "min_s": min(times),
            "max_s": max(times),
            "max_rss_mb": max(r.max_rss_mb for r in results),
            "returncodes": sorted({r.returncode for r in results}),
        }
    worst = max(texts.values(), key=lambda v: v["median_s"])
    return {
        "runs": runs,
        **worst,
        "max_rss_mb": max(v["max_rss_mb"] for v in texts.values()),
        "texts": texts,
    }


def _run_adversarial(
    shape: str, sizes: list[float], budget: float, hard_limit: float
) -> list[dict[str, Any]]:
    """One child per shape; sizes after ``budget`` seconds are skipped by the child, and the
    child is killed after ``hard_limit`` seconds (a hang)."""
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.adversarial",
        shape,
        "--sizes",
        ",".join(f"{s:g}" for s in sizes),
        "--budget",
        str(budget),
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, text=True
    )
    events: list[dict[str, Any]] = []
    timer = threading.Timer(hard_limit, proc.kill)
    timer.start()
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            events.append(json.loads(line))
    finally:
        timer.cancel()
        proc.wait()
    runs = [e for e in events if e["event"] in ("done", "skipped")]
    seen = {r["mb"] for r in runs}
    for mb in sizes:
        if mb in seen:
            continue
        started = [e for e in events if e.get("mb") == mb]
        if started:  # it began this size and never finished: what was running?
            last = next((e for e in reversed(started) if e["event"] == "start"), None)
            where = last["recognizer"] if last else "?"
            runs.append(
                {
                    "event": "timeout",
                    "shape": shape,
                    "mb": mb,
                    "seconds": None,
                    "running": where,
                    "limit_s": hard_limit,
                }
            )
        else:
            runs.append({"event": "skipped", "shape": shape, "mb": mb})
    runs.sort(key=lambda r: r["mb"])
    return runs


def bench_adversarial(
    sizes: list[float], budget: float, hard_limit: float, shapes: list[str]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for shape in shapes:
        log(f"adversarial: {shape} at {sizes} million characters")
        runs = _run_adversarial(shape, sizes, budget, hard_limit)
        entry: dict[str, Any] = {"runs": runs}
        if sum(1 for r in runs if r["event"] == "done") < len(sizes):
            small = [s / 50 for s in sizes]
            log(f"adversarial: {shape} did not finish every size; probing at {small}")
            entry["probe"] = _run_adversarial(shape, small, budget, hard_limit)
        out[shape] = entry
        _judge(entry)
    return out


def _components(run: dict[str, Any]) -> dict[str, float | None]:
    """Seconds per recognizer and engine step; None where a recognizer raised (its time,
    and the total's, is then not comparable across sizes)."""
    parts: dict[str, float | None] = {
        f"recognizer {k}": None if v.get("error") else v["seconds"]
        for k, v in run["recognizers"].items()
    }
    steps = run.get("engine_steps") or {}
    parts.update({f"engine {k}": v for k, v in steps.items()})
    failed = any(v.get("error") for v in run["recognizers"].values()) or run.get("error")
    parts["total"] = None if failed else run["seconds"]
    return parts


def _judge(entry: dict[str, Any]) -> None:
    """Linear means time grows like size. Over every size that finished (the main run and
    the small probe together), take the growth exponent k in t ~ size^k between the largest
    size and the largest one at most half as big where a component takes measurable time
    (>= 10 ms). A component
    whose largest time is over 0.5 s and whose k is over 1.5 is super-linear (a quadratic
    loop gives about 2; linear about 1; fixed costs pull k below 1)."""
    done = sorted(
        (r for rs in (entry["runs"], entry.get("probe") or []) for r in rs if r["event"] == "done"),
        key=lambda r: r["mb"],
    )
    hung = [
        r for rs in (entry["runs"], entry.get("probe") or []) for r in rs if r["event"] == "timeout"
    ]
    culprits: list[str] = []
    entry["exponent"] = entry["time_ratio"] = None
    main_done = [r for r in entry["runs"] if r["event"] == "done"]
    if len(main_done) >= 2:
        entry["time_ratio"] = main_done[-1]["seconds"] / main_done[0]["seconds"]
    comps = [(r["mb"], _components(r)) for r in done]
    names = list(comps[-1][1]) if comps else []
    for name in names:
        pts = [(mb, t) for mb, c in comps if (t := c.get(name)) is not None and t >= 0.01]
        # the largest size against the largest one at most half as big: the growth where
        # it matters (at small sizes fixed costs dominate and flatten the curve)
        if len(pts) < 2 or pts[-1][1] < 0.5:
            continue
        smaller = [pt for pt in pts[:-1] if pt[0] <= pts[-1][0] / 1.9]
        if not smaller:
            continue
        pts = [smaller[-1], pts[-1]]
        k = math.log(pts[-1][1] / pts[0][1]) / math.log(pts[-1][0] / pts[0][0])
        if name == "total":
            entry["exponent"] = k
        if k > 1.5 and name != "total":
            growth = ", ".join(f"{mb:g}M {t:.2f}s" for mb, t in pts)
            culprits.append(f"{name}: t ~ size^{k:.1f} ({growth})")
    if hung:
        h = hung[0]
        verdict = f"HUNG: killed after {h['limit_s']:.0f} s at {h['mb']:g}M in {h['running']}"
        if culprits:
            verdict += "; SUPER-LINEAR"
    elif culprits:
        verdict = "SUPER-LINEAR"
    elif len(done) >= 2:
        verdict = "linear"
    else:
        verdict = "unknown (fewer than two sizes finished)"
    errors = sorted(
        {f"{n}: {v['error']}" for r in done for n, v in r["recognizers"].items() if v.get("error")}
    )
    entry["verdict"] = verdict
    entry["culprits"] = culprits
    entry["errors"] = errors


def bench_presidio(
    python: Path, input_path: Path, comments: list[Comment], out_dir: Path
) -> dict[str, Any]:
    out = out_dir / "presidio.json"
    log(f"presidio: {python} -m benchmarks.presidio_side on {len(comments)} comments")
    run = run_child(
        [
            str(python),
            "-m",
            "benchmarks.presidio_side",
            "--input",
            str(input_path),
            "--output",
            str(out),
        ],
        timeout=3600,
    )
    if run.returncode != 0 or not out.exists():
        return {"error": f"exit {run.returncode}: {run.stderr[-500:]}"}
    data = json.loads(out.read_text())
    preds = [[(t, s, e) for t, s, e in r] for r in data["results"]]
    return {
        "comments_per_s": data["n"] / data["cpu_seconds"],
        "wall_comments_per_s": data["n"] / data["seconds"],
        "seconds": data["seconds"],
        "cpu_seconds": data["cpu_seconds"],
        "load_seconds": data["load_seconds"],
        "version": _presidio_version(python),
        "recognizers": data["recognizers"],
        "max_rss_mb": run.max_rss_mb,
        "score": score(comments, preds),
    }


def _presidio_version(python: Path) -> str:
    try:
        return subprocess.run(
            [
                str(python),
                "-c",
                "import importlib.metadata as m; print(m.version('presidio-analyzer'))",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout.strip()
    except Exception:
        return "?"


def bench_eval_names(files: list[Path]) -> dict[str, Any]:
    help_run = subprocess.run(
        [*somevakt_cmd(), "eval", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    if "names" not in help_run.stdout:
        return {"skipped": "`somevakt eval names` does not exist yet"}
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        return {"skipped": f"missing {missing}"}
    log("eval names: somevakt eval names --json on NorNE dev")
    t0 = time.perf_counter()
    cmd = [*somevakt_cmd(), "eval", "names", "--json", *map(str, files)]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=1800)
    seconds = time.perf_counter() - t0
    if run.returncode != 0:
        return {"error": f"exit {run.returncode}: {run.stderr[-500:]}", "command": cmd}
    try:
        data = json.loads(run.stdout)
    except json.JSONDecodeError:
        return {"error": "output is not JSON", "output": run.stdout[-1000:]}
    return {"seconds": seconds, "per": _find_prf(data), "raw": data}


def _find_prf(data: Any) -> dict[str, Any]:
    """Find precision/recall/F1 figures in eval names' JSON, whatever its exact shape:
    the first dict (depth first) holding precision, recall and f1, per file and overall."""
    found: dict[str, Any] = {}

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            keys = {k.lower(): k for k in node}
            if {"precision", "recall", "f1"} <= keys.keys():
                found[path or "all"] = {k: node[keys[k]] for k in ("precision", "recall", "f1")}
                return
            for k, v in node.items():
                walk(v, f"{path}.{k}" if path else str(k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                label = str(i)
                if isinstance(v, dict):
                    label = str(v.get("source") or v.get("file") or v.get("name") or i)
                    label = "/".join(Path(label).parts[-3:-1]) if "/" in label else label
                walk(v, f"{path}.{label}" if path else label)

    walk(data, "")
    return found


# --------------------------------------------------------------------------- report


def _adv_cells(runs: list[dict[str, Any]]) -> str:
    cells = []
    for run in runs:
        if run["event"] == "timeout":
            cells.append(f"{'>' + format(run['limit_s'], '.0f'):>9}")
        elif run["event"] == "skipped":
            cells.append(f"{'skipped':>9}")
        else:
            cells.append(f"{run['seconds']:9.3f}")
    return "".join(cells)


def _f(x: Any, fmt: str = "{:,.0f}") -> str:
    return "-" if x is None else fmt.format(x)


def _goal(ok: bool | None) -> str:
    return "" if ok is None else ("  [goal met]" if ok else "  [GOAL MISSED]")


def print_report(r: dict[str, Any]) -> None:
    p = print
    p("")
    p(
        f"somevakt benchmarks  ({r['comments']:,} comments, seed {r['seed']}, "
        f"{os.cpu_count()} CPUs, {r['started']})"
    )
    la = r.get("load_average")
    if la:
        p(
            f"load average at start {la[0]:.1f} (at end {r.get('load_average_end', la)[0]:.1f}) "
            "on this shared machine: wall-clock figures are only as good as that"
        )
    p("=" * 78)
    c = r["corpus"]
    p(
        f"corpus: {c['comments']:,} comments, {c['chars']:,} characters "
        f"(mean {c['mean_chars']:.0f}, max {c['max_chars']:,}), {c['gold_spans']:,} gold spans, "
        f"{c['distinct_texts']:,} distinct texts"
    )
    p("  kinds: " + ", ".join(f"{k} {v}" for k, v in c["kinds"].items()))

    if "throughput" in r:
        p("\nthroughput end to end: somevakt analyze FILE --workers N (a subprocess)")
        p(
            f"  {'workers':>7}  {'seconds':>8}  {'comments/s':>10}  {'CPU s':>7}  "
            f"{'per CPU-s':>9}  {'max RSS MB':>10}  {'tree RSS MB':>11}  exit"
        )
        for key, v in r["throughput"].items():
            w = key.split("_")[1]
            ok = v["comments_per_s"] >= GOALS["throughput"] if w == "2" else None
            p(
                f"  {w:>7}  {v['seconds']:8.2f}  {v['comments_per_s']:10,.0f}  {v['cpu_s']:7.1f}  "
                f"{_f(v['comments_per_cpu_s']):>9}  {v['max_rss_mb']:10.0f}  "
                f"{v['tree_rss_mb']:11.0f}  {v['returncode']}{_goal(ok)}"
            )
            if v["records"] != r["comments"] or v["errors"]:
                p(f"           records {v['records']}, error records {v['errors']} {v['stderr']}")
    if "cli_score" in r:
        cs = r["cli_score"]
        p(
            f"  recall of the --workers 1 output: {cs['recall']:.3f}, precision {cs['precision']:.3f}"
        )
    if "inprocess" in r:
        v = r["inprocess"]
        how = f"in batches of {v['batch_size']}" if v["batched"] else "one at a time"
        p(f"\nin-process, CPU time per comment (time.process_time), {how}")
        p(
            f"  analysis only, all {v['comments']:,} comments: {v['analysis_us_per_comment']:8.0f} us"
            f"  ({v['analysis_comments_per_cpu_s']:,.0f} comments per CPU-second)"
        )
        p(f"  on the first {v['triage_sample']:,}, best of {_PASSES} alternating passes:")
        p(
            f"    analysis only (Analyzer):                  {v['sample_analysis_us_per_comment']:8.0f} us"
        )
        if v["triage_wired"]:
            p(
                f"    analysis + triage + reply (CommentProcessor): {v['full_us_per_comment']:5.0f} us"
            )
            if "triage_alone_us_per_comment" in v:
                p(
                    f"    triage + reply alone, on analyses made before: "
                    f"{v['triage_alone_us_per_comment']:5.0f} us"
                )
                p(
                    f"  triage overhead: {v['triage_overhead_difference']:+.1%} (difference of the "
                    f"totals), {v['triage_overhead_direct']:+.1%} (triage alone); the larger counts"
                )
            p(
                f"  triage overhead: {v['triage_overhead']:+.0%} of the analysis time "
                f"(goal <= +{GOALS['triage_overhead']:.0%})"
                f"{_goal(v['triage_overhead'] <= GOALS['triage_overhead'])}"
            )
        else:
            p(f"  {v['note']}")
        if v["batched"]:
            p(
                f"  analysis one comment at a time (no batching): "
                f"{v['sample_single_us_per_comment']:5.0f} us"
            )
        p(f"  processor load time: {v['processor_load_s']:.2f} s")
        p("  where the time goes, one comment at a time (us per comment, wall clock):")
        for k, us in sorted(v["breakdown_us_per_comment"].items(), key=lambda kv: -kv[1]):
            p(f"    {k:<40}{us:8.0f}")
    if "cold_start" in r:
        v = r["cold_start"]
        p(f'\ncold start: somevakt analyze --text "..." ({v["runs"]} runs per text)')
        for label, t in v.get("texts", {}).items():
            p(
                f"  {label:<12} median {t['median_s']:.3f} s (min {t['min_s']:.3f}, max {t['max_s']:.3f})"
            )
        p(
            f"  slower text  median {v['median_s']:.3f} s{_goal(v['median_s'] < GOALS['cold_start_s'])}"
        )
    mem = [("cold start", r.get("cold_start", {}).get("max_rss_mb"))]
    for key, v in r.get("throughput", {}).items():
        mem.append((f"analyze --{key.replace('_', ' ')}", v["max_rss_mb"]))
    mem = [(k, m) for k, m in mem if m is not None]
    if mem:
        peak = max(m for _, m in mem)
        p(
            f"\npeak memory (max RSS of one process, wait4): {peak:.0f} MB"
            f"{_goal(peak < GOALS['peak_rss_mb'])}"
        )
        p("  " + "; ".join(f"{k}: {m:.0f} MB" for k, m in mem))
    if "adversarial" in r:
        p(
            "\nadversarial input, in-process Analyzer, one text per size (seconds; skipped = "
            "over the time budget)"
        )
        sizes = r["adversarial_sizes"]
        head = "".join(f"{s:>8g}M" for s in sizes)
        p(f"  {'shape':<20}{head}  {'ratio':>6}  {'k':>4}  verdict   (t ~ size^k)")
        for shape, e in r["adversarial"].items():
            p(
                f"  {shape:<20}{_adv_cells(e['runs'])}  {_f(e.get('time_ratio'), '{:6.1f}'):>6}"
                f"  {_f(e.get('exponent'), '{:4.1f}'):>4}  {e['verdict']}"
            )
            if "probe" in e:
                p(
                    f"      probe{'':<13}{_adv_cells(e['probe'])}   at "
                    + ", ".join(f"{x['mb']:g}M" for x in e["probe"])
                )
            for cul in e["culprits"]:
                p(f"      culprit: {cul}")
            for err in e["errors"]:
                p(f"      error: {err}")
    if "presidio" in r:
        v = r["presidio"]
        p("\nsomevakt vs Presidio, same input, in-process analysis, comments per CPU-second")
        if "error" in v or "skipped" in v:
            p(f"  presidio: {v.get('error') or v.get('skipped')}")
        else:
            sv = r.get("somevakt_score")
            sv_rate = r.get("inprocess", {}).get("analysis_comments_per_cpu_s")
            ratio = sv_rate / v["comments_per_s"] if sv_rate else None
            p(
                f"  presidio-analyzer {v['version']}, spacy.blank('nb'), "
                f"{len(v['recognizers'])} wrapped somevakt recognizers"
            )
            p(f"  {'':<10}{'comments/s':>11}{'recall':>9}{'recall*':>9}{'precision':>10}")
            if sv:
                p(
                    f"  {'somevakt':<10}{_f(sv_rate):>11}{sv['recall']:9.3f}"
                    f"{sv['recall_emitted_types']:9.3f}{sv['precision']:10.3f}"
                )
            ps = v["score"]
            p(
                f"  {'presidio':<10}{v['comments_per_s']:11,.0f}{ps['recall']:9.3f}"
                f"{ps['recall_emitted_types']:9.3f}{ps['precision']:10.3f}"
            )
            if ratio is not None and sv:
                ok = ratio >= GOALS["presidio_ratio"] and sv["recall"] >= ps["recall"]
                p(
                    f"  ratio somevakt/presidio: {ratio:.2f}x (goal >= 3x at equal or better "
                    f"recall){_goal(ok)}"
                )
            p("  recall* = over the gold types the side emits at all")
    if "somevakt_score" in r:
        sv = r["somevakt_score"]
        ps = r.get("presidio", {}).get("score")
        p("\nrecall per gold type (labelled synthetic corpus; found = same type, overlapping)")
        p(f"  {'type':<18}{'gold':>7}{'somevakt':>10}" + (f"{'presidio':>10}" if ps else ""))
        for t, g in sv["per_type"].items():
            line = f"  {t:<18}{g['gold']:>7}{g['found'] / max(1, g['gold']):10.3f}"
            if ps:
                pg = ps["per_type"][t]
                line += f"{pg['found'] / max(1, pg['gold']):10.3f}"
            p(line)
    if "eval_names" in r:
        v = r["eval_names"]
        p("\nsomevakt eval names on NorNE dev (nob + nno)")
        if v.get("per"):
            for k, prf in v["per"].items():
                f1 = prf.get("f1")
                ok = f1 >= GOALS["per_f1"] if isinstance(f1, (int, float)) else None
                p(
                    f"  {k:<32} P {_f(prf.get('precision'), '{:.3f}')}  "
                    f"R {_f(prf.get('recall'), '{:.3f}')}  F1 {_f(f1, '{:.3f}')}"
                    f"{_goal(ok) if k in ('all', 'total.entity', 'entity') else ''}"
                )
            p(f"  ({v['seconds']:.1f} s)")
        else:
            p(f"  {v.get('skipped') or v.get('error') or 'no figures found'}")
    _print_summary(r)
    p(f"\ntotal benchmark time {r['total_s']:.0f} s")


def _print_summary(r: dict[str, Any]) -> None:
    """One line per figure the issue asks for, with its goal: the lines to copy."""
    rows: list[tuple[str, str, bool | None]] = []
    for key, v in r.get("throughput", {}).items():
        w = key.split("_")[1]
        rows.append(
            (
                f"throughput, --workers {w}",
                f"{v['comments_per_s']:,.0f} comments/s",
                v["comments_per_s"] >= GOALS["throughput"] if w == "2" else None,
            )
        )
    v = r.get("inprocess", {})
    if "triage_overhead" in v:
        rows.append(
            (
                "triage overhead (larger estimate)",
                f"{v['triage_overhead']:+.1%} of the analysis time",
                v["triage_overhead"] <= GOALS["triage_overhead"],
            )
        )
    if "cold_start" in r:
        v = r["cold_start"]
        rows.append(
            (
                "cold start, slower text",
                f"{v['median_s']:.2f} s",
                v["median_s"] < GOALS["cold_start_s"],
            )
        )
    mems = [v["max_rss_mb"] for v in r.get("throughput", {}).values()]
    if "cold_start" in r:
        mems.append(r["cold_start"]["max_rss_mb"])
    if mems:
        rows.append(
            ("peak memory (one process)", f"{max(mems):.0f} MB", max(mems) < GOALS["peak_rss_mb"])
        )
    if "adversarial" in r:
        bad = [k for k, e in r["adversarial"].items() if e["verdict"] != "linear"]
        rows.append(
            ("adversarial input", "linear" if not bad else "not linear: " + ", ".join(bad), not bad)
        )
    pv, sv = r.get("presidio", {}), r.get("somevakt_score")
    rate = r.get("inprocess", {}).get("analysis_comments_per_cpu_s")
    if "score" in pv and sv and rate:
        ratio = rate / pv["comments_per_s"]
        rows.append(
            (
                "somevakt / Presidio",
                f"{ratio:.2f}x ({rate:,.0f} vs {pv['comments_per_s']:,.0f} comments per CPU-s)",
                ratio >= GOALS["presidio_ratio"],
            )
        )
        rows.append(
            (
                "recall somevakt / Presidio",
                f"{sv['recall']:.3f} / {pv['score']['recall']:.3f}",
                sv["recall"] >= pv["score"]["recall"],
            )
        )
    f1 = (r.get("eval_names", {}).get("per") or {}).get("total.entity", {}).get("f1")
    if isinstance(f1, (int, float)):
        rows.append(("eval names, PER F1 (NorNE dev)", f"{f1:.3f}", f1 >= GOALS["per_f1"]))
    if not rows:
        return
    la = r.get("load_average") or (0.0, 0.0, 0.0)
    la_end = r.get("load_average_end") or la
    print(
        f"\nsummary against the issue's goals (load average {la[0]:.1f} at start, "
        f"{la_end[0]:.1f} at end)"
    )
    for name, value, ok in rows:
        print(f"  {name:<32}{value:<44} {_goal(ok).strip()}".rstrip())


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    from benchmarks.adversarial import DEFAULT_SHAPES, SHAPES

    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--comments", type=int, default=20_000, help="corpus size (default 20000)")
    ap.add_argument("--seed", type=int, default=20240517)
    ap.add_argument("--workers", default="1,2", help="worker counts for throughput")
    ap.add_argument("--cold-runs", type=int, default=5)
    ap.add_argument(
        "--triage-sample",
        type=int,
        default=3000,
        help="comments for the analysis vs analysis + triage comparison",
    )
    ap.add_argument(
        "--adversarial-sizes",
        default="1,2,4",
        help="millions of characters per text (default 1,2,4)",
    )
    ap.add_argument(
        "--adversarial-budget",
        type=float,
        default=6.0,
        help="seconds per shape; larger sizes after that are skipped",
    )
    ap.add_argument(
        "--adversarial-limit",
        type=float,
        default=20.0,
        help="seconds per shape before the child is killed as hung",
    )
    ap.add_argument(
        "--shapes",
        default=",".join(DEFAULT_SHAPES),
        help=f"adversarial shapes, or 'all' (all: {','.join(SHAPES)})",
    )
    ap.add_argument(
        "--presidio-python",
        type=Path,
        default=ROOT / ".venv-bench/bin/python",
        help="python of the venv that has presidio-analyzer",
    )
    ap.add_argument(
        "--skip",
        default="",
        help="comma-separated: throughput,inprocess,cold,adversarial,presidio,eval",
    )
    ap.add_argument("--keep", type=Path, help="write the corpus and outputs here, keep them")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = ap.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}

    started = time.perf_counter()
    report: dict[str, Any] = {
        "comments": args.comments,
        "seed": args.seed,
        "started": time.strftime("%Y-%m-%d %H:%M"),
        "load_average": os.getloadavg(),
        "goals": GOALS,
    }
    tmp = Path(tempfile.mkdtemp(prefix="somevakt-bench-"))
    work = args.keep or tmp
    work.mkdir(parents=True, exist_ok=True)
    try:
        log(f"corpus: generating {args.comments} comments into {work}")
        comments = list(generate(args.comments, args.seed))
        input_path = work / "comments.jsonl"
        write_jsonl(comments, input_path)
        lengths = [len(c.text) for c in comments]
        report["corpus"] = {
            "comments": len(comments),
            "chars": sum(lengths),
            "mean_chars": sum(lengths) / len(lengths),
            "max_chars": max(lengths),
            "gold_spans": sum(len(c.gold) for c in comments),
            # Templates repeat: a cache keyed on the whole text would look better here than
            # on real comments, so the figure is printed next to the rates.
            "distinct_texts": len({c.text for c in comments}),
            "kinds": dict(Counter(c.kind for c in comments).most_common()),
            "path": str(input_path) if args.keep else None,
        }
        if "throughput" not in skip:
            workers = [int(w) for w in args.workers.split(",")]
            report["throughput"], records = bench_throughput(
                input_path, len(comments), workers, work
            )
            if records is not None:
                report["cli_score"] = score(comments, [_findings_of(x) for x in records])
        if "inprocess" not in skip:
            log(f"in-process: analysis vs analysis + triage on {len(comments)} comments")
            report["inprocess"] = bench_inprocess(comments, args.triage_sample)
            # recall from the in-process pass, just before Presidio runs on the same code
            report["somevakt_score"] = report["inprocess"].pop("score")
        if "somevakt_score" not in report and "cli_score" in report:
            report["somevakt_score"] = report["cli_score"]
        if "somevakt_score" not in report:
            from somevakt.analysis.engine import Analyzer

            analyzer = Analyzer()
            report["somevakt_score"] = score(
                comments,
                [
                    [(f.type, f.start, f.end) for f in analyzer.analyze(c.text).findings]
                    for c in comments
                ],
            )
        if "cold" not in skip:
            report["cold_start"] = bench_cold_start(args.cold_runs)
        if "presidio" not in skip:
            if args.presidio_python.exists():
                report["presidio"] = bench_presidio(
                    args.presidio_python, input_path, comments, work
                )
            else:
                report["presidio"] = {
                    "skipped": f"{args.presidio_python} not found; see "
                    "benchmarks/README.md to create .venv-bench"
                }
        if "adversarial" not in skip:
            sizes = [float(s) for s in args.adversarial_sizes.split(",")]
            report["adversarial_sizes"] = sizes
            report["adversarial"] = bench_adversarial(
                sizes,
                args.adversarial_budget,
                args.adversarial_limit,
                list(SHAPES) if args.shapes == "all" else [s for s in args.shapes.split(",") if s],
            )
        if "eval" not in skip:
            report["eval_names"] = bench_eval_names(NORNE_DEV)
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    report["total_s"] = time.perf_counter() - started
    report["load_average_end"] = os.getloadavg()
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2, default=str)
        print()
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
