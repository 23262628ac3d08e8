//! Organisations the gazetteer does not know and no title, head word or acronym marks, described
//! as a group right before the name ("the Pakistan-based group Harkat-ul-Mujahideen"), described
//! as a group by an apposition ("Mercosur, the South American bloc", "the opposition coalition,
//! Azimio la Umoja,") or named as the subject of
//! a verb only an actor does: a capitalised word inside a sentence right before a
//! verb of the clause rules or of speech ("the Eurogroup told journalists", "the release of
//! people, which Séléka demands"), or a capitalised run after "the" there ("the Korean Council
//! called for", "the Young Patriots besieged").
//!
//! Not a word that opens its sentence or line (it may be capitalised only for that) unless an
//! apposition describes it as a group, nor a word
//! of a name found before it, a title, a word that is never a name, or the head word of bodies
//! alone ("the Council said": a body of an actor the text names otherwise). A run of several
//! words without "the" may be a person ("Lee Yong-soo accused"), and is left to the rules of
//! people.

use super::{ends_right_before, starts_capital, starts_right_after, Builder, Context};
use crate::extract::syntax::lemmas::Lemmatizer;
use crate::extract::syntax::tagger::Tagger;
use crate::extract::syntax::Tag;
use crate::extract::MentionKind;
use crate::lexicon::{ActorKind, Words};
use crate::text::Sentence;

/// Finds such names in every sentence and mentions each new organisation wherever its name
/// stands again.
pub(super) fn mention(cx: &Context, b: &mut Builder) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for s in &cx.text.sentences {
        if cx.in_credit(s.start) {
            continue;
        }
        found.extend(in_sentence(cx, b, s));
    }
    for (start, end) in found {
        if b.covered(start, end) {
            continue;
        }
        let name = cx.t[start..end].to_string();
        let actor = b.new_actor(&name, ActorKind::Organization);
        b.mention(start, end, actor, MentionKind::Name, false);
        b.mention_each(&name, actor, |p| cx.in_credit(p));
    }
    b.sort_mentions();
}

/// The spans of the names of sentence `s` that stand as the subject of an actor's verb.
fn in_sentence(cx: &Context, b: &Builder, s: &Sentence) -> Vec<(usize, usize)> {
    let (text, t) = (cx.text, cx.t);
    let mut out = Vec::new();
    let mut i = s.tokens.start;
    while i < s.tokens.end {
        let tok = text.tokens[i];
        // A word that opens its sentence or line may be capitalised only for that, unless an
        // apposition describes it as a group ("Oceana, the marine conservation group, said").
        let first = i == s.tokens.start || opens_line(t, tok.start);
        if !tok.word || !candidate_word(cx, b, text.token_text(i), tok.start, tok.end) {
            i += 1;
            continue;
        }
        // The run: capitalised words one space apart.
        let mut j = i + 1;
        let candidate = |j: usize| {
            j < s.tokens.end
                && text.tokens[j].word
                && &t[text.tokens[j - 1].end..text.tokens[j].start] == " "
                && candidate_word(
                    cx,
                    b,
                    text.token_text(j),
                    text.tokens[j].start,
                    text.tokens[j].end,
                )
        };
        loop {
            if candidate(j) {
                j += 1;
            } else if j < s.tokens.end
                && Words::get().name_particles.contains(&text.token_text(j))
                && candidate(j + 1)
            {
                // "Azimio la Umoja": a particle between two words of the name.
                j += 2;
            } else {
                break;
            }
        }
        let (start, mut end) = (tok.start, text.tokens[j - 1].end);
        if group_right_before(t, s.start, start) {
            end = hyphened_end(t, end).min(s.end);
            if !named_as_place(cx, &t[start..end]) {
                out.push((start, end));
            }
            i = j;
            while i < s.tokens.end && text.tokens[i].start < end {
                i += 1;
            }
            continue;
        }
        let described = described_as_group(t, end, s.end) || group_before(t, s.start, start, end);
        if described && !named_as_place(cx, &t[start..end]) {
            out.push((start, end));
            i = j;
            continue;
        }
        if first || !opens_subject(t, start) {
            i = j;
            continue;
        }
        let after_the = t[..start].ends_with("the ") || t[..start].ends_with("The ");
        let single = j == i + 1;
        let heads = &cx.lexicon.organization_heads;
        let bare_head = single && heads.contains(text.token_text(i));
        if (single || after_the)
            && !bare_head
            && acts_after(cx, s, end)
            && !named_as_place(cx, &t[start..end])
            && acts_again(cx, start, end)
        {
            out.push((start, end));
        }
        i = j;
    }
    out
}

