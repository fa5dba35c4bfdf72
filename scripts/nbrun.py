"""The one way this project executes notebooks headless.

``execute_notebooks.py`` (stores the outputs), ``bench.py`` (times them), ``test_latest.py``
(newest libraries) and the edition tests all run notebooks through this module, so every
kernel gets the same settings:

- the ``python3`` kernel, started in the notebook's own folder (``cwd``), with the
  environment of ``kernel_env()``: inline figures, seeded hashing, one BLAS thread;
- no widget front end: a widget's comm is ignored, so what an interactive explorer draws is
  stored as an ordinary cell output (as under nbval) and no widget state is kept;
- no timing metadata.

``strip_volatile`` removes what changes from run to run (or machine to machine) without
changing what a reader sees. Scripts import this module as ``nbrun`` (their folder is on
``sys.path``); ``tests/conftest.py`` puts ``scripts/`` on the path for the tests.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable
from pathlib import Path

import nbformat
from nbclient import NotebookClient

TIMEOUT = 300
KERNEL = "python3"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNEL_DEFAULTS = {
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "PYTHONHASHSEED": "0",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
}


def kernel_env() -> dict[str, str]:
    """This process's environment, with the course's kernel settings where none is set."""
    return {**KERNEL_DEFAULTS, **os.environ}


def client(
    nb: nbformat.NotebookNode,
    *,
    cwd: Path,
    timeout: int = TIMEOUT,
    kernel_name: str = KERNEL,
    allow_errors: bool = False,
) -> NotebookClient:
    """A configured client for ``nb``; start its kernel with ``env=kernel_env()``."""
    made = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel_name,
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
        store_widget_state=False,
    )
    made.comm_open_handlers = {"jupyter.widget": lambda msg: None}
    return made


def execute(
    nb: nbformat.NotebookNode,
    *,
    cwd: Path,
    timeout: int = TIMEOUT,
    kernel_name: str = KERNEL,
    allow_errors: bool = False,
) -> nbformat.NotebookNode:
    """Execute ``nb`` in place, top to bottom in a fresh kernel, and return it.

    A cell that raises stops the run with ``nbclient.exceptions.CellExecutionError`` unless
    ``allow_errors``, in which case the error is stored as the cell's output.
    """
    made = client(nb, cwd=cwd, timeout=timeout, kernel_name=kernel_name, allow_errors=allow_errors)
    return made.execute(env=kernel_env())


def execute_many(
    jobs: Iterable[tuple[nbformat.NotebookNode, Path]],
    *,
    parallel: int = 2,
    **options,
) -> list[nbformat.NotebookNode | Exception]:
    """Execute each ``(nb, cwd)`` as ``execute`` does, ``parallel`` kernels at a time.

    Returns one result per job, in order: the executed notebook, or the exception that
    stopped it (a failure does not stop the others). Give the longest notebooks first.
    """
    jobs = list(jobs)
    if parallel < 1:
        raise ValueError(f"parallel must be at least 1, got {parallel!r}")

    async def run_all() -> list:
        gate = asyncio.Semaphore(parallel)

        async def run(nb, cwd):
            async with gate:
                await client(nb, cwd=cwd, **options).async_execute(env=kernel_env())
            return nb

        return await asyncio.gather(*(run(nb, cwd) for nb, cwd in jobs), return_exceptions=True)

    return asyncio.run(run_all())


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
    """Drop what varies between runs and machines: widget state and view ids, cell timing,
    stream chunking, the exact Python version; and store the one kernelspec."""
    nb.metadata.pop("widgets", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        cell.outputs = coalesce_streams(cell.get("outputs", []))
        for output in cell.outputs:
            output.get("data", {}).pop(WIDGET_VIEW, None)
