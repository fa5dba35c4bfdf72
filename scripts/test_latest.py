"""Run every notebook against the newest releases of the course's libraries.

``make test-latest`` builds a throwaway environment (build/latest-venv) with the newest
release of every package named in requirements.in, nothing pinned, plus the helpers, and
runs this script there. Each notebook is executed top to bottom in a fresh kernel with
``nbrun``; nothing is written back. A first cell, injected and never saved, turns every
DeprecationWarning and FutureWarning that course code causes into an error: code in
notebook cells (which run as ``__main__``) and in ``helpers.*``. Warnings that libraries
raise about their own internals are printed as notes but do not fail the run.

Usage: python scripts/test_latest.py notebooks/*.ipynb
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

import nbformat
import nbrun
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]

WARNINGS_AS_ERRORS = """\
import warnings

for _category in (DeprecationWarning, FutureWarning):
    warnings.filterwarnings("error", category=_category, module=r"__main__$|helpers(\\.|$)")
del _category, warnings"""


# Run after WARNINGS_AS_ERRORS in a kernel of its own, so that the filter is shown to
# work in this environment before any notebook passes (a test that cannot fail is no test).
CANARY = """\
import warnings

for name in ("__main__", "helpers.style"):
    for category in (DeprecationWarning, FutureWarning):
        code = "import warnings; warnings.warn('old', category)"
        try:
            exec(code, {"__name__": name, "category": category})
        except category:
            continue
        raise AssertionError(f"a {category.__name__} in {name} did not fail")
with warnings.catch_warnings(record=True):
    exec(code, {"__name__": "somelibrary.internals", "category": DeprecationWarning})
print("warning filter works")"""


def direct_dependencies() -> list[tuple[str, str]]:
    pins = []
    for line in (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, pinned = line.partition("==")
            pins.append((name.strip(), pinned.strip()))
    return pins


def execute(path: Path, nb: nbformat.NotebookNode | None = None) -> list[str]:
    """Problems found running the notebook at ``path``; notes are printed."""
    nb = nb or nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(WARNINGS_AS_ERRORS))
    try:
        nbrun.execute(nb, cwd=path.parent)
    except CellExecutionError as error:
        return [f"{error.ename}: {error.evalue}"[:500]]
    for index, cell in enumerate(nb.cells[1:]):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                print(f"  note: cell {index} wrote to stderr: {output['text'].strip()[:300]}")
    return []


def main(paths: list[str]) -> int:
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    print(f"| package | pinned | newest for Python {python} (tested here) |\n|---|---|---|")
    for name, pinned in direct_dependencies():
        newest = version(name)
        print(f"| {name} | {pinned} | {newest}{'' if newest == pinned else ' (newer)'} |")
    canary = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CANARY)])
    if execute(ROOT / "notebooks" / "canary.ipynb", canary):
        print("FAIL the warning filter does not turn course warnings into errors")
        return 1
    failed = 0
    for name in paths:
        problems = execute(Path(name))
        failed += bool(problems)
        print(f"{'FAIL' if problems else 'ok  '} {name}")
        for problem in problems:
            print(f"     {problem}")
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
