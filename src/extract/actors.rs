//! Actors and every reference to them.
//!
//! - Gazetteer names, alternative names and surnames (a surname only once the person's full name,
//!   or a title or "Mr." before the surname, has appeared).
//! - A state's adjective ("Qatari") only when an agent noun follows ("Qatari officials",
//!   "Israeli and Hamas officials", "Egyptian-brokered").
//! - A capital or seat of government ("Washington", "the White House") only when it is not a
//!   place: not after "in", "to", "from" ..., and not the start of another name ("Washington Post").
//! - New people from title patterns: "Foreign Minister Lina Haddad", "Lina Haddad, a spokeswoman
//!   for ...", "Jordan's foreign minister, Lina Haddad", "Lina Haddad said"; later surname and
//!   "Ms. Haddad" mentions go to the same person. Names in bylines and credit lines never become
//!   actors.
//! - Titles ("the prime minister", "Trump's Middle East envoy"), descriptions ("the group", "the
//!   Gulf state") and the pronouns "he" and "she" resolved to the nearest fitting actor.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{Actor, Mention, MentionKind, Metadata, TitleUse};
use crate::lexicon::{ActorKind, Cue, CueClass, CueHits, Hit, Lexicon, NameKind};
use crate::text::{after_char, floor_boundary, run_start, whole_word, Text};
use crate::vocab;

pub struct Found {
    pub actors: Vec<Actor>,
    /// Sorted by start.
    pub mentions: Vec<Mention>,
    pub titles: Vec<TitleUse>,
    /// The cue hits of the whole text, found once for all the rules that need them.
    pub cues: CueHits,
}

impl Found {
    /// The mention that covers `start..end` exactly, or the last one ending at `end`.
    pub fn mention_ending_at(&self, end: usize) -> Option<&Mention> {
        self.mentions.iter().rev().find(|m| m.end == end)
    }

    pub fn mentions_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> {
        let first = self.mentions.partition_point(|m| m.start < start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start < end)
    }
}

/// Names followed by their acronym in brackets, "the Front for Change and Concord in Chad
/// (FACT)": the span of the name (from its first capitalised word) and of the acronym. The name
/// has two capitalised words or more, one of them a head word of organisations.
fn acronym_definitions(t: &str, heads: &HashSet<String>) -> Vec<((usize, usize), (usize, usize))> {
    const JOINS: &[&str] = &[
        "of", "for", "and", "the", "in", "de", "du", "des", "la", "le", "al", "el", "&",
    ];
    let mut out = Vec::new();
    for (open, _) in t.match_indices(" (") {
        let a = open + 2;
        let Some(len) = t[a..].find(')') else {
            continue;
        };
        let acronym = &t[a..a + len];
        if !(2..=10).contains(&acronym.len())
            || !acronym.starts_with(|c: char| c.is_ascii_uppercase())
            || !acronym
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        {
            continue;
        }
        // The name: capitalised words and the small words that join them, back from the bracket.
        let mut first_capital = None;
        let mut capitals = 0;
        let mut headed = false;
        let mut end = open;
        loop {
            let ws = t[..end].rfind(' ').map_or(0, |i| i + 1);
            let w = &t[ws..end];
            let capital = w.starts_with(char::is_uppercase)
                && !NOT_NAME.contains(&w)
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'));
            if w.is_empty() || !(capital || JOINS.contains(&w)) {
                break;
            }
            if capital {
                first_capital = Some(ws);
                capitals += 1;
                headed |= heads.contains(w);
            }
            if ws == 0 {
                break;
            }
            end = ws - 1;
        }
        let Some(name_start) = first_capital else {
            continue;
        };
        if capitals >= 2 && headed {
            out.push(((name_start, open), (a, a + len)));
        }
    }
    out
}

/// Capitalised words that make another body of an organisation's name after them ("National
/// Security Council", "Supreme Court").
const BODY_QUALIFIERS: &[&str] = &[
    "National",
    "Supreme",
    "Federal",
    "Regional",
    "Provincial",
    "Presidential",
    "Transitional",
    "Provisional",
    "Interim",
];

/// Words that open a capitalised run without being part of a name.
const NOT_NAME: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "For",
    "From",
    "To",
    "By",
    "With",
    "When",
    "While",
    "After",
    "Before",
    "If",
    "As",
    "So",
    "Yet",
    "Still",
    "Meanwhile",
    "However",
    "Also",
    "Then",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "Despite",
    "Even",
    "Neither",
    "Nor",
    "Several",
    "Many",
    "Some",
    "Officials",
    "According",
    "Under",
    "Over",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Image",
    "Photo",
    "Video",
    "Updated",
    "Published",
    "Read",
    "More",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Central",
    "Our",
    "Their",
    "His",
    "Her",
    "Its",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Q",
    "Editor",
    "Note",
    "Asked",
    "Speaking",
    "Israeli",
    "Since",
    "Until",
    "During",
    "Throughout",
    "Following",
    "Amid",
    "Last",
    "Next",
    "Earlier",
    "Later",
];

/// Last words of a name that make it a party or an armed group, not a person: "Democratic
/// Unionist Party", "Irish Republican Army".
const STRONG_HEADS: &[&str] = &[
    "Party", "Army", "Front", "Movement", "Brigades", "Militia", "Militias",
];

/// Capitalised words before a title that are part of it: "Assistant Secretary Roberta Jacobson".
const TITLE_MODIFIERS: &[&str] = &[
    "Assistant",
    "Deputy",
    "Acting",
    "Former",
    "Senior",
    "Special",
    "Vice",
    "Under",
    "Interim",
    "Principal",
    "Top",
    "Chief",
];

/// Capitalised words after a title that name no one: "Chief Justice", "Secretary of State".
const NOT_A_SURNAME: &[&str] = &[
    "Justice",
    "Staff",
    "House",
    "Ministry",
    "Department",
    "Palace",
    "Affairs",
    "State",
    "Emeritus",
    "Designate",
    "Elect",
    "General",
    "Minister",
    "Secretary",
    "President",
    "Sheikh",
];

/// Lower-case words that may stand inside a name ("Mohammed bin Salman", "Deir al-Balah").
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "da", "van", "von", "der", "du", "la", "le", "ul",
    "ben",
];

