//! Stances and statements.
//!
//! Holders come from attribution: the speaker of a quote (", he said" after it, "X said:" before
//! it, or the quote before it when a quote runs over sentences), the subject of a speech verb
//! ("X said that ..."; the subject of the reported clause when it names an actor), else the
//! subject of the clause ("Hamas raised several demands"). Targets come from the cue's side: the
//! issues after it ("demanded the release of prisoners"), the actors after it ("praised Qatar"),
//! the actor before it ("Hamas is not acting in good faith") or the issue before it ("such a
//! cease-fire would provide time"). Polarity is the cue's, flipped by a negation just before it
//! ("did not reject"), by a denial opening the clause, and multiplied along chains of cues
//! ("refused to accept", "seeking to limit"). No stance is read inside a conditional clause, a
//! question, or after a hedge ("may reject").

mod article;
mod cues;
mod interview;
mod issues;
mod modality;
mod quotes;
mod speech;
mod statements;
mod subjects;

use std::collections::BTreeSet;

use super::actors::{opens_sentence, possessive_end, Found};
use super::{Evidence, MentionKind, Stance, Statement, Target};
use crate::lexicon::{Cue, Hit, Lexicon, Polarity, TargetSide};
use crate::text::{after_char, Text};
use article::Article;
use cues::StanceHit;
use interview::interview_answers;
use issues::listed_issues;
use modality::thanked_for;
pub(super) use modality::{conditional, hedged};
use quotes::quote_at;
pub(super) use subjects::{adjacent_subject, bracketed_alias, AUXILIARIES};
use subjects::{
    after_preposition, any_plain_subject, clause_subject, is_subject, opening_phrase_end,
};

/// Verbs of backing that take an actor as their object: "backed the Turkish Cypriot leader".
const BACKING: &[&str] = &[
    "back",
    "backed",
    "backs",
    "backing",
    "support",
    "supported",
    "supports",
    "supporting",
    "endorse",
    "endorsed",
    "endorses",
];

/// Who "both sides" and "both leaders" are: the negotiation's parties, and for each the person
/// the article names as its president or prime minister (else the party itself).
#[derive(Debug, Clone, Default)]
pub struct PartyHolders {
    pub parties: Vec<usize>,
    pub leaders: Vec<usize>,
}

pub fn party_holders(
    found: &Found,
    negotiation: &super::Negotiation,
    positions: &[super::Position],
) -> PartyHolders {
    let parties = negotiation.parties.clone();
    let leaders = parties
        .iter()
        .map(|&p| {
            positions
                .iter()
                .filter(|q| q.organization == p)
                .find(|q| {
                    [
                        "president",
                        "prime minister",
                        "king",
                        "emir",
                        "chancellor",
                        "leader",
                    ]
                    .contains(&q.title.as_str())
                })
                .map_or(p, |q| q.holder)
        })
        .filter(|&a| a < found.actors.len())
        .collect();
    PartyHolders { parties, leaders }
}

pub fn find(
    text: &Text,
    lexicon: &Lexicon,
    found: &Found,
    parties: &PartyHolders,
) -> (Vec<Stance>, Vec<Statement>) {
    let (stances, statements, _) = find_all(text, lexicon, found, parties);
    (stances, statements)
}

