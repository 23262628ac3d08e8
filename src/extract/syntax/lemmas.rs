//! Lemmas: each word's dictionary form in lower case, given its tag, so that a rule can say
//! "the verb mediate" rather than list "mediates, mediated, mediating".
//!
//! Two sources, both data in `ontology/syntax/`: `lemmas.tsv`, the forms whose lemma the rules
//! below would get wrong (irregular "said VBD say", "men NNS man", and treebank conventions such
//! as "n't RB not", "'s VBZ be"), learned from the treebanks the tagger is trained on; and
//! `bases.tsv`, base forms of verbs and adjectives, which decide between candidates
//! ("mediated": "mediate", not "mediat"; "planned": "plan"; "called": "call"). Rules undo regular
//! inflection: plural and third person -s, -es, -ies; -ed, -ied and -ing with doubling and a
//! silent e; comparative and superlative -er, -est. A hyphenated compound inflects on its last
//! part ("cease-fires": "cease-fire"). Any other word is its own lemma, in lower case.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::tags::Tag;
use crate::lexicon::words::Fnv;

use crate::lexicon::syntax_data::{LEMMA_BASES as BASES, LEMMA_EXCEPTIONS as EXCEPTIONS};

type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type Set<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// Finds lemmas.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    exceptions: Map<String, Vec<(Tag, String)>>,
    /// The tags that have exceptions, as a bit set of [`Tag::index`]: a word of another tag
    /// need not be looked up.
    excepted: u64,
    verbs: Set<String>,
    adjectives: Set<String>,
}

/// Which list of base forms a tag's candidates are checked against.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Verb,
    Adjective,
}

