//! The SPARQL Protocol's queries and updates, the Graph Store Protocol's reads, and content
//! negotiation.

use std::str::FromStr;

use bytes::Bytes;
use hyper::header::{ACCEPT, CONTENT_TYPE, HOST, ORIGIN};
use hyper::{Request, Response, StatusCode};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};

use super::routes::{bad_request, internal, respond, Answer, HttpError, Params};
use super::watchdog::{Stop, Watchdog};
use super::Context;
use crate::limits::{self, Parsed};
use crate::vocab::PREFIXES;

/// A query text parsed within the limits of [`crate::limits`], without `SERVICE`.
fn parse_query(text: &str) -> Result<spargebra::Query, HttpError> {
    match limits::parse_query(text) {
        Parsed::Ok(q) if limits::calls_service(&q) => Err((
            StatusCode::FORBIDDEN,
            "SERVICE is not accepted: the server calls no other endpoint on behalf of a client (it could reach addresses the client cannot)".into(),
        )),
        Parsed::Ok(q) => Ok(q),
        Parsed::Limit(e) => Err(bad_request(e)),
        Parsed::Syntax(e) => Err(bad_request(match limits::parse_update(text) {
            Parsed::Ok(_) => "this is a SPARQL Update: POST it to /update (the server must run with --allow-update)".to_string(),
            _ => format!("SPARQL syntax error: {e}"),
        })),
    }
}

/// Runs a query: parsed within the limits, `SERVICE` refused, with the timeout and the row
/// limit.
pub(super) fn run_query(
    ctx: &Context,
    request: &Request<Bytes>,
    text: &str,
    bound: &[(Variable, Term)],
    params: &mut Params,
) -> Answer {
    let default_graphs = params.all("default-graph-uri");
    let named_graphs = params.all("named-graph-uri");
    let query = parse_query(text)?;
    let token = CancellationToken::new();
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .for_query(query);
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
    // stops the evaluation when its time is up or it holds too much; counts this thread's heap
    // as the query's until the answer is written
    let (timeout, memory) = (ctx.options.timeout, ctx.options.query_memory);
    let watchdog = Watchdog::start(token, timeout, memory);
    let failed = |e: &dyn std::fmt::Display| -> HttpError {
        match watchdog.stopped() {
            Some(Stop::Timeout) => (
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the query was stopped after the server's timeout of {} s",
                    timeout.as_secs_f64()
                ),
            ),
            Some(Stop::Memory) => (
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the query was stopped when it held more than the server's {} MiB for one query (--query-memory); bind a parameter, add a LIMIT, or run it with `negograph query`",
                    memory >> 20
                ),
            ),
            None => internal(format!("query evaluation failed: {e}")),
        }
    };
    let header = accept(request);
    let max = ctx.options.max_rows;
    let store = ctx.store();
    let results = store
        .bind_query(prepared)
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
    drop(watchdog);
    let mut r = Response::builder().header(CONTENT_TYPE, media);
    if truncated {
        r = r
            .header("Negograph-Truncated", "true")
            .header("Negograph-Row-Limit", max.to_string());
    }
    r.body(Bytes::from(body)).map_err(internal)
}

/// Runs an update: only with `--allow-update`, from the same origin, without `LOAD` or `SERVICE`.
pub(super) fn run_update(ctx: &Context, request: &Request<Bytes>, text: &str) -> Answer {
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
    let update = match limits::parse_update(text) {
        Parsed::Ok(u) => u,
        Parsed::Syntax(e) => return Err(bad_request(format!("SPARQL Update syntax error: {e}"))),
        Parsed::Limit(e) => return Err(bad_request(e)),
    };
    if limits::update_reaches_out(&update) {
        return Err((
            StatusCode::FORBIDDEN,
            "LOAD and SERVICE are not accepted: the server fetches nothing from the network on behalf of a client; load files with `negograph load`".into(),
        ));
    }
    let prepared = SparqlEvaluator::new().for_update(update);
    let store = ctx.store();
    store
        .bind_update(prepared)
        .execute()
        .map_err(|e| internal(format!("update failed: {e}")))?;
    store.flush().map_err(internal)?;
    Response::builder()
        .status(StatusCode::NO_CONTENT)
        .body(Bytes::new())
        .map_err(internal)
}

/// The Graph Store Protocol, reading: `?graph=IRI` (a document IRI, or its hash) or `?default`
/// (the union of the document graphs, as queries see it).
pub(super) fn graph_store(ctx: &Context, request: &Request<Bytes>) -> Answer {
    let store = ctx.store();
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
            NamedNode::new(iri.clone())
                .map_err(|e| bad_request(format!("not an IRI {iri:?}: {e}")))?;
            if !store.contains_graph(&iri).map_err(internal)? {
                return Err((
                    StatusCode::NOT_FOUND,
                    format!("no graph {iri} in the store"),
                ));
            }
            Some(iri)
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
            store
                .for_each_quad(Some(g), |q| {
                    triples.push(q);
                    Ok(())
                })
                .map_err(internal)?;
            write_sorted(&mut w, triples)?;
        }
        None => write_sorted(&mut w, store.quads(None).map_err(internal)?)?,
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

pub(super) fn service_description(ctx: &Context) -> Answer {
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

fn accept(request: &Request<Bytes>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
