//! Titles and posts: a title attached to the person it names ("Prime Minister Benjamin
//! Netanyahu", "Atong Lual is the deputy spokeswoman", "Israel's finance minister, Bezalel
//! Smotrich", "Steve Witkoff, the president's special envoy"), with the state or organisation of
//! the post, or a title that refers to someone ("the prime minister", "Trump's Middle East
//! envoy"), resolved to the person who holds it.

use super::{possessive_end, skip_ws, skip_ws_back, Builder, Context, Hits};
use crate::extract::syntax::tagger::Tagger;
use crate::extract::{Mention, MentionKind, TitleUse};
use crate::lexicon::{ActorKind, Hit, NameKind, Words};
use crate::text::{after_char, floor_boundary, Sentence};

/// The uses of titles in the text; each person's titles are added to the person, and the title
/// references are resolved.
pub(super) fn find(cx: &Context, b: &mut Builder) -> Vec<TitleUse> {
    let mut titles: Vec<TitleUse> = Vec::new();
    for k in 0..cx.h.titles.len() {
        read_title(cx, b, k, &mut titles);
    }
    for tu in &titles {
        if let Some(p) = tu.person {
            if !b.actors[p].titles.contains(&tu.title) {
                b.actors[p].titles.push(tu.title.clone());
            }
        }
    }
    resolve_title_references(b, &mut titles);
    titles
}

/// The use of the `k`th title hit, if it has one: attached to a name, or a reference to resolve.
fn read_title(cx: &Context, b: &mut Builder, k: usize, titles: &mut Vec<TitleUse>) {
    let (t, h) = (cx.t, &cx.h);
    let th = &h.titles[k];
    if cx.in_credit(th.start) {
        return;
    }
    // "Personal Envoy of the Secretary-General", "Adviser to the President": the second
    // title says whose the first one is, and is no post of the person named.
    if k > 0 && title_of_title(t, h.titles[k - 1].end, th.start) {
        return;
    }
    // A capitalised title inside a name ("Capitol Hill") or a lower-case word that only looks
    // like one is kept only in the shapes below.
    let title = t[th.start..th.end]
        .to_lowercase()
        .trim_end_matches('.')
        .to_string();
    let sentence = &cx.text.sentences[cx.text.sentence_of(th.start)];
    if let Some(tu) = title_in_name(cx, b, th, &title, sentence) {
        titles.push(tu);
        return;
    }
    if respective_titles(cx.t, b, th, &title, sentence, titles) {
        return;
    }
    if title_before_name(cx, b, th, &title, sentence, titles) {
        return;
    }
    if let Some(tu) = title_of_person_named(cx, b, th, &title, sentence) {
        titles.push(tu);
        return;
    }
    if let Some(tu) = title_reference(cx, b, th, title) {
        titles.push(tu);
    }
}

/// "Crown Prince Mohammed bin Salman", "King Salman": a title that opens a person's name as the
/// gazetteer or the text has it; the title is the person's, with an adjective or possessive
/// before it as its organisation ("Saudi Crown Prince ...").
fn title_in_name(
    cx: &Context,
    b: &Builder,
    th: &Hit,
    title: &str,
    sentence: &Sentence,
) -> Option<TitleUse> {
    let m = b.mentions.iter().find(|m| {
        m.start == th.start
            && m.end > th.end
            && m.kind == MentionKind::Name
            && b.actors[m.actor].kind == ActorKind::Person
    })?;
    Some(title_of_name_after(
        cx.t,
        b,
        th,
        title,
        sentence,
        m,
        "title-in-name",
    ))
}

/// The use of a title the person `m` holds whose name starts at or after the title: the noun
/// phrase starts at a determiner, possessive or adjective before the title ("Saudi Crown Prince
/// ...", "Israel's Prime Minister Benjamin Netanyahu"), which gives the organisation.
fn title_of_name_after(
    t: &str,
    b: &Builder,
    th: &Hit,
    title: &str,
    sentence: &Sentence,
    m: &Mention,
    rule: &'static str,
) -> TitleUse {
    let np_start = np_start_before(t, th.start, sentence.start, &b.mentions);
    TitleUse {
        start: th.start,
        end: th.end,
        title: title.to_string(),
        person: Some(m.actor),
        organization: org_in(b, np_start, (th.start, th.end), th.end, m.start, m.actor)
            .or_else(|| whose_owner(t, b, np_start, sentence.start)),
        np: Some((np_start, th.end)),
        rule,
    }
}

