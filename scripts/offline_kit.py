"""The offline workshop kit: everything a room needs to install the course with no Wi-Fi.

``build`` (``make offline-kit``, needs the package index) writes the kit folder:
    wheels/            the learner lock's wheels for every chosen platform and Python,
                       and the course helpers as a wheel
    requirements.txt   the learner lock
    norms-course.zip   the course (complete edition: the committed repository)
    student.zip, codealong.zip   the other editions, when `make editions` exists
    install.py, install.sh, install.bat   the installer and one launcher per OS family
    kit.json           what the kit holds
``check`` (``make check-offline-kit``) proves it with no index: it resolves the lock from
the kit alone for every platform and Python the kit holds, then installs the course from the
kit into a fresh folder with the network cut off and executes notebook 00 there.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import platforms  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# pip's names for the wheels each platform runs (pip widens macOS tags to older releases
# and universal2 itself, but not manylinux_2_x ones, so those are listed).
MACOS = "13_0"
GLIBC_MINOR = 28
# A lock may choose other versions for early and late patch releases of one Python
# (soupsieve for 3.11.0-3.11.4 and for 3.11.5+): the kit resolves both ends of the range.
PATCH_ENDS = ("0", "99")


def resolve_both_ends(uv: str, name: str, python: str, *inputs: str, offline_from=None) -> list:
    """[(ok, pins or reason)] for the first and the last patch release of ``python``."""
    command = platforms.resolve_command(uv, name, python, *inputs, offline_from=offline_from)
    at = command.index("--python-version") + 1
    return [
        platforms.resolve([*command[:at], f"{python}.{patch}", *command[at + 1 :]])
        for patch in PATCH_ENDS
    ]


def pip_platform_tags(name: str) -> list[str]:
    """The ``--platform`` values for ``pip download`` that match uv's target for ``name``."""
    if name not in platforms.PLATFORMS:
        raise ValueError(f"name must be one of {list(platforms.PLATFORMS)}, got {name!r}")
    system, arch = name.split("-")
    if system == "windows":
        return ["win_amd64"]
    if system == "macos":
        return [f"macosx_{MACOS}_{arch}"]
    legacy = (
        ["manylinux2014", "manylinux2010", "manylinux1"] if arch == "x86_64" else ["manylinux2014"]
    )
    first = 5 if arch == "x86_64" else 17
    return [f"manylinux_2_{minor}_{arch}" for minor in range(GLIBC_MINOR, first - 1, -1)] + [
        f"{tag}_{arch}" for tag in legacy
    ]


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def run(command: list, **kwargs) -> None:
    print("+", " ".join(map(str, command)), flush=True)
    subprocess.run(command, check=True, **kwargs)


