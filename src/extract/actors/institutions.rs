//! A state's institutions named after it: "the Bank of Japan", "the National Assembly of
//! Serbia", "the Supreme Court of the United States" are organisations of their own.

use super::{opens_sentence, starts_capital, Builder, Context};
use crate::extract::MentionKind;
use crate::lexicon::{ActorKind, Hit, NameKind, Words};
use crate::text::run_start;

/// The spans of the institutions' names: capitalised words that end in a head of
/// `words/state-institutions.txt`, "of", maybe "the", and a state's name the gazetteer knows.
pub(super) fn spans(cx: &Context) -> Vec<(usize, usize)> {
    let t = cx.t;
    let mut out = Vec::new();
    for h in state_names(cx) {
        let before = &t[..h.start];
        let Some(rest) = before
            .strip_suffix("of the ")
            .or_else(|| before.strip_suffix("of "))
        else {
            continue;
        };
        let Some(head_start) = word_before(rest) else {
            continue;
        };
        if !Words::get()
            .state_institutions
            .contains(&&rest[head_start..rest.len() - 1])
        {
            continue;
        }
        // back over the capitalised words that qualify the head ("the Central Bank", "National
        // Assembly"), not over an article, a known name or a word that opens its sentence
        // without being part of a name ("Officials", "Under")
        let mut start = head_start;
        while let Some(w) = word_before(&t[..start]) {
            let word = &t[w..start - 1];
            let sentence = &cx.text.sentences[cx.text.sentence_of(w)];
            let opens = opens_sentence(&t[sentence.start..w]);
            let stop = matches!(word, "The" | "A" | "An")
                || opens && Words::get().not_name.contains(&word)
                || cx.names.iter().any(|n| n.end == start - 1);
            if !starts_capital(word) || stop {
                break;
            }
            start = w;
        }
        out.push((start, h.end));
    }
    out
}

/// The spans of bodies named with a state's name before them: the state's name (no demonym,
/// no possessive) and capitalised words up to a head of `words/state-named-bodies.txt` ("the
/// U.S. Soccer Federation", "the Qatar Investment Authority").
pub(super) fn prefixed_spans(cx: &Context) -> Vec<(usize, usize)> {
    let t = cx.t;
    let mut out = Vec::new();
    for h in state_names(cx) {
        let sentence_end = cx.text.sentences[cx.text.sentence_of(h.start)].end;
        let mut end = h.end;
        let mut found = None;
        // at most six capitalised words, none of them a known name's
        for _ in 0..6 {
            let Some(rest) = t[end..sentence_end].strip_prefix(' ') else {
                break;
            };
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
                .unwrap_or(rest.len());
            let word = &rest[..len];
            let start = end + 1;
            if !starts_capital(word) || cx.names.iter().any(|n| n.start == start) {
                break;
            }
            end = start + len;
            if Words::get().state_named_bodies.contains(&word) {
                found = Some(end);
            }
        }
        if let Some(end) = found {
            out.push((h.start, end));
        }
    }
    out
}

/// The names of states the gazetteer knows (no demonyms) outside credit lines.
fn state_names<'a>(cx: &'a Context) -> impl Iterator<Item = &'a Hit> + 'a {
    cx.names.iter().filter(|h| {
        !cx.in_credit(h.start)
            && cx.lexicon.names.values(h).iter().any(|&(e, kind)| {
                kind != NameKind::Demonym && cx.lexicon.actors[e].kind == ActorKind::State
            })
    })
}

/// Where the word that ends right before `text`'s last space starts, if it is a word.
fn word_before(text: &str) -> Option<usize> {
    let body = text.strip_suffix(' ')?;
    let start = run_start(body, |c| c.is_alphanumeric() || c == '-');
    (start < body.len()).then_some(start)
}

/// Each institution as a new organisation, named by its whole name.
pub(super) fn mention(cx: &Context, spans: Vec<(usize, usize)>, b: &mut Builder) {
    for (start, end) in spans {
        if b.covered(start, end) {
            continue;
        }
        let actor = b.new_actor(&cx.t[start..end], ActorKind::Organization);
        b.mention(start, end, actor, MentionKind::Name, false);
    }
}
