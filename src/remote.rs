//! A remote SPARQL 1.1 store: queries and updates through the SPARQL 1.1 Protocol, each
//! document's graph written whole with the Graph Store HTTP Protocol (PUT replaces a graph in
//! one request, so a document is in the store completely or not at all, and writing it again
//! changes nothing).
//!
//! Endpoints are paths under the store's URL, with presets for Oxigraph's server (`/query`,
//! `/update`, `/store`) and Virtuoso (`/sparql`, `/sparql-graph-crud`; with credentials
//! `/sparql-auth` and `/sparql-graph-crud-auth`). Authentication: HTTP Basic, HTTP Digest (when
//! the server's 401 asks for it, as Virtuoso's `-auth` endpoints do) or a bearer token.
//! Connection errors, 502, 503, 504 and 429 are retried with exponential back-off (honouring
//! Retry-After); any other error status (4xx, and 500, which stores answer for queries they cannot
//! evaluate) is reported at once, in one line.

use std::io::{Read, Write};
use std::sync::Mutex;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Quad, Term, Triple, Variable};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};

use crate::export::RdfSyntax;
use crate::query::{self, Outcome, QueryError, ResultsFormat};
use crate::store::{StoreError, ONTOLOGY_GRAPH};

/// Which kind of server the URL points to: it sets the default endpoint paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
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

#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    #[error("{method} {url}: {status} {reason}{detail}")]
    Status {
        method: String,
        url: String,
        status: u16,
        reason: String,
        detail: String,
    },
    #[error("{method} {url}: {message} (gave up after {attempts} attempts)")]
    Unreachable {
        method: String,
        url: String,
        message: String,
        attempts: u32,
    },
    #[error("{0}")]
    Other(String),
}

impl From<RemoteError> for StoreError {
    fn from(e: RemoteError) -> StoreError {
        StoreError::Remote(e.to_string())
    }
}

impl From<RemoteError> for QueryError {
    fn from(e: RemoteError) -> QueryError {
        QueryError::Evaluation(e.to_string())
    }
}

/// What the server asked for in its 401, learned once and then sent with every request.
#[derive(Debug, Clone)]
enum Scheme {
    Basic,
    Digest(DigestChallenge),
}

#[derive(Debug, Clone, Default)]
struct DigestChallenge {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    qop_auth: bool,
    algorithm: String,
    count: u32,
}

pub struct Remote {
    pub config: RemoteConfig,
    agent: ureq::Agent,
    scheme: Mutex<Option<Scheme>>,
}

/// A response whose status was 2xx.
pub struct Answer {
    pub content_type: String,
    pub body: ureq::Body,
}

