//! Issues the lexicon's phrases do not name by themselves: the freeing of a named person, and
//! the items of a list announced after a cue.

use crate::extract::actors::Found;
use crate::extract::MentionKind;
use crate::lexicon::{ActorKind, Hit, Lexicon};
use crate::text::{run_start, Text};

/// "agreed to free Evan Gershkovich", "released Alan Gross": freeing a person named right after
/// the verb is the release of prisoners (of hostages where the sentence speaks of hostages), as
/// an issue phrase spanning the verb and the name.
pub(super) fn release_of_people(text: &Text, lexicon: &Lexicon, found: &Found) -> Vec<Hit> {
    const VERBS: &[&str] = &[
        "free",
        "frees",
        "freed",
        "freeing",
        "release",
        "releases",
        "released",
        "releasing",
    ];
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
            VERBS
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
