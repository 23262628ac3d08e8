//! `negograph serve`: the store over HTTP, with a browser page.
//!
//! - `/sparql` (and `/query`): the SPARQL 1.1 Protocol. GET with `?query=`, POST with
//!   `application/sparql-query` or a form (`query=`); `default-graph-uri` and `named-graph-uri`;
//!   results by content negotiation: SELECT and ASK as W3C JSON, XML, CSV or TSV; CONSTRUCT and
//!   DESCRIBE as Turtle, N-Triples, RDF/XML, JSON-LD, TriG or N-Quads. Without a dataset in the
//!   request or the query, the default graph is the union of the document graphs, as in
//!   `negograph query`.
//! - `/update` (and POST `/sparql` with `application/sparql-update` or `update=`): SPARQL Update,
//!   refused with 403 unless the server runs with `--allow-update`, and refused to requests from
//!   another origin (a web page elsewhere cannot write through the user's browser).
//! - `/store?graph=IRI` and `/store?default`: the Graph Store Protocol, reading only (GET, HEAD).
//! - `/api/queries`: the named queries as JSON; `/api/named/NAME?PARAM=VALUE`: one of them run
//!   with its parameters bound as values (never pasted into the text); `/api/network`: the actor
//!   network as JSON; `/api/config`: what the page needs to know of the server.
//! - `/`: the page (`web/`), embedded in the binary.
//!
//! Every query runs with a timeout (through the same cancellation token as `query --timeout`) and
//! at most `max_rows` solutions or triples are sent: a longer result is cut there, and the response
//! carries `Negograph-Truncated: true` and `Negograph-Row-Limit: N`.

use std::collections::HashMap;
use std::io::Read;
use std::net::{SocketAddr, ToSocketAddrs};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use oxhttp::model::header::{ACCEPT, CONTENT_TYPE, HOST, ORIGIN};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxhttp::Server;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};

use crate::query::{self, NamedQuery};
use crate::select::Scope;
use crate::store::Store;
use crate::vocab::PREFIXES;

const INDEX_HTML: &str = include_str!("../web/index.html");
const APP_JS: &str = include_str!("../web/app.js");
const STYLE_CSS: &str = include_str!("../web/style.css");

/// Request bodies (queries, updates) larger than this are refused.
const MAX_BODY: u64 = 1 << 20;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// `host:port`; a host name may resolve to several addresses, all are bound.
    pub bind: String,
    /// Allow addresses other than loopback ones.
    pub public: bool,
    /// Accept SPARQL Update.
    pub allow_update: bool,
    /// Stop each query after this long.
    pub timeout: Duration,
    /// Send at most this many solutions (or triples) per query.
    pub max_rows: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bind: "127.0.0.1:7878".into(),
            public: false,
            allow_update: false,
            timeout: Duration::from_secs(30),
            max_rows: 10_000,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("--bind {0:?}: not an address of the form HOST:PORT ({1})")]
    BadAddress(String, String),
    #[error("refusing to listen on {0}: it is not a loopback address, so other machines could reach the store; pass --public to allow it")]
    NotLoopback(SocketAddr),
    #[error("cannot listen on {0}: {1}")]
    Listen(String, std::io::Error),
}

/// The addresses to listen on; non-loopback ones only when `public`.
pub fn addresses(bind: &str, public: bool) -> Result<Vec<SocketAddr>, ServeError> {
    let addrs: Vec<SocketAddr> = bind
        .to_socket_addrs()
        .map_err(|e| ServeError::BadAddress(bind.into(), e.to_string()))?
        .collect();
    if addrs.is_empty() {
        return Err(ServeError::BadAddress(bind.into(), "no address".into()));
    }
    if !public {
        if let Some(a) = addrs.iter().find(|a| !a.ip().is_loopback()) {
            return Err(ServeError::NotLoopback(*a));
        }
    }
    Ok(addrs)
}

struct Context {
    store: Store,
    options: Options,
    queries: Vec<NamedQuery>,
}

