//! `negograph load`: outside RDF into the store, parsed whole first so that a syntax error loads
//! nothing.

use std::process::ExitCode;

use anyhow::{Context, Result};
use oxigraph::io::RdfFormat;

use negograph::export::RdfSyntax;

use super::target::Target;
use crate::cli::LoadArgs;

pub fn run(args: LoadArgs) -> Result<ExitCode> {
    let file = &args.file;
    let syntax = match args.format {
        Some(f) => RdfSyntax::from(f).format(),
        None => file
            .extension()
            .and_then(|e| e.to_str())
            .and_then(RdfFormat::from_extension)
            .with_context(|| {
                format!(
                    "{}: cannot tell the RDF syntax from the extension; pass --format",
                    file.display()
                )
            })?,
    };
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let target = Target::new(&args.store);
    let store = target.open_write(None)?;
    let n = store.load(
        &bytes,
        syntax,
        args.graph.as_deref(),
        &file.display().to_string(),
    )?;
    store.flush()?;
    eprintln!(
        "{n} quads loaded from {} into {}",
        file.display(),
        target.name()
    );
    Ok(ExitCode::SUCCESS)
}
