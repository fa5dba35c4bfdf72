"""Hygiene of the stored notebooks and of the documentation.

The file has three parts:

1. checking functions ``check_*(nb, name) -> list[str]``: each takes a notebook as a plain
   dict (the parsed JSON) and its file stem (``"01_measuring_model_error"``) and returns
   the problems it finds, as sentences (an empty list means clean);
2. tests that run every rule over every notebook ``notebooks/[0-9][0-9]_*.ipynb`` (found
   by glob, so a new notebook is covered as soon as it exists) and over README.md and
   docs/*.md;
3. negative tests: each rule is fed a small, deliberately broken in-memory notebook and
   must complain (a rule that can never fail would be a vacuous test). A clean in-memory
   notebook passes every rule, so each negative test fails for the one reason it breaks.

Rules whose reading needs a decision:

- Numbers quoted in prose are printed by code: every decimal number with at least two
  decimals in a Markdown cell (``45.04``, ``0.1666``) must appear among the numbers of the
  notebook's text outputs, as printed or rounded or truncated to the quoted number of
  decimals (``45.044422`` is quoted as ``45.04``; ``0.16666`` as ``0.1667`` or ``0.1666``),
  or be a literal in code outside comments (a parameter such as a learning rate of
  ``0.05`` is set, not computed).
  The sign is ignored (prose writes −, code prints -). Code spans, fenced code, link
  targets and version-like tokens (``3.11.7``) are skipped; inline and display LaTeX are
  checked like prose, because results are often quoted there (``$\\approx 9.43$``).
- Figure captions: the cell right after a code cell with an image output is Markdown and
  starts with ``*Figure:``. Figures in ``solution`` cells are exempt: the exercise text
  above them says what to draw.
- Exercise headings are ``### Exercise ...`` (notebook 00 uses ``## Exercise: ...``, so
  level 2 is accepted too); lessons 01-09 have at least three, 00 at least one.
- Links to notebooks of the planned sequence (COURSE.md section 2) that are not merged
  yet are tolerated; any other relative link must resolve with exactly that case.
"""

from __future__ import annotations

import getpass
import json
import os
import re
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
DOCS = sorted((ROOT / "docs").glob("*.md"))

#: The sequence of COURSE.md section 2; links to these are tolerated until they are merged.
PLANNED = [
    "00_start_here",
    "01_measuring_model_error",
    "02_vectors_as_arrows",
    "03_what_makes_a_norm",
    "04_p_norms_and_unit_balls",
    "05_matrix_norms",
    "06_derivatives_of_norms",
    "07_chain_rule_and_matrix_derivatives",
    "08_norms_in_training",
    "09_smoothness_penalties",
]
LAST_NUMBER = 9

#: Cell tags with a meaning in this course. A new tag is added here on purpose, or not at all.
KNOWN_TAGS = {"solution", "nbval-ignore-output"}

# Size limits catch walls of code or output, not style: a code cell fits about two projected
# screens (ruff puts a dict entry per line, so lines alone would punish tables of data).
MAX_MARKDOWN_CHARS = 5000  # notebook 00's title cell, with the course map, is about 3800
MAX_CODE_CHARS = 2500
MAX_CODE_LINES = 60
MAX_OUTPUT_BYTES = 500_000  # a 6 x 4 in figure is 25-40 kB of base64, a 2 x 2 grid ~400 kB

MACHINE_PATHS = ["/home/", "/root/", "/Users/", "/tmp/", "C:\\Users", "site-packages"]

EXERCISE = re.compile(r"^#{2,3} Exercise\b(?!s)", re.M)
SOLUTION_HEADING = "### Solution"


# --------------------------------------------------------------------------- reading


