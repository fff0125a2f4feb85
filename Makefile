# Yokohama Declaration map — every task a person or CI runs. `make help` lists them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# make serve-replicas: how many streamlit processes, and the balancer's port (replicas take the next ones).
N ?= 3
BALANCER_PORT ?= 8500

.DEFAULT_GOAL := help
.PHONY: help run serve-replicas kiosk test lint validate geocode bench bench-geocode bench-app bench-hosting bench-map load-check screenshots basemap web-basemap clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps re-run pip only when a requirements file changes.
$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

run: $(VENV)/.runtime-installed ## Start the dashboard on the committed data (no network needed)
	$(BIN)/streamlit run dashboard.py --server.port $(PORT) --server.headless true

serve-replicas: $(VENV)/.runtime-installed ## N replicas (default 3) behind HAProxy on BALANCER_PORT (needs Debian's haproxy)
	$(BIN)/python -m deploy.replicas --replicas $(N) --port $(BALANCER_PORT)

kiosk: ## Open the display screen full screen in Chromium, restarting it if it dies (KIOSK_URL=...)
	deploy/kiosk/display-kiosk.sh

test: lint ## Install dev requirements, lint, and run the whole test suite
	$(BIN)/python -m pytest

lint: $(VENV)/.dev-installed ## Ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy signatories views tests benchmarks scripts data deploy dashboard.py


validate: $(VENV)/.runtime-installed ## Validate the committed data files
	$(BIN)/python -m signatories validate data

geocode: $(VENV)/.runtime-installed ## Fill missing coordinates (offline gazetteer unless online is asked for)
	$(BIN)/python -m signatories geocode

bench-geocode: $(VENV)/.dev-installed ## Benchmark the geocoding pipeline
	$(BIN)/python -m benchmarks.bench_geocode

bench-app: $(VENV)/.dev-installed ## Benchmark the dashboard in the browser and on the server
	$(BIN)/python -m benchmarks.bench_app

bench-hosting: $(VENV)/.dev-installed ## Sessions one process holds at p95 < 500 ms, memory per session, failover time
	$(BIN)/python -m benchmarks.bench_hosting

bench-map: $(VENV)/.dev-installed ## Benchmark the live map against its SVG, PNG and PDF files
	$(BIN)/python -m benchmarks.bench_map

bench: bench-geocode bench-hosting bench-app bench-map ## Run every benchmark and print the tables

load-check: $(VENV)/.dev-installed ## 10 concurrent browser sessions changing filters for 60 s; fails on any error
	$(BIN)/python -m benchmarks.load_check

screenshots: $(VENV)/.dev-installed ## Regenerate the README's screenshots from the real app
	$(BIN)/python -m scripts.screenshots

basemap: $(VENV)/.runtime-installed ## Rebuild data/countries.geojson from Natural Earth (needs npm), then static/
	$(BIN)/python data/make_basemap.py
	$(BIN)/python -m signatories web-basemap

web-basemap: $(VENV)/.runtime-installed ## Write the live map's outline files in static/ from data/countries.geojson
	$(BIN)/python -m signatories web-basemap

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
