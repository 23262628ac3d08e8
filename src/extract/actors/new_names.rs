//! New people and organisations from capitalised names the gazetteer does not know, and their
//! surnames.
//!
//! A name becomes a person with a title before it ("Foreign Minister Lina Haddad"), a title in
//! apposition or after a copula ("Lina Haddad, a spokeswoman for ..."), a verb of speech after it
//! ("Lina Haddad said") or another cue of a person ("led by David Trimble"); an organisation when
//! it ends in the head word of a party or an armed group, or when someone leads it.

use super::gazetteer::inside_longer_name;
use super::runs::capitalised_runs;
use super::titles::{apposition_title, comma_title_before, copular_title, titled_in_apposition};
use super::{
    ends_right_before, possessive_end, skip_ws, starts_capital, starts_right_after, Builder,
    Context, Hits,
};
use crate::extract::syntax::tagger::Tagger;
use crate::extract::MentionKind;
use crate::lexicon::{ActorKind, Hit, NameKind, Words};
use crate::text::{floor_boundary, is_initials, run_start, whole_word, Sentence};

/// New people and organisations from the capitalised runs of every sentence outside credit lines.
/// Returns the new organisations.
pub(super) fn people_and_organizations(cx: &Context, b: &mut Builder) -> Vec<usize> {
    let mut new_organizations: Vec<usize> = Vec::new();
    for s in &cx.text.sentences {
        if cx.in_credit(s.start) {
            continue;
        }
        let heads = &cx.lexicon.organization_heads;
        for (start, end) in capitalised_runs(cx.text, s.tokens.clone(), &cx.h, &cx.names, heads) {
            if let Some(org) = read_run(cx, b, s, start, end) {
                new_organizations.push(org);
            }
        }
    }
    new_organizations
}

/// "the CEO of Disney", "executive vice president of General Motors": the capitalised words
/// after a title held in a company or another body (`words/organization-titles.txt`) and "of"
/// name a new organisation, where no name was found there. Returns the new organisations.
pub(super) fn organizations_after_titles(cx: &Context, b: &mut Builder) -> Vec<usize> {
    let t = cx.t;
    let mut out = Vec::new();
    for title in &cx.h.titles {
        let held = &t[title.start..title.end];
        let of_body = Words::get()
            .organization_titles
            .iter()
            .any(|w| w.eq_ignore_ascii_case(held));
        let Some(rest) = t[title.end..].strip_prefix(" of ") else {
            continue;
        };
        // "chief executive of Britain's Vodafone AirTouch": the body's name after its state's.
        let rest = after_state_possessive(t, b, rest);
        // "president of FISA": any title before an acronym the gazetteer does not know, which
        // no state is.
        if !of_body && !acronym_first(rest) {
            continue;
        }
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let start = t.len() - rest.len();
        let end = start + capitalised_words(rest);
        // "chairman of the Council": a head noun alone names no one body.
        let bare_head = cx.lexicon.organization_heads.contains(&t[start..end]);
        if end > start && !bare_head && !b.covered(start, end) {
            let actor = b.new_actor(&t[start..end], ActorKind::Organization);
            b.mention(start, end, actor, MentionKind::Name, false);
            out.push(actor);
        }
    }
    out
}

/// `rest` (a tail of `t`) past a state's name in the possessive that opens it ("Britain's "),
/// else `rest` itself.
fn after_state_possessive<'a>(t: &'a str, b: &Builder, rest: &'a str) -> &'a str {
    let at = t.len() - rest.len();
    b.mentions
        .iter()
        .find(|m| m.start == at && m.possessive && b.actors[m.actor].kind == ActorKind::State)
        .and_then(|m| possessive_end(t, m.end))
        .map_or(rest, |end| &t[skip_ws(t, end)..])
}

/// Whether `text` opens with a short acronym (`acronyms::is_acronym`, six letters at most), a
/// word of its own, and no Roman number ("III Corps").
fn acronym_first(text: &str) -> bool {
    let word = text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    word.len() <= 6
        && !word.chars().all(|c| "IVXLCDM".contains(c))
        && super::acronyms::is_acronym(word)
}

/// "Ford CEO Jim Farley", "Nissan chief executive Makoto Uchida": up to three capitalised words
/// right before a title held in a company or another body (`words/organization-titles.txt`), or
/// initials right before any title ("UAW President Shawn Fain"),
/// with a capitalised name right after the title, name a new organisation, where no name was
/// found there; no word of them one that is never a name, a title or a word of a former post
/// ("Former CEO John Smith"), and not a body's head noun alone ("Party chairman").
pub(super) fn organizations_before_titles(cx: &Context, b: &mut Builder) -> Vec<usize> {
    let (t, words) = (cx.t, Words::get());
    let mut out = Vec::new();
    for title in &cx.h.titles {
        let held = &t[title.start..title.end];
        let of_body = words
            .organization_titles
            .iter()
            .any(|w| w.eq_ignore_ascii_case(held));
        let named_after = t[title.end..].strip_prefix(' ').is_some_and(starts_capital);
        let Some(before) = t[..title.start].strip_suffix(' ') else {
            continue;
        };
        // "UAW President Shawn Fain": initials before any title name a body too, unless the
        // text spells them out ("ECB President Mario Draghi ... the European Central Bank"),
        // which names that body, or the title and name are in capitals too ("THE SPOKESMAN").
        let initials = before.rsplit(' ').next().is_some_and(|w| {
            w.len() >= 2
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && w.chars().any(|c| c.is_ascii_uppercase())
                && !spelled_out(t, w)
        }) && !t[title.start..title.end].chars().all(|c| !c.is_lowercase());
        if !(of_body || initials) || !named_after {
            continue;
        }
        let run: Vec<&str> = before
            .rsplit(' ')
            .take_while(|w| plain_name_word(cx, w))
            .take(if of_body { 3 } else { 1 })
            .collect();
        let len = run.iter().map(|w| w.len() + 1).sum::<usize>();
        if run.is_empty() {
            continue;
        }
        let (start, end) = (title.start - len, title.start - 1);
        // "Party chairman Silvius Magnago": a head noun alone is the body named before.
        let bare_head = cx.lexicon.organization_heads.contains(&t[start..end]);
        if bare_head || b.covered(start, end) || cx.in_credit(start) {
            continue;
        }
        let actor = b.new_actor(&t[start..end], ActorKind::Organization);
        b.mention(start, end, actor, MentionKind::Name, false);
        out.push(actor);
    }
    out
}