def source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def tags(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def is_code(cell: dict) -> bool:
    return cell.get("cell_type") == "code"


def is_markdown(cell: dict) -> bool:
    return cell.get("cell_type") == "markdown"


def number(name: str) -> int:
    return int(name[:2])


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def text_outputs(nb: dict) -> str:
    """Every text a reader sees in the outputs: stdout and text/* results, no images."""
    parts = []
    for cell in filter(is_code, nb["cells"]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                parts.append(_text(out.get("text", "")))
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/"):
                    parts.append(_text(value))
    return "\n".join(parts)


def strip_code(markdown: str) -> str:
    """Markdown without fenced code blocks and inline code spans."""
    markdown = re.sub(r"^(```|~~~).*?^\1", " ", markdown, flags=re.M | re.S)
    return re.sub(r"(`+)(?:(?!\1).)+\1", " ", markdown, flags=re.S)


def prose(nb: dict) -> str:
    return "\n\n".join(strip_code(source(c)) for c in nb["cells"] if is_markdown(c))


LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
HTML_LINK = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.I)


def link_targets(markdown: str) -> list[str]:
    text = strip_code(markdown)
    found = LINK.findall(text) + REF_DEFINITION.findall(text) + HTML_LINK.findall(text)
    return [t for t in found if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^#|^//", t)]


def exists_with_exact_case(base: Path, target: str) -> bool:
    """Whether ``target`` (relative to directory ``base``) names an existing file or
    directory, every path component spelled with exactly the case on disk."""
    path = base
    for part in PurePosixPath(target).parts:
        if part in ("", "."):
            continue
        if part == "..":
            path = path.parent
            continue
        if not path.is_dir() or part not in os.listdir(path):
            return False
        path = path / part
    return True


def broken_links(markdown: str, base: Path, planned_dir: Path = NOTEBOOK_DIR) -> list[str]:
    problems = []
    for target in link_targets(markdown):
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path or exists_with_exact_case(base, path):
            continue
        resolved = (base / path).resolve()
        not_merged_yet = (
            resolved.parent == planned_dir.resolve()
            and resolved.suffix == ".ipynb"
            and resolved.stem in PLANNED
            and not resolved.exists()
        )
        if not not_merged_yet:
            problems.append(f"relative link {target!r} does not resolve (with this exact case)")
    return problems


# ------------------------------------------------------------ checking functions: run


def check_executed_in_order(nb: dict, name: str) -> list[str]:
    """Code cells were executed top to bottom in one kernel: counts 1..n, none missing."""
    problems, expected = [], 1
    for i, cell in enumerate(nb["cells"]):
        if not is_code(cell):
            continue
        count = cell.get("execution_count")
        if not source(cell).strip():
            continue
        if count is None:
            problems.append(f"cell {i} was not executed")
        elif count != expected:
            problems.append(f"cell {i} has execution count {count}, expected {expected}")
            expected = count
        expected += 1
    return problems


def check_no_errors(nb: dict, name: str) -> list[str]:
    return [
        f"cell {i} stores an error: {out.get('ename')}: {out.get('evalue')}"
        for i, cell in enumerate(nb["cells"])
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]


def check_no_stderr(nb: dict, name: str) -> list[str]:
    return [
        f"cell {i} wrote to stderr: {_text(out.get('text', ''))[:80]!r}"
        for i, cell in enumerate(nb["cells"])
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stderr"
    ]


def machine_path_patterns(user: str | None = None, extra: tuple[str, ...] = ()) -> list[str]:
    patterns = [re.escape(p) for p in MACHINE_PATHS + list(extra)]
    if user:
        u = re.escape(user)
        patterns.append(rf"[/\\]{u}(?:[/\\]|$)|~{u}\b|\b{u}@")
    return patterns


def check_no_machine_paths(
    nb: dict, name: str, user: str | None = None, extra: tuple[str, ...] = ()
) -> list[str]:
    """No machine paths or user names in outputs (images aside) or metadata."""
    pattern = re.compile("|".join(machine_path_patterns(user, extra)), re.M)
    places = [("notebook metadata", json.dumps(nb.get("metadata", {})))]
    for i, cell in enumerate(nb["cells"]):
        places.append((f"cell {i} metadata", json.dumps(cell.get("metadata", {}))))
        for out in cell.get("outputs", []):
            texts = [_text(out.get(k, "")) for k in ("text", "evalue", "traceback")]
            texts += [
                _text(v) if not isinstance(v, dict) else json.dumps(v)
                for mime, v in out.get("data", {}).items()
                if not mime.startswith("image/")
            ]
            places.append((f"cell {i} output", "\n".join(texts)))
    return [
        f"{where} contains a machine path or user name: {m.group()!r}"
        for where, text in places
        if (m := pattern.search(text))
    ]


def check_kernelspec(nb: dict, name: str) -> list[str]:
    spec = nb.get("metadata", {}).get("kernelspec", {})
    if spec.get("name") != "python3" or spec.get("language") != "python":
        return [f"kernelspec is {spec!r}, expected the python3 kernel"]
    return []


def check_cell_ids(nb: dict, name: str) -> list[str]:
    ids = [cell.get("id") for cell in nb["cells"]]
    problems = [f"cell {i} has no valid id" for i, cid in enumerate(ids) if not cid]
    problems += [
        f"cell {i} has an invalid id {cid!r}"
        for i, cid in enumerate(ids)
        if cid and not re.fullmatch(r"[a-zA-Z0-9-_]{1,64}", cid)
    ]
    duplicates = sorted({cid for cid in ids if cid and ids.count(cid) > 1})
    if duplicates:
        problems.append(f"duplicate cell ids: {duplicates}")
    return problems


# ------------------------------------------------------- checking functions: anatomy


def check_title_cell(nb: dict, name: str) -> list[str]:
    first = nb["cells"][0] if nb["cells"] else {}
    if not is_markdown(first):
        return ["the first cell is not a Markdown title cell"]
    text, problems = source(first), []
    if not re.match(rf"# {name[:2]} · \S", text):
        problems.append(f"the title cell does not start with '# {name[:2]} · Title'")
    if not re.search(r"^\*Teaching: \d+ min · Exercises: \d+ min\*\s*$", text, re.M):
        problems.append("no line '*Teaching: T min · Exercises: E min*' in the title cell")
    for part in ("**Questions**", "**Learning objectives**", "**Prerequisites**"):
        if part not in text:
            problems.append(f"no {part} in the title cell")
    return problems


def check_style_cell(nb: dict, name: str) -> list[str]:
    """Lessons 01-09: the second cell imports and calls helpers.set_course_style()."""
    if number(name) == 0:
        return []
    cells = nb["cells"]
    if len(cells) < 2 or not is_code(cells[1]) or "set_course_style()" not in source(cells[1]):
        return ["the second cell is not the imports cell calling helpers.set_course_style()"]
    return []


def _heading_cell(nb: dict, heading: str) -> int | None:
    pattern = re.compile(rf"^{re.escape(heading)}\s*$", re.M)
    for i, cell in enumerate(nb["cells"]):
        if is_markdown(cell) and pattern.search(source(cell)):
            return i
    return None


def check_key_takeaways(nb: dict, name: str) -> list[str]:
    where = _heading_cell(nb, "## Key takeaways")
    if where is None:
        return ["no '## Key takeaways' heading"]
    later = [i for i, c in enumerate(nb["cells"]) if "solution" in tags(c) and i > where]
    return [f"'## Key takeaways' comes before the solution in cell {later[0]}"] if later else []


def check_navigation(nb: dict, name: str) -> list[str]:
    last = nb["cells"][-1] if nb["cells"] else {}
    if not is_markdown(last):
        return ["the last cell is not Markdown with navigation links"]
    targets = [PurePosixPath(t).name for t in link_targets(source(last))]
    n, problems = number(name), []
    wanted = []
    if n > 0:
        wanted.append(f"{n - 1:02d}_")
    if n < LAST_NUMBER:
        wanted.append(f"{n + 1:02d}_")
    for prefix in wanted:
        if not any(t.startswith(prefix) and t.endswith(".ipynb") for t in targets):
            problems.append(f"the last cell does not link to notebook {prefix[:2]}")
    return problems


def exercise_cells(nb: dict) -> list[int]:
    """Index of the cell of each exercise heading (a cell may hold several)."""
    return [
        i
        for i, cell in enumerate(nb["cells"])
        if is_markdown(cell)
        for _ in EXERCISE.finditer(source(cell))
    ]


def check_exercise_count(nb: dict, name: str) -> list[str]:
    wanted = 1 if number(name) == 0 else 3
    found = len(exercise_cells(nb))
    return [f"{found} exercise heading(s), at least {wanted} expected"] if found < wanted else []


def _is_solution_heading(cell: dict) -> bool:
    return is_markdown(cell) and source(cell).strip().startswith(SOLUTION_HEADING)


def _is_hidden_solution(cell: dict) -> bool:
    hidden = cell.get("metadata", {}).get("jupyter", {}).get("source_hidden") is True
    return is_code(cell) and "solution" in tags(cell) and hidden


def check_exercises_have_solutions(nb: dict, name: str) -> list[str]:
    """Each exercise: a '### Solution' cell, then directly its hidden `solution` code cell."""
    cells, problems = nb["cells"], []
    starts = exercise_cells(nb)
    end_of_exercises = _heading_cell(nb, "## Key takeaways") or len(cells)
    for k, start in enumerate(starts):
        if k + 1 < len(starts) and starts[k + 1] == start:
            problems.append(f"cell {start} holds more than one exercise")
            continue
        stop = starts[k + 1] if k + 1 < len(starts) else max(end_of_exercises, start + 1)
        headings = [j for j in range(start + 1, stop) if _is_solution_heading(cells[j])]
        if not headings:
            problems.append(f"the exercise in cell {start} has no '{SOLUTION_HEADING}' cell")
            continue
        j = headings[0]
        if j + 1 >= len(cells) or not _is_hidden_solution(cells[j + 1]):
            problems.append(
                f"cell {j} ('{SOLUTION_HEADING}') is not followed directly by a code cell "
                "tagged `solution` with metadata.jupyter.source_hidden true"
            )
    return problems


def check_solution_cells_follow_heading(nb: dict, name: str) -> list[str]:
    cells = nb["cells"]
    return [
        f"cell {i} is tagged `solution` but does not follow a '{SOLUTION_HEADING}' cell"
        for i, cell in enumerate(cells)
        if "solution" in tags(cell) and (i == 0 or not _is_solution_heading(cells[i - 1]))
    ]


def has_figure(cell: dict) -> bool:
    return any("image/png" in out.get("data", {}) for out in cell.get("outputs", []))


def check_figures_have_captions(nb: dict, name: str) -> list[str]:
    cells, problems = nb["cells"], []
    for i, cell in enumerate(cells):
        if not is_code(cell) or not has_figure(cell) or "solution" in tags(cell):
            continue
        after = cells[i + 1] if i + 1 < len(cells) else {}
        if not (is_markdown(after) and source(after).lstrip().startswith("*Figure:")):
            problems.append(f"the figure of cell {i} is not followed by a '*Figure:' caption")
    return problems


def check_known_tags(nb: dict, name: str) -> list[str]:
    return [
        f"cell {i} has unknown tag {tag!r} (known: {sorted(KNOWN_TAGS)})"
        for i, cell in enumerate(nb["cells"])
        for tag in tags(cell)
        if tag not in KNOWN_TAGS
    ]


def check_cell_size(nb: dict, name: str) -> list[str]:
    problems = []
    for i, cell in enumerate(nb["cells"]):
        text = source(cell)
        if is_markdown(cell) and len(text) > MAX_MARKDOWN_CHARS:
            problems.append(
                f"Markdown cell {i} has {len(text)} characters (> {MAX_MARKDOWN_CHARS})"
            )
        if is_code(cell):
            lines = text.count("\n") + 1
            if len(text) > MAX_CODE_CHARS or lines > MAX_CODE_LINES:
                problems.append(
                    f"code cell {i} has {lines} lines, {len(text)} characters "
                    f"(limits {MAX_CODE_LINES}, {MAX_CODE_CHARS}): split it"
                )
            size = len(json.dumps(cell.get("outputs", [])))
            if size > MAX_OUTPUT_BYTES:
                problems.append(f"cell {i} stores {size} bytes of output (> {MAX_OUTPUT_BYTES})")
    return problems


def check_no_trailing_semicolon(nb: dict, name: str) -> list[str]:
    problems = []
    for i, cell in enumerate(filter(is_code, nb["cells"])):
        lines = [line for line in source(cell).splitlines() if line.strip()]
        if lines and lines[-1].rstrip().endswith(";"):
            problems.append(f"code cell {i} ends with ';' (end figure cells with plt.show())")
    return problems


# -------------------------------------------------------- checking functions: prose

QUOTED_DECIMAL = re.compile(r"(?<![\w.])(\d+\.\d{2,})(?![\d.]\d|\d)")
PRINTED_DECIMAL = re.compile(r"(\d+(?:\.\d+)?)")


def _as_quoted(printed: str, quoted: str) -> bool:
    """Whether the printed number, as printed or rounded or truncated to the quoted
    number of decimals, is the quoted number."""
    q, p = Decimal(quoted), Decimal(printed)
    if p == q:
        return True
    decimals = len(quoted.split(".")[1])
    if "." not in printed or len(printed.split(".")[1]) < decimals:
        return False
    step = Decimal(1).scaleb(-decimals)
    return any(
        p.quantize(step, rounding=r) == q for r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN)
    )


def code_literals(nb: dict) -> set[Decimal]:
    """Decimal literals in code cells, comments left out."""
    code = "\n".join(re.sub(r"#.*", "", source(c)) for c in nb["cells"] if is_code(c))
    return {Decimal(token) for token in QUOTED_DECIMAL.findall(code)}


def check_quoted_numbers_are_printed(nb: dict, name: str) -> list[str]:
    printed: dict[str, set[str]] = {}
    for token in PRINTED_DECIMAL.findall(text_outputs(nb)):
        printed.setdefault(token.split(".")[0], set()).add(token)
    literals = code_literals(nb)
    problems = []
    for cell_index, cell in enumerate(nb["cells"]):
        if not is_markdown(cell):
            continue
        text = re.sub(r"\]\([^)]*\)", "]", strip_code(source(cell)))
        for quoted in QUOTED_DECIMAL.findall(text):
            candidates = printed.get(quoted.split(".")[0], set())
            if Decimal(quoted) not in literals and not any(
                _as_quoted(p, quoted) for p in candidates
            ):
                problems.append(
                    f"Markdown cell {cell_index} quotes {quoted}, which no output prints"
                )
    return problems


PY2_PRINT = re.compile(r"^\s*print\s+(?![\s=(),.;\[\]]|$)\S|^\s*print\s*>>", re.M)


def check_no_python2(nb: dict, name: str) -> list[str]:
    problems = []
    for i, cell in enumerate(nb["cells"]):
        text = source(cell)
        if is_code(cell) and "%pylab" in text:
            problems.append(f"cell {i} uses %pylab")
        if is_code(cell) and PY2_PRINT.search(text):
            problems.append(f"cell {i} has a Python 2 print statement")
    if re.search(r"<type '|\bu'[^']*'(?=[,\]}])", text_outputs(nb)):
        problems.append("an output looks like Python 2 (<type '...'> or u'...')")
    return problems


COS_45 = re.compile(r"cos\s*\(?\s*45(?![\d.])")
DEGREE = re.compile(r"°|\\circ|\\degree|degree|\bdeg\b")


def check_cos_45_has_degrees(nb: dict, name: str) -> list[str]:
    problems = []
    for i, cell in enumerate(nb["cells"]):
        text = source(cell)
        for match in COS_45.finditer(text):
            if not DEGREE.search(text[match.end() : match.end() + 16]):
                problems.append(f"cell {i}: {match.group()!r} without a degree sign or 'degrees'")
    return problems


def check_no_u_plus_b(nb: dict, name: str) -> list[str]:
    return [
        f"Markdown cell {i} writes 'u + b' (u + v meant?)"
        for i, cell in enumerate(nb["cells"])
        if is_markdown(cell) and re.search(r"\bu\s*\+\s*b\b", source(cell))
    ]


SCALAR = r"(?:k|c|\\alpha|\\lambda)"
NORM_OF_SCALAR_TIMES_NORM = re.compile(
    rf"\\\|\s*{SCALAR}\s*\\\|\s*\\\|"  # \|k\| \|u\|
    rf"|\\lVert\s*{SCALAR}\s*\\rVert\s*\\lVert"  # \lVert k \rVert \lVert u \rVert
    rf"|\|\|\s*{SCALAR}\s*\|\|\s*\|\|"  # ||k|| ||u||
    rf"|‖\s*{SCALAR}\s*‖\s*‖"  # ‖k‖ ‖u‖
)


def check_homogeneity_uses_absolute_value(nb: dict, name: str) -> list[str]:
    return [
        f"Markdown cell {i} writes the norm of a scalar times a norm: {m.group()!r} (|k|)"
        for i, cell in enumerate(nb["cells"])
        if is_markdown(cell) and (m := NORM_OF_SCALAR_TIMES_NORM.search(source(cell)))
    ]


_IS = r"(?:\bis\b|\bare\b|=|\bequals\b|\bi\.e\.|\bcalled\b|\bknown as\b|\baka\b|\bor\b|\()"
_ARTICLES = r"\s*(?:(?:the|a|an|simply|just|also|plain)\s+)*"
_ABSOLUTE = r"(?:sum of (?:the\s+)?absolute|absolute sum|l1\b)"
SIGNED_CALLED_ABSOLUTE = re.compile(
    rf"signed sum\b[^.;:]{{0,30}}?{_IS}{_ARTICLES}{_ABSOLUTE}"
    rf"|{_ABSOLUTE}[^.;:]{{0,30}}?{_IS}{_ARTICLES}signed sum\b",
    re.I,
)
NEGATION = re.compile(r"\bnot\b|n't\b|\bnever\b|\bno longer\b|\bunlike\b|\bnor\b", re.I)


def check_signed_sum_not_called_absolute(nb: dict, name: str) -> list[str]:
    """The signed sum is never called the sum of absolute values (or the L1 norm)."""
    problems = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n\s*[-*] ", prose(nb)):
        match = SIGNED_CALLED_ABSOLUTE.search(" ".join(sentence.split()))
        if match and not NEGATION.search(match.group()):
            problems.append(f"the signed sum is called an absolute sum: {match.group()!r}")
    return problems


IMAGE_LINK = re.compile(r"!\[[^\]]*\]\s*[(\[]|<img\b", re.I)


def check_no_image_links(nb: dict, name: str) -> list[str]:
    problems = []
    for i, cell in enumerate(nb["cells"]):
        if is_markdown(cell) and IMAGE_LINK.search(strip_code(source(cell))):
            problems.append(f"Markdown cell {i} links an image (figures are made by code)")
        if cell.get("attachments"):
            problems.append(f"cell {i} has attachments (figures are made by code)")
    return problems


def check_relative_links(nb: dict, name: str, base: Path = NOTEBOOK_DIR) -> list[str]:
    return [
        f"Markdown cell {i}: {problem}"
        for i, cell in enumerate(nb["cells"])
        if is_markdown(cell)
        for problem in broken_links(source(cell), base, base)
    ]


RULES = [
    check_executed_in_order,
    check_no_errors,
    check_no_stderr,
    check_no_machine_paths,
    check_kernelspec,
    check_cell_ids,
    check_title_cell,
    check_style_cell,
    check_key_takeaways,
    check_navigation,
    check_exercise_count,
    check_exercises_have_solutions,
    check_solution_cells_follow_heading,
    check_figures_have_captions,
    check_known_tags,
    check_cell_size,
    check_no_trailing_semicolon,
    check_quoted_numbers_are_printed,
    check_no_python2,
    check_cos_45_has_degrees,
    check_no_u_plus_b,
    check_homogeneity_uses_absolute_value,
    check_signed_sum_not_called_absolute,
    check_no_image_links,
    check_relative_links,
]


# ------------------------------------------------------------ the real notebooks


@cache
def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_notebooks_to_check():
    assert [p.stem for p in NOTEBOOKS[:2]] == PLANNED[:2]
    assert all(p.stem in PLANNED for p in NOTEBOOKS), "a notebook not in COURSE.md section 2"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__.removeprefix("check_"))
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook(path: Path, rule):
    nb = load(path)
    if rule is check_no_machine_paths:
        problems = rule(nb, path.stem, user=getpass.getuser(), extra=(str(ROOT),))
    else:
        problems = rule(nb, path.stem)
    assert not problems, f"{path.name}:\n  " + "\n  ".join(problems)


