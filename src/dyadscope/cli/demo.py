"""`dyadscope demo`: the bundled demo corpus, ingested into a temporary store."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

import typer
from rich.console import Console

from ..config import PipelineConfig
from ..query import list_articles
from ..store import Store
from .actors_quotes import demo_actors_quotes, print_demo_actors_quotes
from .ingest import print_summary, run_ingest
from .output import Format, emit
from .provenance import demo_provenance, print_demo_provenance


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)


def demo_corpus() -> Path:
    """Folder of the demo articles inside the installed package."""
    return Path(str(resources.files("dyadscope") / "data" / "demo"))


def demo_command(
    db: str | None = typer.Option(None, "--db", help="keep the demo store in this file"),
) -> None:
    """Ingest the bundled demo corpus into a temporary store and show what was found."""
    console = Console()
    with tempfile.TemporaryDirectory(prefix="dyadscope-demo-") as tmp:
        path = db or str(Path(tmp) / "demo.duckdb")
        corpus = demo_corpus()
        console.rule("dyadscope demo")
        console.print(f"corpus: {len(list(corpus.iterdir()))} files bundled with dyadscope")
        with Store(path) as store:
            summary = run_ingest([str(corpus)], store, PipelineConfig(), console=console,
                                 quiet=True, command="demo")
            print_summary(summary, path if db else "a temporary store", console)
            rows = list_articles(store)
            found = demo_provenance(store)
            said = demo_actors_quotes(store)
        emit(rows, Format.table, columns=[], limited=True, console=console,
             table_columns=["published", "published_basis", "outlet", "title", "language"],
             title="articles")
        print_demo_provenance(found, console)
        print_demo_actors_quotes(said, console)
        if db:
            console.print(f"kept the store: try `dyadscope articles --db {db}`")
    raise typer.Exit(0 if summary.ok else 1)
