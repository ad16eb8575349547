"""`dyadscope actors`, `dyadscope mentions`, `dyadscope quotes`, `dyadscope eval quotes`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from ..query.actors import ActorFilters, list_actors, list_mentions
from ..query.common import Page
from ..query.quotes import QuoteFilters, list_quotes
from ..schema import ActorRow, MentionRow, QuoteRow, field_names
from ..store import Store
from .common import DbOption, FormatOption, LimitOption
from .evaluate import eval_app
from .output import Format, emit

CODE_HELP = "actor code; a 3-letter state code matches all sectors"
KINDS = ("state", "igo", "org", "group", "person")


def register(app: typer.Typer) -> None:
    app.command("actors")(actors_command)
    app.command("mentions")(mentions_command)
    app.command("quotes")(quotes_command)
    eval_app.command("quotes")(eval_quotes_command)


def _kind(value: str | None, allowed: tuple[str, ...], name: str) -> None:
    if value is not None and value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=name)


def actors_command(
    db: str = DbOption,
    fmt: Format = FormatOption,
    limit: int | None = LimitOption,
    code: str | None = typer.Option(None, "--code", help=CODE_HELP),
    kind: str | None = typer.Option(None, "--kind", help="state, igo, org, group or person"),
    name: str | None = typer.Option(None, "--name", help="name contains (case-insensitive)"),
    article: str | None = typer.Option(None, "--article", help="article id or prefix"),
) -> None:
    """List the actors the stored articles mention, with mention counts (most mentioned first)."""
    _kind(kind, KINDS, "--kind")
    with Store(db, read_only=True) as store:
        rows = list_actors(store, ActorFilters(code=code, kind=kind, name=name, article_id=article),
                           Page(limit=limit))
    emit(rows, fmt, columns=field_names(ActorRow), title="actors", limited=limit is not None)


def mentions_command(
    db: str = DbOption,
    fmt: Format = FormatOption,
    limit: int | None = LimitOption,
    code: str | None = typer.Option(None, "--code", help=CODE_HELP),
    kind: str | None = typer.Option(None, "--kind", help="state, igo, org, group or person"),
    name: str | None = typer.Option(None, "--name", help="name or mention text contains"),
    article: str | None = typer.Option(None, "--article", help="article id or prefix"),
) -> None:
    """List actor mentions with their exact spans, article by article."""
    _kind(kind, KINDS, "--kind")
    with Store(db, read_only=True) as store:
        rows = list_mentions(store, ActorFilters(code=code, kind=kind, name=name, article_id=article),
                             Page(limit=limit))
    emit(rows, fmt, columns=field_names(MentionRow),
         table_columns=["article_id", "start", "end", "text", "code", "kind", "method", "name"],
         title="mentions", limited=limit is not None)


def quotes_command(
    db: str = DbOption,
    fmt: Format = FormatOption,
    limit: int | None = LimitOption,
    speaker: str | None = typer.Option(None, "--speaker", help="speaker name contains (case-insensitive)"),
    actor: str | None = typer.Option(None, "--actor", help="speaker's " + CODE_HELP),
    kind: str | None = typer.Option(None, "--kind", help="direct or indirect"),
    article: str | None = typer.Option(None, "--article", help="article id or prefix"),
    contains: str | None = typer.Option(None, "--contains", help="quote text contains"),
) -> None:
    """List quotes: direct and reported speech, with speaker, cue and exact span."""
    _kind(kind, ("direct", "indirect"), "--kind")
    filters = QuoteFilters(speaker=speaker, actor=actor, kind=kind, article_id=article, contains=contains)
    with Store(db, read_only=True) as store:
        rows = list_quotes(store, filters, Page(limit=limit))
    emit(rows, fmt, columns=field_names(QuoteRow),
         table_columns=["article_id", "kind", "speaker", "speaker_code", "cue", "text"],
         title="quotes", limited=limit is not None)


def eval_quotes_command(
    labelled: Path | None = typer.Option(None, "--labelled", help="labelled set folder (gold.jsonl, texts/)"),
    polnear: Path | None = typer.Option(None, "--polnear", help="PolNeAR folder (default ../shared/…)"),
    limit: int | None = typer.Option(None, "--limit", min=1, help="score only the first N PolNeAR articles"),
    show: int = typer.Option(0, "--show", min=0, help="print up to N disagreements with the labelled set"),
) -> None:
    """Span precision/recall/F1 and speaker accuracy on the team's set and on PolNeAR dev."""
    from ..quotes.evaluate import labelled_dir, polnear_dir, score_labelled, score_polnear

    console = Console(highlight=False, soft_wrap=True)
    root = labelled or labelled_dir()
    if (root / "gold.jsonl").is_file():
        scores = score_labelled(root)
        console.print(f"team labelled set ({root}):")
        for key, s in scores.items():
            console.print("  " + s.line(key), markup=False)
        for miss in scores["exact"].misses[:show]:
            console.print("    " + miss, markup=False)
    else:
        console.print(f"no labelled set at {root}; skipped (give --labelled)")
    pn = polnear or polnear_dir()
    if not (pn / "dev").is_dir():
        console.print(f"PolNeAR not found at {pn}; skipped (give --polnear)")
        return
    console.print(f"PolNeAR dev ({pn}), overlap ≥ 0.5 per Content fragment:")
    for key, s in score_polnear(pn, limit=limit).items():
        console.print("  " + s.line(key), markup=False)


#: Rows the demo shows of each listing.
DEMO_ACTORS = 10
DEMO_QUOTES = 8


def demo_actors_quotes(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The most mentioned actors and a few attributed direct quotes, for `dyadscope demo`."""
    actors = list_actors(store, None, Page(limit=DEMO_ACTORS))
    quotes: dict[tuple[str, str], dict[str, Any]] = {}
    for q in list_quotes(store, QuoteFilters(kind="direct")):
        if q["speaker"]:  # a copy repeats its original's quotes: show each once
            quotes.setdefault((q["speaker"], q["text"]), q)
    return actors, list(quotes.values())[:DEMO_QUOTES]


def print_demo_actors_quotes(found: tuple[list[dict[str, Any]], list[dict[str, Any]]],
                             console: Console) -> None:
    actors, quotes = found
    emit(actors, Format.table, columns=[], limited=True, console=console,
         table_columns=["code", "name", "kind", "mentions", "articles"], title="most mentioned actors")
    emit(quotes, Format.table, columns=[], limited=True, console=console,
         table_columns=["speaker", "speaker_code", "cue", "text"], title="who said what (direct quotes)")
    console.print("try `dyadscope quotes --speaker NAME` or `dyadscope actors --kind person`")
