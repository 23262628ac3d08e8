//! `negograph actors`: the actor table (the named query `actors`).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::target::Target;
use super::{print_named, stdout};
use crate::cli::ActorsArgs;

pub fn run(args: ActorsArgs) -> Result<ExitCode> {
    let store = Target::new(&args.store).open_read(None)?;
    let mut out = stdout();
    print_named(&store, "actors", &[], &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
