"""What the course website adds to Sphinx, myst-nb and sphinx-book-theme.

- The table of contents: README is the landing page; the notebooks follow in order (the quiz
  after them), then the pages of docs/ (the summary sheet only if it exists), so
  previous/next walk the course.
- Notebook conventions (see COURSE.md section 6), all read from the stored notebooks:
  solution cells (tag ``solution``) folded behind "Show the solution"; cells tagged ``live``
  and headings tagged ``optional`` marked with a badge; ``### Exercise``, ``### Checkpoint``
  and ``### Solution`` sections styled.
- Figures: each output image gets the ``*Figure: ...*`` caption that follows its cell as
  alt text (a neutral phrase where a figure has no caption, as a solution's may not). Explorers (ipywidgets ``interact``) keep their stored drawing; the widget's text
  stand-in (``interactive(children=...``) is replaced by a short note.
- Nothing is fetched from outside: an image with an http(s) address (the Binder badge in
  README) becomes a text badge, and MathJax is copied from the django-static-mathjax
  package into ``_static/mathjax``.
- ``index.html`` is a copy of the landing page, for web servers and for the zip.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

GUIDES = ["docs/setup", "docs/summary_sheet", "docs/glossary", "docs/instructor_guide"]
ABOUT = ["CONTRIBUTING", "CHANGELOG"]  # pages at the top of the repository, after the guides
OPTIONAL_PREFIX = "optional-"
WIDGET_TEXT = "interactive(children="
EXPLORER_NOTE = (
    "Explorer: above is its stored first drawing. To move the sliders, launch this "
    "notebook (the rocket button at the top of the page) or open it in JupyterLab."
)
SECTION_KINDS = {
    "Exercise": "nb-exercise",
    "Checkpoint": "nb-checkpoint",
    "Solution": "nb-solution",
}
# What MathJax 3 needs to typeset TeX as CommonHTML offline, including what its menu loads.
MATHJAX_PARTS = ["tex-chtml.js", "input/tex/extensions", "output/chtml", "a11y", "ui", "sre"]


def toc_entries(srcdir: Path) -> tuple[list[str], list[str]]:
    """The notebooks (NN_* in order, then others such as the quiz), then the docs pages
    (GUIDES in that order first, any others after)."""
    notebooks = sorted(
        (p.stem for p in (srcdir / "notebooks").glob("*.ipynb")),
        key=lambda stem: (not re.match(r"\d\d_", stem), stem),
    )
    docs = {f"docs/{p.stem}" for p in (srcdir / "docs").glob("*.md")}
    guides = [d for d in GUIDES if d in docs] + sorted(docs - set(GUIDES))
    guides += [page for page in ABOUT if (srcdir / f"{page}.md").is_file()]
    return [f"notebooks/{n}" for n in notebooks], guides


def toctree_markdown(srcdir: Path) -> str:
    notebooks, guides = toc_entries(srcdir)
    blocks = []
    for caption, entries in (("Notebooks", notebooks), ("Guides", guides)):
        if entries:
            lines = "\n".join(entries)
            blocks.append(f"\n\n```{{toctree}}\n:hidden:\n:caption: {caption}\n\n{lines}\n```\n")
    return "".join(blocks)


def mark_optional(notebook_json: str, docname: str) -> str:
    """Put a target before each markdown cell tagged ``optional`` (found again in the doctree)."""
    nb = json.loads(notebook_json)
    slug = re.sub(r"[^a-z0-9]+", "-", docname.lower())
    changed = False
    for index, cell in enumerate(nb.get("cells", [])):
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") == "markdown" and "optional" in tags:
            source = cell["source"]
            text = "".join(source) if isinstance(source, list) else source
            cell["source"] = f"({OPTIONAL_PREFIX}{slug}-{index})=\n{text}"
            changed = True
    return json.dumps(nb) if changed else notebook_json


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    srcdir = Path(app.srcdir)
    if docname == app.config.root_doc:
        source[0] += toctree_markdown(srcdir)
    elif docname.startswith("notebooks/"):
        source[0] = mark_optional(source[0], docname)


def caption_after(node: nodes.Element) -> str | None:
    """The text of a ``Figure: ...`` paragraph right after ``node``, if there is one."""
    parent = node.parent
    if parent is None:
        return None
    index = parent.index(node)
    if index + 1 < len(parent) and isinstance(parent[index + 1], nodes.paragraph):
        text = " ".join(parent[index + 1].astext().split())
        if text.startswith("Figure:"):
            return text
    return None


class CourseTransform(SphinxPostTransform):
    """Apply the course's notebook conventions to the HTML doctree (before myst-nb folds)."""

    default_priority = 150  # myst-nb's HideInputCells runs at 199 and reads hide_mode
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for cell in list(self.document.findall(nodes.container)):
            if cell.get("nb_element") == "cell_code":
                self.cell(cell)
        for section in self.document.findall(nodes.section):
            title = section.next_node(nodes.title)
            if title is not None:
                first = title.astext().split(":")[0].split()[:1]
                if first and first[0] in SECTION_KINDS:
                    section["classes"].append(SECTION_KINDS[first[0]])
        for node in list(self.document.findall(nodes.Element)):
            if any(i.startswith(OPTIONAL_PREFIX) for i in node.get("ids", [])):
                node["classes"].append("nb-optional")
        for image in list(self.document.findall(nodes.image)):
            if re.match(r"https?://", image["uri"]):
                badge = nodes.inline(text=image.get("alt") or "link", classes=["nb-text-badge"])
                image.replace_self(badge)

    def cell(self, cell: nodes.container) -> None:
        tags = cell.get("cell_metadata", {}).get("tags", [])
        if "solution" in tags:
            cell["hide_mode"] = "all"
            cell["prompt_show"] = "Show the solution"
            cell["prompt_hide"] = "Hide the solution"
        images = list(cell.findall(nodes.image))
        caption = caption_after(cell) or ("Figure drawn by the code above" if images else None)
        for image in images:
            image["alt"] = image.get("alt") or caption
        for block in list(cell.findall(nodes.literal_block)):
            if block.astext().startswith(WIDGET_TEXT):
                if images:
                    note = nodes.paragraph(text=EXPLORER_NOTE, classes=["nb-explorer-note"])
                    block.parent.replace(block, note)
                else:
                    block.parent.remove(block)


def copy_mathjax(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    import mathjax  # the django-static-mathjax package: MathJax's files, no Python code

    source = Path(mathjax.__file__).parent / "static" / "mathjax"
    target = Path(app.outdir) / "_static" / "mathjax"
    for part in MATHJAX_PARTS:
        src = source / "es5" / part
        if src.is_dir():
            shutil.copytree(src, target / part, dirs_exist_ok=True)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target / part)
    shutil.copy2(source / "LICENSE", target / "LICENSE")
    landing = Path(app.outdir) / f"{app.config.root_doc}.html"
    if landing.exists():
        shutil.copy2(landing, Path(app.outdir) / "index.html")


def setup(app: Sphinx) -> dict:
    app.connect("source-read", on_source_read)
    app.add_post_transform(CourseTransform)
    app.connect("build-finished", copy_mathjax)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
