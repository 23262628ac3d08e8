//! The embedded store: Oxigraph on disk (or in memory), one named graph per document. Oxigraph's
//! storage stays behind this module: the query layer and `serve`'s protocol reach it only
//! through [`Store::bind_query`], [`Store::bind_update`] and the other methods of [`Store`].
//! Oxigraph's RDF terms, parsers and serializers and its SPARQL engine are the library's
//! vocabulary for RDF and are used across it.

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use oxigraph::io::{RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::{
    GraphNameRef, IriParseError, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, QuadRef,
    TermRef,
};
use oxigraph::sparql::{
    BoundPreparedSparqlQuery, BoundPreparedSparqlUpdate, PreparedSparqlQuery, PreparedSparqlUpdate,
};
use oxigraph::store::StorageError;

use crate::mapping::Mapped;
use crate::remote::error::RemoteError;
use crate::snapshot::{self, View, ViewError};
use crate::vocab::{DOCUMENT, ONTOLOGY_GRAPH, RDF_TYPE, SHARED_GRAPH};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path} is in use by {holder} (it holds the lock file {path}/LOCK); wait for it to finish or use another --store")]
    Locked { path: PathBuf, holder: String },
    #[error("cannot open store {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: StorageError,
    },
    #[error("cannot open store {path}: no store there (run `negograph ingest` first)")]
    NotThere { path: PathBuf },
    #[error("this negograph was built without the on-disk store (feature `rocksdb`); only in-memory stores are available")]
    NoDisk,
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("error parsing {origin}")]
    Parse {
        origin: String,
        #[source]
        source: Box<RdfSyntaxError>,
    },
    #[error("not an IRI: {iri:?}")]
    Iri {
        iri: String,
        #[source]
        source: IriParseError,
    },
    /// Writing quads out failed (the writer keeps the error itself).
    #[error("cannot write quads")]
    Write(#[source] std::io::Error),
    #[error(transparent)]
    Remote(Box<RemoteError>),
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

/// Removes the files an interrupted bulk load left in the store folder; returns how many, and
/// their bytes. (RocksDB's own files are numbered, `000123.sst`; it never reads these.)
#[cfg(feature = "rocksdb")]
fn remove_bulk_files(path: &Path) -> (usize, u64) {
    let mut removed = (0, 0);
    let Ok(entries) = std::fs::read_dir(path) else {
        return removed;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            let bytes = e.metadata().map(|m| m.len()).unwrap_or(0);
            if std::fs::remove_file(e.path()).is_ok() {
                removed.0 += 1;
                removed.1 += bytes;
            }
        }
    }
    removed
}

fn storage(e: StorageError) -> StoreError {
    StoreError::Storage(e)
}

fn iri(iri: &str) -> impl FnOnce(IriParseError) -> StoreError + '_ {
    move |source| StoreError::Iri {
        iri: iri.to_string(),
        source,
    }
}

/// `ontology/store.ttl`: what a store's document graphs leave unsaid (the default confidence of
/// each class of claim). Not part of the lexicon: the extraction does not read it.
pub const STORE_TTL: &str = include_str!("../ontology/store.ttl");

/// The quads of the ontology graph: the vocabulary, the issue scheme and [`STORE_TTL`].
pub fn ontology_quads() -> Result<Vec<Quad>, StoreError> {
    let mut quads = Vec::new();
    for (name, text) in crate::lexicon::ONTOLOGY
        .iter()
        .filter(|(n, _)| matches!(*n, "negograph.ttl" | "issues.ttl"))
    {
        quads.extend(ontology_file(name, text)?);
    }
    quads.extend(store_conventions()?);
    Ok(quads)
}

/// The quads of [`STORE_TTL`] in the ontology graph, which a store made before them lacks.
pub fn store_conventions() -> Result<Vec<Quad>, StoreError> {
    ontology_file("store.ttl", STORE_TTL)
}

fn ontology_file(name: &str, text: &str) -> Result<Vec<Quad>, StoreError> {
    let g = NamedNodeRef::new_unchecked(ONTOLOGY_GRAPH);
    RdfParser::from_format(RdfFormat::Turtle)
        .with_default_graph(g.into_owned())
        .for_slice(text.as_bytes())
        .map(|q| {
            q.map_err(|source| StoreError::Parse {
                origin: name.to_string(),
                source: Box::new(source),
            })
        })
        .collect()
}

