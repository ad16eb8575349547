import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadscope.clean import clean_text
from dyadscope.clean.boilerplate import is_boilerplate

from ..conftest import ARTICLES


def test_header_and_boilerplate_are_taken_apart() -> None:
    c = clean_text((ARTICLES / "harbour-talks.txt").read_text())
    assert c.title == "Coastal states open talks on fishing rights"
    assert c.outlet == "The Tidewater Post"
    assert c.date == "2023-06-05"
    assert c.text.startswith("Delegations from Norway")
    for gone in ("Share this:", "Leave a Reply", "Great article", "Tidewater Post", "June 5"):
        assert gone not in c.text


def test_blog_reprint_kicker_site_and_inline_date() -> None:
    c = clean_text((ARTICLES / "blog-reprint.txt").read_text())
    assert c.title == "Why small states court both Washington and Beijing"
    assert c.date == "2024-02-20"
    assert c.text.startswith("Small island states")
    assert "View Original" not in c.text and "bloggers" not in c.text


def test_labels_and_follow_lines_go() -> None:
    c = clean_text((ARTICLES / "2022-09-14-border-post.txt").read_text())
    assert c.title == "A quiet border post reopens"
    assert c.date is None  # the file-name date is the caller's business
    assert "Labels" not in c.text and "Follow @" not in c.text


@pytest.mark.parametrize(
    "line",
    ["Leave a Reply", "%d bloggers like this:", "Labels: , , , , ,", "Follow @someone Tweet",
     "View Original", "Share this:", "Subscribe to our newsletter", "Advertisement"],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["Share prices fell in Tokyo after the announcement.", "The labels on the crates were Russian.",
     "Leave a reply to the minister, he said, and we will see."],
)
def test_sentences_mentioning_boilerplate_words_stay(line: str) -> None:
    assert not is_boilerplate(line)


def test_short_sentence_is_body_not_title() -> None:
    c = clean_text("Russia and China signed a pact.\n\nThe deal covers gas.")
    assert c.title is None
    assert c.text == "Russia and China signed a pact.\n\nThe deal covers gas."


def test_comment_section_in_second_half_is_cut() -> None:
    body = "\n\n".join(f"Paragraph {i} of the report says something long enough." for i in range(6))
    c = clean_text(body + "\n\n3 Comments\n\nReader one: I disagree.\n\nReader two: me too.")
    assert "Reader one" not in c.text and c.text.endswith("long enough.")


_lines = st.sampled_from([
    "Leave a Reply", "Title of a story | Some Site", "date 2021-11-25 Weeks after the talks began.",
    "Wednesday, March 22, 2023", "Source: Wire", "By Staff Writer, The Post",
    "A plain sentence of the body that ends properly.", "Short heading", "", "   ",
    "“A quote,” he said.", "Labels: a, b", "View Original", "%d bloggers like this:",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_lines, st.text(max_size=60)), max_size=12))
def test_clean_is_idempotent(lines: list[str]) -> None:
    once = clean_text("\n".join(lines)).text
    assert clean_text(once).text == once
