"""The `somevakt` command. Subcommands live in somevakt.commands.*; heavy imports stay lazy
so that `somevakt analyze --text ...` starts fast."""

from __future__ import annotations

import typer

from somevakt.commands import analyze as analyze_cmd
from somevakt.commands import check_draft as check_draft_cmd
from somevakt.commands import demo as examples_cmd
from somevakt.commands.evaluate import eval_app

app = typer.Typer(
    help="somevakt: moderation and publishing by the municipality's social media guideline.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """somevakt: moderation and publishing by the municipality's social media guideline."""


app.command("analyze")(analyze_cmd.analyze)
app.command("check-draft")(check_draft_cmd.check_draft)
app.command("demo")(examples_cmd.demo)
app.add_typer(eval_app, name="eval")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
