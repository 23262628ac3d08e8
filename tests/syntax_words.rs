//! The syntax stage's words on whole texts: spans into the original, sentence ranges, tags that
//! do not change from one run to the next, and the tags and lemmas of sentences written for it.

use std::path::PathBuf;
use std::sync::OnceLock;

use negograph::extract::syntax::{Tag, Words};
use negograph::lexicon::Lexicon;
use negograph::text::Text;

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
}

fn words(text: &str) -> Words {
    let t = Text::new(text, &lexicon().abbreviations);
    Words::new(&t, &lexicon().abbreviations)
}

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// "word/TAG" for every word of a one-sentence text.
fn tagged(text: &str) -> String {
    let w = words(text);
    (0..w.words.len())
        .map(|i| format!("{}/{}", w.text(text, i), w.words[i].tag))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn words_slice_the_text_sentence_by_sentence() {
    for name in ["01-gaza-doha-wire.txt", "05-iran-oman-interview.txt"] {
        let text = fixture(name);
        let t = Text::new(&text, &lexicon().abbreviations);
        let w = Words::new(&t, &lexicon().abbreviations);
        assert_eq!(w.sentences.len(), t.sentences.len());
        let mut next = 0;
        for (range, s) in w.sentences.iter().zip(&t.sentences) {
            assert_eq!(range.start, next, "sentence ranges follow each other");
            next = range.end;
            for i in range.clone() {
                let word = &w.words[i];
                assert!(word.start < word.end && s.start <= word.start && word.end <= s.end);
                assert_eq!(w.text(&text, i), &text[word.start..word.end]);
                assert!(!w.lemma(i).is_empty());
                assert_eq!(w.lemma(i), w.lemma(i).to_lowercase());
            }
        }
        assert_eq!(next, w.words.len());
        assert!(w.words.windows(2).all(|p| p[0].end <= p[1].start));
        let first = w.words[w.sentences[3].start];
        assert_eq!(w.word_at(first.start), w.sentences[3].start);
    }
}

#[test]
fn same_text_same_tags() {
    for name in ["01-gaza-doha-wire.txt", "07-ukraine-istanbul-liveblog.txt"] {
        let text = fixture(name);
        let (a, b) = (words(&text), words(&text));
        assert_eq!(a.words, b.words);
        let lemmas = |w: &Words| {
            (0..w.words.len())
                .map(|i| w.lemma(i).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(lemmas(&a), lemmas(&b));
    }
}

#[test]
fn tags_of_news_sentences() {
    for (text, expected) in [
        (
            "Qatar and Egypt brokered a cease-fire between Israel and Hamas on Wednesday.",
            "Qatar/NNP and/CC Egypt/NNP brokered/VBD a/DT cease-fire/NN between/IN Israel/NNP and/CC Hamas/NNP on/IN Wednesday/NNP ./.",
        ),
        (
            "The agreement, which was mediated by Oman, has not been signed.",
            "The/DT agreement/NN ,/, which/WDT was/VBD mediated/VBN by/IN Oman/NNP ,/, has/VBZ not/RB been/VBN signed/VBN ./.",
        ),
        (
            "Talks resumed in Doha after mediators presented a new draft.",
            "Talks/NNS resumed/VBD in/IN Doha/NNP after/IN mediators/NNS presented/VBD a/DT new/JJ draft/NN ./.",
        ),
        (
            "\"We don't negotiate under fire,\" the minister told reporters.",
            "\"/`` We/PRP do/VBP n't/RB negotiate/VB under/IN fire/NN ,/, \"/'' the/DT minister/NN told/VBD reporters/NNS ./.",
        ),
        (
            "Russia is seeking guarantees that Ukraine will never join NATO.",
            "Russia/NNP is/VBZ seeking/VBG guarantees/NNS that/IN Ukraine/NNP will/MD never/RB join/VB NATO/NNP ./.",
        ),
    ] {
        assert_eq!(tagged(text), expected);
    }
}

#[test]
fn lemmas_in_context() {
    let text = "Mediators said Hamas's leaders sought talks; the men were brought to Doha, where they are mediating.";
    let w = words(text);
    let lemma = |word: &str| {
        let i = (0..w.words.len())
            .find(|&i| w.text(text, i) == word)
            .unwrap_or_else(|| panic!("no word {word}"));
        (w.lemma(i).to_string(), w.words[i].tag)
    };
    assert_eq!(lemma("said"), ("say".into(), Tag::VBD));
    assert_eq!(lemma("sought").0, "seek");
    assert_eq!(lemma("men"), ("man".into(), Tag::NNS));
    assert_eq!(lemma("were").0, "be");
    assert_eq!(lemma("brought"), ("bring".into(), Tag::VBN));
    assert_eq!(lemma("mediating"), ("mediate".into(), Tag::VBG));
    assert_eq!(lemma("Mediators").0, "mediator");
    assert_eq!(lemma("'s"), ("'s".into(), Tag::POS));
}
