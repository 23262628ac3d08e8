//! Writing quads in the RDF syntaxes oxigraph writes, with the project's prefixes and a stable
//! order so that exports diff cleanly.

use std::io::Write;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad};

use crate::vocab::PREFIXES;

/// The RDF syntaxes negograph writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfSyntax {
    Turtle,
    Trig,
    Ntriples,
    Nquads,
    Rdfxml,
    Jsonld,
}

impl RdfSyntax {
    pub fn format(self) -> RdfFormat {
        match self {
            RdfSyntax::Turtle => RdfFormat::Turtle,
            RdfSyntax::Trig => RdfFormat::TriG,
            RdfSyntax::Ntriples => RdfFormat::NTriples,
            RdfSyntax::Nquads => RdfFormat::NQuads,
            RdfSyntax::Rdfxml => RdfFormat::RdfXml,
            RdfSyntax::Jsonld => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }

    /// Whether the syntax keeps graph names.
    pub fn has_graphs(self) -> bool {
        matches!(
            self,
            RdfSyntax::Trig | RdfSyntax::Nquads | RdfSyntax::Jsonld
        )
    }
}

/// For a syntax without graph names: says outright what a document's graph name says, that each
/// resource described in it (but the document) is `prov:wasDerivedFrom` that document.
pub fn with_derivation(quads: &mut Vec<Quad>) {
    let derived = NamedNode::new_unchecked(format!("{}wasDerivedFrom", crate::vocab::PROV));
    let docs = crate::vocab::id("doc", "");
    let mut added: Vec<Quad> = Vec::new();
    for q in quads.iter() {
        let GraphName::NamedNode(g) = &q.graph_name else {
            continue;
        };
        if !g.as_str().starts_with(&docs) || q.subject.to_string() == g.to_string() {
            continue;
        }
        if let NamedOrBlankNode::NamedNode(s) = &q.subject {
            added.push(Quad::new(s.clone(), derived.clone(), g.clone(), g.clone()));
        }
    }
    quads.extend(added);
    sort_quads(quads);
}

/// Sorts quads by graph, subject, predicate and object, as written.
pub fn sort_quads(quads: &mut Vec<Quad>) {
    let mut keyed: Vec<(String, Quad)> = quads
        .drain(..)
        .map(|q| {
            (
                format!(
                    "{} {} {} {}",
                    q.graph_name, q.subject, q.predicate, q.object
                ),
                q,
            )
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    quads.extend(keyed.into_iter().map(|(_, q)| q));
}

/// Writes `quads` (sorted) in `syntax`. Syntaxes without graphs get the union of the graphs,
/// each triple once.
pub fn write<W: Write>(quads: &[Quad], syntax: RdfSyntax, writer: W) -> std::io::Result<W> {
    let mut serializer = RdfSerializer::from_format(syntax.format());
    for (prefix, iri) in PREFIXES {
        serializer = serializer
            .with_prefix(*prefix, *iri)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
    }
    let mut w = serializer.for_writer(writer);
    if syntax.has_graphs() {
        for q in quads {
            w.serialize_quad(q)?;
        }
    } else {
        let mut triples: Vec<Quad> = quads
            .iter()
            .map(|q| {
                Quad::new(
                    q.subject.clone(),
                    q.predicate.clone(),
                    q.object.clone(),
                    GraphName::DefaultGraph,
                )
            })
            .collect();
        sort_quads(&mut triples);
        for q in &triples {
            w.serialize_quad(q)?;
        }
    }
    w.finish()
}
