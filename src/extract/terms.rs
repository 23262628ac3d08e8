//! The terms of the article's deal: the issues it is said to provide for, read by the terms
//! rules of `ontology/rules.ttl` from the clauses.
//!
//! Two shapes: a clause whose doer is the deal and whose verb is a rule's ("The accord provides
//! for the disarmament of fighters"; "It also calls for the release of prisoners", where "it"
//! follows a deal named in its sentence or the one before), and one of a rule's prepositions
//! before the deal ("an agreement under which the rebels are to lay down their weapons", "Under
//! the deal, Israel will withdraw"). A clause's terms run from its verb to the next clause that
//! does not depend on it; a preposition's to the end of the sentence. A question, a condition,
//! a hedge or a negation gives none. The clause rules make whoever signs, accepts or rejects
//! the deal take that stance on each term; a term of a plan a possessive names the author of
//! ("His plan called for ceasefires") is the author's stance, not the signers'.

use std::ops::Range;

use std::collections::BTreeSet;

use super::parsed::Parsed;
use super::syntax::{Clause, NounPhrase};
use super::{Evidence, Participation, Position, Stance, Target};
use crate::lexicon::{Cue, CueClass, Hit, Polarity, Role};
use crate::rulebook::Rule;

/// An issue the deal provides for, with the words that say so.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub issue: String,
    /// Whether the deal provides for the issue's undoing ("North Korea will stop running its
    /// reactors", "a freeze on enrichment"): acting on the deal then takes the opposite stance.
    pub undone: bool,
    pub evidence: Evidence,
    /// The terms rule that read it.
    pub rule: String,
    /// Whose plan or proposal it is, when a possessive names them ("His plan called for
    /// ceasefires", "Egypt's proposal provides for ..."): their stance, not the signers'.
    pub author: Option<usize>,
}

impl Term {
    /// The stance on the term's issue of one who acts on the deal with `act`: the opposite where
    /// the deal undoes the issue.
    fn polarity(&self, act: Polarity) -> Polarity {
        if self.undone {
            act.flip()
        } else {
            act
        }
    }
}

/// A stance on a deal's term stands on two readings, the act on the deal and its terms: its
/// confidence is at most this.
const TERMS_CONFIDENCE: f32 = 0.6;

/// The deal's terms, and who takes a stance on each by acting on the deal: its parties, and the
/// people the article gives a post with one. A third party that welcomes a deal is not taken to
/// back each of its terms.
#[derive(Debug, Clone, Default)]
pub struct Deal {
    pub terms: Vec<Term>,
    /// Sorted.
    pub parties: Vec<usize>,
}

impl Deal {
    /// The terms, with the parties that `roles` make and the holders of posts with them.
    pub fn new(terms: Vec<Term>, roles: &[Participation], positions: &[Position]) -> Deal {
        let mut parties: Vec<usize> = roles
            .iter()
            .filter(|p| p.role == Role::Party)
            .map(|p| p.actor)
            .collect();
        let people: Vec<usize> = positions
            .iter()
            .filter(|p| parties.contains(&p.organization))
            .map(|p| p.holder)
            .collect();
        parties.extend(people);
        parties.sort_unstable();
        parties.dedup();
        Deal { terms, parties }
    }

    /// The stances of those of `holders` who are parties, with `polarity`, on each term that is
    /// not in `known`; the words of the term are their evidence, their rule the act's `rule`
    /// then the term's, their confidence the act's up to [`TERMS_CONFIDENCE`].
    pub fn stances(
        &self,
        holders: &[usize],
        known: &BTreeSet<Target>,
        polarity: Polarity,
        rule: &str,
        confidence: f32,
    ) -> Vec<Stance> {
        let mut out = Vec::new();
        for term in self.terms.iter().filter(|t| t.author.is_none()) {
            let target = Target::Issue(term.issue.clone());
            if known.contains(&target) {
                continue;
            }
            let polarity = term.polarity(polarity);
            for &holder in holders {
                if self.parties.binary_search(&holder).is_ok() {
                    out.push(Stance {
                        holder,
                        target: target.clone(),
                        polarity,
                        about: None,
                        evidence: term.evidence,
                        rule: format!("{rule}/{}", term.rule),
                        confidence: confidence.min(TERMS_CONFIDENCE),
                    });
                }
            }
        }
        out
    }

