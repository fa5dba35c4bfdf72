"""Test the built course website (build/site, from ``make site``) as a reader meets it.

1. Links, without a browser: every relative href/src of every page points to a file of the
   site, and every #fragment to an id on its page. External links are counted, not fetched.
2. In Debian's headless Chromium (Playwright; the pinned build/e2e-venv), over a local HTTP
   server on 127.0.0.1, every page: loads with no console error, no failed request and no
   request outside the site (any is blocked and counted); every formula typeset by MathJax
   (as many ``mjx-container`` as math elements, none an error, no raw ``$``); one screenshot per page in
   build/site-shots/. For each notebook page, against the stored notebook: solution cells
   folded, one alt text per output figure (its caption), ``live``/``optional`` tags and
   ``### Exercise``/``### Checkpoint`` headings marked, no ``interactive(children=`` text,
   a Binder button for this notebook, the .ipynb download identical to the notebook,
   previous/next links. The offline search finds a word.

Usage: build/e2e-venv/bin/python scripts/site_test.py   (``make site-test`` does this)
"""

from __future__ import annotations

import functools
import json
import re
import sys
import tempfile
import threading
import zipfile
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Page, Route, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "build" / "site"
SHOTS = ROOT / "build" / "site-shots"
ZIP = ROOT / "build" / "site.zip"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
CHROMIUM_ARGS += ["--disable-background-networking", "--disable-component-update"]
BINDER = "https://mybinder.org/v2/gh/norms-course/norms-course/HEAD?urlpath=lab/tree/"
TIMEOUT_MS = 30_000
# MathJax 3 defines MathJax.startup.promise once loaded; it resolves after the first typeset.
MATH_LOADED_JS = """() => !document.querySelector('span.math, div.math')
  || (window.MathJax && MathJax.startup && MathJax.startup.promise)"""
MATH_DONE_JS = (
    "async () => { if (window.MathJax && MathJax.startup) await MathJax.startup.promise; }"
)
COUNTS_JS = r"""() => ({
  math: document.querySelectorAll('span.math, div.math').length,
  typeset: document.querySelectorAll('mjx-container').length,
  errors: document.querySelectorAll('mjx-merror').length,
  rawDollars: (() => {  // TeX left untypeset shows its $ signs (code and outputs aside)
    const a = (document.querySelector('article') || document.body).cloneNode(true);
    a.querySelectorAll('pre, code, mjx-container, .cell_output').forEach(e => e.remove());
    return (a.textContent.match(/\$/g) || []).length;
  })(),
  solutions: document.querySelectorAll('.cell.tag_solution details.hide:not([open])').length,
  solutionShown: [...document.querySelectorAll('.cell.tag_solution pre')]
    .filter(e => e.checkVisibility()).length,
  images: [...document.querySelectorAll('.cell_output img')].map(i => i.alt),
  live: document.querySelectorAll('.cell.tag_live').length,
  optional: document.querySelectorAll('.nb-optional, .cell.tag_optional').length,
  exercises: document.querySelectorAll('section.nb-exercise').length,
  checkpoints: document.querySelectorAll('section.nb-checkpoint').length,
  widgetText: document.body.innerText.includes('interactive(children='),
  binder: [...document.querySelectorAll('a')].map(a => a.href).filter(h => h.includes('mybinder')),
  download: [...document.querySelectorAll('a')].map(a => a.href).filter(h => h.endsWith('.ipynb')),
  prev: !!document.querySelector('a.left-prev'),
  next: !!document.querySelector('a.right-next'),
})"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class Links(HTMLParser):
    """The ids and the href/src values of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            elif name in ("href", "src") and value:
                self.links.append(value)


