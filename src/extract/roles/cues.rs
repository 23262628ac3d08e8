//! The rules of the role cues: a cue with the actors after it ("mediators from Qatar and
//! Egypt"), two actors joined by a dash before it ("U.S.-Iran talks"), the actors before it
//! ("Qatar, a mediator", "Egyptian-brokered"), and "negotiating ... with X".

use super::before::actors_before;
use super::lists::{actor_list, thanked_for, titled_person_at};
use super::{Context, Participations};
use crate::extract::syntax::tagger::Tagger;
use crate::extract::syntax::Tag;
use crate::extract::MentionKind;
use crate::lexicon::{Cue, Hit, Role, Slot, Words};
use crate::text::Sentence;

/// A role cue of the lexicon found in the text: where it stands, its sentence, its rule's name,
/// the role it gives and the fewest actors a list after it must name.
struct RoleCue<'a> {
    hit: Hit,
    sentence: &'a Sentence,
    name: &'a str,
    role: Role,
    min_actors: usize,
}

/// The roles each of the role cues at `hit` gives, unless a negation before it denies them
/// (but for a party's). Whether the cue was read: it named an actor, or stood where no role is
/// given (a body's name, a role asked for).
pub(super) fn read_role_cue(
    cx: &Context,
    hit: Hit,
    cues: &[Cue],
    out: &mut Participations,
) -> bool {
    if in_body_name(cx, hit) {
        return true;
    }
    let sentence = &cx.text.sentences[cx.text.sentence_of(hit.start)];
    if requested(cx, hit, sentence) {
        return true;
    }
    let denied = denied(cx, hit, sentence);
    let mut read = false;
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
        let rc = RoleCue {
            hit,
            sentence,
            name,
            role: *role,
            min_actors: *min_actors,
        };
        read |= match slot {
            Slot::After => actors_after(cx, &rc, out),
            Slot::Pair => pair_before(cx, &rc, out),
            Slot::Before => {
                let mut before = actors_before_cue(cx, &rc);
                if !before.is_empty() {
                    before.extend(companions(cx, &rc));
                }
                for &a in &before {
                    out.add(a, rc.role, hit.start, hit.end, rc.name, 0.7);
                }
                if let Some(person) = agent_through(cx, hit).filter(|_| !before.is_empty()) {
                    out.add(person, rc.role, hit.start, hit.end, rc.name, 0.7);
                }
                !before.is_empty()
            }
        };
    }
    read
}

/// "Portugal led the mediation through its secretary of state, José Manuel Durão Barroso": the
/// person a title names right after "through" does what the cue says for its actor.
fn agent_through(cx: &Context, hit: Hit) -> Option<usize> {
    let rest = cx.t[hit.end..].strip_prefix(" through ")?;
    titled_person_at(cx.t, cx.t.len() - rest.len(), cx.found)
}

/// Whether a role cue is a word of a body's name: capitalised, and followed by a capitalised
/// word of `ontology/words/institution-heads.txt` or "Group" ("the United Nations Iran-Iraq
/// Military Observer Group", "the Mediation Committee"), which names the body, not a role of
/// the states named in it.
fn in_body_name(cx: &Context, hit: Hit) -> bool {
    let t = cx.t;
    let cue = &t[hit.start..hit.end];
    let next = t[hit.end..]
        .strip_prefix(' ')
        .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
        .unwrap_or_default();
    cue.starts_with(char::is_uppercase)
        && (next == "Group" || Words::get().institution_heads.contains(&next))
}

/// "asked for a direct meeting between X and Y", "wanted guarantees from X": a role cue at most
/// four words after a word of asking or proposing in its clause, with no actor between them, is
/// a role wished for ("asked Mitchell to chair them" asks someone who then chairs).
fn requested(cx: &Context, hit: Hit, sentence: &Sentence) -> bool {
    let t = cx.t;
    let before = &t[sentence.start..hit.start];
    let clause_start = before.rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let clause = &before[clause_start..];
    let words: Vec<(usize, &str)> = clause
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .collect();
    words.iter().rev().take(4).any(|&(at, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        Words::get().request_words.contains(w.as_str())
            && cx.found.mentions_in(at, hit.start).next().is_none()
    })
}

/// "Türkiye has not been asked to serve as a guarantor": a role denied.
fn denied(cx: &Context, hit: Hit, sentence: &Sentence) -> bool {
    let t = cx.t;
    // Negations are sorted by start: only those of this sentence before the cue.
    let from = cx.negations.partition_point(|n| n.start < sentence.start);
    cx.negations[from..]
        .iter()
        .take_while(|n| n.start < hit.start)
        .any(|n| {
            n.end <= hit.start
                && t[n.end..hit.start].split_whitespace().count() <= 5
                && !t[n.end..hit.start].contains([',', ';'])
        })
}