/// Quads written in transactions after which [`Store`] has RocksDB write its memtables to disk.
pub const FLUSH_QUADS: usize = 200_000;

pub struct Store {
    inner: oxigraph::store::Store,
    pub path: Option<PathBuf>,
    /// Quads written in transactions since RocksDB last wrote its memtables to disk.
    unflushed: AtomicUsize,
    /// Files of a bulk load that never committed (the process was killed during it), removed
    /// when the store was opened for writing: how many, and their bytes.
    pub removed_bulk_files: (usize, u64),
    /// Quads of the shared graph this process wrote: not written again.
    shared_written: SharedWritten,
    /// A reader's view of the store folder, removed after `inner` is closed (fields are
    /// dropped in order).
    _view: Option<View>,
}

/// The quads of the shared graph a process has written, so that each actor's description goes
/// to the store once, not once per document. Writing one again would change nothing (a store
/// holds a quad once); this only saves the work.
#[derive(Debug, Default)]
pub struct SharedWritten(Mutex<HashSet<Quad>>);

impl SharedWritten {
    /// Those of `quads` not written yet, now taken as written.
    pub fn fresh(&self, quads: Vec<Quad>) -> Vec<Quad> {
        let mut known = self.0.lock().unwrap_or_else(|e| e.into_inner());
        quads
            .into_iter()
            .filter(|q| known.insert(q.clone()))
            .collect()
    }

