//! `negograph serve`: the embedded store over HTTP (SPARQL Protocol, Graph Store reads, the
//! page). A remote store is refused: it answers SPARQL over HTTP itself.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Result};

use negograph::serve::{self, Options};

use super::target::Target;
use crate::cli::ServeArgs;

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        bail!(
            "--timeout {}: give a positive number of seconds",
            args.timeout
        );
    }
    let options = Options {
        bind: args.bind,
        public: args.public,
        allow_update: args.allow_update,
        timeout: Duration::from_secs_f64(args.timeout),
        query_memory: (args.query_memory as usize) << 20,
        max_rows: args.max_rows,
        max_running: args
            .max_running
            .map(|n| n as usize)
            .unwrap_or(Options::default().max_running),
        max_waiting: args.max_waiting as usize,
        max_connections: args.max_connections as usize,
    };
    // A bad address is refused before the store is opened.
    serve::addresses(&options.bind, options.public)?;
    serve::raise_file_limit();
    let store = Target::new(&args.store).embedded("serve", options.allow_update)?;
    serve::serve(store, options)?;
    Ok(ExitCode::SUCCESS)
}
