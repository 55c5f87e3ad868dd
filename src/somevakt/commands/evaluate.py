"""`somevakt eval ...`: measure the analysis against labelled data.

Each subcommand is registered here and implemented in somevakt.evaluation.<name>.
"""

from __future__ import annotations

from pathlib import Path

import typer

eval_app = typer.Typer(help="Measure detection and triage against labelled data.", no_args_is_help=True)


@eval_app.command("names")
def names(
    files: list[Path] = typer.Argument(  # noqa: B008
        ..., exists=True, dir_okay=False, help="NorNE-format .bio.tsv files (token TAB IOB2 tag)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    rules: bool = typer.Option(True, "--rules/--no-rules", help="Use the social-media rules."),
) -> None:
    """Person-name precision, recall and F1 (entity level, exact span; and token level)."""
    import json

    from somevakt.analysis.recognizers.person_name import PersonNameRecognizer
    from somevakt.evaluation.names import evaluate_files

    results = evaluate_files(files, PersonNameRecognizer(use_rules=rules))
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
        return
    typer.echo(f"{'source':<44} {'sents':>6} {'P':>7} {'R':>7} {'F1':>7}   {'tok P':>7} {'tok R':>7} {'tok F1':>7}")
    for r in results:
        e, t = r.entity, r.token
        typer.echo(
            f"{r.source[-44:]:<44} {r.sentences:>6} {e.precision:>7.4f} {e.recall:>7.4f} {e.f1:>7.4f}"
            f"   {t.precision:>7.4f} {t.recall:>7.4f} {t.f1:>7.4f}"
        )


@eval_app.command("triage")
def triage(
    file: Path = typer.Argument(  # noqa: B008
        ..., exists=True, dir_okay=False, help="JSON Lines with text, gold category, optional context."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    show_misses: int = typer.Option(
        0, "--misses", min=0, help="Also list up to N misclassified records (id, gold, predicted)."
    ),
) -> None:
    """Triage confusion matrix, per-category P/R/F1, macro-F1, removal recall, false removals."""
    import json

    from somevakt.evaluation.triage import evaluate_triage, print_report

    with file.open("rb") as fh:
        report = evaluate_triage(fh)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report, show_misses)
    if report.errors and not report.n:
        raise typer.Exit(1)


@eval_app.command("drafts")
def drafts(
    file: Path = typer.Argument(  # noqa: B008
        ..., exists=True, dir_okay=False, help="JSON Lines with text and gold findings (kinds)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    policy: Path | None = typer.Option(  # noqa: B008
        None, "--policy", help="Policy file (TOML); default: Birkenes kommune."
    ),
) -> None:
    """Pre-publication check: per finding kind P/R/F1, macro-F1, publishable accuracy."""
    import json

    from somevakt.commands.analyze import check_policy
    from somevakt.evaluation.drafts import evaluate_drafts, format_report
    from somevakt.guideline import load_policy
    from somevakt.jsonl import read_records

    check_policy(policy)
    with file.open("rb") as fh:
        report = evaluate_drafts(read_records(fh), load_policy(policy))
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_report(report))
    if report.errors and not report.n:
        raise typer.Exit(1)
