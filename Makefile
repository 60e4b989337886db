# Two commands for a newcomer (see README.md): `make run` and `make test`.
# Each creates .venv and installs the pinned requirements on first use.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test demo bench browser-deps

run: $(VENV)/.runtime
	$(BIN)/streamlit run app.py --server.port 8501

test: $(VENV)/.dev browser-deps
	$(BIN)/python -m pytest

demo: $(VENV)/.runtime
	$(BIN)/python -m data_sources.demo.build_demo

# tests/browser drives Debian's Chromium with Playwright (never `playwright install`).
# Installed here when missing and we are root; otherwise `make test` stops and says how.
CHROMIUM = /usr/bin/chromium
BROWSER_PACKAGES = chromium fonts-noto-core fonts-dejavu-core

browser-deps:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Chromium for the browser tests: $(BROWSER_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES); \
	  else \
	    echo "The browser tests need $(CHROMIUM). Install it with: sudo apt-get install -y $(BROWSER_PACKAGES)" >&2; \
	    exit 1; \
	  fi; \
	fi

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(VENV)/.runtime $@
