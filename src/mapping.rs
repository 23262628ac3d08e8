//! Claims -> RDF quads, by the graph contract. Every resource gets a deterministic IRI (a hash of
//! the document and of what the claim says), everything extracted is `prov:wasDerivedFrom` the
//! document, every claim has `neg:evidence` (its sentence, with character offsets), `neg:rule` and
//! `neg:confidence`, and all of it lives in the named graph whose name is the document IRI.
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

/// The IRIs of the sentences that are evidence, made once each.
struct Sentences {
    used: Vec<usize>,
    iris: Vec<NamedNode>,
}

impl Sentences {
    fn iri(&self, i: usize) -> NamedNode {
        // Every claim's sentence is among the used ones, by construction.
        let k = self
            .used
            .binary_search(&i)
            .expect("a claim's sentence is used");
        self.iris[k].clone()
    }
}

/// The quads of one document, sorted, without duplicates.
pub fn quads(x: &Extraction, lexicon: &Lexicon) -> Vec<Quad> {
    let doc_iri = document_iri(&x.hash);
    let doc = node(&doc_iri);
    let mut g = Graph {
        subjects: Vec::new(),
    };

    // The document.
    g.a(&doc, "Document");
    g.text(&doc, P::Identifier, &x.hash);
    if let Some(t) = &x.meta.title {
        g.text(&doc, P::Title, t);
    }
    if let Some(d) = &x.meta.date {
        g.add(&doc, P::Date, date(d));
    }
    if let Some(s) = &x.meta.source {
        g.text(&doc, P::Source, s);
    }
    if let Some(u) = &x.meta.url {
        if let Ok(url) = NamedNode::new(u) {
            g.add(&doc, P::Url, url);
        }
    }
    for c in &x.meta.creators {
        g.text(&doc, P::Creator, c);
    }
    for c in &x.meta.contributors {
        g.text(&doc, P::Contributor, c);
    }
    g.text(&doc, P::LexiconVersion, &x.lexicon_version);

    // Sentences that are evidence of something.
    let mut used: Vec<usize> = Vec::new();
    used.extend(x.participations.iter().map(|p| p.evidence.sentence));
    used.extend(x.positions.iter().map(|p| p.evidence.sentence));
    used.extend(x.stances.iter().map(|p| p.evidence.sentence));
    used.extend(x.statements.iter().map(|p| p.evidence.sentence));
    used.extend(x.events.iter().map(|p| p.evidence.sentence));
    used.sort();
    used.dedup();
    let sentences = Sentences {
        iris: used
            .iter()
            .map(|i| node(vocab::id("sentence", &format!("{}-{}", &x.hash[..16], i))))
            .collect(),
        used,
    };
    // Character offsets, counted on from the previous sentence: the sentences are in text order.
    let (mut counted_bytes, mut counted_chars) = (0, 0);
    for (k, &i) in sentences.used.iter().enumerate() {
        let (start, end) = x.sentences[i];
        let s = &sentences.iris[k];
        g.a(s, "Sentence");
        g.text(s, P::Text, &x.text[start..end]);
        if start >= counted_bytes {
            counted_chars += x.text[counted_bytes..start].chars().count();
        } else {
            counted_chars = x.text[..start].chars().count();
        }
        counted_bytes = start;
        let cs = counted_chars;
        g.add(s, P::Start, integer(cs));
        g.add(s, P::End, integer(cs + x.text[start..end].chars().count()));
        g.add(s, P::Document, doc.clone());
        g.add(s, P::DerivedFrom, doc.clone());
    }

    // Actors: those that act, and those a claim needs.
    let mut needed = vec![false; x.actors.len()];
    for (i, a) in x.actors.iter().enumerate() {
        needed[i] = a.acts;
    }
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
    // Each actor's IRI as a node, made once.
    let actor_nodes: Vec<NamedNode> = x.actors.iter().map(|a| node(&a.iri)).collect();
    for (i, a) in x.actors.iter().enumerate() {
        if !needed[i] {
            continue;
        }
        let n = &actor_nodes[i];
        g.a(n, "Actor");
        g.a(n, a.kind.class());
        g.text(n, P::Label, &a.label);
        for f in &a.found_as {
            if f != &a.label {
                g.text(n, P::AltLabel, f);
            }
        }
        if let Some(e) = a.entry {
            for s in &lexicon.actors[e].same_as {
                g.add(n, P::SameAs, node(s));
            }
        }
        g.add(n, P::MentionedIn, doc.clone());
        g.add(n, P::DerivedFrom, doc.clone());
    }

    let claim = |g: &mut Graph,
                 n: &NamedNode,
                 class: &str,
                 sentence: usize,
                 rule: &str,
                 confidence: Option<f32>| {
        g.a(n, class);
        g.add(n, P::Evidence, sentences.iri(sentence));
        g.add(n, P::DerivedFrom, doc.clone());
        g.text(n, P::Rule, rule);
        if let Some(c) = confidence {
            g.add(n, P::Confidence, decimal(c));
        }
    };

    // The negotiation and the roles in it.
    let negotiation = x.negotiation.as_ref().map(|n| {
        let iri = node(vocab::id("negotiation", &n.slug));
        g.a(&iri, "Negotiation");
        g.text(&iri, P::Label, &n.label);
        if let Some(v) = &n.venue {
            g.text(&iri, P::Venue, v);
        }
        if let Some(i) = &n.issue {
            g.add(&iri, P::Issue, node(vocab::issue(i)));
        }
        g.add(&iri, P::DerivedFrom, doc.clone());
        iri
    });
    // Whether the negotiation's node is written (the article's, or one of the document's own).
    let has_negotiation = x.negotiation.is_some() || !x.participations.is_empty();
    let negotiation = negotiation.unwrap_or_else(|| {
        let iri = node(vocab::id("negotiation", &format!("doc-{}", &x.hash[..16])));
        if !x.participations.is_empty() {
            g.a(&iri, "Negotiation");
            g.text(
                &iri,
                P::Label,
                x.meta
                    .title
                    .as_deref()
                    .unwrap_or("Negotiation of one document"),
            );
            g.add(&iri, P::DerivedFrom, doc.clone());
        }
        iri
    });
    for p in &x.participations {
        let a = &x.actors[p.actor];
        let n = node(vocab::id(
            "participation",
            &short_hash(&[&x.hash, &a.iri, p.role.local(), negotiation.as_str()]),
        ));
        claim(
            &mut g,
            &n,
            "Participation",
            p.evidence.sentence,
            &p.rule,
            Some(p.confidence),
        );
        g.add(&n, P::Actor, actor_nodes[p.actor].clone());
        g.add(&n, P::Negotiation, negotiation.clone());
        g.add(&n, P::Role, node(vocab::neg(p.role.local())));
    }
    for p in &x.positions {
        let (h, o) = (&x.actors[p.holder], &x.actors[p.organization]);
        let n = node(vocab::id(
            "position",
            &short_hash(&[&x.hash, &h.iri, &o.iri, &p.title]),
        ));
        claim(
            &mut g,
            &n,
            "Position",
            p.evidence.sentence,
            p.rule,
            Some(p.confidence),
        );
        g.add(&n, P::Holder, actor_nodes[p.holder].clone());
        g.add(&n, P::Organization, actor_nodes[p.organization].clone());
        g.text(&n, P::PostTitle, &p.title);
    }
    let mut issues_used: Vec<&str> = Vec::new();
    if let Some(i) = x.negotiation.as_ref().and_then(|n| n.issue.as_deref()) {
        issues_used.push(i);
    }
    for s in &x.stances {
        let holder = &x.actors[s.holder];
        let target = match &s.target {
            Target::Issue(slug) => {
                issues_used.push(slug);
                vocab::issue(slug)
            }
            Target::Actor(a) => x.actors[*a].iri.clone(),
        };
        let about = s
            .about
            .map(|a| x.actors[a].iri.as_str())
            .unwrap_or_default();
        let n = node(vocab::id(
            "stance",
            &short_hash(&[
                &x.hash,
                &holder.iri,
                &target,
                s.polarity.local(),
                about,
                &s.evidence.start.to_string(),
            ]),
        ));
        claim(
            &mut g,
            &n,
            "Stance",
            s.evidence.sentence,
            &s.rule,
            Some(s.confidence),
        );
        g.add(&n, P::Holder, actor_nodes[s.holder].clone());
        g.add(&n, P::Target, node(target));
        g.add(&n, P::Polarity, node(vocab::neg(s.polarity.local())));
        g.text(&n, P::Cue, &x.text[s.evidence.start..s.evidence.end]);
        if let Some(a) = s.about {
            g.add(&n, P::About, actor_nodes[a].clone());
        }
    }
    issues_used.sort();
    issues_used.dedup();
    for slug in issues_used {
        let n = node(vocab::issue(slug));
        g.a(&n, "Issue");
        g.add(&n, P::Type, node(format!("{SKOS}Concept")));
        if let Some(l) = lexicon.issue_labels.get(slug) {
            g.text(&n, P::PrefLabel, l);
        }
    }
    for s in &x.statements {
        let speaker = &x.actors[s.speaker];
        let n = node(vocab::id(
            "statement",
            &short_hash(&[&x.hash, &speaker.iri, &s.evidence.start.to_string(), s.rule]),
        ));
        claim(&mut g, &n, "Statement", s.evidence.sentence, s.rule, None);
        g.add(&n, P::Speaker, actor_nodes[s.speaker].clone());
        g.text(&n, P::Quote, &s.quote);
        // The day the sentence says it was said, else the document's.
        if let Some(d) = s.date.as_ref().or(x.meta.date.as_ref()) {
            g.add(&n, P::Date, date(d));
        }
    }
    for e in &x.events {
        let n = node(vocab::id(
            "event",
            &short_hash(&[&x.hash, &e.event_type, &e.evidence.start.to_string()]),
        ));
        claim(
            &mut g,
            &n,
            "Event",
            e.evidence.sentence,
            &e.rule,
            Some(e.confidence),
        );
        g.add(&n, P::EventType, node(vocab::neg(&e.event_type)));
        for &a in &e.agents {
            g.add(&n, P::Agent, actor_nodes[a].clone());
        }
        if let Some(d) = &e.date {
            g.add(&n, P::Date, date(d));
        }
        if has_negotiation {
            g.add(&n, P::Negotiation, negotiation.clone());
        }
        g.text(&n, P::Cue, &x.text[e.evidence.start..e.evidence.end]);
    }
    sorted_quads(g, GraphName::NamedNode(doc))
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

    #[test]
    fn quads_come_in_the_order_of_their_lines() {
        let lexicon = Lexicon::builtin().unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let article = crate::input::Article {
                    text: std::fs::read_to_string(&path).unwrap(),
                    origin: path.display().to_string(),
                    ..Default::default()
                };
                let x = crate::extract::extract(&article, &lexicon, &Default::default());
                let q = quads(&x, &lexicon);
                assert_eq!(q, by_lines(q.clone()), "{}", path.display());
                n += 1;
            }
        }
        assert!(n > 0);
    }
}
