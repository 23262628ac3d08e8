//! negograph-bench: corpus-scale benchmarks of the extractor and the store.
//!
//! `generate` writes a deterministic corpus (the `corpus` module); `nquads` writes the quads
//! negograph makes of a JSON Lines corpus, for other stores to load; `run` generates a corpus of
//! each size and measures, each in a child process of its own so that peak memory is separate:
//! extraction alone on one thread and on all cores, `negograph ingest` into an on-disk store (the
//! command's own code, `pipeline::ingest_sources`: one transaction per document, and the bulk
//! loader with whole documents in each commit), Oxigraph's own bulk load of the same N-Quads, and
//! every named query on the largest store.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::Quad;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

mod corpus;
#[cfg(test)]
mod corpus_tests;

use corpus::Generator;

use negograph::extract::Options;
use negograph::input::{self, Article};
use negograph::lexicon::Lexicon;
use negograph::mapping;
use negograph::pipeline;
use negograph::query::{self, ResultsFormat};
use negograph::store::{BulkOptions, BulkWriter, Store};

#[derive(Parser)]
#[command(
    name = "negograph-bench",
    version,
    about = "Corpus-scale benchmarks of negograph"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Writes a generated corpus of news-like negotiation articles.
    Generate {
        /// How many articles.
        #[arg(long)]
        articles: u64,
        /// Write JSON Lines to this file (`{"text","title","date"}` a line).
        #[arg(long, required_unless_present = "dir", conflicts_with = "dir")]
        jsonl: Option<PathBuf>,
        /// Write one .txt file per article into this folder.
        #[arg(long)]
        dir: Option<PathBuf>,
        /// The seed: the same seed gives the same bytes.
        #[arg(long, default_value_t = corpus::DEFAULT_SEED)]
        seed: u64,
    },
    /// Extracts a JSON Lines corpus and writes the quads of all its documents as N-Quads.
    Nquads {
        /// The corpus.
        #[arg(long)]
        jsonl: PathBuf,
        /// The N-Quads file to write.
        #[arg(long)]
        output: PathBuf,
    },
    /// Generates a corpus of each size and measures extraction, ingest and queries.
    Run {
        /// Corpus sizes in articles, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "1000,10000")]
        sizes: Vec<u64>,
        /// Where corpora and stores go (default: a new temporary folder, removed afterwards).
        #[arg(long)]
        workdir: Option<PathBuf>,
        /// The corpus seed.
        #[arg(long, default_value_t = corpus::DEFAULT_SEED)]
        seed: u64,
        /// Also write every figure as JSON to this file.
        #[arg(long)]
        summary: Option<PathBuf>,
        /// Stop a named query after this many seconds.
        #[arg(long, default_value_t = 30)]
        query_timeout: u64,
        /// Stop a named query whose process holds more than this many GiB of memory.
        #[arg(long, default_value_t = 4.0)]
        query_memory_gib: f64,
        /// Keep the stores of every size and kind (by default only the transaction store of the
        /// largest size is kept, which the named queries run on, and only when --workdir is
        /// given).
        #[arg(long)]
        keep_stores: bool,
    },
    /// One measurement in this process, printed as one JSON line (what `run` starts).
    #[command(hide = true)]
    Measure {
        #[arg(value_enum)]
        kind: Kind,
        #[arg(long)]
        jsonl: PathBuf,
        #[arg(long)]
        store: Option<PathBuf>,
        #[arg(long)]
        nquads: Option<PathBuf>,
        #[arg(long, default_value_t = 30)]
        query_timeout: u64,
        /// For `queries`: only this named query.
        #[arg(long)]
        query: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    /// Every article through `pipeline::process` on one thread, the corpus in memory first.
    Extract1,
    /// The same on all cores (rayon).
    ExtractAll,
    /// `negograph ingest --no-bulk` of the JSON Lines: each document in its own transaction.
    IngestTx,
    /// `negograph ingest --bulk` of the JSON Lines: Oxigraph's bulk loader, whole documents in
    /// each commit.
    IngestBulk,
    /// The same with `--max-open-files 64`: RocksDB keeps at most 64 of the store's files (and
    /// their indexes) open.
    IngestBulkBounded,
    /// The corpus's N-Quads (written by `nquads`) through Oxigraph's bulk loader.
    LoadNquads,
    /// Extraction and N-Quads serialisation (what `nquads` does).
    Nquads,
    /// Every named query, unbound, on a store.
    Queries,
    /// Extraction on one thread, timed stage by stage.
    Stages,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Extract1 => "extract, 1 thread",
            Kind::ExtractAll => "extract, all cores",
            Kind::IngestTx => "ingest --no-bulk (tx per doc)",
            Kind::IngestBulk => "ingest --bulk (atomic commits)",
            Kind::IngestBulkBounded => "ingest --bulk --max-open-files 64",
            Kind::LoadNquads => "oxigraph bulk load of N-Quads",
            Kind::Nquads => "extract + write N-Quads",
            Kind::Queries => "named queries",
            Kind::Stages => "extract by stage, 1 thread",
        }
    }
}

