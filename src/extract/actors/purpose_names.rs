//! Organisations the gazetteer does not know, named by a head word and what they stand for:
//! "the Movement for Democracy in Liberia", "the Congolese Rally for Democracy", "the Party of
//! Regions". The head is a word that makes a name a party or an armed group
//! (`words/strong-heads.txt`); "for" or "of" and at least one capitalised word follow it, or
//! the capitalised words before it open with a state's name ("the Sudan Liberation Movement").

use super::{in_capitals_heading, Builder, Context};
use crate::extract::MentionKind;
use crate::lexicon::{ActorKind, NameKind, Words};
use crate::text::Token;

/// The byte spans of such names, where no gazetteer name or name defined with an acronym
/// already covers their head.
pub(super) fn spans(cx: &Context, defined: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let (t, tokens) = (cx.t, &cx.text.tokens);
    let mut out = Vec::new();
    for s in &cx.text.sentences {
        let range = s.tokens.clone();
        for h in range.clone() {
            let head = tokens[h];
            if !head.word
                || !Words::get()
                    .strong_heads
                    .contains(&&t[head.start..head.end])
            {
                continue;
            }
            let start = modifiers_start(t, &tokens[range.start..h], head.start);
            let Some(end) = complement_end(t, &tokens[h + 1..range.end])
                .or_else(|| opens_with_state(cx, start, head.start).then_some(head.end))
            else {
                continue;
            };
            let known = cx
                .names
                .iter()
                .any(|n| n.start < head.end && head.start < n.end);
            let overlaps = |&(a, b): &(usize, usize)| a < end && start < b;
            if known
                || defined.iter().any(overlaps)
                || out.iter().any(overlaps)
                || cx.in_credit(start)
                || in_capitals_heading(t, start, end)
            {
                continue;
            }
            out.push((start, end));
        }
    }
    out
}

/// Each name a new organisation, mentioned there and wherever the same name stands again; the
/// new organisations.
pub(super) fn mention(cx: &Context, spans: Vec<(usize, usize)>, b: &mut Builder) -> Vec<usize> {
    let mut out = Vec::new();
    for (start, end) in spans {
        if b.covered(start, end) {
            continue;
        }
        let name = &cx.t[start..end];
        let actor = b.new_actor(name, ActorKind::Organization);
        b.mention(start, end, actor, MentionKind::Name, false);
        b.mention_each(name, actor, |p| cx.in_credit(p));
        out.push(actor);
    }
    out
}

/// Where the complement after a head ends: "for" or "of", an optional "the", then capitalised
/// words, joined by the small words of names ("for Democracy and Development in Chad").
fn complement_end(t: &str, after: &[Token]) -> Option<usize> {
    let text = |k: usize| &t[after[k].start..after[k].end];
    let spaced = |k: usize| k > 0 && t[after[k - 1].end..after[k].start] == *" ";
    if !matches!(after.first().map(|_| text(0)), Some("for" | "of")) {
        return None;
    }
    let mut k = 1;
    if after.len() > k && text(k) == "the" && spaced(k) {
        k += 1;
    }
    let mut end = None;
    // After "and" only capitalised words and "in" go on: "for Justice and Equality", not
    // "of Albanians and Imer Imeri of the Party ...".
    let mut end_before_and = None;
    while k < after.len() && spaced(k) && after[k].word {
        let w = text(k);
        if capitalised(w) {
            end = Some(after[k].end);
        } else if w == "and" && end.is_some() && end_before_and.is_none() {
            end_before_and = end;
        } else if end_before_and.is_some() && w != "in" {
            return end_before_and;
        } else if !(Words::get().acronym_joins.contains(&w) && end.is_some()) {
            break;
        }
        k += 1;
    }
    end
}

/// Where the capitalised words right before a head begin ("Congolese Rally", "Workers'
/// Party", "Sudan People's Liberation Army"), not counting a word that is no name ("The"
/// opening a sentence).
fn modifiers_start(t: &str, before: &[Token], head_start: usize) -> usize {
    let mut start = head_start;
    let mut k = before.len();
    while k > 0 {
        // A possessive's apostrophe and "s" stay with the capitalised word before them.
        let tail = |n: usize| {
            k >= n && matches!(&t[before[k - n].start..start], "' " | "’ " | "'s " | "’s ")
        };
        let back = if tail(1) {
            1
        } else if tail(2) {
            2
        } else {
            0
        };
        if k <= back {
            break;
        }
        let word = k - 1 - back;
        let gap = if back > 0 { "" } else { " " };
        let tok = before[word];
        let w = &t[tok.start..tok.end];
        let next = if gap.is_empty() {
            before[word + 1].start
        } else {
            start
        };
        if !tok.word
            || t[tok.end..next] != *gap
            || !capitalised(w)
            || Words::get().not_name.contains(&w)
        {
            break;
        }
        start = tok.start;
        k = word;
    }
    start
}

/// Whether the capitalised words before a head from `start` open with the name of a state the
/// gazetteer knows and go on with another word before the head ("the Sudan Liberation
/// Movement", "the Palestine Liberation Front"; not "the Ukraine Army", nor a possessive).
fn opens_with_state(cx: &Context, start: usize, head_start: usize) -> bool {
    cx.names.iter().any(|n| {
        n.start <= start
            && start < n.end
            && n.end + 1 < head_start
            && !cx.t[n.end..].starts_with(['\'', '’'])
            && cx.lexicon.names.values(n).iter().any(|&(e, kind)| {
                matches!(kind, NameKind::Label | NameKind::AltLabel)
                    && cx.lexicon.actors[e].kind == ActorKind::State
            })
    })
}

fn capitalised(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn name(text: &str, head: &str) -> String {
        let t = Text::new(text, &Default::default());
        let h = t
            .tokens
            .iter()
            .position(|x| &text[x.start..x.end] == head)
            .unwrap();
        let start = modifiers_start(text, &t.tokens[..h], t.tokens[h].start);
        let end = complement_end(text, &t.tokens[h + 1..]).unwrap_or(t.tokens[h].end);
        text[start..end].to_string()
    }

    #[test]
    fn a_name_runs_from_its_capitalised_modifiers_through_what_it_stands_for() {
        let cases = [
            (
                "The Movement for Democracy in Liberia signed.",
                "Movement",
                "Movement for Democracy in Liberia",
            ),
            (
                "the Congolese Rally for Democracy refused",
                "Rally",
                "Congolese Rally for Democracy",
            ),
            (
                "the Workers' Party of Korea said",
                "Party",
                "Workers' Party of Korea",
            ),
            (
                "the Sudan People's Liberation Army of the North",
                "Army",
                "Sudan People's Liberation Army of the North",
            ),
            (
                "the Movement for Justice and Equality in Darfur",
                "Movement",
                "Movement for Justice and Equality in Darfur",
            ),
            // after "and", a person and another "of" end the name before the "and"
            (
                "the Democratic Party of Albanians and Imer Imeri of the Party",
                "Party",
                "Democratic Party of Albanians",
            ),
            // a head with nothing capitalised after "for" is no such name
            ("the Party for now", "Party", "Party"),
        ];
        for (text, head, want) in cases {
            assert_eq!(name(text, head), want, "{text}");
        }
    }
}
