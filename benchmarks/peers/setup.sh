#!/usr/bin/env bash
# Create one venv per peer runtime under benchmarks/peers/.venv-<peer> and install it there.
#
#   benchmarks/peers/setup.sh            # all peers
#   benchmarks/peers/setup.sh wasmtime   # one peer (wasmtime | extism | pywasm3)
#
# Each peer lives in its own venv so that it can never change what golo-fast's own .venv runs
# (extism pulls in its own wasm runtime, pywasm3 compiles C). A peer that cannot be installed
# here is skipped by benchmarks/test_bench_peers.py with the reason this script wrote to
# .venv-<peer>/FAILED. Re-running skips peers whose venv already imports.
# PYTHON picks the interpreter (default: the one golo-fast's .venv was made from, Python 3.10).
set -u
cd "$(dirname "$0")"
if [ -z "${PYTHON:-}" ]; then
  if [ -x ../../.venv/bin/python ]; then PYTHON=$(readlink -f ../../.venv/bin/python)
  else PYTHON=$(command -v python3.10 || command -v python3); fi
fi

declare -A SPEC=(
  [wasmtime]="wasmtime>=50,<51"
  [extism]="extism==1.1.1"
  [pywasm3]="pywasm3==0.5.0"
)
declare -A MODULE=([wasmtime]=wasmtime [extism]=extism [pywasm3]=wasm3)

peers=("$@")
[ ${#peers[@]} -eq 0 ] && peers=(wasmtime extism pywasm3)
status=0
for peer in "${peers[@]}"; do
  spec=${SPEC[$peer]:-}
  if [ -z "$spec" ]; then echo "unknown peer '$peer' (expected: ${!SPEC[*]})" >&2; exit 2; fi
  venv=".venv-$peer"
  if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import ${MODULE[$peer]}" 2>/dev/null; then
    echo "$peer: ready ($venv)"
    continue
  fi
  rm -rf "$venv"
  log=$(mktemp)
  if "$PYTHON" -m venv "$venv" >"$log" 2>&1 \
     && "$venv/bin/python" -m pip install -q --disable-pip-version-check "$spec" >>"$log" 2>&1 \
     && "$venv/bin/python" -c "import ${MODULE[$peer]}" >>"$log" 2>&1; then
    echo "$peer: installed $spec in $venv"
  else
    mkdir -p "$venv"
    { echo "pip install '$spec' with $("$PYTHON" -V 2>&1) failed:"; tail -n 15 "$log"; } > "$venv/FAILED"
    echo "$peer: NOT available (see benchmarks/peers/$venv/FAILED)" >&2
    status=1
  fi
  rm -f "$log"
done
exit $status
