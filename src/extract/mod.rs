//! The extractor: an article -> claims, each with the sentence it was read from and the rule that
//! made it. One module per rule family, run in this order, each reading what the earlier ones found:
//!
//! 1. [`metadata`]: document date, title, authors and reporters (never actors);
//! 2. [`actors`], the names stage: gazetteer names, new people from title patterns, and their
//!    surnames, "Mr." and titles resolved to their actor;
//! 3. [`reference`]: descriptions ("the group") and pronouns resolved to an actor the names stage
//!    found, and a pronoun that repeats one earlier in its sentence to what that one stands for
//!    (for the clause rules);
//! 4. [`positions`]: the posts people hold, with the state or organisation of each;
//! 5. [`roles`]: party, mediator, host, guarantor and observer roles from the role cues;
//! 6. [`syntax`] and [`clause_rules`]: the sentences that name an actor and a word of a clause
//!    rule are tagged and parsed into clauses (a verb with its doer, object, prepositional
//!    phrases and dependent infinitive; noun phrases with their coordination and appositions),
//!    and the role rules of `ontology/rules.ttl` read roles from them; the cue rules' facts
//!    stand, the clause rules add what they missed;
//! 7. [`frame`]: the negotiation, named by its sides, from the roles of both families;
//! 8. [`stances`]: attitudes toward issues and actors, with their holders, and quoted statements,
//!    from the cues and then from the stance rules of `ontology/rules.ttl`, read against the
//!    frame;
//! 9. [`events`]: what actors did (recalled a team, delivered a response, met), with the agent and
//!    the day the sentence names ([`dates`] resolves it against the document date), which also
//!    dates the statements.

pub mod actors;
pub mod clause_rules;
pub mod dates;
pub mod echoes;
pub mod events;
pub mod frame;
pub mod metadata;
pub mod parsed;
pub mod positions;
pub mod reference;
pub mod roles;
pub mod stances;
pub mod syntax;
pub mod terms;

use std::collections::BTreeSet;

use crate::input::Article;
use crate::lexicon::{ActorKind, Lexicon, Polarity, Role};
use crate::text::Text;

/// An actor of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Its IRI: the gazetteer's, or minted from its name.
    pub iri: String,
    pub kind: ActorKind,
    pub label: String,
    /// The names it was found as in this document.
    pub found_as: BTreeSet<String>,
    /// Index in [`Lexicon::actors`] for gazetteer actors.
    pub entry: Option<usize>,
    /// Titles this document gives it, lower case ("prime minister").
    pub titles: Vec<String>,
    /// Whether some mention is more than a place name ("in Qatar"): only such actors are output.
    pub acts: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MentionKind {
    Name,
    Demonym,
    Metonym,
    /// "The Swiss, who hosted": a state's people, whose plural is its demonym.
    People,
    Surname,
    Title,
    Description,
    Pronoun,
}

/// A span of the text that refers to an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// The actor it was resolved to where it was found: what explain shows and what every rule
    /// but the clause rules reads.
    pub actor: usize,
    /// The actor the clause rules read it as: `actor`, but for a pronoun that repeats one earlier
    /// in its sentence ("He said he ... and he praised"), what the first one stands for.
    pub stands_for: usize,
    pub kind: MentionKind,
    /// "Israel's", "Hamas’s": the actor possesses what follows.
    pub possessive: bool,
    /// "in Doha", "from Washington": a place, not an agent.
    pub locative: bool,
}

/// A title in the text ("Prime Minister", "the president's special envoy"), with the person it
/// names and the state or organisation it belongs to where the text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleUse {
    pub start: usize,
    pub end: usize,
    pub title: String,
    pub person: Option<usize>,
    pub organization: Option<usize>,
    /// The noun phrase around the title that was read for its organisation ("his spokesman",
    /// "a spokesman for the rebels"): the reference stage's pronouns and descriptions in it are
    /// read again for a title the names alone give none.
    pub np: Option<(usize, usize)>,
    pub rule: &'static str,
}

/// Where a claim was read: a sentence index and the byte span of its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Participation {
    pub actor: usize,
    pub role: Role,
    pub evidence: Evidence,
    pub rule: String,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    pub holder: usize,
    pub organization: usize,
    pub title: String,
    pub evidence: Evidence,
    pub rule: &'static str,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Issue(String),
    Actor(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    pub holder: usize,
    pub target: Target,
    pub polarity: Polarity,
    pub about: Option<usize>,
    pub evidence: Evidence,
    pub rule: String,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub speaker: usize,
    pub quote: String,
    pub evidence: Evidence,
    pub rule: &'static str,
    /// `YYYY-MM-DD`: the day the sentence says it was said ("said on Thursday"), if it names one.
    pub date: Option<String>,
}

