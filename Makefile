# One venv in .venv; `make run` and `make test` install and set up whatever is missing.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: run setup test lint bench browser clean-venv

# The main job on the embedded defaults: ingest the sample articles (with claims) and ask
# the question the product is known for; then, in a terminal, open the chat UI.
run: setup
	$(BIN)/factcheck ingest seeds
	$(BIN)/factcheck ask "How many North Korean troops are in Russia, per source?"
	@if [ -t 0 ] && [ -t 1 ]; then $(BIN)/factcheck chat; fi

# Install the package (editable, with test and dev tools) into the venv.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --quiet "pip>=24"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# Fetch and verify the tokenizer, embedding model and local LLMs (idempotent).
setup: $(STAMP)
	$(BIN)/factcheck setup

# Headless Chromium for the HTML-summary test: Debian's package (root, or sudo).
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium)

test: setup browser lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check assistant tests bench
	$(BIN)/ruff format --check assistant tests bench
	$(BIN)/mypy

# Benchmarks (slow: building the 100k-chunk store takes ~1 h on 2 cores; stores are kept in
# bench/.work/ and reused). Quick run: make bench BENCH_SCALES=1000 BENCH_LIMIT=5
BENCH_SCALES ?= 1000,10000,100000
BENCH_LIMIT  ?=
bench: setup
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_retrieval.py --scales $(BENCH_SCALES)
	$(BIN)/python bench/bench_llm.py $(if $(BENCH_LIMIT),--limit $(BENCH_LIMIT))

clean-venv:
	rm -rf $(VENV)
