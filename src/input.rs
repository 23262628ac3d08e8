//! Readers: bytes of a file (or standard input) -> articles. Plain text and Markdown with optional
//! front matter, subtitles as running text, HTML with markup and boilerplate stripped, JSON Lines
//! with one article per line.

use std::path::Path;

use scraper::{ElementRef, Html, Node, Selector};
use serde::Deserialize;

/// One article as read: the text the extractor sees, and what the source says about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub text: String,
    pub title: Option<String>,
    /// A date as the source gave it; checked and normalised by the extractor.
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
    /// Where it came from: a path, `-`, or `path:line` for JSON Lines.
    pub origin: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    JsonLines,
}

impl Format {
    /// The format a file name suggests; anything unknown is plain text.
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::JsonLines,
            "md" | "markdown" => Format::Markdown,
            _ => Format::Text,
        }
    }

    /// The format of text whose name says nothing (standard input), from its first bytes.
    pub fn sniff(bytes: &[u8]) -> Format {
        let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
        match start.map(|i| bytes[i]) {
            Some(b'{') => Format::JsonLines,
            Some(b'<') => Format::Html,
            Some(b'-') if bytes[start.unwrap_or(0)..].starts_with(b"---") => Format::Markdown,
            _ => Format::Text,
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "text" | "txt" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "jsonl" | "jsonlines" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{origin}: not UTF-8 text (invalid byte at offset {offset})")]
    InvalidUtf8 { origin: String, offset: usize },
    #[error("{origin}: binary file (NUL byte at offset {offset}), not an article")]
    Binary { origin: String, offset: usize },
    #[error("{origin}: empty article (no text)")]
    Empty { origin: String },
    #[error("{origin}: line {line}: not a JSON article")]
    BadJsonLine {
        origin: String,
        line: usize,
        #[source]
        source: JsonLineError,
    },
    #[error("{origin}: malformed front matter")]
    BadFrontMatter {
        origin: String,
        #[source]
        source: FrontMatterError,
    },
    #[error("{origin}: {} of text in one article, more than the limit of {}", mib(*bytes), mib(MAX_ARTICLE_BYTES))]
    TooLong { origin: String, bytes: u64 },
    #[error("{origin}: a file of {}, more than the limit of {} for one article (not read)", mib(*bytes), mib(MAX_FILE_BYTES))]
    FileTooLarge { origin: String, bytes: u64 },
}

/// What is wrong with a line of JSON Lines.
#[derive(Debug, thiserror::Error)]
pub enum JsonLineError {
    /// The column (from 1) of the first byte that is not UTF-8.
    #[error("not UTF-8 (invalid byte at column {column})")]
    NotUtf8 { column: usize },
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Date(#[from] BadDate),
    #[error("{} of text in one article, more than the limit of {}", mib(*bytes), mib(MAX_ARTICLE_BYTES))]
    TooLong { bytes: u64 },
}

/// What is wrong with the front matter of a text or Markdown file.
#[derive(Debug, thiserror::Error)]
pub enum FrontMatterError {
    #[error("line {line}: expected `key: value`, found {text:?}")]
    NotKeyValue { line: usize, text: String },
    #[error("line {line}")]
    Date {
        line: usize,
        #[source]
        source: BadDate,
    },
    #[error("opening `---` has no closing `---`")]
    Unclosed,
}

/// A date of the form `YYYY-MM-DD` that is no day of the calendar.
#[derive(Debug, thiserror::Error)]
#[error("date {value:?} is not a calendar date")]
pub struct BadDate {
    pub value: String,
}

/// The longest article text negograph reads: 2 MiB, ten times a very long news article. Longer
/// text is refused rather than extracted, so that no input can hold an ingest for hours.
pub const MAX_ARTICLE_BYTES: u64 = 2 * 1024 * 1024;

/// The largest file read as one article (markup included): 64 MiB. Larger files are refused
/// before they are read.
pub const MAX_FILE_BYTES: u64 = 32 * MAX_ARTICLE_BYTES;

/// A size for messages: "200.0 MiB".
pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn check_length(article: &Article) -> Result<(), InputError> {
    let bytes = article.text.len() as u64;
    if bytes > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLong {
            origin: article.origin.clone(),
            bytes,
        });
    }
    Ok(())
}

/// A date written as `YYYY-MM-DD...` must be a real calendar date ("2025-02-30" is not). Other
/// ways of writing dates are left for the extractor to read.
fn check_date(value: &str) -> Result<(), BadDate> {
    let b = value.trim().as_bytes();
    let iso = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    if iso && crate::date::find_date(value).is_none() {
        return Err(BadDate {
            value: value.to_string(),
        });
    }
    Ok(())
}

