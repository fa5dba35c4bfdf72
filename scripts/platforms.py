"""The support matrix: where the learner lock must install from wheels alone.

``python scripts/platforms.py check --uv UV`` (``make check-platforms``, needs the package
index) resolves requirements.txt with uv for every platform and Python below, wheels only
(a dry run: nothing is installed), and prints the matrix. It exits 1 if any pair fails.
``python scripts/platforms.py list`` prints the platform names (``here`` is this machine's).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

# Short name: uv's target. uv assumes macOS 13 and glibc 2.28 (manylinux_2_28) for these.
PLATFORMS = {
    "windows-x86_64": "x86_64-pc-windows-msvc",
    "macos-x86_64": "x86_64-apple-darwin",
    "macos-arm64": "aarch64-apple-darwin",
    "linux-x86_64": "x86_64-unknown-linux-gnu",
    "linux-aarch64": "aarch64-unknown-linux-gnu",
}
PYTHONS = ("3.11", "3.12", "3.13", "3.14")


def here() -> str:
    """The name in PLATFORMS of the machine this runs on."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = {"amd64": "x86_64", "arm64": "arm64", "aarch64": "aarch64"}.get(
        platform.machine().lower(), platform.machine().lower()
    )
    if system == "macos" and machine == "aarch64":
        machine = "arm64"
    name = f"{system}-{machine}"
    if name not in PLATFORMS:
        raise ValueError(f"this machine ({name}) is not in the support matrix")
    return name


def select(names: str) -> list[str]:
    """Platform names from ``all``, ``here`` or a space/comma separated list."""
    if not isinstance(names, str):
        raise TypeError(f"names must be a str, got {type(names).__name__}")
    words = names.replace(",", " ").split()
    if words in (["all"], []):
        return list(PLATFORMS)
    chosen = [here() if word == "here" else word for word in words]
    unknown = [name for name in chosen if name not in PLATFORMS]
    if unknown:
        raise ValueError(f"names: unknown platform(s) {unknown}; known: {list(PLATFORMS)}")
    return list(dict.fromkeys(chosen))


def resolve_command(uv: str, name: str, python: str, *inputs: str, offline_from=None) -> list:
    """The uv command that resolves ``inputs`` for one platform and Python, wheels only.

    With ``offline_from`` (a folder of wheels), only that folder is consulted.
    """
    if name not in PLATFORMS:
        raise ValueError(f"name must be one of {list(PLATFORMS)}, got {name!r}")
    if python not in PYTHONS:
        raise ValueError(f"python must be one of {PYTHONS}, got {python!r}")
    command = [uv, "pip", "compile", "--quiet", "--no-header", "--no-annotate"]
    command += ["--python-platform", PLATFORMS[name], "--python-version", python]
    command += ["--only-binary", ":all:", *inputs]
    if offline_from is not None:
        command += ["--offline", "--no-index", "--find-links", str(offline_from)]
    return command


def resolve(command: list) -> tuple[bool, str]:
    """Run one resolution; return (it worked, uv's output: the pins, or why it failed)."""
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return result.returncode == 0, (result.stdout if result.returncode == 0 else result.stderr)


def matrix(uv: str, names, pythons, *inputs: str, offline_from=None) -> dict:
    """Resolve every (platform, python) pair, two at a time; {(name, python): (ok, text)}."""
    pairs = [(name, python) for name in names for python in pythons]
    commands = [resolve_command(uv, n, p, *inputs, offline_from=offline_from) for n, p in pairs]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(pairs, pool.map(resolve, commands)))


def format_matrix(results: dict) -> str:
    """A Markdown table: one row per platform, one column per Python, ok or FAIL."""
    names = list(dict.fromkeys(name for name, _ in results))
    pythons = list(dict.fromkeys(python for _, python in results))
    lines = ["| platform | " + " | ".join(pythons) + " |", "|---" * (len(pythons) + 1) + "|"]
    for name in names:
        cells = ["ok" if results[name, python][0] else "FAIL" for python in pythons]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report(results: dict, what: str) -> int:
    """Print the matrix and the reason of each failure; return the exit status."""
    print(format_matrix(results))
    failed = [pair for pair, (ok, _) in results.items() if not ok]
    for name, python in failed:
        reason = results[name, python][1].strip().splitlines()
        print(f"\n{name}, Python {python}:\n  " + "\n  ".join(reason[-4:]))
    print(f"\n{len(results) - len(failed)} of {len(results)} pairs resolve {what}.")
    return 1 if failed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["check", "list"])
    parser.add_argument("--uv", default="uv")
    parser.add_argument("--requirements", default="requirements.txt")
    parser.add_argument("--platforms", default="all")
    args = parser.parse_args(argv)
    if args.action == "list":
        print("\n".join(PLATFORMS) + f"\nhere = {here()}")
        return 0
    if not os.path.exists(args.requirements):
        parser.error(f"no {args.requirements}")
    results = matrix(args.uv, select(args.platforms), PYTHONS, args.requirements)
    return report(results, f"{args.requirements} from wheels alone")


if __name__ == "__main__":
    sys.exit(main())
