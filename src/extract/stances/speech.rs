//! Speech acts: each speech verb with who speaks (the subject before it, the name after it, or
//! the speaker of the sentence's speech before) and where the reported words run.

use super::article::Article;
use super::subjects::{after_preposition, is_subject};
use crate::extract::{Mention, MentionKind};
use crate::lexicon::Hit;
use crate::text::{after_char, floor_boundary, Sentence};

/// A speech verb, who speaks, and where the reported words run.
#[derive(Debug, Clone)]
pub(super) struct Speech {
    pub(super) cue: Hit,
    pub(super) holders: Vec<usize>,
    /// Where the reported words start (after "that", when it follows).
    pub(super) content_start: usize,
    pub(super) content_end: usize,
}

/// The speech acts of the article, sentence by sentence. `quotes` are the spans of all quotes,
/// interview answers among them; `marked` those in quotation marks, where no speech verb counts.
pub(super) fn speeches(
    a: &Article,
    quotes: &[(usize, usize)],
    marked: &[(usize, usize)],
) -> Vec<Speech> {
    let mut speeches: Vec<Speech> = Vec::new();
    for s in &a.text.sentences {
        speeches_in(a, s, quotes, marked, &mut speeches);
    }
    end_contents(a.t, &mut speeches);
    speeches
}

/// The speech acts of one sentence, pushed onto `out`.
fn speeches_in(
    a: &Article,
    s: &Sentence,
    quotes: &[(usize, usize)],
    marked: &[(usize, usize)],
    out: &mut Vec<Speech>,
) {
    let in_marked_quote = |pos: usize| marked.iter().any(|&(s, e)| s <= pos && pos < e);
    let mut segment_start = s.start;
    let mut previous: Option<Vec<usize>> = None;
    for cue in a
        .speech_hits
        .iter()
        .filter(|h| h.start >= s.start && h.end <= s.end)
    {
        if in_marked_quote(cue.start) {
            continue;
        }
        if let Some(q) = quotes
            .iter()
            .rev()
            .find(|&&(qs, qe)| qe <= cue.start && qs >= segment_start)
        {
            segment_start = q.1;
        }
        let inverted = inverted_subject(a, cue);
        let mut holders = subject_before(a, segment_start, cue.start);
        if holders.is_empty() && !inverted.is_empty() {
            holders = inverted;
        }
        if holders.is_empty() {
            if let Some(p) = &previous {
                holders = p.clone();
            }
        }
        holders.dedup();
        let content_start = content_start(a.t, cue, s.end);
        if !holders.is_empty() {
            previous = Some(holders.clone());
        }
        out.push(Speech {
            cue: *cue,
            holders,
            content_start,
            content_end: s.end,
        });
        segment_start = cue.end;
    }
}

/// "said Bezalel Smotrich": the subject after the verb.
fn inverted_subject(a: &Article, cue: &Hit) -> Vec<usize> {
    let t = a.t;
    a.found
        .mentions
        .iter()
        .filter(|m| {
            m.start == cue.end + 1
                && if m.kind == MentionKind::Pronoun {
                    t[cue.start..cue.end].ends_with("said")
                } else {
                    !m.possessive
                }
        })
        .map(|m| m.actor)
        .collect()
}

/// "Abdullah Abdullah, chairman of the High Council ..., told": the body of a post someone
/// holds, named after the title in the same chunk, is not who speaks; the holder is.
fn post_body(a: &Article, m: &Mention, chunk_start: usize) -> bool {
    a.found.titles.iter().any(|u| {
        u.organization == Some(m.actor)
            && u.person.is_some_and(|p| p != m.actor)
            && u.start >= chunk_start
            && u.end <= m.start
    })
}

/// The last comma-separated chunk of `segment_start..cue_start` that names a subject; a possessor
/// ("Israel's team", "the prime minister's office") only when no chunk names one.
fn subject_before(a: &Article, segment_start: usize, cue_start: usize) -> Vec<usize> {
    let t = a.t;
    let segment = &t[segment_start..cue_start];
    let mut holders: Vec<usize> = Vec::new();
    for allow_possessor in [false, true] {
        let mut chunk_end = cue_start;
        loop {
            let chunk_start = segment_start
                + segment[..chunk_end - segment_start]
                    .rfind([',', ';', '—'])
                    .map_or(0, |p| after_char(segment, p));
            holders = a
                .found
                .mentions_in(chunk_start, chunk_end)
                .filter(|m| {
                    (allow_possessor || !m.possessive)
                        && is_subject(t, m, &a.heads)
                        && !after_preposition(t, m, &a.heads)
                        && !post_body(a, m, chunk_start)
                })
                .map(|m| m.actor)
                .collect();
            if !holders.is_empty() || chunk_start <= segment_start {
                break;
            }
            chunk_end = floor_boundary(t, chunk_start - 1);
        }
        if !holders.is_empty() {
            break;
        }
    }
    holders
}

/// The reported clause starts after "that" when it follows within a few words ("said on Monday
/// that Hamas ..."), else right after the verb.
fn content_start(t: &str, cue: &Hit, sentence_end: usize) -> usize {
    let mut content_start = cue.end;
    let after = &t[cue.end..sentence_end];
    let window: usize = after.split_inclusive(' ').take(7).map(str::len).sum();
    if let Some(p) = after[..window].find("that ") {
        if !after[..p].contains([',', '“', '"', ';']) && (p == 0 || after[..p].ends_with(' ')) {
            content_start = cue.end + p + "that ".len();
        }
    }
    content_start
}

/// A speech's content ends where the next speech's subject starts.
fn end_contents(t: &str, speeches: &mut [Speech]) {
    for i in 1..speeches.len() {
        let next_start = speeches[i].cue.start;
        let prev = &mut speeches[i - 1];
        if next_start > prev.content_start && next_start < prev.content_end {
            let chunk = t[prev.content_start..next_start]
                .rfind([',', ';'])
                .map_or(next_start, |p| prev.content_start + p);
            prev.content_end = chunk;
        }
    }
}
