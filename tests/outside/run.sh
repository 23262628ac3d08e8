#!/usr/bin/env bash
# Checks negograph's output with outside tools: rdflib (parsing every RDF export, running every
# named query), pySHACL (ontology/shapes.ttl), networkx (the network exports), and SPARQLWrapper
# and rdflib's SPARQLStore against `negograph serve`.
#
# Needs python3 with pip, and PyPI. The packages of requirements.txt go into a virtual
# environment at $NEGOGRAPH_VENV (default ~/.cache/negograph-venv). The binary is $NEGOGRAPH_BIN;
# without it, the release binary is built first (in $CARGO_TARGET_DIR, default
# ~/.cache/negograph-target). Arguments go to pytest:  tests/outside/run.sh -k shacl
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${NEGOGRAPH_VENV:-$HOME/.cache/negograph-venv}"

if [ ! -x "$venv/bin/python" ]; then
    # python3 -m venv needs ensurepip, which some systems leave out: then the system's pip
    # installs into a venv made without one
    python3 -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; python3 -m venv --without-pip "$venv"; }
fi
if "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
    pip=("$venv/bin/python" -m pip)
else
    pip=(python3 -m pip --python "$venv/bin/python")
fi
"${pip[@]}" install --quiet --disable-pip-version-check -r "$here/requirements.txt"

if [ -z "${NEGOGRAPH_BIN:-}" ]; then
    export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/negograph-target}"
    (cd "$root" && cargo build --release --quiet --bin negograph)
    export NEGOGRAPH_BIN="$CARGO_TARGET_DIR/release/negograph"
fi

cd "$here"
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider -W ignore::DeprecationWarning "$@" .
