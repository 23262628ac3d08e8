//! The gazetteer's names in the text: which of them are mentions of actors, and of which kind.
//!
//! A surname counts only once the person it belongs to is named in full, or with a title or an
//! honorific before the surname; a state's adjective only before an agent noun; a capital only
//! where it is no place.

use std::collections::{BTreeSet, HashMap};

use super::{
    ends_right_before, possessive_end, skip_ws, skip_ws_back, starts_capital, Builder, Context,
    Hits,
};
use crate::extract::MentionKind;
use crate::lexicon::{ActorKind, Hit, NameKind, Words};
use crate::text::{floor_boundary, run_start};

/// A mention of a gazetteer name, once read: the actor's entry, where the mention starts (before
/// the name's hit for a long form of a person's name), its kind and whether it names a place.
struct NameMention {
    entry: usize,
    start: usize,
    kind: MentionKind,
    locative: bool,
}

/// Mentions of the gazetteer's names, but for those `inside` the name of a new organisation
/// ("Chad" in "the Front for Change and Concord in Chad (FACT)").
pub(super) fn mention_names(cx: &Context, inside: &[(usize, usize)], b: &mut Builder) {
    let mut known = activated_people(cx);
    known.extend(named_entries(cx));
    for (n, hit) in cx.names.iter().enumerate() {
        if inside
            .iter()
            .any(|name| name.0 <= hit.start && hit.end <= name.1)
        {
            continue;
        }
        let Some(m) = read_name(cx, &known, n, hit) else {
            continue;
        };
        let actor = b.actor_for_entry(m.entry);
        b.mention(m.start, hit.end, actor, m.kind, m.locative);
        if let Some((start, end, entry)) = elided_name(cx, m.start, hit.end) {
            let other = b.actor_for_entry(entry);
            b.mention(start, end, other, MentionKind::Name, m.locative);
        }
    }
}

/// "North and South Korea", "East and West Germany": the word before "and" that, with the
/// rest of the name after it, names another state or organisation of the gazetteer. Its span and
/// entry.
fn elided_name(cx: &Context, start: usize, end: usize) -> Option<(usize, usize, usize)> {
    let (t, lexicon) = (cx.t, cx.lexicon);
    let name = &t[start..end];
    let (_, rest) = name.split_once(' ')?;
    let before = t[..start].strip_suffix(" and ")?;
    let word_start = run_start(before, char::is_alphabetic);
    let word = &before[word_start..];
    if !starts_capital(word) || Words::get().not_name.contains(&word) {
        return None;
    }
    let whole = format!("{word} {rest}");
    let hit = lexicon.names.find(&whole).into_iter().next()?;
    if hit.start != 0 || hit.end != whole.len() {
        return None;
    }
    let &(entry, _) = lexicon.names.values(&hit).iter().find(|(e, k)| {
        matches!(k, NameKind::Label | NameKind::AltLabel)
            && lexicon.actors[*e].kind != ActorKind::Person
    })?;
    Some((word_start, word_start + word.len(), entry))
}

/// Whether a title or an honorific ("President", "Mr.") stands right before `start`.
fn titled_before(cx: &Context, start: usize) -> bool {
    let (t, h) = (cx.t, &cx.h);
    ends_right_before(&h.titles, t, start).is_some()
        || ends_right_before(&h.honorifics, t, start).is_some()
        || t[..skip_ws_back(t, start)].ends_with('.')
            && ends_right_before(&h.honorifics, t, skip_ws_back(t, start) - 1).is_some()
}

/// Whether a regnal title (`words/regnal-titles.txt`) that the known person's `label` does not
/// hold stands right before `start`: "King Hussein" is named by his given name, so the word
/// after the title is no surname of Fuad Hussein (but "King Abdullah" may be King Abdullah II).
fn after_regnal_title(t: &str, start: usize, label: &str) -> bool {
    t[..start].strip_suffix(' ').is_some_and(|before| {
        let word = &before[run_start(before, char::is_alphabetic)..];
        Words::get()
            .regnal_titles
            .contains(word.to_lowercase().as_str())
            && !label.split(' ').any(|w| w.eq_ignore_ascii_case(word))
    })
}

