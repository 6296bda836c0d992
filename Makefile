# polgraph: `make run` sets everything up and loads the sample reports; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= var/store
STAMP  := $(VENV)/.installed

.PHONY: run install ingest test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

ingest: install
	$(BIN)/polgraph ingest data/reports --store $(STORE) --quiet

# Until the server exists, `run` reads the text reports in data/reports and answers "who held
# which role" for the seed.
run: ingest
	$(BIN)/polgraph query who-held-role-at-event --param report=seed --store $(STORE)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/places.py

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis
