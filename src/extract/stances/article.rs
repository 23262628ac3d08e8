//! What the stance reader gathers from the whole article before it reads any cue: the cue spans
//! it needs, the issues named, the stance cues that count, and what the article's deal is about.

use super::cues::{stance_hits, StanceHit};
use super::issues::{article_issues, assumed_deal_issue, named_deal_issue};
use crate::extract::actors::Found;
use crate::extract::frame::PartyHolders;
use crate::extract::terms::Deal;
use crate::lexicon::{Cue, CueClass, Hit, Lexicon};
use crate::text::Text;

/// An article as the stance reader sees it, and what it finds in the whole article.
pub(super) struct Article<'a> {
    pub(super) text: &'a Text<'a>,
    /// The article's text.
    pub(super) t: &'a str,
    pub(super) lexicon: &'a Lexicon,
    pub(super) found: &'a Found,
    pub(super) parties: &'a PartyHolders,
    /// The deal's terms, which its parties take a stance on by acting on it.
    pub(super) deal: &'a Deal,

    /// Descriptions of the parties ("both sides", "the two leaders"), when there are two.
    pub(super) party_hits: Vec<Hit>,
    /// Nouns after which a state's possessive speaks for it: "Israel's team", and a post
    /// nobody is named in ("Israel's defense minister rejected"; with a name, the person speaks).
    pub(super) heads: Vec<Hit>,
    /// Speech verbs ("said").
    pub(super) speech_hits: Vec<Hit>,
    /// Negations, conditions, hedges, reversals and blockers, with their cues.
    pub(super) modifiers: Vec<(Hit, &'a [Cue])>,
    /// The issues named, in order.
    pub(super) issues: Vec<Hit>,
    /// Nouns of an actor's part in the talks ("the American role", "Qatar's efforts").
    pub(super) efforts: Vec<Hit>,
    /// Deal nouns ("agreement", "deal").
    pub(super) deals: Vec<Hit>,
    /// The issue the article's deal is named with, if any.
    pub(super) named_deal_issue: Option<&'a str>,
    /// The issue the article's deal is taken to be about.
    pub(super) deal_issue: Option<&'a str>,
    /// The stance cues that count, in order.
    pub(super) stance_hits: Vec<StanceHit<'a>>,
}

impl<'a> Article<'a> {
    /// Reads what the stance reader needs of the whole article.
    pub(super) fn read(
        text: &'a Text<'a>,
        lexicon: &'a Lexicon,
        found: &'a Found,
        parties: &'a PartyHolders,
        deal: &'a Deal,
    ) -> Self {
        let t = text.text;
        let party_hits: Vec<Hit> = if parties.parties.len() == 2 {
            let mut hits = found.cues.spans(CueClass::Parties);
            hits.extend(they_the_sides(text, found, &parties.parties));
            hits.sort_by_key(|h| (h.start, h.end));
            hits
        } else {
            Vec::new()
        };
        let mut heads: Vec<Hit> = found.cues.spans(CueClass::AgentHead);
        heads.extend(found.cues.spans(CueClass::Title));
        heads.sort_by_key(|h| (h.start, h.end));
        let issues = article_issues(text, lexicon, found);
        let deals: Vec<Hit> = found.cues.spans(CueClass::Deal);
        let named = named_deal_issue(t, lexicon, &issues, &deals);
        Article {
            text,
            t,
            lexicon,
            found,
            parties,
            deal,
            party_hits,
            heads,
            speech_hits: found.cues.spans(CueClass::Speech),
            modifiers: lexicon.hits_in(&found.cues, CueClass::Modifier),
            efforts: found.cues.spans(CueClass::Effort),
            named_deal_issue: named,
            deal_issue: assumed_deal_issue(named, lexicon, &issues, &deals),
            stance_hits: stance_hits(lexicon, found, &issues),
            issues,
            deals,
        }
    }
}

/// "Israel and Hamas met in Cairo. They agreed ...": a "They" that opens a sentence after one
/// that opens with the two sides joined by "and" describes the sides, as "both sides" does.
fn they_the_sides(text: &Text, found: &Found, sides: &[usize]) -> Vec<Hit> {
    let t = text.text;
    let mut out = Vec::new();
    for (i, s) in text.sentences.iter().enumerate().skip(1) {
        if s.tokens.is_empty() || text.token_text(s.tokens.start) != "They" {
            continue;
        }
        let p = &text.sentences[i - 1];
        let mut named = found.mentions_in(p.start, p.end);
        let (Some(a), Some(b)) = (named.next(), named.next()) else {
            continue;
        };
        let opens = matches!(t[p.start..a.start].trim(), "" | "The" | "the");
        let joined = t
            .get(a.end..b.start)
            .is_some_and(|w| matches!(w.trim(), "and" | "and the"));
        let both = a.actor != b.actor && sides.contains(&a.actor) && sides.contains(&b.actor);
        if opens && joined && both {
            let start = text.tokens[s.tokens.start].start;
            // A description of no lexicon pattern: it is read by its span alone.
            out.push(Hit {
                start,
                end: start + "They".len(),
                pattern: usize::MAX,
            });
        }
    }
    out
}
