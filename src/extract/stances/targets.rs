//! The targets a cue names: the issues after it ("demanded the release of prisoners"), the
//! actors after it ("praised Qatar"), the actor before it ("Hamas is not acting in good faith")
//! or the issue before it ("such a cease-fire would provide time"), as far as the cue's scope
//! reaches; else, for a cue whose object follows it, what the object stands for
//! ([`super::implicit`]).

use super::article::Article;
use super::cues::StanceHit;
use super::implicit;
use super::issues::listed_issues;
use super::site::Site;
use super::subjects::after_preposition;
use crate::extract::actors::possessive_end;
use crate::extract::{MentionKind, Target};
use crate::lexicon::{Cue, Hit, Polarity, TargetSide, Words};

/// A target of a stance, with the actor named between the cue and an issue target (the actor
/// the issue concerns), and whether the stance is toward the issue's undoing.
pub(super) type Aim = (Target, Option<usize>, bool);

/// The targets of a cue, and how they were found.
pub(super) struct Targets {
    pub(super) aims: Vec<Aim>,
    /// The article's deal, as the object of the cue ("accepted the deal").
    pub(super) deal: bool,
    /// The owner of an effort ("praised Qatar's efforts").
    pub(super) effort: bool,
    /// The antecedent of a pronoun ("We reject that completely.").
    pub(super) anaphor: bool,
    /// Found by a guess: the stance's confidence is 0.5 at most.
    pub(super) uncertain: bool,
    /// Where the cue's objects end.
    pub(super) scope_end: usize,
}

/// How far the objects of a cue reach, and the words that block them.
pub(super) struct Scope<'a> {
    /// Where the cue's objects end: at the next stance cue, the next speech verb, or the end of
    /// the cue's quote or sentence.
    pub(super) end: usize,
    t: &'a str,
    cue_end: usize,
    blockers: Vec<&'a Hit>,
}

impl<'a> Scope<'a> {
    /// The scope of the cue at `site`.
    fn of(a: &'a Article, site: &Site) -> Self {
        let (t, found, sh, s, k, quote) = (a.t, a.found, site.cue, site.s, site.k, site.quote);
        let stance_hits = &a.stance_hits;
        // "welcomed ASEAN's call for a ceasefire": a support cue whose object is another
        // actor's demand reaches past it to what was asked for. (Welcoming an actor's
        // acceptance of a proposal welcomes the move, not the proposal.)
        let over_possessor = |n: &StanceHit| {
            sh.polarity == Polarity::Support
                && sh.side == TargetSide::After
                && n.name == "demand"
                && n.polarity == Polarity::Support
                && n.side == TargetSide::After
                && found.mentions_in(sh.hit.end, n.hit.start).any(|m| {
                    possessive_end(t, m.end).is_some_and(|e| {
                        t[e..n.hit.start].trim().is_empty()
                            && matches!(t[sh.hit.end..m.start].trim(), "" | "the")
                    })
                })
        };
        let skipped = usize::from(stance_hits.get(k + 1).is_some_and(over_possessor));
        let next_cue = stance_hits
            .get(k + 1 + skipped)
            .map(|n| n.hit.start)
            .filter(|&n| n < s.end)
            .unwrap_or(s.end);
        let next_speech = a
            .speech_hits
            .iter()
            .find(|h| h.start > sh.hit.end && h.start < s.end)
            .map(|h| h.start)
            .unwrap_or(s.end);
        let quote_end = quote.map_or(s.end, |q| q.end);
        // A cue a quotation mark breaks (`"lost confidence" in`) reaches past the quote.
        let quote_end = if quote_end < sh.hit.end {
            s.end
        } else {
            quote_end
        };
        let blockers: Vec<&Hit> = a
            .modifiers
            .iter()
            .filter(|(_, c)| c.contains(&Cue::Blocker))
            .map(|(h, _)| h)
            .collect();
        Scope {
            end: next_cue.min(next_speech).min(quote_end).max(sh.hit.end),
            t,
            cue_end: sh.hit.end,
            blockers,
        }
    }

    /// Whether a blocking word stands between the cue and `pos`, with no comma or semicolon
    /// after it.
    fn blocked(&self, pos: usize) -> bool {
        self.blockers.iter().any(|b| {
            b.end <= pos && b.start >= self.cue_end && !self.t[b.end..pos].contains([',', ';'])
        })
    }
}

