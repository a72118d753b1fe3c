# Canbo: `make run` serves the demo on SQLite, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
CANBO = $(BIN)/canbo
export CANBO_DATA_DIR ?= $(CURDIR)/var
DEMO_PROVINCE ?= 31
DEMO_CADRES ?= 3000
DEMO_SEED ?= 2025
HOST ?= 127.0.0.1:8000

.PHONY: install run test test-postgres lint bench messages clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

run: install
	mkdir -p $(CANBO_DATA_DIR)
	$(CANBO) migrate --noinput
	$(CANBO) demo --province $(DEMO_PROVINCE) --cadres $(DEMO_CADRES) --seed $(DEMO_SEED) --if-empty
	@echo ""
	@echo "  Canbo: http://$(HOST)/   (demo sign-in: demo / canbo-demo)"
	@echo ""
	@# The task worker (rotation solves, large exports) runs beside the server and stops with it.
	$(CANBO) db_worker & trap 'kill $$!' EXIT INT TERM; $(CANBO) runserver $(HOST)

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

# The same suite on PostgreSQL (needs a server; pytest-django creates and drops the test database).
test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/canbo} $(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src bench
	$(BIN)/ruff format --check src bench

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

messages: install
	cd src/canbo && ../../$(CANBO) makemessages -l vi --no-obsolete && ../../$(CANBO) compilemessages -l vi

clean:
	rm -rf $(VENV) var .pytest_cache
