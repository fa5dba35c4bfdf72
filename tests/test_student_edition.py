"""The student edition (``make student``): what it changes, and that it runs blank.

The fast tests check the transformation on a small notebook made here: solution cells
emptied but kept (tag and all) and unfolded, outputs and execution counts cleared,
every other cell untouched, nothing written outside the target folder.

The slow tests build the student edition of the real course into a temporary folder and
execute every notebook top to bottom in a fresh python3 kernel, with the notebook's folder
as working directory, exactly as a learner who has not yet written any solution would.
Any error fails the test: a later cell must never depend on a name that only a solution
defines. The notebooks are found by glob, so each new notebook is covered as it lands.
They run two at a time, so that this one test module, which pytest-xdist's
``--dist loadfile`` gives to a single worker, does not become the tail of ``make test``.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CELL_TIMEOUT_SECONDS = 120
PARALLEL_KERNELS = max(1, min(2, os.cpu_count() or 1))

_spec = importlib.util.spec_from_file_location(
    "make_student_edition", ROOT / "scripts" / "make_student_edition.py"
)
student_edition = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(student_edition)


# --- the transformation, on a small notebook made here ---------------------------------


def _teacher_notebook() -> nbformat.NotebookNode:
    stream = new_output("stream", name="stdout", text="3\n")
    return new_notebook(
        cells=[
            new_markdown_cell("# 99 · Demo\n\n*Teaching: 1 min · Exercises: 1 min*"),
            new_code_cell("x = 3\nprint(x)", execution_count=1, outputs=[stream]),
            new_markdown_cell("### Exercise 1\n\nDouble `x`."),
            new_code_cell("doubled = None  # replace None", execution_count=2),
            new_markdown_cell("### Solution"),
            new_code_cell(
                "doubled = 2 * x\nprint(doubled)",
                execution_count=3,
                outputs=[new_output("stream", name="stdout", text="6\n")],
                metadata={"jupyter": {"source_hidden": True}, "tags": ["solution"]},
            ),
            new_code_cell(
                "print(doubled is not None)",
                execution_count=4,
                outputs=[new_output("stream", name="stdout", text="True\n")],
                metadata={"tags": ["nbval-ignore-output"]},
            ),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )


def _write_course(folder: Path) -> Path:
    folder.mkdir(parents=True)
    nbformat.write(_teacher_notebook(), folder / "99_demo.ipynb")
    nbformat.write(_teacher_notebook(), folder / "98_other.ipynb")
    nbformat.write(_teacher_notebook(), folder / "scratch.ipynb")
    (folder / "notes.txt").write_text("not a notebook\n")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_solution_cell_is_emptied_unfolded_and_keeps_its_tag():
    student = student_edition.student_version(_teacher_notebook())
    solution = student.cells[5]
    assert solution.source == ""
    assert solution.metadata == {"tags": ["solution"]}
    assert solution.outputs == [] and solution.execution_count is None


def test_every_output_and_execution_count_is_cleared():
    student = student_edition.student_version(_teacher_notebook())
    code_cells = [cell for cell in student.cells if cell.cell_type == "code"]
    assert len(code_cells) == 4
    assert all(cell.outputs == [] for cell in code_cells)
    assert all(cell.execution_count is None for cell in code_cells)


def test_other_cells_keep_their_source_and_metadata():
    teacher = _teacher_notebook()
    student = student_edition.student_version(teacher)
    assert len(student.cells) == len(teacher.cells)
    for before, after in zip(teacher.cells, student.cells):
        assert after.cell_type == before.cell_type and after.id == before.id
        if not student_edition.is_solution(before):
            assert after.source == before.source
            assert after.metadata == before.metadata
    assert student.metadata == teacher.metadata


def test_the_teacher_notebook_is_not_changed():
    teacher = _teacher_notebook()
    before = nbformat.writes(teacher)
    student_edition.student_version(teacher)
    assert nbformat.writes(teacher) == before


def test_build_writes_only_course_notebooks_and_only_into_the_target(tmp_path):
    source = _write_course(tmp_path / "course")
    source_before = _snapshot(source)
    target = tmp_path / "build" / "student"

    written = student_edition.build(source, target)

    assert [path.name for path in written] == ["98_other.ipynb", "99_demo.ipynb"]
    assert _snapshot(source) == source_before
    assert sorted(_snapshot(tmp_path)) == sorted(
        [f"course/{name}" for name in source_before]
        + ["build/student/98_other.ipynb", "build/student/99_demo.ipynb"]
    )
    student = nbformat.read(target / "99_demo.ipynb", as_version=4)
    nbformat.validate(student)
    assert student.cells[5].source == "" and not student_edition.looks_worked_in(student)


def test_build_refuses_to_write_over_the_source(tmp_path):
    source = _write_course(tmp_path / "course")
    before = _snapshot(source)
    with pytest.raises(ValueError, match="target must differ from source"):
        student_edition.build(source, source / ".." / "course")
    assert _snapshot(source) == before


def test_build_refuses_an_empty_source(tmp_path):
    with pytest.raises(ValueError, match="found none"):
        student_edition.build(tmp_path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_build_keeps_a_learners_work_unless_forced(tmp_path):
    source = _write_course(tmp_path / "course")
    target = tmp_path / "student"
    student_edition.build(source, target)
    student_edition.build(source, target)  # a pristine edition is simply rebuilt

    worked = nbformat.read(target / "99_demo.ipynb", as_version=4)
    worked.cells[5].source = "doubled = x + x"
    nbformat.write(worked, target / "99_demo.ipynb")
    with pytest.raises(ValueError, match="look worked in"):
        student_edition.build(source, target)
    assert "x + x" in (target / "99_demo.ipynb").read_text()

    student_edition.build(source, target, force=True)
    assert "x + x" not in (target / "99_demo.ipynb").read_text()


def test_command_line_builds_into_the_given_target(tmp_path, capsys):
    source = _write_course(tmp_path / "course")
    target = tmp_path / "out"
    assert student_edition.main(["--source", str(source), "--target", str(target)]) == 0
    assert "99_demo.ipynb" in capsys.readouterr().out
    assert sorted(path.name for path in target.iterdir()) == ["98_other.ipynb", "99_demo.ipynb"]
    assert (
        student_edition.main(["--source", str(tmp_path / "missing"), "--target", str(target)]) == 1
    )


# --- the real course --------------------------------------------------------------------


@pytest.fixture(scope="module")
def student_course(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("student") / "notebooks"
    student_edition.build(ROOT / "notebooks", target)
    return target


def test_every_course_notebook_has_solutions_and_all_are_emptied(student_course):
    assert NOTEBOOKS, "no course notebooks found"
    for path in NOTEBOOKS:
        teacher = nbformat.read(path, as_version=4)
        student = nbformat.read(student_course / path.name, as_version=4)
        solutions = [i for i, cell in enumerate(teacher.cells) if student_edition.is_solution(cell)]
        assert solutions, f"{path.name} has no cell tagged 'solution'"
        assert any(teacher.cells[i].source.strip() for i in solutions)
        assert all(student.cells[i].source == "" for i in solutions)
        assert [cell.source for cell in student.cells if not student_edition.is_solution(cell)] == [
            cell.source for cell in teacher.cells if not student_edition.is_solution(cell)
        ]


def _errors(nb: nbformat.NotebookNode) -> list[str]:
    """Describe every error a cell raised (cells tagged raises-exception may raise)."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                first_line = cell.source.splitlines()[0] if cell.source else ""
                found.append(f"cell {index} ({first_line!r}): {output.ename}: {output.evalue}")
    return found


