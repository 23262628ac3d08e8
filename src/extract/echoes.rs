//! Facts that a clause of ellipsis says again of other actors: "Rwanda and Norway backed him, as
//! did the European Union and Mexico"; "Qatar mediated the first round, and so did Egypt". The
//! facts of the last cue before such a clause (`words/echo-openers.txt`) in its sentence, with
//! no verb of another clause between, hold for each actor the clause lists too, with the clause
//! as their evidence.

use super::actors::Found;
use super::roles::actor_list;
use super::syntax::tagger::Tagger;
use super::{Evidence, Participation, Stance, Target};
use crate::lexicon::Words;
use crate::text::Text;

/// A clause of ellipsis: where it stands and the actors it lists.
struct Echo {
    evidence: Evidence,
    actors: Vec<usize>,
}

/// The stances the clauses of ellipsis say again, rule `echo`.
pub fn stances(text: &Text, found: &Found, read: &[Stance]) -> Vec<Stance> {
    let mut out = Vec::new();
    for echo in echoes(text, found) {
        for s in echoed(text, &echo, read, |s| s.evidence) {
            for &a in &echo.actors {
                if a != s.holder && s.target != Target::Actor(a) {
                    out.push(Stance {
                        holder: a,
                        evidence: echo.evidence,
                        rule: "echo".into(),
                        confidence: s.confidence * 0.9,
                        ..s.clone()
                    });
                }
            }
        }
    }
    out
}

/// The roles the clauses of ellipsis say again, rule `echo`.
pub fn roles(text: &Text, found: &Found, read: &[Participation]) -> Vec<Participation> {
    let mut out = Vec::new();
    for echo in echoes(text, found) {
        for p in echoed(text, &echo, read, |p| p.evidence) {
            for &a in echo.actors.iter().filter(|&&a| a != p.actor) {
                out.push(Participation {
                    actor: a,
                    evidence: echo.evidence,
                    rule: "echo".into(),
                    confidence: p.confidence * 0.9,
                    ..p.clone()
                });
            }
        }
    }
    out
}

/// The facts `echo` says again: those of the last cue before it in its sentence, unless a
/// finite verb or a semicolon stands between that cue and the echo (another clause).
fn echoed<'a, T>(
    text: &Text,
    echo: &Echo,
    read: &'a [T],
    evidence: impl Fn(&T) -> Evidence,
) -> Vec<&'a T> {
    let before = |f: &&T| {
        let e = evidence(f);
        e.sentence == echo.evidence.sentence && e.end <= echo.evidence.start
    };
    let Some(last) = read.iter().filter(before).map(|f| evidence(f).start).max() else {
        return Vec::new();
    };
    let facts: Vec<&T> = read
        .iter()
        .filter(before)
        .filter(|f| evidence(f).start == last)
        .collect();
    let cue_end = facts.iter().map(|f| evidence(f).end).max().unwrap_or(last);
    let t = text.text;
    let between = &t[cue_end..echo.evidence.start];
    let verb = Tagger::builtin()
        .tagged_words(t, cue_end, echo.evidence.start)
        .iter()
        .any(|(_, tag)| tag.is_finite_verb());
    if verb || between.contains(';') {
        return Vec::new();
    }
    facts
}

/// Every clause of ellipsis of the text that lists actors.
fn echoes(text: &Text, found: &Found) -> Vec<Echo> {
    let t = text.text;
    let mut out = Vec::new();
    for (i, s) in text.sentences.iter().enumerate() {
        let lower = t[s.start..s.end].to_ascii_lowercase();
        for opener in &Words::get().echo_openers {
            for (at, _) in lower.match_indices(opener) {
                let start = s.start + at;
                let (actors, end) = actor_list(t, start + opener.len(), found, s.end, false);
                if actors.is_empty() {
                    continue;
                }
                out.push(Echo {
                    evidence: Evidence {
                        sentence: i,
                        start: start + opener.len() - opener.trim_start_matches([',', ';', ' ']).len(),
                        end,
                    },
                    actors,
                });
            }
        }
    }
    out
}
