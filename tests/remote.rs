//! Remote stores. Always: `--shard` on the embedded store, and authentication, retries and error
//! messages against a small HTTP stub on loopback. With real servers (started by
//! tests/remote/run.sh, which sets NEGOGRAPH_TEST_OXIGRAPH_URL and NEGOGRAPH_TEST_VIRTUOSO_URL):
//! ingest, every named query, export, remove, update and load give what the embedded store gives.
//! Those tests are ignored by a plain `cargo test`; run with `--include-ignored`, a missing
//! variable fails them instead of skipping.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};

use common::*;

/// Runs negograph with `args` (which name the store themselves).
fn neg(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .env_remove("NEGOGRAPH_STORE")
        .env_remove("NEGOGRAPH_ENDPOINT")
        .env_remove("NEGOGRAPH_USER")
        .env_remove("NEGOGRAPH_PASSWORD")
        .env_remove("NEGOGRAPH_TOKEN")
        .env_remove("NEGOGRAPH_PRESET")
        .stdin(Stdio::null())
        .output()
        .expect("negograph runs")
}

fn neg_ok(args: &[&str]) -> String {
    let out = neg(args);
    assert!(
        out.status.success(),
        "negograph {args:?} failed: {}",
        stderr(&out)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn documents(store: &[&str]) -> BTreeSet<String> {
    let mut args = store.to_vec();
    args.extend([
        "query",
        "--format",
        "csv",
        "PREFIX neg: <https://w3id.org/negograph/ontology#> SELECT DISTINCT ?d WHERE { ?d a neg:Document }",
    ]);
    neg_ok(&args)
        .lines()
        .skip(1)
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

// ------------------------------------------------------------------------------------------------
// --shard, on the embedded store
// ------------------------------------------------------------------------------------------------

#[test]
fn shards_are_disjoint_cover_the_corpus_and_do_not_change() {
    let dir = tempfile::tempdir().unwrap();
    let all = dir.path().join("all");
    neg_ok(&[
        "--store",
        all.to_str().unwrap(),
        "ingest",
        "-q",
        fixtures().to_str().unwrap(),
    ]);
    let everything = documents(&["--store", all.to_str().unwrap()]);
    assert_eq!(everything.len(), 18);
    let mut union = BTreeSet::new();
    let mut parts = Vec::new();
    for i in 1..=3 {
        let store = dir.path().join(format!("shard{i}"));
        let shard = format!("{i}/3");
        let out = neg(&[
            "--store",
            store.to_str().unwrap(),
            "ingest",
            "-q",
            "--shard",
            &shard,
            fixtures().to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("left to the other shards of 3"),
            "{}",
            stderr(&out)
        );
        let docs = documents(&["--store", store.to_str().unwrap()]);
        assert!(!docs.is_empty() && docs.len() < 18, "shard {i}: {docs:?}");
        for d in &docs {
            assert!(union.insert(d.clone()), "{d} is in two shards");
        }
        parts.push(docs);
    }
    assert_eq!(union, everything, "the shards together are the corpus");
    // The same shard again, in a fresh store and from the files in another order: the same part.
    let again = dir.path().join("again");
    let mut files: Vec<_> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x != "json"))
        .collect();
    files.sort();
    files.reverse();
    let mut args = vec![
        "--store".to_string(),
        again.to_str().unwrap().to_string(),
        "ingest".into(),
        "-q".into(),
        "--shard".into(),
        "2/3".into(),
    ];
    args.extend(files.iter().map(|p| p.to_str().unwrap().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    neg_ok(&args);
    assert_eq!(documents(&["--store", again.to_str().unwrap()]), parts[1]);
    // Bad shards are refused.
    for bad in ["0/3", "4/3", "1/0", "x/2", "2"] {
        let out = neg(&[
            "--store",
            again.to_str().unwrap(),
            "ingest",
            "--shard",
            bad,
            fixtures().to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "--shard {bad}");
        assert!(stderr(&out).contains("--shard"), "{}", stderr(&out));
    }
}

// ------------------------------------------------------------------------------------------------
// A stub SPARQL server on loopback: authentication, retries, messages
// ------------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Seen {
    method: String,
    target: String,
    authorization: Option<String>,
    body: Vec<u8>,
}

/// What the stub answers: (status, extra headers, content type, body) for each request.
type Answerer = dyn Fn(&Seen, usize) -> (u16, Vec<(String, String)>, String, String) + Send + Sync;

/// An HTTP/1.1 server on a free loopback port that answers each request with `answer` and
/// records it; it stops with the test process.
fn stub(answer: Box<Answerer>) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut out = stream;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                let mut parts = line.split_whitespace();
                let method = parts.next().unwrap_or("").to_string();
                let target = parts.next().unwrap_or("").to_string();
                let mut headers = BTreeMap::new();
                loop {
                    let mut h = String::new();
                    reader.read_line(&mut h).unwrap();
                    let h = h.trim_end();
                    if h.is_empty() {
                        break;
                    }
                    if let Some((k, v)) = h.split_once(':') {
                        headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                    }
                }
                let len: usize = headers
                    .get("content-length")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                let mut body = vec![0; len];
                reader.read_exact(&mut body).unwrap();
                let s = Seen {
                    method,
                    target,
                    authorization: headers.get("authorization").cloned(),
                    body,
                };
                let n = {
                    let mut l = log.lock().unwrap();
                    l.push(s.clone());
                    l.len()
                };
                let (status, extra, ct, text) = answer(&s, n);
                let mut response = format!(
                    "HTTP/1.1 {status} Stub\r\nContent-Type: {ct}\r\nContent-Length: {}\r\n",
                    text.len()
                );
                for (k, v) in extra {
                    response.push_str(&format!("{k}: {v}\r\n"));
                }
                response.push_str("\r\n");
                response.push_str(&text);
                if out.write_all(response.as_bytes()).is_err() {
                    break;
                }
            }
        }
    });
    (url, seen)
}

