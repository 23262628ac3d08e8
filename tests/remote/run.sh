#!/usr/bin/env bash
# Runs tests/remote.rs against real SPARQL servers started here on free loopback ports, each
# with an empty database in a temporary folder:
#   - Oxigraph's server, from PyPI's `oxigraph` package (a prebuilt `oxigraph serve`), in a
#     virtual environment at $NEGOGRAPH_VENV (default ~/.cache/negograph-venv);
#   - Virtuoso 7, from Debian's packages, downloaded with apt-get and unpacked without
#     installing them (no root needed once the package lists are there), cached in
#     $NEGOGRAPH_VIRTUOSO (default ~/.cache/negograph-virtuoso), run with its own small ini file.
# Both are stopped when the script ends. Arguments go to the test binary (e.g. a test name).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${NEGOGRAPH_VENV:-$HOME/.cache/negograph-venv}"
virtuoso="${NEGOGRAPH_VIRTUOSO:-$HOME/.cache/negograph-virtuoso}"
work="$(mktemp -d)"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# --- Oxigraph's server ---------------------------------------------------------------------------
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; python3 -m venv --without-pip "$venv"; }
fi
if "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
    pip=("$venv/bin/python" -m pip)
else
    pip=(python3 -m pip --python "$venv/bin/python")
fi
if [ ! -x "$venv/bin/oxigraph" ]; then
    "${pip[@]}" install --quiet --disable-pip-version-check "oxigraph>=0.4,<0.6"
fi

# --- Virtuoso, unpacked from Debian's packages ------------------------------------------------------
if [ ! -x "$virtuoso/usr/bin/virtuoso-t" ]; then
    mkdir -p "$virtuoso/debs"
    packages=(virtuoso-opensource-7-bin libvirtodbc0 libminizip1 libpcre3)
    if ! (cd "$virtuoso/debs" && apt-get download "${packages[@]}" >/dev/null 2>&1); then
        sudo=""
        if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
        $sudo apt-get update -qq >&2
        (cd "$virtuoso/debs" && apt-get download "${packages[@]}" >/dev/null)
    fi
    for deb in "$virtuoso"/debs/*.deb; do dpkg -x "$deb" "$virtuoso"; done
fi
export LD_LIBRARY_PATH="$virtuoso/usr/lib/x86_64-linux-gnu:$virtuoso/lib/x86_64-linux-gnu:$virtuoso/usr/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_for() { # URL NAME LOG
    for _ in $(seq 120); do
        if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$1" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    echo "$2 did not start; its log:" >&2
    tail -20 "$3" >&2
    return 1
}

ox_port="$(free_port)"
"$venv/bin/oxigraph" serve --location "$work/oxigraph" --bind "127.0.0.1:$ox_port" >"$work/oxigraph.log" 2>&1 &
pids+=($!)

virt_port="$(free_port)"
virt_sql_port="$(free_port)"
mkdir -p "$work/virtuoso"
cat >"$work/virtuoso/virtuoso.ini" <<INI
[Database]
DatabaseFile = $work/virtuoso/virtuoso.db
ErrorLogFile = $work/virtuoso/virtuoso.log
LockFile = $work/virtuoso/virtuoso.lck
TransactionFile = $work/virtuoso/virtuoso.trx
xa_persistent_file = $work/virtuoso/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $work/virtuoso/virtuoso-temp.db
TransactionFile = $work/virtuoso/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$virt_sql_port
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
ServerThreads = 10
DirsAllowed = $work/virtuoso

[HTTPServer]
ServerPort = 127.0.0.1:$virt_port
ServerRoot = $work/virtuoso
MaxClientConnections = 5
ServerThreads = 5
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
DefaultGraph =
INI
(cd "$work/virtuoso" && exec "$virtuoso/usr/bin/virtuoso-t" -f -c "$work/virtuoso/virtuoso.ini" >"$work/virtuoso/stdout.log" 2>&1) &
pids+=($!)

wait_for "http://127.0.0.1:$ox_port/query?query=ASK%7B%7D" "Oxigraph's server" "$work/oxigraph.log"
wait_for "http://127.0.0.1:$virt_port/sparql?query=ASK%7B%7D" "Virtuoso" "$work/virtuoso/stdout.log"
echo "Oxigraph server $("$venv/bin/oxigraph" --version | cut -d' ' -f2) on 127.0.0.1:$ox_port, Virtuoso $("$virtuoso/usr/bin/virtuoso-t" -? 2>&1 | sed -n 's/^Version \([^ ]*\).*/\1/p' | head -1) on 127.0.0.1:$virt_port"

export NEGOGRAPH_TEST_OXIGRAPH_URL="http://127.0.0.1:$ox_port"
export NEGOGRAPH_TEST_VIRTUOSO_URL="http://127.0.0.1:$virt_port"
cd "$root"
scripts/cargo test --release --test remote -- --include-ignored "$@"
