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
pub mod sides;

use std::collections::{BTreeMap, BTreeSet};

use super::actors::Found;
use super::{Evidence, Participation, Position};
use crate::lexicon::{ActorKind, Cue, CueClass, Hit, Lexicon, Role, Words};
use crate::text::Text;

pub use lists::actor_list;

/// The roles of the states and organisations the people among `roles` serve: each person's role
/// is also the role of the state they hold a post of, else of the first organisation they do
/// ("Witkoff, who brokered" makes the United States a mediator; "Secretary-General Javier Pérez
/// de Cuéllar mediated" the United Nations). Read once, from the cue and the clause rules' roles
/// together; a role the state or organisation has itself is kept as it was read. A post held
/// no longer ("former Mozambican President Joaquim Chissano") serves no one; the body a person
/// acts for in the role's sentence does ("mediated by ... Chissano on behalf of the Southern
/// African Development Community").
pub fn represented(
    text: &Text,
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
            .filter(|q| q.holder == p.actor && !former(text.text, q.evidence.start))
            .map(|q| q.organization)
            .collect();
        let org = on_behalf_of(text, found, p).or_else(|| {
            served
                .iter()
                .find(|&&o| found.actors[o].kind == ActorKind::State)
                .or_else(|| served.first())
                .copied()
        });
        let Some(org) = org else { continue };
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

/// A side of a negotiation is a state or an organisation; the people who sign or talk for it
/// act for that side. Drops the party role of each person who holds a post (held now) of a state
/// or organisation that is itself a party ("President Mikheil Saakashvili signed": Georgia is the
/// party); a person whose side the text does not give, or gives only by the state of the context,
/// keeps it. Runs last, once the frame has read every role.
pub fn drop_people_of_parties(text: &Text, positions: &[Position], roles: &mut Vec<Participation>) {
    let parties: BTreeSet<usize> = roles
        .iter()
        .filter(|p| p.role == Role::Party)
        .map(|p| p.actor)
        .collect();
    let through: BTreeSet<usize> = positions
        .iter()
        .filter(|q| parties.contains(&q.organization) && !former(text.text, q.evidence.start))
        .filter(|q| q.rule != "context-state")
        .map(|q| q.holder)
        .collect();
    roles.retain(|p| p.role != Role::Party || !through.contains(&p.actor));
}

/// Talks the article names beside its own ("Ghana and Ethiopia are negotiating with their own
/// creditors", "the escalation between Israel and Hezbollah"): drops the party roles read in a
/// sentence where none of the actors made parties there is a side of the article's negotiation,
/// of actors the article makes a party nowhere else and names in passing (in two sentences at
/// most). `read` are the clause rules' roles, those merged away among them: a side made a party
/// by a cue elsewhere is still a party of the sentence where a clause rule read it so.
pub fn drop_other_talks(
    text: &Text,
    found: &Found,
    roles: &mut Vec<Participation>,
    read: &[Participation],
    sides: &[usize],
) {
    if sides.is_empty() {
        return;
    }
    // The sentences each actor is named in, and those each actor is made a party in.
    let mut named: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for m in &found.mentions {
        named
            .entry(m.actor)
            .or_default()
            .insert(text.sentence_of(m.start));
    }
    let mut party_in: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut parties_of: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let read_sides = read.iter().filter(|p| sides.contains(&p.actor));
    for p in roles
        .iter()
        .chain(read_sides)
        .filter(|p| p.role == Role::Party)
    {
        party_in
            .entry(p.actor)
            .or_default()
            .insert(p.evidence.sentence);
        parties_of
            .entry(p.evidence.sentence)
            .or_default()
            .insert(p.actor);
    }
    let in_passing = |a: &usize| {
        party_in.get(a).map_or(0, BTreeSet::len) == 1 && named.get(a).map_or(0, BTreeSet::len) <= 2
    };
    let stray: BTreeSet<usize> = parties_of
        .iter()
        .filter(|(_, actors)| {
            actors.len() >= 2
                && !actors.iter().any(|a| sides.contains(a))
                && actors.iter().all(in_passing)
        })
        .map(|(&sentence, _)| sentence)
        .collect();
    roles.retain(|p| p.role != Role::Party || !stray.contains(&p.evidence.sentence));
}

/// Whether the title at `start` is of a post held no longer: a word of `words/former-words.txt`
/// ("former", "ex-") before it, perhaps with a demonym between ("former Mozambican President").
pub(crate) fn former(t: &str, start: usize) -> bool {
    let mut words = t[..start].split_whitespace().rev();
    let first = words.next().unwrap_or("");
    let is_former = |w: &str| {
        Words::get()
            .former_words
            .iter()
            .any(|f| f.eq_ignore_ascii_case(w))
    };
    is_former(first.trim_end_matches('-'))
        || first.starts_with(char::is_uppercase) && words.next().is_some_and(is_former)
}

/// The state or organisation named right after a phrase of acting for (`words/acting-for.txt`:
/// "on behalf of") later in the sentence of a person's role.
fn on_behalf_of(text: &Text, found: &Found, p: &Participation) -> Option<usize> {
    let s = &text.sentences[p.evidence.sentence];
    let t = text.text;
    let person_end = found
        .mentions_in(s.start, s.end)
        .find(|m| m.actor == p.actor)?
        .end;
    let at = Words::get().acting_for.iter().find_map(|phrase| {
        let phrase = format!(" {phrase} ");
        t[person_end..s.end]
            .find(&phrase)
            .map(|i| person_end + i + phrase.len())
    })?;
    let at = at + t[at..].strip_prefix("the ").map_or(0, |_| 4);
    found
        .mentions_in(at, at + 1)
        .find(|m| m.start == at && found.actors[m.actor].kind != ActorKind::Person)
        .map(|m| m.actor)
}

/// Who signs in another role in the same sentence is no party for signing ("signed the
/// declaration as a guarantor"): drops each party role of an actor whose sentence gives it a role
/// for which `beside` holds.
pub fn drop_parties_beside(list: &mut Vec<Participation>, beside: impl Fn(Role) -> bool) {
    let other_roles: BTreeSet<(usize, usize)> = list
        .iter()
        .filter(|p| beside(p.role))
        .map(|p| (p.evidence.sentence, p.actor))
        .collect();
    list.retain(|p| {
        p.role != Role::Party || !other_roles.contains(&(p.evidence.sentence, p.actor))
    });
}

pub fn find(text: &Text, lexicon: &Lexicon, found: &Found) -> Vec<Participation> {
    let cx = Context::new(text, lexicon, found);
    let mut out = Participations {
        text,
        found,
        list: Vec::new(),
    };
    for &(hit, cues) in &cx.role_hits {
        // "Norway, one of the mediators": where "the mediators" names no one after it, the
        // "mediators" it hid names those before.
        let mut reading = Some((hit, cues));
        while let Some((hit, cues)) = reading {
            if cues::read_role_cue(&cx, hit, cues, &mut out) {
                break;
            }
            reading = lexicon.hidden_hit(&hit, CueClass::Role);
        }
    }
    cues::negotiating_with(&cx, &mut out);
    // "Turkey, together with Egypt, signed the declaration as a guarantor".
    let mut out = out.list;
    drop_parties_beside(&mut out, |r| r != Role::Party);
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
}
