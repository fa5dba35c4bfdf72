"""Shared test set-up.

- ``scripts/`` is on the import path: tests import ``nbrun`` and the scripts as modules.
- A headless backend for this process (kernels keep the inline one of ``nbrun``), one
  fresh figure per test, and every figure closed after each test.
- Longest first: ``make test`` hands whole files to two pytest-xdist workers in the order
  collected (``--dist loadfile --no-loadscope-reorder``), so the files that execute the whole
  course (an edition) go first, then the notebooks under nbval, largest stored file first,
  then the quick unit tests, which fill the gaps. Without it, the edition run starts last
  and becomes the tail of the run. Order within a file is kept (nbval needs it).
"""

import sys
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

#: Test files that execute every notebook of an edition: run first.
COURSE_RUNS = {"test_student_edition.py", "test_editions.py"}


def _weight(path: Path) -> float:
    if path.name in COURSE_RUNS:
        return float("inf")
    return path.stat().st_size if path.suffix == ".ipynb" else 0.0


def pytest_collection_modifyitems(items):
    weights = {path: _weight(path) for path in {item.path for item in items}}
    items.sort(key=lambda item: -weights[item.path])  # stable: order within a file kept


@pytest.fixture
def ax():
    import matplotlib.pyplot as plt  # here, not above: the xdist controller never needs it

    fig, axes = plt.subplots()
    yield axes
    plt.close(fig)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
