//! Posts people hold: each title attached to a person ("Prime Minister Benjamin Netanyahu",
//! "Abbas Araghchi, Iran's foreign minister", "Jordan's foreign minister, Lina Haddad"), with the
//! state or organisation the text gives it; where the text gives none, the one of the gazetteer's
//! post of that title; where the possessor is a person ("the president's special envoy"), that
//! person's state or organisation.

use super::actors::{org_among, possessive_end, Found};
use super::{Evidence, MentionKind, Position, TitleUse};
use crate::extract::syntax::lemmas::Lemmatizer;
use crate::extract::syntax::tagger::Tagger;
use crate::extract::syntax::Tag;
use crate::lexicon::{ActorKind, Lexicon, Words};
use crate::text::{Sentence, Text};

fn head(title: &str) -> &str {
    title.split_whitespace().last().unwrap_or(title)
}

/// The state or organisation a person serves, from the gazetteer or this document's titles.
fn org_of_person(
    found: &Found,
    lexicon: &Lexicon,
    person: usize,
    title: Option<&str>,
    depth: u8,
) -> Option<usize> {
    let actor = &found.actors[person];
    if let Some(e) = actor.entry {
        let posts = &lexicon.actors[e].posts;
        // The organisation of a post the text names: "Chancellor Helmut Kohl" in an article on
        // West Germany is West Germany's chancellor, in one on Germany Germany's.
        let named = |p: &&crate::lexicon::Post| {
            p.organization.and_then(|org| {
                let iri = &lexicon.actors[org].iri;
                found.actors.iter().position(|a| &a.iri == iri)
            })
        };
        let matching: Vec<&crate::lexicon::Post> = match title {
            Some(t) => posts
                .iter()
                .filter(|p| p.title == t)
                .chain(posts.iter().filter(|p| head(&p.title) == head(t)))
                .collect(),
            None => posts.first().into_iter().collect(),
        };
        if matching.iter().any(|p| p.organization.is_some()) {
            return matching.iter().find_map(named);
        }
    }
    if depth == 0 {
        return None;
    }
    found
        .titles
        .iter()
        .filter(|t| t.person == Some(person))
        .filter_map(|t| t.organization)
        .find_map(|o| match found.actors[o].kind {
            ActorKind::Person => org_of_person(found, lexicon, o, None, depth - 1),
            _ => Some(o),
        })
}

/// Titles of posts that belong to a state's government ("president", "defence minister"; the
/// words of `words/state-posts.txt`).
fn is_state_post(title: &str) -> bool {
    Words::get()
        .state_posts
        .iter()
        .any(|h| title == *h || title.strip_suffix(*h).is_some_and(|r| r.ends_with(' ')))
        // "minister of foreign affairs", "minister of state".
        || title.starts_with("minister of ")
}

/// The state or organisation this document gives the same person under another use of a title
/// ("Prime Minister of Barbados, Mia Mottley ... Prime Minister Mottley"): the same title first.
fn same_person_org(found: &Found, person: usize, title: &str) -> Option<usize> {
    let explicit = |t: &&super::TitleUse| {
        t.person == Some(person)
            && t.organization
                .is_some_and(|o| found.actors[o].kind != ActorKind::Person)
    };
    // "Union Minister U Aung Min, Vice-Chairman of the ... Committee": a state's post is not
    // held in the body of another title.
    let fits = |t: &&super::TitleUse| {
        !is_state_post(title)
            || t.organization
                .is_some_and(|o| found.actors[o].kind == ActorKind::State)
    };
    found
        .titles
        .iter()
        .filter(explicit)
        .find(|t| t.title == title)
        .or_else(|| found.titles.iter().filter(explicit).find(fits))
        .and_then(|t| t.organization)
}

/// Whether `m` names a state, not as a place nor by its people (the Swiss team of "the Swiss
/// scored early" says nothing of whose president is named after).
fn is_state_mention(found: &Found, m: &super::Mention) -> bool {
    !m.locative
        && m.kind != super::MentionKind::People
        && found.actors[m.actor].kind == ActorKind::State
}

