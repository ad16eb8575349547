"""The JSON API in-process: shapes, paging, filters, validation and read-only access."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dyadscope.web.paging import MAX_LIMIT

from .conftest import TestClient, article_id


def test_overview_counts_match_the_listing(client: TestClient) -> None:
    data = client.get("/api/overview").json()
    counts = data["counts"]
    listed = client.get("/api/articles", params={"limit": MAX_LIMIT}).json()["items"]
    assert counts["articles"] == len(listed)
    assert counts["failures"] >= 3  # the bad lines and files in tests/fixtures/articles
    assert counts["first"] <= counts["last"]
    assert sum(s["articles"] for s in data["sources"]) <= counts["articles"]
    assert {f["code"] for f in data["failures"]} >= {"E110"}


def test_pages_chain_without_gaps_or_repeats(client: TestClient) -> None:
    everything = [r["id"] for r in client.get("/api/articles", params={"limit": MAX_LIMIT}).json()["items"]]
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/articles", params={"limit": 7, "offset": offset}).json()
        assert page["limit"] == 7 and len(page["items"]) <= 7
        seen += [r["id"] for r in page["items"]]
        offset = page["next_offset"]
    assert seen == everything


def test_article_filters(client: TestClient) -> None:
    params = {"outlet": "meridian wire", "since": "2023-01-01"}
    rows = client.get("/api/articles", params=params).json()["items"]
    assert rows and all(r["outlet"] == "Meridian Wire" and r["published"] >= "2023-01-01" for r in rows)


def test_one_article_and_unknown_ids(client: TestClient) -> None:
    aid = article_id(client, outlet="Eastern Dispatch")
    data = client.get(f"/api/articles/{aid}").json()
    assert data["article"]["id"] == aid and data["article"]["text"]
    for span in data["spans"]:
        assert data["article"]["text"][span["start"]:span["end"]] == span["text"]
    missing = client.get("/api/articles/0123456789abcdef")
    assert missing.status_code == 404 and "0123456789abcdef" in missing.json()["message"]
    assert client.get("/articles/0123456789abcdef").status_code == 404


def test_search_finds_titles_and_text_with_offsets(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "kremlin"}).json()["items"]
    assert hits
    for hit in hits:
        text = client.get(f"/api/articles/{hit['id']}").json()["article"]["text"]
        if hit["match_start"] is not None:
            assert text[hit["match_start"]:hit["match_end"]].lower() == "kremlin"
            start = hit["snippet_start"]
            assert text[start:start + len(hit["snippet"])] == hit["snippet"]


def test_search_takes_wildcards_literally(client: TestClient) -> None:
    assert client.get("/api/search", params={"q": "%"}).json()["items"] == []
    assert client.get("/api/search", params={"q": "_"}).json()["items"] == []


@pytest.mark.parametrize(("url", "names"), [
    ("/api/articles?limit=501", "limit"),
    ("/api/articles?limit=0", "limit"),
    ("/api/articles?offset=-1", "offset"),
    ("/api/articles?since=yesterday", "since"),
    ("/api/articles?language=English", "language"),
    ("/api/search", "q"),
    ("/api/search?q=" + "x" * 201, "q"),
    ("/api/articles/not-an-id", "article_id"),
    ("/api/failures?code=drop", "code"),
])
def test_bad_parameters_get_a_422_naming_them(client: TestClient, url: str, names: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert names in response.json()["message"]


def test_bad_parameters_on_pages_get_an_html_422(client: TestClient) -> None:
    response = client.get("/articles?limit=100000")
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert "less than or equal to 500" in response.text


def test_focus_outside_the_article_is_a_400(client: TestClient) -> None:
    aid = article_id(client)
    assert client.get(f"/articles/{aid}?focus_start=5&focus_end=4").status_code == 400
    assert client.get(f"/articles/{aid}?focus_start=0&focus_end=999999").status_code == 400
    assert client.get(f"/articles/{aid}?focus_start=0&focus_end=5").status_code == 200


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/overview", "/static/style.css", "/nowhere"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_api_docs_work_offline(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert "/api/articles" in schema["paths"] and "/api/search" in schema["paths"]
    docs = client.get("/api/docs").text
    assert "/api/articles/{article_id}" in docs and "maximum=500" in docs
    assert "cdn" not in docs.lower() and "http://" not in docs and "https://" not in docs


def test_connections_are_read_only(web_db: Path) -> None:
    from dyadscope.web.access import StoreAccess

    access = StoreAccess(web_db)
    try:
        with access.open() as store, pytest.raises(duckdb.Error, match="read-only"):
            store.query("DELETE FROM articles")
    finally:
        access.close()
