"""`dyadscope eval STAGE`: accuracy on the team's labelled sets, printed as precision/recall.

Each stage's module adds its own subcommand to `eval_app` in `_register` below.
"""

from __future__ import annotations

import typer

eval_app = typer.Typer(help="Measure a stage on labelled data (prints precision/recall/F1).",
                       no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
