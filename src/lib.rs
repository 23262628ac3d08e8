//! negograph turns news about negotiations into an RDF knowledge graph.
//!
//! The pipeline runs one way, each stage a pure function, with file and store I/O at the edges:
//! bytes are read into an [`input::Article`]; [`text::Text`] cuts it into sentences and tokens
//! with byte spans into the original; [`extract`] finds actors and every reference to them, the
//! posts people hold, their roles in the negotiation and their stances, each claim keeping the
//! sentence and the rule that made it; [`mapping`] turns the claims into quads of one named graph
//! per document, with deterministic IRIs; [`store`] keeps them in Oxigraph, which [`query`] and
//! [`export`] read. All the extractor's words live in `ontology/` as Turtle ([`lexicon`]).
//!
//! ```
//! use negograph::{extract, input::Article, lexicon::Lexicon};
//!
//! let lexicon = Lexicon::builtin().unwrap();
//! let article = Article {
//!     text: "Mediators from Qatar and Egypt said Hamas had accepted the cease-fire proposal.".into(),
//!     origin: "example".into(),
//!     ..Article::default()
//! };
//! let x = extract::extract(&article, &lexicon, &extract::Options::default());
//! let labels: Vec<&str> = x.actors.iter().map(|a| a.label.as_str()).collect();
//! assert!(labels.contains(&"Qatar") && labels.contains(&"Hamas"));
//! let quads = negograph::mapping::quads(&x, &lexicon);
//! assert!(!quads.is_empty());
//! ```

pub mod backend;
pub mod date;
pub mod eval;
pub mod explain;
pub mod export;
pub mod extract;
pub mod input;
pub mod lexicon;
pub mod limits;
pub mod mapping;
pub mod meter;
pub mod network;
pub mod pipeline;
pub mod query;
pub mod remote;
pub mod rulebook;
pub mod select;
pub mod serve;
pub mod snapshot;
pub mod store;
pub mod subtitles;
pub mod text;
pub mod validate;
pub mod vocab;

/// Counts the heap each query of `serve` holds ([`meter`]); otherwise the system's allocator.
#[global_allocator]
static ALLOCATOR: meter::Counting = meter::Counting;
