"""Random bytes and random unicode into every reader and into clean: a result or a coded error."""

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadscope.article import RawDoc
from dyadscope.clean import clean, clean_text
from dyadscope.config import PipelineConfig
from dyadscope.errors import DyadscopeError, Failure
from dyadscope.read import read_file
from dyadscope.read.formats import READERS
from dyadscope.store import Store

CONFIG = PipelineConfig(stages=())
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _read_and_clean(path: Path) -> None:
    for item in read_file(str(path), CONFIG):
        assert isinstance(item, RawDoc | Failure)
        if isinstance(item, Failure):
            assert item.code.startswith("E") and item.message
            continue
        try:
            article = clean(item, CONFIG)
        except DyadscopeError:
            continue
        assert article.text and article.id


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(sorted(READERS)))
def test_random_bytes_into_every_reader(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                        suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    _read_and_clean(path)


@FUZZ
@given(text=st.text(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_random_unicode_into_text_readers(tmp_path_factory: pytest.TempPathFactory, text: str,
                                          suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    _read_and_clean(path)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_clean_text_never_crashes_and_is_a_fixed_point(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


MALFORMED_HTML = [
    "<html><body><p>Unclosed paragraph about the summit in Hanoi where ministers met" * 5,
    "<div><div><div>" * 2000 + "Deeply nested text about a treaty signed in Lima." + "</div>" * 10,
    "<html><head><title>Only a title</title></head></html>",
    "<p>Broken &#xZZZZ; entity &unknown; and a bare < sign in text about talks in Oslo.</p>" * 8,
    "<html><body><script>document.write('<p>fake</p>')</script><noscript>x</noscript></body>",
    "<?xml version='1.0'?><!DOCTYPE html><html xmlns='x'><body><p>" + "Tariffs rose. " * 40,
    "<table><tr><td>Cell about the border crossing between two states" * 30,
    "\x00<html>\x00<body>nul bytes</body>",
    "<html>" + "<p>" + "\u202e right-to-left override and emoji 🛰️ in a report on satellites. " * 20,
    "<frameset><frame src='a'></frameset>",
    "<html><body><p>" + "A" * 200_000 + "</p></body></html>",
]


@pytest.mark.parametrize("html", MALFORMED_HTML, ids=range(len(MALFORMED_HTML)))
def test_malformed_html_corpus(tmp_path: Path, html: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8", errors="surrogatepass")
    _read_and_clean(path)


def test_concurrent_processes_get_store_is_busy(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db):  # holds the write lock, as a running ingest would
        result = subprocess.run(
            [sys.executable, "-m", "dyadscope", "articles", "--db", str(db)],
            capture_output=True, text=True, timeout=120,
        )
        ingest = subprocess.run(
            [sys.executable, "-m", "dyadscope", "ingest", "--db", str(db), "--quiet",
             str(Path(__file__).parents[1] / "fixtures" / "articles")],
            capture_output=True, text=True, timeout=120,
        )
    for proc in (result, ingest):
        assert proc.returncode == 1
        assert "E301" in proc.stderr and "in use by another dyadscope process" in proc.stderr
    with Store(db, read_only=True) as s:  # and nothing was corrupted
        assert s.scalar("SELECT count(*) FROM articles") == 0
