"""A scripted dry run of the code-along edition: every live cell typed in JupyterLab.

For each notebook named, this opens its code-along copy (build/editions/codealong, made by
``make editions``) in JupyterLab in headless Chromium, as ``make e2e`` does, and goes down
the notebook the way an instructor does in a workshop: each cell the instructor types live
(a ``# Type along: ...`` comment in this edition) is typed key by key from the complete
notebook, at a stated pace, and run; every other cell is run as it stands. It then checks
that every typed cell holds exactly the code of the complete edition, that no cell shows an
error, and that each typed cell printed what the complete edition stores.

What it measures is the hands-on part of teaching (typing, running, waiting for figures),
at the typing pace given; talking, questions and checkpoints come on top. The pacing model
(scripts/pacing.py) allows 20 s per live line; the table printed here says how much of that
the keyboard and the kernel take.

Usage: python scripts/dry_run.py [--cps 3] 01_measuring_model_error 06_derivatives_of_norms
(run with the Python of build/e2e-venv; ``make dry-run`` does this).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from e2e import CHROMIUM, CHROMIUM_ARGS, PAGE_TIMEOUT_MS, PANEL, wait_for_kernel
from lab_server import jupyterlab
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
EDITION = ROOT / "build" / "editions" / "codealong" / "notebooks"
OUT = ROOT / "build" / "dry-run.md"
CELL_TIMEOUT_S = 60

# The notebook model, through window.jupyterapp (exposed by the e2e server's settings).
MODEL_JS = """(i) => {
  const w = window.jupyterapp.shell.currentWidget;
  const cells = w.content.model.cells, c = cells.get(i);
  const kernel = w.sessionContext.session.kernel;
  return {count: c.type === 'code' ? c.executionCount : 0,
          source: c.sharedModel.getSource(),
          outputs: c.type === 'code' ? c.toJSON().outputs : [],
          busy: !kernel || kernel.status !== 'idle', n: cells.length};
}"""
ACTIVATE_JS = """(i) => {
  const w = window.jupyterapp.shell.currentWidget;
  w.content.mode = 'command';
  w.content.activeCellIndex = i;
  w.content.activeCell.node.scrollIntoView({block: 'center'});
}"""


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def text_outputs(outputs: list[dict]) -> list[str]:
    """Printed text and plain-text results: what a typed cell must reproduce."""
    found = []
    for out in outputs:
        if out.get("output_type") == "stream":
            found.append("".join(out["text"]))
        elif "text/plain" in out.get("data", {}) and "image/png" not in out["data"]:
            found.append("".join(out["data"]["text/plain"]))
    return found


def type_code(page: Page, code: str, delay_ms: float) -> None:
    """Type ``code`` into the active editor key by key. After each Enter, JupyterLab's
    editor indents by itself: select that indentation (Shift+Home) and type the line's own."""
    page.keyboard.press("Control+a")
    for number, line in enumerate(code.split("\n")):
        if number:
            page.keyboard.press("Enter")
            page.keyboard.press("Shift+Home")
            if not line:  # clear the indentation (Delete does nothing without a selection)
                page.keyboard.press("Delete")
        page.keyboard.type(line, delay=delay_ms)


def run_cell(page: Page, index: int) -> dict:
    page.keyboard.press("Shift+Enter")
    deadline = time.monotonic() + CELL_TIMEOUT_S
    while time.monotonic() < deadline:
        state = page.evaluate(MODEL_JS, index)
        if state["count"] is not None and (state["count"] == 0 or not state["busy"]):
            return state
        time.sleep(0.05)
    raise TimeoutError(f"cell {index} did not finish within {CELL_TIMEOUT_S} s")


def dry_run(page: Page, base: str, token: str, name: str, cps: float) -> dict:
    complete = cells(ROOT / "notebooks" / f"{name}.ipynb")
    path = f"build/editions/codealong/notebooks/{name}.ipynb"
    page.goto(f"{base}/lab/tree/{path}?token={token}&reset")
    page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=PAGE_TIMEOUT_MS)
    wait_for_kernel(page, base, token, path)
    if page.evaluate(MODEL_JS, 0)["n"] != len(complete):
        raise RuntimeError(f"{name}: the code-along edition has another number of cells")
    result = {"live": 0, "lines": 0, "chars": 0, "typing": 0.0, "problems": []}
    started = time.monotonic()
    for index, cell in enumerate(complete):
        page.evaluate(ACTIVATE_JS, index)
        live = "live" in cell.get("metadata", {}).get("tags", [])
        if live:
            code = "".join(cell["source"])
            page.keyboard.press("Enter")  # edit mode
            begin = time.monotonic()
            type_code(page, code, 1000 / cps)
            result["typing"] += time.monotonic() - begin
            result["live"] += 1
            result["lines"] += sum(  # as the pacing model counts them
                1 for x in code.splitlines() if x.strip() and not x.lstrip().startswith("#")
            )
            result["chars"] += len(code)
        state = run_cell(page, index)
        if any(
            o.get("output_type") == "error" or o.get("name") == "stderr" for o in state["outputs"]
        ):
            result["problems"].append(f"cell {index}: an error or stderr output")
        if live and state["source"] != "".join(cell["source"]):
            result["problems"].append(f"cell {index}: the typed code differs from the source")
        if live and text_outputs(state["outputs"]) != text_outputs(cell.get("outputs", [])):
            result["problems"].append(f"cell {index}: the typed cell printed something else")
    result["wall"] = time.monotonic() - started
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+", help="notebooks, e.g. 01_measuring_model_error")
    parser.add_argument("--cps", type=float, default=3.0, help="typing pace, characters a second")
    args = parser.parse_args(argv)
    missing = [n for n in args.names if not (EDITION / f"{n}.ipynb").is_file()]
    if missing:
        print(f"not in {EDITION.relative_to(ROOT)} (run `make editions`): {missing}")
        return 1
    rows, failed = [], False
    OUT.parent.mkdir(parents=True, exist_ok=True)
    log = OUT.with_suffix(".log")
    with tempfile.TemporaryDirectory() as tmp, jupyterlab(Path(tmp), ROOT, log) as (base, token):
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name in args.names:
                r = dry_run(page, base, token, name, args.cps)
                failed |= bool(r["problems"])
                for problem in r["problems"]:
                    print(f"{name}: {problem}")
                modelled = r["lines"] / 3  # the pacing model: 3 live lines a minute
                rows.append(
                    f"| {name[:2]} | {r['live']} | {r['lines']} | {r['chars']} | "
                    f"{r['typing'] / 60:.1f} | {r['wall'] / 60:.1f} | {modelled:.1f} | "
                    f"{'OK' if not r['problems'] else 'FAILED'} |"
                )
            browser.close()
    table = "\n".join(
        [
            f"Typing pace: {args.cps:g} characters a second.",
            "",
            "| NN | Live cells | Live lines | Characters | Typing (min) | Whole run (min) "
            "| Model for the live lines (min) | Result |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
        ]
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(table + "\n", encoding="utf-8")
    print(table)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
