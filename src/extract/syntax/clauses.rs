//! Phrases and clauses of every sentence, read from its tagged words.
//!
//! A shallow parse, the same for every rule that reads it:
//!
//! 1. each sentence's words are cut into [`Chunk`]s: noun phrases (determiners, adjectives, nouns,
//!    numbers, possessives: "Qatar's prime minister", "the Egyptian-brokered cease-fire"), verb
//!    groups (modals, adverbs and verbs: "has not yet accepted"; "to host"), prepositions,
//!    conjunctions, relative words, subordinators and punctuation;
//! 2. noun phrases joined by "and", "or", commas, "along with", "together with", "as well as" are
//!    one coordinated [`NounPhrase`] with a member per conjunct;
//! 3. every verb group heads a [`Clause`]: its subject is the noun phrase before it (past a
//!    prepositional chain or an apposition: "the talks in Doha", "Qatar, the mediator,"); a
//!    relative word's subject is the phrase the relative follows; an infinitive or a verb joined by
//!    "and" takes its subject from the clause before ("agreed to host": the one who agreed; "urged
//!    Hamas to accept": the object, Hamas); its object is the noun phrase right after it and its
//!    prepositional phrases follow; a passive's agent is its "by" phrase, and a participle right
//!    after a noun phrase ("the deal brokered by Qatar") is a passive of that phrase.
//!
//! Everything is word indices into [`Words`], so every clause has byte spans in the article.

use std::ops::Range;

use super::{Tag, Words};

/// A noun phrase: its words and, for a coordination, the words of each member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounPhrase {
    pub words: Range<usize>,
    pub members: Vec<Range<usize>>,
}

impl NounPhrase {
    /// A phrase of one member.
    pub fn single(words: Range<usize>) -> NounPhrase {
        NounPhrase {
            members: vec![words.clone()],
            words,
        }
    }
}

/// A preposition and the noun phrase it governs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prep {
    pub word: usize,
    pub phrase: NounPhrase,
}

/// One verb group with what depends on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The verb group's words ("has not yet accepted").
    pub verbs: Range<usize>,
    /// Its main verb ("accepted").
    pub head: usize,
    /// Its own, or for an infinitive or a coordinated verb the one it takes from the clause
    /// before.
    pub subject: Option<NounPhrase>,
    pub object: Option<NounPhrase>,
    pub preps: Vec<Prep>,
    /// A passive's "by" phrase.
    pub agent: Option<NounPhrase>,
    pub negated: bool,
    pub passive: bool,
    /// A modal of possibility ("may", "might", "could") makes it a hedge, not a statement.
    pub hedged: bool,
    /// Inside an "if", "unless" or "whether" clause.
    pub conditional: bool,
    /// The sentence asks.
    pub question: bool,
    /// A relative clause set off by a comma ("Russia and China, which also signed the 2015
    /// agreement,"): background about its antecedent, not what the sentence states.
    pub background: bool,
    /// The clause this one depends on, for an infinitive ("agreed" for "to host").
    pub governor: Option<usize>,
    /// For an object relative, the phrase it is said of, which its relative word stands for as
    /// the verb's object ("the PLO, which it calls a terrorist group": the PLO; "the
    /// cease-fire that Russia and Turkey brokered": what was brokered).
    pub antecedent: Option<NounPhrase>,
}

impl Clause {
    /// Who does it: the agent of a passive, else the subject.
    pub fn doer(&self) -> Option<&NounPhrase> {
        if self.passive {
            self.agent.as_ref()
        } else {
            self.subject.as_ref()
        }
    }

    /// What it is done to: the subject of a passive, else the object, else the phrase an
    /// object relative is said of.
    pub fn done_to(&self) -> Option<&NounPhrase> {
        if self.passive {
            self.subject.as_ref()
        } else {
            self.object.as_ref().or(self.antecedent.as_ref())
        }
    }
}

/// The clauses of one article, sentence by sentence, with all its noun phrases.
#[derive(Debug, Clone, Default)]
pub struct Clauses {
    pub clauses: Vec<Clause>,
    /// For each sentence, the range of its clauses in `clauses`.
    pub sentences: Vec<Range<usize>>,
    /// Every noun phrase, in text order.
    pub phrases: Vec<NounPhrase>,
    /// Appositions as indices into `phrases`: "Norway, the facilitator," is (Norway, the
    /// facilitator).
    pub appositions: Vec<(usize, usize)>,
}

impl Clauses {
    /// The noun phrase that starts at word `i`.
    pub fn phrase_at(&self, i: usize) -> Option<&NounPhrase> {
        let k = self.phrases.partition_point(|p| p.words.start < i);
        self.phrases.get(k).filter(|p| p.words.start == i)
    }

    /// The noun phrase that ends right before word `i`.
    pub fn phrase_ending(&self, i: usize) -> Option<&NounPhrase> {
        let k = self.phrases.partition_point(|p| p.words.start < i);
        self.phrases[..k].iter().rev().find(|p| p.words.end == i)
    }

    /// The infinitive that depends on clause `c` ("to host" for "agreed"), which follows it in
    /// its sentence.
    pub fn dependent(&self, c: usize) -> Option<&Clause> {
        let s = self.sentences.partition_point(|r| r.end <= c);
        let end = self.sentences.get(s).map_or(c, |r| r.end);
        self.clauses[c + 1..end]
            .iter()
            .find(|x| x.governor == Some(c))
    }

    /// Adds the noun phrases of one sentence's chunks and its appositions: a noun phrase, a
    /// comma and a noun phrase that opens with a determiner and ends at a comma, a stop, a verb
    /// or the sentence's end.
    fn phrases_of(&mut self, words: &Words, chunks: &[Chunk]) {
        let first = self.phrases.len();
        let mut index = vec![None; chunks.len()];
        for (k, c) in chunks.iter().enumerate() {
            if let Chunk::Noun(np) = c {
                index[k] = Some(self.phrases.len());
                self.phrases.push(np.clone());
            }
        }
        // For each chunk, whether a clause has started before it.
        let mut clause_before = vec![false; chunks.len() + 1];
        for (k, c) in chunks.iter().enumerate() {
            clause_before[k + 1] = clause_before[k] || opens_clause(words, c);
        }
        for k in 2..chunks.len() {
            let (Some(a), Chunk::Comma(_), Some(b)) = (index[k - 2], &chunks[k - 1], index[k])
            else {
                continue;
            };
            // A description ("the facilitator") or a name ("Martin Griffiths").
            let np = &self.phrases[b];
            let opens = words.words[np.words.start].tag == Tag::DT
                || words.words[np.words.start].tag.is_proper_noun();
            let mut after = k + 1;
            while let (Some(Chunk::Prep(_)), Some(Chunk::Noun(_))) =
                (chunks.get(after), chunks.get(after + 1))
            {
                after += 2;
            }
            let closes = matches!(
                chunks.get(after),
                None | Some(
                    Chunk::Comma(_) | Chunk::Stop(_) | Chunk::Verb(..) | Chunk::Relative(_)
                )
            );
            // "After talks with Qatar, Egypt said": a comma that ends an opening adverbial
            // before its clause's subject and verb sets off no apposition.
            let subject = ends_opening_adverbial(chunks, words, k - 2, k, clause_before[k - 2]);
            if opens && closes && !subject && a >= first {
                self.appositions.push((a, b));
            }
        }
    }
}

/// One unit of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Chunk {
    Noun(NounPhrase),
    /// A verb group; `true` for an infinitive ("to host") or a gerund after a preposition.
    Verb(Range<usize>, bool),
    Prep(usize),
    /// "and", "or", "along with"; "but" and "yet" join clauses only.
    Conj(Range<usize>),
    But(usize),
    /// "who", "which", and "that" right before a verb.
    Relative(usize),
    /// "if", "unless", "because", "while", "that".
    Subordinator(usize),
    Comma(usize),
    /// ";", ":", dashes, brackets, quotes: ends what a clause may reach.
    Stop(usize),
    Other(usize),
}

