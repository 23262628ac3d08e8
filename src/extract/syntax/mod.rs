//! The syntax stage, read by every rule: words with their word classes and lemmas.
//!
//! [`Words`] cuts each sentence of a [`crate::text::Text`] into words, tags them with Penn
//! Treebank [`Tag`]s ([`tagger`]) and gives each its lemma ([`lemmas`]).

pub mod clauses;
pub mod lemmas;
pub mod tagger;
pub mod tags;
pub mod words;

pub use clauses::{Clause, Clauses, NounPhrase};
pub use tags::Tag;
pub use words::{Word, Words};
