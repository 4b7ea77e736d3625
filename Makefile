# warclaims: the two commands a newcomer runs are `make demo` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: setup demo test lint eval gate bench clean

$(BIN)/warclaims: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,postgres]'
	touch $(BIN)/warclaims

setup: $(BIN)/warclaims  ## create .venv and install warclaims with its pinned dependencies

demo: setup  ## extract the claims of the bundled example documents
	$(BIN)/warclaims extract --format table examples/

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts

test: setup lint  ## the whole test suite, then the quality gate
	$(BIN)/python -m pytest -q
	$(MAKE) gate

gate: setup  ## fail when extraction quality falls below the floors pinned in quality_floors.json
	$(BIN)/python scripts/quality_gate.py --shared $(SHARED)

bench: setup  ## throughput benchmarks (figures go in README.md)
	$(BIN)/python benchmarks/bench_read.py

clean:
	rm -rf $(VENV) build *.egg-info
