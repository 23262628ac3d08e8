//! Capitalised runs of words in a sentence: the candidate names of people and organisations the
//! gazetteer does not know, without the titles, honorifics and other words before them that are
//! no part of a name.

use std::collections::HashSet;

use super::{skip_ws, starts_capital, Hits};
use crate::lexicon::{Hit, Words};
use crate::text::Text;

/// Capitalised runs of two or more words in a sentence: candidate names.
pub(super) fn capitalised_runs(
    text: &Text,
    tokens: std::ops::Range<usize>,
    h: &Hits,
    names: &[Hit],
    heads: &HashSet<String>,
) -> Vec<(usize, usize)> {
    let cut = Cut {
        text,
        h,
        names,
        heads,
    };
    let mut runs = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for i in tokens {
        let tok = text.tokens[i];
        match step(text, h, &current, prev_end, i) {
            Step::Extend => {
                current.push(i);
                prev_end = Some(tok.end);
            }
            Step::Restart => {
                runs.extend(cut.name_in(std::mem::take(&mut current)));
                current.push(i);
                prev_end = Some(tok.end);
            }
            Step::Join => {}
            Step::AfterInitial => prev_end = Some(tok.end),
            Step::End => {
                runs.extend(cut.name_in(std::mem::take(&mut current)));
                prev_end = None;
            }
        }
    }
    runs.extend(cut.name_in(current));
    runs
}

/// What a token does to the run of words being read.
enum Step {
    /// A word of the run.
    Extend,
    /// A word that opens a new run: the one read so far ends before it.
    Restart,
    /// A hyphen or apostrophe that joins two words of the run ("al-Rawahi", "O'Neill").
    Join,
    /// The full stop after an initial ("George W. Bush").
    AfterInitial,
    /// Anything else: the run ends.
    End,
}

/// What the `i`th token does to the run `current`, whose last word or full stop ends at
/// `prev_end`.
fn step(text: &Text, h: &Hits, current: &[usize], prev_end: Option<usize>, i: usize) -> Step {
    let t = text.text;
    let tok = text.tokens[i];
    let w = &t[tok.start..tok.end];
    // an initial, or an honorific or title written short with its full stop ("Mr. Root",
    // "Gen. Hoffmann")
    let last_initial = || {
        current.last().is_some_and(|&l| {
            let k = text.tokens[l];
            text.token_text(l).len() == 1
                || t[k.end..].starts_with('.') && h.titled(k.start, k.end + 1)
        })
    };
    let is_name_word = tok.word
        && (starts_capital(w) || Words::get().name_particles.contains(&w))
        && !w.chars().all(|c| c.is_numeric());
    let joined = prev_end.is_some_and(|pe| {
        let gap = &t[pe..tok.start];
        gap == " "
            || gap == "-"
            // "O'Neill", "D’Alema"
            || matches!(gap, "'" | "’") && last_initial()
            || gap == ". " && last_initial()
            // "F.W. de Klerk": initials written together.
            || gap.is_empty() && last_initial() && t[..tok.start].ends_with('.')
    });
    if is_name_word && (current.is_empty() || joined) {
        Step::Extend
    } else if is_name_word {
        Step::Restart
    } else if !tok.word
        && w == "-"
        && !current.is_empty()
        && prev_end == Some(tok.start)
        && text
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.start == tok.end && n.word)
    {
        // "al-Rawahi": the hyphen joins the words; `prev_end` stays before it.
        Step::Join
    } else if !tok.word
        && matches!(w, "'" | "’")
        && current
            .last()
            .is_some_and(|&l| text.token_text(l).len() == 1 && text.tokens[l].end == tok.start)
        && text
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.start == tok.end && n.word && starts_capital(text.token_text(i + 1)))
    {
        // The apostrophe of "O'Neill" joins the letter and the name.
        Step::Join
    } else if !tok.word
        && matches!(w, "'" | "’")
        && current
            .last()
            .is_some_and(|&l| text.tokens[l].end == tok.start)
        && text
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.start == tok.end && name_tail(t, *n))
    {
        // "Kimani Ichung'wah", "Ta'ang": an apostrophe inside a name, before its lower-case
        // part.
        Step::Join
    } else if !tok.word && w == "." && last_initial() {
        Step::AfterInitial
    } else if current.len() >= 2 && prev_end == Some(tok.start - 1) && name_tail(t, tok) {
        // "Moon Jae-in", "Ban Ki-moon": the lower-case part of a hyphenated given name.
        Step::Extend
    } else {
        Step::End
    }
}

/// What cuts a run of capitalised words down to the name in it: the titles and the gazetteer's
/// names of the text, and the head words of organisations.
struct Cut<'a> {
    text: &'a Text<'a>,
    h: &'a Hits,
    names: &'a [Hit],
    heads: &'a HashSet<String>,
}

