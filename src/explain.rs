//! `negograph explain`: every fact read from an article with the sentence it came from, the span
//! of its cue in that sentence (marked with ⟦ ⟧), and the rule and confidence behind it.

use std::fmt::Write;

use crate::extract::{Evidence, Extraction, Target};

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
    let mut facts: Vec<(Evidence, String, String)> = Vec::new();
    for p in &x.participations {
        facts.push((
            p.evidence,
            format!("role      {} is {}", label(p.actor), p.role.local()),
            format!("{} ({:.2})", p.rule, p.confidence),
        ));
    }
    for p in &x.positions {
        facts.push((
            p.evidence,
            format!(
                "position  {} is {} of {}",
                label(p.holder),
                p.title,
                label(p.organization)
            ),
            format!("{} ({:.2})", p.rule, p.confidence),
        ));
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
        facts.push((
            s.evidence,
            format!(
                "stance    {} {} {}{}",
                label(s.holder),
                s.polarity.local().to_lowercase() + "s",
                target,
                about
            ),
            format!("{} ({:.2})", s.rule, s.confidence),
        ));
    }
    for s in &x.statements {
        let quote: String = s.quote.chars().take(80).collect();
        facts.push((
            s.evidence,
            format!(
                "statement {} said \"{}\"{}",
                label(s.speaker),
                quote,
                s.date
                    .as_ref()
                    .map(|d| format!(" on {d}"))
                    .unwrap_or_default()
            ),
            s.rule.to_string(),
        ));
    }
    for e in &x.events {
        let agents: Vec<&str> = e.agents.iter().map(|&a| label(a)).collect();
        let date = e
            .date
            .as_ref()
            .map(|d| format!(" on {d}"))
            .unwrap_or_default();
        facts.push((
            e.evidence,
            format!(
                "event     {} {}{}",
                agents.join(" and "),
                e.event_type.to_lowercase(),
                date
            ),
            format!("{} ({:.2})", e.rule, e.confidence),
        ));
    }
    facts.sort_by(|a, b| (a.0.sentence, a.0.start, &a.1).cmp(&(b.0.sentence, b.0.start, &b.1)));
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
    for (e, fact, rule) in facts {
        let _ = writeln!(
            out,
            "\n{fact}\n  rule     {rule}\n  sentence {} {}",
            e.sentence + 1,
            span(x, &e)
        );
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
}
