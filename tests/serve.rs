//! `negograph serve` over real HTTP: the SPARQL 1.1 Protocol (GET, POST, form), content
//! negotiation, updates refused unless --allow-update, the Graph Store Protocol for reading, the
//! timeout, the row limit, loopback only, the JSON API and the page; and curl against it.
//!
//! Each test starts the binary on a free loopback port over a store ingested from
//! tests/fixtures/articles, and talks to it with a small HTTP/1.1 client written here (one
//! request per connection), so the test needs no HTTP crate.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::{bin, fixtures};

/// One store for the read-only tests (servers open it read-only, several at once).
fn shared_store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let store = dir.path().join("store");
            ingest(&store);
            (dir, store)
        })
        .1
}

fn ingest(store: &Path) {
    let out = common::run(
        store,
        &["ingest", "--quiet", fixtures().to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(store: &Path, extra: &[&str]) -> Server {
        let port = free_port();
        let bind = format!("127.0.0.1:{port}");
        let child = Command::new(bin())
            .arg("--store")
            .arg(store)
            .args(["serve", "--bind", &bind])
            .args(extra)
            .env_remove("NEGOGRAPH_STORE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("negograph serve starts");
        let mut server = Server { child, port };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("negograph serve exited with {status}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the server did not listen"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.port,
            body.len()
        );
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        Reply::parse(&raw)
    }

    fn get(&self, path: &str, accept: &str) -> Reply {
        self.request("GET", path, &[("Accept", accept)], b"")
    }

    fn query_get(&self, query: &str, accept: &str) -> Reply {
        self.get(&format!("/sparql?query={}", encode(query)), accept)
    }

    fn query_post(&self, query: &str, accept: &str) -> Reply {
        self.request(
            "POST",
            "/sparql",
            &[
                ("Accept", accept),
                ("Content-Type", "application/sparql-query"),
            ],
            query.as_bytes(),
        )
    }

    fn query_form(&self, query: &str, accept: &str) -> Reply {
        self.request(
            "POST",
            "/sparql",
            &[
                ("Accept", accept),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            format!("query={}", encode(query)).as_bytes(),
        )
    }

    fn update(&self, update: &str, extra: &[(&str, &str)]) -> Reply {
        let mut headers = vec![("Content-Type", "application/sparql-update")];
        headers.extend_from_slice(extra);
        self.request("POST", "/update", &headers, update.as_bytes())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response");
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let mut body = raw[split + 4..].to_vec();
        let mut lines = head.lines();
        let status: u16 = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let chunked = headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        if chunked {
            let mut out = Vec::new();
            let mut rest = &body[..];
            loop {
                let eol = rest.windows(2).position(|w| w == b"\r\n").unwrap();
                let size = usize::from_str_radix(
                    String::from_utf8_lossy(&rest[..eol])
                        .split(';')
                        .next()
                        .unwrap()
                        .trim(),
                    16,
                )
                .unwrap();
                if size == 0 {
                    break;
                }
                out.extend_from_slice(&rest[eol + 2..eol + 2 + size]);
                rest = &rest[eol + 2 + size + 2..];
            }
            body = out;
        }
        Reply {
            status,
            headers,
            body: String::from_utf8(body).expect("a UTF-8 body"),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or_default()
    }

    fn json(&self) -> serde_json::Value {
        assert_eq!(self.status, 200, "{}", self.body);
        serde_json::from_str(&self.body).expect("JSON")
    }

    fn rows(&self) -> usize {
        self.json()["results"]["bindings"].as_array().unwrap().len()
    }
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

const STATES: &str = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX neg: <https://w3id.org/negograph/ontology#>
SELECT DISTINCT ?actor ?label WHERE { ?actor a neg:State ; rdfs:label ?label } ORDER BY ?label";
const JSON: &str = "application/sparql-results+json";

fn count(server: &Server, query: &str) -> u64 {
    let r = server.query_get(query, JSON).json();
    r["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn get_post_and_form_queries_agree_with_the_command_line() {
    let store = shared_store();
    let server = Server::start(store, &[]);
    let get = server.query_get(STATES, JSON);
    let post = server.query_post(STATES, JSON);
    let form = server.query_form(STATES, JSON);
    assert_eq!(get.content_type(), JSON);
    assert_eq!(get.json(), post.json());
    assert_eq!(get.json(), form.json());
    let cli = common::ok(store, &["query", STATES, "--format", "json"]);
    let cli: serde_json::Value = serde_json::from_str(&cli).unwrap();
    assert_eq!(get.json(), cli);
    assert!(get.rows() > 10);
    // the default graph is the union of the document graphs
    assert!(count(&server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") > 1000);
    // a dataset given in the request replaces it
    let ask = server.get(
        &format!(
            "/sparql?query={}&default-graph-uri={}",
            encode("ASK { ?s ?p ?o }"),
            encode("https://example.org/no-such-graph")
        ),
        JSON,
    );
    assert_eq!(ask.json()["boolean"], false);
    // errors say what is wrong
    let bad = server.query_get("SELECT WHERE {", JSON);
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("syntax"), "{}", bad.body);
    let cors = server.request(
        "OPTIONS",
        "/sparql",
        &[("Origin", "http://example.org")],
        b"",
    );
    assert_eq!(cors.status, 204);
    assert_eq!(cors.header("access-control-allow-origin"), Some("*"));
}

#[test]
fn results_in_every_format_by_content_negotiation() {
    let server = Server::start(shared_store(), &[]);
    let n = server.query_get(STATES, JSON).rows();

    let xml = server.query_get(STATES, "application/sparql-results+xml");
    assert_eq!(xml.content_type(), "application/sparql-results+xml");
    assert!(xml
        .body
        .contains("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\""));
    assert_eq!(xml.body.matches("<result>").count(), n);

    let csv = server.query_get(STATES, "text/csv");
    assert!(csv.content_type().starts_with("text/csv"));
    assert_eq!(csv.body.lines().next(), Some("actor,label"));
    assert_eq!(csv.body.lines().count(), n + 1);

    let tsv = server.query_get(STATES, "text/tab-separated-values");
    assert!(tsv.content_type().starts_with("text/tab-separated-values"));
    assert_eq!(tsv.body.lines().next(), Some("?actor\t?label"));

    // quality values are followed
    let q = server.query_get(STATES, "application/sparql-results+json;q=0.2, text/csv");
    assert!(q.content_type().starts_with("text/csv"));
    // no Accept: JSON
    let plain = server.request(
        "GET",
        &format!("/sparql?query={}", encode(STATES)),
        &[],
        b"",
    );
    assert_eq!(plain.content_type(), JSON);
    assert_eq!(server.query_get(STATES, "image/png").status, 406);

    let construct = "PREFIX neg: <https://w3id.org/negograph/ontology#>
CONSTRUCT { ?s a neg:Stance ; neg:holder ?h } WHERE { ?s a neg:Stance ; neg:holder ?h }";
    let nt = server.query_get(construct, "application/n-triples");
    assert_eq!(nt.content_type(), "application/n-triples");
    let triples = nt.body.lines().filter(|l| !l.is_empty()).count();
    assert!(triples > 100);
    let ttl = server.query_get(construct, "text/turtle");
    assert_eq!(ttl.content_type(), "text/turtle");
    assert!(ttl
        .body
        .contains("@prefix neg: <https://w3id.org/negograph/ontology#>"));
    assert!(ttl.body.contains("neg:holder actor:"));
    let rdfxml = server.query_get(construct, "application/rdf+xml");
    assert_eq!(rdfxml.content_type(), "application/rdf+xml");
    assert!(rdfxml.body.contains("<rdf:RDF"));
    let jsonld = server.query_get(construct, "application/ld+json");
    assert_eq!(jsonld.content_type(), "application/ld+json");
    let _: serde_json::Value = serde_json::from_str(&jsonld.body).expect("JSON-LD is JSON");
    // a SELECT-only type for a graph result, and the other way round
    assert_eq!(server.query_get(construct, "text/csv").status, 406);
    assert_eq!(server.query_get(STATES, "text/turtle").status, 406);

    let ask = server.query_get("ASK { ?s ?p ?o }", "application/sparql-results+xml");
    assert!(ask.body.contains("<boolean>true</boolean>"), "{}", ask.body);
}

const INSERT: &str = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/p> \"x\" } }";
const INSERTED: &str = "SELECT (COUNT(*) AS ?n) WHERE { <https://example.org/a> ?p ?o }";

#[test]
fn updates_are_refused_without_allow_update() {
    let server = Server::start(shared_store(), &[]);
    let r = server.update(INSERT, &[]);
    assert_eq!(r.status, 403);
    assert!(r.body.contains("--allow-update"), "{}", r.body);
    let r = server.request(
        "POST",
        "/sparql",
        &[("Content-Type", "application/sparql-update")],
        INSERT.as_bytes(),
    );
    assert_eq!(r.status, 403);
    let r = server.request(
        "POST",
        "/sparql",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        format!("update={}", encode(INSERT)).as_bytes(),
    );
    assert_eq!(r.status, 403);
    // an update sent as a query is not run either
    assert_eq!(server.query_get(INSERT, JSON).status, 400);
    assert_eq!(count(&server, INSERTED), 0);
    // the Graph Store Protocol only reads
    let r = server.request(
        "PUT",
        "/store?default",
        &[("Content-Type", "text/turtle")],
        b"",
    );
    assert_eq!(r.status, 405);
}

#[test]
fn updates_are_run_with_allow_update() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest(&store);
    let server = Server::start(&store, &["--allow-update"]);
    let r = server.update(INSERT, &[]);
    assert_eq!(r.status, 204, "{}", r.body);
    assert_eq!(count(&server, INSERTED), 1);
    let r = server.request(
        "POST",
        "/sparql",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        format!(
            "update={}",
            encode("DELETE WHERE { GRAPH ?g { <https://example.org/a> ?p ?o } }")
        )
        .as_bytes(),
    );
    assert_eq!(r.status, 204, "{}", r.body);
    assert_eq!(count(&server, INSERTED), 0);
    // a page of another site cannot write through the user's browser
    let r = server.update(INSERT, &[("Origin", "http://evil.example")]);
    assert_eq!(r.status, 403);
    assert_eq!(count(&server, INSERTED), 0);
    assert_eq!(server.update(INSERT, &[]).status, 204);
    // LOAD would have the server fetch an address of the client's choosing, its own too
    let r = server.update(
        &format!("LOAD <http://127.0.0.1:{}/store?default>", server.port),
        &[],
    );
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(
        r.body.contains("LOAD and SERVICE are not accepted"),
        "{}",
        r.body
    );
    let r = server.update(
        "INSERT { ?s ?p ?o } WHERE { SERVICE <http://localhost:22/> { ?s ?p ?o } }",
        &[],
    );
    assert_eq!(r.status, 403, "{}", r.body);
    drop(server);
    // the update reached the store on disk
    let out = common::ok(&store, &["query", INSERTED, "--format", "csv"]);
    assert_eq!(out.lines().nth(1), Some("1"));
}

#[test]
fn the_graph_store_protocol_reads_a_document_graph() {
    let server = Server::start(shared_store(), &[]);
    let docs = server
        .query_get(
            "SELECT ?d WHERE { ?d a <https://w3id.org/negograph/ontology#Document> } ORDER BY ?d LIMIT 1",
            JSON,
        )
        .json();
    let doc = docs["results"]["bindings"][0]["d"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    let in_graph = count(
        &server,
        &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{doc}> {{ ?s ?p ?o }} }}"),
    );
    let nt = server.get(
        &format!("/store?graph={}", encode(&doc)),
        "application/n-triples",
    );
    assert_eq!(nt.status, 200, "{}", nt.body);
    assert_eq!(nt.content_type(), "application/n-triples");
    assert_eq!(
        nt.body.lines().filter(|l| !l.is_empty()).count() as u64,
        in_graph
    );
    let ttl = server.get(&format!("/store?graph={}", encode(&doc)), "text/turtle");
    assert_eq!(ttl.content_type(), "text/turtle");
    assert!(ttl.body.contains("a neg:Document"), "{}", ttl.body);
    // the hash alone names the document too
    let hash = doc.rsplit('/').next().unwrap();
    let by_hash = server.get(&format!("/store?graph={hash}"), "application/n-triples");
    assert_eq!(by_hash.body, nt.body);
    // HEAD: the headers without the body
    let head = server.request(
        "HEAD",
        &format!("/store?graph={}", encode(&doc)),
        &[("Accept", "text/turtle")],
        b"",
    );
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let missing = server.get(
        "/store?graph=https%3A%2F%2Fexample.org%2Fnone",
        "text/turtle",
    );
    assert_eq!(missing.status, 404);
    assert_eq!(server.get("/store", "text/turtle").status, 400);
}

#[test]
fn a_query_is_stopped_at_the_timeout() {
    let server = Server::start(shared_store(), &["--timeout", "0.5"]);
    let started = Instant::now();
    let r = server.query_get(
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?a) < STR(?d)) }",
        JSON,
    );
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("timeout"), "{}", r.body);
    assert!(started.elapsed() < Duration::from_secs(20));
    // the server still answers
    assert!(server.query_get(STATES, JSON).rows() > 0);
}

#[test]
fn a_query_that_holds_too_much_memory_is_stopped() {
    let server = Server::start(shared_store(), &["--timeout", "60", "--query-memory", "16"]);
    let config = server.get("/api/config", JSON);
    assert!(
        config.body.contains("\"queryMemoryMiB\":16"),
        "{}",
        config.body
    );
    // every pair of triples, sorted: the sort gathers hundreds of MiB before its first row
    let started = Instant::now();
    let r = server.query_get(
        "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d",
        JSON,
    );
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("16 MiB"), "{}", r.body);
    assert!(started.elapsed() < Duration::from_secs(30));
    // a query within the limit answers, on the same server
    assert!(server.query_get(STATES, JSON).rows() > 0);
}

#[test]
fn results_are_cut_at_the_row_limit() {
    let server = Server::start(shared_store(), &["--max-rows", "5"]);
    let r = server.query_get("SELECT * WHERE { ?s ?p ?o }", JSON);
    assert_eq!(r.rows(), 5);
    assert_eq!(r.header("negograph-truncated"), Some("true"));
    assert_eq!(r.header("negograph-row-limit"), Some("5"));
    let csv = server.query_get("SELECT * WHERE { ?s ?p ?o }", "text/csv");
    assert_eq!(csv.body.lines().count(), 6);
    let g = server.query_get(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "application/n-triples",
    );
    assert_eq!(g.body.lines().filter(|l| !l.is_empty()).count(), 5);
    assert_eq!(g.header("negograph-truncated"), Some("true"));
    // a result within the limit is whole, and says nothing
    let small = server.query_get("SELECT * WHERE { ?s ?p ?o } LIMIT 5", JSON);
    assert_eq!(small.rows(), 5);
    assert_eq!(small.header("negograph-truncated"), None);
}

#[test]
fn only_loopback_addresses_unless_public() {
    let store = shared_store();
    for bind in ["0.0.0.0:0", "192.0.2.7:7878", "[::]:0"] {
        let out = common::run(store, &["serve", "--bind", bind], None);
        assert_eq!(out.status.code(), Some(2), "{bind}");
        let err = common::stderr(&out);
        assert!(
            err.contains("not a loopback address") && err.contains("--public"),
            "{err}"
        );
    }
    let out = common::run(store, &["serve", "--bind", "no-port"], None);
    assert_eq!(out.status.code(), Some(2));
    // localhost is loopback
    let port = free_port();
    let mut child = Command::new(bin())
        .arg("--store")
        .arg(store)
        .args(["serve", "--bind", &format!("localhost:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(child.try_wait().unwrap().is_none(), "localhost refused");
        assert!(started.elapsed() < Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn named_queries_and_the_page() {
    let store = shared_store();
    let server = Server::start(store, &[]);
    let list = server.get("/api/queries", "application/json").json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), negograph::query::NAMED.len());
    let posts = list
        .iter()
        .find(|q| q["name"] == "people-and-posts")
        .unwrap();
    assert_eq!(
        posts["params"],
        serde_json::json!(["person", "organization"])
    );
    assert!(!posts["title"].as_str().unwrap().is_empty());

    let r = server.get("/api/named/people-and-posts?organization=qatar", "text/csv");
    let cli = common::ok(
        store,
        &[
            "query",
            "--named",
            "people-and-posts",
            "--param",
            "organization=qatar",
            "--format",
            "csv",
        ],
    );
    assert_eq!(r.body.replace("\r\n", "\n"), cli.replace("\r\n", "\n"));
    assert!(r.body.contains("Majed al-Ansari"));
    // a parameter is a value, never text of the query
    let r = server.get(
        &format!(
            "/api/named/people-and-posts?organization={}",
            encode("} } DROP ALL #")
        ),
        JSON,
    );
    assert_eq!(r.rows(), 0);
    assert_eq!(server.get("/api/named/nothing", JSON).status, 404);

    let net = server.get("/api/network", "application/json").json();
    assert!(net["nodes"].as_array().unwrap().len() > 50);
    assert!(net["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "stance" && e["polarity"] == "Oppose"));

    let page = server.get("/", "text/html");
    assert!(page.content_type().starts_with("text/html"));
    assert!(page.body.contains("<title>negograph</title>"));
    for outside in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(
            !page.body.contains(outside),
            "the page loads nothing from elsewhere"
        );
    }
    for asset in ["/app.js", "/style.css"] {
        let r = server.get(asset, "*/*");
        assert_eq!(r.status, 200, "{asset}");
    }
    assert_eq!(server.get("/nothing", "*/*").status, 404);
    let sd = server.get("/sparql", "text/turtle");
    assert!(sd.body.contains("sd:Service"));
}

/// curl, as a user would type it against the endpoint (skipped where curl is missing).
#[test]
fn curl_works_against_the_endpoint() {
    if Command::new("curl").arg("--version").output().is_err() {
        eprintln!("curl not installed: skipped");
        return;
    }
    let server = Server::start(shared_store(), &[]);
    let curl = |args: &[&str]| {
        let out = Command::new("curl")
            .args(["-sS", "--fail"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let csv = curl(&[
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        &format!("query={STATES}"),
        &server.url("/sparql"),
    ]);
    assert_eq!(csv, server.query_get(STATES, "text/csv").body);
    let get = curl(&[
        "-G",
        "-H",
        "Accept: application/sparql-results+json",
        "--data-urlencode",
        &format!("query={STATES}"),
        &server.url("/sparql"),
    ]);
    let get: serde_json::Value = serde_json::from_str(&get).unwrap();
    assert_eq!(get, server.query_get(STATES, JSON).json());
    let posted = curl(&[
        "-H",
        "Content-Type: application/sparql-query",
        "-H",
        "Accept: text/tab-separated-values",
        "--data-binary",
        STATES,
        &server.url("/sparql"),
    ]);
    assert!(posted.starts_with("?actor\t?label"));
    let ttl = curl(&["-H", "Accept: text/turtle", &server.url("/store?default")]);
    assert!(ttl.contains("a neg:Stance"));
    let out = Command::new("curl")
        .args(["-sS", "-o", "/dev/null", "-w", "%{http_code}"])
        .args([
            "-H",
            "Content-Type: application/sparql-update",
            "--data-binary",
            INSERT,
        ])
        .arg(server.url("/update"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "403");
}

// ---------------------------------------------------------------------------------------------
// Hostile requests on a --public server: each gets a clear 4xx/5xx, and the server answers the
// next request.

/// Writes `head` and `body` on a fresh connection and reads the reply (the server may close the
/// connection before it has read all of `body`: what it wrote is read all the same).
fn raw(server: &Server, head: &str, body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    // the server may refuse (and close) before the body is all sent: a failed write is expected
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    Reply::parse(&raw)
}

fn assert_still_answers(server: &Server) {
    assert!(
        server.query_get(STATES, JSON).rows() > 0,
        "the server answers after that"
    );
}

#[test]
fn hostile_query_texts_get_400_and_the_server_goes_on() {
    let server = Server::start(shared_store(), &["--public", "--timeout", "10"]);
    // 100,000 opening braces: refused before the parser sees them
    let n = 100_000;
    let deep = format!("SELECT * WHERE {}{}", "{".repeat(n), "}".repeat(n));
    let r = server.query_post(&deep, JSON);
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(
        r.body.contains("nests brackets more than 128 deep"),
        "{}",
        r.body
    );
    assert_still_answers(&server);
    // the same through a form, and parentheses in an expression
    let deep = format!("ASK {{ FILTER({}1{}) }}", "(".repeat(n), ")".repeat(n));
    let r = server.query_form(&deep, JSON);
    assert_eq!(r.status, 400, "{}", r.body);
    assert_still_answers(&server);
    // no brackets, but a tree as deep as the text is long
    let chain = format!("ASK {{ FILTER(1{}) }}", "+1".repeat(300_000));
    let r = server.query_post(&chain, JSON);
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("levels deep"), "{}", r.body);
    let unions = format!("SELECT * WHERE {{ {{}}{} }}", " UNION {}".repeat(50_000));
    assert_eq!(server.query_post(&unions, JSON).status, 400);
    assert_still_answers(&server);
    // a query nested as deep as the limit allows is run
    let ok = format!(
        "ASK {{ FILTER({}1{} = 1) }}",
        "(".repeat(100),
        ")".repeat(100)
    );
    let r = server.query_post(&ok, JSON);
    assert_eq!(r.status, 200, "{}", r.body);
    // a body that is not UTF-8
    let r = server.request(
        "POST",
        "/sparql",
        &[("Content-Type", "application/sparql-query")],
        b"SELECT * WHERE { ?s ?p \"\xff\xfe\" }",
    );
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("not UTF-8"), "{}", r.body);
    // SERVICE to the server itself or any local address is not called
    let service = format!(
        "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{}/sparql> {{ ?s ?p ?o }} }}",
        server.port
    );
    let r = server.query_get(&service, JSON);
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(r.body.contains("SERVICE is not accepted"), "{}", r.body);
    let r = server.query_get(
        "ASK { FILTER EXISTS { SERVICE SILENT <http://localhost:22/> { ?s ?p ?o } } }",
        JSON,
    );
    assert_eq!(r.status, 403, "{}", r.body);
    // updates without --allow-update, LOAD among them
    let r = server.update("LOAD <http://127.0.0.1:22/x.ttl>", &[]);
    assert_eq!(r.status, 403, "{}", r.body);
    // a huge --param value is a value: no rows, no error
    let huge = "x".repeat(30_000);
    let r = server.get(&format!("/api/named/stances-on-issue?issue={huge}"), JSON);
    assert_eq!(r.rows(), 0);
    // and a URL longer than the server reads is refused by the HTTP layer
    let huge = "x".repeat(200_000);
    let r = server.get(&format!("/api/named/stances-on-issue?issue={huge}"), JSON);
    assert!(matches!(r.status, 414 | 431 | 400), "{}", r.status);
    assert_still_answers(&server);
}

#[test]
fn a_100_mb_body_gets_413_without_being_read() {
    let server = Server::start(shared_store(), &["--public"]);
    let started = Instant::now();
    let head = format!(
        "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\nContent-Length: {}\r\n\r\n",
        100 << 20
    );
    // only the first megabyte is sent: the answer must not wait for the rest
    let r = raw(&server, &head, &vec![b' '; 1 << 20]);
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(r.body.contains("limited to 1048576 bytes"), "{}", r.body);
    assert!(started.elapsed() < Duration::from_secs(20));
    // a chunked body without a length is cut at the limit too
    let chunk = vec![b' '; 1 << 16];
    let mut body = Vec::new();
    for _ in 0..40 {
        body.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        body.extend_from_slice(&chunk);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"0\r\n\r\n");
    let head = "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n";
    assert_eq!(raw(&server, head, &body).status, 413);
    assert_still_answers(&server);
}

#[test]
fn idle_and_slow_connections_do_not_keep_others_out() {
    let server = Server::start(shared_store(), &["--public"]);
    // two thousand connections that send nothing
    let idle: Vec<TcpStream> = (0..2000)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    // one that sends its head a byte at a time
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.write_all(b"GET /sparql?query=ASK").unwrap();
    let started = Instant::now();
    assert_still_answers(&server);
    assert!(started.elapsed() < Duration::from_secs(5));
    // the slow one is closed once its head has taken 10 s, without an answer
    slow.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(8) && waited < Duration::from_secs(25),
        "closed after {waited:?}"
    );
    drop(idle);
    assert_still_answers(&server);
}

#[test]
fn connections_over_the_limit_get_503() {
    let server = Server::start(shared_store(), &["--public", "--max-connections", "20"]);
    // the connection that found the server listening is let go first
    std::thread::sleep(Duration::from_millis(300));
    let held: Vec<TcpStream> = (0..20)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let r = server.query_get(STATES, JSON);
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.header("retry-after").is_some());
    drop(held);
    std::thread::sleep(Duration::from_millis(300));
    assert_still_answers(&server);
}

#[test]
fn store_work_beyond_the_limit_gets_503_with_retry_after() {
    // one request on the store at a time, and none waiting
    let server = Server::start(
        shared_store(),
        &["--max-running", "1", "--max-waiting", "0", "--timeout", "3"],
    );
    let port = server.port;
    // a query that runs until the timeout stops it, keeping the one turn
    let slow = std::thread::spawn(move || {
        let q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?a) < STR(?d)) }";
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let head = format!(
            "GET /sparql?query={} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            encode(q)
        );
        stream.write_all(head.as_bytes()).unwrap();
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        Reply::parse(&raw).status
    });
    std::thread::sleep(Duration::from_millis(500));
    let r = server.query_get(STATES, JSON);
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("busy"), "{}", r.body);
    assert!(r.header("retry-after").is_some(), "{:?}", r.headers);
    // what needs no store is answered meanwhile
    assert_eq!(server.get("/api/queries", "application/json").status, 200);
    assert_eq!(
        slow.join().unwrap(),
        503,
        "the slow query is stopped at the timeout"
    );
    assert_still_answers(&server);
}

// ---------------------------------------------------------------------------------------------
// Serving while an ingest writes the store.

const DOCUMENTS: &str = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a <https://w3id.org/negograph/ontology#Document> } }";

#[test]
fn serve_keeps_answering_during_an_ingest_and_sees_what_it_commits() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let first = std::fs::read_dir(fixtures())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
        .expect("a .txt fixture");
    common::ok(&store, &["ingest", "--quiet", first.to_str().unwrap()]);
    let server = Server::start(&store, &[]);
    assert_eq!(count(&server, DOCUMENTS), 1);
    // the rest, one transaction per document, while the server answers
    let mut ingest = Command::new(bin())
        .args([
            "ingest",
            "--quiet",
            "--no-bulk",
            fixtures().to_str().unwrap(),
        ])
        .env("NEGOGRAPH_STORE", &store)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut answered = 0;
    while ingest.try_wait().unwrap().is_none() {
        let r = server.query_get(DOCUMENTS, JSON);
        assert_eq!(r.status, 200, "during the ingest: {}", r.body);
        answered += 1;
    }
    assert!(ingest.wait().unwrap().success());
    let all: u64 = common::ok(&store, &["query", "--format", "csv", DOCUMENTS])
        .lines()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    assert!(all > 1);
    // within a few of its looks at the store (every 2 s), the server sees all of them
    let started = Instant::now();
    while count(&server, DOCUMENTS) != all {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server still counts {} documents of {all} after 30 s",
            count(&server, DOCUMENTS)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    eprintln!(
        "{answered} answers during the ingest; all {all} documents seen after {:?}",
        started.elapsed()
    );
    // the server is killed, so its view of the store stays behind; the next reader removes it
    drop(server);
    assert_eq!(std::fs::read_dir(store.join("readers")).unwrap().count(), 1);
    common::ok(&store, &["stats"]);
    let views = std::fs::read_dir(store.join("readers"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(views, 0);
}
