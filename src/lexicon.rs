//! The extractor's data, loaded once from the Turtle files of `ontology/`: the actor gazetteer
//! (states, organisations, people and their posts), the issue scheme's cue phrases, and the cue
//! lexicons of `ontology/cues.ttl`. Every phrase list is compiled into a trie, walked from the
//! places a match can start (see `starts`).
//!
//! Users add or override actors with their own Turtle file of the gazetteer's shape
//! ([`Lexicon::with_actors`]): an actor IRI that is already known is replaced whole.
//!
//! The word lists of `ontology/words/` (words that are no names, auxiliaries, months, ...) are
//! plain text, read by [`Words::get`].

use std::collections::{BTreeMap, HashMap, HashSet};

use oxigraph::io::{RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::{NamedOrBlankNode as Subject, Term};

use crate::rulebook::{RuleBook, RuleError, RuleProps};
use crate::vocab::{self, NEG, OWL, RDF, RDFS, SKOS};

mod starts;
pub mod syntax_data;
pub mod words;
use starts::Starts;
pub use words::Words;

/// The ontology files compiled into the binary, by name.
pub const ONTOLOGY: &[(&str, &str)] = &[
    ("negograph.ttl", include_str!("../ontology/negograph.ttl")),
    ("issues.ttl", include_str!("../ontology/issues.ttl")),
    ("states.ttl", include_str!("../ontology/states.ttl")),
    (
        "organizations.ttl",
        include_str!("../ontology/organizations.ttl"),
    ),
    ("people.ttl", include_str!("../ontology/people.ttl")),
    ("cues.ttl", include_str!("../ontology/cues.ttl")),
    ("rules.ttl", include_str!("../ontology/rules.ttl")),
];

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("error parsing {file}")]
    Parse {
        file: String,
        #[source]
        source: RdfSyntaxError,
    },
    #[error(transparent)]
    Rules(#[from] RuleError),
    /// A subject lacks a property its class needs ("actor <...> has no rdfs:label").
    #[error("{file}: {what} <{subject}> has no {property}")]
    Missing {
        file: &'static str,
        what: &'static str,
        subject: String,
        property: &'static str,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    State,
    Organization,
    Person,
    Group,
}

impl ActorKind {
    pub fn class(self) -> &'static str {
        match self {
            ActorKind::State => "State",
            ActorKind::Organization => "Organization",
            ActorKind::Person => "Person",
            ActorKind::Group => "Group",
        }
    }
    fn from_iri(iri: &str) -> Option<ActorKind> {
        match iri.strip_prefix(NEG)? {
            "State" => Some(ActorKind::State),
            "Organization" => Some(ActorKind::Organization),
            "Person" => Some(ActorKind::Person),
            "Group" => Some(ActorKind::Group),
            _ => None,
        }
    }
}

/// A post a person holds according to the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub title: String,
    /// Index of the state or organisation in [`Lexicon::actors`].
    pub organization: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub iri: String,
    pub kind: ActorKind,
    pub label: String,
    pub alt_labels: Vec<String>,
    pub demonyms: Vec<String>,
    pub metonyms: Vec<String>,
    pub same_as: Vec<String>,
    pub posts: Vec<Post>,
    /// neg:surname: the short name news uses where the last word is not it ("Hun" for Hun Sen
    /// would be ambiguous, so such entries give none with an empty string).
    pub surname_override: Option<String>,
    /// The state or organisation this one belongs to (org:subOrganizationOf).
    pub parent: Option<usize>,
}

impl ActorEntry {
    /// The surname a later mention may use: the last word, or the last two after a particle
    /// ("bin Salman", "Al Thani").
    pub fn surname(&self) -> Option<String> {
        if self.kind != ActorKind::Person {
            return None;
        }
        if let Some(s) = &self.surname_override {
            return (!s.is_empty()).then(|| s.clone());
        }
        let mut words: Vec<&str> = self.label.split_whitespace().collect();
        // "King Abdullah II", "Ferdinand Marcos Jr.": the name before a numeral or suffix.
        while words.last().is_some_and(|w| {
            matches!(
                *w,
                "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "V" | "VI" | "XIV"
            )
        }) {
            words.pop();
        }
        let last = *words.last()?;
        if words.len() < 2 || last.chars().count() < 3 {
            return None;
        }
        let particle = words[words.len() - 2];
        if [
            "Al", "al", "El", "el", "bin", "ibn", "van", "von", "de", "Abu",
        ]
        .contains(&particle)
        {
            return Some(format!("{particle} {last}"));
        }
        Some(last.to_string())
    }
}

/// How a phrase of the gazetteer names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Label,
    AltLabel,
    Demonym,
    Metonym,
    Surname,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Polarity {
    Support,
    Oppose,
    Neutral,
}

impl Polarity {
    pub fn local(self) -> &'static str {
        match self {
            Polarity::Support => "Support",
            Polarity::Oppose => "Oppose",
            Polarity::Neutral => "Neutral",
        }
    }
    pub fn flip(self) -> Polarity {
        match self {
            Polarity::Support => Polarity::Oppose,
            Polarity::Oppose => Polarity::Support,
            Polarity::Neutral => Polarity::Neutral,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Party,
    Mediator,
    Host,
    Guarantor,
    Observer,
}

impl Role {
    pub fn local(self) -> &'static str {
        match self {
            Role::Party => "Party",
            Role::Mediator => "Mediator",
            Role::Host => "Host",
            Role::Guarantor => "Guarantor",
            Role::Observer => "Observer",
        }
    }
    fn from_iri(iri: &str) -> Option<Role> {
        match iri.strip_prefix(NEG)? {
            "Party" => Some(Role::Party),
            "Mediator" => Some(Role::Mediator),
            "Host" => Some(Role::Host),
            "Guarantor" => Some(Role::Guarantor),
            "Observer" => Some(Role::Observer),
            _ => None,
        }
    }
}

