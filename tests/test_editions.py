"""The student and code-along editions (``make editions``, scripts/editions.py).

Fast tests check the transformations on small notebooks made here. The rest build both
editions of the real course into a temporary folder and check: what a learner's folder
carries, that no solution text, caption or output leaks, that every link resolves, that
putting the live cells back into the code-along edition gives the student edition, and
that every student notebook runs top to bottom with blank answers (scripts/nbrun.py, two
kernels at a time),
each check cell saying "not answered yet". The code-along edition is not executed: its
emptied live cells break later cells by design.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import editions  # scripts/ is on the path (tests/conftest.py)
import nbformat
import nbrun
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHECK_CALL = re.compile(r"\b(nb\d\d|quiz)\.check_\w+\(")


def _solution(source: str):
    return new_code_cell(
        source,
        execution_count=3,
        outputs=[new_output("stream", name="stdout", text="6\n")],
        metadata={"jupyter": {"source_hidden": True}, "tags": ["solution"]},
    )


def _demo() -> nbformat.NotebookNode:
    return new_notebook(
        cells=[
            new_markdown_cell(
                "# 99 · Demo\n\n<!-- complete -->\nSolutions are folded.\n<!-- end -->\n"
                "<!-- student: Solutions come after the session.\n-->\nMore."
            ),
            new_code_cell("# The value of x\nx = 3\nprint(x)", metadata={"tags": ["live"]}),
            new_markdown_cell("### Exercise 1\n\nDouble `x`."),
            new_code_cell("doubled = None"),
            new_markdown_cell("### Solution"),
            _solution("doubled = 2 * x\nprint(doubled)"),
            new_markdown_cell("*Figure: (solution) the doubled value.*"),
            new_markdown_cell("## Next\n\nText."),
            new_code_cell(
                "def half(v):\n    return v / 2\n\n\ny = half(x)", metadata={"tags": ["live"]}
            ),
        ]
    )


def test_student_edition_of_a_small_notebook():
    nb = _demo()
    before = nbformat.writes(nb)
    student = editions.student_notebook(nb)
    assert nbformat.writes(nb) == before, "the source notebook must not change"
    sources = [cell.source for cell in student.cells]
    assert sources[0] == "# 99 · Demo\n\nSolutions come after the session.\nMore."
    assert sources[5] == editions.RELEASED
    assert student.cells[5].metadata == {"tags": ["solution"]}  # unfolded, tag kept
    assert "*Figure: (solution)" not in "".join(sources)  # its caption is dropped
    assert sources[6].startswith("## Next") and len(student.cells) == len(nb.cells) - 1
    assert all(c.outputs == [] for c in student.cells if c.cell_type == "code")


def test_what_to_type_uses_the_first_comment_or_a_summary():
    assert editions.what_to_type("# The value of x\nx = 3\nprint(x)") == (
        "# Type along: The value of x (3 lines)"
    )
    assert editions.what_to_type("def half(v):\n    return v / 2\n\n\ny = half(x)") == (
        "# Type along: define half(v); compute y (3 lines)"
    )
    assert editions.what_to_type("np.linalg.norm(e, ord=1)") == (
        "# Type along: call np.linalg.norm (1 line)"
    )
    assert editions.what_to_type("for i in (:") == "# Type along with the instructor (1 line)"


def test_codealong_empties_live_cells_and_nothing_else():
    nb = _demo()
    student, codealong = editions.student_notebook(nb), editions.codealong_notebook(nb)
    live = [i for i, c in enumerate(codealong.cells) if "live" in editions.tags(c)]
    assert live == [1, 7]
    assert codealong.cells[7].source == "# Type along: define half(v); compute y (3 lines)"
    assert _restore_live(codealong, nb) == nbformat.writes(student)


def test_broken_links_are_found(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("[ok](../README.md) [gone](b.md) [out](../../x.md)")
    (tmp_path / "README.md").write_text("[web](https://example.org) [here](#top) `[no](c.md)`")
    assert editions.broken_links(tmp_path) == [
        "docs/a.md: relative link 'b.md' does not resolve (with this exact case)",
        "docs/a.md: relative link '../../x.md' does not resolve (with this exact case)",
        "docs/a.md: relative link '../../x.md' leads out of the edition",
    ]


def test_build_refuses_a_root_without_notebooks(tmp_path):
    with pytest.raises(ValueError, match="found none"):
        editions.build(tmp_path, tmp_path / "out")


# --- the real course --------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    return editions.build(ROOT, tmp_path_factory.mktemp("editions"))


def _restore_live(codealong, complete) -> str:
    """The code-along notebook with its live cells' sources taken from the complete one."""
    restored = nbformat.from_dict(codealong)
    by_id = {cell.id: cell for cell in complete.cells}
    for cell in restored.cells:
        if "live" in editions.tags(cell):
            cell.source = by_id[cell.id].source
    return nbformat.writes(restored)


