//! Whether a cue states a stance at all: not in a question, not in a conditional clause, not
//! after a hedge, not as what someone is thanked for.

use super::article::Article;
use super::site::Site;
use crate::extract::actors::opens_sentence;
use crate::lexicon::{Cue, Hit};

/// Whether the cue at `site` states a stance: not in a question, not as what someone is thanked
/// for, not in a conditional clause, and, outside quotes, not after a hedge ("may reject").
pub(super) fn states_stance(a: &Article, site: &Site) -> bool {
    let (t, s, sh, clause_start) = (a.t, site.s, site.cue, site.clause_start);
    let sentence = &t[s.start..s.end];
    if sentence
        .trim_end()
        .trim_end_matches(['”', '"'])
        .ends_with('?')
    {
        return false;
    }
    if thanked_for(&t[clause_start..sh.hit.start]) {
        return false;
    }
    let quote = site.quote;
    // Conditional clauses, hedged predictions.
    if conditional(
        t,
        &a.modifiers,
        s.start,
        clause_start.max(quote.map_or(0, |q| q.start)),
        sh.hit.start,
    ) {
        return false;
    }
    !(quote.is_none() && hedged(&a.modifiers, clause_start, sh.hit.start))
}

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
fn thanked_for(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(5).collect();
    let Some(p) = words
        .iter()
        .position(|w| matches!(*w, "its" | "their" | "his" | "her"))
    else {
        return false;
    };
    words.get(p + 1) == Some(&"for")
}
