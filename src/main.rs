//! The `negograph` binary: parse the arguments, run the command, print the error chain.
//! Exit codes: 0 done, 1 done but something was not (a file failed, a floor was missed, ASK was
//! false), 2 error.

mod cli;

use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::Parser;

use cli::{Cli, Command, ExtractOptions, RemoteArgs};

use negograph::backend::Backend;
use negograph::export::{self, RdfSyntax};
use negograph::extract::Options;
use negograph::input::Format;
use negograph::lexicon::Lexicon;
use negograph::network::{self, NetworkFormat};
use negograph::pipeline::{self, Source, Summary};
use negograph::query::{self, Outcome, ResultsFormat};
use negograph::remote::{Preset, Remote, RemoteConfig};
use negograph::select::Scope;
use negograph::store::{BulkOptions, BulkWriter, Store};
use negograph::validate::{self, Shapes};
use negograph::{eval, mapping, vocab};

fn main() -> ExitCode {
    negograph::store::return_freed_memory();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("negograph: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn lexicon(options: &ExtractOptions) -> Result<Lexicon> {
    let mut extra = Vec::new();
    for p in &options.actors {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("cannot read actors file {}", p.display()))?;
        extra.push((p.display().to_string(), text));
    }
    Ok(Lexicon::with_actors(&extra)?)
}

fn extract_options(options: &ExtractOptions) -> Result<Options> {
    if let Some(d) = &options.date {
        if negograph::date::find_date(d).as_deref() != Some(d.as_str()) {
            bail!("--date {d:?}: not a calendar date of the form YYYY-MM-DD");
        }
    }
    Ok(Options {
        date: options.date.clone(),
    })
}

fn input_format(options: &ExtractOptions) -> Result<Option<Format>> {
    match &options.input_format {
        None => Ok(None),
        Some(f) => Format::parse(f).map(Some).with_context(|| {
            format!("--input-format {f:?}: expected text, markdown, html or jsonl")
        }),
    }
}

/// Opens the store for writing, and tells what an interrupted bulk load left that was removed.
fn open_store(path: &Path, max_open_files: Option<u32>) -> Result<Store> {
    let store = Store::open_with(path, max_open_files)?;
    let (files, bytes) = store.removed_bulk_files;
    if files > 0 {
        eprintln!(
            "negograph: removed {files} files ({:.1} MB) of a bulk load that was interrupted before its commit; the documents it held were not in the store",
            bytes as f64 / 1e6
        );
    }
    Ok(store)
}

/// Read-only commands open the store without locking it, so they work while an ingest runs
/// (on the data committed when they start).
fn open_store_for_reading(path: &Path) -> Result<Store> {
    if !path.exists() {
        bail!("no store at {} (create one with `negograph ingest` or `negograph load`, or pass --store)", path.display());
    }
    Ok(Store::open_read_only(path)?)
}

/// Where the commands read and write: the store folder, or a remote store's URL.
struct Target {
    path: std::path::PathBuf,
    remote: Option<RemoteConfig>,
    /// For an embedded store opened for writing: how many of its files RocksDB keeps open.
    max_open_files: Option<u32>,
}

impl Target {
    fn new(store: &Path, args: &RemoteArgs) -> Target {
        let as_text = store.to_string_lossy();
        let url = args.endpoint.clone().or_else(|| {
            (as_text.starts_with("http://") || as_text.starts_with("https://"))
                .then(|| as_text.to_string())
        });
        let remote = url.map(|url| {
            let mut c = RemoteConfig::new(&url);
            c.preset = args.preset.map(Preset::from).unwrap_or_default();
            c.query_path = args.query_path.clone();
            c.update_path = args.update_path.clone();
            c.gsp_path = args.gsp_path.clone();
            c.user = args.user.clone();
            c.password = args.password.clone();
            c.token = args.token.clone();
            c.retries = args.retries;
            c
        });
        Target {
            path: store.to_path_buf(),
            remote,
            max_open_files: None,
        }
    }

    fn name(&self) -> String {
        match &self.remote {
            Some(r) => r.url.clone(),
            None => self.path.display().to_string(),
        }
    }

    fn remote(&self) -> Result<Option<Remote>> {
        match &self.remote {
            Some(c) => Ok(Some(Remote::new(c.clone())?)),
            None => Ok(None),
        }
    }

