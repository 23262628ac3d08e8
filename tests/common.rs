//! Helpers shared by the integration tests: running the binary, fixture paths, temp stores.
// Each test crate includes this module (`mod common;`) and uses only some of it; rustc checks
// each crate on its own and would call the rest dead.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The benchmark's corpus generator, for tests that need many articles (it is no part of the
/// library).
#[path = "../src/bin/negograph-bench/corpus.rs"]
pub mod corpus;
use std::process::{Command, Output, Stdio};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_negograph")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    root().join("tests/fixtures/articles")
}

pub fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// Runs negograph with `args` against `store` (given as $NEGOGRAPH_STORE, which the commands
/// that open no store ignore), with `stdin` as input.
pub fn run(store: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(bin());
    cmd.args(args).env("NEGOGRAPH_STORE", store);
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("negograph runs");
    if let Some(input) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    child.wait_with_output().expect("negograph finishes")
}

pub fn ok(store: &Path, args: &[&str]) -> String {
    let out = run(store, args, None);
    assert!(
        out.status.success(),
        "negograph {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// A store holding all fixture articles.
pub fn fixture_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    ok(
        &store,
        &[
            "ingest",
            "--quiet",
            fixtures().to_str().expect("utf-8 path"),
        ],
    );
    store
}

/// Sorted N-Quads lines of the whole store.
pub fn nquads(store: &Path) -> Vec<String> {
    let mut lines: Vec<String> = ok(store, &["export", "--format", "nquads"])
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}
