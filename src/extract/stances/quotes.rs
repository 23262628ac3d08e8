//! Quotes and their speakers: a speech verb after the quote in its sentence (", he said"), one
//! right before it ("X said: “...”"), the quote before it when a quote runs over sentences, and
//! the person interviewed for an interview's answers.

use super::article::Article;
use super::speech::Speech;

/// A quote (or an interview's answer) and who speaks it.
#[derive(Debug, Clone)]
pub(super) struct Quote {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) speaker: Vec<usize>,
}

/// The spans of all quotes, in order: those in quotation marks (`marked`) and the `answers` of an
/// interview.
pub(super) fn spans(
    marked: &[(usize, usize)],
    answers: &[(usize, usize, usize)],
) -> Vec<(usize, usize)> {
    let mut quotes = marked.to_vec();
    quotes.extend(answers.iter().map(|&(s, e, _)| (s, e)));
    quotes.sort();
    quotes
}

/// The quote at each of `spans`, with its speaker.
pub(super) fn quotes(
    a: &Article,
    spans: &[(usize, usize)],
    answers: &[(usize, usize, usize)],
    speeches: &[Speech],
) -> Vec<Quote> {
    let text = a.text;
    let mut quotes: Vec<Quote> = Vec::new();
    for &(qs, qe) in spans {
        if let Some(&(_, _, speaker)) = answers.iter().find(|a| (a.0, a.1) == (qs, qe)) {
            quotes.push(Quote {
                start: qs,
                end: qe,
                speaker: vec![speaker],
            });
            continue;
        }
        let mut speaker = said_by(a, speeches, qs, qe);
        if speaker.is_empty() {
            // A quote that goes on from the previous sentence's quote.
            let this_sentence = text.sentence_of(qs);
            if let Some(prev) = quotes.last() {
                if text.sentence_of(prev.end.saturating_sub(1)) + 1 >= this_sentence {
                    speaker = prev.speaker.clone();
                }
            }
        }
        quotes.push(Quote {
            start: qs,
            end: qe,
            speaker,
        });
    }
    quotes
}

/// The speakers of a speech verb of the quote's sentence that introduces the quote `qs..qe`.
fn said_by(a: &Article, speeches: &[Speech], qs: usize, qe: usize) -> Vec<usize> {
    let (t, text) = (a.t, a.text);
    let sentence_end = text.sentences[text.sentence_of(qe.saturating_sub(1))].end;
    let sentence_start = text.sentences[text.sentence_of(qs)].start;
    // ", he said" / "," Smotrich ... said": a speech cue after the quote in its sentence.
    let after = speeches
        .iter()
        .find(|sp| sp.cue.start >= qe && sp.cue.end <= sentence_end && !sp.holders.is_empty());
    // "X said: “...”": a speech cue right before the quote.
    let before = speeches.iter().rev().find(|sp| {
        sp.cue.end <= qs
            && sp.cue.start >= sentence_start
            && !sp.holders.is_empty()
            && (t[sp.cue.end..qs].trim().len() <= 6
                || sp.content_start <= qs && qs < sp.content_end)
    });
    after
        .or(before)
        .map(|sp| sp.holders.clone())
        .unwrap_or_default()
}

/// The first quote that holds `pos`.
pub(super) fn quote_at(quotes: &[Quote], pos: usize) -> Option<&Quote> {
    quotes.iter().find(|q| q.start <= pos && pos < q.end)
}
