# polgraph: `make run` sets everything up and loads the sample reports; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= var/store
STAMP  := $(VENV)/.installed

.PHONY: run install ingest lint typecheck format test test-fast bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

# The pages' third-party browser libraries (the SPARQL editor, the network drawings) come from the
# npm registry, pinned by web-assets/package-lock.json; without npm the pages fall back to a plain
# query box and pictures, and says so here.
ASSETS := web-assets/node_modules/.installed
$(ASSETS): web-assets/package.json web-assets/package-lock.json
	@if command -v npm >/dev/null; then \
	  cd web-assets && npm ci --omit=dev --no-audit --no-fund --ignore-scripts --loglevel=error && touch node_modules/.installed; \
	else echo "npm is not installed: the query editor and live networks are left out (apt-get install npm)"; fi

install: $(STAMP) $(ASSETS)

ingest: install
	$(BIN)/polgraph ingest data/reports --store $(STORE) --quiet

# `run` loads the text reports in data/reports, then serves them on 127.0.0.1:8000
# (SPARQL at /sparql, the API at /api, its documentation at /docs).
run: ingest
	$(BIN)/polgraph serve --host 127.0.0.1 --port 8000 --store $(STORE)

# The linter's rules are in pyproject.toml ([tool.ruff]); `make test`, and so CI, fails on a finding
# or on a file the formatter would change (`make format` changes them).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The type checker's settings are in pyproject.toml ([tool.mypy]); `make test`, and so CI, fails on
# an error in src/polgraph, and tests/test_typed.py on a public function without annotations.
typecheck: install
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .

# The whole suite, on every core up to four (pytest-xdist: a test file to a worker, each worker
# with its own Virtuoso and Chromium when its tests need them); it lists its 25 slowest steps.
test: install lint typecheck
	$(BIN)/python -m pytest -q --durations=25 -n auto --maxprocesses=4 --dist loadfile

# The fast part of the tests (about a minute, of four for all): no shared corpora, browser or
# slow tests. Markers: tests/conftest.py gives "shared" and "browser", in every folder under
# tests/, by the fixtures a test uses; "slow" is set in the test modules (pytestmark) or on a test.
test-fast: install
	$(BIN)/python -m pytest -q -m "not shared and not browser and not slow"

bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/places.py
	$(BIN)/python bench/endpoint.py
	$(BIN)/python bench/api.py
	$(BIN)/python bench/analytics.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/bulk.py
	$(BIN)/python bench/harvest.py
	$(BIN)/python bench/scale.py --sizes 1000 --budget 1800

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis
