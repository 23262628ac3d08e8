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
//! Every query runs with a timeout and a limit on the heap it holds (`query_memory`), both kept by
//! [`watchdog`] through the same cancellation token as `query --timeout`, and at most `max_rows`
//! solutions or triples are sent: a longer result is cut there, and the response carries `Negograph-Truncated: true` and `Negograph-Row-Limit: N`.
//!
//! What keeps one client from stopping the server for the others ([`transport`]): at most
//! `max_running` requests work on the store at once, the others wait their turn up to the timeout
//! and then get 503 with `Retry-After`; bodies over [`MAX_BODY`] get 413 unread; a request's head
//! must arrive within [`HEAD_TIME`] and its body within [`BODY_TIME`]; at most `max_connections`
//! connections are open, the next ones get 503; query texts are held to the depth limits of
//! [`crate::limits`] (400); `SERVICE` and `LOAD` are refused (403), so the server never calls an
//! address on behalf of a client.

mod routes;
mod sparql;
mod transport;
mod watchdog;

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use crate::query::{self, NamedQuery};
use crate::store::Store;

pub use transport::{BODY_TIME, HEAD_TIME, MAX_BODY};

/// A query's heap limit unless `--query-memory` says otherwise, in MiB.
pub const DEFAULT_QUERY_MEMORY_MIB: usize = 1024;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// `host:port`; a host name may resolve to several addresses, all are bound.
    pub bind: String,
    /// Allow addresses other than loopback ones.
    pub public: bool,
    /// Accept SPARQL Update.
    pub allow_update: bool,
    /// Stop each query after this long; a request waits at most this long for its turn.
    pub timeout: Duration,
    /// Stop a query once it holds this many bytes of heap ([`crate::meter`]).
    pub query_memory: usize,
    /// Send at most this many solutions (or triples) per query.
    pub max_rows: usize,
    /// Requests that work on the store (queries, updates, graph reads) at once.
    pub max_running: usize,
    /// Requests waiting for their turn; more are answered 503 at once.
    pub max_waiting: usize,
    /// Open connections; more are answered 503 and closed.
    pub max_connections: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bind: "127.0.0.1:7878".into(),
            public: false,
            allow_update: false,
            timeout: Duration::from_secs(30),
            query_memory: DEFAULT_QUERY_MEMORY_MIB << 20,
            max_rows: 10_000,
            max_running: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
            max_waiting: 256,
            max_connections: 4_096,
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
    Listen(String, #[source] std::io::Error),
    #[error("cannot start the server's threads: {0}")]
    Runtime(#[source] std::io::Error),
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

/// What every request handler reads.
struct Context {
    /// The store as requests see it now; a request keeps the one it took until it ends.
    store: RwLock<Arc<Store>>,
    options: Options,
    queries: Vec<NamedQuery>,
}

impl Context {
    fn store(&self) -> Arc<Store> {
        Arc::clone(&self.store.read().unwrap_or_else(|e| e.into_inner()))
    }
}

/// How often a read-only server looks whether the store has changed.
pub const REFRESH: Duration = Duration::from_secs(2);

/// Listens on the addresses of `options.bind` and answers until the process is stopped.
///
/// A store opened read-only (without `--allow-update`) is looked at every [`REFRESH`]: when an
/// ingest has committed documents since, it is opened again, and the requests that start after
/// that see them (those running finish on what they started with).
pub fn serve(store: Store, options: Options) -> Result<(), ServeError> {
    let addrs = addresses(&options.bind, options.public)?;
    let follow = (!options.allow_update)
        .then(|| store.path.clone())
        .flatten();
    let ctx = Arc::new(Context {
        store: RwLock::new(Arc::new(store)),
        queries: query::named_queries(),
        options,
    });
    if let Some(path) = follow {
        let ctx = Arc::clone(&ctx);
        std::thread::Builder::new()
            .name("negograph-follow".into())
            .spawn(move || follow_store(&ctx, &path))
            .map_err(ServeError::Runtime)?;
    }
    transport::run(ctx, &addrs)
}

/// Opens the store again whenever it has changed, for ever.
fn follow_store(ctx: &Context, path: &Path) {
    let mut seen = Store::stamp(path);
    let mut failing = false;
    loop {
        std::thread::sleep(REFRESH);
        let now = Store::stamp(path);
        if now == seen {
            continue;
        }
        match Store::open_read_only(path) {
            Ok(store) => {
                *ctx.store.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(store);
                seen = now;
                failing = false;
            }
            Err(e) => {
                if !failing {
                    eprintln!("negograph: serving the store as it was: {e}");
                }
                failing = true;
            }
        }
    }
}

/// Raises the limit of open files to the most the system allows this process, so that
/// `max_connections` connections (a file each) fit beside the store's files. Call it before the
/// store is opened: RocksDB sizes its table cache from the limit it finds.
pub fn raise_file_limit() {
    #[cfg(unix)]
    // SAFETY: getrlimit and setrlimit only read and write the struct given.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// The line that says where the server listens.
fn announce(ctx: &Context, addrs: &[SocketAddr]) {
    let shown: Vec<String> = addrs.iter().map(|a| format!("http://{a}/")).collect();
    eprintln!(
        "negograph: serving {} at {} ({}; SPARQL endpoint {}sparql)",
        ctx.store()
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
}