    /// The stances of the authors of plans on what their plans provide for ("His plan called
    /// for ceasefires": Arias supports a cease-fire).
    pub fn authored_stances(&self) -> Vec<Stance> {
        self.terms
            .iter()
            .filter_map(|term| {
                Some(Stance {
                    holder: term.author?,
                    target: Target::Issue(term.issue.clone()),
                    polarity: term.polarity(Polarity::Support),
                    about: None,
                    evidence: term.evidence,
                    rule: format!("clause/authored/{}", term.rule),
                    confidence: TERMS_CONFIDENCE,
                })
            })
            .collect()
    }
}

/// Every term of the article's deal, once for each issue (its first statement).
pub fn find(parsed: Parsed) -> Vec<Term> {
    Reader { parsed }.terms()
}

/// What the terms rules read in one article.
struct Reader<'a> {
    parsed: Parsed<'a>,
}

impl Reader<'_> {
    fn terms(&self) -> Vec<Term> {
        let mut out: Vec<Term> = Vec::new();
        for rule in self.rules() {
            for (s, range) in self.parsed.clauses.sentences.iter().enumerate() {
                for c in range.clone() {
                    if let Some(span) = self.verb_terms(rule, c) {
                        let author = self.parsed.clauses.clauses[c]
                            .doer()
                            .and_then(|np| self.author(np));
                        self.add(rule, s, span, author, &mut out);
                    }
                }
                for span in self.preposition_terms(rule, s) {
                    self.add(rule, s, span, None, &mut out);
                }
            }
        }
        out
    }

    fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.parsed.lexicon.rules.terms_rules()
    }

    /// The issues named in the words of `span` (a word range of sentence `s`), each a term
    /// unless an earlier one named it.
    fn add(
        &self,
        rule: &Rule,
        s: usize,
        span: Range<usize>,
        author: Option<usize>,
        out: &mut Vec<Term>,
    ) {
        if span.is_empty() {
            return;
        }
        let (start, end) = (
            self.parsed.words.words[span.start].start,
            self.parsed.words.words[span.end - 1].end,
        );
        let lexicon = self.parsed.lexicon;
        let text = &self.parsed.text.text[start..end];
        // Where the words of undoing stand in the term's text.
        let mut reversals: Vec<(usize, usize)> = lexicon
            .cue_hits(CueClass::Modifier, text)
            .into_iter()
            .filter(|(_, cues)| cues.contains(&Cue::Reversal))
            .map(|(h, _)| (h.start, h.end))
            .collect();
        // "will stop running its reactors": a verb of stopping before the issue.
        let words = self.parsed.words;
        reversals.extend(span.clone().filter_map(|i| {
            let w = &words.words[i];
            crate::lexicon::Words::get()
                .stop_verbs
                .contains(&words.lemma(i))
                .then(|| (w.start - start, w.end - start))
        }));
        let issues = &lexicon.issues;
        for hit in issues.find(text) {
            let undone = reversals.iter().any(|&r| undoes(text, r, &hit));
            for slug in issues.values(&hit) {
                if !out.iter().any(|t| &t.issue == slug) {
                    out.push(Term {
                        issue: slug.clone(),
                        undone,
                        evidence: Evidence {
                            sentence: s,
                            start,
                            end,
                        },
                        rule: rule.name.clone(),
                        author,
                    });
                }
            }
        }
    }

    /// "The accord provides for ...": from the verb of clause `c` to the next clause of its
    /// sentence that does not depend on it, when its doer is the deal and it states something.
    fn verb_terms(&self, rule: &Rule, c: usize) -> Option<Range<usize>> {
        let clause = &self.parsed.clauses.clauses[c];
        let states = !(clause.question
            || clause.conditional
            || clause.hedged
            || clause.negated
            || clause.passive);
        let lemma = self.parsed.words.lemma(clause.head);
        let verb = rule
            .verbs
            .iter()
            .any(|(v, particle)| v == lemma && self.has_particle(clause, particle.as_deref()));
        let doer = clause.doer()?;
        let deal = self.is_deal(rule, doer) || self.deal_pronoun(doer);
        (states && verb && deal).then(|| clause.verbs.start..self.clause_end(c))
    }

    /// Whether the verb's particle is there: in its group ("set out") or as the preposition
    /// right after it ("provides for").
    fn has_particle(&self, clause: &Clause, particle: Option<&str>) -> bool {
        let Some(p) = particle else {
            return true;
        };
        let right_after = clause.verbs.end;
        clause
            .verbs
            .clone()
            .any(|i| i != clause.head && self.is(i, p))
            || (right_after < self.parsed.words.words.len() && self.is(right_after, p))
    }

    /// Where the words of clause `c` end: at the subject or verb of the next clause of its
    /// sentence that does not depend on it, else at the sentence's end.
    fn clause_end(&self, c: usize) -> usize {
        let s = self
            .parsed
            .clauses
            .sentences
            .partition_point(|r| r.end <= c);
        let sentence_end = self.parsed.words.sentences[s].end;
        let range = &self.parsed.clauses.sentences[s];
        self.parsed.clauses.clauses[c + 1..range.end]
            .iter()
            .find(|x| x.governor.is_none())
            .map_or(sentence_end, |x| {
                x.subject
                    .as_ref()
                    .map_or(x.verbs.start, |np| np.words.start.min(x.verbs.start))
                    .max(self.parsed.clauses.clauses[c].verbs.end)
            })
    }

    /// "Under the deal, ...", "an agreement under which ...": the rest of sentence `s` after a
    /// rule's preposition and the deal it governs, when no verb comes before it (after a verb,
    /// "secured the return of Slavonia under the accord reached at Erdut" tells how, not what
    /// the deal provides), or after the preposition and "which" that follow the deal.
    fn preposition_terms(&self, rule: &Rule, s: usize) -> Vec<Range<usize>> {
        let range = self.parsed.words.sentences[s].clone();
        let mut out = Vec::new();
        for i in range.clone() {
            if !rule.prepositions.iter().any(|p| self.is(i, p)) || i + 1 >= range.end {
                continue;
            }
            let fronted = !self.parsed.clauses.sentences[s]
                .clone()
                .any(|c| self.parsed.clauses.clauses[c].verbs.start < i);
            let governed = self
                .parsed
                .clauses
                .phrase_at(i + 1)
                .filter(|np| fronted && self.is_deal(rule, np));
            let which = self.is(i + 1, "which")
                && i > range.start
                && self
                    .parsed
                    .clauses
                    .phrase_ending(i)
                    .is_some_and(|np| self.is_deal(rule, np));
            let from = match (governed, which) {
                (Some(np), _) => np.words.end,
                (None, true) => i + 2,
                (None, false) => continue,
            };
            if !self.said_with_doubt(s, from) {
                out.push(from..range.end);
            }
        }
        out
    }

    /// Whether the clause that begins at or after word `from` in sentence `s` is a question, a
    /// condition, a hedge or a negation.
    fn said_with_doubt(&self, s: usize, from: usize) -> bool {
        self.parsed.clauses.sentences[s]
            .clone()
            .map(|c| &self.parsed.clauses.clauses[c])
            .find(|c| c.verbs.start >= from)
            .is_some_and(|c| c.question || c.conditional || c.hedged || c.negated)
    }

    /// Whether a phrase's head (its last word, or the last before "of") is one of the rule's
    /// deal heads.
    fn is_deal(&self, rule: &Rule, np: &NounPhrase) -> bool {
        let (words, text) = (self.parsed.words, self.parsed.text.text);
        words.is_one_of(text, words.head(text, &np.words), &rule.object_heads)
    }

    /// The actor a possessive before the head of a deal's phrase names ("His plan", "Egypt's
    /// proposal"): the plan's author.
    fn author(&self, np: &NounPhrase) -> Option<usize> {
        let words = &self.parsed.words.words;
        let (start, end) = (words[np.words.start].start, words[np.words.end - 1].end);
        self.parsed
            .found
            .mentions_in(start, end)
            .find(|m| m.possessive && m.end <= end)
            .map(|m| m.stands_for)
    }

    /// "it" standing for a deal named earlier in its sentence or in the sentence before.
    fn deal_pronoun(&self, np: &NounPhrase) -> bool {
        referred_deal(self.parsed, np, |head| {
            self.parsed.lexicon.rules.is_deal_head(head)
        })
        .is_some()
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.parsed
            .words
            .text(self.parsed.text.text, i)
            .eq_ignore_ascii_case(w)
    }
}

