//! Events: what an actor did ("Israel recalled its team", "Hamas delivered its response", "the two
//! sides met in Doha"), read from the event cues of `ontology/cues.ttl`.
//!
//! The agent is the subject right before the cue, found as stances find theirs
//! ([`stances::adjacent_subject`]: names coordinated with "and", agent nouns such as "the Israeli
//! delegation", auxiliaries and adverbs between), past a date between subject and verb ("Hamas
//! on Thursday delivered"); else a pronoun right before the cue ("it recalled its team"), or the
//! negotiating parties ("both sides met"). The date is the nearest date the sentence names that
//! resolves to a day (see [`dates`](super::dates)), else none.
//!
//! Nothing that did not happen is an event: no event is read after a negation ("did not sign"),
//! a modal or an infinitive ("would recall", "plans to visit", "agreed to sign"), in a
//! conditional clause ("if Hamas responds"), after a hedge ("may walk out"), in a question, or
//! inside a quote.

use super::actors::Found;
use super::dates::{self, DateSpan};
use super::frame::PartyHolders;
use super::stances;
use super::{Event, Evidence, MentionKind};
use crate::lexicon::{Cue, CueClass, Hit, Lexicon, Words};
use crate::text::{after_char, Text};

/// Whether the clause before the cue makes it something not done: one of the words of
/// `ontology/words/not-done.txt` among the three words before it.
fn not_done(t: &str, clause_start: usize, cue_start: usize) -> bool {
    t[clause_start..cue_start]
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_lowercase();
            Words::get().not_done.contains(&w.as_str()) || w.ends_with("'ll") || w.ends_with("’ll")
        })
}

/// Where the subject of a cue ends once a date between them is passed: "Hamas on Thursday
/// delivered", "Israel, on Monday, recalled".
fn subject_end(t: &str, spans: &[DateSpan], from: usize, cue_start: usize) -> usize {
    const GAP: [char; 3] = [' ', ',', '\u{a0}'];
    let mut end = cue_start;
    loop {
        let stop = from + t[from..end].trim_end_matches(GAP).len();
        let Some(d) = spans.iter().find(|d| d.end == stop && d.start >= from) else {
            return end;
        };
        let mut start = d.start;
        let lead = t[from..start].trim_end();
        if lead
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("on"))
        {
            start = from + lead.len() - 2;
        }
        let new_end = from + t[from..start].trim_end_matches(GAP).len();
        if new_end >= end || new_end <= from {
            return end;
        }
        end = new_end;
    }
}

/// The objects of a cue with neg:object: one of them within six words after it, in its clause.
fn has_object(t: &str, cue_end: usize, sentence_end: usize, objects: &[String]) -> bool {
    if objects.is_empty() {
        return true;
    }
    let after = &t[cue_end..sentence_end];
    let clause = after.split([',', ';', '.', '—']).next().unwrap_or("");
    clause.split_whitespace().take(6).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        objects.contains(&w)
    })
}

/// Whether the sentence at `start` is on an interviewer's line ("Q: ...").
fn is_question_line(t: &str, start: usize) -> bool {
    let line_start = t[..start].rfind('\n').map_or(0, |p| p + 1);
    let line = t[line_start..].trim_start();
    ["Q:", "Question:", "QUESTION:"]
        .iter()
        .any(|q| line.starts_with(q))
}