impl Clauses {
    /// Parses every sentence of `words`.
    pub fn new(text: &str, words: &Words) -> Clauses {
        let mut out = Clauses::default();
        for range in &words.sentences {
            let first = out.clauses.len();
            let chunks = Chunker { text, words }.chunks(range.clone());
            out.phrases_of(words, &chunks);
            Builder {
                text,
                words,
                chunks: &chunks,
                out: &mut out.clauses,
                first,
            }
            .build(range.clone());
            out.sentences.push(first..out.clauses.len());
        }
        out
    }
}

struct Chunker<'a> {
    text: &'a str,
    words: &'a Words,
}

impl Chunker<'_> {
    fn tag(&self, i: usize) -> Tag {
        self.words.words[i].tag
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.words.text(self.text, i).eq_ignore_ascii_case(w)
    }

    /// Words that can stand inside a noun phrase: determiners, adjectives, nouns, numbers,
    /// possessives, and a participle between a determiner or adjective and a noun ("the proposed
    /// deal").
    fn nominal(&self, i: usize, start: usize, end: usize) -> bool {
        use Tag::*;
        match self.tag(i) {
            DT | PDT | PRPS | JJ | JJR | JJS | NN | NNS | NNP | NNPS | CD | POS | FW => true,
            // "met both delegations", "persuaded both camps": a "both" the tagger read as the
            // conjunction of "both X and Y" is a determiner before a plural noun.
            CC => self.is(i, "both") && self.plural_follows(i + 1, end),
            VBN | VBG => {
                i > start
                    && matches!(self.tag(i - 1), DT | JJ | PRPS | POS)
                    && i + 1 < end
                    && self.tag(i + 1).is_noun()
            }
            _ => false,
        }
    }

    /// Whether word `i` is an article or a possessive pronoun right after a noun.
    fn article_after_noun(&self, i: usize) -> bool {
        i >= 1
            && self.tag(i - 1).is_noun()
            && (self.tag(i) == Tag::PRPS
                || self.tag(i) == Tag::DT && ["a", "an", "the"].iter().any(|w| self.is(i, w)))
    }

    /// Whether a plural noun comes at word `i`, or after one adjective ("warring parties").
    fn plural_follows(&self, i: usize, end: usize) -> bool {
        let noun = |j: usize| j < end && self.tag(j).is_plural_noun();
        noun(i) || (i < end && self.tag(i).is_adjective() && noun(i + 1))
    }

    fn chunks(&self, range: Range<usize>) -> Vec<Chunk> {
        let (start, end) = (range.start, range.end);
        let mut out = Vec::new();
        let mut i = start;
        while i < end {
            // A short bracket after a phrase is an aside ("the Front (FACT)", "(SPLM/A)"): the
            // clause reads on past it.
            if let Some(after) = self.aside_end(i, end) {
                i = after;
                continue;
            }
            let (chunk, next) = self.chunk_at(i, start, end, &out);
            out.push(chunk);
            i = next;
        }
        let out = repeated_prepositions(out, |a, b| {
            self.words
                .text(self.text, a)
                .eq_ignore_ascii_case(self.words.text(self.text, b))
        });
        let out = coordinate(
            out,
            |np| np.words.len() == 1 && self.tag(np.words.start) == Tag::PRP,
            |np| self.tag(np.words.start) == Tag::NN,
        );
        opening_lists(out, self.words)
    }

    fn chunk_at(&self, i: usize, start: usize, end: usize, before: &[Chunk]) -> (Chunk, usize) {
        use Tag::*;
        let tag = self.tag(i);
        if tag == PRP || tag == EX {
            return (Chunk::Noun(NounPhrase::single(i..i + 1)), i + 1);
        }
        if self.nominal(i, start, end)
            && !(tag == DT && self.is(i, "that") && self.verb_follows(i + 1, end))
        {
            let mut e = i + 1;
            // "In December Israel suspended", "On 15 July Foreign Minister Tariq Aziz sent": after
            // a preposition, a date ends the phrase before a name.
            let dated = matches!(before, [.., Chunk::Prep(_)]);
            loop {
                while e < end && self.nominal(e, start, end) {
                    // "made the withdrawal of Israeli troops a condition", "gave Hamas a
                    // deadline", "made the release its priority": an article or a possessive
                    // after a noun opens the next phrase.
                    if self.article_after_noun(e) {
                        break;
                    }
                    if dated && self.date_ends_before_name(i, e) {
                        return (Chunk::Noun(NounPhrase::single(i..e)), e);
                    }
                    e += 1;
                }
                // "the government of Sri Lanka", "the Liberation Tigers of Tamil Eelam": a name
                // after "of" belongs to the phrase.
                match self.of_name(e, end) {
                    Some(next) => e = next,
                    None => break,
                }
            }
            return (Chunk::Noun(NounPhrase::single(i..e)), e);
        }
        // "the institutions, including border crossings": a preposition in -ing.
        if tag == VBG
            && crate::lexicon::Words::get()
                .ing_prepositions
                .iter()
                .any(|w| self.is(i, w))
        {
            return (Chunk::Prep(i), i + 1);
        }
        // "wants Hamas to disarm": "to" before a base form opens an infinitive, whatever
        // class the tagger gave it.
        if (tag == TO || self.is(i, "to")) && i + 1 < end && self.tag(i + 1) == VB {
            let e = self.verb_group_end(i + 1, end);
            return (Chunk::Verb(i + 1..e, true), e);
        }
        if tag.is_verb() || tag == MD || (tag.is_adverb() && self.verb_follows(i, end)) {
            // A gerund after a preposition ("for hosting") or after a stretch of time a verb
            // spends ("spent months brokering") depends on the verb before; not one after a
            // preposition of time or manner ("pressed for guarantees before demobilising").
            let gerund = tag == VBG
                && match before {
                    [.., Chunk::Prep(p)] => !adjunct_preposition(self.text, self.words, *p),
                    [.., Chunk::Verb(..), Chunk::Noun(np)] => time_span(self.text, self.words, np),
                    _ => false,
                };
            let e = self.verb_group_end(i, end);
            return (Chunk::Verb(i..e, gerund), e);
        }
        (self.small_chunk(i, end), self.small_end(i, end))
    }

    /// Whether the words `start..e` end in a date (a month, with a day or a year after it or a
    /// day before) and word `e` opens a name: a proper noun that is no month nor number.
    fn date_ends_before_name(&self, start: usize, e: usize) -> bool {
        let months = &crate::lexicon::Words::get().months;
        let month = |j: usize| months.contains(&self.words.text(self.text, j));
        let date = e > start
            && (month(e - 1) || self.tag(e - 1) == Tag::CD && e - 1 > start && month(e - 2));
        date && self.tag(e).is_proper_noun() && !month(e)
    }

    /// Where the name after an "of" at `i` starts ("of Togo", "of the United States"), if one
    /// follows.
    fn of_name(&self, i: usize, end: usize) -> Option<usize> {
        if i + 1 >= end || !self.is(i, "of") {
            return None;
        }
        let name = if self.tag(i + 1) == Tag::DT {
            i + 2
        } else {
            i + 1
        };
        (name < end && self.tag(name).is_proper_noun()).then_some(i + 1)
    }

    /// The end of a bracket of at most six words that opens at `i`.
    fn aside_end(&self, i: usize, end: usize) -> Option<usize> {
        if self.tag(i) != Tag::LRB {
            return None;
        }
        (i + 1..end.min(i + 8))
            .find(|&j| self.tag(j) == Tag::RRB)
            .map(|j| j + 1)
    }

    /// A one-word chunk (or "along with", "together with", "as well as").
    fn small_chunk(&self, i: usize, end: usize) -> Chunk {
        use Tag::*;
        let e = self.small_end(i, end);
        if e > i + 1 {
            return Chunk::Conj(i..e);
        }
        match self.tag(i) {
            CC if self.is(i, "but") || self.is(i, "yet") => Chunk::But(i),
            CC => Chunk::Conj(i..i + 1),
            WDT | WP => Chunk::Relative(i),
            IN if self.is(i, "that") && self.verb_follows(i + 1, end) => Chunk::Relative(i),
            IN if [
                "if", "unless", "because", "while", "although", "though", "whether", "that",
            ]
            .iter()
            .any(|w| self.is(i, w)) =>
            {
                Chunk::Subordinator(i)
            }
            IN | TO => Chunk::Prep(i),
            // A dash between spaces ends what a clause may reach, as a colon does ("BEIJING, Jan
            // 12 - Myanmar's military ..."); a slash joins no list.
            Comma
                if ["-", "--", "\u{2013}", "\u{2014}"]
                    .iter()
                    .any(|d| self.is(i, d)) =>
            {
                Chunk::Stop(i)
            }
            Comma if self.is(i, "/") => Chunk::Other(i),
            Comma => Chunk::Comma(i),
            Colon | LRB | RRB | LQuote | RQuote | Period => Chunk::Stop(i),
            _ => Chunk::Other(i),
        }
    }

    /// The end of a multi-word conjunction at `i`, else `i + 1`.
    fn small_end(&self, i: usize, end: usize) -> usize {
        let pair = |a: &str, b: &str| self.is(i, a) && i + 1 < end && self.is(i + 1, b);
        if pair("along", "with") || pair("together", "with") {
            return i + 2;
        }
        if pair("as", "well") && i + 2 < end && self.is(i + 2, "as") {
            return i + 3;
        }
        i + 1
    }

    /// Whether a verb (past adverbs) starts at `i`.
    fn verb_follows(&self, mut i: usize, end: usize) -> bool {
        while i < end && self.tag(i).is_adverb() {
            i += 1;
        }
        i < end && (self.tag(i).is_verb() || self.tag(i) == Tag::MD)
    }

    /// The end of the verb group at `i`: modals, adverbs, verbs and particles, ending on a verb
    /// or particle.
    fn verb_group_end(&self, i: usize, end: usize) -> usize {
        use Tag::*;
        let mut e = i;
        let mut last_verb = i;
        while e < end {
            let t = self.tag(e);
            if t.is_verb() || t == MD || t == RP {
                last_verb = e;
            } else if !t.is_adverb() || t.is_wh() {
                break;
            }
            e += 1;
        }
        last_verb + 1
    }
}

