//! Lists of actors after a word: "Qatar and Egypt", "the United States, Egypt and Qatar", "the
//! Government of the Republic of Colombia"; the person a title names ("President Recep Tayyip
//! Erdogan"), and the actors thanked for a role.

use crate::extract::actors::{possessive_end, Found};
use crate::extract::{Mention, MentionKind};
use crate::lexicon::{ActorKind, CueClass, Hit, Words};

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
    // "four mediators: Andrea Riccardi, the founder of the Community; a young priest named Don
    // Matteo Zuppi; ...": a list a colon opens whose members semicolons part, each perhaps
    // with its apposition.
    let semicolons = t[pos..limit].trim_start().starts_with(':') && t[pos..limit].contains(';');
    loop {
        if pos >= limit {
            break;
        }
        let rest = &t[pos..limit];
        let trimmed = rest.trim_start();
        let mut skip = rest.len() - trimmed.len();
        let member_break = ["; and ", "; "]
            .into_iter()
            .find(|b| trimmed.starts_with(b));
        match member_break {
            Some(b) if semicolons => skip += b.len(),
            _ => {
                for filler in &Words::get().list_fillers {
                    if trimmed.starts_with(filler) {
                        skip += filler.len();
                        break;
                    }
                }
            }
        }
        let p = pos + skip;
        let mut p = p + (t[p..].len() - t[p..].trim_start().len());
        let at = |p: usize| {
            found.mentions_in(p, p + 1).find(|m| {
                m.start == p
                    && m.kind != MentionKind::Pronoun
                    && (m.kind != MentionKind::Description
                        || found.actors[m.actor].kind == ActorKind::State)
                    && (places || !m.locative)
            })
        };
        // "hosted by the President of Cuba", "the Government of the Republic of Colombia": past
        // a title or a form of state to the state or organisation it is of; "between President
        // Ronald Reagan and ...": past a title to the person it names.
        while at(p).is_none() && p < limit {
            match past_title(t, p, limit, found) {
                Some(Past::Person(q)) => {
                    p = q;
                    break;
                }
                Some(Past::Of(q)) => p = q,
                None => break,
            }
        }
        let determined = t[pos..p].split_whitespace().last() == Some("the");
        // a member, not an apposition after a comma ("Israel, a message aimed at ...")
        let member = out.is_empty() || semicolons || t[pos..p].contains("and ");
        let described = || {
            let q = described_name(&t[..limit], p, determined, semicolons).filter(|_| member)?;
            // "a young priest named Don Matteo Zuppi": a person's name may follow a word of
            // address no lexicon knows
            at(q)
                .or_else(|| {
                    let r = q + t[q..limit].find(' ')? + 1;
                    at(r).filter(|m| found.actors[m.actor].kind == ActorKind::Person)
                })
                // "the former Irish taoiseach": a demonym is the description's, not a name
                .filter(|m| m.kind != MentionKind::Demonym)
        };
        let Some(m) = at(p).or_else(described) else {
            break;
        };
        let m = owned_body(t, found, m, limit).unwrap_or(m);
        if !out.contains(&m.actor) {
            out.push(m.actor);
        }
        pos = possessive_end(t, m.end).unwrap_or(m.end);
        // "talks between Ethiopia's government and the Oromo Liberation Army": past a body the
        // possessive names the actor by, when another name of the list follows; else
        // ("mediators from Egypt's intelligence service") the list stops at the possessive.
        // So past a demonym's body ("between the Nigerian government and Boko Haram").
        if pos != m.end || m.kind == MentionKind::Demonym {
            match body_then_next(t, pos, found, limit) {
                Some(next) => pos = next,
                None => break,
            }
        }
        // "between President Recep Tayyip Erdogan of Turkey and President Vladimir Putin": past
        // the state or organisation of a person's post to the next member.
        if pos == m.end && found.actors[m.actor].kind == ActorKind::Person {
            pos = post_of_after(t, pos, found, limit).unwrap_or(pos);
        }
        // past the member's apposition, to the semicolon that ends it
        if semicolons && t[pos..limit].starts_with(", ") {
            match t[pos..limit].find(';') {
                Some(i) => pos += i,
                None => break,
            }
        }
    }
    (out, pos)
}

