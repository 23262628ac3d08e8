//! A deterministic corpus of news-like negotiation articles, for benchmarks and scale tests.
//!
//! Every word that matters comes from the project's own data: actors from the gazetteer (states
//! with their demonyms and capitals, organisations, people with their posts), issues from the
//! issue scheme's cue phrases, and stance, speech and role cues from `ontology/cues.ttl`. They
//! are put into sentence templates and laid out in five styles: a wire story with a dateline, an
//! analysis, a live blog with timestamps, a press release, and an interview of quotes closed by
//! ", he said". Articles have 5 to 60 sentences of body.
//!
//! Article `i` of seed `s` depends on `(s, i)` only, through a small xorshift generator: the same
//! seed gives the same bytes, and a corpus of 1,000 articles is the first 1,000 of one of 10,000.
//!
//! A module of the benchmark binary, not of the library; the tests that need generated corpora
//! include it too (`tests/common.rs`). Its own tests are in `corpus_tests.rs`.

use std::io::{self, Write};
use std::path::Path;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use negograph::lexicon::{
    ActorKind, Cue, CueClass, Hit, Lexicon, PhraseSet, Polarity, Role, Slot, TargetSide,
};

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 0x6e65_676f_6772_6170;

/// Fewest and most sentences of an article's body.
pub const MIN_SENTENCES: usize = 5;
pub const MAX_SENTENCES: usize = 60;

/// xorshift64* seeded through splitmix64: small, fast and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_f491_4f6c_dd1d } else { z })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` in 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GeneratedArticle {
    pub text: String,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

impl GeneratedArticle {
    /// The article as a plain-text file: the title, a blank line, the body.
    pub fn to_txt(&self) -> String {
        format!("{}\n\n{}", self.title, self.text)
    }

    /// The article as one line of JSON Lines (without the newline).
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The five layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Wire,
    Analysis,
    LiveBlog,
    PressRelease,
    Interview,
}

const STYLES: [Style; 5] = [
    Style::Wire,
    Style::Analysis,
    Style::LiveBlog,
    Style::PressRelease,
    Style::Interview,
];

#[derive(Debug, Clone)]
struct StateName {
    label: String,
    demonym: Option<String>,
    capital: Option<String>,
}

#[derive(Debug, Clone)]
struct OrgName {
    label: String,
    alt: Vec<String>,
}

#[derive(Debug, Clone)]
struct PersonName {
    label: String,
    surname: String,
    title: String,
    /// How the text names the post's state or organisation: "Qatar" or "the United Nations".
    of: String,
}

/// Stance cue forms by polarity and where the target stands.
#[derive(Debug, Clone, Default)]
struct StanceForms {
    after_support: Vec<String>,
    after_oppose: Vec<String>,
    actor_support: Vec<String>,
    actor_oppose: Vec<String>,
    actor_before_support: Vec<String>,
    actor_before_oppose: Vec<String>,
    issue_before_support: Vec<String>,
    issue_before_oppose: Vec<String>,
    // Derived: verb forms that fit a template ("rejected" after a subject, "reject" after "did not").
    after_support_past: Vec<String>,
    after_support_base: Vec<String>,
    after_oppose_past: Vec<String>,
    after_oppose_base: Vec<String>,
    actor_support_past: Vec<String>,
    actor_oppose_past: Vec<String>,
}

/// Forms whose first word is a past tense: "rejected", "called for".
fn past_forms(forms: &[String]) -> Vec<String> {
    forms
        .iter()
        .filter(|f| {
            f.split(' ')
                .next()
                .is_some_and(|w| w.ends_with("ed") || w == "sought")
        })
        .cloned()
        .collect()
}

/// Forms whose first word is a bare verb: one whose "-ed", "-d" or "-s" form with the same rest
/// is in the list too ("reject" beside "rejected", "rule out" beside "ruled out").
fn base_forms(forms: &[String]) -> Vec<String> {
    forms
        .iter()
        .filter(|f| {
            let (w, rest) = f
                .split_once(' ')
                .map_or((f.as_str(), String::new()), |(w, r)| (w, format!(" {r}")));
            !w.ends_with('s')
                && !w.ends_with("ed")
                && !w.ends_with("ing")
                && ["ed", "d", "s"]
                    .iter()
                    .any(|suffix| forms.contains(&format!("{w}{suffix}{rest}")))
        })
        .cloned()
        .collect()
}

/// Words that make an issue phrase a verb with its object ("release the hostages").
const OBJECT_WORDS: &[&str] = &[
    "the", "our", "all", "its", "their", "them", "back", "down", "out", "a", "up", "over", "this",
];
const VERB_WORDS: &[&str] = &[
    "bring",
    "free",
    "end",
    "stop",
    "halt",
    "silence",
    "strike",
    "release",
    "return",
    "lay",
    "give",
    "hand",
    "pull",
    "apply",
    "seize",
    "capture",
    "lift",
    "who",
    "withdraw",
    "disarm",
    "govern",
    "annex",
    "occupy",
    "displace",
    "expel",
    "relocate",
    "resettle",
    "redeploy",
    "conquer",
    "administer",
    "demilitarize",
    "demilitarise",
    "decommission",
    "disband",
    "continue",
    "resume",
    "surrender",
    "control",
    "held",
    "meet",
    "sanction",
    "enrich",
    "rebuild",
    "escalate",
    "attack",
    "strikes",
    "struck",
];

