//! Capitalised runs of words in a sentence: the candidate names of people and organisations the
//! gazetteer does not know, without the titles, honorifics and other words before them that are
//! no part of a name.

use std::collections::HashSet;

use super::words::{NOT_NAME, PARTICLES};
use super::{skip_ws, starts_capital, Hits};
use crate::lexicon::Hit;
use crate::text::Text;

/// Capitalised runs of two or more words in a sentence: candidate names.
pub(super) fn capitalised_runs(
    text: &Text,
    tokens: std::ops::Range<usize>,
    h: &Hits,
    names: &[Hit],
    heads: &HashSet<String>,
) -> Vec<(usize, usize)> {
    let t = text.text;
    let mut runs = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let in_title = |i: usize| h.titled(text.tokens[i].start, text.tokens[i].end);
    let flush = |current: &mut Vec<usize>, runs: &mut Vec<(usize, usize)>| {
        // Drop leading words that are no name, honorifics and titles ("Assistant Secretary"
        // too), and trailing particles.
        let mut words: Vec<usize> = std::mem::take(current);
        let mut after_title = false;
        while let Some(&first) = words.first() {
            let w = text.token_text(first);
            let tok = text.tokens[first];
            let titled = in_title(first)
                || TITLE_MODIFIERS.contains(&w) && words.get(1).is_some_and(|&n| in_title(n));
            // "Cuban President Miguel Díaz-Canel": a known name before the title is no part of it.
            let known = words.len() > 2
                && names
                    .iter()
                    .any(|x| x.start <= tok.start && tok.end <= x.end)
                && h.titles.iter().any(|x| {
                    x.start >= tok.end && x.start <= skip_ws(t, tok.end) && x.start > tok.start
                });
            if NOT_NAME.contains(&w) || titled || known || PARTICLES.contains(&w) || w.len() == 1 {
                after_title = titled && starts_capital(w);
                words.remove(0);
            } else {
                break;
            }
        }
        // "Home Minister Krishna Prasad Sitaula": a portfolio of one or two words before the
        // title is no part of the name after it.
        if let Some(k) = (1..words.len().min(3))
            .find(|&k| in_title(words[k]) && words.len() - k > 2 && !in_title(words[k + 1]))
        {
            words.drain(..=k);
        }
        // "President Obama", "Senator Menendez": one word after a capitalised title is a name
        // when the run ends with it.
        if let [only] = words[..] {
            let w = text.token_text(only);
            // "the Maoist chairman, Prachanda,": a title, a comma, the name, a comma.
            let tok = text.tokens[only];
            let comma_title = t[..tok.start].ends_with(", ")
                && t[tok.end..].starts_with(',')
                && h.titles.iter().any(|x| x.end + 2 == tok.start);
            if (after_title || comma_title)
                && w.chars().count() >= 3
                && w.chars().skip(1).any(char::is_lowercase)
                && !NOT_NAME.contains(&w)
                && !heads.contains(w)
                && !NOT_A_SURNAME.contains(&w)
            {
                let tok = text.tokens[only];
                runs.push((tok.start, tok.end));
                return;
            }
        }
        while let Some(&last) = words.last() {
            let w = text.token_text(last);
            let tail = words.len() > 2 && name_tail(t, text.tokens[last]);
            if PARTICLES.contains(&w) || w.len() == 1 || !(starts_capital(w) || tail) {
                words.pop();
            } else {
                break;
            }
        }
        if words.len() >= 2 {
            let start = text.tokens[words[0]].start;
            let end = text.tokens[*words.last().unwrap_or(&words[0])].end;
            runs.push((start, end));
        }
    };
    let mut prev_end: Option<usize> = None;
    let mut i = tokens.start;
    while i < tokens.end {
        let tok = text.tokens[i];
        let w = &t[tok.start..tok.end];
        let is_name_word = tok.word
            && (starts_capital(w) || PARTICLES.contains(&w))
            && !w.chars().all(|c| c.is_numeric());
        let joined = prev_end.is_some_and(|pe| {
            let gap = &t[pe..tok.start];
            gap == " "
                || gap == "-"
                // "O'Neill", "D’Alema"
                || matches!(gap, "'" | "’")
                    && current
                        .last()
                        .is_some_and(|&l| text.token_text(l).len() == 1)
                || gap == ". "
                    && current
                        .last()
                        .is_some_and(|&l| text.token_text(l).len() == 1)
        });
        if is_name_word && (current.is_empty() || joined) {
            current.push(i);
            prev_end = Some(tok.end);
        } else if is_name_word {
            flush(&mut current, &mut runs);
            current.push(i);
            prev_end = Some(tok.end);
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
        } else if !tok.word
            && matches!(w, "'" | "’")
            && current
                .last()
                .is_some_and(|&l| text.token_text(l).len() == 1 && text.tokens[l].end == tok.start)
            && text.tokens.get(i + 1).is_some_and(|n| {
                n.start == tok.end && n.word && starts_capital(text.token_text(i + 1))
            })
        {
            // The apostrophe of "O'Neill" joins the letter and the name.
        } else if !tok.word
            && w == "."
            && current
                .last()
                .is_some_and(|&l| text.token_text(l).len() == 1)
        {
            prev_end = Some(tok.end);
        } else if current.len() >= 2 && prev_end == Some(tok.start - 1) && name_tail(t, tok) {
            // "Moon Jae-in", "Ban Ki-moon": the lower-case part of a hyphenated given name.
            current.push(i);
            prev_end = Some(tok.end);
        } else {
            flush(&mut current, &mut runs);
            prev_end = None;
        }
        i += 1;
    }
    flush(&mut current, &mut runs);
    runs
}

/// Whether a word is the lower-case part of a hyphenated given name ("Jae-in", "Jong-un",
/// "Ki-moon"): short, right after a hyphen that follows a capitalised word, and not one of the
/// compounds of English ("Hamas-run", "Qatar-brokered", "Kremlin-backed").
fn name_tail(t: &str, tok: crate::text::Token) -> bool {
    const COMPOUND: &[&str] = &[
        "run", "led", "era", "born", "made", "held", "wide", "like", "free", "only", "style",
        "type", "war", "time", "day", "year", "level", "based", "area", "zone", "side", "bound",
        "owned", "aided", "ally", "allied", "linked", "bloc", "camp", "party", "wing", "ties",
    ];
    let w = &t[tok.start..tok.end];
    let before = &t[..tok.start];
    tok.word
        && w.len() <= 5
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !w.ends_with("ed")
        && !COMPOUND.contains(&w)
        && before.ends_with('-')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        && before[..before.len() - 1]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(starts_capital)
}

/// Capitalised words before a title that are part of it: "Assistant Secretary Roberta Jacobson".
const TITLE_MODIFIERS: &[&str] = &[
    "Assistant",
    "Deputy",
    "Acting",
    "Former",
    "Senior",
    "Special",
    "Vice",
    "Under",
    "Interim",
    "Principal",
    "Top",
    "Chief",
];

/// Capitalised words after a title that name no one: "Chief Justice", "Secretary of State".
const NOT_A_SURNAME: &[&str] = &[
    "Justice",
    "Staff",
    "House",
    "Ministry",
    "Department",
    "Palace",
    "Affairs",
    "State",
    "Emeritus",
    "Designate",
    "Elect",
    "General",
    "Minister",
    "Secretary",
    "President",
    "Sheikh",
];
