"""`somevakt demo`: the main job on the embedded default, for a newcomer's first look."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from somevakt.jsonl import read_records

SHARED_EXAMPLES = (
    Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "examples-comments.jsonl"
)


def demo() -> None:
    """Analyse the shared example comments and print a readable table."""
    from somevakt.commands.render import print_table
    from somevakt.processing import CommentProcessor, process_or_error

    path = SHARED_EXAMPLES.resolve()
    if not path.is_file():
        typer.echo(f"no example file at {path}", err=True)
        raise typer.Exit(1)
    processor = CommentProcessor()
    with path.open("rb") as fh:
        records = [process_or_error(processor, item) for item in read_records(fh)]
    print_table(records, sys.stdout)
