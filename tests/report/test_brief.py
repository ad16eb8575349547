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
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# dyadscope brief: the whole store")
    assert "<b>" not in text and "Dockside &lt;b&gt;Wire&lt;/b&gt;" in text


def test_a_dyad_without_events_says_so(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out), "--dyad", "VEN-GUY"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# dyadscope brief: VEN–GUY")
    assert "No events were found between VEN and GUY" in text


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


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dyadscope.cli.demo import demo_corpus

    path = tmp_path_factory.mktemp("report-demo") / "demo.duckdb"
    with Store(path) as store:
        ingest([str(demo_corpus())], store)
    return path


def test_dyad_brief_cites_every_event_quote_and_copy(demo_db: Path) -> None:
    from dyadscope.report import build_brief

    with Store(demo_db, read_only=True) as store:
        brief = build_brief(store, ("CHN", "RUS"))
        ids = {r["id"] for r in store.query("SELECT id FROM articles")}
    assert brief.trend and brief.trend_text and brief.events
    for e in brief.events:
        assert {e["actor1"][:3], e["actor2"][:3]} == {"CHN", "RUS"}
        assert e["articles"] and set(e["articles"]) <= set(brief.citations)
    for q in brief.quotes:
        assert q["article_id"] in brief.citations
        assert not brief.citations[q["article_id"]]["copy_of"], "quotes are cited from originals"
    for c in brief.copies:
        assert c["copy_of"] in brief.citations
    assert set(brief.citations) <= ids
    assert sum(s["articles"] for s in brief.sources) == len(brief.citations)


def test_dyad_brief_renders_its_chart_in_both_formats(demo_db: Path, tmp_path: Path) -> None:
    for name in ("brief.html", "brief.md"):
        out = tmp_path / name
        result = runner.invoke(app, ["report", "--db", str(demo_db), "--dyad", "CHN-RUS", "--out", str(out)])
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        assert "Key events" in text and "Articles cited" in text
        if name.endswith(".html"):
            assert_self_contained(text)
            assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart relation"' in text
        else:
            assert "](data:image/svg+xml;base64," in text