/// The targets of the cue at `site` that `holders` hold.
pub(super) fn targets(a: &Article, site: &Site, holders: &[usize]) -> Targets {
    let sh = site.cue;
    let scope = Scope::of(a, site);
    let mut uncertain = false;
    let mut aims = match sh.side {
        TargetSide::After => objects_after(a, site, holders, &scope),
        TargetSide::ActorAfter => actors_after(a, site, holders, scope.end),
        TargetSide::ActorBefore => actor_before(a, site, holders),
        TargetSide::IssueBefore => {
            let (aims, deal) = issue_before(a, site);
            uncertain |= deal;
            aims
        }
    };
    let (mut deal, mut effort, mut anaphor) = (false, false, false);
    if aims.is_empty() && sh.side == TargetSide::After {
        if let Some(aim) = implicit::effort_owner(a, site, holders, scope.end) {
            aims.push(aim);
            effort = true;
        }
    }
    if aims.is_empty() && sh.side == TargetSide::After {
        if let Some(antecedent) = implicit::antecedent(a, site) {
            aims.extend(antecedent);
            anaphor = true;
            uncertain = true;
        }
    }
    if aims.is_empty() && sh.side == TargetSide::After {
        if let Some(aim) = implicit::article_deal(a, site, holders, scope.end) {
            aims.push(aim);
            deal = true;
            uncertain = true;
        }
    }
    Targets {
        aims,
        deal,
        effort,
        anaphor,
        uncertain,
        scope_end: scope.end,
    }
}

/// Where the issues after a cue may start: its end, or the "to" it ends with where an issue's
/// phrase opens with that infinitive's marker ("ready to" and "to talk" in "ready to talk").
fn shared_infinitive(t: &str, start: usize, end: usize) -> usize {
    let to = end.saturating_sub(2);
    let shares = to > start
        && t[..end].ends_with(" to")
        && t[to..].len() > 3
        && t.as_bytes()[end].is_ascii_whitespace();
    if shares {
        to
    } else {
        end
    }
}

/// The targets of a cue whose object follows it: the issues after it, else the issues of a list
/// it announces, else the actor a verb of backing names.
fn objects_after(a: &Article, site: &Site, holders: &[usize], scope: &Scope) -> Vec<Aim> {
    let (t, found, lexicon, sh) = (a.t, a.found, a.lexicon, site.cue);
    let mut targets: Vec<Aim> = Vec::new();
    // The first issue after the cue, and those coordinated with it ("the release of
    // hostages and a withdrawal", "including ... and ..."); an issue in a modifier of
    // another ("a withdrawal of troops from the corridor") is not a target of its own.
    let mut last_end: Option<usize> = None;
    let from = shared_infinitive(t, sh.hit.start, sh.hit.end);
    for i in a
        .issues
        .iter()
        .filter(|i| i.start >= from && i.end <= scope.end)
    {
        if scope.blocked(i.start) {
            continue;
        }
        // "stop its violations and release the prisoners": an issue after "and" that
        // follows other words is the object of another verb, not of this cue.
        // An issue far from the cue is no object of it ("operations against other
        // groups, including X, a group not covered by the cease-fire").
        if last_end.is_none() {
            let gap = t[sh.hit.end.min(i.start)..i.start].trim_end();
            let words = gap.split_whitespace().count();
            // So is an issue of an infinitive joined by "and to" ("halt its advance and to
            // withdraw").
            let coordinated = gap.ends_with(" and") || gap.ends_with(" or");
            let infinitive = gap.ends_with(" and to") || gap.ends_with(" or to");
            if coordinated && words >= 2 || infinitive || words > sh.reach {
                break;
            }
        }
        if let Some(prev) = last_end {
            let gap = &t[prev.min(i.start)..i.start];
            let coordinated = [
                " and ",
                ",",
                " or ",
                "including",
                "as well as",
                " that ",
                " which ",
                " to ",
                " with ",
            ]
            .iter()
            .any(|c| gap.contains(c));
            if !coordinated || gap.split_whitespace().count() > 8 {
                continue;
            }
        }
        last_end = Some(i.end);
        let about = found
            .mentions_in(sh.hit.end.min(i.start), i.start)
            .find(|m| !holders.contains(&m.actor) && !m.locative)
            .map(|m| m.actor);
        let reversed = undone(a, site, scope, i);
        for slug in lexicon.issues.values(i) {
            targets.push((Target::Issue(slug.clone()), about, reversed));
        }
    }
    targets.extend(joined_infinitive(a, site, scope));
    listed(a, site, &mut targets);
    backed_actor(a, site, holders, &mut targets);
    targets
}