/// Issue phrases that read as nouns after "the".
fn noun_phrases(phrases: Vec<String>) -> Vec<String> {
    let firsts: std::collections::HashSet<String> = phrases
        .iter()
        .filter_map(|p| p.split(' ').next())
        .map(str::to_string)
        .collect();
    phrases
        .into_iter()
        .filter(|p| {
            let mut words = p.split(' ');
            let w = words.next().unwrap_or_default();
            let second = words.next().unwrap_or_default();
            p.len() > 3
                && !p.contains(['(', '"', '’'])
                && !w.ends_with("ing")
                && !w.ends_with("ed")
                && !OBJECT_WORDS.contains(&second)
                && !VERB_WORDS.contains(&w)
                && !VERB_WORDS.contains(&w.strip_suffix('s').unwrap_or_default())
                && !["the", "a", "an"].contains(&w)
                && !["s", "ed", "d", "ing"]
                    .iter()
                    .any(|x| firsts.contains(&format!("{w}{x}")))
        })
        .collect()
}

/// Role cue forms by role and slot.
#[derive(Debug, Clone, Default)]
struct RoleForms {
    mediator_after: Vec<String>,
    mediator_before: Vec<String>,
    host_after: Vec<String>,
    host_before: Vec<String>,
    guarantor_after: Vec<String>,
    guarantor_before: Vec<String>,
    observer_before: Vec<String>,
    party_after: Vec<String>,
    party_before: Vec<String>,
}

/// The generator: pools of names and cues drawn once from a lexicon.
#[derive(Debug, Clone)]
pub struct Generator {
    seed: u64,
    states: Vec<StateName>,
    orgs: Vec<OrgName>,
    people: Vec<PersonName>,
    issues: Vec<String>,
    stances: StanceForms,
    roles: RoleForms,
    speech: Vec<String>,
    negations: Vec<String>,
    hedges: Vec<String>,
}

/// Every phrase of a phrase set with its values, in the set's order.
fn entries<T: Clone + PartialEq>(set: &PhraseSet<T>) -> Vec<(String, Vec<T>)> {
    (0..set.len())
        .map(|pattern| {
            let hit = Hit {
                start: 0,
                end: 0,
                pattern,
            };
            (set.phrase(&hit).to_string(), set.values(&hit).to_vec())
        })
        // Typographic-apostrophe twins are the same phrase for a writer.
        .filter(|(p, _)| !p.contains('’'))
        .collect()
}

fn cue_entries(lexicon: &Lexicon, class: CueClass) -> Vec<(String, Vec<Cue>)> {
    lexicon.cues.get(&class).map(entries).unwrap_or_default()
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if matches!(w, "of" | "for" | "the" | "and") {
                return w.to_string();
            }
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn article_of(s: &str) -> &'static str {
    if s.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

const REPORTER_FIRST: &[&str] = &[
    "Farah", "Tomasz", "Leila", "Nadia", "Omar", "Ingrid", "Rafael", "Mei", "Kwame", "Sofia",
    "Anders", "Priya", "Yusuf", "Clara", "Dmitri", "Amara", "Jonas", "Elif", "Mateo", "Hana",
];
const REPORTER_LAST: &[&str] = &[
    "Idrissi",
    "Wielgus",
    "Kassar",
    "Soltan",
    "Feghali",
    "Lindqvist",
    "Okafor",
    "Tanaka",
    "Moreau",
    "Brennan",
    "Castellano",
    "Halvorsen",
    "Nakamura",
    "Adeyemi",
    "Varga",
    "Pereira",
    "Lindgren",
    "Quist",
    "Osei",
    "Ferrand",
];
const AGENCIES: &[&str] = &[
    "Meridian Wire",
    "Harbor News Service",
    "Continental Press",
    "Northgate Wire",
];
const OUTLETS: &[&str] = &[
    "The Coastline Post",
    "The Evening Ledger",
    "Atlas Review",
    "The Dispatch",
];
const ZONES: &[&str] = &["GMT", "ET", "local time"];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve",
];

const FILLERS: &[&str] = &[
    "The meeting lasted {n} hours and ended without a joint statement.",
    "No date was set for the next round.",
    "Details of the draft were not made public.",
    "The talks resumed on {day} after a pause of {n} days.",
    "Diplomats described the atmosphere as tense but businesslike.",
    "Aid groups said conditions on the ground had worsened over the past {n} weeks.",
    "The previous round collapsed in the spring over the sequencing of the first phase.",
    "Analysts cautioned that any agreement would take months to implement.",
    "Markets in the region barely moved on the news.",
    "Several points, including the maps, remain unresolved.",
    "The document runs to {n} pages, according to people who have seen it.",
    "Protesters gathered outside the venue on {day} evening.",
    "Officials expect the technical teams to meet again within {n} days.",
    "It was the {n}th round of talks this year.",
];

const QUOTE_OPENERS: &[&str] = &[
    "We have done our part",
    "The ball is in their court",
    "Nothing is agreed until everything is agreed",
    "We are closer than we have been in months",
    "There are still gaps, but they can be bridged",
    "Time is running out for the people on the ground",
    "We will not negotiate under fire",
    "This is a historic moment, and it must not be wasted",
];

const ISSUE_TAILS: &[&str] = &[
    "",
    " as soon as possible",
    " before the end of the month",
    " in the first phase",
    " without preconditions",
    " under international supervision",
    " in the coming days",
];

const OUTCOME_TAILS: &[&str] = &[
    "a way out of the crisis",
    "relief for civilians",
    "time for the negotiators",
    "a basis for a lasting settlement",
    "the region a chance",
];