/// Stances and statements, and the issue the article's deal is about when the article names one
/// ("cease-fire deal", "agreement on a cease-fire").
pub fn find_all(
    text: &Text,
    lexicon: &Lexicon,
    found: &Found,
    parties: &PartyHolders,
) -> (Vec<Stance>, Vec<Statement>, Option<String>) {
    let a = Article::read(text, lexicon, found, parties);
    let answers = interview_answers(text, lexicon, found);
    let marked = crate::text::quote_spans(a.t);
    let spans = quotes::spans(&marked, &answers);
    let speeches = speech::speeches(&a, &spans, &marked);
    let quote_info = quotes::quotes(&a, &spans, &answers, &speeches);
    let statements = statements::statements(text, &quote_info, &speeches);
    let mut stances: Vec<Stance> = Vec::new();
    let t = a.t;
    let heads = &a.heads;
    let modifiers = &a.modifiers;
    let issues = &a.issues;
    let efforts = &a.efforts;
    let deals = &a.deals;
    let deal_issue = a.deal_issue;
    let stance_hits = &a.stance_hits;
    let speech_hits = &a.speech_hits;
    let party_hits = &a.party_hits;
    let (lexicon, parties) = (a.lexicon, a.parties);
    for (k, sh) in stance_hits.iter().enumerate() {
        let si = text.sentence_of(sh.hit.start);
        let s = &text.sentences[si];
        let sentence = &t[s.start..s.end];
        if sentence
            .trim_end()
            .trim_end_matches(['”', '"'])
            .ends_with('?')
        {
            continue;
        }
        let clause_start = t[s.start..sh.hit.start]
            .rfind([',', ';', '—', ':'])
            .map_or(s.start, |p| after_char(t, s.start + p));
        if thanked_for(&t[clause_start..sh.hit.start]) {
            continue;
        }
        let quote = quote_at(&quote_info, sh.hit.start);
        // Conditional clauses, hedged predictions.
        if conditional(
            t,
            &modifiers,
            s.start,
            clause_start.max(quote.map_or(0, |q| q.start)),
            sh.hit.start,
        ) {
            continue;
        }
        if quote.is_none() && hedged(&modifiers, clause_start, sh.hit.start) {
            continue;
        }
        // Polarity: negation just before, denial in the clause, chains of cues.
        let mut polarity = sh.polarity;
        let mut negated = false;
        for (h, c) in modifiers {
            if !c.contains(&Cue::Negation) || h.end > sh.hit.start || h.start < s.start {
                continue;
            }
            let gap = &t[h.end..sh.hit.start];
            let words = gap.split_whitespace().count();
            let denial = t[h.start..h.end].to_lowercase().starts_with("den");
            if (words <= 2 && !gap.contains([',', ';']))
                || (denial && h.start >= clause_start.min(h.start))
            {
                negated = !negated;
            }
        }
        if negated {
            polarity = polarity.flip();
        }
        // "the Kosovo government's willingness to de-escalate", "Hamas's acceptance of the
        // plan": a cue noun with a possessor is the possessor's stance, whatever verb governs it.
        let possessor = (sh.side == TargetSide::After)
            .then(|| {
                found
                    .mentions_in(clause_start, sh.hit.start)
                    .filter(|m| !m.locative)
                    .last()
                    .filter(|m| {
                        possessive_end(t, m.end).is_some_and(|e| {
                            e <= sh.hit.start && t[e..sh.hit.start].trim().is_empty()
                        })
                    })
                    .map(|m| m.actor)
            })
            .flatten();
        if k > 0 && possessor.is_none() {
            let prev = &stance_hits[k - 1];
            let gap = t[prev.hit.end..sh.hit.start].trim();
            // "refused to accept", "doubted Hamas was serious": an opposing cue governs the next.
            let governs =
                gap.split_whitespace().count() <= 3 && !gap.contains([',', ';', '.', '—']);
            // Only a verb of refusal governs ("refused to accept"); an evaluation of an actor
            // does not ("a lack of desire to reach a cease-fire" is said of someone else).
            // A cue that is itself a negation ("will not accept") flips the next one once, as
            // a negation.
            let is_negation = modifiers.iter().any(|(h, c)| {
                c.contains(&Cue::Negation) && h.start == prev.hit.start && h.end == prev.hit.end
            });
            if prev.hit.end <= sh.hit.start
                && governs
                && !is_negation
                && prev.polarity == Polarity::Oppose
                && matches!(prev.side, TargetSide::After | TargetSide::ActorAfter)
            {
                polarity = polarity.flip();
            }
        }
        // Holders.
        let speech = speeches.iter().find(|sp| {
            sp.content_start <= sh.hit.start
                && sh.hit.start < sp.content_end
                && !sp.holders.is_empty()
        });
        let mut rule = String::new();
        let mut holders: Vec<usize> = Vec::new();
        let mut confidence: f32 = 0.6;
        // Reported speech inside an interview's answer is the reported speaker's.
        let speech_in_quote =
            speech.is_some_and(|sp| quote.is_none_or(|q| sp.cue.start >= q.start));
        let quote_subject = match quote {
            Some(q) if !sh.speaker_held && !speech_in_quote => {
                adjacent_subject(t, found, &heads, clause_start.max(q.start), sh.hit.start)
            }
            _ => Vec::new(),
        };
        if let Some(a) = possessor {
            holders = vec![a];
            rule.push_str("possessor");
            confidence = 0.7;
        } else if !quote_subject.is_empty() {
            holders = quote_subject;
            rule.push_str("quote-subject");
            confidence = 0.7;
        } else if let (Some(q), false) = (
            // A quote nobody is said to speak (scare quotes: "called the deal 'a surrender'")
            // is the clause subject's.
            quote.filter(|q| !q.speaker.is_empty()),
            speech_in_quote,
        ) {
            holders = q.speaker.clone();
            rule.push_str("quote");
            confidence = 0.8;
        } else if let Some(sp) = speech {
            let embedded: Vec<usize> = found
                .mentions_in(sp.content_start, sh.hit.start)
                .filter(|m| is_subject(t, m, &heads) && m.kind != MentionKind::Pronoun)
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
                holders = embedded;
                rule.push_str("reported-subject");
            } else {
                holders = sp.holders.clone();
                rule.push_str("speaker");
            }
            confidence = 0.75;
        } else {
            // The subject of the clause: the first actor named before the cue, with those
            // coordinated to it.
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
            let subject_from = if matches!(
                lead,
                Some("while" | "but" | "whereas" | "although" | "though" | "and" | "yet")
            ) && found
                .mentions_in(clause_start, sh.hit.start)
                .any(|m| is_subject(t, m, &heads))
            {
                subject_from.max(clause_start)
            } else {
                subject_from
            };
            let any_plain = any_plain_subject(t, found, &heads, subject_from, sh.hit.start);
            // "Both leaders lavished praise", "the two sides agreed": the negotiation's parties.
            // Between them, auxiliaries and other cues ("the Parties agree to support"); or the
            // description opens the clause, with no actor named before the cue ("The Parties
            // express their deep gratitude to", "The Parties agree to ..., and call on").
            let opens_clause = |p: &Hit| {
                p.start >= subject_from
                    && opens_sentence(&t[subject_from..p.start])
                    && found
                        .mentions_in(p.end.max(clause_start), sh.hit.start)
                        .all(|m| m.kind == MentionKind::Pronoun)
            };
            let described = party_hits.iter().find(|p| {
                p.end <= sh.hit.start && opens_clause(p)
                    || p.start >= clause_start && p.end <= sh.hit.start && {
                        let mut gap = t[p.end..sh.hit.start].to_string();
                        for other in stance_hits
                            .iter()
                            .filter(|o| o.hit.start >= p.end && o.hit.end <= sh.hit.start)
                        {
                            gap.replace_range(
                                other.hit.start - p.end..other.hit.end - p.end,
                                &" ".repeat(other.hit.end - other.hit.start),
                            );
                        }
                        gap.split_whitespace()
                            .all(|w| AUXILIARIES.contains(&w.to_lowercase().as_str()))
                    }
            });
            if let Some(p) = described {
                let phrase = t[p.start..p.end].to_lowercase();
                holders = if ["leaders", "presidents", "men", "ministers"]
                    .iter()
                    .any(|w| phrase.ends_with(w))
                {
                    parties.leaders.clone()
                } else {
                    parties.parties.clone()
                };
            }
            if holders.is_empty() {
                holders = clause_subject(t, found, &heads, subject_from, sh.hit.start, any_plain);
            }
            rule.push_str("clause-subject");
            // "Sudan needs a truce", "the guarantors should publish a timetable": words of
            // obligation nobody is said to speak are the writer's, not the subject's.
            if sh.speaker_held && sh.side == TargetSide::After {
                holders.clear();
            }
        }
        holders.sort();
        holders.dedup();
        if holders.is_empty() {
            continue;
        }
        // Targets.
        // "welcomed ASEAN's call for a ceasefire": a support cue whose object is another
        // actor's demand reaches past it to what was asked for. (Welcoming an actor's
        // acceptance of a proposal welcomes the move, not the proposal.)
        let over_possessor = |n: &StanceHit| {
            sh.polarity == Polarity::Support
                && sh.side == TargetSide::After
                && n.name == "demand"
                && n.polarity == Polarity::Support
                && n.side == TargetSide::After
                && found.mentions_in(sh.hit.end, n.hit.start).any(|m| {
                    possessive_end(t, m.end).is_some_and(|e| {
                        t[e..n.hit.start].trim().is_empty()
                            && matches!(t[sh.hit.end..m.start].trim(), "" | "the")
                    })
                })
        };
        let skipped = usize::from(stance_hits.get(k + 1).is_some_and(over_possessor));
        let next_cue = stance_hits
            .get(k + 1 + skipped)
            .map(|n| n.hit.start)
            .filter(|&n| n < s.end)
            .unwrap_or(s.end);
        let next_speech = speech_hits
            .iter()
            .find(|h| h.start > sh.hit.end && h.start < s.end)
            .map(|h| h.start)
            .unwrap_or(s.end);
        let quote_end = quote.map_or(s.end, |q| q.end);
        // A cue a quotation mark breaks (`"lost confidence" in`) reaches past the quote.
        let quote_end = if quote_end < sh.hit.end {
            s.end
        } else {
            quote_end
        };
        let scope_end = next_cue.min(next_speech).min(quote_end).max(sh.hit.end);
        let blockers: Vec<&Hit> = modifiers
            .iter()
            .filter(|(_, c)| c.contains(&Cue::Blocker))
            .map(|(h, _)| h)
            .collect();
        let blocked = |pos: usize| {
            blockers.iter().any(|b| {
                b.end <= pos && b.start >= sh.hit.end && !t[b.end..pos].contains([',', ';'])
            })
        };
        let mut targets: Vec<(Target, Option<usize>, bool)> = Vec::new();
        match sh.side {
            TargetSide::After => {
                // The first issue after the cue, and those coordinated with it ("the release of
                // hostages and a withdrawal", "including ... and ..."); an issue in a modifier of
                // another ("a withdrawal of troops from the corridor") is not a target of its own.
                let mut last_end: Option<usize> = None;
                for i in issues
                    .iter()
                    .filter(|i| i.start >= sh.hit.end && i.end <= scope_end)
                {
                    if blocked(i.start) {
                        continue;
                    }
                    // "stop its violations and release the prisoners": an issue after "and" that
                    // follows other words is the object of another verb, not of this cue.
                    // An issue far from the cue is no object of it ("operations against other
                    // groups, including X, a group not covered by the cease-fire").
                    if last_end.is_none() {
                        let gap = t[sh.hit.end..i.start].trim_end();
                        let words = gap.split_whitespace().count();
                        if (gap.ends_with(" and") || gap.ends_with(" or")) && words >= 2
                            || words > sh.reach
                        {
                            break;
                        }
                    }
                    if let Some(prev) = last_end {
                        let gap = &t[prev.min(i.start)..i.start];
                        let coordinated = [
                            " and ",
                            ",",
                            " or ",
                            "including",
                            "as well as",
                            " that ",
                            " which ",
                            " to ",
                            " with ",
                        ]
                        .iter()
                        .any(|c| gap.contains(c));
                        if !coordinated || gap.split_whitespace().count() > 8 {
                            continue;
                        }
                    }
                    last_end = Some(i.end);
                    let about = found
                        .mentions_in(sh.hit.end, i.start)
                        .find(|m| !holders.contains(&m.actor) && !m.locative)
                        .map(|m| m.actor);
                    // "a freeze on enrichment", "easing of sanctions", "wants the sanctions
                    // lifted", "sanctions relief": the issue's undoing. An issue phrase that
                    // holds such a word names the issue itself ("an end to the war", "give up
                    // its weapons"). After the issue only a word that takes no object of its
                    // own undoes it: "release hostages in exchange for an end to the war" ends
                    // the war, not the release.
                    let reversed = modifiers.iter().any(|(h, c)| {
                        c.contains(&Cue::Reversal)
                            && ((h.end <= i.start
                                && h.start >= sh.hit.end
                                && t[h.end..i.start].split_whitespace().count() <= 3)
                                || (h.start >= i.end
                                    && h.start <= scope_end
                                    && t[i.end..h.start].split_whitespace().count() <= 5
                                    && !t[i.end..h.start].contains([',', ';'])
                                    && !blocked(h.start)
                                    && !t[h.start..h.end]
                                        .rsplit(' ')
                                        .next()
                                        .is_some_and(|w| matches!(w, "to" | "of" | "on" | "for"))))
                    });
                    for slug in lexicon.issues.values(i) {
                        targets.push((Target::Issue(slug.clone()), about, reversed));
                    }
                }
                // "the parties have agreed on the following:" and a list: the issues of its
                // items.
                if targets.is_empty() {
                    for i in listed_issues(t, sh.hit.end, &issues) {
                        for slug in lexicon.issues.values(i) {
                            if !targets
                                .iter()
                                .any(|(x, _, _)| *x == Target::Issue(slug.clone()))
                            {
                                targets.push((Target::Issue(slug.clone()), None, false));
                            }
                        }
                    }
                }
                // "Fidan backed the Turkish Cypriot leader": backing an actor named right after
                // the verb supports the actor (not "the Iran-backed Houthis", not "backed
                // Egypt's proposal").
                let phrase = t[sh.hit.start..sh.hit.end].to_lowercase();
                if targets.is_empty()
                    && BACKING.contains(&phrase.as_str())
                    && !t[..sh.hit.start].ends_with('-')
                {
                    let next = t[sh.hit.end..].trim_start();
                    let next = next.strip_prefix("the ").unwrap_or(next);
                    let at = t.len() - next.len();
                    if let Some(m) = found.mentions_in(at, at + 1).find(|m| {
                        m.start == at
                            && !m.locative
                            && !m.possessive
                            && m.kind != MentionKind::Pronoun
                            && !holders.contains(&m.actor)
                    }) {
                        targets.push((Target::Actor(m.actor), None, false));
                    }
                }
            }
            TargetSide::ActorAfter => {
                // The first actor named after the cue and those coordinated with it: "accused
                // Egypt and Qatar of bias", not the RSF in "accused the Emirates of arming the RSF".
                let mut last_end: Option<usize> = None;
                for m in found.mentions_in(sh.hit.end, scope_end) {
                    // "paid tribute to Norway", "grateful to the United States": right after a
                    // cue ending in "to", an actor is its object, not a place.
                    let object_of_cue = t[sh.hit.start..sh.hit.end].ends_with(" to")
                        && matches!(t[sh.hit.end..m.start].trim(), "" | "the" | "The");
                    if m.locative && !object_of_cue
                        || holders.contains(&m.actor)
                        || m.kind == MentionKind::Pronoun
                    {
                        continue;
                    }
                    if let Some(prev) = last_end {
                        if m.start < prev {
                            continue;
                        }
                        // "thanked Hochstein and President Joe Biden": past the title.
                        let title = heads[heads.partition_point(|h| h.start < prev)..]
                            .iter()
                            .take_while(|h| h.start < m.start)
                            .find(|h| t[h.end..m.start].trim().is_empty());
                        let gap = t[prev..title.map_or(m.start, |h| h.start)].trim();
                        let gap = gap.strip_suffix("the").map_or(gap, str::trim_end);
                        if !matches!(gap, "and" | "," | "or" | ", and" | "nor" | "as well as") {
                            break;
                        }
                    }
                    last_end = Some(possessive_end(t, m.end).unwrap_or(m.end));
                    targets.push((Target::Actor(m.actor), None, false));
                }
                // "grateful to China for its efforts and to Iraq and Oman": a second object of
                // a cue ending in "to".
                if t[sh.hit.start..sh.hit.end].ends_with(" to") {
                    if let Some(last) = last_end {
                        let rest = &t[last..scope_end];
                        for (p, and_to) in rest.match_indices(" and to ") {
                            let from = last + p + and_to.len();
                            let from =
                                from + t[from..].strip_prefix("the ").map_or(0, |_| "the ".len());
                            let (list, _) =
                                super::roles::actor_list(t, from, found, scope_end, true);
                            for a in list.into_iter().filter(|a| !holders.contains(a)) {
                                targets.push((Target::Actor(a), None, false));
                            }
                        }
                    }
                }
                // "condemned the strike", "denounced the annexation": an issue right after the
                // cue, with no actor named, is what is condemned. Not in "accused X of seeking
                // to sabotage the peace": the cue of an infinitive or gerund is another's act.
                let governed = matches!(
                    t[..sh.hit.start].split_whitespace().next_back(),
                    Some("to" | "of")
                );
                if targets.is_empty() && !governed {
                    let next = issues.iter().find(|i| i.start >= sh.hit.end);
                    if let Some(i) = next.filter(|i| {
                        i.start <= scope_end
                            && matches!(
                                t[sh.hit.end..i.start].trim(),
                                "" | "the" | "this" | "these" | "that"
                            )
                    }) {
                        for slug in lexicon.issues.values(i) {
                            targets.push((Target::Issue(slug.clone()), None, false));
                        }
                    }
                }
            }
            TargetSide::ActorBefore => {
                let from = clause_start.max(speech.map_or(0, |sp| sp.content_start));
                let actor = found
                    .mentions_in(from, sh.hit.start)
                    .filter(|m| !holders.contains(&m.actor) && !m.locative)
                    .last()
                    .filter(|m| !after_preposition(t, m, &heads));
                // "the dialogue had been constructive": an evaluation of the talks named after
                // any actor is of the talks.
                let issue = issues
                    .iter()
                    .rev()
                    .find(|i| i.end <= sh.hit.start && i.start >= from)
                    .filter(|i| actor.is_none_or(|m| i.start >= m.end));
                if let Some(i) = issue {
                    for slug in lexicon.issues.values(i) {
                        targets.push((Target::Issue(slug.clone()), None, false));
                    }
                } else if let Some(m) = actor {
                    targets.push((Target::Actor(m.actor), None, false));
                }
            }
            TargetSide::IssueBefore => {
                let from = clause_start.max(speech.map_or(0, |sp| sp.content_start));
                if let Some(i) = issues
                    .iter()
                    .rev()
                    .find(|i| i.end <= sh.hit.start && i.start >= from)
                {
                    for slug in lexicon.issues.values(i) {
                        targets.push((Target::Issue(slug.clone()), None, false));
                    }
                } else if let Some(slug) = deal_issue {
                    // "called the emerging deal 'a surrender'": an evaluation of the deal.
                    let named = deals.iter().any(|d| {
                        d.end <= sh.hit.start
                            && d.start >= from
                            && t[d.end..sh.hit.start].split_whitespace().count() <= 3
                    });
                    if named {
                        targets.push((Target::Issue(slug.to_string()), None, false));
                        confidence = confidence.min(0.5);
                    }
                }
            }
        }
        // "welcomed the American role", "praised Qatar's efforts": a stance toward the actor.
        let mut effort_rule = false;
        if targets.is_empty() && sh.side == TargetSide::After {
            let from = efforts.partition_point(|e| e.start < sh.hit.end);
            if let Some(e) = efforts.get(from).filter(|e| e.end <= scope_end) {
                let gap = &t[sh.hit.end..e.start];
                let near = gap.split_whitespace().count() <= 4 && !gap.contains([',', ';', '.']);
                let owner = found.mentions_in(sh.hit.end, e.start).last().filter(|m| {
                    // A name may hold the noun ("Rapid Support Forces"): then it is no owner.
                    let tail = possessive_end(t, m.end).unwrap_or(m.end);
                    tail <= e.start
                        && t[tail..e.start].trim().is_empty()
                        && !m.locative
                        && m.kind != MentionKind::Pronoun
                        && !holders.contains(&m.actor)
                });
                if let (true, Some(m)) = (near, owner) {
                    targets.push((Target::Actor(m.actor), None, false));
                    effort_rule = true;
                }
            }
        }
        // "We reject that completely.", "Hamas accepted it.": a pronoun that ends the clause
        // stands for the issue named last in the two sentences before.
        let mut anaphor_rule = false;
        if targets.is_empty() && sh.side == TargetSide::After {
            let rest = t[sh.hit.end..s.end].trim_start();
            let word_end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let pronoun = matches!(&rest[..word_end], "that" | "this" | "it" | "them");
            let tail = &rest[word_end..];
            let clause_end = tail
                .find(['.', ',', ';', '!', '?', '"', '”'])
                .unwrap_or(tail.len());
            let adverbs_only = tail[..clause_end]
                .split_whitespace()
                .all(|w| w.ends_with("ly") || matches!(w, "outright" | "again" | "too" | "now"))
                && tail[..clause_end].split_whitespace().count() <= 2;
            if pronoun && adverbs_only && clause_end < tail.len() {
                // The nearest sentence naming an issue, and its first: the object of its verb
                // ("proposed a truce, to be followed by ... a transition to civilian rule").
                // In the same sentence, an issue before the cue ("welcomed the plan for the
                // reconstruction, while Israel dismissed it").
                let same = issues
                    .iter()
                    .find(|i| i.start >= s.start && i.end <= sh.hit.start);
                let antecedent = same.or_else(|| {
                    (si.saturating_sub(2)..si).rev().find_map(|p| {
                        let ps = &text.sentences[p];
                        issues
                            .iter()
                            .find(|i| i.start >= ps.start && i.end <= ps.end)
                    })
                });
                if let Some(i) = antecedent {
                    for slug in lexicon.issues.values(i) {
                        targets.push((Target::Issue(slug.clone()), None, false));
                    }
                    anaphor_rule = true;
                    confidence = confidence.min(0.5);
                }
            }
        }
        // "accepted the deal", "rejected the Egyptian proposal": the article's deal.
        let mut deal_rule = false;
        if targets.is_empty() && sh.side == TargetSide::After {
            if let Some(slug) = deal_issue {
                let from = deals.partition_point(|d| d.start < sh.hit.end);
                let d = deals.get(from).filter(|d| d.end <= scope_end);
                let adjacent = d.is_some_and(|d| {
                    let gap = t[sh.hit.end..d.start].to_lowercase();
                    let words: Vec<&str> = gap.split_whitespace().collect();
                    !gap.contains([',', ';', '.'])
                        && words.len() <= 5
                        && matches!(
                            words.first().copied(),
                            Some("the" | "this" | "that" | "its" | "their" | "a" | "an" | "any")
                        )
                        && !words.iter().any(|w| {
                            // "the broad outlines of the deal" is still the deal; "changes to
                            // the deal", "talks on the deal" are not.
                            matches!(*w, "to" | "on" | "for" | "with" | "in" | "from" | "by")
                        })
                });
                // "an agreement on the path to normalisation": a deal said to be about something
                // the issue scheme does not name is not the article's deal.
                let about_else = d.is_some_and(|d| {
                    let rest = t[d.end..scope_end.max(d.end)].trim_start();
                    let word = rest.split_whitespace().next().unwrap_or("");
                    matches!(word, "on" | "over" | "about" | "for" | "to")
                        && !issues.iter().any(|i| {
                            i.start >= d.end && i.start <= d.end + 40 && i.end <= scope_end
                        })
                });
                // "Russia and China, which also signed the 2015 agreement, ...", "since Turkey
                // ... signed the declaration": a signing told as background is no stance on
                // the deal the article follows.
                let background = {
                    let lead = t[clause_start..sh.hit.start].trim_start();
                    let first = lead.split_whitespace().next().unwrap_or("");
                    let subject = found
                        .mentions_in(s.start, sh.hit.start)
                        .find(|m| holders.contains(&m.actor));
                    // With a space first, so that a sentence's first word counts as one.
                    let before_subject = subject.map_or(String::new(), |m| {
                        format!(" {}", t[s.start..m.start].trim_end().to_lowercase())
                    });
                    matches!(first, "which" | "who")
                        || [" since", " because", " as", " after", " when", " while"]
                            .iter()
                            .any(|w| before_subject.ends_with(w))
                };
                if adjacent && !about_else && !background {
                    targets.push((Target::Issue(slug.to_string()), None, false));
                    deal_rule = true;
                    confidence = confidence.min(0.5);
                }
            }
        }
        let mut seen = BTreeSet::new();
        for (target, about, reversed) in targets {
            if !seen.insert(target.clone()) {
                continue;
            }
            let polarity = if reversed { polarity.flip() } else { polarity };
            for &holder in &holders {
                if Target::Actor(holder) == target {
                    continue;
                }
                stances.push(Stance {
                    holder,
                    target: target.clone(),
                    polarity,
                    about,
                    evidence: Evidence {
                        sentence: si,
                        start: sh.hit.start,
                        end: sh.hit.end,
                    },
                    rule: format!(
                        "{}/{}{}{}{}{}{}",
                        sh.name,
                        rule,
                        if negated { "/negated" } else { "" },
                        if reversed { "/reversed" } else { "" },
                        if deal_rule { "/deal" } else { "" },
                        if effort_rule { "/effort" } else { "" },
                        if anaphor_rule { "/anaphor" } else { "" }
                    ),
                    confidence,
                });
            }
        }
    }
    (stances, statements, a.named_deal_issue.map(str::to_string))
}
