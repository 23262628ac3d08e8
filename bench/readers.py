#!/usr/bin/env python3
"""Readers during an ingest: how many reader runs fail, and how much memory each takes.

Generates a corpus (negograph-bench generate), starts `negograph ingest` on it, and while the
ingest runs starts readers one after another, round robin: `query` (a count of documents),
`export --format nquads`, `actors` and `stats`, each under an address-space limit
(--reader-limit-mb). Each reader's peak resident memory comes from the kernel (wait4's
ru_maxrss). At the end it prints the reader runs, the failures by command with their first
line, the peak memory of the readers and of the ingest, and the documents the count queries saw.
A reader still running after --reader-seconds (an export of a large store takes longer than the
ingest: each term of each quad is one lookup in the store) is stopped and counted apart.

    bench/readers.py --articles 100000 --work /tmp/readers      # after scripts/cargo build --release

It runs on this machine's loopback and files only, and stops when the ingest ends (or after
--max-minutes). Exit status 1 when any reader failed.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import threading
import time

COUNT = (
    "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g "
    "{ ?d a <https://w3id.org/negograph/ontology#Document> } }"
)


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/negograph-target"))


def limit(mb):
    def apply():
        if mb:
            resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))

    return apply


def run_measured(argv, env, limit_mb, stdout, seconds):
    """Runs argv, killed after `seconds` (0: no limit); returns (exit status, peak RSS in MiB,
    stderr, whether the time limit stopped it)."""
    p = subprocess.Popen(
        argv, env=env, stdout=stdout, stderr=subprocess.PIPE, preexec_fn=limit(limit_mb)
    )
    stopped = []
    timer = threading.Timer(seconds, lambda: (stopped.append(True), p.kill())) if seconds else None
    if timer:
        timer.start()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    if timer:
        timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, usage.ru_maxrss / 1024, err.decode("utf-8", "replace"), bool(stopped)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--work", default="/tmp/negograph-readers")
    ap.add_argument("--bin", default=os.path.join(target_dir(), "release", "negograph"))
    ap.add_argument("--bench-bin", default=os.path.join(target_dir(), "release", "negograph-bench"))
    ap.add_argument("--reader-limit-mb", type=int, default=4096,
                    help="address-space limit of each reader (0: none)")
    ap.add_argument("--ingest-args", default="", help="more arguments for ingest, e.g. '--no-bulk'")
    ap.add_argument("--max-minutes", type=float, default=60)
    ap.add_argument("--reader-seconds", type=float, default=300,
                    help="stop a reader that runs longer (an export of a large store): counted "
                         "apart, neither run nor failure (0: no limit)")
    ap.add_argument("--keep", action="store_true", help="keep the corpus for the next run")
    a = ap.parse_args()

    os.makedirs(a.work, exist_ok=True)
    corpus = os.path.join(a.work, f"corpus-{a.articles}.jsonl")
    if not os.path.exists(corpus):
        subprocess.run([a.bench_bin, "generate", "--articles", str(a.articles), "--jsonl", corpus], check=True)
    store = os.path.join(a.work, "store")
    shutil.rmtree(store, ignore_errors=True)
    env = dict(os.environ, NEGOGRAPH_STORE=store)

    ingest_argv = [a.bin, "ingest", "--quiet", *a.ingest_args.split(), corpus]
    started = time.time()
    ingest = subprocess.Popen(ingest_argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ended = []

    def running():
        if not ended:
            pid, status, usage = os.wait4(ingest.pid, os.WNOHANG)
            if pid:
                ended.append((status, usage))
        return not ended

    while not os.path.exists(os.path.join(store, "CURRENT")) and running():
        time.sleep(0.05)

    readers = [
        ("query", [a.bin, "query", "--format", "tsv", COUNT]),
        ("export", [a.bin, "export", "--format", "nquads"]),
        ("actors", [a.bin, "actors"]),
        ("stats", [a.bin, "stats"]),
    ]
    runs, stopped, failures, peak, counts = 0, {}, [], {}, []
    i = 0
    deadline = started + a.max_minutes * 60
    while running() and time.time() < deadline:
        name, argv = readers[i % len(readers)]
        i += 1
        result = os.path.join(a.work, "reader.out")
        with open(result if name == "query" else os.devnull, "wb") as out:
            status, rss, err, timed_out = run_measured(argv, env, a.reader_limit_mb, out, a.reader_seconds)
        peak[name] = max(peak.get(name, 0), rss)
        if timed_out:
            stopped[name] = stopped.get(name, 0) + 1
            continue
        if name == "query" and status == 0:
            lines = open(result).read().split("\n")
            if len(lines) > 1 and lines[1].strip():
                counts.append(int(lines[1].split("^")[0].strip('"')))
        runs += 1
        if status != 0:
            first = err.strip().splitlines()[0] if err.strip() else f"(nothing on stderr, status {status})"
            failures.append((name, status, first))
    if running():
        ingest.kill()
        _, status, usage = os.wait4(ingest.pid, 0)
    else:
        status, usage = ended[0]
    ingest_err = ingest.stderr.read().decode("utf-8", "replace")
    took = time.time() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    print(f"ingest of {a.articles} articles ({' '.join(ingest_argv[2:-1]) or 'default path'}): "
          f"exit {os.waitstatus_to_exitcode(status)}, {took:.0f} s, peak {usage.ru_maxrss / 1024:.0f} MiB")
    if ingest_err.strip():
        print("  ingest said: " + ingest_err.strip().splitlines()[-1])
    print(f"reader runs during the ingest: {runs}, failed: {len(failures)} "
          f"(limit {a.reader_limit_mb} MiB of address space each)")
    for name in sorted(stopped):
        print(f"  {name} stopped after {a.reader_seconds:.0f} s, still reading: {stopped[name]} times")
    for name in sorted(peak):
        print(f"  peak resident memory of {name}: {peak[name]:.0f} MiB")
    print(f"  peak resident memory of any child (readers, ingest, generator): {children:.0f} MiB")
    if counts:
        print(f"  documents seen by the count queries: {len(counts)} runs, from {min(counts)} to {max(counts)}")
    for name, st, first in failures[:20]:
        print(f"  FAILED {name} (exit {st}): {first}")
    if not a.keep:
        shutil.rmtree(store, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
