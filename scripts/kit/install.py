"""Install the course from this offline kit, with no network (standard library only).

Run it through install.sh (macOS, Linux) or install.bat (Windows), or directly:
    python install.py [--edition complete|student|codealong] [--dest FOLDER]
It unpacks the edition's zip into FOLDER (default: norms-course, or norms-course-student
...), creates FOLDER/.venv and installs the learner set into it from wheels/ alone.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

KIT = Path(__file__).resolve().parent
SUPPORTED = ((3, 11), (3, 14))


def fail(message: str) -> None:
    sys.exit(f"install: {message}")


def unpack(archive: Path, dest: Path) -> None:
    """Extract a zip into dest, dropping the archive's single top folder if it has one."""
    with zipfile.ZipFile(archive) as zf:
        names = [n for n in zf.namelist() if n.strip("/")]
        tops = {n.split("/", 1)[0] for n in names}
        strip = len(tops) == 1 and all("/" in n for n in names)
        for info in zf.infolist():
            relative = info.filename.split("/", 1)[1] if strip else info.filename
            if not relative or info.is_dir():
                continue
            target = dest / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(info))


def main() -> None:
    parser = argparse.ArgumentParser(description="Install the course from this offline kit.")
    parser.add_argument(
        "--edition", default="complete", choices=["complete", "student", "codealong"]
    )
    parser.add_argument("--dest", type=Path)
    args = parser.parse_args()
    version = sys.version_info[:2]
    if not SUPPORTED[0] <= version <= SUPPORTED[1]:
        fail(f"this is Python {version[0]}.{version[1]}; the course needs 3.11 to 3.14")
    tag = f"cp{version[0]}{version[1]}"
    if not list((KIT / "wheels").glob(f"numpy-*-{tag}-*.whl")):
        built = sorted({p.name.split("-")[2] for p in (KIT / "wheels").glob("numpy-*.whl")})
        fail(
            f"this kit has no wheels for Python {version[0]}.{version[1]} (it has {built}); "
            "use one of those, or ask for a kit made with PYTHONS=..."
        )
    archive = KIT / ("norms-course.zip" if args.edition == "complete" else f"{args.edition}.zip")
    if not archive.exists():
        fail(f"this kit has no {args.edition} edition ({archive.name} is missing)")
    dest = args.dest or Path(
        "norms-course" + ("" if args.edition == "complete" else f"-{args.edition}")
    )
    if dest.exists() and any(dest.iterdir()):
        fail(f"{dest} exists and is not empty: choose another --dest or remove it")
    print(f"install: unpacking {archive.name} into {dest}")
    unpack(archive, dest)
    print(f"install: creating {dest / '.venv'}")
    venv.create(dest / ".venv", with_pip=True)
    python = dest / ".venv" / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    helpers = sorted((KIT / "wheels").glob("norms_course_helpers-*.whl"))
    print("install: installing the course libraries from the kit (no network needed)")
    command = [
        str(python),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-index",
        "--find-links",
        str(KIT / "wheels"),
        "-r",
        str(KIT / "requirements.txt"),
        *map(str, helpers),
    ]
    if subprocess.run(command, check=False).returncode:
        fail("pip could not install from the kit: see its message above")
    # `make lab` in the folder then finds the environment built and does not reinstall.
    (dest / ".venv" / ".installed").touch()
    jupyter = r".venv\Scripts\jupyter" if sys.platform == "win32" else ".venv/bin/jupyter"
    print(
        f"install: done. Start the course with:\n  cd {dest}\n  {jupyter} lab\n"
        "and open notebooks/00_start_here.ipynb."
    )


if __name__ == "__main__":
    main()
