"""One source of truth for versions: requirements.in.

requirements.txt (the full lock), environment.yml (conda) and binder/ (what Binder
builds) must agree with it, and the environment the tests run in must be the pinned one.
"""

import re
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            pins[_canonical(match.group(1))] = match.group(2)
    return pins


DIRECT = _pins(ROOT / "requirements.in")
LOCK = _pins(ROOT / "requirements.txt")


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


def test_direct_pins_are_exact_and_cover_the_course_libraries():
    lines = [
        line
        for line in (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all(PIN.match(line) for line in lines), "every line of requirements.in is name==version"
    for name in ["numpy", "matplotlib", "seaborn", "jupyterlab", "nbval", "pytest", "ipywidgets"]:
        assert name in DIRECT


def test_lock_agrees_with_direct_pins():
    for name, pinned in DIRECT.items():
        assert LOCK.get(name) == pinned, (
            f"requirements.txt has {name}=={LOCK.get(name)}, requirements.in {pinned}"
        )


def test_conda_environment_agrees_with_direct_pins():
    deps = _conda_dependencies()
    conda = dict(dep.split("=", 1) for dep in deps if "=" in dep)
    assert conda.pop("python") == "3.11"
    assert {_canonical(k): v for k, v in conda.items()} == DIRECT
    assert "pip" in deps


def test_binder_builds_the_locked_set_with_python_3_11_and_the_helpers():
    assert (ROOT / "binder" / "requirements.txt").read_text() == (
        ROOT / "requirements.txt"
    ).read_text()
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    post_build = ROOT / "binder" / "postBuild"
    assert "pip install" in post_build.read_text() and post_build.stat().st_mode & 0o111


def test_pyproject_does_not_choose_versions():
    text = (ROOT / "pyproject.toml").read_text()
    deps = re.search(r"^dependencies = \[(.*?)\]", text, re.M | re.S).group(1)
    assert not re.search(r"[<>=~]", deps), "versions are chosen in requirements.in only"


def test_running_python_is_the_pinned_minor_version():
    assert sys.version_info[:2] == (3, 11)


@pytest.mark.parametrize("name", sorted(DIRECT))
def test_installed_version_matches_the_pin(name):
    try:
        installed = version(name)
    except PackageNotFoundError:
        pytest.fail(f"{name} is pinned but not installed: run `make env`")
    assert installed == DIRECT[name], (
        f"{name} {installed} installed, {DIRECT[name]} pinned: run `make env`"
    )


# The browser-test tools of `make e2e` (Playwright) are pinned in requirements-e2e.txt: a
# learner does not need them, so requirements.in, Binder and conda do not carry them.
E2E_PINS = ROOT / "requirements-e2e.txt"


def test_e2e_tools_are_pinned_exactly_and_agree_with_the_lock():
    lines = [
        line.strip()
        for line in E2E_PINS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert lines and all(PIN.match(line) for line in lines), "every line is name==version"
    e2e = _pins(E2E_PINS)
    assert "playwright" in e2e
    for name, pinned in e2e.items():
        assert name not in DIRECT, f"{name} is a course library: pin it in requirements.in only"
        assert LOCK.get(name, pinned) == pinned, f"{name}: {pinned} here, {LOCK[name]} in the lock"
    assert "requirements-e2e.txt" in (ROOT / "Makefile").read_text(encoding="utf-8")
