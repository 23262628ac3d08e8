//! `negograph queries`: the library of named queries, with what each answers and takes.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use negograph::query;

use super::stdout;

pub fn run() -> Result<ExitCode> {
    let mut out = stdout();
    let rows: Vec<Vec<String>> = query::named_queries()
        .iter()
        .map(|q| vec![q.name.to_string(), q.description.clone(), q.params.clone()])
        .collect();
    query::write_table(
        &mut out,
        &["name".into(), "answers".into(), "params".into()],
        &rows,
    )?;
    writeln!(
        out,
        "\nRun one with: negograph query --named NAME [--param NAME=VALUE]"
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