/// "Mannesmann's supervisory board", "CCAMLR's executive secretary", "the Teamsters' president":
/// up to three capitalised words no name covers, possessive right before a noun of a company's
/// or a body's organs or heads (`words/organization-possessions.txt`), name a new organisation;
/// not a body's head noun alone ("the Council's president"), not a run that opens with a given
/// name ("Jim's management"), not the initials of an actor found, not in a credit line. Returns
/// the new organisations.
pub(super) fn organizations_before_possessions(cx: &Context, b: &mut Builder) -> Vec<usize> {
    let (t, words) = (cx.t, Words::get());
    let mut out = Vec::new();
    for mark in ["'s ", "’s ", "s' ", "s’ "] {
        for (at, _) in t.match_indices(mark) {
            let after = &t[at + mark.len()..];
            let organ = words.organization_possessions.iter().any(|organ| {
                after.strip_prefix(*organ).is_some_and(|rest| {
                    !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')
                })
            });
            if !organ {
                continue;
            }
            let end = if mark.starts_with('s') { at + 1 } else { at };
            let run: Vec<&str> = t[..end]
                .rsplit(char::is_whitespace)
                .take_while(|w| plain_name_word(cx, w))
                .take(3)
                .collect();
            let Some(first) = run.last() else {
                continue;
            };
            let start = end - run.iter().map(|w| w.len() + 1).sum::<usize>() + 1;
            let bare_head = cx.lexicon.organization_heads.contains(&t[start..end]);
            // "GM's president" after "General Motors": the initials of an actor found are its.
            let initials_of_found = b.actors.iter().any(|a| {
                let initials = name_initials(&a.label);
                initials.len() >= 2 && initials == t[start..end]
            });
            if bare_head
                || initials_of_found
                || words.given_names.contains(first)
                || b.covered(start, end)
                || cx.in_credit(start)
            {
                continue;
            }
            let actor = b.new_actor(&t[start..end], ActorKind::Organization);
            b.mention(start, end, actor, MentionKind::Name, false);
            out.push(actor);
        }
    }
    out
}

/// Whether `w` may be a word of a new organisation's name read before a title or an organ: a
/// capitalised word of letters, digits, hyphens or "&", no word that is never a name, a word of
/// a former post ("Former") or a title found in the text.
fn plain_name_word(cx: &Context, w: &str) -> bool {
    let (t, words) = (cx.t, Words::get());
    starts_capital(w)
        && w.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '&')
        && !words.not_name.contains(w)
        && !words.former_words.iter().any(|f| f.eq_ignore_ascii_case(w))
        && !cx
            .h
            .titles
            .iter()
            .any(|h| t[h.start..h.end].eq_ignore_ascii_case(w))
}

/// The length of "of", "on" or "for" and the capitalised words after it that go on with a body's
/// name ending at `end` ("... Committee on Libya"), "of the" too ("... Council of the Armed
/// Forces"); 0 where the text does not go on so, or goes on with a date ("... on Jan. 20").
fn of_tail(t: &str, end: usize, sentence_end: usize) -> usize {
    let after = &t[end..sentence_end];
    let Some(rest) = ["of", "on", "for"]
        .iter()
        .find_map(|p| after.strip_prefix(' ')?.strip_prefix(p)?.strip_prefix(' '))
    else {
        return 0;
    };
    let the = if after.starts_with(" of the ") { 4 } else { 0 };
    let first = rest[the..].split([' ', '.', ',']).next().unwrap_or("");
    // "... Committee on Jan. 20": a date is no part of the name.
    let words = Words::get();
    if words.months.contains(&first) || words.month_abbreviations.contains(&first) {
        return 0;
    }
    match capitalised_words(&rest[the..]) {
        0 => 0,
        len => after.len() - rest.len() + the + len,
    }
}

/// Whether a body's name is one the text names it by: written twice, or given its initials in
/// brackets ("the Conciliation Commission (CCP)"). A body named once in passing ("the president
/// of the Transitional Military Council") may be another name of an actor.
fn named_again(t: &str, name: &str) -> bool {
    let mut at = t.match_indices(name).map(|(i, _)| i + name.len());
    let first = at.next();
    at.next().is_some() || first.is_some_and(|e| t[e..].starts_with(" ("))
}

