#!/usr/bin/env python3
"""Two negograph binaries, old and new, on the same corpora in one run: end-to-end ingest, the
store it makes, and every named query unbound and with its documented binding.

    bench/compare.py --old BIN --new BIN --jsonl corpus.jsonl [--jsonl big.jsonl] \
        [--workdir DIR] [--timeout 30] [--queries-on LAST|all|none] [--json out.json]

Each binary ingests each corpus into a store of its own (`ingest --bulk`, timed, its peak
resident memory read by /usr/bin/time); the named queries run with `query --named NAME
--format csv --timeout T` on the stores of the corpus `--queries-on` names (by default the
last). The two binaries take turns, so that a change in the machine's load touches both. Prints
a Markdown table of each; standard library only.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

# Each named query's documented binding (its header's params), with values every generated corpus
# holds. `{doc}` is the first document of the store.
BINDINGS = {
    "actor-cooccurrence": ["actor1=qatar"],
    "actors": ["actor=qatar"],
    "actors-by-role": ["role=Mediator"],
    "document-evidence": ["doc={doc}"],
    "documents-mentioning-actor": ["actor=qatar"],
    "events": ["agent=qatar"],
    "facts-about": ["resource=qatar"],
    "mediators": ["mediator=qatar"],
    "negotiation-gaps": ["issue=ceasefire"],
    "network-edges": ["source=qatar"],
    "opposite-stances": ["target=issue:ceasefire"],
    "people-and-posts": ["organization=qatar"],
    "stance-changes": ["actor=qatar"],
    "stances-by-actor": ["actor=qatar"],
    "stances-on-issue": ["issue=ceasefire"],
    "stats": [],
    "who-speaks-for-whom": ["organization=qatar"],
}


def run_timed(cmd, env=None):
    """Runs cmd; returns (seconds, peak KiB, exit code, stdout, stderr, CPU seconds: user and
    system)."""
    tf = "/tmp/negograph-compare-time.%d" % os.getpid()
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-o", tf, "-f", "%M %U %S"] + cmd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env)
    secs = time.monotonic() - start
    peak, cpu = 0, 0.0
    try:
        with open(tf) as f:
            for line in f:
                m = re.fullmatch(r"(\d+) ([\d.]+) ([\d.]+)", line.strip())
                if m:
                    peak, cpu = int(m.group(1)), float(m.group(2)) + float(m.group(3))
    finally:
        if os.path.exists(tf):
            os.remove(tf)
    return secs, peak, p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), cpu


def du(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def named_queries(binary):
    out = subprocess.run([binary, "queries"], stdout=subprocess.PIPE, check=True).stdout.decode()
    names = []
    for line in out.splitlines():
        m = re.match(r"^([a-z][a-z-]+)\s", line)
        if m and m.group(1) in BINDINGS:
            names.append(m.group(1))
    return sorted(set(names))


def params_of(binary, name):
    """The parameters a binary's version of a named query takes (from its header)."""
    out = subprocess.run([binary, "queries"], stdout=subprocess.PIPE).stdout.decode()
    for line in out.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "\t"):
            return set(re.findall(r"\?([A-Za-z0-9_]+)", line))
    return set()


def first_doc(binary, store):
    q = "PREFIX neg: <https://w3id.org/negograph/ontology#> SELECT ?d WHERE { ?d a neg:Document } LIMIT 1"
    out = subprocess.run([binary, "query", "--store", store, "--format", "csv", q],
                         stdout=subprocess.PIPE).stdout.decode().splitlines()
    return out[1].strip() if len(out) > 1 else ""


def ingest(binary, jsonl, store):
    if os.path.exists(store):
        shutil.rmtree(store)
    secs, peak, rc, out, err, cpu = run_timed([binary, "ingest", "--bulk", "--store", store, jsonl])
    if rc != 0:
        sys.exit(f"{binary} ingest failed: {err[-2000:]}")
    m = re.search(r"(\d+) documents new.*?(\d+) triples added", err + out, re.S)
    docs, triples = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    stats = subprocess.run([binary, "stats", "--store", store], stdout=subprocess.PIPE).stdout.decode()
    m = re.search(r"(\d+) quads in", stats)
    quads = int(m.group(1)) if m else 0
    return {"secs": secs, "cpu": cpu, "peak_kib": peak, "documents": docs, "triples_reported": triples,
            "quads": quads, "store_bytes": du(store)}


