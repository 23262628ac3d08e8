//! Claims -> RDF quads, by the graph contract. Every resource gets a deterministic IRI (a hash of
//! the document and of what the claim says), every claim has `neg:evidence` (its sentence, with
//! character offsets), `neg:rule` and `neg:confidence`. In one of two shapes ([`Shape`]): for
//! `extract`, all of it in the document's named graph with `prov:wasDerivedFrom` the document on
//! everything extracted; for a store, the document's graph without what its name implies, and the
//! descriptions of actors and negotiations in the shared graph, once for all documents.
//!
//! The quads come out sorted as their lines `<subject> <predicate> <object>` sort. That order is
//! reached without writing those lines: the quads are gathered per subject, the subjects sorted
//! once, and each subject's few predicates and objects sorted among themselves (see [`order`]).

use std::cmp::Ordering;
use std::sync::LazyLock;

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use sha2::{Digest, Sha256};

use crate::extract::{Extraction, Target};
use crate::lexicon::Lexicon;
use crate::vocab::{self, DCTERMS, NEG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD};

fn node(iri: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// The first 16 hex digits of the SHA-256 of the parts, each ended by a NUL byte.
fn short_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    // 16 hex digits are the first 8 bytes: only those are written out.
    let digest = h.finalize();
    let mut out = String::with_capacity(16);
    for b in &digest[..8] {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    out
}

/// The IRI of a document with this text hash.
pub fn document_iri(hash: &str) -> String {
    vocab::id("doc", &hash[..16.min(hash.len())])
}

/// The predicates the mapping writes. Each is made into an IRI once ([`PREDICATES`]), and ranked
/// once in the order their printed forms sort, so that sorting a subject's quads compares
/// numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum P {
    Type,
    Identifier,
    Title,
    Date,
    Source,
    Creator,
    Contributor,
    Url,
    LexiconVersion,
    Text,
    Start,
    End,
    Document,
    DerivedFrom,
    Label,
    AltLabel,
    SameAs,
    MentionedIn,
    Evidence,
    Rule,
    Confidence,
    Venue,
    Actor,
    Negotiation,
    Role,
    Holder,
    Organization,
    PostTitle,
    Target,
    Polarity,
    Cue,
    About,
    PrefLabel,
    Speaker,
    Quote,
    Agent,
    EventType,
    Issue,
}

impl P {
    const ALL: [P; 38] = [
        P::Type,
        P::Identifier,
        P::Title,
        P::Date,
        P::Source,
        P::Creator,
        P::Contributor,
        P::Url,
        P::LexiconVersion,
        P::Text,
        P::Start,
        P::End,
        P::Document,
        P::DerivedFrom,
        P::Label,
        P::AltLabel,
        P::SameAs,
        P::MentionedIn,
        P::Evidence,
        P::Rule,
        P::Confidence,
        P::Venue,
        P::Actor,
        P::Negotiation,
        P::Role,
        P::Holder,
        P::Organization,
        P::PostTitle,
        P::Target,
        P::Polarity,
        P::Cue,
        P::About,
        P::PrefLabel,
        P::Speaker,
        P::Quote,
        P::Agent,
        P::EventType,
        P::Issue,
    ];

    /// Namespace and local name.
    fn parts(self) -> (&'static str, &'static str) {
        match self {
            P::Type => (RDF, "type"),
            P::Identifier => (DCTERMS, "identifier"),
            P::Title => (DCTERMS, "title"),
            P::Date => (DCTERMS, "date"),
            P::Source => (DCTERMS, "source"),
            P::Creator => (DCTERMS, "creator"),
            P::Contributor => (DCTERMS, "contributor"),
            P::Url => (SCHEMA, "url"),
            P::LexiconVersion => (NEG, "lexiconVersion"),
            P::Text => (NEG, "text"),
            P::Start => (NEG, "start"),
            P::End => (NEG, "end"),
            P::Document => (NEG, "document"),
            P::DerivedFrom => (PROV, "wasDerivedFrom"),
            P::Label => (RDFS, "label"),
            P::AltLabel => (SKOS, "altLabel"),
            P::SameAs => (OWL, "sameAs"),
            P::MentionedIn => (NEG, "mentionedIn"),
            P::Evidence => (NEG, "evidence"),
            P::Rule => (NEG, "rule"),
            P::Confidence => (NEG, "confidence"),
            P::Venue => (NEG, "venue"),
            P::Actor => (NEG, "actor"),
            P::Negotiation => (NEG, "negotiation"),
            P::Role => (NEG, "role"),
            P::Holder => (NEG, "holder"),
            P::Organization => (NEG, "organization"),
            P::PostTitle => (NEG, "title"),
            P::Target => (NEG, "target"),
            P::Polarity => (NEG, "polarity"),
            P::Cue => (NEG, "cue"),
            P::About => (NEG, "about"),
            P::PrefLabel => (SKOS, "prefLabel"),
            P::Speaker => (NEG, "speaker"),
            P::Quote => (NEG, "quote"),
            P::Agent => (NEG, "agent"),
            P::EventType => (NEG, "eventType"),
            P::Issue => (NEG, "issue"),
        }
    }

