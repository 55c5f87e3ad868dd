"""`somevakt eval ...`: measure the analysis against labelled data.

Each subcommand is registered here and implemented in somevakt.evaluation.<name>.
"""

from __future__ import annotations

import typer

eval_app = typer.Typer(help="Measure detection and triage against labelled data.", no_args_is_help=True)