    /// Forgets them all (after a removal took some out of the store).
    pub fn forget(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// Makes a store that does not exist yet whole before it takes its name: RocksDB writes its
/// `CURRENT` file before Oxigraph has made every column family, and a process killed between
/// the two left a folder no reader could open ("Column family not found: id2str"). The store is
/// made in a sibling folder `.NAME.creating-PID` and renamed into place; where that cannot be
/// done (the folder exists and is not empty, or the parent cannot be written), the store is
/// created in place as before. Such folders of processes that no longer run are removed.
#[cfg(feature = "rocksdb")]
fn create_whole(path: &Path) {
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let prefix = format!(".{}.creating-", name.to_string_lossy());
    if let Ok(entries) = std::fs::read_dir(parent) {
        for e in entries.flatten() {
            let file = e.file_name();
            let pid = file.to_str().and_then(|f| f.strip_prefix(&prefix));
            if pid
                .and_then(|p| p.parse().ok())
                .is_some_and(|p| !snapshot::alive(p))
            {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    if path.join("CURRENT").exists() {
        return;
    }
    let making = parent.join(format!("{prefix}{}", std::process::id()));
    let made = oxigraph::store::Store::open(&making).map(drop).is_ok();
    if !made || std::fs::rename(&making, path).is_err() {
        let _ = std::fs::remove_dir_all(&making);
    }
}

impl Store {
    /// A store that lives in memory only.
    pub fn in_memory() -> Result<Store, StoreError> {
        let s = Store {
            inner: oxigraph::store::Store::new().map_err(storage)?,
            path: None,
            unflushed: AtomicUsize::new(0),
            removed_bulk_files: (0, 0),
            shared_written: SharedWritten::default(),
            _view: None,
        };
        s.ensure_ontology()?;
        Ok(s)
    }

    /// Opens (or creates) the store in the folder `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, None)
    }

    /// Opens (or creates) the store in the folder `path`, keeping at most `max_open_files` of
    /// its files open (RocksDB's table cache; by default as many as the process may open). Every
    /// open file keeps its index in memory, so on a large store this bounds memory, and costs
    /// time: files are opened and their indexes read again.
    #[cfg(feature = "rocksdb")]
    pub fn open_with(path: &Path, max_open_files: Option<u32>) -> Result<Store, StoreError> {
        create_whole(path);
        let mut options = oxigraph::store::StoreOptions::default();
        if let Some(n) = max_open_files {
            options = options.with_max_open_files(n);
        }
        let inner = oxigraph::store::Store::open_with_options(path, options).map_err(|e| {
            let message = e.to_string();
            if message.contains("lock") || message.contains("LOCK") {
                StoreError::Locked {
                    path: path.to_path_buf(),
                    holder: lock_holder(&path.join("LOCK")),
                }
            } else {
                StoreError::Open {
                    path: path.to_path_buf(),
                    source: e,
                }
            }
        })?;
        // Oxigraph's bulk loader writes its files into the store folder as bulk-*.sst and
        // hands them to RocksDB at its commit; a process killed before then leaves them behind.
        // This process holds the store's lock now, so no bulk load of another one is running.
        let removed_bulk_files = remove_bulk_files(path);
        snapshot::remove_dead(path);
        let s = Store {
            inner,
            path: Some(path.to_path_buf()),
            unflushed: AtomicUsize::new(0),
            removed_bulk_files,
            shared_written: SharedWritten::default(),
            _view: None,
        };
        s.ensure_ontology()?;
        Ok(s)
    }

    #[cfg(not(feature = "rocksdb"))]
    pub fn open_with(_path: &Path, _max_open_files: Option<u32>) -> Result<Store, StoreError> {
        Err(StoreError::NoDisk)
    }

    /// Opens an existing store for reading only, while another process may write to it: on a
    /// view of its own ([`crate::snapshot`]), so that files the writer deletes stay whole for
    /// this reader. Where no view can be made (a folder this process cannot write), the store is
    /// opened as it is, as safe as RocksDB's read-only opening beside a writer is.
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.join("CURRENT").exists() {
            return Err(StoreError::NotThere {
                path: path.to_path_buf(),
            });
        }
        let open_error = |source: StorageError| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        // A view made while the writer moves on is made again; each try takes milliseconds,
        // and the writer changes its manifest a few times a second at most.
        const TRIES: u32 = 100;
        for attempt in 1..=TRIES {
            match snapshot::make(path) {
                Ok(view) => match oxigraph::store::Store::open_read_only(&view.dir) {
                    Ok(inner) => return Ok(Store::read_only(inner, path, Some(view))),
                    Err(e) if attempt == TRIES => return Err(open_error(e)),
                    Err(_) => {}
                },
                Err(ViewError::Moved) if attempt < TRIES => {}
                Err(ViewError::Moved) => {
                    return Err(open_error(StorageError::Io(std::io::Error::other(
                        "the store kept changing while this reader made its view of it; try again",
                    ))))
                }
                Err(ViewError::Io(_)) => {
                    let inner = oxigraph::store::Store::open_read_only(path).map_err(open_error)?;
                    return Ok(Store::read_only(inner, path, None));
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(
                10 * u64::from(attempt.min(10)),
            ));
        }
        unreachable!("the last try returns")
    }

    /// What changes in a store folder when a writer commits: the manifest's name and length
    /// (a bulk commit, a flush) and the length of the write-ahead logs (a transaction). Equal
    /// stamps: nothing was committed in between.
    pub fn stamp(path: &Path) -> Vec<(String, u64)> {
        let mut stamp: Vec<(String, u64)> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_str()?.to_string();
                let counts =
                    name.starts_with("MANIFEST-") || name.ends_with(".log") || name == "CURRENT";
                counts.then(|| (name, e.metadata().map(|m| m.len()).unwrap_or(0)))
            })
            .collect();
        stamp.sort();
        stamp
    }

    #[cfg(feature = "rocksdb")]
    fn read_only(inner: oxigraph::store::Store, path: &Path, view: Option<View>) -> Store {
        Store {
            inner,
            path: Some(path.to_path_buf()),
            unflushed: AtomicUsize::new(0),
            removed_bulk_files: (0, 0),
            shared_written: SharedWritten::default(),
            _view: view,
        }
    }

    #[cfg(not(feature = "rocksdb"))]
    pub fn open_read_only(_path: &Path) -> Result<Store, StoreError> {
        Err(StoreError::NoDisk)
    }

    /// Writes the ontology graph when it is missing; to a store made before `store.ttl`, adds
    /// what it says, which the documents written from now on leave to it.
    fn ensure_ontology(&self) -> Result<(), StoreError> {
        let g = NamedNodeRef::new_unchecked(ONTOLOGY_GRAPH);
        if !self.inner.contains_named_graph(g).map_err(storage)? {
            return self.insert_atomically(&ontology_quads()?);
        }
        let mut missing = Vec::new();
        for q in store_conventions()? {
            if !self.inner.contains(&q).map_err(storage)? {
                missing.push(q);
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        self.insert_atomically(&missing)
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
        tx.commit().map_err(storage)?;
        // RocksDB keeps what transactions write in memtables of up to 128 MiB per column family,
        // and writes a column family's to disk only once two are full: about 700 bytes a quad
        // across Oxigraph's nine indexes, 2 GB for 4 million quads. Flushing every
        // `FLUSH_QUADS` quads keeps that bounded whatever the number of documents.
        if self.path.is_some()
            && self.unflushed.fetch_add(quads.len(), Ordering::Relaxed) + quads.len() >= FLUSH_QUADS
        {
            self.unflushed.store(0, Ordering::Relaxed);
            self.flush()?;
        }
        Ok(())
    }

    /// Adds a document's graph, and what it adds to the shared graph, in one transaction, unless
    /// a graph of that name is there already. Returns the quads written, or None when the
    /// document was there.
    pub fn add_document(&self, graph: &str, mapped: Mapped) -> Result<Option<usize>, StoreError> {
        if self.contains_graph(graph)? {
            return Ok(None);
        }
        let mut quads = mapped.document;
        quads.extend(self.shared_written.fresh(mapped.shared));
        self.insert_atomically(&quads)?;
        Ok(Some(quads.len()))
    }

    /// A prepared SPARQL query bound to what the store holds now.
    pub(crate) fn bind_query(
        &self,
        query: PreparedSparqlQuery,
    ) -> BoundPreparedSparqlQuery<'static> {
        query.on_store(&self.inner)
    }

    /// A prepared SPARQL Update bound to the store.
    pub(crate) fn bind_update(
        &self,
        update: PreparedSparqlUpdate,
    ) -> BoundPreparedSparqlUpdate<'_, '_> {
        update.on_store(&self.inner)
    }

    /// Removes a document's graph, and from the shared graph the description of each actor or
    /// negotiation that no other document names any more, in one transaction. Returns whether
    /// the document was there (a graph that holds no `neg:Document` of its name is none).
    pub fn remove_graph(&self, iri: &str) -> Result<bool, StoreError> {
        let n = NamedNode::new(iri).map_err(self::iri(iri))?;
        let is_document = QuadRef::new(
            &n,
            NamedNodeRef::new_unchecked(RDF_TYPE),
            NamedNodeRef::new_unchecked(DOCUMENT),
            &n,
        );
        if !self.inner.contains(is_document).map_err(storage)? {
            return Ok(false);
        }
        let mut tx = self.inner.start_transaction().map_err(storage)?;
        let shared = NamedNodeRef::new_unchecked(SHARED_GRAPH);
        let doc = GraphNameRef::NamedNode(n.as_ref());
        // What the document names that the shared graph describes.
        let mut named: Vec<NamedNode> = Vec::new();
        for q in tx.quads_for_pattern(None, None, None, Some(doc)) {
            let q = q.map_err(storage)?;
            let terms = [q.subject.into(), q.object];
            for t in terms {
                if let oxigraph::model::Term::NamedNode(t) = t {
                    if crate::vocab::is_shared_kind(t.as_str()) && !named.contains(&t) {
                        named.push(t);
                    }
                }
            }
        }
        let mut orphans: Vec<Quad> = Vec::new();
        for t in &named {
            let described: Vec<Quad> = tx
                .quads_for_pattern(Some(t.as_ref().into()), None, None, Some(shared.into()))
                .collect::<Result<_, _>>()
                .map_err(storage)?;
            if !described.is_empty() && !named_elsewhere(&tx, t.as_ref(), n.as_ref())? {
                orphans.extend(described);
            }
        }
        tx.remove_named_graph(&n).map_err(storage)?;
        for q in &orphans {
            tx.remove(q);
        }
        tx.commit().map_err(storage)?;
        self.shared_written.forget();
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

/// Whether a graph other than `doc`, the shared one and the ontology names `t` (as subject or
/// object): the first such quad answers.
fn named_elsewhere(
    tx: &oxigraph::store::Transaction<'_>,
    t: NamedNodeRef<'_>,
    doc: NamedNodeRef<'_>,
) -> Result<bool, StoreError> {
    let other = |q: &Quad| match q.graph_name.as_ref() {
        GraphNameRef::NamedNode(g) => {
            g != doc && g.as_str() != SHARED_GRAPH && g.as_str() != ONTOLOGY_GRAPH
        }
        _ => true,
    };
    let as_subject = tx.quads_for_pattern(Some(NamedOrBlankNodeRef::from(t)), None, None, None);
    let as_object = tx.quads_for_pattern(None, None, Some(TermRef::from(t)), None);
    for q in as_subject.chain(as_object) {
        if other(&q.map_err(storage)?) {
            return Ok(true);
        }
    }
    Ok(false)
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
        let n = NamedNode::new(g).map_err(iri(g))?;
        parser = parser.with_default_graph(n);
    }
    parser
        .for_slice(bytes)
        .map(|q| {
            q.map_err(|source| StoreError::Parse {
                origin: origin.to_string(),
                source: Box::new(source),
            })
        })
        .collect()
}

/// Makes the C library's allocator give back to the system what a bulk load frees.
///
/// glibc serves an allocation from its heaps unless it is at least a threshold, which it raises
/// (up to 32 MiB) whenever a larger block is freed. The bulk loader's threads each allocate
/// tables of many megabytes per batch and free them; with the threshold raised, those come from
/// the heaps of threads that die after their batch, whose freed room stays in the process, so
/// its memory grows with the number of batches, that is with the corpus. A fixed threshold keeps
/// them mapped on their own, returned to the system when freed. Call it once, before the work.
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of the allocator, under its own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

/// Stack of each thread the C and C++ code of the process starts from now on (RocksDB's), in
/// bytes; Rust's threads set their own.
pub const READER_THREAD_STACK: usize = 1 << 20;

/// Heaps of the C library's allocator (its main heap included) the process may have.
pub const READER_ARENAS: i32 = 2;

/// Makes a reader's threads reserve little address space, so that it opens a store within a
/// limited address space (`ulimit -v`) instead of aborting. Call it before the store is opened.
///
/// Every opening of a RocksDB store starts 15 threads per column family to open table files
/// (`max_file_opening_threads`, which Oxigraph does not let one set), whether there are files or
/// not. Each reserves a stack of the size of `ulimit -s` (8 MiB) and, when it allocates, a heap
/// of glibc's of 64 MiB (up to 8 per core), none of which it uses much. When the address space
/// runs out while one is started, RocksDB's thread vector is unwound with the threads started
/// before it still running, and the C++ runtime aborts the process ("terminate called without an
/// active exception"). With 1 MiB stacks (a thread's stack on macOS is 512 KiB, and RocksDB runs
/// there) and two heaps, a reader of a small store opens in 128 MiB where it needed 640.
pub fn reserve_little_address_space() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            // glibc 2.18 and later; not in the libc crate.
            fn pthread_setattr_default_np(attr: *const libc::pthread_attr_t) -> libc::c_int;
        }
        // SAFETY: mallopt sets a parameter of the allocator under its own lock; the attribute
        // is initialised before it is read and destroyed after, and glibc copies it.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, READER_ARENAS);
            let mut attr: libc::pthread_attr_t = std::mem::zeroed();
            if libc::pthread_attr_init(&mut attr) == 0 {
                if libc::pthread_attr_setstacksize(&mut attr, READER_THREAD_STACK) == 0 {
                    pthread_setattr_default_np(&attr);
                }
                libc::pthread_attr_destroy(&mut attr);
            }
        }
    }
}

