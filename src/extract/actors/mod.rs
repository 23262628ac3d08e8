//! The names stage: actors, and every mention of them by name or title.
//!
//! - Gazetteer names, alternative names and surnames (a surname only once the person's full name,
//!   or a title or "Mr." before the surname, has appeared).
//! - A state's adjective ("Qatari") only when an agent noun follows ("Qatari officials",
//!   "Israeli and Hamas officials", "Egyptian-brokered").
//! - A capital or seat of government ("Washington", "the White House") only when it is not a
//!   place: not after "in", "to", "from" ..., and not the start of another name ("Washington Post").
//! - New people from title patterns: "Foreign Minister Lina Haddad", "Lina Haddad, a spokeswoman
//!   for ...", "Jordan's foreign minister, Lina Haddad", "Lina Haddad said"; later surname and
//!   "Ms. Haddad" mentions go to the same person. Names in bylines and credit lines never become
//!   actors.
//! - Titles ("the prime minister", "Trump's Middle East envoy") resolved to the nearest fitting
//!   actor.
//!
//! [`find`] runs these rules as stages, in this order, each adding to the actors and mentions the
//! stages before it found:
//!
//! 1. `gazetteer`: the gazetteer's names; `acronyms`: organisations named with their acronym
//!    in brackets.
//! 2. `new_names`: new people and organisations from capitalised names (`runs` finds them),
//!    then `acronyms`: acronyms after "the", then `new_names` again: the surnames of the new
//!    people; then `subject_names`: organisations named only as the subject of an actor's verb.
//! 3. `titles`: titles held by the people named, and titles that refer to someone.
//!
//! It returns what they found as [`Names`], for the reference stage ([`super::reference`]) to
//! add the descriptions ("the group") and pronouns to; that stage returns the [`Found`] every
//! later stage reads. The reference stage reads this module's builder; this module reads
//! nothing of it.

mod acronyms;
mod builder;
mod gazetteer;
mod institutions;
mod inverted_names;
mod new_names;
mod purpose_names;
mod runs;
mod subject_names;
mod titles;

use super::{Actor, Mention, Metadata, TitleUse};
use crate::lexicon::{Cue, CueClass, CueHits, Hit, Lexicon, Role, Slot};
use crate::text::Text;
pub(super) use builder::Builder;
pub(super) use titles::org_among;

/// The actors of a text, every mention of them and the titles they hold or that refer to them.
pub struct Found {
    pub actors: Vec<Actor>,
    /// Sorted by start.
    pub mentions: Vec<Mention>,
    pub titles: Vec<TitleUse>,
    /// The cue hits of the whole text, found once for all the rules that need them.
    pub cues: CueHits,
}

impl Found {
    /// The mention that covers `start..end` exactly, or the last one ending at `end`.
    pub fn mention_ending_at(&self, end: usize) -> Option<&Mention> {
        self.mentions.iter().rev().find(|m| m.end == end)
    }

    /// `actors` without repeats, the most mentioned first (ties by label).
    pub fn by_mentions(&self, actors: impl Iterator<Item = usize>) -> Vec<usize> {
        let mut counts = vec![0usize; self.actors.len()];
        for m in &self.mentions {
            counts[m.actor] += 1;
        }
        let mut ranked: Vec<usize> = actors.collect();
        ranked.sort_by(|&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then_with(|| self.actors[a].label.cmp(&self.actors[b].label))
        });
        ranked.dedup();
        ranked
    }

    pub fn mentions_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> {
        let first = self.mentions.partition_point(|m| m.start < start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start < end)
    }
}

/// What the names stage found, for the reference stage to add to: the actors and their mentions
/// so far, the titles, and the cue hits.
pub struct Names<'a> {
    pub(super) builder: Builder<'a>,
    pub titles: Vec<TitleUse>,
    pub cues: CueHits,
}

