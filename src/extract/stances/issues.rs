//! The issues an article names: the lexicon's issue phrases, the freeing of a named person, the
//! items of a list announced after a cue, and the issue the article's deal is about.

use crate::extract::actors::Found;
use crate::extract::MentionKind;
use crate::lexicon::{ActorKind, Hit, Lexicon, Words};
use crate::text::{run_start, Text};

/// "agreed to free Evan Gershkovich", "released Alan Gross": freeing a person named right after
/// the verb is the release of prisoners (of hostages where the sentence speaks of hostages), as
/// an issue phrase spanning the verb and the name.
pub(super) fn release_of_people(text: &Text, lexicon: &Lexicon, found: &Found) -> Vec<Hit> {
    let t = text.text;
    let freed: Vec<(usize, usize)> = found
        .mentions
        .iter()
        .filter(|m| {
            found.actors[m.actor].kind == ActorKind::Person && m.kind != MentionKind::Pronoun
        })
        .filter_map(|m| {
            let head = t[..m.start].strip_suffix(' ')?;
            let verb_start = run_start(head, char::is_alphabetic);
            Words::get()
                .release_verbs
                .contains(&&head[verb_start..])
                .then_some((verb_start, m.end))
        })
        .collect();
    if freed.is_empty() {
        return Vec::new();
    }
    let pattern = |phrase: &str| lexicon.issues.find(phrase).first().map(|h| h.pattern);
    let (Some(prisoners), Some(hostages)) =
        (pattern("prisoner release"), pattern("hostage release"))
    else {
        return Vec::new();
    };
    freed
        .into_iter()
        .map(|(start, end)| {
            let sentence = &text.sentences[text.sentence_of(start)];
            let hostage = text
                .sentence_text(sentence)
                .to_lowercase()
                .contains("hostage");
            Hit {
                start,
                end,
                pattern: if hostage { hostages } else { prisoners },
            }
        })
        .collect()
}

/// The issues of a list announced right after a cue ("have agreed on the following:"), one item
/// a line, numbered or bulleted, up to the first line that is no item.
pub(super) fn listed_issues<'i>(t: &str, cue_end: usize, issues: &'i [Hit]) -> Vec<&'i Hit> {
    let rest = &t[cue_end..];
    let line_end = rest.find('\n').map_or(t.len(), |p| cue_end + p);
    let tail = t[cue_end..line_end].trim();
    let announced = tail.ends_with(':')
        && tail.split_whitespace().count() <= 4
        && tail.to_lowercase().contains("following");
    if !announced {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut pos = line_end;
    while pos < t.len() {
        let next = t[pos + 1..].find('\n').map_or(t.len(), |p| pos + 1 + p);
        let line = t[(pos + 1).min(next)..next].trim();
        pos = next;
        if line.is_empty() {
            continue;
        }
        let marker = line.starts_with(['-', '•', '*', '–'])
            || line.split_once(['.', ')']).is_some_and(|(n, _)| {
                !n.is_empty()
                    && n.len() <= 3
                    && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '(')
            });
        if !marker {
            break;
        }
        let start = next - line.len();
        out.extend(issues.iter().filter(|i| i.start >= start && i.end <= next));
    }
    out
}

/// The issues the article names, in order: the lexicon's issue phrases and the freeing of named
/// people.
pub(super) fn article_issues(text: &Text, lexicon: &Lexicon, found: &Found) -> Vec<Hit> {
    let mut issues = lexicon.issues.find(text.text);
    issues.extend(release_of_people(text, lexicon, found));
    issues.sort_by_key(|h| (h.start, h.end));
    issues
}

