//! The extractor's word lists: the files of `ontology/words/`, compiled into the binary and read
//! once, on first use ([`words`]).
//!
//! A file holds one entry a line, in the order the code tries them where it takes the first that
//! matches. Blank lines and lines starting with `#` are skipped; the spaces around an entry are
//! not part of it, unless it stands between double quotes (`" is the "`).
//!
//! A list the code searches in order, or a short one, is a [`List`]; a long list the code only
//! asks whether it holds a word is a [`Set`].

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A word list whose order matters, or that is short enough to search from the start.
pub type List = Vec<&'static str>;

/// A word list asked only whether it holds a word, too long to search from the start.
pub type Set = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// FNV-1a: short keys, no need for a keyed hash.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

macro_rules! word_lists {
    ($($(#[$doc:meta])* $field:ident: $ty:ident = $file:literal,)*) => {
        /// The word lists, one field a file of `ontology/words/`.
        #[derive(Debug)]
        pub struct Words {
            $($(#[$doc])* pub $field: $ty,)*
        }

        /// The files of `ontology/words/` compiled into the binary, by name.
        pub const FILES: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("../../ontology/words/", $file))),)*
        ];

        impl Words {
            fn read() -> Words {
                Words {
                    $($field: entries(include_str!(concat!("../../ontology/words/", $file)))
                        .into_iter()
                        .collect(),)*
                }
            }
        }
    };
}

