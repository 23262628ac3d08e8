//! Envoys of third parties: a person whose post is an envoy's ("the UN special envoy Martin
//! Griffiths", "Russia's envoy to the talks, Boris Mayorsky"; the words of
//! `ontology/words/envoy-titles.txt`) with a state or organisation that is no party is a
//! mediator, and so is that state or organisation, where the article gives neither another
//! role and it is not one of the two states or organisations the article names most (the sides
//! of its talks, whatever roles the rules found: "North Korea's special representative for US
//! affairs"). Read after the cue and clause rules, from their roles and the posts.

use crate::extract::actors::Found;
use crate::extract::{Participation, Position};
use crate::lexicon::{ActorKind, Role, Words};

const CONFIDENCE: f32 = 0.6;

/// The mediator roles of the envoys among `positions` that `roles` give no role, nor their
/// state or organisation.
pub fn mediators(
    found: &Found,
    positions: &[Position],
    roles: &[Participation],
) -> Vec<Participation> {
    let sides = most_named(found);
    let has_role = |a: usize| roles.iter().any(|p| p.actor == a) || sides.contains(&a);
    let mut out: Vec<Participation> = Vec::new();
    for q in positions {
        let envoy = q.title.split(|c: char| !c.is_alphanumeric()).any(|w| {
            Words::get()
                .envoy_titles
                .contains(&w.to_lowercase().as_str())
        });
        if !envoy || has_role(q.holder) || has_role(q.organization) {
            continue;
        }
        for (actor, rule) in [(q.holder, "envoy"), (q.organization, "envoy/represents")] {
            if !out.iter().any(|p| p.actor == actor) {
                out.push(Participation {
                    actor,
                    role: Role::Mediator,
                    evidence: q.evidence,
                    rule: rule.to_string(),
                    confidence: CONFIDENCE,
                });
            }
        }
    }
    out
}

/// The two states or organisations the article names most (ties by label).
fn most_named(found: &Found) -> Vec<usize> {
    let named = found.mentions.iter().map(|m| m.actor);
    let mut ranked =
        found.by_mentions(named.filter(|&a| found.actors[a].kind != ActorKind::Person));
    ranked.truncate(2);
    ranked
}