fn skip_ws_back(text: &str, mut pos: usize) -> usize {
    while pos > 0 {
        let Some(c) = text[..pos].chars().next_back() else {
            break;
        };
        if c.is_whitespace() {
            pos -= c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

fn skip_ws(text: &str, mut pos: usize) -> usize {
    while let Some(c) = text[pos..].chars().next() {
        if c.is_whitespace() {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// Whether what stands between a sentence's start and a word is no more than spaces and opening
/// quotation marks: the word opens the sentence.
pub(super) fn opens_sentence(before: &str) -> bool {
    before
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '"' | '‘' | '\''))
        .is_empty()
}

/// The end of a possessive marker right after `end` ("'s", "’s", "’"), if any.
pub fn possessive_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    for marker in ["'s", "’s", "’", "'"] {
        if let Some(after) = rest.strip_prefix(marker) {
            if !after.chars().next().is_some_and(char::is_alphanumeric) {
                return Some(end + marker.len());
            }
        }
    }
    None
}

fn starts_capital(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

struct Hits {
    titles: Vec<Hit>,
    honorifics: Vec<Hit>,
    agent_heads: Vec<Hit>,
    locatives: Vec<Hit>,
    speech: Vec<Hit>,
    descriptions: Vec<(Hit, ActorKind)>,
}

impl Hits {
    /// Whether a title or an honorific covers `start..end`. Both are sorted by start and none is
    /// longer than 60 bytes: only those starting a little before can.
    fn titled(&self, start: usize, end: usize) -> bool {
        let holds = |hits: &[Hit]| {
            let k = hits.partition_point(|x| x.start <= start);
            hits[..k]
                .iter()
                .rev()
                .take_while(|x| x.start + 60 > start)
                .any(|x| end <= x.end)
        };
        holds(&self.titles) || holds(&self.honorifics)
    }
}

struct Builder<'a> {
    text: &'a str,
    lexicon: &'a Lexicon,
    actors: Vec<Actor>,
    by_iri: HashMap<String, usize>,
    mentions: Vec<Mention>,
}

impl Builder<'_> {
    fn actor_for_entry(&mut self, entry: usize) -> usize {
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

    fn new_person(&mut self, name: &str) -> usize {
        self.new_actor(name, ActorKind::Person)
    }

    fn new_actor(&mut self, name: &str, kind: ActorKind) -> usize {
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

    fn mention(
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
            MentionKind::Name | MentionKind::Metonym | MentionKind::Surname | MentionKind::Demonym
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
            kind,
            possessive,
            locative,
        });
    }

    /// A mention of `actor` at every whole occurrence of `form` not yet covered and not in a
    /// credit line.
    fn mention_each(&mut self, form: &str, actor: usize, in_credit: impl Fn(usize) -> bool) {
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

    fn covered(&self, start: usize, end: usize) -> bool {
        self.mentions.iter().any(|m| m.start < end && start < m.end)
    }
}

fn ends_right_before(hits: &[Hit], text: &str, pos: usize) -> Option<Hit> {
    let p = skip_ws_back(text, pos);
    hits.iter().rev().find(|h| h.end == p).copied()
}

fn starts_right_after(hits: &[Hit], text: &str, pos: usize) -> Option<Hit> {
    let p = skip_ws(text, pos);
    hits.iter().find(|h| h.start == p).copied()
}

pub fn find(text: &Text, lexicon: &Lexicon, meta: &Metadata) -> Found {
    let t = text.text;
    let in_credit = |pos: usize| meta.credit_spans.iter().any(|&(s, e)| s <= pos && pos < e);
    let in_dateline = |pos: usize| {
        meta.dateline_spans
            .iter()
            .any(|&(s, e)| s <= pos && pos < e)
    };
    let cues = lexicon.all_cue_hits(t);
    let h = Hits {
        titles: cues.spans(CueClass::Title),
        honorifics: cues.spans(CueClass::Honorific),
        agent_heads: cues.spans(CueClass::AgentHead),
        locatives: cues.spans(CueClass::Locative),
        speech: cues.spans(CueClass::Speech),
        descriptions: lexicon
            .hits_in(&cues, CueClass::Description)
            .into_iter()
            .filter_map(|(h, cues)| match cues.first() {
                Some(Cue::Description(k)) => Some((h, *k)),
                _ => None,
            })
            .collect(),
    };
    let mut b = Builder {
        text: t,
        lexicon,
        actors: Vec::new(),
        by_iri: HashMap::new(),
        mentions: Vec::new(),
    };

    // 1. Gazetteer names.
    let names: Vec<Hit> = lexicon
        .names
        .find(t)
        .into_iter()
        .filter(|h| !in_credit(h.start) && !in_capitals_heading(t, h.start, h.end))
        .collect();
    let titled = |start: usize| {
        ends_right_before(&h.titles, t, start).is_some()
            || ends_right_before(&h.honorifics, t, start).is_some()
            || t[..skip_ws_back(t, start)].ends_with('.')
                && ends_right_before(&h.honorifics, t, skip_ws_back(t, start) - 1).is_some()
    };
    let mut activated: BTreeSet<usize> = BTreeSet::new();
    // People whose surname the text gives to someone else, checked once per person.
    let mut shared_surname: HashMap<usize, bool> = HashMap::new();
    let mut other_bearer_of = |entry: usize, hit: &Hit| {
        *shared_surname
            .entry(entry)
            .or_insert_with(|| other_bearer(t, hit, &lexicon.actors[entry].label, &h))
    };
    for hit in &names {
        for &(entry, kind) in lexicon.names.values(hit) {
            let person = lexicon.actors[entry].kind == ActorKind::Person;
            if person
                && !activated.contains(&entry)
                && (matches!(kind, NameKind::Label | NameKind::AltLabel)
                    || (kind == NameKind::Surname
                        && (titled(hit.start)
                            || long_form_start(
                                t,
                                hit.start,
                                &lexicon.actors[entry].label,
                                titled,
                            )
                            .is_some())
                        && !inside_longer_name(t, hit.start, hit.end)
                        && !before_other_name(t, hit.end, &lexicon.actors[entry].label)
                        && !other_bearer_of(entry, hit)))
            {
                activated.insert(entry);
            }
        }
    }
    // New organisations, named once with their acronym: "the Front for Change and Concord in
    // Chad (FACT)", where the gazetteer knows no such acronym. A name inside is no mention
    // ("Chad").
    let defined: Vec<((usize, usize), (usize, usize))> =
        acronym_definitions(t, &lexicon.organization_heads)
            .into_iter()
            .filter(|(name, acronym)| {
                !in_credit(name.0)
                    && !names
                        .iter()
                        .any(|h| h.start < acronym.1 && acronym.0 < h.end)
            })
            .collect();
    for (n, hit) in names.iter().enumerate() {
        if defined
            .iter()
            .any(|(name, _)| name.0 <= hit.start && hit.end <= name.1)
        {
            continue;
        }
        let values = lexicon.names.values(hit);
        let Some(&(entry, kind)) = values
            .iter()
            .find(|(e, k)| *k != NameKind::Surname || activated.contains(e))
            .or_else(|| values.first())
        else {
            continue;
        };
        // "in Doha", "to the White House": a place. "from" and "of" make a place of a capital
        // ("pulled its team from Doha") but not of a state ("mediators from Qatar").
        let locative = ends_right_before(&h.locatives, t, hit.start).is_some_and(|l| {
            kind == NameKind::Metonym
                || !matches!(
                    t[l.start..l.end].to_lowercase().as_str(),
                    "from" | "of" | "through" | "via"
                )
        });
        let next_name_start = names.get(n + 1).map(|x| x.start);
        match kind {
            NameKind::Surname
                if !activated.contains(&entry)
                    || inside_longer_name(t, hit.start, hit.end)
                    || before_other_name(t, hit.end, &lexicon.actors[entry].label) =>
            {
                continue
            }
            NameKind::Demonym if !agent_follows(t, hit.end, &h, next_name_start, &names) => {
                continue
            }
            // "the National Security Council" is no Security Council: a qualifier of bodies
            // before an organisation's name makes another body of it.
            NameKind::Label | NameKind::AltLabel
                if lexicon.actors[entry].kind == ActorKind::Organization
                    && t[..hit.start]
                        .strip_suffix(' ')
                        .and_then(|b| b.rsplit(' ').next())
                        .is_some_and(|w| BODY_QUALIFIERS.contains(&w)) =>
            {
                continue
            }
            NameKind::Metonym => {
                let after = skip_ws(t, hit.end);
                if after == hit.end + 1
                    && starts_capital(&t[after..])
                    && possessive_end(t, hit.end).is_none()
                {
                    continue;
                }
            }
            _ => {}
        }
        // "Majed bin Mohammed Al-Ansari" for Majed al-Ansari: the whole long form is the name.
        let long_start = (kind == NameKind::Surname)
            .then(|| long_form_start(t, hit.start, &lexicon.actors[entry].label, titled))
            .flatten();
        let kind = if long_start.is_some() {
            NameKind::Label
        } else {
            kind
        };
        let hit_start = long_start.unwrap_or(hit.start);
        let actor = b.actor_for_entry(entry);
        let mk = match kind {
            NameKind::Label | NameKind::AltLabel => MentionKind::Name,
            NameKind::Demonym => MentionKind::Demonym,
            NameKind::Metonym => MentionKind::Metonym,
            NameKind::Surname => MentionKind::Surname,
        };
        // "in Doha" is a place; so is "in Brussels", the seat of an organisation.
        let locative = in_dateline(hit.start)
            || locative
                && (lexicon.actors[entry].kind == ActorKind::State || mk == MentionKind::Metonym)
                && mk != MentionKind::Demonym;
        b.mention(hit_start, hit.end, actor, mk, locative);
    }

    // 1b. The organisations named with their acronym; the acronym then names them wherever it
    // stands alone.
    for (name, acronym) in defined {
        if b.covered(name.0, acronym.1) {
            continue;
        }
        let actor = b.new_actor(&t[name.0..name.1], ActorKind::Organization);
        b.mention(name.0, name.1, actor, MentionKind::Name, false);
        b.mention(acronym.0, acronym.1, actor, MentionKind::Name, false);
        b.mention_each(&t[acronym.0..acronym.1], actor, in_credit);
    }

    // 2. New people from title patterns, and new organisations from their head words.
    let mut titles: Vec<TitleUse> = Vec::new();
    let mut new_organizations: Vec<usize> = Vec::new();
    for s in &text.sentences {
        if in_credit(s.start) {
            continue;
        }
        let heads = &lexicon.organization_heads;
        for (start, end) in capitalised_runs(text, s.tokens.clone(), &h, &names, heads) {
            if b.covered(start, end) {
                continue;
            }
            let name = &t[start..end];
            if meta
                .creators
                .iter()
                .chain(&meta.contributors)
                .any(|c| c == name)
            {
                continue;
            }
            let single = !name.contains(' ');
            // "Democratic Unionist Party": a name that ends in the head word of a party or an
            // armed group names a new organisation, as does a name that someone leads ("Sinn
            // Féin, led by its president"); the initials stand for it too ("the DUP").
            let last_word = name.rsplit([' ', '-']).next().unwrap_or(name);
            let led = [", led ", ", headed ", ", chaired "]
                .iter()
                .any(|p| t[end..s.end].starts_with(p));
            if !single && (STRONG_HEADS.contains(&last_word) || led) {
                let actor = b.new_actor(name, ActorKind::Organization);
                b.mention(start, end, actor, MentionKind::Name, false);
                new_organizations.push(actor);
                continue;
            }
            if heads.contains(last_word) {
                continue;
            }
            // "Sir Jeffrey Donaldson": the honorific stands between the name and a title.
            let opening = ends_right_before(&h.honorifics, t, start).map_or(start, |x| x.start);
            let title_before =
                ends_right_before(&h.titles, t, opening).filter(|th| th.start >= s.start);
            if single {
                // One word only right after a capitalised title; another person's first name
                // ("King Salman" after "King Salman bin Abdulaziz") is that person's.
                // "the Order of King Abdulaziz" names a thing.
                let comma_title = comma_title_before(t, opening, s.start, &h);
                if title_before.is_none_or(|th| t[..th.start].ends_with("of "))
                    && comma_title.is_none()
                {
                    continue;
                }
                let word_of = |s: &str| s.split([' ', '-']).any(|w| w == name);
                let owner = b
                    .mentions
                    .iter()
                    .find(|m| {
                        b.actors[m.actor].kind == ActorKind::Person
                            && (word_of(&t[m.start..m.end]) || word_of(&b.actors[m.actor].label))
                    })
                    .map(|m| m.actor);
                // "President Keïta" where the text names "Ibrahim Boubacar Keïta": the full name.
                let actor = owner.unwrap_or_else(|| match fuller_name(t, name, &h) {
                    Some((fs, fe)) if !b.covered(fs, fe) => {
                        let a = b.new_person(&t[fs..fe]);
                        b.mention(fs, fe, a, MentionKind::Name, false);
                        a
                    }
                    _ => b.new_person(name),
                });
                b.mention(start, end, actor, MentionKind::Name, false);
                continue;
            }
            let apposition = apposition_title(t, end, s.end, &h);
            let title_comma = comma_title_before(t, opening, s.start, &h);
            let speaks = starts_right_after(&h.speech, t, end).is_some();
            let copular = copular_title(t, end, s.end, &h);
            // "led by David Trimble", "Josefina Vidal, who heads ...", "His Irish counterpart,
            // Leo Varadkar": a person without a title.
            // "led since December by Hristijan Mickoski"; "Alexis Tsipras and Zoran Zaev";
            // "Vladimir Kara-Murza, the Kremlin critic".
            let before = t[s.start..opening].trim_end();
            let led_by = before.ends_with(" by")
                && before[floor_boundary(before, before.len().saturating_sub(30))..]
                    .split_whitespace()
                    .any(|w| matches!(w, "led" | "headed" | "chaired"));
            let after_person = before.strip_suffix(" and").is_some_and(|b4| {
                b.mentions.iter().any(|m| {
                    m.end == s.start + b4.len() && b.actors[m.actor].kind == ActorKind::Person
                })
            });
            // "The UPC of Ali Darassa": the person an organisation is of.
            let of_organization = before.strip_suffix(" of").is_some_and(|b4| {
                let acronym = b4.rsplit(' ').next().is_some_and(|w| {
                    (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
                });
                acronym
                    || b.mentions.iter().any(|m| {
                        m.end == s.start + b4.len()
                            && b.actors[m.actor].kind == ActorKind::Organization
                    })
            });
            let person_cue = led_by
                || after_person
                || of_organization
                || t[end..s.end].starts_with(", who ")
                || apposition_person_noun(&t[end..s.end])
                || ["counterpart,", "predecessor,", "successor,"]
                    .iter()
                    .any(|p| before.ends_with(p));
            if title_before.is_none()
                && apposition.is_none()
                && title_comma.is_none()
                && copular.is_none()
                && !speaks
                && !person_cue
            {
                continue;
            }
            // "Hassan Sheikh" after "Hassan Sheikh Mohamud": the person named in full before.
            let prefix = format!("{name} ");
            let owner = b
                .mentions
                .iter()
                .find(|m| {
                    b.actors[m.actor].kind == ActorKind::Person
                        && (t[m.start..m.end].starts_with(&prefix)
                            || b.actors[m.actor].label.starts_with(&prefix))
                })
                .map(|m| m.actor);
            // "Ould Sidati said" where the text names "Sidi Brahim Ould Sidati": the full name.
            let actor = owner.unwrap_or_else(|| match fuller_name(t, name, &h) {
                Some((fs, fe)) if !b.covered(fs, fe) && (fs, fe) != (start, end) => {
                    let a = b.new_person(&t[fs..fe]);
                    b.mention(fs, fe, a, MentionKind::Name, false);
                    a
                }
                _ => b.new_person(name),
            });
            b.mention(start, end, actor, MentionKind::Name, false);
        }
    }

    // 2a. "Tut Gatluak shuttled between ... Gatluak, South Sudan's presidential adviser": a
    // surname with a post in apposition names the person whose full name came before it.
    for s in &text.sentences {
        if in_credit(s.start) {
            continue;
        }
        for i in s.tokens.clone() {
            let tok = text.tokens[i];
            let w = text.token_text(i);
            if !tok.word
                || w.chars().count() < 3
                || !starts_capital(w)
                || !w.chars().skip(1).all(char::is_lowercase)
                || NOT_NAME.contains(&w)
                || !t[tok.end..].starts_with(',')
                || apposition_title(t, tok.end, s.end, &h).is_none()
                || b.covered(tok.start, tok.end)
            {
                continue;
            }
            let full = fuller_name(t, w, &h).filter(|&(fs, fe)| fs < s.start && !b.covered(fs, fe));
            if let Some((fs, fe)) = full {
                let actor = b.new_person(&t[fs..fe]);
                b.mention(fs, fe, actor, MentionKind::Name, false);
            }
        }
    }

    // 2b. The new organisations' names again, and their initials ("IRA" for the Irish
    // Republican Army).
    for actor in new_organizations {
        let name = b.actors[actor].label.clone();
        let initials: String = name
            .split([' ', '-'])
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        for form in [name.as_str(), initials.as_str()] {
            if form.chars().count() >= 2 {
                b.mention_each(form, actor, in_credit);
            }
        }
    }
    b.mentions.sort_by_key(|m| (m.start, m.end));

    // 1c. An acronym the gazetteer does not know, named as "the FPRC" at least once, names an
    // organisation ("leaders of the FPRC, the UPC and the MPC"); the acronym stands for it
    // wherever it stands alone.
    {
        let mut seen: Vec<&str> = Vec::new();
        for tok in &text.tokens {
            let w = &t[tok.start..tok.end];
            if !tok.word
                || !(3..=5).contains(&w.len())
                || !w.chars().all(|c| c.is_ascii_uppercase())
                || NOT_ORGANIZATION_ACRONYMS.contains(&w)
                || seen.contains(&w)
                || !(t[..tok.start].ends_with("the ") || t[..tok.start].ends_with("The "))
                || t[tok.end..].starts_with(['-', '/'])
                || b.covered(tok.start, tok.end)
                || in_credit(tok.start)
                || in_capitals_heading(t, tok.start, tok.end)
            {
                continue;
            }
            seen.push(w);
            // "the United Nations Support Mission in Libya (UNSMIL)": the acronym of a known
            // organisation named right before it in brackets.
            let bracketed = format!("({w})");
            let alias_of = t.match_indices(&bracketed).find_map(|(p, _)| {
                let before = t[..p].trim_end().len();
                b.mentions
                    .iter()
                    .find(|m| m.end == before && b.actors[m.actor].kind == ActorKind::Organization)
                    .map(|m| m.actor)
            });
            let actor = alias_of.unwrap_or_else(|| b.new_actor(w, ActorKind::Organization));
            b.mention_each(w, actor, in_credit);
        }
        b.mentions.sort_by_key(|m| (m.start, m.end));
    }

    // 3. Surnames of the people found, and "Mr./Ms." + surname.
    let people: Vec<(usize, String, String)> = b
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Person && a.entry.is_none())
        .map(|(i, a)| match a.label.rsplit_once(' ') {
            Some((given, surname)) => (i, format!("{given} "), surname.to_string()),
            // "Obama", named after a title only.
            None => (i, String::new(), a.label.clone()),
        })
        .collect();
    for (actor, given, surname) in people {
        let mut from = 0;
        while let Some(p) = t[from..].find(&surname) {
            let start = from + p;
            let end = start + surname.len();
            from = end;
            let bounded = !t[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !t[end..].chars().next().is_some_and(char::is_alphanumeric);
            // The full name again ("... backed Ersin Tatar"): one mention of the name.
            let full = t[..start].ends_with(&given)
                && !t[..start - given.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if full && bounded && !b.covered(start - given.len(), end) && !in_credit(start) {
                b.mention(start - given.len(), end, actor, MentionKind::Name, false);
            } else if bounded
                && !b.covered(start, end)
                && !in_credit(start)
                && !inside_longer_name(t, start, end)
            {
                b.mention(start, end, actor, MentionKind::Surname, false);
            }
        }
    }
    b.mentions.sort_by_key(|m| (m.start, m.end));

    // 4. Titles: attached to a name, or a reference to resolve.
    for (k, th) in h.titles.iter().enumerate() {
        if in_credit(th.start) {
            continue;
        }
        // "Personal Envoy of the Secretary-General", "Adviser to the President": the second
        // title says whose the first one is, and is no post of the person named.
        if k > 0 && title_of_title(t, h.titles[k - 1].end, th.start) {
            continue;
        }
        // A capitalised title inside a name ("Capitol Hill") or a lower-case word that only looks
        // like one is kept only in the shapes below.
        let title = t[th.start..th.end]
            .to_lowercase()
            .trim_end_matches('.')
            .to_string();
        let person_after = {
            let mut p = skip_ws(t, th.end);
            // "Prime Minister Sheikh Mohammed ..."
            if let Some(hon) = h.honorifics.iter().find(|x| x.start == p) {
                p = skip_ws(t, hon.end);
            }
            b.mentions
                .iter()
                .find(|m| m.start == p && b.actors[m.actor].kind == ActorKind::Person)
        };
        let sentence = &text.sentences[text.sentence_of(th.start)];
        if let Some(m) = person_after {
            // "Prime Minister Benjamin Netanyahu": the noun phrase starts at a determiner,
            // possessive or adjective before the title.
            let np_start = np_start_before(t, th.start, sentence.start, &b.mentions);
            titles.push(TitleUse {
                start: th.start,
                end: th.end,
                title: title.clone(),
                person: Some(m.actor),
                organization: None,
                rule: "title-before-name",
            });
            let last = titles.len() - 1;
            titles[last].organization =
                org_in(&b, np_start, (th.start, th.end), th.end, m.start, m.actor);
            // "Prime Ministers Narendra Modi and Shehbaz Sharif": each of the people listed;
            // "Presidents Paul Kagame of Rwanda and Yoweri Museveni of Uganda": each of the
            // state after the name.
            let of_after = |end: usize| {
                let rest = t[end..].strip_prefix(" of ")?;
                let rest = rest.strip_prefix("the ").unwrap_or(rest);
                let at = t.len() - rest.len();
                b.mentions
                    .iter()
                    .find(|x| x.start == at && b.actors[x.actor].kind != ActorKind::Person)
                    .map(|x| (x.actor, x.end))
            };
            if let Some(singular) = title.strip_suffix('s') {
                titles[last].title = singular.to_string();
                let mut prev_end = m.end;
                if let Some((o, e)) = of_after(m.end) {
                    titles[last].organization = Some(o);
                    prev_end = e;
                }
                while let Some(n) = b.mentions.iter().find(|n| {
                    n.start > prev_end
                        && matches!(t[prev_end..n.start].trim(), "and" | "," | ", and")
                        && b.actors[n.actor].kind == ActorKind::Person
                }) {
                    let of = of_after(n.end);
                    titles.push(TitleUse {
                        start: th.start,
                        end: th.end,
                        title: singular.to_string(),
                        person: Some(n.actor),
                        organization: of.map(|(o, _)| o),
                        rule: "title-before-names",
                    });
                    prev_end = of.map_or(n.end, |(_, e)| e);
                }
            }
            continue;
        }
        // "Atong Lual is the deputy spokeswoman of the alliance": the person before the copula.
        let copular_owner = b
            .mentions
            .iter()
            .rev()
            .skip_while(|m| m.end >= th.start)
            .take_while(|m| m.start >= sentence.start)
            .find(|m| {
                b.actors[m.actor].kind == ActorKind::Person
                    && copular_title(t, m.end, sentence.end, &h)
                        .is_some_and(|x| x.start == th.start)
            });
        if let Some(m) = copular_owner {
            let np_end = t[th.end..sentence.end]
                .find([',', '.', ';'])
                .map_or(sentence.end, |p| th.end + p);
            titles.push(TitleUse {
                start: th.start,
                end: th.end,
                title,
                person: Some(m.actor),
                organization: org_in(&b, th.start, (th.start, th.end), np_end, m.start, m.actor),
                rule: "copula",
            });
            continue;
        }
        // "Steve Witkoff, the president's special envoy" / "X, Iran's foreign minister".
        if possessive_end(t, th.end).is_none() {
            // "Israel's finance minister, Bezalel Smotrich" (before the apposition test, which
            // would take "X met Israel's finance minister, Y" for an apposition of X).
            if let Some((m, np_start, np_end)) = comma_owner(t, th.start, th.end, sentence.end, &b)
            {
                titles.push(TitleUse {
                    start: th.start,
                    end: th.end,
                    title,
                    person: Some(m.actor),
                    organization: org_in(
                        &b,
                        np_start,
                        (th.start, th.end),
                        np_end,
                        m.start,
                        m.actor,
                    ),
                    rule: "title-comma-name",
                });
                continue;
            }
            if let Some((m, np_start, np_end)) =
                apposition_owner(t, th.start, th.end, sentence.start, sentence.end, &b)
            {
                titles.push(TitleUse {
                    start: th.start,
                    end: th.end,
                    title,
                    person: Some(m.actor),
                    organization: org_in(
                        &b,
                        np_start,
                        (th.start, th.end),
                        np_end,
                        m.start,
                        m.actor,
                    ),
                    rule: "apposition",
                });
                continue;
            }
        }
        // "the prime minister", "the president's", "Trump's Middle East envoy".
        let before = skip_ws_back(t, th.start);
        // Only the last few bytes: lower-casing the whole prefix made this quadratic.
        let determiner = t[floor_boundary(t, before.saturating_sub(8))..before].to_lowercase();
        let possessor = b.mentions.iter().rev().find(|m| {
            m.possessive && possessive_end(t, m.end).is_some_and(|e| skip_ws(t, e) == th.start)
        });
        // "The representative of Egypt called for ...": an unnamed post of a state or
        // organisation named after it; that actor speaks, not someone else with the title.
        let of_actor = {
            let rest = &t[th.end..];
            let rest = rest
                .strip_prefix(" of the ")
                .or_else(|| rest.strip_prefix(" of "));
            rest.is_some_and(|r| {
                let at = t.len() - r.len();
                b.mentions
                    .iter()
                    .any(|m| m.start == at && b.actors[m.actor].kind != ActorKind::Person)
            })
        };
        if possessor.is_none() && of_actor {
            continue;
        }
        // "the Ethiopian prime minister": a reference to the post of the demonym's state.
        let demonym = names.iter().find(|n| {
            n.end == before
                && (t[..n.start].ends_with("the ") || t[..n.start].ends_with("The "))
                && lexicon.names.values(n).iter().any(|&(e, k)| {
                    k == NameKind::Demonym && lexicon.actors[e].kind == ActorKind::State
                })
        });
        if let (Some(n), None) = (demonym, possessor) {
            let entry = lexicon
                .names
                .values(n)
                .iter()
                .find(|&&(e, k)| {
                    k == NameKind::Demonym && lexicon.actors[e].kind == ActorKind::State
                })
                .map(|&(e, _)| e);
            if let Some(entry) = entry {
                let state = b.actor_for_entry(entry);
                titles.push(TitleUse {
                    start: n.start,
                    end: th.end,
                    title,
                    person: None,
                    organization: Some(state),
                    rule: "title-reference",
                });
                continue;
            }
        }
        if determiner.ends_with("the") && !determiner.ends_with("other") || possessor.is_some() {
            titles.push(TitleUse {
                start: possessor.map_or(before.saturating_sub(3), |m| m.start),
                end: th.end,
                title,
                person: None,
                organization: possessor.map(|m| m.actor),
                rule: "title-reference",
            });
        }
    }
    for tu in &titles {
        if let Some(p) = tu.person {
            if !b.actors[p].titles.contains(&tu.title) {
                b.actors[p].titles.push(tu.title.clone());
            }
        }
    }
    resolve_title_references(&mut b, &mut titles);

    // 5. Descriptions and pronouns.
    for (hit, kind) in &h.descriptions {
        if b.covered(hit.start, hit.end) {
            continue;
        }
        // "Pakistan's foreign ministry said the country ...": an organisation of a state named
        // after the state's last mention stands for it.
        let parent_state = |actor: usize| {
            b.actors[actor]
                .entry
                .and_then(|e| lexicon.actors[e].parent)
                .filter(|&p| lexicon.actors[p].kind == ActorKind::State)
        };
        let pick = |m: &Mention| {
            if b.actors[m.actor].kind == *kind {
                Some(Ok(m.actor))
            } else if *kind == ActorKind::State {
                parent_state(m.actor).map(Err)
            } else {
                None
            }
        };
        // A description opening its sentence is the subject of the one before, as a pronoun
        // is: "Hamas rejected the Security Council resolution ... The group has said" (Hamas,
        // not the council named after it).
        let si = text.sentence_of(hit.start);
        let opens = opens_sentence(&t[text.sentences[si].start..hit.start]);
        let subject = (opens && si > 0)
            .then(|| {
                let s = &text.sentences[si - 1];
                let first = b.mentions.partition_point(|m| m.start < s.start);
                b.mentions[first..]
                    .iter()
                    .take_while(|m| m.start < s.end)
                    .find(|m| !m.locative && !m.possessive)
                    .and_then(pick)
            })
            .flatten();
        let found = subject.or_else(|| {
            b.mentions
                .iter()
                .rev()
                .filter(|m| m.end <= hit.start && !m.locative)
                .find_map(pick)
        });
        let found = match found {
            Some(Ok(actor)) => Some(actor),
            Some(Err(entry)) => Some(b.actor_for_entry(entry)),
            None => None,
        };
        if let Some(actor) = found {
            b.mention(hit.start, hit.end, actor, MentionKind::Description, false);
            b.mentions.sort_by_key(|m| (m.start, m.end));
        }
    }
    head_noun_descriptions(t, lexicon, &mut b);
    for i in 0..text.tokens.len() {
        let w = text.token_text(i);
        if !matches!(
            w,
            "He" | "he" | "She" | "she" | "His" | "his" | "Her" | "her"
        ) {
            continue;
        }
        let tok = text.tokens[i];
        let si = text.sentence_of(tok.start);
        let limit = text.sentences[si.saturating_sub(2)].start;
        let person = |m: &&Mention| b.actors[m.actor].kind == ActorKind::Person;
        // A pronoun opening a sentence is the subject of the last sentence that names a person:
        // its first person, a possessor only when no one else is named there.
        let opens = opens_sentence(&t[text.sentences[si].start..tok.start]);
        let subject = opens
            .then(|| {
                (si.saturating_sub(2)..si).rev().find_map(|p| {
                    let s = &text.sentences[p];
                    // Mentions are sorted by start: only this sentence's.
                    let first = b.mentions.partition_point(|m| m.start < s.start);
                    let in_s = || {
                        b.mentions[first..]
                            .iter()
                            .take_while(move |m| m.start < s.end)
                            .filter(move |m| m.end <= s.end)
                            .filter(person)
                    };
                    in_s()
                        .find(|m| !m.possessive)
                        .or_else(|| in_s().next())
                        .map(|m| m.actor)
                })
            })
            .flatten();
        let found = subject.or_else(|| {
            b.mentions
                .iter()
                .rev()
                .filter(|m| m.end <= tok.start && m.start >= limit)
                .find(|m| person(m) && m.kind != MentionKind::Pronoun)
                .map(|m| m.actor)
        });
        if let Some(actor) = found {
            b.mentions.push(Mention {
                start: tok.start,
                end: tok.end,
                actor,
                kind: MentionKind::Pronoun,
                possessive: matches!(w, "His" | "his" | "Her" | "her"),
                locative: false,
            });
            b.mentions.sort_by_key(|m| (m.start, m.end));
        }
    }
    Found {
        actors: b.actors,
        mentions: b.mentions,
        titles,
        cues,
    }
}

/// "The army" after "the Sudanese army", "the council" after "the Sovereignty Council": a
/// definite description whose noun is the last word of a name of an organisation named before
/// it is that organisation (the latest one named, when several share the noun).
fn head_noun_descriptions(t: &str, lexicon: &Lexicon, b: &mut Builder) {
    let mut heads: Vec<(String, usize)> = Vec::new();
    for (i, a) in b.actors.iter().enumerate() {
        if a.kind != ActorKind::Organization {
            continue;
        }
        let names: Vec<&str> = match a.entry {
            Some(e) => std::iter::once(lexicon.actors[e].label.as_str())
                .chain(lexicon.actors[e].alt_labels.iter().map(String::as_str))
                .collect(),
            None => vec![a.label.as_str()],
        };
        for n in names {
            let words: Vec<&str> = n.split_whitespace().collect();
            let Some(last) = words.last().filter(|_| words.len() >= 2) else {
                continue;
            };
            let last = last.to_lowercase();
            if last.len() >= 4
                && last.chars().all(char::is_alphabetic)
                && !matches!(
                    last.as_str(),
                    "state" | "states" | "nations" | "people" | "group"
                )
                && !heads.contains(&(last.clone(), i))
            {
                heads.push((last, i));
            }
        }
    }
    if heads.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for article in ["the ", "The "] {
        let mut from = 0;
        while let Some(p) = t[from..].find(article) {
            let start = from + p;
            from = start + article.len();
            if t[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let word_end = t[from..]
                .find(|c: char| !c.is_alphabetic())
                .map_or(t.len(), |e| from + e);
            let word = &t[from..word_end];
            // Most "the"s are followed by no organisation's noun: look no further for them.
            if word.is_empty()
                || !word.starts_with(char::is_lowercase)
                || !heads.iter().any(|(h, _)| h == word)
            {
                continue;
            }
            if b.covered(start, word_end) {
                continue;
            }
            let actor = b
                .mentions
                .iter()
                .rev()
                .filter(|m| m.end <= start && !m.locative)
                .find(|m| heads.iter().any(|(h, a)| *a == m.actor && h == word))
                .map(|m| m.actor);
            if let Some(actor) = actor {
                found.push((start, word_end, actor));
            }
        }
    }
    for (start, end, actor) in found {
        b.mention(start, end, actor, MentionKind::Description, false);
    }
    b.mentions.sort_by_key(|m| (m.start, m.end));
}

/// Whether an agent noun follows a state adjective at `end`: "Qatari officials", "Israeli and
/// Hamas officials", "Egyptian-brokered", "Qatari Prime Minister".
fn agent_follows(t: &str, end: usize, h: &Hits, _next: Option<usize>, names: &[Hit]) -> bool {
    let mut p = end;
    for _ in 0..3 {
        if t[p..].starts_with('-') {
            p += 1;
            return h
                .agent_heads
                .iter()
                .any(|a| a.start == p || a.start + 1 == p);
        }
        p = skip_ws(t, p);
        if h.agent_heads.iter().chain(&h.titles).any(|a| a.start == p) {
            return true;
        }
        // Coordination: "Israeli and American officials", "Israeli, Egyptian and Qatari mediators".
        let rest = &t[p..];
        let skip = if rest.starts_with("and ") {
            4
        } else if rest.starts_with(", ") {
            2
        } else if rest.starts_with(',') {
            1
        } else {
            0
        };
        if skip > 0 {
            let q = skip_ws(t, p + skip);
            if let Some(n) = names.iter().find(|n| n.start == q) {
                p = n.end;
                continue;
            }
            return false;
        }
        // One modifier between: "Israeli security officials".
        let word_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if word_end == 0
            || rest[..word_end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            return false;
        }
        p += word_end;
    }
    false
}

/// Capitalised runs of two or more words in a sentence: candidate names.
/// Where a long form of a person's name starts that ends with the surname at `start`: the
/// person's first name followed by middle names and particles ("Majed bin Mohammed Al-Ansari"
/// for Majed al-Ansari, "Mohammed bin Abdulaziz bin Saleh Al-Khulaifi" for Mohammed
/// Al-Khulaifi). The first name must open the run of capitalised words and particles.
fn long_form_start(
    t: &str,
    start: usize,
    label: &str,
    titled: impl Fn(usize) -> bool,
) -> Option<usize> {
    let first = label.split_whitespace().next()?;
    let mut pos = start;
    for _ in 0..5 {
        let before = t[..pos].strip_suffix(' ')?;
        let word_start = before
            .rfind(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
            .map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[word_start..];
        let name_word = word.starts_with(char::is_uppercase)
            || PARTICLES.contains(&word.to_lowercase().as_str());
        if word.is_empty() || !name_word {
            return None;
        }
        if word == first && pos != start {
            // The run must not go on before the first name ("Amina Mohammed" is not "Mohammed").
            let prev = t[..word_start].strip_suffix(' ');
            let more = !titled(word_start)
                && prev.and_then(|p| p.rsplit(' ').next()).is_some_and(|w| {
                    w.starts_with(char::is_uppercase) && !w.ends_with('.')
                        || PARTICLES.contains(&w.to_lowercase().as_str())
                });
            return (!more).then_some(word_start);
        }
        pos = word_start;
    }
    None
}

/// A surname that is one word of a longer name is no reference to the person it belongs to:
/// "Sheikh Mohammed bin Abdulrahman" and "Majed bin Mohammed Al-Ansari" name someone else than
/// Amina Mohammed. The word is inside a longer name when a name particle stands right before or
/// after it.
/// Whether a surname is the first word of another person's name: "Mahamat Mahdi Ali" is not
/// Moussa Faki Mahamat, "Kim Hyok Chol" not Kim Jong Un. The next word is capitalised and no
/// word of the known person's name nor one that is no name (a day, a month: "Witkoff Monday").
fn before_other_name(t: &str, end: usize, label: &str) -> bool {
    let Some(next) = t[end..]
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next())
    else {
        return false;
    };
    next.len() >= 2
        && next.starts_with(char::is_uppercase)
        && next.chars().skip(1).all(char::is_lowercase)
        && !NOT_NAME.contains(&next)
        && !label.split([' ', '-']).any(|w| w == next)
}

fn inside_longer_name(t: &str, start: usize, end: usize) -> bool {
    let particle = |w: &str| PARTICLES.contains(&w.to_lowercase().as_str());
    let before = &t[..start];
    let prev = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic()).next());
    let after = &t[end..];
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next());
    prev.is_some_and(particle)
        || next.is_some_and(|n| particle(n) && after[1 + n.len()..].starts_with([' ', '-']))
}

fn capitalised_runs(
    text: &Text,
    tokens: std::ops::Range<usize>,
    h: &Hits,
    names: &[Hit],
    heads: &HashSet<String>,
) -> Vec<(usize, usize)> {
    let t = text.text;
    let mut runs = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let in_title = |i: usize| h.titled(text.tokens[i].start, text.tokens[i].end);
    let flush = |current: &mut Vec<usize>, runs: &mut Vec<(usize, usize)>| {
        // Drop leading words that are no name, honorifics and titles ("Assistant Secretary"
        // too), and trailing particles.
        let mut words: Vec<usize> = std::mem::take(current);
        let mut after_title = false;
        while let Some(&first) = words.first() {
            let w = text.token_text(first);
            let tok = text.tokens[first];
            let titled = in_title(first)
                || TITLE_MODIFIERS.contains(&w) && words.get(1).is_some_and(|&n| in_title(n));
            // "Cuban President Miguel Díaz-Canel": a known name before the title is no part of it.
            let known = words.len() > 2
                && names
                    .iter()
                    .any(|x| x.start <= tok.start && tok.end <= x.end)
                && h.titles.iter().any(|x| {
                    x.start >= tok.end && x.start <= skip_ws(t, tok.end) && x.start > tok.start
                });
            if NOT_NAME.contains(&w) || titled || known || PARTICLES.contains(&w) || w.len() == 1 {
                after_title = titled && starts_capital(w);
                words.remove(0);
            } else {
                break;
            }
        }
        // "Home Minister Krishna Prasad Sitaula": a portfolio of one or two words before the
        // title is no part of the name after it.
        if let Some(k) = (1..words.len().min(3))
            .find(|&k| in_title(words[k]) && words.len() - k > 2 && !in_title(words[k + 1]))
        {
            words.drain(..=k);
        }
        // "President Obama", "Senator Menendez": one word after a capitalised title is a name
        // when the run ends with it.
        if let [only] = words[..] {
            let w = text.token_text(only);
            // "the Maoist chairman, Prachanda,": a title, a comma, the name, a comma.
            let tok = text.tokens[only];
            let comma_title = t[..tok.start].ends_with(", ")
                && t[tok.end..].starts_with(',')
                && h.titles.iter().any(|x| x.end + 2 == tok.start);
            if (after_title || comma_title)
                && w.chars().count() >= 3
                && w.chars().skip(1).any(char::is_lowercase)
                && !NOT_NAME.contains(&w)
                && !heads.contains(w)
                && !NOT_A_SURNAME.contains(&w)
            {
                let tok = text.tokens[only];
                runs.push((tok.start, tok.end));
                return;
            }
        }
        while let Some(&last) = words.last() {
            let w = text.token_text(last);
            let tail = words.len() > 2 && name_tail(t, text.tokens[last]);
            if PARTICLES.contains(&w) || w.len() == 1 || !(starts_capital(w) || tail) {
                words.pop();
            } else {
                break;
            }
        }
        if words.len() >= 2 {
            let start = text.tokens[words[0]].start;
            let end = text.tokens[*words.last().unwrap_or(&words[0])].end;
            runs.push((start, end));
        }
    };
    let mut prev_end: Option<usize> = None;
    let mut i = tokens.start;
    while i < tokens.end {
        let tok = text.tokens[i];
        let w = &t[tok.start..tok.end];
        let is_name_word = tok.word
            && (starts_capital(w) || PARTICLES.contains(&w))
            && !w.chars().all(|c| c.is_numeric());
        let joined = prev_end.is_some_and(|pe| {
            let gap = &t[pe..tok.start];
            gap == " "
                || gap == "-"
                // "O'Neill", "D’Alema"
                || matches!(gap, "'" | "’")
                    && current
                        .last()
                        .is_some_and(|&l| text.token_text(l).len() == 1)
                || gap == ". "
                    && current
                        .last()
                        .is_some_and(|&l| text.token_text(l).len() == 1)
        });
        if is_name_word && (current.is_empty() || joined) {
            current.push(i);
            prev_end = Some(tok.end);
        } else if is_name_word {
            flush(&mut current, &mut runs);
            current.push(i);
            prev_end = Some(tok.end);
        } else if !tok.word
            && w == "-"
            && !current.is_empty()
            && prev_end == Some(tok.start)
            && text
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.start == tok.end && n.word)
        {
            // "al-Rawahi": the hyphen joins the words; `prev_end` stays before it.
        } else if !tok.word
            && matches!(w, "'" | "’")
            && current
                .last()
                .is_some_and(|&l| text.token_text(l).len() == 1 && text.tokens[l].end == tok.start)
            && text.tokens.get(i + 1).is_some_and(|n| {
                n.start == tok.end && n.word && starts_capital(text.token_text(i + 1))
            })
        {
            // The apostrophe of "O'Neill" joins the letter and the name.
        } else if !tok.word
            && w == "."
            && current
                .last()
                .is_some_and(|&l| text.token_text(l).len() == 1)
        {
            prev_end = Some(tok.end);
        } else if current.len() >= 2 && prev_end == Some(tok.start - 1) && name_tail(t, tok) {
            // "Moon Jae-in", "Ban Ki-moon": the lower-case part of a hyphenated given name.
            current.push(i);
            prev_end = Some(tok.end);
        } else {
            flush(&mut current, &mut runs);
            prev_end = None;
        }
        i += 1;
    }
    flush(&mut current, &mut runs);
    runs
}

/// Whether a word is the lower-case part of a hyphenated given name ("Jae-in", "Jong-un",
/// "Ki-moon"): short, right after a hyphen that follows a capitalised word, and not one of the
/// compounds of English ("Hamas-run", "Qatar-brokered", "Kremlin-backed").
fn name_tail(t: &str, tok: crate::text::Token) -> bool {
    const COMPOUND: &[&str] = &[
        "run", "led", "era", "born", "made", "held", "wide", "like", "free", "only", "style",
        "type", "war", "time", "day", "year", "level", "based", "area", "zone", "side", "bound",
        "owned", "aided", "ally", "allied", "linked", "bloc", "camp", "party", "wing", "ties",
    ];
    let w = &t[tok.start..tok.end];
    let before = &t[..tok.start];
    tok.word
        && w.len() <= 5
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !w.ends_with("ed")
        && !COMPOUND.contains(&w)
        && before.ends_with('-')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        && before[..before.len() - 1]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(starts_capital)
}

/// Words that make a title the predicate of the name before them: "X is the deputy spokeswoman
/// of ...", "X serves as chief negotiator".
const COPULAS: &[&str] = &[
    " is the ",
    " is a ",
    " is an ",
    " is also the ",
    " was the ",
    " was a ",
    " serves as ",
    " served as ",
    " is now the ",
];

/// The title that is the predicate of a name ending at `end`: a copula, then perhaps a few
/// lower-case words ("senior", "deputy"), then the title.
fn copular_title(t: &str, end: usize, limit: usize, h: &Hits) -> Option<Hit> {
    let rest = &t[end..limit];
    let copula = COPULAS.iter().find(|c| rest.starts_with(**c))?;
    let from = end + copula.len();
    h.titles
        .iter()
        .filter(|x| x.start >= from && x.start <= from + 25 && x.end <= limit)
        .find(|x| {
            t[from..x.start]
                .split_whitespace()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        })
        .copied()
}

/// ", the president's special envoy" after a name: the title that ends the apposition.
fn apposition_title(t: &str, end: usize, limit: usize, h: &Hits) -> Option<Hit> {
    let rest = &t[end..limit];
    if !rest.starts_with(',') {
        return None;
    }
    h.titles
        .iter()
        .filter(|x| x.start > end && x.start < end + 60 && x.end <= limit)
        .filter(|x| !t[end + 1..x.start].contains([',', '.', ';', '“', '"', '(']))
        // "the shore of Lake Prespa, the foreign ministers of ...": many people's title.
        .filter(|x| {
            !t[x.start..x.end]
                .rsplit(' ')
                .next()
                .is_some_and(|w| PLURAL_TITLE_WORDS.contains(&w.to_lowercase().as_str()))
        })
        // "Sinn Féin, led by its president": the title is someone else's.
        .filter(|x| {
            !t[end + 1..x.start]
                .split_whitespace()
                .any(|w| matches!(w, "by" | "with" | "whose" | "under" | "against"))
        })
        .find(|x| possessive_end(t, x.end).is_none() && !modifies_noun(t, x.end))
        .copied()
}

/// The longest name in the text that ends with `name` and has more words before it: "Ibrahim
/// Boubacar Keïta" for "Keïta", "Sidi Brahim Ould Sidati" for "Ould Sidati". The words before are
/// capitalised (or particles of names), no title or honorific, at most four.
fn fuller_name(t: &str, name: &str, h: &Hits) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (p, _) in t.match_indices(name) {
        let end = p + name.len();
        if !whole_word(t, p, end) {
            continue;
        }
        let mut start = p;
        for _ in 0..4 {
            let Some(before) = t[..start].strip_suffix(' ') else {
                break;
            };
            let ws = run_start(before, |c| {
                c.is_alphabetic() || matches!(c, '-' | '\'' | '’')
            });
            let w = &before[ws..];
            if w.chars().count() < 2
                || !(starts_capital(w) || PARTICLES.contains(&w))
                || NOT_NAME.contains(&w)
                || h.titled(ws, ws + 1)
            {
                break;
            }
            start = ws;
        }
        // A name does not start with a particle.
        while let Some((first, _)) = t[start..p].split_once(' ') {
            if !PARTICLES.contains(&first) {
                break;
            }
            start += first.len() + 1;
        }
        if start < p && best.is_none_or(|(bs, be)| p - start > (be - name.len()) - bs) {
            best = Some((start, end));
        }
    }
    best
}

/// Whether an acronym stands in a line written all in capitals, a heading ("WHO CAME HOME"),
/// where it may be a plain word.
fn in_capitals_heading(t: &str, start: usize, end: usize) -> bool {
    if t[start..end].chars().any(char::is_lowercase) {
        return false;
    }
    let line_start = t[..start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = t[end..].find('\n').map_or(t.len(), |p| end + p);
    let line = &t[line_start..line_end];
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= 2
        && !line.chars().any(char::is_lowercase)
}

/// Whether the text gives the surname of a known person to someone else: "President Raúl
/// Castro" makes "President Castro" no mention of Xiomara Castro. Another capitalised given name
/// right before the surname, which is no title or honorific, names the other bearer.
fn other_bearer(t: &str, hit: &Hit, label: &str, h: &Hits) -> bool {
    let surname = &t[hit.start..hit.end];
    let own: Vec<&str> = label.split([' ', '-']).collect();
    t.match_indices(surname).any(|(p, _)| {
        let end = p + surname.len();
        if t[end..].starts_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        let Some(before) = t[..p].strip_suffix(' ') else {
            return false;
        };
        let word_start = run_start(before, char::is_alphabetic);
        let word = &before[word_start..];
        // "Mohammed bin Abdulaziz bin Saleh Al-Khulaifi": a long form of the label's own name.
        let run = &t[floor_boundary(t, p.saturating_sub(60))..p];
        let run = run
            .rsplit([',', '.', ';', ':', '(', '"', '“'])
            .next()
            .unwrap_or(run);
        let long_form = own.first().is_some_and(|g| run.split(' ').any(|w| w == *g));
        !long_form
            && word.chars().count() >= 2
            && starts_capital(word)
            && !own.contains(&word)
            && !NOT_NAME.contains(&word)
            && !h.titled(word_start, word_start + 1)
    })
}

/// Capitals that stand for no organisation after "the": units, times, currencies, diseases.
const NOT_ORGANIZATION_ACRONYMS: &[&str] = &[
    "CEO", "GDP", "GMT", "UTC", "EDT", "EST", "BST", "CET", "CEST", "PDT", "USD", "EUR", "GBP",
    "COVID", "AIDS", "HIV", "SUV", "URL", "FAQ", "LIVE", "NEWS", "VIP", "DNA", "ICBM", "ICBMS",
    "RPG", "IED", "IEDS", "MOU", "PLUS", "ONLY", "ALL", "NOT", "AND", "THE", "FOR", "NEW", "DDR",
    "SSR", "DDRR", "POW", "POWS", "IDP", "IDPS",
];

/// The last words of titles that several people hold together.
const PLURAL_TITLE_WORDS: &[&str] = &[
    "ministers",
    "presidents",
    "envoys",
    "leaders",
    "negotiators",
    "secretaries",
    "representatives",
    "mediators",
    "chiefs",
    "officials",
];

/// Whether the words after a name are an apposition that makes a person of it without a post:
/// ", the Wall Street Journal reporter", ", a former US Marine held since 2018".
fn apposition_person_noun(rest: &str) -> bool {
    const NOUNS: &[&str] = &[
        "reporter",
        "journalist",
        "correspondent",
        "editor",
        "critic",
        "dissident",
        "activist",
        "prisoner",
        "detainee",
        "hostage",
        "captive",
        "marine",
        "soldier",
        "businessman",
        "businesswoman",
        "lawyer",
        "spy",
        "exile",
        "veteran",
        "politician",
        "lawmaker",
        "diplomat",
        "cleric",
        "opposition figure",
        "campaigner",
        "wife",
        "widow",
        "husband",
    ];
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    let Some(first) = rest.split(' ').next() else {
        return false;
    };
    if !matches!(first, "a" | "an" | "the") && !first.ends_with("'s") && !first.ends_with("’s") {
        return false;
    }
    let clause = rest
        .split([',', ';', '.', '(', '"', '“'])
        .next()
        .unwrap_or("");
    clause
        .split_whitespace()
        .take(7)
        .any(|w| NOUNS.contains(&w.to_lowercase().as_str()))
}

/// Whether the title ending at `end` is an adjective before a noun ("Anwar's official
/// residence", "the president's office"): a lower-case word follows that no post is followed by.
fn modifies_noun(t: &str, end: usize) -> bool {
    let Some(rest) = t[end..].strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.starts_with(char::is_lowercase)
        && !matches!(
            word,
            "of" | "for"
                | "the"
                | "a"
                | "an"
                | "last"
                | "earlier"
                | "before"
                | "after"
                | "to"
                | "at"
                | "in"
                | "on"
                | "and"
                | "or"
                | "who"
                | "which"
                | "said"
                | "says"
                | "told"
                | "has"
                | "had"
                | "have"
                | "is"
                | "was"
                | "will"
                | "would"
                | "from"
                | "with"
                | "since"
                | "until"
                | "under"
                | "between"
                | "general"
        )
}

/// "Jordan's foreign minister, " before a name.
fn comma_title_before(t: &str, start: usize, limit: usize, h: &Hits) -> Option<Hit> {
    let p = skip_ws_back(t, start);
    if p == 0 || !t[..p].ends_with(',') {
        return None;
    }
    let comma = p - 1;
    h.titles
        .iter()
        .rev()
        .filter(|x| x.end <= comma && x.start >= limit && x.start + 90 >= comma)
        .find(|x| {
            let between = t[x.end..comma].trim();
            between.is_empty()
                || (between.starts_with("for ")
                    || between.starts_with("of ")
                    || between.starts_with("at "))
                    && !between.contains([',', '.', ';'])
        })
        .copied()
}

/// The person named just before an apposition that holds this title, and the apposition's span.
fn apposition_owner<'b>(
    t: &str,
    ts: usize,
    te: usize,
    sent_start: usize,
    sent_end: usize,
    b: &'b Builder,
) -> Option<(&'b Mention, usize, usize)> {
    let comma = t[sent_start..ts].rfind(',')? + sent_start;
    if ts - comma > 60 || t[comma + 1..ts].contains(['.', ';', '“', '"', '(']) {
        return None;
    }
    // "X, an adviser to Oman's foreign minister", "X, Aide to the President of ...": the title
    // after "to" is the principal's, not X's.
    if format!(" {} ", &t[comma + 1..ts]).contains(" to ") {
        return None;
    }
    let before = skip_ws_back(t, comma);
    let m = b
        .mentions
        .iter()
        .find(|m| m.end == before && b.actors[m.actor].kind == ActorKind::Person)?;
    let np_end = t[te..sent_end]
        .find([',', '.', ';'])
        .map_or(sent_end, |p| te + p);
    Some((m, comma + 1, np_end))
}

/// The person named just after "title, ": "Israel's finance minister, Bezalel Smotrich".
fn comma_owner<'b>(
    t: &str,
    ts: usize,
    te: usize,
    sent_end: usize,
    b: &'b Builder,
) -> Option<(&'b Mention, usize, usize)> {
    let comma = t[te..sent_end].find(',')? + te;
    let between = t[te..comma].trim();
    if !(between.is_empty()
        || (between.starts_with("for ") || between.starts_with("of ")) && between.len() < 60)
    {
        return None;
    }
    let after = skip_ws(t, comma + 1);
    let m = b.mentions.iter().find(|m| {
        m.start == after
            && b.actors[m.actor].kind == ActorKind::Person
            && m.kind == MentionKind::Name
    })?;
    let np_start = t[..ts]
        .rfind([',', '.', ';', '“', '"'])
        .map_or(0, |p| after_char(t, p))
        .max(floor_boundary(t, ts.saturating_sub(60)));
    Some((m, np_start, comma))
}

