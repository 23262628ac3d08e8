//! `negograph update`: SPARQL Update on the store (kept apart from `query`, which never writes).

use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use super::target::Target;
use crate::cli::UpdateArgs;

pub fn run(args: UpdateArgs) -> Result<ExitCode> {
    let text = match (args.update, &args.file) {
        (Some(u), _) => u,
        (None, Some(f)) => std::fs::read_to_string(f)
            .with_context(|| format!("cannot read update file {}", f.display()))?,
        _ => bail!("give an update or --file U.ru"),
    };
    let store = Target::new(&args.store).open_write(None)?;
    store.update(&text)?;
    store.flush()?;
    Ok(ExitCode::SUCCESS)
}
