//! The negotiation frame of an article: its sides, named by its two main parties (the most
//! mentioned states and organisations that a cue or clause rule makes a party and that broker
//! no talks), so that the same talks get the same IRI in every article; its venue (the first
//! host); and who "both sides" and "the two leaders" are. It reads the roles of both rule
//! families, and the stances are read against it.

use super::actors::Found;
use super::{Negotiation, Participation, Position};
use crate::lexicon::{ActorKind, Role, Words};
use crate::vocab;

/// The negotiation: its two main parties, and the first host's name as its venue.
pub fn negotiation(found: &Found, out: &[Participation]) -> Option<Negotiation> {
    let parties = main_parties(found, out);
    if parties.is_empty() {
        return None;
    }
    let mut named: Vec<&super::Actor> = parties.iter().map(|&a| &found.actors[a]).collect();
    named.sort_by(|a, b| a.label.cmp(&b.label));
    let slug = named
        .iter()
        .map(|a| vocab::slug(&a.label))
        .collect::<Vec<_>>()
        .join("--");
    let label = format!(
        "{} negotiations",
        named
            .iter()
            .map(|a| a.label.as_str())
            .collect::<Vec<_>>()
            .join("–")
    );
    let venue = out
        .iter()
        .find(|p| p.role == Role::Host && found.actors[p.actor].kind != ActorKind::Person)
        .map(|p| found.actors[p.actor].label.clone());
    Some(Negotiation {
        slug,
        label,
        parties,
        issue: None,
        venue,
    })
}

/// The two most mentioned states and organisations with a party role that broker no talks (ties
/// by label).
fn main_parties(found: &Found, out: &[Participation]) -> Vec<usize> {
    let brokers: Vec<usize> = out
        .iter()
        .filter(|p| matches!(p.role, Role::Mediator | Role::Host))
        .map(|p| p.actor)
        .collect();
    let mut parties = found.by_mentions(
        out.iter()
            .filter(|p| {
                p.role == Role::Party
                    && found.actors[p.actor].kind != ActorKind::Person
                    && !brokers.contains(&p.actor)
            })
            .map(|p| p.actor),
    );
    parties.truncate(2);
    parties
}

/// Who "both sides" and "both leaders" are: the negotiation's parties, and for each the person
/// the article names as its president or prime minister (else the party itself).
#[derive(Debug, Clone, Default)]
pub struct PartyHolders {
    pub parties: Vec<usize>,
    pub leaders: Vec<usize>,
}

/// The parties of `negotiation` and their leaders among `positions`.
pub fn party_holders(
    found: &Found,
    negotiation: &Negotiation,
    positions: &[Position],
) -> PartyHolders {
    let parties = negotiation.parties.clone();
    let leaders = parties
        .iter()
        .map(|&p| {
            positions
                .iter()
                .filter(|q| q.organization == p)
                .find(|q| Words::get().leader_titles.contains(&q.title.as_str()))
                .map_or(p, |q| q.holder)
        })
        .filter(|&a| a < found.actors.len())
        .collect();
    PartyHolders { parties, leaders }
}
