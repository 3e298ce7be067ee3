# Two commands for a fresh machine: `make serve` and `make test` (see README.md).
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test test-fast lint bench golden system-deps clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/brobygger serve

build: $(STAMP)
	$(BIN)/brobygger build

check: $(STAMP)
	$(BIN)/brobygger check

# Debian packages and npm modules the browser tests need (Chromium, a Java runtime for vnu).
system-deps:
	bash scripts/install-system-deps

tests/browser/node_modules/.installed: tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --silent
	touch $@

lint: $(STAMP)
	$(BIN)/ruff check site_build search plugins tests bench
	$(BIN)/mypy site_build search

test: $(STAMP) system-deps tests/browser/node_modules/.installed lint
	$(BIN)/pytest -n 2 -p no:cacheprovider

# Unit and fixture tests only, no browser.
test-fast: $(STAMP)
	$(BIN)/pytest -n 2 -m "not browser"

# Rewrite the golden HTML of the fixture sites after an intended change; review the diff.
golden: $(STAMP)
	BROBYGGER_UPDATE_GOLDEN=1 $(BIN)/pytest tests/test_golden.py

bench: $(STAMP)
	$(PY) -m bench.run

clean:
	rm -rf site .site-staging-* .brobygger
