//! The embedded store: Oxigraph on disk (or in memory), one named graph per document. Oxigraph's
//! types stay behind this module.

use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, Quad};

/// The graph that holds the vocabulary and the issue scheme, so that queries can read labels.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/negograph/ontology";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path} is in use by {holder} (it holds the lock file {path}/LOCK); wait for it to finish or use another --store")]
    Locked { path: PathBuf, holder: String },
    #[error("cannot open store {path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error("this negograph was built without the on-disk store (feature `rocksdb`); only in-memory stores are available")]
    NoDisk,
    #[error("store error: {0}")]
    Storage(String),
    #[error("error parsing {origin}: {message}")]
    Parse { origin: String, message: String },
    #[error("remote store: {0}")]
    Remote(String),
}

/// Who holds the lock file: "process 1234 (negograph ingest ...)" from Linux's /proc/locks, or
/// "another process" where that cannot be told.
#[cfg(feature = "rocksdb")]
fn lock_holder(lock: &Path) -> String {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let found = std::fs::metadata(lock).ok().and_then(|m| {
            let locks = std::fs::read_to_string("/proc/locks").ok()?;
            // "1: POSIX  ADVISORY  WRITE 1234 00:2f:5678 0 EOF": pid, then device:inode.
            locks.lines().find_map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                let (pid, id) = (f.get(4)?, f.get(5)?);
                let inode = id.rsplit(':').next()?.parse::<u64>().ok()?;
                (inode == m.ino()).then(|| pid.to_string())
            })
        });
        if let Some(pid) = found {
            let command = std::fs::read(format!("/proc/{pid}/cmdline"))
                .map(|c| {
                    c.split(|&b| b == 0)
                        .filter(|a| !a.is_empty())
                        .map(|a| String::from_utf8_lossy(a).into_owned())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let command: String = command.chars().take(160).collect();
            return if command.is_empty() {
                format!("process {pid}")
            } else {
                format!("process {pid} ({command})")
            };
        }
    }
    let _ = lock;
    "another process".to_string()
}

fn storage(e: impl std::fmt::Display) -> StoreError {
    StoreError::Storage(e.to_string())
}

/// The quads of the ontology graph: the vocabulary and the issue scheme.
pub fn ontology_quads() -> Result<Vec<Quad>, StoreError> {
    let g = NamedNodeRef::new_unchecked(ONTOLOGY_GRAPH);
    let mut quads = Vec::new();
    for (name, text) in crate::lexicon::ONTOLOGY
        .iter()
        .filter(|(n, _)| matches!(*n, "negograph.ttl" | "issues.ttl"))
    {
        for q in RdfParser::from_format(RdfFormat::Turtle)
            .with_default_graph(g.into_owned())
            .for_slice(text.as_bytes())
        {
            quads.push(q.map_err(|e| StoreError::Parse {
                origin: name.to_string(),
                message: e.to_string(),
            })?);
        }
    }
    Ok(quads)
}

pub struct Store {
    pub(crate) inner: oxigraph::store::Store,
    pub path: Option<PathBuf>,
}

impl Store {
    /// A store that lives in memory only.
    pub fn in_memory() -> Result<Store, StoreError> {
        let s = Store {
            inner: oxigraph::store::Store::new().map_err(storage)?,
            path: None,
        };
        s.ensure_ontology()?;
        Ok(s)
    }