impl Lemmatizer {
    /// The lemmatizer of negograph's own data, loaded on first use.
    pub fn builtin() -> &'static Lemmatizer {
        static LEMMATIZER: OnceLock<Lemmatizer> = OnceLock::new();
        LEMMATIZER.get_or_init(|| Lemmatizer::new(EXCEPTIONS, BASES))
    }

    /// A lemmatizer from the text of an exceptions file (`form TAB tag TAB lemma`) and a base
    /// forms file (`V|A TAB lemma`); `#` starts a comment line. Lines it cannot read are
    /// skipped (the built-in files are checked by a test).
    pub fn new(exceptions: &str, bases: &str) -> Lemmatizer {
        let mut out = Lemmatizer::default();
        for line in data_lines(exceptions) {
            let mut f = line.split('\t');
            if let (Some(form), Some(tag), Some(lemma)) = (f.next(), f.next(), f.next()) {
                if let Some(tag) = Tag::from_ptb(tag) {
                    out.excepted |= 1 << tag.index();
                    out.exceptions
                        .entry(form.to_string())
                        .or_default()
                        .push((tag, lemma.to_string()));
                }
            }
        }
        for line in data_lines(bases) {
            match line.split_once('\t') {
                Some(("V", lemma)) => out.verbs.insert(lemma.to_string()),
                Some(("A", lemma)) => out.adjectives.insert(lemma.to_string()),
                _ => false,
            };
        }
        out
    }

    /// Whether `word` is the base form of a verb ("broker", "negotiate").
    pub fn is_verb_base(&self, word: &str) -> bool {
        self.verbs.contains(word)
    }

    /// The forms the exceptions give lemma `lemma` ("held" for "hold").
    pub fn forms_of<'a>(&'a self, lemma: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.exceptions
            .iter()
            .filter(move |(_, lemmas)| lemmas.iter().any(|(_, l)| l == lemma))
            .map(|(form, _)| form.as_str())
    }

    /// Appends the lemma of `word`, tagged `tag`, to `out`.
    pub fn lemma(&self, word: &str, tag: Tag, out: &mut String) {
        let start = out.len();
        push_lower(word, out);
        let excepted = self.excepted & 1 << tag.index() != 0;
        if excepted {
            if let Some(l) = self.exception(&out[start..], tag) {
                out.truncate(start);
                out.push_str(l);
                return;
            }
        }
        // A compound inflects on its last part.
        let part = out.as_bytes()[start..]
            .iter()
            .rposition(|&b| b == b'-')
            .map_or(start, |h| start + h + 1);
        if part > start && excepted {
            if let Some(l) = self.exception(&out[part..], tag) {
                out.truncate(part);
                out.push_str(l);
                return;
            }
        }
        let (keep, add) = self.rule(&out[part..], tag);
        out.truncate(part + keep);
        out.push_str(add);
    }

    /// The lemma of `word` as a new string (for tests and tools; [`Lemmatizer::lemma`] does not
    /// allocate).
    pub fn lemma_of(&self, word: &str, tag: Tag) -> String {
        let mut s = String::new();
        self.lemma(word, tag, &mut s);
        s
    }

    fn exception(&self, lower: &str, tag: Tag) -> Option<&str> {
        let list = self.exceptions.get(lower)?;
        list.iter()
            .find(|(t, _)| *t == tag)
            .map(|(_, l)| l.as_str())
    }

    fn known(&self, class: Class, stem: &str, add: &str) -> bool {
        let set = match class {
            Class::Verb => &self.verbs,
            Class::Adjective => &self.adjectives,
        };
        let mut buf = [0u8; 48];
        let n = stem.len() + add.len();
        if n > buf.len() {
            return set.contains(&format!("{stem}{add}"));
        }
        buf[..stem.len()].copy_from_slice(stem.as_bytes());
        buf[stem.len()..n].copy_from_slice(add.as_bytes());
        std::str::from_utf8(&buf[..n]).is_ok_and(|s| set.contains(s))
    }

    /// The lemma by rule, as how many bytes of `w` to keep and what to add.
    fn rule(&self, w: &str, tag: Tag) -> (usize, &'static str) {
        let n = w.len();
        let unchanged = (n, "");
        if !w.is_ascii() || n < 3 {
            return unchanged;
        }
        match tag {
            Tag::NNS | Tag::NNPS => plural(w).unwrap_or(unchanged),
            Tag::VBZ => third_person(w).unwrap_or(unchanged),
            Tag::VBD | Tag::VBN => {
                if let Some(stem) = w.strip_suffix("ied") {
                    if stem.len() >= 2 {
                        return (stem.len(), "y");
                    }
                    return (n - 1, "");
                }
                // "agreed", "guaranteed": the base ends in "ee" ("needed" and "succeeded" do not).
                if w.ends_with("eed") && !w.ends_with("eeded") && n > 4 {
                    return (n - 1, "");
                }
                match w.strip_suffix("ed") {
                    Some(stem) if has_vowel(stem) => self.stem(stem, Class::Verb),
                    _ => unchanged,
                }
            }
            Tag::VBG => match w.strip_suffix("ing") {
                Some(stem) if has_vowel(stem) => self.stem(stem, Class::Verb),
                _ => unchanged,
            },
            Tag::JJR | Tag::RBR => self.degree(w, "er").unwrap_or(unchanged),
            Tag::JJS | Tag::RBS => self.degree(w, "est").unwrap_or(unchanged),
            _ => unchanged,
        }
    }

    /// "larger", "biggest", "easier": the adjective of a comparative or superlative.
    fn degree(&self, w: &str, suffix: &str) -> Option<(usize, &'static str)> {
        let stem = w.strip_suffix(suffix)?;
        if !has_vowel(stem) {
            return None;
        }
        if let Some(s) = stem.strip_suffix('i') {
            return Some((s.len(), "y"));
        }
        Some(self.stem(stem, Class::Adjective))
    }

    /// The base of a stem left by -ed, -ing, -er or -est: the stem itself, undoubled
    /// ("plann"), or with a silent e ("mediat"), whichever the base forms know, else by the
    /// shape of the stem.
    fn stem(&self, stem: &str, class: Class) -> (usize, &'static str) {
        let n = stem.len();
        let b = stem.as_bytes();
        let doubled = n >= 3 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]);
        if doubled {
            let single = &stem[..n - 1];
            if self.known(class, stem, "") {
                return (n, "");
            }
            if self.known(class, single, "") {
                return (n - 1, "");
            }
            // "called", "passed", "buzzed", "stuffed" keep both letters; "planned" does not.
            return if matches!(b[n - 1], b'l' | b's' | b'z' | b'f') {
                (n, "")
            } else {
                (n - 1, "")
            };
        }
        if stem.ends_with('e') || stem.ends_with('y') && n > 1 && is_vowel(b[n - 2]) {
            return (n, "");
        }
        if self.known(class, stem, "e") {
            return (n, "e");
        }
        if self.known(class, stem, "") {
            return (n, "");
        }
        if silent_e(stem) {
            (n, "e")
        } else {
            (n, "")
        }
    }
}

/// Lines of a data file that are neither blank nor comments.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Appends `word` in lower case, with typographic apostrophes made plain.
fn push_lower(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '’' | '‘' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn has_vowel(s: &str) -> bool {
    s.bytes().any(|b| is_vowel(b) || b == b'y')
}

/// "talks": "talk"; "policies": "policy"; "pushes": "push"; "women": "woman".
fn plural(w: &str) -> Option<(usize, &'static str)> {
    let n = w.len();
    if let Some(s) = w.strip_suffix("ies") {
        return (s.len() >= 2).then_some((s.len(), "y"));
    }
    if ["sses", "shes", "ches", "xes", "zzes"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        return Some((n - 2, ""));
    }
    if let Some(s) = w.strip_suffix("men") {
        return Some((s.len(), "man"));
    }
    if w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)) {
        return Some((n - 1, ""));
    }
    None
}

/// "mediates": "mediate"; "tries": "try"; "pushes": "push"; "goes": "go".
fn third_person(w: &str) -> Option<(usize, &'static str)> {
    let n = w.len();
    if let Some(s) = w.strip_suffix("ies") {
        return (s.len() >= 2).then_some((s.len(), "y"));
    }
    if ["sses", "shes", "ches", "xes", "zzes", "oes"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        return Some((n - 2, ""));
    }
    if w.ends_with('s') && !w.ends_with("ss") {
        return Some((n - 1, ""));
    }
    None
}