/// The gazetteer's people the text names: by their name, or by their surname after a title or
/// in a long form of their name, where the surname is no part of someone else's name.
fn activated_people(cx: &Context) -> BTreeSet<usize> {
    let (t, lexicon) = (cx.t, cx.lexicon);
    let titled = |start: usize| titled_before(cx, start);
    let mut activated: BTreeSet<usize> = BTreeSet::new();
    // People whose surname the text gives to someone else, checked once per person.
    let mut shared_surname: HashMap<usize, bool> = HashMap::new();
    let mut other_bearer_of = |entry: usize, hit: &Hit| {
        *shared_surname.entry(entry).or_insert_with(|| {
            other_bearer(t, hit, &lexicon.actors[entry].label, &cx.h)
                || bearer_of_another_state(cx, hit, entry)
        })
    };
    for hit in &cx.names {
        for &(entry, kind) in lexicon.names.values(hit) {
            let person = lexicon.actors[entry].kind == ActorKind::Person;
            if person
                && !activated.contains(&entry)
                && (matches!(kind, NameKind::Label | NameKind::AltLabel)
                    || (kind == NameKind::Surname
                        && (titled(hit.start)
                            || long_form_start(
                                t,
                                hit.start,
                                &lexicon.actors[entry].label,
                                titled,
                            )
                            .is_some())
                        && !after_regnal_title(t, hit.start, &lexicon.actors[entry].label)
                        && !inside_longer_name(t, hit.start, hit.end)
                        && !before_other_name(t, hit.end, &lexicon.actors[entry].label)
                        && !other_bearer_of(entry, hit)))
            {
                activated.insert(entry);
            }
        }
    }
    activated
}

/// The states and organisations the text names by a name of their own (label, alternative
/// label or demonym), not only by a metonym.
fn named_entries(cx: &Context) -> BTreeSet<usize> {
    cx.names
        .iter()
        .flat_map(|hit| cx.lexicon.names.values(hit))
        .filter(|(e, k)| {
            matches!(k, NameKind::Label | NameKind::AltLabel | NameKind::Demonym)
                && cx.lexicon.actors[*e].kind != ActorKind::Person
        })
        .map(|&(e, _)| e)
        .collect()
}

/// The mention the `n`th gazetteer name makes, if any: the entry it names (a surname only of an
/// activated person; a metonym several entries share, the one the text names: both are in
/// `known`), where the mention starts and of which kind it is.
fn read_name(cx: &Context, known: &BTreeSet<usize>, n: usize, hit: &Hit) -> Option<NameMention> {
    let (t, lexicon, h) = (cx.t, cx.lexicon, &cx.h);
    let values = lexicon.names.values(hit);
    // "Moscow" is the Soviet Union's where the text names the Soviet Union, else Russia's: a
    // name several entries share is the one's the text names otherwise, else the first's.
    let &(entry, kind) = values
        .iter()
        .find(|(e, k)| *k == NameKind::Metonym && values.len() > 1 && known.contains(e))
        .or_else(|| {
            values
                .iter()
                .find(|(e, k)| *k != NameKind::Surname || known.contains(e))
        })
        .or_else(|| values.first())?;
    // "in Doha", "to the White House": a place. "from" and "of" make a place of a capital
    // ("pulled its team from Doha") but not of a state ("mediators from Qatar"), nor after the
    // noun of a message (`words/message-nouns.txt`: "a message from Moscow").
    let locative = ends_right_before(&h.locatives, t, hit.start).is_some_and(|l| {
        let source = matches!(
            t[l.start..l.end].to_lowercase().as_str(),
            "from" | "of" | "through" | "via"
        );
        let noun = t[..l.start].trim_end();
        let noun = &noun[run_start(noun, char::is_alphabetic)..];
        let sent = Words::get()
            .message_nouns
            .iter()
            .any(|w| w.eq_ignore_ascii_case(noun));
        !source || kind == NameKind::Metonym && !sent
    });
    // "The Swiss, who hosted", "the British refused": a state's people, whose plural is its
    // demonym, for its side.
    let people = kind == NameKind::Demonym
        && lexicon.actors[entry].kind == ActorKind::State
        && people_named(t, hit);
    if !people && no_mention(cx, known, n, hit, entry, kind) {
        return None;
    }
    // "Majed bin Mohammed Al-Ansari" for Majed al-Ansari: the whole long form is the name.
    let long_start = (kind == NameKind::Surname)
        .then(|| {
            long_form_start(t, hit.start, &lexicon.actors[entry].label, |start| {
                titled_before(cx, start)
            })
        })
        .flatten();
    let kind = if long_start.is_some() {
        NameKind::Label
    } else {
        kind
    };
    // The people's mention takes in its "the".
    let hit_start = if people {
        hit.start - "the ".len()
    } else {
        long_start.unwrap_or(hit.start)
    };
    let mk = match kind {
        _ if people => MentionKind::People,
        NameKind::Label | NameKind::AltLabel => MentionKind::Name,
        NameKind::Demonym => MentionKind::Demonym,
        NameKind::Metonym => MentionKind::Metonym,
        NameKind::Surname => MentionKind::Surname,
    };
    // "in Doha" is a place; so is "in Brussels", the seat of an organisation.
    let locative = cx.in_dateline(hit.start)
        || locative
            && (lexicon.actors[entry].kind == ActorKind::State || mk == MentionKind::Metonym)
            && mk != MentionKind::Demonym;
    Some(NameMention {
        entry,
        start: hit_start,
        kind: mk,
        locative,
    })
}