/// What one measurement reports.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Figures {
    secs: f64,
    articles: u64,
    sentences: u64,
    bytes: u64,
    quads: u64,
    /// Peak resident memory of the measuring process (VmHWM), in KiB.
    peak_kib: u64,
    /// CPU time (user + system) of the measuring process, all threads, start-up included.
    #[serde(default)]
    cpu_secs: f64,
    #[serde(default)]
    store_bytes: u64,
    /// The store's size once reopened and closed: RocksDB drops the write-ahead log it no longer needs.
    #[serde(default)]
    store_bytes_reopened: u64,
    #[serde(default)]
    queries: Vec<QueryTime>,
    /// Seconds spent in each stage of the extractor, in pipeline order.
    #[serde(default)]
    stages: Vec<(String, f64)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct QueryTime {
    name: String,
    secs: f64,
    rows: Option<usize>,
    error: Option<String>,
    #[serde(default)]
    peak_kib: u64,
}

fn main() -> ExitCode {
    negograph::store::return_freed_memory();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("negograph-bench: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Cmd::Generate {
            articles,
            jsonl,
            dir,
            seed,
        } => {
            let lexicon = Lexicon::builtin()?;
            let generator = Generator::new(&lexicon, seed);
            let written = match (jsonl, dir) {
                (Some(path), _) => generate_jsonl(&generator, articles, &path)?,
                (None, Some(dir)) => corpus::write_dir(&generator, articles, &dir)?,
                (None, None) => bail!("give --jsonl FILE or --dir DIR"),
            };
            eprintln!(
                "{} articles, {:.1} MB",
                written.articles,
                written.bytes as f64 / 1e6
            );
            Ok(())
        }
        Cmd::Nquads { jsonl, output } => {
            let f = write_nquads(&jsonl, &output)?;
            eprintln!(
                "{} documents, {} quads written to {}",
                f.articles,
                f.quads,
                output.display()
            );
            Ok(())
        }
        Cmd::Measure {
            kind,
            jsonl,
            store,
            nquads,
            query_timeout,
            query,
        } => {
            let mut f = measure(
                kind,
                &jsonl,
                store.as_deref(),
                nquads.as_deref(),
                Duration::from_secs(query_timeout),
                query.as_deref(),
            )?;
            f.peak_kib = peak_kib();
            f.cpu_secs = cpu_secs();
            println!("{}", serde_json::to_string(&f)?);
            Ok(())
        }
        Cmd::Run {
            sizes,
            workdir,
            seed,
            summary,
            query_timeout,
            query_memory_gib,
            keep_stores,
        } => bench(
            &sizes,
            workdir,
            seed,
            summary.as_deref(),
            (query_timeout, query_memory_gib),
            keep_stores,
        ),
    }
}

fn generate_jsonl(generator: &Generator, n: u64, path: &Path) -> Result<corpus::Written> {
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::new(file);
    let written = corpus::write_jsonl(generator, n, &mut out)
        .with_context(|| format!("cannot write {}", path.display()))?;
    out.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(written)
}

// ------------------------------------------------------------------------------------------------
// Measurements, each in its own process.

/// VmHWM of this process, in KiB.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// User and system CPU time of this process so far, in seconds (Linux reports it in ticks of
/// 1/100 s on every platform Rust targets).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The command name may hold spaces; the fields after it are fixed.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn read_corpus(path: &Path) -> Result<Vec<Article>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(input::read(
        &bytes,
        input::Format::JsonLines,
        &path.display().to_string(),
    )?)
}

/// Articles of a JSON Lines file, `chunk` at a time, without holding the file in memory.
struct Chunks {
    lines: std::io::Lines<BufReader<std::fs::File>>,
    origin: String,
    line_no: usize,
    chunk: usize,
}

impl Chunks {
    fn open(path: &Path, chunk: usize) -> Result<Chunks> {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        Ok(Chunks {
            lines: BufReader::with_capacity(1 << 20, file).lines(),
            origin: path.display().to_string(),
            line_no: 0,
            chunk,
        })
    }
}

impl Iterator for Chunks {
    type Item = Result<Vec<Article>>;
    fn next(&mut self) -> Option<Self::Item> {
        let mut out = Vec::with_capacity(self.chunk);
        while out.len() < self.chunk {
            let line = match self.lines.next() {
                None => break,
                Some(Ok(l)) => l,
                Some(Err(e)) => {
                    return Some(Err(
                        anyhow::Error::new(e).context(format!("cannot read {}", self.origin))
                    ))
                }
            };
            self.line_no += 1;
            if line.trim().is_empty() {
                continue;
            }
            match input::parse_json_line(&line, &self.origin, self.line_no) {
                Ok(a) => out.push(a),
                Err(e) => return Some(Err(e.into())),
            }
        }
        if out.is_empty() {
            None
        } else {
            Some(Ok(out))
        }
    }
}