/// Whether word `i` is a preposition of time or manner, whose gerund is no object of the verb
/// before (`ontology/words/adjunct-prepositions.txt`: "before", "after", "without").
fn adjunct_preposition(text: &str, words: &Words, i: usize) -> bool {
    let w = words.text(text, i).to_ascii_lowercase();
    crate::lexicon::words::Words::get()
        .adjunct_prepositions
        .contains(&w.as_str())
}

/// Whether a phrase is a stretch of time ("months", "a decade"): its last word is one of
/// `ontology/words/time-spans.txt`.
fn time_span(text: &str, words: &Words, np: &NounPhrase) -> bool {
    let last = words.text(text, np.words.end - 1).to_ascii_lowercase();
    crate::lexicon::words::Words::get()
        .time_spans
        .contains(&last.as_str())
}

/// "signed by Qatar and by Egypt", "with Israel and with Hamas": a preposition repeated after a
/// conjunction goes, so that the two phrases are one coordination after the first; `same`
/// compares two words.
fn repeated_prepositions(chunks: Vec<Chunk>, same: impl Fn(usize, usize) -> bool) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    let mut i = 0;
    while i < chunks.len() {
        let repeated = match (
            out.as_slice(),
            &chunks[i],
            chunks.get(i + 1),
            chunks.get(i + 2),
        ) {
            (
                [.., Chunk::Prep(first), Chunk::Noun(_)],
                Chunk::Conj(_),
                Some(Chunk::Prep(again)),
                Some(Chunk::Noun(_)),
            ) => same(*first, *again),
            _ => false,
        };
        if repeated {
            // Keep the conjunction, drop the preposition after it.
            out.push(chunks[i].clone());
            i += 2;
            continue;
        }
        out.push(chunks[i].clone());
        i += 1;
    }
    out
}

/// Joins noun phrases linked by conjunctions or commas into one coordinated phrase: "Qatar,
/// Egypt and the United States"; "Qatar along with Egypt". A comma joins only where a
/// conjunction later closes the list.
///
/// A personal pronoun is never a member: "the disarmament of Hamas and we reject" joins two
/// clauses. Nor is a phrase after a comma that opens with a singular noun and no determiner
/// (`bare`): "Nabih Berri, leader of the Amal movement and minister of justice" is a name and
/// its titles in apposition.
fn coordinate(
    chunks: Vec<Chunk>,
    pronoun: impl Fn(&NounPhrase) -> bool,
    bare: impl Fn(&NounPhrase) -> bool,
) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    let mut i = 0;
    while i < chunks.len() {
        if let Chunk::Noun(np) = &chunks[i] {
            let (joined, next) = if pronoun(np) {
                (np.clone(), i + 1)
            } else {
                coordination(&chunks, i, np.clone(), &pronoun, &bare)
            };
            out.push(Chunk::Noun(joined));
            i = next;
        } else {
            out.push(chunks[i].clone());
            i += 1;
        }
    }
    out
}

fn coordination(
    chunks: &[Chunk],
    i: usize,
    mut np: NounPhrase,
    pronoun: &impl Fn(&NounPhrase) -> bool,
    bare: &impl Fn(&NounPhrase) -> bool,
) -> (NounPhrase, usize) {
    let mut j = i + 1;
    loop {
        let link = match chunks.get(j) {
            Some(Chunk::Conj(_)) => 1,
            Some(Chunk::Comma(_)) if matches!(chunks.get(j + 1), Some(Chunk::Conj(_))) => 2,
            Some(Chunk::Comma(_)) if list_closes(chunks, j) => 1,
            _ => 0,
        };
        // ", and Syria condemns": a comma and a conjunction after a single phrase, before a
        // phrase with a verb of its own, join two clauses.
        let clause_follows = link == 2
            && np.members.len() == 1
            && matches!(chunks.get(j + 3), Some(Chunk::Verb(_, false)));
        let after_comma = matches!(chunks.get(j), Some(Chunk::Comma(_)));
        let joins =
            |next: &NounPhrase| !(pronoun(next) || clause_follows || after_comma && bare(next));
        match (link, chunks.get(j + link)) {
            (1.., Some(Chunk::Noun(next))) if joins(next) => {
                np.words.end = next.words.end;
                np.members.extend(next.members.iter().cloned());
                j += link + 1;
            }
            _ => return (np, j),
        }
    }
}

/// Ends an opening adverbial at the first comma of the list after its preposition when a finite
/// verb follows the list: "After talks brokered by Marty Walsh, Hamas and Fatah reached" is
/// "Marty Walsh" after "by", then "Hamas and Fatah" as the subject of "reached". Only where no
/// finite verb, relative word or subordinator comes before the list, and the verb follows it
/// right away or past a relative clause set off by commas.
fn opening_lists(chunks: Vec<Chunk>, words: &Words) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len() + 2);
    // Whether a clause has started in the chunks before the one read.
    let mut clause_before = false;
    for (i, chunk) in chunks.iter().enumerate() {
        let split = match chunk {
            Chunk::Noun(np)
                if np.members.len() >= 2
                    && ends_opening_adverbial(&chunks, words, i, i, clause_before) =>
            {
                let (a, b) = (&np.members[0], &np.members[1]);
                (b.start == a.end + 1 && words.words[a.end].tag == Tag::Comma)
                    .then_some((np, a.end))
            }
            _ => None,
        };
        clause_before |= opens_clause(words, chunk);
        match split {
            Some((np, comma)) => {
                out.push(Chunk::Noun(NounPhrase::single(np.members[0].clone())));
                out.push(Chunk::Comma(comma));
                let members = np.members[1..].to_vec();
                out.push(Chunk::Noun(NounPhrase {
                    words: members[0].start..np.words.end,
                    members,
                }));
            }
            None => out.push(chunk.clone()),
        }
    }
    out
}

