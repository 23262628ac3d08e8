//! The clause rules of `ontology/rules.ttl`: which verbs and nouns say a role or a stance, and
//! which part of a clause holds the actors and the target.
//!
//! A rule is data, read once with the lexicon; the extractor's clause stage
//! ([`crate::extract::clause_rules`]) applies every rule to every clause. Each rule carries
//! example sentences it must read and counter-examples it must not (`tests/rule_examples.rs`).

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::lexicon::{Polarity, Role};

/// A part of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The one who does it: a passive's agent, else the subject.
    Doer,
    /// What it is done to: a passive's subject, else the object.
    DoneTo,
    /// The phrase after "with".
    With,
    /// Where it is done: the states named as places, or by their capitals, in the phrase after
    /// "in" ("signed the agreement in Bissau").
    Place,
    /// The negotiation's two sides, when the clause is passive and names no agent ("The treaty
    /// was signed on 5 September"): a signing nobody is said to do is the sides' own.
    Sides,
    /// The phrase after the verb's particle ("call for", "insist on"); a verb with a particle
    /// reads its target there whatever the rule's target slot.
    Particle,
    /// The infinitive that depends on the verb ("agreed to withdraw").
    Complement,
    /// What a payment or pledge is for: the phrase after "for", "to" or "towards", with its
    /// "of" phrases and an infinitive right after it ("10 million pounds to the programme to
    /// disarm former combatants").
    Purpose,
    /// The verb itself with its object and a particle after it, for issues only ("withdrew its
    /// troops", "released four hostages", "pulled its fighters out").
    Predicate,
}

impl Slot {
    fn parse(s: &str) -> Option<Slot> {
        Some(match s {
            "doer" => Slot::Doer,
            "done-to" => Slot::DoneTo,
            "with" => Slot::With,
            "in" => Slot::Place,
            "sides" => Slot::Sides,
            "particle" => Slot::Particle,
            "complement" => Slot::Complement,
            "purpose" => Slot::Purpose,
            "predicate" => Slot::Predicate,
            _ => return None,
        })
    }
}

/// What a rule says of the actors it finds, or of a deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Says {
    Role(Role),
    Stance(Polarity),
    /// What a deal provides for: the issues of a clause whose doer is the deal ("It provides
    /// for the disarmament of fighters"), or of the rest of a sentence after one of the rule's
    /// prepositions and the deal ("Under the deal, Israel will withdraw"). Whoever signs,
    /// accepts or rejects the deal takes that stance on each of them.
    Terms,
}

/// One clause rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Its local name in `rule:` ("mediate"); facts record it as "clause/mediate".
    pub name: String,
    pub says: Says,
    /// Verb lemmas, each with the particle it needs ("call" + "for").
    pub verbs: Vec<(String, Option<String>)>,
    /// Head nouns of a role ("mediator"): read in appositions, after "as" and before names.
    pub nouns: Vec<String>,
    /// When given, the object's head must be one of these ("talks" for "hold talks with"); for
    /// a terms rule, the heads of a deal.
    pub object_heads: Vec<String>,
    /// When given, the phrase after an "in" right after the object (or the phrase a relative
    /// "in which" follows) must have one of these heads ("took part in the talks", not "in the
    /// fighting").
    pub in_heads: Vec<String>,
    /// When given, one of these words must stand in the object or within four words after it
    /// or after its apposition ("called the NUG a terrorist organisation", "called US forces
    /// \"occupiers\"", "declared the ambassador, Renato Villa, persona non grata"); the target is
    /// then the actor the object names first.
    pub label_words: Vec<String>,
    /// A terms rule's prepositions before a deal ("under the deal", "under which").
    pub prepositions: Vec<String>,
    pub holders: Vec<Slot>,
    pub target: Slot,
    /// Fewer distinct actors than this in the holder slots and the rule says nothing (two sides
    /// for a signing).
    pub min_holders: usize,
    /// Fewer members in the doer's coordination than this, and no description of the
    /// negotiation's sides as the doer ("the two delegations"), and the rule says nothing.
    pub min_doers: usize,
    /// The possessor of the target phrase is a target too ("praised Egypt's role").
    pub possessor_target: bool,
    /// The doer must be a deal, by the heads of the terms rules ("The agreement commits
    /// Nigeria to withdraw"); such a clause negated says nothing (a deal that does not bind an
    /// actor says nothing of what the actor wants).
    pub doer_is_deal: bool,
    /// Only a finite passive with its agent named ("Britain was represented by the Foreign
    /// Secretary"), not a participle after a noun ("the Community, represented by ...") nor
    /// the active voice.
    pub agent_named: bool,
    /// Only what was done: a verb in the past tense or a perfect, not negated ("withdrew its
    /// troops", not "will withdraw" nor "did not withdraw").
    pub done: bool,
    /// A deed, not a stance: refusing it ("refused to fund the reconstruction") says no
    /// opposition, as refusing a stance rule's verb does ("refused to sign the truce").
    pub deed: bool,
    /// Two actors or more named in the object fit as well as its head nouns ("brought Israel and
    /// Hamas together").
    pub object_sides: bool,
    pub examples: Vec<String>,
    pub counter_examples: Vec<String>,
}