/// How [`BulkWriter`] feeds Oxigraph's bulk loader.
#[derive(Debug, Clone, Copy)]
pub struct BulkOptions {
    /// Quads handed to the loader at once; each batch is sorted into RocksDB's files by one of
    /// the loader's threads, so memory grows with this number times `threads`, not with the
    /// corpus.
    pub batch_quads: usize,
    /// Quads after which the loader commits (at a document boundary): the most a crash can cost.
    pub commit_quads: usize,
    /// The loader's threads.
    pub threads: usize,
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            batch_quads: 50_000,
            commit_quads: 1_000_000,
            threads: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
        }
    }
}

/// Adds documents through Oxigraph's bulk loader instead of one transaction each.
///
/// The loader writes sorted files beside the store and hands them all to RocksDB at its
/// `commit`, in one `IngestExternalFiles` call, which RocksDB records atomically in its manifest:
/// after a crash, either every file of a commit is in the store or none is. The writer commits
/// only at document boundaries (every `commit_quads` quads, and at [`BulkWriter::finish`]), so
/// every document is whole or absent, as with a transaction per document; a crash costs the
/// documents since the last commit, which a rerun adds again. Readers see a commit's documents
/// all at once. Dropping the writer without `finish` discards the documents since the last
/// commit.
pub struct BulkWriter<'a> {
    store: &'a Store,
    options: BulkOptions,
    state: RefCell<BulkState<'a>>,
}

