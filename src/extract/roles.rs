//! Roles in a negotiation, from the role cues of the lexicon:
//!
//! - cues followed by the actors they name: "mediators from Qatar and Egypt", "the mediators,
//!   Qatar and Egypt", "talks between Russia and Ukraine", "talks with Hamas", "hosted by Oman";
//! - cues preceded by their actor: "Israel's delegation", "Egyptian-brokered", "Qatar, a
//!   mediator", "Hamas responded to";
//! - "negotiating ... with X": the actors after "with" when a party cue opens the clause.
//!
//! The negotiation itself is named by its two main parties (the most mentioned states and
//! organisations with a party role), so that the same talks get the same IRI in every article.

use std::collections::{BTreeMap, BTreeSet};

use super::actors::{possessive_end, Found};
use super::{Evidence, MentionKind, Negotiation, Participation, Position};
use crate::lexicon::{ActorKind, Cue, CueClass, Lexicon, Role, Slot};
use crate::text::{after_char, floor_boundary, Text};
use crate::vocab;

/// Actors named in a list starting at `pos`: "Qatar and Egypt", "the United States, Egypt and
/// Qatar". Returns the actors and the end of the list.
pub fn actor_list(
    t: &str,
    mut pos: usize,
    found: &Found,
    limit: usize,
    places: bool,
) -> (Vec<usize>, usize) {
    let mut out = Vec::new();
    let limit = limit.min(t.len());
    let titles = found.cues.of(CueClass::Title);
    loop {
        if pos >= limit {
            break;
        }
        let rest = &t[pos..limit];
        let trimmed = rest.trim_start();
        let mut skip = rest.len() - trimmed.len();
        for filler in FILLERS {
            if trimmed.starts_with(filler) {
                skip += filler.len();
                break;
            }
        }
        let p = pos + skip;
        let mut p = p + (t[p..].len() - t[p..].trim_start().len());
        let at = |p: usize| {
            found.mentions_in(p, p + 1).find(|m| {
                m.start == p
                    && m.kind != MentionKind::Pronoun
                    && m.kind != MentionKind::Description
                    && (places || !m.locative)
            })
        };
        // "hosted by the President of Cuba", "the Government of the Republic of Colombia": past
        // a title or a form of state to the state or organisation it is of.
        while at(p).is_none() && p < limit {
            let form = titles
                .iter()
                .find(|u| u.start == p)
                .map(|u| u.end)
                .or_else(|| {
                    STATE_FORMS
                        .iter()
                        .find(|f| t[p..limit].starts_with(**f))
                        .map(|f| p + f.len() - " of".len())
                });
            let Some(rest) = form.and_then(|e| t[e..limit].strip_prefix(" of ")) else {
                break;
            };
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            p = limit - rest.len();
        }
        let Some(m) = at(p) else {
            break;
        };
        if !out.contains(&m.actor) {
            out.push(m.actor);
        }
        pos = possessive_end(t, m.end).unwrap_or(m.end);
        // "mediators from Egypt's intelligence service": stop at a possessive.
        if pos != m.end {
            break;
        }
    }
    (out, pos)
}

/// Where the clause holding `pos` opens: after the last subordinating word ("since", "because",
/// "while", "after", "as", "and", "but") that follows a comma or semicolon before it, else at the
/// start of the sentence.
fn clause_opening(t: &str, sentence_start: usize, pos: usize) -> usize {
    let span = &t[sentence_start..pos];
    let mut best = sentence_start;
    for opener in [
        ", since ",
        ", because ",
        ", while ",
        ", after ",
        ", as ",
        "; ",
        ", and ",
        ", but ",
    ] {
        if let Some(p) = span.rfind(opener) {
            best = best.max(sentence_start + p + opener.len());
        }
    }
    best
}

/// The length of a phrase of time that opens a clause before its subject ("In late 2019 ",
/// "On 4 March, "), or 0.
fn time_phrase_len(head: &str) -> usize {
    let mut words = head.split_inclusive(' ');
    let Some(first) = words.next() else { return 0 };
    if !matches!(
        first.trim_end(),
        "In" | "By" | "On" | "At" | "During" | "Since"
    ) {
        return 0;
    }
    let mut len = first.len();
    let mut dated = false;
    for w in words {
        let bare = w.trim_end().trim_end_matches(',');
        let number = !bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit());
        if number || crate::text::MONTHS.contains(&bare) {
            dated = true;
        } else if !matches!(bare, "late" | "early" | "mid" | "the" | "of") {
            break;
        }
        len += w.len();
    }
    if dated {
        len
    } else {
        0
    }
}