    fn node(self) -> &'static NamedNode {
        &PREDICATES[self as usize].0
    }

    fn rank(self) -> usize {
        PREDICATES[self as usize].1
    }
}

/// Each predicate's IRI and its rank among the predicates' printed forms, by `P as usize`.
static PREDICATES: LazyLock<Vec<(NamedNode, usize)>> = LazyLock::new(|| {
    let nodes: Vec<NamedNode> = P::ALL
        .iter()
        .map(|p| {
            let (ns, local) = p.parts();
            node(format!("{ns}{local}"))
        })
        .collect();
    let mut by_print: Vec<usize> = (0..nodes.len()).collect();
    by_print.sort_by(|&a, &b| order::iris(nodes[a].as_str(), nodes[b].as_str()));
    let mut rank = vec![0; nodes.len()];
    for (r, &i) in by_print.iter().enumerate() {
        rank[i] = r;
    }
    nodes.into_iter().zip(rank).collect()
});

/// Datatypes of the typed literals, made once.
struct Datatypes {
    date: NamedNode,
    decimal: NamedNode,
    integer: NamedNode,
}

static DATATYPES: LazyLock<Datatypes> = LazyLock::new(|| Datatypes {
    date: node(format!("{XSD}date")),
    decimal: node(format!("{XSD}decimal")),
    integer: node(format!("{XSD}integer")),
});

/// One subject's statements.
struct Subject {
    node: NamedNode,
    statements: Vec<(P, Term)>,
}

/// The graph of one document, gathered per subject. A subject is usually written in one go, so
/// the last one is checked before the others are searched.
#[derive(Default)]
struct Graph {
    subjects: Vec<Subject>,
}

impl Graph {
    fn add(&mut self, s: &NamedNode, p: P, o: impl Into<Term>) {
        let o = o.into();
        if let Some(last) = self.subjects.last_mut().filter(|last| last.node == *s) {
            last.statements.push((p, o));
            return;
        }
        match self.subjects.iter_mut().find(|x| x.node == *s) {
            Some(x) => x.statements.push((p, o)),
            None => self.subjects.push(Subject {
                node: s.clone(),
                statements: vec![(p, o)],
            }),
        }
    }
    fn a(&mut self, s: &NamedNode, class: &str) {
        self.add(s, P::Type, node(vocab::neg(class)));
    }
    fn text(&mut self, s: &NamedNode, p: P, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }
}

fn decimal(v: f32) -> Literal {
    Literal::new_typed_literal(format!("{:.2}", v), DATATYPES.decimal.clone())
}

fn integer(v: usize) -> Literal {
    Literal::new_typed_literal(v.to_string(), DATATYPES.integer.clone())
}

fn date(d: &str) -> Literal {
    Literal::new_typed_literal(d, DATATYPES.date.clone())
}

/// Where the mapping writes what it reads from one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Everything one article needs, in its document's graph: its actors' and negotiation's
    /// descriptions, the issues' labels, and `prov:wasDerivedFrom` the document on everything
    /// extracted (what `extract` writes).
    Standalone,
    /// For a store: the document's graph holds what the document says, and its name stands for
    /// `prov:wasDerivedFrom`; the descriptions of actors and negotiations go to the shared graph
    /// ([`vocab::SHARED_GRAPH`]), the issues' labels are the ontology graph's.
    Stored,
}

/// The quads of one document for a store: its own graph, and what it adds to the shared one.
#[derive(Debug, Clone, Default)]
pub struct Mapped {
    /// The document's graph, sorted.
    pub document: Vec<Quad>,
    /// Descriptions of the actors and negotiations it names, in the shared graph, sorted.
    pub shared: Vec<Quad>,
}