/// Whether the demonym `hit` names a state's people: one whose plural is the demonym itself
/// ("Swiss", "British", "French", "Chinese"), after "the", and followed by a stop, a comma, an
/// auxiliary or a verb in the past tense rather than by a noun ("the British refused", not "the
/// British proposal").
fn people_named(t: &str, hit: &Hit) -> bool {
    let d = &t[hit.start..hit.end];
    let plural = d.ends_with("sh") || d.ends_with("ch") || d.ends_with("ss") || d.ends_with("ese");
    let after_the = t[..hit.start]
        .strip_suffix("the ")
        .or_else(|| t[..hit.start].strip_suffix("The "))
        .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()));
    let rest = &t[hit.end..];
    let word = rest
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let stop = rest.starts_with([',', '.', ';', ':']);
    let verb = !word.is_empty()
        && word.starts_with(char::is_lowercase)
        && (word.ends_with("ed") || Words::get().auxiliaries.contains(&word));
    plural && after_the && (stop || verb)
}

/// Where a capitalised head of bodies right after an organisation's name ending at `end` ends:
/// "the United Nations Command", "the Arab League Council" name another body than the
/// organisation (`words/body-heads.txt`; the names stage makes it one).
pub(super) fn body_after(t: &str, end: usize) -> Option<usize> {
    let rest = t[end..].strip_prefix(' ')?;
    let len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    Words::get()
        .body_heads
        .contains(&&rest[..len])
        .then_some(end + 1 + len)
}

/// Whether the `n`th gazetteer name, read as `kind` of `entry`, is no mention: a surname of a
/// person not activated or inside a longer name, a state's adjective before no agent noun, an
/// organisation's name after a qualifier of bodies or after a capitalised word and "and" that no
/// name holds, a capital opening another name.
fn no_mention(
    cx: &Context,
    activated: &BTreeSet<usize>,
    n: usize,
    hit: &Hit,
    entry: usize,
    kind: NameKind,
) -> bool {
    let (t, lexicon) = (cx.t, cx.lexicon);
    let next_name_start = cx.names.get(n + 1).map(|x| x.start);
    match kind {
        NameKind::Surname => {
            !activated.contains(&entry)
                || after_regnal_title(t, hit.start, &lexicon.actors[entry].label)
                || inside_longer_name(t, hit.start, hit.end)
                || before_other_name(t, hit.end, &lexicon.actors[entry].label)
        }
        NameKind::Demonym => !agent_follows(t, hit.end, &cx.h, next_name_start, &cx.names),
        // "the National Security Council" is no Security Council: a qualifier of bodies
        // before an organisation's name makes another body of it.
        // "the African Union's Peace and Security Council": a capitalised word and "and" before
        // it make a longer name of it too.
        NameKind::Label | NameKind::AltLabel => {
            let before = t[..hit.start].strip_suffix(' ');
            let word_before = before.and_then(|b| b.rsplit(' ').next());
            // ("Hamas and Islamic Jihad": not when that word is a name of its own)
            let joined = before
                .and_then(|b| b.strip_suffix(" and"))
                .and_then(|b| {
                    let w = b.rsplit(char::is_whitespace).next()?;
                    Some((b.len() - w.len(), w))
                })
                .is_some_and(|(at, w)| {
                    starts_capital(w)
                        && !Words::get().not_name.contains(&w)
                        && !cx.names[..n].iter().any(|x| x.start <= at && at < x.end)
                });
            // "Charles de Gaulle airport": a person's name before a thing's noun names the thing
            let thing = super::new_names::names_a_thing(&t[hit.start..hit.end], &t[hit.end..]);
            // "New England", "New Guinea", "New Mexico": a longer place's name
            let new_place =
                lexicon.actors[entry].kind == ActorKind::State && word_before == Some("New");
            new_place
                || (lexicon.actors[entry].kind == ActorKind::Person && thing)
                || lexicon.actors[entry].kind == ActorKind::Organization
                    && (word_before.is_some_and(|w| Words::get().body_qualifiers.contains(&w))
                        || joined
                        || body_after(t, hit.end).is_some())
        }
        NameKind::Metonym => {
            let after = skip_ws(t, hit.end);
            after == hit.end + 1
                && starts_capital(&t[after..])
                && possessive_end(t, hit.end).is_none()
        }
    }
}

