"""`make lab` serves the repository root and opens notebook 00 (a real server, on 127.0.0.1).

With the root served, the notebooks' links to ../docs/setup.md and the glossary open in
JupyterLab instead of answering 404.
"""

import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def test_make_lab_serves_the_root_and_opens_notebook_00():
    port, token = _free_port(), secrets.token_hex(8)
    flags = f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.token={token}"
    if os.geteuid() == 0:
        flags += " --allow-root"
    # -o: take the environment as built (this test runs inside it).
    server = subprocess.Popen(
        ["make", "-s", "-o", ".venv/.installed", "lab", f"LAB_FLAGS={flags}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if _get(f"{base}/api/status?token={token}")[0] == 200:
                    break
            except OSError:  # not listening yet
                time.sleep(0.25)
        assert _get(f"{base}/api/contents/docs/setup.md?content=0&token={token}")[0] == 200
        assert (
            _get(f"{base}/api/contents/notebooks/00_start_here.ipynb?content=0&token={token}")[0]
            == 200
        )
        status, location = _get(f"{base}/?token={token}")
        assert status == 302 and "/lab/tree/notebooks/00_start_here.ipynb" in location
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
