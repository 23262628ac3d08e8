#!/usr/bin/env python3
"""Do two binaries give the same rows for every named query on a store?

Runs `negograph query --named NAME --format csv` with each binary, unbound and with the
bindings of bench/queries.py (and any --param given for a query with --bind NAME:K=V), and
compares the outputs byte for byte. A query that times out with either binary is reported as
such and not compared. With --new-dir, the new side reads the query text from DIR/NAME.rq
(`query --file`), so that edited queries can be checked without a build. With --new-store, the
new side queries a store of its own (the same articles ingested by the new binary, when what
a store holds has changed).

    bench/same_rows.py --store /tmp/fixture --old OLD_BIN --new NEW_BIN
    bench/same_rows.py --store /tmp/fixture --old OLD_BIN --new NEW_BIN --new-dir queries
    bench/same_rows.py --store /tmp/fixture-old --new-store /tmp/fixture-new --old OLD_BIN --new NEW_BIN
"""

import argparse
import hashlib
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from queries import named_cases  # noqa: E402


def run(bin, store, name, params, timeout, qdir):
    argv = [bin, "--store", store, "query", "--format", "csv", "--timeout", str(timeout)]
    argv += ["--file", os.path.join(qdir, name + ".rq")] if qdir else ["--named", name]
    for k, v in params.items():
        argv += ["--param", f"{k}={v}"]
    p = subprocess.run(argv, capture_output=True)
    if p.returncode != 0:
        return None, p.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
    return p.stdout, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True)
    ap.add_argument("--new-store", help="the store the new binary queries (default: --store)")
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("--new-dir", help="read the new side's queries from DIR/NAME.rq")
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--only", action="append")
    ap.add_argument("--bind", action="append", default=[], help="NAME:K=V, an extra bound case")
    a = ap.parse_args()
    cases = []
    for name, params in named_cases(a.old, a.store, a.only):
        cases.append((name, params))
        if params:
            continue
        for b in a.bind:
            n, kv = b.split(":", 1)
            if n == name:
                k, v = kv.split("=", 1)
                cases.append((name, {k: v}))
    differ = 0
    for name, params in cases:
        label = name + (" " + " ".join(f"{k}={v}" for k, v in params.items()) if params else "")
        old, old_err = run(a.old, a.store, name, params, a.timeout, None)
        new, new_err = run(a.new, a.new_store or a.store, name, params, a.timeout, a.new_dir)
        if old is None or new is None:
            print(f"not compared  {label}: old {old_err or 'ok'}, new {new_err or 'ok'}", flush=True)
            if old is not None and new is None:
                differ += 1
            continue
        rows = max(0, old.count(b"\n") - 1)
        if old == new:
            print(f"same          {label}: {rows} rows, {hashlib.sha1(old).hexdigest()[:10]}", flush=True)
        else:
            differ += 1
            after = max(0, new.count(b"\n") - 1)
            print(f"DIFFERENT     {label}: {rows} rows before, {after} after", flush=True)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
