"""Moderation benchmarks: webhook ingest with analysis keeping up, and the inbox page's p95.

Run: .venv/bin/python benchmarks/moderation_bench.py [--comments 3000] [--inbox-rows 100000]
Uses a fresh SQLite file database in a temporary folder (the embedded default).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)  # for tests.web.factories


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--comments", type=int, default=3000)
    ap.add_argument("--inbox-rows", type=int, default=100_000)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="somevakt-bench-")
    os.environ.update(SOMEVAKT_DATA_DIR=tmp, DJANGO_SETTINGS_MODULE="somevakt.web.settings", SOMEVAKT_HTTPS="0", SOMEVAKT_ALLOWED_HOSTS="testserver",
                      SOMEVAKT_FB_APP_SECRET="bench-secret", SOMEVAKT_LOG_LEVEL="WARNING")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone
    from tests.web.factories import make_account, make_municipality

    from somevakt.platforms.facebook import sign
    from somevakt.platforms.simulator import load_corpus
    from somevakt.web.moderation.analysis import analyze_pending, processor
    from somevakt.web.moderation.models import Comment

    call_command("migrate", verbosity=0)
    m = make_municipality()
    account = make_account(m, "active", name="Bench")
    account.platform_id = "1000"
    account.save()
    corpus, _ = load_corpus()
    processor()  # load the models before timing

    # 1. Ingest: signed deliveries through the real view, one analysis worker thread beside it.
    client = Client()
    bodies = []
    for i in range(args.comments):
        c = corpus[i % len(corpus)]
        value = {"item": "comment", "verb": "add", "comment_id": f"1_{i}", "post_id": "1000_1",
                 "parent_id": "1000_1", "from": {"id": str(5000 + i % 97), "name": c["author"]},
                 "message": c["text"], "created_time": int(time.time())}
        body = json.dumps({"object": "page", "entry": [{"id": "1000", "time": int(time.time()),
                                                        "changes": [{"field": "feed", "value": value}]}]}).encode()
        bodies.append((body, sign(body, "bench-secret")))
    done = threading.Event()

    def analyst() -> None:
        from django.db import connection

        while not done.is_set() or Comment.objects.filter(analysis_state="pending").exists():
            if not analyze_pending(300):
                time.sleep(0.01)
        connection.close()

    worker = threading.Thread(target=analyst)
    start = time.perf_counter()
    worker.start()
    try:
        for body, sig in bodies:
            r = client.post("/webhooks/facebook/", data=body, content_type="application/json",
                            HTTP_X_HUB_SIGNATURE_256=sig)
            assert r.status_code == 200, r.status_code
    finally:
        ingest_s = time.perf_counter() - start
        done.set()
    worker.join()
    total_s = time.perf_counter() - start
    assert Comment.objects.filter(analysis_state="done").count() == args.comments
    print(f"ingest: {args.comments} webhook deliveries in {ingest_s:.1f}s = {args.comments / ingest_s:.0f}/s; "
          f"ingested and analysed in {total_s:.1f}s = {args.comments / total_s:.0f}/s sustained")

    # 2. Inbox p95 with many comments.
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
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    client.force_login(m.users["kontoansvarlig"])
    times = []
    for i in range(60):
        q = ["", "?kategori=question", f"?konto={account.pk}", "?side=20", "?tilstand=all"][i % 5]
        t = time.perf_counter()
        r = client.get("/innboks/" + q)
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"inbox: {Comment.objects.count()} comments; page p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms")


if __name__ == "__main__":
    main()
