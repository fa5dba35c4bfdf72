"""Minutes computed from the cells: the pacing model, its table, the workshop schedules.

What the model counts in each notebook (``NN_*.ipynb``), all in its *core* (outside the
sections whose heading cell is tagged ``optional``):

- live lines: non-blank, non-comment lines of the code cells tagged ``live``;
- core words: words of Markdown outside exercises (an exercise runs from its
  ``### Exercise`` heading, through its ``### Solution``, to the next heading);
- checkpoints: Markdown cells whose first line starts with ``### Checkpoint``;
- exercises, and exercise blocks: an exercise block is a run of exercises with no core
  cell between them that belongs to no exercise (cells of optional sections are skipped).

The model: teaching = live lines / 3 + core words / 150 + 2 per checkpoint; exercises =
4 per exercise + 5 per exercise block (going over the answers). Stated minutes are the
model rounded up to 5 and live in the title cell as ``*Teaching: T min · Exercises: E min*``.

``python scripts/pacing.py`` prints the table and fails if a notebook's stated minutes
fall more than 10 % short of the model; ``--write`` first rewrites the stated minutes in
the title cells, the README syllabus and the instructor guide's generated block.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
LINES_PER_MINUTE = 3
WORDS_PER_MINUTE = 150
CHECKPOINT_MINUTES = 2
EXERCISE_MINUTES = 4
REVIEW_MINUTES = 5  # going over the answers, once per exercise block
TOLERANCE = Fraction(1, 10)
HALF_DAY = ["00", "01", "02", "03", "04"]
HALF_DAY_LIMIT, DAY_LIMIT, STRETCH_LIMIT = 210, 420, 90
SETUP, REVIEW, BREAK, LUNCH = 20, 15, 10, 45
STATED = re.compile(r"\*Teaching: (\d+) min · Exercises: (\d+) min\*")
HEADING = re.compile(r"^(#{1,3}) ", re.M)
DRY_RUNS = ROOT / "scripts" / "dry_runs.csv"  # notebook,date,teaching_minutes (timed)
BEGIN, END = "<!-- pacing: begin", "<!-- pacing: end -->"


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


@dataclass
class Role:
    optional: bool = False
    exercise: int | None = None  # which exercise (0, 1, ...) the text or cell belongs to


def parts(nb):
    """Yield (cell, text, role) for every code cell and every heading part of Markdown.

    A Markdown cell is cut before each ``#``-``###`` heading line, so that a cell holding
    several headings (``## Exercises`` then ``### Exercise 1``) gives each part its role.
    The ``optional`` tag of a cell applies to its first heading; an optional section ends
    at the next heading of its level or above, except an exercise's ``### Solution`` (an
    optional exercise keeps its solution). An exercise ends at the next heading other than
    ``### Solution``.
    """
    optional_level, exercise, number = 0, None, 0
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            yield cell, cell.source, Role(bool(optional_level), exercise)
            continue
        for index, text in enumerate(re.split(r"\n(?=#{1,3} )", cell.source)):
            match = HEADING.match(text)
            if match:
                level = len(match.group(1))
                solution = text.startswith("### Solution") and exercise is not None
                if optional_level and level <= optional_level and not solution:
                    optional_level = 0
                if not optional_level and index == 0 and "optional" in tags(cell) and level > 1:
                    optional_level = level
                if text.startswith("### Exercise"):
                    exercise, number = number, number + 1
                elif not (text.startswith("### Solution") and exercise is not None):
                    exercise = None
            yield cell, text, Role(bool(optional_level), exercise)


def live_lines(source: str) -> int:
    return sum(
        1 for line in source.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


def words(markdown: str) -> int:
    text = re.sub(r"<!--.*?-->|\]\([^)]*\)", " ", markdown, flags=re.S)
    return sum(1 for token in text.split() if re.search(r"\w", token))


@dataclass
class Counts:
    live_lines: int = 0
    words: int = 0
    checkpoints: int = 0
    exercises: int = 0
    blocks: int = 0

    @property
    def teaching(self) -> Fraction:
        return (
            Fraction(self.live_lines, LINES_PER_MINUTE)
            + Fraction(self.words, WORDS_PER_MINUTE)
            + CHECKPOINT_MINUTES * self.checkpoints
        )

    @property
    def exercise_minutes(self) -> Fraction:
        return Fraction(EXERCISE_MINUTES * self.exercises + REVIEW_MINUTES * self.blocks)


def count(nb) -> Counts:
    """Count what the pacing model needs in one notebook."""
    counts, previous = Counts(), None  # previous: the exercise of the last core part
    for cell, text, role in parts(nb):
        if role.optional:
            continue
        if role.exercise is None:
            if cell.cell_type == "markdown":
                counts.words += words(text)
                counts.checkpoints += text.startswith("### Checkpoint")
            elif "live" in tags(cell):
                counts.live_lines += live_lines(text)
        elif role.exercise != previous:
            counts.exercises += 1
            counts.blocks += previous is None
        previous = role.exercise
    return counts


def round_up(minutes: Fraction, step: int = 5) -> int:
    return step * math.ceil(minutes / step)


def title(nb) -> tuple[str, str]:
    """The notebook's title without its number, from ``# NN · Title``."""
    first = nb.cells[0].source.splitlines()[0]
    return re.sub(r"^# \d\d · ", "", first), first


