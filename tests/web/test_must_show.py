"""The issue's must-show, on a store of ../shared/seeds plus the demo corpus (skips without ../shared).

Every page renders; the China–Russia dyad view shows its events; the XSS
articles render inert; `dyadscope report --dyad CHN-RUS --out brief.html` writes
a brief that opens offline, in a browser with the network cut, with its chart.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dyadscope.cli import app
from dyadscope.cli.demo import demo_corpus
from dyadscope.web import create_app

from ..conftest import SEEDS
from ..report.test_brief import assert_self_contained
from .conftest import XSS, TestClient, build_store
from .test_xss import _assert_inert

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return build_store(tmp_path_factory.mktemp("must") / "seeds.duckdb", SEEDS, demo_corpus(), XSS)


@pytest.fixture(scope="module")
def seeds_client(seeds_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seeds_db)) as c:
        yield c


def test_every_page_renders(seeds_client: TestClient) -> None:
    c = seeds_client
    article = c.get("/api/articles", params={"limit": 1}).json()["items"][0]["id"]
    story = c.get("/api/stories").json()["items"][0]["story"]
    pages = [href for href, _ in c.app.state.nav] + [  # type: ignore[attr-defined]
        f"/articles/{article}", f"/stories/{story}", "/dyads?dyad=CHN-RUS", "/sources", "/failures",
        "/search?q=Moscow", "/events?dyad=CHN-RUS", "/quotes?actor=RUS", "/api/openapi.json"]
    for url in pages:
        assert c.get(url).status_code == 200, url


def test_china_russia_dyad_view_shows_its_events(seeds_client: TestClient) -> None:
    data = seeds_client.get("/api/dyads", params={"dyad": "CHN-RUS", "limit": 500}).json()
    events = data["events"]["items"]
    assert len(events) >= 5 and data["relation"]
    for e in events:
        assert {e["actor1"][:3], e["actor2"][:3]} == {"CHN", "RUS"}
    seeds = seeds_client.get("/api/articles", params={"path": "seeds", "limit": 50}).json()["items"]
    seed_ids = {a["id"] for a in seeds}
    assert seed_ids & {e["article_id"] for e in events}, "the seed articles contribute China–Russia events"
    html = seeds_client.get("/dyads", params={"dyad": "CHN-RUS"}).text
    assert html.count('class="evidence-link"') == min(len(events), 50)


def test_xss_articles_render_inert(seeds_client: TestClient) -> None:
    rows = seeds_client.get("/api/articles", params={"path": "xss"}).json()["items"]
    assert len(rows) == 3
    for row in rows:
        _assert_inert(seeds_client.get(f"/articles/{row['id']}").text)


@pytest.fixture(scope="module")
def brief(seeds_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief") / "brief.html"
    args = ["report", "--db", str(seeds_db), "--dyad", "CHN-RUS", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return out


def test_china_russia_brief_is_one_file_with_its_chart_and_citations(brief: Path) -> None:
    html = brief.read_text(encoding="utf-8")
    assert_self_contained(html)
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart relation"' in html
    assert "Key events" in html and "(article " in html and "Copies found" in html


def test_china_russia_brief_opens_offline(brief: Path, browser: Any) -> None:
    context = browser.new_context(offline=True)
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url))
    page = context.new_page()
    page.goto(brief.as_uri())
    box = page.locator("svg.chart.relation").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    assert page.locator("svg.chart.relation rect[class^=q]").count() > 0
    assert requested == [brief.as_uri()]
    context.close()