/// "the International Committee of the Red Cross, whose president Cornelio Sommaruga": the
/// state or organisation named right before ", whose" that opens the title's noun phrase.
fn whose_owner(t: &str, b: &Builder, np_start: usize, sentence_start: usize) -> Option<usize> {
    let before = t[sentence_start..np_start]
        .trim_end()
        .strip_suffix("whose")?;
    let end = sentence_start + before.trim_end_matches([' ', ',']).len();
    b.mentions
        .iter()
        .find(|m| m.end == end && !m.possessive && b.actors[m.actor].kind != ActorKind::Person)
        .map(|m| m.actor)
}

/// "the foreign ministers of Indonesia and Portugal, Ali Alatas and Jaime Gama", "France and
/// Indonesia, whose foreign ministers, Roland Dumas and Ali Alatas": a plural title between a
/// list of states or organisations and a list of as many people gives each person the post of
/// the one in the same place. Whether it gave any.
fn respective_titles(
    t: &str,
    b: &Builder,
    th: &Hit,
    title: &str,
    sentence: &Sentence,
    titles: &mut Vec<TitleUse>,
) -> bool {
    let last = title.rsplit(' ').next().unwrap_or(title);
    if !Words::get().plural_title_words.contains(&last) {
        return false;
    }
    let body = |m: &Mention| b.actors[m.actor].kind != ActorKind::Person && !m.possessive;
    let person = |m: &Mention| b.actors[m.actor].kind == ActorKind::Person;
    // The bodies: "of A and B" after the title, or "A and B, whose" before it.
    let (bodies, people_from) = match t[th.end..sentence.end].strip_prefix(" of ") {
        Some(_) => {
            let (bodies, end) = listed(t, b, th.end + 4, sentence.end, &body);
            let skip = t[end..sentence.end].find(',').map_or(end, |c| end + c + 1);
            (bodies, skip)
        }
        None => {
            let before = t[..th.start].trim_end();
            let Some(list_end) = before.strip_suffix(", whose").map(str::len) else {
                return false;
            };
            let bodies = listed_before(t, b, list_end, sentence.start, &body);
            let after = &t[th.end..sentence.end];
            if !after.starts_with(',') {
                return false;
            }
            (bodies, th.end + 1)
        }
    };
    let (people, _) = listed(t, b, skip_ws(t, people_from), sentence.end, &person);
    if bodies.len() < 2 || bodies.len() != people.len() {
        return false;
    }
    let pairs = people.iter().zip(&bodies).map(|(&(p, _), &(o, _))| (p, o));
    let singular = singular_title(title);
    for (person, organization) in pairs {
        titles.push(TitleUse {
            start: th.start,
            end: th.end,
            title: singular.clone(),
            person: Some(person),
            organization: Some(organization),
            np: None,
            rule: "respective-titles",
        });
    }
    true
}

/// The words that join the members of a list of names ("A, B and C").
const LIST_JOINS: [&str; 3] = [", and ", " and ", ", "];

/// The title one person of a plural title holds: "foreign ministers" -> "foreign minister",
/// "secretaries" -> "secretary".
fn singular_title(title: &str) -> String {
    match title.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => title.strip_suffix('s').unwrap_or(title).to_string(),
    }
}

/// The actors of a list of mentions that `fits` starting at `from` ("Indonesia and Portugal",
/// "A, B and C", after a "the"), each with the end of its mention, and where the list ends.
fn listed(
    t: &str,
    b: &Builder,
    from: usize,
    limit: usize,
    fits: &dyn Fn(&Mention) -> bool,
) -> (Vec<(usize, usize)>, usize) {
    let mut out = Vec::new();
    let mut at = from;
    loop {
        let at_word = t[at..limit].strip_prefix("the ").map_or(at, |_| at + 4);
        let Some(m) = b
            .mentions
            .iter()
            .find(|m| (m.start == at || m.start == at_word) && m.end <= limit && fits(m))
        else {
            break;
        };
        out.push((m.actor, m.end));
        let end = m.end;
        let rest = &t[end..limit];
        let sep = LIST_JOINS.iter().find(|s| rest.starts_with(**s));
        match sep {
            Some(s) => at = end + s.len(),
            None => return (out, end),
        }
    }
    let end = out.last().map_or(from, |&(_, e)| e);
    (out, end)
}

/// The actors of a list of mentions that `fits` ending at `end` ("France and Indonesia" before
/// ", whose"), in their order in the text.
fn listed_before(
    t: &str,
    b: &Builder,
    end: usize,
    limit: usize,
    fits: &dyn Fn(&Mention) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = end;
    while let Some(m) = b
        .mentions
        .iter()
        .find(|m| m.end == at && m.start >= limit && fits(m))
    {
        out.push((m.actor, m.end));
        let before = &t[limit..m.start];
        let sep = LIST_JOINS.iter().find(|s| before.ends_with(**s));
        match sep {
            Some(s) => at = m.start - s.len(),
            None => break,
        }
    }
    out.reverse();
    out
}

