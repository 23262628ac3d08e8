//! Descriptions that refer to an actor named before them: "the group", "the Gulf state" (the
//! lexicon's descriptions, each of a kind of actor), "the army" after "the Sudanese army" (the
//! head noun of an organisation's name), and "the government" after "Sudan's government" (a
//! state's government named with the state) or, where none was named so, in an article about
//! one state.

use super::Context;
use crate::extract::actors::{opens_sentence, Builder};
use crate::extract::{Mention, MentionKind};
use crate::lexicon::{ActorKind, Hit, Lexicon, Words};

/// Mentions of the lexicon's descriptions not yet covered, each of the actor it refers to.
pub(super) fn mention_descriptions(cx: &Context, b: &mut Builder) {
    for (hit, kind) in &cx.descriptions {
        if b.covered(hit.start, hit.end) {
            continue;
        }
        if let Some(actor) = described_actor(cx, b, hit, *kind) {
            b.mention(hit.start, hit.end, actor, MentionKind::Description, false);
            b.sort_mentions();
        }
    }
}

/// The actor of `kind` a description refers to: the subject of the sentence before when the
/// description opens its sentence, else the nearest one named before it.
fn described_actor(cx: &Context, b: &mut Builder, hit: &Hit, kind: ActorKind) -> Option<usize> {
    let (text, t, lexicon) = (cx.text, cx.t, cx.lexicon);
    // "Pakistan's foreign ministry said the country ...": an organisation of a state named
    // after the state's last mention stands for it.
    let parent_state = |actor: usize| {
        b.actors[actor]
            .entry
            .and_then(|e| lexicon.actors[e].parent)
            .filter(|&p| lexicon.actors[p].kind == ActorKind::State)
    };
    // "the movement" is no court or council: a description of an armed or political movement
    // skips the institutions named before it.
    let words = crate::lexicon::Words::get();
    let armed = t[hit.start..hit.end].rsplit(' ').next().is_some_and(|w| {
        words
            .armed_descriptions
            .contains(&w.to_lowercase().as_str())
    });
    let institution = |actor: usize| {
        let label = &b.actors[actor].label;
        let last = label.rsplit(' ').next().unwrap_or(label);
        words.institution_heads.contains(&last)
    };
    let pick = |m: &Mention| {
        if armed && institution(m.actor) {
            None
        } else if b.actors[m.actor].kind == kind {
            Some(Ok(m.actor))
        } else if kind == ActorKind::State {
            parent_state(m.actor).map(Err)
        } else {
            None
        }
    };
    // A description opening its sentence is the subject of the one before, as a pronoun
    // is: "Hamas rejected the Security Council resolution ... The group has said" (Hamas,
    // not the council named after it).
    let si = text.sentence_of(hit.start);
    let opens = opens_sentence(&t[text.sentences[si].start..hit.start]);
    let subject = (opens && si > 0)
        .then(|| {
            let s = &text.sentences[si - 1];
            let first = b.mentions.partition_point(|m| m.start < s.start);
            b.mentions[first..]
                .iter()
                .take_while(|m| m.start < s.end)
                .find(|m| !m.locative && !m.possessive)
                .and_then(pick)
        })
        .flatten();
    let found = subject.or_else(|| {
        b.mentions
            .iter()
            .rev()
            .filter(|m| m.end <= hit.start && !m.locative)
            .find_map(pick)
    });
    match found {
        Some(Ok(actor)) => Some(actor),
        Some(Err(entry)) => Some(b.actor_for_entry(entry)),
        None => None,
    }
}

