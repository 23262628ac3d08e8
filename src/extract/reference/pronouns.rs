//! The pronouns "he", "she", "his" and "her", resolved to the person they refer to, and an "It"
//! or "They" opening a sentence, to the state or organisation that was the subject of the one
//! before; an "it" or "they" right after a relative word, to the subject of its own sentence;
//! "you" and "your", to the person a line addresses by name.

use super::Context;
use crate::extract::actors::{opens_sentence, quoted, second_person, speaks_to_you, Builder};
use crate::extract::syntax::{Tag, Words};
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

/// "Hamas met the mediators in Cairo. It rejected the proposal.": an "It" (or "They": "The
/// British opened hard. They demanded ...") opening its sentence
/// as the subject of a verb is the state or organisation the sentence before names as its own
/// subject (the one actor named there before its first verb). Not before a form of "be", a
/// passive or a verb whose "it" names nothing (`words/empty-it-verbs.txt`: "It seems", "It took
/// three weeks"), where "it" is the deal or no one; nor where the sentence before names a deal
/// after its subject, which "It" may be.
pub(super) fn mention_it(cx: &Context, b: &mut Builder) {
    let text = cx.text;
    let opens_it = |i: usize| {
        let s = &text.sentences[i];
        !s.tokens.is_empty() && matches!(text.token_text(s.tokens.start), "It" | "They")
    };
    let wanted: Vec<usize> = (1..text.sentences.len()).filter(|&i| opens_it(i)).collect();
    if wanted.is_empty() {
        return;
    }
    let tagged =
        |i: usize| wanted.binary_search(&i).is_ok() || wanted.binary_search(&(i + 1)).is_ok();
    let words = Words::of_sentences(text, &cx.lexicon.abbreviations, tagged);
    for &si in &wanted {
        let it = words.sentences[si].start;
        if !has_verb_after_it(&words, it, words.sentences[si].end) {
            continue;
        }
        let before = &text.sentences[si - 1];
        let Some((actor, at)) = sentence_subject(b, &words, before.start, si - 1) else {
            continue;
        };
        // "Norway welcomed the agreement. It provides for ...": a deal named after the subject
        // may be what "It" is; "Norway welcomes the agreements. They show ...": so may any
        // plural noun after it be what "They" is.
        let they = text.token_text(text.sentences[si].tokens.start) == "They";
        let plural_after = || {
            (words.word_at(at)..words.sentences[si - 1].end).any(|i| words.words[i].tag == Tag::NNS)
        };
        if cx
            .deals
            .iter()
            .any(|d| d.start >= at && d.end <= before.end)
            || (they && plural_after())
        {
            continue;
        }
        let w = words.words[it];
        push_pronoun(b, (w.start, w.end), actor, false);
    }
    b.sort_mentions();
}

/// "Otto von Bismarck, Chancellor of the new German Empire, you hold every card": a sentence
/// that opens with a person's name, set off by a comma, and speaks to "you" addresses that
/// person; each "you", "your" and "yourself" from there to the end of the line stands for them.
/// Not in a sentence with a quotation, where "you" is a speaker's.
pub(super) fn mention_you(cx: &Context, b: &mut Builder) {
    let (text, t) = (cx.text, cx.t);
    let mut addressee: Option<(usize, usize)> = None; // (actor, end of its line)
    let mut found = Vec::new();
    for s in &text.sentences {
        if addressee.is_some_and(|(_, end)| s.start >= end) {
            addressee = None;
        }
        let sentence = &t[s.start..s.end];
        let quoted = quoted(sentence);
        let first = b.mentions.partition_point(|m| m.start < s.start);
        let opening = b.mentions.get(first).filter(|m| {
            m.start < s.end
                && !m.possessive
                && b.actors[m.actor].kind == ActorKind::Person
                && opens_sentence(&t[s.start..m.start])
                && t[m.end..].starts_with(',')
        });
        if let Some(m) = opening.filter(|_| speaks_to_you(sentence)) {
            let line_end = t[s.start..].find('\n').map_or(t.len(), |i| s.start + i);
            addressee = Some((m.actor, line_end));
        }
        let Some((actor, _)) = addressee.filter(|_| !quoted) else {
            continue;
        };
        for i in s
            .tokens
            .clone()
            .filter(|&i| second_person(text.token_text(i)))
        {
            let tok = text.tokens[i];
            let possessive = matches!(text.token_text(i), "your" | "Your");
            found.push((tok.start, tok.end, actor, possessive));
        }
    }
    for (start, end, actor, possessive) in found {
        push_pronoun(b, (start, end), actor, possessive);
    }
    b.sort_mentions();
}

