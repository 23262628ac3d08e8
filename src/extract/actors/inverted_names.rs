//! Names written surname first, as indexes, bibliographies, rosters and directories write them:
//! "Kreisky, Bruno (Austrian chancellor): ...", "see also Bouteflika, Abdelaziz; Rösch, Otto".

use super::{starts_capital, Builder, Context};
use crate::extract::MentionKind;
use crate::lexicon::{ActorKind, NameKind, Words};

/// Where an entry opens: a line's start, after "see also ", or after "; " on a line where an
/// entry opened before.
const OPENERS: [&str; 3] = ["see also ", "See also ", "; "];

/// A person at each inverted name that opens an entry: a capitalised surname (with its
/// particle, "al-Azzawi"), a comma, one or two capitalised given names, and then a bracket, a
/// colon, a semicolon or the line's end. The name in its usual order is the gazetteer's person,
/// else a new person when its first given name is a known one (`words/given-names.txt`) or a
/// title stands in the bracket after it.
pub(super) fn mention(cx: &Context, b: &mut Builder) {
    let t = cx.t;
    let mut line_start = 0;
    for line in t.split_inclusive('\n') {
        // (where an entry may open, whether a cross-reference opens it)
        let mut at = vec![(line_start, false)];
        for opener in OPENERS {
            let reference = opener != "; ";
            at.extend(
                line.match_indices(opener)
                    .map(|(i, _)| (line_start + i + opener.len(), reference)),
            );
        }
        at.sort_unstable();
        let mut opened = false;
        for (start, reference) in at {
            match inverted_at(t, start, line_start + line.len()) {
                Some((end, surname, given)) if start == line_start || opened || reference => {
                    opened = true;
                    read_entry(cx, b, start, end, surname, given);
                }
                _ => {}
            }
        }
        line_start += line.len();
    }
}

/// The inverted name at `start`: its end, its surname and its given names.
fn inverted_at(t: &str, start: usize, line_end: usize) -> Option<(usize, &str, &str)> {
    let rest = &t[start..line_end];
    let comma = rest.find(", ")?;
    let surname = &rest[..comma];
    let after = &rest[comma + 2..];
    let given_len = after
        .find(['(', ':', ';', '\n', ','])
        .unwrap_or(after.len());
    let given = after[..given_len].trim_end();
    let closes = after[given_len..].starts_with(['(', ':', ';', '\n']) || given_len == after.len();
    let words = |s: &str| s.split(' ').count();
    // each word capitalised past a particle joined to it ("al-Azzawi"), or a particle itself
    // ("de Sousa"; `words/name-particles.txt`)
    let particles = &Words::get().name_particles;
    let capitalised = |s: &str| {
        s.split(' ').all(|w| {
            let joined = w.split_once('-').filter(|(p, _)| particles.contains(p));
            let w = joined.map_or(w, |(_, rest)| rest);
            (starts_capital(w) || particles.contains(&w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
    };
    (closes
        && !given.is_empty()
        && words(surname) <= 2
        && words(given) <= 2
        && capitalised(surname)
        && capitalised(given))
    .then(|| (start + comma + 2 + given.len(), surname, given))
}

fn read_entry(cx: &Context, b: &mut Builder, start: usize, end: usize, surname: &str, given: &str) {
    if b.covered(start, end) {
        return;
    }
    let name = format!("{given} {surname}");
    let person = |&&(e, kind): &&(usize, NameKind)| {
        kind != NameKind::Demonym && cx.lexicon.actors[e].kind == ActorKind::Person
    };
    let known = cx
        .lexicon
        .names
        .find(&name)
        .into_iter()
        .filter(|h| h.start == 0 && h.end == name.len())
        .find_map(|h| {
            cx.lexicon
                .names
                .values(&h)
                .iter()
                .find(person)
                .map(|&(e, _)| e)
        });
    let actor = match known {
        Some(entry) => b.actor_for_entry(entry),
        None => {
            let first = given.split([' ', '-']).next().unwrap_or(given);
            let titled = cx.t[end..].trim_start().starts_with('(')
                && cx
                    .h
                    .titles
                    .iter()
                    .any(|h| h.start > end && h.start < end + 60);
            if !Words::get().given_names.contains(first) && !titled {
                return;
            }
            b.new_person(&name)
        }
    };
    b.mention(start, end, actor, MentionKind::Name, false);
}
