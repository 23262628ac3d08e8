//! Plain text and Markdown with front matter, from raw bytes: an article or an error, no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use negograph::input::{read, Format};

fuzz_target!(|bytes: &[u8]| {
    for format in [Format::Text, Format::Markdown] {
        if let Ok(articles) = read(bytes, format, "fuzz.md") {
            assert_eq!(articles.len(), 1);
            assert!(!articles[0].text.trim().is_empty());
        }
    }
});