/// The names stage: stages 1 to 3.
pub fn find<'a>(text: &Text<'a>, lexicon: &'a Lexicon, meta: &Metadata) -> Names<'a> {
    let cues = lexicon.all_cue_hits(text.text);
    let cx = Context::new(text, lexicon, meta, &cues);
    let mut b = Builder::new(text.text, lexicon);

    // 1. Gazetteer names, and the organisations named with their acronym in brackets, by
    //    what they stand for or as a state's institution ("the Bank of Japan", "the Qatar
    //    Investment Authority"); a gazetteer
    //    name inside those names is no mention.
    let defined = acronyms::definitions(&cx);
    let defined_names: Vec<(usize, usize)> = defined.iter().map(|&(name, _)| name).collect();
    let purposed = purpose_names::spans(&cx, &defined_names);
    let mut institutions = institutions::spans(&cx);
    institutions.extend(institutions::prefixed_spans(&cx));
    let inside: Vec<(usize, usize)> = defined_names
        .into_iter()
        .chain(purposed.clone())
        .chain(institutions.iter().copied())
        .collect();
    gazetteer::mention_names(&cx, &inside, &mut b);
    acronyms::mention_defined(&cx, defined, &mut b);
    institutions::mention(&cx, institutions, &mut b);
    let purpose_named = purpose_names::mention(&cx, purposed, &mut b);

    // 2. Names written surname first ("Kreisky, Bruno"), new people from title patterns, and
    //    new organisations from their head words.
    inverted_names::mention(&cx, &mut b);
    let mut new_organizations = new_names::organizations_after_titles(&cx, &mut b);
    new_organizations.extend(new_names::organizations_before_titles(&cx, &mut b));
    new_organizations.extend(new_names::people_and_organizations(&cx, &mut b));
    new_organizations.extend(new_names::organizations_before_possessions(&cx, &mut b));
    // their initials name them too ("the Sudan Revolutionary Front", "the SRF").
    new_organizations.extend(purpose_named);
    new_names::surnames_with_posts(&cx, &mut b);
    new_names::mention_new_organizations(&cx, new_organizations, &mut b);
    b.sort_mentions();
    acronyms::mention_after_the(&cx, &mut b);
    new_names::mention_surnames(&cx, &mut b);
    subject_names::mention(&cx, &mut b);

    // 3. Titles: attached to a name, or a reference to resolve.
    let titles = titles::find(&cx, &mut b);
    titles::regnal_names(&mut b);
    Names {
        builder: b,
        titles,
        cues,
    }
}

/// What every stage reads: the text, the lexicon, the article's metadata, the cue hits the rules
/// use and the gazetteer's names outside credit lines and headings.
struct Context<'a> {
    text: &'a Text<'a>,
    t: &'a str,
    lexicon: &'a Lexicon,
    meta: &'a Metadata,
    h: Hits,
    /// The gazetteer's names, sorted by start.
    names: Vec<Hit>,
}

impl<'a> Context<'a> {
    fn new(text: &'a Text<'a>, lexicon: &'a Lexicon, meta: &'a Metadata, cues: &CueHits) -> Self {
        let t = text.text;
        let h = Hits {
            titles: cues.spans(CueClass::Title),
            honorifics: cues.spans(CueClass::Honorific),
            agent_heads: cues.spans(CueClass::AgentHead),
            locatives: cues.spans(CueClass::Locative),
            speech: cues.spans(CueClass::Speech),
            third_party: lexicon
                .hits_in(cues, CueClass::Role)
                .into_iter()
                .filter(|(_, cs)| {
                    cs.iter().any(|c| {
                        matches!(c, Cue::Role { slot: Slot::After, role, .. } if *role != Role::Party)
                    })
                })
                .map(|(h, _)| h)
                .collect(),
        };
        let mut cx = Context {
            text,
            t,
            lexicon,
            meta,
            h,
            names: Vec::new(),
        };
        cx.names = lexicon
            .names
            .find(&unwrapped(t))
            .into_iter()
            .filter(|h| !cx.in_credit(h.start) && !in_capitals_heading(t, h.start, h.end))
            .collect();
        cx
    }

    /// Whether `pos` stands in a byline or credit line.
    fn in_credit(&self, pos: usize) -> bool {
        self.meta
            .credit_spans
            .iter()
            .any(|&(s, e)| s <= pos && pos < e)
    }

    /// Whether `pos` stands in a dateline.
    fn in_dateline(&self, pos: usize) -> bool {
        self.meta
            .dateline_spans
            .iter()
            .any(|&(s, e)| s <= pos && pos < e)
    }
}

struct Hits {
    titles: Vec<Hit>,
    honorifics: Vec<Hit>,
    agent_heads: Vec<Hit>,
    locatives: Vec<Hit>,
    speech: Vec<Hit>,
    /// Cues of a third party's role followed by its name ("under the auspices of", "mediated
    /// by", "hosted by").
    third_party: Vec<Hit>,
}

