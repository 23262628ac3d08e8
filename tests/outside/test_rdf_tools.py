"""negograph's output checked with tools that are not negograph's own.

One store is built from tests/fixtures/articles with the release binary ($NEGOGRAPH_BIN), then:

- every RDF export parses in rdflib and holds the same graph as the N-Triples / N-Quads export;
- pySHACL finds the Turtle export conformant to ontology/shapes.ttl, and finds the violations
  of a deliberately broken graph, the same ones `negograph validate` finds;
- every named query of queries/ gives the same rows in rdflib's SPARQL engine, over the TriG
  export, as in negograph;
- the network exports load in networkx with as many nodes and edges as SPARQL counts.

Run with tests/outside/run.sh.
"""

import collections
import csv
import decimal
import io
import os
import re
import subprocess
from pathlib import Path

import networkx as nx
import pyshacl
import pytest
import rdflib
from rdflib.compare import isomorphic

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
QUERIES = ROOT / "queries"
SHAPES = ROOT / "ontology" / "shapes.ttl"
ONTOLOGY = ROOT / "ontology" / "negograph.ttl"
ISSUES = ROOT / "ontology" / "issues.ttl"
STORE_CONVENTIONS = ROOT / "ontology" / "store.ttl"
BIN = Path(os.environ.get("NEGOGRAPH_BIN", Path.home() / ".cache" / "negograph-target" / "release" / "negograph"))

