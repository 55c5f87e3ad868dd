"""The `somevakt` command. Subcommands live in somevakt.commands.*; heavy imports stay lazy
so that `somevakt analyze --text ...` starts fast."""

from __future__ import annotations

import gc
import os

# Before numpy loads: parallelism comes from worker processes (--workers, the moderation
# worker), and BLAS threads would compete with them and spin on the name model's small
# matrices, costing CPU time for nothing.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import typer

from somevakt.commands import analyze as analyze_cmd
from somevakt.commands import check_draft as check_draft_cmd
from somevakt.commands import demo as examples_cmd
from somevakt.commands import platform as platform_cmd
from somevakt.commands import web as web_cmd
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
app.command("demo")(web_cmd.demo)
app.command("serve")(web_cmd.serve)
app.command("manage", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(
    web_cmd.manage
)
app.add_typer(web_cmd.audit_app, name="audit")
app.command("examples")(examples_cmd.demo)
app.add_typer(eval_app, name="eval")
app.command("simulate")(platform_cmd.simulate)
app.command("worker")(platform_cmd.worker)
app.command("import")(platform_cmd.import_comments)


def main() -> None:
    try:
        app()
    finally:
        # At exit the interpreter's last garbage collections would walk every object the
        # models and caches hold: about 60 ms of a one-comment `analyze --text`. Frozen,
        # they are skipped; everything is still freed and atexit handlers still run.
        gc.freeze()


if __name__ == "__main__":
    main()
