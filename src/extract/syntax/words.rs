//! Words of one article, each with its word class and lemma.
//!
//! Words are the tokens of [`Text`] joined and split the way the Penn Treebank writes English,
//! always inside one sentence and always as byte spans into the original text:
//!
//! - hyphenated compounds are one word: "cease-fire", "Egyptian-brokered", "U.S.-backed";
//! - abbreviations of the lexicon ("Mr.", "U.S.", "p.m."), runs of single letters with periods
//!   ("D.C.") and initials ("E.") keep their period, unless a one-part abbreviation ends the
//!   sentence ("in Jan." keeps nothing: the period ends the sentence);
//! - clitics are words of their own: "Hamas's" is "Hamas" and "'s", "don't" is "do" and "n't",
//!   "won't" is "wo" and "n't", "we're" is "we" and "'re", "cannot" is "can" and "not" (either
//!   apostrophe, ' or ’); a possessive "parties'" is "parties" and "'";
//! - an apostrophe between letters that is no clitic stays inside the word: "O'Brien", "Sana'a";
//! - numbers with separators are one word: "1,200", "2.5", "10:30"; so are "..." and "--";
//! - any other punctuation character is a word; invisible marks are none.

use std::collections::HashSet;
use std::ops::Range;

use super::lemmas::Lemmatizer;
use super::tagger::{Context, Tagger};
use super::tags::Tag;
use crate::text::{Text, Token};

/// One word: its byte span in the text, its word class and (through [`Words::lemma`]) its lemma.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub tag: Tag,
    /// Byte range of the lemma in [`Words`]' lemma buffer.
    lemma: (u32, u32),
}

/// The words of one article, sentence by sentence.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub words: Vec<Word>,
    /// For each sentence of [`Text::sentences`], the range of its words in `words`.
    pub sentences: Vec<Range<usize>>,
    /// Every lemma, one after the other.
    lemmas: String,
}

impl Words {
    /// Cuts every sentence of `text` into words, tags them and finds their lemmas.
    pub fn new(text: &Text, abbreviations: &HashSet<String>) -> Words {
        Words::of_sentences(text, abbreviations, |_| true)
    }

    /// Like [`Words::new`], for the sentences `wanted` keeps; the others get no words. A
    /// sentence is tagged on its own, so its words are the same either way.
    pub fn of_sentences(
        text: &Text,
        abbreviations: &HashSet<String>,
        wanted: impl Fn(usize) -> bool,
    ) -> Words {
        let tagger = Tagger::builtin();
        let lemmatizer = Lemmatizer::builtin();
        let mut out = Words {
            words: Vec::with_capacity(text.tokens.len()),
            sentences: Vec::with_capacity(text.sentences.len()),
            lemmas: String::with_capacity(text.text.len()),
        };
        let mut spans = Vec::new();
        let mut tags = Vec::new();
        let mut context = Context::default();
        for (i, s) in text.sentences.iter().enumerate() {
            if !wanted(i) {
                let at = out.words.len();
                out.sentences.push(at..at);
                continue;
            }
            spans.clear();
            segment(
                text.text,
                &text.tokens[s.tokens.clone()],
                abbreviations,
                &mut spans,
            );
            tagger.tag_in(text.text, &spans, &mut context, &mut tags);
            let first = out.words.len();
            for (&(start, end), &tag) in spans.iter().zip(&tags) {
                let tag = bare_infinitive(&out, text.text, first, (start, end), tag, lemmatizer);
                let from = out.lemmas.len() as u32;
                lemmatizer.lemma(&text.text[start..end], tag, &mut out.lemmas);
                out.words.push(Word {
                    start,
                    end,
                    tag,
                    lemma: (from, out.lemmas.len() as u32),
                });
            }
            out.sentences.push(first..out.words.len());
        }
        out
    }

    /// Tags as proper nouns the capitalised words inside the spans of names (the actors' names
    /// the names stage found) that the tagger read as another class: "Lebed" is no past
    /// participle, "Hamas" no verb. Each span is a byte range; a word must lie wholly inside one.
    pub fn mark_names(&mut self, text: &str, spans: impl Iterator<Item = (usize, usize)>) {
        for (start, end) in spans {
            let first = self.word_at(start);
            for w in self.words[first..].iter_mut().take_while(|w| w.end <= end) {
                if !w.tag.is_noun() && text[w.start..w.end].starts_with(char::is_uppercase) {
                    w.tag = Tag::NNP;
                }
            }
        }
    }

    /// The lemma of word `i`, in lower case: "say" for "said", "talk" for "talks".
    pub fn lemma(&self, i: usize) -> &str {
        let (a, b) = self.words[i].lemma;
        &self.lemmas[a as usize..b as usize]
    }

