# One venv in .venv; `make run` and `make test` install and set up whatever is missing.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: run setup test lint bench clean-venv

# The main job on the embedded defaults: ingest the sample articles and search them.
run: setup
	$(BIN)/factcheck ingest seeds
	$(BIN)/factcheck ask "How many North Korean troops are in Russia, per source?"

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

test: setup lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check assistant tests bench
	$(BIN)/ruff format --check assistant tests bench
	$(BIN)/mypy

clean-venv:
	rm -rf $(VENV)
