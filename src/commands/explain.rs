//! `negograph explain`: each fact with its sentence, cue and rule, for an article file (no store),
//! a document of the store, or any resource of it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};

use negograph::backend::DocumentStore;
use negograph::pipeline::{self, Source};
use negograph::{mapping, query};

use super::target::Target;
use super::{print_named, stdout};
use crate::cli::ExplainArgs;

pub fn run(args: ExplainArgs) -> Result<ExitCode> {
    let explained = &args.target;
    if explained == "-" || Path::new(explained).is_file() {
        return explain_file(&args);
    }
    let target = Target::new(&args.store);
    let store = target.open_read(None)?;
    let doc = if explained.contains("/id/doc/") {
        Some(explained.clone())
    } else if explained.len() >= 16 && explained.chars().all(|c| c.is_ascii_hexdigit()) {
        Some(mapping::document_iri(explained))
    } else {
        None
    };
    let mut out = stdout();
    match doc {
        Some(iri) => {
            if !store.contains_graph(&iri)? {
                bail!("no document {iri} in {}", target.name());
            }
            let param = query::parse_param(&format!("doc=<{iri}>"))?;
            print_named(&store, "document-evidence", &[param], &mut out)?;
        }
        None => {
            let param = query::parse_param(&format!("resource={explained}"))?;
            print_named(&store, "facts-about", &[param], &mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Extracts an article file (or standard input) and explains every fact, without a store.
fn explain_file(args: &ExplainArgs) -> Result<ExitCode> {
    let lexicon = args.options.lexicon()?;
    let options = args.options.options()?;
    let articles = args
        .options
        .read(&Source::from_arg(Path::new(&args.target)))?;
    let mut out = stdout();
    for article in &articles {
        let (x, _) = pipeline::process(article, &lexicon, &options);
        writeln!(out, "{}", negograph::explain::explain(&x))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
