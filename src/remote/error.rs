//! What can go wrong with a remote store. It imports nothing of the rest of the library, so that
//! the store and query layers can carry it in their own errors without depending on the client.

use oxigraph::io::RdfParseError;
use oxigraph::model::IriParseError;
use oxigraph::sparql::results::QueryResultsParseError;

#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    #[error("{method} {url}: {status} {reason}{detail}")]
    Status {
        method: String,
        url: String,
        status: u16,
        reason: String,
        /// The server's own reason, as ": ...", and a hint.
        detail: String,
    },
    #[error("{method} {url}: {status} {reason}{detail} (gave up after {attempts} attempts)")]
    Busy {
        method: String,
        url: String,
        status: u16,
        reason: String,
        detail: String,
        attempts: u32,
    },
    #[error("{method} {url}: no answer (gave up after {attempts} attempts)")]
    Unreachable {
        method: String,
        url: String,
        attempts: u32,
        #[source]
        source: ureq::Error,
    },
    #[error("{method} {url}: no answer in time")]
    Timeout {
        method: String,
        url: String,
        #[source]
        source: ureq::Error,
    },
    #[error("{method} {url}: cannot make the request")]
    Request {
        method: String,
        url: String,
        #[source]
        source: ureq::http::Error,
    },
    #[error("{url}: cannot answer the server's authentication challenge: {reason}")]
    Authentication { url: String, reason: String },
    #[error("{url}: a remote store's URL starts with http:// or https://")]
    NotHttp { url: String },
    #[error(
        "{url}: this negograph was built without https support; rebuild with `--features https`"
    )]
    NoHttps { url: String },
    #[error("{url}: unreadable query results")]
    Results {
        url: String,
        #[source]
        source: Box<QueryResultsParseError>,
    },
    #[error("{url}: unreadable RDF")]
    Rdf {
        url: String,
        #[source]
        source: Box<RdfParseError>,
    },
    #[error("{url}: {expected} expected in the answer")]
    Unexpected { url: String, expected: &'static str },
    #[error("not an IRI: {iri:?}")]
    Iri {
        iri: String,
        #[source]
        source: IriParseError,
    },
    #[error("cannot write N-Triples")]
    Write(#[from] std::io::Error),
}
