"""Write the student and code-along editions of the course (``make editions``).

``notebooks/`` is the one source and the *complete* edition (solutions folded). This
script writes, under ``build/editions/``, two folders a learner can use on their own
(``make lab``, ``make test``), each with a ``.zip`` beside it:

- ``student``: every cell tagged ``solution`` becomes a one-line comment saying that the
  solution is released after the session; Markdown cells that directly follow a solution
  cell (a caption of its figure, a comment on its output) are dropped, up to the next
  heading or code cell; all outputs are cleared.
- ``codealong``: the student edition, with every cell tagged ``live`` reduced to one
  comment saying what to type: the cell's first comment line if it has one, else a
  summary of the names it defines and calls.

Markdown that only one edition should read is marked in the source with HTML comments,
which the complete edition shows as nothing: ``<!-- complete -->...<!-- end -->`` is kept
only in the complete edition, ``<!-- student: TEXT -->`` becomes TEXT in the other two.
Every relative link inside an edition must resolve inside it, or the build fails.
"""

from __future__ import annotations

import ast
import copy
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
import linkcheck  # noqa: E402  (the project's one link checker)

EDITIONS = ("student", "codealong")
RELEASED = "# The solution is released after the session."
# Course-development files a learner does not need; tests that read the notebooks or the
# scripts test the complete edition, so they stay out too (see learner_files).
LEFT_OUT = (".ci/", ".github/", "scripts/", "notebooks/", "tests/data/", ".gitignore")
INSTRUCTOR_ONLY = ("docs/instructor_guide.md",)  # it discusses every exercise's answer
COMPLETE_ONLY = re.compile(r"<!-- complete -->.*?<!-- end -->\n?", re.S)
STUDENT_TEXT = re.compile(r"<!-- student: (.*?)\s*-->", re.S)
BANNER = {
    "student": "This is the **student edition** of the course: the solutions are released "
    "after the session, and the notebooks are stored without outputs.",
    "codealong": "This is the **code-along edition** of the course: the cells your instructor "
    "types live are left for you to type along (each says what to type), and the solutions "
    "are released after the session.",
}


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def student_markdown(text: str) -> str:
    return STUDENT_TEXT.sub(lambda m: m.group(1), COMPLETE_ONLY.sub("", text))


def student_notebook(nb):
    """The student edition of one notebook; ``nb`` is not changed."""
    out = copy.deepcopy(nb)
    out.metadata.pop("widgets", None)
    cells, dropping = [], False  # dropping: Markdown that follows a solution cell
    for cell in out.cells:
        if cell.cell_type == "markdown":
            if dropping and not cell.source.startswith("#"):
                continue
            cell.source = student_markdown(cell.source)
        else:
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
            if "solution" in tags(cell):
                cell.source = RELEASED
                cell.metadata.pop("jupyter", None)
        dropping = "solution" in tags(cell)
        cells.append(cell)
    out.cells = cells
    return out


def what_to_type(source: str) -> str:
    """One comment line telling a learner what a live cell holds."""
    lines = [line for line in source.splitlines() if line.strip()]
    count = f"({len(lines)} line{'s' * (len(lines) != 1)})"
    if lines and lines[0].lstrip().startswith("#"):
        return f"# Type along: {lines[0].lstrip('# ').rstrip()} {count}"
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return f"# Type along with the instructor {count}"
    said, seen = [], set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            phrase = f"define {node.name}({', '.join(a.arg for a in node.args.args)})"
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            phrase = "compute " + ", ".join(ast.unparse(t) for t in targets)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = ast.unparse(node.value.func)
            args = node.value.args
            phrase = f"print {ast.unparse(args[0])}" if func == "print" and args else f"call {func}"
        else:
            phrase = f"a {type(node).__name__.lower()} statement"
        if phrase not in seen:
            seen.add(phrase)
            said.append(phrase)
    summary = "; ".join(said[:3]) + ("; ..." if len(said) > 3 else "")
    return f"# Type along: {summary} {count}"


def codealong_notebook(nb):
    """The code-along edition of one notebook: the student edition, live cells emptied."""
    out = student_notebook(nb)
    for cell in out.cells:
        if cell.cell_type == "code" and "live" in tags(cell):
            cell.source = what_to_type(cell.source)
    return out