/// Every clause rule, with the verbs and nouns that index them.
#[derive(Debug, Clone, Default)]
pub struct RuleBook {
    pub rules: Vec<Rule>,
    by_verb: HashMap<String, Vec<usize>>,
    by_noun: HashMap<String, Vec<usize>>,
    /// Verbs under which an infinitive says nothing ("refused to host").
    pub blocking: Vec<String>,
    /// Verbs of aiming, which block too, but under which an infinitive still says a role.
    pub aiming: Vec<String>,
    /// The stems of every form of the rules' words, made on first use.
    triggers: OnceLock<Option<Triggers>>,
    /// The same for the verbs of the terms rules.
    terms_triggers: OnceLock<Option<Triggers>>,
    /// The same for the verbs of the rules that need an object head.
    object_verb_triggers: OnceLock<Option<Triggers>>,
}

/// The stems of the rules' trigger words, found with one automaton; a word that begins with a
/// stem triggers only if the rest of it is an inflection ("agreed", not "agreement").
#[derive(Debug, Clone)]
struct Triggers {
    automaton: AhoCorasick,
    /// For each pattern of the automaton, what may follow it in one word.
    endings: Vec<Endings>,
}

impl Triggers {
    /// The automaton of every form of `words`: the stem, the word with a final "e" or "y" cut
    /// off, and the irregular forms `forms` gives; none if it cannot be built.
    fn new<'w>(
        words: impl Iterator<Item = &'w str>,
        forms: impl Fn(&str) -> Vec<String>,
    ) -> Option<Triggers> {
        let mut stems: Vec<String> = Vec::new();
        let mut endings = Vec::new();
        for w in words {
            let w = w.rsplit('-').next().unwrap_or(w).to_ascii_lowercase();
            let stem = w.trim_end_matches(['e', 'y']);
            endings.push(Endings {
                cut: w[stem.len()..].to_string(),
                last: stem.chars().next_back(),
                irregular: false,
            });
            stems.push(stem.to_string());
            for form in forms(&w) {
                stems.push(form);
                endings.push(Endings {
                    cut: String::new(),
                    last: None,
                    irregular: true,
                });
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&stems)
            .ok()?;
        Some(Triggers { automaton, endings })
    }

    /// Whether a whole word of `text` is a form of one of the words.
    fn any_in(&self, text: &str) -> bool {
        self.automaton.find_overlapping_iter(text).any(|m| {
            let opens = !text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let tail = &text[m.end()..];
            let rest = &tail[..tail
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(tail.len())];
            opens && self.endings[m.pattern().as_usize()].allow(rest)
        })
    }
}

/// What may follow a stem in a form of its word: the letters the stem cut off ("e" of
/// "mediate") with an ending, a regular ending, or a doubled last letter with one ("committed").
#[derive(Debug, Clone)]
struct Endings {
    cut: String,
    last: Option<char>,
    /// An irregular form ("held") takes no ending but a plural "s".
    irregular: bool,
}