/// Where a stance cue's target stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetSide {
    /// Issues or actors after the cue.
    After,
    /// Actors after the cue only.
    ActorAfter,
    /// The actor named before the cue ("Hamas is not acting in good faith").
    ActorBefore,
    /// The issue named before the cue ("such a cease-fire would provide time").
    IssueBefore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    After,
    Before,
    /// The two actors joined by a dash right before the cue ("Belgrade-Pristina dialogue").
    Pair,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cue {
    Speech,
    Stance {
        name: String,
        polarity: Polarity,
        side: TargetSide,
        /// Inside a quote the speaker holds it even when a subject is named ("X must ...").
        speaker_held: bool,
        /// neg:reach: how many words may stand between the cue and an issue after it.
        reach: usize,
    },
    Negation,
    Condition,
    Blocker,
    Reversal,
    Hedge,
    AgentHead,
    Title,
    Honorific,
    Description(ActorKind),
    Role {
        name: String,
        role: Role,
        slot: Slot,
        /// neg:minActors: the fewest actors a list after the cue must name ("the leaders of
        /// Thailand and Cambodia" names parties; "the leaders of Thailand" does not).
        min_actors: usize,
    },
    Locative,
    Reporting,
    Interview,
    Deal,
    Parties,
    Effort,
    Event {
        name: String,
        /// The local name of the neg:EventType individual ("Recall").
        event_type: String,
        /// Words one of which must follow the cue closely (neg:object); none: no such need.
        objects: Vec<String>,
    },
}

/// The classes of cue, each with an automaton of its own so that the longest phrase of one class
/// never hides a phrase of another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CueClass {
    Speech,
    Stance,
    Modifier,
    AgentHead,
    Title,
    Honorific,
    Description,
    Role,
    Locative,
    Reporting,
    Interview,
    Deal,
    Parties,
    Effort,
    Event,
}

impl Cue {
    fn class(&self) -> CueClass {
        match self {
            Cue::Speech => CueClass::Speech,
            Cue::Stance { .. } => CueClass::Stance,
            Cue::Negation | Cue::Condition | Cue::Blocker | Cue::Reversal | Cue::Hedge => {
                CueClass::Modifier
            }
            Cue::AgentHead => CueClass::AgentHead,
            Cue::Title => CueClass::Title,
            Cue::Honorific => CueClass::Honorific,
            Cue::Description(_) => CueClass::Description,
            Cue::Role { .. } => CueClass::Role,
            Cue::Locative => CueClass::Locative,
            Cue::Reporting => CueClass::Reporting,
            Cue::Interview => CueClass::Interview,
            Cue::Deal => CueClass::Deal,
            Cue::Parties => CueClass::Parties,
            Cue::Effort => CueClass::Effort,
            Cue::Event { .. } => CueClass::Event,
        }
    }
}

/// For each phrase, the longest other phrase inside it whose ends fall on word boundaries (no
/// letter or digit on both sides of a cut), with its byte offset.
fn inner_phrases(phrases: &[String]) -> Vec<Option<(usize, usize)>> {
    let index: HashMap<String, usize> = phrases
        .iter()
        .enumerate()
        .map(|(i, p)| (p.to_lowercase(), i))
        .collect();
    let cut = |p: &str, at: usize| {
        let before = p[..at].chars().next_back();
        let after = p[at..].chars().next();
        !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
    };
    phrases
        .iter()
        .map(|p| {
            let p = p.to_lowercase();
            if !p.is_ascii() {
                return None;
            }
            let cuts: Vec<usize> = (0..=p.len()).filter(|&i| cut(&p, i)).collect();
            let mut best: Option<(usize, usize)> = None;
            for (k, &a) in cuts.iter().enumerate() {
                for &b in &cuts[k + 1..] {
                    let inner = &p[a..b];
                    if inner.len() == p.len() || inner.trim() != inner {
                        continue;
                    }
                    if let Some(&j) = index.get(inner) {
                        if best.is_none_or(|(_, q)| phrases[q].len() < inner.len()) {
                            best = Some((a, j));
                        }
                    }
                }
            }
            best
        })
        .collect()
}

/// A match of a phrase set in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

/// Phrases compiled into one trie, each with the values it stands for, found leftmost-longest.
/// Matches are case-insensitive and on word boundaries; with `respect_capitals`, every capital
/// letter of the phrase must be a capital in the text ("US" does not match "us").
pub struct PhraseSet<T> {
    starts: Option<Starts>,
    phrases: Vec<String>,
    values: Vec<Vec<T>>,
    respect_capitals: bool,
    /// For each phrase, the longest other phrase inside it on word boundaries and its offset
    /// (see [`PhraseSet::hidden`]); worked out on first use.
    inner: std::sync::OnceLock<Vec<Option<(usize, usize)>>>,
}

impl<T: Clone + PartialEq> PhraseSet<T> {
    pub fn new(
        entries: impl IntoIterator<Item = (String, T)>,
        respect_capitals: bool,
    ) -> PhraseSet<T> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut phrases: Vec<String> = Vec::new();
        let mut values: Vec<Vec<T>> = Vec::new();
        let mut add = |phrase: String, value: T| {
            let i = *index.entry(phrase.clone()).or_insert_with(|| {
                phrases.push(phrase);
                values.push(Vec::new());
                phrases.len() - 1
            });
            if !values[i].contains(&value) {
                values[i].push(value);
            }
        };
        for (phrase, value) in entries {
            let phrase = phrase.trim().to_string();
            if phrase.is_empty() {
                continue;
            }
            if phrase.contains('\'') {
                add(phrase.replace('\'', "’"), value.clone());
            }
            add(phrase, value);
        }
        PhraseSet {
            starts: Starts::new(&phrases),
            phrases,
            values,
            respect_capitals,
            inner: std::sync::OnceLock::new(),
        }
    }

    pub fn values(&self, hit: &Hit) -> &[T] {
        &self.values[hit.pattern]
    }

    pub fn phrase(&self, hit: &Hit) -> &str {
        &self.phrases[hit.pattern]
    }

    /// The match a longer phrase hid: the longest other phrase of the set that lies inside the
    /// phrase of `hit` on word boundaries, where it stands in the text ("mediators" inside "the
    /// mediators", "guarantors" inside "guarantors of"). A leftmost-longest search reports only
    /// the longer phrase; what the shorter one stands for still holds of its words.
    pub fn hidden(&self, hit: &Hit) -> Option<Hit> {
        let inner = self.inner.get_or_init(|| inner_phrases(&self.phrases));
        let (offset, pattern) = inner[hit.pattern]?;
        let start = hit.start + offset;
        Some(Hit {
            start,
            end: start + self.phrases[pattern].len(),
            pattern,
        })
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every match on word boundaries, left to right, not overlapping: from each place a match
    /// may start (see [`Starts::scan`]), the longest phrase there, kept if it stands. A match
    /// that does not stand hides none that starts further on ("the Sudan" in "the Sudanese
    /// Armed Forces").
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(starts) = &self.starts else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        starts.scan(text, |start| {
            let (end, pattern) = starts.longest_at(text, start)?;
            let hit = Hit {
                start,
                end,
                pattern,
            };
            self.keeps(text, &hit).then(|| {
                hits.push(hit);
                end
            })
        });
        hits
    }

    /// Whether a match stands: on word boundaries and, with `respect_capitals`, with the
    /// phrase's capitals. A match that does not stand hides none of those it overlaps.
    fn keeps(&self, text: &str, hit: &Hit) -> bool {
        let (start, end) = (hit.start, hit.end);
        let phrase = &self.phrases[hit.pattern];
        let first = phrase.chars().next().unwrap_or(' ');
        let last = phrase.chars().last().unwrap_or(' ');
        let before_ok = !first.is_alphanumeric()
            || !text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let after_ok = !last.is_alphanumeric()
            || !text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if !(before_ok && after_ok) {
            return false;
        }
        !(self.respect_capitals
            && phrase
                .chars()
                .zip(text[start..end].chars())
                .any(|(p, t)| p.is_uppercase() && !t.is_uppercase()))
    }

    /// Whether two phrases are the same but for ASCII case: then a leftmost-longest search
    /// reports the first of them, and only this set's own search can find its hits.
    fn has_case_twins(&self) -> bool {
        let mut seen = HashSet::new();
        !self
            .phrases
            .iter()
            .all(|p| seen.insert(p.to_ascii_lowercase()))
    }
}