/// Whether the text gives the surname of a known person to someone else: "President Raúl
/// Castro" makes "President Castro" no mention of Xiomara Castro. Another capitalised given name
/// right before the surname, which is no title or honorific, names the other bearer.
fn other_bearer(t: &str, hit: &Hit, label: &str, h: &Hits) -> bool {
    let surname = &t[hit.start..hit.end];
    let own: Vec<&str> = label.split([' ', '-']).collect();
    t.match_indices(surname).any(|(p, _)| {
        let end = p + surname.len();
        if t[end..].starts_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        let Some(before) = t[..p].strip_suffix(' ') else {
            return false;
        };
        let word_start = run_start(before, char::is_alphabetic);
        let word = &before[word_start..];
        // "Mohammed bin Abdulaziz bin Saleh Al-Khulaifi": a long form of the label's own name.
        let run = &t[floor_boundary(t, p.saturating_sub(60))..p];
        let run = run
            .rsplit([',', '.', ';', ':', '(', '"', '“'])
            .next()
            .unwrap_or(run);
        let long_form = own.first().is_some_and(|g| run.split(' ').any(|w| w == *g));
        !long_form
            && word.chars().count() >= 2
            && starts_capital(word)
            && !own.contains(&word)
            && !Words::get().not_name.contains(&word)
            && !h.titled(word_start, word_start + 1)
    })
}

/// Whether the text gives the surname of a known person, who holds posts of states, to someone
/// of another state: "King Abdullah of Saudi Arabia" is not Jordan's King Abdullah II.
fn bearer_of_another_state(cx: &Context, hit: &Hit, entry: usize) -> bool {
    let (t, lexicon) = (cx.t, cx.lexicon);
    let states: Vec<&str> = lexicon.actors[entry]
        .posts
        .iter()
        .filter_map(|p| p.organization)
        .filter(|&o| lexicon.actors[o].kind == ActorKind::State)
        .map(|o| lexicon.actors[o].iri.as_str())
        .collect();
    if states.is_empty() {
        return false;
    }
    let surname = &t[hit.start..hit.end];
    t.match_indices(surname).any(|(p, _)| {
        let of = p + surname.len() + " of ".len();
        if !t[p + surname.len()..].starts_with(" of ") {
            return false;
        }
        cx.names.iter().filter(|n| n.start == of).any(|n| {
            lexicon.names.values(n).iter().any(|&(e, k)| {
                k != NameKind::Surname
                    && lexicon.actors[e].kind == ActorKind::State
                    && !states.contains(&lexicon.actors[e].iri.as_str())
            })
        })
    })
}