impl Remote {
    pub fn new(config: RemoteConfig) -> Result<Remote, RemoteError> {
        if config.url.starts_with("https://") && !cfg!(feature = "https") {
            return Err(RemoteError::Other(format!(
                "{}: this negograph was built without https support; rebuild with `--features https`",
                config.url
            )));
        }
        if !(config.url.starts_with("http://") || config.url.starts_with("https://")) {
            return Err(RemoteError::Other(format!(
                "{}: a remote store's URL starts with http:// or https://",
                config.url
            )));
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(config.timeout)
            .timeout_connect(Some(Duration::from_secs(10)))
            .max_redirects(0)
            .build()
            .into();
        Ok(Remote {
            config,
            agent,
            scheme: Mutex::new(None),
        })
    }

    fn authorization(&self, method: &str, url: &str) -> Option<String> {
        if let Some(t) = &self.config.token {
            return Some(format!("Bearer {t}"));
        }
        let user = self.config.user.as_deref()?;
        let password = self.config.password.as_deref().unwrap_or("");
        let mut scheme = self.scheme.lock().unwrap_or_else(|e| e.into_inner());
        match scheme.as_mut()? {
            Scheme::Basic => Some(format!(
                "Basic {}",
                base64(format!("{user}:{password}").as_bytes())
            )),
            Scheme::Digest(c) => {
                c.count += 1;
                Some(digest_authorization(c, user, password, method, url))
            }
        }
    }

    /// Sends one request, retrying transient failures; returns the 2xx response, or the 404 when
    /// `allow_404`.
    pub fn send(
        &self,
        method: &str,
        url: &str,
        content_type: Option<&str>,
        accept: Option<&str>,
        body: &[u8],
        allow_404: bool,
    ) -> Result<Option<Answer>, RemoteError> {
        let mut attempt: u32 = 0;
        let mut auth_rounds = 0;
        loop {
            attempt += 1;
            let mut builder = ureq::http::Request::builder()
                .method(method)
                .uri(url)
                .header(
                    "User-Agent",
                    concat!("negograph/", env!("CARGO_PKG_VERSION")),
                );
            if let Some(ct) = content_type {
                builder = builder.header("Content-Type", ct);
            }
            if let Some(a) = accept {
                builder = builder.header("Accept", a);
            }
            if let Some(a) = self.authorization(method, url) {
                builder = builder.header("Authorization", a);
            }
            let result = if body.is_empty() && matches!(method, "GET" | "DELETE" | "HEAD") {
                builder
                    .body(())
                    .map_err(|e| RemoteError::Other(format!("{method} {url}: {e}")))
                    .map(|r| self.agent.run(r))?
            } else {
                builder
                    .body(body)
                    .map_err(|e| RemoteError::Other(format!("{method} {url}: {e}")))
                    .map(|r| self.agent.run(r))?
            };
            let transient = |message: String| -> Result<(), RemoteError> {
                if attempt > self.config.retries {
                    return Err(RemoteError::Unreachable {
                        method: method.to_string(),
                        url: url.to_string(),
                        message,
                        attempts: attempt,
                    });
                }
                Ok(())
            };
            let response = match result {
                Ok(r) => r,
                Err(ureq::Error::Timeout(t)) => {
                    return Err(RemoteError::Other(format!(
                        "{method} {url}: no answer in time ({t})"
                    )));
                }
                Err(e) => {
                    transient(e.to_string())?;
                    std::thread::sleep(self.pause(attempt, None));
                    continue;
                }
            };
            let status = response.status().as_u16();
            if (200..300).contains(&status) || (allow_404 && status == 404) {
                let content_type = response
                    .headers()
                    .get("Content-Type")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                if status == 404 {
                    return Ok(None);
                }
                return Ok(Some(Answer {
                    content_type,
                    body: response.into_body(),
                }));
            }
            if status == 401 && self.config.user.is_some() && auth_rounds < 2 {
                let challenges: Vec<String> = response
                    .headers()
                    .get_all("WWW-Authenticate")
                    .iter()
                    .filter_map(|v| v.to_str().ok().map(str::to_string))
                    .collect();
                if let Some(s) = choose_scheme(&challenges) {
                    auth_rounds += 1;
                    attempt -= 1;
                    *self.scheme.lock().unwrap_or_else(|e| e.into_inner()) = Some(s);
                    continue;
                }
            }
            let retry_after = response
                .headers()
                .get("Retry-After")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            let reason = response
                .status()
                .canonical_reason()
                .unwrap_or("")
                .to_string();
            let mut text = String::new();
            let _ = response
                .into_body()
                .into_reader()
                .take(4096)
                .read_to_string(&mut text);
            let detail = first_line(&text);
            // 500 is what most stores answer for a query they cannot evaluate (Virtuoso for any
            // SPARQL error): retrying would only repeat it. 502, 503, 504 and 429 are the
            // answers of a server that is restarting, overloaded or behind a busy proxy.
            if matches!(status, 429 | 502 | 503 | 504) || status > 504 {
                transient(format!("{status} {reason}{detail}"))?;
                std::thread::sleep(self.pause(attempt, retry_after));
                continue;
            }
            let hint = match status {
                401 => " (check --user/--password or --token)",
                403 => " (the account may lack the right to write: for Virtuoso use the dba account, or grant SPARQL_UPDATE)",
                404 | 405 => " (check the endpoint paths: --preset, --query-path, --update-path, --gsp-path)",
                _ => "",
            };
            return Err(RemoteError::Status {
                method: method.to_string(),
                url: url.to_string(),
                status,
                reason,
                detail: format!("{detail}{hint}"),
            });
        }
    }

    fn pause(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let exp = self.config.backoff * 2u32.saturating_pow(attempt.saturating_sub(1).min(10));
        retry_after
            .unwrap_or(exp)
            .min(Duration::from_secs(30))
            .max(exp.min(Duration::from_secs(30)))
    }

    fn post_query(&self, text: &str, accept: &str) -> Result<Answer, RemoteError> {
        let mut form = format!("query={}", urlencode(text));
        if self.config.preset == Preset::Oxigraph {
            // Oxigraph's server reads the default graph as the union of all graphs when asked.
            form.push_str("&union-default-graph");
        }
        let url = self.config.query_url();
        self.send(
            "POST",
            &url,
            Some("application/x-www-form-urlencoded"),
            Some(accept),
            form.as_bytes(),
            false,
        )?
        .ok_or_else(|| RemoteError::Other(format!("{url}: not found")))
    }

    /// Runs a read-only query with `params` bound (as a VALUES block at the start of the WHERE
    /// clause) and writes its results as the embedded store would.
    pub fn query<W: Write>(
        &self,
        text: &str,
        params: &[(Variable, Term)],
        format: ResultsFormat,
        out: W,
    ) -> Result<Outcome, QueryError> {
        let form = check_query(text, params)?;
        let text = bind_values(text, params)?;
        match form {
            Form::Select | Form::Ask => {
                let answer = self.post_query(
                    &text,
                    "application/sparql-results+json, application/sparql-results+xml;q=0.9",
                )?;
                let format_of = QueryResultsFormat::from_media_type(&answer.content_type)
                    .unwrap_or(QueryResultsFormat::Json);
                let reader = answer.body.into_reader();
                match QueryResultsParser::from_format(format_of)
                    .for_reader(reader)
                    .map_err(|e| QueryError::Evaluation(format!("unreadable results: {e}")))?
                {
                    ReaderQueryResultsParserOutput::Boolean(b) => {
                        query::write_boolean(b, format, out)
                    }
                    ReaderQueryResultsParserOutput::Solutions(solutions) => {
                        let variables = solutions.variables().to_vec();
                        if form == Form::Ask {
                            // Virtuoso answers ASK with one row of one variable, 1 or 0.
                            let mut b = false;
                            for s in solutions {
                                let s = s.map_err(|e| {
                                    QueryError::Evaluation(format!("unreadable results: {e}"))
                                })?;
                                b = s.values().iter().flatten().any(|t| match t {
                                    Term::Literal(l) => matches!(l.value(), "1" | "true"),
                                    _ => false,
                                });
                            }
                            return query::write_boolean(b, format, out);
                        }
                        query::write_solutions(
                            &variables,
                            solutions.map(|s| {
                                s.map_err(|e| {
                                    QueryError::Evaluation(format!("unreadable results: {e}"))
                                })
                            }),
                            format,
                            out,
                        )
                    }
                }
            }
            Form::Construct | Form::Describe => {
                let answer = self.post_query(&text, "application/n-triples, text/turtle;q=0.9")?;
                let syntax =
                    RdfFormat::from_media_type(&answer.content_type).unwrap_or(RdfFormat::Turtle);
                let reader = answer.body.into_reader();
                let triples = RdfParser::from_format(syntax).for_reader(reader).map(|q| {
                    q.map(|q| Triple::new(q.subject, q.predicate, q.object))
                        .map_err(|e| QueryError::Evaluation(format!("unreadable triples: {e}")))
                });
                query::write_triples(triples, format, out)
            }
        }
    }

    /// The rows of a SELECT query, in the server's order.
    pub fn select(&self, text: &str) -> Result<Vec<Vec<Option<Term>>>, RemoteError> {
        let answer = self.post_query(text, "application/sparql-results+json")?;
        let format_of = QueryResultsFormat::from_media_type(&answer.content_type)
            .unwrap_or(QueryResultsFormat::Json);
        match QueryResultsParser::from_format(format_of)
            .for_reader(answer.body.into_reader())
            .map_err(|e| RemoteError::Other(format!("unreadable results: {e}")))?
        {
            ReaderQueryResultsParserOutput::Boolean(_) => {
                Err(RemoteError::Other("expected rows, got a boolean".into()))
            }
            ReaderQueryResultsParserOutput::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut rows = Vec::new();
                for s in solutions {
                    let s =
                        s.map_err(|e| RemoteError::Other(format!("unreadable results: {e}")))?;
                    rows.push(variables.iter().map(|v| s.get(v).cloned()).collect());
                }
                Ok(rows)
            }
        }
    }