/// "Prime Minister Benjamin Netanyahu": the title of the person named right after it, and
/// "Prime Ministers Narendra Modi and Shehbaz Sharif", "the foreign ministers, Mevlut Cavusoglu
/// of Turkey and Sergei Lavrov of Russia": of each of the people listed. Whether the title is
/// followed by a person.
fn title_before_name(
    cx: &Context,
    b: &Builder,
    th: &Hit,
    title: &str,
    sentence: &Sentence,
    titles: &mut Vec<TitleUse>,
) -> bool {
    let (t, h) = (cx.t, &cx.h);
    // "the two prime ministers, Keir Starmer and Narendra Modi": a plural title and a comma.
    let plural_comma = title.ends_with('s') && t[th.end..].starts_with(", ");
    let person_after = {
        let mut p = skip_ws(t, if plural_comma { th.end + 1 } else { th.end });
        // "Prime Minister Sheikh Mohammed ..."
        if let Some(hon) = h.honorifics.iter().find(|x| x.start == p) {
            p = skip_ws(t, hon.end);
        }
        b.mentions
            .iter()
            .find(|m| m.start == p && b.actors[m.actor].kind == ActorKind::Person)
    };
    // "Henry Kissinger, Secretary of State\nJoseph Sisco, ...": a name on the next line of a
    // list is not the title's.
    let Some(m) = person_after.filter(|m| !t[th.end..m.start].contains('\n')) else {
        return false;
    };
    titles.push(title_of_name_after(
        t,
        b,
        th,
        title,
        sentence,
        m,
        "title-before-name",
    ));
    if title.ends_with('s') {
        titles_of_people_listed(t, b, th, &singular_title(title), m, titles);
    }
    true
}

/// "Prime Ministers Narendra Modi and Shehbaz Sharif": each of the people listed;
/// "Presidents Paul Kagame of Rwanda and Yoweri Museveni of Uganda": each of the
/// state after the name. The title of the first person, the last of `titles`, becomes singular.
fn titles_of_people_listed(
    t: &str,
    b: &Builder,
    th: &Hit,
    singular: &str,
    m: &Mention,
    titles: &mut Vec<TitleUse>,
) {
    let of_after = |end: usize| {
        let rest = t[end..].strip_prefix(" of ")?;
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let at = t.len() - rest.len();
        b.mentions
            .iter()
            .find(|x| x.start == at && b.actors[x.actor].kind != ActorKind::Person)
            .map(|x| (x.actor, x.end))
    };
    let last = titles.len() - 1;
    titles[last].title = singular.to_string();
    let mut prev_end = m.end;
    if let Some((o, e)) = of_after(m.end) {
        titles[last].organization = Some(o);
        prev_end = e;
    }
    while let Some(n) = b.mentions.iter().find(|n| {
        n.start > prev_end
            && matches!(t[prev_end..n.start].trim(), "and" | "," | ", and")
            && b.actors[n.actor].kind == ActorKind::Person
    }) {
        let of = of_after(n.end);
        titles.push(TitleUse {
            start: th.start,
            end: th.end,
            title: singular.to_string(),
            person: Some(n.actor),
            organization: of.map(|(o, _)| o),
            np: None,
            rule: "title-before-names",
        });
        prev_end = of.map_or(n.end, |(_, e)| e);
    }
}