/// Whether a verb stem the base forms do not know most likely lost a final e: "negotiat",
/// "criticiz", "reduc", "receiv", "judg", "continu", "secur", "releas", "handl", "determin",
/// and one-syllable stems that did not double their last consonant ("hop", "vot").
fn silent_e(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    let last = b[n - 1];
    let before = if n >= 2 { b[n - 2] } else { b'a' };
    let consonant = |x: u8| x.is_ascii_alphabetic() && !is_vowel(x) && x != b'y';
    match last {
        b'v' | b'c' | b'u' => true,
        b'z' => true,
        b'g' => before == b'd' || (before == b'n' && stem.ends_with("ang") && n > 4),
        b's' => !stem.ends_with("us") || n <= 3,
        b'l' => consonant(before) || before == b'u',
        b't' => {
            (before == b'a' && n >= 3 && (consonant(b[n - 3]) || matches!(b[n - 3], b'i' | b'u')))
                || (before == b'u' && n >= 3 && consonant(b[n - 3]))
        }
        b'r' => {
            before == b'u' && n >= 3 && consonant(b[n - 3])
                || stem.ends_with("ar") && !stem.ends_with("ear") && !stem.ends_with("oar")
        }
        b'n' => before == b'i' && n >= 3 && consonant(b[n - 3]),
        _ => {
            // One syllable, consonant + vowel + consonant, not doubled: "hop(e)d", "vot(e)d".
            let syllables = b
                .windows(2)
                .filter(|p| !is_vowel(p[0]) && is_vowel(p[1]))
                .count()
                + usize::from(is_vowel(b[0]));
            syllables == 1
                && consonant(last)
                && !matches!(last, b'w' | b'x')
                && is_vowel(before)
                && n >= 3
                && consonant(b[n - 3])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemma(w: &str, t: Tag) -> String {
        Lemmatizer::builtin().lemma_of(w, t)
    }

    #[test]
    fn irregular_forms_come_from_the_table() {
        assert_eq!(lemma("said", Tag::VBD), "say");
        assert_eq!(lemma("sought", Tag::VBD), "seek");
        assert_eq!(lemma("brought", Tag::VBN), "bring");
        assert_eq!(lemma("was", Tag::VBD), "be");
        assert_eq!(lemma("men", Tag::NNS), "man");
        assert_eq!(lemma("n't", Tag::RB), "not");
        assert_eq!(lemma("’s", Tag::VBZ), "be");
        assert_eq!(lemma("better", Tag::JJR), "good");
    }

    #[test]
    fn regular_forms_follow_the_rules() {
        for (w, t, l) in [
            ("mediates", Tag::VBZ, "mediate"),
            ("mediated", Tag::VBD, "mediate"),
            ("mediating", Tag::VBG, "mediate"),
            ("negotiated", Tag::VBN, "negotiate"),
            ("talks", Tag::NNS, "talk"),
            ("policies", Tag::NNS, "policy"),
            ("pushes", Tag::VBZ, "push"),
            ("tried", Tag::VBD, "try"),
            ("planned", Tag::VBD, "plan"),
            ("stopping", Tag::VBG, "stop"),
            ("called", Tag::VBD, "call"),
            ("agreed", Tag::VBD, "agree"),
            ("signed", Tag::VBN, "sign"),
            ("hoped", Tag::VBD, "hope"),
            ("larger", Tag::JJR, "large"),
            ("biggest", Tag::JJS, "big"),
            ("easier", Tag::JJR, "easy"),
            ("cease-fires", Tag::NNS, "cease-fire"),
            ("Hamas", Tag::NNP, "hamas"),
            ("Talks", Tag::NNS, "talk"),
        ] {
            assert_eq!(lemma(w, t), l, "{w} {t}");
        }
    }

    #[test]
    fn unknown_verbs_guess_their_silent_e() {
        let bare = Lemmatizer::new("", "");
        for (w, l) in [
            ("zorbated", "zorbate"),
            ("flurbized", "flurbize"),
            ("blicked", "blick"),
            ("snoped", "snope"),
            ("visited", "visit"),
            ("plonned", "plon"),
        ] {
            assert_eq!(bare.lemma_of(w, Tag::VBD), l, "{w}");
        }
    }

    #[test]
    fn the_built_in_files_are_read_whole() {
        let count = |text: &str, fields: usize| {
            data_lines(text)
                .filter(|l| l.split('\t').count() != fields)
                .count()
        };
        assert_eq!(count(EXCEPTIONS, 3), 0);
        assert_eq!(count(BASES, 2), 0);
        for line in data_lines(EXCEPTIONS) {
            let tag = line.split('\t').nth(1).unwrap_or("");
            assert!(Tag::from_ptb(tag).is_some(), "{line}");
        }
    }
}