/// The quads of one article, self-contained ([`Shape::Standalone`]), sorted, without
/// duplicates.
pub fn quads(x: &Extraction, lexicon: &Lexicon) -> Vec<Quad> {
    let m = map(x, lexicon, Shape::Standalone);
    debug_assert!(m.shared.is_empty());
    m.document
}

/// The quads of one article for a store ([`Shape::Stored`]).
pub fn stored(x: &Extraction, lexicon: &Lexicon) -> Mapped {
    map(x, lexicon, Shape::Stored)
}

/// The quads of one article in either shape.
pub fn map(x: &Extraction, lexicon: &Lexicon, shape: Shape) -> Mapped {
    let mut w = Writer::new(x, lexicon, shape);
    w.document();
    w.sentences();
    w.actors();
    w.negotiation();
    w.participations();
    w.positions();
    w.stances();
    w.issues();
    w.statements();
    w.events();
    let doc = GraphName::NamedNode(w.doc.clone());
    Mapped {
        document: sorted_quads(w.g, doc),
        shared: sorted_quads(w.shared, GraphName::NamedNode(node(vocab::SHARED_GRAPH))),
    }
}

/// The IRIs of the sentences that are evidence, made once each.
struct Sentences {
    used: Vec<usize>,
    iris: Vec<NamedNode>,
}

impl Sentences {
    /// The sentences some claim of `x` was read from, in text order.
    fn of(x: &Extraction) -> Sentences {
        let mut used: Vec<usize> = Vec::new();
        used.extend(x.participations.iter().map(|p| p.evidence.sentence));
        used.extend(x.positions.iter().map(|p| p.evidence.sentence));
        used.extend(x.stances.iter().map(|p| p.evidence.sentence));
        used.extend(x.statements.iter().map(|p| p.evidence.sentence));
        used.extend(x.events.iter().map(|p| p.evidence.sentence));
        used.sort();
        used.dedup();
        Sentences {
            iris: used
                .iter()
                .map(|i| node(vocab::id("sentence", &format!("{}-{}", &x.hash[..16], i))))
                .collect(),
            used,
        }
    }

    fn iri(&self, i: usize) -> NamedNode {
        // Every claim's sentence is among the used ones, by construction.
        let k = self
            .used
            .binary_search(&i)
            .expect("a claim's sentence is used");
        self.iris[k].clone()
    }
}

/// The actors to describe: those that act, and those a claim needs.
fn needed_actors(x: &Extraction) -> Vec<bool> {
    let mut needed: Vec<bool> = x.actors.iter().map(|a| a.acts).collect();
    for p in &x.participations {
        needed[p.actor] = true;
    }
    for p in &x.positions {
        needed[p.holder] = true;
        needed[p.organization] = true;
    }
    for s in &x.stances {
        needed[s.holder] = true;
        if let Target::Actor(a) = s.target {
            needed[a] = true;
        }
        if let Some(a) = s.about {
            needed[a] = true;
        }
    }
    for s in &x.statements {
        needed[s.speaker] = true;
    }
    for e in &x.events {
        for &a in &e.agents {
            needed[a] = true;
        }
    }
    needed
}

/// One article on its way to quads: the graphs being filled and the nodes made once.
struct Writer<'a> {
    x: &'a Extraction,
    lexicon: &'a Lexicon,
    shape: Shape,
    doc: NamedNode,
    /// The document's graph.
    g: Graph,
    /// The shared graph (empty in [`Shape::Standalone`]).
    shared: Graph,
    sentences: Sentences,
    /// Each actor's IRI as a node.
    actor_nodes: Vec<NamedNode>,
    /// The negotiation the participations and events belong to.
    negotiation: NamedNode,
}