/// A mention of `actor` by the pronoun at `start..end`, possessive ("your") or not.
fn push_pronoun(b: &mut Builder, (start, end): (usize, usize), actor: usize, possessive: bool) {
    b.mentions.push(Mention {
        start,
        end,
        actor,
        stands_for: actor,
        kind: MentionKind::Pronoun,
        possessive,
        locative: false,
    });
}

/// "Israel rejects any contact with the PLO, which it calls a terrorist group", "a process
/// Russia has driven since the cease-fire that it and Turkey brokered": an "it" or "they" right
/// after "which", "that" or "whom", as the subject of a verb, is the state or organisation its
/// own sentence names as its subject: the relative word is the verb's object, so the phrase the
/// relative is said of is not what the pronoun stands for.
pub(super) fn mention_relative_it(cx: &Context, b: &mut Builder) {
    let text = cx.text;
    let relative_it = |t: usize| {
        t >= 1
            && matches!(text.token_text(t), "it" | "they")
            && matches!(text.token_text(t - 1), "which" | "that" | "whom")
    };
    let wanted: Vec<usize> = (0..text.sentences.len())
        .filter(|&i| text.sentences[i].tokens.clone().any(relative_it))
        .collect();
    if wanted.is_empty() {
        return;
    }
    let words = Words::of_sentences(text, &cx.lexicon.abbreviations, |i| {
        wanted.binary_search(&i).is_ok()
    });
    for &si in &wanted {
        let sentence = &text.sentences[si];
        let Some((actor, at)) = sentence_subject(b, &words, sentence.start, si) else {
            continue;
        };
        for t in sentence.tokens.clone().filter(|&t| relative_it(t)) {
            let tok = text.tokens[t];
            let it = words.word_at(tok.start);
            if tok.start < at || !has_verb_after_it(&words, it, words.sentences[si].end) {
                continue;
            }
            push_pronoun(b, (tok.start, tok.end), actor, false);
        }
    }
    b.sort_mentions();
}

/// Whether the word after "It" (word `it`), past adverbs and an auxiliary or modal, is a verb
/// that takes an actor as its subject: finite, no form of "be" and none of the empty "it"'s.
fn has_verb_after_it(words: &Words, it: usize, end: usize) -> bool {
    let empty = &crate::lexicon::Words::get().empty_it_verbs;
    let mut auxiliary = false;
    for i in it + 1..end {
        let (tag, lemma) = (words.words[i].tag, words.lemma(i));
        if tag.is_adverb() || lemma == "not" || lemma == "n't" {
            continue;
        }
        if empty.contains(lemma) {
            return false;
        }
        if !auxiliary && (tag == Tag::MD || matches!(lemma, "have" | "do")) {
            auxiliary = true;
            continue;
        }
        return auxiliary || tag.is_finite_verb();
    }
    false
}

/// Whether the words from `first` up to byte `at` hold no noun of another phrase: none at all,
/// or none after the comma that closes an opening phrase ("On Monday, Hamas"; not "The accord,
/// reached after talks hosted by Qatar,").
fn opens_clause(words: &Words, first: usize, at: usize) -> bool {
    let end = words.word_at(at);
    let from = (first..end)
        .rev()
        .find(|&i| words.words[i].tag == Tag::Comma)
        .map_or(first, |c| c + 1);
    !(from..end).any(|i| words.words[i].tag.is_noun() || words.words[i].tag.is_pronoun())
}

/// The state or organisation that is the subject of sentence `si` (starting at byte `start`),
/// and where its mention ends: the one actor named, not as a place or a possessor, before the
/// sentence's first finite verb.
fn sentence_subject(b: &Builder, words: &Words, start: usize, si: usize) -> Option<(usize, usize)> {
    let range = words.sentences[si].clone();
    let verb = range
        .clone()
        .find(|&i| words.words[i].tag.is_finite_verb())?;
    let limit = words.words[verb].start;
    let first = b.mentions.partition_point(|m| m.start < start);
    let mut named = b.mentions[first..]
        .iter()
        .take_while(|m| m.end <= limit)
        .filter(|m| !m.locative && !m.possessive);
    let m = named.next()?;
    let actor = m.actor;
    if named.any(|m| m.actor != actor) || !opens_clause(words, range.start, m.start) {
        return None;
    }
    matches!(
        b.actors[actor].kind,
        ActorKind::State | ActorKind::Organization
    )
    .then_some((actor, m.end))
}
