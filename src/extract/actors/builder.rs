//! The actors and mentions found so far, which every stage adds to and reads.

use std::collections::{BTreeSet, HashMap};

use super::{in_capitals_heading, possessive_end};
use crate::extract::{Actor, Mention, MentionKind};
use crate::lexicon::{ActorKind, Lexicon};
use crate::text::whole_word;
use crate::vocab;

/// The actors found, each once by IRI, and their mentions.
pub(in crate::extract) struct Builder<'a> {
    pub(super) text: &'a str,
    pub(super) lexicon: &'a Lexicon,
    pub(in crate::extract) actors: Vec<Actor>,
    by_iri: HashMap<String, usize>,
    pub(in crate::extract) mentions: Vec<Mention>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(text: &'a str, lexicon: &'a Lexicon) -> Self {
        Builder {
            text,
            lexicon,
            actors: Vec::new(),
            by_iri: HashMap::new(),
            mentions: Vec::new(),
        }
    }

    /// Sorts the mentions by start, then end.
    pub(in crate::extract) fn sort_mentions(&mut self) {
        self.mentions.sort_by_key(|m| (m.start, m.end));
    }

    pub(in crate::extract) fn actor_for_entry(&mut self, entry: usize) -> usize {
        let e = &self.lexicon.actors[entry];
        if let Some(&i) = self.by_iri.get(&e.iri) {
            return i;
        }
        self.by_iri.insert(e.iri.clone(), self.actors.len());
        self.actors.push(Actor {
            iri: e.iri.clone(),
            kind: e.kind,
            label: e.label.clone(),
            found_as: BTreeSet::new(),
            entry: Some(entry),
            titles: Vec::new(),
            acts: false,
        });
        self.actors.len() - 1
    }

    /// A person; a name written in capitals ("SUSAN RICE", as meeting coverage writes its
    /// speakers) is labelled as names are written ("Susan Rice").
    pub(super) fn new_person(&mut self, name: &str) -> usize {
        if name.chars().any(char::is_lowercase) {
            return self.new_actor(name, ActorKind::Person);
        }
        let written: String = name
            .split(' ')
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map_or_else(String::new, |first| {
                    first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        self.new_actor(&written, ActorKind::Person)
    }

    pub(super) fn new_actor(&mut self, name: &str, kind: ActorKind) -> usize {
        // "the Democratic Front\nfor the Liberation of ...": a name wrapped over lines is
        // labelled on one
        let joined;
        let name = if name.contains(|c: char| c != ' ' && c.is_whitespace()) {
            joined = name.split_whitespace().collect::<Vec<_>>().join(" ");
            joined.as_str()
        } else {
            name
        };
        let iri = format!("{}{}", vocab::ACTOR, vocab::slug(name));
        if let Some(&i) = self.by_iri.get(&iri) {
            return i;
        }
        self.by_iri.insert(iri.clone(), self.actors.len());
        self.actors.push(Actor {
            iri,
            kind,
            label: name.to_string(),
            found_as: BTreeSet::new(),
            entry: None,
            titles: Vec::new(),
            acts: false,
        });
        self.actors.len() - 1
    }

    pub(in crate::extract) fn mention(
        &mut self,
        start: usize,
        end: usize,
        actor: usize,
        kind: MentionKind,
        locative: bool,
    ) {
        let possessive = possessive_end(self.text, end).is_some();
        let found = &self.text[start..end];
        if matches!(
            kind,
            MentionKind::Name
                | MentionKind::Metonym
                | MentionKind::People
                | MentionKind::Surname
                | MentionKind::Demonym
        ) {
            self.actors[actor].found_as.insert(found.to_string());
        }
        if !locative {
            self.actors[actor].acts = true;
        }
        self.mentions.push(Mention {
            start,
            end,
            actor,
            stands_for: actor,
            kind,
            possessive,
            locative,
        });
    }

    /// A mention of `actor` at every whole occurrence of `form` not yet covered and not in a
    /// credit line.
    pub(super) fn mention_each(
        &mut self,
        form: &str,
        actor: usize,
        in_credit: impl Fn(usize) -> bool,
    ) {
        let t = self.text;
        for (p, _) in t.match_indices(form) {
            let end = p + form.len();
            if whole_word(t, p, end)
                && !self.covered(p, end)
                && !in_credit(p)
                && !in_capitals_heading(t, p, end)
            {
                self.mention(p, end, actor, MentionKind::Name, false);
            }
        }
    }

    pub(in crate::extract) fn covered(&self, start: usize, end: usize) -> bool {
        self.mentions.iter().any(|m| m.start < end && start < m.end)
    }
}