/// Listens on the addresses of `options.bind` and answers until the process is stopped.
pub fn serve(store: Store, options: Options) -> Result<(), ServeError> {
    let addrs = addresses(&options.bind, options.public)?;
    let ctx = Arc::new(Context {
        store,
        queries: query::named_queries(),
        options,
    });
    let handler_ctx = Arc::clone(&ctx);
    let mut server = Server::new(move |request| {
        handle(request, &handler_ctx).unwrap_or_else(|(status, message)| error(status, &message))
    })
    // reading a request and writing a response; evaluation has its own timeout
    .with_global_timeout(ctx.options.timeout + Duration::from_secs(30))
    .with_max_concurrent_connections(64);
    for a in &addrs {
        server = server.bind(*a);
    }
    let listening = server
        .spawn()
        .map_err(|e| ServeError::Listen(ctx.options.bind.clone(), e))?;
    let shown: Vec<String> = addrs.iter().map(|a| format!("http://{a}/")).collect();
    eprintln!(
        "negograph: serving {} at {} ({}; SPARQL endpoint {}sparql)",
        ctx.store
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "an in-memory store".into()),
        shown.join(" and "),
        if ctx.options.allow_update {
            "updates allowed"
        } else {
            "read-only"
        },
        shown[0]
    );
    listening
        .join()
        .map_err(|e| ServeError::Listen(ctx.options.bind.clone(), e))
}

type HttpError = (StatusCode, String);

fn error(status: StatusCode, message: &str) -> Response<Body> {
    let mut r = Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(format!("{message}\n")))
        .expect("valid response");
    cors(&mut r);
    r
}

fn bad_request(message: impl std::fmt::Display) -> HttpError {
    (StatusCode::BAD_REQUEST, message.to_string())
}

fn internal(message: impl std::fmt::Display) -> HttpError {
    (StatusCode::INTERNAL_SERVER_ERROR, message.to_string())
}

fn cors(r: &mut Response<Body>) {
    let h = r.headers_mut();
    h.insert(
        "Access-Control-Allow-Origin",
        oxhttp::model::HeaderValue::from_static("*"),
    );
    h.insert(
        "Access-Control-Expose-Headers",
        oxhttp::model::HeaderValue::from_static("Negograph-Truncated, Negograph-Row-Limit"),
    );
}

fn respond(content_type: &str, body: impl Into<Body>) -> Result<Response<Body>, HttpError> {
    Response::builder()
        .header(CONTENT_TYPE, content_type)
        .body(body.into())
        .map_err(internal)
}

