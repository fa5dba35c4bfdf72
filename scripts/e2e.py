"""End-to-end test: the course as a learner meets it, in JupyterLab in a real browser.

Starts JupyterLab as ``make lab`` does, with the repository as root (scripts/lab_server.py:
throwaway settings, autosave off), then drives Debian's headless Chromium with Playwright. For
every notebook (by default every ``notebooks/NN_*.ipynb``) it opens the notebook, clears
the stored outputs, chooses Run > Run All Cells, waits (on conditions, never a fixed
sleep) until every code cell has run, the kernel is idle and every figure has loaded,
and asserts:

- no error output and no stderr, anywhere (widget outputs included);
- figures: each cell shows as many as the stored notebook, and each live figure is like
  the stored one (scripts/figure_compare.py: a score calibrated so that a blank or
  half-drawn figure fails and an honest re-render passes); failing pairs are saved;
- explorers (cells that call ``explore(`` or ``interact(``): the first drawing is pixel-identical to the
  stored one; moving a control redraws it (another, non-empty drawing, no error); the
  HTML export that readers without a kernel see shows the drawing, not a widget repr;
- the mathematics is typeset by MathJax, with no raw ``$`` left;
- notebook 00's links to the setup page and the glossary open in JupyterLab;
- the notebook files on disk are unchanged.

Then, unless E2E_EDITION is empty, the same for notebooks of an edition (default: the
student edition's 00 and 01, in build/editions/student served as its own root): nothing
errors and every check cell shows its "not answered yet" message.

Screenshots and failing figure pairs go to build/e2e/. The servers are shut down in all
cases; every wait has a time-out. Run with the Python of build/e2e-venv (Playwright and
Pillow): ``make e2e``, or ``make e2e E2E_NOTEBOOKS="03_what_makes_a_norm" E2E_EDITION=``.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from figure_compare import compare, ink
from lab_server import JUPYTER, jupyterlab
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "e2e"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PAGE_TIMEOUT_MS = 60_000  # JupyterLab's first load on a busy 2-core machine
RUN_ALL_TIMEOUT_MS = 120_000
SETTLE_TIMEOUT_MS = 20_000  # figures loading, MathJax typesetting, an explorer redrawing
LINKS = ("docs/setup.md", "docs/glossary.md")  # from notebook 00
# What a check cell shows for a blank answer (helpers/feedback.py).
NOT_ANSWERED = next(
    ast.literal_eval(node.value)
    for node in ast.parse((ROOT / "helpers" / "feedback.py").read_text(encoding="utf-8")).body
    if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "NOT_ANSWERED_MESSAGE"
)

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# The notebook model, through window.jupyterapp (exposed for this test only): the DOM
# does not show the prompt of a cell whose input is hidden, as solution cells are.
STATE_JS = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!w || !w.content || !w.content.model || !w.sessionContext) return null;
  const cells = w.content.model.cells, counts = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type === 'code' && c.sharedModel.getSource().trim()) counts.push(c.executionCount);
  }
  const session = w.sessionContext.session;
  return {counts, kernel: session && session.kernel ? session.kernel.status : null};
}"""

RAW_MATH_JS = """(panel) => {
  const p = document.querySelector(panel);
  const left = [];
  for (const md of p.querySelectorAll('.jp-MarkdownOutput')) {
    const copy = md.cloneNode(true);
    copy.querySelectorAll('code, pre, mjx-container, script, style').forEach(e => e.remove());
    if (copy.textContent.includes('$')) left.push(copy.textContent.trim().slice(0, 80));
  }
  return left;
}"""

# Every cell's figures (data URLs, '' while not loaded) and output text, by cell index.
CELLS_JS = """(panel) => [...document.querySelector(panel).querySelectorAll('.jp-Cell')]
  .map(cell => ({
    images: [...cell.querySelectorAll('.jp-OutputArea-output img')]
      .map(img => img.complete && img.naturalWidth > 0 ? img.src : ''),
    text: [...cell.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText).join('\\n'),
  }))"""