    /// An ASK query's answer (also Virtuoso's one-row form of it).
    pub fn ask(&self, text: &str) -> Result<bool, RemoteError> {
        let answer = self.post_query(
            text,
            "application/sparql-results+json, application/sparql-results+xml;q=0.9",
        )?;
        let format_of = QueryResultsFormat::from_media_type(&answer.content_type)
            .unwrap_or(QueryResultsFormat::Json);
        match QueryResultsParser::from_format(format_of)
            .for_reader(answer.body.into_reader())
            .map_err(|e| RemoteError::Other(format!("unreadable results: {e}")))?
        {
            ReaderQueryResultsParserOutput::Boolean(b) => Ok(b),
            ReaderQueryResultsParserOutput::Solutions(solutions) => {
                let mut b = false;
                for s in solutions {
                    let s =
                        s.map_err(|e| RemoteError::Other(format!("unreadable results: {e}")))?;
                    b = s.values().iter().flatten().any(|t| match t {
                        Term::Literal(l) => matches!(l.value(), "1" | "true"),
                        _ => false,
                    });
                }
                Ok(b)
            }
        }
    }

    /// Runs SPARQL Update.
    pub fn update(&self, text: &str) -> Result<(), RemoteError> {
        let form = format!("update={}", urlencode(text));
        self.send(
            "POST",
            &self.config.update_url(),
            Some("application/x-www-form-urlencoded"),
            None,
            form.as_bytes(),
            false,
        )?;
        Ok(())
    }