/// Whether a run starting at `start` holds the whole of a body's name: neither "a" or "an" before
/// it ("a High Executive Council" is a kind of body) nor a capitalised word the run left out
/// ("the Official Creditor Committee", "the National Carriers' Conference Committee") other than
/// the sentence's first.
fn whole_name_start(t: &str, sentence_start: usize, start: usize) -> bool {
    let before = &t[sentence_start..start];
    let Some(rest) = before
        .strip_suffix(' ')
        .map(|r| r.strip_suffix('\'').unwrap_or(r))
    else {
        return true;
    };
    let word = rest.rsplit(' ').next().unwrap_or(rest);
    let first = word.len() == rest.len();
    !matches!(word, "a" | "an" | "A" | "An") && (first || !starts_capital(word))
}

/// The length of the capitalised words `text` opens with, joined by single spaces and by "of",
/// "for" or "and" before another capitalised word ("Council of People's Commissars", "High
/// Council for National Reconciliation"), none of them a word that is never a name.
fn capitalised_words(text: &str) -> usize {
    let (mut len, mut at) = (0, 0);
    let mut words = text.split(' ').peekable();
    while let Some(word) = words.next() {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        // "the chairman of the British Museum's trustees": a possessive before a word in lower
        // case ends the name ("Council of People's Commissars" goes on).
        let possessed = words.peek().is_some_and(|n| !starts_capital(n));
        let bare = ["'s", "\u{2019}s"]
            .iter()
            .find_map(|p| bare.strip_suffix(p).filter(|_| possessed))
            .unwrap_or(bare);
        let joins = matches!(bare, "of" | "for" | "and")
            && bare.len() == word.len()
            && words.peek().is_some_and(|n| starts_capital(n));
        if joins {
            at += word.len() + 1;
            continue;
        }
        // "the CEO of Disney Bob Iger": a given name after the body's name opens a person's.
        let given = len > 0 && Words::get().given_names.contains(bare);
        if !starts_capital(bare) || Words::get().not_name.contains(&bare) || given {
            break;
        }
        len = at + bare.len();
        at += word.len() + 1;
        if bare.len() < word.len() {
            break;
        }
    }
    len
}

/// The actor a capitalised run names, if it names one: a new organisation (returned) or a person,
/// new or named before.
fn read_run(
    cx: &Context,
    b: &mut Builder,
    s: &Sentence,
    start: usize,
    end: usize,
) -> Option<usize> {
    let (t, h, meta) = (cx.t, &cx.h, cx.meta);
    if b.covered(start, end) {
        return None;
    }
    let name = &t[start..end];
    if meta
        .creators
        .iter()
        .chain(&meta.contributors)
        .any(|c| c == name)
    {
        return None;
    }
    // "Honda Motor Co.", "Cadbury plc": a company's legal suffix, last in the name or in lower
    // case right after it, makes a name a company's as a party's head makes it a party's.
    let suffix_after = t[end..s.end]
        .strip_prefix(' ')
        .map(|rest| {
            rest.split([' ', ',', '.', ';', ':', ')'])
                .next()
                .unwrap_or(rest)
        })
        .filter(|w| Words::get().company_suffixes.contains(w));
    let end = suffix_after.map_or(end, |w| end + 1 + w.len());
    let name = &t[start..end];
    let last_word = name.rsplit([' ', '-']).next().unwrap_or(name);
    // "Mittal Steel", "Gulf Oil": a trade word that ends a name of two words or more makes it a
    // company's too.
    let company = Words::get().company_suffixes.contains(&last_word)
        || Words::get().company_trades.contains(&last_word);
    // "Democratic Unionist Party": a name that ends in the head word of a party or an
    // armed group names a new organisation, as does a name that someone leads ("Sinn
    // Féin, led by its president"); the initials stand for it too ("the DUP").
    let strong_head = company || Words::get().strong_heads.contains(&last_word);
    // "the Liberation and Justice Movement", "the Socialist People's Party": such a name goes
    // on back over "and" and a possessive between its capitalised words.
    let weak_head = !strong_head && Words::get().weak_heads.contains(&last_word);
    let start = if strong_head || weak_head {
        head_name_start(cx, b, s, start)
    } else {
        start
    };
    // "under the auspices of the Federal Mediation and Conciliation Service": a name right
    // after the cue of a third party's role names that party.
    let cued = h
        .third_party
        .iter()
        .any(|c| c.end <= start && matches!(t[c.end..start].trim(), "" | "the" | "The"));
    // "the International Olympic Committee", "the Supreme Council of the Armed Forces": a body's
    // name, with the words after "of" that go on with it, where the text names it again or a
    // third party's cue introduces it.
    let body_end = (weak_head && whole_name_start(t, s.start, start))
        .then(|| end + of_tail(t, end, s.end))
        .filter(|&e| !b.covered(end, e) && (cued || named_again(t, &t[start..e])));
    let end = body_end.unwrap_or(end);
    let name = &t[start..end];
    let single = !name.contains(' ');
    let led = t[end..s.end].strip_prefix(", ").is_some_and(|rest| {
        Words::get()
            .leading_verbs
            .iter()
            .any(|v| rest.strip_prefix(v).is_some_and(|r| r.starts_with(' ')))
    });
    // "the United Nations Command", "the UN Command": a known organisation's name and a head of
    // bodies after it name one body, labelled with the organisation's label.
    let body = cx.names.iter().find_map(|n| {
        let org = cx
            .lexicon
            .names
            .values(n)
            .iter()
            .map(|&(e, _)| &cx.lexicon.actors[e])
            .find(|a| a.kind == ActorKind::Organization)?;
        (n.start == start && super::gazetteer::body_after(t, n.end) == Some(end))
            .then(|| format!("{}{}", org.label, &t[n.end..end]))
    });
    if let Some(label) = body {
        let actor = b.new_actor(&label, ActorKind::Organization);
        b.mention(start, end, actor, MentionKind::Name, false);
        return Some(actor);
    }
    if !single && (strong_head || led || body_end.is_some()) {
        let label = organization_label(cx, start, name, company);
        let actor = b.new_actor(label, ActorKind::Organization);
        b.mention(start, end, actor, MentionKind::Name, false);
        return Some(actor);
    }
    if cx.lexicon.organization_heads.contains(last_word) {
        return None;
    }
    // "Sir Jeffrey Donaldson": the honorific stands between the name and a title.
    let opening = ends_right_before(&h.honorifics, t, start).map_or(start, |x| x.start);
    let title_before = ends_right_before(&h.titles, t, opening).filter(|th| th.start >= s.start);
    // "the European Central Bank said": a name that ends in an institution's head word and acts
    // as a person would is an organisation.
    if Words::get().institution_heads.contains(&last_word) {
        if single || !named_person(cx, b, s, end, opening, title_before) {
            return None;
        }
        let actor = b.new_actor(name, ActorKind::Organization);
        b.mention(start, end, actor, MentionKind::Name, false);
        return Some(actor);
    }
    // "A General Peace Treaty was signed": a name that ends in a thing's noun names no person,
    // even after a title.
    let thing = names_a_thing(name, &t[end..s.end]);
    // "The American Legion said": no person's name stands right after an article, so a name
    // there that acts as a person would is an organisation's.
    let after_article = t[s.start..start]
        .strip_suffix(' ')
        .and_then(|b4| b4.rsplit([' ', '\n']).next())
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if !single
        && !thing
        && after_article
        && opening == start
        && title_before.is_none()
        && !opens_with_given_name(name)
        && named_person(cx, b, s, end, opening, title_before)
    {
        let actor = b.new_actor(name, ActorKind::Organization);
        b.mention(start, end, actor, MentionKind::Name, false);
        return Some(actor);
    }
    if single {
        single_word_person(cx, b, s, (start, end), opening, title_before);
    } else if !thing
        && (opening < start
            || named_person(cx, b, s, end, opening, title_before)
            || person_by_form(cx, (start, end), after_article))
    {
        mention_person(cx, b, (start, end));
    }
    None
}