impl<'a> Writer<'a> {
    fn new(x: &'a Extraction, lexicon: &'a Lexicon, shape: Shape) -> Writer<'a> {
        let negotiation = match &x.negotiation {
            Some(n) => vocab::id("negotiation", &n.slug),
            None => vocab::id("negotiation", &format!("doc-{}", &x.hash[..16])),
        };
        Writer {
            x,
            lexicon,
            shape,
            doc: node(document_iri(&x.hash)),
            g: Graph::default(),
            shared: Graph::default(),
            sentences: Sentences::of(x),
            actor_nodes: x.actors.iter().map(|a| node(&a.iri)).collect(),
            negotiation: node(negotiation),
        }
    }

    fn standalone(&self) -> bool {
        self.shape == Shape::Standalone
    }

    /// The graph that describes what many documents share: the document's own when standalone.
    fn descriptions(&mut self) -> &mut Graph {
        match self.shape {
            Shape::Standalone => &mut self.g,
            Shape::Stored => &mut self.shared,
        }
    }

    /// `prov:wasDerivedFrom` the document, written out when standalone (in a store the
    /// document's graph name says it).
    fn derived(&mut self, n: &NamedNode) {
        if self.standalone() {
            self.g.add(n, P::DerivedFrom, self.doc.clone());
        }
    }

    fn document(&mut self) {
        let (x, doc, g) = (self.x, &self.doc, &mut self.g);
        g.a(doc, "Document");
        g.text(doc, P::Identifier, &x.hash);
        if let Some(t) = &x.meta.title {
            g.text(doc, P::Title, t);
        }
        if let Some(d) = &x.meta.date {
            g.add(doc, P::Date, date(d));
        }
        if let Some(s) = &x.meta.source {
            g.text(doc, P::Source, s);
        }
        if let Some(url) = x.meta.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
            g.add(doc, P::Url, url);
        }
        for c in &x.meta.creators {
            g.text(doc, P::Creator, c);
        }
        for c in &x.meta.contributors {
            g.text(doc, P::Contributor, c);
        }
        g.text(doc, P::LexiconVersion, &x.lexicon_version);
    }

    /// Sentences that are evidence of something, with their text and character offsets,
    /// counted on from the previous sentence (the sentences are in text order).
    fn sentences(&mut self) {
        let x = self.x;
        let (mut counted_bytes, mut counted_chars) = (0, 0);
        for k in 0..self.sentences.used.len() {
            let (start, end) = x.sentences[self.sentences.used[k]];
            let s = self.sentences.iris[k].clone();
            if start >= counted_bytes {
                counted_chars += x.text[counted_bytes..start].chars().count();
            } else {
                counted_chars = x.text[..start].chars().count();
            }
            counted_bytes = start;
            let text = &x.text[start..end];
            self.g.text(&s, P::Text, text);
            self.g.add(&s, P::Start, integer(counted_chars));
            // In a store, the graph's name is the document, `neg:evidence`'s range the class,
            // and the end the start plus the text's length in characters.
            if self.standalone() {
                self.g
                    .add(&s, P::End, integer(counted_chars + text.chars().count()));
                self.g.a(&s, "Sentence");
                self.g.add(&s, P::Document, self.doc.clone());
            }
            self.derived(&s);
        }
    }

    /// Each actor the document needs: its description (types, label, `owl:sameAs`: in a store,
    /// the shared graph's), and, in the document's graph, that the document mentions it and the
    /// names it was found as there.
    fn actors(&mut self) {
        let (x, lexicon) = (self.x, self.lexicon);
        for (i, needed) in needed_actors(x).into_iter().enumerate() {
            if !needed {
                continue;
            }
            let (a, n) = (&x.actors[i], self.actor_nodes[i].clone());
            let d = self.descriptions();
            d.a(&n, "Actor");
            d.a(&n, a.kind.class());
            d.text(&n, P::Label, &a.label);
            for s in a.entry.iter().flat_map(|&e| &lexicon.actors[e].same_as) {
                d.add(&n, P::SameAs, node(s));
            }
            for f in a.found_as.iter().filter(|f| **f != a.label) {
                self.g.text(&n, P::AltLabel, f);
            }
            self.g.add(&n, P::MentionedIn, self.doc.clone());
            self.derived(&n);
        }
    }

    /// The negotiation: one resource across documents, named by its sides, with what this
    /// document says of its venue and issue; or, when the document names roles but no sides,
    /// one of the document's own, labelled by its title. Its type and label are a store's
    /// shared graph's.
    fn negotiation(&mut self) {
        let n = self.negotiation.clone();
        if let Some(neg) = &self.x.negotiation {
            let d = self.descriptions();
            d.a(&n, "Negotiation");
            d.text(&n, P::Label, &neg.label);
            if let Some(v) = &neg.venue {
                self.g.text(&n, P::Venue, v);
            }
            if let Some(i) = &neg.issue {
                self.g.add(&n, P::Issue, node(vocab::issue(i)));
            }
            self.derived(&n);
        } else if !self.x.participations.is_empty() {
            let title = self.x.meta.title.as_deref();
            let d = self.descriptions();
            d.a(&n, "Negotiation");
            d.text(&n, P::Label, title.unwrap_or("Negotiation of one document"));
            self.derived(&n);
        }
    }

    /// What every claim has: its class, sentence, rule and confidence. In a store, a confidence
    /// that is its class's default ([`vocab::DEFAULT_CONFIDENCE`], which the ontology graph
    /// holds) is left unsaid.
    fn claim(&mut self, n: &NamedNode, class: &str, sentence: usize, rule: &str, c: Option<f32>) {
        self.g.a(n, class);
        self.g.add(n, P::Evidence, self.sentences.iri(sentence));
        self.derived(n);
        self.g.text(n, P::Rule, rule);
        if let Some(c) = c {
            let c = decimal(c);
            if self.standalone() || vocab::default_confidence(class) != Some(c.value()) {
                self.g.add(n, P::Confidence, c);
            }
        }
    }

    fn participations(&mut self) {
        let x = self.x;
        for p in &x.participations {
            let a = &x.actors[p.actor];
            let n = node(vocab::id(
                "participation",
                &short_hash(&[&x.hash, &a.iri, p.role.local(), self.negotiation.as_str()]),
            ));
            let c = Some(p.confidence);
            self.claim(&n, "Participation", p.evidence.sentence, &p.rule, c);
            self.g.add(&n, P::Actor, self.actor_nodes[p.actor].clone());
            self.g.add(&n, P::Negotiation, self.negotiation.clone());
            self.g.add(&n, P::Role, node(vocab::neg(p.role.local())));
        }
    }

    fn positions(&mut self) {
        let x = self.x;
        for p in &x.positions {
            let (h, o) = (&x.actors[p.holder], &x.actors[p.organization]);
            let n = node(vocab::id(
                "position",
                &short_hash(&[&x.hash, &h.iri, &o.iri, &p.title]),
            ));
            let c = Some(p.confidence);
            self.claim(&n, "Position", p.evidence.sentence, p.rule, c);
            self.g
                .add(&n, P::Holder, self.actor_nodes[p.holder].clone());
            let org = self.actor_nodes[p.organization].clone();
            self.g.add(&n, P::Organization, org);
            self.g.text(&n, P::PostTitle, &p.title);
        }
    }

    fn stances(&mut self) {
        let x = self.x;
        for s in &x.stances {
            let holder = &x.actors[s.holder];
            let target = match &s.target {
                Target::Issue(slug) => vocab::issue(slug),
                Target::Actor(a) => x.actors[*a].iri.clone(),
            };
            let about = s.about.map(|a| x.actors[a].iri.as_str());
            let n = node(vocab::id(
                "stance",
                &short_hash(&[
                    &x.hash,
                    &holder.iri,
                    &target,
                    s.polarity.local(),
                    about.unwrap_or_default(),
                    &s.evidence.start.to_string(),
                ]),
            ));
            let c = Some(s.confidence);
            self.claim(&n, "Stance", s.evidence.sentence, &s.rule, c);
            self.g
                .add(&n, P::Holder, self.actor_nodes[s.holder].clone());
            self.g.add(&n, P::Target, node(target));
            self.g
                .add(&n, P::Polarity, node(vocab::neg(s.polarity.local())));
            self.g
                .text(&n, P::Cue, &x.text[s.evidence.start..s.evidence.end]);
            if let Some(a) = s.about {
                self.g.add(&n, P::About, self.actor_nodes[a].clone());
            }
        }
    }

    /// The issues named, typed and labelled when standalone (a store's ontology graph holds the
    /// issue scheme).
    fn issues(&mut self) {
        if !self.standalone() {
            return;
        }
        let x = self.x;
        let mut used: Vec<&str> = x
            .negotiation
            .iter()
            .filter_map(|n| n.issue.as_deref())
            .collect();
        used.extend(x.stances.iter().filter_map(|s| match &s.target {
            Target::Issue(slug) => Some(slug.as_str()),
            Target::Actor(_) => None,
        }));
        used.sort();
        used.dedup();
        for slug in used {
            let n = node(vocab::issue(slug));
            self.g.a(&n, "Issue");
            self.g.add(&n, P::Type, node(format!("{SKOS}Concept")));
            if let Some(l) = self.lexicon.issue_labels.get(slug) {
                self.g.text(&n, P::PrefLabel, l);
            }
        }
    }

    fn statements(&mut self) {
        let x = self.x;
        for s in &x.statements {
            let speaker = &x.actors[s.speaker];
            let n = node(vocab::id(
                "statement",
                &short_hash(&[&x.hash, &speaker.iri, &s.evidence.start.to_string(), s.rule]),
            ));
            self.claim(&n, "Statement", s.evidence.sentence, s.rule, None);
            self.g
                .add(&n, P::Speaker, self.actor_nodes[s.speaker].clone());
            self.g.text(&n, P::Quote, &s.quote);
            // The day the sentence says it was said, else the document's; in a store, only a
            // day other than the document's (whose graph holds the statement).
            let day = s.date.as_ref().or(x.meta.date.as_ref());
            if let Some(d) = day.filter(|&d| self.standalone() || Some(d) != x.meta.date.as_ref()) {
                self.g.add(&n, P::Date, date(d));
            }
        }
    }

    fn events(&mut self) {
        let x = self.x;
        // Whether the negotiation's node is written (the article's, or the document's own).
        let has_negotiation = x.negotiation.is_some() || !x.participations.is_empty();
        for e in &x.events {
            let n = node(vocab::id(
                "event",
                &short_hash(&[&x.hash, &e.event_type, &e.evidence.start.to_string()]),
            ));
            let c = Some(e.confidence);
            self.claim(&n, "Event", e.evidence.sentence, &e.rule, c);
            self.g
                .add(&n, P::EventType, node(vocab::neg(&e.event_type)));
            for &a in &e.agents {
                self.g.add(&n, P::Agent, self.actor_nodes[a].clone());
            }
            if let Some(d) = &e.date {
                self.g.add(&n, P::Date, date(d));
            }
            if has_negotiation {
                self.g.add(&n, P::Negotiation, self.negotiation.clone());
            }
            self.g
                .text(&n, P::Cue, &x.text[e.evidence.start..e.evidence.end]);
        }
    }
}

