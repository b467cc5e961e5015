# Two commands matter: `make serve` and `make test`; `make check` is the quick loop while editing.
# Every target creates .venv/ if it is missing and installs requirements.lock into it (again only
# when the lock changes), checking every file against the lock's hashes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
STAMP  := $(VENV)/.installed

.PHONY: serve build pdf check test lint bench audit lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# --require-hashes: every file must match a hash in the lock. --only-binary: wheels only, so no
# package's setup code runs and no unhashed build dependency is fetched.
$(STAMP): requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --only-binary :all: -r requirements.lock
	touch $@

serve: $(STAMP) ## live preview at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) ## static site in site/
	$(BIN)/mkdocs build --strict

# Chromium prints the built pages into site/sigmoid-neurons.pdf and links it from the home page and
# the chapter, with its size; dated by SOURCE_DATE_EPOCH or the last commit, so the same sources
# give the same bytes. Only this target needs Chromium (CHROMIUM names another build).
pdf: build ## the PDF edition, site/sigmoid-neurons.pdf (needs Chromium)
	$(BIN)/python -m scripts.tools.pdf site

check: lint ## while editing: lint, then the tests that need no build or browser (tests/unit/)
	$(BIN)/python -m pytest tests/unit -q

# -n auto: one pytest-xdist worker per core, each with its own build and server; worksteal moves
# queued tests to an idle worker, so one slow module does not hold up the end.
test: lint ## lint, then the whole test suite, on every core
	$(BIN)/python -m pytest -n auto --dist worksteal

lint: $(STAMP) ## ruff: lint rules and formatting (configured in pyproject.toml); reports both, then fails
	$(BIN)/ruff check .; status=$$?; $(BIN)/ruff format --check . && exit $$status

bench: $(STAMP) ## speed and size figures (printed, never asserted)
	$(BIN)/python -m scripts.tools.bench

audit: $(STAMP) ## Lighthouse scores for the served site
	$(BIN)/python -m scripts.tools.audit

# uv comes from the lock itself; versions already in requirements.lock are kept unless
# requirements.in rules them out (`make lock UPGRADE=--upgrade` moves everything to the newest).
lock: $(STAMP) ## re-resolve requirements.in into requirements.lock, with hashes
	$(BIN)/uv pip compile requirements.in --output-file requirements.lock --quiet \
	  --generate-hashes --universal --python-version 3.11 --custom-compile-command "make lock" $(UPGRADE)

clean:
	rm -rf site .cache .pytest_cache .hypothesis
