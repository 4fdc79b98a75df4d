# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
SEEDS := fixtures/sources/*.txt
# The 2025 Oxford cabinet paper is evidence for these recommendations; the paper
# itself does not say so, so the link is made here, as an admin would.
EVIDENCE := link_evidence oxford-2025-07-cabinet-domestic-abuse-policy.txt \
	--review domestic-abuse-review-group --recommendations 16 37 38 39

.PHONY: run test lint format fixtures install assets

## make run: install, migrate SQLite, import the seed papers, create the demo admin, serve on 127.0.0.1:8000 with a task worker
run: export DEBUG = true
run: install assets
	$(MANAGE) migrate --no-input
	$(MANAGE) import_report $(SEEDS)
	$(MANAGE) $(EVIDENCE)
	$(MANAGE) close_past_rounds
	$(MANAGE) create_demo_admin
	@echo "Open http://127.0.0.1:8000/ and sign in as admin / scrutiny-demo."
	@# The task worker (e-mail, notifications, large jobs) runs beside the server and stops with it.
	$(MANAGE) db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

## make test: lint and format checks, then the whole test suite (browser tests included)
test: install assets lint
	$(BIN)/pytest

lint: install
	DJANGO_SETTINGS_MODULE=tests.settings $(MANAGE) check
	DJANGO_SETTINGS_MODULE=tests.settings $(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/mypy

## make format: fix what lint can fix
format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

## make fixtures: rebuild fixtures/seed.json from the seed papers with the importer
fixtures: install
	rm -f fixtures/.build.sqlite3
	DATABASE_URL=sqlite:///fixtures/.build.sqlite3 DEBUG=true $(MANAGE) migrate --no-input -v0
	DATABASE_URL=sqlite:///fixtures/.build.sqlite3 DEBUG=true $(MANAGE) import_report $(SEEDS)
	DATABASE_URL=sqlite:///fixtures/.build.sqlite3 DEBUG=true $(MANAGE) $(EVIDENCE)
	DATABASE_URL=sqlite:///fixtures/.build.sqlite3 DEBUG=true $(MANAGE) dumpdata --indent 1 \
		--natural-foreign --natural-primary auth.user councils reviews recommendations -o fixtures/seed.json
	rm -f fixtures/.build.sqlite3

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

assets: static/build/app.css

static/build/app.css: node_modules/.installed bin/build-assets.mjs $(wildcard static/src/*)
	npm run --silent build
