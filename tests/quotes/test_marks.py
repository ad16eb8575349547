"""Direct-quote runs from quotation marks, on the raw text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dyadscope.quotes.marks import find_runs


def _texts(text: str) -> list[str]:
    return [text[r.start:r.end] for r in find_runs(text)]


def test_every_style_of_mark() -> None:
    text = ("A said “one” and “two.” B said \"three\". C said «four». D said „five“. "
            "E said ‘six, with Kyiv’s help’ then left.")
    assert _texts(text) == ["one", "two.", "three", "four", "five", "six, with Kyiv’s help"]


def test_nested_quotes_stay_inside_the_outer_run() -> None:
    text = "She said: \"A farmer told me 'not yet' and walked off.\" Then she left."
    assert _texts(text) == ["A farmer told me 'not yet' and walked off."]
    text = "‘He told me “every day counts”, and he is right,’ she said."
    assert _texts(text) == ["He told me “every day counts”, and he is right,"]


def test_multi_paragraph_quote_is_one_chain_of_fragments() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph,” he said.\n\nNo quote here."
    runs = find_runs(text)
    assert [text[r.start:r.end] for r in runs] == ["First paragraph of the quote.", "Second paragraph,"]
    assert runs[0].chain == runs[1].chain and runs[0].close is None


def test_machine_translation_damage() -> None:
    # space before a closing mark written with the opening glyph; missing close at paragraph end
    text = "It was “getting worse “. He said: “Ready for all cases.\n\nThe talks ended.”"
    assert _texts(text) == ["getting worse ", "Ready for all cases."]
    # a closing glyph used to open; a stray mark that delimits nothing
    text = "The talks went on. ”The region wants results,” she said. Later a ” stray mark."
    assert _texts(text) == ["The region wants results,"]


def test_lone_mark_at_paragraph_end_is_no_quote() -> None:
    assert _texts("The summit ends on Friday, officials said. “\n\nNext paragraph.") == []


@given(st.text(alphabet="ab .,\n\"“”«»„‘’'", max_size=80))
def test_runs_are_ordered_inside_the_text_and_between_marks(text: str) -> None:
    runs = find_runs(text)
    last = -1
    for r in runs:
        assert 0 <= r.open < r.start <= r.end <= len(text)
        assert r.open > last
        assert text[r.open] in "\"“”«„‘"
        assert r.close is None or r.close == r.end
        last = r.close if r.close is not None else r.end