/// Where a long form of a person's name starts that ends with the surname at `start`: the
/// person's first name followed by middle names and particles ("Majed bin Mohammed Al-Ansari"
/// for Majed al-Ansari, "Mohammed bin Abdulaziz bin Saleh Al-Khulaifi" for Mohammed
/// Al-Khulaifi). The first name must open the run of capitalised words and particles.
fn long_form_start(
    t: &str,
    start: usize,
    label: &str,
    titled: impl Fn(usize) -> bool,
) -> Option<usize> {
    let first = label.split_whitespace().next()?;
    let mut pos = start;
    for _ in 0..5 {
        let before = t[..pos].strip_suffix(' ')?;
        let word_start = before
            .rfind(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
            .map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[word_start..];
        let name_word = word.starts_with(char::is_uppercase)
            || Words::get()
                .name_particles
                .contains(&word.to_lowercase().as_str());
        if word.is_empty() || !name_word {
            return None;
        }
        if word == first && pos != start {
            // The run must not go on before the first name ("Amina Mohammed" is not "Mohammed").
            let prev = t[..word_start].strip_suffix(' ');
            let more = !titled(word_start)
                && prev.and_then(|p| p.rsplit(' ').next()).is_some_and(|w| {
                    w.starts_with(char::is_uppercase) && !w.ends_with('.')
                        || Words::get()
                            .name_particles
                            .contains(&w.to_lowercase().as_str())
                });
            return (!more).then_some(word_start);
        }
        pos = word_start;
    }
    None
}

/// Whether a surname is the first word of another person's name: "Mahamat Mahdi Ali" is not
/// Moussa Faki Mahamat, "Kim Hyok Chol" not Kim Jong Un, "Mr Martin McGuinness" not Micheál
/// Martin. The next word is capitalised, not in capitals only, and no word of the known
/// person's name nor one that is no name (a day, a month: "Witkoff Monday").
fn before_other_name(t: &str, end: usize, label: &str) -> bool {
    let Some(next) = t[end..]
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next())
    else {
        return false;
    };
    next.len() >= 2
        && next.starts_with(char::is_uppercase)
        && next.chars().any(char::is_lowercase)
        && !Words::get().not_name.contains(&next)
        && (!label.split([' ', '-']).any(|w| w == next) || diverges(t, end, label, next))
}

/// "Kim Jong Il" after "Kim" of Kim Jong Un: the words after the surname follow the known
/// person's name from `next` on, then part from it at a capitalised word of their own.
fn diverges(t: &str, end: usize, label: &str, next: &str) -> bool {
    let known: Vec<&str> = label.split([' ', '-']).skip_while(|w| *w != next).collect();
    let read: Vec<&str> = t[end..]
        .split_whitespace()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .take(known.len())
        .collect();
    known.iter().zip(&read).any(|(k, r)| {
        k != r && r.starts_with(char::is_uppercase) && !Words::get().not_name.contains(r)
    })
}

/// A surname that is one word of a longer name is no reference to the person it belongs to:
/// "Sheikh Mohammed bin Abdulrahman" and "Majed bin Mohammed Al-Ansari" name someone else than
/// Amina Mohammed. The word is inside a longer name when a name particle stands right before or
/// after it, or a hyphen joins it to the capitalised word after it ("President Jean-Bertrand
/// Aristide" names no one called Jean).
pub(super) fn inside_longer_name(t: &str, start: usize, end: usize) -> bool {
    let joined = t[end..]
        .strip_prefix('-')
        .is_some_and(|a| a.starts_with(char::is_uppercase));
    if joined {
        return true;
    }
    let particle = |w: &str| {
        Words::get()
            .name_particles
            .contains(&w.to_lowercase().as_str())
    };
    let before = &t[..start];
    let prev = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic()).next());
    let after = &t[end..];
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next());
    prev.is_some_and(particle)
        || next.is_some_and(|n| particle(n) && after[1 + n.len()..].starts_with([' ', '-']))
}

/// Whether an agent noun follows a state adjective at `end`: "Qatari officials", "Israeli and
/// Hamas officials", "Egyptian-brokered", "Qatari Prime Minister".
fn agent_follows(t: &str, end: usize, h: &Hits, _next: Option<usize>, names: &[Hit]) -> bool {
    let mut p = end;
    for _ in 0..3 {
        if t[p..].starts_with('-') {
            p += 1;
            return h
                .agent_heads
                .iter()
                .any(|a| a.start == p || a.start + 1 == p);
        }
        p = skip_ws(t, p);
        if h.agent_heads.iter().chain(&h.titles).any(|a| a.start == p) {
            return true;
        }
        // Coordination: "Israeli and American officials", "Israeli, Egyptian and Qatari mediators".
        let rest = &t[p..];
        let skip = if rest.starts_with("and ") {
            4
        } else if rest.starts_with(", ") {
            2
        } else if rest.starts_with(',') {
            1
        } else {
            0
        };
        if skip > 0 {
            let q = skip_ws(t, p + skip);
            if let Some(n) = names.iter().find(|n| n.start == q) {
                p = n.end;
                continue;
            }
            return false;
        }
        // One modifier between: "Israeli security officials".
        let word_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if word_end == 0
            || rest[..word_end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            return false;
        }
        p += word_end;
    }
    false
}