/// The graph's quads in the order of their lines `<subject> <predicate> <object>`, each once.
///
/// Subjects and predicates are IRIs, printed `<iri>`, and no IRI holds a `>`: so no printed
/// subject is a proper prefix of another, and the lines sort as (subject, predicate, object)
/// sort, each compared as printed.
fn sorted_quads(mut g: Graph, graph: GraphName) -> Vec<Quad> {
    g.subjects
        .sort_by(|a, b| order::iris(a.node.as_str(), b.node.as_str()));
    let mut quads = Vec::with_capacity(g.subjects.iter().map(|s| s.statements.len()).sum());
    for mut s in g.subjects {
        s.statements
            .sort_by(|(p, o), (q, r)| p.rank().cmp(&q.rank()).then_with(|| order::printed(o, r)));
        s.statements.dedup();
        for (p, o) in s.statements {
            quads.push(Quad::new(
                s.node.clone(),
                p.node().clone(),
                o,
                graph.clone(),
            ));
        }
    }
    quads
}

/// Comparing terms as N-Triples prints them (their `Display`), without printing them.
mod order {
    use super::*;

    /// Compares the concatenations of two lists of byte strings.
    fn pieces(a: &[&[u8]], b: &[&[u8]]) -> Ordering {
        let mut a = a.iter().copied();
        let mut b = b.iter().copied();
        let (mut x, mut y): (&[u8], &[u8]) = (&[], &[]);
        loop {
            while x.is_empty() {
                match a.next() {
                    Some(p) => x = p,
                    None => break,
                }
            }
            while y.is_empty() {
                match b.next() {
                    Some(p) => y = p,
                    None => break,
                }
            }
            if x.is_empty() || y.is_empty() {
                return x.is_empty().cmp(&y.is_empty()).reverse();
            }
            let n = x.len().min(y.len());
            match x[..n].cmp(&y[..n]) {
                Ordering::Equal => (x, y) = (&x[n..], &y[n..]),
                unequal => return unequal,
            }
        }
    }

