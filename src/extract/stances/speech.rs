//! Speech acts and quotes: who speaks, and where the reported or quoted words run.

use crate::lexicon::Hit;

#[derive(Debug, Clone)]
pub(super) struct Quote {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) speaker: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(super) struct Speech {
    pub(super) cue: Hit,
    pub(super) holders: Vec<usize>,
    /// Where the reported words start (after "that", when it follows).
    pub(super) content_start: usize,
    pub(super) content_end: usize,
}
