"""`somevakt simulate`, `somevakt worker`, `somevakt import`: the platform side of the inbox."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path
from typing import Annotated

import typer

SETTINGS = "somevakt.web.settings"
DEMO_PAGE_ID = "100000000000001"
DEMO_SIM_PORT = 8765


def demo_environment(host: str, port: int, sim_port: int = DEMO_SIM_PORT) -> dict[str, str]:
    """What the demo's web app, worker and simulator agree on (set only where unset)."""
    from somevakt.web.moderation import conf

    return {
        "SOMEVAKT_FB_APP_SECRET": conf.DEMO_APP_SECRET,
        "SOMEVAKT_FB_VERIFY_TOKEN": conf.DEMO_VERIFY_TOKEN,
        "SOMEVAKT_FB_PAGE_TOKEN": conf.DEMO_PAGE_TOKEN,
        "SOMEVAKT_GRAPH_URL": f"http://127.0.0.1:{sim_port}/v21.0",
        "SOMEVAKT_SIM_WEBHOOK_URL": f"http://{host}:{port}/webhooks/facebook/",
    }


def simulate(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port (0: any free port)")] = DEMO_SIM_PORT,
    webhook_url: Annotated[
        str | None, typer.Option(envvar="SOMEVAKT_SIM_WEBHOOK_URL", help="somevakt's webhook URL to deliver to")
    ] = None,
    app_secret: Annotated[str, typer.Option(envvar="SOMEVAKT_FB_APP_SECRET", help="signs deliveries")] = "sim-app-secret",
    access_token: Annotated[str, typer.Option(envvar="SOMEVAKT_FB_PAGE_TOKEN", help="the page token it accepts")] = "sim-page-token",
    page_id: Annotated[str, typer.Option(help="the simulated page's id")] = DEMO_PAGE_ID,
    rate: Annotated[float, typer.Option(help="new comments per minute")] = 6.0,
    initial: Annotated[int, typer.Option(help="comments made at start")] = 12,
    fault_rate: Annotated[float, typer.Option(min=0.0, max=1.0, help="share of Graph calls that fail")] = 0.0,
    fault_kinds: Annotated[str, typer.Option(help="comma-separated: 5xx,timeout,throttle,token")] = "5xx,timeout,throttle,token",
    duplicate_rate: Annotated[float, typer.Option(min=0.0, max=1.0, help="share of deliveries sent twice")] = 0.0,
    seed: Annotated[int | None, typer.Option(help="random seed")] = None,
) -> None:
    """Run a local server shaped like the Facebook Graph API, with a page whose residents comment."""
    from somevakt.platforms.simulator import Simulator

    sim = Simulator(
        pages=[(page_id, "Birkenes kommune (simulert)")], app_secret=app_secret, access_token=access_token,
        webhook_url=webhook_url, seed=seed, fault_rate=fault_rate, fault_kinds=fault_kinds.split(","),
        duplicate_rate=duplicate_rate, rate_per_minute=rate,
    )
    url = sim.start(host, port)
    typer.echo(f"Graph API simulator on {url} (page {page_id}); webhooks to {webhook_url or '(none)'}", err=True)
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if initial:
        stop.wait(2.0)  # give the web app a moment to come up
        sim.generate(initial)
    stop.wait()
    sim.stop()


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    django.setup()


def worker(
    once: Annotated[bool, typer.Option(help="one round, then exit")] = False,
    poll_every: Annotated[float, typer.Option(help="seconds between polls of the pages (0: never)")] = 60.0,
    analysis: Annotated[bool, typer.Option(help="analyse new comments")] = True,
    jobs: Annotated[bool, typer.Option(help="make the outbox's platform calls")] = True,
) -> None:
    """Analyse new comments, make the outbox's platform calls with retries, poll the pages."""
    import logging

    _django()
    from somevakt.web.moderation.worker import loop

    logging.getLogger("httpx").setLevel(logging.WARNING)
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    typer.echo("somevakt worker running; stop with Ctrl-C", err=True)
    loop(once=once, poll_every=poll_every, analyze=analysis, jobs=jobs, stop=stop)


def import_comments(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="a .jsonl or .csv export")],
    account: Annotated[int | None, typer.Option(help="the official account's id (else by page_id per row)")] = None,
) -> None:
    """Backfill comments from a JSONL or CSV export, with a progress bar."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    _django()
    from somevakt.platforms.importer import count_rows
    from somevakt.web.accounts.models import OfficialAccount
    from somevakt.web.moderation.importing import import_file

    target = None
    if account is not None:
        target = OfficialAccount.objects.filter(pk=account).first()
        if target is None:
            raise typer.BadParameter(f"no official account with id {account}", param_hint="--account")
    total = count_rows(path)
    with Progress(TextColumn("import"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  transient=False) as bar:
        task = bar.add_task("import", total=total)
        result = import_file(path, target, progress=lambda n: bar.advance(task, n))
    typer.echo(f"{result.new} new, {result.known} already known, {len(result.errors)} error(s)")
    for err in result.errors[:20]:
        typer.echo(f"line {err.line}: {err.error}", err=True)
    if result.errors:
        raise typer.Exit(1)