/// Whether a word may be part of such a name: capitalised, with a lower-case letter or all in
/// capitals of two letters or more, outside every name and title found, and no word that is
/// never a name.
fn candidate_word(cx: &Context, b: &Builder, w: &str, start: usize, end: usize) -> bool {
    starts_capital(w)
        && w.chars().count() >= 2
        && !w.chars().any(|c| c.is_ascii_digit())
        && !b.covered(start, end)
        && !cx.names.iter().any(|n| n.start < end && start < n.end)
        && !Tagger::builtin().common_word(w)
        && !cx.h.titled(start, end)
        && !Words::get().not_name.contains(&w)
        && !b
            .actors
            .iter()
            .any(|a| a.kind == ActorKind::Person && a.label.split([' ', '-']).any(|x| x == w))
}

/// Whether the name at `start..end` stands somewhere else as an actor does: again before an
/// actor's verb, as a possessor ("Séléka's demands"), after "by" ("backed by ETA"), or before
/// the head of a group of its people ("Séléka fighters", "ETA leaders"). A paper quoted once or
/// a place a sentence has do something is not named so twice.
fn acts_again(cx: &Context, start: usize, end: usize) -> bool {
    let t = cx.t;
    let name = &t[start..end];
    t.match_indices(name).any(|(p, _)| {
        let e = p + name.len();
        if p == start || !crate::text::whole_word(t, p, e) {
            return false;
        }
        let s = &cx.text.sentences[cx.text.sentence_of(p)];
        acts_after(cx, s, e)
            || t[e..].starts_with("'s ")
            || t[e..].starts_with("’s ")
            || t[..p].ends_with(" by ")
            || starts_right_after(&cx.h.agent_heads, t, e).is_some()
    })
}

/// Whether the text names `name` as a place somewhere: right after a locative preposition
/// ("fighting in Tigray", "talks at Chibok"); no organisation is written so.
fn named_as_place(cx: &Context, name: &str) -> bool {
    let t = cx.t;
    t.match_indices(name)
        .any(|(p, _)| ends_right_before(&cx.h.locatives, t, p).is_some())
}

/// Whether an apposition after `end` describes the name as a group: ", the" or ", a" and at
/// most five words up to a head of `words/group-nouns.txt` ("Mercosur, the South American
/// bloc of ...", "Gazprom, the Russian gas company,").
fn described_as_group(t: &str, end: usize, sentence_end: usize) -> bool {
    let Some(rest) = t[end..sentence_end].strip_prefix(", ") else {
        return false;
    };
    let mut words = rest
        .split(|c: char| !(c.is_alphabetic() || c == '-' || c == ' '))
        .next()
        .unwrap_or_default()
        .split(' ');
    if !matches!(words.next(), Some("the" | "a" | "an")) {
        return false;
    }
    // The head stands before any preposition or relative word ("the head of the party" is no
    // party).
    words
        .take(5)
        .take_while(|w| {
            !matches!(
                *w,
                "of" | "for"
                    | "in"
                    | "at"
                    | "from"
                    | "to"
                    | "with"
                    | "who"
                    | "which"
                    | "that"
                    | "and"
                    | "or"
            )
        })
        .any(|w| Words::get().group_nouns.contains(&w))
}

