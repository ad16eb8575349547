"""`dyadscope demo`: the bundled demo corpus, ingested into a temporary store."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

import typer
from rich.console import Console

from ..config import PipelineConfig
from ..query import list_articles
from ..query.common import Page
from ..query.network import list_dyads
from ..store import Store
from .actors_quotes import demo_actors_quotes, print_demo_actors_quotes
from .ingest import print_summary, run_ingest
from .output import Format, emit
from .provenance import demo_provenance, print_demo_provenance

#: Dyads the demo shows: the busiest pairs.
DEMO_DYADS = 8


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
            dyads = list_dyads(store, Page(limit=DEMO_DYADS))
        emit(rows, Format.table, columns=[], limited=True, console=console,
             table_columns=["published", "published_basis", "outlet", "title", "language"],
             title="articles")
        print_demo_provenance(found, console)
        print_demo_actors_quotes(said, console)
        emit(dyads, Format.table, columns=[], limited=True, console=console,
             table_columns=["dyad", "groups", "sources", "cooperation", "conflict", "index",
                            "first", "last"],
             title="dyads: event groups (copies counted once) and Goldstein index")
        console.print("next: `dyadscope relation CHN RUS --freq year --db FILE`, "
                      "`dyadscope serve --db FILE`")
        if db:
            console.print(f"kept the store: try `dyadscope articles --db {db}`")
    raise typer.Exit(0 if summary.ok else 1)