/// The title of a person named before it with a copula, or around it with a comma: "Atong Lual
/// is the deputy spokeswoman", "Israel's finance minister, Bezalel Smotrich", "Steve Witkoff, the
/// president's special envoy".
fn title_of_person_named(
    cx: &Context,
    b: &Builder,
    th: &Hit,
    title: &str,
    sentence: &Sentence,
) -> Option<TitleUse> {
    let (t, h) = (cx.t, &cx.h);
    let title_use = |m: &Mention, np_start: usize, np_end: usize, rule: &'static str| TitleUse {
        start: th.start,
        end: th.end,
        title: title.to_string(),
        person: Some(m.actor),
        organization: org_in(b, np_start, (th.start, th.end), np_end, m.start, m.actor),
        np: Some((np_start, np_end)),
        rule,
    };
    // "Atong Lual is the deputy spokeswoman of the alliance": the person before the copula.
    let copular_owner = b
        .mentions
        .iter()
        .rev()
        .skip_while(|m| m.end >= th.start)
        .take_while(|m| m.start >= sentence.start)
        .find(|m| {
            b.actors[m.actor].kind == ActorKind::Person
                && copular_title(t, m.end, sentence.end, h).is_some_and(|x| x.start == th.start)
        });
    if let Some(m) = copular_owner {
        // The title's phrase goes on over its "of", "for" or "by" ("is the president of Somalia",
        // "was named special envoy by Prime Minister Abiy Ahmed of Ethiopia"),
        // not over what the clause says next ("became prime minister in 2022 and met ...").
        let goes_on = [" of ", " for ", " by "]
            .iter()
            .any(|w| t[th.end..].starts_with(w));
        let np_end = if goes_on {
            t[th.end..sentence.end]
                .find([',', '.', ';'])
                .map_or(sentence.end, |p| th.end + p)
        } else {
            th.end
        };
        return Some(title_use(m, th.start, np_end, "copula"));
    }
    // "Steve Witkoff, the president's special envoy" / "X, Iran's foreign minister".
    if possessive_end(t, th.end).is_some() {
        return None;
    }
    // "Israel's finance minister, Bezalel Smotrich" (before the apposition test, which
    // would take "X met Israel's finance minister, Y" for an apposition of X).
    if let Some((m, np_start, np_end)) = comma_owner(t, (th.start, th.end), sentence.end, h, b) {
        return Some(title_use(m, np_start, np_end, "title-comma-name"));
    }
    apposition_owner(t, th.start, th.end, sentence.start, sentence.end, b)
        .map(|(m, np_start, np_end)| title_use(m, np_start, np_end, "apposition"))
}

/// "the prime minister", "the president's", "Trump's Middle East envoy", "the Ethiopian prime
/// minister": a title that refers to someone, to resolve later; with its possessor or the state
/// of its adjective as organisation.
fn title_reference(cx: &Context, b: &mut Builder, th: &Hit, title: String) -> Option<TitleUse> {
    let t = cx.t;
    let before = skip_ws_back(t, th.start);
    // Only the last few bytes: lower-casing the whole prefix made this quadratic.
    let determiner = t[floor_boundary(t, before.saturating_sub(8))..before].to_lowercase();
    let possessor = b.mentions.iter().rev().find(|m| {
        m.possessive && possessive_end(t, m.end).is_some_and(|e| skip_ws(t, e) == th.start)
    });
    // "The representative of Egypt called for ...": an unnamed post of a state or
    // organisation named after it; that actor speaks, not someone else with the title.
    let of_actor = {
        let rest = &t[th.end..];
        let rest = rest
            .strip_prefix(" of the ")
            .or_else(|| rest.strip_prefix(" of "));
        rest.is_some_and(|r| {
            let at = t.len() - r.len();
            b.mentions
                .iter()
                .any(|m| m.start == at && b.actors[m.actor].kind != ActorKind::Person)
        })
    };
    if possessor.is_none() && of_actor {
        return None;
    }
    if possessor.is_none() {
        // "the Ethiopian prime minister": a reference to the post of the demonym's state.
        if let Some((n, entry)) = demonym_of_state(cx, before) {
            let state = b.actor_for_entry(entry);
            return Some(TitleUse {
                start: n.start,
                end: th.end,
                title,
                person: None,
                organization: Some(state),
                np: None,
                rule: "title-reference",
            });
        }
    }
    (determiner.ends_with("the") && !determiner.ends_with("other") || possessor.is_some()).then(
        || TitleUse {
            start: possessor.map_or(before.saturating_sub(3), |m| m.start),
            end: th.end,
            title,
            person: None,
            organization: possessor.map(|m| m.actor),
            np: None,
            rule: "title-reference",
        },
    )
}

/// A state's adjective after "the" ending at `before`, and the state's entry: "the Ethiopian".
fn demonym_of_state(cx: &Context, before: usize) -> Option<(Hit, usize)> {
    let (t, lexicon) = (cx.t, cx.lexicon);
    let state_demonym = |&(e, k): &(usize, NameKind)| {
        k == NameKind::Demonym && lexicon.actors[e].kind == ActorKind::State
    };
    let demonym = cx.names.iter().find(|n| {
        n.end == before
            && (t[..n.start].ends_with("the ") || t[..n.start].ends_with("The "))
            && lexicon.names.values(n).iter().any(state_demonym)
    })?;
    let entry = lexicon
        .names
        .values(demonym)
        .iter()
        .find(|x| state_demonym(x))
        .map(|&(e, _)| e)?;
    Some((*demonym, entry))
}

