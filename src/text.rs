//! Article text -> sentences and tokens, every one a byte span into the original text.
//!
//! A sentence ends at `.`, `!` or `?` (after any closing quotes) when the next word starts a new
//! sentence, and at every line break unless the next line goes on in lower case. A period after an
//! abbreviation of the lexicon ("Mr.", "U.S.", "I.D.F.", "p.m.") or after an initial ("David E.
//! Sanger") does not end a sentence.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::Words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// A run of letters and digits; otherwise a single punctuation character.
    pub word: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Indices of the sentence's tokens in [`Text::tokens`].
    pub tokens: Range<usize>,
}

/// An article's text cut into tokens and sentences.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// The quotations ([`quote_spans`]), found once for every stage that reads them.
    pub quotes: Vec<(usize, usize)>,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str, abbreviations: &HashSet<String>) -> Text<'a> {
        let tokens = tokenize(text);
        let spans = split_sentences(text, abbreviations);
        let mut sentences = Vec::with_capacity(spans.len());
        let mut t = 0;
        for (start, end) in spans {
            while t < tokens.len() && tokens[t].end <= start {
                t += 1;
            }
            let first = t;
            while t < tokens.len() && tokens[t].start < end {
                t += 1;
            }
            sentences.push(Sentence {
                start,
                end,
                tokens: first..t,
            });
        }
        Text {
            text,
            tokens,
            sentences,
            quotes: quote_spans(text),
        }
    }

    pub fn token_text(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    pub fn sentence_text(&self, s: &Sentence) -> &'a str {
        &self.text[s.start..s.end]
    }

    /// The index of the first token that starts at or after `byte`.
    pub fn token_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.start < byte)
    }

    /// The index of the sentence holding `byte`.
    pub fn sentence_of(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= byte)
            .min(self.sentences.len().saturating_sub(1))
    }
}

/// The months' English names, January first: those of `ontology/words/months.txt`.
pub static MONTHS: LazyLock<&'static [&'static str]> = LazyLock::new(|| &Words::get().months);

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(s) = word_start.take() {
            tokens.push(Token {
                start: s,
                end: i,
                word: true,
            });
        }
        if !c.is_whitespace() && !is_invisible(c) {
            tokens.push(Token {
                start: i,
                end: i + c.len_utf8(),
                word: false,
            });
        }
    }
    if let Some(s) = word_start {
        tokens.push(Token {
            start: s,
            end: text.len(),
            word: true,
        });
    }
    tokens
}

/// Zero-width and direction marks, which separate nothing and mean nothing.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

fn split_sentences(text: &str, abbreviations: &HashSet<String>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<(usize, usize)>, s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.trim_end().len();
        if trail > lead {
            out.push((s + lead, s + trail));
        }
    };
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c == '\n' {
            let next_line = text[i + 1..].trim_start_matches([' ', '\t', '\r']);
            let blank = next_line.starts_with('\n');
            let continues = next_line.chars().next().is_some_and(|n| n.is_lowercase());
            if blank || !continues {
                push(&mut out, start, i);
                start = i + 1;
            }
            i += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut end = i + len;
            while let Some(n) = text[end..].chars().next() {
                if CLOSERS.contains(&n) || matches!(n, '.' | '!' | '?') {
                    end += n.len_utf8();
                } else {
                    break;
                }
            }
            let after = &text[end..];
            let ws = after.len() - after.trim_start_matches([' ', '\t', '\u{a0}']).len();
            let next = after[ws..].chars().next();
            let starts_new = match next {
                None => true,
                Some('\n' | '\r') => true,
                // Letters of scripts without case (Arabic, Hebrew, ...) start sentences too.
                Some(n) => {
                    ws > 0
                        && (n.is_uppercase()
                            || n.is_numeric()
                            || (n.is_alphabetic() && !n.is_lowercase())
                            || "\"“‘'(—[".contains(n))
                }
            };
            if starts_new && !(c == '.' && is_abbreviation(text, i, abbreviations)) {
                push(&mut out, start, end);
                start = end;
                i = end;
                continue;
            }
            i = end;
            continue;
        }
        i += len;
    }
    push(&mut out, start, text.len());
    out
}

