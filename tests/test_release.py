"""One version number: pyproject.toml, CITATION.cff and the newest CHANGELOG heading agree,
and the installed helpers report it."""

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_version_is_semantic():
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)


def test_citation_has_the_version_and_the_required_fields():
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    fields = dict(re.findall(r'^([a-z-]+): "?([^"\n]*)"?$', text, re.M))
    assert fields["version"] == VERSION
    assert fields["cff-version"] == "1.2.0"
    assert {"message", "title", "repository-code"} <= set(fields)
    assert re.search(r"^authors:\n  - name: \S", text, re.M)
    assert "norms-course/norms-course" in fields["repository-code"]


def test_the_newest_changelog_entry_is_this_version():
    headings = re.findall(r"^## \[(\d+\.\d+\.\d+)\]", (ROOT / "CHANGELOG.md").read_text(), re.M)
    assert headings and headings[0] == VERSION
    assert len(headings) == len(set(headings))


def test_the_installed_helpers_report_the_version():
    assert version("norms-course-helpers") == VERSION