/// The title that is the predicate of a name ending at `end`: a copula, then perhaps a few
/// lower-case words ("senior", "deputy"), then the title.
pub(super) fn copular_title(t: &str, end: usize, limit: usize, h: &Hits) -> Option<Hit> {
    let rest = &t[end..limit];
    let copula = Words::get()
        .copulas
        .iter()
        .find(|c| rest.starts_with(**c))?;
    let from = end + copula.len();
    h.titles
        .iter()
        .filter(|x| x.start >= from && x.start <= from + 25 && x.end <= limit)
        .find(|x| {
            t[from..x.start]
                .split_whitespace()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        })
        .copied()
}

/// ", the president's special envoy" after a name: the title that ends the apposition.
pub(super) fn apposition_title(t: &str, end: usize, limit: usize, h: &Hits) -> Option<Hit> {
    let rest = &t[end..limit];
    if !rest.starts_with(',') {
        return None;
    }
    h.titles
        .iter()
        .filter(|x| x.start > end && x.start < end + 60 && x.end <= limit)
        .filter(|x| !breaks_apposition(&t[end + 1..x.start]))
        // "the shore of Lake Prespa, the foreign ministers of ...": many people's title.
        .filter(|x| {
            !t[x.start..x.end].rsplit(' ').next().is_some_and(|w| {
                Words::get()
                    .plural_title_words
                    .contains(&w.to_lowercase().as_str())
            })
        })
        // "Sinn Féin, led by its president": the title is someone else's.
        .filter(|x| {
            !t[end + 1..x.start]
                .split_whitespace()
                .any(|w| matches!(w, "by" | "with" | "whose" | "under" | "against"))
        })
        .find(|x| possessive_end(t, x.end).is_none() && !modifies_noun(t, x.end))
        .copied()
}

/// Whether a one-word name ending at `end` has a present post in an apposition that the title
/// ends ("Talleyrand, the French foreign minister,"; not "Faki, the former Chadian prime
/// minister,", nor "Sirte, a fact every minister ...").
pub(super) fn titled_in_apposition(t: &str, end: usize, h: &Hits) -> bool {
    t[end..].starts_with(", the ")
        && apposition_title(t, end, t.len(), h).is_some_and(|x| {
            t[x.end..].starts_with([',', '.'])
                && !t[end..x.start].split_whitespace().any(|w| w == "former")
        })
}

/// Whether the words between a name's comma and a title end the apposition: a comma, a
/// semicolon, a quote, a bracket, or a full stop but the stops of an abbreviation ("the U.S.
/// special envoy").
fn breaks_apposition(between: &str) -> bool {
    between.contains([',', ';', '“', '"', '('])
        || between
            .split_whitespace()
            .any(|w| w.contains('.') && !is_abbreviation(w))
}

/// Whether `w` is an abbreviation of capitals and stops ("U.S.", "U.N.").
fn is_abbreviation(w: &str) -> bool {
    w.len() >= 2
        && w.ends_with('.')
        && w.split('.')
            .all(|p| p.is_empty() || (p.chars().count() == 1 && p.starts_with(char::is_uppercase)))
}

/// Whether the title ending at `end` is an adjective before a noun ("Anwar's official
/// residence", "the president's office"): a lower-case word follows that no post is followed by.
fn modifies_noun(t: &str, end: usize) -> bool {
    let Some(rest) = t[end..].strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.starts_with(char::is_lowercase) && !Words::get().title_followers.contains(&word)
}

/// "Jordan's foreign minister, " before a name.
pub(super) fn comma_title_before(t: &str, start: usize, limit: usize, h: &Hits) -> Option<Hit> {
    let p = skip_ws_back(t, start);
    if p == 0 || !t[..p].ends_with(',') {
        return None;
    }
    let comma = p - 1;
    h.titles
        .iter()
        .rev()
        .filter(|x| x.end <= comma && x.start >= limit && x.start + 90 >= comma)
        .find(|x| {
            let between = t[x.end..comma].trim();
            between.is_empty()
                || (between.starts_with("for ")
                    || between.starts_with("of ")
                    || between.starts_with("at "))
                    && !between.contains([',', '.', ';'])
        })
        .copied()
}