/// Where a list's member goes on past a title or a form of state at `p`.
enum Past {
    /// The person the title names ("President| Ronald Reagan").
    Person(usize),
    /// What the title or form is of ("the Government of| Colombia").
    Of(usize),
}

/// Past the title or form of state at `p` (or after capitalised words there that qualify it) to
/// the person it names or to what it is of, if any.
fn past_title(t: &str, p: usize, limit: usize, found: &Found) -> Option<Past> {
    let titles = found.cues.of(CueClass::Title);
    let bodies = found.cues.of(CueClass::AgentHead);
    let title_at = |q: usize| titles.iter().find(|u| u.start == q).map(|u| u.end);
    // a form of state; after capitalised words, also a word that stands for its owner ("the
    // Transitional Government of ...", `neg:AgentHead`: "the Government of" alone is a list's
    // filler, and no member after a comma)
    let form_at = |q: usize| {
        Words::get()
            .state_forms
            .iter()
            .find(|f| t[q..limit].starts_with(**f))
            .map(|f| q + f.len() - " of".len())
            .or_else(|| {
                let body = bodies.iter().find(|h| h.start == q && q > p)?;
                Some(body.end)
            })
    };
    // "the Federal Military Government of Nigeria": capitalised words that qualify the title or
    // form after them
    let p0 = qualifiers(t, p, limit)
        .find(|&q| {
            title_at(q).or_else(|| form_at(q)).is_some_and(|e| {
                t[e..limit].starts_with(" of ") || person_right_after(t, e, found).is_some()
            })
        })
        .unwrap_or(p);
    let title_end = title_at(p0);
    if let Some(q) = title_end.and_then(|e| person_right_after(t, e, found)) {
        return Some(Past::Person(q));
    }
    let rest = t[title_end.or_else(|| form_at(p0))?..limit].strip_prefix(" of ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    Some(Past::Of(limit - rest.len()))
}

/// `p` and the starts of the words after it while the words before are capitalised, at most
/// three of them: where a title or form of state may start that they qualify.
fn qualifiers(t: &str, p: usize, limit: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(Some(p), move |&q| {
        let word = t[q..limit].split(' ').next()?;
        let capitalised = word.starts_with(|c: char| c.is_uppercase())
            && word.chars().all(|c| c.is_alphabetic() || c == '-');
        (capitalised && q + word.len() < limit).then_some(q + word.len() + 1)
    })
    .take(4)
}

/// Where the name starts that a few lower-case words before it describe, in a list: "the
/// regional bloc ECOWAS", "the opposition Joint Meeting Parties", "a young priest named Don
/// Matteo Zuppi"; and, in a list that semicolons part, past a comma: "our own archbishop, Dom
/// Jaime Gonçalves". The words open with a determiner or a possessive pronoun (or follow "the",
/// `determined`), at most five, none a word that joins clauses or members ("and", "who").
fn described_name(t: &str, p: usize, determined: bool, semicolons: bool) -> Option<usize> {
    const OPENERS: [&str; 8] = ["a", "an", "the", "its", "their", "our", "his", "her"];
    const JOINS: [&str; 7] = ["and", "or", "but", "who", "which", "that", "whose"];
    let mut q = p;
    let mut determined = determined;
    // a word past the determiner: "a Hamas official" is no description of Hamas
    let mut described = false;
    for n in 0..=5 {
        let rest = t.get(q..)?;
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(rest.len());
        let word = &rest[..len];
        if word.starts_with(char::is_uppercase) {
            return (described && determined).then_some(q);
        }
        if n == 5 || word.is_empty() || JOINS.contains(&word) {
            return None;
        }
        let opener = n == 0 && OPENERS.contains(&word);
        determined |= opener;
        described |= !opener;
        let after = &rest[len..];
        q += len
            + if after.starts_with(' ') {
                1
            } else if semicolons && after.starts_with(", ") {
                2
            } else {
                return None;
            };
    }
    None
}

/// The end of " of [the] X" right after a person's name at `end`, X a state or organisation
/// ("Erdogan of Turkey").
fn post_of_after(t: &str, end: usize, found: &Found, limit: usize) -> Option<usize> {
    // A member's mention may run past the list's limit.
    let rest = t.get(end..limit)?.strip_prefix(" of ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let at = limit - rest.len();
    found
        .mentions_in(at, at + 1)
        .find(|m| m.start == at && found.actors[m.actor].kind != ActorKind::Person)
        .map(|m| m.end)
}

/// "delegations from Gbagbo's Ivorian Popular Front": the mention of the organisation a person's
/// possessive opens, which is the member the list names.
fn owned_body<'m>(t: &str, found: &'m Found, m: &'m Mention, limit: usize) -> Option<&'m Mention> {
    if found.actors[m.actor].kind != ActorKind::Person {
        return None;
    }
    let pos = possessive_end(t, m.end)?;
    let next = pos + (t[pos..].len() - t[pos..].trim_start_matches(' ').len());
    found.mentions_in(next, next + 1).find(|o| {
        o.start == next
            && o.end <= limit
            && o.kind == MentionKind::Name
            && found.actors[o.actor].kind == ActorKind::Organization
    })
}

/// Where the next member of a list starts after a possessive ends at `pos`: past a word that
/// stands for its owner ("government", "delegation", `neg:AgentHead`), a list's filler and a
/// name ("Ethiopia's government and the OLA").
fn body_then_next(t: &str, pos: usize, found: &Found, limit: usize) -> Option<usize> {
    let pos = pos + (t[pos..].len() - t[pos..].trim_start_matches(' ').len());
    let body = found
        .cues
        .of(CueClass::AgentHead)
        .iter()
        .filter(|h| h.start == pos)
        .max_by_key(|h| h.end)?;
    let rest = &t[body.end..limit];
    let filler = [", and the ", ", and ", " and the ", " and ", ", "]
        .into_iter()
        .find(|f| rest.starts_with(f))?;
    let next = body.end + filler.len();
    found
        .mentions_in(next, next + 1)
        .any(|m| m.start == next && m.kind != MentionKind::Pronoun)
        .then_some(body.end)
}

/// Where a person's name starts right after a title that ends at `end` ("President| Ronald
/// Reagan").
fn person_right_after(t: &str, end: usize, found: &Found) -> Option<usize> {
    let q = end + (t[end..].len() - t[end..].trim_start_matches(' ').len());
    found
        .mentions_in(q, q + 1)
        .find(|m| {
            m.start == q
                && q > end
                && m.kind != MentionKind::Pronoun
                && found.actors[m.actor].kind == ActorKind::Person
        })
        .map(|m| m.start)
}

/// The person a title (or an honorific) right at `pos` belongs to: "President Recep Tayyip
/// Erdogan", "his Special Envoy for Yemen, Martin Griffiths", "Bishop Samuel Ruiz".
pub(super) fn titled_person_at(t: &str, pos: usize, found: &Found) -> Option<usize> {
    let mut p = pos + (t[pos..].len() - t[pos..].trim_start().len());
    for determiner in ["his ", "her ", "its ", "their ", "the "] {
        if t[p..].starts_with(determiner) {
            p += determiner.len();
            break;
        }
    }
    // "the former Peruvian president José Luis Bustamante y Rivero": past the words that the
    // post is held no longer and a demonym.
    loop {
        let word = t[p..].split([' ', '-']).next().unwrap_or_default();
        let former = Words::get()
            .former_words
            .iter()
            .any(|f| word.eq_ignore_ascii_case(f));
        let demonym = found
            .mentions_in(p, p + 1)
            .find(|m| m.start == p && m.kind == MentionKind::Demonym);
        let next = if former {
            p + word.len()
        } else if let Some(m) = demonym {
            m.end
        } else {
            break;
        };
        if !t[next..].starts_with([' ', '-']) {
            break;
        }
        p = next + 1;
    }
    // "mediated by Bishop Samuel Ruiz": an honorific names the person as a title does
    let title = found
        .cues
        .of(CueClass::Title)
        .iter()
        .chain(found.cues.of(CueClass::Honorific))
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
pub(super) fn thanked_for(
    t: &str,
    cue_start: usize,
    sentence_start: usize,
    found: &Found,
    praise: &[Hit],
) -> Vec<usize> {
    let mut pre = t[sentence_start..cue_start].trim_end();
    for words in [
        &Words::get().effort_adjectives[..],
        &["their", "its", "his", "her", "the"][..],
    ] {
        if let Some((head, last)) = pre.rsplit_once(' ') {
            // "for their \"tireless\" mediation": a word in quotation marks is the same word.
            let last = last.trim_matches(['"', '\u{201c}', '\u{201d}']);
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