/// "called on Séléka to halt its advance and to withdraw from the towns": a cue whose
/// infinitive another cue heads governs the infinitive joined to that one by "and to" too; the
/// issue right after that "to" is the cue's.
fn joined_infinitive(a: &Article, site: &Site, scope: &Scope) -> Vec<Aim> {
    let (t, sh, s) = (a.t, site.cue, site.s);
    let Some(next) = a.stance_hits.get(site.k + 1) else {
        return Vec::new();
    };
    let gap = t[sh.hit.end..next.hit.start].trim_end();
    let governs = next.hit.start == scope.end
        && (gap.ends_with(" to") || gap == "to")
        && !gap.contains([',', ';', '.']);
    if !governs {
        return Vec::new();
    }
    let end = a
        .stance_hits
        .get(site.k + 2)
        .map_or(s.end, |n| n.hit.start.min(s.end));
    let Some(p) = t[next.hit.end..end]
        .find(" and to ")
        .map(|p| next.hit.end + p + " and to ".len())
    else {
        return Vec::new();
    };
    let Some(i) = a
        .issues
        .iter()
        .find(|i| i.start >= p && i.end <= end && t[p..i.start].split_whitespace().count() <= 1)
    else {
        return Vec::new();
    };
    a.lexicon
        .issues
        .values(i)
        .iter()
        .map(|slug| (Target::Issue(slug.clone()), None, false))
        .collect()
}

/// "a freeze on enrichment", "easing of sanctions", "wants the sanctions lifted", "sanctions
/// relief": whether a stance is toward the issue's undoing. An issue phrase that holds such a
/// word names the issue itself ("an end to the war", "give up its weapons"). After the issue only
/// a word that takes no object of its own undoes it: "release hostages in exchange for an end to
/// the war" ends the war, not the release.
fn undone(a: &Article, site: &Site, scope: &Scope, i: &Hit) -> bool {
    let (t, sh) = (a.t, site.cue);
    a.modifiers.iter().any(|(h, c)| {
        c.contains(&Cue::Reversal)
            && ((h.end <= i.start
                && h.start >= sh.hit.end
                && t[h.end..i.start].split_whitespace().count() <= 3)
                || (h.start >= i.end
                    && h.start <= scope.end
                    && t[i.end..h.start].split_whitespace().count() <= 5
                    && !t[i.end..h.start].contains([',', ';'])
                    && !scope.blocked(h.start)
                    && !t[h.start..h.end]
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| matches!(w, "to" | "of" | "on" | "for"))))
    })
}

/// "the parties have agreed on the following:" and a list: the issues of its items, when no
/// target is found yet.
fn listed(a: &Article, site: &Site, targets: &mut Vec<Aim>) {
    let (t, lexicon, sh) = (a.t, a.lexicon, site.cue);
    if targets.is_empty() {
        for i in listed_issues(t, sh.hit.end, &a.issues) {
            for slug in lexicon.issues.values(i) {
                if !targets
                    .iter()
                    .any(|(x, _, _)| *x == Target::Issue(slug.clone()))
                {
                    targets.push((Target::Issue(slug.clone()), None, false));
                }
            }
        }
    }
}

/// "Fidan backed the Turkish Cypriot leader": backing an actor named right after the verb
/// supports the actor (not "the Iran-backed Houthis", not "backed Egypt's proposal"), when no
/// target is found yet.
fn backed_actor(a: &Article, site: &Site, holders: &[usize], targets: &mut Vec<Aim>) {
    let (t, found, sh) = (a.t, a.found, site.cue);
    let phrase = t[sh.hit.start..sh.hit.end].to_lowercase();
    if targets.is_empty()
        && Words::get().backing_verbs.contains(&phrase.as_str())
        && !t[..sh.hit.start].ends_with('-')
    {
        let next = t[sh.hit.end..].trim_start();
        let next = next.strip_prefix("the ").unwrap_or(next);
        let at = t.len() - next.len();
        if let Some(m) = found.mentions_in(at, at + 1).find(|m| {
            m.start == at
                && !m.locative
                && !m.possessive
                && m.kind != MentionKind::Pronoun
                && !holders.contains(&m.actor)
        }) {
            targets.push((Target::Actor(m.actor), None, false));
        }
    }
}

