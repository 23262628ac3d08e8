//! Interview transcripts: the answers after "Q:" and "A:" marks, and the person who gives them.

use crate::extract::actors::Found;
use crate::extract::{Mention, MentionKind};
use crate::lexicon::{ActorKind, CueClass, Lexicon, Words};
use crate::text::Text;

/// The answers of an interview transcript, each with the person interviewed as its speaker.
///
/// A transcript has paragraphs opening with "Q:" and "A:" (or "Question:"/"Answer:"); an answer
/// runs to the next question. The person interviewed is the first person named in the first
/// sentence of the introduction with an interview cue ("X discussed the plan with ..."), or, for
/// "She spoke to us", the person who opens the sentence before; when that sentence opens with
/// no actor, the person interviewed is none. With no interview cue, it is the person the
/// introduction names most.
pub(super) fn interview_answers(
    text: &Text,
    lexicon: &Lexicon,
    found: &Found,
) -> Vec<(usize, usize, usize)> {
    let t = text.text;
    let mut marks: Vec<(usize, usize, bool)> = Vec::new(); // (line start, content start, answer)
    let mut line_start = 0;
    let words = Words::get();
    for line in t.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim_start();
        let question = words.question_marks.iter().find(|m| body.starts_with(*m));
        let answer = words.answer_marks.iter().find(|m| body.starts_with(*m));
        if let Some(m) = question.or(answer) {
            marks.push((line_start, line_start + lead + m.len(), answer.is_some()));
        }
        line_start += line.len();
    }
    if marks.iter().filter(|m| m.2).count() < 2 || marks.iter().all(|m| m.2) {
        return Vec::new();
    }
    let intro_end = marks[0].0;
    let is_person = |m: &&Mention| found.actors[m.actor].kind == ActorKind::Person;
    let cues = lexicon.cue_hits(CueClass::Interview, &t[..intro_end]);
    let named = cues.iter().find_map(|(h, _)| {
        let i = text.sentence_of(h.start);
        let s = &text.sentences[i];
        let named = |m: &&Mention| m.kind != MentionKind::Pronoun && is_person(m);
        if let Some(m) = found.mentions_in(s.start, s.end).find(named) {
            return Some(Some(m.actor));
        }
        // "She spoke to us": the subject of the sentence before, if an actor opens it; a
        // person who is no actor (a former official, an analyst) otherwise.
        let opener = t[s.start..s.end].split_whitespace().next().unwrap_or("");
        if !matches!(opener, "He" | "She" | "They") || i == 0 {
            return None;
        }
        let prev = &text.sentences[i - 1];
        let first = found
            .mentions_in(prev.start, prev.end)
            .next()
            .filter(|m| t[prev.start..m.start].trim().is_empty() && is_person(m));
        Some(first.map(|m| m.actor))
    });
    let interviewee = match named {
        Some(who) => who,
        None => {
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for m in found.mentions_in(0, intro_end).filter(is_person) {
                match counts.iter_mut().find(|c| c.1 == m.actor) {
                    Some(c) => c.0 += 1,
                    None => counts.push((1, m.actor)),
                }
            }
            // The most named; the first named among equals.
            counts.iter().rev().max_by_key(|c| c.0).map(|c| c.1)
        }
    };
    let Some(speaker) = interviewee else {
        return Vec::new();
    };
    let mut answers = Vec::new();
    for (i, &(_, content, answer)) in marks.iter().enumerate() {
        if answer {
            let end = marks.get(i + 1).map_or(t.len(), |m| m.0);
            let end = t[..end].trim_end().len().max(content);
            answers.push((content, end, speaker));
        }
    }
    answers
}
