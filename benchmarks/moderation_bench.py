"""Moderation benchmarks: webhook ingest with analysis keeping up, and the inbox page's p95.

Run: .venv/bin/python -m benchmarks.moderation_bench [--comments 6000] [--rate 300] [--inbox-rows 100000]

1. Ingest. Signed deliveries go through the real webhook view (Django's test client, in this
   process: the figure is the app's cost, not an HTTP server's) while `--analysis-workers`
   separate worker processes (the `somevakt worker` loop, analysis only) analyse beside it,
   as in production. `--rate` offers comments at a steady rate (0: as fast as possible);
   the backlog of comments waiting for analysis is sampled every half second. Analysis
   "kept up" when the backlog did not grow through the run and was gone within
   `--max-lag` seconds of the last delivery.
2. Inbox: `--inbox-rows` more analysed comments, then the inbox page's p50/p95 over 60 loads
   with different filters.

A fresh SQLite file database in a temporary folder (the embedded default), or PostgreSQL
with `--database-url postgres://...` (its tables are created; use a throwaway database).
The machine is shared: compare runs on a quiet machine; CPU seconds are printed beside wall
time because they move less with other load.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import threading
import time
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)  # for tests.web.factories

SECRET = "bench-secret"
PAGE = "1000"


def _environment(tmp: str, database_url: str) -> None:
    os.environ.update(
        SOMEVAKT_DATA_DIR=tmp, DJANGO_SETTINGS_MODULE="somevakt.web.settings", SOMEVAKT_HTTPS="0",
        SOMEVAKT_ALLOWED_HOSTS="testserver", SOMEVAKT_FB_APP_SECRET=SECRET, SOMEVAKT_LOG_LEVEL="WARNING",
        SOMEVAKT_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    if database_url:
        os.environ["SOMEVAKT_DATABASE_URL"] = database_url


def _analysis_worker(tmp: str, database_url: str, stop: Any, ready: Any, cpu: Any, shard: tuple[int, int]) -> None:
    """One analysis worker process: the worker loop's analysis step, sharded by comment id."""
    _environment(tmp, database_url)
    import django

    django.setup()
    from django.db import close_old_connections, connection

    from somevakt.web.moderation.analysis import analyze_pending, processor

    processor()  # load the models before the clock starts
    loaded = time.process_time()
    ready.set()
    while not stop.is_set():
        close_old_connections()
        if not analyze_pending(200, shard=shard):
            stop.wait(0.02)
    connection.close()
    cpu.value = time.process_time() - loaded


def _delivery(corpus: list[dict[str, Any]], first: int, n: int) -> tuple[bytes, str]:
    from somevakt.platforms.facebook import sign

    changes = []
    for i in range(first, first + n):
        c = corpus[i % len(corpus)]
        value = {"item": "comment", "verb": "add", "comment_id": f"1_{i}", "post_id": f"{PAGE}_{1 + i // 500}",
                 "parent_id": f"{PAGE}_{1 + i // 500}", "from": {"id": str(5000 + i % 97), "name": c["author"]},
                 "message": c["text"], "created_time": int(time.time())}
        changes.append({"field": "feed", "value": value})
    body = json.dumps({"object": "page", "entry": [{"id": PAGE, "time": int(time.time()), "changes": changes}]}).encode()
    return body, sign(body, SECRET)