/// One extracted document on its way to the store.
struct Doc {
    quads: Vec<Quad>,
    sentences: usize,
    bytes: usize,
}

fn extract_doc(a: &Article, lexicon: &Lexicon, options: &Options) -> Doc {
    let (x, quads) = pipeline::process(a, lexicon, options);
    Doc {
        quads,
        sentences: x.sentences.len(),
        bytes: a.text.len(),
    }
}

const CHUNK: usize = 256;

/// The store files `ingest-bulk-bounded` keeps open.
const BOUNDED_OPEN_FILES: u32 = 64;

/// Streams the corpus in chunks extracted on all cores, in order, through a channel of two
/// chunks: extraction of the next chunk overlaps the writing of this one, and memory stays bounded.
fn extracted_chunks(
    path: &Path,
    lexicon: &Lexicon,
    scope_fn: impl FnOnce(mpsc::Receiver<Result<Vec<Doc>>>) -> Result<()>,
) -> Result<()> {
    let options = Options::default();
    let chunks = Chunks::open(path, CHUNK)?;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<Result<Vec<Doc>>>(2);
        let producer = scope.spawn(move || {
            for chunk in chunks {
                let docs = chunk.map(|articles| {
                    articles
                        .par_iter()
                        .map(|a| extract_doc(a, lexicon, &options))
                        .collect()
                });
                let failed = docs.is_err();
                if tx.send(docs).is_err() || failed {
                    break;
                }
            }
        });
        let result = scope_fn(rx);
        producer
            .join()
            .map_err(|_| anyhow::anyhow!("extraction thread panicked"))?;
        result
    })
}

fn measure(
    kind: Kind,
    jsonl: &Path,
    store: Option<&Path>,
    nquads: Option<&Path>,
    query_timeout: Duration,
    only: Option<&str>,
) -> Result<Figures> {
    let lexicon = Lexicon::builtin()?;
    let need_store = || store.context("this measurement needs --store");
    let need_nquads = || nquads.context("this measurement needs --nquads");
    match kind {
        Kind::Extract1 | Kind::ExtractAll => measure_extraction(kind, jsonl, &lexicon),
        Kind::IngestTx | Kind::IngestBulk | Kind::IngestBulkBounded => {
            measure_ingest(kind, jsonl, need_store()?, &lexicon)
        }
        Kind::LoadNquads => measure_load(need_store()?, need_nquads()?),
        Kind::Nquads => {
            let start = Instant::now();
            let mut f = write_nquads(jsonl, need_nquads()?)?;
            f.secs = start.elapsed().as_secs_f64();
            Ok(f)
        }
        Kind::Stages => measure_stages(jsonl, &lexicon),
        Kind::Queries => measure_queries(need_store()?, query_timeout, only),
    }
}

/// Text to quads for every article, on one thread or all, the corpus read into memory first.
fn measure_extraction(kind: Kind, jsonl: &Path, lexicon: &Lexicon) -> Result<Figures> {
    let options = Options::default();
    let mut f = Figures::default();
    let articles = read_corpus(jsonl)?;
    let start = Instant::now();
    let sums = |a: &Article| {
        let (x, quads) = pipeline::process(a, lexicon, &options);
        (
            1u64,
            x.sentences.len() as u64,
            a.text.len() as u64,
            quads.len() as u64,
        )
    };
    let add = |p: (u64, u64, u64, u64), q: (u64, u64, u64, u64)| {
        (p.0 + q.0, p.1 + q.1, p.2 + q.2, p.3 + q.3)
    };
    let (n, s, b, q) = if kind == Kind::Extract1 {
        articles.iter().map(sums).fold((0, 0, 0, 0), add)
    } else {
        articles.par_iter().map(sums).reduce(|| (0, 0, 0, 0), add)
    };
    f.secs = start.elapsed().as_secs_f64();
    (f.articles, f.sentences, f.bytes, f.quads) = (n, s, b, q);
    Ok(f)
}

