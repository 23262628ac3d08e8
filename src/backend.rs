//! Where the graph lives: the embedded Oxigraph store, or a remote SPARQL 1.1 store. The
//! commands are written once against [`Backend`]; ingestion against [`DocumentStore`].

use std::io::Write;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Quad, Term, Variable};

use crate::export::{self, RdfSyntax};
use crate::mapping::Mapped;
use crate::query::{self, Outcome, QueryError, ResultsFormat};
use crate::remote::Remote;
use crate::store::{BulkWriter, Store, StoreError};

/// An export failed in the store or while writing.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// What ingestion needs of a store: is a document there, and add one whole.
pub trait DocumentStore {
    fn contains_graph(&self, iri: &str) -> Result<bool, StoreError>;
    /// Adds a document's graph, and what it adds to the shared graph, unless the document is
    /// there already; returns the quads written, or None when it was there.
    fn add_document(&self, graph: &str, mapped: Mapped) -> Result<Option<usize>, StoreError>;
}

impl DocumentStore for BulkWriter<'_> {
    fn contains_graph(&self, iri: &str) -> Result<bool, StoreError> {
        BulkWriter::contains_graph(self, iri)
    }
    fn add_document(&self, graph: &str, mapped: Mapped) -> Result<Option<usize>, StoreError> {
        BulkWriter::add_document(self, graph, mapped)
    }
}

impl DocumentStore for Store {
    fn contains_graph(&self, iri: &str) -> Result<bool, StoreError> {
        Store::contains_graph(self, iri)
    }
    fn add_document(&self, graph: &str, mapped: Mapped) -> Result<Option<usize>, StoreError> {
        Store::add_document(self, graph, mapped)
    }
}

impl DocumentStore for Remote {
    fn contains_graph(&self, iri: &str) -> Result<bool, StoreError> {
        Ok(Remote::contains_graph(self, iri)?)
    }
    fn add_document(&self, graph: &str, mapped: Mapped) -> Result<Option<usize>, StoreError> {
        Ok(Remote::add_document(self, graph, mapped)?)
    }
}

impl DocumentStore for Backend {
    fn contains_graph(&self, iri: &str) -> Result<bool, StoreError> {
        match self {
            Backend::Embedded(s) => s.contains_graph(iri),
            Backend::Remote(r) => Ok(r.contains_graph(iri)?),
        }
    }
    fn add_document(&self, graph: &str, mapped: Mapped) -> Result<Option<usize>, StoreError> {
        match self {
            Backend::Embedded(s) => s.add_document(graph, mapped),
            Backend::Remote(r) => Ok(r.add_document(graph, mapped)?),
        }
    }
}

/// The shared graph, then the document graphs.
fn shared_and(documents: Vec<String>) -> Vec<String> {
    let mut graphs = vec![crate::vocab::SHARED_GRAPH.to_string()];
    graphs.extend(documents);
    graphs
}

/// Both stores are boxed: they differ much in size (an open [`Store`] is some 240 bytes), and a
/// command opens one `Backend`, so the box costs one allocation.
pub enum Backend {
    Embedded(Box<Store>),
    Remote(Box<Remote>),
}

impl Backend {
    /// The embedded store, for the commands that only it serves.
    pub fn embedded(&self) -> Option<&Store> {
        match self {
            Backend::Embedded(s) => Some(s),
            Backend::Remote(_) => None,
        }
    }

    /// Runs a read-only query over the union of the graphs and writes its results.
    pub fn query<W: Write>(
        &self,
        text: &str,
        params: &[(Variable, Term)],
        format: ResultsFormat,
        timeout: Option<Duration>,
        out: W,
    ) -> Result<Outcome, QueryError> {
        match self {
            Backend::Embedded(s) => query::run(s, text, params, format, timeout, out),
            Backend::Remote(r) => r.query(text, params, format, out),
        }
    }

    pub fn update(&self, text: &str) -> Result<(), QueryError> {
        match self {
            Backend::Embedded(s) => query::update(s, text),
            Backend::Remote(r) => r.update(text),
        }
    }

    /// Parses all of `bytes` first; then adds the quads in one transaction (embedded) or one
    /// SPARQL Update request (remote).
    pub fn load(
        &self,
        bytes: &[u8],
        format: RdfFormat,
        graph: Option<&str>,
        origin: &str,
    ) -> Result<usize, StoreError> {
        match self {
            Backend::Embedded(s) => s.load(bytes, format, graph, origin),
            Backend::Remote(r) => {
                let quads = crate::store::parse_whole(bytes, format, graph, origin)?;
                r.insert(&quads)?;
                Ok(quads.len())
            }
        }
    }

    pub fn remove_graph(&self, iri: &str) -> Result<bool, StoreError> {
        match self {
            Backend::Embedded(s) => s.remove_graph(iri),
            Backend::Remote(r) => Ok(r.remove_graph(iri)?),
        }
    }

    /// Writes the document graphs (or one graph) in `syntax`; returns the number of quads read.
    /// N-Quads streams quad by quad in the store's order, whatever the store's size; the other
    /// syntaxes are sorted, so they collect the quads first.
    pub fn export<W: Write>(
        &self,
        syntax: RdfSyntax,
        graph: Option<&str>,
        out: W,
    ) -> Result<(usize, W), ExportError> {
        if syntax == RdfSyntax::Nquads {
            let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(out);
            let mut n = 0;
            // An error of the writer is kept aside, so that a closed pipe is told apart.
            let mut failed: Option<std::io::Error> = None;
            let mut write = |q: Quad| -> Result<(), StoreError> {
                n += 1;
                w.serialize_quad(&q).map_err(|e| {
                    let kind = e.kind();
                    failed = Some(e);
                    StoreError::Write(kind.into())
                })
            };
            let result = match self {
                Backend::Embedded(s) => s.for_each_quad(graph, &mut write).map(|_| ()),
                Backend::Remote(r) => (|| {
                    let graphs = match graph {
                        Some(g) => vec![g.to_string()],
                        None => shared_and(r.document_graphs()?),
                    };
                    for g in graphs {
                        r.for_each_quad(&g, &mut write)?;
                    }
                    Ok(())
                })(),
            };
            if let Some(e) = failed {
                return Err(ExportError::Io(e));
            }
            result?;
            return Ok((n, w.finish()?));
        }
        let quads = match self {
            Backend::Embedded(s) => s.quads(graph)?,
            Backend::Remote(r) => {
                let graphs = match graph {
                    Some(g) => vec![g.to_string()],
                    None => shared_and(r.document_graphs().map_err(StoreError::from)?),
                };
                let mut quads = Vec::new();
                for g in graphs {
                    r.for_each_quad(&g, |q| {
                        quads.push(q);
                        Ok(())
                    })?;
                }
                export::sort_quads(&mut quads);
                quads
            }
        };
        let mut quads = quads;
        if !syntax.has_graphs() {
            export::with_implied(&mut quads);
        }
        let w = export::write(&quads, syntax, out)?;
        Ok((quads.len(), w))
    }

    /// The number of quads (for a remote store, those of the document graphs and the ontology).
    pub fn len(&self) -> Result<usize, StoreError> {
        match self {
            Backend::Embedded(s) => s.len(),
            Backend::Remote(r) => Ok(r.len()?),
        }
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        match self {
            Backend::Embedded(s) => s.flush(),
            Backend::Remote(_) => Ok(()),
        }
    }
}
