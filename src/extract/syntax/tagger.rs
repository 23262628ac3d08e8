//! The part-of-speech tagger: a greedy averaged perceptron, left to right, over features of each
//! word (its lower-case form, prefixes, suffixes, shape, capitals, whether it opens the
//! sentence), of its two neighbours on each side and of the two tags before it.
//!
//! Frequent words that the treebanks tag one way (punctuation, "the", "of") take their tag from a
//! dictionary without scoring. The model is data, `ontology/syntax/tagger.bin`, made by
//! `examples/train_tagger.rs` from Universal Dependencies treebanks and compiled into the binary;
//! its format is in `ontology/syntax/README.md`. Same words in, same tags out: features are
//! integer hashes and weights are integers.

use std::sync::OnceLock;

use super::tags::Tag;

use crate::lexicon::syntax_data::TAGGER_MODEL as MODEL;
const MAGIC: &[u8; 8] = b"NGTAGGER";
/// Changes whenever the features or the file layout change: a model made for other features
/// is refused.
pub const FORMAT: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("tagger model: not a tagger model (bad magic)")]
    Magic,
    #[error("tagger model: format {found}, this build reads format {FORMAT}")]
    Format { found: u32 },
    #[error("tagger model: its tags differ from this build's ({0})")]
    Tags(String),
    #[error("tagger model: truncated")]
    Truncated,
}

/// A tagger model: the dictionary of words tagged one way, and the feature weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    /// Word forms (as [`Context::form`] hashes them) that always take one tag.
    pub dictionary: Vec<(u64, Tag)>,
    /// Lower-case forms (as [`Context`] hashes them) with the tags the treebanks give them,
    /// as a bit set of [`Tag::index`]: features of a word and of its neighbours.
    pub classes: Vec<(u64, u64)>,
    /// For each feature, its weight for each tag it votes for.
    pub weights: Vec<(u32, Vec<(Tag, i16)>)>,
}

impl Model {
    /// The model as the bytes of its file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.push(Tag::ALL.len() as u8);
        for t in Tag::ALL {
            out.push(t.as_str().len() as u8);
            out.extend_from_slice(t.as_str().as_bytes());
        }
        let mut dictionary = self.dictionary.clone();
        dictionary.sort();
        out.extend_from_slice(&(dictionary.len() as u32).to_le_bytes());
        for (form, tag) in dictionary {
            out.extend_from_slice(&form.to_le_bytes());
            out.push(tag as u8);
        }
        let mut classes = self.classes.clone();
        classes.sort();
        out.extend_from_slice(&(classes.len() as u32).to_le_bytes());
        for (lower, mask) in classes {
            out.extend_from_slice(&lower.to_le_bytes());
            out.extend_from_slice(&mask.to_le_bytes());
        }
        let mut weights = self.weights.clone();
        weights.sort();
        out.extend_from_slice(&(weights.len() as u32).to_le_bytes());
        for (key, votes) in weights {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(votes.len() as u8);
            for (tag, w) in votes {
                out.push(tag as u8);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader(bytes);
        if r.take(8)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let found = r.u32()?;
        if found != FORMAT {
            return Err(ModelError::Format { found });
        }
        let n = r.u8()? as usize;
        let mut names = Vec::with_capacity(n);
        for _ in 0..n {
            let len = r.u8()? as usize;
            names.push(String::from_utf8_lossy(r.take(len)?).into_owned());
        }
        let ours: Vec<&str> = Tag::ALL.iter().map(|t| t.as_str()).collect();
        if names != ours {
            return Err(ModelError::Tags(names.join(" ")));
        }
        let tag = |i: u8| Tag::from_index(i as usize).ok_or(ModelError::Truncated);
        let n = r.u32()? as usize;
        let mut dictionary = Vec::with_capacity(n);
        for _ in 0..n {
            dictionary.push((r.u64()?, tag(r.u8()?)?));
        }
        let n = r.u32()? as usize;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((r.u64()?, r.u64()?));
        }
        let n = r.u32()? as usize;
        let mut weights = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.u32()?;
            let k = r.u8()? as usize;
            let mut votes = Vec::with_capacity(k);
            for _ in 0..k {
                votes.push((tag(r.u8()?)?, r.u16()? as i16));
            }
            weights.push((key, votes));
        }
        Ok(Model {
            dictionary,
            classes,
            weights,
        })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError::Truncated);
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().unwrap_or_default(),
        ))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or_default(),
        ))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().unwrap_or_default(),
        ))
    }
}