/// The label of a new organisation named `name` at `start`: "Glencore International plc ...
/// Glencore": a company the text names by its first word too is that one company, under that
/// word, unless the word is a demonym or place the gazetteer knows ("Indian Airlines").
fn organization_label<'a>(cx: &Context, start: usize, name: &'a str, company: bool) -> &'a str {
    let first = name.split(' ').next().unwrap_or(name);
    let known_first = cx.names.iter().any(|n| n.start == start);
    if company && !known_first && named_alone(cx.t, first, name) {
        first
    } else {
        name
    }
}

/// Whether a name of two words or more that no cue marks is a person's by its form: it opens
/// with a given name, or with initials off a line of its own (a signature), or its surname
/// stands alone elsewhere, with no article or place word before the name; never a place in a
/// credit line.
fn person_by_form(cx: &Context, (start, end): (usize, usize), after_article: bool) -> bool {
    let (t, name) = (cx.t, &cx.t[start..end]);
    (opens_with_given_name(name)
        || opens_with_initials(name) && !alone_on_line(t, start, end)
        || !after_article
            && ends_right_before(&cx.h.locatives, t, start).is_none()
            && surname_alone(t, name))
        && !credit_place(t, start, end)
}

/// Whether `word` ends a person's name somewhere in the text: after another capitalised word and
/// before no apostrophe ("President Laurent Gbagbo held Abidjan" for "Gbagbo's Ivorian Popular
/// Front", whichever comes first; not "People" for "African People's Liberation Movement").
fn surname_elsewhere(t: &str, word: &str) -> bool {
    t.match_indices(word).any(|(i, _)| {
        let before = t[..i].strip_suffix(' ').unwrap_or("");
        let prev = before.rsplit(' ').next().unwrap_or("");
        let after = &t[i + word.len()..];
        prev.chars().next().is_some_and(char::is_uppercase)
            && prev.chars().all(char::is_alphabetic)
            && !Words::get().not_name.contains(&prev)
            && after.starts_with([' ', ',', '.'])
    })
}

