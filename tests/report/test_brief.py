"""`dyadscope report`: one self-contained file, everything from articles escaped, clear usage errors."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadscope.cli import app, main
from dyadscope.pipeline import ingest
from dyadscope.report.brief import parse_dyad
from dyadscope.report.render import md
from dyadscope.store import Store

from ..conftest import ARTICLES, FIXTURES

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "r.duckdb"
    with Store(path) as store:
        ingest([str(ARTICLES), str(FIXTURES / "xss")], store)
    return path


def assert_self_contained(html: str) -> None:
    assert "<script" not in html.lower() and "<link" not in html.lower() and "<iframe" not in html.lower()
    for url in re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)""", html):
        assert url.startswith(("#", "data:")), url
    assert "@import" not in html and "url(" not in html


def test_html_brief_is_self_contained_and_escaped(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert_self_contained(html)
    assert "Dockside &lt;b&gt;Wire&lt;/b&gt;" in html


def test_markdown_brief_escapes_html_and_markdown(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out), "--dyad", "CHN-RUS"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# dyadscope brief: CHN–RUS")
    assert "<b>" not in text and "Dockside &lt;b&gt;Wire&lt;/b&gt;" in text


def test_md_escape() -> None:
    assert md("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    escaped = "\\[click\\](javascript:alert(1)) \\*bold\\* \\| pipe"
    assert md("[click](javascript:alert(1)) *bold* | pipe") == escaped


@pytest.mark.parametrize(("args", "message"), [
    (["--out", "brief.txt"], ".html or .md"),
    (["--out", "brief.html", "--dyad", "china"], "CHN-RUS"),
])
def test_usage_errors_exit_2(db: Path, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["dyadscope", "report", "--db", str(db), *args])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    assert message in capsys.readouterr().err


def test_parse_dyad() -> None:
    assert parse_dyad("chn-rus") == ("CHN", "RUS")
    assert parse_dyad("NATO-RUS") == ("NATO", "RUS")
    assert parse_dyad(None) is None
