//! The actors right before a role cue: "Israel's delegation", "Egyptian-brokered", "Qatar, a
//! mediator", "Oman has hosted", and those coordinated with them ("Egypt and Qatar, which
//! brokered").

use crate::extract::actors::{possessive_end, Found};
use crate::extract::{Mention, MentionKind};
use crate::lexicon::{Hit, Words};
use crate::text::{after_char, floor_boundary};

/// The actor a cue at `cue_start` follows, with the actors coordinated before it.
pub(super) fn actors_before(
    t: &str,
    cue_start: usize,
    sentence_start: usize,
    found: &Found,
    heads: &[Hit],
) -> Vec<usize> {
    let end = past_gap_words(t, cue_start, found);
    let end = past_comma_clause(t, end, cue_start, sentence_start);
    let ends = Ends {
        t,
        found,
        heads,
        sentence_start,
    };
    let end = ends.before_acronym(end);
    // "Israel, the PLO and Norway (facilitator)": a role in brackets is the last name's only.
    if t[..cue_start].ends_with('(') {
        return ends.at(end).map(|m| vec![m.actor]).unwrap_or_default();
    }
    ends.coordinated(end)
}

/// Where the words before a cue at `cue_start` end, past auxiliaries and articles: "Oman has
/// hosted", "Qatar, a mediator", "Norway, one of the", and past the bracket a role in brackets
/// opens ("Tanzania (host)"). A word that ends a mention is no such word.
fn past_gap_words(t: &str, cue_start: usize, found: &Found) -> usize {
    let bracketed = t[..cue_start].ends_with('(');
    let cue_start = if bracketed { cue_start - 1 } else { cue_start };
    let mut end = t[..cue_start].trim_end_matches([' ', '-']).len();
    for _ in 0..5 {
        let before = t[..end].trim_end_matches([' ', ',']);
        let word_start = before
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |p| after_char(before, p));
        let word = &before[word_start..];
        if !word.is_empty()
            && Words::get()
                .role_gap_words
                .contains(&word.to_lowercase().as_str())
            && found
                .mentions_in(before.len().saturating_sub(200), before.len())
                .all(|m| m.end != before.len())
        {
            end = t[..word_start].trim_end().len();
        } else {
            end = before.len();
            break;
        }
    }
    end
}

/// "Qatar, which has hosted the talks since 2012, is mediating": where the actor ends before a
/// relative clause, an apposition or a participle between commas that ends at `end` (or at a
/// comma right after it, before `cue_start`); else `end`.
fn past_comma_clause(t: &str, end: usize, cue_start: usize, sentence_start: usize) -> usize {
    // The comma may stand after the words skipped before ("…, facing protests, provides").
    let comma = (end..cue_start)
        .find(|&i| t.is_char_boundary(i) && t[i..].starts_with(','))
        .filter(|&i| t[end..i].trim().is_empty());
    let trimmed = match comma {
        Some(i) => &t[..i + 1],
        None => t[..end].trim_end(),
    };
    if trimmed.ends_with(',') && trimmed.len() > sentence_start {
        let window = floor_boundary(t, trimmed.len().saturating_sub(160)).max(sentence_start);
        let inner = &t[window..trimmed.len() - 1];
        if let Some(p) = inner.rfind([',']) {
            let clause = inner[p + 1..].trim_start().to_lowercase();
            // "Smaïl Chergui, the AU commissioner for peace and security, chairs": past an
            // apposition, or a participle ("the government, facing protests at home, provides").
            let first = clause.split(' ').next().unwrap_or("");
            if clause.starts_with("which ")
                || clause.starts_with("who ")
                || matches!(first, "the" | "a" | "an" | "its" | "his" | "her" | "their")
                || first.len() > 4 && first.ends_with("ing")
            {
                return window + p;
            }
        }
    }
    end
}