/// "The army" after "the Sudanese army", "the council" after "the Sovereignty Council": a
/// definite description whose noun is the last word of a name of an organisation named before
/// it is that organisation (the latest one named, when several share the noun).
pub(super) fn head_noun_descriptions(
    t: &str,
    definites: &[Definite],
    lexicon: &Lexicon,
    b: &mut Builder,
) {
    let heads = organization_heads(lexicon, b);
    if heads.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for &Definite {
        start,
        word: (from, word_end),
    } in definites
    {
        let word = &t[from..word_end];
        // Most "the"s are followed by no organisation's noun: look no further for them.
        if word.is_empty()
            || !word.starts_with(char::is_lowercase)
            || !heads.iter().any(|(h, _)| h == word)
        {
            continue;
        }
        // "the authority of the mediator": a noun its "of" phrase completes is no name's.
        if b.covered(start, word_end) || t[word_end..].starts_with(" of ") {
            continue;
        }
        let actor = b
            .mentions
            .iter()
            .rev()
            .filter(|m| m.end <= start && !m.locative)
            .find(|m| heads.iter().any(|(h, a)| *a == m.actor && h == word))
            .map(|m| m.actor);
        if let Some(actor) = actor {
            found.push((start, word_end, actor));
        }
    }
    for (start, end, actor) in found {
        b.mention(start, end, actor, MentionKind::Description, false);
    }
    b.sort_mentions();
}

/// A "the" or "The" that is no end of a longer word, and the word right after it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Definite {
    /// Where "the" starts.
    pub start: usize,
    /// The span of the letters after "the " (empty before a digit or a sign).
    pub word: (usize, usize),
}

