//! A reader's own view of a store folder that another process may be writing.
//!
//! RocksDB's read-only opening reads the store's manifest (the list of its table files) once,
//! and opens the table files only when a read first needs them. A writer that compacts in the
//! meantime deletes files the reader's list still names, and the reader fails with `000375.sst:
//! No such file or directory`; Oxigraph calls a read-only opening beside a writer undefined.
//!
//! So a reader opens a view instead: a folder inside the store folder (`readers/PID-N`) holding
//! hard links to the store's table files and copies of its small files (the manifest, the
//! write-ahead logs, `CURRENT`, `OPTIONS`). RocksDB never changes a table file, it only writes new
//! ones and deletes old ones; a deleted name leaves the linked file whole for the view. The
//! copies are what a crash at that moment would have left, which RocksDB is made to recover
//! from: every transaction and every bulk commit is in it whole or not at all. A file the copied
//! manifest names could be deleted before it is linked only after the writer has written a newer
//! manifest record, so the view is checked against the manifest's length once everything is
//! linked and made again when the manifest has moved.
//!
//! The view takes no room but its copies (the logs: at most what the writer has not yet written
//! to table files); the files it links stay on disk while it lives, and go with it. A view whose
//! process has died (killed) is removed by the next reader or writer that opens the store.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The folder inside a store folder that holds the readers' views.
pub const READERS: &str = "readers";

/// A view, removed when dropped.
#[derive(Debug)]
pub struct View {
    pub dir: PathBuf,
}

impl Drop for View {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Why a view could not be made.
#[derive(Debug)]
pub enum ViewError {
    /// The writer moved on while the view was made: try again.
    Moved,
    /// The folder cannot be written, or the files cannot be linked (another filesystem).
    Io(io::Error),
}

impl From<io::Error> for ViewError {
    fn from(e: io::Error) -> Self {
        ViewError::Io(e)
    }
}

/// Makes a view of the store in `store`.
pub fn make(store: &Path) -> Result<View, ViewError> {
    static N: AtomicUsize = AtomicUsize::new(0);
    remove_dead(store);
    let readers = store.join(READERS);
    fs::create_dir_all(&readers)?;
    let dir = readers.join(format!(
        "{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir(&dir)?;
    let view = View { dir };
    fill(store, &view.dir)?;
    Ok(view)
}

fn fill(store: &Path, dir: &Path) -> Result<(), ViewError> {
    let current = fs::read_to_string(store.join("CURRENT"))?;
    let manifest = current.trim().to_string();
    if manifest.is_empty() || manifest.contains('/') {
        return Err(ViewError::Moved);
    }
    // the manifest first: any file it names is linked below unless the writer has moved on,
    // which the length check at the end sees
    let copied =
        copy_if_there(&store.join(&manifest), &dir.join(&manifest))?.ok_or(ViewError::Moved)?;
    for entry in fs::read_dir(store)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let from = entry.path();
        let to = dir.join(name);
        if is_table(name) {
            match fs::hard_link(&from, &to) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        } else if name.ends_with(".log") && name.starts_with(|c: char| c.is_ascii_digit())
            || name.starts_with("OPTIONS-")
            || name == "IDENTITY"
        {
            copy_if_there(&from, &to)?;
        }
    }
    fs::write(dir.join("CURRENT"), &current)?;
    let now = fs::read_to_string(store.join("CURRENT"))?;
    let length = fs::metadata(store.join(&manifest)).map(|m| m.len()).ok();
    if now != current || length != Some(copied) {
        return Err(ViewError::Moved);
    }
    Ok(())
}

/// RocksDB's table files: `000123.sst` (not the bulk loader's `bulk-*.sst`, which are no part
/// of the store until its commit hands them over under numbered names).
fn is_table(name: &str) -> bool {
    name.strip_suffix(".sst")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Copies `from` if it is there; returns its length, or None if it was not.
fn copy_if_there(from: &Path, to: &Path) -> io::Result<Option<u64>> {
    match fs::copy(from, to) {
        Ok(n) => Ok(Some(n)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Removes the views of processes that are gone (a reader killed before it could remove its
/// own), so that the files they link are freed.
pub fn remove_dead(store: &Path) {
    let Ok(entries) = fs::read_dir(store.join(READERS)) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let pid = name
            .to_str()
            .and_then(|n| n.split('-').next())
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(pid) = pid {
            if pid != std::process::id() && !alive(pid) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Whether a process of that id runs (on systems without /proc, every one is taken to run).
pub(crate) fn alive(pid: u32) -> bool {
    if Path::new("/proc/self").exists() {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_told_from_bulk_files() {
        assert!(is_table("000375.sst"));
        assert!(!is_table("bulk-12-3.sst"));
        assert!(!is_table(".sst"));
        assert!(!is_table("000375.log"));
    }
}