def query(binary, store, name, params, timeout):
    cmd = [binary, "query", "--store", store, "--named", name, "--format", "csv", "--timeout", str(timeout)]
    for p in params:
        cmd += ["--param", p]
    secs, peak, rc, out, err, cpu = run_timed(cmd)
    rows = max(0, len(out.splitlines()) - 1) if rc in (0, 1) else None
    error = None if rc in (0, 1) else (err.strip().splitlines() or ["exit %d" % rc])[-1][:120]
    return {"secs": secs, "cpu": cpu, "peak_kib": peak, "rows": rows, "error": error}


def fmt_query(r):
    if r is None:
        return ""
    if r["error"]:
        return "stopped" if "timeout" in r["error"] else "error"
    return f"{r['secs']:.2f} s ({r['rows']:,} rows)"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("--jsonl", action="append", required=True)
    ap.add_argument("--workdir", default=os.path.expanduser("~/.cache/negograph-compare"))
    ap.add_argument("--timeout", type=int, default=30)
    ap.add_argument("--queries-on", default="last", choices=["last", "all", "none"])
    ap.add_argument("--json")
    ap.add_argument("--keep-stores", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.workdir, exist_ok=True)
    bins = {"old": os.path.abspath(a.old), "new": os.path.abspath(a.new)}
    results = {}
    for i, jsonl in enumerate(a.jsonl):
        corpus = os.path.basename(jsonl)
        results[corpus] = {}
        for tag, b in bins.items():
            store = os.path.join(a.workdir, f"{tag}-{corpus}.db")
            r = ingest(b, jsonl, store)
            print(f"{corpus} {tag}: ingest {r['secs']:.1f} s ({r['cpu']:.1f} s CPU), {r['documents']} documents, "
                  f"{r['quads']} quads, peak {r['peak_kib'] / 1024:.0f} MiB", file=sys.stderr, flush=True)
            results[corpus][tag] = {"ingest": r, "queries": {}}
        last = i == len(a.jsonl) - 1
        if a.queries_on == "all" or (a.queries_on == "last" and last):
            names = named_queries(bins["new"])
            doc = first_doc(bins["new"], os.path.join(a.workdir, f"new-{corpus}.db"))
            for name in names:
                for tag, b in bins.items():
                    store = os.path.join(a.workdir, f"{tag}-{corpus}.db")
                    takes = params_of(b, name)
                    bound = [p.format(doc=doc) for p in BINDINGS[name] if p.split("=")[0] in takes]
                    rs = {"unbound": query(b, store, name, [], a.timeout)}
                    if bound:
                        rs["bound"] = query(b, store, name, bound, a.timeout)
                        rs["binding"] = " ".join(BINDINGS[name])
                    results[corpus][tag]["queries"][name] = rs
                    print(f"  {name} {tag}: unbound {fmt_query(rs['unbound'])}, bound {fmt_query(rs.get('bound'))}",
                          file=sys.stderr, flush=True)
        if not a.keep_stores and not (a.queries_on == "last" and last):
            for tag in bins:
                shutil.rmtree(os.path.join(a.workdir, f"{tag}-{corpus}.db"), ignore_errors=True)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)
    for corpus, r in results.items():
        o, n = r["old"]["ingest"], r["new"]["ingest"]
        d = max(1, n["documents"])
        print(f"\n{corpus}: {n['documents']:,} articles\n")
        print("| measure | old | new | new / old |\n|---|---|---|---|")
        rows = [
            ("quads per article", o["quads"] / max(1, o["documents"]), n["quads"] / d, "{:.0f}"),
            ("ingest --bulk, articles/s", o["documents"] / o["secs"], n["documents"] / n["secs"], "{:.0f}"),
            ("ingest --bulk, seconds", o["secs"], n["secs"], "{:.1f}"),
            ("ingest --bulk, CPU seconds (user and system)", o["cpu"], n["cpu"], "{:.2f}"),
            ("peak memory, MiB", o["peak_kib"] / 1024, n["peak_kib"] / 1024, "{:.0f}"),
            ("store, MB", o["store_bytes"] / 1e6, n["store_bytes"] / 1e6, "{:.0f}"),
        ]
        for label, x, y, f in rows:
            print(f"| {label} | {f.format(x)} | {f.format(y)} | {y / x if x else 0:.2f} |")
        if r["new"]["queries"]:
            print("\n| named query | old unbound | new unbound | binding | old bound | new bound |\n|---|---|---|---|---|---|")
            for name, q in sorted(r["new"]["queries"].items()):
                oq = r["old"]["queries"].get(name, {})
                print(f"| `{name}` | {fmt_query(oq.get('unbound'))} | {fmt_query(q['unbound'])} | "
                      f"{q.get('binding', '')} | {fmt_query(oq.get('bound'))} | {fmt_query(q.get('bound'))} |")


if __name__ == "__main__":
    main()