fn handle(request: &mut Request<Body>, ctx: &Context) -> Result<Response<Body>, HttpError> {
    let path = request.uri().path().to_string();
    let method = request.method().clone();
    if method == Method::OPTIONS {
        let mut r = Response::builder()
            .status(StatusCode::NO_CONTENT)
            .header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
            .header("Access-Control-Allow-Headers", "Content-Type, Accept")
            .header("Access-Control-Max-Age", "600")
            .body(Body::empty())
            .map_err(internal)?;
        cors(&mut r);
        return Ok(r);
    }
    let head = method == Method::HEAD;
    let mut response = match (path.as_str(), method.as_str()) {
        ("/" | "/index.html", "GET" | "HEAD") => respond("text/html; charset=utf-8", INDEX_HTML),
        ("/app.js", "GET" | "HEAD") => respond("text/javascript; charset=utf-8", APP_JS),
        ("/style.css", "GET" | "HEAD") => respond("text/css; charset=utf-8", STYLE_CSS),
        ("/sparql" | "/query", "GET" | "HEAD") => {
            let mut params = Params::parse(request.uri().query().unwrap_or_default().as_bytes());
            if !params.contains("query") {
                if params.contains("update") {
                    return Err((
                        StatusCode::METHOD_NOT_ALLOWED,
                        "SPARQL Update must be sent with POST".into(),
                    ));
                }
                return service_description(ctx);
            }
            let text = params.single("query")?.unwrap_or_default();
            run_query(ctx, request, &text, &[], &mut params)
        }
        ("/sparql" | "/query", "POST") => {
            let content_type = content_type(request);
            match content_type.as_deref() {
                Some("application/sparql-query") => {
                    let text = body_string(request)?;
                    let mut params =
                        Params::parse(request.uri().query().unwrap_or_default().as_bytes());
                    run_query(ctx, request, &text, &[], &mut params)
                }
                Some("application/sparql-update") if path == "/sparql" => {
                    let text = body_string(request)?;
                    run_update(ctx, request, &text)
                }
                Some("application/x-www-form-urlencoded") => {
                    let mut params = Params::url_and_body(request)?;
                    if params.contains("update") && path == "/sparql" {
                        let text = params.single("update")?.unwrap_or_default();
                        run_update(ctx, request, &text)
                    } else {
                        let text = params.single("query")?.ok_or_else(|| {
                            bad_request("the form has no query= (nor update=) field")
                        })?;
                        run_query(ctx, request, &text, &[], &mut params)
                    }
                }
                other => Err((
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!(
                        "Content-Type {}: send application/sparql-query, application/sparql-update or application/x-www-form-urlencoded",
                        other.unwrap_or("(none)")
                    ),
                )),
            }
        }
        ("/update", "POST") => match content_type(request).as_deref() {
            Some("application/sparql-update") => {
                let text = body_string(request)?;
                run_update(ctx, request, &text)
            }
            Some("application/x-www-form-urlencoded") => {
                let mut params = Params::url_and_body(request)?;
                let text = params
                    .single("update")?
                    .ok_or_else(|| bad_request("the form has no update= field"))?;
                run_update(ctx, request, &text)
            }
            other => Err((
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "Content-Type {}: send application/sparql-update or application/x-www-form-urlencoded",
                    other.unwrap_or("(none)")
                ),
            )),
        },
        ("/update", _) => Err((
            StatusCode::METHOD_NOT_ALLOWED,
            "SPARQL Update must be sent with POST".into(),
        )),
        ("/store", "GET" | "HEAD") => graph_store(ctx, request),
        ("/store", _) => Err((
            StatusCode::METHOD_NOT_ALLOWED,
            "the Graph Store Protocol here reads only (GET, HEAD); change the store with SPARQL Update at /update (--allow-update)".into(),
        )),
        ("/api/config", "GET" | "HEAD") => {
            let v = serde_json::json!({
                "readOnly": !ctx.options.allow_update,
                "maxRows": ctx.options.max_rows,
                "timeoutSeconds": ctx.options.timeout.as_secs_f64(),
                "prefixes": PREFIXES.iter().map(|(p, ns)| (p.to_string(), ns.to_string())).collect::<HashMap<_, _>>(),
                "version": env!("CARGO_PKG_VERSION"),
            });
            respond("application/json", v.to_string())
        }
        ("/api/queries", "GET" | "HEAD") => {
            let list: Vec<serde_json::Value> = ctx
                .queries
                .iter()
                .map(|q| {
                    serde_json::json!({
                        "name": q.name,
                        "title": q.title,
                        "description": q.description,
                        "params": param_names(&q.params),
                        "paramsText": q.params,
                        "columns": q.columns,
                        "text": q.text,
                    })
                })
                .collect();
            respond("application/json", serde_json::Value::from(list).to_string())
        }
        ("/api/network", "GET" | "HEAD") => network_json(ctx),
        (p, "GET" | "HEAD") if p.starts_with("/api/named/") => {
            let name = &p["/api/named/".len()..];
            let q = ctx
                .queries
                .iter()
                .find(|q| q.name == name)
                .ok_or_else(|| (StatusCode::NOT_FOUND, format!("no named query {name:?}")))?;
            let mut params = Params::parse(request.uri().query().unwrap_or_default().as_bytes());
            let mut bound = Vec::new();
            for name in param_names(&q.params) {
                if let Some(v) = params.single(&name)? {
                    if !v.trim().is_empty() {
                        bound.push(query::parse_param(&format!("{name}={v}")).map_err(bad_request)?);
                    }
                }
            }
            run_query(ctx, request, q.text, &bound, &mut params)
        }
        (_, "GET" | "HEAD") => Err((StatusCode::NOT_FOUND, format!("nothing at {path}"))),
        _ => Err((
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{method} is not accepted at {path}"),
        )),
    }?;
    cors(&mut response);
    if head {
        *response.body_mut() = Body::empty();
    }
    Ok(response)
}