/// The state the document names most, other than `taken`; the first among equals.
fn most_named_state(found: &Found, taken: &[usize]) -> Option<usize> {
    let mut counts: Vec<usize> = vec![0; found.actors.len()];
    for m in found
        .mentions
        .iter()
        .filter(|m| is_state_mention(found, m) && !taken.contains(&m.actor))
    {
        counts[m.actor] += 1;
    }
    let best = counts.iter().copied().max().filter(|&c| c > 0)?;
    counts.iter().position(|&c| c == best)
}

/// For a person the gazetteer does not know, holding a government post the text gives no state
/// for: the state an opening "In Kigali," names, else the state of the post of the person the
/// title follows after "and", else the state named nearest in the sentence,
/// the one state of the sentence before, a state named as a place before the title in its
/// sentence, or the state the document names most; never a state whose same post the document
/// gives someone else, nor one given another person of the same plural title, nor one the
/// title's clause addresses.
fn context_state(
    text: &Text,
    lexicon: &Lexicon,
    found: &Found,
    tu: &TitleUse,
    given: &[Position],
) -> Option<usize> {
    let at = tu.start;
    let i = text.sentence_of(at);
    let s = &text.sentences[i];
    let mut taken = taken_states(text, found, tu);
    // "the two prime ministers, Keir Starmer and Narendra Modi": each of the people of one
    // plural title holds the post of another state.
    taken.extend(
        given
            .iter()
            .filter(|p| p.evidence.start == tu.start && Some(p.holder) != tu.person)
            .map(|p| p.organization),
    );
    taken.extend((0..found.actors.len()).filter(|&a| !has_title(lexicon, found, a, &tu.title)));
    taken.extend(not_holders(lexicon, found, &tu.title));
    taken.extend(addressed_states(text, found, tu, s));
    let free_state = |m: &super::Mention| is_state_mention(found, m) && !taken.contains(&m.actor);
    // "President Anwar Sadat of Egypt and Prime Minister Menachem Begin of Israel arrive ... as
    // guests of President Jimmy Carter": a state the sentence gives another person's post is
    // that person's, not the nearest state of this one.
    let mut others = states_given_others(text, found, tu, s);
    others.extend(counterparts(text, found, s));
    let near_state = |m: &super::Mention| free_state(m) && !others.contains(&m.actor);
    let main = most_named_state(found, &taken);
    // "What about South Korea? President Moon Jae-in had ...": else the one state the sentence
    // before names.
    let before = || {
        let p = &text.sentences[i.checked_sub(1)?];
        let mut states = found
            .mentions_in(p.start, p.end)
            .filter(|m| free_state(m))
            .map(|m| m.actor);
        let first = states.next()?;
        states.all(|a| a == first).then_some(first)
    };
    // "In Kigali, Foreign Minister Richard Sezibera ...": the capital that opens the sentence
    // says whose minister speaks there.
    let t = text.text;
    let opening = found.mentions_in(s.start, s.end).next().filter(|m| {
        found.actors[m.actor].kind == ActorKind::State
            && !taken.contains(&m.actor)
            && matches!(t[s.start..m.start].trim(), "In" | "From")
            && t[m.end..].starts_with(',')
    });
    opening
        .map(|m| m.actor)
        .or_else(|| coordinated_post(text, found, tu, given).filter(|a| !taken.contains(a)))
        .or_else(|| {
            found
                .mentions_in(s.start, s.end)
                .filter(|m| near_state(m))
                .min_by_key(|m| m.start.abs_diff(at))
                .map(|m| m.actor)
        })
        .or_else(before)
        // "Officials in Zambia told us that President Chiluba ...": a state named only as a
        // place before the title in its sentence sets the scene, before the one the document
        // names most (not one after it: "... who took over when Taylor flew to Nigeria").
        .or_else(|| {
            found
                .mentions_in(s.start, at)
                .filter(|m| m.locative && found.actors[m.actor].kind == ActorKind::State)
                .filter(|m| !taken.contains(&m.actor))
                .last()
                .map(|m| m.actor)
        })
        .or(main)
}