/// Forms of state before the name of a state, as in "the Government of the Republic of
/// Colombia".
const STATE_FORMS: &[&str] = &[
    "Republic of",
    "Kingdom of",
    "State of",
    "Federal Republic of",
    "Islamic Republic of",
    "Democratic Republic of",
    "Sultanate of",
    "Emirate of",
];

/// What may stand between the names of a list, longest first where one starts another.
const FILLERS: &[&str] = &[
    // "witnessed by the Secretary-General ...; by the Foreign Minister of Norway".
    "; and by the ",
    "; and by ",
    "; by the ",
    "; by ",
    ", and by the ",
    ", and by ",
    // "the delegations of the Government of Colombia and of the FARC-EP".
    "and of the ",
    "and of ",
    // "hosted by the Government of Barbados": the government stands for its state.
    "the Government of the ",
    "the Government of ",
    "the government of ",
    ", together with the ",
    ", together with ",
    ", along with the ",
    ", along with ",
    ", as well as the ",
    ", as well as ",
    "and the ",
    "and ",
    "the ",
    ", and the ",
    ", and ",
    // "co-chaired by the European Union, the United Nations and the OSCE".
    ", the ",
    ", ",
    "— ",
    "– ",
    ": ",
    "(",
    "as well as ",
    "together with ",
    "along with ",
    "with ",
    "both ",
    "from ",
    ",",
    "—",
    ":",
];

/// Words that may stand between an actor and a role cue after it.
const GAP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "as",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "also",
    "again",
    "once",
    "be",
    "been",
    "which",
    "who",
    "its",
    "their",
    "long",
    "one",
    "of",
    "both",
    "today",
    "yesterday",
    "now",
    "jointly",
    "finally",
    "formally",
    "officially",
    "already",
    "have both",
    "each",
];

