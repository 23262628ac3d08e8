//! Dates a sentence names, resolved against the document date.
//!
//! News copy dates what happened relative to its own date: "on Thursday", "yesterday", "June 3".
//! These resolve to a day:
//!
//! - "today", "tonight": the document date; "yesterday": the day before;
//! - a weekday ("Thursday", "on Monday night", "Tuesday's meeting"): the most recent such day on or
//!   before the document date (the convention of news copy: an article of a Thursday that says
//!   "on Thursday" means that day); "last Thursday": the most recent one strictly before it;
//! - a day of a month without a year ("June 3", "on 3 June", "Dec. 30"): in the document's year,
//!   or in the year before when that day is still to come in the document's year and lies at most
//!   half a year back in the one before ("Dec. 30" in an article of January 2);
//! - a full date ("June 3, 2025", "3 June 2025", "2025-06-03") is itself.
//!
//! A day after the document date is no date of something done or said ("next Monday",
//! "tomorrow", "June 30" in an article of June 3): it resolves to nothing. Vague spans ("last
//! week", "earlier this month", "last year") resolve to nothing too, rather than to a made-up
//! day. Without a document date only full dates resolve.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use crate::lexicon::Words;

/// A date expression found in a text: its byte span and the day it stands for, when it stands
/// for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    pub start: usize,
    pub end: usize,
    pub date: Option<NaiveDate>,
}

/// The date expressions, without the word boundaries around them. The names of weekdays and
/// months are those of `ontology/words/` (weekdays.txt, months.txt, month-abbreviations.txt).
fn expression() -> String {
    let words = Words::get();
    format!(
        concat!(
            r"(?:",
            // 1 prefix, 2 weekday
            r"(?:(?i:(last|next|this|on))\s+)?({WEEKDAYS})(?:’s|'s)?(?:\s+(?:night|morning|evening|afternoon))?",
            // 3 today/yesterday/tomorrow
            r"|(?i:(today|tonight|yesterday|tomorrow))",
            // 4 month, 5 day, 6 year
            r"|({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?",
            // 7 day, 8 month, 9 year
            r"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?(?:,?\s+(\d{{4}}))?",
            // 10 year, 11 month, 12 day
            r"|(\d{{4}})-(\d{{2}})-(\d{{2}})",
            r")"
        ),
        WEEKDAYS = words.weekdays.join("|"),
        MONTHS = words.month_pattern()
    )
}

/// The date expressions between word boundaries, as the matches of one search would find them
/// (what [`find`] finds, in a faster way).
#[cfg(test)]
static EXPRESSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b{}\b", expression())).expect("valid regex"));

/// The expressions, matched at the start of the haystack only. Every expression starts with a
/// word character, so at a position after a non-word character this is what `\b` before them
/// says. Tried only where an expression can start, it finds what one search finds; an
/// unanchored search is slow on texts with curly quotes or dashes, on which the regex engine's
/// fast automaton gives up (it knows no Unicode word boundaries).
static ANCHORED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\A{}\b", expression())).expect("valid regex"));

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w$").expect("valid regex"));

/// Whether `c` is a word character of the regex engine (`\w`).
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        WORD.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// Whether an expression may start with `c`: a digit, the first letter of a weekday, a month or
/// one of the words (in either case; a test checks the names of `ontology/words/`), or any other
/// letter or digit outside ASCII (Unicode digits, and letters that case-fold to ASCII ones, as
/// the long s does to "s").
fn may_start(c: char) -> bool {
    matches!(
        c,
        '0'..='9'
            | 'l'
            | 'n'
            | 't'
            | 'o'
            | 'y'
            | 'L'
            | 'N'
            | 'T'
            | 'O'
            | 'Y'
            | 'M'
            | 'W'
            | 'F'
            | 'S'
            | 'J'
            | 'A'
            | 'D'
    ) || !c.is_ascii() && c.is_alphanumeric()
}

/// The number of a month named or abbreviated as `ontology/words/months.txt` names it.
fn month_number(name: &str) -> Option<u32> {
    Words::get().month_number(name)
}