/// Whether state `a` can hold `title`. The gazetteer gives every state's head of state and
/// government and most of their foreign ministers: a head's title (`words/head-titles.txt`) is
/// not of a state whose people the gazetteer gives a head's or foreign minister's title but not
/// this one (no prime minister of the United States, no president of Japan or of the Holy See);
/// a foreign minister's title (`words/foreign-minister-titles.txt`) is not of a state whose
/// foreign minister it gives another title (no foreign minister of the United States). Any other
/// title, or a state the gazetteer gives no such post (one of the past), can.
fn has_title(lexicon: &Lexicon, found: &Found, a: usize, title: &str) -> bool {
    if found.actors[a].kind != ActorKind::State {
        return true;
    }
    let Some(titles) = found.actors[a]
        .entry
        .and_then(|e| lexicon.state_titles.get(&e))
    else {
        return true;
    };
    let w = Words::get();
    let (heads, foreign) = (&w.head_titles, &w.foreign_minister_titles);
    let any_of = |office: &[&str]| office.iter().any(|t| titles.contains(*t));
    if heads.contains(&title) {
        titles.contains(title) || !(any_of(heads) || any_of(foreign))
    } else if foreign.contains(&title) {
        titles.contains(title) || !any_of(foreign)
    } else {
        true
    }
}

/// "the Foreign Secretary, Robin Cook" in an article on Libya and Britain, "Secretary of State
/// Hillary Clinton" in one on Israel, Gaza and the United States: a title of a post only some
/// states have (`words/national-titles.txt`), when the gazetteer's people of some of the
/// article's states hold it, is not of the other states.
fn not_holders(lexicon: &Lexicon, found: &Found, title: &str) -> Vec<usize> {
    if !Words::get().national_titles.contains(&title) {
        return Vec::new();
    }
    let states = || (0..found.actors.len()).filter(|&a| found.actors[a].kind == ActorKind::State);
    let holds = |a: usize| {
        found.actors[a]
            .entry
            .and_then(|e| lexicon.state_titles.get(&e))
            .is_some_and(|titles| titles.contains(title))
    };
    if !states().any(holds) {
        return Vec::new();
    }
    states().filter(|&a| !holds(a)).collect()
}

/// For a leader's title, the states sentence `s` gives to the leaders' posts of people other
/// than the holder of `tu` (a president beside another state's prime minister), by the title
/// itself or an "of" after the name. A minister beside his own prime minister keeps their state.
fn states_given_others(
    text: &Text,
    found: &Found,
    tu: &TitleUse,
    s: &crate::text::Sentence,
) -> Vec<usize> {
    let leader = |title: &str| Words::get().leader_titles.contains(&title);
    if !leader(&tu.title) {
        return Vec::new();
    }
    found
        .titles
        .iter()
        .filter(|o| o.start >= s.start && o.end <= s.end && leader(&o.title))
        .filter(|o| o.person.is_some() && o.person != tu.person)
        .filter_map(|o| {
            o.organization
                .or_else(|| of_after_name(text, found, o.end, o.person?))
        })
        .filter(|&o| found.actors[o].kind == ActorKind::State)
        .collect()
}

/// "Prime Minister Ito Hirobumi and Foreign Minister Mutsu Munemitsu", "UAW President Shawn Fain
/// and Vice President Chuck Browning": a title joined by "and" to a titled person the text gives
/// a post is a post of the same state or body.
fn coordinated_post(
    text: &Text,
    found: &Found,
    tu: &TitleUse,
    given: &[Position],
) -> Option<usize> {
    // "..., the finance minister, Michael Wilson, and the trade minister, Pat Carney": an
    // article before the title, and a comma before "and", may stand in the list.
    let t = text.text;
    let head = t[..tu.start]
        .strip_suffix("the ")
        .or_else(|| t[..tu.start].strip_suffix("The "))
        .unwrap_or(&t[..tu.start]);
    let before = head
        .strip_suffix(", and ")
        .or_else(|| head.strip_suffix(" and "))?;
    let end = before.len();
    let sentence = &text.sentences[text.sentence_of(tu.start)];
    let person = found
        .mentions_in(sentence.start, end)
        .find(|m| m.end == end && found.actors[m.actor].kind == ActorKind::Person)?;
    // Both titled ("Thatcher and Premier Zhao Ziyang" are the two sides).
    let titled = found.titles.iter().any(|o| {
        o.person == Some(person.actor)
            && o.end <= person.start
            && matches!(text.text[o.end..person.start].trim(), "" | ",")
    });
    if !titled {
        return None;
    }
    given
        .iter()
        .rev()
        .find(|p| p.holder == person.actor)
        .map(|p| p.organization)
}