def pip_env() -> dict:
    """pip without this machine's own configuration (its caps and extra indexes)."""
    return {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": "", "PIP_CONSTRAINT": ""}


def download(uv: str, out: Path, name: str, python: str) -> None:
    """Resolve the lock for one platform and Python, then download exactly those wheels."""
    results = resolve_both_ends(uv, name, python, str(ROOT / "requirements.txt"))
    for patch, (ok, pins) in zip(PATCH_ENDS, results):
        if not ok:
            raise SystemExit(f"{name}, Python {python}: the lock does not resolve:\n{pins}")
        locked = out / "locks" / f"{name}-py{python}.{patch}.txt"
        locked.write_text(pins, encoding="utf-8")
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        command += ["--only-binary", ":all:", "--dest", str(out / "wheels"), "-r", str(locked)]
        command += ["--implementation", "cp", "--python-version", f"{python}.{patch}"]
        command += ["--abi", "cp" + python.replace(".", "")]
        for tag in pip_platform_tags(name):
            command += ["--platform", tag]
        run(command, env=pip_env())


def add_editions(out: Path) -> list[str]:
    """Run `make editions` when the Makefile has it and copy its zips; the names copied."""
    if not re.search(r"^editions:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M):
        print("no `make editions` yet: the kit holds the complete course only")
        return []
    run(["make", "editions"], cwd=ROOT)
    copied = []
    for folder in sorted(p for p in (ROOT / "build" / "editions").iterdir() if p.is_dir()):
        shutil.make_archive(str(out / folder.name), "zip", folder.parent, folder.name)
        copied.append(folder.name)
    return copied


def build(uv: str, out: Path, names: list[str], pythons: list[str]) -> None:
    start = time.perf_counter()
    shutil.rmtree(out, ignore_errors=True)
    (out / "locks").mkdir(parents=True)
    for name in names:
        for python in pythons:
            download(uv, out, name, python)
    with tempfile.TemporaryDirectory() as tmp:
        # The helpers wheel, built from a copy: no build/ or .egg-info in the repository.
        for part in ["pyproject.toml", "README.md", "LICENSE", "requirements.in"]:
            shutil.copy(ROOT / part, tmp)
        shutil.copytree(
            ROOT / "helpers", Path(tmp) / "helpers", ignore=shutil.ignore_patterns("__pycache__")
        )
        run([uv, "build", "--quiet", "--wheel", "--out-dir", str(out / "wheels"), tmp])
    run(
        [
            "git",
            "archive",
            "--format=zip",
            "--prefix=norms-course/",
            "-o",
            str(out / "norms-course.zip"),
            "HEAD",
        ],
        cwd=ROOT,
    )
    editions = add_editions(out)
    shutil.copy(ROOT / "requirements.txt", out)
    for launcher in (ROOT / "scripts" / "kit").iterdir():
        if launcher.is_file():  # not the __pycache__ a test run leaves
            shutil.copy(launcher, out)
    manifest = {"platforms": names, "pythons": pythons, "editions": ["complete", *editions]}
    (out / "kit.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    wheels = len(list((out / "wheels").glob("*.whl")))
    print(
        f"kit written to {out}: {wheels} wheels, {size_mb(out):.0f} MB, "
        f"built in {time.perf_counter() - start:.0f} s"
    )


def no_network_prefix() -> list[str]:
    """A network namespace with loopback only (kernels talk over it), where Linux allows it."""
    prefix = ["unshare", "-rn", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"]
    if shutil.which("unshare") and shutil.which("ip"):
        if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    return []


def offline_env() -> dict:
    """Every index and proxy points at a closed port: any download attempt fails fast."""
    closed = "http://127.0.0.1:9"
    return {
        **pip_env(),
        "PIP_INDEX_URL": closed + "/simple",
        "UV_OFFLINE": "1",
        "HTTP_PROXY": closed,
        "HTTPS_PROXY": closed,
        "http_proxy": closed,
        "https_proxy": closed,
    }


def check(uv: str, out: Path, python: str) -> None:
    manifest = json.loads((out / "kit.json").read_text(encoding="utf-8"))
    version = subprocess.run(
        [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if platforms.here() not in manifest["platforms"] or version not in manifest["pythons"]:
        raise SystemExit(
            f"the kit has no wheels for {platforms.here()} with Python {version}: "
            f"make offline-kit PLATFORMS=here PYTHONS={version}"
        )
    helpers = next((out / "wheels").glob("norms_course_helpers-*.whl")).name.split("-")[1]
    with tempfile.TemporaryDirectory() as tmp:
        wheels = (out / "wheels").resolve()
        wanted = Path(tmp) / "kit-requirements.txt"
        wanted.write_text(
            f"-r {(out / 'requirements.txt').resolve()}\nnorms-course-helpers=={helpers}\n"
        )
        results = {
            (name, python): next(
                (
                    r
                    for r in resolve_both_ends(uv, name, python, str(wanted), offline_from=wheels)
                    if not r[0]
                ),
                (True, ""),
            )
            for name in manifest["platforms"]
            for python in manifest["pythons"]
        }
        if platforms.report(results, "from the kit alone"):
            raise SystemExit("the kit misses wheels")
        dest = Path(tmp) / "course"
        prefix = no_network_prefix()
        print(
            f"installing from the kit with Python {version}, "
            + (
                "in a network namespace with no network"
                if prefix
                else "with every index on a closed port"
            )
        )
        start = time.perf_counter()
        run([*prefix, python, str(out / "install.py"), "--dest", str(dest)], env=offline_env())
        installed = time.perf_counter() - start
        notebook = dest / "notebooks" / "00_start_here.ipynb"
        run(
            [
                *prefix,
                str(dest / ".venv" / "bin" / "jupyter"),
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--output-dir",
                tmp,
                "--output",
                "executed",
                str(notebook),
            ],
            env=offline_env(),
            cwd=notebook.parent,
        )
        cells = json.loads((Path(tmp) / "executed.ipynb").read_text(encoding="utf-8"))["cells"]
        outputs = [o for c in cells if c["cell_type"] == "code" for o in c["outputs"]]
        text = "".join("".join(o.get("text", "")) for o in outputs)
        assert not any(o["output_type"] == "error" for o in outputs), "notebook 00 raised an error"
        assert "pinned packages are installed at their pinned versions" in text, text
    print(
        f"ok: installed offline in {installed:.0f} s, notebook 00 ran, setup check passed; "
        f"the kit ({size_mb(out):.0f} MB) resolves for {len(results)} platform/Python pairs"
    )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["build", "check"])
    parser.add_argument("--uv", default="uv")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "offline-kit")
    parser.add_argument("--pythons", default="3.13")
    parser.add_argument("--platforms", default="all")
    parser.add_argument("--python", default=sys.executable, help="the Python that installs (check)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if args.action == "build":
        pythons = args.pythons.replace(",", " ").split()
        bad = [p for p in pythons if p not in platforms.PYTHONS]
        if bad or not pythons:
            parser.error(f"--pythons: {bad or 'none'}; choose from {platforms.PYTHONS}")
        build(args.uv, out, platforms.select(args.platforms), pythons)
    else:
        check(args.uv, out, args.python)


if __name__ == "__main__":
    main()