/// The person named just before an apposition that holds this title, and the apposition's span.
fn apposition_owner<'b>(
    t: &str,
    ts: usize,
    te: usize,
    sent_start: usize,
    sent_end: usize,
    b: &'b Builder,
) -> Option<(&'b Mention, usize, usize)> {
    let comma = t[sent_start..ts].rfind(',')? + sent_start;
    if ts - comma > 60 || breaks_apposition(&t[comma + 1..ts]) {
        return None;
    }
    // "X, an adviser to Oman's foreign minister", "X, Aide to the President of ...", "X, by
    // order of the President": the title after a preposition is another's, not X's.
    let between = format!(" {} ", &t[comma + 1..ts]);
    if [" to ", " by ", " of ", " from ", " for "]
        .iter()
        .any(|p| between.contains(p))
        || verb_after_apposition(t, sent_start, comma, ts)
        || (opens_with_article(&t[comma + 1..ts]) && verb_after_title(t, sent_start, te, sent_end))
    {
        return None;
    }
    // "elected Abdiqasim Salad Hassan, a former minister under Siad Barre, as president": after
    // an apposition, "as" and a title say the post of the person the apposition is about.
    let person_before = |comma: usize| {
        let before = skip_ws_back(t, comma);
        b.mentions
            .iter()
            .find(|m| m.end == before && b.actors[m.actor].kind == ActorKind::Person)
    };
    let about = (t[comma + 1..ts].trim() == "as")
        .then(|| t[sent_start..comma].rfind(','))
        .flatten()
        .and_then(|p| person_before(p + sent_start));
    let m = about.or_else(|| person_before(comma))?;
    let np_end = t[te..sent_end]
        .find([',', '.', ';'])
        .map_or(sent_end, |p| te + p);
    Some((m, comma + 1, np_end))
}

/// Whether the comma at `comma` closes an apposition set off by commas and a verb follows it
/// ("The leader of the group, Buck McKeon, accused the Prime Minister"): the title after is the
/// clause's object, no apposition of the name. A name opening the sentence is not set off so
/// ("Tony Blair, elected British prime minister", "Ariel Sharon, appointed foreign minister").
/// The words from the sentence's start are tagged, for their context.
fn verb_after_apposition(t: &str, sent_start: usize, comma: usize, ts: usize) -> bool {
    if !t[sent_start..comma].contains(',') {
        return false;
    }
    Tagger::builtin()
        .tagged_words(t, sent_start, ts)
        .into_iter()
        .find(|&((s, _), _)| s > comma)
        .is_some_and(|(_, tag)| tag.is_finite_verb())
}

/// Whether a phrase opens with an article ("the 69-year-old British prime minister"), not a
/// relative word ("which the president accepted").
fn opens_with_article(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or_default();
    ["the", "a", "an"]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(first))
}

/// Whether a finite verb follows the title right away ("to meet the German leader, Adolf Hitler,
/// the British prime minister had hardly ever flown"): the phrase is the subject of a clause of
/// its own, no apposition of the name before it.
fn verb_after_title(t: &str, sent_start: usize, te: usize, sent_end: usize) -> bool {
    let end = floor_boundary(t, (te + 40).min(sent_end));
    Tagger::builtin()
        .tagged_words(t, sent_start, end)
        .into_iter()
        .find(|&((s, _), _)| s >= te)
        .is_some_and(|((s, _), tag)| tag.is_finite_verb() && t[te..s].chars().all(|c| c == ' '))
}

/// The person named just after "title, ": "Israel's finance minister, Bezalel Smotrich".
fn comma_owner<'b>(
    t: &str,
    (ts, te): (usize, usize),
    sent_end: usize,
    h: &Hits,
    b: &'b Builder,
) -> Option<(&'b Mention, usize, usize)> {
    let comma = t[te..sent_end].find(',')? + te;
    let between = t[te..comma].trim();
    if !(between.is_empty()
        || (between.starts_with("for ") || between.starts_with("of ")) && between.len() < 60)
    {
        return None;
    }
    let after = skip_ws(t, comma + 1);
    let person_at = |at: usize| {
        b.mentions.iter().find(move |m| {
            m.start == at
                && b.actors[m.actor].kind == ActorKind::Person
                && m.kind == MentionKind::Name
        })
    };
    // "the junta's spokesman, Major General Zaw Min Tun", "Kuwait's foreign minister, Sheikh
    // Ahmad ...": a rank or an honorific between the comma and the name.
    let m = person_at(after).or_else(|| {
        let before_name = h
            .titles
            .iter()
            .chain(&h.honorifics)
            .find(|x| x.start == after)?;
        person_at(skip_ws(t, before_name.end))
    })?;
    // "the U.S. ambassador, Ryan Crocker": the stops of an abbreviation do not end the phrase.
    let mut stop = t[..ts].rfind([',', '.', ';', '“', '"']);
    while let Some(p) = stop.filter(|&p| t[p..].starts_with('.')) {
        let word_start = t[..p].rfind(' ').map_or(0, |w| w + 1);
        if !is_abbreviation(&t[word_start..after_char(t, p)]) {
            break;
        }
        stop = t[..word_start].rfind([',', '.', ';', '“', '"']);
    }
    let np_start = stop
        .map_or(0, |p| after_char(t, p))
        .max(floor_boundary(t, ts.saturating_sub(60)));
    Some((m, np_start, comma))
}

