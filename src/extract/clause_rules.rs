//! Roles and stances read from clauses by the rules of `ontology/rules.ttl`.
//!
//! Every rule reads the same structures: the clauses of [`Clauses`] (a verb with its doer, what
//! it is done to, its prepositional phrases and the infinitive that depends on it), the noun
//! phrases and their appositions, and the mentions the actor stage resolved (names, surnames,
//! titles, descriptions, pronouns). A verb rule fires on a clause whose main verb it lists; a
//! noun rule fires on a phrase whose head is its role noun, for the actor the phrase describes.
//! Facts record the rule as "clause/NAME".

use std::collections::BTreeSet;
use std::ops::Range;

use super::actors::Found;
use super::parsed::Parsed;
use super::syntax::lemmas::Lemmatizer;
use super::syntax::{Clause, NounPhrase, Tag, Words};
use super::terms::Deal;
use super::{ActorKind, Evidence, Mention, MentionKind, Participation, Position, Stance, Target};
use crate::lexicon::{Cue, CueClass, Lexicon, Polarity, Role};
use crate::rulebook::{Rule, Says, Slot};
use crate::text::Text;

/// What the clause rules read in one article.
#[derive(Debug, Clone, Default)]
pub struct Read {
    pub participations: Vec<Participation>,
    pub stances: Vec<Stance>,
}

/// The rules read in two passes, the frame made between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Roles,
    Stances,
}

/// The span of the speaker's label that opens the line of byte `at` in a transcript ("Mr.
/// Lloyd:", "MOON:"): at most 80 bytes before a colon.
fn label(t: &str, at: usize) -> Option<(usize, usize)> {
    let line_start = t[..at].rfind('\n').map_or(0, |i| i + 1);
    let colon = t[line_start..at].find(':')?;
    (colon <= 80).then_some((line_start, line_start + colon))
}

/// The structures every rule reads.
pub struct Reader<'a> {
    pub parsed: Parsed<'a>,
    pub positions: &'a [Position],
    /// The issue of the deal under negotiation, which "the deal" and "the proposal" stand for.
    pub deal_issue: Option<&'a str>,
    /// The negotiation's sides and their leaders, whom "both sides" and "the two leaders" name.
    pub sides: &'a super::frame::PartyHolders,
    /// What the deal provides for, which a party that signs, accepts or rejects it takes a
    /// stance on; set once the roles are read.
    pub deal: &'a Deal,
}

const CONFIDENCE: f32 = 0.7;

/// The words of the sentences a rule can read: those that name an actor and have a word that
/// begins like one of a rule's words, and those near a deal noun (in them or the sentence
/// before) with a terms rule's verb or preposition, or with a pronoun that may stand for the
/// deal and the verb of a rule whose object it may be ("It was signed by ..."). The others, most
/// of an article, are not tagged.
pub fn words(text: &Text, lexicon: &Lexicon, found: &Found) -> Words {
    let lemmas = Lemmatizer::builtin();
    let deals = found.cues.of(CueClass::Deal);
    let mut words = Words::of_sentences(text, &lexicon.abbreviations, |i| {
        let s = &text.sentences[i];
        let from = text.sentences[i.saturating_sub(1)].start;
        let first = deals.partition_point(|d| d.start < from);
        let near_deal = deals.get(first).is_some_and(|d| d.start < s.end);
        // a deal in the sentence itself: "The treaty was signed on 5 September" names no actor
        let own_deal = deals[first..]
            .iter()
            .take_while(|d| d.start < s.end)
            .any(|d| d.start >= s.start);
        let speaker = label(text.text, s.start)
            .is_some_and(|(a, b)| found.mentions_in(a, b).next().is_some());
        let sentence = &text.text[s.start..s.end];
        let forms = |w: &str| lemmas.forms_of(w).map(str::to_string).collect();
        let names = speaker || own_deal || found.mentions_in(s.start, s.end).next().is_some();
        (names && lexicon.rules.triggered(sentence, forms))
            || (near_deal && lexicon.rules.terms_triggered(sentence, forms))
            || (near_deal
                && names
                && has_thing_pronoun(text, i)
                && lexicon.rules.object_verb_triggered(sentence, forms))
    });
    let names = found.mentions.iter().filter(|m| {
        matches!(
            m.kind,
            MentionKind::Name | MentionKind::Surname | MentionKind::Metonym | MentionKind::People
        )
    });
    words.mark_names(text.text, names.map(|m| (m.start, m.end)));
    words
}

/// Whether sentence `i` has a pronoun that may stand for a thing named before it ("it").
fn has_thing_pronoun(text: &Text, i: usize) -> bool {
    let pronouns = &crate::lexicon::Words::get().thing_pronouns;
    text.sentences[i].tokens.clone().any(|k| {
        let w = text.token_text(k);
        pronouns.iter().any(|p| w.eq_ignore_ascii_case(p))
    })
}

/// Where a stance's target is read.
struct TargetSpan {
    /// The phrase whose actors are targets (none for an infinitive).
    phrase: Option<NounPhrase>,
    /// The bytes its issues are read in.
    span: (usize, usize),
    /// Whether the bytes are those of the deal a pronoun stands for ("signed it").
    referred: bool,
}

impl TargetSpan {
    /// A target read in the words of a clause.
    fn words(phrase: Option<NounPhrase>, span: (usize, usize)) -> TargetSpan {
        TargetSpan {
            phrase,
            span,
            referred: false,
        }
    }
}