/// Whether a word of undoing stands before an issue's phrase in a term ("will stop running and
/// building its reactors", "a freeze on enrichment") or after it ("the sanctions will be
/// lifted"), no more than five words and no comma away, and is no part of the phrase itself
/// ("an end to the war"). After the issue only a word that takes no object of its own undoes
/// it ("hostages in exchange for an end to the war" ends the war, not the release).
fn undoes(text: &str, (start, end): (usize, usize), issue: &Hit) -> bool {
    let near =
        |between: &str| between.split_whitespace().count() <= 5 && !between.contains([',', ';']);
    let takes_object = text[start..end]
        .rsplit(' ')
        .next()
        .is_some_and(|w| matches!(w, "to" | "of" | "on" | "for"));
    // "the sanctions will be lifted and prisoners released": a conjunction right after the
    // word ends what it undoes.
    let coordinated = |between: &str| {
        let first = between.split_whitespace().next();
        first.is_some_and(|w| matches!(w, "and" | "or" | "but" | "while"))
    };
    (end <= issue.start && near(&text[end..issue.start]) && !coordinated(&text[end..issue.start]))
        || (start >= issue.end && near(&text[issue.end..start]) && !takes_object)
}

/// The deal a pronoun phrase ("it", "they", "them") stands for: the last deal named before it in
/// its sentence or in the sentence before whose head `fits`, as the bytes of that head ("The
/// accord provides for a truce. It was signed by ..."; "... signed it on Sunday").
pub fn referred_deal(
    parsed: Parsed,
    np: &NounPhrase,
    fits: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    if !is_thing_pronoun(parsed, np) {
        return None;
    }
    let (words, text) = (parsed.words, parsed.text.text);
    let at = words.words[np.words.start].start;
    let s = parsed.text.sentence_of(at);
    let from = parsed.text.sentences[s.saturating_sub(1)].start;
    let deals = parsed.found.cues.of(CueClass::Deal);
    let first = deals.partition_point(|d| d.start < from);
    deals[first..]
        .iter()
        .take_while(|d| d.end <= at)
        .filter(|d| fits(&text[d.start..d.end]))
        .last()
        .map(|d| (d.start, d.end))
}

/// Whether a phrase is one pronoun that may stand for a thing ("it", "they", "them").
pub fn is_thing_pronoun(parsed: Parsed, np: &NounPhrase) -> bool {
    let (words, text) = (parsed.words, parsed.text.text);
    np.words.len() == 1
        && crate::lexicon::Words::get()
            .thing_pronouns
            .iter()
            .any(|p| words.text(text, np.words.start).eq_ignore_ascii_case(p))
}