ONTOLOGY_GRAPH = "https://w3id.org/negograph/ontology"
SHARED_GRAPH = "https://w3id.org/negograph/graph/shared"
DOC = "https://w3id.org/negograph/id/doc/"
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
NEG = rdflib.Namespace("https://w3id.org/negograph/ontology#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
def negograph(*args, store, check=True):
    """Runs the binary on `store`; returns the completed process."""
    p = subprocess.run([str(BIN), "--store", str(store), *map(str, args)], capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"negograph {' '.join(map(str, args))} exited {p.returncode}:\n{p.stderr}")
    return p


def short(iri, prefixes):
    """An IRI as negograph's tables write it, by the longest namespace that fits."""
    iri = str(iri)
    for prefix, ns in sorted(prefixes.items(), key=lambda p: -len(p[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


@pytest.fixture(scope="session")
def store(tmp_path_factory):
    assert BIN.exists(), f"no negograph binary at {BIN}: build it with cargo build --release, or set NEGOGRAPH_BIN"
    s = tmp_path_factory.mktemp("store") / "negograph.db"
    negograph("ingest", "--quiet", ARTICLES, store=s)
    return s


@pytest.fixture(scope="session")
def exports(store, tmp_path_factory):
    """The store exported in each RDF syntax: {format: path}."""
    folder = tmp_path_factory.mktemp("exports")
    out = {}
    for fmt, ext in [("turtle", "ttl"), ("trig", "trig"), ("ntriples", "nt"), ("nquads", "nq"), ("rdfxml", "rdf"), ("jsonld", "jsonld")]:
        out[fmt] = folder / f"export.{ext}"
        negograph("export", "--format", fmt, "--output", out[fmt], store=store)
    return out


@pytest.fixture(scope="session")
def prefixes(exports):
    """The prefixes negograph writes in Turtle, which are also those it shortens IRIs with."""
    text = exports["turtle"].read_text()
    return dict(re.findall(r"^@prefix ([\w-]*): <([^>]*)> \.$", text, re.M))


def quad_set(ds):
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in ds.quads((None, None, None, None))}


@pytest.fixture(scope="session")
def reference_quads(exports):
    ds = rdflib.Dataset()
    ds.parse(exports["nquads"], format="nquads")
    quads = quad_set(ds)
    assert len(quads) > 1000
    return quads


@pytest.fixture(scope="session")
def reference_graph(exports):
    g = rdflib.Graph()
    g.parse(exports["ntriples"], format="nt")
    return g


# ------------------------------------------------------------------------------------------------
# RDF syntaxes
# ------------------------------------------------------------------------------------------------


DEFAULT_CONFIDENCE = {NEG.Stance: "0.6", NEG.Participation: "0.8", NEG.Position: "0.9", NEG.Event: "0.7"}


def test_ntriples_is_the_union_of_the_nquads_graphs(reference_graph, reference_quads):
    union = {(s, p, o) for s, p, o, _ in reference_quads}
    # what a document graph's name says, said outright where there are no graph names
    derived = {(s, PROV.wasDerivedFrom, g) for s, _, _, g in reference_quads
               if str(g).startswith(DOC) and s != g and isinstance(s, rdflib.URIRef)}
    # and what a store leaves to the ontology graph and to the sentence itself: each sentence's
    # end, each default confidence, each statement's date that is its document's
    implied = set()
    by_subject = collections.defaultdict(dict)
    for s, p, o, g in reference_quads:
        if str(g).startswith(DOC):
            by_subject[(s, g)].setdefault(p, []).append(o)
    for (s, g), props in by_subject.items():
        if NEG.start in props and NEG.text in props and NEG.end not in props:
            end = int(props[NEG.start][0]) + len(str(props[NEG.text][0]))
            implied.add((s, NEG.end, rdflib.Literal(end)))
        for c in props.get(rdflib.RDF.type, []):
            if c in DEFAULT_CONFIDENCE and NEG.confidence not in props:
                implied.add((s, NEG.confidence, rdflib.Literal(DEFAULT_CONFIDENCE[c], datatype=rdflib.XSD.decimal)))
            doc_date = by_subject.get((g, g), {}).get(rdflib.DCTERMS.date)
            if c == NEG.Statement and rdflib.DCTERMS.date not in props and doc_date:
                implied.add((s, rdflib.DCTERMS.date, doc_date[0]))
    assert implied, "the store leaves nothing unsaid"
    assert set(reference_graph) == union | derived | implied
    # every sentence has its end and every claim of a class with a default its confidence
    sentences = set(reference_graph.subjects(NEG.text, None))
    assert all(reference_graph.value(s, NEG.end) is not None for s in sentences)
    for c in DEFAULT_CONFIDENCE:
        assert all(reference_graph.value(s, NEG.confidence) is not None for s in reference_graph.subjects(rdflib.RDF.type, c))


@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("rdfxml", "xml")])
def test_triple_syntaxes_parse_to_the_same_graph(exports, reference_graph, fmt, parser):
    g = rdflib.Graph()
    g.parse(exports[fmt], format=parser)
    assert len(g) == len(reference_graph)
    if not isomorphic(g, reference_graph):
        only_here = set(g) - set(reference_graph)
        only_there = set(reference_graph) - set(g)
        raise AssertionError(f"{fmt} differs: {len(only_here)} triples extra, e.g. {sorted(only_here)[:3]}; {len(only_there)} missing, e.g. {sorted(only_there)[:3]}")


@pytest.mark.parametrize("fmt,parser", [("trig", "trig"), ("jsonld", "json-ld")])
def test_dataset_syntaxes_parse_to_the_same_quads(exports, reference_quads, fmt, parser):
    ds = rdflib.Dataset()
    ds.parse(exports[fmt], format=parser)
    quads = quad_set(ds)
    assert quads == reference_quads, f"{fmt}: {len(quads - reference_quads)} quads extra, {len(reference_quads - quads)} missing"
    # graph by graph, as graphs
    names = {q[3] for q in reference_quads}
    # the 18 documents and the shared graph of their actors and negotiations
    assert len(names) == 19
    assert rdflib.URIRef(SHARED_GRAPH) in names
    for name in names:
        mine = rdflib.Graph()
        for s, p, o, g in quads:
            if g == name:
                mine.add((s, p, o))
        theirs = rdflib.Graph()
        for s, p, o, g in reference_quads:
            if g == name:
                theirs.add((s, p, o))
        assert isomorphic(mine, theirs), name


# ------------------------------------------------------------------------------------------------
# SHACL
# ------------------------------------------------------------------------------------------------


def shacl(data, prefixes):
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    ontology = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=False, allow_warnings=False)
    results = {
        (short(report.value(r, SH.focusNode), prefixes), short(report.value(r, SH.resultPath), prefixes), str(report.value(r, SH.sourceConstraintComponent)).replace(str(SH), "sh:"))
        for r in report.subjects(rdflib.RDF.type, SH.ValidationResult)
    }
    return conforms, results, text


def test_the_shapes_are_shacl_that_pyshacl_reads():
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    node_shapes = set(shapes.subjects(rdflib.RDF.type, SH.NodeShape))
    assert len(node_shapes) == 8
    # each node shape has targets and property shapes with a path
    for s in node_shapes:
        assert set(shapes.objects(s, SH.targetClass))
        for p in shapes.objects(s, SH.property):
            assert shapes.value(p, SH.path) is not None


def test_pyshacl_finds_the_export_conformant(exports, prefixes):
    data = rdflib.Graph().parse(exports["turtle"], format="turtle")
    conforms, results, text = shacl(data, prefixes)
    assert conforms, text


