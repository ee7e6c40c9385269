# Marginalia: every target sets itself up (.venv, dependencies, Chromium for tests).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ADDR ?= 127.0.0.1:8000
PYTEST_ARGS ?=

.PHONY: serve site teacher test lint bench clean browser pdf screenshots messages

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

serve: $(STAMP)            ## set up, build and serve the seed site at http://$(ADDR)
	$(BIN)/marginalia serve -a $(ADDR)

site: $(STAMP)             ## set up and build the student site into site/
	$(BIN)/marginalia build

teacher: $(STAMP) pdf      ## the teacher edition into site-teacher/ (with PDF handouts)
	$(BIN)/marginalia build --edition teacher

browser:                   ## Debian's Chromium for browser tests (Playwright drives it)
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium from Debian packages…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

pdf:                       ## Debian's Pango and fonts, which WeasyPrint needs for PDF handouts
	@{ /sbin/ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' && \
	   test -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; } || { \
	  echo "Installing Pango (for PDF handouts) from Debian packages…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core >/dev/null; }

test: $(STAMP) browser pdf ## set up and run every test (unit, site, browser)
	$(BIN)/ruff check builder tests bench
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

screenshots: $(STAMP) browser   ## PNGs of every page type at 1280 and 390 px into screenshots/
	$(BIN)/python -m tests.browser.screenshots

lint: $(STAMP)
	$(BIN)/ruff check builder tests bench

bench: $(STAMP)            ## benchmark tables (QUICK=1 for the smallest size)
	$(BIN)/python bench/run.py $(if $(QUICK),--quick,)

LOCALE := builder/marginalia/locale
messages: $(STAMP)         ## the interface's words: extract locale/marginalia.pot, merge it into each .po
	$(BIN)/pybabel --quiet extract -F babel.cfg -k N_ -k Nn_:1,2 -c TRANSLATORS: --no-location --sort-output \
	  --project=Marginalia -o $(LOCALE)/marginalia.pot .
	$(BIN)/pybabel update -D marginalia -i $(LOCALE)/marginalia.pot -d $(LOCALE) \
	  --ignore-obsolete --ignore-pot-creation-date

clean:
	rm -rf site site-teacher .pytest_cache