IMAGES_LOADED_JS = """([panel, n]) => {
  const images = [...document.querySelector(panel).querySelectorAll('.jp-OutputArea-output img')];
  return images.length >= n && images.every(img => img.complete && img.naturalWidth > 0);
}"""

REDRAWN_JS = """([panel, index, before]) => {
  const cell = document.querySelector(panel).querySelectorAll('.jp-Cell')[index];
  const img = cell && cell.querySelector('.widget-interact img');
  return !!img && img.complete && img.naturalWidth > 0 && img.src !== before;
}"""


def digest(paths: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def expectations(path: Path) -> dict:
    """What the stored notebook promises: code cells, figures and special cells by index."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    source = ["".join(c["source"]) for c in cells]
    code = [i for i, c in enumerate(cells) if c["cell_type"] == "code" and source[i].strip()]
    return {
        "code_cells": len(code),
        "figures": {
            i: [
                base64.b64decode(o["data"]["image/png"])
                for o in cells[i].get("outputs", [])
                if "image/png" in o.get("data", {})
            ]
            for i in code
        },
        "explorers": [i for i in code if re.search(r"\b(explore|interact)\(", source[i])],
        "checks": [i for i in code if re.search(r"^\w+\.check_\w+\(", source[i], re.M)],
        "has_math": any(
            "$" in source[i] for i, c in enumerate(cells) if c["cell_type"] == "markdown"
        ),
    }


def png(src: str) -> bytes:
    return base64.b64decode(src.split(",", 1)[1])


def menu(page: Page, name: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=name).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


def kernel_state(base: str, token: str, path: str) -> str | None:
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=5) as r:
        sessions = json.load(r)
    states = [s["kernel"]["execution_state"] for s in sessions if s.get("path") == path]
    return states[0] if states else None


def wait_for_kernel(page: Page, base: str, token: str, path: str) -> None:
    """Wait until the notebook's kernel runs and is idle (asked of the server, because
    the toolbar shows "idle" before a kernel exists). JupyterLab sometimes asks which
    kernel to start; the learner then clicks Select, and so does this test."""
    deadline = time.monotonic() + PAGE_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        accept = page.locator(".jp-Dialog .jp-mod-accept")
        if accept.count():
            print(f"  ({path}: JupyterLab asked for a kernel; clicked Select)")
            accept.first.click()
        if kernel_state(base, token, path) == "idle":
            return
        time.sleep(0.25)
    raise TimeoutError(f"no idle kernel for {path} within {PAGE_TIMEOUT_MS / 1000:.0f} s")


def wait_idle(page: Page, code_cells: int | None = None) -> None:
    """Until the kernel is idle (and, given code_cells, every code cell ran in order)."""
    counts = f"&& s.counts.length === {code_cells} && s.counts.every((c, i) => c === i + 1)"
    page.wait_for_function(
        f"() => {{ const s = ({STATE_JS})(); return s && s.kernel === 'idle' "
        f"{counts if code_cells is not None else ''}; }}",
        timeout=RUN_ALL_TIMEOUT_MS,
        polling=250,
    )


def run_all(page: Page, base: str, token: str, path: str, expected: dict) -> list[dict]:
    """Open, clear, run all as a learner would (from the menus); return the cells' outputs."""
    page.goto(f"{base}/lab/tree/{path}?token={token}&reset")
    page.wait_for_selector(f"{PANEL} .jp-CodeCell", timeout=PAGE_TIMEOUT_MS)
    wait_for_kernel(page, base, token, path)
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        f"() => {{ const s = ({STATE_JS})(); return s && s.counts.every(c => c === null); }}",
        timeout=10_000,
    )
    menu(page, "Run", "Run All Cells")
    wait_idle(page, expected["code_cells"])
    figures = sum(len(f) for f in expected["figures"].values())
    try:  # explorers draw into widgets, which may render after the kernel went idle
        page.wait_for_function(IMAGES_LOADED_JS, arg=[PANEL, figures], timeout=SETTLE_TIMEOUT_MS)
    except Exception:  # the comparison below says which cell lacks what
        pass
    return page.evaluate(CELLS_JS, PANEL)


