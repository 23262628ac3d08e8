//! The files of `ontology/syntax/`, compiled into the binary: the tagger's model and the
//! lemmatizer's tables. The syntax stage reads them from here, and the lexicon's version digest
//! covers them, so that a change to any of them changes the version recorded with each document.

/// The part-of-speech tagger's model (`ontology/syntax/README.md` says how it is made).
pub static TAGGER_MODEL: &[u8] = include_bytes!("../../ontology/syntax/tagger.bin");

/// Irregular forms and their lemmas.
pub static LEMMA_EXCEPTIONS: &str = include_str!("../../ontology/syntax/lemmas.tsv");

/// Base forms the regular rules may produce.
pub static LEMMA_BASES: &str = include_str!("../../ontology/syntax/bases.tsv");

/// Every file above by name, in a fixed order, for the version digest.
pub static FILES: &[(&str, &[u8])] = &[
    ("tagger.bin", TAGGER_MODEL),
    ("lemmas.tsv", LEMMA_EXCEPTIONS.as_bytes()),
    ("bases.tsv", LEMMA_BASES.as_bytes()),
];