/// Every "the" and "The" of `t` with the word after it: those of "the " first, then those of
/// "The ", each in the order of the text. Read once for the descriptions that start so.
pub(super) fn definites(t: &str) -> Vec<Definite> {
    articles(t)
        .filter(|&start| {
            !t[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
        .map(|start| {
            let from = start + "the ".len();
            let end = t[from..]
                .find(|c: char| !c.is_alphabetic())
                .map_or(t.len(), |e| from + e);
            Definite {
                start,
                word: (from, end),
            }
        })
        .collect()
}

/// Where "the " and "The " are in `t`: those of "the " first, then those of "The ", each in
/// the order of the text (from one pass over its bytes).
fn articles(t: &str) -> impl Iterator<Item = usize> {
    let mut at: [Vec<usize>; 2] = Default::default();
    for (p, w) in t.as_bytes().windows(4).enumerate() {
        if w[1..] == *b"he " {
            match w[0] {
                b't' => at[0].push(p),
                b'T' => at[1].push(p),
                _ => {}
            }
        }
    }
    at.into_iter().flatten()
}

/// The head nouns of the organisations found, each with its organisation: the last word, in
/// lower case, of each of its names of two words or more ("army" for "the Sudanese Army"), but
/// for short words and nouns of too many bodies ("state", "group").
fn organization_heads(lexicon: &Lexicon, b: &Builder) -> Vec<(String, usize)> {
    let mut heads: Vec<(String, usize)> = Vec::new();
    for (i, a) in b.actors.iter().enumerate() {
        if a.kind != ActorKind::Organization {
            continue;
        }
        let names: Vec<&str> = match a.entry {
            Some(e) => std::iter::once(lexicon.actors[e].label.as_str())
                .chain(lexicon.actors[e].alt_labels.iter().map(String::as_str))
                .collect(),
            None => vec![a.label.as_str()],
        };
        for n in names {
            let words: Vec<&str> = n.split_whitespace().collect();
            let Some(last) = words.last().filter(|_| words.len() >= 2) else {
                continue;
            };
            let last = last.to_lowercase();
            if last.len() >= 4
                && last.chars().all(char::is_alphabetic)
                && !matches!(
                    last.as_str(),
                    "state" | "states" | "nations" | "people" | "group"
                )
                && !heads.contains(&(last.clone(), i))
            {
                heads.push((last, i));
            }
        }
    }
    heads
}

/// "The government" after "Sudan's government" or "the government of Sudan", "the regime"
/// after "the Syrian regime": "the" and a noun of a state's government
/// (`words/state-bodies.txt`) is a state named with the same noun before it, the noun at most two
/// words after the state's name, possessive or demonym, or before "of" and the name; where no
/// name covers it. Where no state was named with the noun, "the government" and "the regime"
/// (`words/home-state-bodies.txt`), alone or after a national qualifier ("the federal
/// government"), are the state the article is about ([`home_state`]), if one stands out.
pub(super) fn state_body_descriptions(t: &str, definites: &[Definite], b: &mut Builder) {
    let bodies = &Words::get().state_bodies;
    let home_bodies = &Words::get().home_state_bodies;
    let home = home_state(b);
    let mut found = Vec::new();
    for &Definite {
        start,
        word: (from, word_end),
    } in definites
    {
        let word = &t[from..word_end];
        if !bodies.contains(&word) || b.covered(start, word_end) {
            continue;
        }
        // The state named so most often before it, the first of those named as often ("the
        // government of Sri Lanka ... the Thai government hosted ... the government team").
        let named = tally(b.mentions.iter().filter(|m| {
            m.end <= start
                && m.kind != MentionKind::Pronoun
                && b.actors[m.actor].kind == ActorKind::State
                && (names_body(t, m.end, word) || body_of(t, m.start, word))
        }));
        let most = named.iter().map(|n| n.1).max().unwrap_or(0);
        let state = named.iter().find(|n| n.1 == most).map(|n| n.0);
        // The noun alone, as a list reads its members past "the".
        if let Some(actor) = state {
            found.push((from, word_end, actor));
        } else if let Some(actor) = home.filter(|_| home_bodies.contains(&word)) {
            found.push((from, word_end, actor));
        }
    }
    // "the federal government", "the military government": a qualifier of a national
    // government (`words/national-qualifiers.txt`) before the noun, for the article's home state.
    for &Definite {
        start,
        word: (from, word_end),
    } in definites
    {
        let (Some(actor), Some(body)) = (home, t[word_end..].strip_prefix(' ')) else {
            continue;
        };
        let body_end =
            word_end + 1 + body.len() - body.trim_start_matches(char::is_alphabetic).len();
        let qualifier = &t[from..word_end];
        if Words::get().national_qualifiers.contains(&qualifier)
            && home_bodies.contains(&&t[word_end + 1..body_end])
            && !b.covered(start, body_end)
        {
            found.push((from, body_end, actor));
        }
    }
    for (start, end, actor) in found {
        b.mention(start, end, actor, MentionKind::Description, false);
    }
    b.sort_mentions();
}

/// The state an article is about: the one named (not as a place, not by a pronoun) at least
/// twice and more than twice as often as any other state, if one is.
fn home_state(b: &Builder) -> Option<usize> {
    let mut counts = tally(b.mentions.iter().filter(|m| {
        !m.locative && m.kind != MentionKind::Pronoun && b.actors[m.actor].kind == ActorKind::State
    }));
    counts.sort_by_key(|&(a, n)| (std::cmp::Reverse(n), a));
    match counts[..] {
        [(a, n)] if n >= 2 => Some(a),
        [(a, n), (_, m), ..] if n >= 2 && n > 2 * m => Some(a),
        _ => None,
    }
}

/// How many of `mentions` each actor has, in the order the actors are first mentioned.
fn tally<'a>(mentions: impl Iterator<Item = &'a Mention>) -> Vec<(usize, usize)> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in mentions {
        match counts.iter_mut().find(|(a, _)| *a == m.actor) {
            Some(c) => c.1 += 1,
            None => counts.push((m.actor, 1)),
        }
    }
    counts
}

/// Whether the state's name starting at `start` follows "`body` of" ("the government of Sri
/// Lanka").
fn body_of(t: &str, start: usize, body: &str) -> bool {
    let before = t[..start].strip_suffix("the ").unwrap_or(&t[..start]);
    before.strip_suffix(" of ").is_some_and(|b| {
        b.ends_with(body) && !b[..b.len() - body.len()].ends_with(char::is_alphabetic)
    })
}

/// Whether the state's name ending at `end` is followed by `body` as one of the next two words
/// ("'s military government", " army").
fn names_body(t: &str, end: usize, body: &str) -> bool {
    let rest = t[end..]
        .strip_prefix("'s")
        .or_else(|| t[end..].strip_prefix("’s"))
        .unwrap_or(&t[end..]);
    rest.starts_with(' ')
        && rest
            .split(' ')
            .skip(1)
            .take(2)
            .take_while(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
            .any(|w| w == body)
}
