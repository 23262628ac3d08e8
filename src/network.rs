//! The actor network, for graph tools that do not read RDF (Gephi, Cytoscape, networkx,
//! Graphviz): GraphML, GEXF, Graphviz DOT, or a pair of CSV files (`nodes.csv`, `edges.csv`).
//!
//! The nodes are the actors, with their label, type, roles, and counts of stances held and
//! documents mentioning them (the named query `actors`). The edges (the named query
//! `network-edges`) are directed and of three kinds:
//!
//! - `stance`: the holder's stances toward another actor, one edge per polarity; `label` and
//!   `polarity` are Support, Oppose or Neutral, `evidence` and `weight` the number of sentences;
//! - `negotiation`: two actors taking part in the same negotiations, one edge from the first
//!   actor IRI to the second (the relation is symmetric); `label` lists the negotiations,
//!   `weight` counts them and `evidence` counts the sentences;
//! - `post`: a person holding a post in a state or organization; `label` is the title,
//!   `evidence` and `weight` the number of sentences.
//!
//! Two actors can be joined by several edges (one supports the other in one article and opposes
//! it in another), so the graph is a multigraph: networkx reads it as a `MultiDiGraph`.
//!
//! The writers are written by hand rather than with a crate: the formats are a few elements
//! each, the Rust crates for them either come with a graph library we have no other use for
//! (petgraph) or are unmaintained, and none writes a stable order. Here every string goes
//! through one escaping function per format, nodes are sorted by IRI and edges by kind, source,
//! target and label, so the same store always gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::Path;

use oxigraph::model::Term;

use crate::query::{self, QueryError};
use crate::select::{select, Scope};
use crate::store::Store;

/// The formats `negograph network` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFormat {
    /// GraphML (networkx, Gephi, Cytoscape, yEd).
    Graphml,
    /// GEXF 1.2 (Gephi).
    Gexf,
    /// nodes.csv and edges.csv in the --output folder (Gephi's spreadsheet import, pandas).
    Csv,
    /// Graphviz DOT.
    Dot,
}

/// An actor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Node {
    /// The actor IRI.
    pub id: String,
    pub label: String,
    /// State, Organization, Person or Group (joined with ", " if several).
    pub kind: String,
    /// The roles it plays in negotiations, sorted and joined with ", ".
    pub roles: String,
    pub stances: u64,
    pub documents: u64,
}

/// A relation between two actors.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub kind: String,
    pub source: String,
    pub target: String,
    pub label: String,
    pub polarity: String,
    pub evidence: u64,
    pub weight: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