    /// The text of word `i` (`text` is the article the words were made from).
    pub fn text<'a>(&self, text: &'a str, i: usize) -> &'a str {
        &text[self.words[i].start..self.words[i].end]
    }

    /// The index of the first word that starts at or after `byte`.
    pub fn word_at(&self, byte: usize) -> usize {
        self.words.partition_point(|w| w.start < byte)
    }

    /// The head noun of a phrase's `words`: the last word, or the last before "of" in a phrase
    /// that goes on ("the guarantors of the Astana process").
    pub fn head(&self, text: &str, words: &Range<usize>) -> usize {
        words
            .clone()
            .find(|&i| i > words.start && self.text(text, i).eq_ignore_ascii_case("of"))
            .map_or(words.end - 1, |of| of - 1)
    }

    /// Whether word `i`, its lemma or itself in any case, is one of `nouns`.
    pub fn is_one_of(&self, text: &str, i: usize, nouns: &[String]) -> bool {
        let (lemma, word) = (self.lemma(i), self.text(text, i));
        nouns
            .iter()
            .any(|n| n == lemma || word.eq_ignore_ascii_case(n))
    }
}

/// The tag of a word after "help" in the verb's base form: the bare infinitive it takes
/// ("helped broker the release", "help end the war"), which the tagger may read as a noun.
fn bare_infinitive(
    out: &Words,
    text: &str,
    first: usize,
    (start, end): (usize, usize),
    tag: Tag,
    lemmatizer: &Lemmatizer,
) -> Tag {
    let after_help = out.words.len() > first && {
        let prev = out.words.len() - 1;
        out.words[prev].tag.is_verb() && out.lemma(prev) == "help"
    };
    let word = &text[start..end];
    if after_help
        && tag == Tag::NN
        && word.chars().all(|c| c.is_ascii_lowercase())
        && lemmatizer.is_verb_base(word)
    {
        Tag::VB
    } else {
        tag
    }
}

/// Cuts one sentence's tokens into words, pushing their byte spans to `out`.
pub fn segment(
    text: &str,
    tokens: &[Token],
    abbreviations: &HashSet<String>,
    out: &mut Vec<(usize, usize)>,
) {
    let cut = Cutter {
        text,
        tokens,
        abbreviations,
    };
    let mut t = 0;
    while t < tokens.len() {
        let tok = tokens[t];
        if !tok.word {
            let e = cut.punctuation_run(t);
            out.push((tok.start, tokens[e - 1].end));
            t = e;
            continue;
        }
        let mut e = cut.unit(t);
        while e + 1 < tokens.len()
            && cut.is_hyphen(e)
            && cut.joined(e - 1)
            && cut.joined(e)
            && tokens[e + 1].word
        {
            e = cut.unit(e + 1);
        }
        let (start, end) = (tok.start, tokens[e - 1].end);
        if e == t + 1 && cut.lower_is(t, "cannot") {
            out.push((start, start + 3));
            out.push((start + 3, end));
        } else if let Some(clitic_end) = cut.negation(e) {
            // "don't": "do" + "n't"; the 'n' is one byte.
            out.push((start, end - 1));
            out.push((end - 1, clitic_end));
            e += 2;
        } else {
            out.push((start, end));
            if cut.clitic(e) {
                out.push((tokens[e].start, tokens[e + 1].end));
                e += 2;
            }
        }
        t = e;
    }
}

/// The tokens of one sentence, read for segmentation.
struct Cutter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    abbreviations: &'a HashSet<String>,
}

