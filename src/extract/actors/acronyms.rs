//! Organisations the gazetteer does not know, named by an acronym: defined with it in brackets
//! ("the Front for Change and Concord in Chad (FACT)"), or named as "the FPRC".

use std::collections::HashSet;

use super::{in_capitals_heading, Builder, Context};
use crate::extract::MentionKind;
use crate::lexicon::{ActorKind, Words};

/// An organisation's name and the acronym defined for it in brackets: their byte spans.
pub(super) type Definition = ((usize, usize), (usize, usize));

/// New organisations, named once with their acronym: "the Front for Change and Concord in Chad
/// (FACT)", where the gazetteer knows no such acronym. A name inside is no mention ("Chad").
pub(super) fn definitions(cx: &Context) -> Vec<Definition> {
    acronym_definitions(cx.t, &cx.lexicon.organization_heads)
        .into_iter()
        .filter(|(name, acronym)| {
            !cx.in_credit(name.0)
                && !cx
                    .names
                    .iter()
                    .any(|h| h.start < acronym.1 && acronym.0 < h.end)
                && !joins_known_names(cx, *name)
        })
        .collect()
}

/// "the agreement between the European Union and Canada (CETA)": two names the gazetteer knows,
/// joined by "and" inside what stands before a bracket, are two actors, not one name.
fn joins_known_names(cx: &Context, (start, end): (usize, usize)) -> bool {
    cx.t[start..end].match_indices(" and ").any(|(i, _)| {
        let (and, after) = (start + i, start + i + 5);
        let after = after + cx.t[after..].strip_prefix("the ").map_or(0, |_| 4);
        cx.names.iter().any(|h| h.end == and) && cx.names.iter().any(|h| h.start == after)
    })
}

/// The organisations named with their acronym; the acronym then names them wherever it stands
/// alone.
pub(super) fn mention_defined(cx: &Context, defined: Vec<Definition>, b: &mut Builder) {
    let t = cx.t;
    for (name, acronym) in defined {
        if b.covered(name.0, acronym.1) {
            continue;
        }
        let actor = b.new_actor(&t[name.0..name.1], ActorKind::Organization);
        b.mention(name.0, name.1, actor, MentionKind::Name, false);
        b.mention(acronym.0, acronym.1, actor, MentionKind::Name, false);
        b.mention_each(&t[acronym.0..acronym.1], actor, |p| cx.in_credit(p));
    }
}

/// An acronym the gazetteer does not know, named as "the FPRC" at least once, names an
/// organisation ("leaders of the FPRC, the UPC and the MPC"); the acronym stands for it wherever
/// it stands alone.
pub(super) fn mention_after_the(cx: &Context, b: &mut Builder) {
    let t = cx.t;
    let mut seen: Vec<&str> = Vec::new();
    for tok in &cx.text.tokens {
        let first = &t[tok.start..tok.end];
        // "the AFL-CIO", "the ZANU-PF": two acronyms joined by a hyphen are one.
        let end = tok.end + hyphened_acronym(&t[tok.end..]);
        let w = &t[tok.start..end];
        if !tok.word
            || !(3..=5).contains(&first.len())
            || !first.chars().all(|c| c.is_ascii_uppercase())
            || Words::get().not_organization_acronyms.contains(&w)
            || seen.contains(&w)
            || !(t[..tok.start].ends_with("the ") || t[..tok.start].ends_with("The "))
            || t[end..].starts_with(['-', '/'])
            || b.covered(tok.start, end)
            || cx.in_credit(tok.start)
            || in_capitals_heading(t, tok.start, end)
        {
            continue;
        }
        seen.push(w);
        // "the United Nations Support Mission in Libya (UNSMIL)": the acronym of a known
        // organisation named right before it in brackets.
        let bracketed = format!("({w})");
        let alias_of = t.match_indices(&bracketed).find_map(|(p, _)| {
            let before = t[..p].trim_end().len();
            b.mentions
                .iter()
                .find(|m| m.end == before && b.actors[m.actor].kind == ActorKind::Organization)
                .map(|m| m.actor)
        });
        // "the PGA Tour", "the DP World Tour": capitalised words right after the acronym go on
        // with its name, which names the body wherever it stands.
        let name_end = end + name_tail(&t[end..]);
        if alias_of.is_none() && name_end > end && !b.covered(end, name_end) {
            let name = &t[tok.start..name_end];
            let actor = b.new_actor(name, ActorKind::Organization);
            b.mention_each(name, actor, |p| cx.in_credit(p));
            continue;
        }
        let actor = alias_of.unwrap_or_else(|| b.new_actor(w, ActorKind::Organization));
        b.mention_each(w, actor, |p| cx.in_credit(p));
    }
    b.sort_mentions();
}