def learner_files(root: Path) -> list[Path]:
    """The repository's files a learner's folder carries (notebooks are written apart)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    files = []
    for name in sorted(set(listed)):
        path = root / name
        if name.startswith(LEFT_OUT) or name in INSTRUCTOR_ONLY or not path.is_file():
            continue
        if name.startswith("tests/test_") and re.search(r"notebooks|scripts", path.read_text()):
            continue
        files.append(path)
    return files


def broken_links(folder: Path) -> list[str]:
    """Every relative link in ``folder``'s pages and notebooks that fails the project's link
    checker (tests/linkcheck.py) or leads out of ``folder``."""
    broken = []
    for path in sorted([*folder.rglob("*.md"), *folder.rglob("*.ipynb")]):
        if path.suffix == ".ipynb":
            nb = nbformat.read(path, as_version=4)
            text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        else:
            text = path.read_text(encoding="utf-8")
        problems = linkcheck.broken_links(text, path.parent)
        for link in linkcheck.link_targets(text):
            target = (path.parent / link.split("#")[0]).resolve()
            if not target.is_relative_to(folder.resolve()):
                problems.append(f"relative link {link!r} leads out of the edition")
        broken += [f"{path.relative_to(folder)}: {problem}" for problem in problems]
    return broken


def unlink_left_out(page: Path, root: Path, folder: Path) -> str:
    """The page's text with links to instructor-only pages turned into plain text."""
    left_out = {(root / name).resolve() for name in INSTRUCTOR_ONLY}

    def plain(match: re.Match) -> str:
        source_dir = root / page.parent.relative_to(folder)
        target = (source_dir / match.group(2).split("#")[0]).resolve()
        return match.group(1) if target in left_out else match.group(0)

    return re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", plain, page.read_text(encoding="utf-8"))


def write_zip(folder: Path) -> Path:
    """Zip ``folder`` beside itself, with fixed timestamps so that rebuilds are identical."""
    archive = folder.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(
                    str(folder.name / path.relative_to(folder)), (2024, 1, 1, 0, 0, 0)
                )
                info.external_attr = (path.stat().st_mode & 0o777 | 0o100000) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
    return archive


def build(root: Path = ROOT, out: Path | None = None) -> dict[str, Path]:
    """Write both editions of the course in ``root`` under ``out``; return their folders."""
    root = Path(root)
    out = Path(out) if out is not None else root / "build" / "editions"
    sources = sorted((root / "notebooks").glob("*.ipynb"))
    if not sources:
        raise ValueError(f"root must hold notebooks/*.ipynb, found none in {root}")
    if out.resolve().is_relative_to((root / "notebooks").resolve()):
        raise ValueError(f"out must lie outside the notebooks folder, got {out}")
    folders = {}
    for edition in EDITIONS:
        folder = out / edition
        shutil.rmtree(folder, ignore_errors=True)
        for path in learner_files(root):
            dest = folder / path.relative_to(root)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
        for path in (root / "notebooks").iterdir():  # images and data beside the notebooks
            if path.is_file() and path.suffix != ".ipynb":
                (folder / "notebooks").mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, folder / "notebooks" / path.name)
        transform = student_notebook if edition == "student" else codealong_notebook
        (folder / "notebooks").mkdir(parents=True, exist_ok=True)
        for path in sources:
            nb = transform(nbformat.read(path, as_version=4))
            nbformat.validate(nb)
            nbformat.write(nb, folder / "notebooks" / path.name)
        for page in folder.rglob("*.md"):
            page.write_text(unlink_left_out(page, root, folder), encoding="utf-8")
        readme = folder / "README.md"
        if readme.exists():
            title, _, rest = readme.read_text(encoding="utf-8").partition("\n")
            readme.write_text(f"{title}\n\n{BANNER[edition]}\n{rest}", encoding="utf-8")
        broken = broken_links(folder)
        if broken:
            raise ValueError("broken links in the " + edition + " edition: " + ", ".join(broken))
        write_zip(folder)
        folders[edition] = folder
    return folders


def main() -> int:
    try:
        folders = build()
    except ValueError as error:
        print(f"editions: {error}", file=sys.stderr)
        return 1
    for edition, folder in folders.items():
        print(f"wrote {folder.relative_to(ROOT)}/ and {folder.name}.zip ({edition} edition)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