def errors(page: Page) -> list[str]:
    found = page.locator(f'{PANEL} [data-mime-type="application/vnd.jupyter.stderr"]')
    return [f"error output: {found.nth(i).inner_text()[:300]!r}" for i in range(found.count())]


def check_figures(name: str, cells: list[dict], expected: dict, scores: list) -> list[str]:
    """Each cell's live figures against its stored ones; failing pairs saved to OUT."""
    problems = []
    for index, stored in expected["figures"].items():
        live = cells[index]["images"] if index < len(cells) else []
        if len(live) != len(stored) or not all(live):
            problems.append(
                f"cell {index}: {sum(map(bool, live))} figure(s) shown, {len(stored)} stored"
            )
            continue
        for k, (src, data) in enumerate(zip(live, stored)):
            result = compare(png(src), data)
            scores.append((result.score, f"{name} cell {index}", str(result)))
            explorer = index in expected["explorers"]
            if result.passed() and (result.identical or not explorer):
                continue
            stem = OUT / f"{name}-cell{index}-{k}"
            stem.with_name(stem.name + "-live.png").write_bytes(png(src))
            stem.with_name(stem.name + "-stored.png").write_bytes(data)
            what = "the explorer's first drawing is not the stored one" if explorer else "figure"
            problems.append(f"cell {index}: {what}: {result}; see {stem.name}-*.png")
    return problems


def drive_explorers(page: Page, name: str, cells: list[dict], expected: dict) -> list[str]:
    """Move one control of each explorer; the figure must change, drawn, without error."""
    problems = []
    for index in expected["explorers"]:
        cell = page.locator(f"{PANEL} .jp-Cell").nth(index)
        before = (cells[index]["images"] or [""])[0]
        handle = cell.locator(".widget-interact .noUi-handle").first
        if handle.count():  # a slider: one step with the keyboard, as a learner may
            at_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
            handle.focus()
            page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
        else:  # a drop-down: the next choice
            select = cell.locator(".widget-interact select").first
            options = select.locator("option").all_inner_texts()
            select.select_option(index=(options.index(select.input_value()) + 1) % len(options))
        try:
            page.wait_for_function(
                REDRAWN_JS, arg=[PANEL, index, before], timeout=SETTLE_TIMEOUT_MS
            )
            wait_idle(page)
        except Exception:
            problems.append(f"cell {index}: the explorer did not redraw after a control moved")
            continue
        cell.locator(".widget-interact").screenshot(path=OUT / f"{name}-explorer-cell{index}.png")
        after = cell.locator(".widget-interact img").first.get_attribute("src")
        if before and compare(png(after), png(before)).identical:
            problems.append(f"cell {index}: moving a control left the explorer's figure unchanged")
        elif before and not 0.5 <= ink(png(after)) / max(ink(png(before)), 1e-9) <= 2:
            problems.append(f"cell {index}: the explorer's new drawing is nearly empty")
    return problems


def check_static_fallback(page: Page, name: str, expected: dict) -> list[str]:
    """What readers without a kernel see (an HTML export, as GitHub shows the stored
    outputs): each explorer's cell shows its drawing, not a widget's text repr."""
    notebook = ROOT / "notebooks" / f"{name}.ipynb"
    html = OUT / f"{name}.html"
    subprocess.run(
        [
            str(JUPYTER),
            "nbconvert",
            "--to",
            "html",
            "--output",
            html.name,
            "--output-dir",
            str(OUT),
            str(notebook),
        ],
        check=True,
        capture_output=True,
    )
    page = page.context.new_page()  # leaving a notebook that has run would ask to save
    page.goto(html.as_uri())
    ids = [c.get("id") for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]]
    problems = []
    for index in expected["explorers"]:
        shown = page.evaluate(
            """(id) => { const cell = document.getElementById('cell-id=' + id);
               return cell && {text: cell.querySelector('.jp-Cell-outputWrapper')?.innerText || '',
                 images: [...cell.querySelectorAll('img')].filter(i => i.naturalWidth > 0).length}; }""",
            ids[index],
        )
        if not shown or shown["images"] != 1 or "interactive(" in shown["text"]:
            problems.append(f"cell {index}: the HTML export does not show the drawing: {shown}")
    page.close()
    return problems