    /// For commands that write: a remote store gets the ontology graph when it lacks it.
    fn open_write(&self) -> Result<Backend> {
        match self.remote()? {
            Some(r) => {
                r.ensure_ontology()?;
                Ok(Backend::Remote(Box::new(r)))
            }
            None => Ok(Backend::Embedded(open_store(
                &self.path,
                self.max_open_files,
            )?)),
        }
    }

    fn open_read(&self) -> Result<Backend> {
        match self.remote()? {
            Some(r) => Ok(Backend::Remote(Box::new(r))),
            None => Ok(Backend::Embedded(open_store_for_reading(&self.path)?)),
        }
    }

    /// The commands that read the store through the library's own queries (validate, network,
    /// explain) run on the embedded store only.
    fn embedded_read(&self, command: &str) -> Result<Store> {
        if let Some(r) = &self.remote {
            bail!(
                "`negograph {command}` works on the embedded store only, not on {}; export the graph (negograph export --format nquads) and load it into a local store",
                r.url
            );
        }
        open_store_for_reading(&self.path)
    }
}

/// Runs a query of the library and prints its table.
fn print_named(
    store: &Backend,
    name: &str,
    params: &[(oxigraph::model::Variable, oxigraph::model::Term)],
    out: &mut impl Write,
) -> Result<()> {
    store.query(
        query::named(name)?.text,
        params,
        ResultsFormat::Table,
        None,
        out,
    )?;
    Ok(())
}

/// Keeps a write error as an `io::Error`, so that a closed pipe ends quietly.
fn export_error(e: negograph::backend::ExportError) -> anyhow::Error {
    match e {
        negograph::backend::ExportError::Io(io) => anyhow::Error::new(io),
        other => anyhow::Error::new(other),
    }
}

fn stdout() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