/// An open-addressing table from non-zero keys to values, for lookups without hashing again.
#[derive(Debug, Clone)]
struct Table {
    /// `key << 32 | value`; key 0 marks an empty slot.
    slots: Vec<u64>,
    mask: usize,
}

impl Default for Table {
    fn default() -> Table {
        Table::new(std::iter::empty())
    }
}

impl Table {
    fn new(entries: impl ExactSizeIterator<Item = (u32, u32)>) -> Table {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut t = Table {
            slots: vec![0; size],
            mask: size - 1,
        };
        for (key, value) in entries {
            let mut i = key as usize & t.mask;
            while t.slots[i] != 0 {
                i = (i + 1) & t.mask;
            }
            t.slots[i] = (key as u64) << 32 | value as u64;
        }
        t
    }

    #[inline]
    fn get(&self, key: u32) -> Option<u32> {
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if (s >> 32) as u32 == key {
                return Some(s as u32);
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// The tags each known lower-case form takes, as a bit set of [`Tag::index`].
#[derive(Debug, Clone, Default)]
pub struct Classes {
    index: Table,
    entries: Vec<(u64, u64)>,
}

impl Classes {
    pub fn new(entries: &[(u64, u64)]) -> Classes {
        Classes {
            index: Table::new(
                entries
                    .iter()
                    .enumerate()
                    .map(|(i, &(h, _))| (fold(h), i as u32)),
            ),
            entries: entries.to_vec(),
        }
    }

    /// The tags of a lower-case form ([`Context::lower`]); 0 for a form not known.
    pub fn get(&self, lower: u64) -> u64 {
        match self.index.get(fold(lower)) {
            Some(i) if self.entries[i as usize].0 == lower => self.entries[i as usize].1,
            _ => 0,
        }
    }
}

/// The tagger: a [`Model`] laid out for fast lookups.
#[derive(Debug, Clone)]
pub struct Tagger {
    weights: Weights,
    /// Dictionary form hash (folded to 32 bits) -> index into `forms`.
    dictionary: Table,
    forms: Vec<(u64, Tag)>,
    classes: Classes,
}

impl Tagger {
    /// The model built into negograph, loaded on first use.
    /// The words of `text[start..end]` (runs of letters, digits and apostrophes) with their tags,
    /// for a rule that reads a span before the clause stage has parsed it.
    pub fn tagged_words(&self, text: &str, start: usize, end: usize) -> Vec<((usize, usize), Tag)> {
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut open = None;
        for (i, c) in text[start..end].char_indices() {
            let at = start + i;
            match (c.is_alphanumeric() || c == '\'' || c == '’', open) {
                (true, None) => open = Some(at),
                (false, Some(s)) => {
                    words.push((s, at));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(s) = open {
            words.push((s, end));
        }
        let mut tags = Vec::new();
        self.tag(text, &words, &mut tags);
        words.into_iter().zip(tags).collect()
    }

    /// Whether a word of `text[start..end]` has a tag `fits` takes ("a finite verb between the
    /// cue and the comma").
    pub fn any_tag(
        &self,
        text: &str,
        start: usize,
        end: usize,
        fits: impl Fn(Tag) -> bool,
    ) -> bool {
        self.tagged_words(text, start, end)
            .iter()
            .any(|&(_, tag)| fits(tag))
    }

    pub fn builtin() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            let model = Model::from_bytes(MODEL).expect("the built-in tagger model is readable");
            Tagger::new(&model)
        })
    }

    pub fn new(model: &Model) -> Tagger {
        let forms = model.dictionary.clone();
        let dictionary = Table::new(
            forms
                .iter()
                .enumerate()
                .map(|(i, &(h, _))| (fold(h), i as u32)),
        );
        Tagger {
            weights: Weights::new(&model.weights),
            dictionary,
            forms,
            classes: Classes::new(&model.classes),
        }
    }

    /// Tags the words of one sentence (byte spans into `text`), writing one tag per word to
    /// `out`.
    pub fn tag(&self, text: &str, words: &[(usize, usize)], out: &mut Vec<Tag>) {
        self.tag_in(text, words, &mut Context::default(), out);
    }

    /// [`Tagger::tag`] with `context` as scratch, so that tagging sentence after sentence
    /// allocates nothing.
    pub fn tag_in(
        &self,
        text: &str,
        words: &[(usize, usize)],
        context: &mut Context,
        out: &mut Vec<Tag>,
    ) {
        context.read(text, words, &self.classes);
        out.clear();
        let mut keys = [0u32; MAX_FEATURES];
        for i in 0..words.len() {
            let p1 = out.last().copied();
            let p2 = i.checked_sub(2).map(|j| out[j]);
            let tag = match self.known(context.form(i)) {
                Some(t) => t,
                None => {
                    let n = context.features_into(i, p1, p2, &mut keys);
                    self.best(&keys[..n])
                }
            };
            out.push(tag);
        }
        possessed_nouns(out);
    }

    /// Whether the treebanks know `word`'s lower-case form as a word other than a proper noun
    /// ("government", "agreement"; not "eurogroup", nor a name they only know as one).
    pub fn common_word(&self, word: &str) -> bool {
        let lower = read_word(word, &mut String::new()).lower;
        let proper = (1 << Tag::NNP.index()) | (1 << Tag::NNPS.index());
        self.classes.get(lower) & !proper != 0
    }

    /// The dictionary's tag for a word form.
    pub fn known(&self, form: u64) -> Option<Tag> {
        let i = self.dictionary.get(fold(form))? as usize;
        let (h, t) = self.forms[i];
        (h == form).then_some(t)
    }

    /// The tag with the highest score over `keys` (the first, in [`Tag::ALL`] order, of equals).
    pub fn best(&self, keys: &[u32]) -> Tag {
        let mut scores = [0i32; 64];
        self.weights.add(keys, &mut scores);
        let mut best = 0;
        for i in 1..Tag::ALL.len() {
            if scores[i] > scores[best] {
                best = i;
            }
        }
        Tag::ALL[best]
    }
}

/// "the country's north have agreed": a word after a possessive that the model read as an adverb
/// is the possessed noun, unless what follows is what an adverb there modifies ("Israel's newly
/// elected government").
fn possessed_nouns(tags: &mut [Tag]) {
    use Tag::*;
    for i in 1..tags.len() {
        let modified = tags
            .get(i + 1)
            .is_some_and(|t| matches!(t, JJ | JJR | JJS | VBN | VBG | RB | CD) || t.is_noun());
        if tags[i - 1] == POS && tags[i] == RB && !modified {
            tags[i] = NN;
        }
    }
}

/// The feature weights, laid out so that looking up one feature reads one cache line: an
/// open-addressing table of buckets of four features, each feature with its votes inline when
/// it has at most four, else an index into rows of a weight for every tag.
#[derive(Debug, Clone)]
struct Weights {
    buckets: Vec<Bucket>,
    /// One row of weights for every tag ([`Tag::index`]), for features with many votes.
    rows: Vec<Row>,
}

/// Four features: their keys (0: no feature) and their votes.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket {
    keys: [u32; 4],
    votes: [Votes; 4],
}

/// Up to four votes of one feature: tags ([`Tag::index`], [`NO_TAG`] for none) and their
/// weights; or, when the first tag is [`ROW`], the index of the feature's [`Row`] in the two
/// weights as one `u32`.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C)]
struct Votes {
    tags: [u8; 4],
    weights: [i16; 4],
}

/// A weight for every tag (and three of padding, always 0).
#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct Row([i16; ROW]);

const ROW: usize = 48;
/// A vote that adds to no tag: its weight goes to a score slot past the tags.
const NO_TAG: u8 = 63;
/// The first tag of a feature whose votes are a [`Row`].
const ROW_MARK: u8 = 0xFF;

impl Weights {
    fn new(features: &[(u32, Vec<(Tag, i16)>)]) -> Weights {
        // Multiply-shift maps a key to a bucket, so any count of buckets works: room for about
        // five features in eight slots.
        let n = (features.len() * 2 / 5).max(4);
        let mut buckets = vec![Bucket::default(); n];
        let mut rows = Vec::new();
        for (key, list) in features {
            let mut votes = Votes {
                tags: [NO_TAG; 4],
                weights: [0; 4],
            };
            if list.len() <= 4 {
                for (i, &(t, w)) in list.iter().enumerate() {
                    votes.tags[i] = t as u8;
                    votes.weights[i] = w;
                }
            } else {
                let mut row = Row([0; ROW]);
                for &(t, w) in list {
                    row.0[t.index()] = w;
                }
                let r = rows.len() as u32;
                rows.push(row);
                votes.tags[0] = ROW_MARK;
                votes.weights[0] = r as u16 as i16;
                votes.weights[1] = (r >> 16) as u16 as i16;
            }
            let key = (*key).max(1);
            let mut b = bucket_of(key, n);
            'place: loop {
                let bucket = &mut buckets[b];
                for i in 0..4 {
                    if bucket.keys[i] == 0 {
                        bucket.keys[i] = key;
                        bucket.votes[i] = votes;
                        break 'place;
                    }
                }
                b = if b + 1 == n { 0 } else { b + 1 };
            }
        }
        Weights { buckets, rows }
    }

    /// The votes of the feature `key`, if it has any.
    #[inline]
    fn get(&self, key: u32) -> Option<&Votes> {
        let n = self.buckets.len();
        let mut b = bucket_of(key, n);
        loop {
            let bucket = &self.buckets[b];
            // Compared all four at once (the compiler makes one vector comparison of each);
            // slots fill in order, so no key follows an empty slot.
            let (mut hit, mut empty) = (0u32, 0u32);
            for (i, &k) in bucket.keys.iter().enumerate() {
                hit |= u32::from(k == key) << i;
                empty |= u32::from(k == 0) << i;
            }
            if hit != 0 {
                return Some(&bucket.votes[hit.trailing_zeros() as usize]);
            }
            if empty != 0 {
                return None;
            }
            b = if b + 1 == n { 0 } else { b + 1 };
        }
    }

    /// Adds the votes of every feature in `keys` to `scores` (indexed by [`Tag::index`]).
    fn add(&self, keys: &[u32], scores: &mut [i32; 64]) {
        for chunk in keys.chunks(MAX_FEATURES) {
            self.add_some(chunk, scores);
        }
    }

    /// [`Weights::add`] for at most [`MAX_FEATURES`] keys.
    fn add_some(&self, keys: &[u32], scores: &mut [i32; 64]) {
        // Memory, not arithmetic, is the cost: read every key's bucket first, then every row
        // found, each in a loop without branches on what it reads, so that the processor has
        // the cache misses of all features in flight at once.
        let n = self.buckets.len();
        let mut touch = 0u32;
        for &k in keys {
            touch ^= self.buckets[bucket_of(k, n)].keys[0];
        }
        let mut rows = [0u32; MAX_FEATURES];
        let mut found = 0;
        for &k in keys {
            let Some(v) = self.get(k) else { continue };
            if v.tags[0] == ROW_MARK {
                rows[found] = v.weights[0] as u16 as u32 | (v.weights[1] as u16 as u32) << 16;
                found += 1;
            } else {
                for i in 0..4 {
                    scores[(v.tags[i] & 63) as usize] += v.weights[i] as i32;
                }
            }
        }
        let rows = &rows[..found];
        for &r in rows {
            let row = &self.rows[r as usize].0;
            touch ^= (row[0] ^ row[ROW - 1]) as u32;
        }
        std::hint::black_box(touch);
        let mut sums = [0i32; ROW];
        add_rows(&self.rows, rows, &mut sums);
        for (s, r) in scores.iter_mut().zip(sums) {
            *s += r;
        }
    }
}

/// Adds the rows numbered `which` to `sums`, with the widest vector instructions the processor
/// has.
fn add_rows(rows: &[Row], which: &[u32], sums: &mut [i32; ROW]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, which is all that add_rows_avx2 asks for.
        unsafe { add_rows_avx2(rows, which, sums) };
        return;
    }
    add_rows_portable(rows, which, sums);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn add_rows_avx2(rows: &[Row], which: &[u32], sums: &mut [i32; ROW]) {
    add_rows_portable(rows, which, sums);
}

/// Loops the compiler makes vector instructions of (AVX2 ones when inlined into
/// [`add_rows_avx2`]).
#[inline(always)]
fn add_rows_portable(rows: &[Row], which: &[u32], sums: &mut [i32; ROW]) {
    let mut acc = *sums;
    for &r in which {
        let row = &rows[r as usize].0;
        for i in 0..ROW {
            acc[i] += i32::from(row[i]);
        }
    }
    *sums = acc;
}

/// The bucket of a key among `n`: keys are hashes already, so their high bits are spread.
#[inline]
fn bucket_of(key: u32, n: usize) -> usize {
    ((key as u64 * n as u64) >> 32) as usize
}

/// A 64-bit hash folded to a non-zero 32-bit key.
fn fold(h: u64) -> u32 {
    match (h >> 32) as u32 ^ h as u32 {
        0 => 1,
        k => k,
    }
}

/// The most features one word has.
pub const MAX_FEATURES: usize = 40;

/// What the tagger reads of one word alone.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Lex {
    /// The form, with typographic quotes made plain.
    form: u64,
    lower: u64,
    /// Last 1, 2, 3, 4 characters of the lower-case form.
    suffix: [u64; 4],
    /// First 1, 2, 3 characters of the lower-case form.
    prefix: [u64; 3],
    shape: u64,
    /// 0 lower case, 1 capitalised, 2 all capitals, 3 digit first, 4 other.
    caps: u8,
    /// Opens the sentence (only punctuation before it).
    first: bool,
    /// Punctuation: whether space is before (bit 0) and after (bit 1) it; 4 for words.
    spacing: u8,
    /// The tags the treebanks give the lower-case form ([`Classes`]).
    class: u64,
}

