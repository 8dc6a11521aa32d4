# `make serve` and `make test` work on a fresh machine: they build .venv first.
PYTHON ?= python3.13
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve demo test test-fast lint typecheck bench clean

$(BIN)/memq: pyproject.toml
	@echo "==> installing memq and its test tools into $(VENV)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(BIN)/memq

serve: $(BIN)/memq
	$(BIN)/memq serve

demo: $(BIN)/memq
	$(BIN)/memq demo

lint: $(BIN)/memq
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/memq
	$(BIN)/mypy

# The pure-Python suites (no processes, no broker, no browser) run on both cores; the rest
# runs one test at a time, since its end-to-end tests start real processes and wait on them.
PARALLEL := tests/memory tests/context tests/user_memory

test: $(BIN)/memq lint typecheck
	$(BIN)/pytest -n 2 $(PARALLEL)
	$(BIN)/pytest $(foreach suite,$(PARALLEL),--ignore=$(suite))

# The quick subset while working: unit, contract and CLI tests on SQLite, no
# separate gateway/worker processes and no MongoDB (the end-to-end suite and the
# MongoDB half of the contract tests run in `make test`).
FAST := -m "not e2e" --ignore=tests/e2e --ignore=tests/deploy -k "not mongo"

test-fast: $(BIN)/memq
	$(BIN)/pytest -q $(FAST)

bench: $(BIN)/memq
	$(BIN)/python -m bench.ingest

clean:
	rm -rf $(VENV) .memq .mypy_cache .ruff_cache .pytest_cache
