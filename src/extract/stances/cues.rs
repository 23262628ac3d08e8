//! The stance cues that count: each with the stance it names, its polarity and the side its
//! target stands on; not a cue inside an issue phrase or inside a name.

use crate::extract::actors::Found;
use crate::lexicon::{Cue, CueClass, Hit, Lexicon, Polarity, TargetSide};

/// A stance cue: where it stands, the stance it names, its polarity, the side of its target,
/// whether the speaker holds it even when a subject is named ("X must ..."), and how many words
/// may stand between it and an issue after it.
pub(super) struct StanceHit<'a> {
    pub(super) hit: Hit,
    pub(super) name: &'a str,
    pub(super) polarity: Polarity,
    pub(super) side: TargetSide,
    pub(super) speaker_held: bool,
    pub(super) reach: usize,
}

/// The article's stance cues, in order, without those inside one of `issues` or inside a name.
pub(super) fn stance_hits<'a>(
    lexicon: &'a Lexicon,
    found: &Found,
    issues: &[Hit],
) -> Vec<StanceHit<'a>> {
    lexicon
        .hits_in(&found.cues, CueClass::Stance)
        .into_iter()
        .filter_map(|(hit, cues)| {
            cues.iter().find_map(|c| match c {
                Cue::Stance {
                    name,
                    polarity,
                    side,
                    speaker_held,
                    reach,
                } => Some(StanceHit {
                    hit,
                    name,
                    polarity: *polarity,
                    side: *side,
                    speaker_held: *speaker_held,
                    reach: *reach,
                }),
                _ => None,
            })
        })
        // A cue inside an issue phrase ("end the war") is part of the issue.
        .filter(|s| {
            !issues
                .iter()
                .any(|i| i.start <= s.hit.start && s.hit.end <= i.end)
        })
        // Nor is one inside a name ("Support" of "Rapid Support Forces").
        .filter(|s| {
            !found
                .mentions_in(s.hit.start.saturating_sub(120), s.hit.end)
                .any(|m| m.start <= s.hit.start && s.hit.end <= m.end)
        })
        .collect()
}
