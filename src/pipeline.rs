//! From paths to the store: walking folders, reading each file into articles, extracting them and
//! adding each document's graph in one transaction. Files that cannot be read are reported and
//! skipped; nothing of a file is written unless all of it was read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use oxigraph::model::Quad;

use crate::backend::DocumentStore;
use crate::extract::{self, Extraction, Options};
use crate::input::{self, Article, Format, InputError, JsonLineError};
use crate::lexicon::Lexicon;
use crate::mapping::{self, Mapped};
use crate::store::StoreError;

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl Source {
    /// A path given on the command line: `-` is standard input.
    pub fn from_arg(path: &Path) -> Source {
        if path.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(path.to_path_buf())
        }
    }

    pub fn name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "-".to_string(),
        }
    }
}

/// Files named on the command line, folders walked recursively (hidden files skipped), sorted.
pub fn collect_sources(paths: &[PathBuf]) -> Result<Vec<Source>, std::io::Error> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta = std::fs::metadata(p)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
        if meta.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .follow_links(true)
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                })
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| !is_sidecar(p))
                .collect();
            files.sort();
            out.extend(files.into_iter().map(Source::File));
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    Ok(out)
}

/// Gold annotations and other JSON beside the articles are not articles.
fn is_sidecar(p: &Path) -> bool {
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "json" | "rq" | "ttl" | "nt" | "nq" | "trig" | "rdf" | "owl"
    ) || p
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("readme.md"))
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(String, #[source] std::io::Error),
    #[error(transparent)]
    Input(#[from] InputError),
}

/// Reads one source into articles.
pub fn read_source(source: &Source, format: Option<Format>) -> Result<Vec<Article>, ReadError> {
    let (bytes, origin) = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
                .map_err(|e| ReadError::Io("-".into(), e))?;
            (buf, "-".to_string())
        }
        Source::File(p) => {
            let origin = p.display().to_string();
            // A file read as one article is refused unread when it is too large (JSON Lines,
            // many articles, streams in `ingest`).
            if format.unwrap_or(Format::from_path(p)) != Format::JsonLines {
                let len = std::fs::metadata(p)
                    .map_err(|e| ReadError::Io(origin.clone(), e))?
                    .len();
                if len > input::MAX_FILE_BYTES {
                    return Err(InputError::FileTooLarge { origin, bytes: len }.into());
                }
            }
            (
                std::fs::read(p).map_err(|e| ReadError::Io(origin.clone(), e))?,
                origin,
            )
        }
    };
    let format = format.unwrap_or_else(|| match source {
        Source::File(p) => {
            let f = Format::from_path(p);
            if f == Format::Text {
                Format::sniff(&bytes).max_text()
            } else {
                f
            }
        }
        Source::Stdin => Format::sniff(&bytes),
    });
    Ok(input::read(&bytes, format, &origin)?)
}

impl Format {
    /// A `.txt` file is read as text even when it starts with `<` or `{`, but front matter counts.
    fn max_text(self) -> Format {
        match self {
            Format::Markdown => Format::Markdown,
            _ => Format::Text,
        }
    }
}

/// One article through the extractor and the mapping, as `extract` writes it (self-contained).
pub fn process(article: &Article, lexicon: &Lexicon, options: &Options) -> (Extraction, Vec<Quad>) {
    let x = extract::extract(article, lexicon, options);
    let quads = mapping::quads(&x, lexicon);
    (x, quads)
}

#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub files: usize,
    pub files_failed: usize,
    pub documents_new: usize,
    pub documents_present: usize,
    /// Articles left to other machines by `--shard`.
    pub documents_other_shards: usize,
    pub actors: BTreeSet<String>,
    pub stances: usize,
    pub triples: usize,
    /// Sentences and bytes of text of the new documents.
    pub sentences: usize,
    pub bytes: usize,
}

/// Adds a batch of articles to the store: documents already present (same text hash) are
/// skipped without extracting them, the others are extracted in parallel on rayon's pool, and
/// then handed to the store one by one, in the order of the batch: each in its own transaction,
/// or, through a [`crate::store::BulkWriter`], to the bulk loader, whose commits hold whole
/// documents.
pub fn ingest_articles<S: DocumentStore + ?Sized>(
    store: &S,
    articles: &[Article],
    lexicon: &Lexicon,
    options: &Options,
    summary: &mut Summary,
) -> Result<(), StoreError> {
    use rayon::prelude::*;
    use sha2::{Digest, Sha256};
    let mut todo: Vec<(&Article, String)> = Vec::new();
    for a in articles {
        let graph = mapping::document_iri(&format!("{:x}", Sha256::digest(a.text.as_bytes())));
        if store.contains_graph(&graph)? || todo.iter().any(|(_, g)| *g == graph) {
            summary.documents_present += 1;
        } else {
            todo.push((a, graph));
        }
    }
    let done: Vec<(Extraction, Mapped)> = todo
        .par_iter()
        .map(|(a, _)| {
            let x = extract::extract(a, lexicon, options);
            let mapped = mapping::stored(&x, lexicon);
            (x, mapped)
        })
        .collect();
    let mentioned = crate::vocab::neg("mentionedIn");
    for ((article, graph), (x, mapped)) in todo.iter().zip(done) {
        let actors: Vec<String> = mapped
            .document
            .iter()
            .filter(|q| q.predicate.as_str() == mentioned)
            .map(|q| q.subject.to_string())
            .collect();
        if let Some(triples) = store.add_document(graph, mapped)? {
            summary.documents_new += 1;
            summary.triples += triples;
            summary.stances += x.stances.len();
            summary.sentences += x.sentences.len();
            summary.bytes += article.text.len();
            summary.actors.extend(actors);
        } else {
            summary.documents_present += 1;
        }
    }
    Ok(())
}