/// Whether the period at byte `dot` closes an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize, abbreviations: &HashSet<String>) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map(|(i, _)| i)
        .unwrap_or(dot);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // "E.", and initials written together ("J.F.").
    is_initials(word) || abbreviations.contains(&word.to_lowercase())
}

/// Whether `word` is one initial or several written together, with or without their full stops
/// ("E", "J.F", "W.").
pub fn is_initials(word: &str) -> bool {
    let mut parts = word.split('.').filter(|p| !p.is_empty()).peekable();
    parts.peek().is_some()
        && parts.all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
        })
}

/// The byte just after the character that starts at `p` (for positions found with `rfind`).
pub fn after_char(s: &str, p: usize) -> usize {
    p + s[p..].chars().next().map_or(1, char::len_utf8)
}

/// Whether `start..end` of `t` is a whole word or words: no letter or digit right before or after.
pub fn whole_word(t: &str, start: usize, end: usize) -> bool {
    !t[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !t[end..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Where the run of characters that `keep` accepts, ending at the end of `s`, starts.
pub fn run_start(s: &str, keep: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| !keep(c))
        .map_or(0, |(q, c)| q + c.len_utf8())
}

/// The largest character boundary of `s` at or before `i`.
pub fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte spans of quotations, marks included, sorted: curly pairs and straight pairs, never
/// across a paragraph break.
pub fn quote_spans(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight_open: Option<usize> = None;
    for (i, c) in t.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(s) = open.take() {
                    out.push((s, i + c.len_utf8()));
                }
            }
            '"' => match straight_open.take() {
                Some(s) => out.push((s, i + 1)),
                None => straight_open = Some(i),
            },
            '\n' => {
                // A paragraph that opens a quote without closing it goes on in a new quote on
                // the next one: an open quote never pairs across a paragraph break.
                straight_open = None;
                open = None;
            }
            _ => {}
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbr() -> HashSet<String> {
        ["mr", "u.s", "i.d.f", "p.m"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let t = Text::new(text, &abbr());
        t.sentences.iter().map(|s| t.sentence_text(s)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Netanyahu met U.S. officials at 5 p.m. Tuesday. The I.D.F. said so. David E. Sanger wrote it. President F.W. de Klerk and J.F. Kennedy met."),
            vec!["Mr. Netanyahu met U.S. officials at 5 p.m. Tuesday.", "The I.D.F. said so.", "David E. Sanger wrote it.", "President F.W. de Klerk and J.F. Kennedy met."]
        );
    }

    #[test]
    fn quotes_and_lines() {
        assert_eq!(
            sentences("“We agree.” He left.\nHeadline without stop\nNext one!"),
            vec![
                "“We agree.”",
                "He left.",
                "Headline without stop",
                "Next one!"
            ]
        );
    }

    #[test]
    fn a_sentence_may_start_in_a_script_without_case() {
        assert_eq!(
            sentences("Hamas accepted. בית שלום rejected it. حماس agreed. 5 left."),
            vec![
                "Hamas accepted.",
                "בית שלום rejected it.",
                "حماس agreed.",
                "5 left."
            ]
        );
    }

    #[test]
    fn spans_slice_the_original() {
        let text = "  Hamas said. Qatar agreed.  ";
        let t = Text::new(text, &abbr());
        for s in &t.sentences {
            assert_eq!(&text[s.start..s.end], t.sentence_text(s));
            for i in s.tokens.clone() {
                assert!(t.tokens[i].start >= s.start && t.tokens[i].end <= s.end);
            }
        }
        assert_eq!(t.sentences.len(), 2);
    }
}