@pytest.mark.parametrize("edition", editions.EDITIONS)
def test_an_edition_is_a_learners_folder_with_a_zip(built, edition):
    folder = built[edition]
    for needed in ["Makefile", "README.md", "LICENSE", "pyproject.toml", "requirements.txt"]:
        assert (folder / needed).is_file(), f"{edition} lacks {needed}"
    assert (folder / "helpers" / "__init__.py").is_file() and (folder / "binder").is_dir()
    assert sorted(p.name for p in (folder / "notebooks").glob("*.ipynb")) == [
        p.name for p in NOTEBOOKS
    ]
    assert not (folder / "scripts").exists() and not (folder / "docs/instructor_guide.md").exists()
    assert "edition** of the course" in (folder / "README.md").read_text(encoding="utf-8")
    files = sorted(str(p.relative_to(folder.parent)) for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(folder.with_suffix(".zip")) as zf:
        assert sorted(zf.namelist()) == files
    assert editions.broken_links(folder) == []


def test_the_unit_tests_a_learners_folder_carries_pass(built):
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "--doctest-modules", "helpers", "tests"],
        cwd=built["student"], capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-2000:]


@pytest.mark.parametrize("edition", editions.EDITIONS)
def test_no_solution_leaks(built, edition):
    for path in NOTEBOOKS:
        complete = nbformat.read(path, as_version=4)
        learner = nbformat.read(built[edition] / "notebooks" / path.name, as_version=4)
        kept = {c.source for c in complete.cells if "solution" not in editions.tags(c)}
        text = "\n".join(c.source for c in learner.cells)
        for cell in complete.cells:
            if "solution" in editions.tags(cell):
                for line in cell.source.splitlines():
                    if len(line.strip()) > 12 and not any(line in s for s in kept):
                        assert line not in text, f"{edition}/{path.name} leaks: {line}"
        assert all(not c.get("outputs") for c in learner.cells), f"{path.name} has outputs"
        markdown = "\n".join(c.source for c in learner.cells if c.cell_type == "markdown")
        assert not re.search(r"\bfold|unfold|\(solution\)", markdown, re.I), path.name
        assert "<!-- complete" not in markdown and "<!-- student:" not in markdown


def test_codealong_with_its_live_cells_back_is_the_student_edition(built):
    for path in NOTEBOOKS:
        codealong = nbformat.read(built["codealong"] / "notebooks" / path.name, as_version=4)
        student = nbformat.read(built["student"] / "notebooks" / path.name, as_version=4)
        complete = nbformat.read(path, as_version=4)
        assert _restore_live(codealong, complete) == nbformat.writes(student), path.name


def _problems(nb) -> list[str]:
    """Errors in an executed notebook, and check cells that do not say "not answered yet"."""
    found = []
    for index, cell in enumerate(nb.cells):
        outputs = cell.get("outputs", [])
        text = "".join(
            o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for o in outputs
        )
        found += [
            f"cell {index}: {o.ename}: {o.evalue}" for o in outputs if o.output_type == "error"
        ]
        if CHECK_CALL.search(cell.source) and "not answered yet" not in text.lower():
            found.append(f"cell {index} ({cell.source[:40]!r}) does not say 'not answered yet'")
    return found


@pytest.fixture(scope="module")
def blank_runs(built, tmp_path_factory) -> dict[str, list[str]]:
    canary = editions.student_notebook(_demo())  # a later cell needing the solution
    canary.cells.append(new_code_cell("print(doubled + 1)"))
    canary_path = tmp_path_factory.mktemp("canary") / "canary.ipynb"
    nbformat.write(canary, canary_path)
    folder = built["student"] / "notebooks"
    paths = [*sorted(folder.glob("*.ipynb"), key=lambda p: -p.stat().st_size), canary_path]
    jobs = [(nbformat.read(path, as_version=4), path.parent) for path in paths]
    results = nbrun.execute_many(jobs, parallel=2, timeout=120, allow_errors=True)
    return {
        path.name: [f"stopped: {r!r}"] if isinstance(r, Exception) else _problems(r)
        for path, r in zip(paths, results)
    }


def test_a_cell_needing_a_solution_is_reported(blank_runs):
    assert len(blank_runs["canary.ipynb"]) == 1 and "TypeError" in blank_runs["canary.ipynb"][0]


@pytest.mark.parametrize("notebook", [p.name for p in NOTEBOOKS])
def test_student_notebook_runs_blank_and_checks_say_not_answered(blank_runs, notebook):
    assert blank_runs[notebook] == [], "\n".join(blank_runs[notebook])