/// The states, organisations (and groups) and people with posts of the gazetteer.
fn actor_pools(lexicon: &Lexicon) -> (Vec<StateName>, Vec<OrgName>, Vec<PersonName>) {
    let mut states = Vec::new();
    let mut orgs = Vec::new();
    let mut people = Vec::new();
    for a in &lexicon.actors {
        match a.kind {
            ActorKind::State => states.push(StateName {
                label: a.label.clone(),
                demonym: a.demonyms.first().cloned(),
                capital: a.metonyms.first().cloned(),
            }),
            ActorKind::Organization | ActorKind::Group => orgs.push(OrgName {
                label: a.label.clone(),
                alt: a
                    .alt_labels
                    .iter()
                    .filter(|l| l.len() <= 12 && !l.contains('\''))
                    .cloned()
                    .collect(),
            }),
            ActorKind::Person => {}
        }
    }
    for a in lexicon
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
    {
        let Some(surname) = a.surname() else { continue };
        for post in &a.posts {
            let Some(o) = post.organization.map(|o| &lexicon.actors[o]) else {
                continue;
            };
            let of = match o.kind {
                ActorKind::State => o.label.clone(),
                _ if o.label.chars().all(|c| c.is_ascii_uppercase()) => o.label.clone(),
                _ => format!("the {}", o.label),
            };
            people.push(PersonName {
                label: a.label.clone(),
                surname: surname.clone(),
                title: post.title.clone(),
                of,
            });
        }
    }
    (states, orgs, people)
}

/// The issue phrases articles name.
fn issue_phrases(lexicon: &Lexicon) -> Vec<String> {
    // The scheme's preferred labels, and the cue phrases that are nouns; a label is listed
    // three times so that it is drawn about as often as all the other phrases of its issue.
    let mut issues: Vec<String> = Vec::new();
    for label in lexicon.issue_labels.values() {
        issues.extend(std::iter::repeat_n(label.to_lowercase(), 3));
    }
    issues.extend(noun_phrases(
        entries(&lexicon.issues)
            .into_iter()
            .map(|(p, _)| p)
            .collect(),
    ));

    issues
}

impl StanceForms {
    /// The stance cues of `lexicon`, sorted by where the target stands and by polarity.
    fn new(lexicon: &Lexicon) -> StanceForms {
        let mut stances = StanceForms::default();
        for (form, cues) in cue_entries(lexicon, CueClass::Stance) {
            for c in cues {
                let Cue::Stance { polarity, side, .. } = c else {
                    continue;
                };
                let list = match (side, polarity) {
                    (TargetSide::After, Polarity::Oppose) => &mut stances.after_oppose,
                    (TargetSide::After, _) => &mut stances.after_support,
                    (TargetSide::ActorAfter, Polarity::Oppose) => &mut stances.actor_oppose,
                    (TargetSide::ActorAfter, _) => &mut stances.actor_support,
                    (TargetSide::ActorBefore, Polarity::Oppose) => &mut stances.actor_before_oppose,
                    (TargetSide::ActorBefore, _) => &mut stances.actor_before_support,
                    (TargetSide::IssueBefore, Polarity::Oppose) => &mut stances.issue_before_oppose,
                    (TargetSide::IssueBefore, _) => &mut stances.issue_before_support,
                };
                if !list.contains(&form) {
                    list.push(form.clone());
                }
            }
        }
        stances.after_support_past = past_forms(&stances.after_support);
        stances.after_support_base = base_forms(&stances.after_support);
        stances.after_oppose_past = past_forms(&stances.after_oppose);
        stances.after_oppose_base = base_forms(&stances.after_oppose);
        stances.actor_support_past = past_forms(&stances.actor_support);
        stances.actor_oppose_past = past_forms(&stances.actor_oppose);
        stances
    }
}

impl RoleForms {
    /// The role cues of `lexicon`, sorted by role and by where the actor stands.
    fn new(lexicon: &Lexicon) -> RoleForms {
        let mut roles = RoleForms::default();
        for (form, cues) in cue_entries(lexicon, CueClass::Role) {
            for c in cues {
                let Cue::Role { role, slot, .. } = c else {
                    continue;
                };
                let list = match (role, slot) {
                    (Role::Mediator, Slot::After) => &mut roles.mediator_after,
                    (Role::Mediator, Slot::Before) => &mut roles.mediator_before,
                    (Role::Host, Slot::After) => &mut roles.host_after,
                    (Role::Host, Slot::Before) => &mut roles.host_before,
                    (Role::Guarantor, Slot::After) => &mut roles.guarantor_after,
                    (Role::Guarantor, Slot::Before) => &mut roles.guarantor_before,
                    (Role::Observer, _) => &mut roles.observer_before,
                    (Role::Party, Slot::After) => &mut roles.party_after,
                    (Role::Party, Slot::Before) => &mut roles.party_before,
                    (_, Slot::Pair) => continue,
                };
                if !list.contains(&form) {
                    list.push(form.clone());
                }
            }
        }
        roles
    }
}

/// The lexicon's speech verbs that fit the templates.
fn speech_verbs(lexicon: &Lexicon) -> Vec<String> {
    // Speech verbs that read well after a name: single past-tense words.
    cue_entries(lexicon, CueClass::Speech)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| {
            !p.contains(' ') && (p.ends_with("ed") || p == "said" || p == "told" || p == "wrote")
        })
        .collect()
}

/// The negations and hedges of the lexicon that fit the templates.
fn modifiers(lexicon: &Lexicon) -> (Vec<String>, Vec<String>) {
    let mut negations = Vec::new();
    let mut hedges = Vec::new();
    for (form, cues) in cue_entries(lexicon, CueClass::Modifier) {
        if cues.contains(&Cue::Negation)
            && ["did not", "has not", "would not", "will not"].contains(&form.as_str())
        {
            negations.push(form.clone());
        }
        if cues.contains(&Cue::Hedge)
            && ["may", "might", "could", "likely", "expected to"].contains(&form.as_str())
        {
            hedges.push(form);
        }
    }
    (negations, hedges)
}