impl Cutter<'_> {
    fn str(&self, t: usize) -> &str {
        &self.text[self.tokens[t].start..self.tokens[t].end]
    }

    /// Whether token `t` touches token `t + 1`.
    fn joined(&self, t: usize) -> bool {
        t + 1 < self.tokens.len() && self.tokens[t].end == self.tokens[t + 1].start
    }

    fn is_char(&self, t: usize, chars: &[char]) -> bool {
        t < self.tokens.len()
            && !self.tokens[t].word
            && self
                .str(t)
                .chars()
                .next()
                .is_some_and(|c| chars.contains(&c))
    }

    fn is_hyphen(&self, t: usize) -> bool {
        self.is_char(t, &['-', '\u{2010}', '\u{2011}'])
    }

    fn is_apostrophe(&self, t: usize) -> bool {
        self.is_char(t, &['\'', '’'])
    }

    fn lower_is(&self, t: usize, word: &str) -> bool {
        self.str(t).eq_ignore_ascii_case(word)
    }

    /// Punctuation from token `t`: runs of periods ("...") or hyphens ("--") are one word.
    fn punctuation_run(&self, t: usize) -> usize {
        let mut e = t + 1;
        if self.is_char(t, &['.', '-']) {
            while e < self.tokens.len() && self.joined(e - 1) && self.str(e) == self.str(t) {
                e += 1;
            }
        }
        e
    }

    /// The end (token index) of the word part starting at word token `t`: a number with its
    /// separators, an abbreviation with its periods, letters around an inner apostrophe, or
    /// the token alone.
    fn unit(&self, t: usize) -> usize {
        if self.str(t).starts_with(|c: char| c.is_ascii_digit()) {
            return self.number(t);
        }
        if let Some(e) = self.abbreviation(t) {
            return e;
        }
        let mut e = t + 1;
        while e + 1 < self.tokens.len()
            && self.is_apostrophe(e)
            && self.joined(e - 1)
            && self.joined(e)
            && self.tokens[e + 1].word
            && !self.is_clitic_after(e - 1, e + 1)
        {
            e += 2;
        }
        e
    }

    fn number(&self, t: usize) -> usize {
        let mut e = t + 1;
        while e + 1 < self.tokens.len()
            && self.joined(e - 1)
            && self.joined(e)
            && self.tokens[e + 1].word
        {
            let next = self.str(e + 1);
            let digits = next.bytes().take_while(u8::is_ascii_digit).count();
            let ok = match self.str(e) {
                "," => digits == 3,
                "." | ":" => digits > 0,
                _ => false,
            };
            if !ok || !self.str(e - 1).ends_with(|c: char| c.is_ascii_digit()) {
                break;
            }
            e += 2;
        }
        e
    }

    /// "U.S.", "Mr.", "p.m.", "D.C.", "E.": the end of the abbreviation starting at `t`.
    fn abbreviation(&self, t: usize) -> Option<usize> {
        let n = self.tokens.len();
        let mut best = None;
        let mut e = t;
        let mut single_letters = true;
        // Parts: word '.' word '.' ..., all touching.
        while e + 1 < n && self.tokens[e].word && self.is_char(e + 1, &['.']) && self.joined(e) {
            single_letters &= self.str(e).chars().count() == 1;
            let parts = (e - t) / 2 + 1;
            let candidate = &self.text[self.tokens[t].start..self.tokens[e].end];
            let listed = is_listed(candidate, self.abbreviations);
            let initial = parts == 1 && single_letters && candidate.starts_with(char::is_uppercase);
            if listed || initial || (parts > 1 && single_letters) {
                best = Some((e + 2, parts));
            }
            if !(self.joined(e + 1) && e + 2 < n && self.tokens[e + 2].word) {
                break;
            }
            e += 2;
        }
        let (end, parts) = best?;
        // A one-part abbreviation at the end of the sentence leaves the period to the sentence.
        if parts == 1 && end == n {
            return None;
        }
        Some(end)
    }

    /// Whether the apostrophe at `apostrophe` followed by word token `after` makes a clitic of
    /// the word ending at token `before`: 's, 're, 've, 'll, 'm, 'd, or n't.
    fn is_clitic_after(&self, before: usize, after: usize) -> bool {
        let a = self.str(after);
        ["s", "re", "ve", "ll", "m", "d"]
            .iter()
            .any(|c| a.eq_ignore_ascii_case(c))
            || (a.eq_ignore_ascii_case("t") && self.str(before).ends_with(['n', 'N']))
    }

    /// Whether the tokens at `e` are an apostrophe and a clitic (not "n't") of the word before.
    fn clitic(&self, e: usize) -> bool {
        e + 1 < self.tokens.len()
            && self.is_apostrophe(e)
            && self.joined(e - 1)
            && self.joined(e)
            && self.tokens[e + 1].word
            && !self.lower_is(e + 1, "t")
            && self.is_clitic_after(e - 1, e + 1)
    }

    /// "don't", "won't": if the word ending at token `e - 1` ends in n and is followed by 't,
    /// the end of the "n't".
    fn negation(&self, e: usize) -> Option<usize> {
        let ok = e + 1 < self.tokens.len()
            && self.is_apostrophe(e)
            && self.joined(e - 1)
            && self.joined(e)
            && self.lower_is(e + 1, "t")
            && self.str(e - 1).len() >= 2
            && self.str(e - 1).ends_with(['n', 'N']);
        ok.then(|| self.tokens[e + 1].end)
    }
}

