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

# JupyterLab refuses to run as root unless told; containers and CI machines often are root.
LAB_FLAGS  ?= $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

# Every output the course stores is made under the same, headless, settings.
export MPLBACKEND := module://matplotlib_inline.backend_inline
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export UV_PYTHON_DOWNLOADS := never
# One BLAS thread: the course's matrices are small, and on a shared 2-core machine
# threaded BLAS makes them slower and their last digits less repeatable.
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1
# Installs ship compiled bytecode: with PYTHONDONTWRITEBYTECODE set (as on CI), every
# kernel would otherwise recompile numpy/pandas/matplotlib on import (about 1.5 s each).
export UV_COMPILE_BYTECODE := 1

.PHONY: help env lab test execute lock clean lint test-latest bench e2e

help:
	@echo "make lab          open the course in JupyterLab (builds .venv first if needed)"
	@echo "make test         run the unit tests and every notebook under nbval"
	@echo "make execute      re-execute every notebook in place and store its outputs"
	@echo "make editions     write the student and code-along editions (and zips) to build/editions/"
	@echo "make pacing       print modelled against stated minutes (WRITE=1: set them from the model)"
	@echo "make lock         re-resolve requirements.in into requirements.txt"
	@echo "make clean        remove .venv, .tools and build/"
	@echo "make lint         ruff check and format check of helpers, tests, scripts, notebooks"
	@echo "make test-latest  run the notebooks against the newest releases (needs the network)"
	@echo "make bench        time each notebook and its kernel memory against the goals"
	@echo "make e2e          run notebooks in JupyterLab in headless Chromium, as a learner"

env: $(STAMP)

# uv installs from a warm cache in seconds; if it cannot be had, plain pip does the same job.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(UV) || { $(PYTHON) -m venv $(TOOLS) && $(TOOLS)/bin/python -m pip install --quiet "uv==$(UV_VERSION)" 2>/dev/null; } || rm -rf $(TOOLS)
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
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/00_start_here.ipynb

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder --doctest-modules helpers tests \
	  --nbval --nbval-sanitize-with tests/sanitize.cfg notebooks

execute: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

lock: $(STAMP)
	$(UV) pip compile --quiet --universal --python-version 3.11 --no-header requirements.in -o requirements.txt

clean:
	rm -rf $(VENV) $(TOOLS) build

# ---- Quality gates (see "Contributing" in README.md) ---------------------------------

LINT_PATHS     := helpers tests scripts notebooks
LATEST         := build/latest-venv
E2E_VENV       := build/e2e-venv
E2E_STAMP      := $(E2E_VENV)/.installed
E2E_NOTEBOOKS  ?=
# The edition also run in the browser (its 00 and 01); none when E2E_NOTEBOOKS is given.
E2E_EDITION    ?= $(if $(E2E_NOTEBOOKS),,student)

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

# A throwaway environment with the newest release of every package in requirements.in.
test-latest: $(STAMP)
	rm -rf $(LATEST)
	$(UV) venv --quiet --python $(PYTHON) $(LATEST)
	$(UV) pip install --quiet --refresh --python $(LATEST)/bin/python \
	  $$(sed -e 's/#.*//' -e 's/[=<>!~;[ ].*//' requirements.in | grep .)
	$(UV) pip install --quiet --python $(LATEST)/bin/python --no-deps -e .
	$(LATEST)/bin/python scripts/test_latest.py $(NOTEBOOKS)
	$(LATEST)/bin/python -m pytest -q -p no:xdist tests --ignore tests/test_environment.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(NOTEBOOKS)

# Playwright lives in its own environment, pinned in requirements-e2e.txt.
$(E2E_STAMP): requirements-e2e.txt
	@if [ -x $(UV) ]; then \
	  { test -x $(E2E_VENV)/bin/python || $(UV) venv --quiet --python $(PYTHON) $(E2E_VENV); } && \
	  $(UV) pip sync --quiet --python $(E2E_VENV)/bin/python requirements-e2e.txt ; \
	else \
	  { test -x $(E2E_VENV)/bin/python || $(PYTHON) -m venv $(E2E_VENV); } && \
	  $(E2E_VENV)/bin/python -m pip install --quiet -r requirements-e2e.txt ; \
	fi
	@touch $@

e2e: $(STAMP) $(E2E_STAMP) $(if $(E2E_EDITION),editions)
	@bash scripts/ensure_chromium.sh
	E2E_EDITION="$(E2E_EDITION)" $(E2E_VENV)/bin/python scripts/e2e.py $(E2E_NOTEBOOKS)

# ---- Workshops (docs/instructor_guide.md) -------------------------------------------------

# The student and code-along editions, each a folder a learner can use alone, and a .zip
# beside it, in build/editions/ (scripts/editions.py). `make student` is the old name.
.PHONY: editions student pacing
editions: $(STAMP)
	$(BIN)/python scripts/editions.py

student: editions

# The pacing table, modelled minutes against stated ones (scripts/pacing.py); WRITE=1 first
# sets the stated minutes in the title cells, the README and the guide from the model.
pacing: $(STAMP)
	$(BIN)/python scripts/pacing.py $(if $(WRITE),--write,)

# ---- The course website ---------------------------------------------------------------
# `make site` builds build/site/ and build/site.zip from the stored notebooks, README and
# docs/ (site/conf.py; nothing is executed), with Sphinx, sphinx-book-theme and myst-nb
# pinned in requirements-site.txt and installed in build/site-venv. `make site-test` builds
# it, then checks its links and every page in headless Chromium (scripts/site_test.py).
SITE_VENV  := build/site-venv
SITE_STAMP := $(SITE_VENV)/.installed

.PHONY: site site-test

$(SITE_STAMP): requirements-site.txt
	@if [ -x $(UV) ]; then \
	  { test -x $(SITE_VENV)/bin/python || $(UV) venv --quiet --python $(PYTHON) $(SITE_VENV); } && \
	  $(UV) pip sync --quiet --python $(SITE_VENV)/bin/python requirements-site.txt ; \
	else \
	  { test -x $(SITE_VENV)/bin/python || $(PYTHON) -m venv $(SITE_VENV); } && \
	  $(SITE_VENV)/bin/python -m pip install --quiet -r requirements-site.txt ; \
	fi
	@touch $@

site: $(SITE_STAMP)
	$(SITE_VENV)/bin/python scripts/build_site.py

site-test: site $(E2E_STAMP)
	@bash scripts/ensure_chromium.sh
	$(E2E_VENV)/bin/python scripts/site_test.py