/// The names of a named query's parameters, from its `# params:` header.
fn param_names(params: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in params.split('?').skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

struct Params(HashMap<String, Vec<String>>);

impl Params {
    fn parse(data: &[u8]) -> Params {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in form_urlencoded::parse(data) {
            map.entry(k.into_owned()).or_default().push(v.into_owned());
        }
        Params(map)
    }

    fn url_and_body(request: &mut Request<Body>) -> Result<Params, HttpError> {
        let mut p = Params::parse(request.uri().query().unwrap_or_default().as_bytes());
        let body = body_bytes(request)?;
        for (k, v) in Params::parse(&body).0 {
            if p.0.contains_key(&k) {
                return Err(bad_request(format!(
                    "{k} is given both in the URL and in the body"
                )));
            }
            p.0.insert(k, v);
        }
        Ok(p)
    }

    fn contains(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    fn single(&mut self, key: &str) -> Result<Option<String>, HttpError> {
        let mut values = self.0.remove(key).unwrap_or_default();
        if values.len() > 1 {
            return Err(bad_request(format!("{key} is given more than once")));
        }
        Ok(values.pop())
    }

    fn all(&mut self, key: &str) -> Vec<String> {
        self.0.remove(key).unwrap_or_default()
    }
}

fn body_bytes(request: &mut Request<Body>) -> Result<Vec<u8>, HttpError> {
    let mut bytes = Vec::new();
    request
        .body_mut()
        .take(MAX_BODY + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| bad_request(format!("cannot read the request body: {e}")))?;
    if bytes.len() as u64 > MAX_BODY {
        return Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request bodies are limited to {MAX_BODY} bytes"),
        ));
    }
    Ok(bytes)
}

fn body_string(request: &mut Request<Body>) -> Result<String, HttpError> {
    String::from_utf8(body_bytes(request)?).map_err(|_| bad_request("the body is not UTF-8"))
}

fn content_type(request: &Request<Body>) -> Option<String> {
    let v = request.headers().get(CONTENT_TYPE)?.to_str().ok()?;
    Some(v.split(';').next().unwrap_or(v).trim().to_ascii_lowercase())
}

fn accept(request: &Request<Body>) -> String {
    request
        .headers()
        .get(ACCEPT)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// Picks the best of `supported` (media type, format) for an Accept header: by quality, then by
/// how specific the matching range is, then by the order of `supported`. `None` when nothing
/// matches; an empty header takes the first.
fn negotiate<F: Copy>(header: &str, supported: &[(&str, F)]) -> Option<F> {
    if header.trim().is_empty() {
        return supported.first().map(|s| s.1);
    }
    let mut best: Option<(f32, u8, usize)> = None;
    for range in header.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let mut q = 1.0_f32;
        for p in parts {
            if let Some((k, v)) = p.split_once('=') {
                if k.trim().eq_ignore_ascii_case("q") {
                    q = f32::from_str(v.trim()).unwrap_or(0.0);
                }
            }
        }
        if q <= 0.0 {
            continue;
        }
        let Some((base, sub)) = media.split_once('/') else {
            continue;
        };
        for (i, (candidate, _)) in supported.iter().enumerate() {
            let (cbase, _) = candidate.split_once('/').unwrap_or((candidate, ""));
            let specificity = if media == *candidate {
                2
            } else if sub == "*" && (base == "*" || base == cbase) {
                u8::from(base != "*")
            } else {
                continue;
            };
            let better = match best {
                None => true,
                Some((bq, bs, bi)) => {
                    q > bq || (q == bq && (specificity > bs || (specificity == bs && i < bi)))
                }
            };
            if better {
                best = Some((q, specificity, i));
            }
        }
    }
    best.map(|(_, _, i)| supported[i].1)
}

const RESULT_TYPES: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
];

fn rdf_types() -> Vec<(&'static str, RdfFormat)> {
    let jsonld = RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    };
    vec![
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
        ("text/plain", RdfFormat::NTriples),
        ("application/rdf+xml", RdfFormat::RdfXml),
        ("application/ld+json", jsonld),
        ("application/json", jsonld),
        ("application/trig", RdfFormat::TriG),
        ("application/n-quads", RdfFormat::NQuads),
        ("text/n3", RdfFormat::N3),
    ]
}

fn not_acceptable(header: &str, what: &str) -> HttpError {
    (
        StatusCode::NOT_ACCEPTABLE,
        format!("Accept: {header}: this result can be sent as {what}"),
    )
}

