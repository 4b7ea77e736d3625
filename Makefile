# warclaims: the two commands a newcomer runs are `make demo` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB ?= out/demo.db

.PHONY: setup demo test lint unit gate bench clean

$(BIN)/warclaims: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,postgres,parquet]'
	touch $(BIN)/warclaims

setup: $(BIN)/warclaims  ## create .venv and install warclaims with its pinned dependencies

demo: setup  ## ingest the bundled example pages into SQLite and show the claims table
	mkdir -p $(dir $(DEMO_DB))
	$(BIN)/warclaims ingest examples/ --db $(DEMO_DB)
	$(BIN)/warclaims claims --db $(DEMO_DB) --format table

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts

unit: setup  ## the pytest suite; PostgreSQL tests run when WARCLAIMS_TEST_PG is set
	WARCLAIMS_SHARED=$(SHARED) $(BIN)/python -m pytest -q

test: setup lint  ## everything: PostgreSQL (unless WARCLAIMS_NO_PG=1), pytest, quality gate
	if [ -z "$$WARCLAIMS_NO_PG" ] && [ -z "$$WARCLAIMS_TEST_PG" ]; then source .ci/postgres.sh; fi; \
	  WARCLAIMS_SHARED=$(SHARED) $(BIN)/python -m pytest -q
	$(MAKE) gate

gate: setup  ## fail when extraction quality falls below the floors in quality_floors.json
	$(BIN)/python scripts/quality_gate.py --shared $(SHARED)

bench: setup  ## throughput benchmarks (figures go in README.md)
	$(BIN)/python benchmarks/bench_read.py $(SHARED)/corpus/dev
	$(BIN)/python benchmarks/bench_extract.py $(SHARED)/corpus/dev
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) build *.egg-info out
