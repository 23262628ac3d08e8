//! Trains the part-of-speech tagger and the lemma tables of `ontology/syntax/` from Universal
//! Dependencies treebanks, and measures them.
//!
//! ```text
//! cargo run --release --example train_tagger -- train --ewt UD_English-EWT --gum UD_English-GUM
//! cargo run --release --example train_tagger -- eval --ewt UD_English-EWT --gum UD_English-GUM
//! cargo run --release --example train_tagger -- tag tests/fixtures/articles/01-gaza-doha-wire.txt
//! cargo run --release --example train_tagger -- tag corpus.jsonl > before.txt
//! cargo run --release --example train_tagger -- speed --jsonl corpus.jsonl
//! ```
//!
//! The treebanks are read from clones of their repositories: each document under
//! `not-to-release/sources/`, split into train, dev and test by `not-to-release/file-lists/`.
//! GUM's genres whose texts may not be redistributed (see `ontology/syntax/README.md`) are left
//! out. Each treebank sentence is cut into words by negograph's own segmentation, and each word
//! takes the treebank's tag of the part it covers; a word that joins several treebank words (a
//! hyphenated compound) takes the tag of its syntactic head, the part whose head lies outside
//! the word. Training is deterministic: same treebanks, same bytes.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand};
use negograph::extract::syntax::lemmas::Lemmatizer;
use negograph::extract::syntax::tagger::{Classes, Context, Model, Tagger};
use negograph::extract::syntax::words::segment;
use negograph::extract::syntax::{Tag, Words};
use negograph::lexicon::Lexicon;
use negograph::text::{tokenize, Text};

