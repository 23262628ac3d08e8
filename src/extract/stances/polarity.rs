//! The polarity of a stance: the cue's, flipped by a negation just before it ("did not reject")
//! or right after one whose target follows ("should not have entered"),
//! by a denial opening the clause, and by an opposing verb that governs it ("refused to accept",
//! "seeking to limit").

use super::article::Article;
use super::site::Site;
use crate::lexicon::{Cue, Polarity, TargetSide};

/// The polarity of the cue at `site`, and whether a negation flipped it. A cue a possessor holds
/// (`possessed`) is not governed by the cue before it.
pub(super) fn polarity(a: &Article, site: &Site, possessed: bool) -> (Polarity, bool) {
    let mut polarity = site.cue.polarity;
    let negated = negated(a, site);
    if negated {
        polarity = polarity.flip();
    }
    if !possessed && governed_by_refusal(a, site) {
        polarity = polarity.flip();
    }
    (polarity, negated)
}

/// Whether a negation just before the cue, or a denial before it in its clause, negates it; two
/// of them cancel out.
fn negated(a: &Article, site: &Site) -> bool {
    let (t, s, sh, clause_start) = (a.t, site.s, site.cue, site.clause_start);
    let mut negated = false;
    for (h, c) in &a.modifiers {
        if !c.contains(&Cue::Negation) || h.start < s.start {
            continue;
        }
        // "should not have entered negotiations", "called for no further strikes": a negation
        // right after a cue whose target follows it negates it too.
        if h.start >= sh.hit.end {
            if sh.side == TargetSide::After && t[sh.hit.end..h.start].trim().is_empty() {
                negated = !negated;
            }
            continue;
        }
        // "did not agree" ends inside the cue "agree to": it negates it.
        if h.end > sh.hit.start {
            if h.start < sh.hit.start {
                negated = !negated;
            }
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
    negated
}

/// Whether the cue before this one governs it and reverses it: "refused to accept", "doubted
/// Hamas was serious".
fn governed_by_refusal(a: &Article, site: &Site) -> bool {
    let (t, sh, k) = (a.t, site.cue, site.k);
    if k == 0 {
        return false;
    }
    let prev = &a.stance_hits[k - 1];
    let gap = t[prev.hit.end..sh.hit.start].trim();
    // "refused to accept", "doubted Hamas was serious": an opposing cue governs the next.
    // "criticised the agreement and accused the United States of ...": a conjunction joins two
    // predicates of one subject, neither governs the other.
    let governs = gap.split_whitespace().count() <= 3
        && !gap.contains([',', ';', '.', '—'])
        && !gap
            .split_whitespace()
            .any(|w| matches!(w, "and" | "or" | "but" | "then"));
    // "accused Hamas of stalling": a charge that judges the accused is the accuser's judgement
    // too, not reversed (while "accused Israel of violating the truce" is: the accuser holds
    // to the truce).
    let charge = prev.side == TargetSide::ActorAfter
        && sh.side == TargetSide::ActorBefore
        && matches!(gap.rsplit(' ').next(), Some("of" | "for"));
    // Only a verb of refusal governs ("refused to accept"); an evaluation of an actor
    // does not ("a lack of desire to reach a cease-fire" is said of someone else).
    // "denounced the deal as a betrayal", "rejected the accord as a surrender": an evaluation
    // after "as" is the complement of the cue before it, saying the same, not reversed by it.
    let complement = gap.split_whitespace().any(|w| w == "as");
    // A cue that is itself a negation or holds one ("will not accept", "will never accept",
    // "is not going to accept") flips the next one once, as a negation.
    let is_negation = a.modifiers.iter().any(|(h, c)| {
        c.contains(&Cue::Negation) && h.start >= prev.hit.start && h.end <= prev.hit.end
    });
    prev.hit.end <= sh.hit.start
        && governs
        && !charge
        && !complement
        && !is_negation
        && prev.polarity == Polarity::Oppose
        && matches!(prev.side, TargetSide::After | TargetSide::ActorAfter)
}