impl Reader<'_> {
    /// The roles the rules read: the role rules of verbs, then those of nouns. The frame is
    /// made from them, so `sides` is not read here.
    pub fn roles(&self) -> Vec<Participation> {
        let mut out = Read::default();
        self.each_clause(Pass::Roles, &mut out);
        self.noun_rules(&mut out);
        out.participations
    }

    /// Go-betweens: an actor of neither side (nor holding a post of one) that meets both sides,
    /// one clause or several ("Clinton met Netanyahu in Jerusalem and Abbas in Ramallah"), is a
    /// mediator; read against the frame's `sides`.
    pub fn go_betweens(&self) -> Vec<Participation> {
        let sides = &self.sides.parties;
        if sides.len() < 2 {
            return Vec::new();
        }
        let side_of = |a: usize| -> Option<usize> {
            if sides.contains(&a) {
                return Some(a);
            }
            self.positions
                .iter()
                .find(|p| p.holder == a && sides.contains(&p.organization))
                .map(|p| p.organization)
        };
        let meeting = crate::lexicon::Words::get().meeting_verbs.as_slice();
        // For each doer, the sides met and the evidence of the last meeting.
        let mut met: Vec<(usize, Vec<usize>, Evidence)> = Vec::new();
        for (s, range) in self.parsed.clauses.sentences.iter().enumerate() {
            for c in range.clone() {
                let clause = &self.parsed.clauses.clauses[c];
                let lemma = self.parsed.words.lemma(clause.head);
                if !meeting.contains(&lemma) || clause.passive || clause.negated || !self.speaks(c)
                {
                    continue;
                }
                let Some(doer) = clause.doer() else { continue };
                let met_sides: Vec<usize> = clause
                    .object
                    .iter()
                    .chain(
                        clause
                            .preps
                            .iter()
                            .filter(|p| self.is(p.word, "with") || self.is(p.word, "to"))
                            .map(|p| &p.phrase),
                    )
                    .flat_map(|np| self.actors_in(np))
                    .filter_map(side_of)
                    .collect();
                if met_sides.is_empty() {
                    continue;
                }
                for d in self.actors_in(doer) {
                    if side_of(d).is_some() {
                        continue;
                    }
                    let evidence = self.clause_evidence(s, clause);
                    match met.iter_mut().find(|(x, _, _)| *x == d) {
                        Some((_, seen, e)) => {
                            seen.extend(&met_sides);
                            *e = evidence;
                        }
                        None => met.push((d, met_sides.clone(), evidence)),
                    }
                }
            }
        }
        met.into_iter()
            .filter(|(_, seen, _)| sides.iter().filter(|p| seen.contains(p)).count() >= 2)
            .map(|(actor, _, evidence)| Participation {
                actor,
                role: Role::Mediator,
                evidence,
                rule: "clause/go-between".to_string(),
                confidence: CONFIDENCE,
            })
            .collect()
    }

    /// The stances the rules read, against the frame's `sides`.
    pub fn stances(&self) -> Vec<Stance> {
        let mut out = Read::default();
        self.each_clause(Pass::Stances, &mut out);
        out.stances
    }

    fn each_clause(&self, pass: Pass, out: &mut Read) {
        for (s, range) in self.parsed.clauses.sentences.iter().enumerate() {
            for c in range.clone() {
                if self.mandated(c) {
                    continue;
                }
                if self.speaks(c) || (pass == Pass::Roles && self.aimed(c)) {
                    self.verb_rules(pass, s, c, false, out);
                } else if pass == Pass::Stances && self.refused(c) {
                    self.verb_rules(pass, s, c, true, out);
                }
            }
        }
    }

    /// The head noun of a phrase's words: the last word, or the last before "of" in a phrase
    /// that goes on with a name ("the guarantors of the Astana process").
    fn head_word(&self, words: &Range<usize>) -> usize {
        self.parsed.words.head(self.parsed.text.text, words)
    }

    /// Whether word `i` is `w`, whatever its case.
    fn is(&self, i: usize, w: &str) -> bool {
        self.parsed
            .words
            .text(self.parsed.text.text, i)
            .eq_ignore_ascii_case(w)
    }

    /// Whether a clause states something: no question, condition or hedge, and no infinitive
    /// under a negated, conditional or blocking verb.
    fn speaks(&self, c: usize) -> bool {
        let clause = &self.parsed.clauses.clauses[c];
        if !self.plain(clause) {
            return false;
        }
        match clause.governor {
            Some(g) => {
                let gov = &self.parsed.clauses.clauses[g];
                !gov.negated
                    && !self
                        .parsed
                        .lexicon
                        .rules
                        .blocks(self.parsed.words.lemma(gov.head))
                    && self.speaks(g)
            }
            None => true,
        }
    }

    /// Whether a clause is what a verb of demanding right before its "that" asks for ("Japan
    /// demanded that China cede Taiwan"; `words/mandative-verbs.txt`): no fact of its subject.
    fn mandated(&self, c: usize) -> bool {
        let clause = &self.parsed.clauses.clauses[c];
        let Some(that) = clause
            .subject
            .as_ref()
            .and_then(|np| np.words.start.checked_sub(1))
        else {
            return false;
        };
        let mandative = &crate::lexicon::Words::get().mandative_verbs;
        self.is(that, "that")
            && that
                .checked_sub(1)
                .is_some_and(|v| mandative.contains(&self.parsed.words.lemma(v)))
    }

    /// Whether a clause is the infinitive of a verb of aiming that states something ("Norway
    /// offered to mediate"; the rule book's aiming verbs): it says a role, not a stance.
    fn aimed(&self, c: usize) -> bool {
        self.under_verb(c, |lemma| self.parsed.lexicon.rules.aims(lemma))
    }

    /// Whether a clause is the infinitive of a verb of refusing that states something ("Hamas
    /// refused to recognise Israel"; `words/refusal-verbs.txt`).
    fn refused(&self, c: usize) -> bool {
        let refusal = &crate::lexicon::Words::get().refusal_verbs;
        self.under_verb(c, |lemma| refusal.contains(&lemma))
    }

    /// Whether a clause, itself neither a question, a condition nor hedged, is the infinitive of
    /// a verb whose lemma `of` takes and which states something, not negated.
    fn under_verb(&self, c: usize, of: impl Fn(&str) -> bool) -> bool {
        let clause = &self.parsed.clauses.clauses[c];
        self.plain(clause)
            && clause.governor.is_some_and(|g| {
                let gov = &self.parsed.clauses.clauses[g];
                !gov.negated && of(self.parsed.words.lemma(gov.head)) && self.speaks(g)
            })
    }

    /// Whether a clause is no question, condition or hedge, nor a quoted verb whose doer stands
    /// outside the quotation.
    fn plain(&self, clause: &Clause) -> bool {
        !(clause.question || clause.conditional || clause.hedged || self.quoted_alone(clause))
    }

    /// A verb inside a quotation whose doer stands outside it ("officials were there \"to
    /// support the peace efforts\""): the quoted words are the speaker's, not the doer's.
    fn quoted_alone(&self, clause: &Clause) -> bool {
        let at = self.parsed.words.words[clause.head].start;
        let Some(&(qs, qe)) = self
            .parsed
            .text
            .quotes
            .iter()
            .find(|&&(qs, qe)| qs <= at && at < qe)
        else {
            return false;
        };
        clause.doer().is_some_and(|np| {
            let (start, end) = self.span(&np.words);
            start < qs || end > qe
        })
    }

    /// The rules of clause `c`'s verb; `refused`: the clause is what a verb of refusing
    /// governs, and says the opposite of its stance and no role.
    fn verb_rules(&self, pass: Pass, s: usize, c: usize, refused: bool, out: &mut Read) {
        let clause = &self.parsed.clauses.clauses[c];
        if clause.antecedent.is_some() && !self.relative_fits(c) {
            return;
        }
        let relative = clause.object.is_none() && clause.antecedent.is_some();
        let lemma = self.parsed.words.lemma(clause.head);
        for rule in self.parsed.lexicon.rules.for_verb(lemma) {
            for (verb, particle) in &rule.verbs {
                if verb != lemma {
                    continue;
                }
                let Some(particle_phrase) = self.particle(clause, particle.as_deref()) else {
                    continue;
                };
                // "The Cessation of Hostilities Agreement between Uganda and the LRA, signed in
                // Juba": the deal before "between" is what its sides did.
                let deal_between = self.deal_between(rule, clause);
                // "participated in the talks": a verb with a particle fits by the particle's
                // phrase.
                // "flew between Damascus and Ankara": two actors after "between" fit as well.
                let particle_fits = particle_phrase.as_ref().is_some_and(|p| {
                    !rule.object_heads.is_empty()
                        && (self.head_fits(rule, p)
                            || (particle.as_deref() == Some("between")
                                && self.actors_in(p).len() >= 2))
                });
                if !self.object_fits(rule, clause) && !particle_fits && deal_between.is_none() {
                    continue;
                }
                if !self.in_fits(rule, clause) || !self.labelled(rule, clause) {
                    continue;
                }
                if rule.doer_is_deal && !clause.doer().is_some_and(|np| self.is_deal(np)) {
                    continue;
                }
                if rule.agent_named && !self.finite_passive_with_agent(clause) {
                    continue;
                }
                if rule.done && !self.done(clause) {
                    continue;
                }
                let evidence = self.clause_evidence(s, clause);
                match rule.says {
                    // "the declaration, which the three countries signed in Khartoum": a role
                    // read through an object relative is the history a phrase is told with.
                    Says::Role(role)
                        if pass == Pass::Roles && !clause.negated && !refused && !relative =>
                    {
                        for actor in self.role_holders(rule, clause) {
                            out.participations.push(Participation {
                                actor,
                                role,
                                evidence,
                                rule: format!("clause/{}", rule.name),
                                confidence: CONFIDENCE,
                            });
                        }
                    }
                    Says::Stance(polarity) if pass == Pass::Stances && !clause.background => {
                        let target = match &deal_between {
                            Some(deal) => Some(TargetSpan {
                                phrase: None,
                                span: self.span(&deal.words),
                                referred: false,
                            }),
                            None => self.target(rule, c, particle_phrase),
                        };
                        // refused, a support is an opposition and an opposition says nothing;
                        // a deed refused ("refused to fund the reconstruction") says neither
                        let deed = rule.deed || rule.done || rule.target == Slot::Purpose;
                        let polarity = match (refused, polarity) {
                            (true, _) if deed => None,
                            (false, p) => Some(p),
                            (true, Polarity::Support) if !clause.negated => Some(Polarity::Oppose),
                            (true, _) => None,
                        };
                        if let Some(polarity) = polarity {
                            self.stances_of(rule, clause, polarity, target, evidence, out);
                        }
                    }
                    Says::Role(_) | Says::Stance(_) | Says::Terms => {}
                }
                break;
            }
        }
    }

    /// Whether an object relative's verb takes the phrase the relative is said of as its own
    /// object: not when an infinitive depends on it ("the bank, which both delegations wanted
    /// to finance": the bank is what they would finance), and only a phrase that names no
    /// person after "which" ("the movement co-founded by Kayumba Nyamwasa, which Kigali calls
    /// a terrorist group"), none but people after "whom".
    fn relative_fits(&self, c: usize) -> bool {
        let clause = &self.parsed.clauses.clauses[c];
        let (Some(antecedent), Some(subject)) = (&clause.antecedent, &clause.subject) else {
            return false;
        };
        let infinitive = self
            .parsed
            .clauses
            .dependent(c)
            .is_some_and(|x| x.verbs.start >= 1 && self.is(x.verbs.start - 1, "to"));
        if infinitive {
            return false;
        }
        let Some(word) = subject.words.start.checked_sub(1) else {
            return false;
        };
        let mut people = self
            .actors_in(antecedent)
            .into_iter()
            .map(|a| self.parsed.found.actors[a].kind == ActorKind::Person);
        if self.is(word, "whom") {
            people.all(|p| p)
        } else {
            !people.any(|p| p)
        }
    }

    /// `Some(phrase)` when the verb's particle is there (the phrase after it, if a preposition),
    /// `Some(None)` for a verb without particle, `None` when the particle is missing.
    fn particle(&self, clause: &Clause, particle: Option<&str>) -> Option<Option<NounPhrase>> {
        let Some(p) = particle else {
            return Some(None);
        };
        // "walked out of", "stayed away from": the adverb in the verb group, the preposition
        // after it.
        let p = match p.rsplit_once(' ') {
            Some((adverbs, last)) => {
                let all_there = adverbs.split(' ').all(|a| {
                    clause
                        .verbs
                        .clone()
                        .chain(clause.verbs.end..clause.verbs.end + 1)
                        .any(|i| i != clause.head && self.is(i, a))
                });
                if !all_there {
                    return None;
                }
                last
            }
            None => p,
        };
        if clause
            .verbs
            .clone()
            .any(|i| i != clause.head && self.is(i, p))
        {
            return Some(None);
        }
        // Right after the verb, or past adverbials ("agreed early on Sunday to a truce") when the
        // verb has no object.
        let first = clause.preps.first()?;
        if first.word == clause.verbs.end && self.is(first.word, p) {
            return Some(Some(first.phrase.clone()));
        }
        // "put their names to the declaration": right after the verb's object.
        if let Some(object) = &clause.object {
            return clause
                .preps
                .iter()
                .find(|x| x.word == object.words.end && self.is(x.word, p))
                .map(|x| Some(x.phrase.clone()));
        }
        let found = clause.preps.iter().find(|x| self.is(x.word, p))?;
        Some(Some(found.phrase.clone()))
    }

    fn object_fits(&self, rule: &Rule, clause: &Clause) -> bool {
        if rule.object_heads.is_empty() {
            return true;
        }
        clause.done_to().is_some_and(|object| {
            self.head_fits(rule, object)
                || self.referred_object(rule, object).is_some()
                || self.modified_fits(rule, clause, object)
                || rule.object_sides && self.actors_in(object).len() >= 2
        })
    }

    /// Whether one of the rule's `label_words` stands in the clause's object or within four
    /// words after it (and its "of" phrases) or after its apposition, when the rule has some
    /// ("called the NUG a terrorist organisation").
    fn labelled(&self, rule: &Rule, clause: &Clause) -> bool {
        if rule.label_words.is_empty() {
            return true;
        }
        let Some(object) = clause.object.as_ref() else {
            return false;
        };
        let words = self.parsed.words;
        let end = self.sentence_of_word(object.words.start).end;
        let text = self.parsed.text.text;
        // Past an apposition set off by commas ("declared the ambassador, Renato Villa, persona
        // non grata").
        let comma = |i: usize| i < end && words.text(text, i) == ",";
        // Past the object's "of" phrases ("made the withdrawal of Israeli troops a condition").
        let through = self.on_through_of(clause, self.span(&object.words).1);
        let after = words.words.partition_point(|w| w.start < through);
        let after = if comma(after) {
            (after + 1..(after + 7).min(end))
                .find(|&i| comma(i))
                .map_or(after, |i| i + 1)
        } else {
            after
        };
        (object.words.start..object.words.end)
            .chain(after..(after + 4).min(end))
            .take_while(|&i| i < object.words.end || !words.words[i].tag.is_verb())
            .any(|i| words.is_one_of(text, i, &rule.label_words))
    }

    /// The object of a naming ("the NUG a terrorist organisation") up to the first actor it
    /// names, which the name is given to.
    fn named_part(&self, np: &NounPhrase) -> NounPhrase {
        let (start, end) = self.span(&np.words);
        self.parsed
            .found
            .mentions_in(start, end)
            .find(|m| !m.locative && m.end <= end)
            .map(|m| {
                let words = &self.parsed.words.words;
                NounPhrase::single(np.words.start..words.partition_point(|w| w.start < m.end))
            })
            .unwrap_or_else(|| np.clone())
    }

    /// Whether the phrase after an "in" right after the clause's object has one of the rule's
    /// `in_heads`, when the rule has some and the clause such a phrase ("took part in the
    /// talks", not "took part in the fighting"). "The monitoring team, in which Japan and the EU
    /// have taken part": a relative clause opened by "in which" reads the phrase it is said of
    /// as that phrase.
    fn in_fits(&self, rule: &Rule, clause: &Clause) -> bool {
        if rule.in_heads.is_empty() {
            return true;
        }
        let text = self.parsed.text.text;
        let fits = |np: &NounPhrase| {
            let head = self.head_word(&np.words);
            self.parsed.words.is_one_of(text, head, &rule.in_heads)
        };
        let start = clause
            .subject
            .as_ref()
            .map_or(clause.verbs.start, |s| s.words.start);
        if start >= 2 && self.is(start - 2, "in") && self.is(start - 1, "which") {
            let before =
                (start - 2).saturating_sub(usize::from(start >= 3 && self.is(start - 3, ",")));
            return self.parsed.clauses.phrase_ending(before).is_some_and(fits);
        }
        let Some(end) = clause.object.as_ref().map(|o| o.words.end) else {
            return true;
        };
        clause
            .preps
            .iter()
            .find(|p| p.word == end && self.is(p.word, "in"))
            .is_none_or(|p| fits(&p.phrase))
    }

    /// "The talks at St Andrews, chaired by Tony Blair": a participle set off by a comma after a
    /// phrase that follows a preposition is said of the phrase the preposition modifies, when
    /// that one's head is one of the rule's object heads.
    fn modified_fits(&self, rule: &Rule, clause: &Clause, object: &NounPhrase) -> bool {
        let words = self.parsed.words;
        let comma = clause.verbs.start.checked_sub(1);
        let set_off = clause.subject.is_none()
            || comma.is_some_and(|c| c == object.words.end && self.is(c, ","));
        let Some(prep) = object.words.start.checked_sub(1) else {
            return false;
        };
        set_off
            && clause.passive
            && words.words[prep].tag.is_preposition()
            && self
                .parsed
                .clauses
                .phrase_ending(prep)
                .is_some_and(|np| self.head_fits(rule, np))
    }

    /// What a pronoun phrase stands for when one of the rule's object heads names it: the
    /// nearest phrase before it in its sentence with such a head ("agreed to enter a process
    /// ... and Canada accepted a mandate to facilitate it"), else the deal so named in its
    /// sentence or the one before ("The accord provides for a truce. It was signed by ..."); as
    /// the bytes of that phrase or of the deal's head.
    fn referred_object(&self, rule: &Rule, np: &NounPhrase) -> Option<(usize, usize)> {
        if rule.object_heads.is_empty() || !super::terms::is_thing_pronoun(self.parsed, np) {
            return None;
        }
        let w = np.words.start;
        let sentence_start = self.sentence_of_word(w).start;
        let phrases = &self.parsed.clauses.phrases;
        let k = phrases.partition_point(|p| p.words.start < w);
        let in_sentence = phrases[..k]
            .iter()
            .rev()
            .take_while(|p| p.words.start >= sentence_start)
            .find(|p| p.words.end <= w && self.head_fits(rule, p));
        in_sentence.map(|p| self.span(&p.words)).or_else(|| {
            super::terms::referred_deal(self.parsed, np, |head| rule.has_object_head(head))
        })
    }

    /// Whether a phrase's head noun is one of the rule's object heads.
    fn head_fits(&self, rule: &Rule, np: &NounPhrase) -> bool {
        self.is_object_head(rule, self.head_word(&np.words))
    }

    /// Whether a deal's name ends in one of the rule's object heads ("the Cessation of
    /// Hostilities Agreement"), or its head is one, or the word before its first "for" or "on"
    /// ("the Doha Document for Peace in Darfur", "the Agreement on a Firm and Lasting Peace").
    fn name_fits(&self, rule: &Rule, np: &NounPhrase) -> bool {
        let before_preposition = np
            .words
            .clone()
            .find(|&i| i > np.words.start && (self.is(i, "for") || self.is(i, "on")))
            .is_some_and(|p| self.is_object_head(rule, p - 1));
        self.head_fits(rule, np)
            || self.is_object_head(rule, np.words.end - 1)
            || before_preposition
    }

    /// Whether word `i` (its lemma or itself) is one of the rule's object heads.
    fn is_object_head(&self, rule: &Rule, i: usize) -> bool {
        let text = self.parsed.text.text;
        self.parsed.words.is_one_of(text, i, &rule.object_heads)
    }

    /// The deal of a participle set off by a comma after "DEAL between A and B" ("the
    /// agreement between Uganda and the LRA, signed in Juba"), which the clauses read as "A and
    /// B signed" with nothing signed: the phrase before "between", when its head is one of the
    /// rule's object heads. A and B stay the doers, unless a "by" phrase names them ("signed in
    /// Beijing by Camilleri and Wang Chao"); a finite passive ("was signed") has no comma there.
    fn deal_between(&self, rule: &Rule, clause: &Clause) -> Option<NounPhrase> {
        if rule.object_heads.is_empty() || clause.object.is_some() {
            return None;
        }
        let sides = clause.subject.as_ref()?;
        let between = sides.words.start.checked_sub(1)?;
        if !self.is(between, "between") {
            return None;
        }
        // Only a comma (past a bracket: "the LRA (LRA),") between the sides and the verb.
        let gap = &self.parsed.text.text
            [self.span(&sides.words).1..self.parsed.words.words[clause.verbs.start].start];
        let gap = gap.trim_start();
        let gap = match gap.strip_prefix('(') {
            Some(rest) => rest.split_once(')').map_or(rest, |(_, after)| after),
            None => gap,
        };
        if gap.trim() != "," {
            return None;
        }
        self.parsed
            .clauses
            .phrases
            .iter()
            .find(|p| p.words.end == between)
            .filter(|deal| self.name_fits(rule, deal))
            .cloned()
    }

    /// The clause a verb rule read, as evidence: from its doer to its last phrase, so that
    /// `explain` shows the clause the fact came from.
    fn clause_evidence(&self, sentence: usize, clause: &Clause) -> Evidence {
        let phrases = [clause.doer(), clause.object.as_ref()]
            .into_iter()
            .flatten()
            .chain(clause.preps.iter().map(|p| &p.phrase));
        let (mut first, mut last) = (clause.verbs.start, clause.verbs.end - 1);
        for np in phrases {
            first = first.min(np.words.start);
            last = last.max(np.words.end - 1);
        }
        Evidence {
            sentence,
            start: self.parsed.words.words[first].start,
            end: self.parsed.words.words[last].end,
        }
    }

    fn evidence(&self, sentence: usize, word: usize) -> Evidence {
        let w = self.parsed.words.words[word];
        Evidence {
            sentence,
            start: w.start,
            end: w.end,
        }
    }

    /// The phrase of a slot of a clause.
    fn slot<'c>(&self, clause: &'c Clause, slot: Slot) -> Option<&'c NounPhrase> {
        match slot {
            Slot::Doer => clause.doer(),
            Slot::DoneTo => clause.done_to(),
            // "with Boris Yeltsin looking on": a participle after the phrase (or after its
            // apposition: "with Wang Yi, China's top diplomat, signing for the host") makes it
            // a clause of its own, whose actor does something else.
            Slot::With => clause
                .preps
                .iter()
                .find(|p| self.is(p.word, "with"))
                .filter(|p| !self.participle_after(&p.phrase))
                .map(|p| &p.phrase),
            // An "in" right after an "of" or "for" phrase is that noun's ("an agreement for
            // peace in Bosnia"); a place still to come is no venue yet ("is to be signed in
            // Paris next month", "will sign it in Oslo").
            Slot::Place => {
                // The verb group and the few words before it ("is to be formally signed").
                let planned = (clause.verbs.start.saturating_sub(3)..clause.verbs.end).any(|w| {
                    crate::lexicon::Words::get()
                        .planned_markers
                        .iter()
                        .any(|x| self.is(w, x))
                });
                if planned {
                    return None;
                }
                let i = clause.preps.iter().position(|p| self.is(p.word, "in"))?;
                let after_noun = i > 0
                    && ["of", "for"]
                        .iter()
                        .any(|w| self.is(clause.preps[i - 1].word, w));
                (!after_noun).then(|| &clause.preps[i].phrase)
            }
            Slot::Sides | Slot::Particle | Slot::Complement | Slot::Purpose | Slot::Predicate => {
                None
            }
        }
    }

    /// Whether word `i` is a participle ("looking", "seated").
    /// Whether a participle follows a phrase, or its apposition and a comma.
    fn participle_after(&self, np: &NounPhrase) -> bool {
        let after_apposition = self
            .apposition_of(np)
            .filter(|a| a.words.start > np.words.start)
            .is_some_and(|a| {
                let end = a.words.end;
                self.is(end, ",") && self.participle_at(end + 1)
            });
        self.participle_at(np.words.end) || after_apposition
    }

    fn participle_at(&self, i: usize) -> bool {
        self.parsed
            .words
            .words
            .get(i)
            .is_some_and(|w| matches!(w.tag, Tag::VBG | Tag::VBN))
    }

    /// The actors in a role rule's holder slots, persons who hold a post standing for their
    /// state or organisation when the rule makes parties; none below the rule's minimum, which
    /// a doer of several members meets too ("Chad's government and more than 40 armed groups
    /// signed": two sides, one of them named).
    fn role_holders(&self, rule: &Rule, clause: &Clause) -> Vec<usize> {
        if rule.min_doers > 1 {
            let doers = clause.doer().map_or(0, |np| {
                if self.sides_described(np).is_some() {
                    rule.min_doers
                } else {
                    np.members.len()
                }
            });
            if doers < rule.min_doers {
                return Vec::new();
            }
        }
        let mut actors = BTreeSet::new();
        let mut members = 0;
        for &slot in &rule.holders {
            if let Some(np) = self.slot(clause, slot) {
                if slot == Slot::Place {
                    actors.extend(self.places_in(np));
                    continue;
                }
                if rule.agent_named && !self.named_or_state_body(np) {
                    continue;
                }
                // A role played by a body named after "whose" is its owner's; a stance stays
                // the body's own, as the stance holders read it.
                let named = self.actors_in(np);
                if named.is_empty() {
                    actors.extend(self.whose_owner(np));
                }
                actors.extend(named);
                // The list a last member stands for plays the role; its members' stances are
                // not read from the phrase (a signer's support of each of the deal's terms,
                // which the annotators did not read for states listed after a colon).
                actors.extend(self.listed_by_last_member(np));
                if slot == Slot::Doer {
                    members = np.members.len();
                }
            }
        }
        let actors: BTreeSet<usize> = match rule.says {
            Says::Role(crate::lexicon::Role::Party) => actors
                .into_iter()
                .map(|a| self.state_of_body(self.side_of(a)))
                .collect(),
            _ => actors,
        };
        if actors.len().max(members) < rule.min_holders || actors.is_empty() {
            return Vec::new();
        }
        actors.into_iter().collect()
    }

    /// The states a phrase names as places, themselves or by their capitals ("in Bissau", "in
    /// Algiers").
    fn places_in(&self, np: &NounPhrase) -> Vec<usize> {
        let found = self.parsed.found;
        let (start, end) = self.span(&np.words);
        found
            .mentions_in(start, end)
            .filter(|m| m.locative && m.end <= end)
            .filter(|m| found.actors[m.actor].kind == ActorKind::State)
            .map(|m| m.actor)
            .collect()
    }

    /// A person's state or organisation where the article gives them a post, else the actor.
    fn side_of(&self, actor: usize) -> usize {
        if self.parsed.found.actors[actor].kind != ActorKind::Person {
            return actor;
        }
        self.positions
            .iter()
            .find(|p| p.holder == actor)
            .map_or(actor, |p| p.organization)
    }

    /// The state a body of the state belongs to: by the gazetteer (the Supreme National Security
    /// Council is Iran's), or an institution whose name follows the state's possessive ("Sudan's
    /// Sovereign Council"): a state's institution is no side of its own. Else the body.
    fn state_of_body(&self, body: usize) -> usize {
        let (found, lexicon) = (self.parsed.found, self.parsed.lexicon);
        let t = self.parsed.text.text;
        let actor = &found.actors[body];
        if actor.kind != ActorKind::Organization {
            return body;
        }
        let state = |x: usize| found.actors[x].kind == ActorKind::State;
        let parent = actor
            .entry
            .and_then(|e| lexicon.actors[e].parent)
            .and_then(|p| found.actors.iter().position(|a| a.entry == Some(p)))
            .filter(|&x| state(x));
        let last = actor.label.rsplit(' ').next().unwrap_or_default();
        let institution = crate::lexicon::Words::get()
            .institution_heads
            .contains(&last);
        let possessor = || {
            found
                .mentions
                .iter()
                .filter(|m| m.actor == body)
                .find_map(|m| {
                    found.mentions.iter().find(|x| {
                        state(x.actor)
                            && x.end <= m.start
                            && matches!(&t[x.end..m.start], "'s " | "’s ")
                    })
                })
                .map(|x| x.actor)
        };
        parent
            .or_else(|| institution.then(possessor).flatten())
            .unwrap_or(body)
    }

    /// One actor for each member of a noun phrase: the mention at its head ("Qatari Prime
    /// Minister Mohammed", "Hamas"), else the one its apposition names ("the Ghanaian
    /// diplomat" in "Kofi Annan, the Ghanaian diplomat,"), else a possessor or modifier that is
    /// no pronoun ("Israel's negotiators", "the Egyptian delegation").
    fn actors_in(&self, np: &NounPhrase) -> Vec<usize> {
        let partner = self.apposition_of(np);
        let found: Vec<usize> = np
            .members
            .iter()
            .filter_map(|m| {
                let (start, end) = self.span(m);
                let mentions: Vec<&Mention> = self
                    .parsed
                    .found
                    .mentions_in(start, end)
                    .filter(|x| !x.locative && x.end <= end)
                    .collect();
                let head = self.head_mention(end).map(|x| x.stands_for);
                let named = || {
                    partner
                        .map(|p| self.partner_actors(np, p))
                        .filter(|a| a.len() == 1)
                        .map(|a| a[0])
                };
                let modifier = || {
                    mentions
                        .iter()
                        .rev()
                        .find(|x| x.kind != MentionKind::Pronoun)
                        .map(|x| x.stands_for)
                };
                head.or_else(named)
                    .or_else(|| self.of_phrase_actor(end))
                    .or_else(modifier)
            })
            .collect();
        // "The four guarantors, Argentina, Brazil, Chile and the United States,": a phrase
        // that names no actor stands for the list in apposition to it; "the two leaders" and
        // "both sides" for the negotiation's sides.
        // "The following eight Ethnic Armed Organizations signed the Agreement: the KNU; ...":
        // the phrase announces its list (`words/list-announcers.txt`), whatever it names itself.
        let announced = (np.words.start.saturating_sub(1)..np.words.end).any(|i| {
            let word = self.parsed.words.text(self.parsed.text.text, i);
            crate::lexicon::Words::get()
                .list_announcers
                .iter()
                .any(|a| a.eq_ignore_ascii_case(word))
        });
        if announced {
            let listed = self.colon_list(&np.words);
            if !listed.is_empty() {
                return listed;
            }
        }
        match (found.is_empty(), partner) {
            (true, Some(p)) => self.partner_actors(np, p),
            (true, None) => {
                let sides = self.sides(np);
                if !sides.is_empty() {
                    sides
                } else if let Some(a) = self.first_person(np) {
                    vec![a]
                } else if let Some(speaker) = self.speakers_pronoun(np) {
                    speaker
                } else {
                    let listed = self.colon_list(&np.words);
                    if listed.is_empty() {
                        self.introduced_list(np)
                    } else {
                        listed
                    }
                }
            }
            _ => found,
        }
    }

    /// "by the Democratic Republic of the Congo and five states: Angola, Namibia and Zimbabwe":
    /// the list after a colon that the last of two members or more of a phrase stands for, when
    /// it names no actor itself.
    fn listed_by_last_member(&self, np: &NounPhrase) -> Vec<usize> {
        let Some(last) = np.members.last().filter(|_| np.members.len() > 1) else {
            return Vec::new();
        };
        let (start, end) = self.span(last);
        if self.parsed.found.mentions_in(start, end).next().is_some() {
            return Vec::new();
        }
        self.colon_list(last)
    }

    /// "The following eight organisations signed the agreement: the Karen National Union
    /// (KNU); the Chin National Front (CNF); ...": a plural phrase that names no actor stands
    /// for the list after a colon later in its sentence, one actor for each item (the first one
    /// an item names), the items cut at semicolons, else at commas and "and".
    fn colon_list(&self, phrase: &Range<usize>) -> Vec<usize> {
        let words = &self.parsed.words;
        let head = self.head_word(phrase);
        if !matches!(words.words[head].tag, Tag::NNS | Tag::NNPS) {
            return Vec::new();
        }
        let (t, found) = (self.parsed.text.text, self.parsed.found);
        let (_, end) = self.span(phrase);
        let sentence = &self.parsed.text.sentences[self.parsed.text.sentence_of(end)];
        let Some(colon) = t[end..sentence.end].find(':').map(|c| end + c + 1) else {
            return Vec::new();
        };
        let list = &t[colon..sentence.end];
        // The items' byte ranges in the text.
        let cuts: Vec<(usize, usize)> = if list.contains(';') {
            list.match_indices(';').map(|(i, _)| (i, 1)).collect()
        } else {
            let mut cuts: Vec<(usize, usize)> = list
                .match_indices(',')
                .map(|(i, _)| (i, 1))
                .chain(list.match_indices(" and ").map(|(i, m)| (i, m.len())))
                .collect();
            cuts.sort_unstable();
            cuts
        };
        let mut out = Vec::new();
        let mut start = colon;
        for (at, len) in cuts.into_iter().chain([(list.len(), 0)]) {
            let first = found
                .mentions_in(start, colon + at)
                .find(|m| !m.locative && m.kind != MentionKind::Pronoun)
                .map(|m| m.stands_for);
            if let Some(a) = first.filter(|a| !out.contains(a)) {
                out.push(a);
            }
            start = (colon + at + len).max(start);
        }
        out
    }

    /// "Egypt, whose intelligence service brokered the talks": the actors of the phrase "whose"
    /// follows, for a phrase right after it.
    fn whose_owner(&self, np: &NounPhrase) -> Vec<usize> {
        let w = np.words.start;
        if w == 0 || !self.is(w - 1, "whose") {
            return Vec::new();
        }
        let end = (w - 1).saturating_sub(usize::from(w >= 2 && self.is(w - 2, ",")));
        self.parsed
            .clauses
            .phrase_ending(end)
            .map(|p| self.actors_in_plain(p))
            .unwrap_or_default()
    }

    /// "Nineteen organisations took part, among them the government, the ANC and the IFP";
    /// "several states, including Qatar and Egypt,": a plural phrase that names no actor stands
    /// for the phrase a word of `words/list-introducers.txt` opens right after it, or after the
    /// verbs (and the adverbs and the "part" of "take part") of the clause it is the subject of,
    /// one actor for each member.
    fn introduced_list(&self, np: &NounPhrase) -> Vec<usize> {
        let words = &self.parsed.words;
        if !words.words[self.head_word(&np.words)].tag.is_plural_noun() {
            return Vec::new();
        }
        let sentence = self.sentence_of_word(np.words.start);
        let text = self.parsed.text.text;
        let mut w = np.words.end;
        while w < sentence.end {
            let tag = words.words[w].tag;
            let between = tag.is_verb()
                || tag.is_adverb()
                || matches!(tag, Tag::Comma | Tag::MD | Tag::RP)
                || (w > np.words.end && words.lemma(w) == "part");
            if !between {
                break;
            }
            w += 1;
        }
        let introducers = &crate::lexicon::Words::get().list_introducers;
        let Some(opened) = introducers.iter().find_map(|intro| {
            let n = intro.split(' ').count();
            let fits = w + n <= sentence.end
                && intro
                    .split(' ')
                    .enumerate()
                    .all(|(k, part)| words.text(text, w + k).eq_ignore_ascii_case(part));
            fits.then_some(w + n)
        }) else {
            return Vec::new();
        };
        let phrases = &self.parsed.clauses.phrases;
        let k = phrases.partition_point(|p| p.words.start < opened);
        phrases[k..]
            .iter()
            .take_while(|p| p.words.start == opened)
            .max_by_key(|p| p.words.end)
            .map(|p| self.actors_in_plain(p))
            .unwrap_or_default()
    }

    /// The words of the sentence word `w` stands in.
    fn sentence_of_word(&self, w: usize) -> Range<usize> {
        let sentences = &self.parsed.words.sentences;
        sentences[sentences.partition_point(|r| r.end <= w)].clone()
    }

    /// "Hamas said (that) it would respect the truce", "the rebels said they would observe it":
    /// "it" or "they" right after a verb of speech (and "that") is the speech's subject, when
    /// that names actors.
    fn speakers_pronoun(&self, np: &NounPhrase) -> Option<Vec<usize>> {
        let words = self.parsed.words;
        let w = np.words.start;
        if np.words.len() != 1 || !matches!(words.lemma(w), "it" | "they") || w == 0 {
            return None;
        }
        // The last clause before it in its sentence, a verb of speech with its subject right
        // before it ("Hamas said", "The MNDAA said on its channel that it").
        let clauses = &self.parsed.clauses;
        let s = words.sentences.partition_point(|r| r.end <= w);
        let range = clauses.sentences[s].clone();
        let speech = clauses.clauses[range.clone()]
            .iter()
            .rev()
            .find(|c| c.verbs.end <= w)
            .filter(|c| !c.negated && !c.passive)?;
        let subject = speech
            .subject
            .as_ref()
            .filter(|np| np.words.end == speech.verbs.start)?;
        let between_ok =
            (speech.verbs.end..w).all(|i| !words.words[i].tag.is_verb() && !self.is(i, ","));
        let at = words.words[speech.head].start;
        let spoken = || {
            let hits = self.parsed.found.cues.of(CueClass::Speech);
            hits.get(hits.partition_point(|h| h.start < at))
                .is_some_and(|h| h.start == at)
        };
        if !between_ok || !spoken() {
            return None;
        }
        let mut speakers = self.actors_in_plain(subject);
        if speakers.is_empty() {
            speakers = self.senders(range, subject);
        }
        (!speakers.is_empty()).then_some(speakers)
    }

    /// "Oman's foreign ministry put out a statement saying it": who sends the message a
    /// phrase headed by a noun of `words/message-nouns.txt` is, the actors of the subject of
    /// the clause whose object it is (a body's possessor among them).
    fn senders(&self, clauses: Range<usize>, message: &NounPhrase) -> Vec<usize> {
        let words = self.parsed.words;
        let head = message.words.end - 1;
        if !crate::lexicon::Words::get()
            .message_nouns
            .contains(&words.lemma(head))
        {
            return Vec::new();
        }
        self.parsed.clauses.clauses[clauses]
            .iter()
            .find(|c| {
                c.object.as_ref().is_some_and(|o| o.words == message.words)
                    && !c.negated
                    && !c.passive
            })
            .and_then(|c| c.subject.as_ref())
            .map(|np| self.actors_in(np))
            .unwrap_or_default()
    }

    /// "I" or "we" in a transcript's answer: the speaker its line opens with ("Mr. Lloyd: We
    /// did not write it").
    fn first_person(&self, np: &NounPhrase) -> Option<usize> {
        let w = np.words.start;
        if np.words.len() != 1 || !matches!(self.parsed.words.lemma(w), "i" | "we") {
            return None;
        }
        let (start, end) = label(self.parsed.text.text, self.parsed.words.words[w].start)?;
        self.parsed
            .found
            .mentions_in(start, end)
            .filter(|m| !m.locative && !m.possessive)
            .last()
            .map(|m| m.stands_for)
    }

    /// The description of the negotiation's sides in a phrase ("both sides", "the two
    /// leaders"), if it holds one.
    fn sides_described(&self, np: &NounPhrase) -> Option<&str> {
        let (start, end) = self.span(&np.words);
        let t = &self.parsed.text.text[start..end];
        let hit = *self
            .parsed
            .lexicon
            .cues
            .get(&CueClass::Parties)?
            .find(t)
            .first()?;
        Some(&t[hit.start..hit.end])
    }

    /// The sides a plural description names ("both sides", "the two leaders"): the parties of
    /// the negotiation, or their leaders.
    fn sides(&self, np: &NounPhrase) -> Vec<usize> {
        let Some(described) = self.sides_described(np) else {
            return Vec::new();
        };
        if described.to_lowercase().contains("leader") {
            self.sides.leaders.clone()
        } else {
            self.sides.parties.clone()
        }
    }

    /// The head actors of `partner`, the apposition of `np`, that `np` may stand for: only
    /// people when its head is a person's noun (`words/person-nouns.txt`: "the former
    /// Yugoslavia, a career diplomat who chaired ..." is no state's deed).
    fn partner_actors(&self, np: &NounPhrase, partner: &NounPhrase) -> Vec<usize> {
        let mut actors = self.actors_in_plain(partner);
        let head = self.parsed.words.lemma(self.head_word(&np.words));
        if crate::lexicon::Words::get().person_nouns.contains(head) {
            actors.retain(|&a| self.parsed.found.actors[a].kind == ActorKind::Person);
        }
        actors
    }

    /// The head actors of a phrase with no apposition of its own, one for each member.
    fn actors_in_plain(&self, np: &NounPhrase) -> Vec<usize> {
        np.members
            .iter()
            .filter_map(|m| self.head_mention(self.span(m).1))
            .map(|x| x.stands_for)
            .collect()
    }

    /// The head actor of the "of" or "from" phrase right after `end`, which the phrase did not
    /// take in because no name follows the preposition: a title that runs on ("Qatar's minister
    /// of state"), a message and its sender ("a statement from the Kremlin").
    fn of_phrase_actor(&self, end: usize) -> Option<usize> {
        let rest = self.parsed.text.text.get(end..)?;
        let of = rest.trim_start();
        let skip = rest.len() - of.len();
        let word = of.split(' ').next().unwrap_or_default();
        if !(word.eq_ignore_ascii_case("of") || word.eq_ignore_ascii_case("from")) {
            return None;
        }
        let from = self.parsed.words.word_at(end + skip + word.len() + 1);
        let next = self.parsed.clauses.phrase_at(from)?;
        self.head_mention(self.span(&next.members[0]).1)
            .map(|x| x.stands_for)
    }

    /// The mention that ends a phrase at `end`, which may begin before it ("the Community of
    /// Sant'Egidio" for the phrase "Sant'Egidio"); no place and no possessor.
    fn head_mention(&self, end: usize) -> Option<&Mention> {
        self.parsed
            .found
            .mention_ending_at(end)
            .filter(|x| !x.locative && !x.possessive)
    }

    /// The phrase in apposition to `np`, either way round.
    fn apposition_of(&self, np: &NounPhrase) -> Option<&NounPhrase> {
        let phrases = &self.parsed.clauses.phrases;
        self.parsed.clauses.appositions.iter().find_map(|&(a, b)| {
            if phrases[a].words == np.words {
                Some(&phrases[b])
            } else if phrases[b].words == np.words {
                Some(&phrases[a])
            } else {
                None
            }
        })
    }

    fn span(&self, words: &Range<usize>) -> (usize, usize) {
        (
            self.parsed.words.words[words.start].start,
            self.parsed.words.words[words.end - 1].end,
        )
    }

    /// Whether the phrase is an actor's stance: a stance cue at its head with an actor as its
    /// possessor ("Hamas's acceptance"; not "Egypt's proposal", not "its acceptance").
    fn has_possessor(&self, np: &NounPhrase) -> bool {
        let (start, end) = self.span(&np.words);
        // The head and the word after it: cue nouns come with their preposition ("acceptance of").
        let head = self.head_word(&np.words);
        let last = (head + 1).min(self.parsed.words.words.len() - 1);
        let text = &self.parsed.text.text
            [self.parsed.words.words[head].start..self.parsed.words.words[last].end];
        let stance_head = self
            .parsed
            .lexicon
            .cues
            .get(&CueClass::Stance)
            .is_some_and(|c| c.find(text).iter().any(|h| h.start == 0));
        stance_head
            && self
                .parsed
                .found
                .mentions_in(start, end)
                .any(|m| m.possessive && m.kind != MentionKind::Pronoun)
    }

    /// Where a stance's target is read: the slot's phrase, whose actors are targets, and the
    /// span its issues are read in, which goes on through an "of" phrase after it ("the release
    /// of the hostages"); or the dependent infinitive with its object, for issues only.
    fn target(&self, rule: &Rule, c: usize, particle: Option<NounPhrase>) -> Option<TargetSpan> {
        let clause = &self.parsed.clauses.clauses[c];
        // A particle's phrase ("agreed to", "called for") names things, not actors.
        let (phrase, names_actors) = match (rule.target, particle) {
            (Slot::Complement, _) => {
                return self.complement(c).map(|span| TargetSpan::words(None, span))
            }
            (Slot::Purpose, _) => return self.purpose(c).map(|span| TargetSpan::words(None, span)),
            (Slot::Predicate, _) => return Some(TargetSpan::words(None, self.predicate(clause))),
            (_, Some(np)) => (np, false),
            // "the PLO, which it calls a terrorist group": the name is given to the phrase the
            // relative is said of.
            (_, _) if !rule.label_words.is_empty() && clause.antecedent.is_some() => {
                (clause.antecedent.clone()?, true)
            }
            (slot, _) if !rule.label_words.is_empty() => {
                (self.named_part(self.slot(clause, slot)?), true)
            }
            (slot, _) => (self.slot(clause, slot)?.clone(), true),
        };
        if let Some(span) = self.referred_object(rule, &phrase) {
            return Some(TargetSpan {
                phrase: None,
                span,
                referred: true,
            });
        }
        // "welcomed Hamas's acceptance of the proposal": the possessor's stance, not the
        // subject's.
        if !rule.possessor_target && self.has_possessor(&phrase) {
            return None;
        }
        // "wants Kosovo to establish ...": the object is the infinitive's doer, not a target.
        let doer_of_infinitive = self
            .parsed
            .clauses
            .dependent(c)
            .is_some_and(|x| x.subject.as_ref() == Some(&phrase));
        let (start, end) = self.span(&phrase.words);
        let end = self.on_through_of(clause, end);
        Some(TargetSpan::words(
            (names_actors && !doer_of_infinitive).then_some(phrase),
            (start, end),
        ))
    }

    /// The actors a target phrase names as its head ("Qatar"), or as its possessor when the rule
    /// says so ("praised Egypt's role"); never as a modifier ("an American proposal"), nor, beside an
    /// issue of the phrase, after "of" ("the disarmament of Hamas").
    fn target_actors(&self, np: &NounPhrase, possessor: bool, issues: bool) -> Vec<usize> {
        let t = self.parsed.text.text;
        let mut out = Vec::new();
        for m in &np.members {
            let (start, end) = self.span(m);
            for x in self.parsed.found.mentions_in(start, end) {
                // "support the disarmament of Hamas": who an issue is done to is no target
                let done_to =
                    issues && (t[..x.start].ends_with("of ") || t[..x.start].ends_with("of the "));
                let head = x.end == end && !x.possessive && !done_to;
                if !x.locative && (head || possessor && x.possessive) && !out.contains(&x.actor) {
                    out.push(x.actor);
                }
            }
        }
        out
    }

    /// Where a phrase ending at `end` ends with the "of" phrases right after it ("the release of
    /// the hostages").
    fn on_through_of(&self, clause: &Clause, mut end: usize) -> usize {
        for p in &clause.preps {
            let next = self.parsed.words.words[p.word].start;
            let joined = next >= end && self.parsed.text.text[end..next].trim().is_empty();
            if joined && self.is(p.word, "of") {
                end = self.span(&p.phrase.words).1;
            }
        }
        end
    }

    /// The verb of a clause, its object and a particle right after them ("pulled its fighters
    /// out"), through the object's "of" phrases.
    fn predicate(&self, clause: &Clause) -> (usize, usize) {
        let words = &self.parsed.words.words;
        // "Ninety prisoners were freed": a passive's subject is what was done to.
        let start = match &clause.subject {
            Some(np) if clause.passive => self.span(&np.words).0,
            _ => words[clause.head].start,
        };
        // "handed over its weapons": a preposition right after the verb is its particle, and its
        // phrase the object.
        let particle_phrase = clause
            .preps
            .iter()
            .find(|p| p.word == clause.head + 1)
            .map(|p| &p.phrase);
        let mut end = match (&clause.object, particle_phrase) {
            (Some(np), _) if !clause.passive => self.on_through_of(clause, self.span(&np.words).1),
            (None, Some(np)) if !clause.passive => self.span(&np.words).1,
            _ => words[clause.head].end,
        };
        // "handed them over", "brought the two sides together": a particle or an adverb
        // right after the object.
        let next = words.partition_point(|w| w.start < end);
        if let Some(w) = words
            .get(next)
            .filter(|w| matches!(w.tag, Tag::RP | Tag::RB))
        {
            end = w.end;
        }
        (start, end)
    }

    /// The issues of a predicate `span` read with its verb in its base form ("handed over its
    /// weapons" as "hand over its weapons"), as the issue scheme lists its verbs' phrases.
    fn issues_in_base_form(&self, clause: &Clause, (start, end): (usize, usize)) -> Vec<Target> {
        let head = self.parsed.words.words[clause.head];
        if head.start < start || head.end > end {
            return Vec::new();
        }
        let t = self.parsed.text.text;
        let text = format!(
            "{}{}{}",
            &t[start..head.start],
            self.parsed.words.lemma(clause.head),
            &t[head.end..end]
        );
        let issues = &self.parsed.lexicon.issues;
        issues
            .find(&text)
            .iter()
            .flat_map(|h| issues.values(h))
            .map(|slug| Target::Issue(slug.clone()))
            .collect()
    }

    /// Whether the clause's verb is a word of undoing (`neg:ReversalCue`: "lifted", "eased")
    /// and no phrase of issue `slug` in `span` holds it.
    fn undone_by_verb(&self, clause: &Clause, slug: &str, (start, end): (usize, usize)) -> bool {
        let lexicon = self.parsed.lexicon;
        let head = self.parsed.words.words[clause.head];
        let verb = &self.parsed.text.text[head.start..head.end];
        let reversal = lexicon
            .cue_hits(CueClass::Modifier, verb)
            .iter()
            .any(|(h, cues)| h.start == 0 && h.end == verb.len() && cues.contains(&Cue::Reversal));
        let t = &self.parsed.text.text[start..end];
        reversal
            && !lexicon.issues.find(t).iter().any(|h| {
                start + h.start <= head.start
                    && head.end <= start + h.end
                    && lexicon.issues.values(h).iter().any(|s| s == slug)
            })
    }

    /// Whether a phrase names its actor, or describes it by a state's body or a side ("the
    /// government", "the Turkish Cypriot side"), not by a noun of any state ("the country").
    fn named_or_state_body(&self, np: &NounPhrase) -> bool {
        let (start, end) = self.span(&np.words);
        let head = self.head_word(&np.words);
        let head = self
            .parsed
            .words
            .text(self.parsed.text.text, head)
            .to_lowercase();
        let body = head == "side"
            || crate::lexicon::Words::get()
                .state_bodies
                .contains(&head.as_str());
        self.parsed
            .found
            .mentions_in(start, end)
            .any(|m| m.kind != MentionKind::Description || body)
    }

    /// Whether a clause is a finite passive whose agent is named: "was represented by", not
    /// "represented by" after a noun.
    fn finite_passive_with_agent(&self, clause: &Clause) -> bool {
        let words = &self.parsed.words.words;
        clause.passive
            && clause.agent.is_some()
            && clause.verbs.clone().any(|i| words[i].tag.is_finite_verb())
    }

    /// Whether a clause says what was done: a past tense or a perfect or past passive, with no
    /// modal, not negated, hedged or conditional.
    fn done(&self, clause: &Clause) -> bool {
        let words = &self.parsed.words;
        let past = match words.words[clause.head].tag {
            // "demanded that Hamas disarm": a base form read as a past tense is none.
            Tag::VBD => {
                let lemma = words.lemma(clause.head);
                !words
                    .text(self.parsed.text.text, clause.head)
                    .eq_ignore_ascii_case(lemma)
                    || crate::lexicon::Words::get()
                        .invariant_pasts
                        .contains(&lemma)
            }
            // "have released", "were freed", "had been freed"; not "are freed".
            Tag::VBN => clause.verbs.clone().any(|i| match words.lemma(i) {
                "have" => true,
                "be" => matches!(words.words[i].tag, Tag::VBD | Tag::VBN),
                _ => false,
            }),
            _ => false,
        };
        let modal = clause.verbs.clone().any(|i| words.words[i].tag == Tag::MD);
        past && !modal && !clause.negated && !clause.hedged && !clause.conditional
    }

    /// What clause `c` pays or pledges for: its first phrase after "for", "to" or "towards",
    /// on through its "of" phrases and an infinitive right after it.
    fn purpose(&self, c: usize) -> Option<(usize, usize)> {
        let clause = &self.parsed.clauses.clauses[c];
        let p = clause.preps.iter().find(|p| {
            ["for", "to", "towards", "toward"]
                .iter()
                .any(|w| self.is(p.word, w))
        })?;
        let (start, end) = self.span(&p.phrase.words);
        let end = self.on_through_of(clause, end);
        let infinitive = self.complement(c).filter(|&(s, _)| {
            s >= end && matches!(self.parsed.text.text[end..s].trim(), "" | "to")
        });
        Some((start, infinitive.map_or(end, |(_, e)| e)))
    }

    /// The infinitive that depends on clause `c`: its verb and object.
    fn complement(&self, c: usize) -> Option<(usize, usize)> {
        let inf = self.parsed.clauses.dependent(c)?;
        let rules = &self.parsed.lexicon.rules;
        let lemma = self.parsed.words.lemma(inf.head);
        // "agreed to stop all firing": what a blocking verb stops is no thing supported.
        // "agreed to host the meeting", "offered to mediate the talks": a verb of a third
        // party's role says the role, not a stance on what the role is played in (a side's
        // "agreed to negotiate" is one).
        let role_verb = rules.for_verb(lemma).any(|r| {
            matches!(r.says, Says::Role(role) if role != crate::lexicon::Role::Party)
                && r.object_heads.is_empty()
                && r.holders == [Slot::Doer]
        });
        if rules.blocks(lemma) || role_verb {
            return None;
        }
        let last = inf.object.as_ref().map_or(inf.verbs.end, |o| o.words.end);
        Some(self.span(&(inf.verbs.start..last)))
    }

    fn stances_of(
        &self,
        rule: &Rule,
        clause: &Clause,
        polarity: Polarity,
        target: Option<TargetSpan>,
        evidence: Evidence,
        out: &mut Read,
    ) {
        // "has not made a withdrawal a condition": a naming denied says nothing either way.
        let polarity = match (clause.negated, polarity) {
            (true, _) if rule.doer_is_deal || !rule.label_words.is_empty() => return,
            (false, p) => p,
            (true, Polarity::Support) => Polarity::Oppose,
            (true, _) => return,
        };
        let Some(TargetSpan {
            phrase,
            span: (start, end),
            referred,
        }) = target
        else {
            return;
        };
        let mut holders: Vec<usize> = rule
            .holders
            .iter()
            .filter_map(|&s| self.slot(clause, s))
            .flat_map(|np| self.actors_in(np))
            .collect();
        if holders.is_empty() && rule.holders.contains(&Slot::Sides) {
            holders = self.unnamed_doers(clause);
        }
        let definite = referred || phrase.as_ref().is_some_and(|np| self.definite(np));
        let mut targets = self.issues(start, end, definite);
        if rule.target == Slot::Predicate {
            targets.extend(self.issues_in_base_form(clause, (start, end)));
        }
        // "lifted the sanctions": a deed that undoes the issue opposes it, where the issue's
        // own phrase does not hold the verb ("lifted the blockade" is the aid it lets in).
        let undone = |target: &Target| {
            rule.target == Slot::Predicate
                && matches!(target, Target::Issue(slug) if self.undone_by_verb(clause, slug, (start, end)))
        };
        // "will not accept a divided Libya": a negation opposes a thing, not an actor.
        let phrase = phrase.filter(|_| !clause.negated);
        let issues = !targets.is_empty();
        for a in phrase
            .iter()
            .flat_map(|np| self.target_actors(np, rule.possessor_target, issues))
        {
            targets.insert(Target::Actor(a));
        }
        for &holder in &holders {
            for target in &targets {
                if *target == Target::Actor(holder) {
                    continue;
                }
                let polarity = if undone(target) {
                    polarity.flip()
                } else {
                    polarity
                };
                out.stances.push(Stance {
                    holder,
                    target: target.clone(),
                    polarity,
                    about: None,
                    evidence,
                    rule: format!("clause/{}", rule.name),
                    confidence: CONFIDENCE,
                });
            }
        }
        if referred || self.names_deal(start, end) {
            let stances = self
                .deal
                .stances(&holders, &targets, polarity, "clause", CONFIDENCE);
            out.stances.extend(stances);
        }
    }

    /// Who did what a passive clause without an agent says was done ("was signed", "had been
    /// initialled": an auxiliary in the past tense or participle before the verb): the
    /// negotiation's two sides, when the frame has them. What was not done, or is still to be
    /// done ("once an agreement is signed", "will be signed"), is no side's act.
    fn unnamed_doers(&self, clause: &Clause) -> Vec<usize> {
        let sides = &self.sides.parties;
        let done = (clause.verbs.start..clause.head)
            .any(|i| matches!(self.parsed.words.words[i].tag, Tag::VBD | Tag::VBN));
        if clause.passive && clause.agent.is_none() && !clause.negated && done && sides.len() >= 2 {
            sides.clone()
        } else {
            Vec::new()
        }
    }

    /// Whether the phrase that opens at byte `start` (and ends by `end`) is a deal, by the
    /// heads of the terms rules: "the agreement", "an accord", "the Lusaka Protocol".
    fn names_deal(&self, start: usize, end: usize) -> bool {
        let i = self.parsed.words.word_at(start);
        let Some(np) = self.parsed.clauses.phrase_at(i) else {
            return false;
        };
        self.span(&np.words).1 <= end && self.is_deal(np)
    }

    /// Whether a phrase is a deal by the heads of the terms rules ("the agreement", "The
    /// Declaration of Principles").
    fn is_deal(&self, np: &NounPhrase) -> bool {
        self.parsed
            .lexicon
            .rules
            .terms_rules()
            .any(|r| self.name_fits(r, np))
    }

    /// Whether a phrase names one known thing: "the deal", "this proposal", "Egypt's plan".
    fn definite(&self, np: &NounPhrase) -> bool {
        let first = np.words.start;
        matches!(self.parsed.words.lemma(first), "the" | "this")
            || np
                .words
                .clone()
                .any(|i| self.parsed.words.words[i].tag.is_possessive())
    }

    /// The issues named in a span; a definite "the deal" or "the proposal" stands for the
    /// deal's issue.
    fn issues(&self, start: usize, end: usize, definite: bool) -> BTreeSet<Target> {
        let t = &self.parsed.text.text[start..end];
        let mut out: BTreeSet<Target> = self
            .parsed
            .lexicon
            .issues
            .find(t)
            .iter()
            .flat_map(|h| self.parsed.lexicon.issues.values(h))
            .map(|slug| Target::Issue(slug.clone()))
            .collect();
        if out.is_empty() {
            let deal = self
                .parsed
                .lexicon
                .cues
                .get(&CueClass::Deal)
                .is_some_and(|d| !d.find(t).is_empty());
            if let (true, true, Some(issue)) = (definite, deal, self.deal_issue) {
                out.insert(Target::Issue(issue.to_string()));
            }
        }
        out
    }

    /// Role nouns: in an apposition ("Norway, the facilitator"), after "as" ("with Museveni as
    /// mediator"), as the object of "be" or after its "among" ("Egypt is the mediator", "Spain
    /// was among the signatories"), inside a phrase before or after the actor it describes ("the
    /// Qatari mediation", "mediator Kofi Annan"), and before a colon and its list ("the
    /// signatories: Germany, Belgium").
    fn noun_rules(&self, out: &mut Read) {
        for &(a, b) in &self.parsed.clauses.appositions {
            let (holder, noun) = (
                &self.parsed.clauses.phrases[a],
                &self.parsed.clauses.phrases[b],
            );
            // "Norway, the facilitator, and Qatar, the host,": a singular noun describes the
            // last member of the phrase before it only.
            let singular = self.parsed.words.words[self.head_word(&noun.words)].tag == Tag::NN;
            match holder.members.last() {
                Some(last) if singular && holder.members.len() > 1 => {
                    let last = NounPhrase::single(last.clone());
                    self.noun_fact(noun, self.actors_in(&last), out);
                }
                _ => self.noun_fact(noun, self.actors_in(holder), out),
            }
        }
        for (s, range) in self.parsed.clauses.sentences.iter().enumerate() {
            for c in range.clone() {
                if self.speaks(c) && !self.parsed.clauses.clauses[c].negated {
                    self.predicate_nouns(s, c, out);
                }
            }
        }
        for np in &self.parsed.clauses.phrases {
            self.inner_nouns(np, out);
            self.listed_role(np, out);
        }
    }

    /// "match eleven flags to the signatories: Germany, Austria-Hungary, Belgium ...": a plural
    /// role noun that names no actor, right before a colon, gives its role to each actor of the
    /// list after the colon.
    fn listed_role(&self, np: &NounPhrase, out: &mut Read) {
        let (start, end) = self.span(&np.words);
        let t = self.parsed.text.text;
        if !t[end..].starts_with(':') || self.parsed.found.mentions_in(start, end).next().is_some()
        {
            return;
        }
        let listed = self.colon_list(&np.words);
        if !listed.is_empty() {
            self.noun_fact(np, listed, out);
        }
    }

    fn predicate_nouns(&self, _s: usize, c: usize, out: &mut Read) {
        let clause = &self.parsed.clauses.clauses[c];
        // "The mediation team included the African Union and the United Nations": a verb of
        // membership lists those who play the role its subject names.
        let membership = crate::lexicon::Words::get().membership_verbs.as_slice();
        if membership.contains(&self.parsed.words.lemma(clause.head)) && !clause.negated {
            if let (Some(subject), Some(object)) = (&clause.subject, &clause.object) {
                if self.actors_in(subject).is_empty() {
                    let members = self.members_of(clause, object);
                    self.noun_fact(subject, members, out);
                }
            }
        }
        if matches!(
            self.parsed.words.lemma(clause.head),
            "be" | "remain" | "become"
        ) {
            // "Spain and Belgium were among the signatories": the phrase of "among" right
            // after the verb says the role of those the subject names.
            let among = clause
                .preps
                .iter()
                .find(|p| p.word == clause.verbs.end && self.is(p.word, "among"));
            if let (Some(subject), Some(p), None) = (&clause.subject, among, &clause.object) {
                self.noun_fact(&p.phrase, self.actors_in(subject), out);
            }
            if let (Some(subject), Some(object)) = (&clause.subject, &clause.object) {
                let named = self.actors_in(subject);
                if named.is_empty() {
                    // "The two facilitators were Leotard and Pardew": the role noun first.
                    self.noun_fact(subject, self.actors_in(object), out);
                } else {
                    self.noun_fact(object, named, out);
                }
            }
        }
        self.taken_role(clause, out);
        for (i, p) in clause.preps.iter().enumerate() {
            if !self.is(p.word, "as") {
                continue;
            }
            // The phrase right before "as" (or its apposition: "appointed W. J. Usery, a former
            // Labor Secretary, as federal mediator") when it names actors ("with Museveni as
            // mediator", "named Qatar as mediator"), else the clause's doer ("attended as an
            // observer").
            let before = i
                .checked_sub(1)
                .map(|j| &clause.preps[j].phrase)
                .or(clause.object.as_ref())
                .filter(|np| {
                    np.words.end == p.word
                        || self
                            .apposition_of(np)
                            // past the comma that closes it
                            .is_some_and(|a| {
                                a.words.start >= np.words.end
                                    && (a.words.end..=a.words.end + 1).contains(&p.word)
                            })
                })
                .map(|np| self.actors_in(np))
                .filter(|a| !a.is_empty());
            let holders = before.or_else(|| clause.doer().map(|np| self.actors_in(np)));
            if let Some(holders) = holders {
                self.noun_fact(&p.phrase, holders, out);
            }
        }
    }

    /// "Berri assumed the role of intermediary", "took on the role of host", "U Thant played the
    /// arbiter": a verb of taking on a role gives its doer the role the "of" phrase after "the
    /// role" names (its object, or the phrase of a preposition right after the verb), and a verb
    /// of playing the role its object names.
    fn taken_role(&self, clause: &Clause, out: &mut Read) {
        let words = crate::lexicon::Words::get();
        let lemma = self.parsed.words.lemma(clause.head);
        let (Some(doer), false) = (clause.doer(), clause.passive || clause.negated) else {
            return;
        };
        let after_verb = clause
            .preps
            .first()
            .filter(|p| p.word == clause.verbs.end)
            .map(|p| &p.phrase);
        let Some(object) = clause.object.as_ref().or(after_verb) else {
            return;
        };
        let head = self.parsed.words.lemma(self.head_word(&object.words));
        let role = if head == "role" && words.role_taking_verbs.contains(&lemma) {
            clause
                .preps
                .iter()
                .find(|p| p.word == object.words.end && self.is(p.word, "of"))
                .map(|p| &p.phrase)
        } else if words.role_playing_verbs.contains(&lemma)
            && Some(object) == clause.object.as_ref()
        {
            Some(object)
        } else {
            None
        };
        if let Some(role) = role {
            self.noun_fact(role, self.actors_in(doer), out);
        }
    }

    /// The actors an object lists, or, when its head names none ("representatives of the
    /// African Union, the United Nations and ..."), those its "of" phrase right after it lists.
    fn members_of(&self, clause: &Clause, object: &NounPhrase) -> Vec<usize> {
        let named = self.actors_in(object);
        if !named.is_empty() {
            return named;
        }
        let end = object.words.end;
        clause
            .preps
            .iter()
            .find(|p| p.word == end && self.is(p.word, "of"))
            .map(|p| self.actors_in(&p.phrase))
            .unwrap_or_default()
    }

    /// A role noun with the actor named inside its own phrase: as the head after the actor
    /// ("the Qatari mediation", "Egypt's mediators"), or right before the actor's name
    /// ("mediator Kofi Annan").
    fn inner_nouns(&self, np: &NounPhrase, out: &mut Read) {
        for member in &np.members {
            let (start, end) = self.span(member);
            let mentions: Vec<_> = self
                .parsed
                .found
                .mentions_in(start, end)
                .filter(|m| !m.locative && m.end <= end)
                .collect();
            let head = self.head_word(member);
            let noun = |w: usize| NounPhrase::single(w..w + 1);
            // "Egypt's mediation", not "his host": a pronoun's role noun is relative to it.
            let before: Vec<usize> = mentions
                .iter()
                .filter(|m| {
                    m.end <= self.parsed.words.words[head].start && m.kind != MentionKind::Pronoun
                })
                .map(|m| m.actor)
                .collect();
            if self.parsed.words.words[head].tag.is_common_noun() && !before.is_empty() {
                self.noun_fact(&noun(head), before, out);
            }
            for w in member.clone() {
                let after = mentions
                    .iter()
                    .find(|m| m.end == end && self.parsed.words.word_at(m.start) == w + 1);
                if let (true, Some(m)) = (self.parsed.words.words[w].tag.is_common_noun(), after) {
                    self.noun_fact(&noun(w), vec![m.actor], out);
                }
            }
        }
    }

    /// The role a phrase headed by a role noun gives `actors`.
    fn noun_fact(&self, noun: &NounPhrase, actors: Vec<usize>, out: &mut Read) {
        let head = self.head_word(&noun.words);
        // "the mediation team", "the guarantor countries": a role noun before the head of a
        // compound names the role of those the head counts.
        let rules = &self.parsed.lexicon.rules;
        let head = if rules
            .for_noun(self.parsed.words.lemma(head))
            .next()
            .is_none()
            && head > noun.words.start
            && rules
                .for_noun(self.parsed.words.lemma(head - 1))
                .next()
                .is_some()
            && matches!(self.parsed.words.words[head - 1].tag, Tag::NN | Tag::NNS)
        {
            head - 1
        } else {
            head
        };
        let lemma = self.parsed.words.lemma(head);
        let sentence = self
            .parsed
            .text
            .sentence_of(self.parsed.words.words[head].start);
        for rule in self.parsed.lexicon.rules.for_noun(lemma) {
            let Says::Role(role) = rule.says else {
                continue;
            };
            for &actor in &actors {
                out.participations.push(Participation {
                    actor,
                    role,
                    evidence: self.evidence(sentence, head),
                    rule: format!("clause/{}", rule.name),
                    confidence: CONFIDENCE,
                });
            }
        }
    }
}