/// What the article's deal is about: the issue most often named with a deal noun ("cease-fire
/// deal", "peace agreement", "agreement on a cease-fire").
pub(super) fn named_deal_issue<'l>(
    t: &str,
    lexicon: &'l Lexicon,
    issues: &[Hit],
    deals: &[Hit],
) -> Option<&'l str> {
    let mut counts: Vec<(usize, &str)> = Vec::new();
    for i in issues {
        // Deal nouns are sorted by start: only those from just before the issue on.
        let from = deals.partition_point(|d| d.end + 12 < i.start);
        let next_word = i.end + (t[i.end..].len() - t[i.end..].trim_start().len());
        let named = deals[from..]
            .iter()
            .take_while(|d| d.start <= next_word)
            .any(|d| {
                (d.start >= i.start && d.end <= i.end)
                    || (d.start >= i.end && t[i.end..d.start].trim().is_empty())
                    || (d.end <= i.start
                        && d.end + 12 >= i.start
                        && matches!(
                            t[d.end..i.start].trim(),
                            "on" | "on a" | "on the" | "for" | "for a" | "for the" | "of"
                        ))
            })
            || purpose_of_deal(t, deals, i);
        if !named && !before_talks_noun(t, next_word) {
            continue;
        }
        for slug in lexicon.issues.values(i) {
            match counts.iter_mut().find(|c| c.1 == slug.as_str()) {
                Some(c) => c.0 += 1,
                None => counts.push((1, slug.as_str())),
            }
        }
    }
    counts.iter().rev().max_by_key(|c| c.0).map(|c| c.1)
}

/// "the Foundation Agreement drawn up by the United Nations for a comprehensive settlement": an
/// issue after "for" that ends the phrase of a deal noun (at most ten words after it, no comma
/// or stop between, no verb of the deal's own clause) names what the deal is for.
fn purpose_of_deal(t: &str, deals: &[Hit], i: &Hit) -> bool {
    let from = deals.partition_point(|d| d.end + 80 < i.start);
    deals[from..]
        .iter()
        .take_while(|d| d.end <= i.start)
        .any(|d| {
            let gap = &t[d.end..i.start];
            let words: Vec<&str> = gap.split_whitespace().collect();
            let ends_in_for = matches!(
                words.as_slice(),
                [.., "for"] | [.., "for", "a" | "an" | "the"]
            );
            // A verb of the deal's own clause says what it does ("The deal provides for",
            // "was signed for"): its terms, not its name.
            // So does a verb right before "for" ("His plan called for").
            let before_for = words.iter().position(|w| *w == "for").unwrap_or(0);
            let auxiliaries = &crate::lexicon::Words::get().auxiliaries;
            let clause = before_for < 2
                || words.first().is_some_and(|w| w.ends_with('s'))
                || words.iter().any(|w| auxiliaries.contains(w));
            ends_in_for && !clause && words.len() <= 10 && !gap.contains([',', '.', ';', ':'])
        })
}

/// Whether the word at `at` is a noun of talks ("peace talks", "Peace Conference").
fn before_talks_noun(t: &str, at: usize) -> bool {
    let word = t[at..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    crate::lexicon::Words::get().is_talks_noun(word)
}

/// The issue the article's deal is taken to be about: the one it is `named` with; in an article
/// that never says what its deal is about, a deal that stops the fighting, which the issue scheme
/// files under cease-fire, but not where no cease-fire is named at all (a grain deal, a maritime
/// border deal); else, for a deal named more than once that is about neither (a declaration, a
/// memorandum, the restoration of ties), the talks that made it: welcoming or rejecting it is a
/// stance on them.
pub(super) fn assumed_deal_issue<'l>(
    named: Option<&'l str>,
    lexicon: &Lexicon,
    issues: &[Hit],
    deals: &[Hit],
) -> Option<&'l str> {
    let names_ceasefire = issues
        .iter()
        .filter(|i| lexicon.issues.values(i).iter().any(|s| s == "ceasefire"))
        .count()
        >= 2;
    named
        .or(names_ceasefire.then_some("ceasefire"))
        .or((deals.len() >= 2).then_some("negotiations"))
}
