//! HTML from raw bytes: an article or an error, no panic and no stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use negograph::input::{read, Format};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(articles) = read(bytes, Format::Html, "fuzz.html") {
        assert_eq!(articles.len(), 1);
    }
});
