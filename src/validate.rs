//! Checks a store against the SHACL shapes of `ontology/shapes.ttl` (the graph contract), by
//! turning every constraint of the shapes into a SPARQL query that selects the nodes violating
//! it, and running them on the store.
//!
//! No SHACL engine is used. The one Rust crate that builds on oxigraph 0.5 (`shacl_validation`
//! of the rudof project) turns on oxigraph's `rdf-12` feature for the whole build and validates
//! its own copy of the data, not our store, and brings many crates with it. The part of SHACL
//! Core that the contract needs is small, and as SPARQL it runs on the store as it is. What is supported: the targets `sh:targetClass`
//! (with `rdfs:subClassOf` entailment), `sh:targetNode`, `sh:targetSubjectsOf` and
//! `sh:targetObjectsOf`; property shapes with a predicate path or an `sh:inversePath`, and in them
//! `sh:minCount`, `sh:maxCount`, `sh:in`, `sh:class`, `sh:datatype` and `sh:nodeKind`, with
//! `sh:message`, `sh:severity` and `sh:deactivated`. A shape that uses any other SHACL term is
//! refused when the shapes are read, so that nothing is silently left unchecked.
//!
//! ```
//! use negograph::store::Store;
//! use negograph::select::Scope;
//! use negograph::validate::{validate, Shapes};
//!
//! let store = Store::in_memory().unwrap();
//! let shapes = Shapes::builtin().unwrap();
//! assert!(validate(&store, &shapes, &Scope::All).unwrap().is_empty());
//! ```

use std::fmt;

use oxigraph::io::{RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::{Graph, NamedNode, NamedOrBlankNodeRef, Term, TermRef};

use crate::query::{short, QueryError};
use crate::select::{select, Scope};
use crate::store::Store;
use crate::vocab::{RDF, RDFS, XSD};

/// The shapes of the graph contract, compiled into the binary.
pub const SHAPES: &str = include_str!("../ontology/shapes.ttl");

/// The SHACL namespace.
const SH: &str = "http://www.w3.org/ns/shacl#";

#[derive(Debug, thiserror::Error)]
pub enum ValidateError {
    #[error("error parsing shapes {origin}")]
    Parse {
        origin: String,
        #[source]
        source: RdfSyntaxError,
    },
    #[error("shape {shape}: {message}")]
    Unsupported { shape: String, message: String },
    #[error(transparent)]
    Query(#[from] QueryError),
}

/// How bad a violation is (`sh:severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Violation,
    Warning,
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Violation => "Violation",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        })
    }
}

/// A property path of the supported kinds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Path {
    Predicate(NamedNode),
    Inverse(NamedNode),
}

impl Path {
    fn sparql(&self) -> String {
        match self {
            Path::Predicate(p) => p.to_string(),
            Path::Inverse(p) => format!("^{p}"),
        }
    }

    /// The path with the project's prefixes: `neg:holder`, `^neg:holder`.
    pub fn short(&self) -> String {
        match self {
            Path::Predicate(p) => short(&p.clone().into()),
            Path::Inverse(p) => format!("^{}", short(&p.clone().into())),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Iri,
    BlankNode,
    Literal,
    BlankNodeOrIri,
    BlankNodeOrLiteral,
    IriOrLiteral,
}

impl NodeKind {
    fn from_iri(iri: &str) -> Option<NodeKind> {
        Some(match iri.strip_prefix(SH)? {
            "IRI" => NodeKind::Iri,
            "BlankNode" => NodeKind::BlankNode,
            "Literal" => NodeKind::Literal,
            "BlankNodeOrIRI" => NodeKind::BlankNodeOrIri,
            "BlankNodeOrLiteral" => NodeKind::BlankNodeOrLiteral,
            "IRIOrLiteral" => NodeKind::IriOrLiteral,
            _ => return None,
        })
    }

    /// A SPARQL condition true when `?value` is not of this kind.
    fn violated(self) -> &'static str {
        match self {
            NodeKind::Iri => "!isIRI(?value)",
            NodeKind::BlankNode => "!isBlank(?value)",
            NodeKind::Literal => "!isLiteral(?value)",
            NodeKind::BlankNodeOrIri => "isLiteral(?value)",
            NodeKind::BlankNodeOrLiteral => "isIRI(?value)",
            NodeKind::IriOrLiteral => "isBlank(?value)",
        }
    }

    fn name(self) -> &'static str {
        match self {
            NodeKind::Iri => "an IRI",
            NodeKind::BlankNode => "a blank node",
            NodeKind::Literal => "a literal",
            NodeKind::BlankNodeOrIri => "a blank node or IRI",
            NodeKind::BlankNodeOrLiteral => "a blank node or literal",
            NodeKind::IriOrLiteral => "an IRI or literal",
        }
    }
}