/// "President Kennedy told the Soviet Union ...", "President Idi Amin, who has cast himself as
/// a mediator, has ... urged Israel to accept", "President Eisenhower invited the governments of
/// Argentina, Australia ...": a state that a verb of the titled person's own predicate addresses
/// (`words/addressing-verbs.txt`), named right after it or its article, or in the list after
/// "of" that follows a noun there, is another's, not the state of the titled person's post.
fn addressed_states(text: &Text, found: &Found, tu: &TitleUse, s: &Sentence) -> Vec<usize> {
    let t = text.text;
    let words = Tagger::builtin().tagged_words(t, tu.end, s.end);
    let w = Words::get();
    let lower = |i: usize| t[words[i].0 .0..words[i].0 .1].to_lowercase();
    let mut out = Vec::new();
    for (v, first_verb) in predicate_verbs(text, found, tu, s, &words) {
        let ((a, b), tag) = words[v];
        let lemma = Lemmatizer::builtin().lemma_of(&t[a..b], tag);
        if !w.addressing_verbs.contains(&lemma.as_str()) {
            continue;
        }
        let mut next = v + 1 + usize::from(words.get(v + 1).is_some_and(|w| w.1 == Tag::DT));
        // "invited the governments of Argentina, Australia, Belgium ...": the list after "of"
        let listed = words.get(next).is_some_and(|x| x.1.is_common_noun())
            && next + 1 < words.len()
            && lower(next + 1) == "of";
        if listed {
            next += 2;
        }
        let Some(&((at, _), _)) = words.get(next) else {
            continue;
        };
        let first: Vec<usize> = found
            .mentions_in(at, at + 1)
            .filter(|m| m.start == at && !m.possessive && is_state_mention(found, m))
            // "flew in and told the American team": past the first verb, a demonym before a
            // noun may be the person's own side ("accused the Icelandic authorities", at the
            // first, is not)
            .filter(|m| first_verb || m.kind != MentionKind::Demonym)
            .map(|m| m.actor)
            .collect();
        if listed && !first.is_empty() {
            out.extend(list_of_states(text, found, at, s.end));
        }
        out.extend(first);
    }
    out
}

/// The verbs of the titled person's own predicate among `words` (the words after the title),
/// each with whether it is the first: past auxiliaries and a relative clause on the person ("who
/// has cast himself as a mediator, has visited ... and has urged"), up to a word that opens
/// someone else's clause (`words/predicate-ends.txt`: "that", "but", a later "who") or a verb
/// right after another actor's name.
fn predicate_verbs(
    text: &Text,
    found: &Found,
    tu: &TitleUse,
    s: &Sentence,
    words: &[((usize, usize), Tag)],
) -> Vec<(usize, bool)> {
    let t = text.text;
    let w = Words::get();
    let lower = |i: usize| t[words[i].0 .0..words[i].0 .1].to_lowercase();
    // whether word `i` is part of a mention of the titled person (`true`) or of another actor
    let mentions = |i: usize, person: bool| {
        let (a, b) = words[i].0;
        found
            .mentions_in(s.start, b)
            .filter(|m| m.start <= a && m.end >= b)
            .any(|m| (Some(m.actor) == tu.person) == person)
    };
    let mut out = Vec::new();
    for (v, &(_, tag)) in words.iter().enumerate() {
        let word = lower(v);
        if w.predicate_ends.contains(&word.as_str())
            && !(word == "who" && v > 0 && mentions(v - 1, true))
        {
            break;
        }
        if !tag.is_verb() || w.auxiliaries.contains(word.as_str()) {
            continue;
        }
        let subject = (0..v)
            .rev()
            .find(|&i| !(w.auxiliaries.contains(lower(i).as_str()) || words[i].1.is_adverb()));
        if subject.is_some_and(|i| mentions(i, false)) {
            break;
        }
        out.push((v, out.is_empty()));
    }
    out
}