/// The length of a hyphen and an acronym of two to five capitals `rest` opens with ("-CIO"),
/// else 0.
fn hyphened_acronym(rest: &str) -> usize {
    let Some(after) = rest.strip_prefix('-') else {
        return 0;
    };
    let caps = after.len()
        - after
            .trim_start_matches(|c: char| c.is_ascii_uppercase())
            .len();
    let ends = !after[caps..].starts_with(|c: char| c.is_alphanumeric());
    if (2..=5).contains(&caps) && ends {
        1 + caps
    } else {
        0
    }
}

/// The length of up to two capitalised words `rest` opens with after a space, up to a possessive
/// ("the PGA Tour's deal": " Tour"); none of them a word that is never a name nor a thing's noun
/// (`words/named-things.txt`: "the ABM Treaty" is no body).
fn name_tail(rest: &str) -> usize {
    let mut len = 0;
    if !rest.starts_with(' ') {
        return 0;
    }
    for w in rest.split(' ').skip(1).take(2) {
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let bare = bare
            .strip_suffix("'s")
            .or_else(|| bare.strip_suffix("\u{2019}s"))
            .unwrap_or(bare);
        let capital = bare.starts_with(|c: char| c.is_ascii_uppercase())
            && bare.chars().skip(1).all(|c| c.is_ascii_lowercase())
            && bare.len() >= 2
            && !Words::get().not_name.contains(&bare)
            && !Words::get()
                .named_things
                .contains(&bare.to_lowercase().as_str());
        if !capital {
            break;
        }
        len += 1 + bare.len();
        if bare.len() < w.len() {
            break;
        }
    }
    len
}

/// Names followed by their acronym in brackets, "the Front for Change and Concord in Chad
/// (FACT)", or in apposition, "the Federal Consultative Assembly, the BFO," or "the
/// Revolutionary United Front, or RUF,": the span of the name (from its first capitalised word)
/// and of the acronym. The name has two capitalised words or more, one of them a head word of
/// organisations.
fn acronym_definitions(t: &str, heads: &HashSet<String>) -> Vec<Definition> {
    let bracketed = t.match_indices(" (").filter_map(|(open, _)| {
        let a = open + 2;
        let len = t[a..].find(')')?;
        Some((open, a, len))
    });
    let apposed = t.match_indices(", ").filter_map(|(open, _)| {
        let rest = &t[open + 2..];
        let skip = ["the ", "or "]
            .iter()
            .find(|w| rest.starts_with(**w))
            .map_or(0, |w| w.len());
        let a = open + 2 + skip;
        let len = t[a..].find([',', '.', ';'])?;
        Some((open, a, len))
    });
    bracketed
        .chain(apposed)
        .filter(|&(_, a, len)| is_acronym(&t[a..a + len]))
        .filter_map(|(open, a, len)| {
            let name_start = name_before(t, open, &t[a..a + len], heads)?;
            Some(((name_start, open), (a, a + len)))
        })
        .collect()
}

/// Whether a word is an acronym: two to ten capitals, digits or hyphens, a capital first.
pub(super) fn is_acronym(w: &str) -> bool {
    (2..=10).contains(&w.len())
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// Where the name an acronym stands for starts, before `open`: capitalised words and the small
/// words that join them, two capitalised words or more, one of them a head word of
/// organisations.
fn name_before(t: &str, open: usize, acronym: &str, heads: &HashSet<String>) -> Option<usize> {
    let mut first_capital = None;
    let mut capitals = 0;
    let mut headed = false;
    let mut end = open;
    // The initials of the capitalised words read so far, last word first: once they spell
    // the acronym, the name is whole ("the Government of Uganda and the Lord's Resistance
    // Army (LRA)" is the army's name from "Lord's").
    let letters: String = acronym
        .chars()
        .rev()
        .filter(char::is_ascii_uppercase)
        .collect();
    let mut initials = String::new();
    loop {
        let ws = t[..end].rfind(' ').map_or(0, |i| i + 1);
        let w = &t[ws..end];
        let capital = w.starts_with(char::is_uppercase)
            && !Words::get().not_name.contains(&w)
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'));
        if w.is_empty() || !(capital || Words::get().acronym_joins.contains(&w)) {
            break;
        }
        if capital {
            first_capital = Some(ws);
            capitals += 1;
            headed |= heads.contains(w);
            initials.extend(w.chars().next());
        }
        if ws == 0 || initials == letters {
            break;
        }
        end = ws - 1;
    }
    first_capital.filter(|_| capitals >= 2 && headed)
}