fn weekday(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

/// The most recent `day` on or before `doc` (strictly before with `strictly`).
pub fn last_weekday(doc: NaiveDate, day: Weekday, strictly: bool) -> NaiveDate {
    let mut back = (7 + doc.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    if back == 0 && strictly {
        back = 7;
    }
    doc - Duration::days(i64::from(back))
}

/// A day of a month with no year, in the document's year or the one before (see the module).
pub fn day_of_month(doc: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(doc.year(), month, day);
    match this_year {
        Some(d) if d <= doc => Some(d),
        _ => NaiveDate::from_ymd_opt(doc.year() - 1, month, day)
            .filter(|d| (doc - *d).num_days() <= 183),
    }
}

/// Every date expression of `text`, each with the day it resolves to against `doc` (None when it
/// does not resolve).
pub fn find(text: &str, doc: Option<NaiveDate>) -> Vec<DateSpan> {
    let mut out = Vec::new();
    let mut locs = ANCHORED.capture_locations();
    // Where the next expression may start: matches do not overlap.
    let mut from = 0;
    let mut prev: Option<char> = None;
    for (p, ch) in text.char_indices() {
        let before = prev.replace(ch);
        if p < from || !may_start(ch) || before.is_some_and(is_word) {
            continue;
        }
        if ANCHORED.captures_read(&mut locs, &text[p..]).is_none() {
            continue;
        }
        let Some((start, end)) = locs.get(0).map(|(s, e)| (p + s, p + e)) else {
            continue;
        };
        from = end;
        let group = |i: usize| locs.get(i).map(|(s, e)| &text[p + s..p + e]);
        let num = |i: usize| group(i).and_then(|g| g.parse::<u32>().ok());
        let year = |i: usize| group(i).and_then(|g| g.parse::<i32>().ok());
        let date = if let Some(w) = group(2) {
            let prefix = group(1).map(str::to_ascii_lowercase);
            match (doc, weekday(w), prefix.as_deref()) {
                (_, _, Some("next")) => None,
                (Some(doc), Some(day), p) => Some(last_weekday(doc, day, p == Some("last"))),
                _ => None,
            }
        } else if let Some(word) = group(3) {
            match (doc, word.to_ascii_lowercase().as_str()) {
                (Some(doc), "today" | "tonight") => Some(doc),
                (Some(doc), "yesterday") => doc.pred_opt(),
                _ => None,
            }
        } else if let Some(month) = group(4) {
            // "the March 23 Movement": a name, not a date; "On June 3 Hamas said" is a date.
            let next_is_name = text[end..]
                .trim_start_matches([' ', '\u{a0}'])
                .starts_with(char::is_uppercase)
                && group(6).is_none();
            let after_on = text[..start]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.eq_ignore_ascii_case("on"));
            if next_is_name && !after_on {
                continue;
            }
            full_or_relative(doc, month_number(month), num(5), year(6))
        } else if let Some(month) = group(8) {
            full_or_relative(doc, month_number(month), num(7), year(9))
        } else {
            match (year(10), num(11), num(12)) {
                (Some(y), Some(mo), Some(d)) => NaiveDate::from_ymd_opt(y, mo, d),
                _ => None,
            }
        };
        // Nothing after the document date is a day something was done or said.
        let date = date.filter(|d| doc.is_none_or(|doc| *d <= doc));
        out.push(DateSpan { start, end, date });
    }
    out
}

fn full_or_relative(
    doc: Option<NaiveDate>,
    month: Option<u32>,
    day: Option<u32>,
    year: Option<i32>,
) -> Option<NaiveDate> {
    let (month, day) = (month?, day?);
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day),
        None => day_of_month(doc?, month, day),
    }
}

