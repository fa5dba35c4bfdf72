"""Build the course website into build/site and zip it into build/site.zip (``make site``).

Run with the Python of build/site-venv (pinned in requirements-site.txt). A clean build from
the stored notebooks, README and docs/ (nothing is executed); see site/conf.py. Any Sphinx
warning (a link to a missing page or anchor, say) fails the build. Prints the build time,
the number of pages and the size of the site and of the zip.
"""

from __future__ import annotations

import shutil
import sys
import time
import zipfile
from pathlib import Path

from sphinx.cmd.build import build_main

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "site"
CACHE = ROOT / "build" / "site-doctrees"
ZIP = ROOT / "build" / "site.zip"


def main() -> int:
    start = time.perf_counter()
    for path in (OUT, CACHE, ROOT / "build" / "jupyter_execute"):
        shutil.rmtree(path, ignore_errors=True)
    args = [
        "-q",
        "-E",
        "-W",
        "--keep-going",
        "-b",
        "html",
        "-c",
        str(ROOT / "site"),
        "-d",
        str(CACHE),
    ]
    status = build_main([*args, str(ROOT), str(OUT)])
    if status:
        return status
    built = time.perf_counter()
    files = sorted(p for p in OUT.rglob("*") if p.is_file())
    with zipfile.ZipFile(ZIP, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, Path("site") / path.relative_to(OUT))
    pages = [p for p in files if p.suffix == ".html" and "_static" not in p.parts]
    size = sum(p.stat().st_size for p in files)
    print(
        f"site: {len(pages)} pages, {size / 2**20:.1f} MiB in {OUT.relative_to(ROOT)}, "
        f"built in {built - start:.1f} s; {ZIP.relative_to(ROOT)} "
        f"{ZIP.stat().st_size / 2**20:.1f} MiB (zipped in {time.perf_counter() - built:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