/// What `ingest` does besides the store and the extraction.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// The input format instead of guessing it from each file's name.
    pub format: Option<Format>,
    /// Stop at the first unreadable file instead of skipping it.
    pub strict: bool,
    /// In JSON Lines, skip malformed lines instead of refusing the file.
    pub skip_bad: bool,
    pub shard: Option<Shard>,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A file could not be read, with `strict`.
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{context}")]
    Store {
        context: String,
        #[source]
        error: StoreError,
    },
}

/// From this many bytes of input files on, `ingest` writes through the bulk loader (about 1,400
/// generated news articles); below it, one transaction per document, which costs about 9 ms a
/// document, so under 15 s, and makes each document visible to readers as soon as it is written.
pub const AUTO_BULK_BYTES: u64 = 4_000_000;

/// The bytes of the files among `sources` (standard input counts nothing).
pub fn input_bytes(sources: &[Source]) -> u64 {
    sources
        .iter()
        .map(|s| match s {
            Source::File(p) => std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
            Source::Stdin => 0,
        })
        .sum()
}

/// Articles read from files and folders are extracted together in batches of this many. A batch's
/// quads are all in memory before they go to the store (about 400 an article of news, 80 KB), so
/// it is kept small: enough to keep every core busy, not so many that a batch outweighs the bulk
/// loader's own.
pub const BATCH: usize = 64;

/// What an ingest tells as it goes, for whoever shows its progress.
#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    /// Every line of this JSON Lines file is being checked before any of it is written.
    Checking(&'a str),
    /// This source is being read and its articles extracted.
    Reading(&'a str),
    /// This many more bytes of the input files are done.
    Done(u64),
    /// A file, or a line of JSON Lines, was skipped, for this reason.
    Skipped(&'a (dyn std::error::Error + 'static)),
}

/// The `ingest` command on any store: reads `sources` in order (JSON Lines streamed in batches,
/// other files gathered into batches of [`BATCH`] articles) and adds their documents through
/// [`ingest_articles`]. Unreadable files are told to `on` and counted in `summary` (or, with
/// `strict`, stop the ingest); `on` also hears the bytes of the files read (of JSON Lines, a
/// batch of lines at a time, once stored).
pub fn ingest_sources<S: DocumentStore + ?Sized>(
    store: &S,
    sources: &[Source],
    lexicon: &Lexicon,
    options: &Options,
    ingest: &IngestOptions,
    on: &dyn Fn(Event),
    summary: &mut Summary,
) -> Result<(), IngestError> {
    let stored = |context: String| move |error: StoreError| IngestError::Store { context, error };
    // Files are read in chunks whose articles are extracted together on all threads.
    let mut pending: Vec<Article> = Vec::new();
    // With --shard, the articles of the other parts are dropped before extraction.
    let keep = |batch: Vec<Article>, summary: &mut Summary| match ingest.shard {
        None => batch,
        Some(s) => {
            let n = batch.len();
            let kept: Vec<_> = batch.into_iter().filter(|a| s.contains(a)).collect();
            summary.documents_other_shards += n - kept.len();
            kept
        }
    };
    let flush = |pending: &mut Vec<Article>, summary: &mut Summary| {
        let batch = keep(std::mem::take(pending), summary);
        ingest_articles(store, &batch, lexicon, options, summary)
    };
    for source in sources {
        summary.files += 1;
        let jsonl = match source {
            Source::File(p) => ingest.format.unwrap_or(Format::from_path(p)) == Format::JsonLines,
            Source::Stdin => false,
        };
        if let (Source::File(path), true) = (source, jsonl) {
            flush(&mut pending, summary).map_err(stored(format!(
                "while storing the articles before {}",
                source.name()
            )))?;
            // JSON Lines stream in batches: memory stays flat whatever the file's size.
            let name = source.name();
            on(Event::Checking(&name));
            let streamed = stream_json_lines(
                path,
                BATCH,
                ingest.skip_bad,
                |batch, bytes| {
                    on(Event::Reading(&name));
                    let batch = keep(batch, summary);
                    let stored = ingest_articles(store, &batch, lexicon, options, summary);
                    on(Event::Done(bytes as u64));
                    stored
                },
                |e| on(Event::Skipped(e)),
            );
            match streamed {
                Ok(_) => {}
                Err(StreamError::Store(e)) => {
                    return Err(stored(format!("while storing {}", source.name()))(e))
                }
                Err(StreamError::Read(e)) => {
                    if ingest.strict {
                        return Err(e.into());
                    }
                    on(Event::Skipped(&e));
                    summary.files_failed += 1;
                }
            }
            continue;
        }
        if let Source::File(p) = source {
            on(Event::Done(
                std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
            ));
        }
        let articles = match read_source(source, ingest.format) {
            Ok(a) => a,
            Err(e) => {
                if ingest.strict {
                    return Err(e.into());
                }
                on(Event::Skipped(&e));
                summary.files_failed += 1;
                continue;
            }
        };
        pending.extend(articles);
        if pending.len() >= BATCH {
            flush(&mut pending, summary).map_err(stored(format!(
                "while storing articles up to {}",
                source.name()
            )))?;
        }
    }
    flush(&mut pending, summary).map_err(stored("while storing the last articles".into()))
}