/// Whether `word` (without its final period) is an abbreviation of the lexicon, which lists
/// them in lower case.
fn is_listed(word: &str, abbreviations: &HashSet<String>) -> bool {
    let mut buf = [0u8; 16];
    if word.len() <= buf.len() && word.is_ascii() {
        for (b, c) in buf.iter_mut().zip(word.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..word.len()]).is_ok_and(|w| abbreviations.contains(w));
    }
    abbreviations.contains(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn abbr() -> HashSet<String> {
        ["mr", "u.s", "p.m", "no", "jan"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn a_verbs_base_form_after_help_is_a_bare_infinitive() {
        let tag_of = |s: &str, word: &str| {
            let text = Text::new(s, &HashSet::new());
            let w = Words::new(&text, &abbr());
            let i = (0..w.words.len()).find(|&i| w.text(s, i) == word).unwrap();
            w.words[i].tag
        };
        assert_eq!(
            tag_of("Algeria helped broker the release.", "broker"),
            Tag::VB
        );
        // not after another verb
        assert_eq!(tag_of("Algeria hired a broker.", "broker"), Tag::NN);
    }

    #[test]
    fn names_found_are_proper_nouns_whatever_the_tagger_read() {
        let s = "Lebed and Maskhadov signed a ceasefire.";
        let text = Text::new(s, &HashSet::new());
        let mut w = Words::new(&text, &HashSet::new());
        let tag = |w: &Words, word: &str| {
            let i = (0..w.words.len()).find(|&i| w.text(s, i) == word).unwrap();
            w.words[i].tag
        };
        let signed = tag(&w, "signed");
        // Only capitalised words inside a name's span change; a verb outside it stays a verb.
        w.mark_names(s, [(0, 5), (10, 19)].into_iter());
        assert_eq!(tag(&w, "Lebed"), Tag::NNP);
        assert_eq!(tag(&w, "Maskhadov"), Tag::NNP);
        assert_eq!(tag(&w, "signed"), signed);
        assert!(!signed.is_noun());
    }

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        segment(text, &tokenize(text), &abbr(), &mut out);
        out.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn compounds_are_one_word() {
        assert_eq!(
            words("a cease-fire, the Egyptian-brokered deal, U.S.-backed long-term talks"),
            [
                "a",
                "cease-fire",
                ",",
                "the",
                "Egyptian-brokered",
                "deal",
                ",",
                "U.S.-backed",
                "long-term",
                "talks"
            ]
        );
        assert_eq!(words("a 30-day truce"), ["a", "30-day", "truce"]);
        assert_eq!(words("pro- and anti-war"), ["pro", "-", "and", "anti-war"]);
        assert_eq!(words("talks - again"), ["talks", "-", "again"]);
    }

    #[test]
    fn abbreviations_and_initials_keep_their_period() {
        assert_eq!(
            words("Mr. Smith met David E. Sanger at 5 p.m. in Washington, D.C. today."),
            [
                "Mr.",
                "Smith",
                "met",
                "David",
                "E.",
                "Sanger",
                "at",
                "5",
                "p.m.",
                "in",
                "Washington",
                ",",
                "D.C.",
                "today",
                "."
            ]
        );
        assert_eq!(words("They met the U.S."), ["They", "met", "the", "U.S."]);
        assert_eq!(words("They said no."), ["They", "said", "no", "."]);
        assert_eq!(words("He left. Then"), ["He", "left", ".", "Then"]);
    }

    #[test]
    fn clitics_are_split() {
        assert_eq!(words("Hamas's offer"), ["Hamas", "'s", "offer"]);
        assert_eq!(words("Israel’s offer"), ["Israel", "’s", "offer"]);
        assert_eq!(
            words("the parties' offer"),
            ["the", "parties", "'", "offer"]
        );
        assert_eq!(
            words("we don't, won't, can't and we're"),
            ["we", "do", "n't", ",", "wo", "n't", ",", "ca", "n't", "and", "we", "'re"]
        );
        assert_eq!(
            words("I'll, they've, I'm, he'd"),
            ["I", "'ll", ",", "they", "'ve", ",", "I", "'m", ",", "he", "'d"]
        );
        assert_eq!(words("DON’T"), ["DO", "N’T"]);
        assert_eq!(words("It cannot"), ["It", "can", "not"]);
        assert_eq!(words("O'Brien in Sana'a"), ["O'Brien", "in", "Sana'a"]);
        assert_eq!(words("the U.S.'s role"), ["the", "U.S.", "'s", "role"]);
    }

    #[test]
    fn numbers_and_runs() {
        assert_eq!(
            words("1,200 people, 2.5 percent at 10:30... 3,45 -- done"),
            [
                "1,200", "people", ",", "2.5", "percent", "at", "10:30", "...", "3", ",", "45",
                "--", "done"
            ]
        );
        assert_eq!(words("$1,200,000.50"), ["$", "1,200,000.50"]);
    }

    #[test]
    fn invisible_marks_are_no_words() {
        assert_eq!(words("cease\u{200B}-fire"), ["cease", "-", "fire"]);
        assert_eq!(words("\u{200E}Hamas"), ["Hamas"]);
    }
}
