//! Document metadata: the date (given, from the source's metadata, or read from a dateline or
//! byline), the title, and the people who wrote, reported or photographed the article. Those are
//! kept as literals of the document and their lines are closed to the actor rules.

use std::sync::LazyLock;

use regex::Regex;

use super::{Metadata, Options};
use crate::date::find_date;
use crate::input::Article;
use crate::lexicon::{CueClass, Lexicon};
use crate::text::Text;

static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:By|BY|by)\s+(.{3,120})$").expect("valid regex"));
/// A wire dateline opening a paragraph: a place in capitals, perhaps a country or a date after a
/// comma, perhaps the agency in brackets, then a dash ("GENEVA (Reuters) -", "DUBAI, United Arab
/// Emirates —", "KYIV, Ukraine, May 16 (Agency) –").
const DATELINE: &str = r"[ \t]*\p{Lu}[\p{Lu}’'.\- ]{2,40}(?:,[ \t]*[\p{L}\d][\p{L}\d’'. ]{1,40}){0,2}(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*(?:—|–|--?)[ \t]";
/// [`DATELINE`] at the start of a haystack of one line: anchored, so that a line that does not
/// open with one is given up at once.
static LINE_DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{DATELINE}")).expect("valid regex"));
static PERSON_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{L}’'\-]*\.?(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}’'\-]+|(?:al|el|de|van|von|bin|ibn)(?:[\s-]\p{Lu}[\p{L}’'\-]+)))+")
        .expect("valid regex")
});

/// Names of people in a credit line ("Aaron Boxerman and Natan Odenheimer").
pub fn names_in(text: &str) -> Vec<String> {
    PERSON_NAME
        .find_iter(text)
        .map(|m| m.as_str().trim_end_matches('.').to_string())
        .filter(|n| n.split_whitespace().count() >= 2)
        .collect()
}

/// The spans of datelines in `text`: those of `(?m)^` and [`DATELINE`], found line by line. No
/// part of the pattern crosses a line end, so each line that could open with one (a capital after
/// the indent, a dash somewhere) is searched alone and anchored: over a whole text the pattern's
/// bounded Unicode classes make the regex engine fall back to its slowest mode.
fn datelines(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let at = line_start;
        line_start += line.len() + 1;
        let opens_capital = line
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !opens_capital || !line.contains(['-', '—', '–']) {
            continue;
        }
        if let Some(m) = LINE_DATELINE.find(line) {
            spans.push((at + m.start(), at + m.end()));
        }
    }
    spans
}

pub fn read(article: &Article, text: &Text, lexicon: &Lexicon, options: &Options) -> Metadata {
    let head_end = text
        .text
        .char_indices()
        .nth(1500)
        .map_or(text.text.len(), |(i, _)| i);
    let date = options
        .date
        .as_deref()
        .and_then(find_date)
        .or_else(|| article.date.as_deref().and_then(find_date))
        .or_else(|| find_date(&text.text[..head_end]));
    let mut meta = Metadata {
        title: article.title.clone(),
        date,
        source: article.source.clone(),
        url: article.url.clone(),
        creators: article.authors.clone(),
        ..Metadata::default()
    };
    // Bylines: a short line "By Jane Doe and John Roe" among the first lines.
    for s in text.sentences.iter().take(8) {
        let line = text.sentence_text(s);
        if let Some(c) = BYLINE.captures(line) {
            let names = names_in(&c[1]);
            if !names.is_empty() {
                meta.creators.extend(names);
                meta.credit_spans.push((s.start, s.end));
            }
        }
    }
    // Datelines: the first two letters of the place must both be capitals ("GENEVA", not
    // "Geneva talks -").
    for (start, end) in datelines(text.text) {
        let lead = text.text[start..end].trim_start();
        if lead.chars().take(2).all(char::is_uppercase) {
            meta.dateline_spans.push((start, end));
        }
    }
    // Credit lines anywhere: "X and Y contributed reporting", "Reporting by X", "X covers ...".
    for s in &text.sentences {
        let line = text.sentence_text(s);
        let hits = lexicon.cue_hits(CueClass::Reporting, line);
        let Some((hit, _)) = hits.first() else {
            continue;
        };
        let before = names_in(&line[..hit.start]);
        let after = names_in(&line[hit.end..]);
        // Names after the cue only where it ends in "by" ("Reporting by X"): "It covers the
        // week when Sir James Whitehead ..." credits no one.
        let by = line[hit.start..hit.end].to_lowercase().ends_with(" by");
        let names: Vec<String> = if !before.is_empty() && line[..hit.start].trim_end().len() < 80 {
            before
        } else if hit.start < 40 && by {
            after
        } else {
            Vec::new()
        };
        if names.is_empty() {
            continue;
        }
        for n in names {
            if !meta.creators.contains(&n) && !meta.contributors.contains(&n) {
                meta.contributors.push(n);
            }
        }
        meta.credit_spans.push((s.start, s.end));
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_line_by_line_as_in_the_whole_text() {
        let text = "GENEVA (Reuters) - Talks began.\nDUBAI, United Arab Emirates — More.\n  KYIV, Ukraine, May 16 (Agency) – x\nGeneva talks - no\nNo dash here\n\nÉTAT, Qué — y";
        let whole: Vec<(usize, usize)> = Regex::new(&format!("(?m)^{DATELINE}"))
            .unwrap()
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        assert!(whole.len() >= 3, "{whole:?}");
        assert_eq!(datelines(text), whole);
    }

    #[test]
    fn credit_names() {
        assert_eq!(
            names_in("Aaron Boxerman and Natan Odenheimer"),
            vec!["Aaron Boxerman", "Natan Odenheimer"]
        );
        assert_eq!(names_in("David E. Sanger"), vec!["David E. Sanger"]);
    }
}
