//! Writing quads in the RDF syntaxes oxigraph writes, with the project's prefixes and a stable
//! order so that exports diff cleanly.

use std::io::Write;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use std::collections::HashMap;

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

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

/// For a syntax without graph names: says outright what a store leaves to a document's graph
/// name and to its ontology graph, so that the triples alone hold every fact as `extract` writes
/// it: that each resource described in a document's graph (but the document) is
/// `prov:wasDerivedFrom` that document; each sentence's `neg:end` (its start plus its length in
/// characters); each claim's `neg:confidence` that is its class's default
/// ([`crate::vocab::DEFAULT_CONFIDENCE`]); and a statement's `dcterms:date` that is its
/// document's. What a graph states already is not repeated.
pub fn with_implied(quads: &mut Vec<Quad>) {
    use crate::vocab::{self, DCTERMS, NEG, PROV, RDF_TYPE};
    let iri = |s: String| NamedNode::new_unchecked(s);
    let derived = iri(format!("{PROV}wasDerivedFrom"));
    let (start, end, text) = (
        iri(vocab::neg("start")),
        iri(vocab::neg("end")),
        iri(vocab::neg("text")),
    );
    let (confidence, date) = (iri(vocab::neg("confidence")), iri(format!("{DCTERMS}date")));
    let (rdf_type, statement) = (iri(RDF_TYPE.to_string()), iri(vocab::neg("Statement")));
    let docs = vocab::id("doc", "");
    let decimal = iri(format!("{}decimal", vocab::XSD));
    let integer = iri(format!("{}integer", vocab::XSD));

    /// What a subject of a document's graph says of the implied properties.
    #[derive(Default)]
    struct Seen {
        start: Option<usize>,
        chars: Option<usize>,
        end: bool,
        classes: Vec<NamedNode>,
        confidence: bool,
        date: Option<Term>,
    }
    let mut seen: HashMap<(NamedNode, NamedNode), Seen> = HashMap::new();
    let mut added: Vec<Quad> = Vec::new();
    for q in quads.iter() {
        let GraphName::NamedNode(g) = &q.graph_name else {
            continue;
        };
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            continue;
        };
        if !g.as_str().starts_with(&docs) {
            continue;
        }
        let this = seen.entry((g.clone(), s.clone())).or_insert_with(|| {
            if s != g {
                added.push(Quad::new(s.clone(), derived.clone(), g.clone(), g.clone()));
            }
            Seen::default()
        });
        let p = &q.predicate;
        match &q.object {
            Term::Literal(l) if *p == start => this.start = l.value().parse().ok(),
            Term::Literal(l) if *p == text => this.chars = Some(l.value().chars().count()),
            Term::NamedNode(c) if *p == rdf_type => this.classes.push(c.clone()),
            o if *p == date => this.date = Some(o.clone()),
            _ if *p == end => this.end = true,
            _ if *p == confidence => this.confidence = true,
            _ => {}
        }
    }
    for ((g, s), this) in &seen {
        if let (Some(start), Some(chars), false) = (this.start, this.chars, this.end) {
            let v = Literal::new_typed_literal((start + chars).to_string(), integer.clone());
            added.push(Quad::new(s.clone(), end.clone(), v, g.clone()));
        }
        let default = this.classes.iter().find_map(|c| {
            c.as_str()
                .strip_prefix(NEG)
                .and_then(vocab::default_confidence)
        });
        if let (Some(d), false) = (default, this.confidence) {
            // as a store gives a decimal back: no trailing zeros
            let v = d.trim_end_matches('0').trim_end_matches('.');
            let v = Literal::new_typed_literal(v, decimal.clone());
            added.push(Quad::new(s.clone(), confidence.clone(), v, g.clone()));
        }
        if this.classes.contains(&statement) && this.date.is_none() {
            if let Some(d) = seen
                .get(&(g.clone(), g.clone()))
                .and_then(|doc| doc.date.clone())
            {
                added.push(Quad::new(s.clone(), date.clone(), d, g.clone()));
            }
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
