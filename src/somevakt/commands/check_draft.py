"""`somevakt check-draft`: the pre-publication check of drafts for an official account.

Same conventions as `somevakt analyze`: JSON Lines in (id, text, optional lang), one record
out per line in input order, `--text` for one draft, `--format text` for a table, a bad line
becomes an error record and the exit status is 1 at the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from somevakt.commands.analyze import _items, check_input_args, check_policy, open_output
from somevakt.jsonl import InputError, InputRecord


def check_draft(
    source: Annotated[
        str | None,
        typer.Argument(help="JSON Lines file with id, text and optional lang; '-' for stdin."),
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="Check this one draft.")] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (machines) or text (a table for people).")
    ] = "jsonl",
    crisis: Annotated[
        bool,
        typer.Option("--crisis", help="Crisis management is active: the crisis leader approves."),
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    policy: Annotated[
        Path | None,
        typer.Option("--policy", help="Policy file (TOML); default: Birkenes kommune."),
    ] = None,
) -> None:
    """Check drafts for an official account against the guideline before they are published."""
    check_input_args(fmt, source, text)
    from somevakt.guideline.draft_check import DraftChecker

    checker = DraftChecker(check_policy(policy))
    items, _ = _items(source, text)
    results = (_check_one(checker, item, crisis) for item in items)
    had_error = False
    with open_output(output) as out_stream:
        if fmt == "jsonl":
            for rec in results:
                had_error |= "error" in rec
                out_stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            collected = list(results)
            had_error = any("error" in r for r in collected)
            print_draft_table(collected, out_stream)
    if had_error:
        raise typer.Exit(1)


def _check_one(checker: Any, item: InputRecord | InputError, crisis: bool) -> dict[str, Any]:
    if isinstance(item, InputError):
        return item.to_dict()
    try:
        out: dict[str, Any] = {"id": item.id}
        out.update(checker.check(item.text, item.lang, crisis=crisis).to_dict())
        return out
    except Exception as exc:  # one failing draft must not stop the batch
        return {"id": item.id, "line": item.line, "error": f"check failed: {type(exc).__name__}"}


_SEVERITY_STYLE = {"block": "[red]stopp[/red]", "warn": "[yellow]se over[/yellow]", "info": "info"}


def print_draft_table(records: Iterable[dict[str, Any]], stream: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True)
    table.add_column("id", no_wrap=True)
    table.add_column("kan publiseres")
    table.add_column("funn", overflow="fold")
    for r in records:
        if "error" in r:
            table.add_row(str(r.get("id")), "[red]feil[/red]", r["error"])
            continue
        finds = "\n".join(
            f"{_SEVERITY_STYLE[f['severity']]} {f['kind']}: «{f['text']}»"
            if f["kind"] != "crisis_approval_required"
            else f"{_SEVERITY_STYLE[f['severity']]} {f['kind']}"
            for f in r["findings"]
        )
        table.add_row(str(r.get("id")), "ja" if r["publishable"] else "[red]nei[/red]", finds or "–")
    console = Console(file=stream, width=160 if not stream.isatty() else None)
    console.print(table)
