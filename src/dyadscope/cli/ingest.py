"""`dyadscope ingest PATH...`"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..config import PipelineConfig
from ..errors import Code
from ..pipeline import IngestSummary, ingest
from ..store import Store
from .common import DbOption

#: Failure lines printed in the summary; the failures table has them all.
SHOW_FAILURES = 20


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)


def ingest_command(
    paths: list[str] = typer.Argument(..., help="files, folders (recursive) or globs"),
    db: str = DbOption,
    config: Path | None = typer.Option(None, "--config", help="JSON file of PipelineConfig settings"),
    batch_size: int | None = typer.Option(None, "--batch-size", min=1, help="articles per transaction"),
    workers: int | None = typer.Option(None, "--workers", min=1,
                                       help="worker processes (default: number of cores)"),
    engine: str | None = typer.Option(None, "--engine", help="local (default) or dask"),
    scheduler: str | None = typer.Option(None, "--scheduler",
                                         help="dask scheduler address (default: start a LocalCluster)"),
    strict: bool = typer.Option(False, "--strict", help="stop at the first bad input"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    rescan: bool = typer.Option(False, "--rescan",
                                help="re-read files an earlier run stored completely"),
    actors: Path | None = typer.Option(None, "--actors",
                                       help="TSV or JSON of extra actor aliases and people"),
) -> None:
    """Read articles, run every stage and store the results; bad inputs are listed, not fatal."""
    cfg = PipelineConfig.load(config, batch_size=batch_size, strict=strict or None, workers=workers,
                              engine=engine, scheduler=scheduler,
                              actors_file=str(actors.resolve()) if actors else None)
    if cfg.actors_file:
        from ..actors import load_dictionary

        load_dictionary(cfg.actors_file)  # a bad file is a usage error before anything is read
    console = Console(stderr=True)
    with Store(db) as store:
        summary = run_ingest(paths, store, cfg, console=console, quiet=quiet, rescan=rescan)
    print_summary(summary, db, Console())
    raise typer.Exit(0 if summary.ok else 1)


def run_ingest(paths: list[str], store: Store, cfg: PipelineConfig, *, console: Console,
               quiet: bool, command: str = "ingest", rescan: bool = False) -> IngestSummary:
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(),
               MofNCompleteColumn(), TextColumn("files"), TimeRemainingColumn())
    with Progress(*columns, console=console, disable=quiet, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def progress(done: int, total: int, path: str) -> None:
            bar.update(task, completed=done, total=total)

        return ingest(paths, store, cfg, progress=progress, command=command, rescan=rescan)


def print_summary(summary: IngestSummary, db: str, console: Console) -> None:
    console.print(
        f"[bold]{summary.stored}[/bold] stored, [bold]{summary.present}[/bold] already present, "
        f"[bold]{len(summary.failures)}[/bold] failed "
        f"({summary.files_seen} files read) → {escape(db)}  [dim]run {summary.run_id}[/dim]",
        highlight=False,
    )
    if summary.unchanged:
        console.print(f"[dim]{summary.unchanged} files unchanged since an earlier run were skipped "
                      "(--rescan to read them again)[/dim]", highlight=False)
    if summary.ignored:
        console.print(f"[dim]{len(summary.ignored)} files of other types in the folders were not read "
                      f"(e.g. {escape(summary.ignored[0])})[/dim]", highlight=False)
    if summary.failures:
        by_code: dict[str, int] = summary.reasons()
        names = {c.code: c.name for c in Code}
        console.print("failures: " + ", ".join(
            f"{code} {names.get(code, '').lower()} ×{n}" for code, n in sorted(by_code.items())),
            highlight=False)
        for failure in summary.failures[:SHOW_FAILURES]:
            console.print(f"  [red]✗[/red] {escape(failure.line())}", highlight=False)
        if len(summary.failures) > SHOW_FAILURES:
            console.print(f"  … and {len(summary.failures) - SHOW_FAILURES} more: "
                          f"SELECT * FROM failures WHERE run_id = {summary.run_id}", highlight=False)
