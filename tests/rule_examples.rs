//! Every clause rule of `ontology/rules.ttl` on its own examples: each example must give at least
//! one fact made by the rule, each counter-example none.

use negograph::extract::clause_rules::Read;
use negograph::extract::{self, Extraction};
use negograph::input::Article;
use negograph::lexicon::Lexicon;

fn read(lexicon: &Lexicon, text: &str) -> (Extraction, Read) {
    let article = Article {
        text: text.into(),
        origin: "rule-example".into(),
        date: Some("2025-06-01".into()),
        ..Article::default()
    };
    extract::extract_with_clauses(&article, lexicon, &extract::Options::default())
}

/// The facts of `x` made by rule `name`, as "actor role" and "holder polarity target".
fn facts_of((x, read): &(Extraction, Read), name: &str) -> Vec<String> {
    let rule = format!("clause/{name}");
    let roles = read
        .participations
        .iter()
        .filter(|p| p.rule == rule)
        .map(|p| format!("{} {}", x.actors[p.actor].label, p.role.local()));
    let stances = read.stances.iter().filter(|s| s.rule == rule).map(|s| {
        format!(
            "{} {} {:?}",
            x.actors[s.holder].label,
            s.polarity.local(),
            s.target
        )
    });
    roles.chain(stances).collect()
}

#[test]
fn every_rule_reads_its_examples_and_not_its_counter_examples() {
    let lexicon = Lexicon::builtin().expect("built-in lexicon");
    let mut failures = Vec::new();
    for rule in &lexicon.rules.rules {
        assert!(
            !rule.examples.is_empty() && !rule.counter_examples.is_empty(),
            "rule {} needs examples and counter-examples",
            rule.name
        );
        for e in &rule.examples {
            if facts_of(&read(&lexicon, e), &rule.name).is_empty() {
                failures.push(format!("{}: read nothing in {e:?}", rule.name));
            }
        }
        for e in &rule.counter_examples {
            let facts = facts_of(&read(&lexicon, e), &rule.name);
            if !facts.is_empty() {
                failures.push(format!(
                    "{}: read {facts:?} in counter-example {e:?}",
                    rule.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_rule_without_its_kind_is_refused() {
    let bad = "@prefix neg: <https://w3id.org/negograph/ontology#> .\n\
               <https://w3id.org/negograph/rule/broken> a neg:RoleRule ; neg:verb \"mediate\" .";
    let Err(error) = Lexicon::with_actors(&[("bad.ttl".into(), bad.into())]) else {
        panic!("a role rule without neg:role was taken");
    };
    assert!(error.to_string().contains("broken"), "{error}");
}