def check_math(page: Page, expected: dict) -> tuple[list[str], int]:
    if not expected["has_math"]:
        return [], 0
    try:
        page.wait_for_function(
            f"(panel) => document.querySelector(panel).querySelector('mjx-container')"
            f" && ({RAW_MATH_JS})(panel).length === 0",
            arg=PANEL,
            timeout=SETTLE_TIMEOUT_MS,
        )
    except Exception:  # report what is left rather than only that it timed out
        pass
    problems = [f"raw $ in rendered Markdown: {raw!r}" for raw in page.evaluate(RAW_MATH_JS, PANEL)]
    typeset = page.locator(f"{PANEL} mjx-container").count()
    if typeset == 0:
        problems.append("no typeset mathematics (mjx-container) found")
    if page.locator(f"{PANEL} mjx-merror").count():
        problems.append("MathJax reported an error in a formula")
    return problems, typeset


def check_links(page: Page, base: str, token: str) -> list[str]:
    """Notebook 00's links to the setup page and the glossary open as documents."""
    problems = []
    notebook = page.evaluate("() => window.jupyterapp.shell.currentWidget.id")
    for target in LINKS:
        link = page.locator(f'{PANEL} .jp-RenderedMarkdown a[href*="{Path(target).name}"]')
        if not link.count():
            problems.append(f"no link to {target}")
            continue
        link.first.click()
        try:
            page.wait_for_function(
                """(target) => { const w = window.jupyterapp.shell.currentWidget;
                   return w && w.context && w.context.path === target && w.context.isReady; }""",
                arg=target,
                timeout=SETTLE_TIMEOUT_MS,
            )
            url = f"{base}/api/contents/{target}?content=0&token={token}"
            urllib.request.urlopen(url, timeout=5).close()  # raises on 404
        except Exception as error:
            problems.append(f"the link to {target} did not open it: {str(error)[:200]}")
        page.screenshot(path=OUT / f"00_start_here-link-{Path(target).stem}.png")
        page.evaluate(f"() => window.jupyterapp.shell.activateById({notebook!r})")
    return problems


def check_notebook(page: Page, base: str, token: str, name: str, scores: list) -> list[str]:
    """Run one notebook of the course and check it; return the problems found."""
    expected = expectations(ROOT / "notebooks" / f"{name}.ipynb")
    started = time.monotonic()
    cells = run_all(page, base, token, f"notebooks/{name}.ipynb", expected)
    ran = time.monotonic() - started
    problems = check_figures(name, cells, expected, scores)
    problems += drive_explorers(page, name, cells, expected)
    math_problems, typeset = check_math(page, expected)
    problems += errors(page) + math_problems
    page.locator(f"{PANEL} .jp-Cell").first.scroll_into_view_if_needed()
    page.screenshot(path=OUT / f"{name}-top.png")
    if name.startswith("00_"):
        problems += check_links(page, base, token)
    if expected["explorers"]:
        problems += check_static_fallback(page, name, expected)
    figures = sum(len(f) for f in expected["figures"].values())
    print(
        f"{name}: {expected['code_cells']} code cells run in {ran:.1f} s, checked in "
        f"{time.monotonic() - started - ran:.1f} s; {figures} figures, "
        f"{len(expected['explorers'])} explorers, {typeset} typeset formulas; "
        f"{'OK' if not problems else 'FAILED'}",
        flush=True,
    )
    return problems


