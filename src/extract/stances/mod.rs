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
//!
//! The reading runs one way. [`find_all`] reads the article once (`article`: cue spans,
//! issues, the stance cues of `cues`, the deal's issue from `issues`), then its speech acts
//! (`speech`), its quotes and their speakers (`quotes`, with the answers of an
//! `interview`), and their `statements`. Each stance cue is then placed (`site`), kept only
//! when it states a stance (`modality`), given its `polarity`, its `holders` (through the
//! subject tests of `subjects`) and its `targets` (or the `implicit` ones), and turned into
//! one stance per holder and target.

mod article;
mod cues;
mod holders;
mod implicit;
mod interview;
mod issues;
mod modality;
mod polarity;
mod quotes;
mod site;
mod speech;
mod statements;
mod subjects;
mod targets;

use std::collections::BTreeSet;

use super::actors::Found;
use super::frame::PartyHolders;
use super::terms::Deal;
use super::{Evidence, Position, Stance, Statement, Target};
use crate::lexicon::Lexicon;
use crate::text::Text;
use article::Article;
use interview::interview_answers;
use modality::states_stance;
pub(super) use modality::{conditional, hedged};
use quotes::Quote;
use site::Site;
use speech::Speech;
pub(super) use subjects::{adjacent_subject, bracketed_alias};

/// Stances and statements.
pub fn find(
    text: &Text,
    lexicon: &Lexicon,
    found: &Found,
    parties: &PartyHolders,
) -> (Vec<Stance>, Vec<Statement>) {
    let (stances, statements, _) = find_all(text, lexicon, found, parties, &Deal::default());
    (stances, statements)
}

/// Stances and statements, and the issue the article's deal is about when the article names one
/// ("cease-fire deal", "agreement on a cease-fire").
pub fn find_all(
    text: &Text,
    lexicon: &Lexicon,
    found: &Found,
    parties: &PartyHolders,
    deal: &Deal,
) -> (Vec<Stance>, Vec<Statement>, Option<String>) {
    let a = Article::read(text, lexicon, found, parties, deal);
    let answers = interview_answers(text, lexicon, found);
    let marked = &text.quotes;
    let spans = quotes::spans(marked, &answers);
    let speeches = speech::speeches(&a, &spans, marked);
    let quotes = quotes::quotes(&a, &spans, &answers, &speeches);
    let statements = statements::statements(text, &quotes, &speeches);
    let mut stances: Vec<Stance> = Vec::new();
    for k in 0..a.stance_hits.len() {
        stances.extend(cue_stances(&a, &quotes, &speeches, k));
    }
    (stances, statements, a.named_deal_issue.map(str::to_string))
}

/// The stances the `k`th stance cue of the article states: one for each of its holders and
/// targets, a holder never its own target.
fn cue_stances(a: &Article, quotes: &[Quote], speeches: &[Speech], k: usize) -> Vec<Stance> {
    let site = Site::of(a, quotes, speeches, k);
    if !states_stance(a, &site) {
        return Vec::new();
    }
    let possessor = holders::possessor(a, &site);
    let (polarity, negated) = polarity::polarity(a, &site, possessor.is_some());
    let Some(held) = holders::holders(a, &site, possessor) else {
        return Vec::new();
    };
    let targets = targets::targets(a, &site, &held.actors);
    let confidence = if targets.uncertain {
        held.confidence.min(0.5)
    } else {
        held.confidence
    };
    let sh = site.cue;
    let mut stances = Vec::new();
    let mut seen = BTreeSet::new();
    for (target, about, reversed) in targets.aims {
        if !seen.insert(target.clone()) {
            continue;
        }
        let polarity = if reversed { polarity.flip() } else { polarity };
        for &holder in &held.actors {
            if Target::Actor(holder) == target {
                continue;
            }
            stances.push(Stance {
                holder,
                target: target.clone(),
                polarity,
                about,
                evidence: Evidence {
                    sentence: site.si,
                    start: sh.hit.start,
                    end: sh.hit.end,
                },
                rule: format!(
                    "{}/{}{}{}{}{}{}",
                    sh.name,
                    held.rule,
                    if negated { "/negated" } else { "" },
                    if reversed { "/reversed" } else { "" },
                    if targets.deal { "/deal" } else { "" },
                    if targets.effort { "/effort" } else { "" },
                    if targets.anaphor { "/anaphor" } else { "" }
                ),
                confidence,
            });
        }
    }
    // "Chad and the rebels signed the accord": a party acting on the deal takes the stance on
    // each of its terms.
    if implicit::names_deal(a, &site, targets.scope_end) {
        let rule = format!("{}/{}", sh.name, held.rule);
        stances.extend(
            a.deal
                .stances(&held.actors, &seen, polarity, &rule, confidence),
        );
    }
    stances
}

/// A person who holds a post of a state or organisation speaks for it, not to it: drops each
/// stance whose target is the actor its holder holds a post of, one the text gives (not the state
/// of the context alone), held now and not in the opposition to it ("the opposition leader,
/// Raila Odinga ... accused the government").
pub fn drop_stances_on_own_side(text: &Text, positions: &[Position], stances: &mut Vec<Stance>) {
    stances.retain(|s| match s.target {
        Target::Actor(target) => !positions.iter().any(|p| {
            p.holder == s.holder
                && p.organization == target
                && p.rule != "context-state"
                && !super::roles::former(text.text, p.evidence.start)
                && !opposition_post(text.text, p.evidence.start)
        }),
        Target::Issue(_) => true,
    });
}

/// Whether the title at `start` follows a word of `words/opposition-words.txt` ("the
/// opposition leader").
fn opposition_post(t: &str, start: usize) -> bool {
    let before = t[..start].trim_end();
    let word = before.rsplit(' ').next().unwrap_or(before);
    crate::lexicon::Words::get()
        .opposition_words
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}