impl Hits {
    /// Whether a title or an honorific covers `start..end`. Both are sorted by start and none is
    /// longer than 60 bytes: only those starting a little before can.
    fn titled(&self, start: usize, end: usize) -> bool {
        let holds = |hits: &[Hit]| {
            let k = hits.partition_point(|x| x.start <= start);
            hits[..k]
                .iter()
                .rev()
                .take_while(|x| x.start + 60 > start)
                .any(|x| end <= x.end)
        };
        holds(&self.titles) || holds(&self.honorifics)
    }
}

fn skip_ws_back(text: &str, mut pos: usize) -> usize {
    while pos > 0 {
        let Some(c) = text[..pos].chars().next_back() else {
            break;
        };
        if c.is_whitespace() {
            pos -= c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

fn skip_ws(text: &str, mut pos: usize) -> usize {
    while let Some(c) = text[pos..].chars().next() {
        if c.is_whitespace() {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// Whether what stands between a sentence's start and a word is no more than spaces and opening
/// quotation marks: the word opens the sentence.
pub(super) fn opens_sentence(before: &str) -> bool {
    before
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '"' | '‘' | '\''))
        .is_empty()
}

/// Whether a sentence holds a quotation mark: its "you" may be a speaker's listener.
pub(super) fn quoted(sentence: &str) -> bool {
    sentence.contains(['"', '\u{201c}', '\u{201d}'])
}

/// Whether a word is of the second person ("you", "Your", "yourself", "yours"), in lower case or
/// capitalised: "YOU ARE THE ENVOY" is a heading's, spoken to no one named.
pub(super) fn second_person(w: &str) -> bool {
    matches!(
        w,
        "you" | "You" | "your" | "Your" | "yourself" | "Yourself" | "yours" | "Yours"
    )
}

/// Whether a sentence speaks to "you" outside any quotation ("Leon Gambetta, the scales tip
/// against you.").
pub(super) fn speaks_to_you(sentence: &str) -> bool {
    !quoted(sentence)
        && sentence
            .split(|c: char| !c.is_alphabetic())
            .any(second_person)
}

/// The end of a possessive marker right after `end` ("'s", "’s", "’"), if any.
pub fn possessive_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    for marker in ["'s", "’s", "’", "'"] {
        if let Some(after) = rest.strip_prefix(marker) {
            if !after.chars().next().is_some_and(char::is_alphanumeric) {
                return Some(end + marker.len());
            }
        }
    }
    None
}

fn starts_capital(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn ends_right_before(hits: &[Hit], text: &str, pos: usize) -> Option<Hit> {
    let p = skip_ws_back(text, pos);
    hits.iter().rev().find(|h| h.end == p).copied()
}

fn starts_right_after(hits: &[Hit], text: &str, pos: usize) -> Option<Hit> {
    let p = skip_ws(text, pos);
    hits.iter().find(|h| h.start == p).copied()
}

/// Whether an acronym stands in a line written all in capitals, a heading ("WHO CAME HOME"),
/// where it may be a plain word.
fn in_capitals_heading(t: &str, start: usize, end: usize) -> bool {
    if t[start..end].chars().any(char::is_lowercase) {
        return false;
    }
    let line_start = t[..start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = t[end..].find('\n').map_or(t.len(), |p| end + p);
    let line = &t[line_start..line_end];
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= 2
        && !line.chars().any(char::is_lowercase)
}

/// `t` with each line break between two words (a single one: "the Popular Front\nfor the
/// Liberation of Palestine" in Teletext's, subtitles' or a pasted page's wrapped lines) read as
/// a space, byte for byte, so that the gazetteer finds the names a wrap splits. Only the
/// gazetteer reads it: sentences and everything else keep the line breaks.
fn unwrapped(t: &str) -> std::borrow::Cow<'_, str> {
    let b = t.as_bytes();
    let wraps: Vec<usize> = (1..b.len().saturating_sub(1))
        .filter(|&i| {
            b[i] == b'\n' && b[i - 1].is_ascii_alphanumeric() && b[i + 1].is_ascii_alphabetic()
        })
        .collect();
    if wraps.is_empty() {
        return std::borrow::Cow::Borrowed(t);
    }
    let mut out = b.to_vec();
    for i in wraps {
        out[i] = b' ';
    }
    std::borrow::Cow::Owned(String::from_utf8(out).expect("a newline replaced by a space"))
}