    fn graph_url(&self, graph: Option<&str>) -> String {
        let base = self.config.gsp_url();
        let sep = if base.contains('?') { '&' } else { '?' };
        match graph {
            Some(g) => format!("{base}{sep}graph={}", urlencode(g)),
            None => format!("{base}{sep}default"),
        }
    }

    /// Whether a named graph holds any triple.
    pub fn contains_graph(&self, iri: &str) -> Result<bool, RemoteError> {
        if NamedNode::new(iri).is_err() {
            return Ok(false);
        }
        self.ask(&format!("ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"))
    }

    /// Replaces a named graph with `triples` in one Graph Store Protocol PUT.
    pub fn put_graph(&self, graph: &str, quads: &[Quad]) -> Result<(), RemoteError> {
        let body = ntriples(quads);
        self.send(
            "PUT",
            &self.graph_url(Some(graph)),
            Some("application/n-triples"),
            None,
            &body,
            false,
        )?;
        Ok(())
    }

    /// Adds a document's graph unless it is there already. Returns whether it was added.
    pub fn add_document(&self, graph: &str, quads: &[Quad]) -> Result<bool, RemoteError> {
        if self.contains_graph(graph)? {
            return Ok(false);
        }
        self.put_graph(graph, quads)?;
        Ok(true)
    }

    /// Writes the ontology graph (vocabulary and issue scheme) when it is missing, as the
    /// embedded store does on opening, so that the named queries find the same labels.
    pub fn ensure_ontology(&self) -> Result<(), StoreError> {
        if self.contains_graph(ONTOLOGY_GRAPH)? {
            return Ok(());
        }
        let quads = crate::store::ontology_quads()?;
        self.put_graph(ONTOLOGY_GRAPH, &quads)?;
        Ok(())
    }

    /// Deletes a named graph. Returns whether it was there.
    pub fn remove_graph(&self, iri: &str) -> Result<bool, RemoteError> {
        NamedNode::new(iri).map_err(|e| RemoteError::Other(format!("not an IRI {iri:?}: {e}")))?;
        if !self.contains_graph(iri)? {
            return Ok(false);
        }
        Ok(self
            .send("DELETE", &self.graph_url(Some(iri)), None, None, &[], true)?
            .is_some())
    }

