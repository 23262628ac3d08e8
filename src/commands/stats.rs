//! `negograph stats`: counts of documents, actors and claims, and of the store's quads.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::target::Target;
use super::{print_named, stdout};
use crate::cli::StatsArgs;

pub fn run(args: StatsArgs) -> Result<ExitCode> {
    let target = Target::new(&args.store);
    let store = target.open_read(None)?;
    let mut out = stdout();
    print_named(&store, "stats", &[], &mut out)?;
    writeln!(out, "\n{} quads in {}", store.len()?, target.name())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
