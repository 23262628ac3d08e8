//! Phrases read only from where a match of them can stand: a phrase that begins with a letter or
//! digit stands only at the start of a word, so the text is not searched from every byte but
//! from the start of each word (and from each other character a phrase begins with), with an
//! anchored walk down the phrases' trie that ends as soon as no phrase goes on.
//!
//! This finds every match a search from every byte finds that does not begin inside a word: the
//! same hits, after the word-boundary checks of [`super::PhraseSet`], in a fraction of the steps
//! and reading only the top of the trie for most words.

use std::collections::BTreeMap;

/// A phrase set's trie, matching ASCII letters in either case, searched from given starts.
pub struct Starts {
    /// For each byte, where the state after it from the root is in `nodes` (0: none).
    root: Box<[u32; 256]>,
    /// The states, each in one run: a header (the count of its edges, and that of the phrases
    /// that end there shifted by 16), the phrases that end there (more than one only for phrases
    /// the same but for ASCII case, in their order), and its edges sorted by byte, each the
    /// place of its state shifted by 8 and its byte (ASCII letters in lower case).
    nodes: Vec<u32>,
}

impl Starts {
    /// The trie of `phrases` (none empty); `None` if there are none.
    pub fn new<P: AsRef<[u8]>>(phrases: &[P]) -> Option<Starts> {
        if phrases.is_empty() {
            return None;
        }
        // State 0 is the root; each state's children by byte, and the phrases ending there.
        let mut children: Vec<BTreeMap<u8, usize>> = vec![BTreeMap::new()];
        let mut ending: Vec<Vec<u32>> = vec![Vec::new()];
        for (pattern, phrase) in phrases.iter().enumerate() {
            let mut state = 0;
            for &b in phrase.as_ref() {
                let fresh = children.len();
                state = *children[state]
                    .entry(b.to_ascii_lowercase())
                    .or_insert(fresh);
                if state == fresh {
                    children.push(BTreeMap::new());
                    ending.push(Vec::new());
                }
            }
            ending[state].push(pattern as u32);
        }
        let mut place = Vec::with_capacity(children.len());
        let mut len = 0;
        for (c, e) in children.iter().zip(&ending) {
            place.push(len as u32);
            len += 1 + e.len() + c.len();
        }
        // A place takes 24 bits: room for some million phrases.
        assert!(len < 1 << 24, "too many phrases for one trie");
        let mut nodes = Vec::with_capacity(len);
        for (c, e) in children.iter().zip(&ending) {
            nodes.push(c.len() as u32 | (e.len() as u32) << 16);
            nodes.extend(e);
            nodes.extend(c.iter().map(|(&b, &next)| place[next] << 8 | u32::from(b)));
        }
        let mut root = Box::new([0u32; 256]);
        for (&b, &next) in &children[0] {
            root[b as usize] = place[next];
            root[b.to_ascii_uppercase() as usize] = place[next];
        }
        Some(Starts { root, nodes })
    }

    /// Calls `visit` with every byte of `text` where a match may begin and stand on its left: a
    /// byte a phrase begins with (in either ASCII case), at the start of a word or on a character
    /// that is no letter or digit. `visit` returns where to go on from when it keeps a match (its
    /// end), else `None`.
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
            if self.root[b as usize] != 0 && !(word && after_word) {
                if let Some(end) = visit(p) {
                    p = end;
                    after_word = text[..p]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                    continue;
                }
            }
            p += len;
            after_word = word;
            if word {
                // The rest of the word's ASCII letters and digits: no match begins there.
                while p < bytes.len() && bytes[p].is_ascii_alphanumeric() {
                    p += 1;
                }
            }
        }
    }

    /// Calls `each(end, pattern)` for every phrase that matches `text` from `start` on.
    #[inline]
    pub fn matches_at(&self, text: &str, start: usize, mut each: impl FnMut(usize, usize)) {
        let bytes = text.as_bytes();
        let mut at = self.root[bytes[start] as usize] as usize;
        let mut end = start + 1;
        while at != 0 {
            let header = self.nodes[at];
            let (edges, ending) = ((header & 0xFFFF) as usize, (header >> 16) as usize);
            let node = &self.nodes[at + 1..at + 1 + ending + edges];
            for &pattern in &node[..ending] {
                each(end, pattern as usize);
            }
            let Some(&b) = bytes.get(end) else {
                return;
            };
            let b = u32::from(b.to_ascii_lowercase());
            at = node[ending..]
                .iter()
                .find(|&&e| e & 0xFF >= b)
                .filter(|&&e| e & 0xFF == b)
                .map_or(0, |&e| (e >> 8) as usize);
            end += 1;
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
