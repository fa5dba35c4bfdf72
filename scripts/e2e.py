"""End-to-end test: the course as a learner meets it, in JupyterLab in a real browser.

Starts JupyterLab from .venv on 127.0.0.1 (a free port, a random token, no browser, the
repository as root directory, throwaway settings with autosave off so nothing is written
back), then drives Debian's headless Chromium with Playwright. For every notebook it opens
the notebook, waits for the kernel, chooses Run > Run All Cells, waits until every code
cell has run and the kernel is idle, and asserts:

- no error output (tracebacks and stderr are both rendered with the stderr MIME type);
- every figure the stored notebook has is shown as a loaded image;
- the mathematics is typeset: MathJax elements (``mjx-container``) are present, none is a
  MathJax error, and no raw ``$`` is left in the rendered Markdown (code aside);
- the notebook files on disk are unchanged.

Screenshots go to build/e2e/ (the top of each notebook, its first figure and its first
formula). The server is shut down in all cases; every wait has a time-out.

Usage: python scripts/e2e.py 00_start_here 04_p_norms_and_unit_balls
(run with the Python of build/e2e-venv, which has Playwright; ``make e2e`` does this).
A planned notebook that is not merged yet is skipped with a note; at least one must run.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
JUPYTER = ROOT / ".venv" / "bin" / "jupyter"
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

SERVER_START_TIMEOUT = 60  # s
PAGE_TIMEOUT_MS = 60_000  # JupyterLab's first load on a busy 2-core machine
RUN_ALL_TIMEOUT_MS = 120_000
MATH_TIMEOUT_MS = 20_000

# Throwaway JupyterLab settings: no autosave (run outputs must never reach the repository),
# every cell in the DOM (no virtual scrolling), no news or update checks (no network).
SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

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

IMAGES_JS = """(panel) => [...document.querySelector(panel)
  .querySelectorAll('.jp-OutputArea-output img')]
  .map(img => img.complete && img.naturalWidth > 0)"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def digest(paths: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


@contextmanager
def jupyterlab(workdir: Path):
    """Yield (base url, token) of a JupyterLab server; shut it down whatever happens."""
    settings = workdir / "settings"
    for name, values in SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(workdir / "config"),
        JUPYTER_DATA_DIR=str(workdir / "data"),  # only .venv's python3 kernel
        JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
        IPYTHONDIR=str(workdir / "ipython"),
        MPLBACKEND="module://matplotlib_inline.backend_inline",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    token = secrets.token_hex(24)
    log_path = OUT / "server.log"
    for attempt in (1, 2):  # a second try only if the free port was taken meanwhile
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = log_path.open("w", encoding="utf-8")
        server = subprocess.Popen(
            [
                str(JUPYTER),
                "lab",
                "--no-browser",
                "--ip=127.0.0.1",
                f"--port={port}",
                "--port-retries=0",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={ROOT}",
                f"--LabApp.user_settings_dir={settings}",
                f"--LabApp.workspaces_dir={workdir / 'workspaces'}",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                "--LabApp.extension_manager=readonly",
                "--LabApp.expose_app_in_browser=True",  # to read the notebook model  # the "pypi" one goes online
                *(["--allow-root"] if os.geteuid() == 0 else []),  # CI runs as root
            ],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kernels included
        )
        try:
            if wait_for_server(server, base, token):
                break
        except BaseException:
            stop(server, base, token)
            raise
        stop(server, base, token)
        log.close()
        if attempt == 2:
            raise RuntimeError(f"JupyterLab did not start; see {log_path}")
    try:
        yield base, token
    finally:
        stop(server, base, token)
        log.close()


def wait_for_server(server: subprocess.Popen, base: str, token: str) -> bool:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s")


def stop(server: subprocess.Popen, base: str, token: str) -> None:
    """Ask the server to shut down (it stops its kernels), then make sure of it."""
    if server.poll() is None:
        request = urllib.request.Request(
            f"{base}/api/shutdown", method="POST", headers={"Authorization": f"token {token}"}
        )
        try:
            urllib.request.urlopen(request, timeout=5).close()
        except OSError:
            pass
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):  # the group: a kernel left behind too
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            break
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            continue
        time.sleep(0.2)


def expectations(path: Path) -> dict:
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    markdown = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    return {
        "code_cells": sum(1 for c in code if "".join(c["source"]).strip()),
        "figures": sum(
            1 for c in code for o in c.get("outputs", []) if "image/png" in o.get("data", {})
        ),
        "has_math": any("$" in text for text in markdown),
    }


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


