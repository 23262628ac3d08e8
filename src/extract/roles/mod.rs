//! Roles in a negotiation, from the role cues of the lexicon:
//!
//! - cues followed by the actors they name: "mediators from Qatar and Egypt", "the mediators,
//!   Qatar and Egypt", "talks between Russia and Ukraine", "talks with Hamas", "hosted by Oman";
//! - cues preceded by their actor: "Israel's delegation", "Egyptian-brokered", "Qatar, a
//!   mediator", "Hamas responded to";
//! - "negotiating ... with X": the actors after "with" when a party cue opens the clause.
//!
//! [`find`] reads each role cue (`cues`: the actors in a list after it, found by `lists`, or
//! before it, found by `before`). A person's role is also the role of the state or organisation
//! they serve ([`represented`]), read once the clause rules' roles are merged with these. The
//! negotiation these roles make is the frame's ([`super::frame`]).

mod before;
mod cues;
pub mod envoys;
mod lists;

use std::collections::BTreeSet;

use super::actors::Found;
use super::{Evidence, Participation, Position};
use crate::lexicon::{ActorKind, Cue, CueClass, Hit, Lexicon, Role};
use crate::text::Text;

pub use lists::actor_list;

/// The roles of the states and organisations the people among `roles` serve: each person's role
/// is also the role of the state they hold a post of, else of the first organisation they do
/// ("Witkoff, who brokered" makes the United States a mediator; "Secretary-General Javier Pérez
/// de Cuéllar mediated" the United Nations). Read once, from the cue and the clause rules' roles
/// together; a role the state or organisation has itself is kept as it was read.
pub fn represented(
    found: &Found,
    positions: &[Position],
    roles: &[Participation],
) -> Vec<Participation> {
    let mut out: Vec<Participation> = Vec::new();
    for p in roles
        .iter()
        .filter(|p| found.actors[p.actor].kind == ActorKind::Person)
    {
        let served: Vec<usize> = positions
            .iter()
            .filter(|q| q.holder == p.actor)
            .map(|q| q.organization)
            .collect();
        let org = served
            .iter()
            .find(|&&o| found.actors[o].kind == ActorKind::State)
            .or_else(|| served.first());
        let Some(&org) = org else { continue };
        if found.actors[org].kind == ActorKind::Group
            || roles
                .iter()
                .chain(&out)
                .any(|q| q.actor == org && q.role == p.role)
        {
            continue;
        }
        out.push(Participation {
            actor: org,
            role: p.role,
            evidence: p.evidence,
            rule: format!("{}/represents", p.rule),
            confidence: p.confidence * 0.9,
        });
    }
    out
}

pub fn find(text: &Text, lexicon: &Lexicon, found: &Found) -> Vec<Participation> {
    let cx = Context::new(text, lexicon, found);
    let mut out = Participations {
        text,
        found,
        list: Vec::new(),
    };
    for &(hit, cues) in &cx.role_hits {
        cues::read_role_cue(&cx, hit, cues, &mut out);
    }
    cues::negotiating_with(&cx, &mut out);
    out.drop_parties_in_other_roles();
    let mut out = out.list;
    out.sort_by_key(|p| (p.evidence.start, p.actor, p.role));
    out
}

/// What the role rules read: the text, the actors found, and the cue hits they need, found once.
struct Context<'a> {
    text: &'a Text<'a>,
    t: &'a str,
    found: &'a Found,
    /// One scan of the role cues serves the three rules.
    role_hits: Vec<(Hit, &'a [Cue])>,
    heads: Vec<Hit>,
    /// Where the cues of a party role end.
    party_cue_ends: Vec<usize>,
    /// The words of praise and thanks of the stance lexicon: those thanked "for their mediation"
    /// are mediators, and no parties.
    praise: Vec<Hit>,
    negations: Vec<Hit>,
}

impl<'a> Context<'a> {
    fn new(text: &'a Text<'a>, lexicon: &'a Lexicon, found: &'a Found) -> Self {
        let role_hits = lexicon.hits_in(&found.cues, CueClass::Role);
        let heads: Vec<Hit> = found.cues.spans(CueClass::AgentHead);
        let party_cue_ends: Vec<usize> = role_hits
            .iter()
            .filter(|(_, cues)| {
                cues.iter().any(|c| {
                    matches!(
                        c,
                        Cue::Role {
                            role: Role::Party,
                            ..
                        }
                    )
                })
            })
            .map(|(h, _)| h.end)
            .collect();
        let praise: Vec<Hit> = lexicon
            .hits_in(&found.cues, CueClass::Stance)
            .into_iter()
            .filter(|(_, c)| {
                c.iter()
                    .any(|c| matches!(c, Cue::Stance { name, .. } if name == "praise"))
            })
            .map(|(h, _)| h)
            .collect();
        let negations: Vec<Hit> = lexicon
            .hits_in(&found.cues, CueClass::Modifier)
            .into_iter()
            .filter(|(_, c)| c.contains(&Cue::Negation))
            .map(|(h, _)| h)
            .collect();
        Context {
            text,
            t: text.text,
            found,
            role_hits,
            heads,
            party_cue_ends,
            praise,
            negations,
        }
    }
}

/// The roles found so far, each actor with each role once.
struct Participations<'a> {
    text: &'a Text<'a>,
    found: &'a Found,
    list: Vec<Participation>,
}

impl Participations<'_> {
    /// Adds the role of `actor` with the evidence `start..end`, unless the actor is a group or
    /// already has the role.
    fn add(
        &mut self,
        actor: usize,
        role: Role,
        start: usize,
        end: usize,
        rule: &str,
        confidence: f32,
    ) {
        let kind = self.found.actors[actor].kind;
        if kind == ActorKind::Group {
            return;
        }
        if !self.list.iter().any(|p| p.actor == actor && p.role == role) {
            self.list.push(Participation {
                actor,
                role,
                evidence: Evidence {
                    sentence: self.text.sentence_of(start),
                    start,
                    end,
                },
                rule: rule.to_string(),
                confidence,
            });
        }
    }

    /// "Turkey, together with Egypt, signed the declaration as a guarantor": who signs in another
    /// role in the same sentence is no party for signing.
    fn drop_parties_in_other_roles(&mut self) {
        let text = self.text;
        let other_roles: BTreeSet<(usize, usize)> = self
            .list
            .iter()
            .filter(|p| p.role != Role::Party)
            .map(|p| (text.sentence_of(p.evidence.start), p.actor))
            .collect();
        self.list.retain(|p| {
            p.role != Role::Party
                || !other_roles.contains(&(text.sentence_of(p.evidence.start), p.actor))
        });
    }
}