struct BulkState<'a> {
    loader: Option<oxigraph::store::BulkLoader<'a>>,
    buffer: Vec<Quad>,
    /// Graphs given since the last commit: not in the store yet, but not to be added twice.
    pending: HashSet<String>,
    pending_quads: usize,
    commits: usize,
}

impl<'a> BulkWriter<'a> {
    pub fn new(store: &'a Store, options: BulkOptions) -> BulkWriter<'a> {
        let options = BulkOptions {
            batch_quads: options.batch_quads.max(1),
            commit_quads: options.commit_quads.max(1),
            threads: options.threads.max(1),
        };
        BulkWriter {
            store,
            options,
            state: RefCell::new(BulkState {
                loader: None,
                buffer: Vec::new(),
                pending: HashSet::new(),
                pending_quads: 0,
                commits: 0,
            }),
        }
    }

    /// Whether a document is in the store or given since the last commit.
    pub fn contains_graph(&self, iri: &str) -> Result<bool, StoreError> {
        Ok(self.state.borrow().pending.contains(iri) || self.store.contains_graph(iri)?)
    }

    /// Adds a document's graph, and what it adds to the shared graph, unless a graph of that
    /// name is there or was given already. Returns the quads given, or None when the document
    /// was there (it reaches the store at the next commit).
    pub fn add_document(&self, graph: &str, mapped: Mapped) -> Result<Option<usize>, StoreError> {
        if self.contains_graph(graph)? {
            return Ok(None);
        }
        let mut quads = mapped.document;
        quads.extend(self.store.shared_written.fresh(mapped.shared));
        let given = quads.len();
        let mut st = self.state.borrow_mut();
        // A batch is cut before the document that would overrun it, so that batches stay within
        // `batch_quads` (a document larger than that is a batch of its own).
        if !st.buffer.is_empty() && st.buffer.len() + quads.len() > self.options.batch_quads {
            self.load(&mut st)?;
        }
        st.pending_quads += quads.len();
        st.buffer.extend(quads);
        st.pending.insert(graph.to_string());
        if st.buffer.len() >= self.options.batch_quads {
            self.load(&mut st)?;
        }
        if st.pending_quads >= self.options.commit_quads {
            self.commit(&mut st)?;
        }
        Ok(Some(given))
    }

    /// Hands the buffered quads to the loader, which sorts them on a thread of its own.
    fn load(&self, st: &mut BulkState<'a>) -> Result<(), StoreError> {
        if st.buffer.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut st.buffer);
        let o = self.options;
        let loader = st.loader.get_or_insert_with(|| {
            // The loader cuts what it is given into batches of megabytes * 1000 / threads quads
            // and reserves that many at once: just above ours, so that each batch of ours stays
            // one and the room reserved is not twice what is used (a document larger than a
            // batch is cut, which the commit makes whole again).
            let megabytes = ((o.batch_quads + 1) * o.threads).div_ceil(1000);
            self.store
                .inner
                .bulk_loader()
                .with_num_threads(o.threads)
                .with_max_memory_size_in_megabytes(megabytes)
        });
        loader.load_quads(batch).map_err(storage)
    }

