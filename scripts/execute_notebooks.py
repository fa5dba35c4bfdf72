"""Re-execute notebooks in place, top to bottom in a fresh kernel, deterministically.

This is the only way the course's stored outputs are made (``make execute``). Two runs in a
row give byte-identical files: ``nbrun.strip_volatile`` drops timing, widget state and ids,
and the Python version; hashing is seeded.

Usage: python scripts/execute_notebooks.py notebooks/01_measuring_model_error.ipynb ...
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
import nbrun


def execute(path: Path) -> float:
    """Execute the notebook at ``path`` and write it back; return the seconds it took."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    nbrun.execute(nb, cwd=path.parent)
    nbrun.strip_volatile(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: execute_notebooks.py NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    for name in paths:
        print(f"executed {name} in {execute(Path(name)):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