#[derive(Parser)]
#[command(about = "Train and measure negograph's part-of-speech tagger and lemmas")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Treebanks {
    /// A clone of UniversalDependencies/UD_English-EWT.
    #[arg(long)]
    ewt: PathBuf,
    /// A clone of UniversalDependencies/UD_English-GUM (its redistributable genres are used).
    #[arg(long)]
    gum: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Train on the train splits (and dev, with --with-dev), write the model files, measure.
    Train {
        #[command(flatten)]
        treebanks: Treebanks,
        /// Where to write tagger.bin, lemmas.tsv and bases.tsv.
        #[arg(long, default_value = "ontology/syntax")]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 10)]
        iterations: usize,
        /// Also train on the dev splits (for the shipped model; test stays unseen).
        #[arg(long)]
        with_dev: bool,
        /// Drop weights whose magnitude, after quantization, is below this.
        #[arg(long, default_value_t = 8)]
        prune: i16,
        /// Words seen at least this often, with one tag at least this share of the time, take
        /// it from the dictionary.
        #[arg(long, default_value_t = 20)]
        dictionary_count: usize,
        #[arg(long, default_value_t = 0.995)]
        dictionary_share: f64,
    },
    /// Measure the built-in model on the dev and test splits.
    Eval {
        #[command(flatten)]
        treebanks: Treebanks,
        /// Also train on the dev splits counted as known words (as the shipped model was).
        #[arg(long)]
        with_dev: bool,
    },
    /// Print each word of text files with its tag and lemma, one sentence a line; a `.jsonl`
    /// file is read as JSON Lines articles (negograph-bench generate), a blank line after each
    /// article. Dumps of a corpus before and after a change to the tagger show what it changed.
    Tag {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Time words, tags and lemmas over a JSON Lines corpus (negograph-bench generate).
    Speed {
        #[arg(long)]
        jsonl: PathBuf,
        /// Passes over the corpus.
        #[arg(long, default_value_t = 3)]
        passes: usize,
    },
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Train {
            treebanks,
            out,
            iterations,
            with_dev,
            prune,
            dictionary_count,
            dictionary_share,
        } => {
            let data = Data::load(&treebanks)?;
            let train = data.training(with_dev);
            eprintln!("training on {} words", words_in(&train));
            let bases = bases(&train);
            let exceptions = exceptions(&train, &bases);
            let dictionary = dictionary(&train, dictionary_count, dictionary_share);
            let classes = tag_classes(train.iter().copied());
            let model = train_model(&train, &dictionary, classes, iterations, prune);
            let bytes = model.to_bytes();
            std::fs::create_dir_all(&out)?;
            write(&out.join("tagger.bin"), &bytes)?;
            write(&out.join("lemmas.tsv"), exceptions.as_bytes())?;
            write(&out.join("bases.tsv"), bases.as_bytes())?;
            eprintln!(
                "model: {} features, {} votes, {} dictionary words, {} bytes",
                model.weights.len(),
                model.weights.iter().map(|w| w.1.len()).sum::<usize>(),
                model.dictionary.len(),
                bytes.len()
            );
            let tagger = Tagger::new(&model);
            let lemmatizer = Lemmatizer::new(&exceptions, &bases);
            report(&data, &train, &tagger, &lemmatizer);
            Ok(())
        }
        Command::Eval {
            treebanks,
            with_dev,
        } => {
            let data = Data::load(&treebanks)?;
            let train = data.training(with_dev);
            report(&data, &train, Tagger::builtin(), Lemmatizer::builtin());
            Ok(())
        }
        Command::Tag { files } => tag_files(&files),
        Command::Speed { jsonl, passes } => speed(&jsonl, passes),
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Treebanks

/// One word of a treebank sentence.
struct UdWord {
    form: String,
    lemma: String,
    xpos: String,
    head: usize,
    /// Byte span in the sentence text.
    span: (usize, usize),
}

/// A treebank sentence cut into negograph's words, with the treebank's tag and lemma of each.
struct Example {
    text: String,
    spans: Vec<(usize, usize)>,
    gold: Vec<Option<Tag>>,
    lemmas: Vec<Option<String>>,
}

struct Split {
    name: String,
    sentences: Vec<Example>,
}

struct Data {
    splits: Vec<Split>,
}

/// GUM's genres whose texts may be redistributed, with their licenses (ontology/syntax/README.md).
const GUM_GENRES: &[&str] = &[
    "academic",
    "bio",
    "conversation",
    "court",
    "interview",
    "news",
    "speech",
    "textbook",
    "vlog",
    "voyage",
];

impl Data {
    fn load(t: &Treebanks) -> Result<Data> {
        let abbreviations = Lexicon::builtin()?.abbreviations;
        let mut stats = Alignment::default();
        let mut splits = Vec::new();
        for part in ["train", "dev", "test"] {
            let files = read_list(&t.ewt, part)?
                .into_iter()
                .map(|f| t.ewt.join("not-to-release/sources").join(f));
            let sentences = read_files(files, &abbreviations, &mut stats)?;
            splits.push(Split {
                name: format!("EWT {part}"),
                sentences,
            });
        }
        if let Some(gum) = &t.gum {
            for part in ["train", "dev", "test"] {
                let names: Vec<String> = read_list(gum, part)?
                    .into_iter()
                    .filter(|n| {
                        GUM_GENRES
                            .iter()
                            .any(|g| n.starts_with(&format!("GUM_{g}_")))
                    })
                    .collect();
                let path = |n: &String| gum.join(format!("not-to-release/sources/{n}.conllu"));
                let all = read_files(names.iter().map(path), &abbreviations, &mut stats)?;
                splits.push(Split {
                    name: format!("GUM {part}"),
                    sentences: all,
                });
                let news = names
                    .iter()
                    .filter(|n| n.starts_with("GUM_news_"))
                    .map(path);
                let news = read_files(news, &abbreviations, &mut stats)?;
                splits.push(Split {
                    name: format!("GUM news {part}"),
                    sentences: news,
                });
            }
        }
        eprintln!(
            "alignment: {} sentences read, {} skipped (text and forms disagree); {} words, {} without a tag (inside a treebank word, or tagged GW/XX)",
            stats.sentences, stats.skipped, stats.words, stats.untagged
        );
        Ok(Data { splits })
    }

    /// The training sentences: EWT and GUM train (GUM news train is part of GUM train).
    fn training(&self, with_dev: bool) -> Vec<&Example> {
        self.splits
            .iter()
            .filter(|s| {
                !s.name.contains("news")
                    && (s.name.ends_with("train") || with_dev && s.name.ends_with("dev"))
            })
            .flat_map(|s| &s.sentences)
            .collect()
    }
}

fn read_list(repo: &Path, part: &str) -> Result<Vec<String>> {
    let path = repo.join(format!("not-to-release/file-lists/files.{part}"));
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

#[derive(Default)]
struct Alignment {
    sentences: usize,
    skipped: usize,
    words: usize,
    untagged: usize,
}

fn read_files(
    files: impl Iterator<Item = PathBuf>,
    abbreviations: &HashSet<String>,
    stats: &mut Alignment,
) -> Result<Vec<Example>> {
    let mut out = Vec::new();
    for path in files {
        if !path.exists() {
            continue; // GUM's reddit documents are not in the repository.
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        for block in text.split("\n\n") {
            let Some((sentence, words)) = parse_sentence(block) else {
                if block
                    .lines()
                    .any(|l| l.starts_with(|c: char| c.is_ascii_digit()))
                {
                    stats.skipped += 1;
                }
                continue;
            };
            stats.sentences += 1;
            let e = align(sentence, &words, abbreviations);
            stats.words += e.gold.len();
            stats.untagged += e.gold.iter().filter(|g| g.is_none()).count();
            out.push(e);
        }
    }
    Ok(out)
}

/// A CoNLL-U sentence: its text and its words with their spans in it; `None` if the forms
/// cannot be found in the text.
fn parse_sentence(block: &str) -> Option<(String, Vec<UdWord>)> {
    let mut text = None;
    // (first word id, last word id, surface form)
    let mut surfaces: Vec<(usize, usize, String)> = Vec::new();
    let mut words = Vec::new();
    for line in block.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.to_string());
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 {
            continue;
        }
        if let Some((a, b)) = f[0].split_once('-') {
            surfaces.push((a.parse().ok()?, b.parse().ok()?, f[1].to_string()));
            continue;
        }
        let Ok(id) = f[0].parse::<usize>() else {
            continue; // empty nodes ("8.1")
        };
        if surfaces.last().is_none_or(|s| s.1 < id) {
            surfaces.push((id, id, f[1].to_string()));
        }
        words.push(UdWord {
            form: f[1].to_string(),
            lemma: f[2].to_string(),
            xpos: f[4].to_string(),
            head: f[6].parse().unwrap_or(0),
            span: (0, 0),
        });
    }
    let text = text?;
    let mut pos = 0;
    for (a, b, form) in &surfaces {
        let rest = &text[pos..];
        let skip = rest.len() - rest.trim_start().len();
        let at = pos + skip;
        if !text[at..].starts_with(form.as_str()) {
            return None;
        }
        let end = at + form.len();
        let parts = &mut words[a - 1..*b];
        let joined: usize = parts.iter().map(|w| w.form.len()).sum();
        let mut p = at;
        for w in parts.iter_mut() {
            if joined == form.len() {
                w.span = (p, p + w.form.len());
                p += w.form.len();
            } else {
                w.span = (at, end);
            }
        }
        pos = end;
    }
    Some((text, words))
}

/// Cuts a treebank sentence into negograph's words and gives each the treebank's tag.
fn align(text: String, ud: &[UdWord], abbreviations: &HashSet<String>) -> Example {
    let tokens = tokenize(&text);
    let mut spans = Vec::new();
    segment(&text, &tokens, abbreviations, &mut spans);
    let mut gold = Vec::with_capacity(spans.len());
    let mut lemmas = Vec::with_capacity(spans.len());
    for &(s, e) in &spans {
        let first = ud.iter().position(|w| w.span.0 == s);
        let last = ud.iter().rposition(|w| w.span.1 == e);
        let (tag, lemma) = match (first, last) {
            (Some(a), Some(b)) if a <= b => {
                let inside = |id: usize| id > a && id <= b + 1;
                let head = (a..=b).rev().find(|&i| !inside(ud[i].head));
                let tag = head.and_then(|h| map_xpos(&ud[h].xpos, &ud[h].form));
                let lemma = (a == b && ud[a].span == (s, e)).then(|| plain_lower(&ud[a].lemma));
                (tag, lemma)
            }
            _ => (None, None),
        };
        gold.push(tag);
        lemmas.push(lemma);
    }
    Example {
        text,
        spans,
        gold,
        lemmas,
    }
}

/// The treebank's XPOS as one of the 45 Penn Treebank tags. UD's additions: HYPH (a hyphen
/// left alone) and NFP made of dashes or periods are ':'; other NFP (emoticons, rules of
/// asterisks) SYM; ADD (addresses) NN; AFX (a prefix written apart) JJ; GW and XX none.
fn map_xpos(xpos: &str, form: &str) -> Option<Tag> {
    match xpos {
        "HYPH" => Some(Tag::Colon),
        "NFP" if form.chars().all(|c| ".-–—…~".contains(c)) => Some(Tag::Colon),
        "NFP" => Some(Tag::SYM),
        "ADD" => Some(Tag::NN),
        "AFX" => Some(Tag::JJ),
        "GW" | "XX" => None,
        x => Tag::from_ptb(x),
    }
}

fn plain_lower(s: &str) -> String {
    s.chars()
        .map(|c| if matches!(c, '’' | '‘') { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn words_in(sentences: &[&Example]) -> usize {
    sentences.iter().map(|s| s.spans.len()).sum()
}

// ---------------------------------------------------------------------------------------------
// Lemma tables

/// Base forms of verbs and adjectives: the treebanks' lemmas of words tagged so.
fn bases(train: &[&Example]) -> String {
    let mut verbs = std::collections::BTreeSet::new();
    let mut adjectives = std::collections::BTreeSet::new();
    for s in train {
        for (g, l) in s.gold.iter().zip(&s.lemmas) {
            let (Some(g), Some(l)) = (g, l) else { continue };
            if !l.bytes().all(|b| b.is_ascii_lowercase()) || l.len() < 2 {
                continue;
            }
            if g.is_verb() {
                verbs.insert(l.clone());
            } else if g.is_adjective() {
                adjectives.insert(l.clone());
            }
        }
    }
    let mut out = String::from(
        "# Base forms of verbs (V) and adjectives (A), which decide between the candidates of\n\
         # the lemma rules. Made by examples/train_tagger.rs from the treebanks' lemmas; see README.md.\n",
    );
    for v in verbs {
        out.push_str(&format!("V\t{v}\n"));
    }
    for a in adjectives {
        out.push_str(&format!("A\t{a}\n"));
    }
    out
}

/// The forms whose treebank lemma (the most frequent, for each form and tag) differs from what
/// the rules give.
fn exceptions(train: &[&Example], bases: &str) -> String {
    let rules = Lemmatizer::new("", bases);
    let mut counts: BTreeMap<(String, Tag), BTreeMap<String, usize>> = BTreeMap::new();
    for s in train {
        for ((&(a, b), g), l) in s.spans.iter().zip(&s.gold).zip(&s.lemmas) {
            let (Some(g), Some(l)) = (g, l) else { continue };
            // Numbers, names and punctuation are their own lemmas, whatever a treebank says.
            let own = matches!(g, Tag::CD | Tag::NNP | Tag::SYM) || g.is_punctuation();
            if own || l.is_empty() || l.contains(char::is_whitespace) {
                continue;
            }
            let form = plain_lower(&s.text[a..b]);
            *counts
                .entry((form, *g))
                .or_default()
                .entry(l.clone())
                .or_default() += 1;
        }
    }
    let mut out = String::from(
        "# form\ttag\tlemma: forms whose lemma the rules of src/extract/syntax/lemmas.rs get wrong.\n\
         # Made by examples/train_tagger.rs from the treebanks' lemmas; see README.md.\n",
    );
    for ((form, tag), lemmas) in counts {
        // The most frequent lemma; of equals, the first in order.
        let Some((lemma, _)) = lemmas.iter().rev().max_by_key(|(_, n)| **n) else {
            continue;
        };
        if rules.lemma_of(&form, tag) != *lemma {
            out.push_str(&format!("{form}\t{tag}\t{lemma}\n"));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The perceptron

/// The words that take their tag from the dictionary: seen at least `count` times, with one tag
/// at least `share` of the time.
fn dictionary(train: &[&Example], count: usize, share: f64) -> Vec<(u64, Tag)> {
    let mut seen: HashMap<u64, [usize; 45]> = HashMap::new();
    for s in train {
        let context = Context::new(&s.text, &s.spans, &Classes::default());
        for (i, g) in s.gold.iter().enumerate() {
            let Some(g) = g else { continue };
            seen.entry(context.form(i)).or_insert([0; 45])[g.index()] += 1;
        }
    }
    let mut out: Vec<(u64, Tag)> = seen
        .into_iter()
        .filter_map(|(h, counts)| {
            let total: usize = counts.iter().sum();
            let (best, n) = counts
                .iter()
                .enumerate()
                .max_by_key(|&(i, n)| (n, usize::MAX - i))?;
            (total >= count && *n as f64 >= share * total as f64).then(|| (h, Tag::ALL[best]))
        })
        .collect();
    out.sort();
    out
}

/// The tags of each lower-case form seen at least twice: those it has at least 2% of the time.
fn tag_classes<'a>(train: impl Iterator<Item = &'a Example>) -> Vec<(u64, u64)> {
    let mut seen: HashMap<u64, [usize; 45]> = HashMap::new();
    for s in train {
        let context = Context::new(&s.text, &s.spans, &Classes::default());
        for (i, g) in s.gold.iter().enumerate() {
            let Some(g) = g else { continue };
            seen.entry(context.lower(i)).or_insert([0; 45])[g.index()] += 1;
        }
    }
    let mut out: Vec<(u64, u64)> = seen
        .into_iter()
        .filter_map(|(h, counts)| {
            let total: usize = counts.iter().sum();
            let mask = counts
                .iter()
                .enumerate()
                .filter(|&(_, &n)| n > 0 && n * 50 >= total)
                .fold(0u64, |m, (i, _)| m | 1 << i);
            (total >= 2).then_some((h, mask))
        })
        .collect();
    out.sort();
    out
}

#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u32 keys")
    }
    fn write_u32(&mut self, k: u32) {
        self.0 = k as u64 * 0x9E37_79B9_7F4A_7C15;
    }
}

#[derive(Clone, Copy)]
struct Param {
    tag: u8,
    weight: i32,
    total: i64,
    stamp: u64,
}

#[derive(Default)]
struct Perceptron {
    params: HashMap<u32, Vec<Param>, BuildHasherDefault<Identity>>,
    step: u64,
}

impl Perceptron {
    fn best(&self, keys: &[u32]) -> Tag {
        let mut scores = [0i64; 45];
        for k in keys {
            if let Some(ps) = self.params.get(k) {
                for p in ps {
                    scores[p.tag as usize] += p.weight as i64;
                }
            }
        }
        let mut best = 0;
        for i in 1..45 {
            if scores[i] > scores[best] {
                best = i;
            }
        }
        Tag::ALL[best]
    }

    fn update(&mut self, keys: &[u32], tag: Tag, delta: i32) {
        let step = self.step;
        for k in keys {
            let ps = self.params.entry(*k).or_default();
            let p = match ps.iter_mut().position(|p| p.tag == tag as u8) {
                Some(i) => &mut ps[i],
                None => {
                    ps.push(Param {
                        tag: tag as u8,
                        weight: 0,
                        total: 0,
                        stamp: step,
                    });
                    ps.last_mut().expect("just pushed")
                }
            };
            p.total += (step - p.stamp) as i64 * p.weight as i64;
            p.stamp = step;
            p.weight += delta;
        }
    }

    /// The averaged weights, quantized to i16 and pruned.
    fn averaged(&self, prune: i16) -> Vec<(u32, Vec<(Tag, i16)>)> {
        let step = self.step.max(1);
        let avg =
            |p: &Param| (p.total + (step - p.stamp) as i64 * p.weight as i64) as f64 / step as f64;
        let max = self
            .params
            .values()
            .flatten()
            .map(|p| avg(p).abs())
            .fold(0.0f64, f64::max)
            .max(1e-9);
        let scale = 32000.0 / max;
        let mut out: Vec<(u32, Vec<(Tag, i16)>)> = self
            .params
            .iter()
            .map(|(k, ps)| {
                let mut votes: Vec<(Tag, i16)> = ps
                    .iter()
                    .map(|p| (Tag::ALL[p.tag as usize], (avg(p) * scale).round() as i16))
                    .filter(|&(_, w)| w.abs() >= prune.max(1))
                    .collect();
                votes.sort();
                (*k, votes)
            })
            .filter(|(_, v)| !v.is_empty())
            .collect();
        out.sort();
        out
    }
}

/// Parts of the training data for the classes each sentence reads.
const FOLDS: usize = 10;

fn train_model(
    train: &[&Example],
    dictionary: &[(u64, Tag)],
    classes: Vec<(u64, u64)>,
    iterations: usize,
    prune: i16,
) -> Model {
    let known: HashMap<u64, Tag> = dictionary.iter().copied().collect();
    // Each sentence reads the classes of the other nine tenths, as a new text would.
    let mut contexts: Vec<Option<Context>> = train.iter().map(|_| None).collect();
    for fold in 0..FOLDS {
        let others = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, s)| *s);
        let lookup = Classes::new(&tag_classes(others));
        for (i, s) in train.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            contexts[i] = Some(Context::new(&s.text, &s.spans, &lookup));
        }
    }
    let contexts: Vec<Context> = contexts.into_iter().flatten().collect();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut perceptron = Perceptron::default();
    let mut keys = Vec::new();
    let mut tags = Vec::new();
    for iteration in 0..iterations {
        let started = Instant::now();
        // Fisher-Yates with xorshift: the same order on every run.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let (mut right, mut all) = (0, 0);
        for &si in &order {
            let (s, c) = (train[si], &contexts[si]);
            tags.clear();
            for i in 0..c.len() {
                let p1 = tags.last().copied();
                let p2 = i.checked_sub(2).map(|j| tags[j]);
                let guess = match known.get(&c.form(i)) {
                    Some(&t) => t,
                    None => {
                        keys.clear();
                        c.features(i, p1, p2, &mut keys);
                        let guess = perceptron.best(&keys);
                        perceptron.step += 1;
                        if let Some(gold) = s.gold[i] {
                            if guess != gold {
                                perceptron.update(&keys, gold, 1);
                                perceptron.update(&keys, guess, -1);
                            }
                        }
                        guess
                    }
                };
                if let Some(gold) = s.gold[i] {
                    all += 1;
                    right += usize::from(guess == gold);
                }
                tags.push(guess);
            }
        }
        eprintln!(
            "iteration {}: {:.2}% on the training data ({:.1} s)",
            iteration + 1,
            100.0 * right as f64 / all as f64,
            started.elapsed().as_secs_f64()
        );
    }
    Model {
        dictionary: dictionary.to_vec(),
        classes,
        weights: perceptron.averaged(prune),
    }
}

// ---------------------------------------------------------------------------------------------
// Measures

#[derive(Default)]
struct Score {
    right: usize,
    all: usize,
}

impl Score {
    fn add(&mut self, ok: bool) {
        self.all += 1;
        self.right += usize::from(ok);
    }
    fn pct(&self) -> String {
        if self.all == 0 {
            return "-".into();
        }
        format!("{:.2}%", 100.0 * self.right as f64 / self.all as f64)
    }
}

fn report(data: &Data, train: &[&Example], tagger: &Tagger, lemmatizer: &Lemmatizer) {
    let known: HashSet<&str> = train
        .iter()
        .flat_map(|s| s.spans.iter().map(|&(a, b)| &s.text[a..b]))
        .collect();
    println!(
        "{:<16} {:>7} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "split", "words", "tags", "known", "unknown", "lemmas", "sent/ok"
    );
    for split in data.splits.iter().filter(|s| !s.name.ends_with("train")) {
        let (mut all, mut kn, mut unk) = (Score::default(), Score::default(), Score::default());
        let (mut lem, mut sent) = (Score::default(), Score::default());
        let mut per_tag: BTreeMap<Tag, Score> = BTreeMap::new();
        let mut confusions: BTreeMap<(Tag, Tag), usize> = BTreeMap::new();
        let mut tags = Vec::new();
        for s in &split.sentences {
            tagger.tag(&s.text, &s.spans, &mut tags);
            let mut whole = true;
            for (i, &(a, b)) in s.spans.iter().enumerate() {
                if let Some(l) = &s.lemmas[i] {
                    lem.add(lemmatizer.lemma_of(&s.text[a..b], tags[i]) == *l);
                }
                let Some(g) = s.gold[i] else { continue };
                let ok = tags[i] == g;
                whole &= ok;
                all.add(ok);
                let k: &mut Score = if known.contains(&s.text[a..b]) {
                    &mut kn
                } else {
                    &mut unk
                };
                k.add(ok);
                per_tag.entry(g).or_default().add(ok);
                if !ok {
                    *confusions.entry((g, tags[i])).or_default() += 1;
                    if show_errors(&split.name) {
                        let from = s.spans[i.saturating_sub(3)].0;
                        let to = s.spans[(i + 3).min(s.spans.len() - 1)].1;
                        eprintln!(
                            "ERR {} {}: {} -> {} | {}",
                            if known.contains(&s.text[a..b]) {
                                "known"
                            } else {
                                "unknown"
                            },
                            &s.text[a..b],
                            g,
                            tags[i],
                            &s.text[from..to]
                        );
                    }
                }
            }
            sent.add(whole);
        }
        println!(
            "{:<16} {:>7} {:>8} {:>8} {:>8} {:>8} {:>8}",
            split.name,
            all.all,
            all.pct(),
            kn.pct(),
            format!("{} ({})", unk.pct(), unk.all),
            lem.pct(),
            sent.pct()
        );
        if split.name.ends_with("test") && !split.name.contains("news") {
            let line: Vec<String> = per_tag
                .iter()
                .map(|(t, s)| format!("{t} {} ({})", s.pct(), s.all))
                .collect();
            println!("    per tag: {}", line.join(", "));
            let mut top: Vec<_> = confusions.into_iter().collect();
            top.sort_by_key(|&(k, n)| (usize::MAX - n, k));
            let line: Vec<String> = top
                .iter()
                .take(12)
                .map(|((g, p), n)| format!("{g}->{p} {n}"))
                .collect();
            println!("    most confused (gold->tagged): {}", line.join(", "));
        }
    }
}

/// Whether to print the errors made on a split: `NEGOGRAPH_TAGGER_ERRORS` names it ("EWT dev").
fn show_errors(split: &str) -> bool {
    std::env::var("NEGOGRAPH_TAGGER_ERRORS").is_ok_and(|s| s == split)
}

fn tag_files(files: &[PathBuf]) -> Result<()> {
    let lexicon = Lexicon::builtin()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for file in files {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        if file.extension().is_some_and(|e| e == "jsonl") {
            let name = file.display().to_string();
            let articles =
                negograph::input::read(&bytes, negograph::input::Format::JsonLines, &name)?;
            for a in &articles {
                print_tagged(&a.text, &lexicon, &mut out)?;
                writeln!(out)?;
            }
        } else {
            let text = String::from_utf8(bytes)
                .with_context(|| format!("{} is not UTF-8", file.display()))?;
            print_tagged(&text, &lexicon, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Each word of `text` as form/TAG, or form/TAG/lemma where the lemma is not the lower-case
/// form, one sentence a line.
fn print_tagged(text: &str, lexicon: &Lexicon, out: &mut impl Write) -> Result<()> {
    let t = Text::new(text, &lexicon.abbreviations);
    let words = Words::new(&t, &lexicon.abbreviations);
    for range in &words.sentences {
        let line: Vec<String> = range
            .clone()
            .map(|i| {
                let w = &words.words[i];
                let lemma = words.lemma(i);
                let form = words.text(text, i);
                if lemma == form.to_lowercase() {
                    format!("{form}/{}", w.tag)
                } else {
                    format!("{form}/{}/{lemma}", w.tag)
                }
            })
            .collect();
        writeln!(out, "{}", line.join(" "))?;
    }
    Ok(())
}

fn speed(jsonl: &Path, passes: usize) -> Result<()> {
    let lexicon = Lexicon::builtin()?;
    let bytes = std::fs::read(jsonl).with_context(|| format!("cannot read {}", jsonl.display()))?;
    let articles = negograph::input::read(
        &bytes,
        negograph::input::Format::JsonLines,
        &jsonl.display().to_string(),
    )?;
    if articles.is_empty() {
        bail!("{} has no articles", jsonl.display());
    }
    let started = Instant::now();
    let _ = Tagger::builtin();
    let _ = Lemmatizer::builtin();
    eprintln!(
        "model load: {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let texts: Vec<Text> = articles
        .iter()
        .map(|a| Text::new(&a.text, &lexicon.abbreviations))
        .collect();
    let sentences: usize = texts.iter().map(|t| t.sentences.len()).sum();
    let (mut best, mut best_cpu) = (f64::MAX, f64::MAX);
    let mut words = 0;
    for _ in 0..passes {
        let (started, cpu) = (Instant::now(), thread_cpu_seconds());
        words = 0;
        for t in &texts {
            words += std::hint::black_box(Words::new(t, &lexicon.abbreviations))
                .words
                .len();
        }
        best = best.min(started.elapsed().as_secs_f64());
        best_cpu = best_cpu.min(thread_cpu_seconds() - cpu);
    }
    println!(
        "{} articles, {sentences} sentences, {words} words: best of {passes} passes {:.3} s, {:.2} µs a sentence, {:.0} ns a word, {:.0} sentences/s; CPU time {:.3} s, {:.2} µs a sentence",
        articles.len(),
        best,
        best * 1e6 / sentences as f64,
        best * 1e9 / words as f64,
        sentences as f64 / best,
        best_cpu,
        best_cpu * 1e6 / sentences as f64,
    );
    Ok(())
}

/// CPU time of this thread, which a machine busy with other work changes less than wall time.
fn thread_cpu_seconds() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec, which `t` is.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}
