"""`somevakt serve`, `somevakt demo`, `somevakt manage`, `somevakt audit verify`: the web app.

`demo` prepares the embedded default (migrate, seed) and then supervises the processes in
demo_processes(): it starts each as a child, and stops them all on Ctrl-C or when one ends.
To run another process beside the web server (the platform simulator, the outbox worker),
add a Child to demo_processes()."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Annotated

import typer

SETTINGS = "somevakt.web.settings"
SOMEVAKT = [sys.executable, "-m", "somevakt.cli"]


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    django.setup()


def _manage(*args: str) -> None:
    _django()
    from django.core.management import call_command

    call_command(*args)


@dataclass(frozen=True)
class Child:
    name: str
    argv: list[str]


def demo_processes(host: str, port: int) -> list[Child]:
    """The processes `somevakt demo` runs side by side. Add the simulator and worker here."""
    from somevakt.commands.platform import demo_environment

    for key, value in demo_environment(host, port).items():
        os.environ.setdefault(key, value)
    return [
        Child("web", [*SOMEVAKT, "serve", "--host", host, "--port", str(port)]),
        Child("account-checks", [*SOMEVAKT, "manage", "check_accounts", "--loop", "300"]),
        Child("simulator", [*SOMEVAKT, "simulate"]),
        Child("worker", [*SOMEVAKT, "worker", "--poll-every", "30"]),
    ]


def supervise(children: list[Child], poll: float = 0.5) -> int:
    """Start every child; when one ends or on SIGINT/SIGTERM, stop the others. Returns the exit
    code of the child that ended first (0 after Ctrl-C)."""
    procs: list[tuple[Child, subprocess.Popen[bytes]]] = []
    stopping = False

    def _stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    old_int = signal.signal(signal.SIGINT, _stop)
    old_term = signal.signal(signal.SIGTERM, _stop)
    code = 0
    try:
        for child in children:
            typer.echo(f"[demo] starting {child.name}", err=True)
            procs.append((child, subprocess.Popen(child.argv)))
        while not stopping:
            for child, proc in procs:
                rc = proc.poll()
                if rc is not None:
                    typer.echo(f"[demo] {child.name} ended with code {rc}; stopping the rest", err=True)
                    code = rc
                    stopping = True
                    break
            else:
                time.sleep(poll)
    finally:
        for _child, proc in procs:
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + 10
        for _child, proc in procs:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        signal.signal(signal.SIGINT, old_int)
        signal.signal(signal.SIGTERM, old_term)
    return code


def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    threads: Annotated[int, typer.Option(help="worker threads")] = 8,
) -> None:
    """Serve the web app with waitress (static files by whitenoise)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    from waitress import serve as waitress_serve

    from somevakt.web.wsgi import application

    typer.echo(f"somevakt on http://{host}:{port}/", err=True)
    waitress_serve(application, host=host, port=port, threads=threads, ident="somevakt")


def demo(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
) -> None:
    """Migrate, seed the demo municipality, and run the web app (and its helpers) on HOST:PORT."""
    # The demo serves plain HTTP on loopback: cookies must work without TLS.
    os.environ.setdefault("SOMEVAKT_HTTPS", "0")
    _manage("migrate", "--noinput", "-v", "0")
    _manage("seed_demo")
    _manage("connect_demo_page")
    typer.echo(
        f"\nSign in at http://{host}:{port}/ as radmann, enhetsleder, kontoansvarlig, kriseleder, ansatt\n"
        "or arkiv; the password is demo-<user>, e.g. demo-radmann. Stop with Ctrl-C.\n",
        err=True,
    )
    raise typer.Exit(supervise(demo_processes(host, port)))


def manage(ctx: typer.Context) -> None:
    """Run a Django management command (e.g. `somevakt manage createsuperuser`)."""
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["somevakt manage", *ctx.args])


audit_app = typer.Typer(help="The audit log.", no_args_is_help=True)


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the audit log's hash chain; exit 1 and say where if an event was edited,
    removed or reordered."""
    _django()
    from somevakt.web.records.audit import verify_chain

    count, problems = verify_chain()
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        typer.echo(f"audit log BROKEN: {len(problems)} problem(s) in {count} events", err=True)
        raise typer.Exit(1)
    typer.echo(f"audit log intact: {count} events")
