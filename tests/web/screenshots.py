"""Screenshots of the dashboard for the README: `python -m tests.web.screenshots STORE OUT_DIR`.

Serves STORE on a free loopback port, opens the dyad view (CHN–RUS) and, from
its timeline, the article whose event evidence comes earliest in its text (so
that the headline, provenance and the highlighted passage fit in one screen),
and writes dyad-view.png and article-evidence.png into OUT_DIR. The README's
images were made from the demo corpus (`dyadscope demo --db demo.duckdb`): its
text is ours to show, where the seeds' is not.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from dyadscope.web import create_app

from .conftest import CHROMIUM, CHROMIUM_ARGS, free_port

#: The dyad the README shows.
DYAD = "CHN-RUS"
#: The demo corpus reports China–Russia events from 2022 on.
SINCE = "2022-01-01"


def main(store: str, out_dir: str) -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 1100}, device_scale_factor=1)
            page.goto(f"http://127.0.0.1:{port}/dyads?dyad={DYAD}&freq=month&since={SINCE}")
            page.screenshot(path=str(out / "dyad-view.png"), full_page=False)
            hrefs = page.locator("a.evidence-link").evaluate_all("links => links.map(a => a.href)")
            page.goto(min(hrefs, key=lambda h: int(h.split("focus_start=")[1].split("&")[0])))
            page.wait_for_selector(".hl-focus")
            page.wait_for_load_state("load")
            page.evaluate("window.scrollTo(0, 0)")  # the headline and provenance, then the passage
            page.screenshot(path=str(out / "article-evidence.png"), full_page=False)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(10)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