/// The targets of a cue whose object is an actor after it: the actors named, a second object
/// after "and to", else the issue right after the cue.
fn actors_after(a: &Article, site: &Site, holders: &[usize], scope_end: usize) -> Vec<Aim> {
    let (t, found, heads, sh) = (a.t, a.found, &a.heads, site.cue);
    let mut targets: Vec<Aim> = Vec::new();
    // "accused both governments of excluding them", "praised the two sides": the parties ("both
    // leaders": their leaders), when the holder is none of them.
    let described = a.party_hits.iter().find(|p| {
        p.start >= sh.hit.end && p.end <= scope_end && t[sh.hit.end..p.start].trim().is_empty()
    });
    if let Some(p) = described {
        let phrase = t[p.start..p.end].to_lowercase();
        let leaders = Words::get()
            .party_leader_words
            .iter()
            .any(|w| phrase.ends_with(w));
        let sides = if leaders {
            &a.parties.leaders
        } else {
            &a.parties.parties
        };
        if !a
            .parties
            .parties
            .iter()
            .chain(sides)
            .any(|p| holders.contains(p))
        {
            return sides
                .iter()
                .map(|&p| (Target::Actor(p), None, false))
                .collect();
        }
    }
    // The first actor named after the cue and those coordinated with it: "accused
    // Egypt and Qatar of bias", not the RSF in "accused the Emirates of arming the RSF".
    let mut last_end: Option<usize> = None;
    for m in found.mentions_in(sh.hit.end, scope_end) {
        // "paid tribute to Norway", "grateful to the United States": right after a
        // cue ending in "to", an actor is its object, not a place.
        let object_of_cue = t[sh.hit.start..sh.hit.end].ends_with(" to")
            && matches!(t[sh.hit.end..m.start].trim(), "" | "the" | "The");
        if m.locative && !object_of_cue
            || holders.contains(&m.actor)
            || m.kind == MentionKind::Pronoun
        {
            continue;
        }
        if let Some(prev) = last_end {
            if m.start < prev {
                continue;
            }
            // "thanked Hochstein and President Joe Biden": past the title.
            let title = heads[heads.partition_point(|h| h.start < prev)..]
                .iter()
                .take_while(|h| h.start < m.start)
                .find(|h| t[h.end..m.start].trim().is_empty());
            let gap = t[prev..title.map_or(m.start, |h| h.start)].trim();
            let gap = gap.strip_suffix("the").map_or(gap, str::trim_end);
            if !matches!(gap, "and" | "," | "or" | ", and" | "nor" | "as well as") {
                break;
            }
        }
        last_end = Some(possessive_end(t, m.end).unwrap_or(m.end));
        targets.push((Target::Actor(m.actor), None, false));
    }
    if let Some(last) = last_end {
        second_objects(a, site, holders, last, scope_end, &mut targets);
    }
    issue_condemned(a, site, scope_end, &mut targets);
    targets
}

/// "grateful to China for its efforts and to Iraq and Oman": a second object of a cue ending in
/// "to", after the first objects that end at `last`.
fn second_objects(
    a: &Article,
    site: &Site,
    holders: &[usize],
    last: usize,
    scope_end: usize,
    targets: &mut Vec<Aim>,
) {
    let (t, sh) = (a.t, site.cue);
    if t[sh.hit.start..sh.hit.end].ends_with(" to") {
        let rest = &t[last..scope_end];
        for (p, and_to) in rest.match_indices(" and to ") {
            let from = last + p + and_to.len();
            let from = from + t[from..].strip_prefix("the ").map_or(0, |_| "the ".len());
            let (list, _) = crate::extract::roles::actor_list(t, from, a.found, scope_end, true);
            for actor in list.into_iter().filter(|a| !holders.contains(a)) {
                targets.push((Target::Actor(actor), None, false));
            }
        }
    }
}