/// The mentions of a sentence that end where an actor before a cue must: right there, before a
/// possessive marker, or as a possessor or adjective before an agent noun.
struct Ends<'a> {
    t: &'a str,
    found: &'a Found,
    /// The agent nouns of the text, sorted by start.
    heads: &'a [Hit],
    sentence_start: usize,
}

impl<'a> Ends<'a> {
    /// Where an agent noun of the sentence ending at `e` starts.
    fn head_end(&self, e: usize) -> Option<usize> {
        // Heads are sorted by start; a head ending at `e` starts at most 40 bytes before it.
        let from = self.heads.partition_point(|h| h.start + 40 < e);
        self.heads[from..]
            .iter()
            .take_while(|h| h.start < e)
            .find(|h| h.end == e && h.start >= self.sentence_start)
            .map(|h| h.start)
    }

    /// The last mention of the sentence, no pronoun, that ends at `end`, its possessive marker
    /// included, or that is the possessor or adjective of an agent noun ending there:
    /// "Ethiopia's federal government and ...".
    fn at(&self, end: usize) -> Option<&'a Mention> {
        let (t, found, sentence_start) = (self.t, self.found, self.sentence_start);
        // Only mentions of this sentence that start before `end` can end at it.
        let upto = found.mentions.partition_point(|m| m.start < end);
        let from = found.mentions.partition_point(|m| m.start < sentence_start);
        found.mentions[from..upto.max(from)].iter().rev().find(|m| {
            if m.start < sentence_start || m.kind == MentionKind::Pronoun {
                return false;
            }
            let tail = possessive_end(t, m.end).unwrap_or(m.end);
            if m.end == end || tail == end {
                return true;
            }
            self.head_end(end).is_some_and(|hs| {
                hs >= tail
                    && (t[tail..hs].split_whitespace().count() <= 1
                        && !t[tail..hs].contains([',', ';'])
                        // "President Donald Trump, whose administration hosted".
                        || t[tail..hs].trim() == ", whose")
            })
        })
    }

    /// "the March 23 Movement (AFC/M23) signed": the name before an acronym in brackets that
    /// ends at `end`; else `end`.
    fn before_acronym(&self, end: usize) -> usize {
        let t = self.t;
        if t[..end].ends_with(')') {
            if let Some(m) = self.at(end - 1) {
                if let Some((open, _)) = crate::extract::stances::bracketed_alias(t, m.start, m.end)
                {
                    let before = t[..open].trim_end().len();
                    return if self.at(before).is_some() {
                        before
                    } else {
                        m.end
                    };
                }
            }
        }
        end
    }

    /// The actor ending at `end`, and those coordinated before it: "Egypt and Qatar", "the United
    /// States, Egypt and Qatar".
    fn coordinated(&self, end: usize) -> Vec<usize> {
        let t = self.t;
        let mut out = Vec::new();
        let mut cursor = end;
        let mut first_kind = None;
        while let Some(m) = self.at(cursor) {
            // "Egyptian and Qatari mediators" coordinates adjectives; in "the cease-fire with
            // Israel and American mediation" the name before "and" is no mediator.
            let kind = *first_kind.get_or_insert(m.kind);
            if (kind == MentionKind::Demonym) != (m.kind == MentionKind::Demonym) {
                break;
            }
            if !out.contains(&m.actor) {
                out.push(m.actor);
            }
            // Coordination only: "Egypt and Qatar", "the United States, Egypt and Qatar".
            let mut before = t[..m.start].trim_end();
            if let Some(b) = before
                .strip_suffix("The")
                .filter(|b| b.is_empty() || b.ends_with([' ', ',']))
            {
                before = b.trim_end();
            }
            if let Some(b) = before
                .strip_suffix("the")
                .filter(|b| b.ends_with([' ', ',']))
            {
                before = b.trim_end();
            }
            let rest = [", and", "and", ","]
                .iter()
                .find_map(|c| before.strip_suffix(c).map(|b| b.trim_end().len()));
            let Some(next) = rest else { break };
            if next == cursor || m.possessive {
                break;
            }
            cursor = next;
        }
        out
    }
}
