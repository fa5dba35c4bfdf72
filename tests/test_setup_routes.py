"""The logic behind the set-up routes, offline and fast: the support matrix, the offline
kit's installer, the nbgitpuller link, and the Makefile's Python check.

The routes themselves need the package index and run from .ci/run: `make check-platforms`,
`make offline-kit` + `make check-offline-kit`, `make check-hub`.
"""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from helpers.setup_check import SUPPORTED_PYTHONS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "scripts" / "kit"))
import hub  # noqa: E402
import install  # noqa: E402
import offline_kit  # noqa: E402
import platforms  # noqa: E402


def test_the_matrix_is_the_one_the_setup_page_promises():
    assert list(platforms.PLATFORMS) == [
        "windows-x86_64",
        "macos-x86_64",
        "macos-arm64",
        "linux-x86_64",
        "linux-aarch64",
    ]
    oldest, newest = (f"{major}.{minor}" for major, minor in SUPPORTED_PYTHONS)
    assert platforms.PYTHONS == tuple(f"3.{minor}" for minor in range(11, 15))
    assert (platforms.PYTHONS[0], platforms.PYTHONS[-1]) == (oldest, newest)
    assert install.SUPPORTED == SUPPORTED_PYTHONS
    setup = (ROOT / "docs" / "setup.md").read_text(encoding="utf-8")
    assert setup.count("| 3.11, 3.12, 3.13, 3.14 |") == 3


def test_platform_selection():
    assert platforms.select("all") == list(platforms.PLATFORMS)
    assert platforms.select("here") == [platforms.here()]
    assert platforms.select("linux-x86_64, macos-arm64 linux-x86_64") == [
        "linux-x86_64",
        "macos-arm64",
    ]
    with pytest.raises(ValueError, match="names"):
        platforms.select("macos-powerpc")
    with pytest.raises(TypeError, match="names"):
        platforms.select(["all"])


def test_resolution_is_a_wheels_only_dry_run_for_one_pair():
    command = platforms.resolve_command("uv", "macos-x86_64", "3.11", "requirements.txt")
    assert command[:3] == ["uv", "pip", "compile"] and "install" not in command
    text = " ".join(command)
    assert "--python-platform x86_64-apple-darwin --python-version 3.11" in text
    assert "--only-binary :all:" in text and "--offline" not in text
    offline = platforms.resolve_command("uv", "linux-x86_64", "3.14", "r.txt", offline_from="k")
    assert " ".join(offline).endswith("--offline --no-index --find-links k")
    with pytest.raises(ValueError, match="name"):
        platforms.resolve_command("uv", "linux", "3.11")
    with pytest.raises(ValueError, match="python"):
        platforms.resolve_command("uv", "linux-x86_64", "3.10")


def test_the_matrix_report_shows_every_pair_and_why_one_failed(capsys):
    results = {
        ("macos-x86_64", "3.11"): (
            False,
            "x\nBecause argon2-cffi-bindings==26.2.0 has no usable wheels",
        ),
        ("macos-x86_64", "3.12"): (True, ""),
        ("linux-x86_64", "3.11"): (True, ""),
        ("linux-x86_64", "3.12"): (True, ""),
    }
    assert platforms.report(results, "from wheels") == 1
    out = capsys.readouterr().out
    assert "| platform | 3.11 | 3.12 |" in out
    assert "| macos-x86_64 | FAIL | ok |" in out and "| linux-x86_64 | ok | ok |" in out
    assert "argon2-cffi-bindings==26.2.0 has no usable wheels" in out
    assert "3 of 4 pairs resolve from wheels." in out
    assert platforms.report({("linux-x86_64", "3.11"): (True, "")}, "x") == 0


def test_kit_downloads_match_uvs_targets():
    assert offline_kit.pip_platform_tags("windows-x86_64") == ["win_amd64"]
    assert offline_kit.pip_platform_tags("macos-arm64") == ["macosx_13_0_arm64"]
    linux = offline_kit.pip_platform_tags("linux-x86_64")
    assert linux[0] == "manylinux_2_28_x86_64" and "manylinux_2_17_x86_64" in linux
    assert {"manylinux2014_x86_64", "manylinux1_x86_64"} <= set(linux)
    arm = offline_kit.pip_platform_tags("linux-aarch64")
    assert all(tag.endswith("_aarch64") for tag in arm) and "manylinux2014_aarch64" in arm
    with pytest.raises(ValueError, match="name"):
        offline_kit.pip_platform_tags("here")


