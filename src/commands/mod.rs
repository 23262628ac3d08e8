//! One module per subcommand, each a `run` from its parsed arguments to an exit code; `target`
//! is the one place that chooses the store a command reads and writes.

mod actors;
mod completions;
mod eval;
mod explain;
mod export;
mod extract;
mod ingest;
mod load;
mod man;
mod network;
mod queries;
mod query;
mod remove;
mod serve;
mod stats;
mod target;
mod update;
mod validate;

use std::io::{BufWriter, StdoutLock, Write};
use std::process::ExitCode;

use anyhow::Result;

use negograph::backend::Backend;
use negograph::query::{self as sparql, ResultsFormat};

use crate::cli::Command;

/// Runs the command; the exit code is 0 when it did all it was asked, 1 when it did but found
/// something missing (a file skipped, ASK false, a floor missed).
pub fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Extract(a) => extract::run(a),
        Command::Ingest(a) => ingest::run(a),
        Command::Query(a) => query::run(a),
        Command::Update(a) => update::run(a),
        Command::Export(a) => export::run(a),
        Command::Load(a) => load::run(a),
        Command::Remove(a) => remove::run(a),
        Command::Validate(a) => validate::run(a),
        Command::Network(a) => network::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Actors(a) => actors::run(a),
        Command::Queries => queries::run(),
        Command::Eval(a) => eval::run(a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(a),
    }
}

/// Standard output, buffered (flushed by the caller, so that a write error is seen).
fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

/// Runs a query of the library on `store` and prints its table.
fn print_named(
    store: &Backend,
    name: &str,
    params: &[(oxigraph::model::Variable, oxigraph::model::Term)],
    out: &mut impl Write,
) -> Result<()> {
    store.query(
        sparql::named(name)?.text,
        params,
        ResultsFormat::Table,
        None,
        out,
    )?;
    Ok(())
}
