"""`dyadscope events`, `dyadscope relation A B`, `dyadscope export`, `dyadscope eval events`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from ..config import PipelineConfig
from ..query.common import Page
from ..query.events import EventFilters, list_events
from ..query.relations import list_relation
from ..relations import relation, trend
from ..relations.index import Freq
from ..schema import EventRow, RelationRow, field_names
from ..store import Store
from .common import DbOption, FormatOption, LimitOption, check_date
from .evaluate import eval_app
from .output import Format, emit

#: Where the peer suites live relative to the working directory (a checkout beside ../shared).
PEER_SUITES = Path("..") / "shared" / "peer-suites"
LABELLED = Path("tests") / "labelled" / "events" / "sentences.jsonl"


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)
    app.command("relation")(relation_command)
    app.command("export")(export_command)
    eval_app.command("events")(eval_events_command)


def events_command(
    db: str = DbOption,
    fmt: Format = FormatOption,
    limit: int | None = LimitOption,
    dyad: str | None = typer.Option(None, "--dyad",
                                    help="A-B, either direction (CHN-RUS); 3-letter codes match all sectors"),
    actor: str | None = typer.Option(None, "--actor", help="actor code as actor1 or actor2"),
    since: str | None = typer.Option(None, "--since", help="event date on or after YYYY-MM-DD"),
    until: str | None = typer.Option(None, "--until", help="event date on or before YYYY-MM-DD"),
    type_: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. CONSULT"),
    article: str | None = typer.Option(None, "--article", help="article id or prefix"),
    asserted: bool = typer.Option(False, "--asserted", help="leave out negated and hypothetical events"),
) -> None:
    """List coded events (who did what to whom, when) with their group and independent sources."""
    check_date("--since", since)
    check_date("--until", until)
    if dyad is not None and "-" not in dyad:
        raise typer.BadParameter("use A-B, e.g. CHN-RUS", param_hint="--dyad")
    filters = EventFilters(dyad=dyad, actor=actor, since=since, until=until, type=type_,
                           article_id=article, include_flagged=not asserted)
    with Store(db, read_only=True) as store:
        rows = list_events(store, filters, Page(limit=limit))
    emit(rows, fmt, columns=field_names(EventRow),
         table_columns=["date", "actor1", "actor2", "plover", "cameo", "trigger", "negated", "hypothetical",
                        "sources"],
         title="events", limited=limit is not None)


def relation_command(
    a: str = typer.Argument(..., help="actor code, e.g. CHN"),
    b: str = typer.Argument(..., help="actor code, e.g. RUS"),
    db: str = DbOption,
    fmt: Format = FormatOption,
    freq: str = typer.Option("month", "--freq", help="week, month or year"),
    directed: bool = typer.Option(False, "--directed", help="only A acting on B (default: both directions)"),
    include_flagged: bool = typer.Option(False, "--include-flagged",
                                         help="count negated and hypothetical events too"),
) -> None:
    """Per period: event groups by quad class, the cooperation–conflict index, sources and the trend."""
    if freq not in ("week", "month", "year"):
        raise typer.BadParameter("use week, month or year", param_hint="--freq")
    period: Freq = freq  # type: ignore[assignment]
    with Store(db, read_only=True) as store:
        rel = relation(store, a, b, period, directed=directed, include_flagged=include_flagged)
        rows = list_relation(store, a, b, period, directed=directed, include_flagged=include_flagged)
    arrow = "→" if directed else "–"
    emit(rows, fmt, columns=field_names(RelationRow), title=f"{rel.a} {arrow} {rel.b} by {freq}",
         limited=True)
    if fmt is Format.table:
        Console().print(trend(rel).describe(), highlight=False)


def export_command(
    out: Path = typer.Option(..., "--out", help="folder to write into (created)"),
    fmt: str = typer.Option("parquet", "--format", "-f", help="gdelt, parquet, csv or jsonl"),
    db: str = DbOption,
) -> None:
    """Write events (and articles) as GDELT 2.0-style rows, Parquet, CSV or JSONL files."""
    from ..export import export

    if fmt not in ("gdelt", "parquet", "csv", "jsonl"):
        raise typer.BadParameter("use gdelt, parquet, csv or jsonl", param_hint="--format")
    with Store(db, read_only=True) as store:
        paths = export(store, fmt, out)  # type: ignore[arg-type]
    for p in paths:
        typer.echo(str(p))


def eval_events_command(
    labelled: Path = typer.Option(LABELLED, "--labelled", help="labelled sentences (JSONL)"),
    peers: bool = typer.Option(False, "--peers",
                               help="also measure on ../shared/peer-suites (PLOVER, ConfliBERT)"),
    peer_dir: Path = typer.Option(PEER_SUITES, "--peer-dir", help="folder of the peer suites"),
    config: Path | None = typer.Option(None, "--config", help="JSON file of PipelineConfig settings"),
) -> None:
    """Precision/recall per PLOVER type, detection F1, quad, actor, flag and date accuracy."""
    from ..events.evaluate import evaluate_labelled, format_report
    from ..events.peers import evaluate_penta, evaluate_plover

    cfg = PipelineConfig.load(config)
    if not labelled.is_file():
        raise typer.BadParameter(f"{labelled} not found", param_hint="--labelled")
    for line in format_report(evaluate_labelled(labelled, cfg)):
        typer.echo(line)
    if not peers:
        return
    plover = peer_dir / "PLOVER" / "PLOVER_GSR_CAMEO.json"
    penta = peer_dir / "ConfliBERT" / "cameo_class" / "train.tsv"
    typer.echo("")
    if plover.is_file():
        for line in evaluate_plover(plover, cfg).lines():
            typer.echo(line)
    else:
        typer.echo(f"skipped PLOVER: {plover} not found")
    if penta.is_file():
        for line in evaluate_penta(penta, cfg).lines():
            typer.echo(line)
    else:
        typer.echo(f"skipped ConfliBERT: {penta} not found")
