"""Mentions linked to actor codes: dictionary, metonyms, sectors, roles by date, new people."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadscope.actors import code_at, mentions_in
from dyadscope.article import Article

TEXT = (
    "Chinese warships sailed past Okinawa on Monday while Beijing said the drills were routine. "
    "The Kremlin welcomed the exercise, and NATO said it was watching closely.\n\n"
    "Mara Ellison, a former Australian diplomat, said the patrols were a message. "
    "Tomas Varga, an analyst at the Moscow-based Institute of Eastern Studies, said little had changed. "
    "Ellison added that Tokyo would protest."
)


def _by_text(article: Article) -> dict[str, str | None]:
    return {m.text: m.code for m in article.mentions}


def test_offsets_index_the_text(linked: Callable[..., Article]) -> None:
    article = linked(TEXT)
    assert article.mentions
    for m in article.mentions:
        assert article.text[m.start:m.end] == m.text


def test_states_metonyms_sectors_and_igos(linked: Callable[..., Article]) -> None:
    codes = _by_text(linked(TEXT))
    assert codes["Chinese warships"] == "CHNMIL"
    assert codes["Beijing"] == "CHNGOV"
    assert codes["The Kremlin"] == "RUSGOV"  # 'the Kremlin' at the start of a sentence
    assert codes["NATO"] == "NATO"


def test_people_get_the_country_their_apposition_gives(linked: Callable[..., Article]) -> None:
    article = linked(TEXT)
    people = {m.text: m for m in article.mentions if m.kind == "person"}
    assert people["Mara Ellison"].code == "AUS"
    assert people["Tomas Varga"].code == "RUS"
    # the surname alone is the same person, with the fullest name as written
    assert people["Ellison"].entity == people["Mara Ellison"].entity
    assert people["Ellison"].name == "Mara Ellison"
    # "Moscow-based" places the institute; it is not a mention of the Russian government
    assert "Moscow" not in _by_text(article)


@pytest.mark.parametrize(("published", "name"), [("2021-06-01", "Nobuo Kishi"),
                                                 ("2024-06-01", "Minoru Kihara")])
def test_role_nouns_resolve_by_the_article_date(linked: Callable[..., Article], published: str,
                                                name: str) -> None:
    article = linked("Japan's defence minister visited the base on Friday.", published)
    role = [m for m in article.mentions if m.method == "role"]
    assert [(m.name, m.code, m.kind) for m in role] == [(name, "JPNGOV", "person")]


def test_dictionary_people_and_titles(linked: Callable[..., Article]) -> None:
    article = linked("Russian President Vladimir Putin met Chinese Foreign Minister Wang Yi in Moscow.",
                     "2023-03-20")
    people = {m.name: m for m in article.mentions if m.kind == "person"}
    assert people["Vladimir Putin"].code == "RUSGOV"
    assert people["Vladimir Putin"].role == "head_of_state"
    assert people["Wang Yi"].text == "Wang Yi"  # the full name, not the 'Minister Wang' alias


@pytest.mark.parametrize(("text", "expected"), [
    ("The Chinese language and Russian militaries flew joint patrols.", "CHN"),
    ("He met his Chinese language counterpart Wei Fenghe.", "CHN"),
    ("She teaches at two Chinese language schools in Perth.", None),
])
def test_spun_adjective_language(linked: Callable[..., Article], text: str, expected: str | None) -> None:
    """'Chinese language' is a spinner's rewording of 'Chinese' unless it really is the language."""
    article = linked(text)
    spun = [m for m in article.mentions if m.text == "Chinese language"]
    assert [m.code for m in spun] == ([expected] if expected else [])


def test_span_lookups(linked: Callable[..., Article]) -> None:
    article = linked(TEXT)
    start = TEXT.index("Chinese warships")
    assert code_at(article, start, start + 7) == "CHNMIL"
    assert [m.text for m in mentions_in(article, 0, start + 16)] == ["Chinese warships"]
    assert code_at(article, 0, 0) is None
