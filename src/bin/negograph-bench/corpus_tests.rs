//! Tests of the corpus generator: same seed, same bytes; a small corpus is the start of a large
//! one; every style appears; the extractor finds the cast it was given.

use chrono::NaiveDate;
use negograph::lexicon::Lexicon;

use super::corpus::*;

fn lexicon() -> Lexicon {
    Lexicon::builtin().expect("built-in lexicon")
}

fn jsonl(g: &Generator, n: u64) -> Vec<u8> {
    let mut out = Vec::new();
    write_jsonl(g, n, &mut out).expect("write to memory");
    out
}

#[test]
fn an_article_depends_on_the_seed_and_its_number_only() {
    let lexicon = lexicon();
    let a = Generator::new(&lexicon, 7).article(0);
    assert_eq!(a, Generator::new(&lexicon, 7).article(0));
    assert!(!a.text.is_empty() && !a.title.is_empty());
}

#[test]
fn same_seed_same_bytes() {
    let lex = lexicon();
    let a = jsonl(&Generator::new(&lex, 42), 200);
    let b = jsonl(&Generator::new(&lex, 42), 200);
    assert_eq!(a, b);
    let c = jsonl(&Generator::new(&lex, 43), 200);
    assert_ne!(a, c);
}

#[test]
fn a_small_corpus_is_the_start_of_a_large_one() {
    let lex = lexicon();
    let g = Generator::new(&lex, 1);
    let small = jsonl(&g, 30);
    let large = jsonl(&g, 90);
    assert!(large.starts_with(&small));
}

#[test]
fn rng_is_fixed() {
    let mut r = Rng::new(0);
    let first: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
    let mut r = Rng::new(0);
    assert_eq!(first, (0..3).map(|_| r.next_u64()).collect::<Vec<_>>());
    let mut r = Rng::new(9);
    for _ in 0..1000 {
        let x = r.between(5, 60);
        assert!((5..=60).contains(&x));
    }
}

#[test]
fn every_style_and_length_appears_and_articles_are_distinct() {
    let lex = lexicon();
    let g = Generator::new(&lex, DEFAULT_SEED);
    let articles: Vec<GeneratedArticle> = g.articles(300).collect();
    for marker in ["LIVE: ", "Interview: ", "Statement on the "] {
        assert!(
            articles.iter().any(|a| a.title.starts_with(marker)),
            "no article titled {marker:?}"
        );
    }
    assert!(articles
        .iter()
        .any(|a| a.text.contains("FOR IMMEDIATE RELEASE")));
    assert!(articles.iter().any(|a| a.text.contains(" he said.")));
    let mut texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), articles.len());
    for a in &articles {
        assert!(
            NaiveDate::parse_from_str(&a.date, "%Y-%m-%d").is_ok(),
            "{}",
            a.date
        );
    }
}

#[test]
fn the_extractor_finds_the_cast() {
    let lex = lexicon();
    let g = Generator::new(&lex, 5);
    let mut actors = 0;
    let mut claims = 0;
    for a in g.articles(20) {
        let article = negograph::input::Article {
            text: a.text,
            title: Some(a.title),
            date: Some(a.date),
            origin: "corpus".into(),
            ..Default::default()
        };
        let x =
            negograph::extract::extract(&article, &lex, &negograph::extract::Options::default());
        assert!(
            x.sentences.len() >= MIN_SENTENCES,
            "{} sentences",
            x.sentences.len()
        );
        actors += x.actors.len();
        claims += x.stances.len() + x.participations.len();
    }
    assert!(
        actors >= 40 && claims >= 40,
        "{actors} actors, {claims} claims"
    );
}
