//! `negograph ingest`: articles into the store, each document whole or not at all, with a
//! progress bar on a terminal (drawn here from the pipeline's events) and a closing summary.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use negograph::backend::Backend;
use negograph::extract::Options;
use negograph::lexicon::Lexicon;
use negograph::pipeline::{self, Event, IngestError, IngestOptions, Shard, Source, Summary};
use negograph::store::{BulkOptions, BulkWriter, Store};

use super::target::Target;
use crate::cli::IngestArgs;

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let shard = args
        .shard
        .as_deref()
        .map(Shard::parse)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    if let Some(n) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot start the extraction threads")?;
    }
    let lexicon = args.options.lexicon()?;
    let options = args.options.options()?;
    let ingest = IngestOptions {
        format: args.options.input_format()?,
        strict: args.strict,
        skip_bad: args.skip_bad,
        shard,
    };
    let sources = pipeline::collect_sources(&args.paths)?;
    let target = Target::new(&args.store);
    if target.is_remote() {
        for (given, flag) in [
            (args.bulk, "--bulk"),
            (args.max_open_files.is_some(), "--max-open-files"),
        ] {
            if given {
                bail!(
                    "{flag} works on the embedded store only, not on {}",
                    target.name()
                );
            }
        }
    }
    let store = target.open_write(args.max_open_files)?;
    let total = pipeline::input_bytes(&sources);
    // The bulk loader when asked, or for large inputs; one transaction per document otherwise,
    // and always on a remote store.
    let bulk = match (args.bulk, args.no_bulk) {
        (true, _) => true,
        (_, true) => false,
        _ => store.embedded().is_some() && total >= pipeline::AUTO_BULK_BYTES,
    };
    let bar = progress_bar(total, args.quiet);
    let show = |e: Event| show(&bar, e);
    let work = Work {
        sources: &sources,
        lexicon: &lexicon,
        options: &options,
        ingest: &ingest,
        show: &show,
    };
    let mut summary = Summary::default();
    let done = match (&store, bulk) {
        (Backend::Embedded(s), true) => work.bulk(s, bulk_options(&args), &mut summary).map(Some),
        _ => work.each(&store, &mut summary).map(|()| None),
    };
    bar.finish_and_clear();
    let commits = done
        .map_err(anyhow::Error::from)
        .and_then(|c| store.flush().map(|()| c).map_err(anyhow::Error::from))
        .map_err(|e| disk_full(e, &target))?;
    eprintln!("{}", summary_line(&summary, shard, &target.name(), commits));
    Ok(if summary.files_failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What an ingest reads and how, whichever way it writes.
struct Work<'a> {
    sources: &'a [Source],
    lexicon: &'a Lexicon,
    options: &'a Options,
    ingest: &'a IngestOptions,
    show: &'a dyn Fn(Event),
}

impl Work<'_> {
    /// One transaction per document (on a remote store, one PUT).
    fn each(&self, store: &Backend, summary: &mut Summary) -> Result<(), IngestError> {
        pipeline::ingest_sources(
            store,
            self.sources,
            self.lexicon,
            self.options,
            self.ingest,
            self.show,
            summary,
        )
    }

    /// Through Oxigraph's bulk loader, whole documents in each commit; returns the commits.
    fn bulk(
        &self,
        store: &Store,
        o: BulkOptions,
        summary: &mut Summary,
    ) -> Result<usize, IngestError> {
        let writer = BulkWriter::new(store, o);
        pipeline::ingest_sources(
            &writer,
            self.sources,
            self.lexicon,
            self.options,
            self.ingest,
            self.show,
            summary,
        )?;
        writer.finish().map_err(|error| IngestError::Store {
            context: "while committing the bulk load".into(),
            error,
        })
    }
}

fn bulk_options(args: &IngestArgs) -> BulkOptions {
    let mut o = BulkOptions::default();
    if let Some(n) = args.jobs {
        o.threads = n.max(1);
    }
    if let Some(n) = args.bulk_batch {
        o.batch_quads = n;
    }
    if let Some(n) = args.bulk_commit {
        o.commit_quads = n;
        o.batch_quads = o.batch_quads.min(n);
    }
    o
}

/// Progress in bytes of input, so that one large JSON Lines file shows its rate and time left
/// as well as a folder of many files; hidden off a terminal, with --quiet, or for no bytes.
fn progress_bar(total: u64, quiet: bool) -> ProgressBar {
    if quiet || total == 0 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new(total);
    b.set_style(
        ProgressStyle::with_template(
            "{bar:30} {bytes}/{total_bytes}  {bytes_per_sec}  eta {eta}  {wide_msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    b
}

/// Draws one event of the pipeline on the bar; what was skipped goes above it, one line each.
fn show(bar: &ProgressBar, event: Event) {
    match event {
        Event::Checking(name) => bar.set_message(format!("checking the lines of {name}")),
        Event::Reading(name) => bar.set_message(name.to_string()),
        Event::Done(bytes) => bar.inc(bytes),
        Event::Skipped(e) => bar.suspend(|| eprintln!("negograph: skipped {}", chain(e))),
    }
}

/// An error and its sources, as one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(&format!(": {s}"));
        source = s.source();
    }
    text
}

fn summary_line(s: &Summary, shard: Option<Shard>, store: &str, commits: Option<usize>) -> String {
    let others = match shard {
        Some(shard) => format!(
            " ({} left to the other shards of {})",
            s.documents_other_shards, shard.count
        ),
        None => String::new(),
    };
    let how = match commits {
        Some(n) => format!(
            " through the bulk loader ({n} commit{})",
            if n == 1 { "" } else { "s" }
        ),
        None => String::new(),
    };
    format!(
        "{} files read ({} skipped): {} documents new, {} already present{others}; {} actors, {} stances, {} triples added to {store}{how}",
        s.files,
        s.files_failed,
        s.documents_new,
        s.documents_present,
        s.actors.len(),
        s.stances,
        s.triples,
    )
}

/// An ingest stopped by a full disk says so first, with the store and the space left on its
/// filesystem, and what to do.
fn disk_full(e: anyhow::Error, target: &Target) -> anyhow::Error {
    let full = e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::StorageFull)
            || c.to_string().contains("No space left on device")
    });
    if !full || target.is_remote() {
        return e;
    }
    let name = target.name();
    let free = free_bytes(std::path::Path::new(&name))
        .map(|b| format!("{:.1} MB free on its filesystem now", b as f64 / 1e6))
        .unwrap_or_else(|| "the space left on its filesystem unknown".into());
    e.context(format!(
        "store {name} ran out of disk space ({free}): free some space and run the same ingest again; every document stored so far is whole, and the rerun adds the rest"
    ))
}

/// The bytes an unprivileged process may still write on the filesystem of `path`.
fn free_bytes(path: &std::path::Path) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
        let mut st = std::mem::MaybeUninit::<libc::statvfs>::uninit();
        // SAFETY: statvfs writes the struct it is given and reads the NUL-terminated path.
        if unsafe { libc::statvfs(c.as_ptr(), st.as_mut_ptr()) } != 0 {
            return None;
        }
        // SAFETY: statvfs returned 0, so it filled the struct.
        let st = unsafe { st.assume_init() };
        // Both fields are u64 on 64-bit Linux, where clippy finds the conversions useless, but
        // u32 on others (fsblkcnt_t on macOS, c_ulong on 32-bit targets); `from` compiles only
        // where it loses nothing, which `as` would not check.
        #[allow(clippy::useless_conversion)]
        let bytes = u64::from(st.f_bavail) * u64::from(st.f_frsize);
        Some(bytes)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}
