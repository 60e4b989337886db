# Two commands for a newcomer (see README.md): `make run` and `make test`.
# Each creates .venv and installs the pinned requirements on first use.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test test-docker lint demo bench system-deps mutation

lint: $(VENV)/.dev
	$(BIN)/ruff check .

run: $(VENV)/.runtime
	$(BIN)/streamlit run app.py --server.port 8501

test: $(VENV)/.dev system-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Only the Docker test (tests/docker: builds the image, runs it, opens it in Chromium; a few minutes).
test-docker: $(VENV)/.dev system-deps
	$(BIN)/python -m pytest tests/docker

# Mutation testing (mutmut 3) of the workbook reader and the metrics, each module with its fast unit tests;
# prints killed / (total - equivalent) per module (scripts/mutation.py, tests/mutation_equivalent.toml). Not
# part of `make test`: a few minutes. `make mutation MODULES="cells pace"` runs some.
mutation: $(VENV)/.dev
	$(BIN)/python scripts/mutation.py $(MODULES)

demo: $(VENV)/.runtime
	$(BIN)/python -m data_sources.demo.build_demo

# System packages the tests need, from Debian: Chromium (tests/browser drives it with Playwright;
# never `playwright install`), LibreOffice and poppler (the report is converted to PDF and looked
# at), fonts with Vietnamese letters, and Docker with debootstrap (tests/docker builds the image on a
# Debian base it makes, as Docker Hub may be out of reach). Installed here when missing and we are root;
# otherwise `make test` stops and says how.
SYSTEM_PACKAGES = chromium fonts-noto-core fonts-dejavu-core libreoffice-calc libreoffice-writer libreoffice-core poppler-utils fonts-liberation2
# OCOP_SKIP_DOCKER=1 leaves the Docker test out on purpose, and its packages with it.
SYSTEM_PACKAGES += $(if $(filter 1,$(OCOP_SKIP_DOCKER)),,docker.io debootstrap)

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing for the tests:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "The tests need these Debian packages:$$missing. Install them with: sudo apt-get install -y$$missing" >&2; \
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
