//! Facts that a clause of ellipsis says again of other actors: "Rwanda and Norway backed him, as
//! did the European Union and Mexico"; "Qatar mediated the first round, and so did Egypt". The
//! facts of the last cue before such a clause (`words/echo-openers.txt`) in its sentence, with
//! no verb of another clause between, hold for each actor the clause lists too, with the clause
//! as their evidence.

use super::actors::Found;
use super::roles::actor_list;
use super::syntax::tagger::Tagger;
use super::syntax::Tag;
use super::{Evidence, Participation, Stance, Target};
use crate::lexicon::Words;
use crate::text::Text;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

/// A clause of ellipsis: where it stands and the actors it lists.
struct Echo {
    evidence: Evidence,
    actors: Vec<usize>,
}

/// The clauses of ellipsis of an article, found once for the roles and the stances they repeat.
pub struct Echoes<'t> {
    text: &'t Text<'t>,
    echoes: Vec<Echo>,
}

impl<'t> Echoes<'t> {
    pub fn find(text: &'t Text<'t>, found: &Found) -> Echoes<'t> {
        Echoes {
            text,
            echoes: echoes(text, found),
        }
    }

    /// The stances the clauses of ellipsis say again, rule `echo`.
    pub fn stances(&self, read: &[Stance]) -> Vec<Stance> {
        stances(self.text, &self.echoes, read)
    }

    /// The roles the clauses of ellipsis say again, rule `echo`.
    pub fn roles(&self, read: &[Participation]) -> Vec<Participation> {
        roles(self.text, &self.echoes, read)
    }
}

fn stances(text: &Text, echoes: &[Echo], read: &[Stance]) -> Vec<Stance> {
    let mut out = Vec::new();
    for echo in echoes {
        for s in echoed(text, echo, read, |s| s.evidence) {
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

fn roles(text: &Text, echoes: &[Echo], read: &[Participation]) -> Vec<Participation> {
    let mut out = Vec::new();
    for echo in echoes {
        for p in echoed(text, echo, read, |p| p.evidence) {
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
    let verb = Tagger::builtin().any_tag(t, cue_end, echo.evidence.start, Tag::is_finite_verb);
    if verb || between.contains(';') {
        return Vec::new();
    }
    facts
}

/// Every clause of ellipsis of the text that lists actors: one search for all the openers.
fn echoes(text: &Text, found: &Found) -> Vec<Echo> {
    static OPENERS: OnceLock<AhoCorasick> = OnceLock::new();
    let openers = OPENERS.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&Words::get().echo_openers)
            .expect("the echo openers build a searcher")
    });
    let t = text.text;
    let mut out = Vec::new();
    for m in openers.find_iter(t) {
        let i = text.sentence_of(m.start());
        let s = &text.sentences[i];
        if m.end() > s.end {
            continue;
        }
        let (actors, end) = actor_list(t, m.end(), found, s.end, false);
        if actors.is_empty() {
            continue;
        }
        let opener = &t[m.start()..m.end()];
        let lead = opener.len() - opener.trim_start_matches([',', ';', ' ']).len();
        out.push(Echo {
            evidence: Evidence {
                sentence: i,
                start: m.start() + lead,
                end,
            },
            actors,
        });
    }
    out
}
