//! Claims -> RDF quads, by the graph contract. Every resource gets a deterministic IRI (a hash of
//! the document and of what the claim says), everything extracted is `prov:wasDerivedFrom` the
//! document, every claim has `neg:evidence` (its sentence, with character offsets), `neg:rule` and
//! `neg:confidence`, and all of it lives in the named graph whose name is the document IRI.

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use sha2::{Digest, Sha256};

use crate::extract::{Extraction, Target};
use crate::lexicon::Lexicon;
use crate::vocab::{self, DCTERMS, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD};

fn node(iri: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn short_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    format!("{:x}", h.finalize())[..16].to_string()
}

/// The IRI of a document with this text hash.
pub fn document_iri(hash: &str) -> String {
    vocab::id("doc", &hash[..16.min(hash.len())])
}

struct Graph {
    name: GraphName,
    quads: Vec<Quad>,
}

impl Graph {
    fn add(&mut self, s: &NamedNode, p: impl Into<String>, o: impl Into<Term>) {
        self.quads
            .push(Quad::new(s.clone(), node(p), o, self.name.clone()));
    }
    fn a(&mut self, s: &NamedNode, class: &str) {
        self.add(s, format!("{RDF}type"), node(vocab::neg(class)));
    }
    fn text(&mut self, s: &NamedNode, p: impl Into<String>, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }
}

fn decimal(v: f32) -> Literal {
    Literal::new_typed_literal(format!("{:.2}", v), node(format!("{XSD}decimal")))
}

fn integer(v: usize) -> Literal {
    Literal::new_typed_literal(v.to_string(), node(format!("{XSD}integer")))
}