/// Where the noun phrase ending in a title starts: back over a possessive or adjective mention.
fn np_start_before(t: &str, ts: usize, sent_start: usize, mentions: &[Mention]) -> usize {
    let mut before = skip_ws_back(t, ts);
    // "Kenya's former president", "Israel's then-defense minister".
    for adjective in [
        "former", "then-", "then", "outgoing", "incoming", "acting", "interim", "new",
    ] {
        let tail = &t[floor_boundary(t, before.saturating_sub(12))..before];
        if tail.len() >= adjective.len()
            && tail.is_char_boundary(tail.len() - adjective.len())
            && tail[tail.len() - adjective.len()..].eq_ignore_ascii_case(adjective)
        {
            let p = before - adjective.len();
            if t[..p].ends_with(char::is_whitespace) || adjective.ends_with('-') {
                before = skip_ws_back(t, p);
                break;
            }
        }
    }
    mentions
        .iter()
        .rev()
        .find(|m| {
            m.start >= sent_start && (possessive_end(t, m.end) == Some(before) || m.end == before)
        })
        .map_or(ts, |m| m.start)
}

/// Whether the words between two titles join the second to the first as its owner ("Envoy of
/// the Secretary-General", "Adviser to the Prime Minister"; not "adviser to President Trump",
/// where the second title is Trump's).
fn title_of_title(t: &str, first_end: usize, second_start: usize) -> bool {
    first_end <= second_start
        && matches!(
            t[first_end..second_start].trim().to_lowercase().as_str(),
            "of the" | "to the"
        )
}

