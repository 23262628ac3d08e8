#!/usr/bin/env python3
"""Every named query on a store, unbound and bound: wall and CPU seconds and rows.

Runs `negograph query --named NAME --format csv --timeout T` on --store for each named query,
once unbound and once with the binding below (a query without parameters runs once), and
prints a Markdown table: rows, wall seconds, CPU seconds (user and system, from the kernel's
accounting of the process), or "over T s" when the query's own timeout stopped it. With --bin
given more than once, the binaries run one after another on each query, so that old and new
are measured on the same machine at the same time.

    bench/queries.py --store /tmp/store-100k --timeout 30
    bench/queries.py --store /tmp/store-10k --bin old/negograph --bin new/negograph
    bench/queries.py --store /tmp/store-10k --only opposite-stances --bind opposite-stances:supporter=actor:hamas

The targets of the scale issue: with its binding at most 1 s, unbound at most 10 s on
100,000 articles, but for a query whose header says its result grows with the store.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

# One binding per named query with parameters, as `query --param` takes them (where its scale
# line asks for one on a large store, that one); `doc` is a document of the store, `negotiation` the
# negotiation with the most documents.
BOUND = {
    "actor-cooccurrence": {"actor1": "actor:egypt"},
    "actors-by-role": {"negotiation": None},
    "document-evidence": {"doc": None},
    "documents-mentioning-actor": {"actor": "qatar"},
    "events": {"agent": "qatar"},
    "facts-about": {"resource": "hamas"},
    "mediators": {"mediator": "qatar"},
    "negotiation-gaps": {"negotiation": None},
    "opposite-stances": {"supporter": "actor:hamas", "target": "issue:ceasefire"},
    "people-and-posts": {"organization": "qatar"},
    "stance-changes": {"actor": "hamas"},
    "stances-by-actor": {"actor": "hamas"},
    "stances-on-issue": {"issue": "ceasefire", "polarity": "Support"},
    "who-speaks-for-whom": {"organization": "qatar"},
}
ONE_DOCUMENT = (
    "SELECT ?d WHERE { GRAPH ?d { ?d a <https://w3id.org/negograph/ontology#Document> } } LIMIT 1"
)
TOP_NEGOTIATION = (
    "SELECT ?n (COUNT(DISTINCT ?d) AS ?docs) WHERE { GRAPH ?d { ?p "
    "<https://w3id.org/negograph/ontology#negotiation> ?n } } GROUP BY ?n ORDER BY DESC(?docs) ?n LIMIT 1"
)


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/negograph-target"))


def first_value(bin, store, query):
    out = subprocess.run([bin, "--store", store, "query", "--format", "tsv", query],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return out[1].split("\t")[0] if len(out) > 1 else None


def named_cases(bin, store, only=None):
    """Every named query `bin` lists (or those in `only`) as (name, params): unbound, then with
    its binding from BOUND where the store has what the binding needs."""
    names = subprocess.run([bin, "queries"], capture_output=True, text=True, check=True).stdout
    names = [l.split()[0] for l in names.splitlines()[2:] if l.strip() and not l.startswith("Run ")]
    found = {"doc": first_value(bin, store, ONE_DOCUMENT),
             "negotiation": first_value(bin, store, TOP_NEGOTIATION)}
    cases = []
    for name in names:
        if only and name not in only:
            continue
        cases.append((name, {}))
        params = {k: found[k] if k in found else v for k, v in BOUND.get(name, {}).items()}
        if params and all(params.values()):
            cases.append((name, params))
    return cases


def run(bin, store, name, params, timeout):
    """Returns (rows or None, wall seconds, CPU seconds, error line)."""
    argv = [bin, "--store", store, "query", "--named", name, "--format", "csv", "--timeout", str(timeout)]
    for k, v in params.items():
        argv += ["--param", f"{k}={v}"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.time()
        p = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.time() - started
        cpu = usage.ru_utime + usage.ru_stime
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            line = err.read().decode("utf-8", "replace").strip().splitlines()
            return None, wall, cpu, line[0] if line else f"status {status}"
        return max(0, out.read().count(b"\n") - 1), wall, cpu, ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True)
    ap.add_argument("--bin", action="append", help="a negograph binary (repeatable)")
    ap.add_argument("--timeout", type=int, default=30)
    ap.add_argument("--only", action="append", help="only this named query (repeatable)")
    ap.add_argument("--bind", action="append", default=[],
                    help="NAME:K=V, an extra bound case after NAME's own (repeatable)")
    a = ap.parse_args()
    bins = a.bin or [os.path.join(target_dir(), "release", "negograph")]
    cases = named_cases(bins[0], a.store, a.only)
    for b in a.bind:
        # after the query's own cases
        name, kv = b.split(":", 1)
        k, v = kv.split("=", 1)
        at = max((i + 1 for i, (n, _) in enumerate(cases) if n == name), default=len(cases))
        cases.insert(at, (name, {k: v}))
    print(f"store {a.store}, timeout {a.timeout} s; binaries: {', '.join(bins)}")
    print("| named query, binding | " + " | ".join(["wall (CPU), rows"] * len(bins)) + " |")
    print("|---|" + "---|" * len(bins))
    for name, params in cases:
        label = name + (", " + ", ".join(f"{k}={v}" for k, v in params.items()) if params else "")
        cells = []
        for b in bins:
            rows, wall, cpu, err = run(b, a.store, name, params, a.timeout)
            if rows is None:
                cells.append(f"over {a.timeout} s" if "timeout" in err.lower() or "time" in err.lower()
                             else f"error: {err[:60]}")
            else:
                cells.append(f"{wall:.2f} s ({cpu:.2f} s), {rows}")
        print(f"| `{label}` | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