/// Something actors did, of a kind of neg:EventType.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub agents: Vec<usize>,
    /// The local name of the neg:EventType individual ("Recall").
    pub event_type: String,
    /// `YYYY-MM-DD`, when the sentence names the day.
    pub date: Option<String>,
    pub evidence: Evidence,
    pub rule: String,
    pub confidence: f32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub creators: Vec<String>,
    pub contributors: Vec<String>,
    /// Byte spans of bylines and credit lines: nothing in them is an actor.
    pub credit_spans: Vec<(usize, usize)>,
    /// Byte spans of datelines ("DUBAI, United Arab Emirates (Agency) —"): places, not actors.
    pub dateline_spans: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Negotiation {
    pub slug: String,
    pub label: String,
    pub parties: Vec<usize>,
    pub issue: Option<String>,
    pub venue: Option<String>,
}

/// Everything read from one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub text: String,
    /// Hex SHA-256 of the text: the document's identity.
    pub hash: String,
    pub origin: String,
    pub meta: Metadata,
    pub sentences: Vec<(usize, usize)>,
    pub actors: Vec<Actor>,
    pub mentions: Vec<Mention>,
    pub titles: Vec<TitleUse>,
    pub positions: Vec<Position>,
    pub negotiation: Option<Negotiation>,
    pub participations: Vec<Participation>,
    pub stances: Vec<Stance>,
    pub statements: Vec<Statement>,
    pub events: Vec<Event>,
    pub lexicon_version: String,
}

/// Options that change what is read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The document date to use when the article gives none (or to override it).
    pub date: Option<String>,
}

/// Reads one article.
pub fn extract(article: &Article, lexicon: &Lexicon, options: &Options) -> Extraction {
    extract_with_clauses(article, lexicon, options).0
}

/// Reads one article, and gives beside it what the clause rules read on their own, before the
/// facts the cue rules had already read were left out of it.
pub fn extract_with_clauses(
    article: &Article,
    lexicon: &Lexicon,
    options: &Options,
) -> (Extraction, clause_rules::Read) {
    extract_staged(article, lexicon, options, &mut |_| {})
}

/// The stages of [`extract`], in the order they run: what a timer of the extraction is told
/// each time one ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Sentences and tokens.
    Text,
    Metadata,
    /// Names of actors, and the reference of surnames, titles, descriptions and pronouns.
    Actors,
    Positions,
    /// Roles read from cue words.
    CueRoles,
    /// Word classes and the clause parse.
    Parse,
    /// Deal terms, clause-read roles, the sides, and the negotiation.
    Frame,
    /// Stances, statements and their dates.
    Stances,
    Events,
}

impl Stage {
    pub const ALL: [Stage; 9] = [
        Stage::Text,
        Stage::Metadata,
        Stage::Actors,
        Stage::Positions,
        Stage::CueRoles,
        Stage::Parse,
        Stage::Frame,
        Stage::Stances,
        Stage::Events,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Text => "text (sentences, tokens)",
            Stage::Metadata => "metadata",
            Stage::Actors => "actors and reference",
            Stage::Positions => "positions",
            Stage::CueRoles => "roles from cues",
            Stage::Parse => "word classes and clauses",
            Stage::Frame => "terms, clause roles, frame",
            Stage::Stances => "stances and statements",
            Stage::Events => "events",
        }
    }
}