impl Generator {
    /// Draws the pools from `lexicon`; `seed` chooses the corpus.
    pub fn new(lexicon: &Lexicon, seed: u64) -> Generator {
        let (states, orgs, people) = actor_pools(lexicon);
        let (negations, hedges) = modifiers(lexicon);
        let mut g = Generator {
            seed,
            states,
            orgs,
            people,
            issues: issue_phrases(lexicon),
            stances: StanceForms::new(lexicon),
            roles: RoleForms::new(lexicon),
            speech: speech_verbs(lexicon),
            negations,
            hedges,
        };
        g.fill_gaps();
        g
    }

    /// A word of every kind the templates need, where the lexicon gave none.
    fn fill_gaps(&mut self) {
        let fallback = |v: &mut Vec<String>, w: &str| {
            if v.is_empty() {
                v.push(w.to_string());
            }
        };
        // A user lexicon may lack a class; the templates still need one word of each.
        fallback(&mut self.speech, "said");
        fallback(&mut self.negations, "did not");
        fallback(&mut self.hedges, "may");
        fallback(&mut self.issues, "cease-fire");
        for (v, w) in [
            (&mut self.stances.after_support, "accepted"),
            (&mut self.stances.after_oppose, "rejected"),
            (&mut self.stances.actor_support, "praised"),
            (&mut self.stances.actor_oppose, "condemned"),
            (&mut self.stances.actor_before_support, "is serious"),
            (&mut self.stances.actor_before_oppose, "not serious"),
            (&mut self.stances.issue_before_support, "would help"),
            (&mut self.stances.issue_before_oppose, "would be a mistake"),
            (&mut self.stances.after_support_past, "accepted"),
            (&mut self.stances.after_support_base, "accept"),
            (&mut self.stances.after_oppose_past, "rejected"),
            (&mut self.stances.after_oppose_base, "reject"),
            (&mut self.stances.actor_support_past, "praised"),
            (&mut self.stances.actor_oppose_past, "condemned"),
            (&mut self.roles.mediator_after, "mediated by"),
            (&mut self.roles.mediator_before, "as a mediator"),
            (&mut self.roles.host_after, "hosted by"),
            (&mut self.roles.host_before, "will host"),
            (&mut self.roles.guarantor_after, "guaranteed by"),
            (&mut self.roles.guarantor_before, "as guarantor"),
            (&mut self.roles.observer_before, "as an observer"),
            (&mut self.roles.party_after, "talks between"),
            (&mut self.roles.party_before, "delegation"),
        ] {
            fallback(v, w);
        }
        if self.states.is_empty() {
            self.states.push(StateName {
                label: "Ruritania".into(),
                demonym: None,
                capital: None,
            });
        }
        if self.orgs.is_empty() {
            self.orgs.push(OrgName {
                label: "the Assembly".into(),
                alt: Vec::new(),
            });
        }
    }

    /// Article number `index` of this generator's corpus.
    pub fn article(&self, index: u64) -> GeneratedArticle {
        let mut rng = Rng::new(self.seed ^ index.wrapping_mul(0xd6e8_feb8_6659_fd93));
        let style = *rng.pick(&STYLES);
        let cast = self.cast(&mut rng);
        let date = NaiveDate::from_ymd_opt(2019, 1, 1)
            .and_then(|d| d.checked_add_days(Days::new(rng.below(7 * 365) as u64)))
            .unwrap_or_default();
        let sentences = rng.between(MIN_SENTENCES, MAX_SENTENCES);
        let mut w = Writer {
            g: self,
            rng,
            cast,
            introduced: vec![false; 4],
        };
        let title = w.title(style);
        let text = w.body(style, date, sentences);
        GeneratedArticle {
            text,
            title,
            date: date.format("%Y-%m-%d").to_string(),
        }
    }

    /// Articles `0..n`.
    pub fn articles(&self, n: u64) -> impl Iterator<Item = GeneratedArticle> + '_ {
        (0..n).map(|i| self.article(i))
    }

    fn cast(&self, rng: &mut Rng) -> Cast {
        let mut actors: Vec<Named> = Vec::new();
        // Two parties: states or organisations.
        for _ in 0..2 {
            let a = if rng.chance(60) {
                self.state(rng)
            } else {
                self.org(rng)
            };
            actors.push(a);
        }
        // One or two mediators and a host: states.
        let mediators = rng.between(1, 2);
        for _ in 0..mediators {
            actors.push(self.state(rng));
        }
        let host = self.state(rng);
        let people: Vec<PersonName> = if self.people.is_empty() {
            Vec::new()
        } else {
            (0..4).map(|_| rng.pick(&self.people).clone()).collect()
        };
        let issues = (0..rng.between(2, 4))
            .map(|_| rng.pick(&self.issues).clone())
            .collect();
        Cast {
            parties: actors[..2].to_vec(),
            mediators: actors[2..].to_vec(),
            host,
            people,
            issues,
        }
    }

    fn state(&self, rng: &mut Rng) -> Named {
        let s = rng.pick(&self.states);
        Named::State(s.clone())
    }

    fn org(&self, rng: &mut Rng) -> Named {
        Named::Org(rng.pick(&self.orgs).clone())
    }
}

#[derive(Debug, Clone)]
enum Named {
    State(StateName),
    Org(OrgName),
}

impl Named {
    fn label(&self) -> &str {
        match self {
            Named::State(s) => &s.label,
            Named::Org(o) => &o.label,
        }
    }
}

#[derive(Debug, Clone)]
struct Cast {
    parties: Vec<Named>,
    mediators: Vec<Named>,
    host: Named,
    people: Vec<PersonName>,
    issues: Vec<String>,
}