fn text(t: Option<&Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn number(t: Option<&Term>) -> u64 {
    text(t).parse().unwrap_or(0)
}

/// Splits a GROUP_CONCAT result and joins its parts again sorted, since engines concatenate in
/// no fixed order.
fn sorted_list(s: &str, separator: &str) -> String {
    let parts: BTreeSet<&str> = s
        .split(separator)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.into_iter().collect::<Vec<_>>().join(separator)
}

/// Reads the network from the store.
pub fn read(store: &Store, scope: &Scope) -> Result<Network, QueryError> {
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    for s in select(store, query::named("actors")?.text, scope)? {
        let id = text(s.get("actor"));
        let node = nodes.entry(id.clone()).or_insert_with(|| Node {
            id,
            ..Node::default()
        });
        // an actor of two classes comes in two rows
        let mut kinds: BTreeSet<String> = node
            .kind
            .split(", ")
            .filter(|k| !k.is_empty())
            .map(String::from)
            .collect();
        kinds.insert(text(s.get("type")));
        node.kind = kinds.into_iter().collect::<Vec<_>>().join(", ");
        let label = text(s.get("label"));
        if node.label.is_empty() || label < node.label {
            node.label = label;
        }
        node.roles = sorted_list(&format!("{}, {}", node.roles, text(s.get("roles"))), ", ");
        node.stances = node.stances.max(number(s.get("stances")));
        node.documents = node.documents.max(number(s.get("documents")));
    }
    let mut edges = Vec::new();
    for s in select(store, query::named("network-edges")?.text, scope)? {
        let kind = text(s.get("kind"));
        let label = text(s.get("label"));
        edges.push(Edge {
            label: if kind == "stance" {
                label
            } else {
                sorted_list(&label, "; ")
            },
            kind,
            source: text(s.get("source")),
            target: text(s.get("target")),
            polarity: text(s.get("polarity")),
            evidence: number(s.get("evidence")),
            weight: number(s.get("weight")),
        });
    }
    edges.sort();
    edges.dedup();
    // an edge's ends are nodes even when the actor breaks the contract (no label)
    for e in &edges {
        for end in [&e.source, &e.target] {
            nodes.entry(end.clone()).or_insert_with(|| Node {
                id: end.clone(),
                label: end.rsplit(['/', '#']).next().unwrap_or(end).to_string(),
                ..Node::default()
            });
        }
    }
    Ok(Network {
        nodes: nodes.into_values().collect(),
        edges,
    })
}

/// Escapes text for XML content and attribute values, dropping the characters XML 1.0 cannot
/// hold at all.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push_str(&format!("&#{};", c as u32)),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Quotes a Graphviz ID or label.
pub fn dot_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Quotes a CSV field when it needs it (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

const NODE_ATTRIBUTES: &[(&str, &str)] = &[
    ("label", "string"),
    ("type", "string"),
    ("roles", "string"),
    ("stances", "int"),
    ("documents", "int"),
];
const EDGE_ATTRIBUTES: &[(&str, &str)] = &[
    ("kind", "string"),
    ("label", "string"),
    ("polarity", "string"),
    ("evidence", "int"),
    ("weight", "double"),
];

fn node_values(n: &Node) -> [String; 5] {
    [
        n.label.clone(),
        n.kind.clone(),
        n.roles.clone(),
        n.stances.to_string(),
        n.documents.to_string(),
    ]
}

fn edge_values(e: &Edge) -> [String; 5] {
    [
        e.kind.clone(),
        e.label.clone(),
        e.polarity.clone(),
        e.evidence.to_string(),
        e.weight.to_string(),
    ]
}

/// Writes GraphML: one `<graph edgedefault="directed">`, attributes declared as `<key>`s (ids
/// prefixed `n_` and `e_`, names as in [`Node`] and [`Edge`]), empty values left out.
pub fn write_graphml<W: Write>(net: &Network, mut out: W) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (name, ty) in NODE_ATTRIBUTES {
        writeln!(
            out,
            r#"  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    for (name, ty) in EDGE_ATTRIBUTES {
        writeln!(
            out,
            r#"  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="negograph" edgedefault="directed">"#)?;
    for n in &net.nodes {
        writeln!(out, r#"    <node id="{}">"#, xml_escape(&n.id))?;
        for ((name, _), value) in NODE_ATTRIBUTES.iter().zip(node_values(n)) {
            if !value.is_empty() {
                writeln!(
                    out,
                    r#"      <data key="n_{name}">{}</data>"#,
                    xml_escape(&value)
                )?;
            }
        }
        writeln!(out, "    </node>")?;
    }
    for (i, e) in net.edges.iter().enumerate() {
        writeln!(
            out,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            xml_escape(&e.source),
            xml_escape(&e.target)
        )?;
        for ((name, _), value) in EDGE_ATTRIBUTES.iter().zip(edge_values(e)) {
            if !value.is_empty() {
                writeln!(
                    out,
                    r#"      <data key="e_{name}">{}</data>"#,
                    xml_escape(&value)
                )?;
            }
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

/// Writes GEXF 1.2: node and edge labels as GEXF labels, the edge weight as GEXF weight, the rest
/// as declared attributes.
pub fn write_gexf<W: Write>(net: &Network, mut out: W) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">"#
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(out, "    <creator>negograph</creator>")?;
    writeln!(out, "    <description>Actors of negotiations, their stances toward each other, shared negotiations and posts</description>")?;
    writeln!(out, "  </meta>")?;
    writeln!(out, r#"  <graph mode="static" defaultedgetype="directed">"#)?;
    let node_attributes = &NODE_ATTRIBUTES[1..];
    let edge_attributes: Vec<(&str, &str)> = EDGE_ATTRIBUTES
        .iter()
        .copied()
        .filter(|(n, _)| *n != "label" && *n != "weight")
        .collect();
    writeln!(out, r#"    <attributes class="node">"#)?;
    for (name, ty) in node_attributes {
        let ty = if *ty == "int" { "integer" } else { ty };
        writeln!(
            out,
            r#"      <attribute id="{name}" title="{name}" type="{ty}"/>"#
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, r#"    <attributes class="edge">"#)?;
    for (name, ty) in &edge_attributes {
        let ty = if *ty == "int" { "integer" } else { ty };
        writeln!(
            out,
            r#"      <attribute id="{name}" title="{name}" type="{ty}"/>"#
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, "    <nodes>")?;
    for n in &net.nodes {
        writeln!(
            out,
            r#"      <node id="{}" label="{}">"#,
            xml_escape(&n.id),
            xml_escape(&n.label)
        )?;
        writeln!(out, "        <attvalues>")?;
        for ((name, _), value) in node_attributes
            .iter()
            .zip(node_values(n).into_iter().skip(1))
        {
            if !value.is_empty() {
                writeln!(
                    out,
                    r#"          <attvalue for="{name}" value="{}"/>"#,
                    xml_escape(&value)
                )?;
            }
        }
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (i, e) in net.edges.iter().enumerate() {
        writeln!(
            out,
            r#"      <edge id="e{i}" source="{}" target="{}" label="{}" weight="{}">"#,
            xml_escape(&e.source),
            xml_escape(&e.target),
            xml_escape(&e.label),
            e.weight
        )?;
        writeln!(out, "        <attvalues>")?;
        for (name, value) in [
            ("kind", e.kind.clone()),
            ("polarity", e.polarity.clone()),
            ("evidence", e.evidence.to_string()),
        ] {
            if !value.is_empty() {
                writeln!(
                    out,
                    r#"          <attvalue for="{name}" value="{}"/>"#,
                    xml_escape(&value)
                )?;
            }
        }
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")?;
    Ok(())
}

/// Writes Graphviz DOT: a digraph with every attribute on its node or edge; Support edges green,
/// Oppose edges red, negotiation edges dashed and without arrows.
pub fn write_dot<W: Write>(net: &Network, mut out: W) -> io::Result<()> {
    writeln!(out, "digraph negograph {{")?;
    writeln!(out, "  graph [overlap=false, splines=true];")?;
    writeln!(out, "  node [shape=box, style=rounded];")?;
    for n in &net.nodes {
        let mut attrs: Vec<String> = Vec::new();
        for ((name, ty), value) in NODE_ATTRIBUTES.iter().zip(node_values(n)) {
            if !value.is_empty() {
                attrs.push(if *ty == "string" {
                    format!("{name}={}", dot_quote(&value))
                } else {
                    format!("{name}={value}")
                });
            }
        }
        writeln!(out, "  {} [{}];", dot_quote(&n.id), attrs.join(", "))?;
    }
    for e in &net.edges {
        let mut attrs: Vec<String> = Vec::new();
        for ((name, ty), value) in EDGE_ATTRIBUTES.iter().zip(edge_values(e)) {
            if !value.is_empty() {
                attrs.push(if *ty == "string" {
                    format!("{name}={}", dot_quote(&value))
                } else {
                    format!("{name}={value}")
                });
            }
        }
        match (e.kind.as_str(), e.polarity.as_str()) {
            ("stance", "Support") => attrs.push("color=darkgreen".into()),
            ("stance", "Oppose") => attrs.push("color=red".into()),
            ("negotiation", _) => attrs.push("style=dashed, dir=none".into()),
            _ => {}
        }
        writeln!(
            out,
            "  {} -> {} [{}];",
            dot_quote(&e.source),
            dot_quote(&e.target),
            attrs.join(", ")
        )?;
    }
    writeln!(out, "}}")?;
    Ok(())
}

/// Writes `nodes.csv` (id, label, type, roles, stances, documents) and `edges.csv` (source,
/// target, kind, label, polarity, evidence, weight) into `folder`, creating it when needed.
pub fn write_csv(net: &Network, folder: &Path) -> io::Result<()> {
    std::fs::create_dir_all(folder)?;
    let mut nodes = io::BufWriter::new(std::fs::File::create(folder.join("nodes.csv"))?);
    let header: Vec<&str> = std::iter::once("id")
        .chain(NODE_ATTRIBUTES.iter().map(|(n, _)| *n))
        .collect();
    writeln!(nodes, "{}", header.join(","))?;
    for n in &net.nodes {
        let row: Vec<String> = std::iter::once(n.id.clone())
            .chain(node_values(n))
            .map(|v| csv_field(&v))
            .collect();
        writeln!(nodes, "{}", row.join(","))?;
    }
    nodes.flush()?;
    let mut edges = io::BufWriter::new(std::fs::File::create(folder.join("edges.csv"))?);
    let header: Vec<&str> = ["source", "target"]
        .into_iter()
        .chain(EDGE_ATTRIBUTES.iter().map(|(n, _)| *n))
        .collect();
    writeln!(edges, "{}", header.join(","))?;
    for e in &net.edges {
        let row: Vec<String> = [e.source.clone(), e.target.clone()]
            .into_iter()
            .chain(edge_values(e))
            .map(|v| csv_field(&v))
            .collect();
        writeln!(edges, "{}", row.join(","))?;
    }
    edges.flush()
}

/// Writes the network to `out` in a one-file format (all but CSV).
pub fn write<W: Write>(net: &Network, format: NetworkFormat, out: W) -> io::Result<()> {
    match format {
        NetworkFormat::Graphml => write_graphml(net, out),
        NetworkFormat::Gexf => write_gexf(net, out),
        NetworkFormat::Dot => write_dot(net, out),
        NetworkFormat::Csv => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "CSV is two files, nodes.csv and edges.csv: give a folder",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfFormat;

    /// What a store's shared graph says of the actors and the negotiation.
    const SHARED: &str = r#"
        @prefix neg: <https://w3id.org/negograph/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix id: <https://w3id.org/negograph/id/> .
        @prefix actor: <https://w3id.org/negograph/id/actor/> .
        actor:qatar a neg:Actor , neg:State ; rdfs:label "Qatar" .
        actor:hamas a neg:Actor , neg:Organization ; rdfs:label "Hamas & <co>" .
        actor:israel a neg:Actor , neg:State ; rdfs:label "Israel" .
        actor:pm a neg:Actor , neg:Person ; rdfs:label "A \"quoted\", name" .
        id:negotiation\/gaza a neg:Negotiation ; rdfs:label "Gaza talks" .
    "#;

    /// What the document's graph says.
    const DATA: &str = r#"
        @prefix neg: <https://w3id.org/negograph/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix id: <https://w3id.org/negograph/id/> .
        @prefix actor: <https://w3id.org/negograph/id/actor/> .
        actor:qatar neg:mentionedIn id:doc\/1 .
        actor:hamas neg:mentionedIn id:doc\/1 .
        actor:israel neg:mentionedIn id:doc\/1 .
        actor:pm neg:mentionedIn id:doc\/1 .
        id:s1 neg:text "one" . id:s2 neg:text "two" .
        id:p1 a neg:Participation ; neg:actor actor:qatar ; neg:negotiation id:negotiation\/gaza ; neg:role neg:Mediator ; neg:evidence id:s1 .
        id:p2 a neg:Participation ; neg:actor actor:hamas ; neg:negotiation id:negotiation\/gaza ; neg:role neg:Party ; neg:evidence id:s1 .
        id:p3 a neg:Participation ; neg:actor actor:israel ; neg:negotiation id:negotiation\/gaza ; neg:role neg:Party ; neg:evidence id:s2 .
        id:st1 a neg:Stance ; neg:holder actor:israel ; neg:target actor:hamas ; neg:polarity neg:Oppose ; neg:evidence id:s1 .
        id:st2 a neg:Stance ; neg:holder actor:israel ; neg:target actor:hamas ; neg:polarity neg:Oppose ; neg:evidence id:s2 .
        id:st3 a neg:Stance ; neg:holder actor:israel ; neg:target actor:hamas ; neg:polarity neg:Support ; neg:evidence id:s2 .
        id:st4 a neg:Stance ; neg:holder actor:israel ; neg:target <https://w3id.org/negograph/issue/ceasefire> ; neg:polarity neg:Support ; neg:evidence id:s2 .
        id:pos a neg:Position ; neg:holder actor:pm ; neg:organization actor:israel ; neg:title "prime minister" ; neg:evidence id:s2 .
    "#;

    fn network() -> Network {
        let store = Store::in_memory().unwrap();
        store
            .load(
                SHARED.as_bytes(),
                RdfFormat::Turtle,
                Some(crate::vocab::SHARED_GRAPH),
                "test",
            )
            .unwrap();
        store
            .load(
                DATA.as_bytes(),
                RdfFormat::Turtle,
                Some("https://w3id.org/negograph/id/doc/1"),
                "test",
            )
            .unwrap();
        read(&store, &Scope::All).unwrap()
    }

    #[test]
    fn reads_nodes_and_the_three_kinds_of_edges() {
        let net = network();
        assert_eq!(net.nodes.len(), 4);
        let hamas = net.nodes.iter().find(|n| n.id.ends_with("/hamas")).unwrap();
        assert_eq!(
            (hamas.kind.as_str(), hamas.roles.as_str()),
            ("Organization", "Party")
        );
        let kinds: Vec<(&str, &str, &str, u64)> = net
            .edges
            .iter()
            .map(|e| {
                (
                    e.kind.as_str(),
                    e.source.rsplit('/').next().unwrap(),
                    e.target.rsplit('/').next().unwrap(),
                    e.evidence,
                )
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("negotiation", "hamas", "israel", 2),
                ("negotiation", "hamas", "qatar", 1),
                ("negotiation", "israel", "qatar", 2),
                ("post", "pm", "israel", 1),
                ("stance", "israel", "hamas", 2),
                ("stance", "israel", "hamas", 1),
            ]
        );
        assert_eq!(net.edges[4].polarity, "Oppose");
        assert_eq!(net.edges[3].label, "prime minister");
        assert_eq!(net.edges[0].label, "Gaza talks");
    }

    #[test]
    fn every_format_escapes_and_is_deterministic() {
        let net = network();
        let mut graphml = Vec::new();
        write(&net, NetworkFormat::Graphml, &mut graphml).unwrap();
        let graphml = String::from_utf8(graphml).unwrap();
        assert!(graphml.contains("Hamas &amp; &lt;co&gt;"), "{graphml}");
        assert!(graphml.contains("A &quot;quoted&quot;, name"));
        assert_eq!(graphml.matches("<node ").count(), 4);
        assert_eq!(graphml.matches("<edge ").count(), 6);
        let mut again = Vec::new();
        write(&network(), NetworkFormat::Graphml, &mut again).unwrap();
        assert_eq!(graphml.as_bytes(), again.as_slice());

        let mut gexf = Vec::new();
        write(&net, NetworkFormat::Gexf, &mut gexf).unwrap();
        let gexf = String::from_utf8(gexf).unwrap();
        assert!(gexf.contains(r#"label="Hamas &amp; &lt;co&gt;""#));
        assert_eq!(gexf.matches("<edge ").count(), 6);

        let mut dot = Vec::new();
        write(&net, NetworkFormat::Dot, &mut dot).unwrap();
        let dot = String::from_utf8(dot).unwrap();
        assert!(dot.contains(r#"label="A \"quoted\", name""#), "{dot}");
        assert_eq!(dot.matches(" -> ").count(), 6);

        assert_eq!(csv_field(r#"A "quoted", name"#), r#""A ""quoted"", name""#);
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(xml_escape("a\u{1}b\tc"), "ab&#9;c");
    }

    #[test]
    fn csv_is_two_files() {
        let dir = tempfile::tempdir().unwrap();
        let net = network();
        write_csv(&net, &dir.path().join("net")).unwrap();
        let nodes = std::fs::read_to_string(dir.path().join("net/nodes.csv")).unwrap();
        let edges = std::fs::read_to_string(dir.path().join("net/edges.csv")).unwrap();
        assert!(nodes.starts_with("id,label,type,roles,stances,documents\n"));
        assert_eq!(nodes.lines().count(), 5);
        assert!(edges.starts_with("source,target,kind,label,polarity,evidence,weight\n"));
        assert_eq!(edges.lines().count(), 7);
        assert!(write(&net, NetworkFormat::Csv, Vec::new()).is_err());
    }
}
