//! The SPARQL a remote store is sent, as Oxigraph's `spargebra` algebra: a user's query is parsed,
//! its parameters bound in the algebra and the result printed; the store's own queries (is a
//! graph there, which graphs are documents, how many triples) are built from `vocab` constants.
//! No value is ever pasted into query text.

use oxigraph::model::{NamedNode, Quad, Term, Variable};
use spargebra::algebra::{AggregateExpression, Expression, GraphPattern};
use spargebra::term::{GroundTerm, NamedNodePattern, TermPattern, TriplePattern};
use spargebra::{GraphUpdateOperation, Query};

use crate::query::QueryError;
use crate::vocab::{DOCUMENT, ONTOLOGY_GRAPH, RDF_TYPE, SHARED_GRAPH};

/// The form of a SPARQL query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Select,
    Construct,
    Ask,
    Describe,
}

/// A user's query, checked as the embedded store checks it and ready to send.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub form: Form,
    /// The text to send: the query as given when nothing is bound, else the algebra with the
    /// parameters bound, printed.
    pub text: String,
}

/// Parses `text`, refusing an update or a syntax error as the embedded store does, and binds
/// `params` (see [`bind`]).
pub fn prepare(text: &str, params: &[(Variable, Term)]) -> Result<Prepared, QueryError> {
    let mut query = crate::query::parse_query(text)?;
    let form = match &query {
        Query::Select { .. } => Form::Select,
        Query::Construct { .. } => Form::Construct,
        Query::Ask { .. } => Form::Ask,
        Query::Describe { .. } => Form::Describe,
    };
    if params.is_empty() {
        return Ok(Prepared {
            form,
            text: text.to_string(),
        });
    }
    bind(&mut query, params)?;
    Ok(Prepared {
        form,
        text: query.to_string(),
    })
}

fn pattern_mut(query: &mut Query) -> &mut GraphPattern {
    match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    }
}

/// Binds each variable to its value by a `VALUES` table joined first in the query's outermost
/// group, as if the group opened with `VALUES (?a ?b) { (<x> "y") }`: the same rows as binding the
/// variables before evaluation, which is what the embedded store does, in plain SPARQL 1.1 that
/// every store reads. A variable must be one the query returns (or, for ASK, CONSTRUCT and
/// DESCRIBE, one its pattern binds), as for the embedded store.
pub fn bind(query: &mut Query, params: &[(Variable, Term)]) -> Result<(), QueryError> {
    // Only a SELECT has a projection of its own above its group; any other is a subquery's.
    let projects = matches!(query, Query::Select { .. });
    let pattern = pattern_mut(query);
    let mut in_scope = Vec::new();
    pattern.on_in_scope_variable(|v| in_scope.push(v.clone()));
    let mut row = Vec::with_capacity(params.len());
    for (v, t) in params {
        if !in_scope.contains(v) {
            return Err(QueryError::UnknownParam(v.clone()));
        }
        row.push(Some(
            ground(t).ok_or_else(|| QueryError::BadValue(t.clone()))?,
        ));
    }
    let values = GraphPattern::Values {
        variables: params.iter().map(|(v, _)| v.clone()).collect(),
        bindings: vec![row],
    };
    let first = first_of_group(pattern, projects);
    let rest = std::mem::take(first);
    *first = GraphPattern::Join {
        left: Box::new(values),
        right: Box::new(rest),
    };
    Ok(())
}