/// Whether the phrase at `object`, after the preposition of an opening adverbial (no clause
/// begun before it: `clause_before`), is where that adverbial ends and a clause begins, whose
/// subject is the phrase at `subject` (the same phrase, or the one after its comma): a finite
/// verb follows the subject, right away or past a relative clause set off by commas.
fn ends_opening_adverbial(
    chunks: &[Chunk],
    words: &Words,
    object: usize,
    subject: usize,
    clause_before: bool,
) -> bool {
    !clause_before
        && object >= 1
        && matches!(chunks[object - 1], Chunk::Prep(_))
        && matches!(verb_after(chunks, subject), Some(Chunk::Verb(v, false)) if finite(words, v))
}

/// The chunk after the phrase at `i`, past a relative clause set off by commas ("the unions and
/// the committee, which bargains for the railroads, reached").
fn verb_after(chunks: &[Chunk], i: usize) -> Option<&Chunk> {
    if let (Some(Chunk::Comma(_)), Some(Chunk::Relative(_))) =
        (chunks.get(i + 1), chunks.get(i + 2))
    {
        let close = (i + 3..chunks.len()).find(|&j| {
            matches!(
                chunks[j],
                Chunk::Comma(_) | Chunk::Stop(_) | Chunk::Relative(_)
            )
        })?;
        return match chunks[close] {
            Chunk::Comma(_) => chunks.get(close + 1),
            _ => None,
        };
    }
    chunks.get(i + 1)
}

/// Whether a verb group has a finite verb.
fn finite(words: &Words, verbs: &Range<usize>) -> bool {
    verbs.clone().any(|i| words.words[i].tag.is_finite_verb())
}

/// Whether a chunk starts a clause: a finite verb, a relative word or a subordinator.
fn opens_clause(words: &Words, chunk: &Chunk) -> bool {
    match chunk {
        Chunk::Verb(v, false) => finite(words, v),
        Chunk::Relative(_) | Chunk::Subordinator(_) => true,
        _ => false,
    }
}

/// Whether the comma at `j` continues a list that a conjunction closes: noun, comma, noun,
/// ..., conjunction, noun.
fn list_closes(chunks: &[Chunk], mut j: usize) -> bool {
    while let (Some(Chunk::Comma(_)), Some(Chunk::Noun(_))) = (chunks.get(j), chunks.get(j + 1)) {
        j += 2;
    }
    matches!(chunks.get(j), Some(Chunk::Conj(_)))
        || matches!(
            (chunks.get(j), chunks.get(j + 1)),
            (Some(Chunk::Comma(_)), Some(Chunk::Conj(_)))
        )
}

struct Builder<'a> {
    text: &'a str,
    words: &'a Words,
    chunks: &'a [Chunk],
    out: &'a mut Vec<Clause>,
    /// Index in `out` of the sentence's first clause.
    first: usize,
}