word_lists! {
    /// Capitalised words that open a run of capitalised words without being part of a name;
    /// [`Words::get`] adds the weekdays and the months.
    not_name: Set = "not-name.txt",
    /// Letters after a name that are no part of it ("MP", "KC").
    post_nominals: List = "post-nominals.txt",
    /// Lower-case words that may stand inside a name ("bin", "al").
    name_particles: List = "name-particles.txt",
    /// Last words of a name that make it a party or an armed group ("Party", "Army").
    strong_heads: List = "strong-heads.txt",
    /// Last words of a company's legal name ("Co", "Inc", "plc").
    company_suffixes: List = "company-suffixes.txt",
    /// Words of a company's legal name that say its trade ("Motor", "Foods").
    company_trades: List = "company-trades.txt",
    /// Last words of a name that make it a body ("Committee", "Council").
    weak_heads: List = "weak-heads.txt",
    /// Verbs of leading a body ("led", "headed").
    leading_verbs: List = "leading-verbs.txt",
    /// Nouns of an apposition that make a person of the name before it ("reporter").
    person_nouns: Set = "person-nouns.txt",
    /// Nouns of the press, no cue of an actor right before a name ("correspondent").
    press_nouns: Set = "press-nouns.txt",
    /// Words between a name and its title as a predicate (" is the "), spaces included.
    copulas: List = "copulas.txt",
    /// The last words of titles that several people hold together ("ministers").
    plural_title_words: List = "plural-title-words.txt",
    /// Words that put a verb group's event still to come ("to", "will").
    planned_markers: List = "planned-markers.txt",
    /// Nouns of talks that say what the article's deal is about when an issue comes right
    /// before them ("peace talks", "the Peace Conference", "cease-fire negotiations").
    talks_nouns: Set = "talks-nouns.txt",
    /// Words of asking and proposing: a role cue right after one is a role wished for, not
    /// played ("asked for a meeting between", "wanted guarantees from").
    request_words: Set = "request-words.txt",
    /// Prepositions of time or manner: a gerund after one is no object of the verb before
    /// ("pressed for guarantees before demobilising").
    adjunct_prepositions: List = "adjunct-prepositions.txt",
    /// Lower-case words after a title that leave it no adjective before a noun ("of", "said").
    title_followers: Set = "title-followers.txt",
    /// Adjectives between a possessive and a title ("former", "then-").
    title_adjectives: List = "title-adjectives.txt",
    /// Small words inside an organisation's name defined with its acronym ("of", "and").
    acronym_joins: List = "acronym-joins.txt",
    /// Capitals that stand for no organisation after "the" ("GDP", "UTC").
    not_organization_acronyms: Set = "not-organization-acronyms.txt",
    /// Second parts of English compounds, no part of a given name ("run" of "Hamas-run").
    compound_tails: Set = "compound-tails.txt",
    /// Capitalised words before a title that are part of it ("Assistant", "Deputy").
    title_modifiers: List = "title-modifiers.txt",
    /// Capitalised words after a title that name no one ("Justice", "Staff").
    not_a_surname: List = "not-a-surname.txt",
    /// Capitalised words that make another body of an organisation's name ("National").
    body_qualifiers: List = "body-qualifiers.txt",
    /// Forms of state before the name of a state ("Republic of").
    state_forms: List = "state-forms.txt",
    /// Verbs whose object lists the members of what their subject names ("include").
    membership_verbs: List = "membership-verbs.txt",
    /// Titles of posts only some states have ("secretary of state", "taoiseach").
    national_titles: List = "national-titles.txt",
    /// Verbs of stopping that undo the issue a deal's term names after them ("will stop").
    stop_verbs: List = "stop-verbs.txt",
    /// Verbs of saying and thinking whose object may be a clause without "that" ("announced
    /// Hamas had accepted").
    clause_verbs: Set = "clause-verbs.txt",
    /// Nouns whose infinitive the one who has them does ("a mandate to facilitate").
    infinitive_nouns: List = "infinitive-nouns.txt",
    /// Pronouns that stand for a thing named before them, such as a deal ("it").
    thing_pronouns: List = "thing-pronouns.txt",
    /// Titles a person named by one name is known by together with it ("King Hussein").
    regnal_titles: Set = "regnal-titles.txt",
    /// British and American spellings of words of names ("Organization Organisation").
    spelling_pairs: List = "spelling-pairs.txt",
    /// Words in -ing that are prepositions before a noun phrase ("including", "regarding").
    ing_prepositions: List = "ing-prepositions.txt",
    /// Verbs whose subject takes on the role its object names ("assumed the role of").
    role_taking_verbs: List = "role-taking-verbs.txt",
    /// Verbs whose object, a role noun, is the role their subject plays ("played the arbiter").
    role_playing_verbs: List = "role-playing-verbs.txt",
    /// Nouns of what a side sends, after which "from" names the sender ("a message from").
    message_nouns: List = "message-nouns.txt",
    /// Verbs whose subject "it" names nothing ("It seems", "It took three weeks"): an "It"
    /// before them is no actor.
    empty_it_verbs: Set = "empty-it-verbs.txt",
    /// Words in a phrase that announce a list after a colon ("following").
    list_announcers: List = "list-announcers.txt",
    /// Words that open a list of a plural phrase's members ("including", "among them").
    list_introducers: List = "list-introducers.txt",
    /// Words before a bare "between" after which those named are no sides ("chip", "moved").
    not_sides_before_between: List = "not-sides-before-between.txt",
    /// Nouns of a state's government, which stand for it after "the" ("the government").
    state_bodies: List = "state-bodies.txt",
    /// Nouns of a state's government that stand for the article's home state after "the" where
    /// no state was named with them ("the government").
    home_state_bodies: List = "home-state-bodies.txt",
    /// Words before such a noun that qualify a national government ("the federal government").
    national_qualifiers: List = "national-qualifiers.txt",
    /// Words before a title that hold it against a state's government ("opposition leader").
    opposition_words: List = "opposition-words.txt",
    /// Nouns of a company's or a body's organs and heads, after a possessive name
    /// ("Mannesmann's supervisory board").
    organization_possessions: List = "organization-possessions.txt",
    /// What may stand between the names of a list ("; and by the "), spaces included.
    list_fillers: List = "list-fillers.txt",
    /// Words after a role cue that list who shares the role ("along with", "alongside").
    companions: List = "companions.txt",
    /// Verbs of refusing, under which a stance clause says its opposite ("refuse", "decline").
    refusal_verbs: List = "refusal-verbs.txt",
    /// Verbs of demanding, whose "that" clause is what they ask for ("demand", "insist").
    mandative_verbs: List = "mandative-verbs.txt",
    /// Heads of a state's institutions named after it ("Bank" of "the Bank of Japan").
    state_institutions: List = "state-institutions.txt",
    state_named_bodies: List = "state-named-bodies.txt",
    /// Verbs whose past tense is their base form ("put", "set").
    invariant_pasts: List = "invariant-pasts.txt",
    /// Verbs whose object a participle completes ("wants Hamas disarmed").
    complement_verbs: List = "complement-verbs.txt",
    /// Openers of a clause of ellipsis that says a fact again of others (", as did ").
    echo_openers: List = "echo-openers.txt",
    /// Adjectives before the efforts a party is thanked for ("tireless").
    effort_adjectives: List = "effort-adjectives.txt",
    /// Words between an actor and a role cue after it ("has", "long").
    role_gap_words: Set = "role-gap-words.txt",
    /// Words between a subject and its verb ("has", "repeatedly").
    auxiliaries: Set = "auxiliaries.txt",
    /// Marks that open a question in an interview transcript ("Q:").
    question_marks: List = "question-marks.txt",
    /// Marks that open an answer in an interview transcript ("A:").
    answer_marks: List = "answer-marks.txt",
    /// Verbs of backing that take an actor as their object ("backed").
    backing_verbs: List = "backing-verbs.txt",
    /// Verbs of freeing a person named after them ("released").
    release_verbs: List = "release-verbs.txt",
    /// Titles of the person who speaks for a negotiating party ("president").
    leader_titles: List = "leader-titles.txt",
    /// Titles of posts of a state's government ("prime minister").
    state_posts: List = "state-posts.txt",
    /// Words before a title of a post held no longer ("former", "ex-").
    former_words: List = "former-words.txt",
    /// Phrases of acting for a body ("on behalf of").
    acting_for: List = "acting-for.txt",
    /// Titles of an elected head of state or government ("prime minister").
    head_titles: List = "head-titles.txt",
    /// Titles of a foreign minister ("secretary of state").
    foreign_minister_titles: List = "foreign-minister-titles.txt",
    /// Last words of a description of the parties that means their leaders ("leaders").
    party_leader_words: List = "party-leader-words.txt",
    /// Titles held in a company or another body ("ceo", "executive vice president").
    organization_titles: List = "organization-titles.txt",
    /// Verbs of meeting someone ("meet", "visit").
    meeting_verbs: List = "meeting-verbs.txt",
    /// Verbs by which a person addresses another actor named after them ("tell", "urge").
    addressing_verbs: List = "addressing-verbs.txt",
    /// What a third party convenes, chairs or brokers ("talks", "truce").
    convened_things: List = "convened-things.txt",
    /// Words that end a titled person's own predicate ("that", "but", a later "who").
    predicate_ends: List = "predicate-ends.txt",
    /// Head nouns of an apposition that names an organisation ("bloc", "coalition").
    group_nouns: List = "group-nouns.txt",
    /// Words after which a clause's subject may stand ("the", "and", "which").
    subject_openers: List = "subject-openers.txt",
    /// Prepositions that open a sentence with a phrase before its subject ("At", "During").
    opening_prepositions: List = "opening-prepositions.txt",
    /// Opening words that may open a clause of their own before the comma ("When", "After").
    clause_openers: List = "clause-openers.txt",
    /// Connectives that may stand before a sentence's opening phrase ("Yet", "But").
    opening_connectives: List = "opening-connectives.txt",
    /// Words before an event cue that make it something not done ("would", "plans").
    not_done: Set = "not-done.txt",
    /// The months' English names, January first.
    months: List = "months.txt",
    /// Abbreviations of months in dates ("Sept", "Dec"), longer ones before their prefixes.
    month_abbreviations: List = "month-abbreviations.txt",
    /// The weekdays' English names, Monday first.
    weekdays: List = "weekdays.txt",
    /// Nouns of a stretch of time spent before a gerund ("spent months brokering").
    time_spans: List = "time-spans.txt",
    /// Given names that open a person's name ("Jonas", "Joaquín").
    given_names: Set = "given-names.txt",
    /// Nouns a name modifies when it names a thing after a person ("airport").
    named_things: List = "named-things.txt",
    /// Last words of institutions' names ("Court", "Council").
    institution_heads: List = "institution-heads.txt",
    /// Words that make another body of an organisation's name before them ("UN Command").
    body_heads: List = "body-heads.txt",
    /// Last words of descriptions of an armed or political movement ("movement", "rebels").
    armed_descriptions: List = "armed-descriptions.txt",
    /// Words of a post that sends its holder to others' talks ("envoy", "representative").
    envoy_titles: List = "envoy-titles.txt",
}

