#!/usr/bin/env bash
# The page of `negograph serve` in a real browser: Debian's Chromium, headless, driven by
# playwright-core (which downloads no browser of its own).
#
# Installs what is missing: Debian's chromium (and nodejs, npm) with apt-get, as root or through
# sudo; playwright-core into tests/browser/node_modules with `npm ci`. Builds a store from
# tests/fixtures/articles in a temporary folder, starts `negograph serve` on a free loopback port
# and runs test.mjs against it. The binary is $NEGOGRAPH_BIN (default: the release binary in
# $CARGO_TARGET_DIR, built when missing). The screenshot goes to $NEGOGRAPH_SCREENSHOT (default:
# the temporary folder, removed at the end).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    echo "browser test: installing ${missing[*]}" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi
export NEGOGRAPH_CHROMIUM="${NEGOGRAPH_CHROMIUM:-$(command -v chromium)}"

if [ ! -d "$here/node_modules/playwright-core" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ -z "${NEGOGRAPH_BIN:-}" ]; then
    export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/negograph-target}"
    (cd "$root" && scripts/cargo build --release --quiet --bin negograph)
    NEGOGRAPH_BIN="$CARGO_TARGET_DIR/release/negograph"
fi

tmp="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

"$NEGOGRAPH_BIN" --store "$tmp/store" ingest --quiet "$root/tests/fixtures/articles" 2>"$tmp/ingest.log" \
    || { cat "$tmp/ingest.log" >&2; exit 1; }
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"$NEGOGRAPH_BIN" --store "$tmp/store" serve --bind "127.0.0.1:$port" 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 100); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/api/config" 2>/dev/null; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then cat "$tmp/serve.log" >&2; exit 1; fi
    sleep 0.1
done

export NEGOGRAPH_URL="http://127.0.0.1:$port/"
export NEGOGRAPH_SCREENSHOT="${NEGOGRAPH_SCREENSHOT:-$tmp/serve.png}"
node "$here/test.mjs"