/// "condemned the strike", "denounced the annexation": an issue right after the cue, with no
/// actor named, is what is condemned. Not in "accused X of seeking to sabotage the peace": the
/// cue of an infinitive or gerund is another's act.
fn issue_condemned(a: &Article, site: &Site, scope_end: usize, targets: &mut Vec<Aim>) {
    let (t, lexicon, sh) = (a.t, a.lexicon, site.cue);
    let governed = matches!(
        t[..sh.hit.start].split_whitespace().next_back(),
        Some("to" | "of")
    );
    if targets.is_empty() && !governed {
        let next = a.issues.iter().find(|i| i.start >= sh.hit.end);
        if let Some(i) = next.filter(|i| {
            i.start <= scope_end
                && matches!(
                    t[sh.hit.end..i.start].trim(),
                    "" | "the" | "this" | "these" | "that"
                )
        }) {
            for slug in lexicon.issues.values(i) {
                targets.push((Target::Issue(slug.clone()), None, false));
            }
        }
    }
}

/// The target of a cue that evaluates what comes before it: the issue named last before it in its
/// clause (or reported words), else the actor.
fn actor_before(a: &Article, site: &Site, holders: &[usize]) -> Vec<Aim> {
    let (t, found, lexicon, sh) = (a.t, a.found, a.lexicon, site.cue);
    let mut targets: Vec<Aim> = Vec::new();
    let from = site
        .clause_start
        .max(site.speech.map_or(0, |sp| sp.content_start));
    let actor = found
        .mentions_in(from, sh.hit.start)
        .filter(|m| !holders.contains(&m.actor) && !m.locative)
        .last()
        .filter(|m| !after_preposition(t, m, &a.heads));
    // "the dialogue had been constructive": an evaluation of the talks named after
    // any actor is of the talks.
    let issue = a
        .issues
        .iter()
        .rev()
        .find(|i| i.end <= sh.hit.start && i.start >= from)
        .filter(|i| actor.is_none_or(|m| i.start >= m.end));
    if let Some(i) = issue {
        for slug in lexicon.issues.values(i) {
            targets.push((Target::Issue(slug.clone()), None, false));
        }
    } else if let Some(m) = actor {
        targets.push((Target::Actor(m.actor), None, false));
    }
    targets
}

/// "The deal was signed on Monday. McCarthy called it 'a gift to Putin'": an "it" or "this"
/// among the three words before the cue, in its clause, is the deal when a deal noun stands
/// before it in its sentence or the sentence before.
fn it_the_deal(a: &Article, site: &Site, from: usize) -> bool {
    let (t, sh) = (a.t, site.cue);
    let gap = &t[from..sh.hit.start];
    let words: Vec<&str> = gap.split_whitespace().collect();
    let end_of = |w: &str| from + (w.as_ptr() as usize - gap.as_ptr() as usize) + w.len();
    // The object of the verb before it ("called it", "described it as"), not a subject after
    // a verb of speech or a relative word ("said it would help", "whom it calls").
    let it = (words.len().saturating_sub(3)..words.len()).any(|i| {
        matches!(words[i], "it" | "this")
            && i >= 1
            && !a.speech_hits.iter().any(|h| h.end == end_of(words[i - 1]))
            && !matches!(
                words[i - 1].to_lowercase().as_str(),
                "that" | "which" | "whom" | "who" | "and" | "but"
            )
    });
    let since = a.text.sentences[site.si.saturating_sub(1)].start;
    it && a
        .deals
        .iter()
        .any(|d| d.start >= since && d.end <= sh.hit.start)
}

/// The target of a cue that evaluates an issue before it: the issue named last before it in its
/// clause (or reported words), else the article's deal when a deal noun, or an "it" standing
/// for one, stands just before it; and whether it is the deal.
fn issue_before(a: &Article, site: &Site) -> (Vec<Aim>, bool) {
    let (t, lexicon, sh) = (a.t, a.lexicon, site.cue);
    let mut targets: Vec<Aim> = Vec::new();
    let from = site
        .clause_start
        .max(site.speech.map_or(0, |sp| sp.content_start));
    if let Some(i) = a
        .issues
        .iter()
        .rev()
        .find(|i| i.end <= sh.hit.start && i.start >= from)
    {
        for slug in lexicon.issues.values(i) {
            targets.push((Target::Issue(slug.clone()), None, false));
        }
    } else if let Some(slug) = a.deal_issue {
        // "called the emerging deal 'a surrender'": an evaluation of the deal.
        let named = a.deals.iter().any(|d| {
            d.end <= sh.hit.start
                && d.start >= from
                && t[d.end..sh.hit.start].split_whitespace().count() <= 3
        });
        if named || it_the_deal(a, site, from) {
            targets.push((Target::Issue(slug.to_string()), None, false));
            return (targets, true);
        }
    }
    (targets, false)
}
