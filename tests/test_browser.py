"""The built site in a real browser: headless Chromium driven by Playwright.

Every page is served from localhost and checked as a reader meets it: no console
errors, no failed or off-site requests, every image loaded and described, math
rendered by MathJax, one visible h1 and headings in order, the Colab button
pointing at the page's notebook, exercise solutions hidden until clicked, and no
violation of WCAG 2.1 A or AA that axe-core can detect.
A screenshot of each page is kept in _build/screenshots for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import itertools
import re
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tools import chapters, manifest

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = manifest.ROOT / "_build" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""The axe-core rule tags of WCAG 2.0 and 2.1, levels A and AA."""


def toc_pages() -> list[str]:
    return [f"{entry}.html" for entry in chapters.toc_files()]


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), f"the browser tests need Chromium at {CHROMIUM}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def visits(server, browser):
    """Opens each page once and records what the checks need."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    results = {}
    for name in toc_pages():
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        errors, failed, offsite = [], [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on(
            "request",
            lambda r: offsite.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None,
        )
        page.goto(f"{server}/{name}", wait_until="networkidle")
        page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
        page.evaluate("() => MathJax.startup.promise")
        # no CSSOM preload: axe fetches @import-ed sheets relative to the page, not the
        # sheet (a 404 for /basic.css), and the WCAG rules here do not need them
        axe = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "preload": False})
        record = {
            "accessibility": [
                f"{v['id']} ({v['impact']}): {len(v['nodes'])} element(s), first {v['nodes'][0]['target']}: "
                f"{v['nodes'][0]['html'][:120]}"
                for v in axe.response["violations"]
            ],
            "errors": errors,
            "failed": failed,
            "offsite": offsite,
            "images": page.eval_on_selector_all(
                "article img", "els => els.map(i => [i.src, i.complete && i.naturalWidth > 0, i.alt])"
            ),
            "math": page.locator("article .math").count(),
            "rendered": page.locator("article mjx-container").count(),
            "h1": page.locator("h1:visible").count(),
            "headings": page.eval_on_selector_all(
                "article h1, article h2, article h3, article h4", "els => els.map(h => Number(h.tagName[1]))"
            ),
            "colab": page.eval_on_selector_all(
                "a[href*='colab.research.google.com']", "els => els.map(a => a.href)"
            ),
            "downloads": page.eval_on_selector_all(
                "a[href$='.ipynb']:not([href*='colab.research'])", "els => els.map(a => a.href)"
            ),
            "solutions": [],
        }
        page.screenshot(path=str(SCREENSHOTS / (name.replace("/", "__") + ".png")))
        solutions = page.locator("div.solution.dropdown")
        for i in range(solutions.count()):
            solution = solutions.nth(i)
            body = solution.locator("section, div.cell").first
            hidden_before = not body.is_visible()
            solution.locator(".admonition-title, button.toggle-button").first.click()
            page.wait_for_timeout(300)
            record["solutions"].append((hidden_before, body.is_visible()))
        results[name] = record
        page.close()
    return results


PAGES = toc_pages()


@pytest.mark.parametrize("name", PAGES)
def test_no_console_errors_failed_or_offsite_requests(visits, name):
    record = visits[name]
    assert not record["errors"], f"console errors: {record['errors']}"
    assert not record["failed"], f"failed requests: {record['failed']}"
    assert not record["offsite"], f"requests to other origins: {record['offsite']}"


@pytest.mark.parametrize("name", PAGES)
def test_no_wcag_21_aa_violations_that_axe_core_finds(visits, name):
    assert not visits[name]["accessibility"], "\n".join(visits[name]["accessibility"])


@pytest.mark.parametrize("name", PAGES)
def test_images_load_and_are_described(visits, name):
    for src, loaded, alt in visits[name]["images"]:
        assert loaded, f"image did not load: {src}"
        assert alt.strip(), f"image without alt text: {src}"


@pytest.mark.parametrize("name", PAGES)
def test_math_is_rendered_by_mathjax(visits, name):
    record = visits[name]
    assert record["rendered"] >= record["math"], (
        f"{record['math']} math elements but {record['rendered']} rendered by MathJax"
    )


@pytest.mark.parametrize("name", PAGES)
def test_one_h1_and_headings_in_order(visits, name):
    record = visits[name]
    assert record["h1"] == 1, f"{record['h1']} visible h1 elements"
    levels = record["headings"]
    assert levels and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"


@pytest.mark.parametrize("name", [p for p in PAGES if p.startswith("chapters/")])
def test_colab_buttons_open_this_pages_colab_editions(visits, name):
    repo = manifest.repository_url().removeprefix("https://github.com/")
    notebook = Path(name).with_suffix(".ipynb").name
    base = f"https://colab.research.google.com/github/{repo}/blob/{manifest.repository_branch()}"
    assert visits[name]["colab"] == [f"{base}/colab/{notebook}", f"{base}/colab/student/{notebook}"]


@pytest.mark.parametrize("name", [p for p in PAGES if p.startswith("chapters/")])
def test_student_notebook_can_be_downloaded_from_its_page(visits, server, name):
    import urllib.request

    notebook = Path(name).with_suffix(".ipynb").name
    links = [u for u in visits[name]["downloads"] if u.endswith(f"/student/{notebook}")]
    assert links == [f"{server}/student/{notebook}"], visits[name]["downloads"]
    with urllib.request.urlopen(links[0]) as response:
        served = response.read()
    assert served == (manifest.ROOT / "colab" / "student" / notebook).read_bytes()


@pytest.mark.parametrize("name", [p for p in PAGES if p.startswith("chapters/")])
def test_solutions_hidden_until_clicked(visits, name):
    solutions = visits[name]["solutions"]
    md = chapters.CHAPTERS / Path(name).with_suffix(".md").name
    expected = len(re.findall(r"```\{solution-start\}", md.read_text()))
    assert len(solutions) == expected > 0
    for hidden_before, shown_after in solutions:
        assert hidden_before, "a solution is visible before the reader asks for it"
        assert shown_after, "a solution stays hidden after a click"