/// What a leftmost-longest search finds, from all the (overlapping) matches: the leftmost match,
/// the longest of those starting there, then the same from its end on.
fn leftmost_longest(mut all: Vec<Hit>) -> Vec<Hit> {
    all.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut hits = Vec::new();
    let mut from = 0;
    for h in all {
        if h.start >= from {
            from = h.end;
            hits.push(h);
        }
    }
    hits
}

/// Every cue phrase of every class in one trie that gives every phrase matching at a place: one
/// pass over a text gives the hits of all classes, each class's as its own search finds them.
struct AllCues {
    starts: Starts,
    /// For each phrase of the trie, the classes that have it and its pattern in each.
    owners: Vec<Vec<(usize, usize)>>,
    /// The classes, in the order of `Lexicon::cues`; those with case twins are searched alone.
    classes: Vec<(CueClass, bool)>,
}

impl AllCues {
    fn new(cues: &BTreeMap<CueClass, PhraseSet<Cue>>) -> Option<AllCues> {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut phrases: Vec<&str> = Vec::new();
        let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut classes = Vec::new();
        for (c, (class, set)) in cues.iter().enumerate() {
            let alone = set.starts.is_none() || set.has_case_twins();
            classes.push((*class, alone));
            if alone {
                continue;
            }
            for (pattern, phrase) in set.phrases.iter().enumerate() {
                let i = *index.entry(phrase).or_insert_with(|| {
                    phrases.push(phrase);
                    owners.push(Vec::new());
                    phrases.len() - 1
                });
                owners[i].push((c, pattern));
            }
        }
        Some(AllCues {
            starts: Starts::new(&phrases)?,
            owners,
            classes,
        })
    }
}

