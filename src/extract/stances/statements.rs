//! Statements: the words of each quote, and the reported clause of each speech verb outside
//! quotes, for each of their speakers.

use super::quotes::{quote_at, Quote};
use super::speech::Speech;
use crate::extract::{Evidence, Statement};
use crate::text::Text;

/// The statements of the quotes, then those of reported speech.
pub(super) fn statements(text: &Text, quotes: &[Quote], speeches: &[Speech]) -> Vec<Statement> {
    let mut statements = quoted(text, quotes);
    statements.extend(reported(text, quotes, speeches));
    statements
}

fn quoted(text: &Text, quotes: &[Quote]) -> Vec<Statement> {
    let t = text.text;
    let mut statements = Vec::new();
    for q in quotes {
        for &speaker in &q.speaker {
            let quote = t[q.start..q.end]
                .trim_matches(['“', '”', '"'])
                .trim()
                .trim_end_matches(',')
                .to_string();
            statements.push(Statement {
                speaker,
                quote,
                evidence: Evidence {
                    sentence: text.sentence_of(q.start),
                    start: q.start,
                    end: q.end,
                },
                rule: "quote",
                date: None,
            });
        }
    }
    statements
}

fn reported(text: &Text, quotes: &[Quote], speeches: &[Speech]) -> Vec<Statement> {
    let t = text.text;
    let mut statements = Vec::new();
    for sp in speeches {
        if sp.content_end > sp.content_start + 10
            && quote_at(quotes, sp.content_start).is_none()
            && !t[sp.content_start..sp.content_end]
                .trim_start()
                .starts_with(['“', '"'])
        {
            for &speaker in &sp.holders {
                statements.push(Statement {
                    speaker,
                    quote: t[sp.content_start..sp.content_end]
                        .trim()
                        .trim_end_matches(['.', ','])
                        .to_string(),
                    evidence: Evidence {
                        sentence: text.sentence_of(sp.cue.start),
                        start: sp.cue.start,
                        end: sp.content_end,
                    },
                    rule: "reported-speech",
                    date: None,
                });
            }
        }
    }
    statements
}