BROKEN = """
@prefix neg: <https://w3id.org/negograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/negograph/id/> .
@prefix actor: <https://w3id.org/negograph/id/actor/> .

id:doc\\/broken a neg:Document ; dcterms:date "2025-03-01"^^xsd:date , "2025-03-02"^^xsd:date .
# two polarities, no holder, no evidence, a literal target
id:stance\\/broken a neg:Stance ;
    neg:polarity neg:Support , neg:Oppose ;
    neg:target "ceasefire" ;
    prov:wasDerivedFrom id:doc\\/broken .
# a role that is none of the five, an actor that is no actor
id:participation\\/broken a neg:Participation ;
    neg:actor id:doc\\/broken ;
    neg:negotiation id:negotiation\\/broken ;
    neg:role neg:Referee ;
    prov:wasDerivedFrom id:doc\\/broken .
id:negotiation\\/broken a neg:Negotiation .
# two names
actor:nowhere a neg:Actor , neg:State ; rdfs:label "Nowhere" , "Nowhere Land" ; neg:mentionedIn id:doc\\/broken .
"""


def test_pyshacl_and_negograph_validate_find_the_same_violations(tmp_path, prefixes):
    data = rdflib.Graph().parse(data=BROKEN, format="turtle")
    conforms, results, text = shacl(data, prefixes)
    assert not conforms
    id_ = "https://w3id.org/negograph/id/"
    stance, participation, doc = (short(id_ + x, prefixes) for x in ("stance/broken", "participation/broken", "doc/broken"))
    expected = {
        (stance, "neg:polarity", "sh:MaxCountConstraintComponent"),
        (stance, "neg:holder", "sh:MinCountConstraintComponent"),
        (stance, "neg:evidence", "sh:MinCountConstraintComponent"),
        (stance, "neg:target", "sh:NodeKindConstraintComponent"),
        (participation, "neg:role", "sh:InConstraintComponent"),
        (participation, "neg:actor", "sh:ClassConstraintComponent"),
        (participation, "neg:evidence", "sh:MinCountConstraintComponent"),
        (doc, "dcterms:date", "sh:MaxCountConstraintComponent"),
        ("actor:nowhere", "rdfs:label", "sh:MaxCountConstraintComponent"),
    }
    assert results == expected, text

    # negograph validate, on a store holding the broken graph, names the same focus nodes and paths
    path = tmp_path / "broken.ttl"
    path.write_text(BROKEN)
    s = tmp_path / "broken.db"
    negograph("load", path, "--graph", "https://w3id.org/negograph/id/doc/broken", store=s)
    p = negograph("validate", store=s, check=False)
    assert p.returncode == 1, p.stdout + p.stderr
    lines = [line for line in p.stdout.splitlines() if "  " in line]
    found = {tuple(line.split("  ")[:2]) for line in lines}
    assert found == {(f, path) for f, path, _ in expected}, p.stdout
    assert p.stdout.strip().endswith(f"{len(lines)} violations on 4 nodes")


def test_negograph_validate_passes_the_fixture_store(store):
    p = negograph("validate", store=store, check=False)
    assert (p.returncode, p.stdout.strip()) == (0, "no violations"), p.stdout + p.stderr


# ------------------------------------------------------------------------------------------------
# Named queries
# ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def rdflib_dataset(exports):
    """The TriG export, with the vocabulary (and the default confidences of store.ttl) in its
    graph as in the store, read with the union of the graphs as the default graph."""
    ds = rdflib.Dataset(default_union=True)
    ds.parse(exports["trig"], format="trig")
    vocabulary = ds.graph(rdflib.URIRef(ONTOLOGY_GRAPH))
    vocabulary.parse(ONTOLOGY, format="turtle")
    vocabulary.parse(ISSUES, format="turtle")
    vocabulary.parse(STORE_CONVENTIONS, format="turtle")
    return ds


def concatenated_columns(text):
    """{column: separator} for the GROUP_CONCAT results of a query, whose order no engine fixes."""
    return {m.group(2): m.group(1) for m in re.finditer(r'GROUP_CONCAT\([^;]*;\s*separator\s*=\s*"([^"]*)"\s*\)\s*AS\s*\?(\w+)', text, re.I)}


def normalise(value, separator=None):
    """A cell as text: numbers in one canonical form, concatenations sorted."""
    if value is None:
        return ""
    if isinstance(value, rdflib.Literal) and value.datatype == rdflib.XSD.boolean:
        value = "true" if value.toPython() else "false"
    value = str(value)
    if separator is not None:
        return separator.join(sorted(value.split(separator))) if value else ""
    if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", value):
        n = decimal.Decimal(value).normalize()
        return format(n, "f") if n == n.to_integral_value() else str(n)
    return value


NAMED = sorted(p.stem for p in QUERIES.glob("*.rq"))


