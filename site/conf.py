"""Sphinx configuration of the course website (``make site``; see site/README.md).

The source directory is the repository root (``sphinx-build -c site . build/site``), so the
pages are the files themselves: README.md (the landing page, with the syllabus),
notebooks/*.ipynb as stored (never executed here), and docs/*.md.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "Norms and their derivatives"
author = "the course authors"
copyright = "the course authors; text and figures CC BY 4.0, code MIT"
html_title = "Norms and their derivatives"

extensions = ["myst_nb", "sphinx_book_theme", "course_site"]

root_doc = "README"
include_patterns = [
    "README.md",
    "CONTRIBUTING.md",
    "CHANGELOG.md",
    "docs/*.md",
    "notebooks/*.ipynb",
]
exclude_patterns = [".*", "build", "site", "helpers", "tests", "scripts", "binder"]

# Heading levels that skip (## then ####) are the pages' style, not a defect: every other
# warning fails the build (scripts/build_site.py).
suppress_warnings = ["myst.header"]

# MyST: $...$ and $$...$$ maths, GitHub-style heading anchors (docs link to #sections).
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 4

# The notebooks are stored executed: show what is stored, run nothing.
nb_execution_mode = "off"
# No widget JavaScript from a CDN: explorers show their stored drawing (see course_site),
# also if a notebook is ever saved with its widget state.
nb_ipywidgets_js = {}
nb_mime_priority_overrides = [("html", "application/vnd.jupyter.widget-view+json", None)]

# MathJax 3 served by the site itself (course_site copies it from django-static-mathjax).
mathjax_path = "mathjax/tex-chtml.js"

html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_js_files = ["course.js"]
html_last_updated_fmt = None
html_show_sourcelink = False
# Light by default (the figures are drawn on white); the theme's switch offers dark.
html_context = {"default_mode": "light"}
html_theme_options = {
    "repository_url": "https://github.com/norms-course/norms-course",
    "repository_branch": "HEAD",
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "navbar_persistent": [],  # one search field, in the sidebar (not also in a top bar)
    "launch_buttons": {"binderhub_url": "https://mybinder.org", "notebook_interface": "jupyterlab"},
}
html_use_index = False  # no index entries: no empty "Index" page
