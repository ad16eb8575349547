"""The dashboard in a real browser (Debian's chromium through Playwright).

Each page must load with no console error, no failed request and no dialog; the
screenshots are kept under test-artifacts/web/ for a person to look at. The
tests skip, saying why, where chromium is not installed (`make browsers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from .conftest import ARTIFACTS, TestClient, article_id

#: Milliseconds a page may take to load or an element to appear before the test fails.
WAIT_MS = 15_000


@dataclass
class Watched:
    """A browser tab and everything that went wrong in it."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def visit(self, url: str, shot: str | None = None) -> None:
        response = self.page.goto(url, wait_until="load", timeout=WAIT_MS)
        assert response is not None and response.status == 200, url
        if shot:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []


@pytest.fixture
def tab(browser: Any, live_server: str) -> Iterator[Watched]:
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900},
                                  java_script_enabled=True)
    page = context.new_page()
    watched = Watched(page)
    page.on("console", lambda m: watched.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda exc: watched.errors.append(f"page error: {exc}"))
    page.on("requestfailed", lambda r: watched.errors.append(f"request failed: {r.url}"))
    page.on("response",
            lambda r: watched.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)

    def on_dialog(dialog: Any) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield watched
    context.close()


PAGES = {
    "overview": "/",
    "dyads": "/dyads",
    "events": "/events",
    "network": "/network",
    "quotes": "/quotes",
    "actors": "/actors",
    "stories": "/stories",
    "copies": "/copies",
    "articles": "/articles",
    "sources": "/sources",
    "failures": "/failures",
    "search": "/search?q=Kremlin",
    "api-docs": "/api/docs",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_cleanly(tab: Watched, name: str) -> None:
    tab.visit(PAGES[name], shot=name)
    tab.assert_clean()
    assert tab.page.locator("main h1").count() == 1


def test_article_page_loads_cleanly(tab: Watched, client: TestClient) -> None:
    tab.visit(f"/articles/{article_id(client, outlet='Eastern Dispatch')}", shot="article")
    tab.assert_clean()


def test_search_hit_opens_its_article_with_the_passage_highlighted(tab: Watched) -> None:
    tab.visit("/search?q=Kremlin")
    tab.page.locator("ol.hits li a").first.click()
    followed = re.compile(r"/articles/[0-9a-f]{16}\?focus_start=\d+&focus_end=\d+")
    tab.page.wait_for_url(followed, timeout=WAIT_MS)
    focus = tab.page.locator(".text .hl-focus").first
    focus.wait_for(state="visible", timeout=WAIT_MS)
    assert focus.inner_text().lower() == "kremlin"
    assert focus.is_visible()
    tab.page.screenshot(path=str(ARTIFACTS / "search-hit-article.png"), full_page=False)
    tab.assert_clean()


def test_xss_articles_run_nothing(tab: Watched, client: TestClient) -> None:
    rows = client.get("/api/articles", params={"path": "xss"}).json()["items"]
    assert len(rows) == 3
    for i, row in enumerate(rows):
        tab.visit(f"/articles/{row['id']}", shot=f"xss-{i}")
        shown = tab.page.locator("main").inner_text()
        assert any(p in shown for p in ("<script>", "<svg", "<img", "javascript:")), "payload shown as text"
        assert tab.page.locator("main script, main img, main svg, main iframe").count() == 0
        assert tab.page.locator("main a[href^='javascript']").count() == 0
    tab.visit("/search?q=alert", shot="xss-search")
    tab.visit("/articles?path=xss")
    tab.assert_clean()


def test_dyad_chart_renders_and_an_event_opens_its_evidence(tab: Watched, client: TestClient) -> None:
    dyad = client.get("/api/dyad-list").json()["items"][0]["dyad"]
    tab.visit(f"/dyads?dyad={dyad}", shot="dyad-view")
    chart = tab.page.locator("#relation-chart svg.chart")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    assert tab.page.locator("#relation-chart svg rect[class^=q]").count() > 0
    assert tab.page.locator("#relation-chart svg polyline.index").count() == 1
    link = tab.page.locator("a.evidence-link").first
    evidence = link.inner_text()
    link.click()
    followed = re.compile(r"/articles/[0-9a-f]{16}\?focus_start=\d+&focus_end=\d+")
    tab.page.wait_for_url(followed, timeout=WAIT_MS)
    focus = tab.page.locator(".text .hl-focus")
    focus.first.wait_for(state="visible", timeout=WAIT_MS)
    shown = "".join(focus.all_inner_texts())
    assert " ".join(shown.split()) == " ".join(evidence.split())
    assert tab.page.locator(".text .hl-event").count() > 0 and tab.page.locator(".text .hl-actor").count() > 0
    tab.page.screenshot(path=str(ARTIFACTS / "event-evidence.png"), full_page=False)
    tab.assert_clean()


def test_legend_toggles_a_kind_of_highlight(tab: Watched, client: TestClient) -> None:
    tab.visit(f"/articles/{article_id(client, outlet='Eastern Dispatch')}")
    tab.page.locator(".legend .hl-actor[data-kind=actor]").click()
    assert "hide-actor" in (tab.page.locator("#text").get_attribute("class") or "")
    tab.assert_clean()


def test_network_draws_nodes_and_links_to_dyads(tab: Watched) -> None:
    tab.visit("/network", shot="network")
    assert tab.page.locator("#network-chart svg circle").count() >= 2
    assert tab.page.locator("#network-chart svg a[href^='/dyads?dyad=']").count() >= 1
    tab.assert_clean()