fn rdf_serializer(format: RdfFormat) -> Result<RdfSerializer, HttpError> {
    let mut s = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::N3) {
        for (p, ns) in PREFIXES {
            s = s.with_prefix(*p, *ns).map_err(internal)?;
        }
    }
    Ok(s)
}

fn run_query(
    ctx: &Context,
    request: &Request<Body>,
    text: &str,
    bound: &[(Variable, Term)],
    params: &mut Params,
) -> Result<Response<Body>, HttpError> {
    let default_graphs = params.all("default-graph-uri");
    let named_graphs = params.all("named-graph-uri");
    let token = CancellationToken::new();
    let mut prepared = match SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .parse_query(text)
    {
        Ok(p) => p,
        Err(e) => {
            if SparqlEvaluator::new().parse_update(text).is_ok() {
                return Err(bad_request(
                    "this is a SPARQL Update: POST it to /update (the server must run with --allow-update)",
                ));
            }
            return Err(bad_request(format!("SPARQL syntax error: {e}")));
        }
    };
    if !default_graphs.is_empty() || !named_graphs.is_empty() {
        let iri = |s: String| {
            NamedNode::new(s.clone()).map_err(|e| bad_request(format!("not an IRI {s:?}: {e}")))
        };
        let defaults = default_graphs
            .into_iter()
            .map(|s| iri(s).map(GraphName::from))
            .collect::<Result<Vec<_>, _>>()?;
        let named = named_graphs
            .into_iter()
            .map(|s| iri(s).map(NamedOrBlankNode::from))
            .collect::<Result<Vec<_>, _>>()?;
        prepared.dataset_mut().set_default_graph(defaults);
        if !named.is_empty() {
            prepared.dataset_mut().set_available_named_graphs(named);
        }
    } else if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    for (v, t) in bound {
        prepared = prepared.substitute_variable(v.clone(), t.clone());
    }
    // the watchdog of `negograph query --timeout`: cancels the evaluation when the time is up,
    // and ends when its sender is dropped with the evaluation
    let timeout = ctx.options.timeout;
    let (done, watch) = std::sync::mpsc::channel::<()>();
    {
        let token = token.clone();
        std::thread::spawn(move || {
            if watch.recv_timeout(timeout) == Err(std::sync::mpsc::RecvTimeoutError::Timeout) {
                token.cancel();
            }
        });
    }
    let failed = |e: &dyn std::fmt::Display| -> HttpError {
        let msg = e.to_string();
        if msg.to_lowercase().contains("cancel") {
            (
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the query was stopped after the server's timeout of {} s",
                    timeout.as_secs_f64()
                ),
            )
        } else {
            internal(format!("query evaluation failed: {msg}"))
        }
    };
    let header = accept(request);
    let max = ctx.options.max_rows;
    let results = prepared
        .on_store(&ctx.store.inner)
        .execute()
        .map_err(|e| failed(&e))?;
    let mut body = Vec::new();
    let mut truncated = false;
    let media = match results {
        QueryResults::Boolean(b) => {
            let format = negotiate(&header, RESULT_TYPES)
                .ok_or_else(|| not_acceptable(&header, "SPARQL results JSON, XML, CSV or TSV"))?;
            QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(&mut body, b)
                .map_err(internal)?;
            format.media_type()
        }
        QueryResults::Solutions(solutions) => {
            let format = negotiate(&header, RESULT_TYPES)
                .ok_or_else(|| not_acceptable(&header, "SPARQL results JSON, XML, CSV or TSV"))?;
            let mut w = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut body, solutions.variables().to_vec())
                .map_err(internal)?;
            for (n, s) in solutions.enumerate() {
                let s = s.map_err(|e| failed(&e))?;
                if n == max {
                    truncated = true;
                    break;
                }
                w.serialize(s.iter().map(|(v, t)| (v.as_ref(), t.as_ref())))
                    .map_err(internal)?;
            }
            w.finish().map_err(internal)?;
            format.media_type()
        }
        QueryResults::Graph(triples) => {
            let format = negotiate(&header, &rdf_types()).ok_or_else(|| {
                not_acceptable(
                    &header,
                    "Turtle, N-Triples, RDF/XML, JSON-LD, TriG, N-Quads or N3",
                )
            })?;
            let mut w = rdf_serializer(format)?.for_writer(&mut body);
            for (n, t) in triples.enumerate() {
                let t = t.map_err(|e| failed(&e))?;
                if n == max {
                    truncated = true;
                    break;
                }
                w.serialize_triple(&t).map_err(internal)?;
            }
            w.finish().map_err(internal)?;
            format.media_type()
        }
    };
    drop(done);
    let mut r = Response::builder().header(CONTENT_TYPE, media);
    if truncated {
        r = r
            .header("Negograph-Truncated", "true")
            .header("Negograph-Row-Limit", max.to_string());
    }
    r.body(Body::from(body)).map_err(internal)
}

