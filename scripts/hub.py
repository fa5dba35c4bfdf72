"""The JupyterHub route: an nbgitpuller link that pulls the course into a hub user's home.

``python scripts/hub.py link https://hub.example.org`` (``make hub-link HUB=...``) prints
the link for this repository. ``python scripts/hub.py check --uv UV`` (``make check-hub``)
tests the route for real: it builds build/hub-venv as a hub's image is built (binder/, its
postBuild, nbgitpuller from requirements-hub.txt), starts a Jupyter server on 127.0.0.1,
asks it to /git-pull a local clone of this repository, and opens notebook 00 afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
REPO = "https://github.com/norms-course/norms-course"
START = "notebooks/00_start_here.ipynb"


def pull_query(repo: str = REPO, branch: str = "main", path: str = START) -> str:
    """The query of an nbgitpuller link: the repository, its branch, the page to open."""
    for name, value in [("repo", repo), ("branch", branch), ("path", path)]:
        if not isinstance(value, str) or not value.strip():
            raise TypeError(f"{name} must be a non-empty str, got {value!r}")
    repo = repo.rstrip("/")
    # nbgitpuller clones into a folder named after the last part of the repository URL.
    folder = repo.split("/")[-1]
    return urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{folder}/{path}"})


def hub_link(hub: str, repo: str = REPO, branch: str = "main", path: str = START) -> str:
    """The link to share: it opens the hub, pulls the course, then opens ``path``.

    >>> hub_link("https://hub.example.org/").split("?")[0]
    'https://hub.example.org/hub/user-redirect/git-pull'
    """
    if not isinstance(hub, str):
        raise TypeError(f"hub must be a str (the hub's address), got {type(hub).__name__}")
    parts = urlsplit(hub.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(
            f"hub must be the hub's address, like https://hub.example.org, got {hub!r}"
        )
    return f"{hub.strip().rstrip('/')}/hub/user-redirect/git-pull?{pull_query(repo, branch, path)}"


def run(command: list, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, **kwargs)


def get(url: str, token: str, timeout: float = 30) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, response.read()


def build_image(uv: str, venv: Path, image: Path) -> None:
    """build/hub-venv as a hub's image: binder/requirements.txt, postBuild, nbgitpuller."""
    shutil.rmtree(venv, ignore_errors=True)
    run([uv, "venv", "--quiet", "--seed", "--python", sys.executable, str(venv)])
    python = ["--python", str(venv / "bin" / "python")]
    run([uv, "pip", "sync", "--quiet", *python, str(image / "binder" / "requirements.txt")])
    constraint = ["-c", str(image / "binder" / "requirements.txt")]
    run(
        [
            uv,
            "pip",
            "install",
            "--quiet",
            *python,
            "-r",
            str(image / "requirements-hub.txt"),
            *constraint,
        ]
    )
    path = f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"
    run(
        ["bash", "binder/postBuild"],
        cwd=image,
        env={**os.environ, "PATH": path},
        capture_output=True,
    )
    leftovers = run(
        ["git", "status", "--porcelain", "--ignored"], cwd=image, capture_output=True, text=True
    )
    if leftovers.stdout.strip():
        raise SystemExit(
            f"binder/postBuild left files in the learner's folder:\n{leftovers.stdout}"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check(uv: str) -> None:
    venv = ROOT / "build" / "hub-venv"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name in ["norms-course", "image"]:  # the repository the link names; the image's
            run(["git", "clone", "--quiet", str(ROOT), str(tmp / name)])
        branch = run(
            ["git", "rev-parse", "--abbrev-ref", "HEAD"],
            cwd=tmp / "norms-course",
            capture_output=True,
            text=True,
        ).stdout.strip()
        start = time.perf_counter()
        build_image(uv, venv, tmp / "image")
        print(
            f"hub image built in {time.perf_counter() - start:.0f} s; postBuild left nothing behind"
        )
        home, port, token = tmp / "home", free_port(), secrets.token_hex(16)
        home.mkdir()
        command = [
            str(venv / "bin" / "jupyter"),
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--ServerApp.token={token}",
            f"--ServerApp.root_dir={home}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        env = {**os.environ, "HOME": str(home), "JUPYTER_CONFIG_DIR": str(tmp / "config")}
        log = (tmp / "server.log").open("w")
        server = subprocess.Popen(command, cwd=home, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(120):
                try:
                    get(f"{base}/api/status", token, timeout=2)
                    break
                except OSError:
                    time.sleep(0.5)
            else:
                raise SystemExit(
                    "the Jupyter server did not start:\n" + (tmp / "server.log").read_text()
                )
            query = pull_query(f"file://{tmp / 'norms-course'}", branch)
            status, page = get(f"{base}/git-pull?{query}", token)
            assert status == 200 and b"nbgitpuller" in page.lower(), "no nbgitpuller page"
            for attempt in ["first pull", "second pull (the link clicked again)"]:
                _, events = get(f"{base}/git-pull/api?{query}&depth=1", token, timeout=120)
                phases = [
                    json.loads(line[5:])
                    for line in events.decode().splitlines()
                    if line.startswith("data:")
                ]
                assert phases and phases[-1]["phase"] == "finished", f"{attempt}: {phases[-3:]}"
            pulled = sorted(p.name for p in (home / "norms-course" / "notebooks").glob("*.ipynb"))
            expected = sorted(p.name for p in (tmp / "norms-course" / "notebooks").glob("*.ipynb"))
            assert pulled == expected and pulled, f"pulled {pulled}, expected {expected}"
            status, body = get(f"{base}/api/contents/norms-course/{quote(START)}?content=0", token)
            assert status == 200 and json.loads(body)["type"] == "notebook"
            status, _ = get(f"{base}/lab/tree/norms-course/{quote(START)}", token)
            assert status == 200
            # The image runs a lesson as pulled: helpers and its answer modules importable.
            lesson = home / "norms-course" / "notebooks" / "01_measuring_model_error.ipynb"
            run(
                [venv / "bin" / "jupyter", "nbconvert", "--to", "notebook", "--execute"]
                + ["--output-dir", str(tmp), "--output", "lesson", str(lesson)],
                cwd=lesson.parent,
                env={**env, "MPLBACKEND": "agg"},
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    print(
        f"ok: /git-pull cloned the course ({len(pulled)} notebooks) into the hub home, pulled "
        f"again cleanly, notebook 00 opens at lab/tree/norms-course/{START}, and notebook 01 runs"
    )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["link", "check"])
    parser.add_argument("hub", nargs="?", default="")
    parser.add_argument("--uv", default="uv")
    parser.add_argument("--repo", default=REPO)
    parser.add_argument("--branch", default="main")
    args = parser.parse_args(argv)
    if args.action == "check":
        check(args.uv)
    elif not args.hub:
        parser.error("give the hub's address: make hub-link HUB=https://hub.example.org")
    else:
        try:
            print(hub_link(args.hub, args.repo, args.branch))
        except ValueError as error:
            parser.error(str(error))


if __name__ == "__main__":
    main()