impl Endings {
    const REGULAR: [&'static str; 8] = ["", "s", "es", "d", "ed", "ing", "ies", "ied"];

    /// Whether `rest`, the letters after the stem in one word, in any case, is an ending.
    fn allow(&self, rest: &str) -> bool {
        let is = |r: &str, w: &str| r.eq_ignore_ascii_case(w);
        if self.irregular {
            return rest.is_empty() || is(rest, "s");
        }
        let regular = |r: &str| Self::REGULAR.iter().any(|e| is(r, e));
        let after = |prefix: &str| {
            rest.get(..prefix.len())
                .filter(|p| is(p, prefix))
                .map(|_| &rest[prefix.len()..])
        };
        after(&self.cut).is_some_and(regular)
            || regular(rest)
            || self.last.is_some_and(|l| {
                after(l.encode_utf8(&mut [0; 4])).is_some_and(|r| is(r, "ed") || is(r, "ing"))
            })
    }
}

/// A rule's properties as read from the ontology graph, by local name.
pub type RuleProps<'a> = dyn Fn(&str) -> Vec<String> + 'a;

/// A rule that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("rules.ttl: rule <{rule}>: {what}")]
pub struct RuleError {
    pub rule: String,
    pub what: String,
}

impl RuleBook {
    /// Builds the book from rules given as (IRI, kind, properties): kind is the local name of the
    /// rule's class (`RoleRule`, `StanceRule`, `TermsRule`, `BlockingVerbs`, `AimingVerbs`).
    pub fn new<'a>(
        rules: impl Iterator<Item = (String, String, Box<RuleProps<'a>>)>,
    ) -> Result<RuleBook, RuleError> {
        let mut book = RuleBook::default();
        for (iri, kind, props) in rules {
            if kind == "BlockingVerbs" {
                book.blocking.extend(props("verb"));
                continue;
            }
            if kind == "AimingVerbs" {
                book.aiming.extend(props("verb"));
                continue;
            }
            let rule = read_rule(&iri, &kind, &*props)?;
            let i = book.rules.len();
            for (v, _) in &rule.verbs {
                book.by_verb.entry(v.clone()).or_default().push(i);
            }
            for n in &rule.nouns {
                book.by_noun.entry(n.clone()).or_default().push(i);
            }
            book.rules.push(rule);
        }
        Ok(book)
    }

    /// Whether an infinitive under verb lemma `lemma` says nothing ("refused to host").
    pub fn blocks(&self, lemma: &str) -> bool {
        self.blocking.iter().any(|b| b == lemma) || self.aims(lemma)
    }

    /// Whether an infinitive under verb lemma `lemma` still says a role ("offered to mediate").
    pub fn aims(&self, lemma: &str) -> bool {
        self.aiming.iter().any(|b| b == lemma)
    }

    /// The rules of verb lemma `lemma`.
    pub fn for_verb(&self, lemma: &str) -> impl Iterator<Item = &Rule> {
        self.by_verb
            .get(lemma)
            .into_iter()
            .flatten()
            .map(|&i| &self.rules[i])
    }

    /// Whether `text` has a form of a rule's trigger words (its object heads when it needs
    /// one, else its verbs and nouns): a sentence without one can give no fact, and need not be
    /// parsed. Forms are the word's stem, the word with a final "e" or "y" cut off ("mediat",
    /// "ratif"), with a regular ending ("mediated", "mediating", "ratified"), and the irregular
    /// forms `forms` gives ("held" for "hold").
    pub fn triggered(&self, text: &str, forms: impl Fn(&str) -> Vec<String>) -> bool {
        let triggers = self
            .triggers
            .get_or_init(|| Triggers::new(self.rules.iter().flat_map(Rule::trigger_words), forms));
        triggers.as_ref().is_none_or(|t| t.any_in(text))
    }

    /// Whether `text` has a form of a terms rule's verb or one of its prepositions ("It
    /// provides for ...", "Under the deal, ..."), as [`RuleBook::triggered`] finds them: such a
    /// sentence may give a deal's terms without naming any actor.
    pub fn terms_triggered(&self, text: &str, forms: impl Fn(&str) -> Vec<String>) -> bool {
        let triggers = self.terms_triggers.get_or_init(|| {
            let words = self.terms_rules().flat_map(|r| {
                r.verbs
                    .iter()
                    .map(|(v, _)| v.as_str())
                    .chain(r.prepositions.iter().map(String::as_str))
            });
            Triggers::new(words, forms)
        });
        triggers.as_ref().is_some_and(|t| t.any_in(text))
    }

    /// Whether `text` has a form of the verb of a rule that needs an object head ("signed", of
    /// "sign" a deal), as [`RuleBook::triggered`] finds them: such a sentence may name its
    /// object by a pronoun ("signed it"), which [`RuleBook::triggered`] does not look for.
    pub fn object_verb_triggered(&self, text: &str, forms: impl Fn(&str) -> Vec<String>) -> bool {
        let triggers = self.object_verb_triggers.get_or_init(|| {
            let words = self
                .rules
                .iter()
                .filter(|r| !r.object_heads.is_empty())
                .flat_map(|r| r.verbs.iter().map(|(v, _)| v.as_str()));
            Triggers::new(words, forms)
        });
        triggers.as_ref().is_some_and(|t| t.any_in(text))
    }

    /// The terms rules: what a deal provides for.
    pub fn terms_rules(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(|r| r.says == Says::Terms)
    }

    /// Whether `word` (in any case, a plural or a possessive too) is a deal's head by a terms
    /// rule: "agreement", "Accords", "deal's".
    pub fn is_deal_head(&self, word: &str) -> bool {
        self.terms_rules().any(|r| r.has_object_head(word))
    }

