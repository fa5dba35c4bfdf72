"""Re-execute notebooks in place, top to bottom in a fresh kernel, deterministically.

This is the only way the course's stored outputs are made (``make execute``). Two runs
in a row give byte-identical files: timing metadata is not recorded, widget state and
widget model ids (random on every run) are not stored, and hashing is seeded.

Usage: python scripts/execute_notebooks.py notebooks/01_measuring_model_error.ipynb ...
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TIMEOUT_SECONDS = 300


def coalesce_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks: the kernel splits them at random."""
    joined: list = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] += output["text"]
        else:
            joined.append(output)
    return joined


def strip_volatile(nb: nbformat.NotebookNode) -> None:
    """Remove what changes from run to run without changing what a reader sees."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        cell.outputs = coalesce_streams(cell.get("outputs", []))
        for output in cell.outputs:
            output.get("data", {}).pop(WIDGET_VIEW, None)


def execute(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    start = time.perf_counter()
    client = NotebookClient(
        nb,
        timeout=TIMEOUT_SECONDS,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
    )
    # Behave like nbval, which has no widget front end: what an interactive explorer draws
    # is stored as an ordinary cell output instead of being routed into widget state.
    client.comm_open_handlers = {"jupyter.widget": lambda msg: None}
    client.execute()
    strip_volatile(nb)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: execute_notebooks.py NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    os.environ.setdefault("PYTHONHASHSEED", "0")
    for name in paths:
        seconds = execute(Path(name))
        print(f"executed {name} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
