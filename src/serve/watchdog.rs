//! What stops a query of the server: its time (`--timeout`) and the heap it holds
//! (`--query-memory`), both through the query's cancellation token.
//!
//! The watchdog is a thread that looks at the query every [`POLL`] until the query ends. The
//! memory it reads is the query's [`Meter`], attached to the thread that evaluates the query and
//! writes its answer, so an evaluation that gathers rows (a large join, a sort, a grouping) is
//! stopped once it holds the limit, not only when its time is up. Oxigraph looks at the token
//! whenever it reads the store; work between two reads (joining rows already read) goes on until
//! the next one.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use oxigraph::sparql::CancellationToken;

use crate::meter::{Attached, Meter};

/// How often the watchdog looks at the query's time and memory.
pub const POLL: Duration = Duration::from_millis(10);

/// Why a query was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Timeout,
    Memory,
}

/// Watches one query from [`Watchdog::start`] until it is dropped, on the query's thread.
pub struct Watchdog {
    /// Dropped with the watchdog: the thread sees the query has ended.
    _done: Sender<()>,
    stopped: Arc<AtomicU8>,
    /// Keeps the query's meter attached to its thread.
    _attached: Attached,
}

const RUNNING: u8 = 0;
const TIMEOUT: u8 = 1;
const MEMORY: u8 = 2;

impl Watchdog {
    /// Starts watching: the calling thread's allocations count as the query's from now on.
    pub fn start(token: CancellationToken, timeout: Duration, memory: usize) -> Self {
        let meter = Meter::new();
        let stopped = Arc::new(AtomicU8::new(RUNNING));
        let (done, ended) = channel::<()>();
        {
            let (meter, stopped) = (meter.clone(), Arc::clone(&stopped));
            let deadline = Instant::now() + timeout;
            std::thread::spawn(move || {
                while ended.recv_timeout(POLL) == Err(RecvTimeoutError::Timeout) {
                    let why = if meter.bytes() > memory {
                        MEMORY
                    } else if Instant::now() >= deadline {
                        TIMEOUT
                    } else {
                        continue;
                    };
                    stopped.store(why, Ordering::SeqCst);
                    token.cancel();
                    return;
                }
            });
        }
        let attached = meter.attach();
        Watchdog {
            _done: done,
            stopped,
            _attached: attached,
        }
    }

    /// Why the query was stopped, if it was.
    pub fn stopped(&self) -> Option<Stop> {
        match self.stopped.load(Ordering::SeqCst) {
            TIMEOUT => Some(Stop::Timeout),
            MEMORY => Some(Stop::Memory),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_that_holds_too_much_is_stopped_for_its_memory() {
        let token = CancellationToken::new();
        let dog = Watchdog::start(token.clone(), Duration::from_secs(60), 4 << 20);
        let held = vec![1u8; 8 << 20];
        let start = Instant::now();
        while !token.is_cancelled() && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(POLL);
        }
        assert_eq!(dog.stopped(), Some(Stop::Memory));
        drop(held);
    }

    #[test]
    fn a_query_that_runs_too_long_is_stopped_for_its_time() {
        let token = CancellationToken::new();
        let dog = Watchdog::start(token.clone(), Duration::from_millis(50), 1 << 30);
        let start = Instant::now();
        while !token.is_cancelled() && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(POLL);
        }
        assert_eq!(dog.stopped(), Some(Stop::Timeout));
    }

    #[test]
    fn a_query_within_its_limits_is_not_stopped() {
        let token = CancellationToken::new();
        let dog = Watchdog::start(token.clone(), Duration::from_secs(60), 64 << 20);
        let held = vec![1u8; 1 << 20];
        std::thread::sleep(POLL * 5);
        assert_eq!((dog.stopped(), token.is_cancelled()), (None, false));
        drop(held);
    }
}
