//! `negograph query`: a read-only SPARQL query (inline, from a file or from the library of
//! named queries) with parameters bound as values, its results in the chosen format.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use negograph::query::{self, Outcome, QueryError};

use super::stdout;
use super::target::Target;
use crate::cli::QueryArgs;

pub fn run(args: QueryArgs) -> Result<ExitCode> {
    let text = match (args.query, &args.file, &args.named) {
        (Some(q), _, _) => q,
        (None, Some(f), _) => std::fs::read_to_string(f)
            .with_context(|| format!("cannot read query file {}", f.display()))?,
        (None, None, Some(n)) => query::named(n)?.text.to_string(),
        (None, None, None) => {
            bail!("give a query, --file Q.rq or --named NAME (see `negograph queries`)")
        }
    };
    let params = args
        .params
        .iter()
        .map(|p| query::parse_param(p))
        .collect::<Result<Vec<_>, _>>()?;
    let timeout = args.timeout.map(seconds).transpose()?;
    let target = Target::new(&args.store);
    if let (Some(d), false) = (timeout, target.is_remote()) {
        // Some evaluations (an aggregate over a large join) do not look at the cancellation
        // for a long time: a second after the deadline, stop the process. (A remote query
        // ends with its request.)
        std::thread::spawn(move || {
            std::thread::sleep(d + Duration::from_secs(1));
            eprintln!("negograph: {}", QueryError::Timeout(d));
            std::process::exit(2);
        });
    }
    let store = target.open_read(timeout)?;
    let mut out = stdout();
    let outcome = store.query(&text, &params, args.format.into(), timeout, &mut out)?;
    out.flush()?;
    Ok(match outcome {
        Outcome::Boolean(false) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}

/// A --timeout: a number of seconds above 0.
fn seconds(t: f64) -> Result<Duration> {
    Duration::try_from_secs_f64(t)
        .ok()
        .filter(|d| !d.is_zero())
        .with_context(|| format!("--timeout {t}: not a number of seconds above 0"))
}
