"""Readable Rich tables of analysis records, for people."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.table import Table


def print_table(records: list[dict[str, Any]], stream: TextIO) -> None:
    table = Table(show_lines=True)
    table.add_column("id", no_wrap=True)
    table.add_column("språk")
    if any("category" in r for r in records):
        table.add_column("kategori")
        table.add_column("handling")
    table.add_column("funn")
    table.add_column("sladdet tekst", overflow="fold")
    has_triage = any("category" in r for r in records)
    for r in records:
        if "error" in r:
            row = [
                str(r.get("id")),
                "",
                *([""] * (2 if has_triage else 0)),
                "[red]feil[/red]",
                r["error"],
            ]
            table.add_row(*row)
            continue
        finds = (
            ", ".join(f"{f['type']}{'*' if f['sensitive'] else ''}" for f in r["findings"]) or "–"
        )
        cells = [str(r.get("id")), r["lang"]]
        if has_triage:
            cells += [str(r.get("category", "")), str(r.get("action", ""))]
        cells += [finds, r["redacted"]]
        table.add_row(*cells)
    console = Console(file=stream, width=160 if not stream.isatty() else None)
    console.print(table)
    console.print("* = sensitivt funn (sladdet)")
