//! Who holds a stance: the possessor of a cue noun, the subject right before the cue in a quote,
//! the quote's speaker, the speaker of reported speech (or the subject of the reported clause),
//! else the subject of the clause, or the negotiation's parties where the clause describes them.

use super::article::Article;
use super::site::Site;
use super::speech::Speech;
use super::subjects::{
    adjacent_subject, any_plain_subject, clause_subject, is_subject, opening_phrase_end,
};
use crate::extract::actors::{opens_sentence, possessive_end};
use crate::extract::MentionKind;
use crate::lexicon::{Hit, TargetSide, Words};

/// The holders of a stance, sorted, with the rule that found them and how sure it is.
pub(super) struct Holders {
    pub(super) actors: Vec<usize>,
    pub(super) rule: &'static str,
    pub(super) confidence: f32,
}

/// "the Kosovo government's willingness to de-escalate", "Hamas's acceptance of the plan": a cue
/// noun with a possessor is the possessor's stance, whatever verb governs it.
pub(super) fn possessor(a: &Article, site: &Site) -> Option<usize> {
    let (t, sh) = (a.t, site.cue);
    (sh.side == TargetSide::After)
        .then(|| {
            a.found
                .mentions_in(site.clause_start, sh.hit.start)
                .filter(|m| !m.locative)
                .last()
                .filter(|m| {
                    possessive_end(t, m.end)
                        .is_some_and(|e| e <= sh.hit.start && t[e..sh.hit.start].trim().is_empty())
                })
                .map(|m| m.actor)
        })
        .flatten()
}

/// The holders of the cue at `site`, `possessor` first; none when nobody holds it.
pub(super) fn holders(a: &Article, site: &Site, possessor: Option<usize>) -> Option<Holders> {
    let (sh, quote, speech) = (site.cue, site.quote, site.speech);
    // Reported speech inside an interview's answer is the reported speaker's.
    let speech_in_quote = speech.is_some_and(|sp| quote.is_none_or(|q| sp.cue.start >= q.start));
    let quote_subject = match quote {
        Some(q) if !sh.speaker_held && !speech_in_quote => adjacent_subject(
            a.t,
            a.found,
            &a.heads,
            site.clause_start.max(q.start),
            sh.hit.start,
        ),
        _ => Vec::new(),
    };
    let (mut actors, rule, confidence): (Vec<usize>, &'static str, f32) =
        if let Some(holder) = possessor {
            (vec![holder], "possessor", 0.7)
        } else if !quote_subject.is_empty() {
            (quote_subject, "quote-subject", 0.7)
        } else if let (Some(q), false) = (
            // A quote nobody is said to speak (scare quotes: "called the deal 'a surrender'")
            // is the clause subject's.
            quote.filter(|q| !q.speaker.is_empty()),
            speech_in_quote,
        ) {
            (q.speaker.clone(), "quote", 0.8)
        } else if let Some(sp) = speech {
            let (actors, rule) = reported(a, site, sp);
            (actors, rule, 0.75)
        } else {
            (clause_holders(a, site), "clause-subject", 0.6)
        };
    actors.sort();
    actors.dedup();
    (!actors.is_empty()).then_some(Holders {
        actors,
        rule,
        confidence,
    })
}

/// The holders of a cue in the words of `sp`: the subject of the reported clause ("Egypt said
/// Israel must withdraw" is Israel's) or the speaker, with the rule that found them.
fn reported(a: &Article, site: &Site, sp: &Speech) -> (Vec<usize>, &'static str) {
    let (t, found, sh) = (a.t, a.found, site.cue);
    // "President Obasanjo has said that Nigeria cannot stay, and we will want to talk to him":
    // a clause of the cue whose subject is "we" or "I" is neither the reported subject's nor
    // the reported speaker's.
    let first_person = t[site.clause_start.max(sp.content_start)..sh.hit.start]
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w == "we" || w == "We" || w == "I");
    if first_person {
        return (Vec::new(), "speaker");
    }
    let embedded: Vec<usize> = found
        .mentions_in(sp.content_start, sh.hit.start)
        .filter(|m| is_subject(t, m, &a.heads) && m.kind != MentionKind::Pronoun)
        .map(|m| m.actor)
        .take(1)
        .collect();
    let embedded_subject = embedded.first().is_some_and(|&a| {
        // Only a clause subject: the actor directly before a verb-like cue, not one in a
        // prepositional phrase ("the response from Hamas showed").
        let m = found
            .mentions_in(sp.content_start, sh.hit.start)
            .find(|m| m.actor == a);
        m.is_some_and(|m| {
            let before = t[sp.content_start..m.start].trim();
            // "warned Egypt against threats of force", "warned Tehran not to": whom
            // the speaker addresses, not a subject.
            let after = t[m.end..].trim_start();
            let addressed = ["against ", "not to ", "to "]
                .iter()
                .any(|w| after.starts_with(w));
            (before.is_empty() || before.eq_ignore_ascii_case("the")) && !addressed
        })
    });
    // "Egypt said Israel must withdraw": an obligation is laid by the speaker.
    if embedded_subject
        && !sh.speaker_held
        && matches!(sh.side, TargetSide::After | TargetSide::ActorAfter)
    {
        (embedded, "reported-subject")
    } else {
        (sp.holders.clone(), "speaker")
    }
}

