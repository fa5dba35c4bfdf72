# Two commands do all the set-up on a fresh machine: `make lab` installs the learner set
# (requirements.txt) into .venv and opens the course; `make test` adds the developer tools
# (requirements-dev.txt) to the same .venv and runs the tests.

PYTHON     ?= python3
UV_VERSION := 0.13.9
VENV       := .venv
BIN        := $(VENV)/bin
STAMP      := $(VENV)/.installed
DEV_STAMP  := $(VENV)/.installed-dev
TOOLS      := .tools
# uv from PATH when there is one; otherwise a pinned copy, installed once into .tools.
UV         ?= $(or $(shell command -v uv 2>/dev/null),$(TOOLS)/bin/uv)
# Every notebook: the course (00-09) and the quiz.
NOTEBOOKS  := $(sort $(wildcard notebooks/*.ipynb))

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

.PHONY: help env dev lab test execute lock clean lint test-latest bench e2e \
        check-platforms offline-kit check-offline-kit hub-link check-hub

help:
	@echo "make lab          open the course in JupyterLab (builds .venv first if needed)"
	@echo "make test         run the unit tests and every notebook under nbval"
	@echo "make execute      re-execute every notebook in place and store its outputs"
	@echo "make editions     write the student and code-along editions (and zips) to build/editions/"
	@echo "make pacing       print modelled against stated minutes (WRITE=1: set them from the model)"
	@echo "make dry-run      type the live cells of the code-along edition in JupyterLab, timed"
	@echo "make site         build the course website in build/site (and build/site.zip)"
	@echo "make site-test    build the website and check every page in headless Chromium"
	@echo "make lock         re-resolve requirements.in and requirements-dev.in into the locks"
	@echo "make clean        remove .venv, .tools and build/"
	@echo "make lint         ruff check and format check of helpers, tests, scripts, notebooks"
	@echo "make test-latest  run the notebooks against the newest releases (needs the network)"
	@echo "make bench        time each notebook and its kernel memory against the goals"
	@echo "make e2e          run notebooks in JupyterLab in headless Chromium, as a learner"
	@echo "make check-platforms  prove the learner lock installs from wheels on every platform (network)"
	@echo "make offline-kit  write build/offline-kit/ for a room without Wi-Fi (network)"
	@echo "make hub-link HUB=https://hub.example.org  print the nbgitpuller link for a JupyterHub"

# Stop early, and say why, when $(PYTHON) is missing or too old.
CHECK_PYTHON = command -v $(PYTHON) >/dev/null || { echo "make: $(PYTHON) not found: install Python 3.11 to 3.14 (docs/setup.md) or run make ... PYTHON=/path/to/python3"; exit 1; }; \
  $(PYTHON) -c 'import sys; sys.exit(None if sys.version_info >= (3, 11) else "make: %s is Python %d.%d; the course needs 3.11 to 3.14: install one (docs/setup.md) and run make ... PYTHON=python3.13" % ((sys.executable,) + sys.version_info[:2]))'

# uv installs from a warm cache in seconds; if it cannot be had, plain pip does the same job.
ENSURE_UV = test -x $(UV) || { echo "make: installing uv $(UV_VERSION) into $(TOOLS)/ (once)"; \
  $(PYTHON) -m venv $(TOOLS) && $(TOOLS)/bin/python -m pip install --quiet "uv==$(UV_VERSION)"; } \
  || { rm -rf $(TOOLS); echo "make: no uv, pip will do (slower)"; }

env: $(STAMP)
dev: $(DEV_STAMP)

# The learner set. `--seed` puts pip into .venv (for `%pip` and the setup page's fixes).
# No bytecode is compiled here (20 s on 2 cores): Python writes it on first import.
$(STAMP): requirements.txt requirements.in pyproject.toml
	@$(CHECK_PYTHON)
	@$(ENSURE_UV)
	@if [ -x $(UV) ]; then \
	  test -x $(BIN)/python || { echo "make: creating $(VENV) with $$($(PYTHON) -V)"; $(UV) venv --quiet --seed --python $(PYTHON) $(VENV); } && \
	  echo "make: installing the learner set from requirements.txt (seconds from a warm cache, minutes from nothing)" && \
	  $(UV) pip sync --quiet --python $(BIN)/python requirements.txt && \
	  echo "make: installing the course helpers (editable)" && \
	  $(UV) pip install --quiet --python $(BIN)/python --no-deps -e . ; \
	else \
	  test -x $(BIN)/python || { echo "make: creating $(VENV) with $$($(PYTHON) -V)"; $(PYTHON) -m venv $(VENV); } && \
	  echo "make: installing the learner set from requirements.txt with pip (a few minutes)" && \
	  $(BIN)/python -m pip install --quiet -r requirements.txt && \
	  $(BIN)/python -m pip install --quiet --no-deps -e . ; \
	fi
	@rm -f $(DEV_STAMP)
	@touch $@
	@echo "make: learner environment ready in $(VENV)"

# The developer set, on top of the learner set in the same .venv (`make test` needs it).
$(DEV_STAMP): $(STAMP) requirements-dev.txt
	@echo "make: adding the developer tools from requirements-dev.txt"
	@if [ -x $(UV) ]; then \
	  $(UV) pip install --quiet --python $(BIN)/python -r requirements-dev.txt ; \
	else \
	  $(BIN)/python -m pip install --quiet -r requirements-dev.txt ; \
	fi
	@echo "make: compiling bytecode (CI sets PYTHONDONTWRITEBYTECODE: every kernel would recompile)"
	@$(BIN)/python -m compileall -q -j 0 $(VENV)/lib >/dev/null
	@touch $@

# The repository root is JupyterLab's root, so the notebooks' links to ../docs work.
lab: $(STAMP)
	$(BIN)/jupyter lab $(LAB_FLAGS) --ServerApp.root_dir=. \
	  --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

# Two workers take whole files, longest first (the order tests/conftest.py gives, kept by
# --no-loadscope-reorder). Bytecode is written even where PYTHONDONTWRITEBYTECODE is set (CI):
# pytest's rewritten test modules and helpers/ are then compiled once, not in every worker
# and kernel of every run (__pycache__/ is ignored by git).
test: $(DEV_STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder --doctest-modules helpers tests \
	  --nbval --nbval-sanitize-with tests/sanitize.cfg notebooks

execute: $(DEV_STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

LOCK_FLAGS := --quiet --universal --python-version 3.11 --no-header
lock:
	@$(ENSURE_UV)
	$(UV) pip compile $(LOCK_FLAGS) requirements.in -o requirements.txt
	$(UV) pip compile $(LOCK_FLAGS) requirements-dev.in -o requirements-dev.txt
	cp requirements.txt binder/requirements.txt
	@echo "make: now update environment.yml by hand and run make check-platforms"

clean:
	rm -rf $(VENV) $(TOOLS) build

# ---- Platforms, the offline kit and the JupyterHub route (docs/setup.md) --------------

# Dry-run resolution of the learner lock, wheels only, for every platform and Python.
check-platforms:
	@$(ENSURE_UV)
	$(PYTHON) scripts/platforms.py check --uv $(UV)

# The kit for a room without Wi-Fi; PYTHONS="3.12 3.13" for other Pythons, PLATFORMS=...
# for fewer platforms (names as `scripts/platforms.py list` prints them).
KIT          := build/offline-kit
KIT_PYTHON   := 3.13
PYTHONS      ?= $(KIT_PYTHON)
PLATFORMS    ?= all
offline-kit:
	@$(ENSURE_UV)
	$(PYTHON) scripts/offline_kit.py build --uv $(UV) --out $(KIT) \
	  --pythons "$(PYTHONS)" --platforms "$(PLATFORMS)"

# Install from the kit with the index unreachable, run notebook 00, and resolve the
# other platforms from the kit alone. CI: make check-offline-kit PYTHONS=3.11 PLATFORMS=here
check-offline-kit:
	@$(ENSURE_UV)
	$(PYTHON) scripts/offline_kit.py check --uv $(UV) --out $(KIT) --python $(PYTHON)

HUB ?=
hub-link:
	@$(PYTHON) scripts/hub.py link "$(HUB)"

# nbgitpuller in build/hub-venv, a local Jupyter server, a pull of a local clone.
check-hub:
	@$(ENSURE_UV)
	$(PYTHON) scripts/hub.py check --uv $(UV)

# ---- Quality gates (see "Contributing" in README.md) ---------------------------------

LINT_PATHS     := helpers tests scripts notebooks
LATEST         := build/latest-venv
E2E_VENV       := build/e2e-venv
E2E_STAMP      := $(E2E_VENV)/.installed
E2E_NOTEBOOKS  ?=
# The edition also run in the browser (its 00 and 01); none when E2E_NOTEBOOKS is given.
E2E_EDITION    ?= $(if $(E2E_NOTEBOOKS),,student)

lint: $(DEV_STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

# A throwaway environment with the newest release of every package in requirements.in.
test-latest: $(STAMP)
	rm -rf $(LATEST)
	$(UV) venv --quiet --python $(PYTHON) $(LATEST)
	$(UV) pip install --quiet --refresh --python $(LATEST)/bin/python \
	  $$(cat requirements.in requirements-dev.in | sed -e 's/#.*//' -e '/^-/d' -e 's/[=<>!~;[ ].*//' | grep .)
	$(UV) pip install --quiet --python $(LATEST)/bin/python --no-deps -e .
	$(LATEST)/bin/python scripts/test_latest.py $(NOTEBOOKS)
	$(LATEST)/bin/python -m pytest -q -p no:xdist tests --ignore tests/test_environment.py

bench: $(DEV_STAMP)
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

# A scripted dry run of the code-along edition: the live cells typed key by key in
# JupyterLab (scripts/dry_run.py); DRY_RUN_CPS sets the typing pace in characters a second.
DRY_RUN_NOTEBOOKS ?= 01_measuring_model_error 06_derivatives_of_norms
DRY_RUN_CPS       ?= 3
.PHONY: dry-run
dry-run: editions $(E2E_STAMP)
	@bash scripts/ensure_chromium.sh
	$(E2E_VENV)/bin/python scripts/dry_run.py --cps $(DRY_RUN_CPS) $(DRY_RUN_NOTEBOOKS)