/// The words of one sentence as the tagger's features read them, computed once.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Two padding words on each side.
    lex: Vec<Lex>,
    /// Scratch for lower-casing words that are not ASCII.
    lower: String,
}

const PAD_BEFORE: u64 = 0x5354_4152_5400_0001;
const PAD_AFTER: u64 = 0x454e_4400_0000_0002;
/// The "tag" before the first word.
const START: u64 = 64;

impl Context {
    /// Reads the words (byte spans into `text`) of one sentence.
    pub fn new(text: &str, words: &[(usize, usize)], classes: &Classes) -> Context {
        let mut c = Context::default();
        c.read(text, words, classes);
        c
    }

    /// Reads the words of another sentence, reusing the memory of the last one.
    pub fn read(&mut self, text: &str, words: &[(usize, usize)], classes: &Classes) {
        let pad = |h: u64| Lex {
            form: h,
            lower: h,
            suffix: [h; 4],
            prefix: [h; 3],
            shape: h,
            caps: 5,
            first: false,
            spacing: 4,
            class: h,
        };
        let lex = &mut self.lex;
        lex.clear();
        lex.reserve(words.len() + 4);
        lex.extend([pad(PAD_BEFORE), pad(PAD_BEFORE)]);
        let mut opening = true;
        for &(start, end) in words {
            let w = &text[start..end];
            let mut l = if w.is_ascii() {
                read_ascii_word(w.as_bytes())
            } else {
                read_word(w, &mut self.lower)
            };
            l.first = opening;
            l.class = classes.get(l.lower);
            if l.caps == 4 {
                let before = text[..start].ends_with(char::is_whitespace) || start == 0;
                let after = text[end..].starts_with(char::is_whitespace) || end == text.len();
                l.spacing = u8::from(before) | u8::from(after) << 1;
            } else {
                opening = false;
            }
            lex.push(l);
        }
        lex.extend([pad(PAD_AFTER), pad(PAD_AFTER)]);
    }