    fn commit(&self, st: &mut BulkState<'a>) -> Result<(), StoreError> {
        self.load(st)?;
        if let Some(loader) = st.loader.take() {
            loader.commit().map_err(storage)?;
            st.commits += 1;
        }
        st.pending.clear();
        st.pending_quads = 0;
        Ok(())
    }

    /// Commits the documents given since the last commit; returns the number of commits made.
    pub fn finish(self) -> Result<usize, StoreError> {
        let mut st = self.state.borrow_mut();
        self.commit(&mut st)?;
        Ok(st.commits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Article;
    use crate::vocab::ACTOR;
    use oxigraph::model::Term;

    fn article(text: &str) -> Article {
        Article {
            text: text.to_string(),
            origin: "test".to_string(),
            ..Default::default()
        }
    }

    /// The subjects the shared graph describes.
    fn described(store: &Store) -> Vec<String> {
        let shared = NamedNodeRef::new_unchecked(SHARED_GRAPH);
        let mut out: Vec<String> = store
            .inner
            .quads_for_pattern(None, None, None, Some(shared.into()))
            .map(|q| q.unwrap().subject.to_string())
            .collect();
        out.dedup();
        out
    }

    #[test]
    fn an_actor_is_described_once_and_goes_with_the_last_document_naming_it() {
        let lexicon = crate::lexicon::Lexicon::builtin().unwrap();
        let store = Store::in_memory().unwrap();
        let a = article(
            "Mediators from Qatar and Egypt said Hamas had accepted the cease-fire proposal.\n",
        );
        let b = article(
            "Qatar said Israel had rejected the cease-fire proposal put forward by Hamas.\n",
        );
        let mut summary = crate::pipeline::Summary::default();
        crate::pipeline::ingest_articles(
            &store,
            &[a.clone(), b],
            &lexicon,
            &Default::default(),
            &mut summary,
        )
        .unwrap();
        assert_eq!(summary.documents_new, 2);
        let both = described(&store);
        let iri = |slug: &str| format!("<{ACTOR}{slug}>");
        for slug in ["qatar", "hamas", "egypt", "israel"] {
            assert!(both.contains(&iri(slug)), "{slug} in {both:?}");
        }
        // Each description once: one label per actor, in one graph.
        let label = NamedNodeRef::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
        let qatar = NamedNode::new_unchecked(format!("{ACTOR}qatar"));
        let labels = store
            .inner
            .quads_for_pattern(Some(qatar.as_ref().into()), Some(label), None, None)
            .count();
        assert_eq!(labels, 1);

        let doc_a = crate::mapping::document_iri(
            &crate::extract::extract(&a, &lexicon, &Default::default()).hash,
        );
        assert!(store.remove_graph(&doc_a).unwrap());
        let after = described(&store);
        // Egypt was A's alone; Qatar, Hamas and Israel are B's too.
        assert!(!after.contains(&iri("egypt")), "{after:?}");
        for slug in ["qatar", "hamas", "israel"] {
            assert!(after.contains(&iri(slug)), "{slug} in {after:?}");
        }
        // Ingesting A again describes Egypt again, though this process wrote it once.
        let mut summary = crate::pipeline::Summary::default();
        crate::pipeline::ingest_articles(&store, &[a], &lexicon, &Default::default(), &mut summary)
            .unwrap();
        assert_eq!(described(&store), both);
    }

    /// The rows of a SELECT on the store as CSV lines, the header first.
    fn csv(store: &Store, query: &str) -> Vec<String> {
        let mut out = Vec::new();
        crate::query::run(
            store,
            query,
            &[],
            crate::query::ResultsFormat::Csv,
            None,
            &mut out,
        )
        .unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn what_a_store_leaves_unsaid_is_the_same_in_queries_as_what_extract_writes() {
        let lexicon = crate::lexicon::Lexicon::builtin().unwrap();
        let store = Store::in_memory().unwrap();
        let a = Article {
            date: Some("2025-03-04".to_string()),
            ..article(
                "Talks between Israel and Hamas resumed in Doha on Monday. Egyptian mediators \
                 said Hamas had rejected the truce. \"We will not accept it,\" Israel's prime \
                 minister Benjamin Netanyahu said. Qatar brokered the talks, Qatar's foreign \
                 ministry said on Sunday.\n",
            )
        };
        let mut summary = crate::pipeline::Summary::default();
        crate::pipeline::ingest_articles(
            &store,
            std::slice::from_ref(&a),
            &lexicon,
            &Default::default(),
            &mut summary,
        )
        .unwrap();
        let x = crate::extract::extract(&a, &lexicon, &Default::default());
        let standalone = crate::mapping::quads(&x, &lexicon);
        let doc = crate::mapping::document_iri(&x.hash);
        let graph = NamedNodeRef::new_unchecked(&doc);
        let stored: Vec<Quad> = store
            .inner
            .quads_for_pattern(None, None, None, Some(graph.into()))
            .map(Result::unwrap)
            .collect();
        let count = |quads: &[Quad], local: &str| {
            quads
                .iter()
                .filter(|q| q.predicate.as_str().ends_with(local))
                .count()
        };
        // Fewer ends, confidences and dates in the store than extract writes...
        assert_eq!(count(&stored, "#end"), 0);
        assert!(count(&standalone, "#end") > 0);
        assert!(count(&stored, "#confidence") < count(&standalone, "#confidence"));
        assert!(count(&stored, "/date") < count(&standalone, "/date"));
        // ...and the same values read back the way the named queries read them.
        let recovered = csv(
            &store,
            "PREFIX neg: <https://w3id.org/negograph/ontology#>
             PREFIX dcterms: <http://purl.org/dc/terms/>
             SELECT ?s ?p ?o WHERE {
               { GRAPH ?d { ?s neg:text ?text ; neg:start ?start OPTIONAL { ?s neg:end ?end } }
                 BIND(neg:end AS ?p) BIND(COALESCE(?end, ?start + STRLEN(?text)) AS ?o) }
               UNION
               { GRAPH ?d { ?s a ?class ; neg:rule ?rule OPTIONAL { ?s neg:confidence ?c } }
                 OPTIONAL { GRAPH <https://w3id.org/negograph/ontology> { ?class neg:defaultConfidence ?default } }
                 BIND(neg:confidence AS ?p) BIND(COALESCE(?c, ?default) AS ?o) FILTER(BOUND(?o)) }
               UNION
               { GRAPH ?d { ?s a neg:Statement OPTIONAL { ?s dcterms:date ?own } OPTIONAL { ?d dcterms:date ?day } }
                 BIND(dcterms:date AS ?p) BIND(COALESCE(?own, ?day) AS ?o) FILTER(BOUND(?o)) }
             } ORDER BY ?s ?p ?o",
        );
        let mut expected: Vec<String> = standalone
            .iter()
            .filter(|q| {
                let p = q.predicate.as_str();
                p.ends_with("#end")
                    || p.ends_with("#confidence")
                    || (p.ends_with("/date") && q.subject.to_string().contains("/statement/"))
            })
            .map(|q| {
                let Term::Literal(l) = &q.object else {
                    panic!("{q}")
                };
                // as the store gives a decimal back
                let v = if q.predicate.as_str().ends_with("#confidence") {
                    l.value().trim_end_matches('0').to_string()
                } else {
                    l.value().to_string()
                };
                let s = q.subject.to_string();
                format!(
                    "{},{},{}",
                    s.trim_matches(['<', '>']),
                    q.predicate.as_str(),
                    v
                )
            })
            .collect();
        expected.sort();
        let mut rows = recovered[1..].to_vec();
        rows.sort();
        assert!(
            expected.iter().any(|r| r.contains("/statement/")),
            "{expected:?}"
        );
        assert_eq!(rows, expected);
    }

    #[test]
    fn the_default_confidences_are_the_ontology_graphs() {
        let mut declared: Vec<(String, String)> = store_conventions()
            .unwrap()
            .into_iter()
            .filter(|q| q.predicate.as_str() == crate::vocab::neg("defaultConfidence"))
            .map(|q| {
                let class = q.subject.to_string();
                let Term::Literal(v) = q.object else {
                    panic!("{class}")
                };
                (class, v.value().to_string())
            })
            .collect();
        declared.sort();
        let mut ours: Vec<(String, String)> = crate::vocab::DEFAULT_CONFIDENCE
            .iter()
            .map(|(c, v)| (format!("<{}>", crate::vocab::neg(c)), v.to_string()))
            .collect();
        ours.sort();
        assert_eq!(declared, ours);
    }

    #[test]
    fn a_store_made_before_the_default_confidences_is_given_them_when_opened_for_writing() {
        let store = Store::in_memory().unwrap();
        let conventions = store_conventions().unwrap();
        for q in &conventions {
            assert!(store.inner.contains(q).unwrap(), "{q}");
            store.inner.remove(q).unwrap();
        }
        let before = store.len().unwrap();
        store.ensure_ontology().unwrap();
        assert_eq!(store.len().unwrap(), before + conventions.len());
        // Once there, nothing is added again.
        store.ensure_ontology().unwrap();
        assert_eq!(store.len().unwrap(), before + conventions.len());
    }
}
