# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
PY310 ?= $(shell for p in "$$(pyenv root 2>/dev/null)"/versions/3.10*/bin/python3.10 $$(command -v python3.10 2>/dev/null) /usr/bin/python3.10 /usr/local/bin/python3.10; do [ -x "$$p" ] && "$$p" -c 'import sys; assert sys.version_info[:2]==(3,10)' 2>/dev/null && { echo "$$p"; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The wasmtime engine on a current Python (wasmer cannot import there): `make test` runs the
# suite in this venv too.
PY3NEW ?= $(shell for p in $$(command -v python3.13 python3.12 python3.11 python3 2>/dev/null); do "$$p" -c 'import sys; assert sys.version_info[:2]>=(3,11)' 2>/dev/null && { echo "$$p"; break; }; done)
VENV_NEW := .venv-311
PY_NEW := $(VENV_NEW)/bin/python
STAMP_NEW := $(VENV_NEW)/.installed

.PHONY: run test setup guests bench bench-compare fuzz clean

$(STAMP): pyproject.toml setup.py _memproto.pyx _wasmtime_call.pyx
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

$(STAMP_NEW): pyproject.toml setup.py _memproto.pyx _wasmtime_call.pyx
	@test -n "$(PY3NEW)" || { echo "error: Python >= 3.11 not found (the wasmtime test venv)"; exit 2; }
	$(PY3NEW) -m venv $(VENV_NEW)
	$(PY_NEW) -m pip install -q --upgrade pip
	$(PY_NEW) -m pip install -q -e '.[test]'
	$(PY_NEW) -c 'import golo_fast.wasm._engine_wasmtime as e, sys; sys.exit(0 if e.FAST_PATH else "error: wasmtime fast path: " + e.FAST_PATH_PROBLEM)'
	touch $(STAMP_NEW)

test: $(STAMP) $(STAMP_NEW)
	$(PY) -m pytest -q -x -p no:cacheprovider tests benchmarks --benchmark-disable
	$(PY_NEW) -m pytest -q -x -p no:cacheprovider tests

# Benchmarks (issue 4; benchmarks/README.md). `make bench` sets up the peer venvs, runs every
# suite, saves the run under .benchmarks/ and prints the one table; `make bench-compare` runs
# again and fails when a median regressed by more than 10% against the newest saved run, or
# against BASELINE=NNNN (the counter prefix of a file under .benchmarks/<machine>/).
BENCH_RUN := $(PY) -m pytest -q -p no:cacheprovider benchmarks --benchmark-quiet \
	--benchmark-min-rounds=10 --benchmark-max-time=1.0 --benchmark-warmup=on

bench: $(STAMP)
	-benchmarks/peers/setup.sh
	$(BENCH_RUN) --benchmark-autosave
	$(PY) benchmarks/report.py

bench-compare: $(STAMP)
	$(BENCH_RUN) --benchmark-compare$(if $(BASELINE),=$(BASELINE)) \
		--benchmark-compare-fail=median:10%

# Longer fuzzing (issue 5): the hostile suite's property tests under the "fuzz" profile (40x
# the examples `make test` runs; GOLO_FAST_FUZZ_SCALE=N to change), plus its regressions.
# A failure prints the seed / Hypothesis blob to replay it; keep the input under
# tests/hostile/regressions/.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q -p no:cacheprovider tests/hostile/test_fuzz_frontend.py \
		tests/hostile/test_fuzz_memproto.py tests/hostile/test_fuzz_loader.py \
		tests/hostile/test_regressions.py

guests: $(STAMP)
	$(PY) guests/build.py

clean:
	rm -rf $(VENV) $(VENV_NEW) build *.egg-info golo_fast/*.so _memproto.c _wasmtime_call.c