/// Whether a name of two words is a person's whose surname the text uses alone ("Marc
/// Ravalomanana ... Ravalomanana's camp"): the last word stands elsewhere capitalised, with no
/// capitalised word or article before it and no capitalised word after it, as only a surname
/// does ("Camp David" is never "David" alone; "the Bank" is no surname). The first word is no
/// common word ("North Darfur", "Every American") and no word that is never a name. (The caller
/// also wants no article and no place word before the name: "at Berchtesgaden Hitler".)
fn surname_alone(t: &str, name: &str) -> bool {
    let Some((first, last)) = name.split_once(' ') else {
        return false;
    };
    // Not a name in capitals ("ANCHOR: CAROL HENNING ... HENNING:", a transcript's speakers).
    let word = |w: &str| {
        w.chars().count() > 2
            && w.chars().all(char::is_alphabetic)
            && w.chars().skip(1).any(char::is_lowercase)
    };
    let common = Tagger::builtin().common_word(first);
    if !word(first) || !word(last) || common || Words::get().not_name.contains(&first) {
        return false;
    }
    let alone = t.match_indices(last).any(|(i, _)| {
        let before = &t[..i];
        let after = &t[i + last.len()..];
        let prev = before
            .strip_suffix(' ')
            .map(|b| b.rsplit([' ', '\n']).next().unwrap_or(b));
        let prev_ok = match prev {
            None => before.is_empty() || before.ends_with('\n'),
            Some(p) => {
                let p = p.trim_start_matches(['(', '"', '\u{201c}']);
                p.chars().next().is_some_and(char::is_lowercase) && !matches!(p, "the" | "a" | "an")
                    || p.ends_with(['.', ',', ';', ':'])
            }
        };
        let next_capital = after
            .strip_prefix(' ')
            .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase));
        let bounded = !after.starts_with(|c: char| c.is_alphanumeric() || c == '-');
        prev_ok && bounded && !next_capital
    });
    // "Grower Champagne ... champagne": a word the text also writes in lower case is a thing's.
    let lower = last.to_lowercase();
    alone
        && !t
            .match_indices(&lower)
            .any(|(i, _)| whole_word(t, i, i + lower.len()))
}

/// Where the name of an organisation whose run starts at `start` and ends in a strong head
/// starts: back over "and" or a possessive and the capitalised words before it ("Liberation and
/// Justice Movement", "African People's Liberation Movement"), while such a word is no known name
/// and no word that is never one ("The").
fn head_name_start(cx: &Context, b: &Builder, s: &Sentence, mut start: usize) -> usize {
    let t = cx.t;
    loop {
        let before = &t[s.start..start];
        let Some(rest) = before
            .strip_suffix(" and ")
            .or_else(|| before.strip_suffix("'s "))
            .or_else(|| before.strip_suffix("’s "))
            .or_else(|| before.strip_suffix(' '))
        else {
            return start;
        };
        let word_start = rest.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &rest[word_start..];
        let at = s.start + word_start;
        // A demonym may open such a name ("African People's Liberation Movement").
        let known = cx.names.iter().any(|n| {
            n.start < at + word.len()
                && at < n.end
                && cx
                    .lexicon
                    .names
                    .values(n)
                    .iter()
                    .any(|&(_, kind)| kind != NameKind::Demonym)
        }) || b.covered(at, at + word.len());
        // "Gbagbo's Ivorian Popular Front", "Oliver Napier's Alliance Party": a person's
        // possessive (a known person's surname, or a surname after a given name) names who
        // leads the organisation, not a word of its name.
        let given_before = rest[..word_start]
            .strip_suffix(' ')
            .and_then(|r| r.rsplit(' ').next())
            .is_some_and(|g| Words::get().given_names.contains(g));
        let owner =
            before[rest.len()..].starts_with(['\'', '’'])
                && (b.actors.iter().any(|a| {
                    a.kind == ActorKind::Person && a.label.rsplit(' ').next() == Some(word)
                }) || surname_elsewhere(t, word)
                    || given_before);
        if !starts_capital(word) || Words::get().not_name.contains(&word) || known || owner {
            return start;
        }
        start = at;
    }
}

/// One word only right after a capitalised title or an honorific ("Mr Pym", "Lord Carrington");
/// another person's first name ("King Salman" after "King Salman bin Abdulaziz") is that
/// person's. "the Order of King Abdulaziz" names a thing.
fn single_word_person(
    cx: &Context,
    b: &mut Builder,
    s: &Sentence,
    (start, end): (usize, usize),
    opening: usize,
    title_before: Option<Hit>,
) {
    let (t, h) = (cx.t, &cx.h);
    let name = &t[start..end];
    let comma_title = comma_title_before(t, opening, s.start, h);
    let honorific = opening < start;
    // "Talleyrand, the French foreign minister, drafted": a title in apposition, where the word
    // is no place ("in Lausanne, the Swiss president") and, opening its sentence, is named
    // again ("Meanwhile, the prime minister").
    let apposition = titled_in_apposition(t, end, h)
        && ends_right_before(&h.locatives, t, start).is_none()
        && (start > s.start || named_again(t, name));
    if title_before.is_none_or(|th| t[..th.start].ends_with("of "))
        && comma_title.is_none()
        && !honorific
        && !apposition
    {
        return;
    }
    let word_of = |s: &str| s.split([' ', '-']).any(|w| w == name);
    let owner = b
        .mentions
        .iter()
        .find(|m| {
            b.actors[m.actor].kind == ActorKind::Person
                && (word_of(&t[m.start..m.end]) || word_of(&b.actors[m.actor].label))
        })
        .map(|m| m.actor);
    // "President Keïta" where the text names "Ibrahim Boubacar Keïta": the full name.
    let actor = owner.unwrap_or_else(|| match fuller_name(t, name, h) {
        Some((fs, fe)) if !b.covered(fs, fe) => {
            let a = b.new_person(&t[fs..fe]);
            b.mention(fs, fe, a, MentionKind::Name, false);
            a
        }
        _ => b.new_person(name),
    });
    b.mention(start, end, actor, MentionKind::Name, false);
}

