"""The teaching pages agree with the notebooks and with themselves.

- Each notebook's title line ``*Teaching: T min · Exercises: E min*`` is the one source of
  its minutes; the README syllabus and the instructor guide must repeat them exactly (for
  the notebooks present; for those still to come, the two pages must agree with each other).
- The instructor guide's schedules add up: every block starts when the one before it ends,
  and the totals its prose states are the sums of its tables.
- The README's Binder badge opens an existing notebook in JupyterLab (``lab/tree``).
- Every relative link in the README and in docs/ resolves with exact case, anchors included
  (the one link checker, tests/linkcheck.py), and the README links every docs page.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest
from linkcheck import link_targets, page_problems

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
GUIDE = ROOT / "docs" / "instructor_guide.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
COURSE = [f"{n:02d}" for n in range(10)]
HALF_DAY = COURSE[:5]

TITLE_MINUTES = re.compile(r"^\*Teaching: (\d+) min · Exercises: (\d+) min\*$", re.M)
BADGE = (
    "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/"
    "norms-course/norms-course/HEAD?urlpath=lab/tree/notebooks/00_start_here.ipynb)"
)


def _title_minutes(path: Path) -> tuple[int, int]:
    first = nbformat.read(path, as_version=4).cells[0]
    match = TITLE_MINUTES.search(first.source)
    assert first.cell_type == "markdown" and match, (
        f"{path.name}: the title cell lacks '*Teaching: T min · Exercises: E min*'"
    )
    return int(match.group(1)), int(match.group(2))


def _table_rows(text: str) -> list[list[str]]:
    """Cells of every Markdown table row in ``text`` (header and rule rows included)."""
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("|")
    ]


def _readme_minutes() -> dict[str, tuple[int, int]]:
    syllabus = README.read_text(encoding="utf-8").split("## Syllabus", 1)[1].split("\n## ", 1)[0]
    minutes = {}
    for cells in _table_rows(syllabus):
        if re.fullmatch(r"\d\d", cells[0]):
            match = re.fullmatch(r"(\d+) \+ (\d+)", cells[2])
            assert match, f"README syllabus row {cells[0]}: minutes must read 'T + E'"
            assert f"(notebooks/{cells[0]}_" in cells[1], f"README row {cells[0]} links elsewhere"
            minutes[cells[0]] = (int(match.group(1)), int(match.group(2)))
    return minutes


def _schedule(heading: str) -> tuple[list[dict], str]:
    """The rows of the guide's schedule under ``heading``, and the prose that follows it."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split(f"### {heading}", 1)[1].split("\n##", 1)[0]
    rows = []
    for cells in _table_rows(section)[2:]:
        start, block, teaching, exercises, minutes = cells
        notebook = re.match(r"\[(\d\d) ", block)
        rows.append(
            {
                "start": datetime.strptime(start, "%H:%M"),
                "block": block,
                "notebook": notebook.group(1) if notebook else None,
                "teaching": int(teaching) if teaching else None,
                "exercises": int(exercises) if exercises else None,
                "minutes": int(minutes) if minutes else None,
            }
        )
    return rows, section


def test_every_notebook_states_its_minutes_in_its_title():
    assert NOTEBOOKS
    for path in NOTEBOOKS:
        teaching, exercises = _title_minutes(path)
        assert teaching > 0 and exercises > 0


def test_readme_syllabus_lists_every_notebook_with_the_title_minutes():
    readme = _readme_minutes()
    assert sorted(readme) == COURSE
    for path in NOTEBOOKS:
        assert readme[path.name[:2]] == _title_minutes(path), (
            f"README syllabus minutes for {path.name} differ from its title line"
        )


def test_readme_totals_are_the_sums_of_the_syllabus():
    readme = _readme_minutes()
    text = README.read_text(encoding="utf-8")
    for chosen in (HALF_DAY, COURSE):
        teaching = sum(readme[nn][0] for nn in chosen)
        exercises = sum(readme[nn][1] for nn in chosen)
        assert f"({teaching} + {exercises} minutes" in text


@pytest.mark.parametrize(("heading", "expected"), [("Half day", HALF_DAY), ("Full day", COURSE)])
def test_guide_schedule_has_the_notebook_minutes_and_adds_up(heading, expected):
    rows, prose = _schedule(heading)
    readme = _readme_minutes()
    titles = {path.name[:2]: _title_minutes(path) for path in NOTEBOOKS}
    notebook_rows = [row for row in rows if row["notebook"]]

    assert [row["notebook"] for row in notebook_rows] == expected
    for row in notebook_rows:
        pair = (row["teaching"], row["exercises"])
        assert pair == readme[row["notebook"]], f"{heading}: {row['notebook']} differs from README"
        if row["notebook"] in titles:
            assert pair == titles[row["notebook"]], (
                f"{heading}: {row['notebook']} differs from the notebook's title line"
            )
        assert row["minutes"] == sum(pair)
    for row, following in zip(rows, rows[1:]):
        assert row["start"] + timedelta(minutes=row["minutes"]) == following["start"], (
            f"{heading}: {row['block']} does not end when the next block starts"
        )
    assert rows[-1]["block"] == "End" and rows[-1]["minutes"] is None

    teaching = sum(row["teaching"] for row in notebook_rows)
    exercises = sum(row["exercises"] for row in notebook_rows)
    assert f"({teaching} + {exercises} minutes)" in prose
    length = rows[-1]["start"] - rows[0]["start"]
    hours, minutes = divmod(int(length.total_seconds()) // 60, 60)
    end = rows[-1]["start"].strftime("%H:%M")
    assert f"{hours} h {minutes} min" in prose or f"ends at {end}" in prose


def test_guide_notes_headings_repeat_the_minutes():
    text = GUIDE.read_text(encoding="utf-8")
    headings = dict(
        (nn, (int(t), int(e)))
        for nn, t, e in re.findall(r"^### (\d\d) .+ \((\d+) \+ (\d+) min\)$", text, re.M)
    )
    assert headings == _readme_minutes()


def test_binder_badge_opens_an_existing_notebook_in_jupyterlab():
    readme = README.read_text(encoding="utf-8")
    assert BADGE in readme
    assert BADGE in (ROOT / "docs" / "setup.md").read_text(encoding="utf-8")
    url = re.search(r"\]\((https://mybinder\.org/v2/gh/[^)]+)\)", readme).group(1)
    query = urlparse(url).query
    assert query.startswith("urlpath=lab/tree/"), "the badge must open JupyterLab (lab/tree)"
    assert (ROOT / query.removeprefix("urlpath=lab/tree/")).is_file()


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda path: path.name)
def test_relative_links_resolve_with_exact_case_and_anchors(page):
    assert link_targets(page.read_text(encoding="utf-8")), f"{page.name} links nothing"
    assert page_problems(page) == []


def test_readme_links_every_docs_page():
    targets = link_targets(README.read_text(encoding="utf-8"))
    links = {(ROOT / link.partition("#")[0]).resolve() for link in targets}
    assert DOCS and all(page.resolve() in links for page in DOCS)


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda path: path.name)
def test_math_avoids_backslash_punctuation_that_markdown_may_eat(page):
    # Markdown treats a backslash before ASCII punctuation (\| \, \{ \\) as an escape, so
    # GitHub may show such math wrongly; the pages write \lVert, \rVert, \lvert, \rvert.
    text = re.sub(r"```.*?```|`[^`\n]*`", "", page.read_text(encoding="utf-8"), flags=re.S)
    for formula in re.findall(r"\$[^$\n]+\$", text):
        assert not re.search(r"\\[!-/:-@\[-`{-~]", formula), f"{page.name}: {formula}"
