# The portal's commands. `make run` and `make test` work on a fresh clone with nothing but
# Python >= 3.11, Node.js/npm and the system packages that `make deps` installs when missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run serve test bench install deps lint format messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

deps:
	@command -v msgfmt >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }

install: deps $(VENV)/.installed node_modules/.package-lock.json
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

run: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_superuser --demo
	$(BIN)/python manage.py check_platform_links
	@echo "Serving the portal on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	@trap 'kill 0' EXIT; $(BIN)/python manage.py db_worker --queue-name "*" >var/worker.log 2>&1 & \
	  $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

serve: install
	@bash bin/serve

test: install
	bash bin/test

bench: install
	bash bench/run.sh

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages:
	$(BIN)/python manage.py makemessages -l ar -l fr -l en -l zgh --ignore=.venv --ignore=node_modules --ignore=static_root --no-obsolete

clean:
	rm -rf $(VENV) node_modules static_root