def test_kit_unpacks_a_zip_with_or_without_a_top_folder(tmp_path):
    for name, members in [
        ("top", ["course/a.txt", "course/sub/b.txt"]),
        ("flat", ["a.txt", "sub/b.txt"]),
    ]:
        archive = tmp_path / f"{name}.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            for member in members:
                zf.writestr(member, member)
        install.unpack(archive, tmp_path / name)
        assert sorted(
            p.relative_to(tmp_path / name).as_posix() for p in (tmp_path / name).rglob("*.txt")
        ) == [
            "a.txt",
            "sub/b.txt",
        ]


def test_kit_installer_refuses_a_python_the_kit_has_no_wheels_for(tmp_path):
    shutil.copy(ROOT / "scripts" / "kit" / "install.py", tmp_path)
    (tmp_path / "wheels").mkdir()
    other = "cp314" if sys.version_info[:2] != (3, 14) else "cp313"
    (tmp_path / "wheels" / f"numpy-2.4.6-{other}-{other}-win_amd64.whl").touch()
    result = subprocess.run(
        [sys.executable, str(tmp_path / "install.py"), "--dest", str(tmp_path / "course")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1 and f"it has ['{other}']" in result.stderr
    assert not (tmp_path / "course").exists(), "nothing is unpacked before the check"


def test_kit_launchers_run_the_installer_for_each_os_family():
    kit = ROOT / "scripts" / "kit"
    sh = (kit / "install.sh").read_text(encoding="utf-8")
    assert sh.startswith("#!/bin/sh") and 'install.py" "$@"' in sh
    bat = (kit / "install.bat").read_bytes()
    assert bat.count(b"\r\n") == bat.count(b"\n"), "a .bat file has Windows line ends"
    assert b'"%~dp0install.py" %*' in bat
    script = (kit / "install.py").read_text(encoding="utf-8")
    assert "--no-index" in script and "--find-links" in script


def test_hub_link_pulls_this_repository_and_opens_notebook_00():
    link = hub.hub_link("https://hub.example.org/")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "hub.example.org",
        "/hub/user-redirect/git-pull",
    )
    query = {key: value[0] for key, value in parse_qs(parts.query).items()}
    assert query == {
        "repo": "https://github.com/norms-course/norms-course",
        "branch": "main",
        "urlpath": "lab/tree/norms-course/notebooks/00_start_here.ipynb",
    }
    assert "norms-course/norms-course" in (ROOT / "README.md").read_text(encoding="utf-8")
    other = hub.hub_link("http://127.0.0.1:8000", repo="https://example.org/me/fork/", branch="dev")
    assert "urlpath=lab%2Ftree%2Ffork%2Fnotebooks" in other and "branch=dev" in other


@pytest.mark.parametrize(
    "bad", ["hub.example.org", "ftp://hub.example.org", "https://h.org/?x=1", ""]
)
def test_hub_link_rejects_what_is_not_a_hub_address(bad):
    with pytest.raises(ValueError, match="hub"):
        hub.hub_link(bad)


def test_hub_link_rejects_bad_types():
    with pytest.raises(TypeError, match="hub"):
        hub.hub_link(None)
    with pytest.raises(TypeError, match="branch"):
        hub.hub_link("https://hub.example.org", branch="")


def test_make_hub_link_prints_the_link_or_says_what_is_missing():
    ok = subprocess.run(
        ["make", "-s", "hub-link", "HUB=https://hub.example.org"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and ok.stdout.strip() == hub.hub_link("https://hub.example.org")
    missing = subprocess.run(["make", "-s", "hub-link"], cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode != 0 and "HUB=" in missing.stderr


@pytest.mark.parametrize(
    ("python", "message"),
    [("old", "is Python 3.9; the course needs 3.11 to 3.14"), ("missing", "not found")],
)
def test_make_stops_clearly_on_a_missing_or_old_python(tmp_path, python, message):
    # A stand-in interpreter that reports Python 3.9 for the Makefile's check.
    fake = tmp_path / "python-old"
    fake.write_text(
        "#!/bin/sh\nexec "
        + sys.executable
        + ' -c "import sys; sys.version_info = (3, 9, 18); exec(sys.argv[1])" "$2"\n'
    )
    fake.chmod(0o755)
    interpreter = str(fake) if python == "old" else str(tmp_path / "no-python")
    for name in ["requirements.txt", "requirements.in", "pyproject.toml"]:
        shutil.copy(ROOT / name, tmp_path)
    result = subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "env", f"PYTHON={interpreter}", "UV=none"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert not (tmp_path / ".venv").exists() and not (tmp_path / ".tools").exists()
