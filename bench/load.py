#!/usr/bin/env python3
"""A load test of `negograph serve`: many clients running the named queries at once.

Generates a corpus (negograph-bench generate) and ingests it into a store (kept in --work for
the next run), starts `negograph serve` on a free port of 127.0.0.1 (loopback only), and runs
--clients clients for --seconds, each with a kept-alive connection, sending the named queries
of /api/named/ round robin with the bindings below, and then stops the server. It prints the
requests, the answers by status, the failures (anything but 200 and the server's deliberate
503 for a timeout or for load), p50 and p99 latency, and the server's peak resident memory.

    bench/load.py                                    # 10,000 articles, 64 clients, 60 s
    bench/load.py --articles 1000 --seconds 10 --clients 8

Exit status 1 when a request failed.
"""

import argparse
import http.client
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

# The named queries with the bindings they are run with (as `query --param` takes them); a
# query without parameters runs over the whole store. `doc` is a document of the store.
BINDINGS = {
    "actor-cooccurrence": {},
    "actors-by-role": {"role": "Mediator"},
    "actors": {},
    "document-evidence": {"doc": None},
    "documents-mentioning-actor": {"actor": "qatar"},
    "events": {"agent": "azerbaijan"},
    "facts-about": {"resource": "<https://w3id.org/negograph/id/actor/qatar>"},
    "mediators": {"mediator": "qatar"},
    "negotiation-gaps": {"issue": "ceasefire"},
    "network-edges": {},
    "opposite-stances": {"target": "<https://w3id.org/negograph/issue/ceasefire>"},
    "people-and-posts": {"organization": "qatar"},
    "stance-changes": {"actor": "hamas"},
    "stances-by-actor": {"actor": "hamas"},
    "stances-on-issue": {"issue": "ceasefire"},
    "stats": {},
    "who-speaks-for-whom": {"organization": "qatar"},
}

ONE_DOCUMENT = (
    "SELECT ?d WHERE { GRAPH ?d { ?d a <https://w3id.org/negograph/ontology#Document> } } LIMIT 1"
)


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/negograph-target"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    i = min(len(sorted_values) - 1, int(round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[i]


def reason(body):
    """Why the server answered 503: its timeout, its memory limit for one query, or load."""
    text = body.decode("utf-8", "replace")
    if "MiB for one query" in text:
        return "memory limit"
    if "timeout" in text and "stopped" in text:
        return "timeout"
    return "busy"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--clients", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--work", default="/tmp/negograph-load")
    ap.add_argument("--bin", default=os.path.join(target_dir(), "release", "negograph"))
    ap.add_argument("--bench-bin", default=os.path.join(target_dir(), "release", "negograph-bench"))
    ap.add_argument("--serve-args", default="", help="more arguments for serve, e.g. '--timeout 10'")
    a = ap.parse_args()

    os.makedirs(a.work, exist_ok=True)
    corpus = os.path.join(a.work, f"corpus-{a.articles}.jsonl")
    store = os.path.join(a.work, f"store-{a.articles}")
    if not os.path.exists(os.path.join(store, "CURRENT")):
        if not os.path.exists(corpus):
            subprocess.run([a.bench_bin, "generate", "--articles", str(a.articles), "--jsonl", corpus], check=True)
        shutil.rmtree(store, ignore_errors=True)
        subprocess.run([a.bin, "--store", store, "ingest", "--quiet", corpus], check=True)

    port = free_port()
    server = subprocess.Popen(
        [a.bin, "--store", store, "serve", "--bind", f"127.0.0.1:{port}", *a.serve_args.split()],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        return run(a, port, server)
    finally:
        server.kill()
        server.wait()


def run(a, port, server):
    started = time.time()
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.time() - started > 60:
                sys.exit("the server did not start: " + server.stderr.read().decode())
            time.sleep(0.1)

    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    c.request("GET", "/sparql?" + urllib.parse.urlencode({"query": ONE_DOCUMENT}), headers={"Accept": "text/csv"})
    doc = c.getresponse().read().decode().splitlines()[1].strip()
    c.close()
    paths = []
    for name, params in BINDINGS.items():
        params = {k: (v if v is not None else f"<{doc}>") for k, v in params.items()}
        paths.append(f"/api/named/{name}" + ("?" + urllib.parse.urlencode(params) if params else ""))

    results = []  # (status, seconds, path, why a 503)
    lock = threading.Lock()
    deadline = time.time() + a.seconds

    def client(k):
        conn = None
        i = k
        while time.time() < deadline:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.time()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
                conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
                r = conn.getresponse()
                body = r.read()
                status = r.status
                why = reason(body) if status == 503 else None
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
                if status == 503:
                    time.sleep(min(float(r.getheader("Retry-After", "1")), 1.0))
            except (OSError, http.client.HTTPException) as e:
                status = f"error: {type(e).__name__}"
                why = None
                if conn is not None:
                    conn.close()
                conn = None
            with lock:
                results.append((status, time.time() - t0, path, why))

    peak = [0.0]

    def sample():
        while time.time() < deadline + 1:
            peak[0] = max(peak[0], rss_mib(server.pid, "VmRSS"))
            time.sleep(0.5)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(a.clients)]
    sampler = threading.Thread(target=sample)
    sampler.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sampler.join()
    hwm = rss_mib(server.pid, "VmHWM")
    took = time.time() - (deadline - a.seconds)

    by_status = {}
    for s, _, _, _ in results:
        by_status[s] = by_status.get(s, 0) + 1
    failed = [r for r in results if r[0] not in (200, 503)]
    ok = sorted(t for s, t, _, _ in results if s == 200)
    everything = sorted(t for _, t, _, _ in results)
    whys = {}
    for _, _, _, w in results:
        if w:
            whys[w] = whys.get(w, 0) + 1
    print(f"{a.clients} clients for {a.seconds:.0f} s ({took:.0f} s with the last answers) against a store of "
          f"{a.articles} articles, {len(paths)} named queries round robin")
    print(f"requests: {len(results)} ({len(results) / took:.1f}/s); by status: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(by_status.items(), key=lambda kv: str(kv[0]))))
    print("503 by reason: " + (", ".join(f"{k}: {v}" for k, v in sorted(whys.items())) or "none"))
    print(f"failed (not 200, not a deliberate 503): {len(failed)}")
    print(f"latency of all answers: p50 {percentile(everything, 50):.2f} s, p99 {percentile(everything, 99):.2f} s; "
          f"of the 200s: p50 {percentile(ok, 50):.2f} s, p99 {percentile(ok, 99):.2f} s")
    print(f"server peak resident memory: {max(hwm, peak[0]):.0f} MiB")
    slowest = {}
    for s, t, p, _ in results:
        if s == 200:
            name = p.split("?")[0].rsplit("/", 1)[-1]
            slowest[name] = max(slowest.get(name, 0), t)
    print("slowest 200 per query: " + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(slowest.items(), key=lambda kv: -kv[1])))
    for s, t, p in failed[:10]:
        print(f"  FAILED {s} after {t:.1f} s: {p}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