/// The actors listed after a cue: "mediators from Qatar and Egypt", "hosted by Oman", and the
/// person holding a title after the list of mediators, hosts or observers. Whether the cue was
/// read: it named someone, or stood where it names no one (a bare "between" after a word of
/// moving, those thanked).
fn actors_after(cx: &Context, rc: &RoleCue, out: &mut Participations) -> bool {
    let (t, found, hit, role) = (cx.t, cx.found, rc.hit, rc.role);
    let phrase = &t[hit.start..hit.end];
    if phrase.eq_ignore_ascii_case("with") {
        return false;
    }
    // "a bargaining chip between NATO countries", "moved between Caracas and Havana": a bare
    // "between" after a word of dividing or moving names no sides of talks.
    if phrase.eq_ignore_ascii_case("between") {
        let before = t[rc.sentence.start..hit.start]
            .split_whitespace()
            .next_back()
            .unwrap_or_default()
            .to_lowercase();
        if Words::get()
            .not_sides_before_between
            .contains(&before.as_str())
        {
            return true;
        }
    }
    // "He thanked ... the governments of Oman, Switzerland and South Korea for
    // their help": those thanked are no sides of the talks.
    if role == Role::Party
        && rc.name == "leaders-of"
        && cx
            .praise
            .iter()
            .any(|p| p.start >= rc.sentence.start && p.end <= hit.start)
    {
        return true;
    }
    // "a panel of lawyers convened by the European Research Group": a participle's role is of
    // those who convene or broker talks or a deal, not anything else.
    let participle = phrase
        .strip_suffix(" by")
        .is_some_and(|p| p.ends_with("ed") && !p.contains(' '));
    if role != Role::Party && participle && !convenes_talks(t, rc.sentence.start, hit.start) {
        return false;
    }
    if ends_opening_phrase(t, rc.sentence.start, hit.end) {
        return false;
    }
    let from = hit.end + group_of_members(phrase, &t[hit.end..rc.sentence.end]);
    // (The sides of talks only: a third party's cue names its own, not a list of sides.)
    let from = (role == Role::Party)
        .then(|| described_list(cx, from, rc.sentence.end))
        .flatten()
        .unwrap_or(from);
    let (list, list_end) = actor_list(t, from, found, rc.sentence.end, role == Role::Host);
    if list.len() < rc.min_actors
        && !(matches!(role, Role::Mediator | Role::Host | Role::Observer)
            && titled_person_at(t, hit.end, found).is_some())
    {
        return false;
    }
    // A host is a state or organisation; a metonym for a capital names its state.
    for &a in &list {
        out.add(a, role, hit.start, hit.end, rc.name, 0.8);
    }
    // "mediated by Turkish President Recep Tayyip Erdogan": the person holding
    // the title after the list (or opening it) takes the role too; a party
    // list names sides, not their people.
    if matches!(role, Role::Mediator | Role::Host | Role::Observer) {
        let from = if list.is_empty() { hit.end } else { list_end };
        if let Some(person) = titled_person_at(t, from, found) {
            out.add(person, role, hit.start, hit.end, rc.name, 0.75);
            return true;
        }
    }
    !list.is_empty()
}

/// Whether a cue at `end` closes the phrase a sentence opens with ("In a letter to the
/// mediators, the Prime Minister ... reaffirmed"): the sentence's first word is an opening
/// preposition (`words/opening-prepositions.txt`) and its first comma follows the cue, so what
/// comes after the comma is the sentence's subject, not the cue's list.
fn ends_opening_phrase(t: &str, sentence_start: usize, end: usize) -> bool {
    let head = t[sentence_start..end].trim_start();
    let first = head
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    t[end..].starts_with(',')
        && !head.contains(',')
        && Words::get()
            .opening_prepositions
            .iter()
            .any(|w| w.eq_ignore_ascii_case(first))
}

/// Whether the word before a participle cue at `at` is what a third party convenes or brokers
/// (`words/convened-things.txt`: "talks chaired by"), or a comma, the sentence's start, a
/// passive's auxiliary or a conjunction stands there ("The talks, chaired by Norway,"; "The
/// talks were hosted by Oman"; "hosted and mediated by").
fn convenes_talks(t: &str, sentence_start: usize, at: usize) -> bool {
    let before = t[sentence_start..at].trim_end();
    // "co-sponsored by": a prefix of the participle's own
    if before.is_empty() || before.ends_with([',', '(', '—', '–', ':', ';', '-']) {
        return true;
    }
    let word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let w = Words::get();
    w.convened_things.contains(&word.as_str())
        || w.auxiliaries.contains(word.as_str())
        || matches!(word.as_str(), "and" | "or")
}

