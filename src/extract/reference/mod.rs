//! References: what refers to an actor the names stage ([`super::actors`]) found without naming
//! it, each resolved to that actor when its mention is made.
//!
//! [`resolve`] takes what the names stage found and adds, in this order, each stage reading the
//! mentions the ones before it made:
//!
//! 1. `descriptions`: the lexicon's descriptions ("the group", "the Gulf state"), each to the
//!    subject of the sentence before when it opens its sentence, else to the nearest actor of
//!    its kind named before it;
//! 2. `descriptions`: head-noun descriptions ("the army" after "the Sudanese army"), then a
//!    state's government ("the government" after "Sudan's government", else the state the
//!    article is about);
//! 3. `pronouns`: "he", "she", "his" and "her", to the person they refer to; a pronoun that
//!    repeats one earlier in its sentence ("He said he ... and he praised") stands, for the clause
//!    rules, for what the first one does ([`Mention::stands_for`]); an "It" opening a sentence
//!    as a verb's subject, to the state or organisation the sentence before has as its subject.
//!
//! Every mention keeps in [`Mention::actor`] the actor it was resolved to, which the explanation
//! of a fact shows ("the group" (description) → Hamas) and every rule but the clause rules reads:
//! a repeated pronoun's own resolution (the person named nearest before it) stays there, as the
//! stance rules and explain have always read it.
//!
//! [`Mention::stands_for`]: crate::extract::Mention::stands_for
//! [`Mention::actor`]: crate::extract::Mention::actor

mod descriptions;
mod pronouns;

use super::actors::{Found, Names};
use crate::lexicon::{ActorKind, Cue, CueClass, Hit, Lexicon};
use crate::text::Text;

/// The reference stage: the names stage's actors and mentions with the descriptions and
/// pronouns that refer to them added.
pub fn resolve(text: &Text, lexicon: &Lexicon, names: Names) -> Found {
    let Names {
        builder: mut b,
        titles,
        cues,
    } = names;
    let cx = Context {
        text,
        t: text.text,
        lexicon,
        descriptions: lexicon
            .hits_in(&cues, CueClass::Description)
            .into_iter()
            .filter_map(|(h, cues)| match cues.first() {
                Some(Cue::Description(k)) => Some((h, *k)),
                _ => None,
            })
            .collect(),
        deals: cues.spans(CueClass::Deal),
    };
    descriptions::mention_descriptions(&cx, &mut b);
    let definites = descriptions::definites(cx.t);
    descriptions::head_noun_descriptions(cx.t, &definites, lexicon, &mut b);
    descriptions::state_body_descriptions(cx.t, &definites, &mut b);
    pronouns::mention_pronouns(&cx, &mut b);
    pronouns::mention_it(&cx, &mut b);
    pronouns::mention_relative_it(&cx, &mut b);
    pronouns::mention_you(&cx, &mut b);
    Found {
        actors: b.actors,
        mentions: b.mentions,
        titles,
        cues,
    }
}

/// What the reference rules read: the text, the lexicon, the descriptions the lexicon finds in
/// it, each with the kind of actor it describes, and its deal nouns.
struct Context<'a> {
    text: &'a Text<'a>,
    t: &'a str,
    lexicon: &'a Lexicon,
    descriptions: Vec<(Hit, ActorKind)>,
    /// The deal nouns of the lexicon found in the text ("agreement", "proposal").
    deals: Vec<Hit>,
}