struct Writer<'g> {
    g: &'g Generator,
    rng: Rng,
    cast: Cast,
    introduced: Vec<bool>,
}

impl Writer<'_> {
    fn party(&mut self) -> Named {
        self.rng.pick(&self.cast.parties).clone()
    }

    fn mediator(&mut self) -> Named {
        self.rng.pick(&self.cast.mediators).clone()
    }

    fn issue(&mut self) -> String {
        self.rng.pick(&self.cast.issues).clone()
    }

    fn reporter(&mut self) -> String {
        format!(
            "{} {}",
            self.rng.pick(REPORTER_FIRST),
            self.rng.pick(REPORTER_LAST)
        )
    }

    fn form(&mut self, list: fn(&Generator) -> &Vec<String>) -> String {
        let g = self.g;
        self.rng.pick(list(g)).clone()
    }

    /// A mention of a state or organisation as the subject of a clause.
    fn subject(&mut self, a: &Named) -> String {
        match a {
            Named::State(s) => match self.rng.below(10) {
                0..=5 => s.label.clone(),
                6 | 7 if s.demonym.is_some() => {
                    format!("{} officials", s.demonym.as_deref().unwrap_or_default())
                }
                8 if s.capital.is_some() => s.capital.clone().unwrap_or_default(),
                9 if s.demonym.is_some() => format!(
                    "the {} government",
                    s.demonym.as_deref().unwrap_or_default()
                ),
                _ => s.label.clone(),
            },
            Named::Org(o) => {
                if !o.alt.is_empty() && self.rng.chance(30) {
                    self.rng.pick(&o.alt).clone()
                } else {
                    o.label.clone()
                }
            }
        }
    }

    /// A person: in full with the post at first mention, by surname later.
    fn person(&mut self) -> Option<String> {
        if self.cast.people.is_empty() {
            return None;
        }
        let i = self.rng.below(self.cast.people.len());
        let p = self.cast.people[i].clone();
        if !self.introduced[i] {
            self.introduced[i] = true;
            return Some(match self.rng.below(3) {
                0 => format!("{} {}", title_case(&p.title), p.label),
                1 => format!("{}, {} {},", p.label, possessive(&p.of), p.title),
                _ => format!(
                    "{} {}, {},",
                    capitalize(&possessive(&p.of)),
                    p.title,
                    p.label
                ),
            });
        }
        Some(match self.rng.below(3) {
            0 => format!("Mr. {}", p.surname),
            1 => p.surname.clone(),
            _ => format!("the {}", p.title),
        })
    }

    /// A speaker: a person when there is one, else a party.
    fn speaker(&mut self) -> String {
        if self.rng.chance(60) {
            if let Some(p) = self.person() {
                return p;
            }
        }
        let a = self.party();
        self.subject(&a)
    }

    fn speech(&mut self) -> String {
        self.form(|g| &g.speech)
    }

    fn title(&mut self, style: Style) -> String {
        let a = self.cast.parties[0].label().to_string();
        let b = self.cast.parties[1].label().to_string();
        let m = self.cast.mediators[0].label().to_string();
        let issue = self.issue();
        let t = match self.rng.below(5) {
            0 => format!("{a} and {b} edge toward {issue} as {m} steps up mediation"),
            1 => format!("Talks on {issue} stall as {a} and {b} trade blame"),
            2 => format!("{m} presents new proposal on {issue} to {a} and {b}"),
            3 => format!("What the {issue} talks between {a} and {b} mean for the region"),
            _ => format!("{a} signals openness on {issue}; {b} wary"),
        };
        let t = capitalize(&t);
        match style {
            Style::LiveBlog => format!("LIVE: {t}"),
            Style::PressRelease => format!("Statement on the {issue} talks"),
            Style::Interview => format!("Interview: {t}"),
            _ => t,
        }
    }

    fn long_date(date: NaiveDate) -> String {
        format!(
            "{} {}, {}",
            negograph::text::MONTHS[date.month0() as usize],
            date.day(),
            date.year()
        )
    }

    fn body(&mut self, style: Style, date: NaiveDate, sentences: usize) -> String {
        let mut out = String::new();
        let day = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
        match style {
            Style::Wire => {
                out.push_str(&format!("By {} and {}\n", self.reporter(), self.reporter()));
                out.push_str(&format!("{}\n\n", Self::long_date(date)));
                let city = self.dateline_city();
                let agency = *self.rng.pick(AGENCIES);
                let first = self.sentence(day);
                out.push_str(&format!("{city} ({agency}) — {first}"));
                self.paragraphs(&mut out, sentences - 1, day, " ");
                out.push_str(&format!("\n\n{} contributed reporting.\n", self.reporter()));
            }
            Style::Analysis => {
                out.push_str(&format!("By {}\n", self.reporter()));
                out.push_str(&format!("Published {}\n\n", Self::long_date(date)));
                let mut first = true;
                let mut left = sentences;
                while left > 0 {
                    let n = left.min(self.rng.between(2, 5));
                    if !first {
                        out.push_str("\n\n");
                    }
                    first = false;
                    for k in 0..n {
                        if k > 0 {
                            out.push(' ');
                        }
                        let s = if self.rng.chance(30) {
                            self.hedged()
                        } else {
                            self.sentence(day)
                        };
                        out.push_str(&s);
                    }
                    left -= n;
                }
                out.push('\n');
            }
            Style::LiveBlog => {
                out.push_str(&format!(
                    "{} — live updates\n{}\n",
                    self.rng.pick(OUTLETS),
                    Self::long_date(date)
                ));
                let zone = *self.rng.pick(ZONES);
                let mut minutes = self.rng.between(6 * 60, 10 * 60);
                let mut left = sentences;
                while left > 0 {
                    let n = left.min(self.rng.between(1, 3));
                    out.push_str(&format!(
                        "\n{:02}:{:02} {zone}\n",
                        (minutes / 60) % 24,
                        minutes % 60
                    ));
                    for k in 0..n {
                        if k > 0 {
                            out.push(' ');
                        }
                        let s = self.sentence(day);
                        out.push_str(&s);
                    }
                    if self.rng.chance(30) {
                        out.push_str(&format!(" — {}", self.reporter()));
                    }
                    out.push('\n');
                    minutes += self.rng.between(5, 90);
                    left -= n;
                }
            }
            Style::PressRelease => {
                let issuer = self.cast.mediators[0].clone();
                out.push_str("FOR IMMEDIATE RELEASE\n\n");
                let city = match &issuer {
                    Named::State(s) => s.capital.clone().unwrap_or_else(|| s.label.clone()),
                    Named::Org(o) => o.label.clone(),
                };
                let (who, of) = match &issuer {
                    Named::State(s) => (
                        "The Ministry of Foreign Affairs of".to_string(),
                        s.label.clone(),
                    ),
                    Named::Org(o) => ("The secretariat of".to_string(), o.label.clone()),
                };
                let a = self.cast.parties[0].label().to_string();
                let b = self.cast.parties[1].label().to_string();
                let issue = self.issue();
                let welcome = self.form(|g| &g.stances.after_support_past);
                out.push_str(&format!(
                    "{}, {} — {who} {of} {welcome} the progress made in the talks between {a} and {b} on the {issue}.",
                    city.to_uppercase(),
                    Self::long_date(date)
                ));
                self.paragraphs(&mut out, sentences - 1, day, " ");
                out.push_str(&format!(
                    "\n\n###\n\nMedia contact: {}, press office\n",
                    self.reporter()
                ));
            }
            Style::Interview => {
                out.push_str(&format!(
                    "By {}\n{}\n\n",
                    self.reporter(),
                    Self::long_date(date)
                ));
                for k in 0..sentences {
                    if k > 0 {
                        out.push_str(if self.rng.chance(40) { "\n\n" } else { " " });
                    }
                    let s = if self.rng.chance(60) {
                        self.quote()
                    } else {
                        self.sentence(day)
                    };
                    out.push_str(&s);
                }
                out.push('\n');
            }
        }
        out
    }

    fn dateline_city(&mut self) -> String {
        let Named::State(s) = self.cast.host.clone() else {
            return "GENEVA".to_string();
        };
        match s.capital {
            Some(c) => format!("{}, {}", c.to_uppercase(), s.label),
            None => s.label.to_uppercase(),
        }
    }

    /// `n` sentences in paragraphs of one to four, the first paragraph already open.
    fn paragraphs(&mut self, out: &mut String, n: usize, day: &str, first_sep: &str) {
        let mut in_paragraph = self.rng.between(0, 3);
        let mut sep = first_sep;
        for _ in 0..n {
            if in_paragraph == 0 {
                sep = "\n\n";
                in_paragraph = self.rng.between(1, 4);
            }
            out.push_str(sep);
            let s = self.sentence(day);
            out.push_str(&s);
            sep = " ";
            in_paragraph -= 1;
        }
    }

    fn hedged(&mut self) -> String {
        let a = self.party();
        let who = self.subject(&a);
        let hedge = self.form(|g| &g.hedges);
        let cue = self.form(|g| &g.stances.after_support_base);
        let issue = self.issue();
        let modal = match hedge.as_str() {
            "likely" => "is likely to".to_string(),
            "expected to" => "is expected to".to_string(),
            h => h.to_string(),
        };
        capitalize(&format!(
            "{who} {modal} {cue} the {issue} within weeks, analysts said."
        ))
    }

    /// A quote: one of the five shapes of attribution.
    fn quote(&mut self) -> String {
        let opener = *self.rng.pick(QUOTE_OPENERS);
        let issue = self.issue();
        let cue = if self.rng.chance(50) {
            self.form(|g| &g.stances.after_support_base)
        } else {
            self.form(|g| &g.stances.after_oppose_base)
        };
        let said = self.speech();
        match self.rng.below(5) {
            0 => format!("\"{opener}. We {cue} the {issue},\" he said."),
            1 => {
                let who = self.speaker();
                format!("\"{opener},\" {who} {said}.")
            }
            2 => {
                let who = self.speaker();
                capitalize(&format!(
                    "{who} {said}: \"We {cue} any {issue} that does not serve our people.\""
                ))
            }
            3 => format!("\"Our position on the {issue} has not changed,\" she {said}."),
            _ => {
                let who = self.speaker();
                format!("\"{opener},\" {said} {who} in an interview.")
            }
        }
    }

    /// One sentence of news, of one of the templates.
    fn sentence(&mut self, day: &str) -> String {
        let s = self.template(day);
        capitalize(&s)
    }

    fn template(&mut self, day: &str) -> String {
        let n = *self.rng.pick(NUMBERS);
        match self.rng.below(17) {
            0 | 1 => {
                // A stance on an issue.
                let a = self.party();
                let who = self.subject(&a);
                let cue = if self.rng.chance(55) {
                    self.form(|g| &g.stances.after_support_past)
                } else {
                    self.form(|g| &g.stances.after_oppose_past)
                };
                let issue = self.issue();
                let tail = *self.rng.pick(ISSUE_TAILS);
                if self.rng.chance(30) {
                    format!("{who} {cue} the {issue}{tail}.")
                } else {
                    let by = self.reported_by();
                    let said = self.speech();
                    format!("{who} {cue} the {issue}{tail}, {by} {said}.")
                }
            }
            2 => {
                let who = self.speaker();
                let said = self.speech();
                let cue = self.form(|g| &g.stances.after_support_past);
                let issue = self.issue();
                let tail = *self.rng.pick(ISSUE_TAILS);
                format!(
                    "{who} {said} on {day} that the government {cue} {} {issue}{tail}.",
                    article_of(&issue)
                )
            }
            3 => {
                // A negated stance.
                let a = self.party();
                let who = self.subject(&a);
                let issue = self.issue();
                let oppose = self.rng.chance(60);
                if self.rng.chance(70) {
                    let neg = *self.rng.pick(&["did not", "would not", "will not"]);
                    let cue = if oppose {
                        self.form(|g| &g.stances.after_oppose_base)
                    } else {
                        self.form(|g| &g.stances.after_support_base)
                    };
                    format!("{who} {neg} {cue} the {issue} outright.")
                } else {
                    let cue = if oppose {
                        self.form(|g| &g.stances.after_oppose_past)
                    } else {
                        self.form(|g| &g.stances.after_support_past)
                    };
                    format!("{who} has not {cue} the {issue}, a spokesman said.")
                }
            }
            4 => {
                // A stance toward another actor.
                let a = self.cast.parties[0].clone();
                let b = self.cast.mediators[0].clone();
                let who = self.subject(&a);
                let cue = if self.rng.chance(50) {
                    self.form(|g| &g.stances.actor_support_past)
                } else {
                    self.form(|g| &g.stances.actor_oppose_past)
                };
                let issue = self.issue();
                format!(
                    "{who} {cue} {} for its role in the talks on the {issue}.",
                    b.label()
                )
            }
            5 => {
                // Good or bad faith, the actor before the cue.
                let a = self.party();
                let who = self.subject(&a);
                let cue = if self.rng.chance(50) {
                    self.form(|g| &g.stances.actor_before_support)
                } else {
                    self.form(|g| &g.stances.actor_before_oppose)
                };
                let speaker = self.speaker();
                let said = self.speech();
                let clause = actor_before_clause(&who, &cue);
                format!("{clause}, {speaker} {said}.")
            }
            6 => {
                // An evaluation of an issue named before the cue.
                let issue = self.issue();
                let cue = if self.rng.chance(60) {
                    self.form(|g| &g.stances.issue_before_support)
                } else {
                    self.form(|g| &g.stances.issue_before_oppose)
                };
                let transitive = matches!(cue.split(' ').next(), Some("would" | "will"))
                    && cue.split(' ').count() == 2
                    && !cue.ends_with(" be")
                    && !cue.ends_with(" never");
                let tail = if transitive {
                    format!(" {}", self.rng.pick(OUTCOME_TAILS))
                } else {
                    String::new()
                };
                let speaker = self.speaker();
                let said = self.speech();
                format!("the {issue} {cue}{tail}, {speaker} {said}.")
            }
            7 | 8 => self.mediator_sentence(day),
            9 => self.host_sentence(day, n),
            10 => self.guarantor_sentence(),
            11 => self.party_sentence(day),
            12 => {
                // A person's post and a statement.
                let who = self
                    .person()
                    .unwrap_or_else(|| "a senior official".to_string());
                let said = self.speech();
                let issue = self.issue();
                let cue = self.form(|g| &g.stances.after_support_past);
                let party = self.party();
                let p = self.subject(&party);
                format!("{who} {said} that {p} {cue} the {issue}.")
            }
            13 => {
                // A conditional: no stance inside the condition.
                let a = self.party().label().to_string();
                let b = self.party().label().to_string();
                let cue = self.form(|g| &g.stances.after_support_past);
                let issue = self.issue();
                let issue2 = self.issue();
                format!(
                    "if {a} {cue} the {issue}, {b} would move on the {issue2}, a diplomat said."
                )
            }
            14 => {
                // A blocker: the issue is a price.
                let a = self.party();
                let who = self.subject(&a);
                let issue = self.issue();
                format!("{who} offered {n} concessions in exchange for the {issue}.")
            }
            _ => {
                let f = *self.rng.pick(FILLERS);
                f.replace("{n}", n).replace("{day}", day)
            }
        }
    }

    fn mediators_text(&self) -> String {
        let names: Vec<&str> = self.cast.mediators.iter().map(Named::label).collect();
        names.join(" and ")
    }

    /// The mediators, after or before a role cue.
    fn mediator_sentence(&mut self, day: &str) -> String {
        let a = self.cast.parties[0].label().to_string();
        let b = self.cast.parties[1].label().to_string();
        let issue = self.issue();
        if self.rng.chance(50) {
            let cue = self.form(|g| &g.roles.mediator_after);
            let ms = self.mediators_text();
            if cue.ends_with(" by") {
                let between = self.between_phrase(&a, &b);
                format!("{between} were {cue} {ms}.")
            } else if cue.starts_with("mediat") || cue.starts_with("the ") {
                format!("{cue} {ms} presented a new draft on the {issue} on {day}.")
            } else {
                format!("{a} and {b} communicated {cue} {ms}.")
            }
        } else {
            let cue = self.form(|g| &g.roles.mediator_before);
            let m = self.mediator().label().to_string();
            if cue.starts_with("as ") {
                format!("{m} has acted {cue} on the {issue} since the spring.")
            } else if let Some(suffix) = cue.strip_prefix('-') {
                format!("the {m}-{suffix} proposal on the {issue} was delivered on {day}.")
            } else if cue.ends_with("ed") {
                format!("{m} {cue} the first phase of the deal on the {issue}.")
            } else if cue.starts_with("a ") || cue.starts_with("the ") || cue.contains(' ') {
                format!("{m}, {cue}, said the gaps on the {issue} were narrowing.")
            } else {
                format!("{m} {cue} continued on {day}.")
            }
        }
    }

    /// "The talks between A and B", with a party cue of the right shape.
    fn between_phrase(&mut self, a: &str, b: &str) -> String {
        let cue = self.form(|g| &g.roles.party_after);
        if cue == "between" {
            format!("the talks between {a} and {b}")
        } else if cue.ends_with("between") {
            format!("the {cue} {a} and {b}")
        } else {
            format!("the {cue} {b} sought by {a}")
        }
    }

    fn host_sentence(&mut self, day: &str, n: &str) -> String {
        let h = self.cast.host.label().to_string();
        if self.rng.chance(50) {
            let cue = self.form(|g| &g.roles.host_after);
            if cue.ends_with(" by") {
                format!("the talks, {cue} {h}, resumed on {day}.")
            } else if cue.starts_with("met ") {
                format!("the delegations {cue} {h} on {day}.")
            } else if cue.ends_with(" in") || cue.ends_with(" at") {
                format!("the {cue} {h} are due to resume in {n} weeks.")
            } else {
                format!("{cue} {h} said it was ready to receive the delegations.")
            }
        } else {
            let cue = self.form(|g| &g.roles.host_before);
            if let Some(suffix) = cue.strip_prefix('-') {
                format!("the {h}-{suffix} talks are due to resume in {n} days.")
            } else if cue == "host" {
                format!("{h} offered to host the next round.")
            } else {
                format!("{h} {cue} the delegations in {n} days, officials said.")
            }
        }
    }

    fn guarantor_sentence(&mut self) -> String {
        let m = self.mediator().label().to_string();
        let a = self.party().label().to_string();
        match self.rng.below(3) {
            0 => {
                let cue = self.form(|g| &g.roles.guarantor_after);
                let cue = cue.trim_end_matches(',');
                if cue.ends_with(" by") {
                    format!("any deal would be {cue} {m} and {a}.")
                } else if cue.ends_with(" from") {
                    format!("{a} wants {cue} {m} before any signing.")
                } else {
                    format!("the {cue} {m} and {a} will meet next week.")
                }
            }
            1 => {
                let cue = self.form(|g| &g.roles.guarantor_before);
                if cue.starts_with("as ") {
                    format!("{m} agreed to serve {cue} of the agreement.")
                } else if cue.contains(' ') || cue.ends_with("ing") {
                    format!("{m} {cue} the agreement, officials said.")
                } else {
                    format!(
                        "{m}, {} {cue} of the agreement, will send observers.",
                        article_of(&cue)
                    )
                }
            }
            _ => {
                let cue = self.form(|g| &g.roles.observer_before);
                if cue.starts_with("as ") {
                    format!("{m} will attend {cue}.")
                } else {
                    format!("{m} {cue} will attend the signing.")
                }
            }
        }
    }

    /// A party before a role cue.
    fn party_sentence(&mut self, day: &str) -> String {
        let a = self.party();
        let cue = self.form(|g| &g.roles.party_before);
        let issue = self.issue();
        let first = cue.split(' ').next().unwrap_or_default();
        let name = match &a {
            Named::State(s) if s.demonym.is_some() && self.rng.chance(60) => {
                s.demonym.clone().unwrap_or_default()
            }
            _ => a.label().to_string(),
        };
        if first.ends_with("ed") {
            format!("{} {cue} the framework on the {issue} on {day}.", a.label())
        } else if first.ends_with("ing") && !cue.contains(' ') {
            format!("{} is {cue} on the {issue}.", a.label())
        } else if cue.contains(" to") {
            format!("the {name} {cue} the proposal on the {issue} came on {day}.")
        } else {
            format!("the {name} {cue} arrived on {day} with new proposals on the {issue}.")
        }
    }

    fn reported_by(&mut self) -> String {
        match self.rng.below(3) {
            0 => "officials".to_string(),
            1 => "a spokesman".to_string(),
            _ => {
                let m = self.mediator();
                format!("mediators from {}", m.label())
            }
        }
    }
}