/// Whether a name of two words or more names a person: a title before it or in apposition, a
/// verb of speech after it, or another cue of a person.
fn named_person(
    cx: &Context,
    b: &Builder,
    s: &Sentence,
    end: usize,
    opening: usize,
    title_before: Option<Hit>,
) -> bool {
    let (t, h) = (cx.t, &cx.h);
    // "Greg Clark MP said", "Greg Clark MP, the business secretary,": past the letters after a
    // name.
    let end = t[end..s.end]
        .strip_prefix(' ')
        .and_then(|r| r.split([' ', ',']).next())
        .filter(|w| Words::get().post_nominals.contains(w))
        .map_or(end, |w| end + 1 + w.len());
    let apposition = apposition_title(t, end, s.end, h);
    let title_comma = comma_title_before(t, opening, s.start, h);
    // "Lina Haddad said", "SUSAN RICE (United States) said": past a bracket of her affiliation.
    let after_bracket = t[end..]
        .strip_prefix(" (")
        .and_then(|r| r.find(')').filter(|&c| c <= 60 && !r[..c].contains('\n')))
        .map_or(end, |c| end + 2 + c + 1);
    let speaks = starts_right_after(&h.speech, t, end).is_some()
        || starts_right_after(&h.speech, t, after_bracket).is_some();
    let copular = copular_title(t, end, s.end, h);
    title_before.is_some()
        || apposition.is_some()
        || title_comma.is_some()
        || copular.is_some()
        || speaks
        || person_cue(t, b, s, end, opening)
}

/// Whether a name of two to four words opens with a given name ("Jonas Savimbi", "Jaime del
/// Valle").
fn opens_with_given_name(name: &str) -> bool {
    let mut words = name.split(' ');
    let first = words.next().unwrap_or_default();
    let more = words.count();
    (1..=3).contains(&more) && Words::get().given_names.contains(first)
}

/// Whether a name opens with two initials and ends in a word that is none ("W. J. Usery"), or
/// with one before a given name and a surname ("H. Norman Schwarzkopf"): not a heading's letter
/// ("A. Background", "V. Tactics") nor a cited author ("E. Karsh"). In running text only: such a
/// name alone on its line is a signature, whose writer only a title makes a person.
fn opens_with_initials(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let initial = |w: &str| {
        let mut c = w.chars();
        matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
    };
    let initials = words.iter().take_while(|w| initial(w)).count();
    let rest = &words[initials..];
    match initials {
        1 => opens_with_given_name(&rest.join(" ")) && rest.len() == 2,
        2 | 3 => rest.len() == 1 && rest[0].chars().count() > 1,
        _ => false,
    }
}

/// Whether `start..end` is a line of its own (a signature: "R. T. Aldous" under a preface).
fn alone_on_line(t: &str, start: usize, end: usize) -> bool {
    let line = t[..start].rfind('\n').map_or(0, |i| i + 1);
    let after = &t[end..];
    let line_end = after.find('\n').unwrap_or(after.len());
    t[line..start].trim().is_empty() && after[..line_end].trim().is_empty()
}

