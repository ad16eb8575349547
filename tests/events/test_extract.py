"""Who did what to whom: subject/verb/object, prepositions, passives, coordination, nominal events."""

from __future__ import annotations

from dyadscope.article import Article


def triples(article: Article) -> set[tuple[str | None, str | None, str]]:
    return {(e.actor1, e.actor2, e.plover) for e in article.events}


def test_subject_verb_object(code) -> None:
    a = code("Poland expelled three Russian diplomats on Monday.", {"Poland": "POL", "Russian": "RUS"})
    assert triples(a) == {("POL", "RUS", "SANCTION")}
    assert a.events[0].cameo == "161" and a.events[0].quad == 4


def test_prepositional_target_of_a_support_verb(code) -> None:
    a = code("Japan imposed new sanctions on Russia.", {"Japan": "JPN", "Russia": "RUS"})
    assert triples(a) == {("JPN", "RUS", "SANCTION")}


def test_talks_with_is_one_direction(code) -> None:
    a = code("India held talks with China in Beijing.", {"India": "IND", "China": "CHN"})
    assert triples(a) == {("IND", "CHN", "CONSULT")}


def test_passive_agent_is_actor1(code) -> None:
    a = code("The embassy was attacked by rebels from Sudan.",
             {"embassy": "USAGOV", "rebels from Sudan": "SDNREB"})
    assert ("SDNREB", "USAGOV", "ASSAULT") in triples(a)


def test_passive_participle_with_coordinated_agents(code) -> None:
    text = ("The pact, signed by Russian Defence Minister Shoigu and his Chinese counterpart Wei, "
            "covers drills.")
    a = code(text, {"Russian Defence Minister Shoigu": "RUSMIL", "Wei": "CHNMIL"})
    assert {("RUSMIL", "CHNMIL", "SUPPORT"), ("CHNMIL", "RUSMIL", "SUPPORT")} <= triples(a)


def test_coordinated_subjects_of_a_joint_action_give_each_pair(code) -> None:
    a = code("Chinese and Russian warships held joint drills in the Sea of Japan.",
             {"Chinese": "CHN", "Russian warships": "RUSMIL"})
    assert triples(a) == {("CHNMIL", "RUSMIL", "COOPERATE"), ("RUSMIL", "CHNMIL", "COOPERATE")}


def test_coordinated_subjects_acting_on_a_third(code) -> None:
    a = code("American and British warplanes struck Houthi targets.",
             {"American": "USAMIL", "British": "GBRMIL", "Houthi": "HOUTHI"})
    assert triples(a) == {("USAMIL", "HOUTHI", "ASSAULT"), ("GBRMIL", "HOUTHI", "ASSAULT")}


def test_nominal_event_with_possessive_and_of(code) -> None:
    a = code("Canada condemned Russia's invasion of Ukraine.",
             {"Canada": "CAN", "Russia": "RUS", "Ukraine": "UKR"})
    assert triples(a) == {("CAN", "RUS", "ACCUSE"), ("RUS", "UKR", "ASSAULT")}


def test_content_of_a_threat_is_not_a_second_event(code) -> None:
    a = code("Iran threatened to close the strait if the United States blocked its exports.",
             {"Iran": "IRN", "the United States": "USA"})
    assert triples(a) == {("IRN", "USA", "THREATEN")}


def test_no_actor_no_event(code) -> None:
    assert code("Talks were held in Geneva.", {}).events == []


def test_statement_only_is_no_event(code) -> None:
    text = "China said relations with Russia were complicated."
    assert code(text, {"China": "CHN", "Russia": "RUS"}).events == []


def test_caption_with_explicit_date(code) -> None:
    text = ("Russian President Vladimir Putin meets Chinese President Xi Jinping "
            "in Moscow, Russia, March 21, 2023. [File: Agency]")
    a = code(text, {"Russian President Vladimir Putin": "RUSGOV", "Chinese President Xi Jinping": "CHNGOV"},
             published="2023-04-02")
    e = next(e for e in a.events if e.plover == "CONSULT")
    assert (e.actor1, e.actor2, e.date, e.date_precision, e.date_basis) == (
        "RUSGOV", "CHNGOV", "2023-03-21", "day", "explicit")


def test_offsets_index_the_text(code) -> None:
    a = code("Japan's sanctions on Russian banks took effect on Friday after Tokyo condemned Moscow.",
             {"Japan": "JPN", "Russian": "RUS", "Tokyo": "JPNGOV", "Moscow": "RUSGOV"})
    assert a.events
    for e in a.events:
        assert a.text[e.start:e.end] == e.text
        assert e.trigger_start is not None and e.trigger_end is not None
        assert a.text[e.trigger_start:e.trigger_end] == e.trigger