/// The state or organisation a title belongs to, from the noun phrase around it: an adjective or
/// possessive before the title ("Israel's", "Qatari"), "of X" or "for the X ministry" after it.
/// A person possessor ("the president's envoy") is returned as is, for the caller to map.
fn org_in(
    b: &Builder,
    np_start: usize,
    (ts, te): (usize, usize),
    np_end: usize,
    person_start: usize,
    person: usize,
) -> Option<usize> {
    // Titles of posts sent to a place or body: an actor after "for" or "to" is where they are
    // sent ("Special Envoy for Libya", "ambassador to the UN"), not whom they serve.
    let t = b.text;
    let title = t[ts..te].to_lowercase();
    let posted = [
        "envoy",
        "ambassador",
        "representative",
        "coordinator",
        "commissioner",
    ]
    .iter()
    .any(|h| title.contains(h));
    let sent = |m: &Mention| {
        if !posted {
            return false;
        }
        let before = t[floor_boundary(t, m.start.saturating_sub(8))..m.start].to_lowercase();
        let before = before.trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        before.ends_with(" for") || before.ends_with(" to")
    };
    let in_span = |m: &&Mention| m.actor != person && m.start != person_start && !sent(m);
    let before = b
        .mentions
        .iter()
        .filter(|m| m.start >= np_start && m.end <= ts)
        .rfind(in_span);
    let after = b
        .mentions
        .iter()
        .filter(|m| m.start >= ts && m.end <= np_end)
        .find(in_span);
    before.or(after).map(|m| m.actor)
}