/// The pattern that comes first in the query's outermost group: below the solution modifiers
/// (and, for an aggregate, the grouping), down the left side of its joins, optionals, filters,
/// binds and minuses, which SPARQL builds from the group's elements in order. A subquery, a
/// union, a graph or a basic pattern is where it stops.
fn first_of_group(pattern: &mut GraphPattern, top: bool) -> &mut GraphPattern {
    // `top`: the query's own projection may still be above.
    let descend = match pattern {
        GraphPattern::Project { .. } => top,
        GraphPattern::Slice { .. }
        | GraphPattern::Distinct { .. }
        | GraphPattern::Reduced { .. }
        | GraphPattern::OrderBy { .. }
        | GraphPattern::Group { .. }
        | GraphPattern::Filter { .. }
        | GraphPattern::Extend { .. }
        | GraphPattern::Join { .. }
        | GraphPattern::LeftJoin { .. }
        | GraphPattern::Minus { .. } => true,
        _ => false,
    };
    if !descend {
        return pattern;
    }
    match pattern {
        GraphPattern::Project { inner, .. } => first_of_group(inner, false),
        GraphPattern::Slice { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::OrderBy { inner, .. } => first_of_group(inner, top),
        GraphPattern::Group { inner, .. }
        | GraphPattern::Filter { inner, .. }
        | GraphPattern::Extend { inner, .. } => first_of_group(inner, false),
        GraphPattern::Join { left, .. }
        | GraphPattern::LeftJoin { left, .. }
        | GraphPattern::Minus { left, .. } => first_of_group(left, false),
        other => other,
    }
}

/// A value a `VALUES` table can hold: an IRI or a literal.
fn ground(term: &Term) -> Option<GroundTerm> {
    match term {
        Term::NamedNode(n) => Some(GroundTerm::NamedNode(n.clone())),
        Term::Literal(l) => Some(GroundTerm::Literal(l.clone())),
        _ => None,
    }
}

fn var(name: &str) -> Variable {
    Variable::new_unchecked(name)
}

fn iri(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// `GRAPH graph { subject predicate object }`
fn in_graph(
    graph: impl Into<NamedNodePattern>,
    subject: impl Into<TermPattern>,
    predicate: impl Into<NamedNodePattern>,
    object: impl Into<TermPattern>,
) -> GraphPattern {
    GraphPattern::Graph {
        name: graph.into(),
        inner: Box::new(GraphPattern::Bgp {
            patterns: vec![TriplePattern {
                subject: subject.into(),
                predicate: predicate.into(),
                object: object.into(),
            }],
        }),
    }
}

/// `GRAPH graph { ?s ?p ?o }`
fn any_triple_in(graph: impl Into<NamedNodePattern>) -> GraphPattern {
    in_graph(graph, var("s"), var("p"), var("o"))
}

/// `GRAPH ?g { ?g a neg:Document }`: the graphs that are documents.
fn document_graph() -> GraphPattern {
    in_graph(var("g"), var("g"), iri(RDF_TYPE), iri(DOCUMENT))
}

fn select(pattern: GraphPattern) -> Query {
    Query::Select {
        dataset: None,
        pattern,
        base_iri: None,
    }
}

/// `ASK { GRAPH <graph> { ?s ?p ?o } }`
pub fn graph_is_there(graph: &NamedNode) -> Query {
    Query::Ask {
        dataset: None,
        pattern: any_triple_in(graph.clone()),
        base_iri: None,
    }
}

/// `ASK { GRAPH <g> { s p o } ... }`: whether the store holds every one of `quads` (each in a
/// named graph, with a named subject and no blank node as object; any other is left out).
pub fn holds_all(quads: &[Quad]) -> Query {
    let mut pattern = GraphPattern::Bgp {
        patterns: Vec::new(),
    };
    for q in quads {
        let (
            oxigraph::model::GraphName::NamedNode(g),
            oxigraph::model::NamedOrBlankNode::NamedNode(s),
        ) = (&q.graph_name, &q.subject)
        else {
            continue;
        };
        let object = match &q.object {
            Term::NamedNode(n) => TermPattern::NamedNode(n.clone()),
            Term::Literal(l) => TermPattern::Literal(l.clone()),
            _ => continue,
        };
        pattern = GraphPattern::Join {
            left: Box::new(pattern),
            right: Box::new(in_graph(g.clone(), s.clone(), q.predicate.clone(), object)),
        };
    }
    Query::Ask {
        dataset: None,
        pattern,
        base_iri: None,
    }
}

/// `ASK { GRAPH <graph> { <graph> a neg:Document } }`
pub fn is_document(graph: &NamedNode) -> Query {
    Query::Ask {
        dataset: None,
        pattern: in_graph(graph.clone(), graph.clone(), iri(RDF_TYPE), iri(DOCUMENT)),
        base_iri: None,
    }
}

/// `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a neg:Document } }`
pub fn document_graphs() -> Query {
    select(GraphPattern::Distinct {
        inner: Box::new(GraphPattern::Project {
            inner: Box::new(document_graph()),
            variables: vec![var("g")],
        }),
    })
}

/// `SELECT (COUNT(*) AS ?n) WHERE { pattern }`
fn count(pattern: GraphPattern) -> Query {
    select(GraphPattern::Project {
        inner: Box::new(GraphPattern::Group {
            inner: Box::new(pattern),
            variables: Vec::new(),
            aggregates: vec![(
                var("n"),
                AggregateExpression::CountSolutions { distinct: false },
            )],
        }),
        variables: vec![var("n")],
    })
}

/// The number of triples in the document graphs.
pub fn count_document_triples() -> Query {
    count(GraphPattern::Join {
        left: Box::new(document_graph()),
        right: Box::new(any_triple_in(var("g"))),
    })
}

/// The number of triples in the ontology graph.
pub fn count_ontology_triples() -> Query {
    count(any_triple_in(iri(ONTOLOGY_GRAPH)))
}

/// The number of triples in the shared graph.
pub fn count_shared_triples() -> Query {
    count(any_triple_in(iri(SHARED_GRAPH)))
}

/// `FILTER NOT EXISTS { GRAPH ?g { pattern } FILTER(?g != <shared> && ?g != <ontology>) }`: no
/// graph but the shared one and the ontology has a triple of this pattern.
fn in_no_other_graph(
    g: &str,
    subject: impl Into<TermPattern>,
    object: impl Into<TermPattern>,
) -> Expression {
    let not = |graph: &str| {
        Expression::Not(Box::new(Expression::SameTerm(
            Box::new(Expression::Variable(var(g))),
            Box::new(Expression::NamedNode(iri(graph))),
        )))
    };
    let inner = GraphPattern::Filter {
        expr: Expression::And(Box::new(not(SHARED_GRAPH)), Box::new(not(ONTOLOGY_GRAPH))),
        inner: Box::new(in_graph(var(g), subject, var(&format!("{g}p")), object)),
    };
    Expression::Not(Box::new(Expression::Exists(Box::new(inner))))
}

/// The descriptions, in the shared graph, of the resources `named` that no graph other than the
/// shared one and the ontology names any more (as subject or object):
///
/// `SELECT ?s ?p ?o WHERE { VALUES ?s { named... } GRAPH <shared> { ?s ?p ?o }
/// FILTER NOT EXISTS { GRAPH ?g { ?s ?gp ?x } FILTER(...) } FILTER NOT EXISTS { GRAPH ?h { ?y ?hp ?s } FILTER(...) } }`
///
/// A SELECT and then DELETE DATA rather than one DELETE WHERE: Virtuoso refuses the quad
/// template spargebra writes for a DELETE with a GRAPH block.
pub fn unnamed_descriptions(named: &[NamedNode]) -> Query {
    let values = GraphPattern::Values {
        variables: vec![var("s")],
        bindings: named
            .iter()
            .map(|n| vec![Some(GroundTerm::NamedNode(n.clone()))])
            .collect(),
    };
    let described = GraphPattern::Join {
        left: Box::new(values),
        right: Box::new(in_graph(iri(SHARED_GRAPH), var("s"), var("p"), var("o"))),
    };
    select(GraphPattern::Project {
        inner: Box::new(GraphPattern::Filter {
            expr: Expression::And(
                Box::new(in_no_other_graph("g", var("s"), var("x"))),
                Box::new(in_no_other_graph("h", var("y"), var("s"))),
            ),
            inner: Box::new(described),
        }),
        variables: vec![var("s"), var("p"), var("o")],
    })
}

/// `DELETE DATA { GRAPH <shared> { ... } }` of `triples`, each (subject, predicate, object).
pub fn delete_shared(triples: Vec<(NamedNode, NamedNode, GroundTerm)>) -> GraphUpdateOperation {
    let graph = spargebra::term::GraphName::NamedNode(iri(SHARED_GRAPH));
    GraphUpdateOperation::DeleteData {
        data: triples
            .into_iter()
            .map(|(s, p, o)| spargebra::term::GroundQuad {
                subject: s,
                predicate: p,
                object: o,
                graph_name: graph.clone(),
            })
            .collect(),
    }
}

/// `INSERT DATA { ... }` of `quads`, each in its graph (a quad in a blank-node graph, which no
/// RDF syntax negograph reads can give, goes to the default graph).
pub fn insert_data(quads: &[Quad]) -> GraphUpdateOperation {
    let data = quads
        .iter()
        .map(|q| spargebra::term::Quad {
            subject: q.subject.clone(),
            predicate: q.predicate.clone(),
            object: q.object.clone(),
            graph_name: match &q.graph_name {
                oxigraph::model::GraphName::NamedNode(n) => {
                    spargebra::term::GraphName::NamedNode(n.clone())
                }
                _ => spargebra::term::GraphName::DefaultGraph,
            },
        })
        .collect();
    GraphUpdateOperation::InsertData { data }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spargebra::SparqlParser;

    fn issue() -> Vec<(Variable, Term)> {
        vec![crate::query::parse_param("issue=ceasefire").unwrap()]
    }

    #[test]
    fn values_open_the_outermost_group() {
        let p = issue();
        for (name, text) in crate::query::NAMED {
            if !text.contains("?issue") {
                continue;
            }
            let out = prepare(text, &p).unwrap().text;
            assert!(
                out.contains(
                    "VALUES ( ?issue ) { ( <https://w3id.org/negograph/issue/ceasefire> )"
                ),
                "{name}: {out}"
            );
        }
        let q = "PREFIX ex: <http://ex/#a> # a { comment\nSELECT (\"{\" AS ?x) ?issue { ?s ex:p ?issue }";
        let out = prepare(q, &p).unwrap().text;
        assert!(
            out.contains("WHERE { VALUES ( ?issue ) { ( <https://w3id.org/negograph/issue/ceasefire> )  } ?s <http://ex/#ap> ?issue ."),
            "{out}"
        );
        let c = "CONSTRUCT { ?s ?p ?issue } { ?s ?p ?issue OPTIONAL { ?s ?q ?r } }";
        let prepared = prepare(c, &p).unwrap();
        assert_eq!(prepared.form, Form::Construct);
        assert!(
            prepared.text.contains("WHERE { VALUES ( ?issue )"),
            "{}",
            prepared.text
        );
        // A variable the query does not return, an update, a syntax error.
        assert!(matches!(
            prepare("SELECT ?x WHERE { ?x ?y ?issue }", &p),
            Err(QueryError::UnknownParam(_))
        ));
        assert!(matches!(
            prepare("INSERT DATA { <a:b> <a:c> <a:d> }", &[]),
            Err(QueryError::IsUpdate)
        ));
        assert!(matches!(
            prepare("SELECT WHERE", &[]),
            Err(QueryError::Syntax(_))
        ));
        // An ASK is bound outside the subquery it opens with.
        let a = "ASK { { SELECT ?issue WHERE { ?s ?p ?issue } } }";
        let out = prepare(a, &p).unwrap().text;
        assert!(
            out.contains("VALUES ( ?issue ) { ( <https://w3id.org/negograph/issue/ceasefire> )  } { SELECT ?issue"),
            "{out}"
        );
        // Nothing bound: the text goes as it is.
        assert_eq!(prepare(q, &[]).unwrap().text, q);
    }

    #[test]
    fn the_stores_own_queries_parse_back() {
        let doc = NamedNode::new("https://w3id.org/negograph/id/doc/0123456789abcdef").unwrap();
        for q in [
            graph_is_there(&doc),
            document_graphs(),
            count_document_triples(),
            count_ontology_triples(),
        ] {
            let text = q.to_string();
            assert!(SparqlParser::new().parse_query(&text).is_ok(), "{text}");
        }
        // spargebra prints an ASK's pattern as a subquery of all its variables.
        assert_eq!(
            graph_is_there(&doc).to_string(),
            "ASK WHERE { SELECT * WHERE { GRAPH <https://w3id.org/negograph/id/doc/0123456789abcdef> { ?s ?p ?o . } } }"
        );
        let quads = crate::store::parse_whole(
            b"<http://ex/a> <http://ex/b> \"c\" <http://ex/g> .\n_:x <http://ex/b> \"1\" .\n",
            oxigraph::io::RdfFormat::NQuads,
            None,
            "test",
        )
        .unwrap();
        let text = insert_data(&quads).to_string();
        assert!(SparqlParser::new().parse_update(&text).is_ok(), "{text}");
        assert!(text.contains("GRAPH <http://ex/g>"), "{text}");
    }

    /// Bound in the algebra and printed, every named query gives on the embedded store the rows
    /// that the store's own binding gives.
    #[test]
    fn bound_queries_give_the_rows_of_the_embedded_binding() {
        use crate::pipeline;
        use crate::query::{run, ResultsFormat};
        let store = crate::store::Store::in_memory().unwrap();
        let lexicon = crate::lexicon::Lexicon::builtin().unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
        let sources = pipeline::collect_sources(&[dir]).unwrap();
        let mut summary = pipeline::Summary::default();
        for source in &sources {
            let articles = pipeline::read_source(source, None).unwrap();
            let options = crate::extract::Options::default();
            pipeline::ingest_articles(&store, &articles, &lexicon, &options, &mut summary).unwrap();
        }
        assert!(summary.documents_new > 10);
        let csv = |text: &str, params: &[(Variable, Term)]| {
            let mut out = Vec::new();
            run(&store, text, params, ResultsFormat::Csv, None, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let cases = [
            ("people-and-posts", "organization=qatar"),
            ("stances-on-issue", "issue=ceasefire"),
            ("stances-on-issue", "polarity=Oppose"),
            ("facts-about", "resource=hamas"),
            ("events", "agent=azerbaijan"),
            ("actors-by-role", "role=Mediator"),
            ("stances-by-actor", "actor=hamas"),
            ("mediators", "mediator=qatar"),
            (
                "opposite-stances",
                "target=<https://w3id.org/negograph/issue/ceasefire>",
            ),
            ("stance-changes", "actor=israel"),
            ("who-speaks-for-whom", "organization=united-states"),
            ("documents-mentioning-actor", "actor=hamas"),
            ("negotiation-gaps", "issue=ceasefire"),
        ];
        for (name, param) in cases {
            let text = crate::query::named(name).unwrap().text;
            let params = vec![crate::query::parse_param(param).unwrap()];
            let embedded = csv(text, &params);
            assert!(embedded.lines().count() > 1, "{name} {param}: no rows");
            let printed = prepare(text, &params).unwrap().text;
            assert_eq!(embedded, csv(&printed, &[]), "{name} {param}:\n{printed}");
        }
    }
}
