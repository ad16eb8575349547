"""Negated, hypothetical and reported events are flagged (stored, not counted by default)."""

from __future__ import annotations

import pytest

ACTORS = {"Russia": "RUS", "Ukraine": "UKR", "China": "CHN", "Israel": "ISR", "Iran": "IRN",
          "officials": "USAGOV"}


@pytest.mark.parametrize(("text", "negated", "hypothetical"), [
    ("Russia did not sign the treaty with Ukraine.", True, False),
    ("China has never condemned Russia.", True, False),
    ("Russia could attack Ukraine.", False, True),
    ("China plans to visit Russia next month.", False, True),
    ("Russia is expected to sign a deal with China.", False, True),
    ("If Iran attacks Israel, the war will spread.", False, True),
    ("Will Israel strike Iran?", False, True),
    ("Russia attacked Ukraine.", False, False),
])
def test_flags(code, text: str, negated: bool, hypothetical: bool) -> None:
    events = code(text, ACTORS).events
    assert events, text
    assert (events[0].negated, events[0].hypothetical) == (negated, hypothetical)


def test_refusal_is_reject_not_negation(code) -> None:
    e = code("Russia refused to release the Ukrainian sailors.", {"Russia": "RUS", "Ukrainian": "UKR"}).events
    assert [(x.plover, x.negated) for x in e] == [("REJECT", False)]


def test_reported_event_is_flagged_and_kept(code) -> None:
    actors = {"Iran": "IRN", "US officials": "USAGOV"}
    e = code("Iran seized a second tanker, US officials said.", actors).events
    assert [(x.actor1, x.plover, x.reported, x.hypothetical) for x in e] == [("IRN", "COERCE", True, False)]
