import pytest

from dyadscope.clean.dates import (
    date_from_filename,
    normalise_date,
    parse_date_line,
    split_inline_date,
)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Wednesday, March 22, 2023", "2023-03-22"),
        ("March 22, 2023", "2023-03-22"),
        ("22 March 2023", "2023-03-22"),
        ("Published: 21 March 2023", "2023-03-21"),
        ("March 21, 2023 10:42 GMT", "2023-03-21"),
        ("date 2021-11-25", "2021-11-25"),
        ("2021-11-25", "2021-11-25"),
        ("Posted on Sept. 3, 2022", "2022-09-03"),
        ("Updated 3rd of June 2020", "2020-06-03"),
        ("14.06.2022", "2022-06-14"),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None and parsed[0] == iso


@pytest.mark.parametrize(
    "line",
    ["In March 2023 the two met.", "03/04/2023", "February 30, 2023", "March 22", "Since 1961",
     "June 5, 1850"],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_inline_date_prefix() -> None:
    assert split_inline_date("date 2021-11-25 Weeks after") == ("2021-11-25", "Weeks after")
    assert split_inline_date("The date 2021-11-25 was set") is None


@pytest.mark.parametrize(
    ("name", "iso"),
    [("2022-06-14-slug.txt", "2022-06-14"), ("news_20210315.html", "2021-03-15"),
     ("000_0c13c7e612138179.txt", None), ("report-2021.txt", None), ("a2022061499.txt", None)],
)
def test_filename_dates(name: str, iso: str | None) -> None:
    assert date_from_filename("some/dir/" + name) == iso


def test_normalise_input_dates() -> None:
    assert normalise_date("2024-03-11T10:00:00Z") == "2024-03-11"
    assert normalise_date("March 3, 2024") == "2024-03-03"
    assert normalise_date("soon") is None
