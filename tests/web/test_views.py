"""The views over events, relations, quotes, actors and stories: JSON shapes and their HTML pages."""

from __future__ import annotations

import pytest

from .conftest import TestClient, article_id


def _top_dyad(client: TestClient) -> str:
    dyads = client.get("/api/dyad-list").json()["items"]
    assert dyads, "the demo corpus has events between two states"
    return str(dyads[0]["dyad"])


def test_dyad_view_has_relation_trend_and_events(client: TestClient) -> None:
    dyad = _top_dyad(client)
    data = client.get("/api/dyads", params={"dyad": dyad, "freq": "year"}).json()
    assert data["dyad"] == dyad and data["freq"] == "year"
    assert data["relation"] and data["trend"]["description"].startswith("trend")
    assert sum(r["events"] for r in data["relation"]) > 0
    a, b = dyad.split("-")
    for e in data["events"]["items"]:
        assert {e["actor1"][:3], (e["actor2"] or "")[:3]} == {a[:3], b[:3]}
    html = client.get("/dyads", params={"dyad": dyad}).text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart relation"' in html
    assert "evidence-link" in html


def test_dyad_view_defaults_to_the_busiest_dyad(client: TestClient) -> None:
    assert client.get("/api/dyads").json()["dyad"] == _top_dyad(client)


def test_date_filters_narrow_chart_and_timeline(client: TestClient) -> None:
    dyad = _top_dyad(client)
    everything = client.get("/api/dyads", params={"dyad": dyad, "freq": "year", "limit": 500}).json()
    years = [r["period"] for r in everything["relation"]]
    last = years[-1]
    params = {"dyad": dyad, "freq": "year", "since": last, "limit": 500}
    narrowed = client.get("/api/dyads", params=params).json()
    assert [r["period"] for r in narrowed["relation"]] == [last]
    assert all(e["date"] >= last for e in narrowed["events"]["items"])


def test_event_links_point_at_the_evidence(client: TestClient) -> None:
    events = client.get("/api/events", params={"limit": 20}).json()["items"]
    assert events
    for e in events:
        text = client.get(f"/api/articles/{e['article_id']}").json()["article"]["text"]
        assert text[e["start"]:e["end"]] == e["text"]


def test_article_spans_cover_events_quotes_and_actors(client: TestClient) -> None:
    aid = article_id(client, outlet="Eastern Dispatch")
    data = client.get(f"/api/articles/{aid}").json()
    kinds = {s["kind"] for s in data["spans"]}
    assert kinds >= {"actor", "event"}
    html = client.get(f"/articles/{aid}").text
    assert 'class="hl hl-event' in html and 'class="hl hl-actor' in html


def test_network_nodes_and_edges_agree(client: TestClient) -> None:
    net = client.get("/api/network").json()
    codes = {n["code"] for n in net["nodes"]}
    assert net["edges"] and all(e["a"] in codes and e["b"] in codes for e in net["edges"])
    assert all(-1 <= e["tone"] <= 1 for e in net["edges"])
    html = client.get("/network").text
    assert 'class="chart network"' in html and "/dyads?dyad=" in html


def test_quotes_filter_by_actor_and_speaker(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"limit": 500}).json()["items"]
    assert quotes
    coded = next(q for q in quotes if q["speaker_code"])
    by_actor = client.get("/api/quotes", params={"actor": coded["speaker_code"]}).json()["items"]
    assert by_actor and all(q["speaker_code"].startswith(coded["speaker_code"][:3]) for q in by_actor)
    named = next(q for q in quotes if q["speaker"])
    by_name = client.get("/api/quotes", params={"speaker": named["speaker"]}).json()["items"]
    assert named["id"] in {q["id"] for q in by_name}
    assert client.get("/quotes", params={"actor": coded["speaker_code"]}).status_code == 200


def test_actors_listing(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"kind": "state"}).json()["items"]
    assert actors and all(a["kind"] == "state" for a in actors)
    assert client.get("/actors").status_code == 200


def test_stories_and_story_pages(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["items"]
    assert stories, "the demo corpus has story groups"
    story = stories[0]
    detail = client.get(f"/api/stories/{story['story']}").json()
    assert [a["id"] for a in detail["articles"]] == story["articles"]
    first = detail["articles"][0]["id"]
    prov = client.get(f"/api/articles/{first}").json()["provenance"]
    assert prov["story"]["story"] == story["story"]
    assert {s["id"] for s in prov["siblings"]} == set(story["articles"]) - {first}
    assert client.get(f"/stories/{story['story']}").status_code == 200
    assert client.get("/stories/s000000000000000").status_code == 404


def test_copies_name_their_original_and_originals_their_copies(client: TestClient) -> None:
    rows = client.get("/api/articles", params={"limit": 500}).json()["items"]
    copies = [r for r in rows if r["copy_of"]]
    assert copies, "the demo corpus has copies"
    listed = client.get("/api/copies").json()["items"]
    assert {c["id"] for c in listed} == {c["id"] for c in copies}
    assert sum(c["copies"] for c in client.get("/api/overview").json()["copies"]) == len(copies)
    for copy in copies:
        prov = client.get(f"/api/articles/{copy['id']}").json()["provenance"]
        assert prov["original"]["id"] == copy["copy_of"]
        assert "does not count as an independent source" in client.get(f"/articles/{copy['id']}").text
        original = client.get(f"/api/articles/{copy['copy_of']}").json()["provenance"]
        assert copy["id"] in {c["id"] for c in original["copies"]}


@pytest.mark.parametrize("url", ["/dyads?dyad=CHN", "/dyads?freq=day", "/events?type=x", "/events?actor=C",
                                 "/network?max_nodes=1000", "/quotes?kind=shouted", "/actors?kind=planet",
                                 "/stories/zzz", "/api/relation"])
def test_bad_view_parameters_are_422(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 422
