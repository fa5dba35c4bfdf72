"""Hygiene of the stored notebooks.

Each rule ``check_*(nb, name) -> list[str]`` takes a notebook as parsed JSON and its file stem
(``"01_measuring_model_error"``) and returns its problems as sentences (none: clean).
``test_notebook`` runs every rule over every ``notebooks/NN_*.ipynb`` (found by glob); the
table ``BROKEN`` feeds every rule a deliberately broken copy of a small clean notebook, which
must make it complain (a rule that cannot fail tests nothing), while the clean notebook
passes every rule.

Readings that need a decision:

- Numbers quoted in prose are printed by code: a decimal with two or more decimals in a
  Markdown cell (``45.04``) must be among the numbers of the text outputs, as printed or
  rounded or truncated to the quoted decimals, or be a literal in code outside comments (a
  learning rate of ``0.05`` is set, not computed). Signs are ignored; code spans, link
  targets and versions (``3.11.7``) are skipped; LaTeX is checked like prose.
- A figure (a code cell with an image output, ``solution`` cells exempt) is followed by a
  Markdown cell starting ``*Figure:``, its caption and alt text.
- Exercises are ``### Exercise ...`` headings (notebook 00 has one ``## Exercise ...``
  under ``## Exercises``); lessons 01-09 have at least three, each with a code cell calling
  a ``check_`` function before its ``### Solution``.
- Sections (COURSE.md section 6): a section runs from a ``## `` heading to the next; it is
  core unless its heading cell is tagged ``optional``, and ``## Key takeaways`` is no
  section. A core section is *checked* when it holds a checkpoint (a Markdown cell whose
  first line starts ``### Checkpoint``) or an exercise heading, outside a subsection whose
  heading cell is tagged ``optional``. Optional sections neither count nor break a run.
- Of the errata of another tutorial (COURSE.md section 4), the rules keep what still guards
  this course: ``cos 45`` with its degrees (``np.cos(45)`` is in radians), ``|k|`` and not
  ``||k||`` in homogeneity, no ``%pylab`` or star import (they shadow ``abs``, ``sum`` and
  ``max``, the very functions of the norms), and links with exact case (tests/linkcheck.py).
  Python 2 syntax cannot pass nbval in Python 3; the one-off phrasings (``u + b``, a signed
  sum called absolute) are left to review.
"""

from __future__ import annotations

import getpass
import json
import re
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path, PurePosixPath

import pytest
from linkcheck import broken_links, link_targets, strip_code

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))  # the course, 00 to 09
OTHERS = sorted(set(NOTEBOOK_DIR.glob("*.ipynb")) - set(NOTEBOOKS))  # the quiz
LAST_NUMBER = 9

TAGS = {"solution", "live", "optional", "nbval-ignore-output"}
MAX_LIVE_LINES = 8
CHECK_WITHIN_CELLS = 4  # a checkpoint's check cell comes at most this many cells after it
MAX_UNCHECKED_SECTIONS = 2

# Size limits catch walls of code or output, not style: a code cell fits about two projected
# screens (ruff puts a dict entry per line, so lines alone would punish tables of data).
MAX_MARKDOWN_CHARS = 5000  # notebook 00's title cell, with the course map, is about 3800
MAX_CODE_CHARS = 2500
MAX_CODE_LINES = 60
MAX_OUTPUT_BYTES = 500_000  # a 6 x 4 in figure is 25-40 kB of base64, a 2 x 2 grid ~400 kB

MACHINE_PATHS = ["/home/", "/root/", "/Users/", "/tmp/", "C:\\Users", "site-packages"]
EXERCISE = re.compile(r"^#{2,3} Exercise\b(?!s)", re.M)
CHECK_CALL = re.compile(r"\bcheck_\w+\(")
SOLUTION_HEADING = "### Solution"


# --------------------------------------------------------------------------- reading


def source(cell: dict) -> str:
    return "".join(cell.get("source", ""))