async def _execute_all(paths: list[Path]) -> dict[str, list[str]]:
    """Execute each notebook in a fresh kernel, a few at a time; return each one's errors."""
    gate = asyncio.Semaphore(PARALLEL_KERNELS)
    env = dict(os.environ, PYTHONHASHSEED="0")

    async def execute(path: Path) -> list[str]:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=CELL_TIMEOUT_SECONDS,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(path.parent)}},
        )
        async with gate:
            try:
                await client.async_execute(env=env)
            except Exception as error:  # a dead kernel or a timeout: report, run the rest
                return [*_errors(nb), f"execution stopped: {type(error).__name__}: {error}"]
        return _errors(nb)

    results = await asyncio.gather(*(execute(path) for path in paths))
    return {path.name: errors for path, errors in zip(paths, results)}


CANARY = "00_canary.ipynb"


@pytest.fixture(scope="module")
def blank_runs(student_course, tmp_path_factory) -> dict[str, list[str]]:
    # A canary runs with the course: a cell using a name that only a solution defines must
    # be reported, or the check below could never fail.
    canary = student_edition.student_version(_teacher_notebook())
    canary.cells.append(new_code_cell("print(doubled + 1)"))
    canary_path = tmp_path_factory.mktemp("canary") / CANARY
    nbformat.write(canary, canary_path)
    # Longest first (the stored teacher edition's size is a fair guess at running time), so
    # that the two kernels finish close together.
    course = sorted(
        student_course.glob("[0-9][0-9]_*.ipynb"),
        key=lambda path: (ROOT / "notebooks" / path.name).stat().st_size,
        reverse=True,
    )
    return asyncio.run(_execute_all([*course, canary_path]))


def test_a_cell_that_needs_a_solution_is_reported(blank_runs):
    errors = blank_runs[CANARY]
    assert len(errors) == 1 and "TypeError" in errors[0] and "doubled + 1" in errors[0]


@pytest.mark.parametrize("notebook", [path.name for path in NOTEBOOKS])
def test_student_notebook_runs_top_to_bottom_without_solutions(notebook, blank_runs):
    assert blank_runs[notebook] == [], (
        f"{notebook} fails in the student edition (solutions emptied):\n"
        + "\n".join(blank_runs[notebook])
    )