/// [`extract_with_clauses`], telling `done` each [`Stage`] as it ends (for timing it).
pub fn extract_staged(
    article: &Article,
    lexicon: &Lexicon,
    options: &Options,
    done: &mut dyn FnMut(Stage),
) -> (Extraction, clause_rules::Read) {
    use sha2::{Digest, Sha256};
    let text = Text::new(&article.text, &lexicon.abbreviations);
    done(Stage::Text);
    let meta = metadata::read(article, &text, lexicon, options);
    done(Stage::Metadata);
    let names = actors::find(&text, lexicon, &meta);
    let found = reference::resolve(&text, lexicon, names);
    done(Stage::Actors);
    let positions = positions::find(&text, lexicon, &found);
    done(Stage::Positions);
    let mut participations = roles::find(&text, lexicon, &found);
    done(Stage::CueRoles);
    let words = clause_rules::words(&text, lexicon, &found);
    let clauses = syntax::Clauses::new(text.text, &words);
    done(Stage::Parse);
    let parsed = parsed::Parsed {
        text: &text,
        words: &words,
        clauses: &clauses,
        lexicon,
        found: &found,
    };
    let terms = terms::find(parsed);
    let no_sides = frame::PartyHolders::default();
    let no_deal = terms::Deal::default();
    let mut reader = clause_rules::Reader {
        deal: &no_deal,
        sides: &no_sides,
        parsed,
        positions: &positions,
        deal_issue: None,
    };
    let clause_roles = reader.roles();
    merge_roles(&mut participations, &clause_roles);
    let represented = roles::represented(&text, &found, &positions, &participations);
    participations.extend(represented);
    let envoys = roles::envoys::mediators(&found, &positions, &participations);
    participations.extend(envoys);
    let sides = roles::sides::parties(&text, &found, &participations);
    participations.extend(sides);
    let echoes = echoes::Echoes::find(&text, &found);
    let echoed = echoes.roles(&participations);
    merge_roles(&mut participations, &echoed);
    let mut negotiation = frame::negotiation(&found, &participations);
    let parties = negotiation
        .as_ref()
        .map(|n| frame::party_holders(&found, n, &positions))
        .unwrap_or_default();
    reader.sides = &parties;
    let go_betweens = reader.go_betweens();
    merge_roles(&mut participations, &go_betweens);
    let deal = terms::Deal::new(terms, &participations, &positions);
    done(Stage::Frame);
    let (mut stances, mut statements, deal_issue) =
        stances::find_all(&text, lexicon, &found, &parties, &deal);
    reader.deal = &deal;
    reader.deal_issue = deal_issue.as_deref();
    let mut clause_stances = reader.stances();
    clause_stances.extend(deal.authored_stances());
    merge_stances(&mut stances, &clause_stances);
    let echoed = echoes.stances(&stances);
    merge_stances(&mut stances, &echoed);
    stances::drop_stances_on_own_side(&text, &positions, &mut stances);
    let read = clause_rules::Read {
        participations: clause_roles,
        stances: clause_stances,
    };
    if let Some(n) = negotiation.as_mut() {
        n.issue = deal_issue;
    }
    let date_spans = dates::find(text.text, dates::parse(meta.date.as_deref()));
    if !date_spans.is_empty() {
        for s in &mut statements {
            s.date = statement_date(&text, &date_spans, s);
        }
    }
    done(Stage::Stances);
    let events = events::find(&text, lexicon, &found, &parties, &date_spans);
    done(Stage::Events);
    roles::drop_people_of_parties(&text, &positions, &mut participations);
    let sides = negotiation.as_ref().map_or(&[][..], |n| &n.parties[..]);
    roles::drop_other_talks(
        &text,
        &found,
        &mut participations,
        &read.participations,
        sides,
    );
    let actors::Found {
        actors,
        mentions,
        titles,
        ..
    } = found;
    let extraction = Extraction {
        hash: format!("{:x}", Sha256::digest(article.text.as_bytes())),
        origin: article.origin.clone(),
        sentences: text.sentences.iter().map(|s| (s.start, s.end)).collect(),
        text: article.text.clone(),
        meta,
        actors,
        mentions,
        titles,
        positions,
        negotiation,
        participations,
        stances,
        statements,
        events,
        lexicon_version: lexicon.version.clone(),
    };
    (extraction, read)
}

/// Adds the roles the clause rules read that the cue rules did not.
fn merge_roles(into: &mut Vec<Participation>, read: &[Participation]) {
    for p in read {
        if !into.iter().any(|q| q.actor == p.actor && q.role == p.role) {
            into.push(p.clone());
        }
    }
    // "China and Japan signed the agreement as witnesses": a signer whose sentence gives it a
    // third party's role is no party there (a host can be one).
    roles::drop_parties_beside(into, |r| !matches!(r, Role::Party | Role::Host));
}

/// Adds the stances the clause rules read that the cue rules did not, unless a cue rule read the
/// opposite of the same holder and target in the same sentence.
fn merge_stances(into: &mut Vec<Stance>, read: &[Stance]) {
    for s in read {
        let known = into.iter().any(|t| {
            t.holder == s.holder
                && t.target == s.target
                && (t.polarity == s.polarity || t.evidence.sentence == s.evidence.sentence)
        });
        if !known {
            into.push(s.clone());
        }
    }
}

/// The day a statement's sentence says it was said: the nearest date of the sentence outside
/// the words said (for reported speech, a date right after the verb counts: "said on Thursday
/// that"), never one inside a quote.
fn statement_date(text: &Text, spans: &[dates::DateSpan], s: &Statement) -> Option<String> {
    let t = text.text;
    let sentence = &text.sentences[s.evidence.sentence];
    let e = s.evidence;
    dates::nearest(spans, sentence.start, sentence.end, e.start, |d| {
        let outside = d.end <= e.start || d.start >= e.end;
        let after_verb = s.rule == "reported-speech"
            && d.start >= e.start
            && t[e.start..d.start].split_whitespace().count() <= 3;
        (outside || after_verb)
            && !text
                .quotes
                .iter()
                .any(|&(qs, qe)| qs <= d.start && d.end <= qe)
    })
}