impl Words {
    /// The word lists, read on first use.
    pub fn get() -> &'static Words {
        static WORDS: OnceLock<Words> = OnceLock::new();
        WORDS.get_or_init(|| {
            let mut words = Words::read();
            let calendar: Vec<&'static str> = words
                .weekdays
                .iter()
                .chain(&words.months)
                .copied()
                .collect();
            words.not_name.extend(calendar);
            words
        })
    }

    /// The names of months and their abbreviations as a regex alternation
    /// ("January|...|December|Jan|...|Dec"): full names first, so that a match takes the whole
    /// name.
    pub fn month_pattern(&self) -> String {
        self.months
            .iter()
            .chain(&self.month_abbreviations)
            .copied()
            .collect::<Vec<_>>()
            .join("|")
    }

    /// Whether `word`, in any case, is a noun of talks ("talks", "Conference"); lower-cased only
    /// when it has capitals, since most words of a text are read here.
    pub fn is_talks_noun(&self, word: &str) -> bool {
        if word.chars().any(char::is_uppercase) {
            self.talks_nouns.contains(word.to_lowercase().as_str())
        } else {
            self.talks_nouns.contains(word)
        }
    }

    /// The number of the month (1 to 12) whose name starts with the first three letters of
    /// `name`, in any case ("Sept", "DECEMBER").
    pub fn month_number(&self, name: &str) -> Option<u32> {
        let name = name.as_bytes();
        self.months
            .iter()
            .position(|m| name.len() >= 3 && name[..3].eq_ignore_ascii_case(&m.as_bytes()[..3]))
            .map(|i| i as u32 + 1)
    }
}

