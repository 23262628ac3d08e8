//! Calendar dates written out in text ("July 24, 2025", "3 March 2025", "2025-03-03",
//! "17/10/2023"), read as `YYYY-MM-DD`. Shared by the input readers, which check dates given in
//! front matter and JSON Lines, and by the extractor, which reads a document's date.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::lexicon::Words;

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:\D|$)").expect("valid regex"));
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({months})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?:\D|$)",
        months = Words::get().month_pattern()
    ))
    .expect("valid regex")
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\d{{1,2}})\s+({months})\.?,?\s+(\d{{4}})(?:\D|$)",
        months = Words::get().month_pattern()
    ))
    .expect("valid regex")
});
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})\.?(?:[^\d/.]|$)")
        .expect("valid regex")
});
/// The number of a month named or abbreviated as `ontology/words/months.txt` names it.
fn month_number(name: &str) -> Option<u32> {
    Words::get().month_number(name)
}

/// The first date in `text`, as `YYYY-MM-DD`, if it is a real calendar date.
pub fn find_date(text: &str) -> Option<String> {
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut consider = |at: usize, y: &str, m: u32, d: &str| {
        if let (Ok(y), Ok(d)) = (y.parse::<i32>(), d.parse::<u32>()) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                if best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, date));
                }
            }
        }
    };
    if let Some(c) = ISO_DATE.captures(text) {
        if let Ok(m) = c[2].parse::<u32>() {
            consider(c.get(0).map_or(0, |m| m.start()), &c[1], m, &c[3]);
        }
    }
    if let Some(c) = MONTH_FIRST.captures(text) {
        if let Some(m) = month_number(&c[1]) {
            consider(c.get(0).map_or(0, |m| m.start()), &c[3], m, &c[2]);
        }
    }
    if let Some(c) = DAY_FIRST.captures(text) {
        if let Some(m) = month_number(&c[2]) {
            consider(c.get(0).map_or(0, |m| m.start()), &c[3], m, &c[1]);
        }
    }
    // "17/10/2023", "17.10.2023": day first, as most of the world writes it, unless only the
    // other order is a date ("10/17/2023").
    if let Some(c) = NUMERIC_DATE.captures(text) {
        let at = c.get(0).map_or(0, |m| m.start());
        if let (Ok(a), Ok(b)) = (c[1].parse::<u32>(), c[2].parse::<u32>()) {
            if b <= 12 {
                consider(at, &c[3], b, &c[1]);
            } else if a <= 12 {
                consider(at, &c[3], a, &c[2]);
            }
        }
    }
    best.map(|(_, d)| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_many_forms() {
        assert_eq!(
            find_date("July 24, 2025Updated 5:02 p.m. ET").as_deref(),
            Some("2025-07-24")
        );
        assert_eq!(
            find_date("Published 2025-03-03 08:00").as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(
            find_date("CAIRO, 3 March 2025 —").as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(find_date("on 2025-02-30"), None);
        assert_eq!(find_date("Date: 17/10/2023").as_deref(), Some("2023-10-17"));
        assert_eq!(find_date("Date: 10/17/2023").as_deref(), Some("2023-10-17"));
        assert_eq!(
            find_date("Oslo, 03.04.2024.").as_deref(),
            Some("2024-04-03")
        );
        assert_eq!(find_date("ratio 45/13/2020"), None);
    }
}