def test_readme_and_docs_links_resolve_with_exact_case():
    problems = [
        f"{page.relative_to(ROOT)}: {problem}"
        for page in [ROOT / "README.md", *DOCS]
        for problem in broken_links(page.read_text(encoding="utf-8"), page.parent)
    ]
    assert not problems, "\n".join(problems)


def readme_targets() -> set[str]:
    targets = link_targets((ROOT / "README.md").read_text(encoding="utf-8"))
    return {str(PurePosixPath(unquote(t.split("#")[0]))) for t in targets}


def test_readme_lists_every_notebook():
    missing = [p.name for p in NOTEBOOKS if f"notebooks/{p.name}" not in readme_targets()]
    assert not missing, f"README.md does not link {missing}"


def test_readme_links_every_docs_page():
    missing = [p.name for p in DOCS if f"docs/{p.name}" not in readme_targets()]
    assert not missing, f"README.md does not link {missing}"


def test_readme_and_docs_link_no_local_images():
    for page in [ROOT / "README.md", *DOCS]:
        for match in re.finditer(r"!\[[^\]]*\]\(\s*([^)\s]+)", page.read_text(encoding="utf-8")):
            assert re.match(r"https?://", match.group(1)), f"{page.name} links a local image"


def test_environment_file_tests_and_ci_exist():
    assert (ROOT / "environment.yml").is_file() and (ROOT / "requirements.in").is_file()
    assert len(list((ROOT / "tests").glob("test_*.py"))) >= 3
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "make e2e" in ci


