//! The pronouns "he", "she", "his" and "her", resolved to the person they refer to.

use super::Context;
use crate::extract::actors::{opens_sentence, Builder};
use crate::extract::{Mention, MentionKind};
use crate::lexicon::ActorKind;

/// A mention at every "he", "she", "his" or "her" that refers to a person found.
pub(super) fn mention_pronouns(cx: &Context, b: &mut Builder) {
    let text = cx.text;
    for i in 0..text.tokens.len() {
        let w = text.token_text(i);
        if !matches!(
            w,
            "He" | "he" | "She" | "she" | "His" | "his" | "Her" | "her"
        ) {
            continue;
        }
        let tok = text.tokens[i];
        if let Some(actor) = referent(cx, b, tok.start) {
            let stands_for = repeated(cx, b, tok.start, w).unwrap_or(actor);
            b.mentions.push(Mention {
                start: tok.start,
                end: tok.end,
                actor,
                stands_for,
                kind: MentionKind::Pronoun,
                possessive: matches!(w, "His" | "his" | "Her" | "her"),
                locative: false,
            });
            b.sort_mentions();
        }
    }
}

/// What a pronoun at `start` that repeats one earlier in its sentence ("He said he ... and he
/// praised") stands for in the clause rules: the actor of the first pronoun of the sentence that
/// is the same word as `w`. Its own actor stays the one [`referent`] gives it (the person named
/// nearest before it), which the other rules read.
fn repeated(cx: &Context, b: &Builder, start: usize, w: &str) -> Option<usize> {
    let (text, t) = (cx.text, cx.t);
    let s = &text.sentences[text.sentence_of(start)];
    let first = b.mentions.partition_point(|m| m.start < s.start);
    b.mentions[first..]
        .iter()
        .take_while(|m| m.start < start)
        .find(|m| m.kind == MentionKind::Pronoun && t[m.start..m.end].eq_ignore_ascii_case(w))
        .map(|m| m.actor)
}

/// The person a pronoun at `start` refers to: the subject of one of the two sentences before when
/// the pronoun opens its sentence, else the nearest person named before it in its sentence or
/// the two before.
fn referent(cx: &Context, b: &Builder, start: usize) -> Option<usize> {
    let (text, t) = (cx.text, cx.t);
    let si = text.sentence_of(start);
    let limit = text.sentences[si.saturating_sub(2)].start;
    let person = |m: &&Mention| b.actors[m.actor].kind == ActorKind::Person;
    // A pronoun opening a sentence is the subject of the last sentence that names a person:
    // its first person, a possessor only when no one else is named there.
    let opens = opens_sentence(&t[text.sentences[si].start..start]);
    let subject = opens
        .then(|| {
            (si.saturating_sub(2)..si).rev().find_map(|p| {
                let s = &text.sentences[p];
                // Mentions are sorted by start: only this sentence's.
                let first = b.mentions.partition_point(|m| m.start < s.start);
                let in_s = || {
                    b.mentions[first..]
                        .iter()
                        .take_while(move |m| m.start < s.end)
                        .filter(move |m| m.end <= s.end)
                        .filter(person)
                };
                in_s()
                    .find(|m| !m.possessive)
                    .or_else(|| in_s().next())
                    .map(|m| m.actor)
            })
        })
        .flatten();
    // Else the nearest person named before it in its sentence or the two before; else, for the
    // speaker of a sentence that opens with a quote, the one the nearest pronoun there refers
    // to ("He called the measures criminal. But he struck a conciliatory note. \"We are ready to
    // talk,\" he said."), where no one else may be meant.
    let quoted = t[text.sentences[si].start..start].starts_with(['"', '“']);
    let before = || {
        b.mentions
            .iter()
            .rev()
            .filter(move |m| m.end <= start && m.start >= limit)
            .filter(person)
    };
    subject
        .or_else(|| {
            before()
                .find(|m| m.kind != MentionKind::Pronoun)
                .map(|m| m.actor)
        })
        .or_else(|| before().next().filter(|_| quoted).map(|m| m.actor))
}
