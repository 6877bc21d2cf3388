# Quick start: `make run` (start the app) and `make test` (lint + full test suite).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test lint bench bench-load clean venv hosted-demo screenshots

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Re-install only when the pinned requirements change.
$(VENV)/.installed: requirements.txt $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/streamlit run app.py --server.port 8501

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/pytest

# The hosted mode on this machine (PostgreSQL, a test identity provider, two replicas, nginx), until Ctrl-C.
hosted-demo: $(VENV)/.installed-dev
	$(PY) -m deploy.demo.run

bench: $(VENV)/.installed-dev
	$(PY) -m bench
	$(MAKE) bench-load

# The README's images (docs/screenshot-*.png) from the local app with demo data, in English and Dutch.
screenshots: $(VENV)/.installed-dev
	$(PY) -m tools.screenshots

# Load (bench/load.py): 20 browser sessions on a bare Streamlit app (the floor) and on the local app, 50
# sessions (5 in Chromium, 45 protocol clients) on the hosted stack (~7, ~7 and ~10 minutes).
bench-load: $(VENV)/.installed-dev
	$(PY) -m bench.load --bare --sessions 20 --minutes 5
	$(PY) -m bench.load --local --sessions 20 --minutes 5
	$(PY) -m bench.load --hosted --sessions 50 --minutes 5

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