/// One constraint of a property shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraint {
    MinCount(u64),
    MaxCount(u64),
    In(Vec<Term>),
    Class(NamedNode),
    Datatype(NamedNode),
    NodeKind(NodeKind),
}

impl Constraint {
    /// The SHACL constraint component, as reports name it.
    pub fn component(&self) -> &'static str {
        match self {
            Constraint::MinCount(_) => "sh:MinCountConstraintComponent",
            Constraint::MaxCount(_) => "sh:MaxCountConstraintComponent",
            Constraint::In(_) => "sh:InConstraintComponent",
            Constraint::Class(_) => "sh:ClassConstraintComponent",
            Constraint::Datatype(_) => "sh:DatatypeConstraintComponent",
            Constraint::NodeKind(_) => "sh:NodeKindConstraintComponent",
        }
    }
}

/// Where a node shape finds its focus nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Class(NamedNode),
    Node(Term),
    SubjectsOf(NamedNode),
    ObjectsOf(NamedNode),
}

#[derive(Debug, Clone)]
pub struct PropertyShape {
    pub path: Path,
    pub constraints: Vec<Constraint>,
    pub message: Option<String>,
    pub severity: Severity,
}

#[derive(Debug, Clone)]
pub struct NodeShape {
    /// The local name of the shape's IRI, or its rdfs:label when it is a blank node.
    pub name: String,
    pub targets: Vec<Target>,
    pub properties: Vec<PropertyShape>,
}

/// One SPARQL query checking one constraint of one property shape.
#[derive(Debug, Clone)]
pub struct Check {
    pub shape: String,
    pub path: Path,
    pub constraint: Constraint,
    pub message: Option<String>,
    pub severity: Severity,
    /// Selects `?focus` and `?value` (the offending value) or `?count` (the number of values).
    pub sparql: String,
}

/// A node that does not conform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub focus: Term,
    pub path: String,
    pub value: Option<Term>,
    pub component: &'static str,
    pub shape: String,
    pub severity: Severity,
    /// The shape's `sh:message` (when it has one) and what is wrong with this node.
    pub message: String,
}

/// The shapes a store is checked against.
#[derive(Debug, Clone)]
pub struct Shapes {
    pub shapes: Vec<NodeShape>,
}

/// The SHACL terms a node shape may use.
const NODE_SHAPE_TERMS: &[&str] = &[
    "targetClass",
    "targetNode",
    "targetSubjectsOf",
    "targetObjectsOf",
    "property",
    "deactivated",
    "name",
    "description",
];

/// The SHACL terms a property shape may use.
const PROPERTY_SHAPE_TERMS: &[&str] = &[
    "path",
    "minCount",
    "maxCount",
    "in",
    "class",
    "datatype",
    "nodeKind",
    "message",
    "severity",
    "deactivated",
    "name",
    "description",
    "order",
    "group",
    "defaultValue",
];

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

