//! A remote SPARQL 1.1 store: queries and updates through the SPARQL 1.1 Protocol, each
//! document's graph written whole with the Graph Store HTTP Protocol (PUT replaces a graph in
//! one request, so a document is in the store completely or not at all, and writing it again
//! changes nothing).
//!
//! Endpoints are paths under the store's URL, with presets for Oxigraph's server (`/query`,
//! `/update`, `/store`) and Virtuoso (`/sparql`, `/sparql-graph-crud`; with credentials
//! `/sparql-auth` and `/sparql-graph-crud-auth`). `http` sends the requests (authentication,
//! retries, one-line errors); `sparql` builds what they carry, parameters bound in the algebra.

pub(crate) mod error;
mod http;
mod sparql;

pub use error::RemoteError;

use std::io::Write;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{IriParseError, NamedNode, Quad, Term, Triple, TripleRef, Variable};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};

use crate::mapping::Mapped;
use crate::query::{self, Outcome, QueryError, ResultsFormat};
use crate::store::{SharedWritten, StoreError};
use crate::vocab::ONTOLOGY_GRAPH;
use http::{Answer, Client, Request};
use sparql::Form;

/// Which kind of server the URL points to: it sets the default endpoint paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    /// Oxigraph's server (`oxigraph serve`): URL/query, URL/update, URL/store.
    #[default]
    Oxigraph,
    /// Virtuoso: URL/sparql and URL/sparql-graph-crud (the -auth variants with credentials).
    Virtuoso,
    /// A store that answers queries, updates and the Graph Store Protocol at the URL itself
    /// (Jena Fuseki's dataset URL, for instance).
    Generic,
}

/// How a remote store is reached.
#[derive(Debug, Clone, Default)]
pub struct RemoteConfig {
    /// The store's URL, without a trailing slash.
    pub url: String,
    pub preset: Preset,
    /// Endpoint paths relative to `url` (or full URLs); `None` takes the preset's.
    pub query_path: Option<String>,
    pub update_path: Option<String>,
    pub gsp_path: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    pub token: Option<String>,
    /// Retries after a transient failure (connection error, 502, 503, 504, 429).
    pub retries: u32,
    /// The first pause before a retry; it doubles each time.
    pub backoff: Duration,
    /// The time one request may take.
    pub timeout: Option<Duration>,
}

impl RemoteConfig {
    pub fn new(url: &str) -> RemoteConfig {
        RemoteConfig {
            url: url.trim_end_matches('/').to_string(),
            retries: 5,
            backoff: Duration::from_millis(250),
            ..RemoteConfig::default()
        }
    }

    fn endpoint(&self, path: &Option<String>, default: &str) -> String {
        let p = path.as_deref().unwrap_or(default);
        if p.starts_with("http://") || p.starts_with("https://") {
            p.to_string()
        } else if p.is_empty() {
            self.url.clone()
        } else {
            format!("{}/{}", self.url, p.trim_start_matches('/'))
        }
    }

    fn with_credentials(&self) -> bool {
        self.user.is_some() || self.token.is_some()
    }

    pub fn query_url(&self) -> String {
        let default = match (self.preset, self.with_credentials()) {
            (Preset::Oxigraph, _) => "query",
            (Preset::Virtuoso, false) => "sparql",
            (Preset::Virtuoso, true) => "sparql-auth",
            (Preset::Generic, _) => "",
        };
        self.endpoint(&self.query_path, default)
    }

    pub fn update_url(&self) -> String {
        let default = match (self.preset, self.with_credentials()) {
            (Preset::Oxigraph, _) => "update",
            (Preset::Virtuoso, false) => "sparql",
            (Preset::Virtuoso, true) => "sparql-auth",
            (Preset::Generic, _) => "",
        };
        self.endpoint(&self.update_path, default)
    }

    pub fn gsp_url(&self) -> String {
        let default = match (self.preset, self.with_credentials()) {
            (Preset::Oxigraph, _) => "store",
            (Preset::Virtuoso, false) => "sparql-graph-crud",
            (Preset::Virtuoso, true) => "sparql-graph-crud-auth",
            (Preset::Generic, _) => "",
        };
        self.endpoint(&self.gsp_path, default)
    }
}

impl From<RemoteError> for StoreError {
    fn from(e: RemoteError) -> StoreError {
        StoreError::Remote(Box::new(e))
    }
}

impl From<RemoteError> for QueryError {
    fn from(e: RemoteError) -> QueryError {
        QueryError::Remote(Box::new(e))
    }
}

impl RemoteError {
    fn iri(iri: &str) -> impl FnOnce(IriParseError) -> RemoteError + '_ {
        move |source| RemoteError::Iri {
            iri: iri.to_string(),
            source,
        }
    }
}

