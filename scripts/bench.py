"""Benchmark the course: time and kernel memory of each notebook, and of `make test`.

Each notebook is executed headless (``nbrun``) in a fresh kernel; nothing is written back.
Before every notebook, the *floor* is measured the same way: an in-memory notebook that
only starts a kernel, imports what the notebooks import (numpy, pandas, matplotlib,
seaborn, ipywidgets, helpers), sets the course style and draws one plot, i.e. the cost no
notebook can go below. Measuring it interleaved, and reporting its median, makes the
comparison fair on a machine whose load changes during the run.

Wall time runs from asking for a kernel to the end of the last cell (kernel shutdown, the
same for every notebook, is left out). Kernel peak memory is ``VmHWM`` (the largest
resident set size the process ever had) read from ``/proc/<kernel pid>/status`` just before
shutdown: the kernel keeps that number itself, so nothing polls and competes for the cores.
The *serial course* time is the sum of the notebooks' wall times. A warm ``make test``
(environment built, the notebooks just run once) is then timed in the same run.

Goals, printed as PASS/FAIL lines (the exit status is 1 if one fails):
- the serial course within 1.5 x (number of notebooks x median floor);
- no cell over 2 s, the import cell of each notebook excepted (the floor measures it);
- no kernel over 300 MB;
- a warm ``make test`` within 1.0 x the serial course time (skip with ``--skip-make-test``).

The report is printed as a Markdown table and written to build/bench.md. The machine's
load changes what it measures: on a shared machine, run it twice and compare.

Usage: python scripts/bench.py [--skip-make-test] notebooks/00_start_here.ipynb ...
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import nbrun

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "build" / "bench.md"

COURSE_FACTOR = 1.5
MAX_CELL_SECONDS = 2.0
MAX_KERNEL_MB = 300.0
MAKE_TEST_FACTOR = 1.0

FLOOR_CELLS = [
    "import ipywidgets\nimport matplotlib.pyplot as plt\nimport numpy as np\nimport pandas as pd\n"
    "import seaborn as sns\n\nimport helpers\n\nhelpers.set_course_style()",
    "fig, ax = plt.subplots()\nax.plot(np.arange(3), np.arange(3))\nax.set_xlabel('x')\nplt.show()",
]


@dataclass
class Run:
    name: str
    wall: float = 0.0
    peak_mb: float = 0.0
    cells: list[tuple[int, float]] = field(default_factory=list)

    @property
    def slowest(self) -> tuple[int, float]:
        """The slowest cell after the import cell (the first code cell), and its time."""
        return max(self.cells[1:], key=lambda cell: cell[1], default=(-1, 0.0))


def peak_memory_mb(pid: int) -> float:
    """The process's peak resident set size (VmHWM) in MB (10**6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"no VmHWM for process {pid}")


def run(nb: nbformat.NotebookNode, name: str, cwd: Path) -> Run:
    client = nbrun.client(nb, cwd=cwd)
    result = Run(name)
    start = time.perf_counter()
    with client.setup_kernel(env=nbrun.kernel_env()):
        pid = client.km.provisioner.pid
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            cell_start = time.perf_counter()
            client.execute_cell(cell, index)
            result.cells.append((index, time.perf_counter() - cell_start))
        result.wall = time.perf_counter() - start
        result.peak_mb = peak_memory_mb(pid)
    return result


def floor_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in FLOOR_CELLS]
    return nb


def time_make_test() -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(
        ["make", "--no-print-directory", "test"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start, done.returncode


def report(
    runs: list[Run], floors: list[float], floor_peaks: list[float], make_test
) -> tuple[str, bool]:
    floor = statistics.median(floors)
    lines = [
        "| notebook | wall (s) | x floor | kernel peak (MB) | slowest cell after imports | its time (s) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        index, seconds = r.slowest
        lines.append(
            f"| {r.name} | {r.wall:.2f} | {r.wall / floor:.2f} | {r.peak_mb:.0f} "
            f"| {index} | {seconds:.2f} |"
        )
    total = sum(r.wall for r in runs)
    budget = COURSE_FACTOR * len(runs) * floor
    lines.append(f"| **serial course** | **{total:.2f}** | {total / floor:.2f} | | | |")
    lines.append(
        f"| floor (median of {len(floors)}) | {floor:.2f} | 1.00 | "
        f"{statistics.median(floor_peaks):.0f} | | |"
    )
    worst_cell = max((r.slowest + (r.name,) for r in runs), key=lambda c: c[1])
    worst_peak = max(runs, key=lambda r: r.peak_mb)
    goals = [
        (
            total <= budget,
            f"course {total:.1f} s <= {COURSE_FACTOR} x {len(runs)} notebooks x floor "
            f"{floor:.2f} s = {budget:.1f} s",
        ),
        (
            worst_cell[1] <= MAX_CELL_SECONDS,
            f"slowest cell after the imports {worst_cell[1]:.2f} s (cell {worst_cell[0]} of "
            f"{worst_cell[2]}) <= {MAX_CELL_SECONDS:.0f} s",
        ),
        (
            worst_peak.peak_mb <= MAX_KERNEL_MB,
            f"largest kernel {worst_peak.peak_mb:.0f} MB ({worst_peak.name}) "
            f"<= {MAX_KERNEL_MB:.0f} MB",
        ),
    ]
    if make_test is not None:
        seconds, code = make_test
        lines.append(
            f"| warm `make test` (exit {code}) | {seconds:.2f} | {seconds / floor:.2f} | | | |"
        )
        goals.append(
            (
                code == 0 and seconds <= MAKE_TEST_FACTOR * total,
                f"warm `make test` {seconds:.1f} s (exit {code}) = {seconds / total:.2f} x the "
                f"serial course {total:.1f} s <= {MAKE_TEST_FACTOR:.1f} x",
            )
        )
    lines.append("")
    lines += [f"{'PASS' if ok else 'FAIL'}: {text}" for ok, text in goals]
    return "\n".join(lines) + "\n", all(ok for ok, _ in goals)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--skip-make-test", action="store_true", help="do not time `make test`")
    args = parser.parse_args(argv)
    runs, floors, floor_peaks = [], [], []
    for path in args.notebooks:
        floor = run(floor_notebook(), "floor", path.parent)
        floors.append(floor.wall)
        floor_peaks.append(floor.peak_mb)
        result = run(nbformat.read(path, as_version=4), path.stem, path.parent)
        runs.append(result)
        print(
            f"{path.stem}: {result.wall:.2f} s (floor {floor.wall:.2f} s), {result.peak_mb:.0f} MB",
            file=sys.stderr,
        )
    make_test = None if args.skip_make_test else time_make_test()
    text, ok = report(runs, floors, floor_peaks, make_test)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
