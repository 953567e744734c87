# The two commands: `make demo` and `make test`. Everything else is a step of theirs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: system-deps demo test test-sqlite test-postgres test-lowest lint check messages venv clean bench

venv: $(VENV)/.installed

# Re-installs whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

## Serve the example municipality on http://127.0.0.1:8000 (SQLite).
demo: venv
	cd example_site && ../$(BIN)/python manage.py migrate --noinput
	cd example_site && ../$(BIN)/python manage.py load_example
	cd example_site && ../$(BIN)/python manage.py runserver 127.0.0.1:8000

## The whole suite on SQLite, then on a real PostgreSQL (each also without the optional
## comments app), then on the oldest Wagtail we support.
test: venv system-deps lint check test-sqlite test-postgres test-lowest

# Debian tools the suite uses (gettext checks the catalogues, chromium runs tests/e2e through
# Playwright, which must never download a browser of its own); PostgreSQL comes with test-postgres.
system-deps:
	@command -v xgettext >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# ruff, then the import contracts of pyproject.toml (layers; the core never imports comments).
lint: venv
	$(BIN)/ruff check ogp_wagtail tests example_site bench
	$(BIN)/lint-imports

check: venv
	DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=. $(BIN)/django-admin check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=. $(BIN)/django-admin makemigrations --check --dry-run

# The core alone: every test not about comments, with ogp_wagtail.comments absent.
WITHOUT_COMMENTS := --ds=tests.settings_without_comments -m "not slow and not browser"

test-sqlite: venv
	$(BIN)/pytest $(PYTEST_ARGS)
	$(BIN)/pytest $(WITHOUT_COMMENTS) $(PYTEST_ARGS)

test-postgres: venv
	eval "$$(scripts/postgres-test-cluster.sh)" && $(BIN)/pytest $(PYTEST_ARGS) \
		&& $(BIN)/pytest $(WITHOUT_COMMENTS) $(PYTEST_ARGS)

# The lowest supported combination (Wagtail 7.4 LTS, Django 5.2), SQLite, without the slow tests.
LOWEST := .venv-lowest
$(LOWEST)/.installed: pyproject.toml
	test -x $(LOWEST)/bin/python || $(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install -q --upgrade pip
	$(LOWEST)/bin/python -m pip install -q -e ".[test]" "wagtail==7.4.*" "Django==5.2.*"
	touch $@

test-lowest: $(LOWEST)/.installed
	$(LOWEST)/bin/pytest -m "not slow" $(PYTEST_ARGS)

## Refresh the French, Arabic and Spanish catalogues and compile them (needs gettext).
messages: venv
	cd ogp_wagtail && ../$(BIN)/django-admin makemessages -l fr -l ar -l es --no-obsolete --no-location
	cd ogp_wagtail && ../$(BIN)/django-admin compilemessages

## SQL queries and median render times of a 12-commitment plan, as ratios to a plain page
## rendered in the same run (bench/run.py; BENCH_RUNS=N renders each page N times); then
## 20 concurrent clients post comments under gunicorn on SQLite and PostgreSQL (bench/comments.py).
bench: venv
	$(BIN)/python bench/run.py
	$(BIN)/python bench/comments.py
	$(BIN)/python bench/search.py

clean:
	rm -rf build dist *.egg-info .pytest_cache example_site/db.sqlite3 example_site/media
