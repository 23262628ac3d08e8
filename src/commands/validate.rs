//! `negograph validate`: the store against SHACL shapes, each violation on a line; exit 1 when
//! there is any.

use std::collections::BTreeSet;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use negograph::query;
use negograph::select::Scope;
use negograph::validate::{self, Shapes};

use super::stdout;
use super::target::Target;
use crate::cli::ValidateArgs;

pub fn run(args: ValidateArgs) -> Result<ExitCode> {
    let shapes = match &args.shapes {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read shapes file {}", p.display()))?;
            Shapes::parse(&text, &p.display().to_string())?
        }
        None => Shapes::builtin()?,
    };
    let target = Target::new(&args.store);
    let store = target.embedded("validate", false)?;
    if let Some(g) = &args.graph {
        if !store.contains_graph(g)? {
            bail!("no graph {g} in {}", target.name());
        }
    }
    let violations =
        validate::validate(&store, &shapes, &Scope::from_graph(args.graph.as_deref()))?;
    let mut out = stdout();
    if violations.is_empty() {
        writeln!(out, "no violations")?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut focus = BTreeSet::new();
    for v in &violations {
        let node = query::short(&v.focus);
        writeln!(out, "{node}  {}  {}", v.path, v.message)?;
        focus.insert(node);
    }
    writeln!(
        out,
        "\n{} violations on {} nodes",
        violations.len(),
        focus.len()
    )?;
    out.flush()?;
    Ok(ExitCode::from(1))
}