/// The subject of the clause: the first actor named before the cue, with those coordinated to
/// it, or the parties where a description of them is the subject.
fn clause_holders(a: &Article, site: &Site) -> Vec<usize> {
    let (t, found, sh) = (a.t, a.found, site.cue);
    let subject_from = subject_from(a, site);
    let any_plain = any_plain_subject(t, found, &a.heads, subject_from, sh.hit.start);
    let mut holders: Vec<usize> = Vec::new();
    if let Some(p) = described_parties(a, site, subject_from) {
        let phrase = t[p.start..p.end].to_lowercase();
        holders = if Words::get()
            .party_leader_words
            .iter()
            .any(|w| phrase.ends_with(w))
        {
            a.parties.leaders.clone()
        } else {
            a.parties.parties.clone()
        };
    }
    if holders.is_empty() {
        holders = clause_subject(t, found, &a.heads, subject_from, sh.hit.start, any_plain);
    }
    // "Sudan needs a truce", "the guarantors should publish a timetable": words of
    // obligation nobody is said to speak are the writer's, not the subject's.
    if sh.speaker_held && sh.side == TargetSide::After {
        holders.clear();
    }
    holders
}

/// Where the subject of the cue's clause may start.
fn subject_from(a: &Article, site: &Site) -> usize {
    let (t, found, s, sh, clause_start) = (a.t, a.found, site.s, site.cue, site.clause_start);
    // Inside a relative clause the subject is its own: "the agency, whose director
    // general, Rafael Grossi, has called for" (Grossi), "Rafael Grossi, who has called
    // for" (the name before "who"), not the sentence's first actor.
    let head = &t[s.start..sh.hit.start];
    let subject_from = if let Some(p) = head.rfind(", whose ") {
        s.start + p + ", whose ".len()
    } else if let Some(p) = head.rfind(", who ") {
        found
            .mentions_in(s.start, s.start + p)
            .filter(|m| m.end == s.start + p && !m.possessive)
            .last()
            .map_or(s.start, |m| m.start)
    } else {
        opening_phrase_end(t, s.start, sh.hit.start).unwrap_or(s.start)
    };
    // "Hamas welcomed the plan, while Israel dismissed it": a clause joined by a
    // conjunction has its own subject when it names one.
    let lead = t[clause_start..sh.hit.start].split_whitespace().next();
    if matches!(
        lead,
        Some("while" | "but" | "whereas" | "although" | "though" | "and" | "yet")
    ) && found
        .mentions_in(clause_start, sh.hit.start)
        .any(|m| is_subject(t, m, &a.heads))
    {
        subject_from.max(clause_start)
    } else {
        subject_from
    }
}

/// "Both leaders lavished praise", "the two sides agreed": a description of the negotiation's
/// parties as the subject. Between it and the cue, auxiliaries and other cues ("the Parties agree
/// to support"); or the description opens the clause, with no actor named before the cue ("The
/// Parties express their deep gratitude to", "The Parties agree to ..., and call on").
fn described_parties<'a>(a: &'a Article, site: &Site, subject_from: usize) -> Option<&'a Hit> {
    let (t, found, sh, clause_start) = (a.t, a.found, site.cue, site.clause_start);
    let opens_clause = |p: &Hit| {
        p.start >= subject_from
            && opens_sentence(&t[subject_from..p.start])
            && found
                .mentions_in(p.end.max(clause_start), sh.hit.start)
                .all(|m| m.kind == MentionKind::Pronoun)
    };
    a.party_hits.iter().find(|p| {
        p.end <= sh.hit.start && opens_clause(p)
            || p.start >= clause_start && p.end <= sh.hit.start && {
                let mut gap = t[p.end..sh.hit.start].to_string();
                for other in a
                    .stance_hits
                    .iter()
                    .filter(|o| o.hit.start >= p.end && o.hit.end <= sh.hit.start)
                {
                    gap.replace_range(
                        other.hit.start - p.end..other.hit.end - p.end,
                        &" ".repeat(other.hit.end - other.hit.start),
                    );
                }
                gap.split_whitespace().all(|w| {
                    Words::get()
                        .auxiliaries
                        .contains(&w.to_lowercase().as_str())
                })
            }
    })
}
