//! `negograph explain`: every fact read from an article with the sentence it came from, the span
//! of its cue or clause in that sentence (marked with ⟦ ⟧), the rule and confidence behind it, and
//! the references it read its actors through: a pronoun, surname, title, description, demonym or
//! capital linked to its actor, or an actor its sentence does not name (a speaker attributed from
//! another sentence, or the negotiation's sides for "both sides").

use std::fmt::Write;

use crate::extract::{Evidence, Extraction, MentionKind, Target};

/// A fact as explained: where it was read, what it says, its rule, and the actors it is about.
struct Fact {
    evidence: Evidence,
    says: String,
    rule: String,
    actors: Vec<usize>,
}

/// How the fact's sentence refers to each of its actors, where it does otherwise than by name:
/// `"he" (pronoun) → Benjamin Netanyahu`, or `Hamas (not named in this sentence)`.
fn references(x: &Extraction, fact: &Fact) -> Vec<String> {
    let (start, end) = x.sentences[fact.evidence.sentence];
    let mut out = Vec::new();
    let mut actors = fact.actors.clone();
    actors.sort_unstable();
    actors.dedup();
    for a in actors {
        let mentions: Vec<_> = x
            .mentions
            .iter()
            .filter(|m| m.actor == a && !m.locative && m.start >= start && m.end <= end)
            .collect();
        if mentions.is_empty() {
            out.push(format!(
                "{} (not named in this sentence)",
                x.actors[a].label
            ));
        } else if mentions.iter().all(|m| m.kind != MentionKind::Name) {
            for m in mentions {
                out.push(format!(
                    "\"{}\" ({}) → {}",
                    &x.text[m.start..m.end],
                    kind_name(m.kind),
                    x.actors[a].label
                ));
            }
        }
    }
    out
}

fn kind_name(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Name => "name",
        MentionKind::Demonym => "demonym",
        MentionKind::Metonym => "capital or seat",
        MentionKind::People => "its people",
        MentionKind::Surname => "surname",
        MentionKind::Title => "title",
        MentionKind::Description => "description",
        MentionKind::Pronoun => "pronoun",
    }
}

fn span(x: &Extraction, e: &Evidence) -> String {
    let (s, end) = x.sentences[e.sentence];
    let (cs, ce) = (e.start.clamp(s, end), e.end.clamp(s, end));
    let chars = |b: usize| x.text[..b].chars().count();
    format!(
        "chars {}..{}: {}⟦{}⟧{}",
        chars(cs),
        chars(ce),
        &x.text[s..cs],
        &x.text[cs..ce],
        &x.text[ce..end]
    )
}

