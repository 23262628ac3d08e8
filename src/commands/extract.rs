//! `negograph extract`: one article's graph to standard output, without a store; and what every
//! command that extracts reads from its options (the lexicon, the date, the input format).

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use negograph::export;
use negograph::extract::Options;
use negograph::input::{Article, Format};
use negograph::lexicon::Lexicon;
use negograph::pipeline::{self, Source};

use super::stdout;
use crate::cli::{ExtractArgs, ExtractOptions};

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let lexicon = args.options.lexicon()?;
    let options = args.options.options()?;
    if args.file.as_os_str() != "-" && args.file.is_dir() {
        bail!(
            "{}: is a folder; extract reads one article (use `negograph ingest` for folders)",
            args.file.display()
        );
    }
    let articles = args.options.read(&Source::from_arg(&args.file))?;
    let article = articles.first().context("no article")?;
    let (_, quads) = pipeline::process(article, &lexicon, &options);
    let mut out = stdout();
    export::write(&quads, args.format.into(), &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

impl ExtractOptions {
    /// The built-in lexicon with the --actors files.
    pub fn lexicon(&self) -> Result<Lexicon> {
        let mut extra = Vec::new();
        for p in &self.actors {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read actors file {}", p.display()))?;
            extra.push((p.display().to_string(), text));
        }
        Ok(Lexicon::with_actors(&extra)?)
    }

    /// The extractor's options: the --date, checked.
    pub fn options(&self) -> Result<Options> {
        if let Some(d) = &self.date {
            if negograph::date::find_date(d).as_deref() != Some(d.as_str()) {
                bail!("--date {d:?}: not a calendar date of the form YYYY-MM-DD");
            }
        }
        Ok(Options {
            date: self.date.clone(),
        })
    }

    /// The --input-format, when given.
    pub fn input_format(&self) -> Result<Option<Format>> {
        match &self.input_format {
            None => Ok(None),
            Some(f) => Format::parse(f).map(Some).with_context(|| {
                format!("--input-format {f:?}: expected text, markdown, html or jsonl")
            }),
        }
    }

    /// The articles of one file (or standard input), read as --input-format says.
    pub fn read(&self, source: &Source) -> Result<Vec<Article>> {
        Ok(pipeline::read_source(source, self.input_format()?)?)
    }
}
