//! Phrases read only from where a match of them can stand: a phrase that begins with a letter or
//! digit stands only at the start of a word, so the text is not searched from every byte but
//! from the start of each word (and from each other character a phrase begins with), with an
//! anchored walk down the phrases' trie that ends as soon as no phrase goes on.
//!
//! This finds every match a search from every byte finds that does not begin inside a word: the
//! same hits, after the word-boundary checks of [`super::PhraseSet`], in a fraction of the steps
//! and reading only the top of the trie for most words.

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa, nfa, Anchored, MatchKind, StartKind};

/// A phrase set's trie, matching ASCII letters in either case, searched from given starts.
pub struct Starts {
    trie: Trie,
    /// The bytes a phrase begins with, in either ASCII case.
    first: [bool; 256],
}

/// A DFA walks fastest; past 1,000 phrases (the gazetteer) it is large and slow to build, and
/// the NFA's few steps per word cost about as much.
enum Trie {
    Dfa(dfa::DFA),
    Nfa(nfa::contiguous::NFA),
}

impl Starts {
    /// The trie of `phrases` (none empty); `None` if there are none.
    pub fn new<P: AsRef<[u8]>>(phrases: &[P]) -> Option<Starts> {
        if phrases.is_empty() {
            return None;
        }
        let trie = if phrases.len() <= 1000 {
            Trie::Dfa(
                dfa::DFA::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .start_kind(StartKind::Anchored)
                    .prefilter(false)
                    .build(phrases)
                    .ok()?,
            )
        } else {
            Trie::Nfa(
                nfa::contiguous::NFA::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .prefilter(false)
                    .build(phrases)
                    .ok()?,
            )
        };
        let mut first = [false; 256];
        for p in phrases {
            if let Some(&b) = p.as_ref().first() {
                for b in [b, b.to_ascii_lowercase(), b.to_ascii_uppercase()] {
                    first[b as usize] = true;
                }
            }
        }
        Some(Starts { trie, first })
    }

    /// Calls `visit` with every byte of `text` where a match may begin and stand on its left: a
    /// byte a phrase begins with, at the start of a word or on a character that is no letter or
    /// digit. `visit` returns where to go on from when it keeps a match (its end), else `None`.
    pub fn scan(&self, text: &str, mut visit: impl FnMut(usize) -> Option<usize>) {
        let bytes = text.as_bytes();
        let mut p = 0;
        // Whether the character before `p` is a letter or digit.
        let mut after_word = false;
        while p < bytes.len() {
            let b = bytes[p];
            let (word, len) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let c = text[p..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            };
            if self.first[b as usize] && !(word && after_word) {
                if let Some(end) = visit(p) {
                    p = end;
                    after_word = text[..p]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                    continue;
                }
            }
            after_word = word;
            p += len;
        }
    }

    /// Calls `each(end, pattern)` for every phrase that matches `text` from `start` on.
    pub fn matches_at(&self, text: &str, start: usize, mut each: impl FnMut(usize, usize)) {
        match &self.trie {
            Trie::Dfa(a) => walk(a, text.as_bytes(), start, &mut each),
            Trie::Nfa(a) => walk(a, text.as_bytes(), start, &mut each),
        }
    }

    /// The longest phrase that matches `text` from `start` on, as `(end, pattern)`; of phrases
    /// the same but for ASCII case, the first (as a leftmost-longest automaton reports it).
    pub fn longest_at(&self, text: &str, start: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        self.matches_at(text, start, |end, pattern| {
            let longer = best.is_none_or(|(e, p)| end > e || (end == e && pattern < p));
            if longer {
                best = Some((end, pattern));
            }
        });
        best
    }
}

/// The anchored walk from `start`: the trie's match states list the phrases that end there, and
/// (from its failure links) shorter ones that began later, which are left out.
#[inline]
fn walk<A: Automaton>(a: &A, text: &[u8], start: usize, each: &mut impl FnMut(usize, usize)) {
    let Ok(mut sid) = a.start_state(Anchored::Yes) else {
        return;
    };
    for (i, &b) in text[start..].iter().enumerate() {
        sid = a.next_state(Anchored::Yes, sid, b);
        if a.is_special(sid) {
            if a.is_dead(sid) {
                return;
            }
            if a.is_match(sid) {
                let len = i + 1;
                for k in 0..a.match_len(sid) {
                    let pid = a.match_pattern(sid, k);
                    if a.pattern_len(pid) == len {
                        each(start + len, pid.as_usize());
                    }
                }
            }
        }
    }
}