fn run(cli: Cli) -> Result<ExitCode> {
    let target = Target::new(&cli.store, &cli.remote);
    match cli.command {
        Command::Extract {
            file,
            format,
            options,
        } => {
            let lex = lexicon(&options)?;
            let opts = extract_options(&options)?;
            let source = if file.as_os_str() == "-" {
                Source::Stdin
            } else {
                Source::File(file.clone())
            };
            if let Source::File(p) = &source {
                if p.is_dir() {
                    bail!("{}: is a folder; extract reads one article (use `negograph ingest` for folders)", p.display());
                }
            }
            let articles = pipeline::read_source(&source, input_format(&options)?)?;
            let article = articles.first().context("no article")?;
            let (_, quads) = pipeline::process(article, &lex, &opts);
            let mut out = stdout();
            export::write(&quads, format, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest {
            paths,
            strict,
            skip_bad,
            jobs,
            quiet,
            shard,
            bulk,
            no_bulk,
            bulk_commit,
            bulk_batch,
            max_open_files,
            options,
        } => {
            let shard = shard
                .as_deref()
                .map(pipeline::Shard::parse)
                .transpose()
                .map_err(anyhow::Error::msg)?;
            if let Some(n) = jobs {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n.max(1))
                    .build_global()
                    .context("cannot start the extraction threads")?;
            }
            let lex = lexicon(&options)?;
            let opts = extract_options(&options)?;
            let format = input_format(&options)?;
            let sources = pipeline::collect_sources(&paths)?;
            if bulk && target.remote.is_some() {
                bail!(
                    "--bulk works on the embedded store only, not on {}",
                    target.name()
                );
            }
            if max_open_files.is_some() && target.remote.is_some() {
                bail!(
                    "--max-open-files works on the embedded store only, not on {}",
                    target.name()
                );
            }
            let target = Target {
                max_open_files,
                ..target
            };
            let store = target.open_write()?;
            let total = pipeline::input_bytes(&sources);
            // The bulk loader when asked, or for large inputs; one transaction per document
            // otherwise, and always on a remote store.
            let use_bulk = match (bulk, no_bulk) {
                (true, _) => true,
                (_, true) => false,
                _ => store.embedded().is_some() && total >= pipeline::AUTO_BULK_BYTES,
            };
            // Progress in bytes of input, so that one large JSON Lines file shows its rate and
            // time left as well as a folder of many files.
            let bar = if quiet || total == 0 || !std::io::stderr().is_terminal() {
                indicatif::ProgressBar::hidden()
            } else {
                let b = indicatif::ProgressBar::new(total);
                b.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{bar:30} {bytes}/{total_bytes}  {bytes_per_sec}  eta {eta}  {wide_msg}",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                b
            };
            let ingest = pipeline::IngestOptions {
                format,
                strict,
                skip_bad,
                shard,
            };
            let mut summary = Summary::default();
            let mut how = String::new();
            let ingested = match (&store, use_bulk) {
                (Backend::Embedded(s), true) => {
                    let mut o = BulkOptions::default();
                    if let Some(n) = jobs {
                        o.threads = n.max(1);
                    }
                    if let Some(n) = bulk_batch {
                        o.batch_quads = n;
                    }
                    if let Some(n) = bulk_commit {
                        o.commit_quads = n;
                        o.batch_quads = o.batch_quads.min(n);
                    }
                    let writer = BulkWriter::new(s, o);
                    pipeline::ingest_sources(
                        &writer,
                        &sources,
                        &lex,
                        &opts,
                        &ingest,
                        &bar,
                        &mut summary,
                    )
                    .and_then(|()| {
                        let commits =
                            writer
                                .finish()
                                .map_err(|error| pipeline::IngestError::Store {
                                    context: "while committing the bulk load".into(),
                                    error,
                                })?;
                        how = format!(
                            " through the bulk loader ({commits} commit{})",
                            if commits == 1 { "" } else { "s" }
                        );
                        Ok(())
                    })
                }
                _ => pipeline::ingest_sources(
                    &store,
                    &sources,
                    &lex,
                    &opts,
                    &ingest,
                    &bar,
                    &mut summary,
                ),
            };
            if let Err(e) = ingested {
                bar.finish_and_clear();
                return Err(e.into());
            }
            bar.finish_and_clear();
            store.flush()?;
            let others = match shard {
                Some(s) => format!(
                    " ({} left to the other shards of {})",
                    summary.documents_other_shards, s.count
                ),
                None => String::new(),
            };
            eprintln!(
                "{} files read ({} skipped): {} documents new, {} already present{}; {} actors, {} stances, {} triples added to {}{how}",
                summary.files,
                summary.files_failed,
                summary.documents_new,
                summary.documents_present,
                others,
                summary.actors.len(),
                summary.stances,
                summary.triples,
                target.name()
            );
            Ok(if summary.files_failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Query {
            query,
            file,
            named,
            params,
            format,
            timeout,
        } => {
            let text = match (query, file, named) {
                (Some(q), _, _) => q,
                (None, Some(f), _) => std::fs::read_to_string(&f)
                    .with_context(|| format!("cannot read query file {}", f.display()))?,
                (None, None, Some(n)) => query::named(&n)?.text.to_string(),
                (None, None, None) => {
                    bail!("give a query, --file Q.rq or --named NAME (see `negograph queries`)")
                }
            };
            let params = params
                .iter()
                .map(|p| query::parse_param(p))
                .collect::<Result<Vec<_>, _>>()?;
            let timeout = timeout
                .map(|t| {
                    Duration::try_from_secs_f64(t)
                        .ok()
                        .filter(|d| !d.is_zero())
                        .with_context(|| format!("--timeout {t}: not a number of seconds above 0"))
                })
                .transpose()?;
            if let (Some(d), None) = (timeout, &target.remote) {
                // Some evaluations (an aggregate over a large join) do not look at the
                // cancellation for a long time: a second after the deadline, stop the process.
                std::thread::spawn(move || {
                    std::thread::sleep(d + Duration::from_secs(1));
                    eprintln!("negograph: {}", query::QueryError::Timeout(d));
                    std::process::exit(2);
                });
            }
            let store = match (&target.remote, timeout) {
                // A remote query ends with its request.
                (Some(c), Some(t)) => {
                    let mut c = c.clone();
                    c.timeout = Some(t);
                    Backend::Remote(Box::new(Remote::new(c)?))
                }
                _ => target.open_read()?,
            };
            let mut out = stdout();
            let outcome = store.query(&text, &params, format, timeout, &mut out)?;
            out.flush()?;
            Ok(match outcome {
                Outcome::Boolean(false) => ExitCode::from(1),
                _ => ExitCode::SUCCESS,
            })
        }
        Command::Update { update, file } => {
            let text = match (update, file) {
                (Some(u), _) => u,
                (None, Some(f)) => std::fs::read_to_string(&f)
                    .with_context(|| format!("cannot read update file {}", f.display()))?,
                _ => bail!("give an update or --file U.ru"),
            };
            let store = target.open_write()?;
            store.update(&text)?;
            store.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            format,
            graph,
            output,
        } => {
            let store = target.open_read()?;
            let no_graph = |n: usize| -> Result<()> {
                if graph.is_some() && n == 0 {
                    bail!(
                        "no graph {} in {}",
                        graph.clone().unwrap_or_default(),
                        target.name()
                    );
                }
                Ok(())
            };
            match output {
                Some(path) => {
                    let file = std::fs::File::create(&path)
                        .with_context(|| format!("cannot create {}", path.display()))?;
                    let (n, mut w) =
                        store.export(format, graph.as_deref(), BufWriter::new(file))?;
                    w.flush()?;
                    no_graph(n)?;
                    eprintln!("{n} quads written to {}", path.display());
                }
                None => {
                    let mut out = stdout();
                    let (n, _) = store
                        .export(format, graph.as_deref(), &mut out)
                        .map_err(export_error)?;
                    out.flush()?;
                    no_graph(n)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Load {
            file,
            format,
            graph,
        } => {
            let syntax = match format {
                Some(f) => f.format(),
                None => file
                    .extension()
                    .and_then(|e| e.to_str())
                    .and_then(oxigraph::io::RdfFormat::from_extension)
                    .with_context(|| {
                        format!(
                            "{}: cannot tell the RDF syntax from the extension; pass --format",
                            file.display()
                        )
                    })?,
            };
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let store = target.open_write()?;
            let n = store.load(
                &bytes,
                syntax,
                graph.as_deref(),
                &file.display().to_string(),
            )?;
            store.flush()?;
            eprintln!(
                "{n} quads loaded from {} into {}",
                file.display(),
                target.name()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Remove { document } => {
            let iri = if document.contains("://") {
                document.clone()
            } else {
                mapping::document_iri(&document)
            };
            let store = target.open_write()?;
            if !store.remove_graph(&iri)? {
                bail!("no document {iri} in {}", target.name());
            }
            store.flush()?;
            eprintln!("removed {iri}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { graph, shapes } => {
            let shapes = match &shapes {
                Some(p) => {
                    let text = std::fs::read_to_string(p)
                        .with_context(|| format!("cannot read shapes file {}", p.display()))?;
                    Shapes::parse(&text, &p.display().to_string())?
                }
                None => Shapes::builtin()?,
            };
            let store = target.embedded_read("validate")?;
            if let Some(g) = &graph {
                if !store.contains_graph(g)? {
                    bail!("no graph {g} in {}", target.name());
                }
            }
            let violations =
                validate::validate(&store, &shapes, &Scope::from_graph(graph.as_deref()))?;
            let mut out = stdout();
            if violations.is_empty() {
                writeln!(out, "no violations")?;
                out.flush()?;
                return Ok(ExitCode::SUCCESS);
            }
            let rows: Vec<Vec<String>> = violations
                .iter()
                .map(|v| vec![query::short(&v.focus), v.path.clone(), v.message.clone()])
                .collect();
            for r in &rows {
                writeln!(out, "{}  {}  {}", r[0], r[1], r[2])?;
            }
            let focus: std::collections::BTreeSet<String> =
                rows.iter().map(|r| r[0].clone()).collect();
            writeln!(
                out,
                "\n{} violations on {} nodes",
                violations.len(),
                focus.len()
            )?;
            out.flush()?;
            Ok(ExitCode::from(1))
        }
        Command::Network {
            format,
            output,
            graph,
        } => {
            let store = target.embedded_read("network")?;
            let net = network::read(&store, &Scope::from_graph(graph.as_deref()))?;
            match (format, output) {
                (NetworkFormat::Csv, Some(folder)) => {
                    network::write_csv(&net, &folder)
                        .with_context(|| format!("cannot write {}", folder.display()))?;
                    eprintln!(
                        "{} nodes and {} edges written to {}",
                        net.nodes.len(),
                        net.edges.len(),
                        folder.display()
                    );
                }
                (NetworkFormat::Csv, None) => bail!(
                    "--format csv writes nodes.csv and edges.csv: give the folder with --output"
                ),
                (_, Some(path)) => {
                    let file = std::fs::File::create(&path)
                        .with_context(|| format!("cannot create {}", path.display()))?;
                    let mut w = BufWriter::new(file);
                    network::write(&net, format, &mut w)?;
                    w.flush()?;
                    eprintln!(
                        "{} nodes and {} edges written to {}",
                        net.nodes.len(),
                        net.edges.len(),
                        path.display()
                    );
                }
                (_, None) => {
                    let mut out = stdout();
                    network::write(&net, format, &mut out)?;
                    out.flush()?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain {
            target: explained,
            options,
        } => {
            let target_store = target;
            let target = explained;
            let path = Path::new(&target);
            if target == "-" || path.is_file() {
                let lex = lexicon(&options)?;
                let opts = extract_options(&options)?;
                let source = if target == "-" {
                    Source::Stdin
                } else {
                    Source::File(path.to_path_buf())
                };
                let articles = pipeline::read_source(&source, input_format(&options)?)?;
                let mut out = stdout();
                for article in &articles {
                    let (x, _) = pipeline::process(article, &lex, &opts);
                    writeln!(out, "{}", negograph::explain::explain(&x))?;
                }
                out.flush()?;
                return Ok(ExitCode::SUCCESS);
            }
            let store = target_store.open_read()?;
            let doc = if target.contains("/id/doc/") {
                Some(target.clone())
            } else if target.len() >= 16 && target.chars().all(|c| c.is_ascii_hexdigit()) {
                Some(mapping::document_iri(&target))
            } else {
                None
            };
            let mut out = stdout();
            match doc {
                Some(iri) => {
                    if !negograph::backend::DocumentStore::contains_graph(&store, &iri)? {
                        bail!("no document {iri} in {}", target_store.name());
                    }
                    let param = query::parse_param(&format!("doc=<{iri}>"))?;
                    print_named(&store, "document-evidence", &[param], &mut out)?;
                }
                None => {
                    let param = query::parse_param(&format!("resource={target}"))?;
                    print_named(&store, "facts-about", &[param], &mut out)?;
                }
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            bind,
            public,
            allow_update,
            timeout,
            max_rows,
        } => {
            if !(timeout > 0.0 && timeout.is_finite()) {
                bail!("--timeout {timeout}: give a positive number of seconds");
            }
            let options = negograph::serve::Options {
                bind,
                public,
                allow_update,
                timeout: Duration::from_secs_f64(timeout),
                max_rows,
            };
            // refuse a bad address before opening the store
            negograph::serve::addresses(&options.bind, options.public)?;
            let store = if allow_update {
                open_store(&cli.store, None)?
            } else {
                open_store_for_reading(&cli.store)?
            };
            negograph::serve::serve(store, options)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats => {
            let store = target.open_read()?;
            let mut out = stdout();
            print_named(&store, "stats", &[], &mut out)?;
            writeln!(out, "\n{} quads in {}", store.len()?, target.name())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Actors => {
            let store = target.open_read()?;
            let mut out = stdout();
            print_named(&store, "actors", &[], &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Queries => {
            let mut out = stdout();
            let all = query::named_queries();
            let rows: Vec<Vec<String>> = all
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
        Command::Eval {
            gold,
            explain,
            require,
            options,
        } => {
            let lex = lexicon(&options)?;
            let opts = extract_options(&options)?;
            let mut scores = Vec::new();
            for path in eval::gold_files(&gold)? {
                let (g, text_path) = eval::read_gold(&path)?;
                let articles = pipeline::read_source(
                    &Source::File(text_path.clone()),
                    input_format(&options)?,
                )?;
                let article = articles.first().context("no article")?;
                let (_, quads) = pipeline::process(article, &lex, &opts);
                let name = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("")
                    .to_string();
                scores.push(eval::score(&name, &g, &quads));
            }
            print!("{}", eval::report(&scores, explain));
            let totals = eval::total(&scores);
            let mut short = Vec::new();
            for r in &require {
                let (name, floor) = r
                    .split_once('=')
                    .with_context(|| format!("--require {r:?}: expected CATEGORY=F1"))?;
                let floor: f64 = floor
                    .parse()
                    .with_context(|| format!("--require {r:?}: not a number"))?;
                let t = totals
                    .get(name)
                    .with_context(|| format!("--require: unknown category {name}"))?;
                if t.prf().2 < floor {
                    short.push(format!("{name} {:.3} < {floor}", t.prf().2));
                }
            }
            if !short.is_empty() {
                println!("below the floor: {}", short.join("; "));
                return Ok(ExitCode::from(1));
            }
            let _ = vocab::NEG;
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[allow(dead_code)]
fn unused(_: RdfSyntax) {}