/// What `negograph ingest --no-bulk` / `--bulk` does with one JSON Lines file.
fn measure_ingest(kind: Kind, jsonl: &Path, path: &Path, lexicon: &Lexicon) -> Result<Figures> {
    let options = Options::default();
    let mut f = Figures::default();
    let start = Instant::now();
    let store = Store::open_with(
        path,
        (kind == Kind::IngestBulkBounded).then_some(BOUNDED_OPEN_FILES),
    )?;
    let sources = [pipeline::Source::File(jsonl.to_path_buf())];
    let ingest = pipeline::IngestOptions::default();
    let quiet = |_: pipeline::Event| {};
    let mut summary = pipeline::Summary::default();
    if kind == Kind::IngestTx {
        pipeline::ingest_sources(
            &store,
            &sources,
            lexicon,
            &options,
            &ingest,
            &quiet,
            &mut summary,
        )?;
    } else {
        let writer = BulkWriter::new(&store, BulkOptions::default());
        pipeline::ingest_sources(
            &writer,
            &sources,
            lexicon,
            &options,
            &ingest,
            &quiet,
            &mut summary,
        )?;
        writer.finish()?;
    }
    store.flush()?;
    drop(store);
    f.secs = start.elapsed().as_secs_f64();
    f.articles = summary.documents_new as u64;
    f.sentences = summary.sentences as u64;
    f.bytes = summary.bytes as u64;
    f.quads = summary.triples as u64;
    Ok(f)
}

/// Oxigraph's own bulk load of the same quads as N-Quads.
fn measure_load(path: &Path, nq: &Path) -> Result<Figures> {
    let mut f = Figures::default();
    let start = Instant::now();
    let store = oxigraph::store::Store::open(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    let mut loader = store.bulk_loader();
    loader
        .load_from_reader(
            RdfParser::from_format(RdfFormat::NQuads),
            BufReader::new(std::fs::File::open(nq)?),
        )
        .with_context(|| format!("cannot load {}", nq.display()))?;
    loader.commit()?;
    store.flush()?;
    f.quads = store.len()? as u64;
    drop(store);
    f.secs = start.elapsed().as_secs_f64();
    f.bytes = std::fs::metadata(nq)?.len();
    Ok(f)
}

/// Extraction by stage ([`Stage`]), then the mapping to quads, one thread.
fn measure_stages(jsonl: &Path, lexicon: &Lexicon) -> Result<Figures> {
    use negograph::extract::Stage;
    let options = Options::default();
    let mut f = Figures::default();
    let articles = read_corpus(jsonl)?;
    let mapping_lap = Stage::ALL.len();
    let mut spent = vec![Duration::ZERO; mapping_lap + 1];
    for a in &articles {
        let mut t = Instant::now();
        let mut lap = |i: usize| {
            let now = Instant::now();
            spent[i] += now - t;
            t = now;
        };
        let mut done = |s: Stage| lap(s as usize);
        let (x, _) = negograph::extract::extract_staged(a, lexicon, &options, &mut done);
        let quads = mapping::quads(&x, lexicon);
        lap(mapping_lap);
        f.sentences += x.sentences.len() as u64;
        f.quads += quads.len() as u64;
        f.articles += 1;
        f.bytes += a.text.len() as u64;
    }
    let names = Stage::ALL
        .iter()
        .map(|s| s.name())
        .chain(["mapping (quads)"]);
    f.secs = spent.iter().map(Duration::as_secs_f64).sum();
    f.stages = names
        .zip(spent)
        .map(|(n, d)| (n.to_string(), d.as_secs_f64()))
        .collect();
    Ok(f)
}

/// Every named query (or `only` one), unbound, on the store.
fn measure_queries(path: &Path, query_timeout: Duration, only: Option<&str>) -> Result<Figures> {
    let mut f = Figures::default();
    let store = Store::open_read_only(path)?;
    let start = Instant::now();
    for q in query::named_queries()
        .into_iter()
        .filter(|q| only.is_none_or(|o| o == q.name))
    {
        let t = Instant::now();
        let outcome = query::run(
            &store,
            q.text,
            &[],
            ResultsFormat::Csv,
            Some(query_timeout),
            std::io::sink(),
        );
        let secs = t.elapsed().as_secs_f64();
        let (rows, error) = match outcome {
            Ok(query::Outcome::Rows(n) | query::Outcome::Triples(n)) => (Some(n), None),
            Ok(query::Outcome::Boolean(b)) => (Some(usize::from(b)), None),
            Err(e) => (None, Some(e.to_string())),
        };
        f.queries.push(QueryTime {
            name: q.name.to_string(),
            secs,
            rows,
            error,
            peak_kib: 0,
        });
    }
    f.secs = start.elapsed().as_secs_f64();
    f.quads = store.len()? as u64;
    Ok(f)
}

/// Extracts every article of `jsonl` (all cores, in order) and writes the quads as N-Quads.
fn write_nquads(jsonl: &Path, output: &Path) -> Result<Figures> {
    let lexicon = Lexicon::builtin()?;
    let file = std::fs::File::create(output)
        .with_context(|| format!("cannot create {}", output.display()))?;
    let mut ser = RdfSerializer::from_format(RdfFormat::NQuads)
        .for_writer(BufWriter::with_capacity(1 << 20, file));
    let mut f = Figures::default();
    extracted_chunks(jsonl, &lexicon, |rx| {
        for docs in rx {
            for d in docs? {
                f.articles += 1;
                f.sentences += d.sentences as u64;
                f.bytes += d.bytes as u64;
                f.quads += d.quads.len() as u64;
                for q in &d.quads {
                    ser.serialize_quad(q)?;
                }
            }
        }
        Ok(())
    })?;
    ser.finish()?
        .flush()
        .with_context(|| format!("cannot write {}", output.display()))?;
    Ok(f)
}

// ------------------------------------------------------------------------------------------------
// The benchmark: children, table, summary.

#[derive(Debug, Clone, Serialize)]
struct Row {
    size: u64,
    kind: Kind,
    label: String,
    figures: Figures,
}

#[derive(Debug, Serialize)]
struct Summary {
    machine: Machine,
    seed: u64,
    lexicon_version: String,
    rows: Vec<Row>,
}

#[derive(Debug, Clone, Serialize)]
struct Machine {
    cores: usize,
    cpu: String,
    memory_gib: f64,
    os: String,
    /// The 1-minute load average when the run started: other work on the machine skews wall times.
    load: String,
}

fn machine() -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .and_then(|v| v.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_kib: f64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    let os = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| format!("Linux {}", s.trim()))
        .unwrap_or_default();
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    Machine {
        load,
        cores: std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        cpu,
        memory_gib: mem_kib / (1024.0 * 1024.0),
        os,
    }
}