def tags(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def is_code(cell: dict) -> bool:
    return cell.get("cell_type") == "code"


def is_markdown(cell: dict) -> bool:
    return cell.get("cell_type") == "markdown"


def first_line(cell: dict) -> str:
    return source(cell).lstrip().split("\n", 1)[0].strip()


def is_lesson(name: str) -> bool:
    return 1 <= int(name[:2]) <= LAST_NUMBER


def text_outputs(nb: dict) -> str:
    """Every text a reader sees in the outputs: stdout and text/* results, no images."""
    parts = []
    for cell in filter(is_code, nb["cells"]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                parts.append("".join(out.get("text", "")))
            parts += ["".join(v) for m, v in out.get("data", {}).items() if m.startswith("text/")]
    return "\n".join(parts)


def heading_cell(nb: dict, heading: str) -> int | None:
    pattern = re.compile(rf"^{re.escape(heading)}\s*$", re.M)
    cells = nb["cells"]
    return next(
        (i for i, c in enumerate(cells) if is_markdown(c) and pattern.search(source(c))), None
    )


def is_checkpoint(cell: dict) -> bool:
    return is_markdown(cell) and first_line(cell).startswith("### Checkpoint")


# ------------------------------------------------------------ rules: the run


def cell_rule(check):
    """A rule made of ``check(cell, after) -> problems``, where ``after`` lists the cells that
    follow; each problem is reported with its cell's index."""

    def rule(nb: dict, name: str) -> list[str]:
        cells = nb["cells"]
        return [f"cell {i}: {p}" for i, c in enumerate(cells) for p in check(c, cells[i + 1 :])]

    rule.__name__, rule.__doc__ = check.__name__, check.__doc__
    return rule


def check_executed_in_order(nb: dict, name: str) -> list[str]:
    """Code cells were executed top to bottom in one kernel: counts 1..n, none missing."""
    problems, expected = [], 1
    for i, cell in enumerate(nb["cells"]):
        if not is_code(cell) or not source(cell).strip():
            continue
        count = cell.get("execution_count")
        if count is None:
            problems.append(f"cell {i} was not executed")
        elif count != expected:
            problems.append(f"cell {i} has execution count {count}, expected {expected}")
            expected = count
        expected += 1
    return problems


@cell_rule
def check_no_errors(cell: dict, after: list) -> list[str]:
    outs = cell.get("outputs", [])
    return [f"stores {o.get('ename')}: {o.get('evalue')}" for o in outs if "ename" in o]


@cell_rule
def check_no_stderr(cell: dict, after: list) -> list[str]:
    outs = [o for o in cell.get("outputs", []) if o.get("name") == "stderr"]
    return [f"wrote to stderr: {''.join(o.get('text', ''))[:80]!r}" for o in outs]


def check_no_machine_paths(
    nb: dict, name: str, user: str | None = None, extra: tuple[str, ...] = ()
) -> list[str]:
    """No machine paths or user names in metadata or outputs (images aside)."""
    patterns = [re.escape(p) for p in [*MACHINE_PATHS, *extra]]
    if user:
        u = re.escape(user)
        patterns.append(rf"[/\\]{u}(?:[/\\]|$)|~{u}\b|\b{u}@")
    places = {"notebook metadata": nb.get("metadata", {})}
    for i, cell in enumerate(nb["cells"]):
        places[f"cell {i}"] = [cell.get("metadata", {})] + [
            {k: v for k, v in out.items() if k != "data"}
            | {m: v for m, v in out.get("data", {}).items() if not m.startswith("image/")}
            for out in cell.get("outputs", [])
        ]
    pattern = re.compile("|".join(patterns), re.M)
    found = {w: pattern.search(json.dumps(v).replace("\\\\", "\\")) for w, v in places.items()}
    return [
        f"{where} contains a machine path or user name: {m.group()!r}"
        for where, m in found.items()
        if m
    ]


def check_metadata(nb: dict, name: str) -> list[str]:
    """The python3 kernel; valid and unique cell ids."""
    spec = nb.get("metadata", {}).get("kernelspec", {})
    problems = []
    if spec.get("name") != "python3" or spec.get("language") != "python":
        problems.append(f"kernelspec is {spec!r}, expected the python3 kernel")
    ids = [cell.get("id") for cell in nb["cells"]]
    problems += [
        f"cell {i} has no valid id: {cid!r}"
        for i, cid in enumerate(ids)
        if not re.fullmatch(r"[a-zA-Z0-9-_]{1,64}", str(cid or ""))
    ]
    duplicates = sorted({cid for cid in ids if cid and ids.count(cid) > 1})
    return problems + ([f"duplicate cell ids: {duplicates}"] if duplicates else [])


def check_no_python_version(nb: dict, name: str) -> list[str]:
    """The exact Python version varies between machines: scripts/nbrun.py drops it."""
    if "version" in nb.get("metadata", {}).get("language_info", {}):
        return ["language_info stores the Python version: re-execute with `make execute`"]
    return []


# ---------------------------------------------------------------- rules: anatomy


def check_title_cell(nb: dict, name: str) -> list[str]:
    first = nb["cells"][0] if nb["cells"] else {}
    if not is_markdown(first):
        return ["the first cell is not a Markdown title cell"]
    text, problems = source(first), []
    if not re.match(rf"# {name[:2]} · \S", text):
        problems.append(f"the title cell does not start with '# {name[:2]} · Title'")
    if not re.search(r"^\*Teaching: \d+ min · Exercises: \d+ min\*\s*$", text, re.M):
        problems.append("no line '*Teaching: T min · Exercises: E min*' in the title cell")
    parts = ("**Questions**", "**Learning objectives**", "**Prerequisites**")
    return problems + [f"no {part} in the title cell" for part in parts if part not in text]


def check_style_cell(nb: dict, name: str) -> list[str]:
    """Lessons 01-09: the second cell imports and calls helpers.set_course_style()."""
    cells = nb["cells"]
    if is_lesson(name) and not (
        len(cells) > 1 and is_code(cells[1]) and "set_course_style()" in source(cells[1])
    ):
        return ["the second cell is not the imports cell calling helpers.set_course_style()"]
    return []


def check_key_takeaways(nb: dict, name: str) -> list[str]:
    where = heading_cell(nb, "## Key takeaways")
    if where is None:
        return ["no '## Key takeaways' heading"]
    later = [i for i, c in enumerate(nb["cells"]) if "solution" in tags(c) and i > where]
    return [f"'## Key takeaways' comes before the solution in cell {later[0]}"] if later else []


def check_navigation(nb: dict, name: str) -> list[str]:
    last = nb["cells"][-1] if nb["cells"] else {}
    if not is_markdown(last):
        return ["the last cell is not Markdown with navigation links"]
    targets = [PurePosixPath(t).name for t in link_targets(source(last))]
    n = int(name[:2])
    wanted = [f"{k:02d}_" for k in (n - 1, n + 1) if 0 <= k <= LAST_NUMBER]
    return [
        f"the last cell does not link to notebook {prefix[:2]}"
        for prefix in wanted
        if not any(t.startswith(prefix) and t.endswith(".ipynb") for t in targets)
    ]


def exercise_cells(nb: dict) -> list[int]:
    """Index of the cell of each exercise heading (a cell may hold several)."""
    return [
        i
        for i, cell in enumerate(nb["cells"])
        if is_markdown(cell)
        for _ in EXERCISE.finditer(source(cell))
    ]


def check_exercise_count(nb: dict, name: str) -> list[str]:
    wanted = 3 if is_lesson(name) else 1
    found = len(exercise_cells(nb))
    return [f"{found} exercise heading(s), at least {wanted} expected"] if found < wanted else []


def is_solution_heading(cell: dict) -> bool:
    return is_markdown(cell) and source(cell).strip().startswith(SOLUTION_HEADING)


def check_exercises(nb: dict, name: str) -> list[str]:
    """Each exercise: a check cell (lessons), a '### Solution' cell, then directly its folded
    `solution` code cell; every `solution` cell follows a '### Solution' cell."""
    cells, problems = nb["cells"], []
    starts = exercise_cells(nb)
    end = heading_cell(nb, "## Key takeaways") or len(cells)
    for k, start in enumerate(starts):
        if start in starts[k + 1 : k + 2]:
            problems.append(f"cell {start} holds more than one exercise")
            continue
        stop = starts[k + 1] if k + 1 < len(starts) else max(end, start + 1)
        heading = next((j for j in range(start + 1, stop) if is_solution_heading(cells[j])), None)
        if heading is None:
            problems.append(f"the exercise in cell {start} has no '{SOLUTION_HEADING}' cell")
            continue
        checks = [c for c in cells[start:heading] if is_code(c) and CHECK_CALL.search(source(c))]
        if is_lesson(name) and not checks:
            problems.append(f"the exercise in cell {start} has no cell calling a check_ function")
        after = cells[heading + 1] if heading + 1 < len(cells) else {}
        folded = after.get("metadata", {}).get("jupyter", {}).get("source_hidden") is True
        if not (is_code(after) and "solution" in tags(after) and folded):
            problems.append(
                f"cell {heading} ('{SOLUTION_HEADING}') is not followed directly by a code cell "
                "tagged `solution` with metadata.jupyter.source_hidden true"
            )
    return problems + [
        f"cell {i} is tagged `solution` but does not follow a '{SOLUTION_HEADING}' cell"
        for i, cell in enumerate(cells)
        if "solution" in tags(cell) and (i == 0 or not is_solution_heading(cells[i - 1]))
    ]


@cell_rule
def check_figures_have_captions(cell: dict, after: list) -> list[str]:
    """A figure (solutions aside) is followed by its '*Figure:' caption."""
    figure = any("image/png" in out.get("data", {}) for out in cell.get("outputs", []))
    caption = after and is_markdown(after[0]) and source(after[0]).lstrip().startswith("*Figure:")
    if figure and "solution" not in tags(cell) and not caption:
        return ["its figure is not followed by a '*Figure:' caption"]
    return []


@cell_rule
def check_tags_in_place(cell: dict, after: list) -> list[str]:
    """Only the four tags of COURSE.md section 6, each where it belongs."""
    found = tags(cell)
    problems = [f"unknown tag {t!r} (known: {sorted(TAGS)})" for t in found if t not in TAGS]
    # lines typed: the leading comment that says what to type (the code-along prompt) and
    # blank lines do not count
    lines = len(
        [x for x in source(cell).splitlines() if x.strip() and not x.lstrip().startswith("#")]
    )
    if "live" in found and (not is_code(cell) or "solution" in found):
        problems.append("tagged `live` but not a code cell outside the solutions")
    elif "live" in found and not 1 <= lines <= MAX_LIVE_LINES:
        problems.append(f"a `live` cell of {lines} lines (1 to {MAX_LIVE_LINES}: typed live)")
    heading = re.match(r"#{2,3} .*optional", first_line(cell), re.I) and is_markdown(cell)
    if "optional" in found and not heading:
        problems.append("tagged `optional` but no ##/### heading saying 'optional'")
    return problems


def check_checkpoint_cadence(nb: dict, name: str) -> list[str]:
    """Lessons: no run of more than two core sections without a checkpoint or an exercise."""
    if not is_lesson(name):
        return []
    sections: list[list] = []  # [heading, checked] of each core section
    core = optional_subsection = False
    for cell in filter(is_markdown, nb["cells"]):
        optional = "optional" in tags(cell)
        for line in source(cell).splitlines():
            if line.startswith("## "):
                core = not optional and line.strip() != "## Key takeaways"
                optional_subsection = False
                sections += [[line.strip(), False]] if core else []
            elif line.startswith("### "):
                optional_subsection = optional
                found = EXERCISE.match(line) or (
                    line.startswith("### Checkpoint") and is_checkpoint(cell)
                )
                if core and found and not optional_subsection:
                    sections[-1][1] = True
    problems, run = [], []
    for heading, checked in [*sections, ["end", True]]:
        if checked and len(run) > MAX_UNCHECKED_SECTIONS:
            problems.append(
                f"{len(run)} core sections in a row without a checkpoint or an exercise: {run}"
            )
        run = [] if checked else [*run, heading]
    return problems


@cell_rule
def check_checkpoints_are_checked(cell: dict, after: list) -> list[str]:
    """A checkpoint is followed, within a few cells and before the next heading, by a code
    cell calling a check_ function; '### Checkpoint' only ever starts a Markdown cell."""
    if not is_markdown(cell):
        return []
    if re.search(r"\n\s*### Checkpoint", source(cell).lstrip()):
        return ["'### Checkpoint' must start its own Markdown cell"]
    if not is_checkpoint(cell):
        return []
    for nxt in after[:CHECK_WITHIN_CELLS]:
        if is_code(nxt) and CHECK_CALL.search(source(nxt)):
            return []
        if is_markdown(nxt) and first_line(nxt).startswith("#"):
            break
    return [f"a checkpoint with no check_ call within {CHECK_WITHIN_CELLS} cells, before a heading"]


@cell_rule
def check_cell_size(cell: dict, after: list) -> list[str]:
    text, problems = source(cell), []
    lines = text.count("\n") + 1
    if is_markdown(cell) and len(text) > MAX_MARKDOWN_CHARS:
        problems.append(f"Markdown of {len(text)} characters (> {MAX_MARKDOWN_CHARS})")
    if is_code(cell) and (len(text) > MAX_CODE_CHARS or lines > MAX_CODE_LINES):
        problems.append(
            f"code of {lines} lines, {len(text)} characters "
            f"(limits {MAX_CODE_LINES}, {MAX_CODE_CHARS}): split it"
        )
    if (size := len(json.dumps(cell.get("outputs", [])))) > MAX_OUTPUT_BYTES:
        problems.append(f"{size} bytes of output (> {MAX_OUTPUT_BYTES})")
    return problems


@cell_rule
def check_code_style(cell: dict, after: list) -> list[str]:
    """No trailing ';' (end figure cells with plt.show()); no %pylab or star import."""
    lines = [line for line in source(cell).splitlines() if line.strip()] if is_code(cell) else []
    problems = ["ends with ';' (end with plt.show())"] if lines and lines[-1].endswith(";") else []
    if any(re.match(r"\s*(%pylab|from \S+ import \*)", line) for line in lines):
        problems.append("%pylab or a star import (they shadow abs, sum and max)")
    return problems


# ------------------------------------------------------------------ rules: prose

QUOTED_DECIMAL = re.compile(r"(?<![\w.])(\d+\.\d{2,})(?![\d.]\d|\d)")


def as_quoted(printed: str, quoted: str) -> bool:
    """Whether ``printed``, as printed or rounded or truncated to the decimals of ``quoted``,
    is ``quoted``."""
    q, p = Decimal(quoted), Decimal(printed)
    decimals = len(quoted.split(".")[1])
    if p == q:
        return True
    if "." not in printed or len(printed.split(".")[1]) < decimals:
        return False
    step = Decimal(1).scaleb(-decimals)
    return any(
        p.quantize(step, rounding=r) == q for r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN)
    )


def check_quoted_numbers_are_printed(nb: dict, name: str) -> list[str]:
    printed: dict[str, set[str]] = {}
    for token in re.findall(r"\d+(?:\.\d+)?", text_outputs(nb)):
        printed.setdefault(token.split(".")[0], set()).add(token)
    code = "\n".join(re.sub(r"#.*", "", source(c)) for c in nb["cells"] if is_code(c))
    literals = {Decimal(token) for token in QUOTED_DECIMAL.findall(code)}
    problems = []
    for i, cell in enumerate(nb["cells"]):
        text = re.sub(r"\]\([^)]*\)", "]", strip_code(source(cell))) if is_markdown(cell) else ""
        for quoted in QUOTED_DECIMAL.findall(text):
            candidates = printed.get(quoted.split(".")[0], set())
            if Decimal(quoted) not in literals and not any(
                as_quoted(p, quoted) for p in candidates
            ):
                problems.append(f"Markdown cell {i} quotes {quoted}, which no output prints")
    return problems


COS_45 = re.compile(r"cos\s*\(?\s*45(?![\d.])")
DEGREE = re.compile(r"°|\\circ|\\degree|degree|\bdeg\b")
SCALAR = r"(?:k|c|\\alpha|\\lambda)"
NORM_OF_SCALAR = re.compile(
    rf"\\\|\s*{SCALAR}\s*\\\|\s*\\\||\\lVert\s*{SCALAR}\s*\\rVert\s*\\lVert"
    rf"|\|\|\s*{SCALAR}\s*\|\|\s*\|\||‖\s*{SCALAR}\s*‖\s*‖"
)


@cell_rule
def check_errata(cell: dict, after: list) -> list[str]:
    """cos 45 says degrees (in code too: np.cos takes radians); homogeneity writes |k|."""
    text = source(cell)
    problems = [
        f"{m.group()!r} without a degree sign or 'degrees'"
        for m in COS_45.finditer(text)
        if not DEGREE.search(text[m.end() : m.end() + 16])
    ]
    if is_markdown(cell) and (m := NORM_OF_SCALAR.search(text)):
        problems.append(f"the norm of a scalar: {m.group()!r} (write |k|)")
    return problems


@cell_rule
def check_relative_links(cell: dict, after: list) -> list[str]:
    return broken_links(source(cell), NOTEBOOK_DIR) if is_markdown(cell) else []


#: Every rule above, in the order of this file.
RULES = [rule for name, rule in list(globals().items()) if name.startswith("check_")]
#: The rules of a course notebook's anatomy; the others hold for every notebook (the quiz).
ANATOMY = {check_title_cell, check_style_cell, check_key_takeaways, check_navigation,
           check_exercise_count, check_exercises, check_checkpoint_cadence}  # fmt: skip


# ------------------------------------------------------------ the real notebooks


@cache
def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def rule_id(rule) -> str:
    return rule.__name__.removeprefix("check_")


def test_the_ten_notebooks_of_the_course_and_the_quiz_are_checked():
    assert [int(p.stem[:2]) for p in NOTEBOOKS] == list(range(LAST_NUMBER + 1))
    assert [p.name for p in OTHERS] == ["quiz.ipynb"]


@pytest.mark.parametrize(
    ("path", "rule"),
    [(p, r) for p in NOTEBOOKS for r in RULES] + [(p, r) for p in OTHERS for r in RULES if r not in ANATOMY],
    ids=lambda x: x.stem if isinstance(x, Path) else rule_id(x),
)  # fmt: skip
def test_notebook(path: Path, rule):
    nb = load(path)
    if rule is check_no_machine_paths:
        problems = rule(nb, path.stem, user=getpass.getuser(), extra=(str(ROOT),))
    else:
        problems = rule(nb, path.stem)
    assert not problems, f"{path.name}:\n  " + "\n  ".join(problems)


def test_readme_lists_every_notebook():
    targets = {
        t.split("#")[0] for t in link_targets((ROOT / "README.md").read_text(encoding="utf-8"))
    }
    missing = [p.name for p in [*NOTEBOOKS, *OTHERS] if f"notebooks/{p.name}" not in targets]
    assert not missing, f"README.md does not link {missing}"


def test_ci_runs_the_tests_and_the_browser_test():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "make e2e" in ci


# ------------------------------------------------------------- broken notebooks

NAME = "05_matrix_norms"


def md(text: str, cid: str, tags=()) -> dict:
    return {"cell_type": "markdown", "id": cid, "metadata": {"tags": [*tags]} if tags else {},
            "source": text}  # fmt: skip


def code(text: str, cid: str, count: int | None, outputs=(), tags=()) -> dict:
    metadata: dict = {"tags": [*tags]} if tags else {}
    if "solution" in tags:
        metadata["jupyter"] = {"source_hidden": True}
    return {"cell_type": "code", "id": cid, "metadata": metadata, "source": text,
            "execution_count": count, "outputs": [*outputs]}  # fmt: skip


def stdout(text: str) -> dict:
    return {"output_type": "stream", "name": "stdout", "text": text}


FIGURE = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgo="}}
ERROR = {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": []}
STDERR = {"output_type": "stream", "name": "stderr", "text": "DeprecationWarning: old\n"}


# fmt: off
def clean_notebook() -> dict:
    """A small notebook that passes every rule: sections 1 (with a checkpoint), 2 (optional),
    3 and 4, then three exercises."""
    cells = [
        md("# 05 · Matrix norms\n\n*Teaching: 25 min · Exercises: 20 min*\n\n**Questions**\n- How big?"
           "\n\n**Learning objectives**\n- Compute one.\n\n**Prerequisites**: [04](04_p_norms_and_unit_balls.ipynb).",
           "title"),
        code("import helpers\nfrom helpers.exercises import nb05\n\nhelpers.set_course_style()", "imports", 1),
        md("## 1. Frobenius\n\nAbout 8.367; 1/6 is 0.1666; cos 45° too; $\\|k u\\| = |k| \\|u\\|$.", "s1"),
        code("print(round(70**0.5, 3), 1 / 6)", "numbers", 2, [stdout("8.367 0.16666666\n")], ["live"]),
        code("plt.plot([0, 1])\nplt.show()", "plot", 3, [FIGURE]),
        md("*Figure: a rising line.*", "caption"),
        md("### Checkpoint: predict the norm\n\nPredict, then run.", "checkpoint"),
        code("guess = None", "guess", 4),
        code("nb05.check_guess(guess)", "guesscheck", 5),
        md("## 2. Nuclear norm (optional)", "s2", ["optional"]),
        md("## 3. Spectral norm", "s3"),
        md("## 4. Induced norms", "s4"),
        md("## Exercises", "exercises"),
    ]
    for k, count in ((1, 6), (2, 9), (3, 12)):
        cells += [
            md(f"### Exercise {k}: task {k}\n\nDo it.", f"ex{k}"),
            code(f"answer_{k} = None", f"starter{k}", count),
            code(f"nb05.check_task_{k}(answer_{k})", f"check{k}", count + 1),
            md("### Solution", f"solhead{k}"),
            code(f"answer_{k} = {k}", f"sol{k}", count + 2, tags=["solution"]),
        ]
    cells += [
        md("## Key takeaways\n\n- Norms measure size.", "takeaways"),
        md("[← 04](04_p_norms_and_unit_balls.ipynb) · [06 →](06_derivatives_of_norms.ipynb)", "nav"),
    ]
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def cell(nb: dict, cid: str) -> dict:
    return next(c for c in nb["cells"] if c["id"] == cid)


def update(cid, **fields): return lambda nb: cell(nb, cid).update(fields)
def append(cid, text): return lambda nb: cell(nb, cid).update(source=source(cell(nb, cid)) + text)
def add_output(cid, out): return lambda nb: cell(nb, cid)["outputs"].append(out)
def set_tags(cid, *tags): return lambda nb: cell(nb, cid)["metadata"].update(tags=[*tags])
def drop(cid): return lambda nb: nb["cells"].remove(cell(nb, cid))
def both(*mutations): return lambda nb: [mutate(nb) for mutate in mutations]
def insert_before(cid, *new): return lambda nb: [nb["cells"].insert(nb["cells"].index(cell(nb, cid)), c) for c in new[::-1]]


def swap(a, b):
    def mutate(nb):
        i, j = nb["cells"].index(cell(nb, a)), nb["cells"].index(cell(nb, b))
        nb["cells"][i], nb["cells"][j] = nb["cells"][j], nb["cells"][i]
    return mutate


BROKEN = {
    "count-jumps": (check_executed_in_order, update("numbers", execution_count=7)),
    "not-executed": (check_executed_in_order, update("plot", execution_count=None)),
    "out-of-order": (check_executed_in_order, swap("numbers", "plot")),
    "error-output": (check_no_errors, add_output("numbers", ERROR)),
    "stderr-output": (check_no_stderr, add_output("numbers", STDERR)),
    "home-path": (check_no_machine_paths, add_output("numbers", stdout("saved /home/ada/f.png\n"))),
    "windows-path": (check_no_machine_paths, add_output("numbers", stdout("C:\\Users\\ada\\x\n"))),
    "path-in-metadata": (check_no_machine_paths, lambda nb: nb["metadata"].update(path="/tmp/abc")),
    "other-kernel": (check_metadata, lambda nb: nb["metadata"].update(kernelspec={"name": "venv"})),
    "duplicate-id": (check_metadata, update("plot", id="numbers")),
    "missing-id": (check_metadata, lambda nb: cell(nb, "plot").pop("id")),
    "python-version": (check_no_python_version, lambda nb: nb["metadata"].update(language_info={"version": "3.11.7"})),
    "title-without-number": (check_title_cell, update("title", source="# Matrix norms\n\n**Questions**")),
    "title-without-parts": (check_title_cell, update("title", source="# 05 · Matrix norms")),
    "no-style-cell": (check_style_cell, update("imports", source="import numpy as np")),
    "no-takeaways": (check_key_takeaways, update("takeaways", source="## Summary")),
    "solution-after-takeaways": (check_key_takeaways, swap("takeaways", "sol3")),
    "no-next-link": (check_navigation, update("nav", source="[← 04](04_p_norms_and_unit_balls.ipynb)")),
    "no-navigation-cell": (check_navigation, drop("nav")),
    "two-exercises": (check_exercise_count, drop("ex3")),
    "no-solution-heading": (check_exercises, drop("solhead2")),
    "solution-not-folded": (check_exercises, lambda nb: cell(nb, "sol1")["metadata"].pop("jupyter")),
    "solution-before-heading": (check_exercises, swap("solhead3", "sol3")),
    "solution-without-heading": (check_exercises, update("solhead1", source="Here is one way:")),
    "exercise-without-check": (check_exercises, drop("check2")),
    "caption-not-a-caption": (check_figures_have_captions, update("caption", source="A rising line.")),
    "no-caption": (check_figures_have_captions, drop("caption")),
    "unknown-tag": (check_tags_in_place, set_tags("plot", "hide-input")),
    "live-markdown": (check_tags_in_place, set_tags("s1", "live")),
    "live-solution": (check_tags_in_place, set_tags("sol1", "solution", "live")),
    "live-too-long": (check_tags_in_place, both(set_tags("plot", "live"), update("plot", source="x = 1\n" * 9))),
    "optional-code": (check_tags_in_place, set_tags("plot", "optional")),
    "optional-not-said": (check_tags_in_place, set_tags("s3", "optional")),
    "optional-not-heading": (check_tags_in_place, set_tags("caption", "optional")),
    "three-unchecked": (check_checkpoint_cadence, set_tags("s2")),
    "checkpoint-gone": (check_checkpoint_cadence, update("checkpoint", source="### Predict")),
    "checkpoint-in-optional": (check_checkpoint_cadence, both(set_tags("checkpoint", "optional"),
                               update("checkpoint", source="### Checkpoint (optional)"))),
    "checkpoint-unchecked": (check_checkpoints_are_checked, drop("guesscheck")),
    "check-after-heading": (check_checkpoints_are_checked, insert_before("guesscheck", md("### Solution", "x"))),
    "check-too-far": (check_checkpoints_are_checked, insert_before("guesscheck", *(code("x = 1", f"p{k}", None) for k in range(3)))),
    "checkpoint-mid-cell": (check_checkpoints_are_checked, append("s1", "\n\n### Checkpoint: x")),
    "long-code": (check_cell_size, update("numbers", source="x = 1\n" * 61)),
    "wide-code": (check_cell_size, update("numbers", source="x = 'long line'  # comment\n" * 99)),
    "long-markdown": (check_cell_size, update("s1", source="word " * 1001)),
    "huge-output": (check_cell_size, add_output("plot", {**FIGURE, "data": {"image/png": "A" * 600_000}})),
    "semicolon": (check_code_style, update("plot", source="plt.plot([0, 1]);")),
    "semicolon-blank-lines": (check_code_style, update("plot", source="plt.show();\n\n")),
    "pylab": (check_code_style, update("numbers", source="%pylab inline")),
    "star-import": (check_code_style, update("numbers", source="from numpy import *")),
    "unprinted-number": (check_quoted_numbers_are_printed, append("s1", " The L2 norm is 45.04.")),
    "misrounded-number": (check_quoted_numbers_are_printed, append("s1", " About 8.38 (rounded).")),
    "number-in-latex": (check_quoted_numbers_are_printed, append("s1", " It is $\\approx 0.18$.")),
    "number-in-comment": (check_quoted_numbers_are_printed, both(append("s1", " 45.04"), append("plot", "  # 45.04"))),
    "cos-45-prose": (check_errata, append("s1", " Since cos(45) is ...")),
    "cos-45-latex": (check_errata, append("s1", " and $\\cos 45 = 0.71$")),
    "cos-45-code": (check_errata, update("numbers", source="print(np.cos(45))")),
    "norm-of-k-latex": (check_errata, append("s1", " $\\|k u\\| = \\|k\\| \\|u\\|$")),
    "norm-of-c-plain": (check_errata, append("s1", " ||c x|| = ||c|| ||x||")),
    "link-case": (check_relative_links, append("s1", " See [03](03_What_Makes_A_Norm.ipynb).")),
    "link-nowhere": (check_relative_links, append("s1", " See [the guide](../docs/nowhere.md).")),
    "link-readme-case": (check_relative_links, append("s1", " See [readme](../readme.md).")),
    "link-anchor": (check_relative_links, append("s1", " See [setup](../docs/setup.md#no-such-part).")),
}
# fmt: on


@pytest.mark.parametrize("rule", RULES, ids=rule_id)
def test_clean_notebook_passes_every_rule(rule):
    assert rule(clean_notebook(), NAME) == []


@pytest.mark.parametrize(("rule", "mutate"), BROKEN.values(), ids=BROKEN.keys())
def test_rule_catches_a_broken_notebook(rule, mutate):
    nb = clean_notebook()
    mutate(nb)
    assert rule(nb, NAME), f"{rule.__name__} missed the breakage"


def test_every_rule_has_a_broken_notebook():
    assert {rule for rule, _ in BROKEN.values()} == set(RULES)


@pytest.mark.parametrize(
    "text",
    [
        "cos 45° = x.y", "$\\cos 45^\\circ$", "$\\cos(45^{\\circ})$", "cos 45 degrees",
        "\\|x\\| \\|y\\|", "$\\lvert k \\rvert \\, \\|u\\|$", "x = 45.044 and 0.1666",
        "Python 3.11.7 and numpy 2.4.6", "`45.04` in code", "learning rate 0.25",
    ],
)  # fmt: skip
def test_legitimate_prose_passes(text):
    nb = clean_notebook()
    append("s1", " " + text)(nb)
    cell(nb, "numbers")["outputs"] = [stdout("45.044422 0.16666666 8.367\n")]
    cell(nb, "numbers")["source"] += "\nlearning_rate = 0.25"
    assert {rule.__name__: rule(nb, NAME) for rule in RULES} == {r.__name__: [] for r in RULES}


def test_lesson_00_needs_no_checkpoints_and_no_check_cells():
    nb = clean_notebook()
    both(set_tags("s2"), drop("check1"), drop("guesscheck"))(nb)
    for rule in (check_checkpoint_cadence, check_exercises, check_exercise_count):
        assert rule(nb, "00_start_here") == [], rule.__name__


def test_links_resolve_with_exact_case_and_anchors(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "Setup.md").write_text("# Set up\n\n## Linux and macOS\n")
    assert broken_links("[s](docs/Setup.md#linux-and-macos) [t](docs/Setup.md)", tmp_path) == []
    assert broken_links("[s](docs/setup.md)", tmp_path)
    assert broken_links("[s]: docs/SETUP.md", tmp_path)
    assert broken_links('<a href="docs/x.md">x</a>', tmp_path)
    assert broken_links("[s](docs/Setup.md#windows)", tmp_path)
    assert broken_links("[top](#top)", tmp_path, {"top"}) == []
    assert broken_links("[top](#bottom)", tmp_path, {"top"})
    assert broken_links("[w](https://example.org/x) `[c](nowhere.md)`", tmp_path) == []


def test_user_name_is_found_in_paths_only():
    nb = clean_notebook()
    add_output("numbers", stdout("root-mean-square error\n"))(nb)
    assert check_no_machine_paths(nb, NAME, user="root") == []
    add_output("numbers", stdout("/srv/ada/cache\n"))(nb)
    assert check_no_machine_paths(nb, NAME, user="ada")