    /// Adds quads in one SPARQL Update request (INSERT DATA), so that most stores apply all or
    /// nothing.
    pub fn insert(&self, quads: &[Quad]) -> Result<(), RemoteError> {
        let mut text = String::from("INSERT DATA {\n");
        let mut by_graph: std::collections::BTreeMap<String, Vec<&Quad>> = Default::default();
        for q in quads {
            by_graph
                .entry(q.graph_name.to_string())
                .or_default()
                .push(q);
        }
        for (graph, qs) in by_graph {
            let named = graph != GraphName::DefaultGraph.to_string();
            if named {
                text.push_str(&format!("GRAPH {graph} {{\n"));
            }
            for q in qs {
                text.push_str(&format!("{} {} {} .\n", q.subject, q.predicate, q.object));
            }
            if named {
                text.push_str("}\n");
            }
        }
        text.push('}');
        self.update(&text)
    }

    /// The document graphs: those that hold a `neg:Document`, sorted.
    pub fn document_graphs(&self) -> Result<Vec<String>, RemoteError> {
        let rows = self.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a <https://w3id.org/negograph/ontology#Document> } }",
        )?;
        let mut out: Vec<String> = rows
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
        let name = NamedNode::new(graph)
            .map_err(|e| StoreError::Storage(format!("not an IRI {graph:?}: {e}")))?;
        let Some(answer) = self.send(
            "GET",
            &self.graph_url(Some(graph)),
            None,
            Some("application/n-triples, text/turtle;q=0.9"),
            &[],
            true,
        )?
        else {
            return Ok(false);
        };
        let syntax = RdfFormat::from_media_type(&answer.content_type).unwrap_or(RdfFormat::Turtle);
        let mut any = false;
        for q in RdfParser::from_format(syntax)
            .with_default_graph(name.clone())
            .for_reader(answer.body.into_reader())
        {
            let q = q.map_err(|e| StoreError::Parse {
                origin: graph.to_string(),
                message: e.to_string(),
            })?;
            any = true;
            each(q)?;
        }
        Ok(any)
    }

    /// The number of triples in the document graphs and the ontology graph (a remote store may
    /// hold other graphs, such as Virtuoso's system graphs, which are not counted).
    pub fn len(&self) -> Result<usize, RemoteError> {
        let count = |text: &str| -> Result<usize, RemoteError> {
            match self
                .select(text)?
                .first()
                .and_then(|r| r.first())
                .cloned()
                .flatten()
            {
                Some(Term::Literal(l)) => l
                    .value()
                    .parse()
                    .map_err(|_| RemoteError::Other(format!("not a count: {l}"))),
                _ => Ok(0),
            }
        };
        let documents = count(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a <https://w3id.org/negograph/ontology#Document> } GRAPH ?g { ?s ?p ?o } }",
        )?;
        let ontology = count(&format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}"
        ))?;
        Ok(documents + ontology)
    }

    pub fn is_empty(&self) -> Result<bool, RemoteError> {
        Ok(self.len()? == 0)
    }
}

/// The serialisation of quads as N-Triples (graph names dropped), for a PUT body.
pub fn ntriples(quads: &[Quad]) -> Vec<u8> {
    let mut w = RdfSerializer::from_format(RdfSyntax::Ntriples.format()).for_writer(Vec::new());
    for q in quads {
        // Writing into memory cannot fail.
        let _ = w.serialize_triple(oxigraph::model::TripleRef::new(
            q.subject.as_ref(),
            q.predicate.as_ref(),
            q.object.as_ref(),
        ));
    }
    w.finish().unwrap_or_default()
}

fn first_line(text: &str) -> String {
    // Servers answer errors in HTML or plain text: keep the first line that says something.
    let stripped: String = {
        let mut out = String::new();
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    out.push(' ');
                }
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    let line = stripped
        .lines()
        .map(str::trim)
        .find(|l| {
            !l.is_empty()
                && !l.to_ascii_lowercase().starts_with("error ")
                && l.chars().any(|c| c.is_alphabetic())
                && !l.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
        })
        .unwrap_or("");
    let line: String = line.chars().take(200).collect();
    if line.is_empty() {
        String::new()
    } else {
        format!(": {line}")
    }
}