/// "brought together the four wartime Allies: the United States, the Soviet Union, ...": a
/// short phrase that names no actor and ends at a colon describes the list after the colon;
/// where the list starts, if so.
fn described_list(cx: &Context, from: usize, sentence_end: usize) -> Option<usize> {
    let t = cx.t;
    let colon = from + t[from..sentence_end].find(':')?;
    let phrase = t[from..colon].trim();
    let short = phrase.split(' ').count() <= 6;
    let plain = phrase
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    let names_none = cx.found.mentions_in(from, colon).next().is_none();
    (short && plain && !phrase.is_empty() && names_none).then_some(colon + 1)
}

/// "a mediation group of six states - Argentina, Brazil, ...", "the mediation team: Qatar and
/// Egypt": the length of the group noun (`words/group-nouns.txt`) that ends the cue or follows
/// it and of what it is "of" (at most three words), where a colon or a dash after them opens the
/// list of its members; else 0.
fn group_of_members(cue: &str, after: &str) -> usize {
    let is_group = |w: &str| {
        Words::get()
            .group_nouns
            .contains(&w.to_lowercase().as_str())
    };
    let lead = if cue.rsplit(' ').next().is_some_and(is_group) {
        0
    } else {
        let rest = after.trim_start();
        let noun = rest.split([' ', ':', ',']).next().unwrap_or_default();
        if !is_group(noun) {
            return 0;
        }
        after.len() - rest.len() + noun.len()
    };
    let tail = &after[lead..];
    let of_len = tail.strip_prefix(" of ").map_or(0, |r| {
        let words: Vec<&str> = r.split(' ').take(4).collect();
        (1..=3)
            .find(|&n| {
                words.get(n).is_some_and(|w| matches!(*w, "-" | "–" | "—"))
                    || words.get(n - 1).is_some_and(|w| w.ends_with(':'))
            })
            .map_or(0, |n| {
                " of ".len() + words[..n].join(" ").trim_end_matches(':').len()
            })
    });
    let opens = tail[of_len..].trim_start();
    if opens.starts_with([':', '-', '–', '—']) {
        lead + of_len
    } else {
        0
    }
}

/// "the Belgrade-Pristina dialogue", "U.S.-Iran talks": the two names joined by a dash right
/// before the cue. Whether there were two.
fn pair_before(cx: &Context, rc: &RoleCue, out: &mut Participations) -> bool {
    let (t, found, hit) = (cx.t, cx.found, rc.hit);
    let end = t[..hit.start].trim_end().len();
    let upto = found.mentions.partition_point(|m| m.start < end);
    let from = found.mentions.partition_point(|m| m.start + 80 < end);
    let near = &found.mentions[from..upto.max(from)];
    if let Some(b) = near.iter().rev().find(|m| m.end == end) {
        if let Some(a) = near
            .iter()
            .rev()
            .find(|a| a.end <= b.start && matches!(t[a.end..b.start].trim(), "-" | "–" | "—" | "/"))
        {
            if a.actor != b.actor {
                for x in [a.actor, b.actor] {
                    out.add(x, rc.role, hit.start, hit.end, rc.name, 0.75);
                }
                return true;
            }
        }
    }
    false
}

/// The actor right before a cue: "Israel's team", "Egyptian-brokered", "Qatar, a mediator",
/// "Oman has hosted", and those coordinated with it ("Egypt and Qatar, which brokered"); with
/// "as ...", the actors of the clause instead, and those thanked for mediating or hosting.
fn actors_before_cue(cx: &Context, rc: &RoleCue) -> Vec<usize> {
    let (t, found, hit, sentence) = (cx.t, cx.found, rc.hit, rc.sentence);
    let phrase = &t[hit.start..hit.end];
    let mut before = actors_before(t, hit.start, sentence.start, found, &cx.heads);
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
    if before.is_empty() && as_phrase {
        if let Some(list) = signing_with(cx, rc) {
            before = list;
        }
    }
    // "commended Angola and the DRC for their mediation": the actors thanked.
    if matches!(rc.role, Role::Mediator | Role::Host) {
        let thanked = thanked_for(t, hit.start, sentence.start, found, &cx.praise);
        if !thanked.is_empty() {
            before = thanked;
        }
    }
    if before.is_empty() && as_phrase {
        if let Some(list) = infinitive_subject(cx, rc).or_else(|| clause_subject(cx, rc)) {
            before = list;
        }
    }
    before
}