/// Turns raw bytes into text: UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order
/// mark; binary data and invalid UTF-8 are errors naming the offset.
pub fn decode(bytes: &[u8], origin: &str) -> Result<String, InputError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode(rest, origin);
    }
    let utf16 = |rest: &[u8], le: bool| {
        let units = rest.chunks(2).map(|c| {
            let pair = [c[0], *c.get(1).unwrap_or(&0)];
            if le {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .enumerate()
            .map(|(i, c)| {
                c.map_err(|_| InputError::InvalidUtf8 {
                    origin: origin.to_string(),
                    offset: 2 + 2 * i,
                })
            })
            .collect::<Result<String, _>>()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            origin: origin.to_string(),
            offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(InputError::InvalidUtf8 {
            origin: origin.to_string(),
            offset: e.valid_up_to(),
        }),
    }
}

/// Reads every article in `bytes`, read as `format`.
pub fn read(bytes: &[u8], format: Format, origin: &str) -> Result<Vec<Article>, InputError> {
    let text = decode(bytes, origin)?;
    match format {
        Format::JsonLines => read_json_lines(&text, origin),
        Format::Html => one(read_html(&text, origin)),
        Format::Text | Format::Markdown => one(read_text(&text, origin)?),
    }
}

fn one(article: Article) -> Result<Vec<Article>, InputError> {
    if article.text.trim().is_empty() {
        return Err(InputError::Empty {
            origin: article.origin,
        });
    }
    check_length(&article)?;
    Ok(vec![article])
}

/// Plain text or Markdown, with optional `---` front matter of `key: value` lines
/// (title, date, source, url, author); a subtitle file (SubRip, WebVTT) is read as the running
/// text of its cues ([`crate::subtitles`]).
pub fn read_text(text: &str, origin: &str) -> Result<Article, InputError> {
    let mut article = Article {
        origin: origin.to_string(),
        ..Article::default()
    };
    let body = match front_matter(text) {
        Some((fields, body)) => {
            for (line_no, line) in fields.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let Some((key, value)) = line.split_once(':') else {
                    return Err(InputError::BadFrontMatter {
                        origin: origin.to_string(),
                        source: FrontMatterError::NotKeyValue {
                            line: line_no + 2,
                            text: line.to_string(),
                        },
                    });
                };
                let value = value
                    .trim()
                    .trim_matches('"')
                    .trim_matches('\'')
                    .to_string();
                match key.trim().to_ascii_lowercase().as_str() {
                    "title" => article.title = Some(value),
                    "date" | "published" => {
                        check_date(&value).map_err(|source| InputError::BadFrontMatter {
                            origin: origin.to_string(),
                            source: FrontMatterError::Date {
                                line: line_no + 2,
                                source,
                            },
                        })?;
                        article.date = Some(value)
                    }
                    "source" | "publisher" => article.source = Some(value),
                    "url" | "link" => article.url = Some(value),
                    "author" | "authors" | "byline" => article.authors.extend(
                        value
                            .split([',', ';'])
                            .map(|a| a.trim().to_string())
                            .filter(|a| !a.is_empty()),
                    ),
                    _ => {}
                }
            }
            body
        }
        None if text.starts_with("---\n") || text.starts_with("---\r\n") => {
            return Err(InputError::BadFrontMatter {
                origin: origin.to_string(),
                source: FrontMatterError::Unclosed,
            })
        }
        None => text,
    };
    if article.title.is_none() {
        article.title = body
            .lines()
            .find(|l| l.starts_with("# "))
            .map(|l| l.trim_start_matches('#').trim().to_string());
    }
    // a subtitle file saved as text: its words as running text
    article.text = crate::subtitles::running_text(body).unwrap_or_else(|| body.to_string());
    Ok(article)
}

/// Splits `---\n...\n---\n` front matter from the body.
fn front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

#[derive(Deserialize)]
struct JsonArticle {
    #[serde(alias = "body", alias = "content")]
    text: String,
    title: Option<String>,
    #[serde(alias = "published", alias = "published_at")]
    date: Option<String>,
    source: Option<String>,
    #[serde(alias = "link")]
    url: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
}

/// Parses one JSON Lines record.
pub fn parse_json_line(line: &str, origin: &str, line_no: usize) -> Result<Article, InputError> {
    let bad = |source: JsonLineError| InputError::BadJsonLine {
        origin: origin.to_string(),
        line: line_no,
        source,
    };
    let a: JsonArticle = serde_json::from_str(line).map_err(|e| bad(e.into()))?;
    if let Some(d) = &a.date {
        check_date(d).map_err(|e| bad(e.into()))?;
    }
    if a.text.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(bad(JsonLineError::TooLong {
            bytes: a.text.len() as u64,
        }));
    }
    Ok(Article {
        text: a.text,
        title: a.title,
        date: a.date,
        source: a.source,
        url: a.url,
        authors: a.authors,
        origin: format!("{origin}:{line_no}"),
    })
}

