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
(environment built, the notebooks just run once) is then timed in the same run. CPU times
(this process and the children it waited for) and the load average are reported too: on a
machine shared with other work, wall times drift with the load while CPU times do not.

Goals, printed as PASS/FAIL lines (the exit status is 1 if one fails):
- the serial course within 1.5 x (number of notebooks x median floor);
- no cell over 2 s, except the import cell (the first to import helpers: the floor's);
- no kernel over 300 MB;
- a warm ``make test`` within 1.0 x the serial course time (skip with ``--skip-make-test``).

The report is printed as a Markdown table and written to build/bench.md. On a shared
machine, run it twice and compare.

Usage: python scripts/bench.py [--skip-make-test] notebooks/00_start_here.ipynb ...
"""

from __future__ import annotations

import argparse
import os
import resource
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
    cpu: float = 0.0
    peak_mb: float = 0.0
    cells: list[tuple[int, float]] = field(default_factory=list)
    import_cell: int = -1
    exit_code: int = 0

    @property
    def slowest(self) -> tuple[int, float]:
        """The slowest cell but the import cell (the first to import helpers), and its time."""
        others = [cell for cell in self.cells if cell[0] != self.import_cell]
        return max(others, key=lambda cell: cell[1], default=(-1, 0.0))


def peak_memory_mb(pid: int) -> float:
    """The process's peak resident set size (VmHWM) in MB (10**6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"no VmHWM for process {pid}")


def cpu_seconds() -> float:
    """CPU time of this process and of every child process it has waited for (kernels,
    `make test` and what it runs)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(nb: nbformat.NotebookNode, name: str, cwd: Path) -> Run:
    client = nbrun.client(nb, cwd=cwd)
    imports = [
        i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "import helpers" in c.source
    ]
    result = Run(name, import_cell=imports[0] if imports else -1)
    cpu, start = cpu_seconds(), time.perf_counter()
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
    result.cpu = cpu_seconds() - cpu
    return result


def floor_notebook() -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in FLOOR_CELLS])


def time_make_test() -> Run:
    cpu, start = cpu_seconds(), time.perf_counter()
    done = subprocess.run(["make", "--no-print-directory", "test"], cwd=ROOT, capture_output=True)
    name = f"warm `make test` (exit {done.returncode})"
    return Run(
        name, wall=time.perf_counter() - start, cpu=cpu_seconds() - cpu, exit_code=done.returncode
    )


def report(
    runs: list[Run], floors: list[Run], make_test: Run | None, load: str
) -> tuple[str, bool]:
    floor = statistics.median(f.wall for f in floors)
    lines = [
        "| notebook | wall (s) | x floor | CPU (s) | kernel peak (MB) | slowest cell but imports | its time (s) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        index, seconds = r.slowest
        lines.append(
            f"| {r.name} | {r.wall:.2f} | {r.wall / floor:.2f} | {r.cpu:.1f} | {r.peak_mb:.0f} | {index} | {seconds:.2f} |"
        )
    total, total_cpu = sum(r.wall for r in runs), sum(r.cpu for r in runs)
    lines.append(
        f"| **serial course** | **{total:.2f}** | {total / floor:.2f} | {total_cpu:.1f} | | | |"
    )
    peak = statistics.median(f.peak_mb for f in floors)
    lines.append(f"| floor (median of {len(floors)}) | {floor:.2f} | 1.00 | | {peak:.0f} | | |")
    budget = COURSE_FACTOR * len(runs) * floor
    worst_cell = max((r.slowest + (r.name,) for r in runs), key=lambda c: c[1])
    worst_peak = max(runs, key=lambda r: r.peak_mb)
    goals = [
        (
            total <= budget,
            f"course {total:.1f} s <= {COURSE_FACTOR} x {len(runs)} notebooks x floor {floor:.2f} s = {budget:.1f} s",
        ),
        (
            worst_cell[1] <= MAX_CELL_SECONDS,
            f"slowest cell but imports {worst_cell[1]:.2f} s (cell {worst_cell[0]} of {worst_cell[2]}) <= {MAX_CELL_SECONDS:.0f} s",
        ),
        (
            worst_peak.peak_mb <= MAX_KERNEL_MB,
            f"largest kernel {worst_peak.peak_mb:.0f} MB ({worst_peak.name}) <= {MAX_KERNEL_MB:.0f} MB",
        ),
    ]
    if make_test is not None:
        t = make_test
        lines.append(f"| {t.name} | {t.wall:.2f} | {t.wall / floor:.2f} | {t.cpu:.1f} | | | |")
        goals.append((
            t.exit_code == 0 and t.wall <= MAKE_TEST_FACTOR * total,
            f"{t.name} {t.wall:.1f} s = {t.wall / total:.2f} x the serial course {total:.1f} s <= {MAKE_TEST_FACTOR:.1f} x "
            f"(CPU {t.cpu:.0f} s = {t.cpu / total_cpu:.2f} x the course's)",
        ))  # fmt: skip
    lines += ["", f"Load average (1 min) at the start and the end: {load}.", ""]
    lines += [f"{'PASS' if ok else 'FAIL'}: {text}" for ok, text in goals]
    return "\n".join(lines) + "\n", all(ok for ok, _ in goals)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--skip-make-test", action="store_true", help="do not time `make test`")
    args = parser.parse_args(argv)
    load = f"{os.getloadavg()[0]:.1f}"
    runs, floors = [], []
    for path in args.notebooks:
        floors.append(run(floor_notebook(), "floor", path.parent))
        runs.append(run(nbformat.read(path, as_version=4), path.stem, path.parent))
        r = runs[-1]
        print(
            f"{r.name}: {r.wall:.2f} s (floor {floors[-1].wall:.2f} s), {r.peak_mb:.0f} MB",
            file=sys.stderr,
        )
    make_test = None if args.skip_make_test else time_make_test()
    text, ok = report(runs, floors, make_test, f"{load} and {os.getloadavg()[0]:.1f}")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
