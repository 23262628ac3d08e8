#!/usr/bin/env bash
# Corpus-scale benchmark of negograph and its peers, on the same generated corpora.
#
#   bench/run.sh                 corpora of 1,000 and 10,000 articles
#   bench/run.sh --with-100k     also 100,000 articles (about 40 minutes more on 2 cores)
#   bench/run.sh --sizes 500,2000 --workdir /tmp/nb --query-timeout 10
#
# Builds negograph-bench, makes a Python venv under ${NEGOGRAPH_VENV:-~/.cache/negograph-bench-venv}
# with spaCy and pyoxigraph, runs `negograph-bench run` (extraction, ingest, queries), then
# bench/peers.py (spaCy with the gazetteer and the stance cues; pyoxigraph's bulk load of the same
# N-Quads) and prints the ratios. Corpora, N-Quads and the largest store the queries ran on stay in the workdir
# (${NEGOGRAPH_BENCH_WORKDIR:-~/.cache/negograph-bench-work}).
set -euo pipefail

cd "$(dirname "$0")/.."
sizes=1000,10000
workdir=${NEGOGRAPH_BENCH_WORKDIR:-$HOME/.cache/negograph-bench-work}
query_timeout=30
while [ $# -gt 0 ]; do
    case "$1" in
        --with-100k) sizes="$sizes,100000" ;;
        --sizes) sizes=$2; shift ;;
        --workdir) workdir=$2; shift ;;
        --query-timeout) query_timeout=$2; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/negograph-target}
cargo build --release --quiet --bin negograph-bench
bench="$CARGO_TARGET_DIR/release/negograph-bench"

venv=${NEGOGRAPH_VENV:-$HOME/.cache/negograph-bench-venv}
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import spacy, pyoxigraph' 2>/dev/null; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check spacy pyoxigraph
fi

mkdir -p "$workdir"
"$bench" run --sizes "$sizes" --workdir "$workdir" --summary "$workdir/summary.json" --query-timeout "$query_timeout"
echo
"$venv/bin/python" bench/peers.py report --workdir "$workdir" --summary "$workdir/summary.json"