/// Whether an apposition before the name at `start..end` describes it as a group: "the
/// opposition coalition, Azimio la Umoja," (a phrase from "the", "a" or "an" to a head of
/// `words/group-nouns.txt` and a comma, the name closed by a comma or a stop).
fn group_before(t: &str, sentence_start: usize, start: usize, end: usize) -> bool {
    let Some(before) = t[sentence_start..start].strip_suffix(", ") else {
        return false;
    };
    if !t[end..].starts_with([',', '.']) {
        return false;
    }
    describes_group(before)
}

/// Whether a group's description stands right before the name at `start`, with no comma: "the
/// Pakistan-based group Harkat-ul-Mujahideen", "a rebel movement Séléka" (a head of
/// `words/group-nouns.txt` after "the", "a" or "an" and at most three words).
fn group_right_before(t: &str, sentence_start: usize, start: usize) -> bool {
    let Some(before) = t[sentence_start..start].strip_suffix(' ') else {
        return false;
    };
    describes_group(before)
}

/// Whether the words that end `before` describe a group: a head of `words/group-nouns.txt` last,
/// and "the", "a" or "an" among the four words before it, within its clause.
fn describes_group(before: &str) -> bool {
    let words: Vec<&str> = before.rsplit(' ').take(5).collect();
    words
        .first()
        .is_some_and(|w| Words::get().group_nouns.contains(w))
        && words
            .iter()
            .skip(1)
            .take_while(|w| !w.ends_with([',', ';', ':']))
            .any(|w| matches!(*w, "the" | "The" | "a" | "A" | "an" | "An"))
}

/// The end of a name past the parts a hyphen joins to it ("Harkat-ul-Mujahideen") and the
/// capitalised words after it, common words too ("Tawhid Brigade").
fn hyphened_end(t: &str, mut end: usize) -> usize {
    loop {
        let (joint, rest) = match t[end..].strip_prefix('-') {
            Some(rest) => (1, rest),
            None => match t[end..].strip_prefix(' ').filter(|r| starts_capital(r)) {
                Some(rest) => (1, rest),
                None => return end,
            },
        };
        let part = rest.len() - rest.trim_start_matches(char::is_alphabetic).len();
        if part == 0 {
            return end;
        }
        end += joint + part;
    }
}

/// Whether the word before `start` may stand before a subject: a comma, a semicolon, one of
/// `words/subject-openers.txt` as written there (lower case), or "The" opening a sentence. Not
/// a capitalised word ("Sinn Féin" is one run, not "Féin").
fn opens_subject(t: &str, start: usize) -> bool {
    let before = t[..start].trim_end_matches(' ');
    if before.ends_with([',', ';']) {
        return true;
    }
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    word == "The" || Words::get().subject_openers.contains(&word)
}

/// Whether `pos` opens a line, or follows a colon, a dash or an opening quote or bracket, where
/// any word may be capitalised.
fn opens_line(t: &str, pos: usize) -> bool {
    let before = t[..pos].trim_end_matches(' ');
    before.is_empty()
        || before.ends_with(['\n', ':', '—', '–', '"', '“', '(', '\'', '‘', '-', '•', '*'])
}

/// Whether the word right after `end` is a verb an actor does: of speech, or a form of a verb of
/// the clause rules ("told", "demands", "signed", "rejected").
fn acts_after(cx: &Context, s: &Sentence, end: usize) -> bool {
    let t = cx.t;
    let Some(rest) = t[end..s.end].strip_prefix(' ') else {
        return false;
    };
    if starts_right_after(&cx.h.speech, t, end).is_some() {
        return true;
    }
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    if word.is_empty() || !word.chars().all(char::is_lowercase) {
        return false;
    }
    // A past form ("signed", "withdrew") or a third person's present ("demands"); a word the
    // lemmatizer leaves as it is in both is neither ("and", "leaders").
    let lemmas = Lemmatizer::builtin();
    [Tag::VBD, Tag::VBZ].into_iter().any(|tag| {
        let lemma = lemmas.lemma_of(&word, tag);
        lemma != word && cx.lexicon.rules.for_verb(&lemma).next().is_some()
    })
}
