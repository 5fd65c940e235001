# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
SHARED ?= ../shared
SEED = $(SHARED)/seed
BIN = $(VENV)/bin
# tandy review exits 1 when it finds something, as linters do; only 2 (unreadable input) is a failure here.
FINDINGS_OK = || [ $$? -eq 1 ]

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,scale,web,ocr]'
	touch $@

.PHONY: demo test bench
demo: $(BIN)/.installed
	$(BIN)/tandy letter examples/staff_letter_2007-12-20.txt examples/response_2008-01-04.htm
	$(BIN)/tandy proxy examples/proxy_pre14a_excerpt.txt
	$(BIN)/tandy review examples/ $(FINDINGS_OK)
	@if [ -d $(SEED) ]; then \
	  set -e; \
	  $(BIN)/tandy letter $(SEED)/000_33feab94224503d0.txt; \
	  $(BIN)/tandy review $(SEED)/reconstructed_pre14a_excerpt.txt $(SEED)/000_33feab94224503d0.txt $(FINDINGS_OK); \
	  $(BIN)/tandy verify --response $(SEED)/000_33feab94224503d0.txt \
	    --before $(SEED)/reconstructed_pre14a_excerpt.txt --after $(SEED)/reconstructed_def14a_excerpt.txt $(FINDINGS_OK); \
	else echo "$(SEED) is absent: ran on examples/ only"; fi
	@echo "In a browser: $(BIN)/tandy serve --root $(SEED)   then open http://127.0.0.1:8765/ (Ctrl-C stops)"

test: $(BIN)/.installed
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_parse.py
	$(BIN)/python benchmarks/bench_letters.py
	$(BIN)/python benchmarks/bench_proxy.py
	$(BIN)/python benchmarks/bench_fetch.py
	$(BIN)/python benchmarks/bench_ocr.py
	$(BIN)/python benchmarks/bench_precedent.py