/// The states a list from byte `at` names one after another, joined by commas, "and" and "the"
/// ("Argentina, Australia, Belgium, Chile and the Union of South Africa").
fn list_of_states(text: &Text, found: &Found, at: usize, end: usize) -> Vec<usize> {
    let t = text.text;
    let mut out = Vec::new();
    let mut from = at;
    for m in found.mentions_in(at, end) {
        let gap = t[from..m.start].trim_matches(|c: char| c == ',' || c.is_whitespace());
        let gap = gap.strip_prefix("and").unwrap_or(gap).trim();
        let gap = gap.strip_prefix("the").unwrap_or(gap).trim();
        if !gap.is_empty() || !is_state_mention(found, m) {
            break;
        }
        out.push(m.actor);
        from = m.end;
    }
    out
}

/// "Finance Minister Michael Sarris spent three days in Moscow ...: his Russian counterpart said":
/// the state of a counterpart is another's.
fn counterparts(text: &Text, found: &Found, s: &crate::text::Sentence) -> Vec<usize> {
    let t = text.text;
    found
        .mentions_in(s.start, s.end)
        .filter(|m| found.actors[m.actor].kind == ActorKind::State)
        .filter(|m| {
            let after = &t[m.end..s.end];
            let after = after.strip_prefix("'s").unwrap_or(after);
            after.starts_with(" counterpart")
        })
        .map(|m| m.actor)
        .collect()
}

/// The states a post given no state cannot be of: those whose same post the document gives
/// someone else ("President Anwar Sadat of Egypt ... as guests of President Jimmy Carter": not
/// Egypt's president), by the title itself, an "of" after the name, or another post of that
/// person's that names its state ("Iceland's head of state, President Vigdis Finnbogadottir").
fn taken_states(text: &Text, found: &Found, tu: &TitleUse) -> Vec<usize> {
    found
        .titles
        .iter()
        .filter(|o| o.person.is_some() && o.person != tu.person && o.title == tu.title)
        .filter_map(|o| {
            let person = o.person?;
            o.organization
                .or_else(|| of_after_name(text, found, o.end, person))
                .or_else(|| same_person_org(found, person, &o.title))
        })
        .filter(|&o| found.actors[o].kind == ActorKind::State)
        .collect()
}

/// "President Slobodan Milosevic of Serbia": the state or organisation an "of" phrase right after
/// the titled person's name gives, where the title itself names none.
fn of_after_name(text: &Text, found: &Found, title_end: usize, person: usize) -> Option<usize> {
    let t = text.text;
    let name = found
        .mentions_in(title_end, t.len())
        .next()
        .filter(|m| m.actor == person && t[title_end..m.start].trim().is_empty())?;
    let rest = t[name.end..].strip_prefix(" of ")?;
    let from = t.len() - rest.len();
    let from = from + rest.strip_prefix("the ").map_or(0, |_| 4);
    found
        .mentions_in(from, from + 1)
        .find(|m| {
            m.start == from
                && !m.possessive
                && matches!(
                    found.actors[m.actor].kind,
                    ActorKind::State | ActorKind::Organization
                )
        })
        .map(|m| m.actor)
}

/// Whether a mention is the possessor of the title at `title_start`: "his spokesman", "the
/// bloc's foreign policy chief", "the rebels' chief negotiator", with at most three lower-case
/// words between ("his foreign ministry spokesman").
fn possesses(t: &str, m: &super::Mention, title_start: usize) -> bool {
    // "his" ends where it possesses; "the bloc's" after its marker.
    let end = possessive_end(t, m.end).unwrap_or(m.end);
    m.possessive
        && end <= title_start
        && t.get(end..title_start).is_some_and(|between| {
            let words: Vec<&str> = between.split_whitespace().collect();
            words.len() <= 3
                && words
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        })
}

