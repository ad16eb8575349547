"""`dyadscope stories` and `dyadscope eval provenance`."""

from __future__ import annotations

import typer
from rich.console import Console

from ..query.common import Page
from ..query.stories import StoryFilters, list_stories
from ..schema import StoryRow, field_names
from ..store import Store
from .common import DbOption, FormatOption, LimitOption, check_date
from .evaluate import eval_app
from .output import Format, emit


def register(app: typer.Typer) -> None:
    app.command("stories")(stories_command)
    eval_app.command("provenance")(eval_provenance_command)


def stories_command(
    db: str = DbOption,
    fmt: Format = FormatOption,
    limit: int | None = LimitOption,
    story: str | None = typer.Option(None, "--story", help="story id or id prefix"),
    since: str | None = typer.Option(None, "--since", help="still reported on or after YYYY-MM-DD"),
    until: str | None = typer.Option(None, "--until", help="first reported on or before YYYY-MM-DD"),
    contains: str | None = typer.Option(None, "--contains", help="title contains"),
    min_sources: int | None = typer.Option(None, "--min-sources", min=1,
                                           help="at least N independent articles (copies not counted)"),
) -> None:
    """List story groups: articles from different outlets reporting the same event."""
    for name, value in (("--since", since), ("--until", until)):
        check_date(name, value)
    filters = StoryFilters(story=story, since=since, until=until, contains=contains,
                           min_sources=min_sources)
    with Store(db, read_only=True) as store:
        rows = list_stories(store, filters, Page(limit=limit))
    emit(rows, fmt, columns=field_names(StoryRow),
         table_columns=["story", "first", "last", "sources", "outlets", "title"],
         title="stories", limited=limit is not None)


def eval_provenance_command(
    seed: int = typer.Option(7, "--seed", help="seed of the copy generator"),
    semeval: bool = typer.Option(True, "--semeval/--no-semeval",
                                 help="also score stories on ../shared's SemEval-2022 sample"),
) -> None:
    """Copies and stories on the team's labelled set, next to a MinHash-only baseline."""
    from ..provenance.evaluate import evaluate, format_report

    report = evaluate(seed, with_semeval=semeval)
    for line in format_report(report):
        typer.echo(line)


def demo_provenance(store: Store) -> dict[str, list[dict[str, object]]]:
    """What `dyadscope demo` shows of provenance: copies with their originals, and stories."""
    copies = store.query(
        "SELECT c.outlet AS copy_outlet, c.title AS copy_title, p.copy_kind AS kind, "
        "p.copy_score AS score, o.outlet AS original_outlet, o.title AS original_title "
        "FROM provenance p JOIN articles c ON c.id = p.article_id "
        "LEFT JOIN articles o ON o.id = p.copy_of WHERE p.copy_kind IS NOT NULL "
        "ORDER BY o.published, o.id, c.published, c.id")
    return {"copies": copies, "stories": list_stories(store)}


def print_demo_provenance(found: dict[str, list[dict[str, object]]], console: Console) -> None:
    copies = found["copies"]
    console.print(f"\n[bold]copies[/bold]: {len(copies)} found, each linked to the version judged "
                  "original (never counted as independent sources)", highlight=False)
    emit(copies, Format.table, columns=[], limited=True, console=console, title="copies",
         table_columns=["kind", "score", "copy_outlet", "original_outlet", "original_title"])
    stories = [{**s, "outlets": ", ".join(s["outlets"])} for s in found["stories"]]  # type: ignore[arg-type]
    console.print(f"\n[bold]stories[/bold]: {len(stories)} events reported by several outlets",
                  highlight=False)
    emit(stories, Format.table, columns=[], limited=True, console=console, title="stories",
         table_columns=["first", "sources", "outlets", "title"])
