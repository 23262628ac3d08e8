//! `negograph remove`: one document's graph out of the store, in one transaction.

use std::process::ExitCode;

use anyhow::{bail, Result};

use negograph::mapping;

use super::target::Target;
use crate::cli::RemoveArgs;

pub fn run(args: RemoveArgs) -> Result<ExitCode> {
    let iri = if args.document.contains("://") {
        args.document.clone()
    } else {
        mapping::document_iri(&args.document)
    };
    let target = Target::new(&args.store);
    let store = target.open_write(None)?;
    if !store.remove_graph(&iri)? {
        bail!("no document {iri} in {}", target.name());
    }
    store.flush()?;
    eprintln!("removed {iri}");
    Ok(ExitCode::SUCCESS)
}