/// The actor a cue at `cue_start` follows, with the actors coordinated before it.
fn actors_before(
    t: &str,
    cue_start: usize,
    sentence_start: usize,
    found: &Found,
    heads: &[crate::lexicon::Hit],
) -> Vec<usize> {
    let mut end = t[..cue_start].trim_end_matches([' ', '-']).len();
    // Skip auxiliaries and articles: "Oman has hosted", "Qatar, a mediator", "Norway, one of the".
    for _ in 0..5 {
        let before = t[..end].trim_end_matches([' ', ',']);
        let word_start = before
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |p| after_char(before, p));
        let word = &before[word_start..];
        if !word.is_empty()
            && GAP_WORDS.contains(&word.to_lowercase().as_str())
            && found
                .mentions_in(before.len().saturating_sub(200), before.len())
                .all(|m| m.end != before.len())
        {
            end = t[..word_start].trim_end().len();
        } else {
            end = before.len();
            break;
        }
    }
    // "Qatar, which has hosted the talks since 2012, is mediating": past a relative clause.
    // The comma may stand after the words skipped above ("…, facing protests, provides").
    let comma = (end..cue_start)
        .find(|&i| t.is_char_boundary(i) && t[i..].starts_with(','))
        .filter(|&i| t[end..i].trim().is_empty());
    let trimmed = match comma {
        Some(i) => &t[..i + 1],
        None => t[..end].trim_end(),
    };
    if trimmed.ends_with(',') && trimmed.len() > sentence_start {
        let window = floor_boundary(t, trimmed.len().saturating_sub(160)).max(sentence_start);
        let inner = &t[window..trimmed.len() - 1];
        if let Some(p) = inner.rfind([',']) {
            let clause = inner[p + 1..].trim_start().to_lowercase();
            // "Smaïl Chergui, the AU commissioner for peace and security, chairs": past an
            // apposition, or a participle ("the government, facing protests at home, provides").
            let first = clause.split(' ').next().unwrap_or("");
            if clause.starts_with("which ")
                || clause.starts_with("who ")
                || matches!(first, "the" | "a" | "an" | "its" | "his" | "her" | "their")
                || first.len() > 4 && first.ends_with("ing")
            {
                end = window + p;
            }
        }
    }
    // "Ethiopia's federal government and ...": a possessor or adjective before an agent noun.
    let head_end = |e: usize| {
        // Heads are sorted by start; a head ending at `e` starts at most 40 bytes before it.
        let from = heads.partition_point(|h| h.start + 40 < e);
        heads[from..]
            .iter()
            .take_while(|h| h.start < e)
            .find(|h| h.end == e && h.start >= sentence_start)
            .map(|h| h.start)
    };
    let at = |end: usize| {
        // Only mentions of this sentence that start before `end` can end at it.
        let upto = found.mentions.partition_point(|m| m.start < end);
        let from = found.mentions.partition_point(|m| m.start < sentence_start);
        found.mentions[from..upto.max(from)].iter().rev().find(|m| {
            if m.start < sentence_start || m.kind == MentionKind::Pronoun {
                return false;
            }
            let tail = possessive_end(t, m.end).unwrap_or(m.end);
            if m.end == end || tail == end {
                return true;
            }
            head_end(end).is_some_and(|hs| {
                hs >= tail
                    && (t[tail..hs].split_whitespace().count() <= 1
                        && !t[tail..hs].contains([',', ';'])
                        // "President Donald Trump, whose administration hosted".
                        || t[tail..hs].trim() == ", whose")
            })
        })
    };
    // "the March 23 Movement (AFC/M23) signed": the name before an acronym in brackets.
    if t[..end].ends_with(')') {
        if let Some(m) = at(end - 1) {
            if let Some((open, _)) = super::stances::bracketed_alias(t, m.start, m.end) {
                let before = t[..open].trim_end().len();
                end = if at(before).is_some() { before } else { m.end };
            }
        }
    }
    let mut out = Vec::new();
    let mut cursor = end;
    let mut first_kind = None;
    while let Some(m) = at(cursor) {
        // "Egyptian and Qatari mediators" coordinates adjectives; in "the cease-fire with Israel
        // and American mediation" the name before "and" is no mediator.
        let kind = *first_kind.get_or_insert(m.kind);
        if (kind == MentionKind::Demonym) != (m.kind == MentionKind::Demonym) {
            break;
        }
        if !out.contains(&m.actor) {
            out.push(m.actor);
        }
        // Coordination only: "Egypt and Qatar", "the United States, Egypt and Qatar".
        let mut before = t[..m.start].trim_end();
        if let Some(b) = before
            .strip_suffix("The")
            .filter(|b| b.is_empty() || b.ends_with([' ', ',']))
        {
            before = b.trim_end();
        }
        if let Some(b) = before
            .strip_suffix("the")
            .filter(|b| b.ends_with([' ', ',']))
        {
            before = b.trim_end();
        }
        let rest = [", and", "and", ","]
            .iter()
            .find_map(|c| before.strip_suffix(c).map(|b| b.trim_end().len()));
        let Some(next) = rest else { break };
        if next == cursor || m.possessive {
            break;
        }
        cursor = next;
    }
    out
}

/// The person a title right at `pos` belongs to: "President Recep Tayyip Erdogan", "his
/// Special Envoy for Yemen, Martin Griffiths".
fn titled_person_at(t: &str, pos: usize, found: &Found) -> Option<usize> {
    let mut p = pos + (t[pos..].len() - t[pos..].trim_start().len());
    for determiner in ["his ", "her ", "its ", "their ", "the "] {
        if t[p..].starts_with(determiner) {
            p += determiner.len();
            break;
        }
    }
    let title = found
        .cues
        .of(CueClass::Title)
        .iter()
        .find(|u| u.start == p)?;
    let mut q = title.end;
    // "Special Envoy for Yemen, ": what the post is for, then the name after a comma.
    let rest = &t[q..];
    if rest.starts_with(" for ") || rest.starts_with(" of ") || rest.starts_with(',') {
        let comma = rest
            .find(',')
            .filter(|&c| c <= 40 && !rest[..c].contains('.'))?;
        q += comma + 1;
    }
    q += t[q..].len() - t[q..].trim_start().len();
    found
        .mentions_in(q, q + 1)
        .find(|m| m.start == q && found.actors[m.actor].kind == ActorKind::Person)
        .map(|m| m.actor)
}

