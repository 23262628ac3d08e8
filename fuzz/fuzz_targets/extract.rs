//! Any text through the extractor and the mapping: no panic, spans on character boundaries, and
//! N-Triples that parse.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use negograph::export::{self, RdfSyntax};
use negograph::extract::{extract, Options};
use negograph::input::Article;
use negograph::lexicon::Lexicon;
use oxigraph::io::{RdfFormat, RdfParser};

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::builtin().expect("built-in lexicon"));

fuzz_target!(|text: &str| {
    let article = Article {
        text: text.to_string(),
        origin: "fuzz".into(),
        ..Article::default()
    };
    let x = extract(&article, &LEXICON, &Options::default());
    for &(s, e) in &x.sentences {
        assert!(s <= e && text.is_char_boundary(s) && text.is_char_boundary(e));
    }
    for m in &x.mentions {
        assert!(m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
    let quads = negograph::mapping::quads(&x, &LEXICON);
    let nt = export::write(&quads, RdfSyntax::Ntriples, Vec::new()).expect("write to memory");
    for q in RdfParser::from_format(RdfFormat::NTriples).for_slice(&nt) {
        q.expect("the output parses as N-Triples");
    }
});
