#!/usr/bin/env python3
"""Peers of negograph-bench, run on the same corpora and the same quads.

spacy      spaCy's blank English pipeline with a sentencizer, an EntityRuler holding the
           gazetteer's names (labels, altLabels, demonyms, metonyms of ontology/*.ttl) and a
           PhraseMatcher of the stance cue forms of ontology/cues.ttl, over a JSON Lines corpus.
bulk-load  pyoxigraph's bulk loader (Store(path).bulk_load) of the N-Quads negograph wrote.
report     runs both, each in a process of its own, for every corpus of a negograph-bench
           workdir, and prints their figures beside negograph's with the ratios.

Each measurement prints one JSON line; peak memory is the process's ru_maxrss.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEG = "https://w3id.org/negograph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
NAME_PROPERTIES = {RDFS_LABEL, SKOS_ALT, NEG + "demonym", NEG + "metonym"}
ENTITY_LABELS = {NEG + "State": "STATE", NEG + "Organization": "ORG", NEG + "Group": "ORG", NEG + "Person": "PERSON"}


def peak_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def cpu_secs():
    r = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime + c.ru_utime + c.ru_stime


def triples(path):
    from pyoxigraph import RdfFormat, parse

    with open(path, "rb") as f:
        for t in parse(f, format=RdfFormat.TURTLE):
            yield t.subject.value, t.predicate.value, t.object


def gazetteer_patterns():
    """EntityRuler patterns: every name of every actor of the gazetteer."""
    types, names = {}, {}
    for file in ("states.ttl", "organizations.ttl", "people.ttl"):
        for s, p, o in triples(ROOT / "ontology" / file):
            if p == RDF_TYPE and o.value in ENTITY_LABELS:
                types[s] = ENTITY_LABELS[o.value]
            elif p in NAME_PROPERTIES:
                names.setdefault(s, []).append(o.value)
    patterns = []
    for s, label in types.items():
        for n in dict.fromkeys(names.get(s, [])):
            patterns.append({"label": label, "pattern": n, "id": s})
    return patterns


def stance_forms():
    """The neg:form strings of every neg:StanceCue of cues.ttl."""
    cues, forms = set(), {}
    for s, p, o in triples(ROOT / "ontology" / "cues.ttl"):
        if p == RDF_TYPE and o.value == NEG + "StanceCue":
            cues.add(s)
        elif p == NEG + "form":
            forms.setdefault(s, []).append(o.value)
    return sorted({f for c in cues for f in forms.get(c, [])})


def build_pipeline():
    import spacy
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gazetteer_patterns())
    forms = stance_forms()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("STANCE", list(nlp.tokenizer.pipe(forms)))

    @Language.component("stance_cues")
    def stance_cues(doc):
        doc.user_data["stance_cues"] = len(matcher(doc))
        return doc

    nlp.add_pipe("stance_cues")
    return nlp, len(ruler.patterns), len(forms)


def read_texts(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def cmd_spacy(args):
    t0 = time.perf_counter()
    nlp, n_patterns, n_forms = build_pipeline()
    setup = time.perf_counter() - t0
    texts = read_texts(args.jsonl)
    articles = sentences = entities = cues = 0
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=64, n_process=args.processes):
        articles += 1
        sentences += sum(1 for _ in doc.sents)
        entities += len(doc.ents)
        cues += doc.user_data.get("stance_cues", 0)
    secs = time.perf_counter() - start
    out = {
        "secs": secs,
        "setup_secs": setup,
        "processes": args.processes,
        "articles": articles,
        "sentences": sentences,
        "entities": entities,
        "stance_cues": cues,
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "patterns": n_patterns,
        "forms": n_forms,
        "peak_kib": peak_kib(),
        "cpu_secs": cpu_secs(),
    }
    print(json.dumps(out))


def dir_size(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def cmd_bulk_load(args):
    from pyoxigraph import RdfFormat, Store

    if os.path.exists(args.store):
        shutil.rmtree(args.store)
    start = time.perf_counter()
    store = Store(args.store)
    store.bulk_load(path=args.nquads, format=RdfFormat.N_QUADS)
    store.flush()
    secs = time.perf_counter() - start
    quads = len(store)
    del store
    out = {
        "secs": secs,
        "quads": quads,
        "bytes": os.path.getsize(args.nquads),
        "store_bytes": dir_size(args.store),
        "peak_kib": peak_kib(),
        "cpu_secs": cpu_secs(),
    }
    print(json.dumps(out))


def child(*argv):
    r = subprocess.run([sys.executable, __file__, *argv], stdout=subprocess.PIPE, check=True, text=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()
    print(line(header))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))


def rate(n, secs):
    return f"{n / secs:.0f}" if secs > 0 and n else "-"


def cmd_report(args):
    summary = json.loads(Path(args.summary).read_text())
    cores = summary["machine"]["cores"]
    rows = summary["rows"]
    sizes = sorted({r["size"] for r in rows})
    neg = {(r["size"], r["kind"]): r["figures"] for r in rows}
    out_rows, ratios = [], []
    for size in sizes:
        jsonl = Path(args.workdir) / f"corpus-{size}.jsonl"
        nq = Path(args.workdir) / f"corpus-{size}.nq"
        if not jsonl.exists():
            print(f"[{size}] {jsonl} is missing; skipped", file=sys.stderr)
            continue
        measured = {}
        for procs in sorted({1, cores}):
            f = child("spacy", "--jsonl", str(jsonl), "--processes", str(procs))
            measured[f"spacy-{procs}"] = f
            print(f"[{size}] spaCy, {procs} process(es): {f['secs']:.2f} s", file=sys.stderr)
            out_rows.append(
                [size, f"spaCy blank+sentencizer+EntityRuler+PhraseMatcher, {procs} proc", f"{f['secs']:.2f}",
                 f"{f['cpu_secs']:.2f}", rate(f["articles"], f["secs"]), rate(f["sentences"], f["secs"]),
                 f"{f['bytes'] / 1e6 / f['secs']:.2f}", "-", f"{f['peak_kib'] / 1024:.0f}", "-"])
        if nq.exists():
            store = Path(args.workdir) / f"pyoxigraph-{size}"
            f = child("bulk-load", "--nquads", str(nq), "--store", str(store))
            measured["pyoxigraph"] = f
            print(f"[{size}] pyoxigraph bulk load: {f['secs']:.2f} s", file=sys.stderr)
            out_rows.append(
                [size, "pyoxigraph Store.bulk_load of the N-Quads", f"{f['secs']:.2f}", f"{f['cpu_secs']:.2f}", "-", "-",
                 f"{f['bytes'] / 1e6 / f['secs']:.2f}", rate(f["quads"], f["secs"]), f"{f['peak_kib'] / 1024:.0f}",
                 f"{f['store_bytes'] / 2**20:.1f}"])
            if not args.keep_stores:
                shutil.rmtree(store, ignore_errors=True)
        ratios.append((size, measured))

    print()
    print("Peers (same corpora, same quads):")
    table(["articles", "measurement", "seconds", "cpu s", "articles/s", "sentences/s", "MB/s", "triples/s",
           "peak MiB", "store MiB"], out_rows)
    print("(spaCy counts its own sentences; articles/s and MB/s compare like with like.)")
    print()
    print("Ratios:")
    for size, m in ratios:
        def aps(f):
            return f["articles"] / f["secs"]

        for kind, procs, what in (("extract1", 1, "one thread vs one process"), ("extract-all", cores, f"{cores} threads vs {cores} processes")):
            n, s = neg.get((size, kind)), m.get(f"spacy-{procs}")
            if n and s:
                r = aps(n) / aps(s)
                print(f"  [{size}] negograph extraction vs spaCy ({what}): {aps(n):.0f} vs {aps(s):.0f} articles/s"
                      f" = {r:.2f}x  (target >= 20x: {'met' if r >= 20 else 'missed'})")
        p = m.get("pyoxigraph")
        if p:
            for kind, what in (("ingest-tx", "--no-bulk, a transaction per document"), ("ingest-bulk", "--bulk, whole documents in each atomic commit")):
                n = neg.get((size, kind))
                if n:
                    r = n["secs"] / p["secs"]
                    print(f"  [{size}] negograph ingest with extraction ({what}) {n['secs']:.2f} s vs pyoxigraph bulk load"
                          f" {p['secs']:.2f} s = {r:.2f}x  (target <= 1.5x: {'met' if r <= 1.5 else 'missed'})")
            n = neg.get((size, "load-nquads"))
            if n:
                print(f"  [{size}] Oxigraph's bulk load of the same N-Quads from Rust {n['secs']:.2f} s vs from Python"
                      f" {p['secs']:.2f} s = {n['secs'] / p['secs']:.2f}x")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    a = sub.add_parser("spacy", help="spaCy over a JSON Lines corpus")
    a.add_argument("--jsonl", required=True)
    a.add_argument("--processes", type=int, default=1)
    a = sub.add_parser("bulk-load", help="pyoxigraph bulk load of an N-Quads file")
    a.add_argument("--nquads", required=True)
    a.add_argument("--store", required=True)
    a = sub.add_parser("report", help="every peer on every corpus of a negograph-bench workdir")
    a.add_argument("--workdir", required=True)
    a.add_argument("--summary", required=True, help="the JSON that negograph-bench run --summary wrote")
    a.add_argument("--keep-stores", action="store_true")
    args = ap.parse_args()
    {"spacy": cmd_spacy, "bulk-load": cmd_bulk_load, "report": cmd_report}[args.command](args)


if __name__ == "__main__":
    main()