/// Whether "his" or "her" stands right before `start` ("sent his chief of staff").
fn after_his_or_her(t: &str, start: usize) -> bool {
    let before = t[..start].trim_end();
    before.ends_with(" his") || before.ends_with(" her")
}

/// "Mulroney sent his chief of staff, Derek Burney": the state or organisation of the post read
/// for the person named last before "his" or "her" in the sentence, outside a relative clause.
fn his_owner(text: &Text, found: &Found, tu: &TitleUse, given: &[Position]) -> Option<usize> {
    let t = text.text;
    if !after_his_or_her(t, tu.start) {
        return None;
    }
    let s = &text.sentences[text.sentence_of(tu.start)];
    // "Lula, who had spoken to Mr Maduro, sent his special adviser": not someone named in a
    // relative clause set off by commas.
    let relatives: Vec<(usize, usize)> = t[s.start..tu.start]
        .match_indices(", who")
        .map(|(i, _)| {
            let from = s.start + i + 1;
            let to = t[from..tu.start].find(',').map_or(tu.start, |c| from + c);
            (from, to)
        })
        .collect();
    let owner = found
        .mentions_in(s.start, tu.start)
        .filter(|m| {
            m.end < tu.start
                && !relatives.iter().any(|&(a, b)| a <= m.start && m.end <= b)
                && m.kind != super::MentionKind::Pronoun
                && found.actors[m.actor].kind == ActorKind::Person
                && Some(m.actor) != tu.person
        })
        .last()?;
    given
        .iter()
        .rev()
        .find(|p| p.holder == owner.actor)
        .map(|p| p.organization)
}

/// "Sinn Féin, led by its president, Gerry Adams": the organisation or state "its" or "their"
/// before a title stands for, the last one named before it in the sentence.
///
/// "Its delegation head, Kabineh Ja'neh, said ...": "Its" opening the sentence stands for the
/// state or organisation the sentence before names first, its subject (past sentences that open
/// with "Its" too).
fn its_owner(text: &Text, found: &Found, title_start: usize) -> Option<usize> {
    let t = text.text;
    let before = t[..title_start].trim_end();
    let i = text.sentence_of(title_start);
    let s = &text.sentences[i];
    let agent = |m: &&super::Mention| {
        !m.locative
            && matches!(
                found.actors[m.actor].kind,
                ActorKind::State | ActorKind::Organization
            )
    };
    if before.ends_with(" its") || before.ends_with(" their") {
        return found
            .mentions_in(s.start, title_start)
            .filter(|m| m.end < title_start)
            .filter(agent)
            .last()
            .map(|m| m.actor);
    }
    let opening = t[s.start..title_start].trim();
    if !matches!(opening, "Its" | "Their") || i == 0 {
        return None;
    }
    // "India held out. Its government had passed a law, and it feared that WTO rules ... Its
    // commerce minister, Anand Sharma, ...": past sentences that open with "Its" too, to the
    // one that names what they all refer to.
    let opens_its = |p: &crate::text::Sentence| {
        let head = t[p.start..p.end].trim_start();
        head.starts_with("Its ") || head.starts_with("Their ")
    };
    let mut k = i - 1;
    while k > 0 && i - k < 4 && opens_its(&text.sentences[k]) {
        k -= 1;
    }
    let p = &text.sentences[k];
    found
        .mentions_in(p.start, p.end)
        .find(agent)
        .map(|m| m.actor)
}

