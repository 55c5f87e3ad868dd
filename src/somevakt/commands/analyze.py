"""`somevakt analyze`: JSON Lines in, one analysis record out per line, in input order."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, TextIO

import typer

from somevakt.jsonl import InputError, InputRecord, read_records

if TYPE_CHECKING:
    from somevakt.guideline import Policy


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
    check_input_args(fmt, source, text)
    loaded = check_policy(policy)
    items, total = _items(source, text)
    had_error = False
    with open_output(output) as out_stream:
        if fmt == "jsonl":
            # Records arrive already encoded (by the worker that made them, with --workers N).
            for lines in _run(items, workers, total, loaded, encode=True):
                for line, failed in lines:
                    had_error |= failed
                    out_stream.write(line)
        else:
            from somevakt.commands.render import print_table

            collected = [rec for batch in _run(items, workers, total, loaded) for rec in batch]
            had_error = any("error" in r for r in collected)
            print_table(collected, out_stream)
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


def check_input_args(fmt: str, source: str | None, text: str | None) -> None:
    """The input and format options shared by `analyze` and `check-draft`."""
    if fmt not in ("jsonl", "text"):
        raise typer.BadParameter("must be 'jsonl' or 'text'", param_hint="--format")
    if (source is None) == (text is None):
        raise typer.BadParameter("give a FILE (or '-') or --text, not both and not neither")


@contextmanager
def open_output(output: Path | None) -> Iterator[TextIO]:
    """The --output file, or stdout (which is left open)."""
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8") as fh:
        yield fh


def check_policy(policy: Path | None) -> Policy:
    """Load the policy; fail early, with the file, the field and the problem, if it does not
    load. The loaded policy is handed on, so it is read only once."""
    from somevakt.guideline import PolicyError, load_policy

    try:
        return load_policy(policy)
    except PolicyError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc


def _run(
    items: Iterator[InputRecord | InputError],
    workers: int,
    total: int | None,
    policy: Policy,
    encode: bool = False,
) -> Iterator[list[Any]]:
    """Batches of output records in input order: dicts, or with ``encode`` (line, is_error)
    pairs, the JSON encoding done where the record was made."""
    from somevakt import processing

    progress = _progress(total)
    batches = _batches(items, BATCH_SIZE)
    processor = processing.CommentProcessor(policy=policy)
    work = processing.encode_batch if encode else processing.process_batch
    pool = None
    if workers == 1:
        done: Iterator[list[Any]] = (work(processor, b) for b in batches)
    else:
        import multiprocessing as mp

        # Load everything (the name model too) once, here, and fork: the workers start at
        # once and share the loaded models' memory with this process.
        processor.warm_up()
        processing.set_worker_processor(processor)
        pool = mp.get_context("fork").Pool(workers)
        worker_fn = processing.work_batch_encoded if encode else processing.work_batch
        done = pool.imap(worker_fn, batches)
    try:
        for batch in done:
            if progress:
                progress.advance(len(batch))
            yield batch
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if progress:
            progress.close()


# Comments analysed together: enough to amortise the name model's per-call cost (a batch of
# 256 comments gives it about 100 texts at once, measurably faster per text than 25), small
# enough to keep memory flat and output flowing.
BATCH_SIZE = 256


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