/// The entries of a word list file.
fn entries(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.strip_prefix('"')
                .and_then(|l| l.strip_suffix('"'))
                .unwrap_or(l)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_file_is_read_and_no_entry_repeats() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/words");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("ontology/words")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        on_disk.sort();
        let mut compiled: Vec<String> = FILES.iter().map(|(n, _)| n.to_string()).collect();
        compiled.sort();
        assert_eq!(on_disk, compiled);
        for (name, text) in FILES {
            let list = entries(text);
            assert!(!list.is_empty(), "{name} is empty");
            let mut seen = HashSet::new();
            for e in &list {
                assert!(!e.is_empty(), "{name} has an empty entry");
                assert!(seen.insert(*e), "{name} repeats {e:?}");
            }
        }
    }

    #[test]
    fn spaces_are_kept_between_quotes() {
        let w = Words::get();
        assert_eq!(w.copulas[0], " is the ");
        assert_eq!(w.list_fillers.last(), Some(&":"));
        assert!(w.list_fillers.contains(&", "));
    }

    #[test]
    fn months() {
        let w = Words::get();
        assert_eq!(w.months.len(), 12);
        assert_eq!(w.month_number("Sept"), Some(9));
        assert_eq!(w.month_number("DECEMBER"), Some(12));
        assert_eq!(w.month_number("Ma"), None);
        assert!(w.not_name.contains(&"May") && w.not_name.contains(&"Sunday"));
        assert!(w.month_pattern().starts_with("January|February|"));
        assert!(w.month_pattern().ends_with("|Sept|Sep|Oct|Nov|Dec"));
    }
}