fn run_update(
    ctx: &Context,
    request: &Request<Body>,
    text: &str,
) -> Result<Response<Body>, HttpError> {
    if !ctx.options.allow_update {
        return Err((
            StatusCode::FORBIDDEN,
            "this server is read-only: start it with --allow-update to accept SPARQL Update".into(),
        ));
    }
    // a page of another site may post a form here through the user's browser: refuse it
    if let Some(origin) = request.headers().get(ORIGIN).and_then(|o| o.to_str().ok()) {
        let host = request
            .headers()
            .get(HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default();
        let origin_host = origin.split("://").nth(1).unwrap_or_default();
        if origin_host != host {
            return Err((
                StatusCode::FORBIDDEN,
                format!("updates are not accepted from pages of another origin ({origin})"),
            ));
        }
    }
    let prepared = SparqlEvaluator::new()
        .parse_update(text)
        .map_err(|e| bad_request(format!("SPARQL Update syntax error: {e}")))?;
    prepared
        .on_store(&ctx.store.inner)
        .execute()
        .map_err(|e| internal(format!("update failed: {e}")))?;
    ctx.store.flush().map_err(internal)?;
    Response::builder()
        .status(StatusCode::NO_CONTENT)
        .body(Body::empty())
        .map_err(internal)
}

/// The Graph Store Protocol, reading: `?graph=IRI` (a document IRI, or its hash) or `?default`
/// (the union of the document graphs, as queries see it).
fn graph_store(ctx: &Context, request: &Request<Body>) -> Result<Response<Body>, HttpError> {
    let mut params = Params::parse(request.uri().query().unwrap_or_default().as_bytes());
    let header = accept(request);
    let default = params.contains("default");
    let graph = params.single("graph")?;
    let graph = match (default, graph) {
        (true, None) => None,
        (false, Some(g)) => {
            let iri =
                if !g.contains(':') && g.len() >= 16 && g.chars().all(|c| c.is_ascii_hexdigit()) {
                    crate::mapping::document_iri(&g)
                } else {
                    g
                };
            let node = NamedNode::new(iri.clone())
                .map_err(|e| bad_request(format!("not an IRI {iri:?}: {e}")))?;
            if !ctx
                .store
                .inner
                .contains_named_graph(&node)
                .map_err(internal)?
            {
                return Err((
                    StatusCode::NOT_FOUND,
                    format!("no graph {iri} in the store"),
                ));
            }
            Some(node)
        }
        _ => return Err(bad_request("give exactly one of ?graph=IRI and ?default")),
    };
    let format = negotiate(&header, &rdf_types()).ok_or_else(|| {
        not_acceptable(
            &header,
            "Turtle, N-Triples, RDF/XML, JSON-LD, TriG, N-Quads or N3",
        )
    })?;
    let mut body = Vec::new();
    let mut w = rdf_serializer(format)?.for_writer(&mut body);
    match &graph {
        Some(g) => {
            let mut triples = Vec::new();
            for q in ctx.store.inner.quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(g.as_ref())),
            ) {
                let q = q.map_err(internal)?;
                triples.push(q);
            }
            write_sorted(&mut w, triples)?;
        }
        None => write_sorted(&mut w, ctx.store.quads(None).map_err(internal)?)?,
    }
    w.finish().map_err(internal)?;
    respond(format.media_type(), body)
}

