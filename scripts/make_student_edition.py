"""Build the student edition of the course: every notebook, with its solutions emptied.

In the student edition each cell tagged ``solution`` keeps its tag and its place but loses
its code, and it is no longer folded away, so it is a visible, empty place to write. All
outputs are cleared and all execution counts reset. Every other cell (the lesson, the
starter cells, the check cells) is left exactly as it is, so the exercises and their
feedback work the same way in both editions.

Only files named like ``notebooks/[0-9][0-9]_*.ipynb`` are built, and only into the target
folder; the source notebooks are read, never written. A target notebook that has been
worked in (it has outputs, execution counts or code in a solution cell) is not overwritten
unless ``--force`` is given, so that re-running ``make student`` cannot wipe a learner's work.

Usage (``make student`` runs the first line)::

    python scripts/make_student_edition.py
    python scripts/make_student_edition.py --source notebooks --target build/student/notebooks
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
from pathlib import Path

import nbformat

SOLUTION_TAG = "solution"
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT / "notebooks"
DEFAULT_TARGET = ROOT / "build" / "student" / "notebooks"


def is_solution(cell: nbformat.NotebookNode) -> bool:
    """Return True if the cell carries the ``solution`` tag."""
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def student_version(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return the student edition of one notebook; ``nb`` itself is not changed.

    Solution cells are emptied and unfolded (their tag stays), every code cell loses its
    outputs and execution count, and stored widget state is dropped. Nothing else changes.
    """
    student = copy.deepcopy(nb)
    student.metadata.pop("widgets", None)
    for cell in student.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        if is_solution(cell):
            cell.source = ""
            jupyter = cell.metadata.get("jupyter", {})
            jupyter.pop("source_hidden", None)
            jupyter.pop("outputs_hidden", None)
            if "jupyter" in cell.metadata and not jupyter:
                del cell.metadata["jupyter"]
    return student


def looks_worked_in(nb: nbformat.NotebookNode) -> bool:
    """Return True if a student notebook has outputs, execution counts or solution code."""
    for cell in nb.cells:
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            return True
        if is_solution(cell) and cell.source.strip():
            return True
    return False


def build(source: Path, target: Path, *, force: bool = False) -> list[Path]:
    """Write the student edition of every notebook in ``source`` into ``target``.

    Parameters
    ----------
    source : Path
        Folder of the course notebooks; only ``NN_*.ipynb`` files are used.
    target : Path
        Folder to write into (created if needed). It must not be ``source``.
    force : bool, default False
        Overwrite target notebooks even if they look worked in.

    Returns
    -------
    list of Path
        The notebooks written, in course order.

    Raises
    ------
    ValueError
        If ``target`` is ``source``, if ``source`` holds no notebooks, or if a target
        notebook looks worked in and ``force`` is False.
    """
    source, target = Path(source), Path(target)
    if source.resolve() == target.resolve():
        raise ValueError(f"target must differ from source, got {target} for both")
    notebooks = sorted(source.glob(NOTEBOOK_GLOB))
    if not notebooks:
        raise ValueError(
            f"source must hold notebooks named {NOTEBOOK_GLOB}, found none in {source}"
        )
    destinations = [target / path.name for path in notebooks]
    if not force:
        worked_in = [
            str(dest)
            for dest in destinations
            if dest.exists() and looks_worked_in(nbformat.read(dest, as_version=4))
        ]
        if worked_in:
            raise ValueError(
                "these notebooks look worked in (outputs or solutions present); move them "
                "away or pass force=True (--force) to overwrite: " + ", ".join(worked_in)
            )
    target.mkdir(parents=True, exist_ok=True)
    for path, dest in zip(notebooks, destinations):
        student = student_version(nbformat.read(path, as_version=4))
        nbformat.validate(student)
        nbformat.write(student, dest)
    return destinations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="course notebooks")
    parser.add_argument("--target", type=Path, default=DEFAULT_TARGET, help="where to write")
    parser.add_argument(
        "--force", action="store_true", help="overwrite notebooks that look worked in"
    )
    args = parser.parse_args(argv)
    try:
        written = build(args.source, args.target, force=args.force)
    except ValueError as error:
        print(f"make_student_edition: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {os.path.relpath(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