@pytest.mark.parametrize("name", NAMED)
def test_named_query_gives_the_same_rows_in_rdflib(name, store, rdflib_dataset):
    text = (QUERIES / f"{name}.rq").read_text()
    concatenated = concatenated_columns(text)
    p = negograph("query", "--named", name, "--format", "csv", store=store)
    reader = csv.reader(io.StringIO(p.stdout))
    header = next(reader)
    ours = collections.Counter(tuple(normalise(v, concatenated.get(h)) for h, v in zip(header, row)) for row in reader)
    result = rdflib_dataset.query(text)
    columns = [str(v) for v in result.vars]
    assert columns == header
    theirs = collections.Counter(tuple(normalise(row[i], concatenated.get(h)) for i, h in enumerate(header)) for row in result)
    assert sum(ours.values()) > 0, f"{name} gives no rows on the fixtures"
    if ours != theirs:
        extra, missing = ours - theirs, theirs - ours
        raise AssertionError(
            f"{name}: {sum(ours.values())} rows in negograph, {sum(theirs.values())} in rdflib;\n"
            f"only in negograph: {list(extra.items())[:3]}\nonly in rdflib: {list(missing.items())[:3]}"
        )


# ------------------------------------------------------------------------------------------------
# Network exports
# ------------------------------------------------------------------------------------------------

COUNTS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX neg: <https://w3id.org/negograph/ontology#>
SELECT
  (COUNT(DISTINCT ?actor) AS ?actors)
  (COUNT(DISTINCT ?stanceEdge) AS ?stances)
  (COUNT(DISTINCT ?pair) AS ?negotiations)
  (COUNT(DISTINCT ?post) AS ?posts)
WHERE {
  { ?actor a neg:Actor ; rdfs:label ?label . }
  UNION
  { ?stance neg:holder ?h ; neg:target ?t ; neg:polarity ?pol . ?t a neg:Actor .
    BIND(CONCAT(STR(?h), " ", STR(?t), " ", STR(?pol)) AS ?stanceEdge) }
  UNION
  { ?p1 a neg:Participation ; neg:actor ?a ; neg:negotiation ?n . ?p2 a neg:Participation ; neg:actor ?b ; neg:negotiation ?n .
    FILTER(STR(?a) < STR(?b)) BIND(CONCAT(STR(?a), " ", STR(?b)) AS ?pair) }
  UNION
  { ?position a neg:Position ; neg:holder ?person ; neg:organization ?org ; neg:title ?title .
    BIND(CONCAT(STR(?person), " ", STR(?org)) AS ?post) }
}
"""


@pytest.fixture(scope="session")
def expected_network(rdflib_dataset):
    row = next(iter(rdflib_dataset.query(COUNTS)))
    actors, stances, negotiations, posts = (int(v) for v in row)
    assert actors > 50 and stances > 0 and negotiations > 0 and posts > 0
    return {"nodes": actors, "edges": stances + negotiations + posts, "stance": stances, "negotiation": negotiations, "post": posts}


def check_network(g, expected):
    assert g.number_of_nodes() == expected["nodes"]
    assert g.number_of_edges() == expected["edges"]
    kinds = collections.Counter(d["kind"] for _, _, d in g.edges(data=True))
    assert kinds == {k: expected[k] for k in ("stance", "negotiation", "post")}
    for _, d in g.nodes(data=True):
        assert d["label"] and d["type"] in {"State", "Organization", "Person", "Group"}
    for _, _, d in g.edges(data=True):
        if d["kind"] == "stance":
            assert d["polarity"] in {"Support", "Oppose", "Neutral"} and d["evidence"] >= 1


def test_graphml_loads_in_networkx(store, tmp_path, expected_network):
    path = tmp_path / "actors.graphml"
    negograph("network", "--format", "graphml", "--output", path, store=store)
    g = nx.read_graphml(path)
    assert g.is_directed()
    check_network(g, expected_network)
    # the same bytes every time
    again = negograph("network", "--format", "graphml", store=store).stdout
    assert again == path.read_text()


def test_gexf_loads_in_networkx(store, tmp_path, expected_network):
    path = tmp_path / "actors.gexf"
    negograph("network", "--format", "gexf", "--output", path, store=store)
    g = nx.read_gexf(path)
    check_network(g, expected_network)


def test_csv_files_have_a_row_per_node_and_edge(store, tmp_path, expected_network):
    folder = tmp_path / "network"
    negograph("network", "--format", "csv", "--output", folder, store=store)
    with open(folder / "nodes.csv", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(folder / "edges.csv", newline="") as f:
        edges = list(csv.DictReader(f))
    assert len(nodes) == expected_network["nodes"]
    assert len(edges) == expected_network["edges"]
    ids = {n["id"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in edges)


def test_dot_has_a_line_per_node_and_edge(store, expected_network):
    dot = negograph("network", "--format", "dot", store=store).stdout
    assert dot.startswith("digraph negograph {")
    assert sum(1 for line in dot.splitlines() if " -> " in line) == expected_network["edges"]