fn write_sorted<W: std::io::Write>(
    w: &mut oxigraph::io::WriterQuadSerializer<W>,
    quads: Vec<oxigraph::model::Quad>,
) -> Result<(), HttpError> {
    // the union of the graphs: each triple once
    let mut quads: Vec<oxigraph::model::Quad> = quads
        .into_iter()
        .map(|q| {
            oxigraph::model::Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)
        })
        .collect();
    crate::export::sort_quads(&mut quads);
    for q in &quads {
        w.serialize_quad(q).map_err(internal)?;
    }
    Ok(())
}

fn service_description(ctx: &Context) -> Result<Response<Body>, HttpError> {
    let mut ttl = String::from(
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n\n[] a sd:Service ;\n  sd:endpoint <sparql> ;\n  sd:supportedLanguage sd:SPARQL11Query",
    );
    if ctx.options.allow_update {
        ttl.push_str(", sd:SPARQL11Update");
    }
    ttl.push_str(
        " ;\n  sd:feature sd:UnionDefaultGraph ;\n  sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON>, <http://www.w3.org/ns/formats/SPARQL_Results_XML>, <http://www.w3.org/ns/formats/SPARQL_Results_CSV>, <http://www.w3.org/ns/formats/SPARQL_Results_TSV>, <http://www.w3.org/ns/formats/Turtle>, <http://www.w3.org/ns/formats/N-Triples>, <http://www.w3.org/ns/formats/RDF_XML>, <http://www.w3.org/ns/formats/JSON-LD> .\n",
    );
    respond("text/turtle", ttl)
}

fn network_json(ctx: &Context) -> Result<Response<Body>, HttpError> {
    let net = crate::network::read(&ctx.store, &Scope::All).map_err(internal)?;
    let nodes: Vec<serde_json::Value> = net
        .nodes
        .iter()
        .map(|n| {
            serde_json::json!({
                "id": n.id, "label": n.label, "type": n.kind, "roles": n.roles,
                "stances": n.stances, "documents": n.documents,
            })
        })
        .collect();
    let edges: Vec<serde_json::Value> = net
        .edges
        .iter()
        .map(|e| {
            serde_json::json!({
                "kind": e.kind, "source": e.source, "target": e.target, "label": e.label,
                "polarity": e.polarity, "evidence": e.evidence, "weight": e.weight,
            })
        })
        .collect();
    respond(
        "application/json",
        serde_json::json!({ "nodes": nodes, "edges": edges }).to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_only_unless_public() {
        assert!(addresses("127.0.0.1:7878", false).is_ok());
        assert!(addresses("[::1]:7878", false).is_ok());
        assert!(matches!(
            addresses("0.0.0.0:7878", false),
            Err(ServeError::NotLoopback(_))
        ));
        assert!(matches!(
            addresses("192.0.2.1:7878", false),
            Err(ServeError::NotLoopback(_))
        ));
        assert!(addresses("0.0.0.0:7878", true).is_ok());
        assert!(addresses("nonsense", false).is_err());
    }

    #[test]
    fn negotiation_follows_quality_and_specificity() {
        let json = QueryResultsFormat::Json;
        assert_eq!(negotiate("", RESULT_TYPES), Some(json));
        assert_eq!(negotiate("*/*", RESULT_TYPES), Some(json));
        assert_eq!(
            negotiate("text/csv", RESULT_TYPES),
            Some(QueryResultsFormat::Csv)
        );
        assert_eq!(
            negotiate(
                "application/sparql-results+json;q=0.5, application/sparql-results+xml",
                RESULT_TYPES
            ),
            Some(QueryResultsFormat::Xml)
        );
        assert_eq!(
            negotiate(
                "text/*, application/sparql-results+json;q=0.1",
                RESULT_TYPES
            ),
            Some(QueryResultsFormat::Xml)
        );
        assert_eq!(negotiate("image/png", RESULT_TYPES), None);
        assert_eq!(
            negotiate("application/rdf+xml, text/turtle;q=0.9", &rdf_types()),
            Some(RdfFormat::RdfXml)
        );
    }

    #[test]
    fn param_names_come_from_the_header() {
        assert_eq!(
            param_names("?person (a person IRI), ?organization (a state IRI)"),
            vec!["person", "organization"]
        );
        assert!(param_names("none").is_empty());
    }
}