fn read_json_lines(text: &str, origin: &str) -> Result<Vec<Article>, InputError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let article = parse_json_line(line, origin, i + 1)?;
        if !article.text.trim().is_empty() {
            out.push(article);
        }
    }
    if out.is_empty() {
        return Err(InputError::Empty {
            origin: origin.to_string(),
        });
    }
    Ok(out)
}

const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "figure",
    "figcaption",
    "template",
    "select",
    "head",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "dd",
    "dt",
    "pre",
    "time",
];

/// HTML: the text of `<article>` (else `<main>`, else `<body>`), one line per block element,
/// without scripts, navigation, headers, footers and figures. Title and date from the page's
/// metadata where present.
pub fn read_html(html: &str, origin: &str) -> Article {
    let doc = Html::parse_document(html);
    let select = |css: &str| Selector::parse(css).ok();
    let first_text = |css: &str| {
        select(css)
            .and_then(|s| doc.select(&s).next().map(|e| e.text().collect::<String>()))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
    };
    let meta = |css: &str| {
        select(css).and_then(|s| {
            doc.select(&s)
                .next()
                .and_then(|e| e.value().attr("content").or(e.value().attr("datetime")))
                .map(str::to_string)
        })
    };
    let root = ["article", "main", "body"]
        .iter()
        .filter_map(|css| select(css).and_then(|s| doc.select(&s).next()))
        .next();
    let mut text = String::new();
    if let Some(root) = root {
        collect_text(root, &mut text);
    }
    let text = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Article {
        text,
        title: meta("meta[property='og:title']")
            .or_else(|| first_text("title"))
            .or_else(|| first_text("h1")),
        date: meta("meta[property='article:published_time']")
            .or_else(|| meta("meta[name='date']"))
            .or_else(|| meta("time[datetime]")),
        source: meta("meta[property='og:site_name']"),
        url: meta("meta[property='og:url']"),
        authors: meta("meta[name='author']").into_iter().collect(),
        origin: origin.to_string(),
    }
}

/// The text of `element`'s subtree, walked with a stack of its own rather than recursion, so that
/// no nesting depth can overflow the call stack. `None` on the stack closes a block element.
fn collect_text(element: ElementRef, out: &mut String) {
    let mut stack: Vec<Option<_>> = element.children().rev().map(Some).collect();
    while let Some(step) = stack.pop() {
        let Some(child) = step else {
            out.push('\n');
            continue;
        };
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    continue;
                }
                if BLOCKS.contains(&name) {
                    out.push('\n');
                    stack.push(None);
                }
                stack.extend(child.children().rev().map(Some));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_and_body() {
        let a = read_text(
            "---\ntitle: Talks resume\ndate: 2025-03-01\n---\nBody here.\n",
            "x.md",
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Talks resume"));
        assert_eq!(a.date.as_deref(), Some("2025-03-01"));
        assert_eq!(a.text, "Body here.\n");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = read_text("---\ntitle: x\nBody", "x.md").unwrap_err();
        assert!(
            matches!(
                e,
                InputError::BadFrontMatter {
                    source: FrontMatterError::Unclosed,
                    ..
                }
            ),
            "{e:?}"
        );
    }

    #[test]
    fn subtitles_saved_as_text_are_read_as_their_running_text() {
        let srt = "1\n00:00:01,000 --> 00:00:03,000\nQatar and Egypt\n\n2\n\
            00:00:03,100 --> 00:00:05,000\nmediated the talks.\n\n3\n\
            00:00:05,100 --> 00:00:07,000\nHAMAS OFFICIAL: We accept.\n";
        let a = read(srt.as_bytes(), Format::Text, "x.srt").unwrap();
        assert_eq!(
            a[0].text,
            "Qatar and Egypt mediated the talks.\nHAMAS OFFICIAL: We accept.\n"
        );
    }

    #[test]
    fn html_drops_boilerplate() {
        let a = read_html(
            "<html><head><title>T</title><script>var x</script></head><body><nav>Menu</nav><article><p>Qatar said.</p><p>Egypt agreed.</p></article><footer>(c)</footer></body></html>",
            "a.html",
        );
        assert_eq!(a.text, "Qatar said.\nEgypt agreed.");
        assert_eq!(a.title.as_deref(), Some("T"));
    }

    #[test]
    fn utf16_with_bom_is_decoded_and_binary_refused() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hamas".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, "a").unwrap(), "Hamas");
        assert!(matches!(
            decode(b"ab\0c", "b"),
            Err(InputError::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            decode(b"ab\xFFc", "c"),
            Err(InputError::InvalidUtf8 { offset: 2, .. })
        ));
    }

    #[test]
    fn json_lines_report_the_bad_line() {
        let e = read(b"{\"text\":\"a\"}\n{oops\n", Format::JsonLines, "f.jsonl").unwrap_err();
        assert!(matches!(e, InputError::BadJsonLine { line: 2, .. }));
    }
}