/// The media types asked for SELECT and ASK results, and for CONSTRUCT and DESCRIBE triples.
const RESULTS: &str = "application/sparql-results+json, application/sparql-results+xml;q=0.9";
const TRIPLES: &str = "application/n-triples, text/turtle;q=0.9";

pub struct Remote {
    pub config: RemoteConfig,
    client: Client,
    /// Quads of the shared graph this process wrote: not sent again.
    shared_written: SharedWritten,
}

/// Rows or a boolean, as a store answers a SELECT or an ASK query.
type Answered = ReaderQueryResultsParserOutput<ureq::BodyReader<'static>>;

impl Remote {
    pub fn new(config: RemoteConfig) -> Result<Remote, RemoteError> {
        if !(config.url.starts_with("http://") || config.url.starts_with("https://")) {
            return Err(RemoteError::NotHttp { url: config.url });
        }
        if config.url.starts_with("https://") && !cfg!(feature = "https") {
            return Err(RemoteError::NoHttps { url: config.url });
        }
        let client = Client::new(&config);
        Ok(Remote {
            config,
            client,
            shared_written: SharedWritten::default(),
        })
    }

    /// Sends a query to the query endpoint as a form, over the union of the graphs.
    fn post_query(&self, text: &str, accept: &str) -> Result<Answer, RemoteError> {
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("query", text);
        if self.config.preset == Preset::Oxigraph {
            // Oxigraph's server reads the default graph as the union of all graphs when asked.
            form.append_key_only("union-default-graph");
        }
        let body = form.finish();
        let url = self.config.query_url();
        self.client.send(&Request {
            accept: Some(accept),
            ..Request::form(&url, body.as_bytes())
        })
    }

    /// A SELECT or ASK query's answer (Virtuoso answers ASK with one row of one variable).
    fn answered(&self, text: &str) -> Result<Answered, RemoteError> {
        let answer = self.post_query(text, RESULTS)?;
        let format = QueryResultsFormat::from_media_type(&answer.content_type)
            .unwrap_or(QueryResultsFormat::Json);
        QueryResultsParser::from_format(format)
            .for_reader(answer.body.into_reader())
            .map_err(|source| RemoteError::Results {
                url: self.config.query_url(),
                source: Box::new(source),
            })
    }

    /// An ASK query's answer, also in Virtuoso's one-row form: true when a value is 1 or true.
    fn ask_text(&self, text: &str) -> Result<bool, RemoteError> {
        match self.answered(text)? {
            Answered::Boolean(b) => Ok(b),
            Answered::Solutions(solutions) => {
                let mut b = false;
                for s in solutions {
                    let s = s.map_err(|source| RemoteError::Results {
                        url: self.config.query_url(),
                        source: Box::new(source),
                    })?;
                    b = s.values().iter().flatten().any(|t| match t {
                        Term::Literal(l) => matches!(l.value(), "1" | "true"),
                        _ => false,
                    });
                }
                Ok(b)
            }
        }
    }

    /// Runs a read-only query with `params` bound (see [`sparql::bind`]) and writes its results
    /// as the embedded store would.
    pub fn query<W: Write>(
        &self,
        text: &str,
        params: &[(Variable, Term)],
        format: ResultsFormat,
        out: W,
    ) -> Result<Outcome, QueryError> {
        let prepared = sparql::prepare(text, params)?;
        match prepared.form {
            Form::Ask => query::write_boolean(self.ask_text(&prepared.text)?, format, out),
            Form::Select => match self.answered(&prepared.text)? {
                Answered::Boolean(b) => query::write_boolean(b, format, out),
                Answered::Solutions(solutions) => {
                    let variables = solutions.variables().to_vec();
                    let url = self.config.query_url();
                    let rows = solutions.map(|s| {
                        s.map_err(|source| {
                            QueryError::from(RemoteError::Results {
                                url: url.clone(),
                                source: Box::new(source),
                            })
                        })
                    });
                    query::write_solutions(&variables, rows, format, out)
                }
            },
            Form::Construct | Form::Describe => {
                let answer = self.post_query(&prepared.text, TRIPLES)?;
                let syntax =
                    RdfFormat::from_media_type(&answer.content_type).unwrap_or(RdfFormat::Turtle);
                let url = self.config.query_url();
                let triples = RdfParser::from_format(syntax)
                    .for_reader(answer.body.into_reader())
                    .map(|q| {
                        q.map(|q| Triple::new(q.subject, q.predicate, q.object))
                            .map_err(|source| {
                                QueryError::from(RemoteError::Rdf {
                                    url: url.clone(),
                                    source: Box::new(source),
                                })
                            })
                    });
                query::write_triples(triples, format, out)
            }
        }
    }