const FALSE: &str = r#"{"head":{},"boolean":false}"#;

/// A store that holds nothing and accepts every write.
fn empty_store(s: &Seen) -> (u16, Vec<(String, String)>, String, String) {
    match s.method.as_str() {
        "POST" => (
            200,
            vec![],
            "application/sparql-results+json".into(),
            FALSE.into(),
        ),
        _ => (201, vec![], "text/plain".into(), String::new()),
    }
}

fn one_article(dir: &Path) -> String {
    let p = dir.join("a.txt");
    std::fs::write(
        &p,
        "Mediators from Qatar and Egypt said on Monday that Hamas had accepted the cease-fire proposal.\n",
    )
    .unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn a_bearer_token_goes_with_every_request_and_documents_are_put_whole() {
    let (url, seen) = stub(Box::new(|s, _| {
        if s.authorization.as_deref() != Some("Bearer s3cret") {
            return (401, vec![], "text/plain".into(), "token required".into());
        }
        empty_store(s)
    }));
    let dir = tempfile::tempdir().unwrap();
    let article = one_article(dir.path());
    let out = neg(&[
        "--store", &url, "--token", "s3cret", "ingest", "-q", &article,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 documents new"), "{}", stderr(&out));
    let seen = seen.lock().unwrap();
    assert!(seen
        .iter()
        .all(|s| s.authorization.as_deref() == Some("Bearer s3cret")));
    // The ontology graph, then the document, each in one PUT to the Graph Store endpoint.
    let puts: Vec<&Seen> = seen.iter().filter(|s| s.method == "PUT").collect();
    assert_eq!(puts.len(), 2, "{seen:?}");
    assert!(puts[0]
        .target
        .starts_with("/store?graph=https%3A%2F%2Fw3id.org%2Fnegograph%2Fontology"));
    assert!(puts[1]
        .target
        .starts_with("/store?graph=https%3A%2F%2Fw3id.org%2Fnegograph%2Fid%2Fdoc%2F"));
    let body = String::from_utf8(puts[1].body.clone()).unwrap();
    assert!(
        body.contains("<https://w3id.org/negograph/id/actor/qatar>"),
        "{body}"
    );
    // The actors' and the negotiation's descriptions went once to the shared graph, in one
    // INSERT DATA to the update endpoint before the document's PUT.
    let updates: Vec<usize> = (0..seen.len())
        .filter(|&i| seen[i].method == "POST" && seen[i].target != "/query")
        .collect();
    assert_eq!(updates.len(), 1, "{seen:?}");
    let update = String::from_utf8_lossy(&seen[updates[0]].body).into_owned();
    assert!(
        update.contains("INSERT+DATA") || update.contains("INSERT%20DATA"),
        "{update}"
    );
    assert!(update.contains("graph%2Fshared"), "{update}");
    let doc_put = seen
        .iter()
        .position(|s| s.method == "PUT" && s.target.contains("%2Fid%2Fdoc%2F"))
        .unwrap();
    assert!(updates[0] < doc_put);
    // Queries went to /query, asking for the union of the graphs.
    assert!(seen
        .iter()
        .filter(|s| s.method == "POST" && s.target == "/query")
        .all(|s| String::from_utf8_lossy(&s.body).ends_with("&union-default-graph")));
}

#[test]
fn basic_and_digest_are_answered_to_the_challenge() {
    // Basic: the first request goes without credentials, the 401 names the scheme.
    let (url, seen) = stub(Box::new(|s, _| match s.authorization.as_deref() {
        Some("Basic dXNlcjpwYXNz") => empty_store(s),
        _ => (
            401,
            vec![("WWW-Authenticate".into(), "Basic realm=\"stub\"".into())],
            "text/plain".into(),
            String::new(),
        ),
    }));
    let dir = tempfile::tempdir().unwrap();
    let article = one_article(dir.path());
    let out = neg(&[
        "--store",
        &url,
        "--user",
        "user",
        "--password",
        "pass",
        "ingest",
        "-q",
        &article,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        seen.lock()
            .unwrap()
            .iter()
            .filter(|s| s.authorization.is_none())
            .count(),
        1,
        "credentials are sent from the first challenge on"
    );

    // Digest (RFC 7616 with qop=auth): the stub checks the response hash.
    let (url, seen) = stub(Box::new(|s, _| {
        let ok = s
            .authorization
            .as_deref()
            .is_some_and(|a| digest_ok(a, &s.method, "user", "pass"));
        if ok {
            empty_store(s)
        } else {
            (
                401,
                vec![(
                    "WWW-Authenticate".into(),
                    "Digest realm=\"stub\", nonce=\"n0nce\", opaque=\"op\", qop=\"auth\", algorithm=\"MD5\"".into(),
                )],
                "text/plain".into(),
                String::new(),
            )
        }
    }));
    let out = neg(&[
        "--store",
        &url,
        "--user",
        "user",
        "--password",
        "pass",
        "ingest",
        "-q",
        &article,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let seen = seen.lock().unwrap();
    assert!(seen.iter().filter(|s| s.method == "PUT").count() == 2);
    assert!(seen.iter().skip(1).all(|s| s.authorization.is_some()));

    // A wrong password: one clear line, exit 2.
    let (url, _) = stub(Box::new(|_, _| {
        (
            401,
            vec![("WWW-Authenticate".into(), "Basic realm=\"stub\"".into())],
            "text/plain".into(),
            "bad credentials".into(),
        )
    }));
    let out = neg(&[
        "--store",
        &url,
        "--user",
        "user",
        "--password",
        "nope",
        "stats",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("401") && err.contains("--user"), "{err}");
}

/// Checks a Digest Authorization header the way a server does.
fn digest_ok(header: &str, method: &str, user: &str, password: &str) -> bool {
    let Some(rest) = header.strip_prefix("Digest ") else {
        return false;
    };
    let mut p = BTreeMap::new();
    for part in rest.split(", ") {
        if let Some((k, v)) = part.split_once('=') {
            p.insert(k.to_string(), v.trim_matches('"').to_string());
        }
    }
    let md5 = |s: String| -> String {
        use md5::{Digest, Md5};
        Md5::digest(s.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let get = |k: &str| p.get(k).cloned().unwrap_or_default();
    if get("username") != user || get("nonce") != "n0nce" || get("opaque") != "op" {
        return false;
    }
    let ha1 = md5(format!("{user}:stub:{password}"));
    let ha2 = md5(format!("{method}:{}", get("uri")));
    let expected = md5(format!(
        "{ha1}:n0nce:{}:{}:auth:{ha2}",
        get("nc"),
        get("cnonce")
    ));
    get("response") == expected
}

#[test]
fn transient_failures_are_retried_and_permanent_ones_reported_at_once() {
    // Two 503s, then the store answers.
    let (url, seen) = stub(Box::new(|s, n| {
        if n <= 2 {
            (503, vec![], "text/plain".into(), "warming up".into())
        } else {
            empty_store(s)
        }
    }));
    let dir = tempfile::tempdir().unwrap();
    let article = one_article(dir.path());
    let started = std::time::Instant::now();
    let out = neg(&["--store", &url, "ingest", "-q", &article]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 documents new"), "{}", stderr(&out));
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(700),
        "back-off: 250 ms, then 500 ms"
    );
    let seen = seen.lock().unwrap();
    assert_eq!(seen[0].body, seen[2].body, "the same request again");

    // Always 503: gives up after --retries, saying so.
    let (url, seen) = stub(Box::new(|_, _| {
        (503, vec![], "text/plain".into(), "down".into())
    }));
    let out = neg(&["--store", &url, "--retries", "2", "stats"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("gave up after 3 attempts"),
        "{}",
        stderr(&out)
    );
    assert_eq!(seen.lock().unwrap().len(), 3);

    // A 400 is not retried, and its message is one line with the server's reason.
    let (url, seen) = stub(Box::new(|_, _| {
        (
            400,
            vec![],
            "text/html".into(),
            "<html><body><h1>Bad Request</h1>\n<p>Parser error: unexpected token</p></body></html>"
                .into(),
        )
    }));
    let out = neg(&["--store", &url, "query", "SELECT * WHERE { ?s ?p ?o }"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("400") && err.contains("Bad Request"), "{err}");
    assert_eq!(seen.lock().unwrap().len(), 1);

    // No server at all: connection refused, retried, then one line.
    let free = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", free.local_addr().unwrap());
    drop(free);
    let out = neg(&["--store", &url, "--retries", "1", "actors"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("gave up after 2 attempts"),
        "{}",
        stderr(&out)
    );
}

// ------------------------------------------------------------------------------------------------
// Real servers
// ------------------------------------------------------------------------------------------------

fn server(var: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| {
        panic!("{var} is not set: run tests/remote/run.sh, which starts the servers")
    })
}

/// The rows of a CSV answer, each cell normalised as the outside tests do: concatenations sorted
/// (no engine fixes their order), booleans as 1 and 0 (Virtuoso has no boolean results), numbers
/// in one form.
fn rows(csv: &str, separators: &BTreeMap<String, String>) -> Vec<Vec<String>> {
    let mut lines = csv.lines();
    let header: Vec<String> = split_csv(lines.next().unwrap_or(""));
    let mut out: Vec<Vec<String>> = lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            split_csv(l)
                .into_iter()
                .zip(&header)
                .map(|(v, h)| {
                    let v = match v.as_str() {
                        "true" => "1".to_string(),
                        "false" => "0".to_string(),
                        _ => v,
                    };
                    match separators.get(h) {
                        Some(sep) if !v.is_empty() => {
                            let mut parts: Vec<&str> = v.split(sep.as_str()).collect();
                            parts.sort();
                            parts.join(sep)
                        }
                        _ => match v.parse::<f64>() {
                            Ok(n)
                                if !v.is_empty()
                                    && v.chars()
                                        .all(|c| c.is_ascii_digit() || ".-+eE".contains(c)) =>
                            {
                                format!("{n}")
                            }
                            _ => v,
                        },
                    }
                })
                .collect()
        })
        .collect();
    out.sort();
    out.insert(0, header);
    out
}

fn split_csv(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

/// {column: separator} of the GROUP_CONCAT columns of a named query.
fn concatenations(name: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join(format!("queries/{name}.rq"))).unwrap();
    let mut out = BTreeMap::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("separator=\"") {
        let after = &rest[i + 11..];
        let sep = &after[..after.find('"').unwrap()];
        let var_at = after.find("AS ?").unwrap() + 4;
        let var: String = after[var_at..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        out.insert(var, sep.to_string());
        rest = &after[var_at..];
    }
    out
}

fn named_queries() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text.lines().map(str::to_string).collect();
    v.sort();
    v
}

/// Everything a remote store must do as the embedded one does. `remote` are the arguments that
/// name the store (URL, preset, credentials).
/// `subset`: named queries for which the store is known to drop rows: there the remote rows must
/// be some of the embedded ones, and not none. (None at present: Virtuoso 7.2.5 dropped rows of
/// `negotiation-gaps` whose opposing side came through an office holder's stance, for some orders
/// of loading the documents, until the query's two sides were put in a subquery of their own.)
fn same_as_embedded(remote: &[&str], subset: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let embedded = fixture_store(dir.path());
    let local = ["--store", embedded.to_str().unwrap()];
    let with = |base: &[&str], args: &[&str]| -> Vec<String> {
        base.iter().chain(args).map(|s| s.to_string()).collect()
    };
    let run_remote = |args: &[&str]| -> Output {
        let a = with(remote, args);
        neg(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let ok_remote = |args: &[&str]| -> String {
        let out = run_remote(args);
        assert!(
            out.status.success(),
            "{args:?} on {remote:?}: {}",
            stderr(&out)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let ok_local = |args: &[&str]| -> String {
        let a = with(&local, args);
        neg_ok(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let corpus = fixtures();
    let corpus = corpus.to_str().unwrap();

    // Two machines' shards, then the whole corpus again: nothing more is added.
    let mut new = 0;
    for shard in ["1/2", "2/2"] {
        let out = run_remote(&["ingest", "-q", "--shard", shard, corpus]);
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        let n: usize = err
            .split(" documents new")
            .next()
            .and_then(|s| s.rsplit(' ').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{err}"));
        new += n;
    }
    assert_eq!(new, 18, "the shards together are the 18 fixtures");
    let out = run_remote(&["ingest", "-q", corpus]);
    assert!(
        stderr(&out).contains("0 documents new, 18 already present"),
        "{}",
        stderr(&out)
    );

    // Every named query gives the same rows.
    for name in named_queries() {
        let ours = ok_local(&["query", "--named", &name, "--format", "csv"]);
        let theirs = ok_remote(&["query", "--named", &name, "--format", "csv"]);
        let seps = concatenations(&name);
        assert!(ours.lines().count() > 1, "{name} gives no rows");
        let (a, b) = (rows(&ours, &seps), rows(&theirs, &seps));
        if subset.contains(&name.as_str()) {
            assert!(b.len() > 1, "{name} on {remote:?} gives no rows");
            let extra: Vec<_> = b.iter().filter(|r| !a.contains(r)).take(3).collect();
            assert!(
                extra.is_empty(),
                "{name} on {remote:?}: rows not embedded: {extra:?}"
            );
            continue;
        }
        if a != b {
            let only_ours: Vec<_> = a.iter().filter(|r| !b.contains(r)).take(3).collect();
            let only_theirs: Vec<_> = b.iter().filter(|r| !a.contains(r)).take(3).collect();
            panic!(
                "{name} on {remote:?}: {} rows embedded, {} remote;\nonly embedded: {only_ours:?}\nonly remote: {only_theirs:?}",
                a.len() - 1,
                b.len() - 1
            );
        }
    }
    // Parameters, and each results format.
    for format in ["table", "csv", "tsv", "json", "xml"] {
        let args = [
            "query",
            "--named",
            "people-and-posts",
            "--param",
            "organization=qatar",
            "--format",
            format,
        ];
        assert_eq!(ok_local(&args), ok_remote(&args), "--format {format}");
    }
    let args = [
        "query",
        "--named",
        "stances-on-issue",
        "--param",
        "issue=ceasefire",
        "--param",
        "polarity=Oppose",
        "--format",
        "csv",
    ];
    assert_eq!(
        rows(&ok_local(&args), &BTreeMap::new()),
        rows(&ok_remote(&args), &BTreeMap::new())
    );
    // Bound parameters narrow the queries whose properties are joined by hash in subqueries, or
    // whose plan starts from the bound pattern.
    for (name, param) in [
        ("mediators", "mediator=qatar"),
        ("people-and-posts", "person=benjamin-netanyahu"),
        ("who-speaks-for-whom", "organization=qatar"),
        ("stance-changes", "actor=hamas"),
        ("stances-by-actor", "actor=hamas"),
        (
            "negotiation-gaps",
            "negotiation=https://w3id.org/negograph/id/negotiation/hamas--israel",
        ),
        ("opposite-stances", "supporter=actor:hamas"),
        ("opposite-stances", "opponent=actor:israel"),
        (
            "actors-by-role",
            "negotiation=https://w3id.org/negograph/id/negotiation/hamas--israel",
        ),
    ] {
        let args = [
            "query", "--named", name, "--param", param, "--format", "csv",
        ];
        let ours = ok_local(&args);
        assert!(ours.lines().count() > 1, "{name} {param} gives no rows");
        let seps = concatenations(name);
        assert_eq!(
            rows(&ours, &seps),
            rows(&ok_remote(&args), &seps),
            "{name} {param} on {remote:?}"
        );
    }
    // A holder and a target bound together: the other side's stances read from the target.
    // (Virtuoso 7.2.5 leaves out rows of some bound targets, end-of-war and disarmament among
    // them, with this query as with the one before it; not those below.)
    for params in [
        ["opponent=actor:bezalel-smotrich", "target=issue:ceasefire"],
        ["supporter=actor:israel", "target=issue:ceasefire"],
        ["supporter=actor:turkey", "target=actor:russia"],
    ] {
        let args = [
            "query",
            "--named",
            "opposite-stances",
            "--param",
            params[0],
            "--param",
            params[1],
            "--format",
            "csv",
        ];
        let ours = ok_local(&args);
        assert!(ours.lines().count() > 1, "{params:?} gives no rows");
        assert_eq!(
            rows(&ours, &BTreeMap::new()),
            rows(&ok_remote(&args), &BTreeMap::new()),
            "opposite-stances {params:?} on {remote:?}"
        );
    }
    // ASK, CONSTRUCT.
    let ask = "PREFIX neg: <https://w3id.org/negograph/ontology#> ASK { ?s a neg:Stance }";
    assert_eq!(ok_remote(&["query", ask]).trim(), "true");
    let no = run_remote(&["query", "ASK { <http://example.org/none> ?p ?o }"]);
    assert_eq!(
        (
            no.status.code(),
            String::from_utf8_lossy(&no.stdout).trim().to_string()
        ),
        (Some(1), "false".to_string())
    );
    let construct = "PREFIX neg: <https://w3id.org/negograph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a neg:State ; rdfs:label ?l }";
    assert_eq!(
        ok_local(&["query", "--format", "ntriples", construct]),
        ok_remote(&["query", "--format", "ntriples", construct])
    );
    // The same tables and counts.
    assert_eq!(
        ok_local(&["actors"]).lines().count(),
        ok_remote(&["actors"]).lines().count()
    );
    let stats = |s: String| s.lines().map(str::to_string).collect::<Vec<_>>();
    let (a, b) = (stats(ok_local(&["stats"])), stats(ok_remote(&["stats"])));
    assert_eq!(a[..3], b[..3]);
    assert_eq!(
        a[4].split(' ').next(),
        b[4].split(' ').next(),
        "{a:?} {b:?}"
    );

    // The same quads, streamed as N-Quads, and the same sorted Turtle.
    let nq = sorted_lines(&ok_local(&["export", "--format", "nquads"]));
    assert_eq!(
        nq,
        sorted_lines(&ok_remote(&["export", "--format", "nquads"]))
    );
    assert_eq!(
        ok_local(&["export", "--format", "turtle"]),
        ok_remote(&["export", "--format", "turtle"])
    );

    // Remove one document; removing it again fails; ingesting brings it back.
    // The first document's graph (the shared graph of actors sorts before documents' graphs).
    let doc = nq
        .iter()
        .filter_map(|l| l.rsplit(' ').nth(1))
        .map(|g| g.trim_matches(['<', '>']))
        .find(|g| g.contains("/id/doc/"))
        .expect("a document's graph")
        .to_string();
    assert!(doc.contains("/id/doc/"), "{doc}");
    ok_remote(&["remove", &doc]);
    let gone = sorted_lines(&ok_remote(&["export", "--format", "nquads"]));
    assert!(gone.len() < nq.len() && gone.iter().all(|l| !l.ends_with(&format!("<{doc}> ."))));
    let again = run_remote(&["remove", &doc]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("no document"), "{}", stderr(&again));
    let out = run_remote(&["ingest", "-q", corpus]);
    assert!(
        stderr(&out).contains("1 documents new, 17 already present"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        nq,
        sorted_lines(&ok_remote(&["export", "--format", "nquads"]))
    );

    // Update and load write; query never does.
    let refused = run_remote(&["query", "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("negograph update"));
    ok_remote(&["update", "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> \"c\" } }"]);
    assert_eq!(
        ok_remote(&[
            "query",
            "ASK { GRAPH <http://example.org/g> { <http://example.org/a> ?p \"c\" } }"
        ])
        .trim(),
        "true"
    );
    let file = dir.path().join("extra.ttl");
    std::fs::write(
        &file,
        "<http://example.org/x> <http://example.org/says> \"Grüße\"@de .\n",
    )
    .unwrap();
    ok_remote(&[
        "load",
        file.to_str().unwrap(),
        "--graph",
        "http://example.org/loaded",
    ]);
    let back = ok_remote(&[
        "query",
        "--format",
        "csv",
        "SELECT ?o WHERE { GRAPH <http://example.org/loaded> { ?s ?p ?o } }",
    ]);
    assert!(back.contains("Grüße"), "{back}");
    ok_remote(&["update", "CLEAR SILENT GRAPH <http://example.org/g> ; CLEAR SILENT GRAPH <http://example.org/loaded>"]);
    // The document graphs are unchanged by all that.
    assert_eq!(
        nq,
        sorted_lines(&ok_remote(&["export", "--format", "nquads"]))
    );
}

#[test]
#[ignore = "needs NEGOGRAPH_TEST_OXIGRAPH_URL: run tests/remote/run.sh"]
fn oxigraph_server_gives_what_the_embedded_store_gives() {
    let url = server("NEGOGRAPH_TEST_OXIGRAPH_URL");
    same_as_embedded(&["--store", &url, "--preset", "oxigraph"], &[]);
}

#[test]
#[ignore = "needs NEGOGRAPH_TEST_VIRTUOSO_URL: run tests/remote/run.sh"]
fn virtuoso_gives_what_the_embedded_store_gives() {
    let url = server("NEGOGRAPH_TEST_VIRTUOSO_URL");
    // Without credentials Virtuoso's public endpoints refuse writes: one clear line.
    let dir = tempfile::tempdir().unwrap();
    let article = one_article(dir.path());
    let out = neg(&[
        "--store", &url, "--preset", "virtuoso", "ingest", "-q", &article,
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("403") || err.contains("401"), "{err}");
    // With the dba account, Digest authentication on the -auth endpoints.
    let user = std::env::var("NEGOGRAPH_TEST_VIRTUOSO_USER").unwrap_or_else(|_| "dba".into());
    let password =
        std::env::var("NEGOGRAPH_TEST_VIRTUOSO_PASSWORD").unwrap_or_else(|_| "dba".into());
    same_as_embedded(
        &[
            "--store",
            &url,
            "--preset",
            "virtuoso",
            "--user",
            &user,
            "--password",
            &password,
        ],
        &[],
    );
}