pub fn find(
    text: &Text,
    lexicon: &Lexicon,
    found: &Found,
    parties: &PartyHolders,
    spans: &[DateSpan],
) -> Vec<Event> {
    let t = text.text;
    let hits = lexicon.hits_in(&found.cues, CueClass::Event);
    if hits.is_empty() {
        return Vec::new();
    }
    let heads: Vec<Hit> = found.cues.spans(CueClass::AgentHead);
    let party_hits: Vec<Hit> = if parties.parties.len() == 2 {
        found.cues.spans(CueClass::Parties)
    } else {
        Vec::new()
    };
    let modifiers = lexicon.hits_in(&found.cues, CueClass::Modifier);
    let quotes = &text.quotes;
    let in_quote = |a: usize, b: usize| quotes.iter().any(|&(s, e)| s <= a && b <= e);
    let mut events = Vec::new();
    for (hit, cues) in hits {
        let Some((name, event_type, objects)) = cues.iter().find_map(|c| match c {
            Cue::Event {
                name,
                event_type,
                objects,
            } => Some((name, event_type, objects)),
            _ => None,
        }) else {
            continue;
        };
        let si = text.sentence_of(hit.start);
        let s = &text.sentences[si];
        if hit.end > s.end
            || t[s.start..s.end]
                .trim_end()
                .trim_end_matches(['”', '"'])
                .ends_with('?')
            || in_quote(hit.start, hit.end)
            || is_question_line(t, s.start)
        {
            continue;
        }
        let clause_start = t[s.start..hit.start]
            .rfind([',', ';', '—', ':'])
            .map_or(s.start, |p| after_char(t, s.start + p));
        if stances::conditional(t, &modifiers, s.start, clause_start, hit.start)
            || stances::hedged(&modifiers, clause_start, hit.start)
            || not_done(t, clause_start, hit.start)
            || !has_object(t, hit.end, s.end, objects)
        {
            continue;
        }
        // A negation just before the cue, or a denial in its clause.
        let negated = modifiers.iter().any(|(h, c)| {
            if !c.contains(&Cue::Negation) || h.end > hit.start || h.start < s.start {
                return false;
            }
            let gap = &t[h.end..hit.start];
            let denial = t[h.start..h.end].to_lowercase().starts_with("den");
            (gap.split_whitespace().count() <= 2 && !gap.contains([',', ';']))
                || (denial && h.start >= clause_start)
        });
        if negated {
            continue;
        }
        // The agent.
        let end = subject_end(t, spans, s.start, hit.start);
        let only_auxiliaries = |from: usize, to: usize| {
            t[from..to].split_whitespace().all(|w| {
                Words::get()
                    .auxiliaries
                    .contains(&w.to_lowercase().as_str())
            })
        };
        // The subject stands in the cue's clause: not "X, who is Qatar's foreign minister, met".
        let subject_from = t[s.start..end]
            .rfind([',', ';', '—', ':'])
            .map_or(s.start, |p| after_char(t, s.start + p));
        let mut agents = stances::adjacent_subject(t, found, &heads, subject_from, end);
        let mut how = "subject";
        let mut confidence = 0.7;
        if agents.is_empty() {
            if let Some(m) = found.mentions_in(subject_from, end).last().filter(|m| {
                m.kind == MentionKind::Pronoun && !m.possessive && only_auxiliaries(m.end, end)
            }) {
                agents = vec![m.actor];
                how = "pronoun";
                confidence = 0.6;
            }
        }
        if agents.is_empty() {
            if let Some(p) = party_hits
                .iter()
                .find(|p| p.start >= subject_from && p.end <= end && only_auxiliaries(p.end, end))
            {
                let phrase = t[p.start..p.end].to_lowercase();
                agents = if Words::get()
                    .party_leader_words
                    .iter()
                    .any(|w| phrase.ends_with(w))
                {
                    parties.leaders.clone()
                } else {
                    parties.parties.clone()
                };
                how = "parties";
                confidence = 0.6;
            }
        }
        agents.sort();
        agents.dedup();
        if agents.is_empty() {
            continue;
        }
        let date = dates::nearest(spans, s.start, s.end, hit.start, |d| {
            !in_quote(d.start, d.end)
        });
        events.push(Event {
            agents,
            event_type: event_type.clone(),
            date,
            evidence: Evidence {
                sentence: si,
                start: hit.start,
                end: hit.end,
            },
            rule: format!("{name}/{how}"),
            confidence,
        });
    }
    events
}
