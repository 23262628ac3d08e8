//! Where a command reads and writes: the one place that chooses the store. `--store DIR` is the
//! embedded store; `--store URL` or `--endpoint URL` a remote SPARQL store. Commands that write
//! open the embedded store with its lock; commands that read open it read-only, so they work
//! while an ingest runs; commands that only the embedded store serves refuse a remote one.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Result};

use negograph::backend::Backend;
use negograph::remote::{Preset, Remote, RemoteConfig};
use negograph::store::Store;

use crate::cli::StoreArgs;

pub struct Target {
    path: PathBuf,
    remote: Option<RemoteConfig>,
}

impl Target {
    pub fn new(args: &StoreArgs) -> Target {
        let as_text = args.store.to_string_lossy();
        let url = args.endpoint.clone().or_else(|| {
            (as_text.starts_with("http://") || as_text.starts_with("https://"))
                .then(|| as_text.to_string())
        });
        let remote = url.map(|url| RemoteConfig {
            preset: args.preset.map(Preset::from).unwrap_or_default(),
            query_path: args.query_path.clone(),
            update_path: args.update_path.clone(),
            gsp_path: args.gsp_path.clone(),
            user: args.user.clone(),
            password: args.password.clone(),
            token: args.token.clone(),
            retries: args.retries,
            ..RemoteConfig::new(&url)
        });
        Target {
            path: args.store.clone(),
            remote,
        }
    }

    /// The store folder or the remote store's URL, for messages.
    pub fn name(&self) -> String {
        match &self.remote {
            Some(r) => r.url.clone(),
            None => self.path.display().to_string(),
        }
    }

    pub fn is_remote(&self) -> bool {
        self.remote.is_some()
    }

    /// For a command that writes: the embedded store opened with its lock (keeping at most
    /// `max_open_files` of its files open), or the remote store, given the ontology graph when
    /// it lacks it.
    pub fn open_write(&self, max_open_files: Option<u32>) -> Result<Backend> {
        match &self.remote {
            Some(c) => {
                let r = Remote::new(c.clone())?;
                r.ensure_ontology()?;
                Ok(Backend::Remote(Box::new(r)))
            }
            None => Ok(Backend::Embedded(Box::new(open_embedded(
                &self.path,
                max_open_files,
            )?))),
        }
    }

    /// For a command that reads: the embedded store opened read-only, or the remote store, each
    /// of whose requests may take `timeout`.
    pub fn open_read(&self, timeout: Option<Duration>) -> Result<Backend> {
        match &self.remote {
            Some(c) => Ok(Backend::Remote(Box::new(Remote::new(RemoteConfig {
                timeout,
                ..c.clone()
            })?))),
            None => Ok(Backend::Embedded(Box::new(open_embedded_read(&self.path)?))),
        }
    }

    /// For the commands only the embedded store serves (they run the library's own queries
    /// and read its results directly): the embedded store, read-only or for writing.
    pub fn embedded(&self, command: &str, write: bool) -> Result<Store> {
        if let Some(r) = &self.remote {
            bail!(
                "`negograph {command}` works on the embedded store only, not on {}; export the graph (negograph export --format nquads) and load it into a local store",
                r.url
            );
        }
        if write {
            open_embedded(&self.path, None)
        } else {
            open_embedded_read(&self.path)
        }
    }
}

/// Opens the embedded store for writing, and tells what an interrupted bulk load left that was
/// removed.
fn open_embedded(path: &Path, max_open_files: Option<u32>) -> Result<Store> {
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

/// Opens the embedded store read-only, without its lock (on the data committed when it opens),
/// its threads reserving little address space, so that a reader works within `ulimit -v`.
fn open_embedded_read(path: &Path) -> Result<Store> {
    if !path.exists() {
        bail!("no store at {} (create one with `negograph ingest` or `negograph load`, or pass --store)", path.display());
    }
    negograph::store::reserve_little_address_space();
    Ok(Store::open_read_only(path)?)
}
