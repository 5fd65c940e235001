# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
SHARED ?= ../shared
BIN = $(VENV)/bin

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

.PHONY: demo test bench
demo: $(BIN)/.installed
	$(BIN)/tandy parse examples/ $(wildcard $(SHARED)/seed) --pages

test: $(BIN)/.installed
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_parse.py
