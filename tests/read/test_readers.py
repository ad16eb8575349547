import io
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyadscope.article import RawDoc
from dyadscope.config import PipelineConfig
from dyadscope.errors import Failure
from dyadscope.read import discover, read_file

from ..conftest import ARTICLES


def _items(path: Path, config: PipelineConfig | None = None) -> list[RawDoc | Failure]:
    return list(read_file(str(path), config or PipelineConfig()))


def test_jsonl_reads_good_lines_and_reports_each_bad_one() -> None:
    items = _items(ARTICLES / "wire.jsonl")
    docs = [i for i in items if isinstance(i, RawDoc)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [d.record for d in docs] == ["w-1", "w-2", "w-6"]
    assert docs[0].url and docs[0].date == "2024-03-11" and docs[0].outlet == "Example Wire"
    assert docs[1].kind == "html"
    assert {(f.record, f.code) for f in fails} == {("3", "E110"), ("4", "E112"), ("5", "E111")}


def test_jsonl_line_over_the_limit_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text('{"text": "' + "x" * 5000 + '"}\n{"text": "a short but fine article body"}\n')
    items = _items(path, PipelineConfig(max_html_bytes=1000, max_article_bytes=1000))
    assert isinstance(items[0], Failure) and items[0].code == "E105"
    assert isinstance(items[1], RawDoc) and items[1].record == "2"


def _warc(path: Path) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        pages = [
            ("https://example.org/a", "text/html; charset=utf-8",
             b"<html><body><p>First page body text about talks.</p></body></html>"),
            ("https://example.org/logo.png", "image/png", b"\x89PNG...."),
            ("https://example.org/b", "text/plain", b"Second article as plain text."),
        ]
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


# warcio's writer leaves a spooled temporary file for the garbage collector.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_warc_yields_text_and_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    docs = _items(path)
    assert [(d.kind, d.url) for d in docs if isinstance(d, RawDoc)] == [
        ("html", "https://example.org/a"), ("text", "https://example.org/b")]
    assert all(isinstance(d, RawDoc) and d.record and d.record.startswith("<urn:uuid:")
               for d in docs)


def test_garbage_warc_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not a warc file at all\n" * 20)
    items = _items(path)
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].code == "E120"


def test_too_large_text_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # 50 MB, sparse: costs no disk and must cost no memory
        fh.truncate(50_000_000)
    (item,) = _items(path)
    assert isinstance(item, Failure) and item.code == "E105"
    assert "50.0 MB" in item.message


def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    os.symlink(tmp_path / "missing-target", path)
    (item,) = _items(path)
    assert isinstance(item, Failure) and item.code == "E102"


def test_unsupported_suffix_named_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("hello")
    (item,) = _items(path)
    assert isinstance(item, Failure) and item.code == "E106"


def test_discover_walks_folders_globs_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "two.html").write_text("x")
    (tmp_path / "a" / "photo.png").write_bytes(b"x")
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    (tmp_path / "b.jsonl").write_text("x")
    found = discover([str(tmp_path / "a"), str(tmp_path / "*.jsonl"), str(tmp_path / "nope")])
    assert [Path(f).name for f in found.files] == ["one.txt", "two.html", "b.jsonl"]
    assert [Path(f).name for f in found.ignored] == ["photo.png"]
    assert [f.code for f in found.failures] == ["E101"]


def test_discover_names_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("x")
    found = discover([str(tmp_path), str(tmp_path / "one.txt")])
    assert len(found.files) == 1
