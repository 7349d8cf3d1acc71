"""The web UI in real headless Chromium (Debian's package, driven by Playwright): paste a story
and see it annotated, click an event and see its evidence, filter the events browser, load the
dashboard with its charts drawn. Screenshots of every page go to artifacts/screenshots/ (ignored by git).

Skipped when Chromium is not installed, unless EVENTWIRE_REQUIRE_BROWSER=1 (CI sets it, so a
missing browser fails there instead of passing quietly).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from eventwire.options import Options
from eventwire.samples import stories_by_id
from eventwire.web import create_app

SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

if not Path(CHROMIUM).exists():
    if os.environ.get("EVENTWIRE_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright


@pytest.fixture(scope="module")
def server(sample_store, nlp, resources):
    """The app on a free loopback port, in a thread of this process."""
    import uvicorn

    app = create_app(str(sample_store), Options(check_language=False), nlp=nlp, resources=resources)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        problems: list[str] = []
        # a blocked inline script or a failed asset would show up here
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: problems.append(str(e)))
        tab.problems = problems  # type: ignore[attr-defined]
        tab.set_default_timeout(20_000)
        yield tab
        browser.close()


def _shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_paste_an_article_and_see_its_events(server, page):
    story = stories_by_id()["ew-mil-012"]
    page.goto(server + "/")
    page.fill("#title", story["title"])
    page.fill("#published", story["published"])
    page.fill("#text", story["text"])
    _shot(page, "1-paste")
    page.click("#code-button")
    page.wait_for_selector("tr.event-row")
    assert page.inner_text("h1") == story["title"]
    rows = page.locator("tr.event-row")
    assert rows.count() >= 3
    assert page.locator(".seg.trigger").count() >= rows.count() - 1
    assert page.locator(".seg.mention").count() > 5 and page.locator(".label").count() > 5
    assert page.locator(".seg.place").count() >= 1 and page.locator(".seg.time").count() >= 1
    _shot(page, "2-annotated")

    # click an event: its evidence, trigger and actor slots light up, and nothing else's
    row = rows.nth(0)
    event_id = row.get_attribute("data-event")
    row.click()
    lit = page.locator(".hl-evidence")
    assert lit.count() >= 1
    for i in range(lit.count()):
        assert event_id in lit.nth(i).get_attribute("data-ev").split()
    trigger = page.locator(".hl-trigger")
    assert trigger.count() >= 1
    assert trigger.first.inner_text().strip() in row.locator(".trigger-text").inner_text()
    assert page.inner_text("#evidence").startswith("Evidence: ")
    assert "active" in (row.get_attribute("class") or "")
    _shot(page, "3-event-evidence")

    # another event moves the highlight
    other = rows.nth(rows.count() - 1)
    other.click()
    other_id = other.get_attribute("data-event")
    assert all(other_id in page.locator(".hl-evidence").nth(i).get_attribute("data-ev").split()
               for i in range(page.locator(".hl-evidence").count()))
    assert page.problems == []


def test_filter_the_events_browser_and_follow_an_event(server, page):
    page.goto(server + "/events")
    everything = int(page.inner_text("#total").replace(",", ""))
    page.fill("input[name=actor]", "SYR")
    page.click("#filter-button")
    page.wait_for_url("**actor=SYR**")
    filtered = int(page.inner_text("#total").replace(",", ""))
    assert 0 < filtered < everything
    cells = page.locator("#events-table tbody tr")
    for i in range(cells.count()):
        source, target = cells.nth(i).locator("td").nth(1), cells.nth(i).locator("td").nth(4)
        assert "SYR" in source.inner_text() + target.inner_text()
    _shot(page, "4-events-filtered")

    # sort by CAMEO code, ascending
    page.click("#events-table th >> text=CAMEO")
    page.wait_for_url("**sort=cameo_code**")
    codes = [cells.nth(i).locator("td").nth(3).inner_text() for i in range(cells.count())]
    assert codes == sorted(codes) or codes == sorted(codes, reverse=True)

    # from an event's evidence to its article, with that event highlighted
    page.locator("#events-table td.evidence-cell a").first.click()
    page.wait_for_selector(".hl-evidence")
    selected = page.get_attribute(".article-view", "data-selected")
    assert page.locator(f'tr.event-row.active[data-event="{selected}"]').count() == 1
    _shot(page, "5-article-from-browser")

    # and to its cluster
    page.locator("tr.event-row.active a").first.click()
    page.wait_for_selector("text=The same event in other reports")
    assert page.locator("blockquote.evidence").inner_text()
    _shot(page, "6-event-cluster")
    assert page.problems == []


def test_dashboard_draws_its_charts(server, page):
    page.goto(server + "/dashboard?dyad=USA:SYR")
    for chart in ("#trend-chart", "#network-chart", "#map-chart"):
        page.wait_for_function(f"document.querySelector('{chart}').complete")
        width = page.evaluate(f"document.querySelector('{chart}').naturalWidth")
        assert width > 200, chart
    assert page.locator("#top-actors tbody tr").count() >= 5
    assert page.locator("#top-types tbody tr").count() >= 5
    _shot(page, "7-dashboard")
    assert page.problems == []
