import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from dyadscope.cli import app

from ..conftest import ARTICLES

runner = CliRunner()


def _ingest(db: Path, *paths: str) -> str:
    result = runner.invoke(app, ["ingest", "--db", str(db), "--quiet", *paths])
    assert result.exit_code == 0, result.output
    return result.output


def test_ingest_summary_names_failures(tmp_path: Path) -> None:
    out = _ingest(tmp_path / "s.duckdb", str(ARTICLES))
    assert "7 stored, 0 already present, 3 failed" in out
    assert "E110" in out and "wire.jsonl#3" in out


def test_nothing_stored_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "s.duckdb"), "--quiet",
                                 str(tmp_path / "nothing-here")])
    assert result.exit_code == 1
    assert "E101" in result.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    assert runner.invoke(app, ["articles", "--format", "xml"]).exit_code == 2
    db = tmp_path / "s.duckdb"
    _ingest(db, str(ARTICLES))
    bad = runner.invoke(app, ["articles", "--db", str(db), "--since", "yesterday"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_articles_formats_write_every_row(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _ingest(db, str(ARTICLES))
    jsonl = runner.invoke(app, ["articles", "--db", str(db), "--format", "jsonl"]).output
    rows = [json.loads(line) for line in jsonl.splitlines()]
    assert len(rows) == 7
    for key in ("id", "path", "record", "title", "outlet", "published", "published_basis",
                "language", "text"):
        assert all(key in r for r in rows)
    assert {r["published"] for r in rows} >= {"2024-03-11", "2023-06-05", "2022-09-14"}
    as_json = json.loads(runner.invoke(app, ["articles", "--db", str(db), "--format", "json"]).output)
    assert [r["id"] for r in as_json] == [r["id"] for r in rows]
    as_csv = list(csv.DictReader(io.StringIO(
        runner.invoke(app, ["articles", "--db", str(db), "--format", "csv"]).output)))
    assert [r["id"] for r in as_csv] == [r["id"] for r in rows]
    limited = runner.invoke(app, ["articles", "--db", str(db), "--format", "jsonl", "--limit", "2"])
    assert len(limited.output.splitlines()) == 2


def test_articles_filters(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _ingest(db, str(ARTICLES))
    out = runner.invoke(app, ["articles", "--db", str(db), "--format", "jsonl",
                              "--since", "2024-01-01", "--contains", "power purchase"]).output
    assert [json.loads(line)["record"] for line in out.splitlines()] == ["w-6"]


def test_table_escapes_markup_from_articles(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text(
        "[bold red]Injected[/bold red] headline\n\nA body sentence that is long enough to keep here.")
    db = tmp_path / "s.duckdb"
    _ingest(db, str(tmp_path / "in"))
    out = runner.invoke(app, ["articles", "--db", str(db)], env={"COLUMNS": "300"}).output
    assert "[bold red]Injected[/bold red]" in out


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["articles", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert isinstance(result.exception, Exception) and "E303" in str(result.exception)


def test_help_lists_every_command() -> None:
    out = runner.invoke(app, ["--help"]).output
    for cmd in ("ingest", "articles", "demo"):
        assert cmd in out
