//! Bytes to text (UTF-8, UTF-16 with a byte-order mark): text or an error, no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use negograph::input::decode;

fuzz_target!(|bytes: &[u8]| {
    let _ = decode(bytes, "fuzz");
});
