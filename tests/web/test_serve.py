"""`dyadscope serve`: binds 127.0.0.1 unless told otherwise, and says which it did."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from dyadscope.cli import main
from dyadscope.cli.web import is_local


def _serve(monkeypatch: pytest.MonkeyPatch, *args: str) -> dict[str, Any]:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.setattr(sys, "argv", ["dyadscope", "serve", *args])
    try:
        main()
    except SystemExit as exit_:
        seen["exit"] = exit_.code
    return seen


def test_serves_on_loopback_by_default(web_db: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    seen = _serve(monkeypatch, "--db", str(web_db))
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    said = capsys.readouterr().err
    assert "serving on http://127.0.0.1:8000 (local only; use --host 0.0.0.0 to expose)" in said


def test_exposing_it_is_announced(web_db: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    seen = _serve(monkeypatch, "--db", str(web_db), "--host", "0.0.0.0", "--port", "8123")
    assert seen["host"] == "0.0.0.0" and seen["port"] == 8123
    assert "reachable from other machines" in capsys.readouterr().err


def test_missing_store_fails_before_serving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    seen = _serve(monkeypatch, "--db", str(tmp_path / "absent.duckdb"))
    assert seen.get("exit") == 1 and "app" not in seen
    assert "E303" in capsys.readouterr().err


@pytest.mark.parametrize(("host", "local"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                             ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.4", False),
                                             ("example.org", False)])
def test_is_local(host: str, local: bool) -> None:
    assert is_local(host) is local


def test_a_store_from_an_older_dyadscope_is_served_with_a_clear_503(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from dyadscope.store import Store
    from dyadscope.store.migrations import MIGRATIONS
    from dyadscope.web import create_app

    from .conftest import TestClient

    old = tmp_path / "old.duckdb"
    with Store(old, migrations=[m for m in MIGRATIONS if m.version == 100]):
        pass
    client = TestClient(create_app(old))
    assert client.get("/").status_code == 200
    response = client.get("/api/quotes")
    assert response.status_code == 503 and "upgrade" in response.json()["message"]
    _serve(monkeypatch, "--db", str(old))
    assert "older than this dyadscope" in capsys.readouterr().err