fn dir_size(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// The program the measurements run: a copy made when the run starts, so that a rebuild of
/// negograph-bench during a run changes nothing.
static EXE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

fn measuring_exe() -> Result<PathBuf> {
    match EXE.get() {
        Some(p) => Ok(p.clone()),
        None => std::env::current_exe().context("cannot find this program's path"),
    }
}

fn child(
    kind: Kind,
    jsonl: &Path,
    store: Option<&Path>,
    nquads: Option<&Path>,
    query_timeout: u64,
) -> Result<Figures> {
    let exe = measuring_exe()?;
    let mut cmd = Command::new(exe);
    cmd.arg("measure").arg(
        kind.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default(),
    );
    cmd.arg("--jsonl")
        .arg(jsonl)
        .arg("--query-timeout")
        .arg(query_timeout.to_string());
    if let Some(s) = store {
        cmd.arg("--store").arg(s);
    }
    if let Some(n) = nquads {
        cmd.arg("--nquads").arg(n);
    }
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .context("cannot start a measurement")?;
    if !out.status.success() {
        bail!("measurement {:?} failed ({})", kind.label(), out.status);
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().last().unwrap_or_default();
    serde_json::from_str(line)
        .with_context(|| format!("measurement {:?} printed {line:?}", kind.label()))
}

/// Every named query in a process of its own, watched: one that runs past the timeout or holds
/// more memory than the limit is stopped and reported so.
fn query_children(
    jsonl: &Path,
    store: &Path,
    (timeout, memory_gib): (u64, f64),
) -> Result<Figures> {
    let exe = measuring_exe()?;
    let limit_kib = (memory_gib * 1024.0 * 1024.0) as u64;
    let mut all = Figures::default();
    for q in query::named_queries() {
        let mut cmd = Command::new(&exe);
        cmd.args(["measure", "queries", "--query", q.name, "--query-timeout"])
            .arg(timeout.to_string());
        cmd.arg("--jsonl").arg(jsonl).arg("--store").arg(store);
        let mut proc = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .context("cannot start a query")?;
        let start = Instant::now();
        let mut stopped = None;
        let mut peak = 0;
        loop {
            if proc.try_wait()?.is_some() {
                break;
            }
            let rss = std::fs::read_to_string(format!("/proc/{}/status", proc.id()))
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find_map(|l| l.strip_prefix("VmRSS:"))
                        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                })
                .unwrap_or(0);
            peak = peak.max(rss);
            if rss > limit_kib {
                stopped = Some(format!(
                    "stopped: memory above {memory_gib} GiB after {:.1} s",
                    start.elapsed().as_secs_f64()
                ));
            } else if start.elapsed() > Duration::from_secs(timeout + 10) {
                stopped = Some(format!("stopped after {timeout} s"));
            }
            if stopped.is_some() {
                let _ = proc.kill();
                let _ = proc.wait();
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let secs = start.elapsed().as_secs_f64();
        let out = proc.wait_with_output()?;
        let t = match stopped {
            Some(e) => QueryTime {
                name: q.name.to_string(),
                secs,
                rows: None,
                error: Some(e),
                peak_kib: peak,
            },
            None => {
                let text = String::from_utf8_lossy(&out.stdout);
                let f: Figures = serde_json::from_str(text.lines().last().unwrap_or_default())
                    .with_context(|| format!("query {} printed {text:?}", q.name))?;
                all.quads = f.quads;
                peak = peak.max(f.peak_kib);
                let mut t = f
                    .queries
                    .into_iter()
                    .next()
                    .with_context(|| format!("query {} reported nothing", q.name))?;
                t.peak_kib = peak;
                t
            }
        };
        eprintln!(
            "  {}: {:.3} s, peak {} MiB{}",
            t.name,
            t.secs,
            peak / 1024,
            t.error
                .as_deref()
                .map(|e| format!(" ({e})"))
                .unwrap_or_default()
        );
        all.peak_kib = all.peak_kib.max(peak);
        all.secs += t.secs;
        all.queries.push(t);
    }
    Ok(all)
}

fn bench(
    sizes: &[u64],
    workdir: Option<PathBuf>,
    seed: u64,
    summary_path: Option<&Path>,
    query_limits: (u64, f64),
    keep_stores: bool,
) -> Result<()> {
    if sizes.is_empty() {
        bail!("--sizes is empty");
    }
    let temp;
    let (work, temporary) = match workdir {
        Some(w) => (w, false),
        None => {
            temp = std::env::temp_dir().join(format!("negograph-bench-{}", std::process::id()));
            (temp, true)
        }
    };
    std::fs::create_dir_all(&work).with_context(|| format!("cannot create {}", work.display()))?;
    let exe_copy = work.join(format!(".negograph-bench-{}", std::process::id()));
    let exe = std::env::current_exe().context("cannot find this program's path")?;
    std::fs::copy(&exe, &exe_copy)
        .with_context(|| format!("cannot copy {} to {}", exe.display(), exe_copy.display()))?;
    let _ = EXE.set(exe_copy.clone());
    let result = bench_in(
        sizes,
        &work,
        seed,
        summary_path,
        query_limits,
        keep_stores,
        temporary,
    );
    let _ = std::fs::remove_file(&exe_copy);
    if temporary {
        let _ = std::fs::remove_dir_all(&work);
    }
    result
}

fn bench_in(
    sizes: &[u64],
    work: &Path,
    seed: u64,
    summary_path: Option<&Path>,
    query_limits: (u64, f64),
    keep_stores: bool,
    temporary: bool,
) -> Result<()> {
    let lexicon = Lexicon::builtin()?;
    let m = machine();
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "negograph-bench {}  lexicon {}  seed {seed}",
        env!("CARGO_PKG_VERSION"),
        lexicon.version
    )?;
    writeln!(
        stdout,
        "machine: {} cores ({}), {:.1} GiB memory, {}; load average at start {}",
        m.cores, m.cpu, m.memory_gib, m.os, m.load
    )?;
    writeln!(stdout, "workdir: {}", work.display())?;
    writeln!(stdout)?;
    stdout.flush()?;

    let generator = Generator::new(&lexicon, seed);
    let rows = measure_sizes(
        sizes,
        work,
        &generator,
        query_limits,
        keep_stores,
        temporary,
    )?;
    write_table(&mut stdout, &rows, m.cores)?;
    write_stages(&mut stdout, &rows)?;
    write_queries(&mut stdout, &rows)?;
    write_targets(&mut stdout, sizes, &rows)?;
    stdout.flush()?;

    if let Some(p) = summary_path {
        let s = Summary {
            machine: m,
            seed,
            lexicon_version: lexicon.version.clone(),
            rows,
        };
        std::fs::write(p, serde_json::to_string_pretty(&s)?)
            .with_context(|| format!("cannot write {}", p.display()))?;
    }
    Ok(())
}

/// Runs every measurement on each size of corpus (generated into `work`), in children.
fn measure_sizes(
    sizes: &[u64],
    work: &Path,
    generator: &Generator,
    query_limits: (u64, f64),
    keep_stores: bool,
    temporary: bool,
) -> Result<Vec<Row>> {
    let query_timeout = query_limits.0;
    let mut rows: Vec<Row> = Vec::new();
    let largest = *sizes.iter().max().unwrap_or(&0);
    let smallest = *sizes.iter().min().unwrap_or(&0);
    for &size in sizes {
        let jsonl = work.join(format!("corpus-{size}.jsonl"));
        let nq = work.join(format!("corpus-{size}.nq"));
        let t = Instant::now();
        let written = generate_jsonl(generator, size, &jsonl)?;
        eprintln!(
            "[{size}] generated {} articles, {:.1} MB in {:.1} s",
            written.articles,
            written.bytes as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
        let mut measured =
            |kind: Kind, store: Option<&Path>, nquads: Option<&Path>| -> Result<Figures> {
                if let Some(s) = store {
                    if s.exists() {
                        std::fs::remove_dir_all(s)
                            .with_context(|| format!("cannot remove {}", s.display()))?;
                    }
                }
                let mut f = child(kind, &jsonl, store, nquads, query_timeout)?;
                if let (Some(s), true) = (store, kind != Kind::Queries) {
                    f.store_bytes = dir_size(s);
                    drop(Store::open(s).with_context(|| format!("cannot reopen {}", s.display()))?);
                    f.store_bytes_reopened = dir_size(s);
                }
                eprintln!(
                    "[{size}] {}: {:.2} s, peak {} MiB",
                    kind.label(),
                    f.secs,
                    f.peak_kib / 1024
                );
                rows.push(Row {
                    size,
                    kind,
                    label: kind.label().to_string(),
                    figures: f.clone(),
                });
                Ok(f)
            };
        if size == smallest {
            measured(Kind::Stages, None, None)?;
        }
        measured(Kind::Extract1, None, None)?;
        measured(Kind::ExtractAll, None, None)?;
        let tx_store = work.join(format!("store-tx-{size}"));
        let bulk_store = work.join(format!("store-bulk-{size}"));
        let nq_store = work.join(format!("store-nq-{size}"));
        measured(Kind::IngestTx, Some(&tx_store), None)?;
        measured(Kind::IngestBulk, Some(&bulk_store), None)?;
        // The stores below hold the same quads as the one the queries run on: unless they are
        // to be kept, only their figures are, which saves disk (12 GB each at 100,000).
        if !keep_stores {
            remove_quietly(&bulk_store);
        }
        let bounded_store = work.join(format!("store-bounded-{size}"));
        measured(Kind::IngestBulkBounded, Some(&bounded_store), None)?;
        remove_quietly(&bounded_store);
        measured(Kind::Nquads, None, Some(&nq))?;
        measured(Kind::LoadNquads, Some(&nq_store), Some(&nq))?;
        if !keep_stores {
            remove_quietly(&nq_store);
        }
        if size == largest {
            let f = query_children(&jsonl, &tx_store, query_limits)?;
            eprintln!("[{size}] named queries: {:.2} s", f.secs);
            rows.push(Row {
                size,
                kind: Kind::Queries,
                label: Kind::Queries.label().to_string(),
                figures: f,
            });
        }
        if !(keep_stores || (size == largest && !temporary)) {
            for s in [&tx_store, &bulk_store, &nq_store] {
                remove_quietly(s);
            }
        }
    }

    Ok(rows)
}

/// Removes a store the measurements no longer need; a failure only costs disk, so it is told
/// and the run goes on.
fn remove_quietly(path: &Path) {
    if let Err(e) = std::fs::remove_dir_all(path) {
        if e.kind() != std::io::ErrorKind::NotFound {
            eprintln!("cannot remove {}: {e}", path.display());
        }
    }
}

/// `n` per second, or "-".
fn rate(n: u64, secs: f64) -> String {
    if secs > 0.0 && n > 0 {
        format!("{:.0}", n as f64 / secs)
    } else {
        "-".into()
    }
}

/// The main table: one row per size and measurement.
fn write_table(stdout: &mut impl Write, rows: &[Row], cores: usize) -> Result<()> {
    let header: Vec<String> = [
        "articles",
        "measurement",
        "seconds",
        "cpu s",
        "articles/s",
        "sentences/s",
        "sent/cpu-s",
        "MB/s",
        "triples/s",
        "peak MiB",
        "store MiB",
        "reopened MiB",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut table = Vec::new();
    for r in rows
        .iter()
        .filter(|r| !matches!(r.kind, Kind::Queries | Kind::Stages))
    {
        let f = &r.figures;
        table.push(vec![
            r.size.to_string(),
            r.label.clone(),
            format!("{:.2}", f.secs),
            format!("{:.2}", f.cpu_secs),
            rate(f.articles, f.secs),
            rate(f.sentences, f.secs),
            rate(f.sentences, f.cpu_secs),
            if f.bytes > 0 {
                format!("{:.2}", f.bytes as f64 / 1e6 / f.secs)
            } else {
                "-".into()
            },
            rate(f.quads, f.secs),
            format!("{:.0}", f.peak_kib as f64 / 1024.0),
            if f.store_bytes > 0 {
                format!("{:.1}", f.store_bytes as f64 / (1024.0 * 1024.0))
            } else {
                "-".into()
            },
            if f.store_bytes_reopened > 0 {
                format!("{:.1}", f.store_bytes_reopened as f64 / (1024.0 * 1024.0))
            } else {
                "-".into()
            },
        ]);
    }
    query::write_table(stdout, &header, &table)?;
    writeln!(
        stdout,
        "\n(seconds: wall time of the measurement alone; cpu s: CPU time of its process, all threads, start-up and \
         corpus loading included; sent/cpu-s: sentences per CPU second, the per-core rate. MB/s: megabytes of \
         article text (for the N-Quads load, of N-Quads). triples/s: quads written. store MiB: the folder right after \
         the ingest; reopened MiB: after opening and closing it once, when RocksDB has dropped its spent write-ahead log. \
         \"all cores\" = {} threads.)",
        cores
    )?;

    Ok(())
}

/// Extraction by stage, on the smallest corpus.
fn write_stages(stdout: &mut impl Write, rows: &[Row]) -> Result<()> {
    if let Some(st) = rows.iter().find(|r| r.kind == Kind::Stages) {
        let f = &st.figures;
        writeln!(
            stdout,
            "\nExtraction by stage, one thread, {}-article corpus ({} sentences):",
            st.size, f.sentences
        )?;
        let header: Vec<String> = ["stage", "seconds", "share", "sentences/s if alone"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut srows: Vec<Vec<String>> = f
            .stages
            .iter()
            .map(|(name, secs)| {
                vec![
                    name.clone(),
                    format!("{secs:.3}"),
                    format!("{:.1}%", 100.0 * secs / f.secs),
                    rate(f.sentences, *secs),
                ]
            })
            .collect();
        srows.push(vec![
            "total".into(),
            format!("{:.3}", f.secs),
            "100%".into(),
            rate(f.sentences, f.secs),
        ]);
        query::write_table(stdout, &header, &srows)?;
    }

    Ok(())
}

/// The named queries on the largest store.
fn write_queries(stdout: &mut impl Write, rows: &[Row]) -> Result<()> {
    if let Some(q) = rows.iter().find(|r| r.kind == Kind::Queries) {
        writeln!(
            stdout,
            "\nNamed queries, unbound, on the {}-article store ({} quads):",
            q.size, q.figures.quads
        )?;
        let header: Vec<String> = ["query", "seconds", "rows", "peak MiB"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let qrows: Vec<Vec<String>> = q
            .figures
            .queries
            .iter()
            .map(|t| {
                vec![
                    t.name.clone(),
                    format!("{:.3}", t.secs),
                    match (&t.rows, &t.error) {
                        (Some(n), _) => n.to_string(),
                        (None, Some(e)) => e.clone(),
                        (None, None) => "-".into(),
                    },
                    (t.peak_kib / 1024).to_string(),
                ]
            })
            .collect();
        query::write_table(stdout, &header, &qrows)?;
    }

    Ok(())
}

/// The figures against the project's targets.
fn write_targets(stdout: &mut impl Write, sizes: &[u64], rows: &[Row]) -> Result<()> {
    writeln!(stdout, "\nTargets:")?;
    for &size in sizes {
        let get = |k: Kind| {
            rows.iter()
                .find(|r| r.size == size && r.kind == k)
                .map(|r| &r.figures)
        };
        if let Some(f) = get(Kind::Extract1) {
            let per_core = f.sentences as f64 / f.secs;
            writeln!(
                stdout,
                "  [{size}] extraction {:.0} sentences/s on one core: {} the 50,000 target",
                per_core,
                if per_core >= 50_000.0 {
                    "meets"
                } else {
                    "misses"
                }
            )?;
        }
        if let (Some(tx), Some(nq)) = (get(Kind::IngestTx), get(Kind::LoadNquads)) {
            writeln!(
                stdout,
                "  [{size}] ingest --no-bulk (a transaction per document, with extraction) {:.2} s vs Oxigraph (Rust) bulk load of the same N-Quads {:.2} s: {:.2}x",
                tx.secs,
                nq.secs,
                tx.secs / nq.secs
            )?;
        }
        if let (Some(b), Some(nq)) = (get(Kind::IngestBulk), get(Kind::LoadNquads)) {
            let r = b.secs / nq.secs;
            writeln!(
                stdout,
                "  [{size}] ingest --bulk (whole documents in each atomic commit, with extraction) {:.2} s vs the same bulk load {:.2} s: {r:.2}x, {} the 1.5x target",
                b.secs,
                nq.secs,
                if r <= 1.5 { "meets" } else { "misses" }
            )?;
        }
    }
    for (kind, what) in [
        (Kind::IngestBulk, "ingest --bulk"),
        (Kind::IngestBulkBounded, "ingest --bulk --max-open-files 64"),
        (Kind::IngestTx, "ingest --no-bulk"),
    ] {
        let peaks: Vec<String> = sizes
            .iter()
            .filter_map(|&s| {
                rows.iter()
                    .find(|r| r.size == s && r.kind == kind)
                    .map(|r| format!("{s}: {} MiB", r.figures.peak_kib / 1024))
            })
            .collect();
        writeln!(
            stdout,
            "  peak memory of {what} from JSON Lines by size: {}",
            peaks.join(", ")
        )?;
    }

    Ok(())
}
