"""Pacing and the teaching pages (scripts/pacing.py, README.md, docs/).

- The pacing model counts what it should on small notebooks made here (optional sections
  skipped, exercise blocks, checkpoints, live lines) and rewrites minutes where they live.
- The course: no notebook states minutes more than 10 % short of the model; the title
  cells, the README syllabus and the instructor guide's generated block agree; the half
  day fits in 3 h 30 min, each day in 7 h, and no stretch runs over 90 minutes unbroken.
- The README's Binder badge opens an existing notebook in JupyterLab; every relative link
  of the README and docs/ resolves with exact case and anchors (tests/linkcheck.py); the
  README links every docs page; math in the pages avoids backslash punctuation that
  Markdown may eat.
- Every number the instructor guide quotes with two or more decimals, or in scientific
  notation, is printed by some notebook's stored text outputs (the hygiene rule for the
  notebooks' own prose, ``as_quoted``, reused).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pacing  # scripts/ is on the path (tests/conftest.py)
import pytest
from linkcheck import link_targets, page_problems, strip_code
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from test_notebook_hygiene import QUOTED_DECIMAL, as_quoted, text_outputs

ROOT = Path(__file__).resolve().parents[1]

README, GUIDE = ROOT / "README.md", ROOT / "docs" / "instructor_guide.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
ROWS = pacing.pacing_rows()
BADGE = (
    "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/"
    "norms-course/norms-course/HEAD?urlpath=lab/tree/notebooks/00_start_here.ipynb)"
)


def _lesson(stated="*Teaching: 5 min · Exercises: 5 min*") -> nbformat.NotebookNode:
    optional = {"tags": ["optional"]}
    return new_notebook(
        cells=[
            new_markdown_cell(f"# 42 · A lesson\n\n{stated}\n\none two three"),
            new_code_cell("# a comment\nx = 1\n\ny = 2", metadata={"tags": ["live"]}),
            new_code_cell("plot(x)"),  # run, not typed: not counted
            new_markdown_cell("### Checkpoint: predict\n\nfour five"),
            new_markdown_cell("## Deeper (optional)\n\nnot counted", metadata=optional),
            new_code_cell("z = 3", metadata={"tags": ["live"]}),
            new_markdown_cell("### Exercise 9: skipped\n\nnot counted"),
            new_markdown_cell("## Core again\n\nsix [seven](https://example.org/a b)"),
            new_markdown_cell("### More (optional)\n\nnot counted", metadata=optional),
            new_markdown_cell("### Back\n\neight"),
            new_markdown_cell("## Exercises\n\n### Exercise 1: a\n\ntask words"),
            new_code_cell("answer = None"),
            new_markdown_cell("### Solution"),
            new_code_cell("answer = 1", metadata={"tags": ["solution"]}),
            new_markdown_cell("### Exercise 2: b\n\ntask"),
            new_markdown_cell("## Key takeaways\n\nnine"),
            new_markdown_cell("### Exercise 3: c"),
        ]
    )


def test_counts_of_a_small_lesson():
    counts = pacing.count(_lesson())
    # words (tokens with a letter or digit): title 12, checkpoint 4, "## Core again" 4 (not
    # the link target), "### Back" 2, "## Exercises" 1, takeaways 3; live lines: x = 1 and
    # y = 2; two exercise blocks: exercises 1-2, then exercise 3 after the takeaways
    assert (counts.live_lines, counts.words, counts.checkpoints) == (2, 26, 1)
    assert (counts.exercises, counts.blocks) == (3, 2)
    assert counts.teaching == pytest.approx(2 / 3 + 26 / 150 + 2)
    assert counts.exercise_minutes == 3 * 4 + 2 * 5


def test_an_optional_exercise_is_not_counted_with_its_solution():
    optional = {"tags": ["optional"]}
    nb = new_notebook(
        cells=[
            new_markdown_cell("# 42 · A lesson"),
            new_markdown_cell("## Exercises\n\n### Exercise 1: a\n\ntask"),
            new_markdown_cell("### Solution"),
            new_code_cell("answer = 1", metadata={"tags": ["solution"]}),
            new_markdown_cell("### Exercise 2: stretch (optional)\n\ntask", metadata=optional),
            new_code_cell("stretch = None"),
            new_markdown_cell("### Solution"),
            new_code_cell("stretch = 2", metadata={"tags": ["solution"]}),
            new_markdown_cell("## Key takeaways\n\none"),
        ]
    )
    counts = pacing.count(nb)
    assert (counts.exercises, counts.blocks, counts.words) == (1, 1, 7)


def test_a_notebook_stating_too_few_minutes_is_reported():
    row = {"nn": "42", "model": (pacing.Fraction(20), pacing.Fraction(10)), "stated": (18, 8)}
    assert pacing.short(row) == ["42: stated exercises 8 min < model 10.0 min"]
    with pytest.raises(ValueError, match="title cell lacks"):
        pacing.stated(_lesson(stated="no minutes"))


def test_write_sets_minutes_in_title_readme_and_guide(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "docs").mkdir()
    nbformat.write(_lesson(), tmp_path / "notebooks" / "42_lesson.ipynb")
    (tmp_path / "README.md").write_text(
        "| 42 | [A lesson](notebooks/42_lesson.ipynb) | 5 + 5 | topics |\n"
        "A half day covers 00-04 (1 + 1 minutes); all ten (1 + 1 minutes).\n"
    )
    (tmp_path / "docs" / "instructor_guide.md").write_text(
        f"Top\n{pacing.BEGIN} -->\nold\n{pacing.END}\n"
    )
    pacing.write(tmp_path)
    title = nbformat.read(tmp_path / "notebooks" / "42_lesson.ipynb", as_version=4).cells[0]
    assert "*Teaching: 5 min · Exercises: 25 min*" in title.source
    readme = (tmp_path / "README.md").read_text()
    assert "| 5 + 25 |" in readme and "all ten (5 + 25 minutes)" in readme
    guide = (tmp_path / "docs" / "instructor_guide.md").read_text()
    assert (
        guide.startswith("Top\n")
        and "\nold\n" not in guide
        and "| 42 | 2 | 26 | 1 | 3 (2) |" in guide
    )


def test_dry_runs_give_the_rate_that_fits(tmp_path):
    runs = tmp_path / "dry_runs.csv"
    runs.write_text("notebook,date,teaching_minutes\n42,2025-01-01,10\n")
    rows = [{"nn": "42", "counts": pacing.Counts(live_lines=30, words=300, checkpoints=1)}]
    # 10 minutes - 300 / 150 words - 2 for the checkpoint leave 6 for 30 lines: 5 a minute
    assert "| 42 | 2025-01-01 | 10 | 14.0 | 5.0 |" in pacing.dry_run_table(rows, runs)


# --- the course --------------------------------------------------------------------------


@pytest.mark.parametrize("row", ROWS, ids=[row["nn"] for row in ROWS])
def test_stated_minutes_cover_the_model(row):
    assert pacing.short(row) == []


def test_readme_syllabus_repeats_the_title_minutes():
    text = README.read_text(encoding="utf-8")
    found = dict(
        re.findall(
            r"^\| (\d\d) \| \[[^]]+\]\(notebooks/\d\d_[^)]+\) \| (\d+ \+ \d+) \|", text, re.M
        )
    )
    assert found == {row["nn"]: "{} + {}".format(*row["stated"]) for row in ROWS}
    assert pacing.readme_minutes(text, ROWS) == text, "run make pacing WRITE=1"


def test_guide_block_is_generated_from_the_notebooks():
    text = GUIDE.read_text(encoding="utf-8")
    assert pacing.guide_text(text, ROWS) == text, "run make pacing WRITE=1"


def test_schedules_fit_their_days_with_breaks():
    days = pacing.schedules(ROWS)
    half = next(blocks for name, blocks in days.items() if name.startswith("Half day"))
    over = pacing.length(half) - pacing.HALF_DAY_LIMIT
    assert over <= 0, f"the half day runs {over} min over 3 h 30 min: move material to optional"
    for name, blocks in days.items():
        assert pacing.length(blocks) <= pacing.DAY_LIMIT, name
        stretch = 0
        for _, label, *_, minutes in blocks[:-1]:
            stretch = 0 if label in ("Break", "Lunch") else stretch + minutes
            assert stretch <= pacing.STRETCH_LIMIT, (
                f"{name}: {label} ends {stretch} min after a break"
            )
        clocks = [datetime.strptime(b[0], "%H:%M") for b in blocks]
        assert all((b - a).seconds // 60 == blk[4] for a, b, blk in zip(clocks, clocks[1:], blocks))
    taught = [b[1] for blocks in days.values() for b in blocks if b[2] is not None]
    assert [label[1:3] for label in taught] == [row["nn"] for row in ROWS]


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


# --- numbers the instructor guide quotes -------------------------------------------------

SCIENTIFIC = re.compile(r"(?<![\w.])\d+\.\d+e[+-]?\d+(?!\w|\.\d)")


def unprinted_numbers(page: str, printed: str) -> list[str]:
    """The numbers ``page`` quotes outside code, link targets and the generated pacing block
    that ``printed`` does not print: decimals with two or more decimals (as printed, or
    rounded or truncated to the quoted decimals), then scientific ones (``3.3e-01``, exactly)."""
    start, end = page.find(pacing.BEGIN), page.find(pacing.END)
    if start >= 0:
        page = page[:start] + page[end + len(pacing.END) :]
    page = re.sub(r"\]\([^)]*\)", "]", strip_code(page))
    tokens: dict[str, set[str]] = {}
    for token in re.findall(r"\d+(?:\.\d+)?", printed):
        tokens.setdefault(token.split(".")[0], set()).add(token)
    decimals = [
        quoted
        for quoted in QUOTED_DECIMAL.findall(page)
        if not any(as_quoted(p, quoted) for p in tokens.get(quoted.split(".")[0], ()))
    ]
    return decimals + sorted(set(SCIENTIFIC.findall(page)) - set(SCIENTIFIC.findall(printed)))


def test_a_quoted_number_no_notebook_prints_is_found():
    page = (
        "Sampling gives 8.367 and 1.2345, `9.999` is code.\n"
        f"{pacing.BEGIN} -->\n| 7.77 |\n{pacing.END}\n"
        "A note quotes 3.14159 and 1.3e-11.\n\nAnd 2.50, and 4.9e-01 again.\n"
    )
    printed = "Frobenius norm: 8.3666\nratio 2.5, relative error 4.9e-01"
    assert unprinted_numbers(page, printed) == ["1.2345", "3.14159", "1.3e-11"]


def test_the_guide_quotes_only_numbers_a_notebook_prints():
    printed = "\n".join(
        text_outputs(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted((ROOT / "notebooks").glob("*.ipynb"))
    )
    page = GUIDE.read_text(encoding="utf-8")
    assert unprinted_numbers(page, printed) == []
