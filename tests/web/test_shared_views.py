"""One query function per view: the CLI listing, the JSON API and the page say the same thing."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyadscope.cli import app

from .conftest import TestClient

runner = CliRunner()


def _jsonl(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, [*args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_search_cli_and_api_agree(web_db: Path, client: TestClient) -> None:
    cli = _jsonl("search", "Moscow", "--db", str(web_db))
    api = client.get("/api/search", params={"q": "Moscow", "limit": 500}).json()["items"]
    assert cli and cli == api


def test_dyads_cli_and_api_agree(web_db: Path, client: TestClient) -> None:
    cli = _jsonl("dyads", "--db", str(web_db))
    api = client.get("/api/dyad-list", params={"limit": 500}).json()["items"]
    assert cli and cli == api


def test_events_cli_and_api_agree(web_db: Path, client: TestClient) -> None:
    dyad = client.get("/api/dyad-list").json()["items"][0]["dyad"]
    cli = _jsonl("events", "--db", str(web_db), "--dyad", dyad)
    api = client.get("/api/events", params={"dyad": dyad, "limit": 500}).json()["items"]
    assert cli and cli == api


def test_articles_cli_and_api_agree(web_db: Path, client: TestClient) -> None:
    cli = _jsonl("articles", "--db", str(web_db))
    api = client.get("/api/articles", params={"limit": 500}).json()["items"]
    assert [r["id"] for r in cli] == [r["id"] for r in api]