/// Cue phrases a quotation mark breaks (`had "lost confidence" in`, `had been "constructive"`):
/// around each quotation mark, the text without its quotation marks is searched again, and the
/// matches that span the mark are added to `found` with the spans of the original text.
fn across_quotes(all: &AllCues, text: &str, found: &mut [Vec<Hit>]) {
    const REACH: usize = 48;
    let is_quote = |c: char| matches!(c, '"' | '“' | '”');
    let mut window = String::new();
    let mut origin: Vec<usize> = Vec::new();
    for (q, _) in text.match_indices(is_quote) {
        let mut from = q.saturating_sub(REACH);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (q + 1 + REACH).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        window.clear();
        origin.clear();
        for (i, c) in text[from..to].char_indices() {
            if is_quote(c) {
                continue;
            }
            window.push(c);
            origin.extend((0..c.len_utf8()).map(|k| from + i + k));
        }
        let window = window.as_str();
        all.starts.scan(window, |m_start| {
            all.starts.matches_at(window, m_start, |m_end, phrase| {
                let (start, end) = (origin[m_start], origin[m_end - 1] + 1);
                // Only what the mark broke; the rest the search of the whole text found. A match
                // must still stand on word boundaries of the window ("lost" + "confidence").
                if !(start < q && q < end) {
                    return;
                }
                let before_ok = !window[..m_start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after_ok = !window[m_end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if !(before_ok && after_ok) {
                    return;
                }
                for &(class, pattern) in &all.owners[phrase] {
                    let hit = Hit {
                        start,
                        end,
                        pattern,
                    };
                    if !found[class].contains(&hit) {
                        found[class].push(hit);
                    }
                }
            });
            None
        });
    }
}

/// The cue hits of every class in one text (see [`Lexicon::all_cue_hits`]).
#[derive(Debug, Clone, Default)]
pub struct CueHits {
    by_class: Vec<(CueClass, Vec<Hit>)>,
}

impl CueHits {
    /// The spans of one class's hits, sorted by start (for the cues too, see
    /// [`Lexicon::hits_in`]).
    pub fn spans(&self, class: CueClass) -> Vec<Hit> {
        self.of(class).to_vec()
    }

    /// One class's hits, as [`CueHits::spans`] gives them, without a copy.
    pub fn of(&self, class: CueClass) -> &[Hit] {
        self.by_class
            .iter()
            .find(|(c, _)| *c == class)
            .map_or(&[], |(_, hits)| hits.as_slice())
    }
}

/// Everything the extractor knows before it reads an article.
pub struct Lexicon {
    pub actors: Vec<ActorEntry>,
    pub by_iri: HashMap<String, usize>,
    /// Names, alternative names, demonyms, metonyms and surnames of the gazetteer.
    pub names: PhraseSet<(usize, NameKind)>,
    /// Issue cue phrases -> issue slug.
    pub issues: PhraseSet<String>,
    pub issue_labels: BTreeMap<String, String>,
    pub cues: BTreeMap<CueClass, PhraseSet<Cue>>,
    /// All of `cues` in one automaton, for [`Lexicon::all_cue_hits`].
    all_cues: Option<AllCues>,
    pub abbreviations: HashSet<String>,
    /// Words that make a name with an acronym an organisation's ("Front", "Movement").
    pub organization_heads: HashSet<String>,
    /// The clause rules of `rules.ttl`.
    pub rules: RuleBook,
    /// For each state of the gazetteer, the titles its people hold there ("president", "prime
    /// minister", "foreign minister"), from their posts.
    pub state_titles: HashMap<usize, HashSet<String>>,
    /// A short digest of all the data, recorded with each document's extraction.
    pub version: String,
}

type Props = BTreeMap<String, Vec<Term>>;

fn parse_turtle(file: &str, text: &str) -> Result<Vec<(Subject, String, Term)>, LexiconError> {
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(text.as_bytes())
        .map(|q| {
            q.map(|q| (q.subject, q.predicate.into_string(), q.object))
                .map_err(|source| LexiconError::Parse {
                    file: file.to_string(),
                    source,
                })
        })
        .collect()
}

fn subject_key(s: &Subject) -> String {
    match s {
        Subject::NamedNode(n) => n.as_str().to_string(),
        other => other.to_string(),
    }
}

fn literal(t: &Term) -> Option<&str> {
    match t {
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

fn iri(t: &Term) -> Option<&str> {
    match t {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

fn term_key(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        other => other.to_string(),
    }
}

/// The triples of the ontology files and the user's actor files, by subject and predicate, with
/// the subjects in the order they first appear.
struct Graph {
    subjects: BTreeMap<String, Props>,
    order: Vec<String>,
}

/// The cue lexicons read from the graph: the cues of each class, the abbreviations and the words
/// that head organisations' names.
type CueTables = (
    BTreeMap<CueClass, PhraseSet<Cue>>,
    HashSet<String>,
    HashSet<String>,
);

/// Every piece of data the extraction reads, by name: the ontology's files, `extra`, the word
/// lists and the syntax stage's files. A change to any of them changes what is extracted, so
/// the version digests them all.
fn data_files(extra: &[(String, String)]) -> Vec<(&str, &[u8])> {
    let turtle = ONTOLOGY.iter().map(|(n, t)| (*n, t.as_bytes()));
    let outside = extra.iter().map(|(n, t)| (n.as_str(), t.as_bytes()));
    let words = words::FILES.iter().map(|(n, t)| (*n, t.as_bytes()));
    let syntax = syntax_data::FILES.iter().copied();
    turtle.chain(outside).chain(words).chain(syntax).collect()
}

/// A short digest of `files`, their names and their bytes.
fn version(files: &[(&str, &[u8])]) -> String {
    use sha2::Digest;
    let mut digest = sha2::Sha256::default();
    for (name, bytes) in files {
        digest.update(name.as_bytes());
        digest.update((bytes.len() as u64).to_le_bytes());
        digest.update(bytes);
    }
    format!("{:x}", digest.finalize())[..12].to_string()
}

impl Graph {
    /// The built-in files then `extra`, and the version of all the data.
    fn read(extra: &[(String, String)]) -> Result<(Graph, String), LexiconError> {
        let mut graph = Graph {
            subjects: BTreeMap::new(),
            order: Vec::new(),
        };
        let files = ONTOLOGY
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .chain(extra.iter().cloned());
        for (file, text) in files {
            let triples = parse_turtle(&file, &text)?;
            let outside = !ONTOLOGY.iter().any(|(n, _)| *n == file);
            graph.add(triples, outside);
        }
        Ok((graph, version(&data_files(extra))))
    }

    /// Adds one file's triples. A file from `outside` the ontology replaces what the files before
    /// it said of a subject it also describes.
    fn add(&mut self, triples: Vec<(Subject, String, Term)>, outside: bool) {
        let mut in_this_file: HashSet<String> = HashSet::new();
        for (s, p, o) in triples {
            let key = subject_key(&s);
            if in_this_file.insert(key.clone()) {
                if !self.subjects.contains_key(&key) {
                    self.order.push(key.clone());
                } else if outside {
                    // An outside file replaces what the gazetteer said of an actor it knew.
                    self.subjects.insert(key.clone(), Props::new());
                }
            }
            self.subjects
                .entry(key)
                .or_default()
                .entry(p)
                .or_default()
                .push(o);
        }
    }

    /// The objects of `s p`.
    fn get(&self, s: &str, p: &str) -> &[Term] {
        self.subjects
            .get(s)
            .and_then(|props| props.get(p))
            .map_or(&[], Vec::as_slice)
    }

    /// The IRIs among the objects of `s p`.
    fn iris<'a>(&'a self, s: &str, p: &str) -> impl Iterator<Item = &'a str> {
        self.get(s, p).iter().filter_map(iri)
    }

    /// The literals among the objects of `s p`.
    fn strings(&self, s: &str, p: &str) -> Vec<String> {
        self.get(s, p)
            .iter()
            .filter_map(literal)
            .map(str::to_string)
            .collect()
    }

    /// The first literal among the objects of `s p`.
    fn string(&self, s: &str, p: &str) -> Option<String> {
        self.strings(s, p).into_iter().next()
    }

    /// The clause rules: every subject in the rule namespace, with its class and properties.
    fn rules(&self) -> Result<RuleBook, RuleError> {
        let items = self
            .order
            .iter()
            .filter(|s| s.starts_with(vocab::RULE))
            .filter_map(|s| {
                let kind = self
                    .iris(s, &format!("{RDF}type"))
                    .find_map(|t| t.strip_prefix(NEG))?
                    .to_string();
                let props: Box<RuleProps> = Box::new(move |p: &str| {
                    self.get(s, &vocab::neg(p))
                        .iter()
                        .map(|t| match t {
                            Term::NamedNode(n) => n
                                .as_str()
                                .strip_prefix(NEG)
                                .unwrap_or(n.as_str())
                                .to_string(),
                            other => literal(other).unwrap_or_default().to_string(),
                        })
                        .collect()
                });
                Some((s.clone(), kind, props))
            });
        RuleBook::new(items)
    }

    fn is_a(&self, s: &str, class: &str) -> bool {
        self.iris(s, &format!("{RDF}type")).any(|t| t == class)
    }

    /// The gazetteer's actors, in the order they first appear, and their indices by IRI.
    fn actors(&self) -> Result<(Vec<ActorEntry>, HashMap<String, usize>), LexiconError> {
        let mut actors = Vec::new();
        let mut by_iri = HashMap::new();
        for s in &self.order {
            let Some(kind) = self
                .iris(s, &format!("{RDF}type"))
                .find_map(ActorKind::from_iri)
            else {
                continue;
            };
            let Some(label) = self.string(s, &format!("{RDFS}label")) else {
                return Err(LexiconError::Missing {
                    file: "actors",
                    what: "actor",
                    subject: s.to_string(),
                    property: "rdfs:label",
                });
            };
            by_iri.insert(s.clone(), actors.len());
            actors.push(ActorEntry {
                iri: s.clone(),
                kind,
                label,
                alt_labels: self.strings(s, &format!("{SKOS}altLabel")),
                demonyms: self.strings(s, &vocab::neg("demonym")),
                metonyms: self.strings(s, &vocab::neg("metonym")),
                same_as: self
                    .iris(s, &format!("{OWL}sameAs"))
                    .map(str::to_string)
                    .collect(),
                posts: Vec::new(),
                surname_override: self.string(s, &vocab::neg("surname")),
                parent: None,
            });
        }
        for entry in actors.iter_mut() {
            let s = &entry.iri;
            entry.parent = self
                .iris(s, "http://www.w3.org/ns/org#subOrganizationOf")
                .find_map(|o| by_iri.get(o).copied());
            entry.posts = self.posts(s, &by_iri);
        }
        Ok((actors, by_iri))
    }

    /// The posts the gazetteer gives the person `s`: those with a title.
    fn posts(&self, s: &str, by_iri: &HashMap<String, usize>) -> Vec<Post> {
        let mut posts = Vec::new();
        for post in self.get(s, &vocab::neg("post")) {
            let node = term_key(post);
            if let Some(title) = self.string(&node, &vocab::neg("title")) {
                let organization = self
                    .iris(&node, &vocab::neg("organization"))
                    .find_map(|o| by_iri.get(o).copied());
                posts.push(Post {
                    title: title.to_lowercase(),
                    organization,
                });
            }
        }
        posts
    }

    /// The issue scheme's phrases (preferred and alternative labels, lower-cased) by slug, and
    /// each issue's preferred label.
    fn issues(&self) -> (PhraseSet<String>, BTreeMap<String, String>) {
        let mut issue_entries = Vec::new();
        let mut issue_labels = BTreeMap::new();
        for s in &self.order {
            let Some(slug) = s.strip_prefix(vocab::ISSUE) else {
                continue;
            };
            if slug.is_empty() || !self.is_a(s, &format!("{SKOS}Concept")) {
                continue;
            }
            for l in self.strings(s, &format!("{SKOS}prefLabel")) {
                issue_labels.insert(slug.to_string(), l.clone());
                issue_entries.push((l.to_lowercase(), slug.to_string()));
            }
            for l in self.strings(s, &format!("{SKOS}altLabel")) {
                issue_entries.push((l.to_lowercase(), slug.to_string()));
            }
        }
        (PhraseSet::new(issue_entries, false), issue_labels)
    }

    /// The cue lexicons: every form of every cue under its class, the abbreviations and the
    /// heads of organisations' names.
    fn cues(&self) -> Result<CueTables, LexiconError> {
        let mut cue_entries: BTreeMap<CueClass, Vec<(String, Cue)>> = BTreeMap::new();
        let mut abbreviations = HashSet::new();
        let mut organization_heads = HashSet::new();
        for s in &self.order {
            let types: Vec<&str> = self.iris(s, &format!("{RDF}type")).collect();
            let mut forms = self.strings(s, &vocab::neg("form"));
            // "economy secretary", "trade representative": each portfolio before each head;
            // "secretary of labor", "secretary of the interior": after it.
            let heads = self.strings(s, &vocab::neg("portfolioHead"));
            for p in self.strings(s, &vocab::neg("portfolio")) {
                for h in &heads {
                    forms.push(format!("{p} {h}"));
                    forms.push(format!("{h} of {p}"));
                    forms.push(format!("{h} of the {p}"));
                }
            }
            for t in types {
                let Some(local) = t.strip_prefix(NEG) else {
                    continue;
                };
                let cue = match local {
                    "Abbreviation" => {
                        abbreviations.extend(forms.iter().map(|f| f.to_lowercase()));
                        continue;
                    }
                    "OrganizationHead" => {
                        organization_heads.extend(forms.iter().cloned());
                        continue;
                    }
                    _ => match self.cue(s, local)? {
                        Some(cue) => cue,
                        None => continue,
                    },
                };
                let class = cue.class();
                for f in &forms {
                    cue_entries
                        .entry(class)
                        .or_default()
                        .push((f.to_lowercase(), cue.clone()));
                }
            }
        }
        let cues = cue_entries
            .into_iter()
            .map(|(class, entries)| (class, PhraseSet::new(entries, false)))
            .collect();
        Ok((cues, abbreviations, organization_heads))
    }

    /// The cue the subject `s` of type `neg:{local}` is, if that is a class of cue.
    fn cue(&self, s: &str, local: &str) -> Result<Option<Cue>, LexiconError> {
        let name = s.rsplit('/').next().unwrap_or(s).to_string();
        Ok(Some(match local {
            "SpeechCue" => Cue::Speech,
            "StanceCue" => self.stance_cue(s, name)?,
            "NegationCue" => Cue::Negation,
            "ConditionCue" => Cue::Condition,
            "BlockerCue" => Cue::Blocker,
            "HedgeCue" => Cue::Hedge,
            "ReversalCue" => Cue::Reversal,
            "AgentHead" => Cue::AgentHead,
            "TitleCue" => Cue::Title,
            "HonorificCue" => Cue::Honorific,
            "DescriptionCue" => Cue::Description(
                self.iris(s, &vocab::neg("actorClass"))
                    .find_map(ActorKind::from_iri)
                    .unwrap_or(ActorKind::Organization),
            ),
            "RoleCue" => self.role_cue(s, name)?,
            "LocativeCue" => Cue::Locative,
            "ReportingCue" => Cue::Reporting,
            "InterviewCue" => Cue::Interview,
            "DealCue" => Cue::Deal,
            "PartiesCue" => Cue::Parties,
            "EffortCue" => Cue::Effort,
            "EventCue" => self.event_cue(s, name)?,
            _ => return Ok(None),
        }))
    }

    fn stance_cue(&self, s: &str, name: String) -> Result<Cue, LexiconError> {
        let polarity =
            self.iris(s, &vocab::neg("polarity"))
                .find_map(|p| match p.strip_prefix(NEG) {
                    Some("Support") => Some(Polarity::Support),
                    Some("Oppose") => Some(Polarity::Oppose),
                    Some("Neutral") => Some(Polarity::Neutral),
                    _ => None,
                });
        Ok(Cue::Stance {
            name,
            polarity: polarity.ok_or_else(|| LexiconError::Missing {
                file: "cues.ttl",
                what: "stance cue",
                subject: s.to_string(),
                property: "neg:polarity",
            })?,
            side: match self.string(s, &vocab::neg("targetSide")).as_deref() {
                Some("actor-after") => TargetSide::ActorAfter,
                Some("actor-before") => TargetSide::ActorBefore,
                Some("issue-before") => TargetSide::IssueBefore,
                _ => TargetSide::After,
            },
            speaker_held: self
                .strings(s, &vocab::neg("heldBy"))
                .iter()
                .any(|h| h == "speaker"),
            reach: self
                .string(s, &vocab::neg("reach"))
                .and_then(|n| n.parse().ok())
                .unwrap_or(10),
        })
    }

    fn role_cue(&self, s: &str, name: String) -> Result<Cue, LexiconError> {
        Ok(Cue::Role {
            name,
            role: self
                .iris(s, &vocab::neg("role"))
                .find_map(Role::from_iri)
                .ok_or_else(|| LexiconError::Missing {
                    file: "cues.ttl",
                    what: "role cue",
                    subject: s.to_string(),
                    property: "neg:role",
                })?,
            slot: match self.string(s, &vocab::neg("slot")).as_deref() {
                Some("before") => Slot::Before,
                Some("pair") => Slot::Pair,
                _ => Slot::After,
            },
            min_actors: self
                .string(s, &vocab::neg("minActors"))
                .and_then(|n| n.parse().ok())
                .unwrap_or(1),
        })
    }

    fn event_cue(&self, s: &str, name: String) -> Result<Cue, LexiconError> {
        Ok(Cue::Event {
            name,
            event_type: self
                .iris(s, &vocab::neg("eventType"))
                .find_map(|t| t.strip_prefix(NEG))
                .map(str::to_string)
                .ok_or_else(|| LexiconError::Missing {
                    file: "cues.ttl",
                    what: "event cue",
                    subject: s.to_string(),
                    property: "neg:eventType",
                })?,
            objects: self
                .strings(s, &vocab::neg("object"))
                .iter()
                .map(|o| o.to_lowercase())
                .collect(),
        })
    }
}

/// Every name the gazetteer gives its actors, for finding them in text: labels, alternative
/// labels, demonyms (with a state's people in the plural), metonyms and surnames (with a
/// particle's other spelling).
fn name_set(actors: &[ActorEntry]) -> PhraseSet<(usize, NameKind)> {
    let mut name_entries = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        name_entries.push((a.label.clone(), (i, NameKind::Label)));
        for n in &a.alt_labels {
            name_entries.push((n.clone(), (i, NameKind::AltLabel)));
        }
        // "Organisation of African Unity" for "Organization of African Unity".
        for n in std::iter::once(&a.label).chain(&a.alt_labels) {
            for spelled in other_spellings(n) {
                name_entries.push((spelled, (i, NameKind::AltLabel)));
            }
        }
        for n in &a.demonyms {
            name_entries.push((n.clone(), (i, NameKind::Demonym)));
            // "the North Koreans wanted ...", "the Israelis said": a state's people for its
            // side, where the plural is regular ("the French", "the Chinese" are left).
            if a.kind == ActorKind::State && !n.ends_with(['s', 'h', 'e']) {
                name_entries.push((format!("the {n}s"), (i, NameKind::Metonym)));
            }
        }
        for n in &a.metonyms {
            name_entries.push((n.clone(), (i, NameKind::Metonym)));
            // "State Department spokesman", "Kremlin officials": a building's name before a
            // noun goes without its "the".
            if let Some(bare) = n
                .strip_prefix("the ")
                .filter(|b| b.starts_with(char::is_uppercase))
            {
                name_entries.push((bare.to_string(), (i, NameKind::Metonym)));
            }
        }
        if let Some(s) = a.surname() {
            // "Al Thani" is also written "Al-Thani", "al-Ansari" also "al Ansari".
            for (from, to) in [(' ', '-'), ('-', ' ')] {
                let (particle, rest) = s.split_once(from).unwrap_or((&s, ""));
                if !rest.is_empty() && particle.len() <= 3 {
                    name_entries.push((format!("{particle}{to}{rest}"), (i, NameKind::Surname)));
                }
            }
            // "Erdoğan" for the "Erdogan" of the label: the surname as an alternative label
            // spells it with its diacritics.
            for spelled in accented_spellings(&s, &a.alt_labels) {
                name_entries.push((spelled, (i, NameKind::Surname)));
            }
            name_entries.push((s, (i, NameKind::Surname)));
        }
    }
    for (i, n) in formal_names(actors) {
        name_entries.push((n, (i, NameKind::AltLabel)));
    }
    PhraseSet::new(name_entries, true)
}

/// `name` with each word of `words/spelling-pairs.txt` it holds spelled the other way.
fn other_spellings(name: &str) -> Vec<String> {
    Words::get()
        .spelling_pairs
        .iter()
        .filter_map(|pair| pair.split_once(' '))
        .flat_map(|(a, b)| [(a, b), (b, a)])
        .filter(|(from, _)| {
            name.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == *from)
        })
        .map(|(from, to)| {
            name.split_inclusive(|c: char| !c.is_alphanumeric())
                .map(|w| {
                    let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                    if bare == from {
                        format!("{to}{}", &w[bare.len()..])
                    } else {
                        w.to_string()
                    }
                })
                .collect()
        })
        .collect()
}

/// The last words of `labels` that spell `surname` with diacritics: the same letters once the
/// accents are folded, but not the same string.
fn accented_spellings(surname: &str, labels: &[String]) -> Vec<String> {
    let fold = |w: &str| -> String { w.chars().map(vocab::fold_accent).collect() };
    let plain = fold(surname);
    let words = surname.split_whitespace().count();
    let mut out: Vec<String> = labels
        .iter()
        .filter_map(|l| {
            let all: Vec<&str> = l.split_whitespace().collect();
            let tail = all.get(all.len().checked_sub(words)?..)?.join(" ");
            (tail != surname && fold(&tail) == plain).then_some(tail)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The states' names by the forms of state of `words/state-forms.txt`, each with its state: the
/// form before the label ("Empire of Japan", "Kingdom of Saudi Arabia") and a demonym before the
/// form's noun ("Russian Empire", "French Republic"); not a name an actor has already, nor one
/// two states would both get ("Dominican Republic" from the demonyms of Dominica and of the
/// Dominican Republic).
fn formal_names(actors: &[ActorEntry]) -> Vec<(usize, String)> {
    let forms = &crate::lexicon::Words::get().state_forms;
    let mut nouns: Vec<&str> = forms
        .iter()
        .filter_map(|f| f.strip_suffix(" of")?.rsplit(' ').next())
        .collect();
    nouns.sort_unstable();
    nouns.dedup();
    let mut names: Vec<(usize, String)> = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        if a.kind != ActorKind::State {
            continue;
        }
        names.extend(forms.iter().map(|f| (i, format!("{f} {}", a.label))));
        for d in &a.demonyms {
            names.extend(nouns.iter().map(|n| (i, format!("{d} {n}"))));
        }
    }
    names.sort();
    names.dedup();
    let taken: HashSet<String> = actors
        .iter()
        .flat_map(|a| {
            [&a.label]
                .into_iter()
                .chain(&a.alt_labels)
                .chain(&a.demonyms)
                .chain(&a.metonyms)
        })
        .map(|n| n.to_lowercase())
        .collect();
    let mut states_of: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, n) in &names {
        let states = states_of.entry(n.to_lowercase()).or_default();
        if !states.contains(i) {
            states.push(*i);
        }
    }
    names.retain(|(_, n)| {
        let n = n.to_lowercase();
        !taken.contains(&n) && states_of[&n].len() == 1
    });
    names
}

/// The titles the gazetteer's people hold in each state.
fn state_titles(actors: &[ActorEntry]) -> HashMap<usize, HashSet<String>> {
    let mut out: HashMap<usize, HashSet<String>> = HashMap::new();
    for post in actors.iter().flat_map(|a| &a.posts) {
        if let Some(o) = post
            .organization
            .filter(|&o| actors[o].kind == ActorKind::State)
        {
            out.entry(o).or_default().insert(post.title.clone());
        }
    }
    out
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        Lexicon::with_actors(&[])
    }

    /// The built-in lexicon plus actor files (`(name, turtle)`), later files overriding earlier
    /// actors of the same IRI.
    pub fn with_actors(extra: &[(String, String)]) -> Result<Lexicon, LexiconError> {
        let (graph, version) = Graph::read(extra)?;
        let (actors, by_iri) = graph.actors()?;
        let names = name_set(&actors);
        let (issues, issue_labels) = graph.issues();
        let (cues, abbreviations, organization_heads) = graph.cues()?;
        let all_cues = AllCues::new(&cues);
        let rules = graph.rules()?;
        let state_titles = state_titles(&actors);
        Ok(Lexicon {
            rules,
            state_titles,
            actors,
            by_iri,
            names,
            issues,
            issue_labels,
            cues,
            all_cues,
            abbreviations,
            organization_heads,
            version,
        })
    }

    /// Matches of one cue class in `text`.
    pub fn cue_hits(&self, class: CueClass, text: &str) -> Vec<(Hit, &[Cue])> {
        match self.cues.get(&class) {
            Some(set) => set
                .find(text)
                .into_iter()
                .map(|h| (h, set.values(&h)))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The hits of every cue class in `text`, from one search; [`Lexicon::hits_in`] gives those of
    /// one class, the same as [`Lexicon::cue_hits`] on the same text.
    pub fn all_cue_hits(&self, text: &str) -> CueHits {
        let Some(all) = &self.all_cues else {
            return CueHits {
                by_class: self
                    .cues
                    .keys()
                    .map(|&c| (c, self.cue_hits_only(c, text)))
                    .collect(),
            };
        };
        let mut found: Vec<Vec<Hit>> = vec![Vec::new(); all.classes.len()];
        all.starts.scan(text, |start| {
            all.starts.matches_at(text, start, |end, phrase| {
                for &(class, pattern) in &all.owners[phrase] {
                    found[class].push(Hit {
                        start,
                        end,
                        pattern,
                    });
                }
            });
            None
        });
        across_quotes(all, text, &mut found);
        let by_class = all
            .classes
            .iter()
            .zip(found)
            .map(|(&(class, alone), matches)| {
                let hits = if alone {
                    self.cue_hits_only(class, text)
                } else {
                    let set = &self.cues[&class];
                    leftmost_longest(matches.into_iter().filter(|h| set.keeps(text, h)).collect())
                };
                (class, hits)
            })
            .collect();
        CueHits { by_class }
    }

    fn cue_hits_only(&self, class: CueClass, text: &str) -> Vec<Hit> {
        self.cues
            .get(&class)
            .map(|s| s.find(text))
            .unwrap_or_default()
    }

    /// The match of class `class` that the longer phrase of `hit` hid, with its cues (see
    /// [`PhraseSet::hidden`]).
    pub fn hidden_hit(&self, hit: &Hit, class: CueClass) -> Option<(Hit, &[Cue])> {
        let set = self.cues.get(&class)?;
        let inner = set.hidden(hit)?;
        Some((inner, set.values(&inner)))
    }

    /// The hits of one class among `hits` (of [`Lexicon::all_cue_hits`]), with their cues.
    pub fn hits_in<'a>(&'a self, hits: &CueHits, class: CueClass) -> Vec<(Hit, &'a [Cue])> {
        let (Some(set), Some((_, found))) = (
            self.cues.get(&class),
            hits.by_class.iter().find(|(c, _)| *c == class),
        ) else {
            return Vec::new();
        };
        found.iter().map(|h| (*h, set.values(h))).collect()
    }

    pub fn actor(&self, iri: &str) -> Option<&ActorEntry> {
        self.by_iri.get(iri).map(|&i| &self.actors[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The actors the gazetteer's longest name at the start of `text` stands for.
    fn named(lexicon: &Lexicon, text: &str) -> Vec<String> {
        let hits = lexicon.names.find(text);
        let Some(hit) = hits.iter().find(|h| h.start == 0 && h.end == text.len()) else {
            return Vec::new();
        };
        let mut labels: Vec<String> = lexicon
            .names
            .values(hit)
            .iter()
            .map(|&(i, _)| lexicon.actors[i].label.clone())
            .collect();
        labels.dedup();
        labels
    }

    #[test]
    fn a_state_is_named_by_its_forms_of_state() {
        let lexicon = Lexicon::builtin().unwrap();
        for (name, state) in [
            ("Empire of Japan", "Japan"),
            ("Russian Empire", "Russia"),
            ("Kingdom of Morocco", "Morocco"),
            ("French Republic", "France"),
            // names an actor has already keep their actor
            ("Dominican Republic", "Dominican Republic"),
            ("Republic of Congo", "Republic of the Congo"),
            ("Czech Republic", "Czech Republic"),
            ("Ottoman Empire", "Ottoman Empire"),
        ] {
            assert_eq!(named(&lexicon, name), vec![state.to_string()], "{name}");
        }
        // no state without a form: a demonym before another noun, a form before no state
        for name in ["Russian Navy", "Empire of Dust", "Byzantine Empire"] {
            assert!(named(&lexicon, name).is_empty(), "{name}");
        }
    }

    #[test]
    fn the_version_covers_every_data_file() {
        let extra = [("mine.ttl".to_string(), "# nothing".to_string())];
        let names: Vec<&str> = data_files(&extra).iter().map(|(n, _)| *n).collect();
        let expected = ONTOLOGY
            .iter()
            .map(|(n, _)| *n)
            .chain(["mine.ttl"])
            .chain(words::FILES.iter().map(|(n, _)| *n))
            .chain(["tagger.bin", "lemmas.tsv", "bases.tsv"]);
        for name in expected {
            assert!(names.contains(&name), "{name} is not in the version");
        }
        // One changed byte in any of them, a word list say, gives another version.
        let files = data_files(&[]);
        let mut changed: Vec<(&str, Vec<u8>)> =
            files.iter().map(|(n, b)| (*n, b.to_vec())).collect();
        let list = changed
            .iter()
            .position(|(n, _)| *n == words::FILES[0].0)
            .unwrap();
        changed[list].1.push(b'x');
        let changed: Vec<(&str, &[u8])> = changed.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        assert_ne!(version(&files), version(&changed));
        assert_eq!(version(&files), Lexicon::builtin().unwrap().version);
    }

    #[test]
    fn phrase_set_respects_boundaries_and_capitals() {
        let set = PhraseSet::new([("US".to_string(), 1), ("Israel".to_string(), 2)], true);
        let hits = set.find("us and US; Israeli and Israel's");
        let found: Vec<_> = hits.iter().map(|h| set.values(h)[0]).collect();
        assert_eq!(found, vec![1, 2]);
    }

    #[test]
    fn one_search_finds_what_each_class_finds() {
        let lexicon = Lexicon::builtin().unwrap();
        let mut texts = vec![
            "Hamas said it would not accept a cease-fire; the talks in Doha, the mediators said, \
             were held up. Mr. Smith, the prime minister's envoy, rejected it outright."
                .to_string(),
            "in in in the the of ofof cease fire cease-fire-deal TALKS Talks talked".to_string(),
        ];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        // Without quotation marks: across them the one search finds more (see below).
        for text in &texts {
            let text = text.replace(['"', '“', '”'], "|");
            let all = lexicon.all_cue_hits(&text);
            for &class in lexicon.cues.keys() {
                assert_eq!(lexicon.hits_in(&all, class), lexicon.cue_hits(class, &text));
            }
        }
    }

    #[test]
    fn a_quotation_mark_inside_a_cue_phrase_hides_it_from_no_search() {
        let lexicon = Lexicon::builtin().unwrap();
        let text =
            "He said Washington had \"lost confidence\" in the government, which was \"very \
                    constructive\" before.";
        let all = lexicon.all_cue_hits(text);
        let phrases: Vec<&str> = lexicon
            .hits_in(&all, CueClass::Stance)
            .iter()
            .map(|(h, _)| &text[h.start..h.end])
            .collect();
        assert!(phrases.contains(&"lost confidence\" in"), "{phrases:?}");
        // Only phrases the mark broke are added: none that lie on one side of it.
        let plain = lexicon.cue_hits(CueClass::Stance, text);
        assert_eq!(phrases.len(), plain.len() + 1, "{phrases:?}");
    }

    /// The search [`PhraseSet::find`] replaced: a leftmost-longest automaton run from every
    /// byte, a rejected match hiding none that starts further on.
    fn search_from_every_byte<T: Clone + PartialEq>(set: &PhraseSet<T>, text: &str) -> Vec<Hit> {
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&set.phrases)
            .unwrap();
        let mut hits = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = ac.find(aho_corasick::Input::new(text).range(pos..)) else {
                break;
            };
            let hit = Hit {
                start: m.start(),
                end: m.end(),
                pattern: m.pattern().as_usize(),
            };
            pos = crate::text::after_char(text, hit.start);
            if set.keeps(text, &hit) {
                pos = hit.end.max(pos);
                hits.push(hit);
            }
        }
        hits
    }

    #[test]
    fn the_search_from_word_starts_finds_what_a_search_from_every_byte_finds() {
        let lexicon = Lexicon::builtin().unwrap();
        let mut texts: Vec<String> = [
            "the Sudanese Armed Forces and the Sudan; US us U.S. Israeli Israel's Côte d’Ivoire",
            "in in in the the of ofof cease fire cease-fire-deal TALKS Talks talked",
            "«Hamas» (Hamas) -Hamas- 2Hamas Hamas2 é-Hamas Qatari-mediated al-Thani Al Thani",
        ]
        .map(str::to_string)
        .to_vec();
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        for dir in std::fs::read_dir(fixtures).unwrap() {
            let dir = dir.unwrap().path();
            if !dir.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        for text in &texts {
            assert_eq!(
                lexicon.names.find(text),
                search_from_every_byte(&lexicon.names, text)
            );
            assert_eq!(
                lexicon.issues.find(text),
                search_from_every_byte(&lexicon.issues, text)
            );
            for set in lexicon.cues.values() {
                assert_eq!(set.find(text), search_from_every_byte(set, text));
            }
        }
    }

    #[test]
    fn a_phrase_hides_the_longest_phrase_inside_it_on_word_boundaries() {
        let set = PhraseSet::new(
            [
                "the two mediators",
                "two mediators",
                "mediators",
                "media",
                "guarantors of",
                "guarantors",
            ]
            .map(|p| (p.to_string(), ())),
            false,
        );
        let text = "one of the two mediators and guarantors of it";
        let hits = set.find(text);
        let spans: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(spans, ["the two mediators", "guarantors of"]);
        let inner = set.hidden(&hits[0]).unwrap();
        assert_eq!(&text[inner.start..inner.end], "two mediators");
        let inner = set.hidden(&inner).unwrap();
        assert_eq!(&text[inner.start..inner.end], "mediators");
        // "media" lies inside "mediators" but not on a word boundary.
        assert_eq!(set.hidden(&inner), None);
        let inner = set.hidden(&hits[1]).unwrap();
        assert_eq!(&text[inner.start..inner.end], "guarantors");
    }

    #[test]
    fn a_name_is_spelled_the_other_way_word_by_word() {
        assert_eq!(
            other_spellings("Organization of African Unity"),
            ["Organisation of African Unity"]
        );
        assert_eq!(
            other_spellings("Ministry of Defence"),
            ["Ministry of Defense"]
        );
        // Only whole words: "Labor" inside "Laboratory" is no word of its own.
        assert!(other_spellings("National Laboratory").is_empty());
    }

    #[test]
    fn apostrophes_match_both_forms() {
        let set = PhraseSet::new([("Côte d'Ivoire".to_string(), 1)], true);
        assert_eq!(set.find("in Côte d’Ivoire today").len(), 1);
    }
}
