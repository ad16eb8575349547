"""Article-derived text renders inert: `<script>`, `onerror=` and `javascript:` only ever appear escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from .conftest import TestClient

#: Markers planted in tests/fixtures/xss; any of them live in a page would mean an injection.
PAYLOADS = ["<script>alert", "<img src=x onerror", "<svg onload", "<b>Wire</b>"]


def _xss_ids(client: TestClient) -> list[str]:
    rows = client.get("/api/articles", params={"path": "xss", "limit": 50}).json()["items"]
    assert len(rows) == 3
    return [r["id"] for r in rows]


class _Elements(HTMLParser):
    """Every start tag with its attributes, as a browser would parse the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _assert_inert(html: str) -> None:
    for payload in PAYLOADS:
        assert payload not in html
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action"):
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), (tag, value)
        assert tag not in ("img", "svg", "iframe", "object", "embed"), tag
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts == [[("src", "/static/app.js"), ("defer", None)]]


def test_article_pages_escape_everything_from_the_article(client: TestClient) -> None:
    for aid in _xss_ids(client):
        response = client.get(f"/articles/{aid}")
        assert response.status_code == 200
        _assert_inert(response.text)
        assert "&lt;script&gt;" in response.text or "&lt;svg" in response.text or "&lt;img" in response.text


def test_javascript_url_is_shown_as_text_not_a_link(client: TestClient) -> None:
    aid = client.get("/api/articles", params={"outlet": "Dockside <b>Wire</b>"}).json()["items"][0]["id"]
    html = client.get(f"/articles/{aid}").text
    assert "javascript:alert(&#39;xss-url&#39;)" in html and "not a web link" in html
    _assert_inert(html)


@pytest.mark.parametrize("url", [
    "/articles?path=xss", "/search?q=alert", "/search?q=%3Cscript%3E", "/sources", "/",
    "/search?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E", "/articles?outlet=%3Cscript%3Ealert(1)%3C/script%3E",
])
def test_listings_and_search_escape_titles_outlets_and_snippets(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    _assert_inert(response.text)


def test_focus_on_a_payload_still_escapes_it(client: TestClient) -> None:
    for aid in _xss_ids(client):
        text = client.get(f"/api/articles/{aid}").json()["article"]["text"]
        at = text.find("<")
        if at >= 0:
            html = client.get(f"/articles/{aid}?focus_start={at}&focus_end={at + 8}").text
            _assert_inert(html)
            assert 'class="hl hl-focus"' in html


def test_error_pages_escape_the_path(client: TestClient) -> None:
    response = client.get("/%3Cscript%3Ealert(1)%3C/script%3E")
    assert response.status_code == 404
    _assert_inert(response.text)
