# Two commands matter: `make serve` and `make test`. Every target creates .venv/ if it is
# missing and installs requirements.lock into it (again only when the lock changes).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
STAMP  := $(VENV)/.installed

.PHONY: serve build test bench audit lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

serve: $(STAMP) ## live preview at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) ## static site in site/
	$(BIN)/mkdocs build --strict

test: $(STAMP) ## the whole test suite
	$(BIN)/python -m pytest

bench: $(STAMP) ## speed and size figures (printed, never asserted)
	$(BIN)/python -m scripts.tools.bench

audit: $(STAMP) ## Lighthouse scores for the served site
	$(BIN)/python -m scripts.tools.audit

lock: ## re-resolve requirements.in into requirements.lock
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.in
	.venv-lock/bin/pip freeze --exclude-editable > requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf site .cache .pytest_cache .hypothesis