/// Actors thanked or praised for a role named after "for": "commended Angola and the DRC for
/// their mediation", "grateful to the Government of Sweden, in particular to ..., for hosting".
/// The actors are those listed right after the last word of praise (the lexicon's praise cues)
/// before "for" in the sentence.
fn thanked_for(
    t: &str,
    cue_start: usize,
    sentence_start: usize,
    found: &Found,
    praise: &[crate::lexicon::Hit],
) -> Vec<usize> {
    let mut pre = t[sentence_start..cue_start].trim_end();
    for words in [
        &[
            "earlier",
            "continued",
            "tireless",
            "successful",
            "patient",
            "joint",
            "sustained",
        ][..],
        &["their", "its", "his", "her", "the"][..],
    ] {
        if let Some((head, last)) = pre.rsplit_once(' ') {
            if words.contains(&last) {
                pre = head;
            }
        }
    }
    let Some(head) = pre.strip_suffix(" for") else {
        return Vec::new();
    };
    let for_start = sentence_start + head.len();
    praise
        .iter()
        .rev()
        .find(|p| p.start >= sentence_start && p.end <= for_start)
        .map_or_else(Vec::new, |p| {
            actor_list(t, p.end, found, for_start, false).0
        })
}

pub fn find(
    text: &Text,
    lexicon: &Lexicon,
    found: &Found,
    positions: &[Position],
) -> (Option<Negotiation>, Vec<Participation>) {
    let t = text.text;
    let mut out: Vec<Participation> = Vec::new();
    let mut pairs: Vec<Vec<usize>> = Vec::new();
    let add = |out: &mut Vec<Participation>,
               actor: usize,
               role: Role,
               start: usize,
               end: usize,
               rule: &str,
               confidence: f32| {
        let kind = found.actors[actor].kind;
        if kind == ActorKind::Group {
            return;
        }
        if !out.iter().any(|p| p.actor == actor && p.role == role) {
            out.push(Participation {
                actor,
                role,
                evidence: Evidence {
                    sentence: text.sentence_of(start),
                    start,
                    end,
                },
                rule: rule.to_string(),
                confidence,
            });
        }
    };
    // One scan of the role cues serves the three rules below.
    let role_hits = lexicon.hits_in(&found.cues, CueClass::Role);
    let heads: Vec<crate::lexicon::Hit> = found.cues.spans(CueClass::AgentHead);
    let party_cue_ends: Vec<usize> = role_hits
        .iter()
        .filter(|(_, cues)| {
            cues.iter().any(|c| {
                matches!(
                    c,
                    Cue::Role {
                        role: Role::Party,
                        ..
                    }
                )
            })
        })
        .map(|(h, _)| h.end)
        .collect();
    // The words of praise and thanks of the stance lexicon: those thanked "for their mediation"
    // are mediators, and no parties.
    let praise: Vec<crate::lexicon::Hit> = lexicon
        .hits_in(&found.cues, CueClass::Stance)
        .into_iter()
        .filter(|(_, c)| {
            c.iter()
                .any(|c| matches!(c, Cue::Stance { name, .. } if name == "praise"))
        })
        .map(|(h, _)| h)
        .collect();
    let negations: Vec<crate::lexicon::Hit> = lexicon
        .hits_in(&found.cues, CueClass::Modifier)
        .into_iter()
        .filter(|(_, c)| c.contains(&Cue::Negation))
        .map(|(h, _)| h)
        .collect();
    for &(hit, cues) in &role_hits {
        let sentence = &text.sentences[text.sentence_of(hit.start)];
        // "Türkiye has not been asked to serve as a guarantor": a role denied.
        // Negations are sorted by start: only those of this sentence before the cue.
        let from = negations.partition_point(|n| n.start < sentence.start);
        let denied = negations[from..]
            .iter()
            .take_while(|n| n.start < hit.start)
            .any(|n| {
                n.end <= hit.start
                    && t[n.end..hit.start].split_whitespace().count() <= 5
                    && !t[n.end..hit.start].contains([',', ';'])
            });
        for cue in cues {
            let Cue::Role {
                name,
                role,
                slot,
                min_actors,
            } = cue
            else {
                continue;
            };
            if denied && *role != Role::Party {
                continue;
            }
            let phrase = &t[hit.start..hit.end];
            match slot {
                Slot::After => {
                    if phrase.eq_ignore_ascii_case("with") {
                        continue;
                    }
                    // "He thanked ... the governments of Oman, Switzerland and South Korea for
                    // their help": those thanked are no sides of the talks.
                    if *role == Role::Party
                        && name == "leaders-of"
                        && praise
                            .iter()
                            .any(|p| p.start >= sentence.start && p.end <= hit.start)
                    {
                        continue;
                    }
                    let (list, list_end) =
                        actor_list(t, hit.end, found, sentence.end, *role == Role::Host);
                    if list.len() < *min_actors
                        && !(matches!(role, Role::Mediator | Role::Host | Role::Observer)
                            && titled_person_at(t, hit.end, found).is_some())
                    {
                        continue;
                    }
                    // A host is a state or organisation; a metonym for a capital names its state.
                    for &a in &list {
                        add(&mut out, a, *role, hit.start, hit.end, name, 0.8);
                    }
                    // "mediated by Turkish President Recep Tayyip Erdogan": the person holding
                    // the title after the list (or opening it) takes the role too; a party
                    // list names sides, not their people.
                    if matches!(role, Role::Mediator | Role::Host | Role::Observer) {
                        let from = if list.is_empty() { hit.end } else { list_end };
                        if let Some(person) = titled_person_at(t, from, found) {
                            add(&mut out, person, *role, hit.start, hit.end, name, 0.75);
                        }
                    }
                    if *role == Role::Party && list.len() >= 2 {
                        pairs.push(list.clone());
                    }
                }
                Slot::Pair => {
                    // "the Belgrade-Pristina dialogue", "U.S.-Iran talks": the two names joined
                    // by a dash right before the cue.
                    let end = t[..hit.start].trim_end().len();
                    let upto = found.mentions.partition_point(|m| m.start < end);
                    let from = found.mentions.partition_point(|m| m.start + 80 < end);
                    let near = &found.mentions[from..upto.max(from)];
                    if let Some(b) = near.iter().rev().find(|m| m.end == end) {
                        if let Some(a) = near.iter().rev().find(|a| {
                            a.end <= b.start
                                && matches!(t[a.end..b.start].trim(), "-" | "–" | "—" | "/")
                        }) {
                            if a.actor != b.actor {
                                for x in [a.actor, b.actor] {
                                    add(&mut out, x, *role, hit.start, hit.end, name, 0.75);
                                }
                            }
                        }
                    }
                }
                Slot::Before => {
                    // The actor right before: "Israel's team", "Egyptian-brokered", "Qatar, a
                    // mediator", "Oman has hosted", and those coordinated with it ("Egypt and
                    // Qatar, which brokered").
                    let mut before = actors_before(t, hit.start, sentence.start, found, &heads);
                    // "The United Nations and IGAD also attended as observers": with "as ...",
                    // the subject that opens the sentence.
                    // So with a clause that opens after "since", "because", "while", "after"
                    // or "as" ("..., since Turkey, together with Egypt, signed the declaration as
                    // a guarantor").
                    // "sat in on the talks in Washington as observers": a place is not who
                    // takes part as something.
                    let as_phrase = phrase.to_lowercase().starts_with("as ");
                    let end = t[..hit.start].trim_end().len();
                    if as_phrase
                        && found
                            .mentions_in(sentence.start, end)
                            .any(|m| m.end == end && m.locative)
                    {
                        before.clear();
                    }
                    // "with Lourenço and Tshisekedi signing alongside them as facilitators":
                    // the names after "with" in the same clause.
                    if before.is_empty() && as_phrase {
                        let clause = &t[sentence.start..hit.start];
                        if let Some(w) = clause.rfind(" with ") {
                            let from = sentence.start + w + " with ".len();
                            let (list, list_end) = actor_list(t, from, found, hit.start, false);
                            let next = t[list_end..hit.start].split_whitespace().next();
                            if next.is_some_and(|w| w.ends_with("ing")) {
                                before = list;
                            }
                        }
                    }
                    // "commended Angola and the DRC for their mediation": the actors thanked.
                    if matches!(role, Role::Mediator | Role::Host) {
                        let thanked = thanked_for(t, hit.start, sentence.start, found, &praise);
                        if !thanked.is_empty() {
                            before = thanked;
                        }
                    }
                    if before.is_empty() && as_phrase {
                        let clause_start = clause_opening(t, sentence.start, hit.start);
                        let lead = t[clause_start..hit.start].len()
                            - t[clause_start..hit.start]
                                .trim_start_matches(|c: char| !c.is_alphanumeric())
                                .len();
                        let lead = lead + time_phrase_len(&t[clause_start + lead..hit.start]);
                        let first = found.mentions_in(clause_start, hit.start).find(|m| {
                            !m.locative && m.kind != MentionKind::Pronoun && !m.possessive
                        });
                        if let Some(m) = first.filter(|m| m.start <= clause_start + lead + 6) {
                            before = actor_list(t, m.start, found, hit.start, false).0;
                        }
                    }
                    for a in before {
                        add(&mut out, a, *role, hit.start, hit.end, name, 0.7);
                    }
                }
            }
        }
    }
    // "negotiating on a Gaza cease-fire with Hamas": "with" after a party cue of the same clause.
    for &(hit, _) in &role_hits {
        if !t[hit.start..hit.end].eq_ignore_ascii_case("with") {
            continue;
        }
        let sentence = &text.sentences[text.sentence_of(hit.start)];
        let opened = party_cue_ends.iter().any(|&e| {
            e <= hit.start
                && e >= sentence.start
                && hit.start - e < 60
                && !t[e..hit.start].contains([',', ';', '.'])
        });
        if opened {
            let (list, _) = actor_list(t, hit.end, found, sentence.end, false);
            for a in list {
                add(
                    &mut out,
                    a,
                    Role::Party,
                    hit.start,
                    hit.end,
                    "negotiating-with",
                    0.7,
                );
            }
        }
    }
    // A person's role is also the role of the state they serve ("Witkoff, who brokered" makes
    // the United States a mediator), or of their organisation when they serve no state.
    let people: Vec<Participation> = out
        .iter()
        .filter(|p| found.actors[p.actor].kind == ActorKind::Person)
        .cloned()
        .collect();
    for p in people {
        let served = positions
            .iter()
            .filter(|q| q.holder == p.actor)
            .map(|q| q.organization)
            .collect::<Vec<_>>();
        let org = served
            .iter()
            .find(|&&o| found.actors[o].kind == ActorKind::State)
            .or_else(|| served.first());
        if let Some(&org) = org {
            let rule = format!("{}/represents", p.rule);
            add(
                &mut out,
                org,
                p.role,
                p.evidence.start,
                p.evidence.end,
                &rule,
                p.confidence * 0.9,
            );
        }
    }
    // "Turkey, together with Egypt, signed the declaration as a guarantor": who signs in another
    // role in the same sentence is no party for signing.
    let other_roles: BTreeSet<(usize, usize)> = out
        .iter()
        .filter(|p| p.role != Role::Party)
        .map(|p| (text.sentence_of(p.evidence.start), p.actor))
        .collect();
    out.retain(|p| {
        p.role != Role::Party
            || !other_roles.contains(&(text.sentence_of(p.evidence.start), p.actor))
    });
    out.sort_by_key(|p| (p.evidence.start, p.actor, p.role));

    // The negotiation: its two main parties.
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for m in &found.mentions {
        *counts.entry(m.actor).or_default() += 1;
    }
    let brokers: Vec<usize> = out
        .iter()
        .filter(|p| matches!(p.role, Role::Mediator | Role::Host))
        .map(|p| p.actor)
        .collect();
    let mut parties: Vec<usize> = out
        .iter()
        .filter(|p| {
            p.role == Role::Party
                && found.actors[p.actor].kind != ActorKind::Person
                && !brokers.contains(&p.actor)
        })
        .map(|p| p.actor)
        .collect();
    parties.sort_by_key(|a| {
        (
            std::cmp::Reverse(counts.get(a).copied().unwrap_or(0)),
            found.actors[*a].label.clone(),
        )
    });
    parties.dedup();
    parties.truncate(2);
    let negotiation = if parties.is_empty() {
        None
    } else {
        let mut named: Vec<&super::Actor> = parties.iter().map(|&a| &found.actors[a]).collect();
        named.sort_by(|a, b| a.label.cmp(&b.label));
        let slug = named
            .iter()
            .map(|a| vocab::slug(&a.label))
            .collect::<Vec<_>>()
            .join("--");
        let label = format!(
            "{} negotiations",
            named
                .iter()
                .map(|a| a.label.as_str())
                .collect::<Vec<_>>()
                .join("–")
        );
        let venue = out
            .iter()
            .find(|p| p.role == Role::Host)
            .map(|p| found.actors[p.actor].label.clone());
        Some(Negotiation {
            slug,
            label,
            parties,
            issue: None,
            venue,
        })
    };
    let _ = pairs;
    (negotiation, out)
}
