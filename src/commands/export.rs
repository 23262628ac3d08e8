//! `negograph export`: the store (or one graph) in an RDF syntax, to a file or standard output.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use negograph::backend::ExportError;

use super::stdout;
use super::target::Target;
use crate::cli::ExportArgs;

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let target = Target::new(&args.store);
    let store = target.open_read(None)?;
    let syntax = args.format.into();
    let graph = args.graph.as_deref();
    let n = match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            let (n, mut w) = store.export(syntax, graph, BufWriter::new(file))?;
            w.flush()?;
            n
        }
        None => {
            let mut out = stdout();
            // A write error stays an io::Error, so that a closed pipe ends quietly.
            let (n, _) = store.export(syntax, graph, &mut out).map_err(|e| match e {
                ExportError::Io(io) => anyhow::Error::new(io),
                other => anyhow::Error::new(other),
            })?;
            out.flush()?;
            n
        }
    };
    if let (Some(g), 0) = (graph, n) {
        bail!("no graph {g} in {}", target.name());
    }
    if let Some(path) = &args.output {
        eprintln!("{n} quads written to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