    /// Opens (or creates) the store in the folder `path`.
    #[cfg(feature = "rocksdb")]
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let inner = oxigraph::store::Store::open(path).map_err(|e| {
            let message = e.to_string();
            if message.contains("lock") || message.contains("LOCK") {
                StoreError::Locked {
                    path: path.to_path_buf(),
                    holder: lock_holder(&path.join("LOCK")),
                }
            } else {
                StoreError::Open {
                    path: path.to_path_buf(),
                    message,
                }
            }
        })?;
        let s = Store {
            inner,
            path: Some(path.to_path_buf()),
        };
        s.ensure_ontology()?;
        Ok(s)
    }

    #[cfg(not(feature = "rocksdb"))]
    pub fn open(_path: &Path) -> Result<Store, StoreError> {
        Err(StoreError::NoDisk)
    }

    /// Opens an existing store for reading only, while another process may write to it.
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Open {
                path: path.to_path_buf(),
                message: "no store there (run `negograph ingest` first)".into(),
            });
        }
        let inner = oxigraph::store::Store::open_read_only(path).map_err(|e| StoreError::Open {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        Ok(Store {
            inner,
            path: Some(path.to_path_buf()),
        })
    }

    #[cfg(not(feature = "rocksdb"))]
    pub fn open_read_only(_path: &Path) -> Result<Store, StoreError> {
        Err(StoreError::NoDisk)
    }

    fn ensure_ontology(&self) -> Result<(), StoreError> {
        let g = NamedNodeRef::new_unchecked(ONTOLOGY_GRAPH);
        if self.inner.contains_named_graph(g).map_err(storage)? {
            return Ok(());
        }
        let quads = ontology_quads()?;
        self.insert_atomically(&quads)
    }

    pub fn contains_graph(&self, iri: &str) -> Result<bool, StoreError> {
        match NamedNode::new(iri) {
            Ok(n) => self.inner.contains_named_graph(&n).map_err(storage),
            Err(_) => Ok(false),
        }
    }

    /// Inserts quads in one transaction: all of them or none.
    pub fn insert_atomically(&self, quads: &[Quad]) -> Result<(), StoreError> {
        let mut tx = self.inner.start_transaction().map_err(storage)?;
        for q in quads {
            tx.insert(q);
        }
        tx.commit().map_err(storage)
    }

    /// Adds a document's graph unless a graph of that name is there already. Returns whether it
    /// was added.
    pub fn add_document(&self, graph: &str, quads: &[Quad]) -> Result<bool, StoreError> {
        if self.contains_graph(graph)? {
            return Ok(false);
        }
        self.insert_atomically(quads)?;
        Ok(true)
    }

    /// Removes a document's graph. Returns whether it was there.
    pub fn remove_graph(&self, iri: &str) -> Result<bool, StoreError> {
        let n = NamedNode::new(iri)
            .map_err(|e| StoreError::Storage(format!("not an IRI {iri:?}: {e}")))?;
        if !self.inner.contains_named_graph(&n).map_err(storage)? {
            return Ok(false);
        }
        self.inner.remove_named_graph(&n).map_err(storage)?;
        Ok(true)
    }

    /// Parses the whole of `bytes` first, then inserts it in one transaction, so that a syntax
    /// error anywhere loads nothing. Triples go to `graph`, or the default graph.
    pub fn load(
        &self,
        bytes: &[u8],
        format: RdfFormat,
        graph: Option<&str>,
        origin: &str,
    ) -> Result<usize, StoreError> {
        let quads = parse_whole(bytes, format, graph, origin)?;
        self.insert_atomically(&quads)?;
        Ok(quads.len())
    }

    /// Hands each quad to `each` in the store's own order (graph by graph), without the
    /// ontology graph unless `graph` names it: nothing is collected, so any store size streams.
    pub fn for_each_quad(
        &self,
        graph: Option<&str>,
        mut each: impl FnMut(Quad) -> Result<(), StoreError>,
    ) -> Result<usize, StoreError> {
        let graph_node = graph.map(NamedNode::new_unchecked);
        let g = graph_node
            .as_ref()
            .map(|n| GraphNameRef::NamedNode(n.as_ref()));
        let ontology = NamedNodeRef::new_unchecked(ONTOLOGY_GRAPH);
        let mut n = 0;
        for q in self.inner.quads_for_pattern(None, None, None, g) {
            let q = q.map_err(storage)?;
            if graph.is_none() && q.graph_name.as_ref() == GraphNameRef::NamedNode(ontology) {
                continue;
            }
            n += 1;
            each(q)?;
        }
        Ok(n)
    }

    /// All quads, sorted, optionally of one graph, without the ontology graph.
    pub fn quads(&self, graph: Option<&str>) -> Result<Vec<Quad>, StoreError> {
        let graph_node = graph.map(NamedNode::new_unchecked);
        let g = graph_node
            .as_ref()
            .map(|n| GraphNameRef::NamedNode(n.as_ref()));
        let mut out = Vec::new();
        for q in self.inner.quads_for_pattern(None, None, None, g) {
            let q = q.map_err(storage)?;
            if graph.is_none() && q.graph_name.to_string() == format!("<{ONTOLOGY_GRAPH}>") {
                continue;
            }
            out.push(q);
        }
        crate::export::sort_quads(&mut out);
        Ok(out)
    }

    pub fn len(&self) -> Result<usize, StoreError> {
        self.inner.len().map_err(storage)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.inner.is_empty().map_err(storage)
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        #[cfg(feature = "rocksdb")]
        if self.path.is_some() {
            self.inner.flush().map_err(storage)?;
        }
        Ok(())
    }
}

/// Parses all of `bytes` before anything is written, so that a syntax error anywhere loads
/// nothing. Triples go to `graph`, or the default graph.
pub fn parse_whole(
    bytes: &[u8],
    format: RdfFormat,
    graph: Option<&str>,
    origin: &str,
) -> Result<Vec<Quad>, StoreError> {
    let mut parser = RdfParser::from_format(format);
    if let Some(g) = graph {
        let n = NamedNode::new(g)
            .map_err(|e| StoreError::Storage(format!("not an IRI {g:?}: {e}")))?;
        parser = parser.with_default_graph(n);
    }
    parser
        .for_slice(bytes)
        .map(|q| {
            q.map_err(|e| StoreError::Parse {
                origin: origin.to_string(),
                message: e.to_string(),
            })
        })
        .collect()
}
