"""One source of truth for versions: requirements.in (the learner set) and requirements-dev.in.

The locks, environment.yml, binder/ and the helpers' own metadata (what notebook 00's setup
check reads) must agree with them; the learner set holds what the notebooks import and no
developer tool; the environment the tests run in is the pinned one.
"""

import json
import re
import sys
from importlib.metadata import PackageNotFoundError, packages_distributions, version
from pathlib import Path

import pytest

from helpers.setup_check import learner_pins

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)")
DEVELOPER_TOOLS = {"nbval", "pytest", "pytest-xdist", "ruff", "coverage", "notebook"}
# Learner libraries that no notebook imports: the front end and the kernel.
FRONT_END = {"jupyterlab", "ipykernel"}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            pins[_canonical(match.group(1))] = match.group(2)
    return pins


def _requirement_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


DIRECT = _pins(ROOT / "requirements.in")
DEV_DIRECT = _pins(ROOT / "requirements-dev.in")
LOCK = _pins(ROOT / "requirements.txt")
DEV_LOCK = _pins(ROOT / "requirements-dev.txt")


def _platform_pins() -> set[str]:
    text = (ROOT / "requirements.in").read_text(encoding="utf-8")
    _, _, platform_part = text.partition("# Platform pins")
    return set(_pins_in(platform_part))


def _pins_in(text: str) -> dict[str, str]:
    return {_canonical(m.group(1)): m.group(2) for m in map(PIN.match, text.splitlines()) if m}


def _conda_dependencies() -> list[str]:
    deps, in_deps = [], False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
        elif in_deps and re.match(r"^  - ", line):
            deps.append(line[4:].strip())
        elif in_deps and line and not line.startswith(" "):
            in_deps = False
    return deps


def _imported_modules() -> set[str]:
    """Top-level modules imported by any notebook or by helpers/."""
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "helpers").rglob("*.py")]
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources += ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    pattern = re.compile(r"^\s*(?:import|from)\s+([A-Za-z_]\w*)", re.M)
    return {name for source in sources for name in pattern.findall(source)}


def test_both_sets_are_exact_pins_and_do_not_overlap():
    assert all(PIN.match(line) for line in _requirement_lines(ROOT / "requirements.in"))
    dev_lines = _requirement_lines(ROOT / "requirements-dev.in")
    assert dev_lines[0] == "-c requirements.txt", (
        "the developer set resolves within the learner lock"
    )
    assert all(PIN.match(line) for line in dev_lines[1:])
    assert not set(DIRECT) & set(DEV_DIRECT)
    for name in [
        "numpy",
        "matplotlib",
        "seaborn",
        "pandas",
        "jupyterlab",
        "ipykernel",
        "ipywidgets",
    ]:
        assert name in DIRECT
    for name in ["nbval", "pytest", "pytest-xdist", "ruff"]:
        assert name in DEV_DIRECT


def test_the_learner_set_is_what_the_notebooks_import_and_no_developer_tool():
    distributions = packages_distributions()
    third_party = {
        _canonical(distributions[module][0])
        for module in _imported_modules()
        if module in distributions and module != "helpers"
    }
    assert third_party <= set(DIRECT), f"imported but not pinned: {third_party - set(DIRECT)}"
    unused = set(DIRECT) - third_party - FRONT_END - _platform_pins()
    assert not unused, f"pinned for learners but imported nowhere: {unused}"
    assert not DEVELOPER_TOOLS & set(LOCK), "a developer tool is in the learner lock"


def test_locks_agree_with_their_sources_and_with_each_other():
    for name, pinned in DIRECT.items():
        assert LOCK.get(name) == pinned, f"requirements.txt: {name}=={LOCK.get(name)}, .in {pinned}"
    for name, pinned in DEV_DIRECT.items():
        assert DEV_LOCK.get(name) == pinned, f"requirements-dev.txt: {name}=={DEV_LOCK.get(name)}"
    shared = set(LOCK) & set(DEV_LOCK)
    assert shared, "the developer lock was resolved without the learner lock"
    assert {n: LOCK[n] for n in shared} == {n: DEV_LOCK[n] for n in shared}


def test_conda_environment_is_the_learner_set_from_conda_forge_only():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"channels:\n  - conda-forge\n  - nodefaults\n", text)
    deps = _conda_dependencies()
    conda = dict(dep.split("=", 1) for dep in deps if "=" in dep)
    assert conda.pop("python") in {"3.11", "3.12", "3.13", "3.14"}
    assert "matplotlib" not in conda, "matplotlib-base: the notebooks need no Qt"
    conda["matplotlib"] = conda.pop("matplotlib-base")
    expected = {n: v for n, v in DIRECT.items() if n not in _platform_pins()}
    assert {_canonical(k): v for k, v in conda.items()} == expected
    assert "pip" in deps and "-e ." in text


def test_binder_builds_the_learner_lock():
    assert (ROOT / "binder" / "requirements.txt").read_text() == (
        ROOT / "requirements.txt"
    ).read_text()
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_pyproject_takes_the_learner_pins_from_requirements_in_only():
    text = (ROOT / "pyproject.toml").read_text()
    deps = re.search(r"^dependencies = \[(.*?)\]", text, re.M | re.S).group(1)
    assert not re.search(r"[<>=~]", deps), "versions are chosen in requirements.in only"
    assert 'optional-dependencies.learner = { file = ["requirements.in"] }' in text


def test_the_installed_helpers_carry_the_current_pins():
    # What notebook 00 compares with: stale after a change of requirements.in until
    # `make env` reinstalls the helpers (the Makefile's stamp depends on requirements.in).
    assert {_canonical(k): v for k, v in learner_pins().items()} == DIRECT
    assert "requirements.in" in re.search(r"^\$\(STAMP\):.*$", _makefile(), re.M).group(0)


def _makefile() -> str:
    return (ROOT / "Makefile").read_text(encoding="utf-8")


def test_running_python_is_the_tested_minor_version():
    assert sys.version_info[:2] == (3, 11)


@pytest.mark.parametrize("name", sorted(DIRECT | DEV_DIRECT))
def test_installed_version_matches_the_pin(name):
    try:
        installed = version(name)
    except PackageNotFoundError:
        pytest.fail(f"{name} is pinned but not installed: run `make dev`")
    pinned = {**DIRECT, **DEV_DIRECT}[name]
    assert installed == pinned, f"{name} {installed} installed, {pinned} pinned: run `make dev`"


# Tools with their own throwaway environment: Playwright for `make e2e`, nbgitpuller for
# `make check-hub`. A learner does not need them, so requirements.in does not carry them.
@pytest.mark.parametrize("pins", ["requirements-e2e.txt", "requirements-hub.txt"])
def test_side_environments_are_pinned_exactly_and_agree_with_the_lock(pins):
    lines = _requirement_lines(ROOT / pins)
    assert lines and all(PIN.match(line) for line in lines), "every line is name==version"
    for name, pinned in _pins(ROOT / pins).items():
        assert name not in DIRECT, f"{name} is a course library: pin it in requirements.in only"
        assert LOCK.get(name, pinned) == pinned, f"{name}: {pinned} here, {LOCK[name]} in the lock"
    assert pins in _makefile() or pins in (ROOT / "scripts" / "hub.py").read_text()
