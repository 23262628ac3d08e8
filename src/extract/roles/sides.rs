//! The sides of talks no rule names: where the cue, clause and envoy rules find fewer than two
//! parties, the states and organisations that the sentences speaking of talks or a deal name
//! most ("talks", "summit", "treaty": `words/talks-nouns.txt` and the deal cues), each in two
//! such sentences at least, with no other role, are the parties: the one side a rule found and
//! the actor named most with it in such a sentence; where no rule found a side, the two named
//! most that such a sentence names together and that "and", "with", "v" or a dash join
//! somewhere ("The United States and Russia resumed the New START talks"). Read after those
//! rules, before the frame is made from the parties.

use crate::extract::actors::Found;
use crate::extract::{Evidence, MentionKind, Participation};
use crate::lexicon::{ActorKind, CueClass, Role, Words};
use crate::text::Text;

const RULE: &str = "talk-sides";
const CONFIDENCE: f32 = 0.5;

/// The party roles of the sides `roles` leave unnamed.
pub fn parties(text: &Text, found: &Found, roles: &[Participation]) -> Vec<Participation> {
    let side = |a: usize| {
        matches!(
            found.actors[a].kind,
            ActorKind::State | ActorKind::Organization
        ) && !roles.iter().any(|p| p.actor == a && p.role != Role::Party)
    };
    let mut sides: Vec<usize> = roles
        .iter()
        .filter(|p| p.role == Role::Party && side(p.actor))
        .map(|p| p.actor)
        .collect();
    sides.sort_unstable();
    sides.dedup();
    if sides.len() >= 2 {
        return Vec::new();
    }
    let named = talk_sentences(text, found)
        .into_iter()
        .map(|s| (s, actors_of(text, found, s, &side)))
        .collect::<Vec<_>>();
    let count = |a: usize| named.iter().filter(|(_, x)| x.contains(&a)).count();
    let together = |a: usize, b: usize| {
        named
            .iter()
            .find(|(_, x)| x.contains(&a) && x.contains(&b))
            .map(|(s, _)| *s)
    };
    let mut ranked = found.by_mentions(named.iter().flat_map(|(_, x)| x.iter().copied()));
    ranked.retain(|&a| count(a) >= 2);
    ranked.sort_by_key(|&a| std::cmp::Reverse(count(a)));
    let Some(first) = sides.first().copied().or_else(|| ranked.first().copied()) else {
        return Vec::new();
    };
    // with no side named by a rule, the two are also joined somewhere ("Washington and
    // Moscow", "the US-China talks")
    let fits = |b: usize| {
        together(first, b).filter(|_| !sides.is_empty() || joined(text, found, first, b))
    };
    let Some((second, s)) = ranked
        .iter()
        .filter(|&&b| b != first)
        .find_map(|&b| fits(b).map(|s| (b, s)))
    else {
        return Vec::new();
    };
    [first, second]
        .into_iter()
        .filter(|a| !sides.contains(a))
        .map(|a| party(text, found, a, s))
        .collect()
}

/// Whether a mention of `a` and one of `b` are joined by "and", "with", "v" or a dash alone.
fn joined(text: &Text, found: &Found, a: usize, b: usize) -> bool {
    const JOINS: [&str; 8] = ["and", "and the", "with", "with the", "v", "vs", "-", "–"];
    let t = text.text;
    let ms = &found.mentions;
    ms.windows(2).any(|w| {
        let (x, y) = (w[0], w[1]);
        let pair = (x.actor == a && y.actor == b) || (x.actor == b && y.actor == a);
        pair && x.end <= y.start && JOINS.contains(&t[x.end..y.start].trim().trim_end_matches('.'))
    })
}

/// The sentences that speak of talks or a deal.
fn talk_sentences(text: &Text, found: &Found) -> Vec<usize> {
    let deals = found.cues.of(CueClass::Deal);
    let words = Words::get();
    (0..text.sentences.len())
        .filter(|&i| {
            let s = &text.sentences[i];
            deals.iter().any(|d| d.start >= s.start && d.end <= s.end)
                || s.tokens
                    .clone()
                    .any(|k| words.is_talks_noun(text.token_text(k)))
        })
        .collect()
}

/// The actors sentence `s` names that may be sides, each once, in text order: no place, no
/// pronoun.
fn actors_of(text: &Text, found: &Found, s: usize, side: &impl Fn(usize) -> bool) -> Vec<usize> {
    let sentence = &text.sentences[s];
    let mut out: Vec<usize> = Vec::new();
    for m in found.mentions_in(sentence.start, sentence.end) {
        if m.end <= sentence.end
            && !m.locative
            && m.kind != MentionKind::Pronoun
            && side(m.actor)
            && !out.contains(&m.actor)
        {
            out.push(m.actor);
        }
    }
    out
}

/// Actor `a`'s party role, with its first mention in sentence `s` as evidence.
fn party(text: &Text, found: &Found, a: usize, s: usize) -> Participation {
    let sentence = &text.sentences[s];
    let m = found
        .mentions_in(sentence.start, sentence.end)
        .find(|m| m.actor == a)
        .copied();
    let (start, end) = m.map_or((sentence.start, sentence.end), |m| (m.start, m.end));
    Participation {
        actor: a,
        role: Role::Party,
        evidence: Evidence {
            sentence: s,
            start,
            end,
        },
        rule: RULE.to_string(),
        confidence: CONFIDENCE,
    }
}
