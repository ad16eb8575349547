"""Fixtures for the dashboard tests: a store built from our fixtures, the app, a live server, a browser."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from dyadscope.cli.demo import demo_corpus
from dyadscope.pipeline import ingest
from dyadscope.store import Store
from dyadscope.web import create_app

from ..conftest import ARTICLES, FIXTURES

with warnings.catch_warnings():
    # Starlette's test client asks for `httpx2`; the httpx we pin works and is what FastAPI documents.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

XSS = FIXTURES / "xss"
#: Debian's chromium; Playwright never downloads a browser here.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
#: Seconds the live server may take to start or stop before the test fails.
SERVER_WAIT = 20


def build_store(path: Path, *inputs: Path) -> Path:
    with Store(path) as store:
        summary = ingest([str(p) for p in inputs], store)
    assert summary.stored > 0
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Our fixture articles, the XSS articles and the demo corpus, ingested once per session."""
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb", ARTICLES, XSS, demo_corpus())


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_db)) as c:
        yield c


def article_id(client: TestClient, **filters: Any) -> str:
    """Id of the first article matching `filters` in the API listing."""
    rows = client.get("/api/articles", params={**filters, "limit": 500}).json()["items"]
    assert rows, filters
    return str(rows[0]["id"])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(web_db: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread on a free loopback port; stops at the end of the session."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port,
                                          log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="dyadscope-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_WAIT
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(SERVER_WAIT)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM}: `make browsers` installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=30_000)
        yield b
        b.close()
