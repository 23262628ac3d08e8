//! Properties of the extractor for any input: it does not panic, every span slices the text at
//! character boundaries, and the output always parses as N-Triples.

use negograph::export::{self, RdfSyntax};
use negograph::extract::{extract, Options};
use negograph::input::Article;
use negograph::lexicon::Lexicon;
use oxigraph::io::{RdfFormat, RdfParser};
use proptest::prelude::*;
use std::sync::LazyLock;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::builtin().expect("built-in lexicon"));

/// Text made of news words, names, cue words, quotes, dashes, non-Latin script and invisible marks.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("Hamas".to_string()),
            Just("Qatar’s".to_string()),
            Just("Mr.".to_string()),
            Just("said".to_string()),
            Just("rejected".to_string()),
            Just("the cease-fire".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("—".to_string()),
            Just(", ".to_string()),
            Just(". ".to_string()),
            Just("\n".to_string()),
            Just("Prime Minister".to_string()),
            Just("Benjamin Netanyahu".to_string()),
            Just("mediators from".to_string()),
            Just("حماس".to_string()),
            Just("ישראל".to_string()),
            Just("\u{200f}".to_string()),
            Just("\u{200b}".to_string()),
            Just("not".to_string()),
            Just("if".to_string()),
            "[A-Za-z’'.,;:!?\"\\- ]{0,12}".prop_map(|s| s),
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..60,
    );
    pieces.prop_map(|p| p.join(" "))
}

fn check(text: &str) {
    let article = Article {
        text: text.to_string(),
        origin: "prop".into(),
        ..Article::default()
    };
    let x = extract(&article, &LEXICON, &Options::default());
    for &(s, e) in &x.sentences {
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e) && s <= e);
    }
    for m in &x.mentions {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.start < m.end);
    }
    for st in &x.stances {
        assert!(text.is_char_boundary(st.evidence.start) && text.is_char_boundary(st.evidence.end));
    }
    let quads = negograph::mapping::quads(&x, &LEXICON);
    let nt = export::write(&quads, RdfSyntax::Ntriples, Vec::new()).expect("write");
    let parsed = RdfParser::from_format(RdfFormat::NTriples)
        .for_slice(&nt)
        .collect::<Result<Vec<_>, _>>();
    assert!(parsed.is_ok(), "output is not N-Triples: {parsed:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn news_like_text(text in newsy()) {
        check(&text);
    }
}
