"""The bundled dictionary and user actor files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadscope.actors import load_dictionary
from dyadscope.errors import UsageError


def test_bundled_dictionary_covers_states_igos_and_people() -> None:
    d = load_dictionary()
    states = {a.code for a in d.by_code.values() if a.kind == "state"}
    assert len(states) >= 197  # 193 UN members + TWN, XKX, PSE, ESH (+ VAT)
    assert {"TWN", "XKX", "PSE", "ESH"} <= states
    for code in ("NATO", "UN", "UNSC", "EU", "ASEAN", "AU", "SCO", "BRICS", "G7", "G20", "QUAD", "AUKUS",
                 "OPEC", "ECOWAS"):
        assert code in d.by_code, code
    assert d.resolve("the Kremlin", "2020-01-01").code == "RUSGOV"  # type: ignore[union-attr]
    assert d.resolve("Downing Street", "2020-01-01").code == "GBRGOV"  # type: ignore[union-attr]


def test_shared_aliases_resolve_by_date() -> None:
    d = load_dictionary()
    assert d.resolve("Premier Li", "2015-01-01").name == "Li Keqiang"  # type: ignore[union-attr]
    assert d.resolve("Premier Li", "2024-01-01").name == "Li Qiang"  # type: ignore[union-attr]
    holder = d.holder("RUS", "defence_minister", "2021-11-25")
    assert holder is not None and holder.name == "Sergei Shoigu"


def test_user_tsv_and_json_files_extend_it(tmp_path: Path) -> None:
    tsv = tmp_path / "extra.tsv"
    tsv.write_text("alias\tcode\tname\tkind\tcountry\n"
                   "Northern Shield Brigade\tNSB\tNorthern Shield Brigade\tgroup\tUKR\n", encoding="utf-8")
    d = load_dictionary(str(tsv))
    actor = d.resolve("Northern Shield Brigade", "2024-01-01")
    assert actor is not None and (actor.code, actor.kind, actor.country) == ("NSB", "group", "UKR")
    people = tmp_path / "people.json"
    people.write_text(json.dumps([{"alias": "Ilse Marten", "code": "DEUGOV", "kind": "person",
                                   "country": "DEU", "role": "foreign_minister", "start": "2030-01-01"}]),
                      encoding="utf-8")
    person = load_dictionary(str(people)).resolve("Ilse Marten", "2031-01-01")
    assert person is not None and (person.code, person.role) == ("DEUGOV", "foreign_minister")


@pytest.mark.parametrize("content", ["alias\tname\nfoo\tbar\n", "{not json"])
def test_bad_user_file_is_a_usage_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / ("bad.json" if content.startswith("{") else "bad.tsv")
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        load_dictionary(str(path))
    assert err.value.code.code == "E403"


def test_user_file_reaches_the_linker(tmp_path: Path, linked) -> None:  # type: ignore[no-untyped-def]
    from dyadscope.config import PipelineConfig

    tsv = tmp_path / "extra.tsv"
    tsv.write_text("alias\tcode\tkind\nNorthern Shield Brigade\tNSB\tgroup\n", encoding="utf-8")
    article = linked("The Northern Shield Brigade moved north.", None,
                     PipelineConfig(actors_file=str(tsv)))
    assert [m.code for m in article.mentions if "Brigade" in m.text] == ["NSB"]