    pub fn len(&self) -> usize {
        self.lex.len() - 4
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The hash of word `i`'s form, the key of the tagger's dictionary.
    pub fn form(&self, i: usize) -> u64 {
        self.lex[i + 2].form
    }

    /// The hash of word `i`'s lower-case form, the key of [`Classes`].
    pub fn lower(&self, i: usize) -> u64 {
        self.lex[i + 2].lower
    }

    /// The features of word `i`, given the tags of the two words before it.
    pub fn features(&self, i: usize, p1: Option<Tag>, p2: Option<Tag>, out: &mut Vec<u32>) {
        let mut keys = [0u32; MAX_FEATURES];
        let n = self.features_into(i, p1, p2, &mut keys);
        out.extend_from_slice(&keys[..n]);
    }

    /// [`Context::features`] into an array, returning how many there are.
    pub fn features_into(
        &self,
        i: usize,
        p1: Option<Tag>,
        p2: Option<Tag>,
        out: &mut [u32; MAX_FEATURES],
    ) -> usize {
        let t1 = p1.map_or(START, |t| t as u64);
        let t2 = p2.map_or(START, |t| t as u64);
        let [b2, b1, w, a1, a2] = [
            &self.lex[i],
            &self.lex[i + 1],
            &self.lex[i + 2],
            &self.lex[i + 3],
            &self.lex[i + 4],
        ];
        let mut n = 0;
        let mut f = |template: u64, value: u64| {
            out[n] = key(template, value);
            n += 1;
        };
        f(0, 0);
        f(1, w.lower);
        for (n, s) in w.suffix.iter().enumerate() {
            f(2 + n as u64, *s);
        }
        for (n, p) in w.prefix.iter().enumerate() {
            f(6 + n as u64, *p);
        }
        f(9, w.shape);
        f(10, (w.caps as u64) << 1 | w.first as u64);
        f(11, t1);
        f(12, t2);
        f(13, t1 << 8 | t2);
        f(14, mix(t1, w.lower));
        f(15, b1.lower);
        f(16, b1.suffix[2]);
        f(17, b2.lower);
        f(18, a1.lower);
        f(19, a1.suffix[2]);
        f(20, a2.lower);
        f(21, mix(b1.lower, w.lower));
        f(22, mix(w.lower, a1.lower));
        f(23, a1.shape);
        f(24, mix(t1, w.suffix[2]));
        f(25, b1.shape);
        f(26, mix(t1, a1.lower));
        f(27, mix(w.caps as u64, w.lower));
        f(29, w.class);
        f(30, a1.class);
        f(31, a2.class);
        f(32, mix(t1, a1.class));
        f(33, mix(w.class, a1.class));
        f(34, mix(b1.class, w.class));
        if w.spacing != 4 {
            f(28, mix(w.spacing as u64, w.lower));
        }
        n
    }
}

/// One feature's key: its template and value hashed together.
#[inline]
fn key(template: u64, value: u64) -> u32 {
    fold(mix(template.wrapping_add(0x51_7cc1_b727_220a), value))
}

/// Two 64-bit values hashed together (splitmix64's finalizer over their combination), so that
/// every bit of the result depends on every bit of both.
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let mut x = a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a over bytes.
#[inline]
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Typographic quotes and apostrophes as the plain ones, which is how most training text has them.
fn plain(c: char) -> char {
    match c {
        '‘' | '’' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '″' => '"',
        c => c,
    }
}

/// [`read_word`] for a word of ASCII characters only, which most words are: the same hashes,
/// without decoding characters or a lower-case copy.
fn read_ascii_word(w: &[u8]) -> Lex {
    const FNV: u64 = 0xcbf2_9ce4_8422_2325;
    let step = |h: u64, b: u8| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    let (mut form, mut lower, mut shape) = (FNV, FNV, FNV);
    let mut prefix = [0u64; 3];
    let (mut upper, mut lowers) = (0, 0);
    let (mut last_class, mut run) = (0u8, 0);
    for (i, &c) in w.iter().enumerate() {
        form = step(form, c);
        let class = if c.is_ascii_uppercase() {
            upper += 1;
            b'X'
        } else if c.is_ascii_lowercase() {
            lowers += 1;
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else {
            c
        };
        if class == last_class {
            run += 1;
        } else {
            (last_class, run) = (class, 1);
        }
        if run <= 3 {
            shape = step(shape, class);
        }
        lower = step(lower, c.to_ascii_lowercase());
        if i < 3 {
            prefix[i] = lower;
        }
    }
    let n = w.len();
    for p in prefix.iter_mut().skip(n) {
        *p = lower;
    }
    let letters = upper + lowers;
    let first = w.first().copied().unwrap_or(b' ');
    let caps = if first.is_ascii_lowercase() {
        0
    } else if first.is_ascii_uppercase() && (lowers > 0 || letters == 1) {
        1
    } else if letters > 0 && upper == letters {
        2
    } else if first.is_ascii_digit() {
        3
    } else if letters > 0 {
        1
    } else {
        4
    };
    // The last 1..4 characters (the whole word, when shorter).
    let mut suffix = [FNV; 4];
    for (k, h) in suffix.iter_mut().enumerate() {
        for &c in &w[n - (k + 1).min(n)..] {
            *h = step(*h, c.to_ascii_lowercase());
        }
    }
    Lex {
        form,
        lower,
        suffix,
        prefix,
        shape,
        caps,
        first: false,
        spacing: 4,
        class: 0,
    }
}

/// Reads one word into a [`Lex`], using `lower` as scratch.
fn read_word(w: &str, lower: &mut String) -> Lex {
    lower.clear();
    let mut form: u64 = 0xcbf2_9ce4_8422_2325;
    let (mut upper, mut lowers, mut letters) = (0, 0, 0);
    let mut shape: u64 = 0xcbf2_9ce4_8422_2325;
    let (mut last_class, mut run) = ('\0', 0);
    for c in w.chars() {
        let c = plain(c);
        let mut utf8 = [0u8; 4];
        for &b in c.encode_utf8(&mut utf8).as_bytes() {
            form = (form ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        let class = if c.is_uppercase() {
            upper += 1;
            letters += 1;
            'X'
        } else if c.is_lowercase() {
            lowers += 1;
            letters += 1;
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            letters += 1;
            'a'
        } else if c.is_ascii() {
            c
        } else {
            'o'
        };
        if class == last_class {
            run += 1;
        } else {
            (last_class, run) = (class, 1);
        }
        if run <= 3 {
            shape = (shape ^ class as u64).wrapping_mul(0x0100_0000_01b3);
        }
        if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
    }
    let first = w.chars().next().unwrap_or(' ');
    let caps = if first.is_lowercase() {
        0
    } else if first.is_uppercase() && (lowers > 0 || letters == 1) {
        1
    } else if letters > 0 && upper == letters {
        2
    } else if first.is_ascii_digit() {
        3
    } else if letters > 0 {
        1
    } else {
        4
    };
    let l = lower.as_bytes();
    // Where the last 1..4 characters start, and where the first 1..3 end.
    let mut starts = [0; 4];
    let mut back = lower.char_indices().rev().map(|(i, _)| i);
    let mut last = 0;
    for s in &mut starts {
        last = back.next().unwrap_or(last);
        *s = last;
    }
    let mut ends = [l.len(); 3];
    for (e, (i, _)) in ends.iter_mut().zip(lower.char_indices().skip(1)) {
        *e = i;
    }
    Lex {
        form,
        lower: fnv(l),
        suffix: starts.map(|s| fnv(&l[s..])),
        prefix: ends.map(|e| fnv(&l[..e])),
        shape,
        caps,
        first: false,
        spacing: 4,
        class: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_survives_its_file() {
        let m = Model {
            dictionary: vec![(42, Tag::DT), (7, Tag::Comma)],
            classes: vec![(5, 1 << 11 | 1 << 26)],
            weights: vec![(9, vec![(Tag::NN, 300), (Tag::VBD, -2)]), (3, vec![])],
        };
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.dictionary, vec![(7, Tag::Comma), (42, Tag::DT)]);
        assert_eq!(back.classes, m.classes);
        assert_eq!(back.weights[1], (9, vec![(Tag::NN, 300), (Tag::VBD, -2)]));
        assert!(matches!(
            Model::from_bytes(&m.to_bytes()[..20]),
            Err(ModelError::Truncated)
        ));
        assert!(matches!(
            Model::from_bytes(b"NOTAMODEL..."),
            Err(ModelError::Magic)
        ));
    }

    #[test]
    fn weights_sum_as_the_model_lists_them() {
        // Features with 1 to 45 votes (inline and in rows), keys that collide on buckets, and
        // keys the model does not have.
        let mut rng = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let mut features = Vec::new();
        for f in 0..3000u32 {
            let n = 1 + (next() % 45) as usize;
            let mut tags: Vec<Tag> = Tag::ALL.to_vec();
            for i in 0..n {
                tags.swap(i, i + (next() as usize % (45 - i)));
            }
            let votes = tags[..n]
                .iter()
                .map(|&t| (t, ((next() % 64001) as i32 - 32000) as i16))
                .collect();
            let key = if f % 7 == 0 { f + 1 } else { next() as u32 | 1 };
            features.push((key, votes));
        }
        let weights = Weights::new(&features);
        for start in 0..400 {
            let mut keys: Vec<u32> = (0..MAX_FEATURES)
                .map(|i| features[(start * 7 + i * 13) % features.len()].0)
                .collect();
            keys[5] = 0xDEAD_BEEF;
            keys[9] = 2;
            let mut expected = [0i32; 64];
            for k in &keys {
                for (key, votes) in &features {
                    if key == k {
                        for &(t, w) in votes {
                            expected[t.index()] += w as i32;
                        }
                    }
                }
            }
            let mut scores = [0i32; 64];
            weights.add(&keys, &mut scores);
            assert_eq!(scores[..45], expected[..45]);
        }
    }

    #[test]
    fn ascii_words_read_as_any_word() {
        let mut s = String::new();
        for w in [
            "",
            "a",
            "I",
            "an",
            "Mr",
            "the",
            "talks",
            "Hamas",
            "HAMAS",
            "U.S.",
            "cease-fire",
            "1,200",
            "10:30",
            "3",
            "'s",
            "n't",
            "...",
            "--",
            ",",
            "$",
            "AbCdEf",
            "x1y2",
            "aaaaab",
            "Aaaa",
            "AAAA",
            "a-",
            "\u{0}a",
        ] {
            assert_eq!(read_ascii_word(w.as_bytes()), read_word(w, &mut s), "{w:?}");
        }
    }

    #[test]
    fn an_adverb_after_a_possessive_is_a_noun_unless_it_modifies_what_follows() {
        use Tag::*;
        let mut tags = [NN, POS, RB, VBP, POS, RB, VBN, NN];
        possessed_nouns(&mut tags);
        assert_eq!(tags, [NN, POS, NN, VBP, POS, RB, VBN, NN]);
        let mut tags = [NNP, POS, RB];
        possessed_nouns(&mut tags);
        assert_eq!(tags, [NNP, POS, NN]);
    }

    #[test]
    fn typographic_quotes_read_as_plain_ones() {
        let mut s = String::new();
        assert_eq!(read_word("’s", &mut s).form, read_word("'s", &mut s).form);
        assert_eq!(
            read_word("Hamas", &mut s).lower,
            read_word("HAMAS", &mut s).lower
        );
        assert_ne!(
            read_word("Hamas", &mut s).form,
            read_word("HAMAS", &mut s).form
        );
    }
}