/// Gives each title reference ("the prime minister") the person it means: the nearest person
/// before it (else after it) who holds a title with the same head word, other than its possessor.
fn resolve_title_references(b: &mut Builder, titles: &mut [TitleUse]) {
    let known: Vec<(usize, Vec<String>)> = b
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Person)
        .map(|(i, a)| {
            let mut all = a.titles.clone();
            if let Some(e) = a.entry {
                all.extend(b.lexicon.actors[e].posts.iter().map(|p| p.title.clone()));
            }
            (i, all)
        })
        .collect();
    let mut added = Vec::new();
    for tu in titles.iter_mut().filter(|t| t.person.is_none()) {
        // The same title, else a longer one ending in it ("the envoy" -> "special envoy");
        // "the prime minister" never means a foreign minister.
        let suffix = format!(" {}", tu.title);
        let pick = |fits: &dyn Fn(&str) -> bool| -> Vec<usize> {
            known
                .iter()
                .filter(|(i, ts)| Some(*i) != tu.organization && ts.iter().any(|x| fits(x)))
                .map(|(i, _)| *i)
                .collect()
        };
        let mut holders = pick(&|x: &str| x == tu.title);
        if holders.is_empty() {
            holders = pick(&|x: &str| x.ends_with(&suffix));
        }
        // "Greece's foreign minister" is not a foreign minister the gazetteer knows of another
        // state.
        if let Some(o) = tu
            .organization
            .filter(|&o| b.actors[o].kind != ActorKind::Person)
        {
            let iri = &b.actors[o].iri;
            let lexicon = b.lexicon;
            holders.retain(|&h| {
                b.actors[h].entry.is_none_or(|e| {
                    let posts = &lexicon.actors[e].posts;
                    posts.iter().all(|p| p.organization.is_none())
                        || posts
                            .iter()
                            .filter_map(|p| p.organization)
                            .any(|x| &lexicon.actors[x].iri == iri)
                })
            });
        }
        if holders.is_empty() {
            continue;
        }
        let before = b
            .mentions
            .iter()
            .rev()
            .find(|m| m.end <= tu.start && holders.contains(&m.actor));
        let after = b
            .mentions
            .iter()
            .find(|m| m.start >= tu.end && holders.contains(&m.actor));
        if let Some(m) = before.or(after) {
            let actor = m.actor;
            // A possessor that is a person gives no organisation by itself.
            if tu
                .organization
                .is_some_and(|o| b.actors[o].kind == ActorKind::Person)
            {
                tu.organization = None;
            }
            tu.person = Some(actor);
            added.push((tu.start, tu.end, actor));
        }
    }
    for (start, end, actor) in added {
        if !b.covered(start, end)
            || b.mentions
                .iter()
                .any(|m| m.start >= start && m.end <= end && m.possessive)
        {
            let start = b
                .mentions
                .iter()
                .find(|m| m.start >= start && m.end <= end && m.possessive)
                .and_then(|m| possessive_end(b.text, m.end))
                .map_or(start, |e| skip_ws(b.text, e));
            b.mention(start, end, actor, MentionKind::Title, false);
        }
    }
    b.mentions.sort_by_key(|m| (m.start, m.end));
}