    /// The rules of role noun `lemma`.
    pub fn for_noun(&self, lemma: &str) -> impl Iterator<Item = &Rule> {
        self.by_noun
            .get(lemma)
            .into_iter()
            .flatten()
            .map(|&i| &self.rules[i])
    }
}

impl Rule {
    /// Whether `word` (in any case, a plural or a possessive too) is one of the rule's object
    /// heads: "agreement", "Accords", "deal's".
    pub fn has_object_head(&self, word: &str) -> bool {
        let word = word.trim_end_matches("'s").trim_end_matches("’s");
        self.object_heads.iter().any(|h| {
            word.eq_ignore_ascii_case(h)
                || word
                    .strip_suffix(['s', 'S'])
                    .is_some_and(|w| w.eq_ignore_ascii_case(h))
        })
    }

    /// The words without which the rule cannot fire: the heads its object needs ("talks" for
    /// "hold talks with"), else its verbs and nouns.
    fn trigger_words(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        // A rule that needs a label word ("made the withdrawal a condition", "called the NUG a
        // terrorist organisation") reads no sentence without one.
        if !self.label_words.is_empty() {
            return Box::new(self.label_words.iter().map(String::as_str));
        }
        if self.object_heads.is_empty() {
            Box::new(
                self.verbs
                    .iter()
                    .map(|(v, _)| v.as_str())
                    .chain(self.nouns.iter().map(String::as_str)),
            )
        } else {
            Box::new(self.object_heads.iter().map(String::as_str))
        }
    }
}

fn read_rule(iri: &str, kind: &str, props: &RuleProps) -> Result<Rule, RuleError> {
    let name = iri.rsplit('/').next().unwrap_or(iri).to_string();
    let error = |what: &str| RuleError {
        rule: name.clone(),
        what: what.to_string(),
    };
    let one = |p: &str| props(p).into_iter().next();
    let says = match kind {
        "RoleRule" => Says::Role(
            one("role")
                .and_then(|r| role(&r))
                .ok_or_else(|| error("a role rule needs neg:role"))?,
        ),
        "StanceRule" => Says::Stance(match one("polarity").as_deref() {
            Some("Support") => Polarity::Support,
            Some("Oppose") => Polarity::Oppose,
            _ => return Err(error("a stance rule needs neg:polarity Support or Oppose")),
        }),
        "TermsRule" if !props("objectHead").is_empty() => Says::Terms,
        "TermsRule" => {
            return Err(error(
                "a terms rule needs the heads of a deal, neg:objectHead",
            ))
        }
        _ => return Err(error("not a neg:RoleRule, neg:StanceRule or neg:TermsRule")),
    };
    let slot = |p: &str| -> Result<Vec<Slot>, RuleError> {
        props(p)
            .iter()
            .map(|s| Slot::parse(s).ok_or_else(|| error(&format!("no slot {s:?}"))))
            .collect()
    };
    let verbs: Vec<_> = props("verb")
        .iter()
        .map(|v| match v.split_once(' ') {
            Some((verb, particle)) => (verb.to_string(), Some(particle.to_string())),
            None => (v.clone(), None),
        })
        .collect();
    let holders = slot("holderSlot")?;
    let target = slot("targetSlot")?.first().copied().unwrap_or(Slot::DoneTo);
    Ok(Rule {
        says,
        nouns: props("noun"),
        object_heads: props("objectHead"),
        in_heads: props("inHead"),
        label_words: props("labelWord"),
        prepositions: props("preposition"),
        holders: if holders.is_empty() {
            vec![Slot::Doer]
        } else {
            holders
        },
        target,
        min_holders: one("minHolders").and_then(|n| n.parse().ok()).unwrap_or(1),
        min_doers: one("minDoers").and_then(|n| n.parse().ok()).unwrap_or(0),
        possessor_target: one("possessorTarget").is_some_and(|b| b == "true"),
        doer_is_deal: one("doerIsDeal").is_some_and(|b| b == "true"),
        agent_named: one("agentNamed").is_some_and(|b| b == "true"),
        done: one("done").is_some_and(|b| b == "true"),
        object_sides: one("objectSides").is_some_and(|b| b == "true"),
        deed: one("deed").is_some_and(|b| b == "true"),
        examples: props("example"),
        counter_examples: props("counterExample"),
        verbs,
        name,
    })
}

fn role(local: &str) -> Option<Role> {
    Some(match local {
        "Party" => Role::Party,
        "Mediator" => Role::Mediator,
        "Host" => Role::Host,
        "Guarantor" => Role::Guarantor,
        "Observer" => Role::Observer,
        _ => return None,
    })
}
