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
mod holders;
mod interview;
mod issues;
mod modality;
mod polarity;
mod quotes;
mod site;
mod speech;
mod statements;
mod subjects;

use std::collections::BTreeSet;

use super::actors::{possessive_end, Found};
use super::{Evidence, MentionKind, Stance, Statement, Target};
use crate::lexicon::{Cue, Hit, Lexicon, Polarity, TargetSide};
use crate::text::Text;
use article::Article;
use cues::StanceHit;
use interview::interview_answers;
use issues::listed_issues;
use modality::states_stance;
pub(super) use modality::{conditional, hedged};
use site::Site;
use subjects::after_preposition;
pub(super) use subjects::{adjacent_subject, bracketed_alias, AUXILIARIES};

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
    let lexicon = a.lexicon;
    for k in 0..stance_hits.len() {
        let site = Site::of(&a, &quote_info, &speeches, k);
        if !states_stance(&a, &site) {
            continue;
        }
        let possessor = holders::possessor(&a, &site);
        let (polarity, negated) = polarity::polarity(&a, &site, possessor.is_some());
        let Some(held) = holders::holders(&a, &site, possessor) else {
            continue;
        };
        let (holders, rule, mut confidence) = (held.actors, held.rule, held.confidence);
        let (sh, s, si, clause_start) = (site.cue, site.s, site.si, site.clause_start);
        let (quote, speech) = (site.quote, site.speech);
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