/// Where the noun phrase ending in a title starts: back over a possessive or adjective mention.
fn np_start_before(t: &str, ts: usize, sent_start: usize, mentions: &[Mention]) -> usize {
    let mut before = skip_ws_back(t, ts);
    // "Kenya's former president", "Israel's then-defense minister".
    for adjective in &Words::get().title_adjectives {
        let tail = &t[floor_boundary(t, before.saturating_sub(12))..before];
        if tail.len() >= adjective.len()
            && tail.is_char_boundary(tail.len() - adjective.len())
            && tail[tail.len() - adjective.len()..].eq_ignore_ascii_case(adjective)
        {
            let p = before - adjective.len();
            if t[..p].ends_with(char::is_whitespace) || adjective.ends_with('-') {
                before = skip_ws_back(t, p);
                break;
            }
        }
    }
    mentions
        .iter()
        .rev()
        .find(|m| {
            m.start >= sent_start && (possessive_end(t, m.end) == Some(before) || m.end == before)
        })
        .map_or(ts, |m| m.start)
}

/// Whether the words between two titles join the second to the first as its owner ("Envoy of
/// the Secretary-General", "Adviser to the Prime Minister"; not "adviser to President Trump",
/// where the second title is Trump's).
fn title_of_title(t: &str, first_end: usize, second_start: usize) -> bool {
    first_end <= second_start
        && matches!(
            t[first_end..second_start].trim().to_lowercase().as_str(),
            "of the" | "to the"
        )
}

/// The state or organisation a title belongs to, from the noun phrase around it: an adjective or
/// possessive before the title ("Israel's", "Qatari"), "of X" or "for the X ministry" after it.
/// A person possessor ("the president's envoy") is returned as is, for the caller to map.
fn org_in(
    b: &Builder,
    np_start: usize,
    title: (usize, usize),
    np_end: usize,
    person_start: usize,
    person: usize,
) -> Option<usize> {
    org_among(
        b.text,
        &b.mentions,
        (np_start, np_end),
        title,
        person_start,
        person,
    )
}

/// [`org_in`] over any sorted mentions of the text: the names stage's, or with the reference
/// stage's pronouns and descriptions ("his spokesman", "a spokesman for the rebels").
pub(crate) fn org_among(
    t: &str,
    mentions: &[Mention],
    (np_start, np_end): (usize, usize),
    (ts, te): (usize, usize),
    person_start: usize,
    person: usize,
) -> Option<usize> {
    // Titles of posts sent to a place or body: an actor after "for", "to", "in" or "at" is
    // where they are sent ("Special Envoy for Libya", "ambassador to the UN", "Ambassador in
    // Paris"), not whom they serve.
    let title = t[ts..te].to_lowercase();
    let posted = [
        "envoy",
        "ambassador",
        "representative",
        "coordinator",
        "commissioner",
    ]
    .iter()
    .any(|h| title.contains(h));
    let sent = |m: &Mention| {
        if !posted {
            return false;
        }
        let before = t[floor_boundary(t, m.start.saturating_sub(8))..m.start].to_lowercase();
        let before = before.trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        [" for", " to", " in", " at"]
            .iter()
            .any(|p| before.ends_with(p))
    };
    let in_span = |m: &&Mention| m.actor != person && m.start != person_start && !sent(m);
    let before = mentions
        .iter()
        .filter(|m| m.start >= np_start && m.end <= ts)
        .rfind(in_span);
    let after = mentions
        .iter()
        .filter(|m| m.start >= ts && m.end <= np_end)
        .find(in_span);
    // "The Norwegian Government thanks the Prime Minister of Barbados, ...": the state "of" the
    // title names comes before anything said before it.
    let of_title = after.filter(|m| t.get(te..m.start).is_some_and(|w| w.trim() == "of"));
    // "chief executive of Britain's Vodafone AirTouch": the name a possessive opens.
    let owned = |m: &Mention| {
        let next = possessive_end(t, m.end).map(|e| skip_ws(t, e))?;
        mentions
            .iter()
            .find(|n| n.start == next && n.end <= np_end && in_span(n))
            .map(|n| n.actor)
    };
    let owned_or = |m: &Mention| owned(m).unwrap_or(m.actor);
    of_title
        .map(owned_or)
        .or(before.map(|m| m.actor))
        .or(after.map(owned_or))
}

