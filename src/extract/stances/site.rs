//! Where a stance cue stands: its sentence, the clause it is in, and the quote and reported
//! speech around it.

use super::article::Article;
use super::cues::StanceHit;
use super::quotes::{quote_at, Quote};
use super::speech::Speech;
use crate::text::{after_char, Sentence};

pub(super) struct Site<'a> {
    /// The cue's index in the article's stance cues.
    pub(super) k: usize,
    pub(super) cue: &'a StanceHit<'a>,
    /// The cue's sentence, and its index.
    pub(super) s: &'a Sentence,
    pub(super) si: usize,
    /// Where the cue's clause starts: after the last comma, semicolon, dash or colon before the
    /// cue in its sentence.
    pub(super) clause_start: usize,
    /// The quote the cue stands in.
    pub(super) quote: Option<&'a Quote>,
    /// The reported speech whose words hold the cue, when someone is said to speak them.
    pub(super) speech: Option<&'a Speech>,
}

impl<'a> Site<'a> {
    /// The site of the `k`th stance cue of `a`.
    pub(super) fn of(
        a: &'a Article<'a>,
        quotes: &'a [Quote],
        speeches: &'a [Speech],
        k: usize,
    ) -> Self {
        let t = a.t;
        let sh = &a.stance_hits[k];
        let si = a.text.sentence_of(sh.hit.start);
        let s = &a.text.sentences[si];
        let clause_start = t[s.start..sh.hit.start]
            .rfind([',', ';', '—', ':'])
            .map_or(s.start, |p| after_char(t, s.start + p));
        let speech = speeches.iter().find(|sp| {
            sp.content_start <= sh.hit.start
                && sh.hit.start < sp.content_end
                && !sp.holders.is_empty()
        });
        Site {
            k,
            cue: sh,
            s,
            si,
            clause_start,
            quote: quote_at(quotes, sh.hit.start),
            speech,
        }
    }
}