/// "his spokesman, Esmaeil Baghaei", "a spokesman for the rebels": the actor a pronoun or a
/// description the reference stage resolved in the title's noun phrase stands for, as its
/// possessor before the title or right after its "for" or "of"; not a description further on
/// ("an official who worked in the country").
fn referenced_org(text: &Text, found: &Found, tu: &TitleUse, person: usize) -> Option<usize> {
    let np = tu.np?;
    let t = text.text;
    let references: Vec<_> = found
        .mentions_in(np.0, np.1)
        .filter(|m| matches!(m.kind, MentionKind::Pronoun | MentionKind::Description))
        .filter(|m| {
            possesses(t, m, tu.start)
                || t.get(tu.end..m.start)
                    .is_some_and(|w| matches!(w.trim(), "for" | "of"))
        })
        .copied()
        .collect();
    org_among(t, &references, np, (tu.start, tu.end), usize::MAX, person)
}

/// "... the foreign ministers of Greece and Macedonia signed an agreement. Their prime
/// ministers, Alexis Tsipras and Zoran Zaev, ...": the "their" of a plural title stands for the
/// states and organisations named before it in its sentence, or in the sentence before when it
/// opens the sentence; when there are as many as the people the title lists, each person holds
/// the post of the one in the same place.
fn their_respective(text: &Text, found: &Found, tu: &TitleUse) -> Option<usize> {
    let t = text.text;
    let i = text.sentence_of(tu.start);
    let s = &text.sentences[i];
    let before = t[s.start..tu.start].trim();
    let (from, to) = if before == "Their" {
        let p = &text.sentences[i.checked_sub(1)?];
        (p.start, p.end)
    } else if before.ends_with(" their") {
        (s.start, tu.start)
    } else {
        return None;
    };
    let mut owners: Vec<usize> = Vec::new();
    for m in found.mentions_in(from, to).filter(|m| {
        !m.locative
            && matches!(
                found.actors[m.actor].kind,
                ActorKind::State | ActorKind::Organization
            )
    }) {
        if !owners.contains(&m.actor) {
            owners.push(m.actor);
        }
    }
    let people: Vec<usize> = found
        .titles
        .iter()
        .filter(|o| o.start == tu.start)
        .filter_map(|o| o.person)
        .collect();
    let k = people.iter().position(|&p| Some(p) == tu.person)?;
    (owners.len() == people.len()).then(|| owners[k])
}

