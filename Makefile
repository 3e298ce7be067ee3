# Two commands for a fresh machine: `make serve` and `make test` (see README.md).
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test test-fast lint bench golden system-deps upgrade clean

# Every Python dependency, runtime and dev, comes from requirements.lock (exact versions and
# hashes); the project itself is installed on top without resolving anything.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Re-resolve requirements.lock to the newest releases the ranges in pyproject.toml allow, then
# reinstall. If Material changed, tests/browser/test_browser_theme.py fails until overrides/ are
# re-derived from its new templates; review the lock's diff before committing it.
upgrade: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml requirements.in --all-extras --generate-hashes \
		--universal --python-version 3.11 --upgrade -o requirements.lock
	rm -f $(STAMP)
	$(MAKE) $(STAMP)

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
	$(BIN)/lint-imports --no-cache

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
