"""Who said what: attribution, pronouns, role nouns, reported speech, unattributed runs."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadscope.article import Article

TEXT = (
    "Estonian Foreign Minister Kadri Lepp said on Monday that the ferry talks would resume.\n\n"
    "“We are ready to listen,” Lepp told reporters in Tallinn. “The door is open.”\n\n"
    "Jonas Albrecht, an engineer at a Hamburg-based shipyard, was more cautious. "
    "“The ships are old,” he said. Albrecht noted that repairs would take a year.\n\n"
    "The minister added that a decision was due in May. Local papers called it a “ferry saga”."
)


def _records(article: Article) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.kind, q.text, q.speaker, q.cue) for q in article.quotes]


def test_offsets_index_the_text(quoted: Callable[..., Article]) -> None:
    article = quoted(TEXT)
    assert article.quotes
    for q in article.quotes:
        assert article.text[q.start:q.end] == q.text


def test_direct_reported_pronoun_surname_and_role(quoted: Callable[..., Article]) -> None:
    got = _records(quoted(TEXT))
    assert ("indirect", "the ferry talks would resume", "Kadri Lepp", "said") in got
    assert ("direct", "We are ready to listen,", "Kadri Lepp", "told") in got
    assert ("direct", "The door is open.", "Kadri Lepp", "told") in got  # continuation
    assert ("direct", "The ships are old,", "Jonas Albrecht", "said") in got  # 'he'
    assert ("indirect", "repairs would take a year", "Jonas Albrecht", "noted") in got
    assert ("indirect", "a decision was due in May", "Kadri Lepp", "added") in got  # 'the minister'


def test_unattributed_quote_is_not_guessed(quoted: Callable[..., Article]) -> None:
    article = quoted(TEXT)
    saga = [q for q in article.quotes if q.text == "ferry saga"]
    assert len(saga) == 1 and saga[0].speaker is None and saga[0].cue is None


def test_speaker_codes(quoted: Callable[..., Article]) -> None:
    codes = {q.speaker: q.speaker_code for q in quoted(TEXT).quotes if q.speaker}
    assert codes["Kadri Lepp"] == "ESTGOV"
    assert codes["Jonas Albrecht"] == "DEU"


def test_according_to_and_content_first(quoted: Callable[..., Article]) -> None:
    text = ("According to Kadri Lepp, the ferry will run again in June. "
            "The crossing is safe, she insisted.")
    got = _records(quoted(text))
    assert ("indirect", "the ferry will run again in June", "Kadri Lepp", "According to") in got
    assert ("indirect", "The crossing is safe", "Kadri Lepp", "insisted") in got


def test_interrupted_quote_has_two_records_with_one_speaker(quoted: Callable[..., Article]) -> None:
    text = "Officials met in Riga.\n\n“The first part,” said Kadri Lepp, “and the second part.”"
    got = _records(quoted(text))
    assert ("direct", "The first part,", "Kadri Lepp", "said") in got
    assert ("direct", "and the second part.", "Kadri Lepp", "said") in got


SENTENCES = [
    "Kadri Lepp said on Monday that the ferry talks would resume.",
    "“We are ready,” she told reporters in Tallinn.",
    "«The door is open,» Lepp added, «for now.»",
    "„Nothing is agreed“, said the minister.",
    "Jonas Albrecht, an analyst at a Berlin-based institute, warned that costs would rise.",
    "‘It’s late,’ he said. ‘We’re tired.’",
    "The plan was called a “compromise “.",
    "According to Finland's foreign minister, the route is safe.",
    "“An unfinished quote",
    "Chinese warships and the Kremlin were not mentioned ”",
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3), min_size=1, max_size=4))
def test_every_record_indexes_the_text(quoted: Callable[..., Article], paragraphs: list[list[str]]) -> None:
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    article = quoted(text, "2024-05-01")
    for record in [*article.quotes, *article.mentions]:
        assert text[record.start:record.end] == record.text
    for q in article.quotes:
        assert q.kind in ("direct", "indirect") and 0 <= q.confidence <= 1
        assert q.speaker is None or q.cue is not None