    /// `<a>` against `<b>`: the shared `<` aside, `a>` against `b>`.
    pub(super) fn iris(a: &str, b: &str) -> Ordering {
        pieces(&[a.as_bytes(), b">"], &[b.as_bytes(), b">"])
    }

    /// Whether N-Triples escapes something in this string (see oxrdf's `print_quoted_str`).
    fn needs_escape(s: &str) -> bool {
        s.chars().any(|c| {
            matches!(
                c,
                '\0'..='\u{1F}' | '\u{7F}' | '"' | '\\' | '\u{FFFE}' | '\u{FFFF}'
            )
        })
    }

    /// The printed form of an IRI or of a plain or typed literal with nothing to escape, in
    /// pieces; None for anything else.
    fn printed_pieces(t: &Term) -> Option<([&[u8]; 5], usize)> {
        match t {
            Term::NamedNode(n) => Some(([b"<", n.as_str().as_bytes(), b">", b"", b""], 3)),
            Term::Literal(l) if l.language().is_none() && !needs_escape(l.value()) => {
                let v = l.value().as_bytes();
                let dt = l.datatype();
                if dt == oxigraph::model::vocab::xsd::STRING {
                    Some(([b"\"", v, b"\"", b"", b""], 3))
                } else {
                    Some(([b"\"", v, b"\"^^<", dt.as_str().as_bytes(), b">"], 5))
                }
            }
            _ => None,
        }
    }