/// The day of the date expression of `text[from..to]` nearest to `at` that resolves, as
/// `YYYY-MM-DD`; `allowed` may rule out some expressions by their spans.
pub fn nearest(
    spans: &[DateSpan],
    from: usize,
    to: usize,
    at: usize,
    allowed: impl Fn(&DateSpan) -> bool,
) -> Option<String> {
    spans
        .iter()
        .filter(|d| d.start >= from && d.end <= to && d.date.is_some() && allowed(d))
        .min_by_key(|d| {
            if d.end <= at {
                at - d.end
            } else {
                d.start.saturating_sub(at)
            }
        })
        .and_then(|d| d.date)
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// The document date of an extraction, parsed.
pub fn parse(date: Option<&str>) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(date?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The days of the expressions of `text` against the document date `doc`.
    fn resolve(text: &str, doc: &str) -> Vec<Option<String>> {
        find(text, parse(Some(doc)))
            .iter()
            .map(|d| d.date.map(|d| d.to_string()))
            .collect()
    }

    /// What [`find`] found with one search of [`EXPRESSION`], before it tried the anchored
    /// expression where one may start.
    fn find_by_one_search(text: &str, doc: Option<NaiveDate>) -> Vec<DateSpan> {
        let mut out = Vec::new();
        for c in EXPRESSION.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            let num = |i: usize| c.get(i).and_then(|g| g.as_str().parse::<u32>().ok());
            let year = |i: usize| c.get(i).and_then(|g| g.as_str().parse::<i32>().ok());
            let date = if let Some(w) = c.get(2) {
                let prefix = c.get(1).map(|p| p.as_str().to_ascii_lowercase());
                match (doc, weekday(w.as_str()), prefix.as_deref()) {
                    (_, _, Some("next")) => None,
                    (Some(doc), Some(day), p) => Some(last_weekday(doc, day, p == Some("last"))),
                    _ => None,
                }
            } else if let Some(word) = c.get(3) {
                match (doc, word.as_str().to_ascii_lowercase().as_str()) {
                    (Some(doc), "today" | "tonight") => Some(doc),
                    (Some(doc), "yesterday") => doc.pred_opt(),
                    _ => None,
                }
            } else if let Some(month) = c.get(4) {
                let next_is_name = text[m.end()..]
                    .trim_start_matches([' ', '\u{a0}'])
                    .starts_with(char::is_uppercase)
                    && c.get(6).is_none();
                let after_on = text[..m.start()]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.eq_ignore_ascii_case("on"));
                if next_is_name && !after_on {
                    continue;
                }
                full_or_relative(doc, month_number(month.as_str()), num(5), year(6))
            } else if let Some(month) = c.get(8) {
                full_or_relative(doc, month_number(month.as_str()), num(7), year(9))
            } else {
                match (year(10), num(11), num(12)) {
                    (Some(y), Some(mo), Some(d)) => NaiveDate::from_ymd_opt(y, mo, d),
                    _ => None,
                }
            };
            let date = date.filter(|d| doc.is_none_or(|doc| *d <= doc));
            out.push(DateSpan {
                start: m.start(),
                end: m.end(),
                date,
            });
        }
        out
    }

    #[test]
    fn every_name_of_a_weekday_or_month_may_start_an_expression() {
        let w = Words::get();
        for name in w
            .weekdays
            .iter()
            .chain(&w.months)
            .chain(&w.month_abbreviations)
        {
            assert!(name.chars().next().is_some_and(may_start), "{name}");
        }
    }

    #[test]
    fn trying_where_an_expression_may_start_finds_what_one_search_finds() {
        let mut texts: Vec<String> = [
            "On Monday, on Monday’s talks; laſt Friday, LAST friday, 3rd of June 2024, x3 June",
            "_Monday é3 June ²Monday ٣ June, June ٣, Tuesday_ 2025-06-0312 12 Dec. 2024 Dec.30",
            "on\u{a0}Thursday night; Sept 5th, 2025;  10 of Sept. 2024 yesterday,TODAY,tomorrow",
            "the March 23 Movement; On March 23 Hamas said; Monday-Tuesday; MondayTuesday",
            "",
            "5",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for dir in ["tests/fixtures/articles", "tests/fixtures/heldout"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        for doc in [None, parse(Some("2025-06-05"))] {
            for text in &texts {
                assert_eq!(find(text, doc), find_by_one_search(text, doc), "{text}");
            }
        }
    }

    fn one(text: &str, doc: &str) -> Option<String> {
        let r = resolve(text, doc);
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        r[0].clone()
    }

    #[test]
    fn a_weekday_is_the_most_recent_one_on_or_before_the_document_date() {
        // 2025-06-05 is a Thursday.
        assert_eq!(
            one("on Thursday", "2025-06-05").as_deref(),
            Some("2025-06-05")
        );
        assert_eq!(
            one("Wednesday", "2025-06-05").as_deref(),
            Some("2025-06-04")
        );
        assert_eq!(
            one("on Friday", "2025-06-05").as_deref(),
            Some("2025-05-30")
        );
        assert_eq!(
            one("on Monday night", "2025-06-05").as_deref(),
            Some("2025-06-02")
        );
        assert_eq!(
            one("Sunday's talks", "2025-06-05").as_deref(),
            Some("2025-06-01")
        );
        assert_eq!(
            one("last Thursday", "2025-06-05").as_deref(),
            Some("2025-05-29")
        );
        assert_eq!(one("next Monday", "2025-06-05"), None);
    }

    #[test]
    fn weekdays_cross_month_and_year_boundaries() {
        // 2025-01-01 is a Wednesday: "Monday" is 2024-12-30.
        assert_eq!(
            one("on Monday", "2025-01-01").as_deref(),
            Some("2024-12-30")
        );
        // 2024-03-01 is a Friday in a leap year: "Thursday" is February 29.
        assert_eq!(one("Thursday", "2024-03-01").as_deref(), Some("2024-02-29"));
        assert_eq!(one("Thursday", "2023-03-01").as_deref(), Some("2023-02-23"));
    }

    #[test]
    fn today_and_yesterday() {
        assert_eq!(one("today", "2025-06-05").as_deref(), Some("2025-06-05"));
        assert_eq!(
            one("Yesterday", "2025-03-01").as_deref(),
            Some("2025-02-28")
        );
        assert_eq!(
            one("yesterday", "2024-03-01").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            one("yesterday", "2025-01-01").as_deref(),
            Some("2024-12-31")
        );
        assert_eq!(one("tomorrow", "2025-06-05"), None);
    }

    #[test]
    fn a_day_of_a_month_takes_the_year_of_the_document() {
        assert_eq!(
            one("on June 3", "2025-06-05").as_deref(),
            Some("2025-06-03")
        );
        assert_eq!(one("3 June", "2025-06-05").as_deref(), Some("2025-06-03"));
        assert_eq!(one("June 3rd", "2025-06-05").as_deref(), Some("2025-06-03"));
        assert_eq!(one("Dec. 30", "2025-01-02").as_deref(), Some("2024-12-30"));
        assert_eq!(one("Feb 29", "2024-03-10").as_deref(), Some("2024-02-29"));
        // February 29 of 2025 does not exist, nor is 2024's within half a year of July 2025.
        assert_eq!(one("Feb 29", "2025-07-10"), None);
        // A day still to come is no day of something done.
        assert_eq!(one("June 30", "2025-06-05"), None);
    }

    #[test]
    fn full_dates_are_themselves() {
        assert_eq!(
            one("June 3, 2024", "2025-06-05").as_deref(),
            Some("2024-06-03")
        );
        assert_eq!(
            one("3 June 2024", "2025-06-05").as_deref(),
            Some("2024-06-03")
        );
        assert_eq!(
            one("2024-06-03", "2025-06-05").as_deref(),
            Some("2024-06-03")
        );
    }

    #[test]
    fn no_document_date_no_relative_date() {
        for text in ["on Thursday", "yesterday", "today", "June 3"] {
            assert_eq!(
                find(text, None).iter().filter_map(|d| d.date).count(),
                0,
                "{text}"
            );
        }
        assert_eq!(find("June 3, 2024", None)[0].date, Some(day("2024-06-03")));
    }

    #[test]
    fn vague_spans_and_names_are_no_days() {
        assert!(resolve("last week, earlier this month", "2025-06-05").is_empty());
        assert!(resolve("the March 23 Movement", "2025-06-05").is_empty());
        assert_eq!(
            resolve("On March 23 Hamas said", "2025-06-05"),
            [Some("2025-03-23".to_string())]
        );
        // "may" is no month.
        assert!(resolve("talks may 3 times", "2025-06-05").is_empty());
    }

    #[test]
    fn the_nearest_resolved_expression_is_taken() {
        let text = "On Monday, officials said Israel recalled its team on Wednesday.";
        let spans = find(text, parse(Some("2025-06-05")));
        let at = text.find("recalled").unwrap();
        assert_eq!(
            nearest(&spans, 0, text.len(), at, |_| true).as_deref(),
            Some("2025-06-04")
        );
    }
}