pub fn find(text: &Text, lexicon: &Lexicon, found: &Found) -> Vec<Position> {
    let mut out: Vec<Position> = Vec::new();
    for tu in &found.titles {
        let Some(person) = tu.person else { continue };
        if found.actors[person].kind != ActorKind::Person {
            continue;
        }
        let given = tu
            .organization
            .or_else(|| referenced_org(text, found, tu, person));
        // "Their prime ministers, Alexis Tsipras and Zoran Zaev": a plural title's "their" is
        // several owners, none of them each person's.
        let plural = text.text[tu.start..tu.end]
            .rsplit(' ')
            .next()
            .is_some_and(|w| Words::get().plural_title_words.contains(&w));
        let explicit = given
            .filter(|&o| found.actors[o].kind != ActorKind::Person)
            .or_else(|| {
                (given.is_none() && !plural)
                    .then(|| {
                        its_owner(text, found, tu.start)
                            .or_else(|| his_owner(text, found, tu, &out))
                    })
                    .flatten()
            });
        if tu.rule == "title-reference" && explicit.is_none() {
            continue;
        }
        let respective = (plural && given.is_none())
            .then(|| their_respective(text, found, tu))
            .flatten();
        let (org, rule, confidence) = match (explicit, given) {
            (Some(o), _) => (Some(o), tu.rule, 0.9),
            (None, None) if respective.is_some() => (respective, "their-respective", 0.8),
            // ("Prime Minister Mulroney of Canada sent his chief of staff": else the post read
            // for the possessor, but not one guessed from the context.)
            (None, Some(p)) => (
                org_of_person(found, lexicon, p, None, 1).or_else(|| {
                    after_his_or_her(text.text, tu.start)
                        .then(|| {
                            out.iter()
                                .rev()
                                .find(|q| q.holder == p && q.confidence >= 0.7)
                        })
                        .flatten()
                        .map(|q| q.organization)
                }),
                "possessor-post",
                0.75,
            ),
            (None, None) => match of_after_name(text, found, tu.end, person)
                .map(|o| (o, "name-of", 0.85))
                .or_else(|| {
                    org_of_person(found, lexicon, person, Some(&tu.title), 0)
                        .map(|o| (o, "gazetteer-post", 0.7))
                }) {
                Some((o, rule, confidence)) => (Some(o), rule, confidence),
                None => match same_person_org(found, person, &tu.title).or_else(|| {
                    // "King Abdullah of Saudi Arabia ... King Abdullah's letter": the post read
                    // before for the same person and title.
                    out.iter()
                        .find(|p| p.holder == person && p.title == tu.title)
                        .map(|p| p.organization)
                }) {
                    Some(o) => (Some(o), "same-person-post", 0.7),
                    // Someone the gazetteer knows without a post (a statesman of the past).
                    None if found.actors[person]
                        .entry
                        .is_none_or(|e| lexicon.actors[e].posts.is_empty())
                        && is_state_post(&tu.title) =>
                    {
                        (
                            context_state(text, lexicon, found, tu, &out),
                            "context-state",
                            0.5,
                        )
                    }
                    // A second government post of someone the gazetteer knows in another one of
                    // that state ("Prime Minister and Minister of Foreign Affairs").
                    None if is_state_post(&tu.title) => (
                        org_of_person(found, lexicon, person, None, 0)
                            .filter(|&o| found.actors[o].kind == ActorKind::State),
                        "gazetteer-state",
                        0.6,
                    ),
                    None => (None, "", 0.0),
                },
            },
        };
        let Some(org) = org else { continue };
        if org == person {
            continue;
        }
        let sentence = text.sentence_of(tu.start);
        let p = Position {
            holder: person,
            organization: org,
            title: tu.title.clone(),
            evidence: Evidence {
                sentence,
                start: tu.start,
                end: tu.end,
            },
            rule,
            confidence,
        };
        // A post in a body the text gives a state or an organisation ("secretary of Iran's
        // Supreme National Security Council", "chairperson of the African Union Commission") is
        // also a post of that state or organisation.
        let parent = found.actors[org]
            .entry
            .and_then(|e| lexicon.actors[e].parent)
            .and_then(|e| found.actors.iter().position(|a| a.entry == Some(e)))
            .filter(|&s| {
                let sentence_end = text.sentences[sentence].end;
                given_to_parent(text.text, found, (tu.end, sentence_end), org, s)
            });
        let of_state = parent.map(|s| Position {
            organization: s,
            rule: "body-of-parent",
            confidence: confidence * 0.9,
            ..p.clone()
        });
        for p in std::iter::once(p).chain(of_state) {
            if !out.iter().any(|q| {
                q.holder == p.holder && q.organization == p.organization && q.title == p.title
            }) {
                out.push(p);
            }
        }
    }
    out
}

/// Whether the first mention of `body` in `span` gives it to `parent`: a state by a possessive
/// ("Iran's Supreme National Security Council", as one name or as two mentions), an
/// organisation by its name ("the African Union Commission").
fn given_to_parent(
    t: &str,
    found: &Found,
    (from, to): (usize, usize),
    body: usize,
    parent: usize,
) -> bool {
    let Some(b) = found.mentions_in(from, to).find(|m| m.actor == body) else {
        return false;
    };
    let named = &t[b.start..b.end];
    let a = &found.actors[parent];
    match a.kind {
        ActorKind::Organization => {
            return std::iter::once(&a.label)
                .chain(&a.found_as)
                .any(|n| n.len() > 1 && named.contains(n.as_str()))
        }
        ActorKind::State => {}
        _ => return false,
    }
    let state = parent;
    if let Some((owner, _)) = named.split_once("'s ").or_else(|| named.split_once("’s ")) {
        return a.label.eq_ignore_ascii_case(owner)
            || a.found_as.iter().any(|n| n.eq_ignore_ascii_case(owner));
    }
    found
        .mentions_in(from, b.start)
        .filter(|m| m.possessive && m.actor == state)
        .last()
        .is_some_and(|m| possessive_end(t, m.end).is_some_and(|e| t[e..b.start].trim().is_empty()))
}
