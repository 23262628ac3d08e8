//! Which request goes where, the page, the JSON API, and the small pieces every answer uses.

use std::collections::HashMap;

use bytes::Bytes;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};

use super::{sparql, Context};
use crate::query;
use crate::select::Scope;
use crate::vocab::PREFIXES;

const INDEX_HTML: &str = include_str!("../../web/index.html");
const APP_JS: &str = include_str!("../../web/app.js");
const STYLE_CSS: &str = include_str!("../../web/style.css");

/// A refusal: its status and the one line that says why.
pub(super) type HttpError = (StatusCode, String);

pub(super) type Answer = Result<Response<Bytes>, HttpError>;

/// Whether the request works on the store (and so waits for its turn).
pub(super) fn uses_store(request: &Request<Bytes>) -> bool {
    let path = request.uri().path();
    request.method() != Method::OPTIONS
        && (matches!(
            path,
            "/sparql" | "/query" | "/update" | "/store" | "/api/network"
        ) || path.starts_with("/api/named/"))
}

/// The answer to a request whose body has been read: a refusal is an answer too.
pub(super) fn handle(request: &Request<Bytes>, ctx: &Context) -> Response<Bytes> {
    let mut response =
        route(request, ctx).unwrap_or_else(|(status, message)| error(status, &message));
    cors(&mut response);
    if request.method() == Method::HEAD {
        *response.body_mut() = Bytes::new();
    }
    response
}

fn route(request: &Request<Bytes>, ctx: &Context) -> Answer {
    let path = request.uri().path();
    let method = request.method();
    let reads = *method == Method::GET || *method == Method::HEAD;
    match path {
        _ if *method == Method::OPTIONS => preflight(),
        "/" | "/index.html" if reads => respond("text/html; charset=utf-8", INDEX_HTML),
        "/app.js" if reads => respond("text/javascript; charset=utf-8", APP_JS),
        "/style.css" if reads => respond("text/css; charset=utf-8", STYLE_CSS),
        "/sparql" | "/query" if reads => sparql_get(request, ctx),
        "/sparql" | "/query" if *method == Method::POST => sparql_post(request, ctx),
        "/update" if *method == Method::POST => update_post(request, ctx),
        "/update" => Err(post_only()),
        "/store" if reads => sparql::graph_store(ctx, request),
        "/store" => Err((
            StatusCode::METHOD_NOT_ALLOWED,
            "the Graph Store Protocol here reads only (GET, HEAD); change the store with SPARQL Update at /update (--allow-update)".into(),
        )),
        "/api/config" if reads => api_config(ctx),
        "/api/queries" if reads => api_queries(ctx),
        "/api/network" if reads => api_network(ctx),
        p if reads && p.starts_with("/api/named/") => {
            api_named(request, ctx, &p["/api/named/".len()..])
        }
        _ if reads => Err((StatusCode::NOT_FOUND, format!("nothing at {path}"))),
        _ => Err((
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{method} is not accepted at {path}"),
        )),
    }
}

fn preflight() -> Answer {
    Response::builder()
        .status(StatusCode::NO_CONTENT)
        .header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
        .header("Access-Control-Allow-Headers", "Content-Type, Accept")
        .header("Access-Control-Max-Age", "600")
        .body(Bytes::new())
        .map_err(internal)
}

fn post_only() -> HttpError {
    (
        StatusCode::METHOD_NOT_ALLOWED,
        "SPARQL Update must be sent with POST".into(),
    )
}

/// GET /sparql: `?query=`, or the service description without one.
fn sparql_get(request: &Request<Bytes>, ctx: &Context) -> Answer {
    let mut params = Params::of_url(request);
    if !params.contains("query") {
        if params.contains("update") {
            return Err(post_only());
        }
        return sparql::service_description(ctx);
    }
    let text = params.single("query")?.unwrap_or_default();
    sparql::run_query(ctx, request, &text, &[], &mut params)
}

/// POST /sparql (and /query): a query in the body or a form; at /sparql also an update.
fn sparql_post(request: &Request<Bytes>, ctx: &Context) -> Answer {
    let updates = request.uri().path() == "/sparql";
    match content_type(request).as_deref() {
        Some("application/sparql-query") => {
            let text = body_string(request)?;
            sparql::run_query(ctx, request, &text, &[], &mut Params::of_url(request))
        }
        Some("application/sparql-update") if updates => {
            sparql::run_update(ctx, request, &body_string(request)?)
        }
        Some("application/x-www-form-urlencoded") => {
            let mut params = Params::url_and_body(request)?;
            if params.contains("update") && updates {
                let text = params.single("update")?.unwrap_or_default();
                sparql::run_update(ctx, request, &text)
            } else {
                let text = params
                    .single("query")?
                    .ok_or_else(|| bad_request("the form has no query= (nor update=) field"))?;
                sparql::run_query(ctx, request, &text, &[], &mut params)
            }
        }
        other => Err(unsupported(
            other,
            "application/sparql-query, application/sparql-update or application/x-www-form-urlencoded",
        )),
    }
}

/// POST /update: an update in the body or a form.
fn update_post(request: &Request<Bytes>, ctx: &Context) -> Answer {
    match content_type(request).as_deref() {
        Some("application/sparql-update") => {
            sparql::run_update(ctx, request, &body_string(request)?)
        }
        Some("application/x-www-form-urlencoded") => {
            let text = Params::url_and_body(request)?
                .single("update")?
                .ok_or_else(|| bad_request("the form has no update= field"))?;
            sparql::run_update(ctx, request, &text)
        }
        other => Err(unsupported(
            other,
            "application/sparql-update or application/x-www-form-urlencoded",
        )),
    }
}