    /// Compares two terms as printed.
    pub(super) fn printed(a: &Term, b: &Term) -> Ordering {
        match (printed_pieces(a), printed_pieces(b)) {
            (Some((x, n)), Some((y, m))) => pieces(&x[..n], &y[..m]),
            // Escapes, language tags, blank nodes: rare enough to print.
            _ => a.to_string().cmp(&b.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order the quads must come in: that of their lines, as first written.
    fn by_lines(mut quads: Vec<Quad>) -> Vec<Quad> {
        quads.sort_by_cached_key(|q| format!("{} {} {}", q.subject, q.predicate, q.object));
        quads.dedup();
        quads
    }

    #[test]
    fn printed_order_is_the_order_of_the_printed_terms() {
        let terms: Vec<Term> = vec![
            node("http://a/b").into(),
            node("http://a/b-c").into(),
            node("http://a/b/c").into(),
            node("http://a/").into(),
            Literal::new_simple_literal("x").into(),
            Literal::new_simple_literal("x y").into(),
            Literal::new_simple_literal("x\"y").into(),
            Literal::new_simple_literal("").into(),
            Literal::new_simple_literal("x\ny").into(),
            Literal::new_typed_literal("1", DATATYPES.integer.clone()).into(),
            Literal::new_typed_literal("10", DATATYPES.integer.clone()).into(),
            Literal::new_typed_literal("1", DATATYPES.decimal.clone()).into(),
            Literal::new_language_tagged_literal_unchecked("x", "en").into(),
        ];
        for a in &terms {
            for b in &terms {
                assert_eq!(
                    order::printed(a, b),
                    a.to_string().cmp(&b.to_string()),
                    "{a} vs {b}"
                );
            }
        }
    }

    /// The extractions of the fixture articles.
    fn fixtures(lexicon: &Lexicon) -> Vec<(String, Extraction)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let article = crate::input::Article {
                    text: std::fs::read_to_string(&path).unwrap(),
                    origin: path.display().to_string(),
                    ..Default::default()
                };
                let x = crate::extract::extract(&article, lexicon, &Default::default());
                out.push((path.display().to_string(), x));
            }
        }
        assert!(!out.is_empty());
        out
    }

    #[test]
    fn quads_come_in_the_order_of_their_lines() {
        let lexicon = Lexicon::builtin().unwrap();
        for (path, x) in fixtures(&lexicon) {
            let q = quads(&x, &lexicon);
            assert_eq!(q, by_lines(q.clone()), "{path}");
            let m = stored(&x, &lexicon);
            assert_eq!(m.document, by_lines(m.document.clone()), "{path}");
            assert_eq!(m.shared, by_lines(m.shared.clone()), "{path}");
        }
    }

    /// The triples of quads, printed, as a set; decimals as a store gives them back ("0.6" for
    /// "0.60").
    fn triples(quads: &[Quad]) -> std::collections::BTreeSet<String> {
        quads
            .iter()
            .map(|q| {
                let object = match &q.object {
                    Term::Literal(l) if l.datatype() == DATATYPES.decimal.as_ref() => {
                        let v = l.value().trim_end_matches('0').trim_end_matches('.');
                        Literal::new_typed_literal(v, DATATYPES.decimal.clone()).to_string()
                    }
                    o => o.to_string(),
                };
                format!("{} {} {}", q.subject, q.predicate, object)
            })
            .collect()
    }

    /// The printed triples of `quads` with this predicate.
    fn with_predicate(quads: &[Quad], ns: &str, local: &str) -> Vec<String> {
        let p = format!("<{ns}{local}>");
        triples(quads)
            .into_iter()
            .filter(|t| t.contains(&p))
            .collect()
    }