/// "Hamas is not serious", "Israel was stalling": an actor-before stance cue in a clause.
fn actor_before_clause(who: &str, cue: &str) -> String {
    let first = cue.split(' ').next().unwrap_or_default();
    if matches!(first, "is" | "was" | "are" | "were") {
        format!("{who} {cue}")
    } else if first.ends_with("ing") {
        format!("{who} was {cue}")
    } else if matches!(first, "lack" | "bad") {
        format!("{who} showed {cue}")
    } else if cue.ends_with(" about") {
        format!("{who} was {cue} the talks")
    } else {
        format!("{who} was {cue}")
    }
}

/// "Qatar's", "the United States'".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// Sizes of what was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub articles: u64,
    pub bytes: u64,
}

/// Writes articles `0..n` as JSON Lines, one `{"text","title","date"}` object a line.
pub fn write_jsonl(generator: &Generator, n: u64, out: &mut impl Write) -> io::Result<Written> {
    let mut written = Written::default();
    for a in generator.articles(n) {
        let line = a.to_json_line();
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        written.articles += 1;
        written.bytes += line.len() as u64 + 1;
    }
    Ok(written)
}

/// Writes articles `0..n` into `dir`, one `NNNNNNN.txt` per article (title, blank line, body).
pub fn write_dir(generator: &Generator, n: u64, dir: &Path) -> io::Result<Written> {
    std::fs::create_dir_all(dir)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    let mut written = Written::default();
    for (i, a) in generator.articles(n).enumerate() {
        let path = dir.join(format!("{i:07}.txt"));
        let text = a.to_txt();
        std::fs::write(&path, &text)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        written.articles += 1;
        written.bytes += text.len() as u64;
    }
    Ok(written)
}