impl Builder<'_> {
    fn is(&self, i: usize, w: &str) -> bool {
        self.words.text(self.text, i).eq_ignore_ascii_case(w)
    }

    fn build(&mut self, sentence: Range<usize>) {
        let question = sentence.end > sentence.start && self.is(sentence.end - 1, "?");
        for k in 0..self.chunks.len() {
            let Chunk::Verb(verbs, nonfinite) = &self.chunks[k] else {
                continue;
            };
            let clause = self.clause(k, verbs.clone(), *nonfinite, question);
            self.out.push(clause);
        }
    }

    fn clause(&self, k: usize, verbs: Range<usize>, nonfinite: bool, question: bool) -> Clause {
        let head = self.head(&verbs);
        let previous = (self.first..self.out.len()).last();
        let complement = self.object_complement(k, &verbs, head, previous);
        let (passive, reduced) = match complement {
            Some(_) => (true, false),
            None => self.voice(k, &verbs, head),
        };
        let own = if nonfinite || complement.is_some() {
            None
        } else {
            self.own_subject(k, reduced)
        };
        // An object relative has its own subject ("which it calls"), never an inherited one.
        let antecedent = (own.is_some() && !passive)
            .then(|| self.relative_antecedent(k))
            .flatten();
        let background = !nonfinite && complement.is_none() && self.non_restrictive(k);
        let (subject, governor) = match (complement, own) {
            (Some((np, governor)), _) => (Some(np), Some(governor)),
            (None, Some(np)) => (Some(np), None),
            (None, None) => self.inherited_subject(k, nonfinite, previous),
        };
        let (object, preps) = self.complements(k);
        let agent = passive
            .then(|| preps.iter().find(|p| self.is(p.word, "by")))
            .flatten()
            .map(|p| p.phrase.clone());
        Clause {
            agent,
            negated: verbs.clone().any(|i| self.negation(i)),
            hedged: verbs
                .clone()
                .any(|i| ["may", "might", "could"].iter().any(|w| self.is(i, w))),
            conditional: self.conditional(k),
            background,
            verbs,
            head,
            subject,
            object,
            preps,
            passive,
            question,
            governor,
            antecedent,
        }
    }

    /// A participle that completes the object of a verb of wanting or having done
    /// (`words/complement-verbs.txt`): "wants Hamas disarmed", "had the prisoners freed". It is
    /// a passive whose subject is that object, which depends on the verb before, not a past
    /// tense that Hamas did: that object, and the clause of the verb before.
    fn object_complement(
        &self,
        k: usize,
        verbs: &Range<usize>,
        head: usize,
        previous: Option<usize>,
    ) -> Option<(NounPhrase, usize)> {
        let participle = verbs.len() == 1
            && matches!(self.words.words[head].tag, Tag::VBD | Tag::VBN)
            && self.words.text(self.text, head).ends_with("ed");
        let before = k.checked_sub(2)?;
        let (Chunk::Verb(governing, false), Chunk::Noun(np)) =
            (&self.chunks[before], &self.chunks[k - 1])
        else {
            return None;
        };
        let governor = previous?;
        let wanting = crate::lexicon::Words::get()
            .complement_verbs
            .contains(&self.words.lemma(self.head(governing)));
        (participle && wanting && self.out[governor].object.as_ref() == Some(np))
            .then(|| (np.clone(), governor))
    }

    /// The phrase an object relative ending at the verb of chunk `k` is said of: a noun phrase
    /// (and a comma), "which", "whom" or "that", and the verb's own subject right before it
    /// ("the PLO, which it calls a terrorist group", "Gülen, whom Ankara blames for the coup",
    /// "the cease-fire that it and Turkey brokered"). A "that" after a phrase a verb governs
    /// opens what was said, not a relative ("told Qatar that Hamas had agreed").
    fn relative_antecedent(&self, k: usize) -> Option<NounPhrase> {
        let s = k.checked_sub(1)?;
        self.noun_at(s)?;
        let r = s.checked_sub(1)?;
        let (Chunk::Relative(w) | Chunk::Subordinator(w)) = self.chunks[r] else {
            return None;
        };
        let that = self.is(w, "that");
        if !(that || self.is(w, "which") || self.is(w, "whom")) {
            return None;
        }
        let comma = !that && r >= 2 && matches!(self.chunks[r - 1], Chunk::Comma(_));
        let a = r.checked_sub(if comma { 2 } else { 1 })?;
        let antecedent = self.noun_at(a)?;
        let c = self.chain_start(a);
        let governed = c >= 1 && matches!(self.chunks[c - 1], Chunk::Verb(..));
        (!(that && governed)).then_some(antecedent)
    }

    /// The main verb of the verb group of chunk `k`.
    fn head_of(&self, k: usize) -> usize {
        match &self.chunks[k] {
            Chunk::Verb(verbs, _) => self.head(verbs),
            _ => 0,
        }
    }

    /// The group's main verb: its last verb, before any particle ("ruled" in "ruled out").
    fn head(&self, verbs: &Range<usize>) -> usize {
        verbs
            .clone()
            .rev()
            .find(|&i| self.words.words[i].tag.is_verb())
            .unwrap_or(verbs.end - 1)
    }

    fn negation(&self, i: usize) -> bool {
        ["not", "n't", "never"].iter().any(|w| self.is(i, w))
    }

    /// Whether the group is passive ("was brokered"), and whether it is a participle right after
    /// a noun phrase ("the deal brokered by Qatar").
    fn voice(&self, k: usize, verbs: &Range<usize>, head: usize) -> (bool, bool) {
        if self.words.words[head].tag != Tag::VBN {
            return (false, false);
        }
        let auxiliary = verbs
            .clone()
            .any(|i| matches!(self.words.lemma(i), "be" | "get") && i != head);
        if auxiliary {
            return (true, false);
        }
        let reduced = head == verbs.start && self.noun_before(k).is_some() && self.follows_by(k);
        (reduced, reduced)
    }

    /// The chunk index of a noun phrase right before chunk `k`, or before a comma there.
    fn noun_before(&self, k: usize) -> Option<usize> {
        let j = k.checked_sub(1)?;
        let j = if matches!(self.chunks[j], Chunk::Comma(_)) {
            j.checked_sub(1)?
        } else {
            j
        };
        matches!(self.chunks[j], Chunk::Noun(_)).then_some(j)
    }

    /// Whether a "by" phrase follows the verb of chunk `k` among the prepositional phrases right
    /// after it ("reached on 22 September at the Plaza Hotel in New York by the ministers").
    fn follows_by(&self, k: usize) -> bool {
        self.chunks[k + 1..]
            .iter()
            .take_while(|c| matches!(c, Chunk::Prep(_) | Chunk::Noun(_) | Chunk::Other(_)))
            .any(|c| matches!(c, Chunk::Prep(p) if self.is(*p, "by")))
    }

    /// Whether the verb of chunk `k` opens a relative clause set off by a comma (", which",
    /// ", who").
    fn non_restrictive(&self, k: usize) -> bool {
        let mut before = self.chunks[..k]
            .iter()
            .rev()
            .filter(|c| !matches!(c, Chunk::Other(_)));
        matches!(
            (before.next(), before.next()),
            (Some(Chunk::Relative(_)), Some(Chunk::Comma(_)))
        )
    }

    /// The subject the sentence gives this verb: the noun phrase before it, past a relative word
    /// or an apposition, at the start of a prepositional chain.
    fn own_subject(&self, k: usize, reduced: bool) -> Option<NounPhrase> {
        let mut j = k.checked_sub(1)?;
        while matches!(self.chunks[j], Chunk::Other(_)) {
            j = j.checked_sub(1)?;
        }
        if reduced {
            return self.noun_before(k).and_then(|n| self.noun_at(n));
        }
        if let Some(np) = self.past_relative(k) {
            return Some(np);
        }
        if let Chunk::Relative(_) = self.chunks[j] {
            j = j.checked_sub(1)?;
            if matches!(self.chunks[j], Chunk::Comma(_)) {
                j = j.checked_sub(1)?;
                // "New START, signed in 2010, which caps": past a participle's phrase set off
                // by commas to the phrase it follows.
                let s = self.chain_start(j);
                if s >= 4
                    && matches!(self.chunks[s - 1], Chunk::Prep(_))
                    && self.participle(s - 2)
                    && matches!(self.chunks[s - 3], Chunk::Comma(_))
                    && self.noun_at(s - 4).is_some()
                {
                    j = s - 4;
                }
            }
            return self
                .noun_at(j)
                .map(|_| self.chain_start(j))
                .and_then(|s| self.noun_at(s));
        }
        if let Chunk::Comma(_) = self.chunks[j] {
            // "Qatar, the mediator, said": the phrase before the apposition.
            let a = j.checked_sub(1)?;
            // "He spent the winter travelling between Zagreb and Mostar, carrying messages": a
            // present participle after a clause is not the phrase's before its comma; it is the
            // doing of the sentence's main subject.
            let after_clause = self.words.words[self.head_of(k)].tag == Tag::VBG
                && self.chunks[..=a]
                    .iter()
                    .any(|c| matches!(c, Chunk::Verb(..)));
            if after_clause {
                return self.main_subject();
            }
            self.noun_at(a)?;
            let b = self.chain_start(a);
            if b >= 2
                && matches!(self.chunks[b - 1], Chunk::Comma(_))
                && self.noun_at(b - 2).is_some()
            {
                return self.subject_at(b - 2);
            }
            // "Hamas, in a video statement, asked": the phrase before a prepositional phrase
            // set off by commas, where no verb comes before it (not "The United States, which
            // sent its envoy, Mike Hammer, to Pretoria as an observer, welcomed").
            if b >= 3
                && matches!(self.chunks[b - 1], Chunk::Prep(_))
                && matches!(self.chunks[b - 2], Chunk::Comma(_))
                && self.noun_at(b - 3).is_some()
                && !self.chunks[..b - 3]
                    .iter()
                    .any(|c| matches!(c, Chunk::Verb(..) | Chunk::Relative(_)))
            {
                return self.subject_at(b - 3);
            }
            // "Switzerland, acting as host, opened": a participle after a phrase and a comma.
            // "The four countries, Argentina, Brazil and Chile, remain": a list in apposition
            // that opens the sentence, closed by a comma.
            let participle = matches!(self.words.words[self.head_of(k)].tag, Tag::VBG | Tag::VBN);
            let opening_list = b == 0 && self.noun_at(a).is_some_and(|np| np.members.len() > 1);
            return if participle || opening_list {
                self.noun_at(a)
            } else {
                None
            };
        }
        self.noun_at(j)?;
        // "with the European Union acting as mediator": a present participle right after the
        // phrase of "with" is that phrase's doing.
        let s = self.chain_start(j);
        if s == j
            && s >= 1
            && matches!(self.chunks[s - 1], Chunk::Prep(p) if self.is(p, "with"))
            && self.words.words[self.head_of(k)].tag == Tag::VBG
        {
            return self.noun_at(j);
        }
        self.subject_at(j)
    }

    /// The subject of the clause a participle after a comma hangs on: the last active finite
    /// clause before it, no relative set off by commas ("He spent the winter travelling ...,
    /// carrying messages": "He").
    fn main_subject(&self) -> Option<NounPhrase> {
        self.out[self.first..]
            .iter()
            .rev()
            .find(|c| {
                c.governor.is_none() && !c.passive && !c.background && finite(self.words, &c.verbs)
            })?
            .subject
            .clone()
    }

    /// Whether clause `c` is a participle of one word after a phrase ("the warheads deployed by
    /// Russia").
    fn reduced_participle(&self, c: usize) -> bool {
        let clause = &self.out[c];
        clause.passive && clause.verbs.len() == 1
    }

    /// Whether chunk `i` is a participle of one word ("brokered", "bringing").
    fn participle(&self, i: usize) -> bool {
        matches!(&self.chunks[i], Chunk::Verb(verbs, false)
            if verbs.len() == 1 && matches!(self.words.words[verbs.start].tag, Tag::VBN | Tag::VBG))
    }

    /// The phrase a relative clause follows when that clause ends right before the finite verb
    /// of chunk `k`, which then is the phrase's own verb: "The groups that signed the deal in
    /// Doha rejected the plan", "Hamas, which holds hostages in Gaza, said"; a participle set
    /// off by a comma is such a clause too ("The committee, co-chaired by Japan, reached").
    /// Between the relative's verb and `k` stand only its object and prepositional phrases, one
    /// after the other, and participles after them; a relative set off by a comma is closed by
    /// one right before `k`, and may hold appositions ("which sent its envoy, Mike Hammer, to
    /// Pretoria,").
    fn past_relative(&self, k: usize) -> Option<NounPhrase> {
        let finite = match &self.chunks[k] {
            Chunk::Verb(verbs, false) => verbs
                .clone()
                .map(|i| self.words.words[i].tag)
                .find(|t| t.is_verb() || *t == Tag::MD),
            _ => None,
        };
        if !finite.is_some_and(Tag::is_finite_verb) {
            return None;
        }
        let inside = |i: usize| match &self.chunks[i] {
            Chunk::Noun(_) | Chunk::Prep(_) | Chunk::Comma(_) | Chunk::Other(_) => true,
            // "the deal brokered by Algeria", "co-chaired by Japan and bringing together": a
            // participle after a phrase of the relative, or joined to the one before.
            Chunk::Verb(..) => {
                self.participle(i)
                    && i > 0
                    && matches!(self.chunks[i - 1], Chunk::Noun(_) | Chunk::Conj(_))
            }
            Chunk::Conj(_) => i + 1 < k && self.participle(i + 1),
            _ => false,
        };
        let v = (0..k).rev().find(|&i| !inside(i))?;
        let r = v.checked_sub(1)?;
        // "The committee, co-chaired by Japan and France, reached": a participle set off by
        // a comma opens the clause as a relative word does.
        let participle_led = self.participle(v) && matches!(self.chunks[r], Chunk::Comma(_));
        // "The settlement she referred to was signed": a relative without its word, whose
        // subject is a pronoun right after the phrase it follows (not a preposition's).
        let unmarked = matches!(&self.chunks[r], Chunk::Noun(np)
            if np.words.len() == 1 && self.words.words[np.words.start].tag == Tag::PRP)
            && r >= 1
            && self.noun_at(r - 1).is_some()
            && (r < 2 || !matches!(self.chunks[r - 2], Chunk::Prep(_)));
        if !matches!(self.chunks[v], Chunk::Verb(_, false))
            || !(participle_led || unmarked || matches!(self.chunks[r], Chunk::Relative(_)))
        {
            return None;
        }
        let comma_led =
            participle_led || !unmarked && r >= 1 && matches!(self.chunks[r - 1], Chunk::Comma(_));
        let a = if participle_led || unmarked {
            r.checked_sub(1)?
        } else {
            r.checked_sub(if comma_led { 2 } else { 1 })?
        };
        self.noun_at(a)?;
        let between: Vec<&Chunk> = self.chunks[v + 1..k]
            .iter()
            .filter(|c| !matches!(c, Chunk::Other(_) | Chunk::Verb(..)))
            .collect();
        // "The minister who announced Hamas had accepted": the phrase after a verb of saying
        // is the subject of the verb after it.
        let said = matches!(&self.chunks[v], Chunk::Verb(verbs, _)
            if crate::lexicon::words::Words::get().clause_verbs.contains(self.words.lemma(self.head(verbs))));
        let closed = if comma_led {
            matches!(between.last(), Some(Chunk::Comma(_)))
        } else if said && matches!(between.first(), Some(Chunk::Noun(_))) {
            false
        } else {
            let one_chain = between.windows(2).all(|w| {
                !matches!(
                    w,
                    [Chunk::Noun(_), Chunk::Noun(_)] | [Chunk::Prep(_), Chunk::Prep(_)]
                )
            });
            one_chain && !between.iter().any(|c| matches!(c, Chunk::Comma(_)))
        };
        closed.then(|| self.noun_at(self.chain_start(a)))?
    }

    /// The subject whose chain of noun phrases ends at chunk `j`: its first phrase, unless the
    /// chain is a preposition's. Then a fronted adverbial may have swallowed the subject: "In
    /// New York, Egypt and Qatar signed" reads as one list "New York, Egypt and Qatar" after
    /// "In"; when no verb comes before, the members after the list's first comma are the
    /// subject.
    fn subject_at(&self, j: usize) -> Option<NounPhrase> {
        let s = self.chain_start(j);
        if s == 0 || !matches!(self.chunks[s - 1], Chunk::Prep(_)) {
            return self.noun_at(s);
        }
        if self.chunks[..s]
            .iter()
            .any(|c| matches!(c, Chunk::Verb(..)))
        {
            return None;
        }
        let comma_after = |np: &NounPhrase| {
            np.members
                .windows(2)
                .position(|m| (m[0].end..m[1].start).all(|i| self.words.words[i].tag == Tag::Comma))
        };
        // The first phrase of the chain that a comma splits ("On Sunday in Nairobi, Egypt and
        // Qatar": "Nairobi, Egypt and Qatar").
        let (np, first) = (s..=j)
            .step_by(2)
            .filter_map(|k| self.noun_at(k))
            .find_map(|np| comma_after(&np).map(|m| (np, m + 1)))?;
        let members = np.members[first..].to_vec();
        Some(NounPhrase {
            words: members[0].start..np.words.end,
            members,
        })
    }

    /// The first noun phrase of a chain of noun phrases joined by prepositions ending at `j`.
    fn chain_start(&self, mut j: usize) -> usize {
        while j >= 2
            && matches!(self.chunks[j - 1], Chunk::Prep(p) if !self.is(p, "that"))
            && matches!(self.chunks[j - 2], Chunk::Noun(_))
        {
            j -= 2;
        }
        j
    }

    fn noun_at(&self, j: usize) -> Option<NounPhrase> {
        match &self.chunks[j] {
            Chunk::Noun(np) => Some(np.clone()),
            _ => None,
        }
    }

    /// An infinitive's subject: the object of the clause before when the infinitive follows it
    /// right away ("urged Hamas to accept") and is no noun whose infinitive its holder does ("a
    /// mandate to facilitate"), else that clause's subject; a verb after "and" or "but" takes
    /// the subject of the verb before (past the participles of its phrases).
    fn inherited_subject(
        &self,
        k: usize,
        nonfinite: bool,
        previous: Option<usize>,
    ) -> (Option<NounPhrase>, Option<usize>) {
        let Some(p) = previous else {
            return (None, None);
        };
        let before = k.checked_sub(1).map(|j| &self.chunks[j]);
        let after_conj = matches!(before, Some(Chunk::Conj(_) | Chunk::But(_)));
        if !(nonfinite || after_conj) {
            return (None, None);
        }
        // "which caps the warheads deployed by the United States and Russia and allows": a
        // finite verb after "and" joins the verb before the participles of its phrases.
        let mut p = p;
        while after_conj && !nonfinite && p > self.first && self.reduced_participle(p) {
            p -= 1;
        }
        let prev = &self.out[p];
        // "was proud to host": an adjective after a verb is no object that could do the
        // infinitive.
        let object_right_before = match (before, &prev.object) {
            (Some(Chunk::Noun(np)), Some(o)) => {
                np.words == o.words
                    && np.words.clone().any(|i| {
                        self.words.words[i].tag.is_noun() || self.words.words[i].tag == Tag::PRP
                    })
            }
            _ => false,
        };
        let after_for = matches!(before, Some(Chunk::Prep(p)) if self.is(*p, "for"));
        let spent = matches!(before, Some(Chunk::Noun(np)) if time_span(self.text, self.words, np));
        let holders_act = prev.object.as_ref().is_some_and(|o| {
            let head = self.words.lemma(self.words.head(self.text, &o.words));
            crate::lexicon::words::Words::get()
                .infinitive_nouns
                .contains(&head)
        });
        let subject = if nonfinite && object_right_before && !spent && !holders_act {
            prev.object.clone()
        } else if nonfinite && after_for && !prev.passive {
            // "thanked Sweden for hosting", "grateful to Sweden for hosting": the one thanked.
            let to = prev
                .preps
                .iter()
                .find(|p| self.is(p.word, "to"))
                .map(|p| p.phrase.clone());
            to.or_else(|| prev.object.clone())
                .or_else(|| prev.subject.clone())
        } else {
            prev.doer().cloned().or_else(|| prev.subject.clone())
        };
        (subject, nonfinite.then_some(p))
    }

    /// The object right after the verb group and the prepositional phrases after it, up to the
    /// next verb, relative word, subordinator or stop.
    fn complements(&self, k: usize) -> (Option<NounPhrase>, Vec<Prep>) {
        let mut object = None;
        let mut preps = Vec::new();
        let mut j = k + 1;
        if let Some(Chunk::Noun(np)) = self.chunks.get(j) {
            object = Some(np.clone());
            j += 1;
        }
        while let Some(c) = self.chunks.get(j) {
            match c {
                Chunk::Prep(p) => {
                    if let Some(Chunk::Noun(np)) = self.chunks.get(j + 1) {
                        preps.push(Prep {
                            word: *p,
                            phrase: np.clone(),
                        });
                        j += 2;
                        continue;
                    }
                    if !matches!(self.chunks.get(j + 1), Some(Chunk::Prep(_))) {
                        return (object, preps);
                    }
                    j += 1;
                }
                Chunk::Noun(_) | Chunk::Comma(_) | Chunk::Other(_) => j += 1,
                _ => return (object, preps),
            }
        }
        (object, preps)
    }

    /// Whether an "if" or "unless" opens the stretch between the previous verb and this one.
    fn conditional(&self, k: usize) -> bool {
        for c in self.chunks[..k].iter().rev() {
            match c {
                Chunk::Verb(..) => return false,
                // "asks whether the deal requires M23 to disarm": a question asked, no fact.
                Chunk::Subordinator(s)
                    if ["if", "unless", "whether"].iter().any(|w| self.is(*s, w)) =>
                {
                    return true
                }
                _ => {}
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;
    use std::collections::HashSet;

    fn parse(s: &str) -> (Words, Clauses) {
        let text = Text::new(s, &HashSet::new());
        let words = Words::new(&text, &HashSet::new());
        let clauses = Clauses::new(s, &words);
        (words, clauses)
    }

    fn show(s: &str, words: &Words, np: &Option<NounPhrase>) -> String {
        np.as_ref().map_or(String::new(), |np| {
            let (a, b) = (
                words.words[np.words.start].start,
                words.words[np.words.end - 1].end,
            );
            s[a..b].to_string()
        })
    }

    #[test]
    fn subject_verb_object_and_prepositions() {
        let s = "Qatar and Egypt mediated the talks in Doha.";
        let (w, c) = parse(s);
        let c0 = &c.clauses[0];
        assert_eq!(show(s, &w, &c0.subject), "Qatar and Egypt");
        assert_eq!(c0.subject.as_ref().unwrap().members.len(), 2);
        assert_eq!(show(s, &w, &c0.object), "the talks");
        assert_eq!(w.text(s, c0.preps[0].word), "in");
    }

    #[test]
    fn an_article_or_a_possessive_after_a_noun_opens_the_next_phrase() {
        let s = "Hamas made the withdrawal of Israeli troops a condition of any agreement.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[0].object), "the withdrawal");
        assert_eq!(
            show(s, &w, &Some(c.clauses[0].preps[0].phrase.clone())),
            "Israeli troops"
        );
        let s = "Egypt gave Hamas its answer.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[0].object), "Hamas");
        // not inside a name's phrase or after a determiner
        let s = "Egypt sent all the delegations home.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[0].object), "all the delegations");
    }

    #[test]
    fn a_participle_after_the_object_of_a_verb_of_wanting_is_said_of_that_object() {
        let s = "The United States wants Hamas disarmed.";
        let (w, c) = parse(s);
        let disarmed = &c.clauses[1];
        assert!(disarmed.passive);
        assert_eq!(disarmed.governor, Some(0));
        assert_eq!(show(s, &w, &disarmed.subject), "Hamas");
        // a verb of saying takes a clause of its own
        let s = "Israel said Hamas violated the truce.";
        let (_, c) = parse(s);
        assert!(c.clauses.iter().all(|x| !x.passive));
    }

    #[test]
    fn infinitives_take_the_object_or_the_subject() {
        let s = "The envoy urged Hamas to accept the proposal.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[1].subject), "Hamas");
        let s = "Egypt agreed to host the talks.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[1].subject), "Egypt");
        // An adjective after the verb does not do the infinitive.
        let s = "The United States was proud to host the talks.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[1].subject), "The United States");
        assert_eq!(c.clauses[1].governor, Some(0));
        // A present participle after a clause and a comma is no doing of the phrase before it.
        let s = "He spent the winter travelling between Zagreb and Mostar, carrying messages.";
        let (w, c) = parse(s);
        let carrying = c
            .clauses
            .iter()
            .find(|x| w.text(s, x.head) == "carrying")
            .unwrap();
        assert!(
            carrying
                .subject
                .as_ref()
                .is_none_or(|np| show(s, &w, &Some(np.clone())) != "Zagreb and Mostar"),
            "{:?}",
            carrying.subject
        );
        // The holder of a mandate or an offer does its infinitive.
        let s = "Canada accepted a mandate to facilitate the process.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[1].subject), "Canada");
        let s = "The envoy urged the delegations to accept the proposal.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[1].subject), "the delegations");
    }

    #[test]
    fn a_preposition_repeated_after_a_conjunction_joins_its_phrases() {
        let s = "The agreement was initialled by the Government of Mali and by the Platform.";
        let (w, c) = parse(s);
        assert_eq!(
            show(s, &w, &c.clauses[0].agent),
            "the Government of Mali and by the Platform"
        );
        assert_eq!(c.clauses[0].agent.as_ref().unwrap().members.len(), 2);
        // Another preposition stays: "by Qatar and in Doha" is no coordination.
        let s = "The agreement was signed by Qatar and in Doha.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[0].agent), "Qatar");
    }

    #[test]
    fn a_fronted_adverbial_does_not_swallow_the_subject() {
        let s = "In New York, Egypt and Qatar signed the agreement.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[0].subject), "Egypt and Qatar");
        assert_eq!(c.clauses[0].subject.as_ref().unwrap().members.len(), 2);
        let s =
            "On Sunday in Nairobi, the government of Sudan and the leaders of the rebels signed \
                 the accord.";
        let (w, c) = parse(s);
        assert_eq!(
            show(s, &w, &c.clauses[0].subject),
            "the government of Sudan and the leaders"
        );
        // After a verb, a preposition's list stays whole and gives no subject.
        let s = "Talks began with Egypt, Qatar and Jordan watching.";
        let (w, c) = parse(s);
        assert!(c
            .clauses
            .iter()
            .all(|x| show(s, &w, &x.subject) != "Qatar and Jordan"));
        // A list after a preposition with no comma in it is no subject.
        let s = "Under pressure from Egypt and Qatar signed the deal.";
        let (_, c) = parse(s);
        assert!(c.clauses[0].subject.is_none());
    }

    #[test]
    fn an_opening_adverbial_with_a_participle_ends_at_its_lists_first_comma() {
        // The passive's agent is the phrase before the comma, the subject the members after,
        // and the two are no apposition.
        let s = "After talks brokered by Marty Walsh, Hamas and Fatah reached an agreement.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[0].agent), "Marty Walsh");
        assert_eq!(show(s, &w, &c.clauses[1].subject), "Hamas and Fatah");
        assert!(c.appositions.is_empty());
        // So past a relative clause set off by commas after the list.
        let s =
            "After talks brokered by Marty Walsh, the unions and the committee, which bargains \
                 for the railroads, reached an agreement.";
        assert_eq!(subject_of(s, "reached"), "the unions and the committee");
        // Not after a clause: "Qatar, Egypt and Jordan" stays the object's list.
        let s = "Israel held talks with Qatar, Egypt and Jordan agreed.";
        let (w, c) = parse(s);
        assert!(c
            .clauses
            .iter()
            .all(|x| show(s, &w, &x.subject) != "Egypt and Jordan"));
    }

    /// The subject of the clause whose main verb is `verb`.
    fn subject_of(s: &str, verb: &str) -> String {
        let (w, c) = parse(s);
        let clause = c.clauses.iter().find(|x| w.text(s, x.head) == verb);
        show(s, &w, &clause.unwrap().subject)
    }

    #[test]
    fn a_date_after_an_opening_preposition_ends_before_the_subject() {
        let s = "In December Israel suspended the redeployments.";
        assert_eq!(subject_of(s, "suspended"), "Israel");
        let s = "On 15 July Foreign Minister Tariq Aziz sent a letter.";
        assert_eq!(subject_of(s, "sent"), "Foreign Minister Tariq Aziz");
        // A month inside a name, or a date after a verb, is no such end.
        let s = "The Black September Organization claimed the attack.";
        assert_eq!(subject_of(s, "claimed"), "The Black September Organization");
    }

    #[test]
    fn a_present_participle_after_a_clause_is_its_main_subjects_doing() {
        let s = "Aziz sent a letter to the secretary-general, Chedli Klibi, accusing Kuwait.";
        assert_eq!(subject_of(s, "accusing"), "Aziz");
        // Not the subject of a relative set off by commas.
        let s = "Egypt, which Qatar joined in May, left the talks, saying they had failed.";
        assert_ne!(subject_of(s, "saying"), "Qatar");
        let s = "The talks collapsed, leaving the hostages in Gaza.";
        assert_eq!(subject_of(s, "leaving"), "The talks");
        // A preposition in -ing opens a phrase, no clause.
        let s = "The deal integrates the institutions, including border crossings, into the state.";
        let (w, c) = parse(s);
        assert!(c.clauses.iter().all(|x| w.text(s, x.head) != "including"));
    }

    #[test]
    fn a_name_and_its_bare_titles_after_a_comma_are_no_list() {
        let s =
            "Nabih Berri, leader of the Amal movement and minister of justice, assumed the role.";
        assert_eq!(subject_of(s, "assumed"), "Nabih Berri");
        // Names and phrases with a determiner after a comma still make a list.
        let s = "Qatar, Egypt and the United States signed the text.";
        let (w, c) = parse(s);
        assert_eq!(
            show(s, &w, &c.clauses[0].subject),
            "Qatar, Egypt and the United States"
        );
        assert_eq!(c.clauses[0].subject.as_ref().unwrap().members.len(), 3);
    }

    #[test]
    fn a_present_participle_after_with_and_its_phrase_is_that_phrases_doing() {
        let s = "Armenia and Azerbaijan met, with the European Union acting as mediator.";
        assert_eq!(subject_of(s, "acting"), "the European Union");
        // A past participle there is not.
        let s = "Armenia and Azerbaijan met, with the text signed in Brussels.";
        let (w, c) = parse(s);
        let signed = c.clauses.iter().find(|x| w.text(s, x.head) == "signed");
        assert!(signed.is_none_or(|x| show(s, &w, &x.subject) != "the text"));
    }

    #[test]
    fn a_gerund_after_time_spent_is_the_subjects_doing() {
        let s = "Qatar spent months brokering the exchange.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[1].subject), "Qatar");
        assert_eq!(show(s, &w, &c.clauses[1].object), "the exchange");
        assert_eq!(c.clauses[1].governor, Some(0));
        // Not after any object: "Egypt saw the militants leaving" keeps its own reading.
        let s = "Egypt saw the militants leaving Rafah.";
        let (w, c) = parse(s);
        assert!(c.clauses.iter().all(|x| x.governor.is_none()));
        assert_ne!(show(s, &w, &c.clauses.last().unwrap().subject), "Egypt");
    }

    #[test]
    fn passives_relatives_appositions_and_conditions() {
        let s = "The deal brokered by Qatar was signed.";
        let (w, c) = parse(s);
        assert!(c.clauses[0].passive);
        assert_eq!(show(s, &w, &c.clauses[0].subject), "The deal");
        // past the places and dates of a participle to its "by", not past another verb
        let s = "It was a deal reached on 2 May at the Plaza Hotel in New York by Qatar.";
        let (w, c) = parse(s);
        assert!(c.clauses[1].passive);
        assert_eq!(show(s, &w, &c.clauses[1].agent), "Qatar");
        let s = "It was a deal reached on Monday in talks hosted by Qatar.";
        let (_, c) = parse(s);
        assert!(!c.clauses[1].passive);
        let s = "Norway, the facilitator, said that talks would resume.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[0].subject), "Norway");
        let s = "If Hamas accepts, Israel will withdraw.";
        let (_, c) = parse(s);
        assert!(c.clauses[0].conditional && !c.clauses[1].conditional);
        let s = "Hamas did not accept the plan.";
        let (_, c) = parse(s);
        assert!(c.clauses[0].negated);
        // A pronoun after "and" opens a clause; it joins no list.
        let s = "We support the disarmament of Hamas and we reject the annexation.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[1].subject), "we");
        // ", and" or "but" before a phrase with its own verb joins clauses, not phrases.
        let s = "The PLO rejects the accords, and Syria condemns Sadat.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[0].object), "the accords");
        assert_eq!(show(s, &w, &c.clauses[1].subject), "Syria");
        let s = "Prigozhin welcomed the coup but Moscow has not recognised the junta.";
        let (w, c) = parse(s);
        assert_eq!(show(s, &w, &c.clauses[0].object), "the coup");
        // A name after "of" belongs to its phrase; other "of" phrases do not.
        let s = "The government of Sri Lanka and the Liberation Tigers of Tamil Eelam signed the \
                 withdrawal of troops.";
        let (w, c) = parse(s);
        assert_eq!(c.clauses[0].subject.as_ref().unwrap().members.len(), 2);
        assert_eq!(show(s, &w, &c.clauses[0].object), "the withdrawal");
        // A relative clause after a comma is background; one without a comma is not.
        let s = "Russia and China, which also signed the agreement, objected.";
        let (w, c) = parse(s);
        assert!(c.clauses[0].background && !c.clauses[1].background);
        assert_eq!(show(s, &w, &c.clauses[0].subject), "Russia and China");
        let s = "The states that signed the agreement objected.";
        let (_, c) = parse(s);
        assert!(c.clauses.iter().all(|c| !c.background));
    }

    #[test]
    fn the_finite_verb_after_a_relative_clause_takes_its_antecedent() {
        let subjects = |s: &str| {
            let (w, c) = parse(s);
            c.clauses
                .iter()
                .map(|x| show(s, &w, &x.subject))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            subjects("The groups that signed the deal in Doha rejected the plan."),
            ["The groups", "The groups"]
        );
        assert_eq!(
            subjects("Hamas, which holds hostages in Gaza, said it would accept."),
            ["Hamas", "Hamas", "it"]
        );
        assert_eq!(
            subjects(
                "The United States, which sent its envoy, Mike Hammer, to Pretoria, welcomed \
                 the deal."
            ),
            ["The United States", "The United States"]
        );
        // A relative without its word, whose subject is a pronoun.
        assert_eq!(
            subjects("The settlement she referred to was signed by India and Assam."),
            ["she", "The settlement"]
        );
        assert_eq!(subjects("On Monday they said it would sign.")[1], "it");
        // The phrase after a verb of saying has its own verb.
        assert_eq!(
            subjects("The minister who announced Hamas had accepted the deal.")[..2],
            ["The minister", "Hamas"]
        );
        // A phrase after a comma that closes no relative has its own verb.
        assert_eq!(
            subjects("The states that signed the accord, Qatar said, objected.")[..2],
            ["The states", "Qatar"]
        );
        // A participle set off by commas opens such a clause too; one inside a clause is
        // skipped by a verb after "and", and by a relative after its phrase.
        assert_eq!(
            subjects("The committee, co-chaired by Japan and France, reached a deal."),
            ["The committee", "The committee"]
        );
        assert_eq!(
            subjects("In Doha, flanked by aides, Qatar's prime minister spoke.")[1],
            "Qatar's prime minister"
        );
        assert_eq!(
            subjects("Hamas accepted the deal brokered by Qatar and released the hostages."),
            ["Hamas", "the deal", "Hamas"]
        );
        assert_eq!(
            subjects("It is the treaty, signed in 2010, which caps the warheads."),
            ["It", "the treaty", "the treaty"]
        );
        // A participle after the relative's object is no finite verb of the antecedent.
        assert_eq!(
            subjects("Mali, which signed the deal brokered by Algeria, has objected."),
            ["Mali", "the deal", "Mali"]
        );
    }
}
