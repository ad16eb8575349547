# dyadscope: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench lint typecheck lock schema browsers clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: install
	$(VENV)/bin/dyadscope demo

test: install browsers
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy src
	$(PY) -m pytest -q

bench: install
	$(PY) -m benchmarks

# Debian's chromium for the browser tests (tests/web). Never fails the build: without
# apt-get or root it says so and the browser tests skip with that reason.
CHROMIUM := /usr/bin/chromium
browsers:
	-@if [ ! -x $(CHROMIUM) ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium for the browser tests (apt-get)"; \
	  { apt-get install -y -qq chromium || { apt-get update -qq && apt-get install -y -qq chromium; }; } \
	    >/dev/null 2>&1 || echo "could not install chromium; the browser tests will skip"; \
	fi

lint: install
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy src

typecheck: lint

# Regenerate the hashed lock after editing requirements.in (needs network to PyPI).
lock: install
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --no-strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

# Regenerate docs/schema.md from the record dataclasses.
schema: install
	$(PY) -m dyadscope.schema_doc > docs/schema.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
