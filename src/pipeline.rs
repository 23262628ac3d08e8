//! From paths to the store: walking folders, reading each file into articles, extracting them and
//! adding each document's graph in one transaction. Files that cannot be read are reported and
//! skipped; nothing of a file is written unless all of it was read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use oxigraph::model::Quad;

use crate::extract::{self, Extraction, Options};
use crate::input::{self, Article, Format, InputError};
use crate::lexicon::Lexicon;
use crate::mapping;
use crate::store::{Store, StoreError};

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl Source {
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
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
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
        Source::File(p) => (
            std::fs::read(p).map_err(|e| ReadError::Io(p.display().to_string(), e))?,
            p.display().to_string(),
        ),
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

/// One article through the extractor and the mapping.
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
    pub actors: BTreeSet<String>,
    pub stances: usize,
    pub triples: usize,
}

/// Adds one file's articles to the store: every document of the file is extracted first, then
/// each is written in its own transaction; documents already present are skipped by their hash
/// without extracting them again.
pub fn ingest_articles(
    store: &Store,
    articles: &[Article],
    lexicon: &Lexicon,
    options: &Options,
    summary: &mut Summary,
) -> Result<(), StoreError> {
    use sha2::{Digest, Sha256};
    for a in articles {
        let hash = format!("{:x}", Sha256::digest(a.text.as_bytes()));
        let graph = mapping::document_iri(&hash);
        if store.contains_graph(&graph)? {
            summary.documents_present += 1;
            continue;
        }
        let (x, quads) = process(a, lexicon, options);
        if store.add_document(&graph, &quads)? {
            summary.documents_new += 1;
            summary.triples += quads.len();
            summary.stances += x.stances.len();
            let mut needed: BTreeSet<String> = BTreeSet::new();
            for q in &quads {
                if q.predicate.as_str() == crate::vocab::neg("mentionedIn") {
                    needed.insert(q.subject.to_string());
                }
            }
            summary.actors.extend(needed);
        } else {
            summary.documents_present += 1;
        }
    }
    Ok(())
}
