"""A throwaway JupyterLab server for the browser tests, started as ``make lab`` starts it.

From .venv, on 127.0.0.1 (a free port, a random token, no browser), with the given folder
as root directory (the repository, as ``make lab`` has it, or an edition's folder), and
throwaway settings: autosave off, so that nothing a test runs is written back. The server
is shut down, kernels included, whatever happens.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JUPYTER = ROOT / ".venv" / "bin" / "jupyter"
SERVER_START_TIMEOUT = 60  # s

# Throwaway JupyterLab settings: no autosave (run outputs must never reach the repository),
# every cell in the DOM (no virtual scrolling), no news or update checks (no network).
SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def jupyterlab(workdir: Path, root: Path, log_path: Path):
    """Yield (base url, token) of a JupyterLab server; shut it down whatever happens."""
    settings = workdir / "settings"
    for name, values in SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(workdir / "config"),
        JUPYTER_DATA_DIR=str(workdir / "data"),  # only .venv's python3 kernel
        JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
        IPYTHONDIR=str(workdir / "ipython"),
        MPLBACKEND="module://matplotlib_inline.backend_inline",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    token = secrets.token_hex(24)
    for attempt in (1, 2):  # a second try only if the free port was taken meanwhile
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = log_path.open("w", encoding="utf-8")
        server = subprocess.Popen(
            [
                str(JUPYTER),
                "lab",
                "--no-browser",
                "--ip=127.0.0.1",
                f"--port={port}",
                "--port-retries=0",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={root}",
                f"--LabApp.user_settings_dir={settings}",
                f"--LabApp.workspaces_dir={workdir / 'workspaces'}",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                "--LabApp.extension_manager=readonly",  # the "pypi" one goes online
                "--LabApp.expose_app_in_browser=True",  # to read the notebook model
                *(["--allow-root"] if os.geteuid() == 0 else []),  # CI runs as root
            ],
            cwd=root,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kernels included
        )
        try:
            if wait_for_server(server, base, token):
                break
        except BaseException:
            stop(server, base, token)
            raise
        stop(server, base, token)
        log.close()
        if attempt == 2:
            raise RuntimeError(f"JupyterLab did not start; see {log_path}")
    try:
        yield base, token
    finally:
        stop(server, base, token)
        log.close()


def wait_for_server(server: subprocess.Popen, base: str, token: str) -> bool:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s")


def stop(server: subprocess.Popen, base: str, token: str) -> None:
    """Ask the server to shut down (it stops its kernels), then make sure of it."""
    if server.poll() is None:
        request = urllib.request.Request(
            f"{base}/api/shutdown", method="POST", headers={"Authorization": f"token {token}"}
        )
        try:
            urllib.request.urlopen(request, timeout=5).close()
        except OSError:
            pass
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):  # the group: a kernel left behind too
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            break
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            continue
        time.sleep(0.2)
