//! Connections and their limits: hyper's HTTP/1.1 on a small tokio runtime. An idle or slow
//! connection is a few kilobytes of a task, not a thread; the work on the store runs on tokio's
//! blocking threads, at most `max_running` at once.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONNECTION, CONTENT_LENGTH, RETRY_AFTER, TRANSFER_ENCODING};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

use super::routes::{self, HttpError};
use super::{announce, Context, ServeError};
use crate::limits;

/// Request bodies (queries, updates, forms) larger than this are refused (413) unread.
pub const MAX_BODY: usize = 1 << 20;

/// A request's head (its line and headers) must arrive within this long of the connection's
/// being ready for it; it is also how long an idle kept-alive connection stays open.
pub const HEAD_TIME: Duration = Duration::from_secs(10);

/// A request's body must arrive within this long after its head.
pub const BODY_TIME: Duration = Duration::from_secs(30);

/// The limits shared by all connections.
struct Gates {
    /// Open connections.
    connections: Arc<Semaphore>,
    /// Requests working on the store.
    running: Arc<Semaphore>,
    /// Requests waiting to work on the store.
    waiting: Arc<Semaphore>,
    /// Requests whose bodies are being read or held: bodies in memory stay within
    /// [`MAX_BODIES`] times [`MAX_BODY`] whatever the number of connections.
    bodies: Arc<Semaphore>,
}

/// Requests with a body read or held at once; the next ones wait (up to [`BODY_TIME`]).
pub const MAX_BODIES: usize = 64;

/// Binds every address, says so, and serves until the process is stopped.
pub fn run(ctx: Arc<Context>, addrs: &[SocketAddr]) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        // the connections need little; the store's work runs on the blocking threads
        .worker_threads(2)
        .max_blocking_threads(ctx.options.max_running.max(1))
        // Oxigraph's evaluator recurses once per level of a query (at most limits::MAX_DEPTH)
        .thread_stack_size(limits::EVAL_STACK)
        .thread_name("negograph-serve")
        .enable_io()
        .enable_time()
        .build()
        .map_err(ServeError::Runtime)?;
    runtime.block_on(async {
        let mut listeners = Vec::new();
        for a in addrs {
            let l = TcpListener::bind(a)
                .await
                .map_err(|e| ServeError::Listen(a.to_string(), e))?;
            listeners.push(l);
        }
        announce(&ctx, addrs);
        let gates = Arc::new(Gates {
            connections: Arc::new(Semaphore::new(ctx.options.max_connections.max(1))),
            running: Arc::new(Semaphore::new(ctx.options.max_running.max(1))),
            waiting: Arc::new(Semaphore::new(ctx.options.max_waiting)),
            bodies: Arc::new(Semaphore::new(MAX_BODIES)),
        });
        for l in listeners {
            tokio::spawn(accept(l, Arc::clone(&ctx), Arc::clone(&gates)));
        }
        std::future::pending::<Result<(), ServeError>>().await
    })
}

/// Accepts connections for ever; one over the limit is answered 503 and closed.
async fn accept(listener: TcpListener, ctx: Arc<Context>, gates: Arc<Gates>) {
    loop {
        let stream = match listener.accept().await {
            Ok((s, _)) => s,
            // out of file descriptors, or a connection reset before it was accepted: the
            // listener stays, and tries again in a moment
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let Ok(permit) = Arc::clone(&gates.connections).try_acquire_owned() else {
            tokio::spawn(too_many_connections(stream));
            continue;
        };
        let ctx = Arc::clone(&ctx);
        let gates = Arc::clone(&gates);
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let ctx = Arc::clone(&ctx);
                let gates = Arc::clone(&gates);
                async move { Ok::<_, Infallible>(answer(request, ctx, gates).await) }
            });
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIME)
                .max_buf_size(64 * 1024)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(permit);
        });
    }
}

/// The answer to a connection over the limit, written without reading its request.
async fn too_many_connections(mut stream: TcpStream) {
    let body = "the server has as many connections open as it allows; try again in a moment\n";
    let reply = format!(
        "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let answer = async {
        stream.write_all(reply.as_bytes()).await?;
        stream.shutdown().await?;
        // what the client sent is read and dropped before the socket closes, so that the
        // close does not reset the connection and lose the answer
        let mut sink = [0u8; 4096];
        while stream.read(&mut sink).await? > 0 {}
        Ok::<_, std::io::Error>(())
    };
    let _ = tokio::time::timeout(Duration::from_secs(2), answer).await;
}