fn iri(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

/// A shape's name in messages: the local name of its IRI, or its rdfs:label.
fn name_of(graph: &Graph, node: NamedOrBlankNodeRef<'_>) -> String {
    match node {
        NamedOrBlankNodeRef::NamedNode(n) => n
            .as_str()
            .rsplit(['#', '/'])
            .next()
            .unwrap_or(n.as_str())
            .to_string(),
        NamedOrBlankNodeRef::BlankNode(_) => graph
            .object_for_subject_predicate(node, &iri(RDFS, "label"))
            .map(|l| short(&l.into_owned()))
            .unwrap_or_else(|| "(a blank node shape)".into()),
    }
}

fn as_subject(t: TermRef<'_>) -> Option<NamedOrBlankNodeRef<'_>> {
    match t {
        TermRef::NamedNode(n) => Some(n.into()),
        TermRef::BlankNode(b) => Some(b.into()),
        _ => None,
    }
}

impl Shapes {
    /// The shapes of `ontology/shapes.ttl`.
    pub fn builtin() -> Result<Shapes, ValidateError> {
        Shapes::parse(SHAPES, "ontology/shapes.ttl")
    }

    /// Reads shapes from Turtle, refusing any SHACL term the validator does not evaluate.
    pub fn parse(turtle: &str, origin: &str) -> Result<Shapes, ValidateError> {
        let mut graph = Graph::new();
        for q in RdfParser::from_format(RdfFormat::Turtle).for_slice(turtle.as_bytes()) {
            let q = q.map_err(|source| ValidateError::Parse {
                origin: origin.to_string(),
                source,
            })?;
            graph.insert(q.as_ref());
        }
        let rdf_type = iri(RDF, "type");
        // Node shapes: declared as such, or anything with a target.
        let mut nodes: Vec<NamedOrBlankNodeRef<'_>> = graph
            .subjects_for_predicate_object(&rdf_type, &sh("NodeShape"))
            .collect();
        for t in [
            "targetClass",
            "targetNode",
            "targetSubjectsOf",
            "targetObjectsOf",
        ] {
            for triple in graph.triples_for_predicate(&sh(t)) {
                nodes.push(triple.subject);
            }
        }
        nodes.sort_by_key(|n| n.to_string());
        nodes.dedup();

        let mut shapes = Vec::new();
        for node in nodes {
            let name = name_of(&graph, node);
            let unsupported = |message: String| ValidateError::Unsupported {
                shape: name.clone(),
                message,
            };
            check_terms(&graph, node, NODE_SHAPE_TERMS)
                .map_err(|t| unsupported(format!("sh:{t} is not supported on a node shape")))?;
            if is_deactivated(&graph, node) {
                continue;
            }
            let mut targets = Vec::new();
            for (t, make) in [
                ("targetClass", Target::Class as fn(NamedNode) -> Target),
                ("targetSubjectsOf", Target::SubjectsOf),
                ("targetObjectsOf", Target::ObjectsOf),
            ] {
                for o in graph.objects_for_subject_predicate(node, &sh(t)) {
                    match o {
                        TermRef::NamedNode(n) => targets.push(make(n.into_owned())),
                        other => {
                            return Err(unsupported(format!("sh:{t} {other}: expected an IRI")))
                        }
                    }
                }
            }
            for o in graph.objects_for_subject_predicate(node, &sh("targetNode")) {
                match o {
                    TermRef::BlankNode(_) => {
                        return Err(unsupported("sh:targetNode with a blank node".into()))
                    }
                    other => targets.push(Target::Node(other.into_owned())),
                }
            }
            targets.sort_by_key(|t| format!("{t:?}"));

            let mut properties = Vec::new();
            let mut property_nodes: Vec<TermRef<'_>> = graph
                .objects_for_subject_predicate(node, &sh("property"))
                .collect();
            property_nodes.sort_by_key(|p| {
                let order = as_subject(*p)
                    .and_then(|s| graph.object_for_subject_predicate(s, &sh("order")))
                    .map(|o| o.to_string())
                    .unwrap_or_default();
                (order, p.to_string())
            });
            for p in property_nodes {
                let p = as_subject(p).ok_or_else(|| {
                    unsupported(format!("sh:property {p}: expected a shape node"))
                })?;
                if let Some(ps) = property_shape(&graph, p).map_err(unsupported)? {
                    properties.push(ps);
                }
            }
            if !targets.is_empty() {
                shapes.push(NodeShape {
                    name,
                    targets,
                    properties,
                });
            }
        }
        Ok(Shapes { shapes })
    }

    /// The queries that check every constraint, in the order of the shapes.
    pub fn checks(&self) -> Vec<Check> {
        let mut out = Vec::new();
        for shape in &self.shapes {
            let focus = focus_pattern(&shape.targets);
            for p in &shape.properties {
                for c in &p.constraints {
                    out.push(Check {
                        shape: shape.name.clone(),
                        path: p.path.clone(),
                        constraint: c.clone(),
                        message: p.message.clone(),
                        severity: p.severity,
                        sparql: constraint_query(&focus, &p.path, c),
                    });
                }
            }
        }
        out
    }
}

/// Err(term) with the first SHACL term on `node` that is not in `allowed`.
fn check_terms(
    graph: &Graph,
    node: NamedOrBlankNodeRef<'_>,
    allowed: &[&str],
) -> Result<(), String> {
    for t in graph.triples_for_subject(node) {
        if let Some(local) = t.predicate.as_str().strip_prefix(SH) {
            if !allowed.contains(&local) {
                return Err(local.to_string());
            }
        }
    }
    Ok(())
}

fn is_deactivated(graph: &Graph, node: NamedOrBlankNodeRef<'_>) -> bool {
    matches!(graph.object_for_subject_predicate(node, &sh("deactivated")), Some(TermRef::Literal(l)) if l.value() == "true" || l.value() == "1")
}

fn severity(graph: &Graph, node: NamedOrBlankNodeRef<'_>) -> Result<Option<Severity>, String> {
    match graph.object_for_subject_predicate(node, &sh("severity")) {
        None => Ok(None),
        Some(TermRef::NamedNode(n)) => match n.as_str().strip_prefix(SH) {
            Some("Violation") => Ok(Some(Severity::Violation)),
            Some("Warning") => Ok(Some(Severity::Warning)),
            Some("Info") => Ok(Some(Severity::Info)),
            _ => Err(format!(
                "sh:severity {n} is not sh:Violation, sh:Warning or sh:Info"
            )),
        },
        Some(other) => Err(format!("sh:severity {other}: expected an IRI")),
    }
}

fn property_shape(
    graph: &Graph,
    node: NamedOrBlankNodeRef<'_>,
) -> Result<Option<PropertyShape>, String> {
    check_terms(graph, node, PROPERTY_SHAPE_TERMS)
        .map_err(|t| format!("sh:{t} is not supported on a property shape"))?;
    if is_deactivated(graph, node) {
        return Ok(None);
    }
    let path = match graph.object_for_subject_predicate(node, &sh("path")) {
        Some(TermRef::NamedNode(p)) => Path::Predicate(p.into_owned()),
        Some(TermRef::BlankNode(b)) => match graph
            .object_for_subject_predicate(b, &sh("inversePath"))
        {
            Some(TermRef::NamedNode(p)) if graph.triples_for_subject(b).count() == 1 => {
                Path::Inverse(p.into_owned())
            }
            _ => {
                return Err(
                    "only predicate paths and sh:inversePath of a predicate are supported".into(),
                )
            }
        },
        _ => return Err("a property shape without an sh:path".into()),
    };
    let count = |local: &str| -> Result<Option<u64>, String> {
        match graph.object_for_subject_predicate(node, &sh(local)) {
            None => Ok(None),
            Some(TermRef::Literal(l)) => l
                .value()
                .parse()
                .map(Some)
                .map_err(|_| format!("sh:{local} {l}: expected a non-negative integer")),
            Some(other) => Err(format!("sh:{local} {other}: expected an integer")),
        }
    };
    let mut constraints = Vec::new();
    if let Some(n) = count("minCount")? {
        constraints.push(Constraint::MinCount(n));
    }
    if let Some(n) = count("maxCount")? {
        constraints.push(Constraint::MaxCount(n));
    }
    for list in graph.objects_for_subject_predicate(node, &sh("in")) {
        constraints.push(Constraint::In(read_list(graph, list)?));
    }
    let iris = |local: &str| -> Result<Vec<NamedNode>, String> {
        let mut out: Vec<NamedNode> = Vec::new();
        for o in graph.objects_for_subject_predicate(node, &sh(local)) {
            match o {
                TermRef::NamedNode(n) => out.push(n.into_owned()),
                other => return Err(format!("sh:{local} {other}: expected an IRI")),
            }
        }
        out.sort();
        Ok(out)
    };
    constraints.extend(iris("class")?.into_iter().map(Constraint::Class));
    constraints.extend(iris("datatype")?.into_iter().map(Constraint::Datatype));
    for k in iris("nodeKind")? {
        constraints.push(Constraint::NodeKind(
            NodeKind::from_iri(k.as_str())
                .ok_or_else(|| format!("sh:nodeKind {k}: not a node kind"))?,
        ));
    }
    let message = graph
        .object_for_subject_predicate(node, &sh("message"))
        .map(|m| match m {
            TermRef::Literal(l) => l.value().to_string(),
            other => other.to_string(),
        });
    Ok(Some(PropertyShape {
        path,
        constraints,
        message,
        severity: severity(graph, node)?.unwrap_or(Severity::Violation),
    }))
}

/// The members of an RDF list.
fn read_list(graph: &Graph, head: TermRef<'_>) -> Result<Vec<Term>, String> {
    let (first, rest, nil) = (iri(RDF, "first"), iri(RDF, "rest"), iri(RDF, "nil"));
    let mut out = Vec::new();
    let mut cell = head;
    for _ in 0..10_000 {
        if cell == TermRef::NamedNode(nil.as_ref()) {
            return Ok(out);
        }
        let s = as_subject(cell).ok_or("sh:in: not a list")?;
        let item = graph
            .object_for_subject_predicate(s, &first)
            .ok_or("sh:in: a list cell without rdf:first")?;
        if matches!(item, TermRef::BlankNode(_)) {
            return Err("sh:in: blank nodes cannot be compared".into());
        }
        out.push(item.into_owned());
        cell = graph
            .object_for_subject_predicate(s, &rest)
            .ok_or("sh:in: a list cell without rdf:rest")?;
    }
    Err("sh:in: the list does not end".into())
}

/// A group pattern binding `?focus` to each focus node once.
fn focus_pattern(targets: &[Target]) -> String {
    let (rdf_type, sub_class) = (iri(RDF, "type"), iri(RDFS, "subClassOf"));
    let classes: Vec<String> = targets
        .iter()
        .filter_map(|t| match t {
            Target::Class(c) => Some(c.to_string()),
            _ => None,
        })
        .collect();
    let mut branches = Vec::new();
    if !classes.is_empty() {
        branches.push(format!(
            "{{ VALUES ?targetClass {{ {} }} ?focus {rdf_type}/{sub_class}* ?targetClass . }}",
            classes.join(" ")
        ));
    }
    for t in targets {
        match t {
            Target::Node(n) => branches.push(format!("{{ VALUES ?focus {{ {n} }} }}")),
            Target::SubjectsOf(p) => branches.push(format!("{{ ?focus {p} ?targetObject . }}")),
            Target::ObjectsOf(p) => branches.push(format!("{{ ?targetSubject {p} ?focus . }}")),
            Target::Class(_) => {}
        }
    }
    format!(
        "{{ SELECT DISTINCT ?focus WHERE {{ {} }} }}",
        branches.join(" UNION ")
    )
}

/// The datatypes whose literals are checked for well-formedness by a cast.
const CASTABLE: &[&str] = &["integer", "decimal", "boolean", "date", "dateTime"];

fn constraint_query(focus: &str, path: &Path, c: &Constraint) -> String {
    let path = path.sparql();
    let (rdf_type, sub_class) = (iri(RDF, "type"), iri(RDFS, "subClassOf"));
    match c {
        Constraint::MinCount(n) => format!(
            "SELECT ?focus (COUNT(DISTINCT ?value) AS ?count) WHERE {{ {focus} OPTIONAL {{ ?focus {path} ?value }} }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) < {n})"
        ),
        Constraint::MaxCount(n) => format!(
            "SELECT ?focus (COUNT(DISTINCT ?value) AS ?count) WHERE {{ {focus} ?focus {path} ?value }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) > {n})"
        ),
        Constraint::In(allowed) => {
            let any = allowed.iter().map(|t| format!("sameTerm(?value, {t})")).collect::<Vec<_>>().join(" || ");
            let any = if any.is_empty() { "false".to_string() } else { any };
            format!("SELECT DISTINCT ?focus ?value WHERE {{ {focus} ?focus {path} ?value . FILTER(!({any})) }}")
        }
        Constraint::Class(class) => format!(
            "SELECT DISTINCT ?focus ?value WHERE {{ {focus} ?focus {path} ?value . FILTER NOT EXISTS {{ ?value {rdf_type}/{sub_class}* {class} }} }}"
        ),
        Constraint::Datatype(dt) => {
            let ill_formed = match dt.as_str().strip_prefix(XSD) {
                Some(local) if CASTABLE.contains(&local) => format!(" || !COALESCE({dt}(STR(?value)) = ?value, false)"),
                _ => String::new(),
            };
            format!(
                "SELECT DISTINCT ?focus ?value WHERE {{ {focus} ?focus {path} ?value . FILTER(!isLiteral(?value) || !sameTerm(DATATYPE(?value), {dt}){ill_formed}) }}"
            )
        }
        Constraint::NodeKind(k) => format!("SELECT DISTINCT ?focus ?value WHERE {{ {focus} ?focus {path} ?value . FILTER({}) }}", k.violated()),
    }
}

/// What is wrong, for one result of a check.
fn detail(c: &Constraint, value: Option<&Term>, count: Option<u64>) -> String {
    let v = value.map(short_quoted).unwrap_or_default();
    let values = |n: u64| match n {
        0 => "no value".to_string(),
        1 => "1 value".to_string(),
        n => format!("{n} values"),
    };
    match c {
        Constraint::MinCount(n) => format!("{}, at least {n} expected", values(count.unwrap_or(0))),
        Constraint::MaxCount(n) => format!("{}, at most {n} allowed", values(count.unwrap_or(0))),
        Constraint::In(allowed) => {
            let names: Vec<String> = allowed.iter().map(short_quoted).collect();
            format!("{v} is not one of {}", names.join(", "))
        }
        Constraint::Class(class) => format!("{v} is not a {}", short(&class.clone().into())),
        Constraint::Datatype(dt) => {
            format!("{v} is not a well-formed {}", short(&dt.clone().into()))
        }
        Constraint::NodeKind(k) => format!("{v} is not {}", k.name()),
    }
}

/// A term shortened by the project's prefixes, literals in quotes.
fn short_quoted(t: &Term) -> String {
    match t {
        Term::Literal(l) => {
            let mut s = format!("{:?}", l.value());
            if let Some(lang) = l.language() {
                s = format!("{s}@{lang}");
            } else if l.datatype().as_str() != format!("{XSD}string") {
                s = format!("{s}^^{}", short(&l.datatype().into_owned().into()));
            }
            s
        }
        other => short(other),
    }
}

/// Runs every check of `shapes` on the graphs of `scope`. The violations come sorted by focus
/// node, path and message.
pub fn validate(
    store: &Store,
    shapes: &Shapes,
    scope: &Scope,
) -> Result<Vec<Violation>, ValidateError> {
    let mut out = Vec::new();
    for check in shapes.checks() {
        for s in select(store, &check.sparql, scope)? {
            let Some(focus) = s.get("focus").cloned() else {
                continue;
            };
            let value = s.get("value").cloned();
            let count = s.get("count").and_then(|c| match c {
                Term::Literal(l) => l.value().parse().ok(),
                _ => None,
            });
            let what = detail(&check.constraint, value.as_ref(), count);
            out.push(Violation {
                focus,
                path: check.path.short(),
                value,
                component: check.constraint.component(),
                shape: check.shape.clone(),
                severity: check.severity,
                message: match &check.message {
                    Some(m) => format!("{what}: {m}"),
                    None => what,
                },
            });
        }
    }
    out.sort_by(|a, b| {
        (short(&a.focus), &a.path, &a.message).cmp(&(short(&b.focus), &b.path, &b.message))
    });
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{ID, NEG};

    const GOOD: &str = r#"
        @prefix neg: <https://w3id.org/negograph/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix id: <https://w3id.org/negograph/id/> .
        @prefix actor: <https://w3id.org/negograph/id/actor/> .
        id:doc\/1 a neg:Document ; dcterms:date "2025-01-15"^^xsd:date .
        actor:qatar a neg:Actor , neg:State ; rdfs:label "Qatar" ; neg:mentionedIn id:doc\/1 .
        actor:hamas a neg:Actor , neg:Organization ; rdfs:label "Hamas" ; neg:mentionedIn id:doc\/1 .
        id:sentence\/1-0 a neg:Sentence ; neg:text "Qatar welcomed the truce." ; neg:start 0 ; neg:end 25 .
        id:stance\/1 a neg:Stance ; neg:holder actor:qatar ; neg:target <https://w3id.org/negograph/issue/ceasefire> ;
            neg:polarity neg:Support ; neg:evidence id:sentence\/1-0 .
        id:negotiation\/gaza a neg:Negotiation ; rdfs:label "Gaza talks" .
        id:participation\/1 a neg:Participation ; neg:actor actor:qatar ; neg:negotiation id:negotiation\/gaza ;
            neg:role neg:Mediator ; neg:evidence id:sentence\/1-0 .
    "#;

    const BROKEN: &str = r#"
        @prefix neg: <https://w3id.org/negograph/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix id: <https://w3id.org/negograph/id/> .
        @prefix actor: <https://w3id.org/negograph/id/actor/> .
        id:doc\/2 a neg:Document ; dcterms:date "2025-01-15"^^xsd:date , "yesterday" .
        actor:egypt a neg:State ; rdfs:label "Egypt" , "Arab Republic of Egypt" ; neg:mentionedIn id:doc\/2 .
        id:sentence\/2-0 a neg:Sentence ; neg:text "Egypt rejected it." ; neg:start "zero"^^xsd:integer ; neg:end 18 ;
            prov:wasDerivedFrom id:doc\/2 .
        id:stance\/2 a neg:Stance ; neg:target "ceasefire" ; neg:polarity neg:Support , neg:Maybe ;
            prov:wasDerivedFrom id:doc\/2 .
        id:participation\/2 a neg:Participation ; neg:actor id:doc\/2 ; neg:negotiation id:negotiation\/none ;
            neg:role neg:Referee ; neg:evidence id:sentence\/2-0 ; prov:wasDerivedFrom id:doc\/2 .
    "#;

    fn store_with(graph: &str, data: &str) -> Store {
        let store = Store::in_memory().unwrap();
        store
            .load(data.as_bytes(), RdfFormat::Turtle, Some(graph), "test")
            .unwrap();
        store
    }

    /// Whether there is a violation of `component` at `path` on the focus node `id/{focus}`.
    fn found(v: &[Violation], focus: &str, path: &str, component: &str) -> bool {
        let focus = Term::from(NamedNode::new(format!("{ID}{focus}")).unwrap());
        v.iter()
            .any(|x| x.focus == focus && x.path == path && x.component == component)
    }

    #[test]
    fn the_builtin_shapes_are_all_supported() {
        let shapes = Shapes::builtin().unwrap();
        let names: Vec<&str> = shapes.shapes.iter().map(|s| s.name.as_str()).collect();
        for n in [
            "ActorShape",
            "StanceShape",
            "ParticipationShape",
            "PositionShape",
            "StatementShape",
            "SentenceShape",
            "DocumentShape",
        ] {
            assert!(names.contains(&n), "{n} missing from {names:?}");
        }
        let checks = shapes.checks();
        assert!(checks.len() > 40);
        for c in &checks {
            if let Err(e) = oxigraph::sparql::SparqlEvaluator::new().parse_query(&c.sparql) {
                panic!("{}: {e}\n{}", c.shape, c.sparql);
            }
        }
    }

    #[test]
    fn a_good_graph_has_no_violation() {
        let store = store_with("https://w3id.org/negograph/id/doc/1", GOOD);
        let v = validate(&store, &Shapes::builtin().unwrap(), &Scope::All).unwrap();
        assert!(v.is_empty(), "{v:#?}");
    }

    #[test]
    fn a_broken_graph_has_each_violation() {
        let store = store_with("https://w3id.org/negograph/id/doc/1", GOOD);
        store
            .load(
                BROKEN.as_bytes(),
                RdfFormat::Turtle,
                Some("https://w3id.org/negograph/id/doc/2"),
                "test",
            )
            .unwrap();
        let shapes = Shapes::builtin().unwrap();
        let v = validate(&store, &shapes, &Scope::All).unwrap();
        let expected = [
            ("stance/2", "neg:holder", "sh:MinCountConstraintComponent"),
            ("stance/2", "neg:polarity", "sh:MaxCountConstraintComponent"),
            ("stance/2", "neg:polarity", "sh:InConstraintComponent"),
            ("stance/2", "neg:target", "sh:NodeKindConstraintComponent"),
            ("stance/2", "neg:evidence", "sh:MinCountConstraintComponent"),
            (
                "actor/egypt",
                "rdfs:label",
                "sh:MaxCountConstraintComponent",
            ),
            (
                "sentence/2-0",
                "neg:start",
                "sh:DatatypeConstraintComponent",
            ),
            ("doc/2", "dcterms:date", "sh:MaxCountConstraintComponent"),
            ("doc/2", "dcterms:date", "sh:DatatypeConstraintComponent"),
            (
                "participation/2",
                "neg:actor",
                "sh:ClassConstraintComponent",
            ),
            (
                "participation/2",
                "neg:negotiation",
                "sh:ClassConstraintComponent",
            ),
            ("participation/2", "neg:role", "sh:InConstraintComponent"),
        ];
        for (focus, path, component) in expected {
            assert!(
                found(&v, focus, path, component),
                "no {component} on {focus} {path} in {v:#?}"
            );
        }
        assert_eq!(v.len(), expected.len(), "{v:#?}");
        let polarity = v
            .iter()
            .find(|x| x.component == "sh:InConstraintComponent" && x.path == "neg:polarity")
            .unwrap();
        assert_eq!(
            polarity.value,
            Some(Term::from(NamedNode::new(format!("{NEG}Maybe")).unwrap()))
        );
        assert!(
            polarity
                .message
                .contains("neg:Maybe is not one of neg:Support, neg:Oppose, neg:Neutral"),
            "{}",
            polarity.message
        );

        // one graph at a time: the good one passes, the broken one does not
        let good = validate(
            &store,
            &shapes,
            &Scope::Graph("https://w3id.org/negograph/id/doc/1".into()),
        )
        .unwrap();
        assert!(good.is_empty(), "{good:#?}");
        let broken = validate(
            &store,
            &shapes,
            &Scope::Graph("https://w3id.org/negograph/id/doc/2".into()),
        )
        .unwrap();
        assert_eq!(broken.len(), expected.len());
    }

    #[test]
    fn subclasses_are_targets_through_the_ontology() {
        // no neg:Actor type: the ontology graph's rdfs:subClassOf makes a neg:Person one
        let ttl = r#"
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix neg: <https://w3id.org/negograph/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            neg:S sh:targetClass neg:Actor ; sh:property [ sh:path rdfs:label ; sh:minCount 1 ] .
        "#;
        let shapes = Shapes::parse(ttl, "test").unwrap();
        let graph = "https://w3id.org/negograph/id/doc/3";
        let store = store_with(
            graph,
            r#"<https://w3id.org/negograph/id/actor/x> a <https://w3id.org/negograph/ontology#Person> ."#,
        );
        for scope in [Scope::All, Scope::Graph(graph.into())] {
            let v = validate(&store, &shapes, &scope).unwrap();
            assert!(
                found(
                    &v,
                    "actor/x",
                    "rdfs:label",
                    "sh:MinCountConstraintComponent"
                ),
                "{v:#?}"
            );
        }
    }

    #[test]
    fn unsupported_constraints_are_refused() {
        let ttl = r#"
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ex: <http://example.org/> .
            ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:pattern "^a" ] .
        "#;
        let e = Shapes::parse(ttl, "test").unwrap_err().to_string();
        assert!(e.contains("sh:pattern is not supported"), "{e}");
        let ttl = r#"
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ex: <http://example.org/> .
            ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .
        "#;
        assert!(Shapes::parse(ttl, "test").is_err());
    }

    #[test]
    fn inverse_paths_and_target_nodes() {
        let ttl = r#"
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ex: <http://example.org/> .
            ex:S sh:targetNode ex:a , ex:b ; sh:property [ sh:path [ sh:inversePath ex:knows ] ; sh:minCount 1 ] .
        "#;
        let shapes = Shapes::parse(ttl, "test").unwrap();
        let store = store_with(
            "http://example.org/g",
            "<http://example.org/c> <http://example.org/knows> <http://example.org/a> .",
        );
        let v = validate(&store, &shapes, &Scope::All).unwrap();
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].focus.to_string(), "<http://example.org/b>");
        assert_eq!(v[0].path, "^<http://example.org/knows>");
    }
}
