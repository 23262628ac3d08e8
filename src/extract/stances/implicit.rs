//! Targets a cue whose object follows it names only through something else: the owner of an
//! effort ("praised Qatar's efforts"), the issue a pronoun stands for ("We reject that
//! completely."), and the article's deal ("accepted the deal").

use super::article::Article;
use super::site::Site;
use super::targets::Aim;
use crate::extract::actors::possessive_end;
use crate::extract::{MentionKind, Target};
use crate::lexicon::{Hit, Polarity, TargetSide};

/// "welcomed the American role", "praised Qatar's efforts": a stance toward the actor whose
/// effort is named soon after the cue, within `scope_end`.
pub(super) fn effort_owner(
    a: &Article,
    site: &Site,
    holders: &[usize],
    scope_end: usize,
) -> Option<Aim> {
    let (t, found, efforts, sh) = (a.t, a.found, &a.efforts, site.cue);
    let from = efforts.partition_point(|e| e.start < sh.hit.end);
    let e = efforts.get(from).filter(|e| e.end <= scope_end)?;
    let gap = &t[sh.hit.end..e.start];
    let near = gap.split_whitespace().count() <= 4 && !gap.contains([',', ';', '.']);
    let owner = found.mentions_in(sh.hit.end, e.start).last().filter(|m| {
        // A name may hold the noun ("Rapid Support Forces"): then it is no owner.
        let tail = possessive_end(t, m.end).unwrap_or(m.end);
        tail <= e.start
            && t[tail..e.start].trim().is_empty()
            && !m.locative
            && m.kind != MentionKind::Pronoun
            && !holders.contains(&m.actor)
    });
    match (near, owner) {
        (true, Some(m)) => Some((Target::Actor(m.actor), None, false)),
        _ => None,
    }
}

/// "We reject that completely.", "Hamas accepted it.": a pronoun that ends the clause stands for
/// the issue named last in the two sentences before; so does a refusal that has no object and
/// ends its sentence ("Israel refused point blank."). The targets of that issue, when there is
/// one.
pub(super) fn antecedent(a: &Article, site: &Site) -> Option<Vec<Aim>> {
    let (t, issues, sh, s, si) = (a.t, &a.issues, site.cue, site.s, site.si);
    let rest = t[sh.hit.end..s.end].trim_start();
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let pronoun = matches!(&rest[..word_end], "that" | "this" | "it" | "them");
    // "Israel refused point blank.": a verb of the cue with no object at all.
    let tail = if pronoun { &rest[word_end..] } else { rest };
    let clause_end = tail
        .find(['.', ',', ';', '!', '?', '"', '”'])
        .unwrap_or(tail.len());
    let adverbs_only = tail[..clause_end].split_whitespace().all(|w| {
        w.ends_with("ly") || matches!(w, "outright" | "again" | "too" | "now" | "point" | "blank")
    }) && tail[..clause_end].split_whitespace().count() <= 2;
    // A bare refusal ends its sentence: "Mr Reagan refused, saying ..." says what after it.
    let bare_verb =
        !pronoun && bare_refusal(a, site) && tail[clause_end..].starts_with(['.', '!', ';']);
    if !((pronoun || bare_verb) && adverbs_only && clause_end < tail.len()) {
        return None;
    }
    // The nearest sentence naming an issue, and its first: the object of its verb
    // ("proposed a truce, to be followed by ... a transition to civilian rule").
    // In the same sentence, an issue before the cue ("welcomed the plan for the
    // reconstruction, while Israel dismissed it").
    let same = issues
        .iter()
        .find(|i| i.start >= s.start && i.end <= sh.hit.start);
    // A bare refusal after other clauses refuses what they ask ("X demanded that ..., and the
    // president refused"), or nothing the sentences before name.
    let opens_sentence = t[s.start..site.clause_start].trim().is_empty();
    let before = if bare_verb && !opens_sentence {
        si
    } else {
        si.saturating_sub(2)
    };
    let antecedent = same.or_else(|| {
        (before..si).rev().find_map(|p| {
            let ps = &a.text.sentences[p];
            issues
                .iter()
                .find(|i| i.start >= ps.start && i.end <= ps.end)
        })
    })?;
    Some(
        a.lexicon
            .issues
            .values(antecedent)
            .iter()
            .map(|slug| (Target::Issue(slug.clone()), None, false))
            .collect(),
    )
}

