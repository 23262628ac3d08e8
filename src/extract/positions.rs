//! Posts people hold: each title attached to a person ("Prime Minister Benjamin Netanyahu",
//! "Abbas Araghchi, Iran's foreign minister", "Jordan's foreign minister, Lina Haddad"), with the
//! state or organisation the text gives it; where the text gives none, the one of the gazetteer's
//! post of that title; where the possessor is a person ("the president's special envoy"), that
//! person's state or organisation.

use super::actors::Found;
use super::{Evidence, Position};
use crate::lexicon::{ActorKind, Lexicon};
use crate::text::Text;

fn head(title: &str) -> &str {
    title.split_whitespace().last().unwrap_or(title)
}

/// The state or organisation a person serves, from the gazetteer or this document's titles.
fn org_of_person(
    found: &Found,
    lexicon: &Lexicon,
    person: usize,
    title: Option<&str>,
    depth: u8,
) -> Option<usize> {
    let actor = &found.actors[person];
    if let Some(e) = actor.entry {
        let posts = &lexicon.actors[e].posts;
        let post = match title {
            Some(t) => posts
                .iter()
                .find(|p| p.title == t)
                .or_else(|| posts.iter().find(|p| head(&p.title) == head(t))),
            None => posts.first(),
        };
        if let Some(org) = post.and_then(|p| p.organization) {
            let iri = &lexicon.actors[org].iri;
            return found.actors.iter().position(|a| &a.iri == iri);
        }
    }
    if depth == 0 {
        return None;
    }
    found
        .titles
        .iter()
        .filter(|t| t.person == Some(person))
        .filter_map(|t| t.organization)
        .find_map(|o| match found.actors[o].kind {
            ActorKind::Person => org_of_person(found, lexicon, o, None, depth - 1),
            _ => Some(o),
        })
}

pub fn find(text: &Text, lexicon: &Lexicon, found: &Found) -> Vec<Position> {
    let mut out: Vec<Position> = Vec::new();
    for tu in &found.titles {
        let Some(person) = tu.person else { continue };
        if found.actors[person].kind != ActorKind::Person {
            continue;
        }
        let explicit = tu
            .organization
            .filter(|&o| found.actors[o].kind != ActorKind::Person);
        if tu.rule == "title-reference" && explicit.is_none() {
            continue;
        }
        let (org, rule, confidence) = match (explicit, tu.organization) {
            (Some(o), _) => (Some(o), tu.rule, 0.9),
            (None, Some(p)) => (
                org_of_person(found, lexicon, p, None, 1),
                "possessor-post",
                0.75,
            ),
            (None, None) => (
                org_of_person(found, lexicon, person, Some(&tu.title), 0),
                "gazetteer-post",
                0.7,
            ),
        };
        let Some(org) = org else { continue };
        if org == person {
            continue;
        }
        let sentence = text.sentence_of(tu.start);
        let p = Position {
            holder: person,
            organization: org,
            title: tu.title.clone(),
            evidence: Evidence {
                sentence,
                start: tu.start,
                end: tu.end,
            },
            rule,
            confidence,
        };
        if !out
            .iter()
            .any(|q| q.holder == p.holder && q.organization == p.organization && q.title == p.title)
        {
            out.push(p);
        }
    }
    out
}