fn unsupported(content_type: Option<&str>, accepted: &str) -> HttpError {
    (
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        format!(
            "Content-Type {}: send {accepted}",
            content_type.unwrap_or("(none)")
        ),
    )
}

fn api_config(ctx: &Context) -> Answer {
    let v = serde_json::json!({
        "readOnly": !ctx.options.allow_update,
        "maxRows": ctx.options.max_rows,
        "timeoutSeconds": ctx.options.timeout.as_secs_f64(),
        "queryMemoryMiB": ctx.options.query_memory >> 20,
        "prefixes": PREFIXES.iter().map(|(p, ns)| (p.to_string(), ns.to_string())).collect::<HashMap<_, _>>(),
        "version": env!("CARGO_PKG_VERSION"),
    });
    respond("application/json", v.to_string())
}

fn api_queries(ctx: &Context) -> Answer {
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
    respond(
        "application/json",
        serde_json::Value::from(list).to_string(),
    )
}

/// A named query with its parameters bound as values, as `query --param` binds them.
fn api_named(request: &Request<Bytes>, ctx: &Context, name: &str) -> Answer {
    let q = ctx
        .queries
        .iter()
        .find(|q| q.name == name)
        .ok_or_else(|| (StatusCode::NOT_FOUND, format!("no named query {name:?}")))?;
    let mut params = Params::of_url(request);
    let mut bound = Vec::new();
    for name in param_names(&q.params) {
        if let Some(v) = params.single(&name)? {
            if !v.trim().is_empty() {
                bound.push(query::parse_param(&format!("{name}={v}")).map_err(bad_request)?);
            }
        }
    }
    sparql::run_query(ctx, request, q.text, &bound, &mut params)
}

fn api_network(ctx: &Context) -> Answer {
    let net = crate::network::read(&ctx.store(), &Scope::All).map_err(internal)?;
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

pub(super) struct Params(HashMap<String, Vec<String>>);

impl Params {
    pub(super) fn parse(data: &[u8]) -> Params {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in form_urlencoded::parse(data) {
            map.entry(k.into_owned()).or_default().push(v.into_owned());
        }
        Params(map)
    }

    /// The parameters of the URL.
    fn of_url(request: &Request<Bytes>) -> Params {
        Params::parse(request.uri().query().unwrap_or_default().as_bytes())
    }

    /// The parameters of the URL and of a form in the body; one given in both is refused.
    fn url_and_body(request: &Request<Bytes>) -> Result<Params, HttpError> {
        let mut p = Params::of_url(request);
        for (k, v) in Params::parse(request.body()).0 {
            if p.0.contains_key(&k) {
                return Err(bad_request(format!(
                    "{k} is given both in the URL and in the body"
                )));
            }
            p.0.insert(k, v);
        }
        Ok(p)
    }

    pub(super) fn contains(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    pub(super) fn single(&mut self, key: &str) -> Result<Option<String>, HttpError> {
        let mut values = self.0.remove(key).unwrap_or_default();
        if values.len() > 1 {
            return Err(bad_request(format!("{key} is given more than once")));
        }
        Ok(values.pop())
    }

    pub(super) fn all(&mut self, key: &str) -> Vec<String> {
        self.0.remove(key).unwrap_or_default()
    }
}

fn body_string(request: &Request<Bytes>) -> Result<String, HttpError> {
    String::from_utf8(request.body().to_vec()).map_err(|e| {
        bad_request(format!(
            "the body is not UTF-8 (an invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

pub(super) fn content_type(request: &Request<Bytes>) -> Option<String> {
    let v = request.headers().get(CONTENT_TYPE)?.to_str().ok()?;
    Some(v.split(';').next().unwrap_or(v).trim().to_ascii_lowercase())
}

/// A refusal as a response: the status and one line of text.
pub(super) fn error(status: StatusCode, message: &str) -> Response<Bytes> {
    let mut r = Response::new(Bytes::from(format!("{message}\n")));
    *r.status_mut() = status;
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    cors(&mut r);
    r
}

pub(super) fn bad_request(message: impl std::fmt::Display) -> HttpError {
    (StatusCode::BAD_REQUEST, message.to_string())
}

pub(super) fn internal(message: impl std::fmt::Display) -> HttpError {
    (StatusCode::INTERNAL_SERVER_ERROR, message.to_string())
}

fn cors(r: &mut Response<Bytes>) {
    let h = r.headers_mut();
    h.insert("Access-Control-Allow-Origin", HeaderValue::from_static("*"));
    h.insert(
        "Access-Control-Expose-Headers",
        HeaderValue::from_static("Negograph-Truncated, Negograph-Row-Limit, Retry-After"),
    );
}

pub(super) fn respond(content_type: &str, body: impl Into<Bytes>) -> Answer {
    Response::builder()
        .header(CONTENT_TYPE, content_type)
        .body(body.into())
        .map_err(internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn param_names_come_from_the_header() {
        assert_eq!(
            param_names("?person (a person IRI), ?organization (a state IRI)"),
            vec!["person", "organization"]
        );
        assert!(param_names("none").is_empty());
    }
}
