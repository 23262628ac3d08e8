//! SPARQL on the store: inline, from a file, or from the named-query library of `queries/`, with
//! parameters bound as values (SEP-0007 substitution in the algebra, never pasted into the text),
//! and results in the W3C formats or as an aligned table.

use std::io::Write;
use std::time::Duration;

use oxigraph::model::{IriParseError, Literal, NamedNode, Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, QuerySolution, SparqlEvaluator,
    SparqlSyntaxError, UpdateEvaluationError,
};

use crate::export::{self, RdfSyntax};
use crate::limits::{self, Parsed};
use crate::store::Store;
use crate::vocab::{self, PREFIXES};

/// The named queries of `queries/`: (name, SPARQL text). A test checks that every file is here.
pub const NAMED: &[(&str, &str)] = &[
    (
        "actor-cooccurrence",
        include_str!("../queries/actor-cooccurrence.rq"),
    ),
    ("actors", include_str!("../queries/actors.rq")),
    (
        "actors-by-role",
        include_str!("../queries/actors-by-role.rq"),
    ),
    (
        "document-evidence",
        include_str!("../queries/document-evidence.rq"),
    ),
    (
        "documents-mentioning-actor",
        include_str!("../queries/documents-mentioning-actor.rq"),
    ),
    ("events", include_str!("../queries/events.rq")),
    ("facts-about", include_str!("../queries/facts-about.rq")),
    ("mediators", include_str!("../queries/mediators.rq")),
    (
        "negotiation-gaps",
        include_str!("../queries/negotiation-gaps.rq"),
    ),
    ("network-edges", include_str!("../queries/network-edges.rq")),
    (
        "opposite-stances",
        include_str!("../queries/opposite-stances.rq"),
    ),
    (
        "people-and-posts",
        include_str!("../queries/people-and-posts.rq"),
    ),
    (
        "stance-changes",
        include_str!("../queries/stance-changes.rq"),
    ),
    (
        "stances-by-actor",
        include_str!("../queries/stances-by-actor.rq"),
    ),
    (
        "stances-on-issue",
        include_str!("../queries/stances-on-issue.rq"),
    ),
    ("stats", include_str!("../queries/stats.rq")),
    (
        "who-speaks-for-whom",
        include_str!("../queries/who-speaks-for-whom.rq"),
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("SPARQL syntax error")]
    Syntax(#[source] SparqlSyntaxError),
    #[error(transparent)]
    Limit(#[from] crate::limits::LimitError),
    #[error("this is a SPARQL Update, and `query` never writes: run it with `negograph update`")]
    IsUpdate,
    #[error("no named query {0:?} (see `negograph queries`)")]
    UnknownNamed(String),
    #[error("bad --param {0:?}: expected NAME=VALUE")]
    BadParam(String),
    #[error("the variable {0} of --param is not in the query")]
    UnknownParam(Variable),
    #[error("--param value {0}: a parameter is bound to an IRI or a literal")]
    BadValue(Term),
    #[error(transparent)]
    Remote(Box<crate::remote::error::RemoteError>),
    #[error("query evaluation failed")]
    Evaluation(#[source] QueryEvaluationError),
    #[error("update failed")]
    Update(#[source] UpdateEvaluationError),
    #[error("expected a SELECT query")]
    NotSelect,
    #[error("not an IRI: {iri:?}")]
    Iri {
        iri: String,
        #[source]
        source: IriParseError,
    },
    #[error("query stopped after the --timeout of {0:?}")]
    Timeout(Duration),
    #[error("cannot write results: {0}")]
    Io(#[from] std::io::Error),
}

/// A query of the library, with what its header says.
#[derive(Debug, Clone)]
pub struct NamedQuery {
    pub name: &'static str,
    pub title: String,
    pub description: String,
    pub params: String,
    pub columns: String,
    pub text: &'static str,
}

pub fn named_queries() -> Vec<NamedQuery> {
    NAMED
        .iter()
        .map(|(name, text)| {
            let field = |key: &str| {
                text.lines()
                    .filter_map(|l| l.strip_prefix('#'))
                    .find_map(|l| {
                        l.trim()
                            .strip_prefix(key)
                            .map(|v| v.trim_start_matches(':').trim().to_string())
                    })
                    .unwrap_or_default()
            };
            NamedQuery {
                name,
                title: field("title"),
                description: field("description"),
                params: field("params"),
                columns: field("columns"),
                text,
            }
        })
        .collect()
}

pub fn named(name: &str) -> Result<NamedQuery, QueryError> {
    named_queries()
        .into_iter()
        .find(|q| q.name == name || q.name.trim_end_matches(".rq") == name.trim_end_matches(".rq"))
        .ok_or_else(|| QueryError::UnknownNamed(name.to_string()))
}

/// How SELECT results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsFormat {
    /// An aligned table with IRIs shortened by the project's prefixes.
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    /// For CONSTRUCT and DESCRIBE.
    Turtle,
    /// For CONSTRUCT and DESCRIBE.
    Ntriples,
}

/// Turns `NAME=VALUE` into a variable and a term. IRIs may be written `<...>`, in full, or with a
/// project prefix (`actor:hamas`); bare values are read by the parameter's name: `issue=ceasefire`,
/// `actor=hamas` (also `agent=`, `holder=` ...), `doc=HASH`, `negotiation=hamas--israel`, `role=Mediator`, `polarity=Oppose`;
/// anything else is a plain string literal.
pub fn parse_param(param: &str) -> Result<(Variable, Term), QueryError> {
    let (name, value) = param
        .split_once('=')
        .ok_or_else(|| QueryError::BadParam(param.to_string()))?;
    let name = name.trim().trim_start_matches(['?', '$']);
    let var = Variable::new(name).map_err(|_| QueryError::BadParam(param.to_string()))?;
    Ok((var, param_term(name, value.trim())))
}

fn param_term(name: &str, value: &str) -> Term {
    if let Some(iri) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        if let Ok(n) = NamedNode::new(iri) {
            return n.into();
        }
    }
    if value.starts_with("http://") || value.starts_with("https://") {
        if let Ok(n) = NamedNode::new(value) {
            return n.into();
        }
    }
    if let Some((prefix, local)) = value.split_once(':') {
        if let Some((_, ns)) = PREFIXES.iter().find(|(p, _)| *p == prefix) {
            if let Ok(n) = NamedNode::new(format!("{ns}{local}")) {
                return n.into();
            }
        }
    }
    let slug_ok = !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let iri = match name {
        "issue" if slug_ok => Some(vocab::issue(value)),
        "actor" | "holder" | "mediator" | "person" | "organization" | "speaker" | "party"
        | "resource" | "agent"
            if slug_ok =>
        {
            Some(format!("{}{}", vocab::ACTOR, value))
        }
        "target" if slug_ok => Some(format!("{}{}", vocab::ACTOR, value)),
        "doc" | "document" if slug_ok => Some(vocab::id("doc", &value[..16.min(value.len())])),
        "negotiation" if slug_ok => Some(vocab::id("negotiation", value)),
        "role" | "polarity" if slug_ok => {
            let mut c = value.chars();
            let cap: String = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
            Some(vocab::neg(&cap))
        }
        _ => None,
    };
    match iri.and_then(|i| NamedNode::new(i).ok()) {
        Some(n) => n.into(),
        None => Literal::new_simple_literal(value).into(),
    }
}

/// Shortens an IRI with the project's prefixes; literals show their value.
pub fn short(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            PREFIXES
                .iter()
                .filter(|(_, ns)| iri.starts_with(ns))
                .max_by_key(|(_, ns)| ns.len())
                .map(|(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
                .unwrap_or_else(|| format!("<{iri}>"))
        }
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// What a run produced, for the caller's exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Rows(usize),
    Boolean(bool),
    Triples(usize),
}

/// Parses a query within the limits of [`crate::limits`]; an update is told apart.
pub fn parse_query(text: &str) -> Result<spargebra::Query, QueryError> {
    match limits::parse_query(text) {
        Parsed::Ok(q) => Ok(q),
        Parsed::Limit(e) => Err(e.into()),
        Parsed::Syntax(e) => Err(match limits::parse_update(text) {
            Parsed::Ok(_) => QueryError::IsUpdate,
            _ => QueryError::Syntax(e),
        }),
    }
}

/// Parses an update within the limits of [`crate::limits`].
pub fn parse_update(text: &str) -> Result<spargebra::Update, QueryError> {
    match limits::parse_update(text) {
        Parsed::Ok(u) => Ok(u),
        Parsed::Limit(e) => Err(e.into()),
        Parsed::Syntax(e) => Err(QueryError::Syntax(e)),
    }
}

/// Runs a read-only query with the union of all graphs as its default graph.
pub fn run<W: Write>(
    store: &Store,
    query: &str,
    params: &[(Variable, Term)],
    format: ResultsFormat,
    timeout: Option<Duration>,
    out: W,
) -> Result<Outcome, QueryError> {
    let token = CancellationToken::new();
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .for_query(parse_query(query)?);
    prepared.dataset_mut().set_default_graph_as_union();
    for (v, t) in params {
        prepared = prepared.substitute_variable(v.clone(), t.clone());
    }
    let _watchdog = timeout.map(|d| {
        let token = token.clone();
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            if rx.recv_timeout(d).is_err() {
                token.cancel();
            }
        });
        tx
    });
    // Oxigraph checks the token when it reads the store, not while it joins what it has read:
    // the loops below check it for every solution too.
    let cancelled = || match timeout {
        Some(d) if token.is_cancelled() => Err(QueryError::Timeout(d)),
        _ => Ok(()),
    };
    let timed_out = |e: QueryEvaluationError| match timeout {
        Some(d) if e.to_string().to_lowercase().contains("cancel") => QueryError::Timeout(d),
        _ => QueryError::Evaluation(e),
    };
    let results = store.bind_query(prepared).execute().map_err(timed_out)?;
    match results {
        QueryResults::Boolean(b) => write_boolean(b, format, out),
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            // The cancellation is checked for every row: Oxigraph looks at it only when it
            // reads the store, and a streaming join may not for a long time.
            write_solutions(
                &variables,
                solutions.map(|s| {
                    cancelled()?;
                    s.map_err(timed_out)
                }),
                format,
                out,
            )
        }
        QueryResults::Graph(triples) => write_triples(
            triples.map(|t| {
                cancelled()?;
                t.map_err(timed_out)
            }),
            format,
            out,
        ),
    }
}

/// Writes an ASK answer: `true`/`false`, or a W3C results document.
pub fn write_boolean<W: Write>(
    b: bool,
    format: ResultsFormat,
    mut out: W,
) -> Result<Outcome, QueryError> {
    match format {
        ResultsFormat::Csv | ResultsFormat::Tsv | ResultsFormat::Json | ResultsFormat::Xml => {
            QueryResultsSerializer::from_format(results_format(format))
                .serialize_boolean_to_writer(&mut out, b)?;
        }
        _ => writeln!(out, "{b}")?,
    }
    Ok(Outcome::Boolean(b))
}

/// Writes SELECT solutions as a table or in a W3C results format. Shared by the embedded store
/// and remote stores, so both print the same bytes for the same rows.
pub fn write_solutions<W: Write>(
    variables: &[Variable],
    solutions: impl Iterator<Item = Result<QuerySolution, QueryError>>,
    format: ResultsFormat,
    mut out: W,
) -> Result<Outcome, QueryError> {
    let mut count = 0;
    if format == ResultsFormat::Table
        || format == ResultsFormat::Turtle
        || format == ResultsFormat::Ntriples
    {
        let mut rows: Vec<Vec<String>> = Vec::new();
        for s in solutions {
            let s = s?;
            rows.push(
                variables
                    .iter()
                    .map(|v| s.get(v).map(short).unwrap_or_default())
                    .collect(),
            );
        }
        count = rows.len();
        let header: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
        write_table(&mut out, &header, &rows)?;
    } else {
        let mut w = QueryResultsSerializer::from_format(results_format(format))
            .serialize_solutions_to_writer(&mut out, variables.to_vec())?;
        for s in solutions {
            let s = s?;
            w.serialize(s.iter().map(|(v, t)| (v.as_ref(), t.as_ref())))?;
            count += 1;
        }
        w.finish()?;
    }
    Ok(Outcome::Rows(count))
}

/// Writes CONSTRUCT or DESCRIBE triples, sorted, as Turtle or N-Triples.
pub fn write_triples<W: Write>(
    triples: impl Iterator<Item = Result<Triple, QueryError>>,
    format: ResultsFormat,
    mut out: W,
) -> Result<Outcome, QueryError> {
    let mut quads = Vec::new();
    for t in triples {
        quads.push(t?.in_graph(oxigraph::model::GraphName::DefaultGraph));
    }
    let n = quads.len();
    export::sort_quads(&mut quads);
    let syntax = if format == ResultsFormat::Ntriples {
        RdfSyntax::Ntriples
    } else {
        RdfSyntax::Turtle
    };
    export::write(&quads, syntax, &mut out)?;
    Ok(Outcome::Triples(n))
}

/// Runs SPARQL Update on the store.
pub fn update(store: &Store, text: &str) -> Result<(), QueryError> {
    let prepared = SparqlEvaluator::new().for_update(parse_update(text)?);
    store
        .bind_update(prepared)
        .execute()
        .map_err(QueryError::Update)
}

fn results_format(f: ResultsFormat) -> QueryResultsFormat {
    match f {
        ResultsFormat::Csv => QueryResultsFormat::Csv,
        ResultsFormat::Tsv => QueryResultsFormat::Tsv,
        ResultsFormat::Xml => QueryResultsFormat::Xml,
        _ => QueryResultsFormat::Json,
    }
}

/// An aligned plain-text table; long cells are cut at 60 characters.
pub fn write_table<W: Write>(
    out: &mut W,
    header: &[String],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    const MAX: usize = 60;
    let cell = |s: &str| -> String {
        // One line, and no control character (an escape sequence) reaches the terminal.
        let one_line: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if one_line.chars().count() > MAX {
            let cut: String = one_line.chars().take(MAX - 1).collect();
            format!("{cut}…")
        } else {
            one_line
        }
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |out: &mut W, cells: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(widths[i] - c.chars().count()));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, header)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(out, &rule)?;
    for r in &rows {
        line(out, r)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_become_terms_not_text() {
        let (v, t) = parse_param("issue=ceasefire").unwrap();
        assert_eq!(v.as_str(), "issue");
        assert_eq!(
            t,
            Term::from(NamedNode::new(vocab::issue("ceasefire")).unwrap())
        );
        let (_, t) = parse_param("actor=} DROP ALL {").unwrap();
        assert!(matches!(t, Term::Literal(_)));
        let (_, t) = parse_param("role=mediator").unwrap();
        assert_eq!(short(&t), "neg:Mediator");
    }

    #[test]
    fn every_file_of_queries_is_in_the_library() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "rq"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
            .collect();
        files.sort();
        let listed: Vec<String> = NAMED.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(
            files, listed,
            "add the new query file to NAMED in src/query.rs"
        );
    }

    #[test]
    fn every_named_query_has_a_header() {
        let all = named_queries();
        assert!(all.len() >= 7);
        for q in all {
            assert!(
                !q.title.is_empty() && !q.description.is_empty() && !q.columns.is_empty(),
                "{} lacks a header",
                q.name
            );
        }
    }
}