def ingest(args: argparse.Namespace, tmp: str) -> None:
    from django.db import connection
    from django.test import Client

    from somevakt.platforms.simulator import load_corpus
    from somevakt.web.moderation.models import Comment

    corpus, _ = load_corpus()
    per = max(1, args.changes_per_delivery)
    bodies = [_delivery(corpus, i, min(per, args.comments - i)) for i in range(0, args.comments, per)]
    ctx = mp.get_context("spawn")
    stop, cpus = ctx.Event(), [ctx.Value("d", 0.0) for _ in range(args.analysis_workers)]
    readies = [ctx.Event() for _ in range(args.analysis_workers)]
    connection.close()
    workers = [
        ctx.Process(target=_analysis_worker,
                    args=(tmp, args.database_url, stop, readies[n], cpus[n], (n, args.analysis_workers)))
        for n in range(args.analysis_workers)
    ]
    for w in workers:
        w.start()
    for r in readies:
        r.wait(120)

    samples: list[tuple[float, int, int]] = []  # (seconds, received, pending)
    sampling = threading.Event()

    def sampler() -> None:
        while not sampling.is_set():
            t = time.perf_counter() - start
            received = Comment.objects.count()
            pending = Comment.objects.filter(analysis_state=Comment.Analysis.PENDING).count()
            samples.append((t, received, pending))
            if received >= args.comments and (not pending or not workers):
                break
            sampling.wait(0.5)
        connection.close()

    client = Client()
    rate = args.rate
    cpu0 = time.process_time()
    start = time.perf_counter()
    watcher = threading.Thread(target=sampler)
    watcher.start()
    sent = 0
    for body, sig in bodies:
        if rate:
            due = start + sent / rate
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
        r = client.post("/webhooks/facebook/", data=body, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=sig)
        assert r.status_code == 200, r.status_code
        sent += min(per, args.comments - sent)
    ingest_s = time.perf_counter() - start
    ingest_cpu = time.process_time() - cpu0
    watcher.join(timeout=args.max_lag + 600)
    sampling.set()
    total_s = time.perf_counter() - start
    stop.set()
    for w in workers:
        w.join(60)
    analysed = Comment.objects.filter(analysis_state__in=["done", "failed"]).count()

    lag = max(0.0, total_s - ingest_s)
    during = [s for s in samples if s[0] <= ingest_s]
    half = [p for t, _r, p in during if t >= ingest_s / 2]
    growing = len(half) >= 2 and half[-1] > half[0] + max(50, 0.1 * args.comments)
    kept_up = analysed == args.comments and lag <= args.max_lag and not growing
    print(f"ingest: {args.comments} comments in {len(bodies)} signed deliveries ({per} per delivery), "
          f"offered {'as fast as possible' if not rate else f'at {rate:.0f}/s'}")
    print(f"  webhook: {ingest_s:.1f}s = {args.comments / ingest_s:.0f} comments/s "
          f"({len(bodies) / ingest_s:.0f} deliveries/s); {ingest_cpu / args.comments * 1000:.2f} ms CPU per comment")
    worker_cpu = sum(c.value for c in cpus)
    print(f"  analysis: {args.analysis_workers} worker process(es), {analysed} analysed; all done {lag:.1f}s after "
          f"the last delivery; {args.comments / total_s:.0f} comments/s ingested and analysed sustained; "
          f"{worker_cpu / max(1, analysed) * 1000:.2f} ms worker CPU per comment")
    step = max(1, len(samples) // 12)
    shown = samples[::step] + ([samples[-1]] if samples and (len(samples) - 1) % step else [])
    print("  backlog (s: received / waiting for analysis): "
          + ", ".join(f"{t:.1f}: {r}/{p}" for t, r, p in shown))
    print(f"  analysis kept up: {'yes' if kept_up else 'NO'} (max backlog {max((p for _t, _r, p in samples), default=0)}, "
          f"{'growing' if growing else 'not growing'} in the second half, lag {lag:.1f}s, limit {args.max_lag:.0f}s)")


def inbox(args: argparse.Namespace, account: Any, user: Any) -> None:
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from somevakt.web.moderation.models import Comment

    now = timezone.now()
    cats = ["sensitive", "discrimination", "question", "feedback", "other", "rumor"]
    batch = []
    for i in range(args.inbox_rows):
        cat = cats[i % len(cats)]
        batch.append(Comment(account=account, platform_id=f"9_{i}", message="x", redacted="Når åpner biblioteket?",
                             analysis_state="done", category=cat, urgency={"sensitive": 0, "discrimination": 1}.get(cat, 5),
                             state="new" if i % 3 else "done", received_at=now))
        if len(batch) == 5000:
            Comment.objects.bulk_create(batch)
            batch = []
    Comment.objects.bulk_create(batch)
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    client = Client()
    client.force_login(user)
    times = []
    for i in range(60):
        q = ["", "?kategori=question", f"?konto={account.pk}", "?side=20", "?tilstand=all"][i % 5]
        t = time.perf_counter()
        r = client.get("/innboks/" + q)
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"inbox: {Comment.objects.count()} comments; page p50 {statistics.median(times):.0f} ms, "
          f"p95 {p95:.0f} ms (goal < 300 ms)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--comments", type=int, default=6000, help="comments to ingest (default 6000)")
    ap.add_argument("--rate", type=float, default=300.0,
                    help="offered comments per second (default 300, the goal; 0: as fast as possible)")
    ap.add_argument("--changes-per-delivery", type=int, default=1,
                    help="comments per webhook delivery (Facebook batches up to 1000 under load; default 1)")
    ap.add_argument("--analysis-workers", type=int, default=1, help="analysis worker processes (default 1)")
    ap.add_argument("--max-lag", type=float, default=5.0,
                    help="seconds after the last delivery within which analysis must be done (default 5)")
    ap.add_argument("--inbox-rows", type=int, default=100_000, help="extra comments for the inbox p95 (default 100000)")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: ingest, inbox")
    ap.add_argument("--database-url", default="", help="a throwaway PostgreSQL database (default: SQLite in a temp dir)")
    args = ap.parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    tmp = tempfile.mkdtemp(prefix="somevakt-bench-")
    _environment(tmp, args.database_url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from tests.web.factories import make_account, make_municipality

    call_command("migrate", verbosity=0)
    m = make_municipality()
    account = make_account(m, "active", name="Bench")
    account.platform_id = PAGE
    account.save()
    print(f"database: {connection.vendor}; {os.cpu_count()} CPUs, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if "ingest" not in skip:
        ingest(args, tmp)
    if "inbox" not in skip:
        inbox(args, account, m.users["kontoansvarlig"])


if __name__ == "__main__":
    main()