/// Whether the cue is a refusal in the past tense right after the actor who refuses ("Israel
/// refused", "Lloyd George resisted"; not "rejection of", "refuse to", nor "a point the Iraqis
/// have long rejected").
fn bare_refusal(a: &Article, site: &Site) -> bool {
    let (t, sh) = (a.t, site.cue);
    let cue = &t[sh.hit.start..sh.hit.end];
    let before = t[..sh.hit.start].trim_end();
    sh.polarity == Polarity::Oppose
        && !cue.contains(' ')
        && cue.ends_with("ed")
        && a.found
            .mentions_in(site.clause_start, sh.hit.start)
            .any(|m| m.end == before.len())
}

/// "accepted the deal", "rejected the Egyptian proposal": the issue of the article's deal, when a
/// deal noun is the cue's object within `scope_end`, is about nothing else, and the clause is no
/// background.
pub(super) fn article_deal(
    a: &Article,
    site: &Site,
    holders: &[usize],
    scope_end: usize,
) -> Option<Aim> {
    let (t, issues) = (a.t, &a.issues);
    let slug = a.deal_issue?;
    let d = deal_object(a, site, scope_end, false)?;
    // "an agreement on the path to normalisation": a deal said to be about something
    // the issue scheme does not name is not the article's deal.
    let rest = t[d.end..scope_end.max(d.end)].trim_start();
    let word = rest.split_whitespace().next().unwrap_or("");
    let about_else = matches!(word, "on" | "over" | "about" | "for" | "to")
        && !issues
            .iter()
            .any(|i| i.start >= d.end && i.start <= d.end + 40 && i.end <= scope_end);
    (!about_else && !background(a, site, holders))
        .then(|| (Target::Issue(slug.to_string()), None, false))
}

/// The deal noun that is the object of the cue at `site`, within `scope_end`: the first after
/// the cue, at most five words on opened by a determiner (any words when `bare`: a headline's
/// "Sign Declaration of Principles", "signs peace deal"), past no comma and no preposition
/// ("accepted the deal", "signed the Lusaka Protocol"; "the broad outlines of the deal" is still
/// the deal; "changes to the deal", "talks on the deal" are not).
fn deal_object<'a>(a: &'a Article, site: &Site, scope_end: usize, bare: bool) -> Option<&'a Hit> {
    let (t, deals, sh) = (a.t, &a.deals, site.cue);
    let from = deals.partition_point(|d| d.start < sh.hit.end);
    let d = deals.get(from).filter(|d| d.end <= scope_end)?;
    let gap = t[sh.hit.end..d.start].to_lowercase();
    let words: Vec<&str> = gap.split_whitespace().collect();
    let object = !gap.contains([',', ';', '.'])
        && words.len() <= 5
        && (bare
            || matches!(
                words.first().copied(),
                Some("the" | "this" | "that" | "its" | "their" | "a" | "an" | "any")
            ))
        && !words
            .iter()
            .any(|w| matches!(*w, "to" | "on" | "for" | "with" | "in" | "from" | "by"));
    object.then_some(d)
}

/// "signed the accord", "accepted the Lusaka Protocol": whether the object of a cue whose
/// object follows it is a deal by the heads of the terms rules.
pub(super) fn names_deal(a: &Article, site: &Site, scope_end: usize) -> bool {
    site.cue.side == TargetSide::After
        && !a.deal.terms.is_empty()
        && deal_object(a, site, scope_end, true)
            .is_some_and(|d| a.lexicon.rules.is_deal_head(&a.t[d.start..d.end]))
}

/// "Russia and China, which also signed the 2015 agreement, ...", "since Turkey ... signed the
/// declaration": whether the cue's clause tells background (a relative clause, or one opened by
/// "since", "because" ... before its subject), which is no stance on the deal the article
/// follows.
fn background(a: &Article, site: &Site, holders: &[usize]) -> bool {
    let (t, sh, s) = (a.t, site.cue, site.s);
    let lead = t[site.clause_start..sh.hit.start].trim_start();
    let first = lead.split_whitespace().next().unwrap_or("");
    let subject = a
        .found
        .mentions_in(s.start, sh.hit.start)
        .find(|m| holders.contains(&m.actor));
    // With a space first, so that a sentence's first word counts as one.
    let before_subject = subject.map_or(String::new(), |m| {
        format!(" {}", t[s.start..m.start].trim_end().to_lowercase())
    });
    matches!(first, "which" | "who")
        || [" since", " because", " as", " after", " when", " while"]
            .iter()
            .any(|w| before_subject.ends_with(w))
}