    /// The rows of a SELECT query of the store's own, in the server's order.
    fn select(&self, query: &spargebra::Query) -> Result<Vec<Vec<Option<Term>>>, RemoteError> {
        let unreadable = |source| RemoteError::Results {
            url: self.config.query_url(),
            source: Box::new(source),
        };
        match self.answered(&query.to_string())? {
            Answered::Boolean(_) => Err(RemoteError::Unexpected {
                url: self.config.query_url(),
                expected: "rows",
            }),
            Answered::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut rows = Vec::new();
                for s in solutions {
                    let s = s.map_err(unreadable)?;
                    rows.push(variables.iter().map(|v| s.get(v).cloned()).collect());
                }
                Ok(rows)
            }
        }
    }

    /// The count a `SELECT (COUNT(*) AS ?n)` query of the store's own answers.
    fn count(&self, query: &spargebra::Query) -> Result<usize, RemoteError> {
        let first = self
            .select(query)?
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next())
            .flatten();
        let not_a_count = || RemoteError::Unexpected {
            url: self.config.query_url(),
            expected: "a count",
        };
        match first {
            None => Ok(0),
            Some(Term::Literal(l)) => l.value().parse().map_err(|_| not_a_count()),
            Some(_) => Err(not_a_count()),
        }
    }

    /// Runs SPARQL Update, checked first as the embedded store checks it.
    pub fn update(&self, text: &str) -> Result<(), QueryError> {
        crate::query::parse_update(text)?;
        Ok(self.send_update(text)?)
    }

    fn send_update(&self, text: &str) -> Result<(), RemoteError> {
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("update", text)
            .finish();
        self.client
            .send(&Request::form(&self.config.update_url(), body.as_bytes()))?;
        Ok(())
    }

    /// The Graph Store Protocol URL of a named graph.
    fn graph_url(&self, graph: &str) -> String {
        let base = self.config.gsp_url();
        let sep = if base.contains('?') { '&' } else { '?' };
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair("graph", graph)
            .finish();
        format!("{base}{sep}{query}")
    }

    /// Whether a named graph holds any triple.
    pub fn contains_graph(&self, iri: &str) -> Result<bool, RemoteError> {
        match NamedNode::new(iri) {
            Ok(graph) => self.ask_text(&sparql::graph_is_there(&graph).to_string()),
            Err(_) => Ok(false),
        }
    }

    /// Replaces a named graph with the triples of `quads` in one Graph Store Protocol PUT.
    pub fn put_graph(&self, graph: &str, quads: &[Quad]) -> Result<(), RemoteError> {
        let body = ntriples(quads)?;
        let url = self.graph_url(graph);
        self.client.send(&Request {
            content_type: Some("application/n-triples"),
            body: &body,
            ..Request::new("PUT", &url)
        })?;
        Ok(())
    }

    /// Adds a document's graph unless it is there already: first what it adds to the shared
    /// graph (INSERT DATA, which changes nothing when it is there), then the document's graph in
    /// one PUT, so that a document that is there has its actors described. Returns the quads
    /// written, or None when the document was there.
    pub fn add_document(&self, graph: &str, mapped: Mapped) -> Result<Option<usize>, RemoteError> {
        if self.contains_graph(graph)? {
            return Ok(None);
        }
        let shared = self.shared_written.fresh(mapped.shared);
        if !shared.is_empty() {
            self.insert(&shared)?;
        }
        self.put_graph(graph, &mapped.document)?;
        Ok(Some(shared.len() + mapped.document.len()))
    }

    /// Writes the ontology graph (vocabulary and issue scheme) when it is missing, as the
    /// embedded store does on opening, so that the named queries find the same labels.
    /// To a store whose ontology graph was written before `ontology/store.ttl`, adds what that
    /// says (INSERT DATA), which the documents written from now on leave to it.
    pub fn ensure_ontology(&self) -> Result<(), StoreError> {
        if !self.contains_graph(ONTOLOGY_GRAPH)? {
            let quads = crate::store::ontology_quads()?;
            self.put_graph(ONTOLOGY_GRAPH, &quads)?;
            return Ok(());
        }
        let conventions = crate::store::store_conventions()?;
        if !self.ask_text(&sparql::holds_all(&conventions).to_string())? {
            self.insert(&conventions)?;
        }
        Ok(())
    }

    /// Deletes a document's graph, then from the shared graph the description of each actor or
    /// negotiation it named that no other document names any more. Returns whether it was there
    /// (a graph that holds no `neg:Document` of its name is none).
    pub fn remove_graph(&self, iri: &str) -> Result<bool, StoreError> {
        let graph = NamedNode::new(iri).map_err(RemoteError::iri(iri))?;
        if !self.ask_text(&sparql::is_document(&graph).to_string())? {
            return Ok(false);
        }
        let mut named: Vec<NamedNode> = Vec::new();
        self.for_each_quad(iri, |q| {
            for t in [Term::from(q.subject), q.object] {
                if let Term::NamedNode(n) = t {
                    if crate::vocab::is_shared_kind(n.as_str()) && !named.contains(&n) {
                        named.push(n);
                    }
                }
            }
            Ok(())
        })?;
        let url = self.graph_url(iri);
        let removed = self
            .client
            .send_or_404(&Request::new("DELETE", &url))?
            .is_some();
        if !named.is_empty() {
            let described = self.select(&sparql::unnamed_descriptions(&named))?;
            let triples: Vec<_> = described
                .into_iter()
                .filter_map(|row| match <[_; 3]>::try_from(row).ok()? {
                    [Some(Term::NamedNode(s)), Some(Term::NamedNode(p)), Some(o)] => {
                        Some((s, p, ground(o)?))
                    }
                    _ => None,
                })
                .collect();
            if !triples.is_empty() {
                self.send_update(&sparql::delete_shared(triples).to_string())?;
            }
            self.shared_written.forget();
        }
        Ok(removed)
    }

    /// Adds quads in one SPARQL Update request (INSERT DATA), so that most stores apply all or
    /// nothing.
    pub fn insert(&self, quads: &[Quad]) -> Result<(), RemoteError> {
        self.send_update(&sparql::insert_data(quads).to_string())
    }

    /// The document graphs: those that hold a `neg:Document`, sorted.
    pub fn document_graphs(&self) -> Result<Vec<String>, RemoteError> {
        let mut out: Vec<String> = self
            .select(&sparql::document_graphs())?
            .into_iter()
            .filter_map(|r| match r.into_iter().next().flatten() {
                Some(Term::NamedNode(n)) => Some(n.into_string()),
                _ => None,
            })
            .collect();
        out.sort();
        Ok(out)
    }

    /// Reads one graph with a Graph Store Protocol GET and hands each quad to `each`, as it
    /// arrives. Returns whether the graph was there.
    pub fn for_each_quad(
        &self,
        graph: &str,
        mut each: impl FnMut(Quad) -> Result<(), StoreError>,
    ) -> Result<bool, StoreError> {
        let name = NamedNode::new(graph).map_err(RemoteError::iri(graph))?;
        let url = self.graph_url(graph);
        let Some(answer) = self.client.send_or_404(&Request {
            accept: Some(TRIPLES),
            ..Request::new("GET", &url)
        })?
        else {
            return Ok(false);
        };
        let syntax = RdfFormat::from_media_type(&answer.content_type).unwrap_or(RdfFormat::Turtle);
        let mut any = false;
        for q in RdfParser::from_format(syntax)
            .with_default_graph(name.clone())
            .for_reader(answer.body.into_reader())
        {
            let q = q.map_err(|source| RemoteError::Rdf {
                url: url.clone(),
                source: Box::new(source),
            })?;
            any = true;
            each(q)?;
        }
        Ok(any)
    }

    /// The number of triples in the document graphs and the ontology graph (a remote store may
    /// hold other graphs, such as Virtuoso's system graphs, which are not counted).
    pub fn len(&self) -> Result<usize, RemoteError> {
        Ok(self.count(&sparql::count_document_triples())?
            + self.count(&sparql::count_shared_triples())?
            + self.count(&sparql::count_ontology_triples())?)
    }

    pub fn is_empty(&self) -> Result<bool, RemoteError> {
        Ok(self.len()? == 0)
    }
}

