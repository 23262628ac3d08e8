"""`negograph serve` used by Python's SPARQL clients: SPARQLWrapper, and rdflib's SPARQLStore and
URL parsing (the Graph Store Protocol), on a store of tests/fixtures/articles served read-only
on a free loopback port. Run with tests/outside/run.sh."""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper, POST

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
BIN = Path(os.environ.get("NEGOGRAPH_BIN", Path.home() / ".cache" / "negograph-target" / "release" / "negograph"))

STATES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX neg: <https://w3id.org/negograph/ontology#>
SELECT DISTINCT ?actor ?label WHERE { ?actor a neg:State ; rdfs:label ?label } ORDER BY ?label"""


def negograph(*args, store):
    p = subprocess.run([str(BIN), "--store", str(store), *map(str, args)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p.stdout


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = tmp_path_factory.mktemp("serve") / "negograph.db"
    negograph("ingest", "--quiet", ARTICLES, store=store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [str(BIN), "--store", str(store), "serve", "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 20
    while True:
        try:
            urllib.request.urlopen(base + "api/config", timeout=2).read()
            break
        except (urllib.error.URLError, ConnectionError):
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.time() < deadline, "the server did not start"
            time.sleep(0.1)
    yield {"base": base, "endpoint": base + "sparql", "store": store}
    proc.terminate()
    proc.wait(timeout=10)


def wrapper(server, query, fmt):
    w = SPARQLWrapper(server["endpoint"])
    w.setQuery(query)
    w.setReturnFormat(fmt)
    return w.query().convert()


def test_sparqlwrapper_select_matches_the_command_line(server):
    ours = json.loads(negograph("query", STATES, "--format", "json", store=server["store"]))
    got = wrapper(server, STATES, JSON)
    assert got["head"]["vars"] == ["actor", "label"]
    assert got["results"]["bindings"] == ours["results"]["bindings"]
    assert len(got["results"]["bindings"]) > 10


def test_sparqlwrapper_reads_xml_csv_and_post(server):
    n = len(wrapper(server, STATES, JSON)["results"]["bindings"])
    xml = wrapper(server, STATES, XML)  # a DOM document
    assert len(xml.getElementsByTagName("result")) == n
    csv = wrapper(server, STATES, CSV).decode()
    assert csv.splitlines()[0] == "actor,label" and len(csv.splitlines()) == n + 1
    w = SPARQLWrapper(server["endpoint"])
    w.setMethod(POST)
    w.setQuery(STATES)
    w.setReturnFormat(JSON)
    assert len(w.query().convert()["results"]["bindings"]) == n


def test_sparqlwrapper_ask_and_construct(server):
    assert wrapper(server, "ASK { ?s a <https://w3id.org/negograph/ontology#Stance> }", JSON)["boolean"] is True
    construct = """PREFIX neg: <https://w3id.org/negograph/ontology#>
CONSTRUCT { ?s neg:holder ?h } WHERE { ?s a neg:Stance ; neg:holder ?h }"""
    ttl = wrapper(server, construct, TURTLE)
    g = rdflib.Graph().parse(data=ttl, format="turtle")
    count = wrapper(server, """PREFIX neg: <https://w3id.org/negograph/ontology#>
SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?h WHERE { ?s a neg:Stance ; neg:holder ?h } }""", JSON)
    assert len(g) == int(count["results"]["bindings"][0]["n"]["value"]) > 50


def test_sparqlwrapper_update_is_refused(server):
    w = SPARQLWrapper(server["base"] + "update")
    w.setMethod(POST)
    w.setQuery("INSERT DATA { <https://example.org/a> <https://example.org/p> 1 }")
    with pytest.raises(Exception) as e:
        w.query()
    assert "403" in str(e.value) or "read-only" in str(e.value)
    assert wrapper(server, "ASK { <https://example.org/a> ?p ?o }", JSON)["boolean"] is False


def test_rdflib_sparqlstore_queries_the_endpoint(server):
    g = rdflib.Graph(store=SPARQLStore(server["endpoint"], returnFormat="json"))
    rows = [(str(a), str(label)) for a, label in g.query(STATES)]
    ours = json.loads(negograph("query", STATES, "--format", "json", store=server["store"]))
    assert rows == [(b["actor"]["value"], b["label"]["value"]) for b in ours["results"]["bindings"]]
    assert len(rows) > 10


def test_rdflib_reads_a_document_graph_through_the_graph_store_protocol(server):
    docs = wrapper(server, "SELECT ?d WHERE { ?d a <https://w3id.org/negograph/ontology#Document> } ORDER BY ?d", JSON)
    doc = docs["results"]["bindings"][0]["d"]["value"]
    url = server["base"] + "store?" + urllib.parse.urlencode({"graph": doc})
    g = rdflib.Graph().parse(url, format="turtle")
    count = wrapper(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{doc}> {{ ?s ?p ?o }} }}", JSON)
    assert len(g) == int(count["results"]["bindings"][0]["n"]["value"]) > 50
    assert (rdflib.URIRef(doc), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/negograph/ontology#Document")) in g