/// Percent-encoding for a form field or a query parameter (RFC 3986 unreserved kept).
pub fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Picks Digest over Basic among the server's challenges.
fn choose_scheme(challenges: &[String]) -> Option<Scheme> {
    for c in challenges {
        let trimmed = c.trim_start();
        if trimmed.len() >= 6 && trimmed[..6].eq_ignore_ascii_case("digest") {
            let params = auth_params(&trimmed[6..]);
            let get = |k: &str| {
                params
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(k))
                    .map(|(_, v)| v.clone())
            };
            let algorithm = get("algorithm").unwrap_or_else(|| "MD5".into());
            if !algorithm.eq_ignore_ascii_case("MD5") {
                continue;
            }
            return Some(Scheme::Digest(DigestChallenge {
                realm: get("realm").unwrap_or_default(),
                nonce: get("nonce").unwrap_or_default(),
                opaque: get("opaque"),
                qop_auth: get("qop")
                    .map(|q| q.split(',').any(|x| x.trim().eq_ignore_ascii_case("auth")))
                    .unwrap_or(false),
                algorithm,
                count: 0,
            }));
        }
    }
    challenges
        .iter()
        .any(|c| c.trim_start().to_ascii_lowercase().starts_with("basic"))
        .then_some(Scheme::Basic)
}

/// `name=value, name="quoted, value"` pairs of an authentication challenge.
fn auth_params(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' {
                break;
            }
            name.push(c);
            chars.next();
        }
        if chars.next().is_none() {
            break;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            value.push(n);
                        }
                    }
                    '"' => break,
                    _ => value.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' {
                    break;
                }
                value.push(c);
                chars.next();
            }
        }
        out.push((name.trim().to_string(), value.trim().to_string()));
    }
    out
}