async fn answer(
    request: Request<Incoming>,
    ctx: Arc<Context>,
    gates: Arc<Gates>,
) -> Response<Full<Bytes>> {
    let has_body = request.headers().contains_key(TRANSFER_ENCODING)
        || declared_length(&request).is_some_and(|n| n > 0);
    let holding = if has_body {
        let wait = tokio::time::timeout(BODY_TIME, Arc::clone(&gates.bodies).acquire_owned());
        match wait.await {
            Ok(Ok(permit)) => Some(permit),
            _ => {
                let mut r = busy(
                    &ctx,
                    &format!("{MAX_BODIES} requests with bodies are in hand"),
                );
                r.headers_mut()
                    .insert(CONNECTION, HeaderValue::from_static("close"));
                return r.map(Full::new);
            }
        }
    } else {
        None
    };
    let response = match read_body(request).await {
        Ok(request) => work(request, ctx, &gates).await,
        Err((status, message)) => {
            // the rest of the body is not read: the connection cannot carry another request
            let mut r = routes::error(status, &message);
            r.headers_mut()
                .insert(CONNECTION, HeaderValue::from_static("close"));
            r
        }
    };
    drop(holding);
    response.map(Full::new)
}

/// The body's length as the request declares it.
fn declared_length<B>(request: &Request<B>) -> Option<u64> {
    request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
}

/// The request with its whole body, within [`MAX_BODY`] and [`BODY_TIME`].
async fn read_body(request: Request<Incoming>) -> Result<Request<Bytes>, HttpError> {
    let too_large = || {
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request bodies are limited to {MAX_BODY} bytes"),
        )
    };
    if declared_length(&request).is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_large());
    }
    let (parts, body) = request.into_parts();
    let collected = tokio::time::timeout(BODY_TIME, Limited::new(body, MAX_BODY).collect())
        .await
        .map_err(|_| {
            (
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the request body did not arrive within {} s",
                    BODY_TIME.as_secs()
                ),
            )
        })?
        .map_err(|e| {
            if e.downcast_ref::<LengthLimitError>().is_some() {
                too_large()
            } else {
                (
                    StatusCode::BAD_REQUEST,
                    format!("cannot read the request body: {e}"),
                )
            }
        })?;
    Ok(Request::from_parts(parts, collected.to_bytes()))
}

/// Answers at once what needs no store; the rest waits for a turn (at most the timeout) and runs
/// on a blocking thread, which keeps its turn until the work ends.
async fn work(request: Request<Bytes>, ctx: Arc<Context>, gates: &Gates) -> Response<Bytes> {
    if !routes::uses_store(&request) {
        return routes::handle(&request, &ctx);
    }
    let turn = match Arc::clone(&gates.running).try_acquire_owned() {
        Ok(turn) => Ok(Ok(turn)),
        Err(_) => {
            let Ok(in_line) = Arc::clone(&gates.waiting).try_acquire_owned() else {
                return busy(
                    &ctx,
                    "as many requests are waiting for their turn as it allows",
                );
            };
            let turn = tokio::time::timeout(
                ctx.options.timeout,
                Arc::clone(&gates.running).acquire_owned(),
            )
            .await;
            drop(in_line);
            turn
        }
    };
    let Ok(Ok(turn)) = turn else {
        return busy(
            &ctx,
            &format!(
                "this request waited {} s for one of the {} that work on the store at once",
                ctx.options.timeout.as_secs_f64(),
                ctx.options.max_running
            ),
        );
    };
    let worker = tokio::task::spawn_blocking(move || {
        let response = routes::handle(&request, &ctx);
        drop(turn);
        response
    });
    match worker.await {
        Ok(r) => r,
        Err(e) => routes::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("the request failed inside the server ({e}); the server goes on"),
        ),
    }
}

/// 503 with `Retry-After`: the server is busy, not broken.
fn busy(ctx: &Context, why: &str) -> Response<Bytes> {
    let mut r = routes::error(
        StatusCode::SERVICE_UNAVAILABLE,
        &format!("the server is busy: {why}; try again in a moment"),
    );
    let retry = ctx.options.timeout.as_secs().clamp(1, 5);
    r.headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from(retry));
    r
}