def check_edition(page: Page, base: str, token: str, folder: Path, name: str) -> list[str]:
    """Run an edition's notebook: nothing errors, every check says "not answered yet"."""
    expected = expectations(folder / "notebooks" / f"{name}.ipynb")
    started = time.monotonic()
    cells = run_all(page, base, token, f"notebooks/{name}.ipynb", expected)
    problems = errors(page)
    for index in expected["checks"]:
        if NOT_ANSWERED not in cells[index]["text"]:
            problems.append(f"check cell {index} shows {cells[index]['text'][:160]!r}")
    print(
        f"{folder.name} edition, {name}: {expected['code_cells']} code cells in "
        f"{time.monotonic() - started:.1f} s, {len(expected['checks'])} check cells "
        f"not answered yet; {'OK' if not problems else 'FAILED'}",
        flush=True,
    )
    return problems


def in_browser(root: Path, names: list[str], check, problems: dict, prefix: str = "") -> None:
    """Start JupyterLab on root and Chromium; run check(page, base, token, name) per name."""
    with tempfile.TemporaryDirectory(prefix="e2e-") as tmp:
        log = OUT / f"server-{root.name}.log"
        with jupyterlab(Path(tmp), root, log) as (base, token), sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=60_000
            )
            try:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.set_default_timeout(30_000)
                for name in names:
                    page = context.new_page()  # a new tab: leaving a run notebook would ask to save
                    console = []
                    page.on(
                        "console",
                        lambda m, c=console: c.append(m.text) if m.type == "error" else None,
                    )
                    try:
                        problems[prefix + name] = check(page, base, token, name)
                    except Exception as error:  # a time-out: keep a picture of where it stuck
                        page.screenshot(path=OUT / f"{prefix}{name}-failure.png")
                        problems[prefix + name] = [f"{type(error).__name__}: {str(error)[:500]}"]
                    for text in console:
                        print(f"  (browser console error in {name}: {text[:200]})")
                    page.close()
            finally:
                browser.close()


def main(names: list[str], edition: str, edition_names: list[str]) -> int:
    started = time.monotonic()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in [*OUT.glob("*.png"), *OUT.glob("*.html")]:
        old.unlink()
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    names = names or [p.stem for p in notebooks]
    missing = [n for n in names if not (ROOT / "notebooks" / f"{n}.ipynb").is_file()]
    folder = ROOT / "build" / "editions" / edition if edition else None
    if folder and not folder.is_dir():
        missing.append(f"{folder.relative_to(ROOT)} (run `make editions`)")
    if missing or not Path(CHROMIUM).exists():
        print(f"FAIL: missing {missing or [CHROMIUM + ': apt-get install chromium']}")
        return 1
    before = digest(notebooks)
    problems: dict[str, list[str]] = {}
    scores: list[tuple[float, str, str]] = []
    in_browser(ROOT, names, lambda *a: check_notebook(*a, scores), problems)
    if folder:
        check = lambda page, base, token, name: check_edition(page, base, token, folder, name)  # noqa: E731
        in_browser(folder, edition_names, check, problems, prefix=f"{edition}/")
    if digest(notebooks) != before:
        problems["repository"] = ["a notebook file changed on disk during the run"]
    print("least similar figures:")
    for _score, where, detail in sorted(scores)[:5]:
        print(f"  {where}: {detail}")
    for name, found in problems.items():
        for problem in found:
            print(f"FAIL {name}: {problem}")
    failed = any(problems.values())
    print(
        f"e2e {'FAILED' if failed else 'passed'}: {len(names)} notebook(s)"
        f"{f' and {len(edition_names)} of the {edition} edition' if folder else ''} in "
        f"{time.monotonic() - started:.0f} s; screenshots in {OUT.relative_to(ROOT)}/"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(
        main(
            sys.argv[1:] or os.environ.get("E2E_NOTEBOOKS", "").split(),
            os.environ.get("E2E_EDITION", "student"),
            os.environ.get(
                "E2E_EDITION_NOTEBOOKS", "00_start_here 01_measuring_model_error"
            ).split(),
        )
    )
