//! Whether a cue states a stance at all: not in a conditional clause, not after a hedge, not as
//! what someone is thanked for.

use crate::extract::actors::opens_sentence;
use crate::lexicon::{Cue, Hit};

/// Whether a cue at `cue_start` stands in a conditional clause: a condition cue ("if", "unless")
/// before it in its clause (or its quote), with no comma between, or anywhere before it in the
/// sentence with no comma between.
pub(in crate::extract) fn conditional(
    t: &str,
    modifiers: &[(Hit, &[Cue])],
    sentence_start: usize,
    clause_start: usize,
    cue_start: usize,
) -> bool {
    modifiers.iter().any(|(h, c)| {
        c.contains(&Cue::Condition)
            && h.start >= clause_start
            && h.end <= cue_start
            && !t[h.end..cue_start].contains([',', ';'])
    }) || modifiers.iter().any(|(h, c)| {
        c.contains(&Cue::Condition)
            && h.start >= sentence_start
            && h.end <= cue_start
            && !t[h.end..cue_start].contains(',')
    }) || modifiers.iter().any(|(h, c)| {
        // "If there is goodwill on both sides, we can reach an understanding": a sentence that
        // opens with a condition states its main clause only under it.
        c.contains(&Cue::Condition)
            && h.start >= sentence_start
            && h.end <= cue_start
            && opens_sentence(&t[sentence_start..h.start])
    })
}

/// Whether a hedge ("may", "expected to") stands just before a cue, in its clause.
pub(in crate::extract) fn hedged(
    modifiers: &[(Hit, &[Cue])],
    clause_start: usize,
    cue_start: usize,
) -> bool {
    modifiers.iter().any(|(h, c)| {
        c.contains(&Cue::Hedge)
            && h.end <= cue_start
            && cue_start - h.end <= 12
            && h.start >= clause_start
    })
}

/// Whether a cue is a noun of what someone is thanked or praised for ("expresses its gratitude to
/// the United States ... for their consistent support of the peace process"): the support is
/// theirs, not the clause subject's. `before` is the clause up to the cue.
pub(super) fn thanked_for(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(5).collect();
    let Some(p) = words
        .iter()
        .position(|w| matches!(*w, "its" | "their" | "his" | "her"))
    else {
        return false;
    };
    words.get(p + 1) == Some(&"for")
}