/// Gives each title reference ("the prime minister") the person it means: the nearest person
/// before it (else after it) who holds a title with the same head word, other than its possessor.
fn resolve_title_references(b: &mut Builder, titles: &mut [TitleUse]) {
    let known: Vec<(usize, Vec<String>)> = b
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Person)
        .map(|(i, a)| {
            let mut all = a.titles.clone();
            if let Some(e) = a.entry {
                all.extend(b.lexicon.actors[e].posts.iter().map(|p| p.title.clone()));
            }
            (i, all)
        })
        .collect();
    let mut added = Vec::new();
    for tu in titles.iter_mut().filter(|t| t.person.is_none()) {
        let holders = holders(b, &known, tu);
        if holders.is_empty() {
            continue;
        }
        let before = b
            .mentions
            .iter()
            .rev()
            .find(|m| m.end <= tu.start && holders.contains(&m.actor));
        let after = b
            .mentions
            .iter()
            .find(|m| m.start >= tu.end && holders.contains(&m.actor));
        if let Some(m) = before.or(after) {
            let actor = m.actor;
            // A possessor that is a person gives no organisation by itself.
            if tu
                .organization
                .is_some_and(|o| b.actors[o].kind == ActorKind::Person)
            {
                tu.organization = None;
            }
            tu.person = Some(actor);
            added.push((tu.start, tu.end, actor));
        }
    }
    mention_title_references(b, added);
}

/// The people of `known` (each with the titles they hold) whom a title reference may mean.
fn holders(b: &Builder, known: &[(usize, Vec<String>)], tu: &TitleUse) -> Vec<usize> {
    // The same title, else a longer one ending in it ("the envoy" -> "special envoy");
    // "the prime minister" never means a foreign minister, nor "the president" one of the
    // gazetteer's former presidents.
    let suffix = format!(" {}", tu.title);
    let former = |x: &str| x.starts_with("former ") && !tu.title.starts_with("former ");
    let pick = |fits: &dyn Fn(&str) -> bool| -> Vec<usize> {
        known
            .iter()
            .filter(|(i, ts)| Some(*i) != tu.organization && ts.iter().any(|x| fits(x)))
            .map(|(i, _)| *i)
            .collect()
    };
    let mut holders = pick(&|x: &str| x == tu.title);
    if holders.is_empty() {
        holders = pick(&|x: &str| x.ends_with(&suffix) && !former(x));
    }
    // "Greece's foreign minister" is not a foreign minister the gazetteer knows of another
    // state.
    if let Some(o) = tu
        .organization
        .filter(|&o| b.actors[o].kind != ActorKind::Person)
    {
        let iri = &b.actors[o].iri;
        let lexicon = b.lexicon;
        holders.retain(|&h| {
            b.actors[h].entry.is_none_or(|e| {
                let posts = &lexicon.actors[e].posts;
                posts.iter().all(|p| p.organization.is_none())
                    || posts
                        .iter()
                        .filter_map(|p| p.organization)
                        .any(|x| &lexicon.actors[x].iri == iri)
            })
        });
    }
    holders
}

/// Mentions of the people the title references resolved to mean (`start`, `end`, actor): over
/// the title, after its possessor.
fn mention_title_references(b: &mut Builder, added: Vec<(usize, usize, usize)>) {
    for (start, end, actor) in added {
        if !b.covered(start, end)
            || b.mentions
                .iter()
                .any(|m| m.start >= start && m.end <= end && m.possessive)
        {
            let start = b
                .mentions
                .iter()
                .find(|m| m.start >= start && m.end <= end && m.possessive)
                .and_then(|m| possessive_end(b.text, m.end))
                .map_or(start, |e| skip_ws(b.text, e));
            b.mention(start, end, actor, MentionKind::Title, false);
        }
    }
    b.sort_mentions();
}

/// "King Hussein", "Emir Tamim": a person the text names by one name and gives a regnal title
/// (`words/regnal-titles.txt`) is also named with the title before the name.
pub(super) fn regnal_names(b: &mut Builder) {
    let regnal = &Words::get().regnal_titles;
    for a in b.actors.iter_mut() {
        if a.kind != ActorKind::Person || a.entry.is_some() || a.label.contains(' ') {
            continue;
        }
        if let Some(title) = a.titles.iter().find(|t| regnal.contains(t.as_str())) {
            let mut named = title.clone();
            named[..1].make_ascii_uppercase();
            named.push(' ');
            named.push_str(&a.label);
            a.found_as.insert(named);
        }
    }
}