    #[test]
    fn a_store_leaves_ends_default_confidences_and_the_documents_date_unsaid() {
        let lexicon = Lexicon::builtin().unwrap();
        let (mut before, mut after) = (0, 0);
        for (path, x) in fixtures(&lexicon) {
            let standalone = quads(&x, &lexicon);
            let m = stored(&x, &lexicon);
            // No sentence's end: its start plus its length.
            assert!(
                !with_predicate(&standalone, NEG, "end").is_empty(),
                "{path}"
            );
            assert!(with_predicate(&m.document, NEG, "end").is_empty(), "{path}");
            // A confidence only where it is not its class's default.
            let class_of = |s: &oxigraph::model::NamedOrBlankNode| {
                m.document.iter().find_map(|q| match &q.object {
                    Term::NamedNode(c)
                        if q.subject == *s && q.predicate.as_str() == vocab::RDF_TYPE =>
                    {
                        c.as_str().strip_prefix(NEG)
                    }
                    _ => None,
                })
            };
            for q in m
                .document
                .iter()
                .filter(|q| q.predicate == *P::Confidence.node())
            {
                let Term::Literal(c) = &q.object else {
                    panic!("{path}: {q}")
                };
                let default = class_of(&q.subject).and_then(vocab::default_confidence);
                assert_ne!(default, Some(c.value()), "{path}: {q}");
            }
            let confidences = |quads: &[Quad]| {
                quads
                    .iter()
                    .filter(|q| q.predicate == *P::Confidence.node())
                    .count()
            };
            assert!(
                confidences(&m.document) < confidences(&standalone),
                "{path}"
            );
            // A statement's date only where it is not the document's.
            if let Some(d) = &x.meta.date {
                let day = format!("\"{d}\"");
                let statement = format!("<{}", vocab::id("statement", ""));
                assert!(
                    !with_predicate(&m.document, DCTERMS, "date")
                        .iter()
                        .any(|t| t.starts_with(&statement) && t.contains(&day)),
                    "{path}"
                );
            }
            before += standalone.len();
            after += m.document.len() + m.shared.len();
        }
        // The fixtures' stored quads are fewer by at least a tenth for these three alone (with
        // the earlier savings, fewer than three quarters of what extract writes).
        assert!(after * 4 < before * 3, "{after} of {before}");
    }

    #[test]
    fn a_store_holds_what_extract_writes_less_what_graph_names_and_the_ontology_say() {
        let lexicon = Lexicon::builtin().unwrap();
        let derived = format!("<{PROV}wasDerivedFrom>");
        let negotiation = format!("<{}", vocab::id("negotiation", ""));
        let issue = format!("<{}", vocab::ISSUE);
        for (path, x) in fixtures(&lexicon) {
            let standalone = triples(&quads(&x, &lexicon));
            let m = stored(&x, &lexicon);
            let doc = format!("<{}>", document_iri(&x.hash));
            assert!(m.document.iter().all(|q| q.graph_name.to_string() == doc));
            assert!(m
                .shared
                .iter()
                .all(|q| q.graph_name.to_string() == format!("<{}>", vocab::SHARED_GRAPH)));
            // Nothing in a stored graph says what its name says.
            assert!(
                !triples(&m.document).iter().any(|t| t.contains(&derived)),
                "{path}"
            );
            let mut all = m.document.clone();
            all.extend(m.shared.clone());
            crate::export::with_implied(&mut all);
            let stored = triples(&all);
            // The same triples, with what `with_implied` spells out (every derivation, sentence
            // end, default confidence and statement's date), but for the issues' types and
            // labels (the ontology graph's), a negotiation's derivation when the document says
            // nothing of it but its roles, and a sentence's type (the range of neg:evidence) and
            // document (the graph's name).
            let sentence = format!("<{}", vocab::id("sentence", ""));
            let implied = [format!("<{RDF}type>"), format!("<{NEG}document>")];
            let missing: Vec<&String> = standalone
                .difference(&stored)
                .filter(|t| {
                    let known_gap = t.starts_with(&issue)
                        || (t.starts_with(&negotiation) && t.contains(&derived))
                        || (t.starts_with(&sentence) && implied.iter().any(|p| t.contains(p)));
                    !known_gap
                })
                .collect();
            assert!(missing.is_empty(), "{path}: {missing:?}");
            let extra: Vec<&String> = stored.difference(&standalone).collect();
            assert!(extra.is_empty(), "{path}: {extra:?}");
            assert!(all.len() < standalone.len(), "{path}");
        }
    }
}