/// The triples of `quads` as N-Triples (graph names dropped), for a PUT body.
fn ntriples(quads: &[Quad]) -> Result<Vec<u8>, RemoteError> {
    let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    for q in quads {
        w.serialize_triple(TripleRef::new(
            q.subject.as_ref(),
            q.predicate.as_ref(),
            q.object.as_ref(),
        ))?;
    }
    Ok(w.finish()?)
}

/// A term of a description as a ground term of DELETE DATA (a blank node has none).
fn ground(t: Term) -> Option<spargebra::term::GroundTerm> {
    match t {
        Term::NamedNode(n) => Some(spargebra::term::GroundTerm::NamedNode(n)),
        Term::Literal(l) => Some(spargebra::term::GroundTerm::Literal(l)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_give_endpoints() {
        let mut c = RemoteConfig::new("http://localhost:7878/");
        assert_eq!(c.query_url(), "http://localhost:7878/query");
        assert_eq!(c.gsp_url(), "http://localhost:7878/store");
        c.preset = Preset::Virtuoso;
        assert_eq!(c.query_url(), "http://localhost:7878/sparql");
        c.user = Some("dba".into());
        assert_eq!(c.gsp_url(), "http://localhost:7878/sparql-graph-crud-auth");
        c.query_path = Some("https://elsewhere/q".into());
        assert_eq!(c.query_url(), "https://elsewhere/q");
        c.preset = Preset::Generic;
        assert_eq!(c.update_url(), "http://localhost:7878");
    }
}