/// The facts of one extraction as readable text, in the order of the article.
pub fn explain(x: &Extraction) -> String {
    let label = |a: usize| x.actors[a].label.as_str();
    let mut facts: Vec<Fact> = Vec::new();
    for p in &x.participations {
        facts.push(Fact {
            evidence: p.evidence,
            says: format!("role      {} is {}", label(p.actor), p.role.local()),
            rule: format!("{} ({:.2})", p.rule, p.confidence),
            actors: vec![p.actor],
        });
    }
    for p in &x.positions {
        facts.push(Fact {
            evidence: p.evidence,
            says: format!(
                "position  {} is {} of {}",
                label(p.holder),
                p.title,
                label(p.organization)
            ),
            rule: format!("{} ({:.2})", p.rule, p.confidence),
            actors: vec![p.holder],
        });
    }
    for s in &x.stances {
        let target = match &s.target {
            Target::Issue(slug) => format!("issue {slug}"),
            Target::Actor(a) => label(*a).to_string(),
        };
        let about = s
            .about
            .map(|a| format!(" (about {})", label(a)))
            .unwrap_or_default();
        let mut actors = vec![s.holder];
        if let Target::Actor(a) = s.target {
            actors.push(a);
        }
        facts.push(Fact {
            evidence: s.evidence,
            says: format!(
                "stance    {} {} {}{}",
                label(s.holder),
                s.polarity.local().to_lowercase() + "s",
                target,
                about
            ),
            rule: format!("{} ({:.2})", s.rule, s.confidence),
            actors,
        });
    }
    for s in &x.statements {
        let quote: String = s.quote.chars().take(80).collect();
        facts.push(Fact {
            evidence: s.evidence,
            says: format!(
                "statement {} said \"{}\"{}",
                label(s.speaker),
                quote,
                s.date
                    .as_ref()
                    .map(|d| format!(" on {d}"))
                    .unwrap_or_default()
            ),
            rule: s.rule.to_string(),
            actors: vec![s.speaker],
        });
    }
    for e in &x.events {
        let agents: Vec<&str> = e.agents.iter().map(|&a| label(a)).collect();
        let date = e
            .date
            .as_ref()
            .map(|d| format!(" on {d}"))
            .unwrap_or_default();
        facts.push(Fact {
            evidence: e.evidence,
            says: format!(
                "event     {} {}{}",
                agents.join(" and "),
                e.event_type.to_lowercase(),
                date
            ),
            rule: format!("{} ({:.2})", e.rule, e.confidence),
            actors: e.agents.clone(),
        });
    }
    facts.sort_by(|a, b| {
        (a.evidence.sentence, a.evidence.start, &a.says).cmp(&(
            b.evidence.sentence,
            b.evidence.start,
            &b.says,
        ))
    });
    let mut out = String::new();
    let _ = writeln!(out, "document {} ({})", &x.hash[..16], x.origin);
    if let Some(d) = &x.meta.date {
        let _ = writeln!(out, "date     {d}");
    }
    let actors: Vec<String> = x
        .actors
        .iter()
        .filter(|a| a.acts)
        .map(|a| format!("{} ({})", a.label, a.kind.class()))
        .collect();
    let _ = writeln!(out, "actors   {}", actors.join(", "));
    for fact in &facts {
        let _ = writeln!(
            out,
            "\n{}\n  rule     {}\n  sentence {} {}",
            fact.says,
            fact.rule,
            fact.evidence.sentence + 1,
            span(x, &fact.evidence)
        );
        let links = references(x, fact);
        if !links.is_empty() {
            let _ = writeln!(out, "  refers   {}", links.join("; "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Options};
    use crate::input::Article;
    use crate::lexicon::Lexicon;

    #[test]
    fn every_fact_shows_its_sentence_cue_and_rule() {
        let lexicon = Lexicon::builtin().unwrap();
        let article = Article {
            text: "Talks resumed on Monday. Egyptian mediators said Hamas had rejected the truce."
                .into(),
            origin: "t".into(),
            ..Article::default()
        };
        let text = super::explain(&extract(&article, &lexicon, &Options::default()));
        assert!(
            text.contains("stance    Hamas opposes issue ceasefire"),
            "{text}"
        );
        assert!(text.contains("⟦rejected⟧"), "{text}");
        assert!(text.contains("rule     reject/"), "{text}");
        assert!(text.contains("role      Egypt is Mediator"), "{text}");
    }

    #[test]
    fn events_show_their_agent_type_and_date() {
        let lexicon = Lexicon::builtin().unwrap();
        let article = Article {
            text: "Israel recalled its team from Doha on Tuesday.".into(),
            origin: "t".into(),
            date: Some("2025-06-05".into()),
            ..Article::default()
        };
        let text = super::explain(&extract(&article, &lexicon, &Options::default()));
        assert!(
            text.contains("event     Israel recall on 2025-06-03"),
            "{text}"
        );
        assert!(text.contains("⟦recalled its team⟧"), "{text}");
    }

    #[test]
    fn a_fact_read_through_a_reference_shows_the_link() {
        let lexicon = Lexicon::builtin().unwrap();
        let article = Article {
            text: "Hamas leaders met in Doha on Monday. The group rejected the truce.".into(),
            origin: "t".into(),
            ..Article::default()
        };
        let text = super::explain(&extract(&article, &lexicon, &Options::default()));
        assert!(
            text.contains("refers   \"The group\" (description) → Hamas"),
            "{text}"
        );
        // A fact whose sentence names its actor says nothing of references.
        let article = Article {
            text: "Hamas rejected the truce.".into(),
            origin: "t".into(),
            ..Article::default()
        };
        let text = super::explain(&extract(&article, &lexicon, &Options::default()));
        assert!(!text.contains("refers"), "{text}");
    }
}