# ------------------------------------------------------------- negative tests
#
# A small clean notebook passes every rule; each test breaks one thing and expects its
# rule to complain.

NAME = "05_matrix_norms"


def _md(text: str, cid: str) -> dict:
    return {"cell_type": "markdown", "id": cid, "metadata": {}, "source": text}


def _code(text: str, cid: str, count: int | None, outputs=(), tags=()) -> dict:
    metadata: dict = {}
    if tags:
        metadata["tags"] = list(tags)
    if "solution" in tags:
        metadata["jupyter"] = {"source_hidden": True}
    return {
        "cell_type": "code",
        "id": cid,
        "metadata": metadata,
        "source": text,
        "execution_count": count,
        "outputs": list(outputs),
    }


def _stdout(text: str) -> dict:
    return {"output_type": "stream", "name": "stdout", "text": text}


FIGURE = {
    "output_type": "display_data",
    "metadata": {},
    "data": {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure size 600x400 with 1 Axes>"},
}


def clean_notebook() -> dict:
    cells = [
        _md(
            "# 05 · Matrix norms\n\n*Teaching: 25 min · Exercises: 20 min*\n\nOverview.\n\n"
            "**Questions**\n- How big is a matrix?\n\n**Learning objectives**\n- Compute one.\n\n"
            "**Prerequisites**: [04 p-norms](04_p_norms_and_unit_balls.ipynb).",
            "title",
        ),
        _code("import helpers\n\nhelpers.set_course_style()", "imports", 1),
        _md("## 1. Frobenius\n\nIt is about 8.367, and 1/6 is 0.1666 (cos 45° too).", "prose"),
        _code("print(round(70**0.5, 3), 1 / 6)", "numbers", 2, [_stdout("8.367 0.16666666\n")]),
        _code("plt.plot([0, 1])\nplt.show()", "plot", 3, [FIGURE]),
        _md("*Figure: a rising line.*\n\n## Exercises", "caption"),
    ]
    count = 4
    for k in (1, 2, 3):
        cells += [
            _md(f"### Exercise {k}: task {k}\n\nDo it.", f"ex{k}"),
            _code(f"answer_{k} = None", f"starter{k}", count),
            _md("### Solution", f"solhead{k}"),
            _code(f"answer_{k} = {k}\nprint(answer_{k})", f"sol{k}", count + 1, tags=["solution"]),
        ]
        count += 2
    cells += [
        _md("## Key takeaways\n\n- Norms measure size.", "takeaways"),
        _md(
            "---\n[← 04](04_p_norms_and_unit_balls.ipynb) · [06 →](06_derivatives_of_norms.ipynb)",
            "nav",
        ),
    ]
    return {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def cell(nb: dict, cid: str) -> dict:
    return next(c for c in nb["cells"] if c["id"] == cid)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__.removeprefix("check_"))
def test_clean_notebook_passes_every_rule(rule):
    assert rule(clean_notebook(), NAME) == []


def _break(mutate) -> dict:
    nb = clean_notebook()
    mutate(nb)
    return nb


def _set_source(cid: str, text: str):
    return lambda nb: cell(nb, cid).update(source=text)


def _append_to(cid: str, text: str):
    return lambda nb: cell(nb, cid).update(source=source(cell(nb, cid)) + text)


def _add_output(cid: str, output: dict):
    return lambda nb: cell(nb, cid)["outputs"].append(output)


def _drop(cid: str):
    return lambda nb: nb["cells"].remove(cell(nb, cid))


def _swap(cid_a: str, cid_b: str):
    def mutate(nb):
        i = nb["cells"].index(cell(nb, cid_a))
        j = nb["cells"].index(cell(nb, cid_b))
        nb["cells"][i], nb["cells"][j] = nb["cells"][j], nb["cells"][i]

    return mutate


ERROR = {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": []}
STDERR = {"output_type": "stream", "name": "stderr", "text": "DeprecationWarning: old\n"}

BROKEN = [
    (check_executed_in_order, lambda nb: cell(nb, "numbers").update(execution_count=7)),
    (check_executed_in_order, lambda nb: cell(nb, "plot").update(execution_count=None)),
    (check_executed_in_order, _swap("numbers", "plot")),
    (check_no_errors, _add_output("numbers", ERROR)),
    (check_no_stderr, _add_output("numbers", STDERR)),
    (check_no_machine_paths, _add_output("numbers", _stdout("saved /home/ada/fig.png\n"))),
    (check_no_machine_paths, _add_output("numbers", _stdout("C:\\Users\\ada\\x\n"))),
    (check_no_machine_paths, lambda nb: nb["metadata"].update(path="/tmp/abc")),
    (check_kernelspec, lambda nb: nb["metadata"].update(kernelspec={"name": "venv"})),
    (check_cell_ids, lambda nb: cell(nb, "plot").update(id="numbers")),
    (check_cell_ids, lambda nb: cell(nb, "plot").pop("id")),
    (check_title_cell, _set_source("title", "# Matrix norms\n\n**Questions**")),
    (check_title_cell, lambda nb: cell(nb, "title").update(source="# 05 · Matrix norms")),
    (check_style_cell, _set_source("imports", "import numpy as np")),
    (check_key_takeaways, _set_source("takeaways", "## Summary")),
    (check_navigation, _set_source("nav", "---\n[← 04](04_p_norms_and_unit_balls.ipynb)")),
    (check_navigation, _drop("nav")),
    (check_exercise_count, _drop("ex3")),
    (check_exercises_have_solutions, _drop("solhead2")),
    (check_exercises_have_solutions, lambda nb: cell(nb, "sol1")["metadata"].pop("jupyter")),
    (check_exercises_have_solutions, _swap("solhead3", "sol3")),
    (check_solution_cells_follow_heading, _set_source("solhead1", "Here is one way:")),
    (check_figures_have_captions, _set_source("caption", "A rising line.")),
    (check_figures_have_captions, _drop("caption")),
    (check_known_tags, lambda nb: cell(nb, "plot")["metadata"].update(tags=["hide-input"])),
    (check_cell_size, _set_source("numbers", "x = 1\n" * 61)),
    (check_cell_size, _set_source("numbers", "x = 'long line'  # comment\n" * 99)),
    (check_cell_size, _set_source("prose", "word " * 1001)),
    (check_cell_size, _add_output("plot", {**FIGURE, "data": {"image/png": "A" * 600_000}})),
    (check_no_trailing_semicolon, _set_source("plot", "plt.plot([0, 1]);")),
    (check_no_trailing_semicolon, _set_source("plot", "plt.show();\n\n")),
    (check_quoted_numbers_are_printed, _append_to("prose", " The L2 norm is 45.04.")),
    (check_quoted_numbers_are_printed, _append_to("prose", " About 8.38 (rounded).")),
    (check_quoted_numbers_are_printed, _append_to("prose", " It is $\\approx 0.18$.")),
    (
        check_quoted_numbers_are_printed,
        lambda nb: (_append_to("prose", " 45.04")(nb), _append_to("plot", "  # 45.04")(nb)),
    ),
    (check_no_python2, _set_source("numbers", "%pylab inline")),
    (check_no_python2, _set_source("numbers", "print 'hello'")),
    (check_no_python2, _add_output("numbers", _stdout("<type 'int'>\n"))),
    (check_cos_45_has_degrees, _append_to("prose", " Since cos(45) is ...")),
    (check_cos_45_has_degrees, _append_to("prose", " and $\\cos 45 = 0.71$")),
    (check_cos_45_has_degrees, _set_source("numbers", "print(np.cos(45))")),
    (check_no_u_plus_b, _append_to("prose", " The sum u + b is drawn tip to tail.")),
    (check_no_u_plus_b, _append_to("prose", " $\\|u+b\\| \\le \\|u\\| + \\|v\\|$")),
    (check_homogeneity_uses_absolute_value, _append_to("prose", " $\\|k u\\| = \\|k\\| \\|u\\|$")),
    (check_homogeneity_uses_absolute_value, _append_to("prose", " ||c x|| = ||c|| ||x||")),
    (check_signed_sum_not_called_absolute, _append_to("prose", " The signed sum is the L1 norm.")),
    (
        check_signed_sum_not_called_absolute,
        _append_to("prose", " First the signed sum (the sum of absolute values)."),
    ),
    (
        check_signed_sum_not_called_absolute,
        _append_to("prose", " The sum of absolute values, or signed sum, is 89."),
    ),
    (check_no_image_links, _append_to("prose", " ![unit ball](images/Ball.png)")),
    (check_no_image_links, _append_to("prose", ' <img src="ball.png">')),
    (check_relative_links, _append_to("prose", " See [03](03_What_Makes_A_Norm.ipynb).")),
    (check_relative_links, _append_to("prose", " See [the guide](../docs/nowhere.md).")),
    (check_relative_links, _append_to("prose", " See [readme](../readme.md).")),
]


@pytest.mark.parametrize(
    ("rule", "mutate"),
    BROKEN,
    ids=[f"{rule.__name__.removeprefix('check_')}-{i}" for i, (rule, _) in enumerate(BROKEN)],
)
def test_rule_catches_a_broken_notebook(rule, mutate):
    assert rule(_break(mutate), NAME), f"{rule.__name__} missed the breakage"


def test_every_rule_has_a_negative_test():
    assert {rule for rule, _ in BROKEN} == set(RULES)


@pytest.mark.parametrize(
    "sentence",
    [
        "The signed sum is 9 and the absolute sum 89.",
        "The signed sum is not the sum of absolute values.",
        "Signed sum vs absolute sum: only one is a norm.",
        "L1 (sum of absolute values) counts every second alike.",
        "Unlike the signed sum, the sum of absolute values is a norm.",
    ],
)
def test_honest_sentences_about_signed_sums_pass(sentence):
    assert (
        check_signed_sum_not_called_absolute(_break(_append_to("prose", " " + sentence)), NAME)
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "cos 45° = x.y", "$\\cos 45^\\circ$", "$\\cos(45^{\\circ})$", "cos 45 degrees",
        "Wx + b", "u + v", "\\|x\\| \\|y\\|", "x = 45.044 and 0.1666",
        "Python 3.11.7 and numpy 2.4.6", "`45.04` in code", "learning rate 0.25",
    ],
)  # fmt: skip
def test_legitimate_prose_passes(text):
    nb = _break(_append_to("prose", " " + text))
    cell(nb, "numbers")["outputs"] = [_stdout("45.044422 0.16666666 8.367\n")]
    cell(nb, "numbers")["source"] += "\nlearning_rate = 0.25"
    for rule in RULES:
        assert rule(nb, NAME) == [], rule.__name__


def test_links_are_case_sensitive_and_planned_notebooks_are_tolerated(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "Setup.md").write_text("x")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    assert broken_links("[s](docs/Setup.md#top)", tmp_path, notebooks) == []
    assert broken_links("[s](docs/setup.md)", tmp_path, notebooks)
    assert broken_links("[s]: docs/SETUP.md", tmp_path, notebooks)
    assert broken_links('<a href="docs/x.md">x</a>', tmp_path, notebooks)
    assert broken_links("[n](notebooks/05_matrix_norms.ipynb)", tmp_path, notebooks) == []
    assert broken_links("[n](notebooks/05_Matrix_Norms.ipynb)", tmp_path, notebooks)
    assert broken_links("[w](https://example.org/x) `[c](nowhere.md)`", tmp_path, notebooks) == []


def test_user_name_is_found_in_paths_only():
    nb = _break(_add_output("numbers", _stdout("root-mean-square error\n")))
    assert check_no_machine_paths(nb, NAME, user="root") == []
    nb = _break(_add_output("numbers", _stdout("/srv/ada/cache\n")))
    assert check_no_machine_paths(nb, NAME, user="ada")
