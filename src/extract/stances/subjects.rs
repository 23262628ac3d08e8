//! Who a clause or a speech verb is about: the subject right before a cue, the subject of a
//! clause with the names coordinated to it, and the tests of whether a mention may be a subject
//! at all (not a place, not the object of a preposition, a possessor only before an agent noun).

use crate::extract::actors::{possessive_end, Found};
use crate::extract::syntax::tagger::Tagger;
use crate::extract::syntax::Tag;
use crate::extract::{Mention, MentionKind};
use crate::lexicon::{Hit, Words};

/// The actors named as the subject right before a cue ("Hamas has rejected", "the American side
/// wants", "Iran and the United States have agreed to"), with nothing but auxiliaries, adverbs
/// and agent nouns between the last of them and the cue.
pub(in crate::extract) fn adjacent_subject(
    t: &str,
    found: &Found,
    heads: &[Hit],
    from: usize,
    cue_start: usize,
) -> Vec<usize> {
    let Some(m) = found
        .mentions_in(from, cue_start)
        .filter(|m| {
            // A name that runs into the cue ("... Support Forces" over "support") is no subject.
            m.end <= cue_start
                && !m.locative
                && m.kind != MentionKind::Pronoun
                && is_subject(t, m, heads)
        })
        .last()
    else {
        return Vec::new();
    };
    let mut gap_start = m.end;
    if let Some(e) = possessive_end(t, m.end).filter(|&e| e <= cue_start) {
        gap_start = e;
    }
    // "the March 23 Movement (AFC/M23) today signed": past the bracket that closes an acronym.
    let alias = bracketed_alias(t, m.start, m.end).filter(|&(_, close)| close <= cue_start);
    if let Some((_, close)) = alias {
        gap_start = close;
    }
    let mut pos = gap_start;
    for word in t[gap_start..cue_start].split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += word.len();
        let w = word.trim();
        if w.is_empty() {
            continue;
        }
        let head = heads.iter().any(|h| h.start <= start && start < h.end);
        if !head
            && !Words::get()
                .auxiliaries
                .contains(&w.to_lowercase().as_str())
        {
            return Vec::new();
        }
    }
    let mut subject = vec![m.actor];
    let mut first_start = m.start;
    // The name the acronym stands for is the same subject: the chain goes on before it.
    if let Some((open, _)) = alias {
        first_start = found
            .mentions_in(from, open)
            .filter(|p| !p.locative && t[p.end..open].trim().is_empty())
            .last()
            .map_or(open, |p| {
                if !subject.contains(&p.actor) {
                    subject.push(p.actor);
                }
                p.start
            });
    }
    while let Some(p) = found
        .mentions_in(from, first_start)
        .filter(|p| !p.locative)
        .last()
    {
        if matches!(
            t[p.end..first_start].trim(),
            "and" | "," | ", and" | "and the" | ", and the"
        ) {
            if !subject.contains(&p.actor) {
                subject.push(p.actor);
            }
            first_start = p.start;
        } else {
            break;
        }
    }
    subject
}

/// Whether some mention in `from..to` that may be a subject is no possessor: then a possessor
/// ("Britain's prime minister, Keir Starmer") is no subject.
pub(super) fn any_plain_subject(
    t: &str,
    found: &Found,
    heads: &[Hit],
    from: usize,
    to: usize,
) -> bool {
    found
        .mentions_in(from, to)
        .any(|m| !m.possessive && is_subject(t, m, heads))
}

/// The subject of a clause: the first actor named in `from..cue_start` that may be a subject,
/// with those coordinated to it ("Egypt, Qatar and the United States welcomed", not "Norway, one
/// of ... along with Cuba, Brazil and Chile"); a possessor only when `any_plain` is false.
pub(super) fn clause_subject(
    t: &str,
    found: &Found,
    heads: &[Hit],
    from: usize,
    cue_start: usize,
    any_plain: bool,
) -> Vec<usize> {
    let mut holders = Vec::new();
    let mut chain_end: Option<usize> = None;
    // A possessor skipped inside the chain ("the United States and Yemen's Houthi rebels"): its
    // span does not break the coordination.
    let mut possessor: Option<(usize, usize)> = None;
    for m in found.mentions_in(from, cue_start) {
        if !is_subject(t, m, heads) || (any_plain && m.possessive) {
            if m.possessive {
                possessor = Some((m.start, possessive_end(t, m.end).unwrap_or(m.end)));
            }
            continue;
        }
        match chain_end {
            None => {
                chain_end = Some(m.end);
                holders.push(m.actor);
            }
            Some(end) => {
                let end = end.min(m.start);
                let gap = match possessor.filter(|&(ps, pe)| ps >= end && pe <= m.start) {
                    Some((ps, pe)) if t[pe..m.start].trim().is_empty() => t[end..ps].trim(),
                    _ => t[end..m.start].trim(),
                };
                if matches!(gap, "and" | "," | "and the" | ", and" | "or" | ", and the") {
                    holders.push(m.actor);
                    chain_end = Some(m.end);
                } else {
                    break;
                }
            }
        }
    }
    holders
}

