"""Binder (repo2docker) rules the binder/ folder relies on, beyond tests/test_environment.py.

repo2docker reads only binder/ when that folder exists; honours ``runtime.txt`` with a
``requirements.txt`` (but ignores it beside an ``environment.yml``); runs ``postBuild`` as
``./binder/postBuild`` from the repository root, where a shell script needs a ``#!/bin/bash``
first line and ``set -e`` for a failing command to fail the build.
"""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"


def test_binder_folder_uses_pip_and_runtime_txt_only():
    files = {path.name for path in BINDER.iterdir()}
    assert {"requirements.txt", "runtime.txt", "postBuild"} <= files
    assert not files & {"environment.yml", "Pipfile", "pyproject.toml", "setup.py", "Dockerfile"}, (
        "another environment file in binder/ would override requirements.txt or runtime.txt"
    )
    assert not (ROOT / ".binder").exists(), "binder/ and .binder/ cannot both exist"


def test_post_build_stops_on_error_and_installs_the_helpers_from_a_copy():
    lines = (BINDER / "postBuild").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#!/bin/bash"
    assert (BINDER / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"
    commands = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert commands[0].startswith("set -e")
    installs = [c for c in commands if "pip install" in c]
    assert len(installs) == 1 and '"$src"' in installs[0] and "--no-deps" in installs[0]
    # An editable or in-place install would leave an .egg-info folder (or build/) in the
    # learner's file browser; `make check-hub` runs postBuild for real and checks for them.
    assert not any(" -e " in c or c.endswith(" .") for c in installs)
    copied = next(c for c in commands if c.startswith("cp -r")).split()[2:-1]
    for part in copied:
        assert (ROOT / part).exists(), f"postBuild copies {part}, which does not exist"
    assert {"pyproject.toml", "requirements.in", "helpers"} <= set(copied), (
        "the build needs pyproject.toml, the pins it reads and the package"
    )
    assert not any(command.startswith("cd ") for command in commands), (
        "postBuild runs from the repository root; its copy relies on it"
    )


def test_the_built_helpers_carry_every_subpackage():
    """Binder, hub images and the offline kit install the helpers non-editable: a package
    under helpers/ that pyproject.toml does not list would be missing there."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "helpers").rglob("__init__.py")
    }
    assert found == listed