impl Cut<'_> {
    /// Whether the `i`th token stands inside a title or an honorific.
    fn in_title(&self, i: usize) -> bool {
        let tok = self.text.tokens[i];
        self.h.titled(tok.start, tok.end)
    }

    /// The name in a run of words (indices of tokens), if any: two words or more, or one right
    /// after a capitalised title or, a head word, after a possessive.
    fn name_in(&self, mut words: Vec<usize>) -> Option<(usize, usize)> {
        let text = self.text;
        let after_title = self.drop_leading(&mut words);
        // "Home Minister Krishna Prasad Sitaula": a portfolio of one or two words before the
        // title is no part of the name after it.
        if let Some(k) = (1..words.len().min(3)).find(|&k| {
            self.in_title(words[k]) && words.len() - k > 2 && !self.in_title(words[k + 1])
        }) {
            words.drain(..=k);
        }
        // "President Obama", "Senator Menendez": one word after a capitalised title is a name
        // when the run ends with it.
        if let [only] = words[..] {
            if self.single_name(only, after_title) {
                let tok = text.tokens[only];
                return Some((self.particles_before(only), tok.end));
            }
            // "the Yugoslav People's Army": the head word of a party or an armed group right
            // after a possessive, whose name the reader of names takes back over it.
            // Not after a dash, which joins it to a longer name ("... of Colombia - People's
            // Army").
            let tok = text.tokens[only];
            let before = &text.text[..tok.start];
            let possessed = ["'s ", "\u{2019}s "].iter().any(|p| {
                before.strip_suffix(p).is_some_and(|b| {
                    let owner = b.trim_end_matches(|c: char| c.is_alphanumeric());
                    !owner.ends_with("- ") && !owner.ends_with("\u{2013} ")
                })
            });
            if possessed && Words::get().strong_heads.contains(&text.token_text(only)) {
                return Some((tok.start, tok.end));
            }
        }
        while let Some(&last) = words.last() {
            let w = text.token_text(last);
            let tail = words.len() > 2 && name_tail(text.text, text.tokens[last]);
            if Words::get().name_particles.contains(&w)
                || w.len() == 1
                || !(starts_capital(w) || tail)
                || Words::get().post_nominals.contains(&w) && words.len() > 2
            {
                words.pop();
            } else {
                break;
            }
        }
        if words.len() >= 2 {
            let start = text.tokens[words[0]].start;
            let end = text.tokens[*words.last().unwrap_or(&words[0])].end;
            return Some((start, end));
        }
        None
    }

    /// Drops leading words that are no name, honorifics and titles ("Assistant Secretary"
    /// too), and particles. Whether the last word dropped is a capitalised title.
    fn drop_leading(&self, words: &mut Vec<usize>) -> bool {
        let (text, t, h) = (self.text, self.text.text, self.h);
        let mut after_title = false;
        while let Some(&first) = words.first() {
            let w = text.token_text(first);
            let tok = text.tokens[first];
            let titled = self.in_title(first)
                || Words::get().title_modifiers.contains(&w)
                    && words.get(1).is_some_and(|&n| self.in_title(n));
            // "Cuban President Miguel Díaz-Canel": a known name before the title is no part of it.
            let known = words.len() > 2
                && self
                    .names
                    .iter()
                    .any(|x| x.start <= tok.start && tok.end <= x.end)
                && h.titles.iter().any(|x| {
                    x.start >= tok.end && x.start <= skip_ws(t, tok.end) && x.start > tok.start
                });
            // "F.W. de Klerk": an initial with its full stop, outside a known name ("U.S."),
            // opens the name.
            let initial = w.len() == 1
                && t[tok.end..].starts_with('.')
                && !self
                    .names
                    .iter()
                    .any(|x| x.start <= tok.start && tok.end <= x.end);
            if initial {
                break;
            }
            if Words::get().not_name.contains(&w)
                || titled
                || known
                || Words::get().name_particles.contains(&w)
                || w.len() == 1
            {
                // "President de Klerk": a particle after a title keeps the name after it one.
                let particle = Words::get().name_particles.contains(&w);
                after_title = titled && starts_capital(w) || after_title && particle;
                words.remove(0);
            } else {
                break;
            }
        }
        after_title
    }

    /// Where a surname at token `i` starts with the particles right before it ("de Klerk").
    fn particles_before(&self, i: usize) -> usize {
        let text = self.text;
        let mut start = text.tokens[i].start;
        for k in (0..i).rev() {
            let tok = text.tokens[k];
            let w = text.token_text(k);
            if text.text[tok.end..start] != *" " || !Words::get().name_particles.contains(&w) {
                break;
            }
            start = tok.start;
        }
        start
    }

    /// Whether the one word left of a run is a name: after a capitalised title, or between a
    /// title and a comma and another comma ("the Maoist chairman, Prachanda,").
    fn single_name(&self, only: usize, after_title: bool) -> bool {
        let (text, t) = (self.text, self.text.text);
        let w = text.token_text(only);
        let tok = text.tokens[only];
        let comma_title = t[..tok.start].ends_with(", ")
            && t[tok.end..].starts_with(',')
            && self.h.titles.iter().any(|x| x.end + 2 == tok.start);
        let apposition = super::titles::titled_in_apposition(t, tok.end, self.h);
        (after_title || comma_title || apposition)
            && w.chars().count() >= 3
            && w.chars().skip(1).any(char::is_lowercase)
            && !Words::get().not_name.contains(&w)
            && !self.heads.contains(w)
            && !Words::get().not_a_surname.contains(&w)
    }
}

/// Whether a word is the lower-case part of a hyphenated given name ("Jae-in", "Jong-un",
/// "Ki-moon") or of a name with an apostrophe ("Ichung'wah"): short, right after a hyphen or an
/// apostrophe that follows a capitalised word, and not one of the compounds of English
/// ("Hamas-run", "Qatar-brokered", "Kremlin-backed") nor a contraction.
fn name_tail(t: &str, tok: crate::text::Token) -> bool {
    let w = &t[tok.start..tok.end];
    let before = &t[..tok.start];
    tok.word
        && w.len() <= 5
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !w.ends_with("ed")
        && !Words::get().compound_tails.contains(&w)
        && !CONTRACTIONS.contains(&w)
        && before.strip_suffix(['-', '\'', '’']).is_some_and(|stem| {
            stem.chars().next_back().is_some_and(char::is_alphabetic)
                && stem
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(starts_capital)
        })
}

/// What follows an apostrophe in the contractions of English ("Hamas'll", "Carter'd").
const CONTRACTIONS: [&str; 7] = ["s", "t", "re", "ve", "ll", "d", "m"];