/// HTTP Digest with MD5 (RFC 7616, and RFC 2069 when the server offers no qop). No maintained
/// crate does just this on a blocking client without pulling in another HTTP stack, so it is
/// written here, on the `md-5` crate.
fn digest_authorization(
    c: &DigestChallenge,
    user: &str,
    password: &str,
    method: &str,
    url: &str,
) -> String {
    use md5::{Digest, Md5};
    let md5 = |s: &str| -> String {
        Md5::digest(s.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    // The request target: path and query of the URL.
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    let uri = after_scheme
        .find('/')
        .map_or("/", |i| &after_scheme[i..])
        .to_string();
    let ha1 = md5(&format!("{user}:{}:{password}", c.realm));
    let ha2 = md5(&format!("{method}:{uri}"));
    let nc = format!("{:08x}", c.count);
    let cnonce = md5(&format!(
        "{}:{}:{:?}",
        std::process::id(),
        c.count,
        std::time::SystemTime::now()
    ))[..16]
        .to_string();
    let mut header = format!(
        "Digest username=\"{user}\", realm=\"{}\", nonce=\"{}\", uri=\"{uri}\", algorithm={}",
        c.realm, c.nonce, c.algorithm
    );
    if c.qop_auth {
        let response = md5(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", c.nonce));
        header.push_str(&format!(
            ", qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\""
        ));
    } else {
        let response = md5(&format!("{ha1}:{}:{ha2}", c.nonce));
        header.push_str(&format!(", response=\"{response}\""));
    }
    if let Some(o) = &c.opaque {
        header.push_str(&format!(", opaque=\"{o}\""));
    }
    header
}

/// The form of a SPARQL query, read from its first keyword after the prologue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Select,
    Construct,
    Ask,
    Describe,
}

/// The query's tokens that matter here: keywords and braces, outside strings, IRIs and comments,
/// with their byte offsets.
fn tokens(text: &str) -> Vec<(usize, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' | b'\'' => {
                let long = b[i..].starts_with(&[c, c, c]);
                if long {
                    i += 3;
                    while i < b.len() && !b[i..].starts_with(&[c, c, c]) {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 3;
                } else {
                    i += 1;
                    while i < b.len() && b[i] != c && b[i] != b'\n' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
            }
            b'<' => {
                // An IRI has no spaces up to its '>'; otherwise this is "less than".
                let end = b[i + 1..]
                    .iter()
                    .position(|&x| x == b'>' || x.is_ascii_whitespace() || x == b'<');
                match end {
                    Some(e) if b[i + 1 + e] == b'>' => i += e + 2,
                    _ => {
                        out.push((i, "<".to_string()));
                        i += 1;
                    }
                }
            }
            b'{' | b'}' | b'(' | b')' => {
                out.push((i, (c as char).to_string()));
                i += 1;
            }
            _ if c.is_ascii_alphabetic() => {
                let start = i;
                while i < b.len()
                    && (b[i].is_ascii_alphanumeric()
                        || b[i] == b'_'
                        || b[i] == b':'
                        || b[i] == b'-')
                {
                    i += 1;
                }
                out.push((start, text[start..i].to_ascii_uppercase()));
            }
            b'?' | b'$' => {
                i += 1;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80)
                {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Reads a query's form; an update or a syntax error is refused as the embedded store refuses it.
pub fn check_query(text: &str, params: &[(Variable, Term)]) -> Result<Form, QueryError> {
    use oxigraph::sparql::SparqlEvaluator;
    if let Err(e) = SparqlEvaluator::new().parse_query(text) {
        if SparqlEvaluator::new().parse_update(text).is_ok() {
            return Err(QueryError::IsUpdate);
        }
        return Err(QueryError::Syntax(e.to_string()));
    }
    // A parameter must name a variable of the query, as for the embedded store.
    for (v, _) in params {
        let needle = v.as_str();
        let found = text.match_indices(needle).any(|(i, _)| {
            i > 0
                && matches!(text.as_bytes()[i - 1], b'?' | b'$')
                && !text[i + needle.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
        });
        if !found {
            return Err(QueryError::Evaluation(format!(
                "the variable {v} of --param is not in the query"
            )));
        }
    }
    for (_, t) in tokens(text) {
        match t.as_str() {
            "SELECT" => return Ok(Form::Select),
            "CONSTRUCT" => return Ok(Form::Construct),
            "ASK" => return Ok(Form::Ask),
            "DESCRIBE" => return Ok(Form::Describe),
            _ => {}
        }
    }
    Err(QueryError::Syntax(
        "no SELECT, CONSTRUCT, ASK or DESCRIBE".into(),
    ))
}

/// Binds parameters by a `VALUES` block opening the query's outermost WHERE group: the same
/// rows as binding the variables before evaluation, for variables the group binds, in plain
/// SPARQL 1.1 that every store reads.
pub fn bind_values(text: &str, params: &[(Variable, Term)]) -> Result<String, QueryError> {
    if params.is_empty() {
        return Ok(text.to_string());
    }
    let toks = tokens(text);
    let mut depth_paren = 0i32;
    let mut depth_brace = 0i32;
    let mut form = None;
    let mut braces_seen = 0;
    let mut after_where = false;
    let mut at = None;
    for (pos, t) in &toks {
        match t.as_str() {
            "(" => depth_paren += 1,
            ")" => depth_paren -= 1,
            "{" => {
                if depth_paren == 0 && depth_brace == 0 {
                    braces_seen += 1;
                    let is_where = after_where
                        || match form {
                            Some(Form::Construct) => braces_seen == 2,
                            _ => braces_seen == 1,
                        };
                    if is_where {
                        at = Some(pos + 1);
                        break;
                    }
                }
                depth_brace += 1;
            }
            "}" => depth_brace -= 1,
            "WHERE" if depth_paren == 0 && depth_brace == 0 => after_where = true,
            "SELECT" if form.is_none() => form = Some(Form::Select),
            "CONSTRUCT" if form.is_none() => form = Some(Form::Construct),
            "ASK" if form.is_none() => form = Some(Form::Ask),
            "DESCRIBE" if form.is_none() => form = Some(Form::Describe),
            _ => {}
        }
    }
    let at = at.ok_or_else(|| QueryError::Syntax("cannot find the query's WHERE clause".into()))?;
    let vars: Vec<String> = params.iter().map(|(v, _)| v.to_string()).collect();
    let values: Vec<String> = params.iter().map(|(_, t)| t.to_string()).collect();
    let block = format!(
        "\n  VALUES ({}) {{ ({}) }}\n",
        vars.join(" "),
        values.join(" ")
    );
    let out = format!("{}{}{}", &text[..at], block, &text[at..]);
    // What is sent must still be a query.
    let _checked = oxigraph::sparql::SparqlEvaluator::new()
        .parse_query(&out)
        .map_err(|e| QueryError::Syntax(format!("binding the parameters: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_of_rfc4648_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(b"dba:dba"), "ZGJhOmRiYQ==");
    }

    #[test]
    fn digest_of_rfc2617_example() {
        // RFC 2617, section 3.5: Mufasa at testrealm@host.com.
        let c = DigestChallenge {
            realm: "testrealm@host.com".into(),
            nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093".into(),
            opaque: Some("5ccc069c403ebaf9f0171e9517f40e41".into()),
            qop_auth: true,
            algorithm: "MD5".into(),
            count: 1,
        };
        let h = digest_authorization(
            &c,
            "Mufasa",
            "Circle Of Life",
            "GET",
            "http://www.nowhere.org/dir/index.html",
        );
        assert!(h.contains("uri=\"/dir/index.html\""), "{h}");
        // With the RFC's cnonce the response is 6629fae49393a05397450978507c4ef1; ours is
        // random, so check the parts that do not depend on it.
        assert!(h.contains("nc=00000001") && h.contains("qop=auth"), "{h}");
        let params = auth_params(&h[6..]);
        let cnonce = &params.iter().find(|(n, _)| n == "cnonce").unwrap().1;
        use md5::{Digest, Md5};
        let hex = |s: String| -> String {
            Md5::digest(s.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        };
        let ha1 = hex("Mufasa:testrealm@host.com:Circle Of Life".into());
        let ha2 = hex("GET:/dir/index.html".into());
        let expected = hex(format!(
            "{ha1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:{cnonce}:auth:{ha2}"
        ));
        assert!(h.contains(&format!("response=\"{expected}\"")), "{h}");
        // And the RFC's own vector, with its cnonce.
        let rfc = hex(format!(
            "{ha1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:{ha2}"
        ));
        assert_eq!(rfc, "6629fae49393a05397450978507c4ef1");
    }

    #[test]
    fn challenges_prefer_digest() {
        let s = choose_scheme(&[
            "Basic realm=\"x\"".into(),
            "Digest realm=\"virtuoso_sparql\", domain=\"/\", nonce=\"abc, def\", opaque=\"5ebe\", stale=\"false\", qop=\"auth\", algorithm=\"MD5\"".into(),
        ]);
        match s {
            Some(Scheme::Digest(c)) => {
                assert_eq!(c.realm, "virtuoso_sparql");
                assert_eq!(c.nonce, "abc, def");
                assert!(c.qop_auth);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            choose_scheme(&["Basic realm=\"x\"".into()]),
            Some(Scheme::Basic)
        ));
    }

    #[test]
    fn values_open_the_outer_where() {
        let p = vec![crate::query::parse_param("issue=ceasefire").unwrap()];
        for (name, text) in crate::query::NAMED {
            if !text.contains("?issue") {
                continue;
            }
            let out = bind_values(text, &p).unwrap();
            assert!(
                out.contains("VALUES (?issue) { (<https://w3id.org/negograph/issue/ceasefire>) }"),
                "{name}"
            );
        }
        let q = "PREFIX ex: <http://ex/#a> # a { comment\nSELECT (\"{\" AS ?x) ?issue { ?s ex:p ?issue }";
        let out = bind_values(q, &p).unwrap();
        assert!(out.contains("{\n  VALUES (?issue)"), "{out}");
        assert!(out.find("VALUES").unwrap() > out.find("AS ?x").unwrap());
        let c = "CONSTRUCT { ?s ?p ?issue } { ?s ?p ?issue }";
        let out = bind_values(c, &p).unwrap();
        assert!(
            out.starts_with("CONSTRUCT { ?s ?p ?issue } {\n  VALUES"),
            "{out}"
        );
        assert_eq!(check_query(c, &p).unwrap(), Form::Construct);
        assert!(check_query("SELECT ?x WHERE { ?x ?y ?z }", &p).is_err());
        assert!(matches!(
            check_query("INSERT DATA { <a:b> <a:c> <a:d> }", &[]),
            Err(QueryError::IsUpdate)
        ));
    }

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
