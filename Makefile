# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
PY310 ?= $(shell for p in "$$(pyenv root 2>/dev/null)"/versions/3.10*/bin/python3.10 $$(command -v python3.10 2>/dev/null) /usr/bin/python3.10 /usr/local/bin/python3.10; do [ -x "$$p" ] && "$$p" -c 'import sys; assert sys.version_info[:2]==(3,10)' 2>/dev/null && { echo "$$p"; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup guests bench bench-compare fuzz clean

$(STAMP): pyproject.toml setup.py _memproto.pyx
	@test -n "$(PY310)" || { echo "error: Python 3.10 not found (wasmer 1.1.0 ships wheels only for <= 3.10); see README"; exit 2; }
	$(PY310) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -c 'import golo_fast.wasm as w, sys; sys.exit(0 if w.ACCELERATED else "error: the Cython extension did not build")'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	cd examples && ../$(VENV)/bin/golo-fast wasm.golo
	cd examples && ../$(VENV)/bin/golo-fast wasm-host-function.golo

test: $(STAMP)
	$(PY) -m pytest -q -x -p no:cacheprovider tests benchmarks --benchmark-disable

guests: $(STAMP)
	$(PY) guests/build.py

clean:
	rm -rf $(VENV) build *.egg-info golo_fast/*.so _memproto.c