/// Whether a name stands where a credit puts its writer or photographer: after a dash, a colon or
/// "by" on its line ("— Omar Feghali", "Interview by Daniel Osei-Park"), or before "for" and a
/// publication ("Amr Selim for The Coastline Post").
fn credit_place(t: &str, start: usize, end: usize) -> bool {
    let line = t[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = t[line..start].trim_end();
    let after = &t[end..];
    // "Photo by", "Music by", "a production by": after a noun, "by" names an author, as after
    // any word or two that open the line ("Reviewed by"); after a participle in running text
    // ("was signed by John Smith", "brokered by") it names who did the deed.
    let byline = before
        .strip_suffix("by")
        .or_else(|| before.strip_suffix("By"))
        .filter(|b| b.is_empty() || b.ends_with(' '))
        .is_some_and(|b| {
            let word = b.split_whitespace().next_back().unwrap_or("");
            let participle = word.len() > 3 && (word.ends_with("ed") || word.ends_with("en"));
            // "Reviewed by", "Written by" open their line
            !participle || b.split_whitespace().count() <= 2
        });
    ['—', '–', ':'].iter().any(|c| before.ends_with(*c))
        || byline
        || after
            .strip_prefix(" for ")
            .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
}

/// Whether a name ends in, or the text after it goes on with, a noun of a thing named after a
/// person ("the Carlos Slim Foundation", "Charles de Gaulle airport").
pub(super) fn names_a_thing(name: &str, after: &str) -> bool {
    let last = name.rsplit(' ').next().map(str::to_lowercase);
    let next = after
        .strip_prefix(' ')
        .and_then(|r| r.split([' ', ',', '.', ';']).next())
        .map(str::to_lowercase);
    let things = &Words::get().named_things;
    [last, next]
        .iter()
        .flatten()
        .any(|w| things.contains(&w.as_str()))
}

/// "led by David Trimble", "Josefina Vidal, who heads ...", "His Irish counterpart, Leo
/// Varadkar": a person without a title.
/// "led since December by Hristijan Mickoski"; "Alexis Tsipras and Zoran Zaev"; "Vladimir
/// Kara-Murza, the Kremlin critic".
fn person_cue(t: &str, b: &Builder, s: &Sentence, end: usize, opening: usize) -> bool {
    let before = t[s.start..opening].trim_end();
    let led_by = before.ends_with(" by")
        && before[floor_boundary(before, before.len().saturating_sub(30))..]
            .split_whitespace()
            .any(|w| Words::get().leading_verbs.contains(&w));
    let after_person = before.strip_suffix(" and").is_some_and(|b4| {
        b.mentions
            .iter()
            .any(|m| m.end == s.start + b4.len() && b.actors[m.actor].kind == ActorKind::Person)
    });
    // "The UPC of Ali Darassa": the person an organisation is of.
    let of_organization = before.strip_suffix(" of").is_some_and(|b4| {
        let acronym = b4.rsplit(' ').next().is_some_and(|w| {
            (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
        });
        acronym
            || b.mentions.iter().any(|m| {
                m.end == s.start + b4.len() && b.actors[m.actor].kind == ActorKind::Organization
            })
    });
    // "the Miami lawyer Aaron Podhurst", "his great-uncle Lazaro Gonzalez", "the theologians
    // Heinz Schütte": a noun of a person, in lower case, right before the name; not one of the
    // press ("our correspondent Tom Reddaway" reports).
    let noun_before = before
        .trim_end_matches(',')
        .rsplit([' ', '-'])
        .next()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .and_then(|w| {
            let nouns = &Words::get().person_nouns;
            [Some(w), w.strip_suffix('s')]
                .into_iter()
                .flatten()
                .find(|w| nouns.contains(w))
        })
        .is_some_and(|w| !Words::get().press_nouns.contains(w));
    // "Leon Gambetta, the scales tip against you.": a name that opens a line and is set off by
    // a comma before words to "you" addresses a person.
    let addressed = super::opens_sentence(before)
        && t[end..s.end].starts_with(',')
        && super::speaks_to_you(&t[s.start..s.end]);
    led_by
        || after_person
        || of_organization
        || noun_before
        || addressed
        || t[end..s.end].starts_with(", who ")
        || apposition_person_noun(&t[end..s.end])
        || ["counterpart,", "predecessor,", "successor,"]
            .iter()
            .any(|p| before.ends_with(p))
}

/// A mention of the person a name of two words or more names: one named before, new, or new
/// with the fuller name the text gives.
fn mention_person(cx: &Context, b: &mut Builder, (start, end): (usize, usize)) {
    let t = cx.t;
    let name = &t[start..end];
    // "Hassan Sheikh" after "Hassan Sheikh Mohamud", "Mr. Ould Sidati" after "Sidi Brahim Ould
    // Sidati": the person named in full before.
    let (prefix, suffix) = (format!("{name} "), format!(" {name}"));
    let owner = b
        .mentions
        .iter()
        .find(|m| {
            let label = &b.actors[m.actor].label;
            b.actors[m.actor].kind == ActorKind::Person
                && (t[m.start..m.end].starts_with(&prefix)
                    || label.starts_with(&prefix)
                    || label.ends_with(&suffix)
                    || initials_of(name, label))
        })
        .map(|m| m.actor);
    // "Ould Sidati said" where the text names "Sidi Brahim Ould Sidati": the full name.
    let actor = owner.unwrap_or_else(|| match fuller_name(t, name, &cx.h) {
        Some((fs, fe)) if !b.covered(fs, fe) && (fs, fe) != (start, end) => {
            let a = b.new_person(&t[fs..fe]);
            b.mention(fs, fe, a, MentionKind::Name, false);
            a
        }
        _ => b.new_person(name),
    });
    b.mention(start, end, actor, MentionKind::Name, false);
}

/// Whether `short` names by initials the person `full` names ("B. Jaunin", "F.W. de Klerk"
/// after "Bernard Jaunin", "Frederik Willem de Klerk"): the same surname after the given names,
/// the first of which starts with the first initial.
fn initials_of(short: &str, full: &str) -> bool {
    let Some(dot) = short.rfind(". ") else {
        return false;
    };
    let (initials, surname) = (&short[..dot], &short[dot + 2..]);
    initials.split(' ').all(is_initials)
        && !surname.is_empty()
        && full
            .strip_suffix(surname)
            .and_then(|given| given.strip_suffix(' '))
            .is_some_and(|given| given.chars().next() == initials.chars().next())
}

/// "Tut Gatluak shuttled between ... Gatluak, South Sudan's presidential adviser": a surname with
/// a post in apposition names the person whose full name came before it.
pub(super) fn surnames_with_posts(cx: &Context, b: &mut Builder) {
    let (text, t, h) = (cx.text, cx.t, &cx.h);
    for s in &text.sentences {
        if cx.in_credit(s.start) {
            continue;
        }
        for i in s.tokens.clone() {
            let tok = text.tokens[i];
            let w = text.token_text(i);
            if !tok.word
                || w.chars().count() < 3
                || !starts_capital(w)
                || !w.chars().skip(1).all(char::is_lowercase)
                || Words::get().not_name.contains(&w)
                || !t[tok.end..].starts_with(',')
                || apposition_title(t, tok.end, s.end, h).is_none()
                || b.covered(tok.start, tok.end)
            {
                continue;
            }
            let full = fuller_name(t, w, h).filter(|&(fs, fe)| fs < s.start && !b.covered(fs, fe));
            if let Some((fs, fe)) = full {
                let actor = b.new_person(&t[fs..fe]);
                b.mention(fs, fe, actor, MentionKind::Name, false);
            }
        }
    }
}

/// The new organisations' names again, and their initials ("IRA" for the Irish Republican
/// Army).
pub(super) fn mention_new_organizations(
    cx: &Context,
    new_organizations: Vec<usize>,
    b: &mut Builder,
) {
    for actor in new_organizations {
        let name = b.actors[actor].label.clone();
        let initials = name_initials(&name);
        let (short, shortest) = company_short_names(&name);
        for form in [name.as_str(), initials.as_str(), short, shortest] {
            if form.chars().count() >= 2 {
                b.mention_each(form, actor, |p| cx.in_credit(p));
            }
        }
    }
}

/// The capitals that open the words of `name` ("IRA" for "Irish Republican Army", "GM" for
/// "General Motors").
fn name_initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// Whether `t` holds capitalised words whose initials are `initials` ("European Central Bank"
/// for "ECB"), past the small words of names ("of", "the", "and", "for").
fn spelled_out(t: &str, initials: &str) -> bool {
    let letters: Vec<char> = initials.chars().collect();
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty() && !matches!(*w, "of" | "the" | "and" | "for"))
        .collect();
    words.windows(letters.len()).any(|run| {
        run.iter()
            .zip(&letters)
            .all(|(w, &l)| w.starts_with(l) && w.chars().skip(1).any(char::is_lowercase))
    })
}

/// Whether `first`, the first word of `name`, stands alone somewhere in `t`: a whole word not
/// followed by the rest of the name ("Glencore" beside "Glencore International plc").
fn named_alone(t: &str, first: &str, name: &str) -> bool {
    first.len() < name.len()
        && t.match_indices(first)
            .any(|(i, _)| whole_word(t, i, i + first.len()) && !t[i..].starts_with(name))
}

/// The names a company's legal name goes by: without its suffix ("Honda Motor" for "Honda Motor
/// Co."), and its first word when only trade words stand between it and the suffix ("Honda");
/// empty where the name ends in no company suffix or has no such words.
fn company_short_names(name: &str) -> (&str, &str) {
    let words = Words::get();
    let Some((rest, suffix)) = name.rsplit_once(' ') else {
        return ("", "");
    };
    if !words.company_suffixes.contains(&suffix) {
        return ("", "");
    }
    let rest = rest.strip_suffix(" &").unwrap_or(rest);
    let first = rest.split(' ').next().unwrap_or(rest);
    let traded = rest
        .split(' ')
        .skip(1)
        .all(|w| words.company_trades.contains(&w));
    let shortest = if traded && first.len() < rest.len() {
        first
    } else {
        ""
    };
    (rest, shortest)
}

/// Surnames of the new people found, and "Mr./Ms." + surname; their full names again.
pub(super) fn mention_surnames(cx: &Context, b: &mut Builder) {
    let t = cx.t;
    let people: Vec<(usize, String, String)> = b
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Person && a.entry.is_none())
        .map(|(i, a)| match a.label.rsplit_once(' ') {
            Some((given, surname)) => (i, format!("{given} "), surname.to_string()),
            // "Obama", named after a title only.
            None => (i, String::new(), a.label.clone()),
        })
        .collect();
    for (actor, given, surname) in people {
        let mut from = 0;
        while let Some(p) = t[from..].find(&surname) {
            let start = from + p;
            let end = start + surname.len();
            from = end;
            let bounded = !t[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !t[end..].chars().next().is_some_and(char::is_alphanumeric);
            // The full name again ("... backed Ersin Tatar"): one mention of the name.
            let full = t[..start].ends_with(&given)
                && !t[..start - given.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if full && bounded && !b.covered(start - given.len(), end) && !cx.in_credit(start) {
                b.mention(start - given.len(), end, actor, MentionKind::Name, false);
            } else if bounded
                && !b.covered(start, end)
                && !cx.in_credit(start)
                && !inside_longer_name(t, start, end)
            {
                b.mention(start, end, actor, MentionKind::Surname, false);
            }
        }
    }
    b.sort_mentions();
}

/// The longest name in the text that ends with `name` and has more words before it: "Ibrahim
/// Boubacar Keïta" for "Keïta", "Sidi Brahim Ould Sidati" for "Ould Sidati". The words before are
/// capitalised (or particles of names), no title or honorific, at most four.
fn fuller_name(t: &str, name: &str, h: &Hits) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (p, _) in t.match_indices(name) {
        let end = p + name.len();
        if !whole_word(t, p, end) {
            continue;
        }
        let mut start = p;
        for _ in 0..4 {
            let Some(before) = t[..start].strip_suffix(' ') else {
                break;
            };
            let ws = run_start(before, |c| {
                c.is_alphabetic() || matches!(c, '-' | '\'' | '’')
            });
            let w = &before[ws..];
            if w.chars().count() < 2
                || !(starts_capital(w) || Words::get().name_particles.contains(&w))
                || Words::get().not_name.contains(&w)
                || h.titled(ws, ws + 1)
            {
                break;
            }
            start = ws;
        }
        // A name does not start with a particle.
        while let Some((first, _)) = t[start..p].split_once(' ') {
            if !Words::get().name_particles.contains(&first) {
                break;
            }
            start += first.len() + 1;
        }
        if start < p && best.is_none_or(|(bs, be)| p - start > (be - name.len()) - bs) {
            best = Some((start, end));
        }
    }
    best
}

/// Whether the words after a name are an apposition that makes a person of it without a post:
/// ", the Wall Street Journal reporter", ", a former US Marine held since 2018".
fn apposition_person_noun(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    let Some(first) = rest.split(' ').next() else {
        return false;
    };
    if !matches!(first, "a" | "an" | "the") && !first.ends_with("'s") && !first.ends_with("’s") {
        return false;
    }
    let clause = rest
        .split([',', ';', '.', '(', '"', '“'])
        .next()
        .unwrap_or("");
    clause.split_whitespace().take(7).any(|w| {
        Words::get()
            .person_nouns
            .contains(&w.to_lowercase().as_str())
    })
}
