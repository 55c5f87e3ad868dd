"""`somevakt analyze`: JSON Lines in, one analysis record out per line, in input order."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, BinaryIO

import typer

from somevakt.jsonl import InputError, InputRecord, read_records


def analyze(
    source: Annotated[
        str | None,
        typer.Argument(
            help="JSON Lines file with id, text, optional context and lang; '-' for stdin."
        ),
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="Analyse this one text.")] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (machines) or text (a table for people).")
    ] = "jsonl",
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes to use; order is kept.")
    ] = 1,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    policy: Annotated[
        Path | None,
        typer.Option("--policy", help="Policy file (TOML); default: Birkenes kommune."),
    ] = None,
) -> None:
    """Find sensitive data in Norwegian comments and triage them by the guideline."""
    if fmt not in ("jsonl", "text"):
        raise typer.BadParameter("must be 'jsonl' or 'text'", param_hint="--format")
    if (source is None) == (text is None):
        raise typer.BadParameter("give a FILE (or '-') or --text, not both and not neither")
    check_policy(policy)
    items, total = _items(source, text)
    results = _run(items, workers, total, policy)
    had_error = False
    out_stream = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "jsonl":
            for rec in results:
                had_error |= "error" in rec
                out_stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            from somevakt.commands.render import print_table

            collected = list(results)
            had_error = any("error" in r for r in collected)
            print_table(collected, out_stream)
    finally:
        if output:
            out_stream.close()
    if had_error:
        raise typer.Exit(1)


def _items(
    source: str | None, text: str | None
) -> tuple[Iterator[InputRecord | InputError], int | None]:
    if text is not None:
        return iter([InputRecord(1, None, text, None, None, {})]), 1
    assert source is not None
    if source == "-":
        return read_records(sys.stdin.buffer), None
    path = Path(source)
    if not path.is_file():
        raise typer.BadParameter(f"no such file: {source}", param_hint="SOURCE")
    total = _count_lines(path)
    return read_records(_lines(path.open("rb"))), total


def _lines(fh: BinaryIO) -> Iterator[bytes]:
    with fh:
        yield from fh


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(buf.count(b"\n") for buf in iter(lambda: fh.read(1 << 20), b""))


def check_policy(policy: Path | None) -> None:
    """Fail early, with the file, the field and the problem, on a policy that does not load."""
    from somevakt.guideline import PolicyError, load_policy

    try:
        load_policy(policy)
    except PolicyError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc


def _run(
    items: Iterator[InputRecord | InputError],
    workers: int,
    total: int | None,
    policy: Path | None = None,
) -> Iterator[dict[str, Any]]:
    from somevakt import processing

    progress = _progress(total)
    policy_path = str(policy) if policy is not None else None
    batches = _batches(items, BATCH_SIZE)
    if workers == 1:
        processor = processing.CommentProcessor(policy_path=policy_path)
        done: Iterator[list[dict[str, Any]]] = (
            processing.process_batch(processor, b) for b in batches
        )
    else:
        import multiprocessing as mp

        pool = mp.get_context("fork").Pool(
            workers, initializer=processing._init_worker, initargs=(policy_path,)
        )
        done = pool.imap(processing._work_batch, batches)
    for batch in done:
        if progress:
            progress.advance(len(batch))
        yield from batch
    if progress:
        progress.close()


# Comments analysed together: enough to amortise the name model's per-call cost, small
# enough to keep memory flat and output flowing.
BATCH_SIZE = 64


def _batches(
    items: Iterator[InputRecord | InputError], size: int
) -> Iterator[list[InputRecord | InputError]]:
    batch: list[InputRecord | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Progress:
    def __init__(self, total: int | None) -> None:
        from rich.progress import Progress

        self._progress = Progress(console=_stderr_console(), transient=True)
        self._progress.start()
        self._task = self._progress.add_task("Analyserer", total=total)

    def advance(self, n: int = 1) -> None:
        self._progress.advance(self._task, n)

    def close(self) -> None:
        self._progress.stop()


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def _progress(total: int | None) -> _Progress | None:
    # Only for people watching a long file: a terminal on stderr and enough lines to matter.
    if not sys.stderr.isatty() or (total is not None and total < 200):
        return None
    return _Progress(total)
