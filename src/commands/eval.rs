//! `negograph eval`: the extractor scored against gold annotations, with floors that set the
//! exit code.

use std::process::ExitCode;

use anyhow::{Context, Result};

use negograph::eval;
use negograph::pipeline::{self, Source};

use crate::cli::EvalArgs;

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let lexicon = args.options.lexicon()?;
    let options = args.options.options()?;
    let mut scores = Vec::new();
    for path in eval::gold_files(&args.gold)? {
        let (gold, text_path) = eval::read_gold(&path)?;
        let articles = args.options.read(&Source::File(text_path))?;
        let article = articles.first().context("no article")?;
        let (_, quads) = pipeline::process(article, &lexicon, &options);
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        scores.push(eval::score(&name, &gold, &quads));
    }
    print!("{}", eval::report(&scores, args.explain));
    let totals = eval::total(&scores);
    let mut short = Vec::new();
    for r in &args.require {
        let (name, floor) = r
            .split_once('=')
            .with_context(|| format!("--require {r:?}: expected CATEGORY=F1"))?;
        let floor: f64 = floor
            .parse()
            .with_context(|| format!("--require {r:?}: not a number"))?;
        let f1 = totals
            .get(name)
            .with_context(|| format!("--require: unknown category {name}"))?
            .prf()
            .2;
        if f1 < floor {
            short.push(format!("{name} {f1:.3} < {floor}"));
        }
    }
    if !short.is_empty() {
        println!("below the floor: {}", short.join("; "));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