def stated(nb) -> tuple[int, int]:
    match = STATED.search(nb.cells[0].source)
    if not match:
        raise ValueError(f"title cell lacks '*Teaching: T min · Exercises: E min*': {title(nb)[1]}")
    return int(match.group(1)), int(match.group(2))


def notebooks(root: Path = ROOT) -> dict[str, Path]:
    return {p.name[:2]: p for p in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))}


def pacing_rows(root: Path = ROOT) -> list[dict]:
    rows = []
    for nn, path in notebooks(root).items():
        nb = nbformat.read(path, as_version=4)
        counts = count(nb)
        rows.append(
            {
                "nn": nn,
                "path": path,
                "title": title(nb)[0],
                "counts": counts,
                "model": (counts.teaching, counts.exercise_minutes),
                "stated": stated(nb),
            }
        )
    return rows


def short(row) -> list[str]:
    """What falls more than 10 % short of the model in one row (empty if nothing)."""
    out = []
    for name, model, given in zip(("teaching", "exercises"), row["model"], row["stated"]):
        if given < (1 - TOLERANCE) * model:
            out.append(f"{row['nn']}: stated {name} {given} min < model {float(model):.1f} min")
    return out


def pacing_table(rows) -> str:
    lines = [
        "| NN | Live lines | Core words | Checkpoints | Exercises (blocks) "
        "| Teaching: model → stated | Exercises: model → stated |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        c, (mt, me), (st, se) = row["counts"], row["model"], row["stated"]
        lines.append(
            f"| {row['nn']} | {c.live_lines} | {c.words} | {c.checkpoints} | "
            f"{c.exercises} ({c.blocks}) | {float(mt):.1f} → {st} | {float(me):.0f} → {se} |"
        )
    return "\n".join(lines)


def dry_run_table(rows, path: Path = DRY_RUNS) -> str:
    """Timed dry runs against the model, with the live-line rate each one implies."""
    if not path.exists():
        return f"No dry run is recorded yet in `{path.relative_to(ROOT).as_posix()}`."
    by_nn = {row["nn"]: row for row in rows}
    lines = [
        "| NN | Date | Timed teaching | Model | Live lines per minute that fit the timing |",
        "|---|---|---|---|---|",
    ]
    with path.open(newline="", encoding="utf-8") as handle:
        for run in csv.DictReader(handle):
            row = by_nn[run["notebook"]]
            c, timed = row["counts"], Fraction(run["teaching_minutes"])
            rest = timed - Fraction(c.words, WORDS_PER_MINUTE) - CHECKPOINT_MINUTES * c.checkpoints
            fit = f"{float(c.live_lines / rest):.1f}" if rest > 0 and c.live_lines else "-"
            lines.append(
                f"| {run['notebook']} | {run['date']} | {timed} | {float(c.teaching):.1f} | {fit} |"
            )
    return "\n".join(lines)


# --- schedules -----------------------------------------------------------------------------


def day(rows, opening: str, start: str = "09:00") -> list[tuple]:
    """One day's blocks (start, label, teaching, exercises, minutes), breaks inserted.

    A break comes before a block whenever the block would stretch the time since the last
    break beyond 90 minutes; the break nearest the middle of a day over 5 h is lunch.
    """
    items = [(opening, None, None, SETUP)]
    for row in rows:
        label = f"[{row['nn']} {row['title']}](../notebooks/{row['path'].name})"
        items.append((label, *row["stated"], sum(row["stated"])))
    items.append(("Review: key takeaways, post-workshop quiz, feedback", None, None, REVIEW))
    blocks, stretch, breaks = [], 0, []
    for item in items:
        if stretch + item[3] > STRETCH_LIMIT and blocks:
            breaks.append(len(blocks))
            blocks.append(["Break", None, None, BREAK])
            stretch = 0
        blocks.append(list(item))
        stretch += item[3]
    if breaks and sum(b[3] for b in blocks) > 300:
        total = sum(b[3] for b in blocks)
        lunch = min(breaks, key=lambda i: abs(sum(b[3] for b in blocks[:i]) - total / 2))
        blocks[lunch][0], blocks[lunch][3] = "Lunch", LUNCH
    clock, out = datetime.strptime(start, "%H:%M"), []
    for label, teaching, exercises, minutes in blocks:
        out.append((clock.strftime("%H:%M"), label, teaching, exercises, minutes))
        clock += timedelta(minutes=minutes)
    out.append((clock.strftime("%H:%M"), "End", None, None, None))
    return out


def length(blocks) -> int:
    return sum(b[4] for b in blocks[:-1])


def schedules(rows) -> dict[str, list[tuple]]:
    """The half day (00-04) and the full course: one day if it fits in 7 h, else two."""
    half = [r for r in rows if r["nn"] in HALF_DAY]
    rest = [r for r in rows if r["nn"] not in HALF_DAY]
    opening = "Set-up buffer: welcome, installs, pre-workshop quiz"
    full = day(rows, opening)
    if length(full) <= DAY_LIMIT:
        return {"Half day: notebooks 00-04": day(half, opening), "Full day: notebooks 00-09": full}
    return {
        "Half day, or day 1 of two: notebooks 00-04": day(half, opening),
        "Day 2 of two: notebooks 05-09": day(rest, "Set-up buffer: installs, recap of 04"),
    }


def schedule_table(blocks) -> str:
    lines = ["| Start | Block | Teaching | Exercises | Minutes |", "|---|---|---|---|---|"]
    for start, label, teaching, exercises, minutes in blocks:
        cells = [start, label, teaching, exercises, minutes]
        lines.append("| " + " | ".join("" if c is None else str(c) for c in cells) + " |")
    return "\n".join(lines)


def guide_block(rows) -> str:
    parts = [
        f"{BEGIN}: written by `make pacing WRITE=1` from the notebooks; do not edit -->",
        "",
        f"The model: teaching = live lines / {LINES_PER_MINUTE} + core words / "
        f"{WORDS_PER_MINUTE} + {CHECKPOINT_MINUTES} per checkpoint; exercises = "
        f"{EXERCISE_MINUTES} per core exercise + {REVIEW_MINUTES} per exercise block. Stated "
        "minutes are the model rounded up to 5.",
        "",
        pacing_table(rows),
        "",
        dry_run_table(rows),
    ]
    for name, blocks in schedules(rows).items():
        chosen = [b for b in blocks if b[2] is not None]
        teaching, exercises = sum(b[2] for b in chosen), sum(b[3] for b in chosen)
        hours, minutes = divmod(length(blocks), 60)
        parts += [
            "",
            f"#### {name}",
            "",
            schedule_table(blocks),
            "",
            f"Teaching and exercises: {teaching} + {exercises} minutes; with the set-up "
            f"buffer, breaks and review the day runs {hours} h {minutes} min.",
        ]
    return "\n".join([*parts, "", END])


# --- writing the minutes back ----------------------------------------------------------------


def readme_minutes(text: str, rows) -> str:
    for row in rows:
        text = re.sub(
            rf"^(\| {row['nn']} \| [^|]+ \| )\d+ \+ \d+( \|)",
            rf"\g<1>{row['stated'][0]} + {row['stated'][1]}\2",
            text,
            flags=re.M,
        )
    for pattern, chosen in ((r"covers 00-04", HALF_DAY), (r"all ten", None)):
        picked = [r for r in rows if chosen is None or r["nn"] in chosen]
        t, e = sum(r["stated"][0] for r in picked), sum(r["stated"][1] for r in picked)
        text = re.sub(rf"({pattern} \()\d+ \+ \d+", rf"\g<1>{t} + {e}", text)
    return text


def guide_text(text: str, rows) -> str:
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the guide lacks the '{BEGIN}' ... '{END}' block")
    return text[:start] + guide_block(rows) + text[end + len(END) :]


def write(root: Path = ROOT) -> None:
    """Set every stated minute to the model rounded up to 5, everywhere it is quoted."""
    for path in notebooks(root).values():
        nb = nbformat.read(path, as_version=4)
        counts = count(nb)
        line = (
            f"*Teaching: {round_up(counts.teaching)} min · "
            f"Exercises: {round_up(counts.exercise_minutes)} min*"
        )
        if STATED.search(nb.cells[0].source).group(0) != line:
            nb.cells[0].source = STATED.sub(line, nb.cells[0].source)
            nbformat.write(nb, path)
    rows = pacing_rows(root)
    for page, rewrite in (("README.md", readme_minutes), ("docs/instructor_guide.md", guide_text)):
        path = root / page
        path.write_text(rewrite(path.read_text(encoding="utf-8"), rows), encoding="utf-8")


def main(argv: list[str]) -> int:
    if "--write" in argv:
        write()
    rows = pacing_rows()
    print(pacing_table(rows))
    problems = [p for row in rows for p in short(row)]
    for name, blocks in schedules(rows).items():
        hours, minutes = divmod(length(blocks), 60)
        print(f"{name}: {hours} h {minutes} min")
        limit = HALF_DAY_LIMIT if name.startswith("Half day") else DAY_LIMIT
        if length(blocks) > limit:
            problems.append(f"{name} runs {length(blocks) - limit} min over {limit} min")
    print("\n".join(problems) or "every notebook's stated minutes cover the model")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