def check_links(pages: list[Path]) -> list[str]:
    parsed = {}
    for page in pages:
        parsed[page] = Links()
        parsed[page].feed(page.read_text(encoding="utf-8"))
    problems, external = [], set()
    for page, found in parsed.items():
        for link in found.links:
            if re.match(r"[a-z][a-z0-9+.-]*:", link):
                external.add(link.split("/")[2] if "//" in link else link.split(":")[0])
                continue
            path, _, fragment = link.split("?")[0].partition("#")
            target = (page.parent / path).resolve() if path else page
            if not target.is_file():
                problems.append(f"{page.relative_to(SITE)}: {link} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else Links().ids
                if fragment not in ids:
                    problems.append(f"{page.relative_to(SITE)}: {link} (no such anchor)")
    print(
        f"links: {sum(len(f.links) for f in parsed.values())} checked in {len(pages)} pages; "
        f"external, not fetched: {', '.join(sorted(external))}"
    )
    return problems


def expected(notebook: Path) -> dict:
    """What the site must show for one stored notebook."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]

    def tagged(tag: str, kind: str | None = None) -> int:
        return sum(
            tag in c["metadata"].get("tags", []) and kind in (None, c["cell_type"]) for c in cells
        )

    headings = [
        line
        for c in cells
        if c["cell_type"] == "markdown"
        for line in "".join(c["source"]).splitlines()
    ]
    return {
        "solutions": tagged("solution", "code"),
        "figures": sum(
            any(mime.startswith("image/") for mime in o.get("data", {}))
            for c in cells
            if c["cell_type"] == "code"
            for o in c["outputs"]
        ),
        "live": tagged("live", "code"),
        "optional": tagged("optional"),
        "exercises": sum(h.startswith("### Exercise") for h in headings),
        "checkpoints": sum(h.startswith("### Checkpoint") for h in headings),
    }


def check_notebook_page(name: str, got: dict) -> list[str]:
    notebook = ROOT / "notebooks" / f"{name}.ipynb"
    want, problems = expected(notebook), []
    for key in ("solutions", "live", "optional", "exercises", "checkpoints"):
        if got[key] != want[key]:
            problems.append(f"{key}: {got[key]} on the page, {want[key]} in the notebook")
    if got["solutionShown"]:
        problems.append(f"{got['solutionShown']} solution code blocks visible before a click")
    if len(got["images"]) != want["figures"]:
        problems.append(f"{len(got['images'])} output images, {want['figures']} in the notebook")
    problems += ["output figure without alt text" for alt in got["images"] if not alt]
    missing = sum(not alt.startswith("Figure:") for alt in got["images"])
    if missing:  # the notebook's business (its hygiene test), not the site's: a note only
        print(f"note: {name}: {missing} figure(s) with no *Figure:* caption after them")
    if got["widgetText"]:
        problems.append("the text interactive(children=... is shown")
    if got["binder"] != [f"{BINDER}notebooks/{name}.ipynb"]:
        problems.append(f"Binder link: {got['binder']}")
    downloads = [u for u in got["download"] if u.endswith(f"_sources/notebooks/{name}.ipynb")]
    source = SITE / "_sources" / "notebooks" / f"{name}.ipynb"
    if not downloads or source.read_bytes() != notebook.read_bytes():
        problems.append("no download of the stored .ipynb")
    if not (got["prev"] and got["next"]):  # README comes before 00, the guides after 09
        problems.append(f"previous/next links: {got['prev']}/{got['next']}")
    return problems


class Reader:
    """One browser tab that records console errors, failed and external requests."""

    def __init__(self, page: Page) -> None:
        self.page, self.base = page, ""
        self.events: list[str] = []
        page.route("**/*", self.route)
        page.on("console", lambda m: m.type == "error" and self.events.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.events.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.events.append(f"request failed: {r.url}"))
        page.on(
            "response", lambda r: r.status >= 400 and self.events.append(f"{r.status}: {r.url}")
        )

    def route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(self.base) or url.startswith("data:"):
            route.continue_()
        else:  # blocked: the test itself never reaches outside the machine
            self.events.append(f"external request: {url}")
            route.abort()

    def visit(self, rel: str) -> tuple[dict, list[str]]:
        self.events.clear()
        self.page.goto(self.base + rel, wait_until="load", timeout=TIMEOUT_MS)
        try:
            self.page.wait_for_function(MATH_LOADED_JS, timeout=TIMEOUT_MS)
        except PlaywrightTimeout:
            self.events.append("MathJax did not load")
        self.page.evaluate(MATH_DONE_JS)
        got = self.page.evaluate(COUNTS_JS)
        problems = self.events[:]
        if got["typeset"] < got["math"] or got["errors"] or got["rawDollars"]:
            problems.append(
                f"math: {got['typeset']} typeset of {got['math']}, "
                f"{got['errors']} errors, {got['rawDollars']} raw $ signs"
            )
        return got, problems

    def search(self, word: str, shot: str) -> list[str]:
        self.events.clear()
        self.page.goto(f"{self.base}search.html?q={word}", timeout=TIMEOUT_MS)
        found = self.page.locator("#search-results ul.search li")
        try:
            found.first.wait_for(timeout=TIMEOUT_MS)
        except PlaywrightTimeout:
            return [f"no page found for {word!r}"] + self.events
        self.page.screenshot(path=str(SHOTS / f"{shot}.png"))
        print(f"search {word!r} at {self.base[:4]}: {found.count()} pages found offline")
        return self.events[:]


def main() -> int:
    pages = sorted(p for p in SITE.rglob("*.html") if "_static" not in p.parts)
    if len(pages) < 10 or not ZIP.is_file():
        print(f"only {len(pages)} pages in {SITE} (or no {ZIP.name}): run `make site` first")
        return 1
    failures = [f"links: {p}" for p in check_links(pages)]
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    try:
        with sync_playwright() as pw, tempfile.TemporaryDirectory() as unzipped:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            reader = Reader(browser.new_page(viewport={"width": 1280, "height": 900}))
            reader.base = f"http://127.0.0.1:{server.server_port}/"
            for path in pages:
                rel = path.relative_to(SITE).as_posix()
                got, problems = reader.visit(rel)
                if rel.startswith("notebooks/"):
                    problems += check_notebook_page(path.stem, got)
                reader.page.screenshot(path=str(SHOTS / (rel.replace("/", "__")[:-5] + ".png")))
                if got["solutions"]:  # one click unfolds a solution
                    reader.page.locator(".cell.tag_solution details.hide > summary").first.click()
                    if not reader.page.locator(".cell.tag_solution pre").first.is_visible():
                        problems.append("a click does not show the solution")
                print(
                    f"{'FAIL' if problems else 'ok  '} {rel}: {got['typeset']} formulas, "
                    f"{len(got['images'])} figures, {got['solutions']} folded solutions"
                )
                failures += [f"{rel}: {p}" for p in problems]
            failures += [f"search: {p}" for p in reader.search("gradient", "search_gradient")]
            # The zip, unpacked and read from disk (file://), as in a room without a network.
            zipfile.ZipFile(ZIP).extractall(unzipped)
            reader.base = (Path(unzipped) / "site").as_uri() + "/"
            for rel in ("index.html", "notebooks/04_p_norms_and_unit_balls.html"):
                got, problems = reader.visit(rel)
                if not got["typeset"] and rel != "index.html":
                    problems.append("no formula typeset")
                failures += [f"{ZIP.name} {rel}: {p}" for p in problems]
            failures += [f"{ZIP.name} search: {p}" for p in reader.search("norm", "zip_search")]
            print(f"{ZIP.name}: read from disk: {'FAIL' if 'site.zip' in str(failures) else 'ok'}")
            browser.close()
    finally:
        server.shutdown()
    for failure in failures:
        print("FAIL", failure)
    failed = {f.split(":")[0] for f in failures}
    print(f"{len(pages) + 1 - len(failed)} passed, {len(failed)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