/// "Egypt mediated the talks along with Qatar", "signed the accord as guarantors, alongside the
/// African Union and the United Nations": the actors a companion word (`words/companions.txt`)
/// lists after the cue share its role, where nothing between the cue and that word names an
/// actor or opens or ends a clause.
fn companions(cx: &Context, rc: &RoleCue) -> Vec<usize> {
    let (t, hit, end) = (cx.t, rc.hit, rc.sentence.end);
    let rest = &t[hit.end..end];
    let lower = rest.to_ascii_lowercase();
    let found_word = Words::get()
        .companions
        .iter()
        .filter_map(|w| {
            let at = lower.match_indices(*w).find(|&(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + w.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric()) && after == Some(' ')
            })?;
            Some((at.0, w.len()))
        })
        .min();
    let Some((at, len)) = found_word else {
        return Vec::new();
    };
    let gap = (hit.end, hit.end + at);
    let closes = rest[..at].contains([';', ':', '(', ')', '"', '“', '”']);
    let names = cx.found.mentions_in(gap.0, gap.1).next().is_some();
    // A finite verb, a conjunction or a relative word opens another clause ("signed as witness
    // states, and together with the UN they sit on a committee").
    let clause = Tagger::builtin().any_tag(t, gap.0, gap.1, |tag| {
        tag.is_finite_verb() || matches!(tag, Tag::CC | Tag::WDT | Tag::WP)
    });
    if closes || names || clause {
        return Vec::new();
    }
    actor_list(t, gap.1 + len, cx.found, end, false).0
}

/// "Israel asked France to act as a mediator": the actor right before the infinitive that the
/// "as ..." cue ends, not the subject of the clause that asks.
fn infinitive_subject(cx: &Context, rc: &RoleCue) -> Option<Vec<usize>> {
    let (t, hit) = (cx.t, rc.hit);
    let before = t[rc.sentence.start..hit.start].trim_end();
    let (rest, _verb) = before.rsplit_once(' ')?;
    let to_at = rest.strip_suffix(" to")?.len() + rc.sentence.start;
    let m = cx
        .found
        .mentions_in(rc.sentence.start, to_at)
        .filter(|m| !m.locative && m.kind != MentionKind::Pronoun && !m.possessive)
        .last()
        .filter(|m| m.end == to_at)?;
    Some(vec![m.actor])
}

/// "with Lourenço and Tshisekedi signing alongside them as facilitators": the names after "with"
/// in the same clause, when a verb in "-ing" follows them.
fn signing_with(cx: &Context, rc: &RoleCue) -> Option<Vec<usize>> {
    let (t, hit, sentence) = (cx.t, rc.hit, rc.sentence);
    let clause = &t[sentence.start..hit.start];
    let w = clause.rfind(" with ")?;
    let from = sentence.start + w + " with ".len();
    let (list, list_end) = actor_list(t, from, cx.found, hit.start, false);
    let next = t[list_end..hit.start].split_whitespace().next();
    next.is_some_and(|w| w.ends_with("ing")).then_some(list)
}

/// The actors listed at the start of the clause of an "as ..." cue, past a phrase of time: "The
/// United Nations and IGAD also attended as observers".
fn clause_subject(cx: &Context, rc: &RoleCue) -> Option<Vec<usize>> {
    let (t, found, hit) = (cx.t, cx.found, rc.hit);
    let clause_start = clause_opening(t, rc.sentence.start, hit.start);
    let lead = t[clause_start..hit.start].len()
        - t[clause_start..hit.start]
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let lead = lead + time_phrase_len(&t[clause_start + lead..hit.start]);
    let first = found
        .mentions_in(clause_start, hit.start)
        .find(|m| !m.locative && m.kind != MentionKind::Pronoun && !m.possessive);
    let m = first.filter(|m| m.start <= clause_start + lead + 6)?;
    Some(actor_list(t, m.start, found, hit.start, false).0)
}

/// "negotiating on a Gaza cease-fire with Hamas": "with" after a party cue of the same clause.
pub(super) fn negotiating_with(cx: &Context, out: &mut Participations) {
    let (t, text) = (cx.t, cx.text);
    for &(hit, _) in &cx.role_hits {
        if !t[hit.start..hit.end].eq_ignore_ascii_case("with") {
            continue;
        }
        let sentence = &text.sentences[text.sentence_of(hit.start)];
        let opened = cx.party_cue_ends.iter().any(|&e| {
            e <= hit.start
                && e >= sentence.start
                && hit.start - e < 60
                && !t[e..hit.start].contains([',', ';', '.'])
        });
        if opened {
            let (list, _) = actor_list(t, hit.end, cx.found, sentence.end, false);
            for a in list {
                out.add(a, Role::Party, hit.start, hit.end, "negotiating-with", 0.7);
            }
        }
    }
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
        if number || Words::get().months.contains(&bare) {
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