/// One of `count` deterministic parts of a corpus, for ingesting it on several machines at once:
/// an article belongs to part `index` (1-based) when the first eight bytes of its text's SHA-256
/// hash, as a number, leave `index - 1` divided by `count`. The parts are disjoint, together they
/// are the whole corpus, and an article's part depends only on its text (not on file names or
/// order), so identical texts fall in the same part and are stored once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Reads `I/N` with 1 <= I <= N.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let (i, n) = s
            .split_once('/')
            .ok_or_else(|| format!("--shard {s:?}: expected I/N, such as 2/8"))?;
        let index: u64 = i
            .trim()
            .parse()
            .map_err(|_| format!("--shard {s:?}: {i:?} is not a number"))?;
        let count: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("--shard {s:?}: {n:?} is not a number"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("--shard {s:?}: expected 1 <= I <= N"));
        }
        Ok(Shard { index, count })
    }

    pub fn contains(&self, article: &Article) -> bool {
        use sha2::{Digest, Sha256};
        let h = Sha256::digest(article.text.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&h[..8]);
        u64::from_be_bytes(first) % self.count == self.index - 1
    }
}

/// Streams a JSON Lines file in batches of `batch` articles without holding the file in memory;
/// `each` is given a batch and the bytes of the file its lines took (skipped lines included).
/// A first pass checks every line: a malformed line stops the file before anything of it is
/// written, unless `skip_bad`, which reports and skips such lines. Returns the lines skipped.
pub fn stream_json_lines(
    path: &Path,
    batch: usize,
    skip_bad: bool,
    mut each: impl FnMut(Vec<Article>, usize) -> Result<(), StoreError>,
    mut warn: impl FnMut(&InputError),
) -> Result<usize, StreamError> {
    use std::io::BufRead;
    let origin = path.display().to_string();
    let open = || {
        std::fs::File::open(path)
            .map(std::io::BufReader::new)
            .map_err(|e| StreamError::Read(ReadError::Io(origin.clone(), e)))
    };
    // Pass 1: every line parses.
    let mut bad: Vec<usize> = Vec::new();
    for (i, line) in open()?.split(b'\n').enumerate() {
        let line = line.map_err(|e| StreamError::Read(ReadError::Io(origin.clone(), e)))?;
        if let Err(e) = parse_line(&line, &origin, i + 1) {
            if !skip_bad {
                return Err(StreamError::Read(e.into()));
            }
            warn(&e);
            bad.push(i + 1);
        }
    }
    // Pass 2: batches.
    let mut current = Vec::with_capacity(batch);
    let mut bytes = 0;
    for (i, line) in open()?.split(b'\n').enumerate() {
        let line = line.map_err(|e| StreamError::Read(ReadError::Io(origin.clone(), e)))?;
        // The line and its end, skipped or not.
        bytes += line.len() + 1;
        if bad.contains(&(i + 1)) {
            continue;
        }
        if let Ok(Some(article)) = parse_line(&line, &origin, i + 1) {
            current.push(article);
        }
        if current.len() >= batch {
            each(std::mem::take(&mut current), std::mem::take(&mut bytes))
                .map_err(StreamError::Store)?;
        }
    }
    if !current.is_empty() || bytes > 0 {
        each(current, bytes).map_err(StreamError::Store)?;
    }
    Ok(bad.len())
}

/// One line of JSON Lines: `None` for a blank line or an article without text.
fn parse_line(line: &[u8], origin: &str, line_no: usize) -> Result<Option<Article>, InputError> {
    let text = std::str::from_utf8(line).map_err(|e| InputError::BadJsonLine {
        origin: origin.to_string(),
        line: line_no,
        source: JsonLineError::NotUtf8 {
            column: e.valid_up_to() + 1,
        },
    })?;
    let text = text.trim_end_matches('\r');
    if text.trim().is_empty() {
        return Ok(None);
    }
    let a = input::parse_json_line(text, origin, line_no)?;
    Ok((!a.text.trim().is_empty()).then_some(a))
}

#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Store(StoreError),
}