def run_notebook(page: Page, base: str, token: str, name: str) -> list[str]:
    """Open, run all, check; return the problems found."""
    expected = expectations(ROOT / "notebooks" / f"{name}.ipynb")
    started = time.monotonic()
    page.goto(f"{base}/lab/tree/notebooks/{name}.ipynb?token={token}&reset")
    page.wait_for_selector(f"{PANEL} .jp-CodeCell", timeout=PAGE_TIMEOUT_MS)
    wait_for_kernel(page, base, token, f"notebooks/{name}.ipynb")
    # Fresh outputs only: clear the stored ones (which also clears the execution counts),
    # then run everything, as a learner would, from the menus.
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        f"() => {{ const s = ({STATE_JS})(); return s && s.counts.every(c => c === null); }}",
        timeout=10_000,
    )
    menu(page, "Run", "Run All Cells")
    page.wait_for_function(
        f"""() => {{
            const s = ({STATE_JS})();
            return s && s.kernel === 'idle' && s.counts.length === {expected["code_cells"]}
                   && s.counts.every((c, i) => c === i + 1);
        }}""",
        timeout=RUN_ALL_TIMEOUT_MS,
        polling=250,
    )
    ran = time.monotonic() - started
    problems = []
    errors = page.locator(f'{PANEL} [data-mime-type="application/vnd.jupyter.stderr"]')
    for i in range(errors.count()):
        problems.append(f"error output: {errors.nth(i).inner_text()[:300]!r}")
    images = page.evaluate(IMAGES_JS, PANEL)
    if len(images) < expected["figures"] or not all(images):
        problems.append(
            f"{sum(images)} figure(s) shown as loaded images, {expected['figures']} expected"
        )
    if expected["has_math"]:
        try:
            page.wait_for_function(
                f"(panel) => document.querySelector(panel).querySelector('mjx-container')"
                f" && ({RAW_MATH_JS})(panel).length === 0",
                arg=PANEL,
                timeout=MATH_TIMEOUT_MS,
            )
        except Exception:  # report what is left rather than only that it timed out
            pass
        typeset = page.locator(f"{PANEL} mjx-container").count()
        if typeset == 0:
            problems.append("no typeset mathematics (mjx-container) found")
        if page.locator(f"{PANEL} mjx-merror").count():
            problems.append("MathJax reported an error in a formula")
        for raw in page.evaluate(RAW_MATH_JS, PANEL):
            problems.append(f"raw $ in rendered Markdown: {raw!r}")
    else:
        typeset = 0
    page.locator(f"{PANEL} .jp-Cell").first.scroll_into_view_if_needed()
    page.screenshot(path=OUT / f"{name}-top.png")
    first_image = page.locator(f"{PANEL} .jp-OutputArea-output img").first
    if images:
        first_image.scroll_into_view_if_needed()
        page.screenshot(path=OUT / f"{name}-figure.png")
    if typeset:
        display = page.locator(f'{PANEL} mjx-container[display="true"]')
        formula = display if display.count() else page.locator(f"{PANEL} mjx-container")
        formula.first.scroll_into_view_if_needed()
        page.screenshot(path=OUT / f"{name}-math.png")
    print(
        f"{name}: ran {expected['code_cells']} code cells in {ran:.1f} s (open + run all); "
        f"{sum(images)} figures, {typeset} typeset formulas; "
        f"{'OK' if not problems else 'FAILED'}"
    )
    return problems


def main(names: list[str]) -> int:
    started = time.monotonic()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    to_run = []
    for name in names:
        if (ROOT / "notebooks" / f"{name}.ipynb").is_file():
            to_run.append(name)
        else:
            print(f"FAIL {name}: no such notebook")
            return 1
    if not to_run:
        print("FAIL: no notebook to run")
        return 1
    if not Path(CHROMIUM).exists():
        print(f"FAIL: {CHROMIUM} is missing: apt-get install chromium")
        return 1
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    before = digest(notebooks)
    problems: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="e2e-") as tmp:
        with jupyterlab(Path(tmp)) as (base, token), sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=60_000
            )
            try:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.set_default_timeout(30_000)
                for name in to_run:
                    page = context.new_page()  # a new tab: leaving a run notebook would ask to save
                    console = []
                    page.on(
                        "console",
                        lambda m, c=console: c.append(m.text) if m.type == "error" else None,
                    )
                    try:
                        problems[name] = run_notebook(page, base, token, name)
                    except Exception as error:  # a time-out: keep a picture of where it stuck
                        page.screenshot(path=OUT / f"{name}-failure.png")
                        problems[name] = [f"{type(error).__name__}: {str(error)[:500]}"]
                    for text in console:
                        print(f"  (browser console error in {name}: {text[:200]})")
                    page.close()
            finally:
                browser.close()
    if digest(notebooks) != before:
        problems["repository"] = ["a notebook file changed on disk during the run"]
    for name, found in problems.items():
        for problem in found:
            print(f"FAIL {name}: {problem}")
    failed = any(problems.values())
    print(
        f"e2e {'FAILED' if failed else 'passed'}: {len(to_run)} notebook(s) in "
        f"{time.monotonic() - started:.0f} s; screenshots in {OUT.relative_to(ROOT)}/"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or os.environ.get("E2E_NOTEBOOKS", "").split()))
