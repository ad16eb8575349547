"""The pattern dictionary is data: valid, several hundred rows, and user-extensible."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadscope.errors import UsageError
from dyadscope.events.patterns import load_book, load_cameo

#: The issue asks for "several hundred" patterns.
MIN_PATTERNS = 400


def test_bundled_book_is_large_and_valid() -> None:
    book = load_book()
    assert len(book) >= MIN_PATTERNS
    plovers = {book.code(p.cameo).plover for ps in book.by_key.values() for p in ps if not p.light}
    assert len(plovers) == 16


def test_cameo_table_facts() -> None:
    cameo = load_cameo()
    assert (cameo["057"].plover, cameo["057"].quad) == ("SUPPORT", 1)
    assert (cameo["163"].plover, cameo["163"].goldstein) == ("SANCTION", -8.0)
    assert cameo["010"].plover == ""


def test_user_file_adds_and_replaces(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("lemma\tpos\trequires\tcameo\tflags\tnotes\n"
                     "snub\tVERB\t-\t111\t-\tsnubbed\n"
                     "criticise\tVERB\t-\t112\t-\tas accusation\n", encoding="utf-8")
    book = load_book(str(extra))
    assert book.candidates("snub", "VERB")[0].cameo == "111"
    assert [p.cameo for p in book.candidates("criticise", "VERB")] == ["112"]


@pytest.mark.parametrize("row", ["snub\tVERB\t-\t999\t-", "snub\tADV\t-\t111\t-", "snub\tVERB\tfoo=x\t111\t-",
                                 "snub\tVERB\t-\t010\t-", "snub\tVERB\t-\t111\tsideways"])
def test_bad_rows_name_the_line(tmp_path: Path, row: str) -> None:
    extra = tmp_path / "bad.tsv"
    extra.write_text(row + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match="bad.tsv:1"):
        load_book(str(extra))
