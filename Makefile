# Two commands for a newcomer (see README.md): `make run` and `make test`.
# Each creates .venv and installs the pinned requirements on first use.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test demo bench

run: $(VENV)/.runtime
	$(BIN)/streamlit run app.py --server.port 8501

test: $(VENV)/.dev
	$(BIN)/python -m pytest

demo: $(VENV)/.runtime
	$(BIN)/python -m data_sources.demo.build_demo

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(VENV)/.runtime $@