/// Character offset of a byte offset.
fn chars_before(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// The quads of one document, sorted, without duplicates.
pub fn quads(x: &Extraction, lexicon: &Lexicon) -> Vec<Quad> {
    let doc_iri = document_iri(&x.hash);
    let doc = node(&doc_iri);
    let mut g = Graph {
        name: GraphName::NamedNode(doc.clone()),
        quads: Vec::new(),
    };
    let derived = format!("{PROV}wasDerivedFrom");

    // The document.
    g.a(&doc, "Document");
    g.text(&doc, format!("{DCTERMS}identifier"), &x.hash);
    if let Some(t) = &x.meta.title {
        g.text(&doc, format!("{DCTERMS}title"), t);
    }
    if let Some(d) = &x.meta.date {
        g.add(
            &doc,
            format!("{DCTERMS}date"),
            Literal::new_typed_literal(d, node(format!("{XSD}date"))),
        );
    }
    if let Some(s) = &x.meta.source {
        g.text(&doc, format!("{DCTERMS}source"), s);
    }
    if let Some(u) = &x.meta.url {
        if let Ok(url) = NamedNode::new(u) {
            g.add(&doc, format!("{SCHEMA}url"), url);
        }
    }
    for c in &x.meta.creators {
        g.text(&doc, format!("{DCTERMS}creator"), c);
    }
    for c in &x.meta.contributors {
        g.text(&doc, format!("{DCTERMS}contributor"), c);
    }
    g.text(&doc, vocab::neg("lexiconVersion"), &x.lexicon_version);

    // Sentences that are evidence of something.
    let mut used: Vec<usize> = Vec::new();
    used.extend(x.participations.iter().map(|p| p.evidence.sentence));
    used.extend(x.positions.iter().map(|p| p.evidence.sentence));
    used.extend(x.stances.iter().map(|p| p.evidence.sentence));
    used.extend(x.statements.iter().map(|p| p.evidence.sentence));
    used.sort();
    used.dedup();
    let sentence_iri = |i: usize| node(vocab::id("sentence", &format!("{}-{}", &x.hash[..16], i)));
    for &i in &used {
        let (start, end) = x.sentences[i];
        let s = sentence_iri(i);
        g.a(&s, "Sentence");
        g.text(&s, vocab::neg("text"), &x.text[start..end]);
        let cs = chars_before(&x.text, start);
        g.add(&s, vocab::neg("start"), integer(cs));
        g.add(
            &s,
            vocab::neg("end"),
            integer(cs + x.text[start..end].chars().count()),
        );
        g.add(&s, vocab::neg("document"), doc.clone());
        g.add(&s, derived.clone(), doc.clone());
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
    for (i, a) in x.actors.iter().enumerate() {
        if !needed[i] {
            continue;
        }
        let n = node(&a.iri);
        g.a(&n, "Actor");
        g.a(&n, a.kind.class());
        g.text(&n, format!("{RDFS}label"), &a.label);
        for f in &a.found_as {
            if f != &a.label {
                g.text(&n, format!("{SKOS}altLabel"), f);
            }
        }
        if let Some(e) = a.entry {
            for s in &lexicon.actors[e].same_as {
                g.add(&n, format!("{OWL}sameAs"), node(s));
            }
        }
        g.add(&n, vocab::neg("mentionedIn"), doc.clone());
        g.add(&n, derived.clone(), doc.clone());
    }

    let claim = |g: &mut Graph,
                 n: &NamedNode,
                 class: &str,
                 sentence: usize,
                 rule: &str,
                 confidence: Option<f32>| {
        g.a(n, class);
        g.add(n, vocab::neg("evidence"), sentence_iri(sentence));
        g.add(n, derived.clone(), doc.clone());
        g.text(n, vocab::neg("rule"), rule);
        if let Some(c) = confidence {
            g.add(n, vocab::neg("confidence"), decimal(c));
        }
    };

    // The negotiation and the roles in it.
    let negotiation = x.negotiation.as_ref().map(|n| {
        let iri = node(vocab::id("negotiation", &n.slug));
        g.a(&iri, "Negotiation");
        g.text(&iri, format!("{RDFS}label"), &n.label);
        if let Some(v) = &n.venue {
            g.text(&iri, vocab::neg("venue"), v);
        }
        g.add(&iri, derived.clone(), doc.clone());
        iri
    });
    let negotiation = negotiation.unwrap_or_else(|| {
        let iri = node(vocab::id("negotiation", &format!("doc-{}", &x.hash[..16])));
        if !x.participations.is_empty() {
            g.a(&iri, "Negotiation");
            g.text(
                &iri,
                format!("{RDFS}label"),
                x.meta
                    .title
                    .as_deref()
                    .unwrap_or("Negotiation of one document"),
            );
            g.add(&iri, derived.clone(), doc.clone());
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
        g.add(&n, vocab::neg("actor"), node(&a.iri));
        g.add(&n, vocab::neg("negotiation"), negotiation.clone());
        g.add(&n, vocab::neg("role"), node(vocab::neg(p.role.local())));
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
        g.add(&n, vocab::neg("holder"), node(&h.iri));
        g.add(&n, vocab::neg("organization"), node(&o.iri));
        g.text(&n, vocab::neg("title"), &p.title);
    }
    let mut issues_used: Vec<&str> = Vec::new();
    for s in &x.stances {
        let holder = &x.actors[s.holder];
        let target = match &s.target {
            Target::Issue(slug) => {
                issues_used.push(slug);
                vocab::issue(slug)
            }
            Target::Actor(a) => x.actors[*a].iri.clone(),
        };
        let about = s.about.map(|a| x.actors[a].iri.clone()).unwrap_or_default();
        let n = node(vocab::id(
            "stance",
            &short_hash(&[
                &x.hash,
                &holder.iri,
                &target,
                s.polarity.local(),
                &about,
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
        g.add(&n, vocab::neg("holder"), node(&holder.iri));
        g.add(&n, vocab::neg("target"), node(&target));
        g.add(
            &n,
            vocab::neg("polarity"),
            node(vocab::neg(s.polarity.local())),
        );
        g.text(
            &n,
            vocab::neg("cue"),
            &x.text[s.evidence.start..s.evidence.end],
        );
        if s.about.is_some() {
            g.add(&n, vocab::neg("about"), node(&about));
        }
    }
    issues_used.sort();
    issues_used.dedup();
    for slug in issues_used {
        let n = node(vocab::issue(slug));
        g.a(&n, "Issue");
        g.add(&n, format!("{RDF}type"), node(format!("{SKOS}Concept")));
        if let Some(l) = lexicon.issue_labels.get(slug) {
            g.text(&n, format!("{SKOS}prefLabel"), l);
        }
    }
    for s in &x.statements {
        let speaker = &x.actors[s.speaker];
        let n = node(vocab::id(
            "statement",
            &short_hash(&[&x.hash, &speaker.iri, &s.evidence.start.to_string(), s.rule]),
        ));
        claim(&mut g, &n, "Statement", s.evidence.sentence, s.rule, None);
        g.add(&n, vocab::neg("speaker"), node(&speaker.iri));
        g.text(&n, vocab::neg("quote"), &s.quote);
        if let Some(d) = &x.meta.date {
            g.add(
                &n,
                format!("{DCTERMS}date"),
                Literal::new_typed_literal(d, node(format!("{XSD}date"))),
            );
        }
    }
    let mut quads = g.quads;
    // Each key is written once, not once per comparison.
    quads.sort_by_cached_key(|q| format!("{} {} {}", q.subject, q.predicate, q.object));
    quads.dedup();
    quads
}