/// Where a sentence's opening prepositional phrase ends ("At talks hosted by the Saudi
/// government in Jeddah on March 11, Ukraine's delegation ... accepted"): after its comma, when
/// the sentence opens with a preposition and the comma comes before `cue_start`.
pub(super) fn opening_phrase_end(
    t: &str,
    sentence_start: usize,
    cue_start: usize,
) -> Option<usize> {
    let head = t[sentence_start..cue_start].trim_start();
    // "Yet when Glezmann was released, Rubio ... thanked": a connective before the opening
    // clause.
    let head = Words::get()
        .opening_connectives
        .iter()
        .find_map(|c| head.strip_prefix(c)?.strip_prefix(' '))
        .unwrap_or(head);
    let lead = cue_start - sentence_start - head.len();
    let first = head.split(|c: char| !c.is_alphabetic()).next()?;
    // After a connective the word is in lower case ("Yet when").
    if !Words::get()
        .opening_prepositions
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first))
    {
        return None;
    }
    let comma = sentence_start + lead + head.find(", ")?;
    // "On Monday Hamas seized the town, demanding ...": a phrase with a finite verb before the
    // comma is the main clause, no opening phrase.
    let own_clause = Words::get()
        .clause_openers
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first));
    let clause =
        !own_clause && Tagger::builtin().any_tag(t, sentence_start, comma, Tag::is_finite_verb);
    (!clause).then_some(comma + ", ".len())
}

/// The bracket around a mention that is an acronym or short name given in brackets after a
/// longer one ("the Congo River Alliance/March 23 Movement (AFC/M23)"): the positions of the
/// opening bracket and just after the closing one.
pub(in crate::extract) fn bracketed_alias(
    t: &str,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let open = t[..start].rfind('(')?;
    let close = end + t[end..].find(')')?;
    let inside = |s: &str| !s.contains([' ', '(', ')', ',', '.']);
    (start - open <= 12
        && close - end <= 12
        && inside(&t[open + 1..start])
        && inside(&t[end..close]))
    .then_some((open, close + 1))
}

pub(super) fn is_subject(t: &str, m: &Mention, heads: &[Hit]) -> bool {
    if m.locative {
        return false;
    }
    if m.possessive {
        // "Israel's team", "the prime minister's office": the possessor speaks.
        let after =
            possessive_end(t, m.end).map(|e| e + (t[e..].len() - t[e..].trim_start().len()));
        return after.is_some_and(|a| heads.iter().any(|h| h.start == a));
    }
    true
}

/// "Advisor to the Prime Minister", "who led talks with Russia": the object of a preposition
/// is not who speaks ("mediators from Qatar" is: the origin of an agent noun).
pub(super) fn after_preposition(t: &str, m: &Mention, heads: &[Hit]) -> bool {
    let mut before = t[..m.start].trim_end();
    // Past a capitalised title ("to Prime Minister Nawaf Salam") and an article.
    while let Some((rest, word)) = before.rsplit_once(' ') {
        if word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphabetic) {
            before = rest.trim_end();
        } else {
            break;
        }
    }
    let before = before
        .strip_suffix("the")
        .filter(|b| b.ends_with(' '))
        .map_or(before, str::trim_end);
    let prev = before.rsplit(' ').next().unwrap_or("");
    match prev {
        "to" | "for" | "with" | "by" | "at" | "toward" | "towards" => true,
        "from" | "of" => {
            let noun_end = before[..before.len() - prev.len()].trim_end().len();
            let noun = before[..noun_end].rsplit(' ').next().unwrap_or("");
            !(heads.iter().any(|h| h.end == noun_end)
                || noun.ends_with('s') && !noun.ends_with("ss"))
        }
        _ => false,
    }
}
