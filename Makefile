# Two commands do all the set-up on a fresh machine: `make lab` and `make test`.
# Everything is installed into .venv from the pins in requirements.txt.

PYTHON     ?= python3
UV_VERSION := 0.13.9
VENV       := .venv
BIN        := $(VENV)/bin
STAMP      := $(VENV)/.installed
TOOLS      := .tools
UV         := $(TOOLS)/bin/uv
NOTEBOOKS  := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))

# Every output the course stores is made under the same, headless, settings.
export MPLBACKEND := module://matplotlib_inline.backend_inline
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help env lab test execute lock clean

help:
	@echo "make lab      open the course in JupyterLab (builds .venv first if needed)"
	@echo "make test     run the unit tests and every notebook under nbval"
	@echo "make execute  re-execute every notebook in place and store its outputs"
	@echo "make student  write the student edition (solutions emptied) to build/student/notebooks"
	@echo "make lock     re-resolve requirements.in into requirements.txt"
	@echo "make clean    remove .venv, .tools and build/"

env: $(STAMP)

# uv installs from a warm cache in seconds; if it cannot be had, plain pip does the same job.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(UV) || { $(PYTHON) -m venv $(TOOLS) && $(TOOLS)/bin/python -m pip install --quiet "uv==$(UV_VERSION)"; } || rm -rf $(TOOLS)
	@if [ -x $(UV) ]; then \
	  { test -x $(BIN)/python || $(UV) venv --quiet --python $(PYTHON) $(VENV); } && \
	  $(UV) pip sync --quiet --python $(BIN)/python requirements.txt && \
	  $(UV) pip install --quiet --python $(BIN)/python --no-deps -e . ; \
	else \
	  echo "uv unavailable: installing with pip (slower)"; \
	  { test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); } && \
	  $(BIN)/python -m pip install --quiet -r requirements.txt && \
	  $(BIN)/python -m pip install --quiet --no-deps -e . ; \
	fi
	@touch $@
	@echo "environment ready in $(VENV)"

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile --nbval --sanitize-with tests/sanitize.cfg tests notebooks

execute: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

lock: $(STAMP)
	$(UV) pip compile --quiet --universal --python-version 3.11 --no-header requirements.in -o requirements.txt

clean:
	rm -rf $(VENV) $(TOOLS) build

# The student edition for workshops: every notebook with its solution cells emptied and all
# outputs cleared, written to build/student/notebooks (scripts/make_student_edition.py).
.PHONY: student
student: $(STAMP)
	$(BIN)/python scripts/make_student_edition.py
