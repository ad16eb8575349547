"""Dates resolved against the publication date, with precision and basis (README table)."""

from __future__ import annotations

import pytest

from dyadscope.events.dates import find_dates


@pytest.mark.parametrize(("text", "published", "date", "precision", "basis"), [
    ("on March 29, 2022", "2022-04-02", "2022-03-29", "day", "explicit"),
    ("in June 2020", "2022-04-02", "2020-06-01", "month", "explicit"),
    ("in 2014", "2022-04-02", "2014-01-01", "year", "explicit"),
    ("on Tuesday", "2021-11-25", "2021-11-23", "day", "relative"),
    ("on Thursday night", "2021-11-25", "2021-11-25", "day", "relative"),
    ("yesterday", "2021-11-25", "2021-11-24", "day", "relative"),
    ("last week", "2021-11-25", "2021-11-15", "week", "relative"),
    ("next week", "2021-11-25", "2021-11-29", "week", "relative"),
    ("last month", "2021-01-10", "2020-12-01", "month", "relative"),
    ("in August", "2021-11-25", "2021-08-01", "month", "relative"),
    ("in December", "2021-11-25", "2020-12-01", "month", "relative"),
    ("this year", "2021-11-25", "2021-01-01", "year", "relative"),
    ("on 4 February 2022", "2023-01-01", "2022-02-04", "day", "explicit"),
])
def test_resolution(text: str, published: str, date: str, precision: str, basis: str) -> None:
    found = find_dates(text, published)
    assert [(d.date, d.precision, d.basis) for d in found] == [(date, precision, basis)]


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("Russia may respond, and China may too.", "2022-01-01") == []


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("on Tuesday", None) == []
    assert find_dates("on June 28, 2021", None)[0].date == "2021-06-28"


def test_offsets_are_shifted(code) -> None:
    text = "Kishi met reporters on Tuesday."
    (d,) = find_dates(text, "2021-11-25", offset=100)
    assert (d.start - 100, d.end - 100) == (text.index("Tuesday"), text.index("Tuesday") + 7)


def test_event_without_time_gets_the_publication_date(code) -> None:
    actors = {"Russia": "RUS", "Ukraine": "UKR"}
    e = code("Russia attacked Ukraine.", actors, published="2022-02-24").events[0]
    assert (e.date, e.date_precision, e.date_basis) == ("2022-02-24", "day", "publication")
    e = code("Russia attacked Ukraine.", actors, published=None).events[0]
    assert (e.date, e.date_precision, e.date_basis) == (None, None, None)


def test_same_occasion_sentence_inherits_the_date(code) -> None:
    text = "Japan protested on Tuesday. As he spoke, China and Russia signed a pact."
    a = code(text, {"Japan": "JPN", "China": "CHN", "Russia": "RUS"})
    signed = [e for e in a.events if e.plover == "SUPPORT"]
    assert signed and {e.date for e in signed} == {"2021-11-23"}
