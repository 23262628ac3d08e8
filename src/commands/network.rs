//! `negograph network`: the actor network as GraphML, GEXF, CSV or DOT.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use negograph::network::{self, NetworkFormat};
use negograph::select::Scope;

use super::stdout;
use super::target::Target;
use crate::cli::NetworkArgs;

pub fn run(args: NetworkArgs) -> Result<ExitCode> {
    let format = NetworkFormat::from(args.format);
    if let (NetworkFormat::Csv, None) = (format, &args.output) {
        bail!("--format csv writes nodes.csv and edges.csv: give the folder with --output");
    }
    let store = Target::new(&args.store).embedded("network", false)?;
    let net = network::read(&store, &Scope::from_graph(args.graph.as_deref()))?;
    let Some(path) = &args.output else {
        let mut out = stdout();
        network::write(&net, format, &mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    if format == NetworkFormat::Csv {
        network::write_csv(&net, path)
            .with_context(|| format!("cannot write {}", path.display()))?;
    } else {
        let file = std::fs::File::create(path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        let mut w = BufWriter::new(file);
        network::write(&net, format, &mut w)?;
        w.flush()?;
    }
    eprintln!(
        "{} nodes and {} edges written to {}",
        net.nodes.len(),
        net.edges.len(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
