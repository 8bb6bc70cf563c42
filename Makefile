# Two commands do everything on a fresh machine with Python 3.11+:
#   make run    set up, then serve the demo site on http://127.0.0.1:8000
#   make test   set up, then run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
# Tests for one configuration are chosen by marker: real Redis and worker tests need REDIS_URL.
MARKERS := $(if $(REDIS_URL),not embedded,not real_services)
# The targets below are for a developer's machine: they name the development settings rather
# than rely on manage.py's default, which is production unless `make setup` marked the machine.
DEV := DJANGO_SETTINGS_MODULE=config.settings.dev

.PHONY: setup run test lint bench chromium clean

$(STAMP):
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is needed") if sys.version_info < (3, 11) else None'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

chromium:
	@bash scripts/ensure-chromium.sh

setup: $(STAMP)
	@# Marks this checkout, on this machine, as a developer's: see manage.py.
	$(BIN)/python -c 'import socket; print(socket.gethostname())' > .dev-machine
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_demo

run: setup
	@echo "Serving on http://127.0.0.1:8000  (admin: http://127.0.0.1:8000/admin/)"
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: setup chromium
	$(DEV) $(BIN)/python manage.py check_consistency
	$(BIN)/python -m pytest -m "$(MARKERS)"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .dev-machine db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles .test-media

# Production-like: gunicorn, an RQ worker and the cron under production settings (see
# scripts/serve.sh for the environment it needs). The load test starts the same on the realistic
# force in its own PostgreSQL database and writes docs/performance.md.
.PHONY: serve loadtest
serve: $(STAMP)
	bash scripts/serve.sh

loadtest: $(STAMP)
	bash scripts/loadtest.sh

# PostgreSQL backups (docs/operations.md): make backup FOLDER=/var/backups/media-awareness,
# make restore DUMP=... DATABASE=new_name [FORCE=1]. Both read DATABASE_URL.
.PHONY: backup restore
backup:
	@test -n "$(FOLDER)" || { echo "make backup FOLDER=/where/the/dumps/go" >&2; exit 2; }
	bash scripts/backup.sh "$(FOLDER)"

restore:
	@test -n "$(DUMP)" -a -n "$(DATABASE)" || { echo "make restore DUMP=file.dump DATABASE=new_name" >&2; exit 2; }
	bash scripts/restore.sh $(if $(FORCE),--force) "$(DUMP)" "$(DATABASE)"
