//! JSON Lines from raw bytes: articles or an error naming a line that exists, no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use negograph::input::{read, Format, InputError};

fuzz_target!(|bytes: &[u8]| {
    match read(bytes, Format::JsonLines, "fuzz.jsonl") {
        Ok(articles) => assert!(articles.iter().all(|a| !a.text.trim().is_empty())),
        Err(InputError::BadJsonLine { line, .. }) => {
            assert!(line >= 1 && line <= bytes.split(|&b| b == b'\n').count());
        }
        Err(_) => {}
    }
});
